"""Large-neighbourhood search: improve a proposal piece by piece when the whole is too big.

Enumerating every job of a thousand tasks explodes, but the jobs among forty
tasks are few. So, starting from the greedy proposal, each step frees a
handful of jobs around one task (jobs holding tasks compatible with it) plus
free tasks nearby, enumerates every feasible job among just those tasks, and
lets CP-SAT pack them exactly with the same lexicographic objective as the
whole model (jobs, then hours, then burden). The current jobs are among the
columns, so a step never makes things worse; it is kept when it is at least as
good, which lets the search drift over plateaus of equal value.

Every step is capped by counts, not seconds (enumeration nodes, CP-SAT's
deterministic time with one worker), and charged to a budget of reference
seconds (:mod:`.work_meter`), so the same seed gives the same steps on any
machine; the wall-clock deadline only cuts a run short on a slow one.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import networkx as nx

from combibaan.rules import Limits, Profile
from combibaan.solvers.expansion import JobSource
from combibaan.solvers.ortools import solve_packing
from combibaan.solvers.work_meter import (
    ENUMERATION_NODES_PER_SECOND,
    SECONDS_PER_COLUMN,
    SECONDS_PER_DETERMINISTIC,
    SECONDS_PER_STEP,
    Meter,
)

#: Jobs freed per step, and free tasks added to them.
FREED_JOBS = 6
FREE_TASKS = 14
#: Column cap, enumeration nodes and CP-SAT deterministic time of one step.
STEP_COLUMNS = 20_000
STEP_NODES = 200_000
STEP_WORK = 1.0
#: Jobs of accepted steps kept for the restricted master (:mod:`.master`).
SEEN_JOBS = 200_000

Score = tuple[int, int, int]


@dataclass(frozen=True)
class SearchOutcome:
    jobs: list[tuple[int, ...]]
    steps: int
    improvements: int
    interrupted: bool
    seconds: float
    #: Whether the wall clock, not the budget or ``stop``, ended the search.
    wall_clock_cut: bool = False
    #: Reference seconds spent (:mod:`.work_meter`).
    work: float = 0.0


def score(jobs: Sequence[tuple[int, ...]], profiles: Sequence[Profile], burden: Callable) -> Score:
    """The lexicographic objective as a tuple: more jobs, more minutes, less burden."""
    return (
        len(jobs),
        sum(profiles[t].minutes for job in jobs for t in job),
        -sum(burden(job) for job in jobs),
    )


class LocalSearch:
    """The search's state between runs, so that other heuristics can take turns with it.

    :meth:`run` steps until its budget is spent; :meth:`offer` hands it a
    proposal found elsewhere (the restricted master, the dive), which it takes
    when that scores at least as well.
    """

    def __init__(
        self,
        adjacency: Mapping[int, set[int]],
        profiles: Sequence[Profile],
        limits: Limits,
        start: Sequence[tuple[int, ...]],
        burden: Callable[[tuple[int, ...]], int],
        *,
        seed: int = 0,
        accept: Callable[[Sequence[int]], bool] | None = None,
        source: JobSource | None = None,
    ) -> None:
        self._source = JobSource() if source is None else source
        self._adjacency = adjacency
        self._profiles = profiles
        self._limits = limits
        self._burden = burden
        self._accept = accept
        self._rng = random.Random(seed)
        self._tasks = sorted(v for v in adjacency if adjacency[v])
        self._jobs: dict[int, tuple[int, ...]] = {}
        self._owner: dict[int, int] = {}
        self._next = 0
        self.steps = self.improvements = 0
        #: Every job of an accepted step, in the order met (for the restricted master).
        self.seen: dict[tuple[int, ...], None] = {}
        self._install(start)

    @property
    def jobs(self) -> list[tuple[int, ...]]:
        return list(self._jobs.values())

    @property
    def profiles(self) -> Sequence[Profile]:
        return self._profiles

    def burden(self, job: tuple[int, ...]) -> int:
        return self._burden(job)

    def score(self) -> Score:
        return score(self.jobs, self._profiles, self._burden)

    def offer(self, jobs: Sequence[tuple[int, ...]]) -> bool:
        """Continue from ``jobs`` (disjoint feasible jobs) if they score at least as well."""
        if score(jobs, self._profiles, self._burden) < self.score():
            return False
        self._jobs, self._owner, self._next = {}, {}, 0
        self._install(jobs)
        return True

    def _install(self, jobs: Sequence[tuple[int, ...]]) -> None:
        for job in jobs:
            self._jobs[self._next] = job
            self._owner.update((t, self._next) for t in job)
            self._next += 1
            if len(self.seen) < SEEN_JOBS:
                self.seen[job] = None

    @property
    def has_moves(self) -> bool:
        """Whether any task has a neighbour to search around (else no step can change a job)."""
        return bool(self._tasks)

    def run(
        self,
        budget: float,
        deadline: float,
        *,
        report: Callable[[int], None] | None = None,
        stop: Callable[[], bool] | None = None,
    ) -> SearchOutcome:
        """Step until ``budget`` reference seconds are spent, ``stop()`` or ``deadline``.

        ``report`` is called with the number of jobs after each gain in jobs.
        Ctrl-C ends the search and returns the best jobs so far.
        """
        started = time.perf_counter()
        meter = Meter(budget)
        steps = self.steps
        interrupted = cut = False
        try:
            while self._tasks and not meter.exhausted and not (stop and stop()):
                if time.perf_counter() >= deadline:
                    cut = True
                    break
                was_interrupted, step_cut = self._step(meter, deadline, report)
                if was_interrupted:
                    interrupted = True
                    break
                if step_cut:
                    cut = True
                    break
        except KeyboardInterrupt:
            interrupted = True
        return SearchOutcome(
            self.jobs,
            self.steps - steps,
            self.improvements,
            interrupted,
            time.perf_counter() - started,
            cut,
            meter.spent,
        )

    def _step(
        self, meter: Meter, deadline: float, report: Callable[[int], None] | None
    ) -> tuple[bool, bool]:
        """One step; whether Ctrl-C stopped it, and whether the wall clock cut it short."""
        self.steps += 1
        centre = self._tasks[self._rng.randrange(len(self._tasks))]
        freed, pool = _neighbourhood(centre, self._adjacency, self._jobs, self._owner, self._rng)
        old = [self._jobs[k] for k in freed]
        new, outcome = _repack(
            pool,
            old,
            self._adjacency,
            self._profiles,
            self._limits,
            self._burden,
            deadline,
            self._rng.randrange(1 << 30),
            self._accept,
            self._source,
        )
        meter.charge(outcome.seconds)
        if outcome.interrupted or outcome.cut or new is None:
            return outcome.interrupted, outcome.cut
        before = score(old, self._profiles, self._burden)
        after = score(new, self._profiles, self._burden)
        if after < before:
            return False, False
        for k in freed:
            for t in self._jobs.pop(k):
                del self._owner[t]
        self._install(new)
        if after > before:
            self.improvements += 1
            if report and after[0] > before[0]:
                report(len(self._jobs))
        return False, False


def improve(
    adjacency: Mapping[int, set[int]],
    profiles: Sequence[Profile],
    limits: Limits,
    start: Sequence[tuple[int, ...]],
    burden: Callable[[tuple[int, ...]], int],
    deadline: float,
    *,
    seed: int = 0,
    report: Callable[[int], None] | None = None,
    stop: Callable[[], bool] | None = None,
    accept: Callable[[Sequence[int]], bool] | None = None,
    budget: float | None = None,
) -> SearchOutcome:
    """Improve ``start`` (disjoint feasible jobs) until ``budget``, ``deadline`` or ``stop()``.

    ``budget`` is in reference seconds (:mod:`.work_meter`); without one the
    search runs until the deadline. ``accept`` rejects jobs that workshop
    locks forbid (as in enumeration).
    """
    search = LocalSearch(adjacency, profiles, limits, start, burden, seed=seed, accept=accept)
    return search.run(
        float("inf") if budget is None else budget, deadline, report=report, stop=stop
    )


def _neighbourhood(
    centre: int,
    adjacency: Mapping[int, set[int]],
    jobs: Mapping[int, tuple[int, ...]],
    owner: Mapping[int, int],
    rng: random.Random,
) -> tuple[list[int], set[int]]:
    """Jobs to free (ids) and the pool of tasks to repack: around ``centre``."""
    near = sorted(adjacency[centre])
    rng.shuffle(near)
    freed: list[int] = []
    free: list[int] = []
    if centre in owner:
        freed.append(owner[centre])
    else:
        free.append(centre)
    for t in near:
        k = owner.get(t)
        if k is None:
            if len(free) < FREE_TASKS:
                free.append(t)
        elif k not in freed and len(freed) < FREED_JOBS:
            freed.append(k)
        if len(freed) >= FREED_JOBS and len(free) >= FREE_TASKS:
            break
    pool = set(free)
    for k in freed:
        pool.update(jobs[k])
    return freed, pool


@dataclass(frozen=True)
class _Repack:
    """What one step cost and how it ended."""

    seconds: float
    interrupted: bool = False
    cut: bool = False
    #: The counts the cost is made of (enumeration nodes, columns, CP-SAT's work).
    counts: tuple[int, int, float] = (0, 0, 0.0)


def _repack(
    pool: set[int],
    old: list[tuple[int, ...]],
    adjacency: Mapping[int, set[int]],
    profiles: Sequence[Profile],
    limits: Limits,
    burden: Callable[[tuple[int, ...]], int],
    deadline: float,
    seed: int,
    accept: Callable[[Sequence[int]], bool] | None = None,
    source: JobSource | None = None,
) -> tuple[list[tuple[int, ...]] | None, _Repack]:
    """The best packing of jobs among ``pool`` (None if none found), and its cost in
    reference seconds."""
    graph: nx.Graph[int] = nx.Graph()
    graph.add_nodes_from(pool)
    graph.add_edges_from((u, v) for u in pool for v in adjacency[u] & pool if u < v)
    found = (source or JobSource()).enumerate(
        graph,
        profiles,
        limits,
        max_jobs=STEP_COLUMNS,
        max_nodes=STEP_NODES,
        deadline=deadline,
        accept=accept,
    )
    columns = list(dict.fromkeys([*found.jobs, *old]))
    cost = SECONDS_PER_STEP + found.nodes / ENUMERATION_NODES_PER_SECOND
    if found.wall_clock_cut:
        return None, _Repack(cost, cut=True)
    if not columns:
        return None, _Repack(cost, counts=(found.nodes, 0, 0.0))
    index = {c: k for k, c in enumerate(columns)}
    outcome = solve_packing(
        columns,
        [sum(profiles[t].minutes for t in c) for c in columns],
        [burden(c) for c in columns],
        tasks=len(pool),
        tasks_minutes=sum(profiles[t].minutes for t in pool),
        deadline=deadline,
        seed=seed,
        workers=1,
        hint=[index[c] for c in old],
        work=STEP_WORK,
    )
    cost += len(columns) * SECONDS_PER_COLUMN + outcome.work * SECONDS_PER_DETERMINISTIC
    counts = (found.nodes, len(columns), outcome.work)
    spent = _Repack(cost, outcome.interrupted, outcome.wall_clock_cut, counts)
    if outcome.status == "unknown" or outcome.wall_clock_cut:
        return None, spent
    return [columns[k] for k in outcome.selected], spent
