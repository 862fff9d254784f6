"""What every strategy gets and gives: one :class:`Problem` in, one :class:`Outcome` out.

The pipeline builds the problem once (graph, greedy proposal, locks, budget);
a strategy only decides how to find the jobs, so that a new one (more exact
methods, a cover mode) is one class beside the others.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Protocol

import networkx as nx

from combibaan.model import Instance
from combibaan.rules import Limits, Policy, Profile
from combibaan.solvers.budget import Budget, reserve
from combibaan.solvers.enumeration import Enumeration
from combibaan.solvers.expansion import Expansion, Ways
from combibaan.solvers.hours_bound import hours_bound, jobs_by_minutes
from combibaan.solvers.locking import LockPlan
from combibaan.solvers.ortools.objective import burden
from combibaan.solvers.ortools.set_packing import Progress

#: Nothing enumerated (the large path from the start).
NOTHING = Enumeration([], False, 0, 0.0)


@dataclass(frozen=True)
class Problem:
    """One solve's input as the strategies see it, built once by :func:`.solve`."""

    instance: Instance
    policy: Policy
    limits: Limits
    profiles: list[Profile]
    graph: nx.Graph
    #: The greedy proposal (locks kept): always an answer, and the first hint.
    greedy: list[tuple[int, ...]]
    plan: LockPlan
    #: Task indices that must be placed (``explain``'s what-ifs).
    required: set[int]
    budget: Budget
    seed: int
    workers: int
    max_columns: int
    progress: Progress | None
    #: The candidates' jobs kept beside the search (task indices, sorted) and their codes.
    candidate_of: Mapping[tuple[int, ...], str] = field(default_factory=dict)
    #: The searches' nodes (:mod:`..expansion`): the tasks, or with flexible tasks their
    #: variants; ``nodes`` is their compatibility graph (``graph`` that of the tasks).
    expansion: Expansion | None = None
    nodes: nx.Graph | None = None
    #: Share of the time limit the exact path leaves unused, for the bound for every
    #: start where starts are thinned (:mod:`..every_start`); the large path uses it all.
    bound_share: float = 0.0

    def packing_budget(self) -> Budget:
        """The budget the exact path packs in: the time limit less :attr:`bound_share`,
        its wall-clock cap a :func:`~.budget.reserve` before the end, so that the reasons
        and the result fit in the limit on a busy machine (30 s on 140 short tasks ended
        at 30.3 s) as the large path's do."""
        limit = (1 - self.bound_share) * self.budget.time_limit
        return replace(self.budget, time_limit=limit, kept=reserve(self.budget.time_limit))

    @property
    def flexible(self) -> bool:
        return self.expansion is not None and self.expansion.flexible

    def node_accept(self) -> Callable[[Sequence[int]], bool] | None:
        """The together-locks' test on a job of nodes."""
        if self.expansion is None:
            return self.plan.accept
        return self.expansion.over_nodes(self.plan.accept)

    def ways(self) -> Ways | None:
        """Each task's ways and the graph of them, for the reasons (``None``: no
        flexible tasks, the tasks are the ways)."""
        if self.expansion is None or self.nodes is None or not self.expansion.flexible:
            return None
        return Ways.of_graph(self.expansion, self.nodes, self.plan.accept)

    def minutes(self, column: Sequence[int]) -> int:
        return sum(self.profiles[t].minutes for t in column)

    def burden(self, column: Sequence[int]) -> int:
        days = None if self.expansion is None else self.expansion.days(column)
        return job_burden(self.instance, column, days)

    def hours_bound(self) -> int:
        """:func:`hours_bound` of this problem's graph."""
        return hours_bound(self.graph, self.profiles, self.limits)

    @property
    def starts_thinned(self) -> bool:
        """Whether some flexible task's starts were tried on a coarser step than the exact
        grid (:mod:`combibaan.model.variants`): what the searches prove then holds for the
        starts tried, not for every start."""
        return self.expansion is not None and bool(self.expansion.thinned)

    def _start_free(self) -> list[int]:
        """Minutes of every task the searches may place (none kept or removed by a lock)
        that is not too long for a job on its own. Unlike the graph's, which knows only
        the starts tried, these hold whatever the starts: for bounds under thinned starts."""
        minutes = (self.profiles[t].minutes for t in range(len(self.instance.tasks)))
        return [
            m
            for t, m in enumerate(minutes)
            if t not in self.plan.removed and m <= self.limits.max_minutes
        ]

    def start_free_minutes(self) -> int:
        """The sum of :meth:`_start_free`."""
        return sum(self._start_free())

    def start_free_bound(self) -> int:
        """A bound on the jobs whatever the starts: :func:`.jobs_by_minutes` of those
        minutes (every task, where no job needs a least)."""
        if self.limits.min_minutes == 0:
            removed = self.plan.removed
            return sum(1 for t in range(len(self.instance.tasks)) if t not in removed)
        return jobs_by_minutes(self._start_free(), self.limits)


@dataclass(frozen=True)
class Outcome:
    """What a strategy found and what it proved, the same for every strategy."""

    #: Candidate jobs (task indices) and the chosen ones among them.
    columns: list[tuple[int, ...]]
    selected: tuple[int, ...]
    #: The packing's own status: ``optimal``, ``feasible``, ``unknown`` or ``infeasible``.
    packing_status: str
    #: Proven bound on the number of jobs (``None``: none proven).
    jobs_bound: int | None
    #: Seconds from the start at which the number of jobs was proven.
    jobs_proven_seconds: float | None
    #: Proven bound on the minutes of a proposal with this many jobs.
    minutes_bound: int | None
    interrupted: bool
    #: Whether the wall clock, not the deterministic budget, cut a phase short.
    wall_clock_cut: bool
    enumeration: Enumeration
    #: Whether the columns hold every feasible job (then the bounds cover all proposals).
    every_job: bool
    #: How it was found, for the statistics (``exact``, ``minimal``, ``partial``, ``lns``,
    #: ``greedy``).
    method: str
    #: Whether the search ended on its own, its jobs at a proven bound and the hours
    #: searched a while more (the large path, which proves no hours), not at its budget.
    settled: bool = False
    #: Other jobs the search met beside ``columns`` (the large path, whose columns are its
    #: proposal alone): the alternatives are packed from these too.
    pool: tuple[tuple[int, ...], ...] = ()

    @classmethod
    def greedy(
        cls, problem: Problem, enumeration: Enumeration, method: str, *, interrupted: bool
    ) -> Outcome:
        """The greedy proposal and nothing proven (Ctrl-C before anything better)."""
        return cls(
            columns=list(problem.greedy),
            selected=tuple(range(len(problem.greedy))),
            packing_status="unknown",
            jobs_bound=None,
            jobs_proven_seconds=None,
            minutes_bound=None,
            interrupted=interrupted,
            wall_clock_cut=False,
            enumeration=enumeration,
            every_job=False,
            method=method,
        )


def job_burden(
    instance: Instance, column: Sequence[int], days: Collection[int] | None = None
) -> int:
    """The tie-break of "best": suppliers + locations + working days of a job (``days``:
    those of its chosen times, where flexible tasks make them a choice)."""
    tasks = [instance.tasks[t] for t in column]
    return burden(
        len({t.supplier for t in tasks}),
        len({t.location for t in tasks if t.location}),
        len({d for t in tasks for d in t.days} if days is None else days),
    )


class Strategy(Protocol):
    """A way to a proposal."""

    #: The name ``solve(strategy=...)`` and ``--strategy`` use.
    name: str

    def solve(self, problem: Problem) -> Outcome:
        """The best jobs this strategy finds within the problem's budget; Ctrl-C returns
        the best so far (``interrupted``)."""
        ...
