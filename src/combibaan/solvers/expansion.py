"""Flexible tasks in the searches: every task as its fixed variants, one node each.

The enumeration and the greedy bundler search over variants
(:mod:`combibaan.model.variants`): a job is a clique of them, and the
compatibility graph never joins two variants of one task, so a job does a task
at most once, at one choice of times. Everything after the search (the packing,
the bounds, the reasons, the locks) speaks of tasks: a job's variants become its
task indices (:meth:`Expansion.tasks`), and the variants it was found with are
kept as its schedule (:meth:`Expansion.record`). Without flexible tasks the
expansion is the identity and the pipeline runs as it always did.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any, NamedTuple, TypeVar

import networkx as nx

from combibaan.model import Instance, Slot
from combibaan.model.variants import MAX_VARIANTS, grid_minutes, variant_cap, variants
from combibaan.rules import Limits, Load, Obstacle, Policy, Profile
from combibaan.rules.facts import first_choice, nodes
from combibaan.solvers.enumeration import Enumeration, Way, Witness, enumerate_jobs, members_of
from combibaan.solvers.obstacles import PAIR_RANK, job_obstacle
from combibaan.solvers.work_meter import (
    SECONDS_PER_PRICE_NODE,
    SECONDS_PER_WAYS_CALL,
    SECONDS_PER_WAYS_STEP,
)

T = TypeVar("T")


@dataclass(frozen=True)
class Expansion:
    """The nodes of the searches: per node its task and its slots."""

    profiles: list[Profile]
    task_of: tuple[int, ...]
    slots: tuple[tuple[Slot, ...], ...]
    #: Minutes between the starts tried (the exact grid; see :mod:`~combibaan.model.variants`).
    grid: int
    #: Task indices whose starts were thinned beyond the grid (the proof then holds for
    #: the starts tried), and the coarsest step of those.
    thinned: tuple[int, ...]
    step: int
    #: Per task its first choice (:func:`~combibaan.rules.facts.first_choice`): the
    #: times a job gets that no search recorded (a lock's kept job).
    representative: tuple[tuple[Slot, ...], ...]
    #: The variants each job (task indices) was found with, as they were recorded.
    chosen: dict[tuple[int, ...], tuple[int, ...]] = field(default_factory=dict)
    #: A workshop's kept job (task indices) at times that are not all ways here (a start
    #: between those tried on a thinned list): per task its slots.
    kept: dict[tuple[int, ...], dict[int, tuple[Slot, ...]]] = field(default_factory=dict)

    @cached_property
    def flexible(self) -> bool:
        """Whether any task has more than one way to be done (else nodes are tasks)."""
        return self.task_of != tuple(range(len(self.task_of)))

    def tasks(self, column: Iterable[int]) -> tuple[int, ...]:
        """The task indices of a job of nodes, sorted."""
        return tuple(sorted(self.task_of[v] for v in column))

    def over_nodes(
        self, accept: Callable[[Sequence[int]], bool] | None
    ) -> Callable[[Sequence[int]], bool] | None:
        """A test on a job of tasks (the together-locks') as a test on a job of nodes."""
        if accept is None or not self.flexible:
            return accept
        test = accept
        return lambda members: test(self.tasks(members))

    def record(self, columns: Iterable[tuple[int, ...]]) -> list[tuple[int, ...]]:
        """Jobs of nodes as jobs of tasks, each task set once, in the order met. Its
        schedule is the variants on the fewest days (the tie-break counts working days),
        the first met among those: the searches are deterministic, so are the schedules."""
        if not self.flexible:
            return [tuple(c) for c in columns]
        found: dict[tuple[int, ...], None] = {}
        for column in columns:
            tasks = self.tasks(column)
            nodes_ = tuple(sorted(column))
            old = self.chosen.get(tasks)
            if old is None or len(self._days(nodes_)) < len(self._days(old)):
                self.chosen[tasks] = nodes_
            found[tasks] = None
        return list(found)

    def settle(self, column: Sequence[int]) -> tuple[int, ...]:
        """A job of nodes as its tasks, scheduled at exactly these variants whatever was
        recorded for the set before (:meth:`record` keeps an earlier way on fewer days):
        a candidate's job, at times the candidate can work."""
        tasks = self.tasks(column)
        if self.flexible:
            self.chosen[tasks] = tuple(sorted(column))
        return tasks

    def days(self, job: Sequence[int]) -> set[int] | None:
        """The working days of a job of tasks at its chosen times (``None``: no flexible
        tasks, the tasks' own days)."""
        if not self.flexible:
            return None
        return {slot.day for slots in self.schedule(job).values() for slot in slots}

    def _days(self, nodes_: Sequence[int]) -> set[int]:
        return {d for v in nodes_ for d in self.profiles[v].days}

    def at_first_choice(self, job: Sequence[int]) -> tuple[int, ...] | None:
        """The nodes of a job of tasks with each task at its first choice (a proposal of
        the list with every window at its start), recorded; ``None`` if a task has no
        such node (its first choice overlaps itself)."""
        first = self._first_nodes
        if any(t not in first for t in job):
            return None
        nodes_ = tuple(sorted(first[t] for t in job))
        self.record([nodes_])
        return nodes_

    @cached_property
    def _first_nodes(self) -> dict[int, int]:
        """Per task the node of its first choice (once: every job of the window-start
        proposal asks)."""
        first: dict[int, int] = {}
        for v, t in enumerate(self.task_of):
            if t not in first and self.slots[v] == self.representative[t]:
                first[t] = v
        return first

    def settle_at(self, job: Sequence[int], times: Mapping[int, tuple[Slot, ...]]) -> None:
        """:meth:`settle` a job of tasks found elsewhere (a workshop's kept one) at
        ``times``: per task its slots, at its ways where they are all ways here, else
        as they are (:attr:`kept`)."""
        wanted = {t: sorted(slots) for t, slots in times.items()}
        ways = [
            v
            for v, t in enumerate(self.task_of)
            if t in wanted and sorted(self.slots[v]) == wanted[t]
        ]
        if sorted(self.task_of[v] for v in ways) == sorted(job):
            self.settle(ways)
        elif self.flexible:
            self.kept[tuple(sorted(job))] = {t: tuple(times[t]) for t in job}

    def schedule(self, job: Sequence[int]) -> dict[int, tuple[Slot, ...]]:
        """The slots of every task of a job (task indices) as chosen: a kept job's own
        times (:attr:`kept`); a recorded job's variants; a job never recorded (a lock's,
        or any where each task has one way) at its tasks' first choice, or first way
        (:meth:`_unrecorded`)."""
        key = tuple(sorted(job))
        if key in self.kept:
            return dict(self.kept[key])
        nodes_ = self.chosen.get(key)
        if nodes_ is None:
            return {t: self.slots[self._unrecorded(t)] for t in job}
        return {self.task_of[v]: self.slots[v] for v in nodes_}

    def _unrecorded(self, task: int) -> int:
        """The node of a task in a job no search recorded: its first choice where that is
        one of the ways here, else its first way (starts thinned past the first choice)."""
        first = self._first_nodes.get(task)
        return self.task_of.index(task) if first is None else first


def exact_grid(instance: Instance, limits: Limits, times: Iterable[int] = ()) -> int:
    """The grid the variants lie on: every time of the list and every limit of the
    policy; ``times``: other times the starts must meet (the candidates' availability, a
    difference constraint like the rest), so that the grid stays exact for them too."""
    active = (*limits.upper, *limits.lower, *limits.travel)
    values = [limit for rule, limit in active if rule.unit != "count"]
    return grid_minutes(instance, [*values, limits.default_travel, *times])


def expand(
    instance: Instance, limits: Limits, times: Iterable[int] = (), most: int | None = None
) -> Expansion:
    """Every task as its variants on the exact grid of the instance, the policy and
    ``times`` (:func:`exact_grid`); ``most``: the variants of a thinned task (default
    :data:`~combibaan.model.variants.MAX_VARIANTS`)."""
    grid = exact_grid(instance, limits, times)
    task_of: list[int] = []
    slots: list[tuple[Slot, ...]] = []
    thinned = []
    step = grid
    cap = variant_cap(instance.tasks, grid, most)
    for index, task in enumerate(instance.tasks):
        found = variants(task, grid, cap)
        if found.thinned:
            thinned.append(index)
            step = max(step, found.step)
        for choice in found.choices:
            task_of.append(index)
            slots.append(choice)
    profiles = nodes(instance, list(zip(task_of, slots, strict=True)))
    first = tuple(first_choice(task) for task in instance.tasks)
    return Expansion(profiles, tuple(task_of), tuple(slots), grid, tuple(thinned), step, first)


@dataclass(frozen=True)
class Ways:
    """The list as the searches see it, for the analyses that speak of one task (the
    reasons, ``explain``): each task's ways (one without windows), the graph of ways
    that fit together, and the together-locks' test on a set of ways."""

    expansion: Expansion
    graph: nx.Graph
    accept: Callable[[Sequence[int]], bool] | None
    of: dict[int, list[int]]

    @classmethod
    def of_graph(
        cls,
        expansion: Expansion,
        graph: nx.Graph,
        accept: Callable[[Sequence[int]], bool] | None,
    ) -> Ways:
        """``graph``: of the ways (:func:`.compatibility_graph` with ``task_of``);
        ``accept``: on a job of tasks (the plan's), asked of a job of ways."""
        of: dict[int, list[int]] = {}
        for node, t in enumerate(expansion.task_of):
            of.setdefault(t, []).append(node)
        return cls(expansion, graph, expansion.over_nodes(accept), of)

    def fitting(self, t: int, limits: Limits) -> list[int]:
        """The ways of task ``t`` that fit in a job on their own."""
        return [a for a in self.of[t] if limits.fits_alone(self.expansion.profiles[a])]


#: Steps of the search for a kept job's ways, at most (beyond: the best found); a step
#: adds one task's way to those picked, so a lock of many tasks cannot hang the check.
KEPT_COMBINATIONS = 20_000


@dataclass(frozen=True)
class KeptTimes:
    """A kept job (a keep lock, a candidate's) at times that make it a job, if any."""

    #: Per task of the job its slots (fixed tasks as they are); ``None``: no times work.
    slots: dict[int, tuple[Slot, ...]] | None
    #: Why the job breaks a rule, when no times work (see :func:`_telling_obstacle`).
    obstacle: Obstacle | None


def kept_times(
    instance: Instance,
    policy: Policy,
    profiles: Sequence[Profile],
    job: Sequence[int],
    grid: int | None = None,
    allow: Callable[[int, tuple[Slot, ...]], bool] | None = None,
) -> KeptTimes:
    """The times at which the tasks of ``job`` (task indices) are a job under ``policy``.

    A workshop keeps a job by its tasks, not its times: with flexible tasks it holds
    when some way of each makes it a job. Of those the ways on the fewest days (the
    tie-break counts working days), the first met, as the searches' own ways are
    ordered. ``profiles`` are the tasks' (first choice); a job without flexible tasks
    is judged on them alone. ``grid``: the starts' (default :func:`exact_grid`), as the
    expansion the job is settled in has it. ``allow(task, slots)``: the only ways to try
    (a candidate's hours, the ways of a thinned expansion).
    """
    first = job_obstacle(instance, policy, profiles, job)
    flexible = [t for t in job if instance.tasks[t].windows]
    at_first = {t: first_choice(instance.tasks[t]) for t in job}
    allowed = allow is None or all(allow(t, at_first[t]) for t in job)
    if (first is None and allowed) or not flexible:
        return KeptTimes(at_first if first is None and allowed else None, first)
    limits = Limits.of(policy)
    grid = exact_grid(instance, limits) if grid is None else grid
    found = _kept_search(instance, policy, profiles, job, grid, allow, MAX_VARIANTS)
    if found.slots is None and found.thinned:  # a start between those tried may do
        # every start where a task has at most as many ways as the search takes steps (two
        # windows of ``3x ma-vr`` on a one-minute grid are 36 million, which hung the check)
        found = _kept_search(instance, policy, profiles, job, grid, allow, KEPT_COMBINATIONS)
    if found.slots is not None:
        return KeptTimes(found.slots, None)
    if found.closest is not None or first is None:  # None: ``allow`` left no way of a job
        return KeptTimes(None, found.closest)
    return KeptTimes(None, _telling_obstacle(instance, policy, profiles, job, found.options, first))


class _KeptSearch(NamedTuple):
    """What :func:`_kept_search` met: the times found (or None), the first obstacle of a
    whole job whose ways fit pairwise, the ways tried per task, and whether those were
    thinned."""

    slots: dict[int, tuple[Slot, ...]] | None
    closest: Obstacle | None
    options: list[list[tuple[Profile, tuple[Slot, ...]]]]
    thinned: bool


def _kept_search(
    instance: Instance,
    policy: Policy,
    profiles: Sequence[Profile],
    job: Sequence[int],
    grid: int,
    allow: Callable[[int, tuple[Slot, ...]], bool] | None,
    cap: int,
) -> _KeptSearch:
    """:func:`kept_times`' search over the ways of ``job`` on ``grid`` (at most ``cap`` a
    task), on at most :data:`KEPT_COMBINATIONS` steps."""
    limits = Limits.of(policy)
    options: list[list[tuple[Profile, tuple[Slot, ...]]]] = []
    thinned = False
    for t in job:
        task = instance.tasks[t]
        if not task.windows:
            fixed = first_choice(task)
            options.append([(profiles[t], fixed)] if allow is None or allow(t, fixed) else [])
            continue
        found = variants(task, grid, cap)
        thinned = thinned or found.thinned
        choices = [c for c in found.choices if allow is None or allow(t, c)]
        ways = nodes(instance, [(t, c) for c in choices])
        options.append([(replace(p, index=t), c) for p, c in zip(ways, choices, strict=True)])
    chosen = list(profiles)
    best: tuple[int, dict[int, tuple[Slot, ...]]] | None = None
    #: Where the ways fit pairwise but break a rule of the whole job: what to name.
    closest: Obstacle | None = None
    visited = 0

    known: dict[tuple[int, int], bool] = {}  # pairs of ways, by identity: asked once each

    def fits(p: Profile, q: Profile) -> bool:
        key = (id(p), id(q))
        if key not in known:
            travel = instance.travel_between(p.location, q.location, limits.default_travel)
            known[key] = limits.compatible(p, q, travel)
        return known[key]

    def grow(picked: list[tuple[Profile, tuple[Slot, ...]]]) -> None:
        nonlocal best, closest, visited
        visited += 1
        if visited > KEPT_COMBINATIONS:
            return
        if len(picked) == len(job):
            for p, _ in picked:
                chosen[p.index] = p
            days = len({d for p, _ in picked for d in p.days})
            if best is None or days < best[0]:
                obstacle = job_obstacle(instance, policy, chosen, job)
                if obstacle is None:
                    best = (days, {p.index: slots for p, slots in picked})
                elif closest is None:
                    closest = obstacle
            return
        for p, slots in options[len(picked)]:
            if all(fits(p, q) for q, _ in picked):
                grow([*picked, (p, slots)])

    grow([])
    return _KeptSearch(None if best is None else best[1], closest, options, thinned)


#: Combinations of ways looked at for the obstacle to name when none makes a job.
TELLING_COMBINATIONS = 2_000


def _telling_obstacle(
    instance: Instance,
    policy: Policy,
    profiles: Sequence[Profile],
    job: Sequence[int],
    options: Sequence[Sequence[tuple[Profile, tuple[Slot, ...]]]],
    first: Obstacle,
) -> Obstacle:
    """The obstacle to name for a kept job that no ways make a job: of the first
    combinations of ways, the one whose rule comes latest in :data:`.PAIR_ORDER` (an
    overlap the task could move away from is no answer when the day then gets too
    long), a rule judged on the whole job (too few hours) after all of them: such a
    combination keeps every other rule. ``first`` (at the tasks' first choice) on a tie."""

    def rank(obstacle: Obstacle) -> int:
        if not obstacle.code.endswith("_pair"):  # on the whole job, every pair kept
            return len(PAIR_RANK)  # (three suppliers ranked as a pair's was below overlap)
        return PAIR_RANK.get(obstacle.code.removesuffix("_pair"), len(PAIR_RANK))

    found = first
    chosen = list(profiles)
    # Ways spread over each task's window, first and last among them: the first
    # combinations in order would all hold the first task at its first ways (a kept
    # job blamed an overlap at 09:00 that 11:00 avoids, where the span broke at any time).
    several = sum(len(ways) > 1 for ways in options)
    each = max(2, int(TELLING_COMBINATIONS ** (1 / several))) if several else 1
    spread = [_spread(ways, each) for ways in options]
    for picked in itertools.islice(itertools.product(*spread), TELLING_COMBINATIONS):
        for p, _ in picked:
            chosen[p.index] = p
        obstacle = job_obstacle(instance, policy, chosen, job)
        if obstacle is not None and rank(obstacle) > rank(found):
            found = obstacle
    return found


def _spread(ways: Sequence[T], most: int) -> Sequence[T]:
    """At most ``most`` of ``ways``, evenly apart, the first and the last among them."""
    if len(ways) <= most:
        return ways
    return [ways[round(k * (len(ways) - 1) / (most - 1))] for k in range(most)]


def task_graph(graph: nx.Graph, expansion: Expansion) -> nx.Graph:
    """The graph of tasks: a task whose variant fits alone, an edge where two tasks'
    variants can share a job (some pair of them)."""
    if not expansion.flexible:
        return graph
    task_of = expansion.task_of
    # Per task the tasks its ways meet, each pair once: the ways' graph has up to 64 edges
    # per pair of tasks (400 tasks with whole-day windows: 3.2M, 5 s edge by edge).
    near: dict[int, set[int]] = {}
    for a, others in graph.adjacency():
        near.setdefault(task_of[a], set()).update(map(task_of.__getitem__, others))
    tasks: nx.Graph[int] = nx.Graph()
    tasks.add_nodes_from(sorted(near))
    tasks.add_edges_from((t, u) for t, us in near.items() for u in us if t < u)
    return tasks


class JobSource:
    """Where the large path's searches get their jobs: the enumeration and the pricing.

    Everything else in the large path (the LPs, the packings, the local search's
    state) speaks of tasks. Without flexible tasks this is the enumeration and the
    pricing themselves; with them (:class:`VariantSource`) the same searches run over
    the variants of the tasks asked for, and what they find comes back as tasks.
    """

    def enumerate(
        self, graph: nx.Graph, profiles: Sequence[Profile], limits: Limits, **options: Any
    ) -> Enumeration:
        """:func:`.enumerate_jobs` over ``graph`` (tasks); ``prices`` per task."""
        return enumerate_jobs(graph, list(profiles), limits, **options)

    def price(
        self,
        adjacency: Mapping[int, set[int]],
        profiles: Sequence[Profile],
        limits: Limits,
        y: Sequence[float],
        deadline: float,
        **options: Any,
    ) -> tuple[float, list[tuple[int, ...]], int, bool]:
        """:func:`.colgen.price` over ``adjacency`` (tasks), ``y`` per task."""
        from combibaan.solvers.colgen import price

        return price(adjacency, profiles, limits, y, deadline, **options)

    @property
    def exact_pricing(self) -> bool:
        """Whether CP-SAT may price over the tasks themselves (not with variants)."""
        return True

    def on_fewest_days(self, jobs: Iterable[tuple[int, ...]], limits: Limits) -> int:
        """Record ``jobs`` (tasks) at their ways on the fewest working days found, where
        they were listed without that search (``fewest_days=False``); the steps taken.
        Without variants a job has its tasks' own days: nothing to do."""
        return 0


class VariantSource(JobSource):
    """The searches over the variants of the tasks asked for; jobs come back as tasks,
    their variants recorded in ``expansion`` (the schedule)."""

    def __init__(self, expansion: Expansion, nodes: nx.Graph) -> None:
        self.expansion = expansion
        self.nodes = nodes
        self._of: dict[int, list[int]] = {}
        #: The last adjacency priced over and the search of its ways (the full graph,
        #: round after round).
        self._last: tuple[Mapping[int, set[int]], _Growth] | None = None
        for v in sorted(nodes):
            self._of.setdefault(expansion.task_of[v], []).append(v)

    def _variants(self, tasks: Iterable[int]) -> list[int]:
        return [v for t in tasks for v in self._of.get(t, ())]

    def enumerate(
        self, graph: nx.Graph, profiles: Sequence[Profile], limits: Limits, **options: Any
    ) -> Enumeration:
        tasks = set(graph)
        prices = options.pop("prices", None)
        accept = options.pop("accept", None)
        if prices is not None:
            options["prices"] = [prices[t] for t in self.expansion.task_of]
        if accept is not None:
            options["accept"] = lambda nodes_: accept(self.expansion.tasks(nodes_))
        # Two variants share an edge only where their tasks do in ``graph``: the caller's
        # graph may leave out edges (a neighbourhood of the local search).
        sub = self.nodes.subgraph(self._variants(tasks))
        sub = nx.Graph(
            (a, b)
            for a, b in sub.edges
            if graph.has_edge(self.expansion.task_of[a], self.expansion.task_of[b])
        )
        sub.add_nodes_from(self._variants(tasks))
        found = enumerate_jobs(
            sub, self.expansion.profiles, limits, task_of=self.expansion.task_of, **options
        )
        return replace(found, jobs=self.expansion.record(found.jobs))

    def price(
        self,
        adjacency: Mapping[int, set[int]],
        profiles: Sequence[Profile],
        limits: Limits,
        y: Sequence[float],
        deadline: float,
        **options: Any,
    ) -> tuple[float, list[tuple[int, ...]], int, bool]:
        from combibaan.solvers.colgen import PricingStopped, price

        task_of = self.expansion.task_of
        if self._last is None or self._last[0] is not adjacency:
            nodes_ = self._variants(adjacency)
            inside = set(nodes_)
            sub = {
                v: {u for u in self.nodes[v] if u in inside and task_of[u] in adjacency[task_of[v]]}
                for v in nodes_
            }
            witness = Witness(sub, self.expansion.profiles, limits, task_of)
            self._last = (adjacency, _Growth(witness, limits))
            if time.perf_counter() > deadline:
                # Building the ways' graph took 7 s of 1,500 tasks, 30 % flexible: the
                # search would start past the deadline.
                raise PricingStopped(0)
        growth = self._last[1]
        before = growth.work
        # A capped search proves no minimum anyway: there, a set whose ways take long to
        # find is given up on as the task's search is (the round is then not exact).
        growth.patience = None if options.get("task_nodes") is None else WAYS_PATIENCE
        minimum, found, used, exact = price(
            adjacency, profiles, limits, y, deadline, ways=growth, **options
        )
        jobs = self.expansion.record(growth.job(t) for t in found)
        # The ways' search is work the pricing's nodes do not count: charged as nodes, so
        # that the work budget, not the wall clock, ends column generation.
        return minimum, jobs, used + growth.work - before, exact

    @property
    def exact_pricing(self) -> bool:
        return False

    def on_fewest_days(self, jobs: Iterable[tuple[int, ...]], limits: Limits) -> int:
        jobs = list(jobs)
        inside = set(self._variants({t for job in jobs for t in job}))
        sub = {v: {u for u in self.nodes[v] if u in inside} for v in inside}
        witness = Witness(sub, self.expansion.profiles, limits, self.expansion.task_of)
        for job in jobs:
            way = witness.find(job, job=True)
            if way is not None:
                self.expansion.record([witness.fewest_days(job, way)])
        return witness.steps


#: Steps the capped pricing searches for the ways of one set before it takes the set to
#: have none (:class:`_Growth`). Measured at 1,000 short tasks, 30 % flexible: 99 % of
#: the searches that found ways took at most 37 steps, while the 7 % of the searches
#: that found none in more than 64 steps took 93 % of all steps (one 438,469;
#: ``benchmarks/ways.py``).
WAYS_PATIENCE = 256


class _Growth:
    """:class:`~.colgen.Growth` over the ways of tasks: the pricing searches sets of tasks,
    each with the ways found for it (a :class:`~.enumeration.Witness`), so that it meets
    a set once and not once per combination of ways. Remembers the ways of the sets met
    (bounded as the pricing's memo is; a set forgotten is searched again)."""

    #: Sets whose ways are remembered before the memory starts over.
    KEEP = 200_000

    def __init__(self, witness: Witness, limits: Limits) -> None:
        self.witness, self.limits = witness, limits
        self.ways: dict[int, tuple[int, ...]] = {}
        self._calls = 0
        #: Steps a search for the ways of one set may take (None: to the end); see
        #: :data:`WAYS_PATIENCE`.
        self.patience: int | None = None

    @property
    def gave_up(self) -> int:
        """Sets judged without ways only for lack of patience (not a proof)."""
        return self.witness.gave_up

    @property
    def work(self) -> int:
        """The work done so far, in pricing nodes: its calls and the steps of the search
        for ways, at the rates of :mod:`.work_meter`."""
        seconds = self._calls * SECONDS_PER_WAYS_CALL + self.witness.steps * SECONDS_PER_WAYS_STEP
        return round(seconds / SECONDS_PER_PRICE_NODE)

    def start(self, v: int) -> Load | None:
        self._calls += 1
        way = self.witness.find([v], job=False)
        if way is None:
            return None
        self._keep(1 << v, way.nodes)
        return way.load

    def grow(self, key: int, c: int, load: Load) -> Load | None:
        self._calls += 1
        members = list(members_of(key))
        nodes_ = self.ways.get(key)
        if nodes_ is None:
            found = self.witness.find(members, job=False, patience=self.patience)
            if found is None:
                return None
            nodes_, load = found.nodes, found.load
        way = self.witness.grow([*members, c], Way(nodes_, load), self.patience)
        if way is None:
            return None
        self._keep(key | 1 << c, way.nodes)
        return way.load

    def is_job(self, key: int, load: Load) -> bool:
        if load.is_job(self.limits):
            return True
        if not self.limits.lower or self.limits.out_of_reach(load.minutes):
            return False
        found = self.witness.find(list(members_of(key)), job=True, patience=self.patience)
        return found is not None

    def job(self, tasks: Sequence[int]) -> tuple[int, ...]:
        """The nodes of a job the pricing found (tasks), at ways that make it one."""
        way = self.witness.find(tasks, job=True)
        assert way is not None, "the pricing returns jobs only"
        return tuple(sorted(way.nodes))

    def _keep(self, key: int, nodes_: tuple[int, ...]) -> None:
        if len(self.ways) >= self.KEEP:
            self.ways.clear()
        self.ways[key] = nodes_
