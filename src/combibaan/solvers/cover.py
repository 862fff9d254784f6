"""Cover mode: every task placed, in the fewest jobs, each job held by an eligible candidate.

The other question of the supplier and the analyst: to cover *all* these small tasks,
how few combination jobs (people) are needed? With candidates this is the shift
minimisation personnel task scheduling problem (SMPTSP), with the rules of a job on top.

The model (CP-SAT): a job slot per candidate (or, without candidates, anonymous slots,
as many as a first cover needs), a Boolean ``x[t, k]`` per task and slot that may hold
it and ``y[k]`` per slot. Every task in exactly one slot; tasks that run at the same
moment in one slot at most (interval cliques: every set of tasks active at a task's
start is one constraint, much stronger than pairs); other pairs the rules keep apart
(travel, the daily span, ...) pairwise; every rule's terms
(:mod:`combibaan.rules.terms`) per used slot; and the candidate's hours. The least
number of slots used is the objective. The lower bound every cover must reach, given to
CP-SAT as a constraint and the reason to stop early, is the most tasks running at one
moment, raised by the set-covering master's Lagrangian bound (:mod:`.cover_bound`:
with candidates that each may hold few tasks it is far stronger, e.g. 110 against 41
on Data_100's 456 tasks).

Order of work: a greedy first cover, the bound (its columns from that cover; a share
of the work that depends on how far the cover is above the tasks at once), greedy
restarts, the own neighbourhood search (the bound's rounds in turns), then CP-SAT on
the whole model; each stops when a cover meets the bound.
"""

from __future__ import annotations

import itertools
import random
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import networkx as nx
from ortools.sat.python import cp_model

from combibaan.rules import Limits, Load, Profile
from combibaan.rules.terms import DayWait
from combibaan.solvers.budget import WORK_PER_SECOND
from combibaan.solvers.cover_bound import CoveringBound
from combibaan.solvers.cover_heuristic import at_once, first_cover, week_pieces
from combibaan.solvers.ortools.set_packing import configure, solve_interruptibly
from combibaan.solvers.ortools.terms import state_term


@dataclass(frozen=True)
class Holder:
    """What a job slot may hold: the tasks it may take and the hours it must and may have
    (a candidate's; ``None``: the policy's alone)."""

    tasks: frozenset[int]
    min_minutes: int | None = None
    max_minutes: int | None = None


@dataclass(frozen=True)
class CoverOutcome:
    """The jobs (task indices), the slot holding each, and what was proven."""

    jobs: tuple[tuple[int, ...], ...]
    holders: tuple[int, ...]
    #: A proven lower bound on the number of jobs of any cover.
    lower_bound: int
    #: ``optimal``, ``feasible``, ``infeasible`` (no cover exists) or ``unknown``.
    status: str
    #: Tasks no slot may hold at all: why no cover exists.
    uncoverable: tuple[int, ...]
    seconds: float
    #: Jobs of the first cover (the hint): the baseline the model improves on.
    first_jobs: int = 0
    #: Whether the wall clock stopped the search before its deterministic budget.
    wall_clock_cut: bool = False
    #: Whether Ctrl-C stopped the search (the best cover so far is kept).
    interrupted: bool = False


def most_at_once(profiles: Sequence[Profile], tasks: Iterable[int]) -> list[frozenset[int]]:
    """The sets of ``tasks`` running at one moment (half-open time on the week's circle)
    that no other moment's set holds: the cliques of tasks no job can hold together."""
    chosen = list(tasks)
    return at_once({t: week_pieces(profiles[t]) for t in chosen}, chosen)


def solve_cover(
    graph: nx.Graph,
    profiles: Sequence[Profile],
    limits: Limits,
    holders: Sequence[Holder] | None,
    *,
    time_limit: float,
    workers: int = 1,
    seed: int = 0,
    tasks: Iterable[int] | None = None,
    together: Iterable[frozenset[int]] = (),
    task_of: Sequence[int] | None = None,
) -> CoverOutcome:
    """The fewest jobs that hold every task (:mod:`module docs <.cover>`).

    ``graph``: the compatibility graph (tasks that fit alone, pairs that fit together).
    ``holders``: one per candidate; ``None``: anonymous jobs, as many as needed.
    ``tasks``: the task indices to cover (default: all); ``together``: groups of tasks
    that share a job (the workshop's together locks). With ``task_of`` the graph, the
    profiles, ``tasks``, the holders' tasks and the jobs found are the ways of flexible
    tasks (:func:`_cover_ways`).
    """
    started = time.perf_counter()
    clock = _Clock(started + time_limit, time_limit * WORK_PER_SECOND)
    if task_of is not None:
        options = (workers, seed, started)
        return _cover_ways(
            graph, profiles, limits, holders, clock, options, tasks, together, task_of
        )
    tasks = list(range(len(profiles))) if tasks is None else sorted(set(tasks))
    fits = set(graph.nodes) & set(tasks)
    pieces = {t: week_pieces(profiles[t]) for t in tasks}
    first: list[list[int]] = []
    if holders is None:
        first = sorted(_first_cover(graph.subgraph(fits), profiles, limits), key=min)
        slots = [Holder(frozenset(fits)) for _ in range(len(first))]
    else:
        slots = [Holder(frozenset(h.tasks & fits), h.min_minutes, h.max_minutes) for h in holders]
    held = set().union(*(s.tasks for s in slots)) if slots else set()
    uncoverable = tuple(t for t in tasks if t not in held)
    bound = max((len(c) for c in at_once(pieces, tasks)), default=1 if tasks else 0)
    if uncoverable:
        return CoverOutcome((), (), bound, "infeasible", uncoverable, _since(started))
    problem = SlotModel.of(graph, profiles, limits, slots, tasks, together)
    simple = not problem.apart and not problem.group_of
    simple = simple and not limits.upper and not limits.terms
    simple = simple and all(len(pieces[t]) == 1 for t in tasks)
    if holders is None:
        hint = {t: k for k, members in enumerate(first) for t in members}
    else:
        hint = _greedy(problem, simple=simple)
    first_jobs = len(set(hint.values()))
    lower, status, found, complete = bound, "unknown", None, False
    try:
        bounding = _Bounding(problem, tasks, hint, bound, clock)
        bounding.run(bounding.first)
        lower = bounding.value
        if holders is not None:
            hint, complete = _restarts(problem, hint, lower, clock, simple=simple, seed=seed)
        if complete:
            if len(set(hint.values())) > bounding.value:
                hint = _improve(problem, hint, bounding, clock, LNS_SHARE, random.Random(seed))
            if len(set(hint.values())) <= bounding.value:
                return _outcome(hint, bounding.value, "optimal", started, first_jobs, clock)
        bounding.run(bounding.cap)  # the rest of its share, for CP-SAT's model
        lower = bounding.value
        # After Ctrl-C, or with no time left for the whole model, the cover stays as it is.
        if not clock.interrupted and not (complete and clock.out()):
            lower, status, found = _solve_whole(
                problem,
                hint,
                lower,
                anonymous=holders is None,
                clock=clock,
                workers=workers,
                seed=seed,
            )
    except KeyboardInterrupt:  # as when it stops a CP-SAT solve: the best cover so far
        clock.interrupted, status, found = True, "unknown", None
    if found is None and (complete or (holders is None and _keeps_every_rule(problem, hint))):
        found, status = hint, "feasible"  # the first cover, where it keeps every rule
    if found is None:
        seconds = _since(started)
        return CoverOutcome(
            (), (), lower, status, (), seconds, first_jobs, clock.cut, clock.interrupted
        )
    return _outcome(found, lower, status, started, first_jobs, clock)


#: The share of the work the own large neighbourhood search may take before CP-SAT gets
#: the whole model (with the best cover as its hint) to close the gap or prove it.
LNS_SHARE = 0.6
#: The most work (CP-SAT's deterministic time) one neighbourhood may take.
LNS_STEP_WORK = 1.0
#: The least work one neighbourhood counts: tiny ones take none, and the search must end.
LNS_STEP_LEAST = 0.05
#: CP-SAT's linear relaxation with the at-most-ones in it: its default leaves them out
#: and with them the whole bound (a neighbourhood of 18 tasks, 6 slots of Data_137:
#: not proven in 5 units of work; with them 0.006).
LINEARIZATION = 2


class _Clock:
    """The run's wall-clock cap and its deterministic work budget (:mod:`..budget`):
    searches stop on the work, the clock only cuts a slow machine's run short."""

    def __init__(self, deadline: float, work: float) -> None:
        self.deadline = deadline
        self.work = work
        self.spent = 0.0
        self.cut = False
        #: Ctrl-C stopped a search: no more are started.
        self.interrupted = False

    def left(self) -> float:
        return self.work - self.spent

    def charge(
        self,
        solver: cp_model.CpSolver,
        status: cp_model.CpSolverStatus,
        work: float,
        least: float = 0.0,
        *,
        stopped: bool = False,
    ) -> None:
        """Count a search's work (``least`` at least: building a model costs too); note
        when Ctrl-C (``stopped``) or else the clock, not ``work``, stopped it."""
        self.spent += max(solver.deterministic_time, least)
        finished = status in (cp_model.OPTIMAL, cp_model.INFEASIBLE)
        if stopped:
            self.interrupted = True
        elif not finished and solver.deterministic_time < work * 0.999:
            self.cut = True

    def spend(self, work: float) -> None:
        """Count work done outside CP-SAT."""
        self.spent += work

    def out(self) -> bool:
        if time.perf_counter() >= self.deadline:
            self.cut = True
        return self.interrupted or self.cut or self.left() <= 0


def _greedy(problem: SlotModel, *, simple: bool) -> dict[int, int]:
    """A first cover (:func:`.cover_heuristic.first_cover`), maybe missing some tasks."""
    slots = problem.slots
    return first_cover(
        problem.graph,
        problem.profiles,
        problem.limits,
        [s.tasks for s in slots],
        [s.max_minutes for s in slots],
        simple=simple,
    )


#: The share of the work the covering bound (:mod:`.cover_bound`) may take, all of it
#: first, when the first cover is more than ``STRONG_GAP`` times the tasks at once: the
#: sign that what the slots may hold, not the moments, limits the cover, where the bound
#: is strong (Data_100: covers 2-3 times the tasks at once, the bound meets the sheet's
#: on all 100 within 0.1-11 units of work). Elsewhere it rarely beats the tasks at once
#: (Data_137, Data_010: covers within 15 % of them): a small share, ``WEAK_FIRST``
#: first and the rest in turns with the neighbourhood search.
STRONG_GAP = 1.3
STRONG_SHARE = 0.35
WEAK_SHARE = 0.1
WEAK_FIRST = 0.02


class _Bounding:
    """The covering bound, its rounds charged to the clock, within its share."""

    def __init__(
        self,
        problem: SlotModel,
        tasks: Sequence[int],
        cover: dict[int, int],
        bound: int,
        clock: _Clock,
    ) -> None:
        jobs = _jobs(cover)
        at_most = len(jobs) if len(cover) == len(tasks) else len(problem.slots)
        eligible = [s.tasks for s in problem.slots]
        self.bound = CoveringBound(
            problem.pieces, tasks, eligible, jobs.items(), at_least=bound, at_most=at_most
        )
        self.clock = clock
        strong = len(jobs) > STRONG_GAP * bound
        self.cap = (STRONG_SHARE if strong else WEAK_SHARE) * clock.work
        #: The work to take before anything else.
        self.first = self.cap if strong else WEAK_FIRST * clock.work
        clock.spend(self.bound.work)

    @property
    def value(self) -> int:
        return self.bound.value

    def run(self, work: float) -> None:
        """Rounds for up to ``work`` more, within the share and the work left."""
        work = min(work, self.cap - self.bound.work, self.clock.left())
        if work > 0 and not self.bound.finished:
            self.clock.spend(self.bound.run(work, self.clock.deadline))

    def keep_up(self) -> None:
        """Rounds until the bound has had as much work as everything else."""
        self.run(self.clock.spent - 2 * self.bound.work)


def _restarts(
    problem: SlotModel,
    cover: dict[int, int],
    bound: int,
    clock: _Clock,
    *,
    simple: bool,
    seed: int,
) -> tuple[dict[int, int], bool]:
    """The best of ``cover`` and greedy restarts with shaken weights, and whether it is
    complete and keeps every rule. Restarts take up to ``RESTART_SHARE`` of the time,
    counted in eligible (task, slot) pairs gone through, and stop at ``bound``."""
    slots = problem.slots
    eligible = [s.tasks for s in slots]
    most = [s.max_minutes for s in slots]
    graph, profiles, limits = problem.graph, problem.profiles, problem.limits
    pairs = max(sum(len(s.tasks) for s in slots), 1)
    restarts = int(RESTART_SHARE * clock.work / WORK_PER_SECOND * PAIRS_PER_SECOND / pairs)
    rng = random.Random(seed)
    for _ in range(min(restarts, MOST_RESTARTS)):
        if len(cover) == len(problem.pieces) and len(set(cover.values())) <= bound:
            break
        if time.perf_counter() >= clock.deadline:
            clock.cut = True
            break
        other = first_cover(graph, profiles, limits, eligible, most, simple=simple, rng=rng)
        if (-len(other), len(set(other.values()))) < (-len(cover), len(set(cover.values()))):
            cover = other
    complete = len(cover) == len(problem.pieces)
    complete = complete and all(problem.valid(k, ts) for k, ts in _jobs(cover).items())
    return cover, complete


#: The share of the time greedy restarts may take, and how fast they go through the
#: eligible (task, slot) pairs (measured 170-300k a second on Data_137 and Data_100).
RESTART_SHARE = 0.25
PAIRS_PER_SECOND = 150_000
MOST_RESTARTS = 200


class SlotModel:
    """What every model of job slots is built from: the cover's (whole or a
    neighbourhood) and the candidates' (:mod:`.candidate_jobs`).

    Its nodes are tasks, or with ``task_of`` (node to task index) the fixed ways of
    flexible tasks (:mod:`.expansion`): a task is then done once over all its ways and
    all slots, and ``together`` groups (task indices) count a task by its ways.
    """

    def __init__(
        self,
        graph: nx.Graph,
        profiles: Sequence[Profile],
        limits: Limits,
        slots: Sequence[Holder],
        pieces: dict[int, list[tuple[int, int]]],
        apart: list[tuple[int, int]],
        together: Iterable[frozenset[int]] = (),
        task_of: Sequence[int] | None = None,
    ) -> None:
        self.graph = graph
        self.profiles = profiles
        self.limits = limits
        self.slots = slots
        self.pieces = pieces
        self.apart = apart
        self.task_of = task_of
        self.apart_of: dict[int, list[int]] = {}
        for a, b in apart:
            self.apart_of.setdefault(a, []).append(b)
        #: Per task of a together group: the group's tasks to cover.
        self.group_of: dict[int, frozenset[int]] = {}
        present = {self.task(v) for v in pieces}
        for group in together:
            inside = frozenset(group) & present
            for t in inside:
                self.group_of[t] = inside
        self.holders_of: dict[int, list[int]] = {}
        for k, slot in enumerate(slots):
            for t in slot.tasks:
                self.holders_of.setdefault(t, []).append(k)

    def task(self, v: int) -> int:
        """The task index of node ``v``."""
        return v if self.task_of is None else self.task_of[v]

    def valid(self, k: int, members: Sequence[int]) -> bool:
        """Whether slot ``k`` may hold exactly these nodes (every rule, its hours)."""
        slot = self.slots[k]
        if not all(t in slot.tasks for t in members):
            return False
        if any(b not in self.graph[a] for a, b in itertools.combinations(members, 2)):
            return False
        tasks = {self.task(v) for v in members}
        if any(not self.group_of[t] <= tasks for t in tasks if t in self.group_of):
            return False
        load: Load | None = None
        for t in members:
            load = (
                Load.of(self.profiles[t])
                if load is None
                else load.add(self.profiles[t], self.limits)
            )
            if load is None:
                return False
        return (
            load is not None
            and load.is_job(self.limits)
            and load.minutes >= (slot.min_minutes or 0)
            and (slot.max_minutes is None or load.minutes <= slot.max_minutes)
        )

    @classmethod
    def of(
        cls,
        graph: nx.Graph,
        profiles: Sequence[Profile],
        limits: Limits,
        slots: Sequence[Holder],
        tasks: Sequence[int],
        together: Iterable[frozenset[int]] = (),
        task_of: Sequence[int] | None = None,
    ) -> SlotModel:
        """The slot model over ``tasks`` (nodes, with ``task_of``): their pieces of the
        week and the pairs apart."""
        pieces = {t: week_pieces(profiles[t]) for t in tasks}
        apart = _apart_pairs(graph, pieces, tasks, task_of)
        return cls(graph, profiles, limits, slots, pieces, apart, together, task_of)

    def state(
        self,
        model: cp_model.CpModel,
        x: dict[tuple[int, int], cp_model.IntVar],
        y: dict[int, cp_model.IntVar],
        *,
        cover: bool = True,
    ) -> None:
        """Every task of ``x`` in exactly one slot (``cover``; else at most one), in one
        of its ways; every slot's constraints."""
        by_task: dict[int, list[cp_model.IntVar]] = {}
        by_slot: dict[int, dict[int, cp_model.IntVar]] = {}
        for (t, k), var in x.items():
            by_task.setdefault(self.task(t), []).append(var)
            by_slot.setdefault(k, {})[t] = var
        for options in by_task.values():
            if cover:
                model.add_exactly_one(options)
            else:
                model.add_at_most_one(options)
        for k, z in by_slot.items():
            alone = set(z)
            for clique in at_once(self.pieces, z):
                model.add(sum(z[t] for t in clique) <= y[k])
                alone -= clique
            for t in alone:
                model.add_implication(z[t], y[k])
            for a in z:
                for b in self.apart_of.get(a, ()):
                    if b in z:
                        model.add_bool_or([z[a].Not(), z[b].Not()])
            ways: dict[int, list[cp_model.IntVar]] = {}
            for v, var in z.items() if self.group_of else ():
                ways.setdefault(self.task(v), []).append(var)
            for t, group in self.group_of.items():
                if t in ways:  # the group whole in this job, or none of it
                    for other in group:
                        if other in ways:
                            model.add(_done(ways[t]) == _done(ways[other]))
                        else:
                            model.add(_done(ways[t]) == 0)
            for term in self.limits.terms:
                state_term(model, term, z, self.profiles, active=y[k])
            slot = self.slots[k]
            minutes = sum(self.profiles[t].minutes * z[t] for t in z)
            if slot.min_minutes:
                model.add(minutes >= slot.min_minutes).only_enforce_if(y[k])
            if slot.max_minutes is not None:
                model.add(minutes <= slot.max_minutes)


def _solve_whole(
    problem: SlotModel,
    hint: dict[int, int],
    bound: int,
    *,
    anonymous: bool,
    clock: _Clock,
    workers: int,
    seed: int,
) -> tuple[int, str, dict[int, int] | None]:
    """CP-SAT on the whole model from ``hint``: the proven lower bound, the status word and
    the cover found (``None``: none)."""
    model = cp_model.CpModel()
    slots = problem.slots
    y = {k: model.new_bool_var(f"y{k}") for k in range(len(slots))}
    x: dict[tuple[int, int], cp_model.IntVar] = {}
    for k, slot in enumerate(slots):
        for t in sorted(slot.tasks):
            if anonymous and k > problem.task(t):
                continue  # anonymous slots: task t in one of the first t+1 (no symmetry)
            x[t, k] = model.new_bool_var(f"x{t}_{k}")
    problem.state(model, x, y)
    if anonymous:
        for k in range(len(slots) - 1):
            model.add(y[k] >= y[k + 1])
    model.add(sum(y.values()) >= bound)
    model.minimize(sum(y.values()))
    for (t, k), var in x.items():
        model.add_hint(var, hint.get(t) == k)
    used = set(hint.values())
    for k, var in y.items():
        model.add_hint(var, k in used)
    solver = cp_model.CpSolver()
    work = max(clock.left(), 0.0)
    configure(solver, deadline=clock.deadline, work=work, seed=seed, workers=workers)
    solver.parameters.linearization_level = LINEARIZATION
    status, stopped = solve_interruptibly(solver, model)
    clock.charge(solver, status, work, stopped=stopped)
    lower = max(bound, int(solver.best_objective_bound + 1 - 1e-6))
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return lower, "infeasible" if status == cp_model.INFEASIBLE else "unknown", None
    found = {t: k for (t, k), var in x.items() if solver.boolean_value(var)}
    return lower, "optimal" if status == cp_model.OPTIMAL else "feasible", found


def _improve(
    problem: SlotModel,
    cover: dict[int, int],
    bounding: _Bounding,
    clock: _Clock,
    share: float,
    rng: random.Random,
) -> dict[int, int]:
    """Large neighbourhood search: again and again free the tasks of a few jobs (a small
    one and those that may take its tasks) and let CP-SAT place them in as few jobs as it
    can, emptying the small one if it may; a cover no worse each step, ``share`` of the
    work at most. The covering bound takes turns with it, and a cover that meets the
    bound ends it."""
    jobs = _jobs(cover)
    size = 4
    stop = clock.spent + share * clock.work
    while True:
        bounding.keep_up()
        if len(jobs) <= bounding.value or clock.out() or clock.spent >= stop:
            break
        sample = rng.sample(sorted(jobs), min(3, len(jobs)))
        target = min(sample, key=lambda k: (len(jobs[k]), k))
        score: dict[int, int] = {}
        for t in jobs[target]:
            for k in problem.holders_of[t]:
                score[k] = score.get(k, 0) + 1
        ranked = sorted(score, key=lambda k: (-score[k], rng.random()))
        freed = [target, *[k for k in ranked if k in jobs and k != target][: size - 1]]
        sub_tasks = sorted(t for k in freed for t in jobs[k])
        spare: dict[int, int] = {}
        for t in sub_tasks:
            for k in problem.holders_of[t]:
                if k not in jobs:
                    spare[k] = spare.get(k, 0) + 1
        extra = sorted(spare, key=lambda k: (-spare[k], rng.random()))[: 2 * size]
        work = min(LNS_STEP_WORK, stop - clock.spent)
        placed, proven = _place(problem, sub_tasks, freed + extra, target, cover, clock, work)
        if placed is not None:
            for k in freed:
                del jobs[k]
            for t, k in sorted(placed.items()):
                cover[t] = k
                jobs.setdefault(k, []).append(t)
        size = min(size + 1, 40) if proven else max(2, size - 1)
    return cover


def _place(
    problem: SlotModel,
    sub_tasks: Sequence[int],
    sub_slots: Sequence[int],
    target: int,
    cover: dict[int, int],
    clock: _Clock,
    work: float,
) -> tuple[dict[int, int] | None, bool]:
    """The fewest of ``sub_slots`` that hold ``sub_tasks``, fewest in ``target`` next;
    whether that is proven."""
    model = cp_model.CpModel()
    y = {k: model.new_bool_var(f"y{k}") for k in sub_slots}
    x = {
        (t, k): model.new_bool_var(f"x{t}_{k}")
        for k in sub_slots
        for t in sub_tasks
        if t in problem.slots[k].tasks
    }
    problem.state(model, x, y)
    weight = len(sub_tasks) + 1
    in_target = [x[t, target] for t in sub_tasks if (t, target) in x]
    model.minimize(weight * sum(y.values()) + sum(in_target))
    for (t, k), var in x.items():
        model.add_hint(var, cover[t] == k)
    for k, var in y.items():
        model.add_hint(var, any(cover[t] == k for t in sub_tasks))
    solver = cp_model.CpSolver()
    configure(solver, deadline=clock.deadline, work=work, seed=0, workers=1)
    solver.parameters.linearization_level = LINEARIZATION
    status, stopped = solve_interruptibly(solver, model)
    clock.charge(solver, status, work, LNS_STEP_LEAST, stopped=stopped)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None, False
    placed = {t: k for (t, k), var in x.items() if solver.boolean_value(var)}
    return placed, status == cp_model.OPTIMAL


def _jobs(cover: dict[int, int]) -> dict[int, list[int]]:
    jobs: dict[int, list[int]] = {}
    for t, k in sorted(cover.items()):
        jobs.setdefault(k, []).append(t)
    return jobs


def _outcome(
    cover: dict[int, int], lower: int, status: str, started: float, first_jobs: int, clock: _Clock
) -> CoverOutcome:
    jobs = _jobs(cover)
    owners = sorted(jobs, key=lambda k: jobs[k])
    held = tuple(tuple(jobs[k]) for k in owners)
    seconds = _since(started)
    return CoverOutcome(
        held, tuple(owners), lower, status, (), seconds, first_jobs, clock.cut, clock.interrupted
    )


def _apart_pairs(
    graph: nx.Graph,
    pieces: dict[int, list[tuple[int, int]]],
    tasks: Sequence[int],
    task_of: Sequence[int] | None = None,
) -> list[tuple[int, int]]:
    """Pairs the rules keep apart that do not run at the same moment (those are in the
    cliques already): travel, the daily span, and the like. None when every pair apart
    clashes in time (counted first: the usual case, and the pairwise test is slow).
    Two ways of one task (``task_of``) are no such pair: a task is done once anyway."""
    clashing: set[tuple[int, int]] = set()
    for clique in at_once(pieces, tasks):
        clashing.update(itertools.combinations(sorted(clique), 2))
    n = len(tasks)
    edges = graph.subgraph(tasks).number_of_edges()
    kept_apart = len(clashing)
    if task_of is not None:
        ways = Counter(task_of[v] for v in tasks)
        siblings = sum(k * (k - 1) // 2 for k in ways.values())
        kept_apart += siblings - sum(task_of[a] == task_of[b] for a, b in clashing)
    if n * (n - 1) // 2 - edges == kept_apart:
        return []
    pairs = []
    for i, a in enumerate(tasks):
        neighbours = graph[a]
        for b in tasks[i + 1 :]:
            one_task = task_of is not None and task_of[a] == task_of[b]
            if b not in neighbours and (a, b) not in clashing and not one_task:
                pairs.append((a, b))
    return pairs


def _done(ways: Sequence[cp_model.IntVar]) -> cp_model.LinearExprT:
    """Whether a task is done in a slot: the sum of its ways there (its one variable
    without flexible tasks, so that the model stays as it was)."""
    return ways[0] if len(ways) == 1 else cp_model.LinearExpr.sum(ways)


def _first_cover(
    graph: nx.Graph,
    profiles: Sequence[Profile],
    limits: Limits,
    ways: Sequence[Sequence[int]] | None = None,
) -> list[list[int]]:
    """A first cover, task by task in order of their first start: into the first job it
    fits beside, without a wait over the longest allowed (an upper bound on the anonymous
    slots needed; minimum hours aside). ``ways``: per task its nodes in the graph (the
    ways of a flexible task, the first that fits is taken); default: each node a task."""
    members_of: list[list[int]] = []
    loads: list[Load] = []
    waits = [term for term in limits.terms if isinstance(term, DayWait)]
    options = [[t] for t in graph.nodes] if ways is None else [list(w) for w in ways if w]
    order = sorted(options, key=lambda w: (profiles[w[0]].intervals[0], w[0]))
    for choices in order:
        placed = False
        for k, members in enumerate(members_of):
            for t in choices:
                grown = loads[k].add(profiles[t], limits)
                if (
                    grown is not None
                    and all(m in graph[t] for m in members)
                    and all(wait.holds(grown.slots) for wait in waits)
                ):
                    members.append(t)
                    loads[k] = grown
                    placed = True
                    break
            if placed:
                break
        if not placed:
            members_of.append([choices[0]])
            loads.append(Load.of(profiles[choices[0]]))
    return members_of


def _cover_ways(
    graph: nx.Graph,
    profiles: Sequence[Profile],
    limits: Limits,
    holders: Sequence[Holder] | None,
    clock: _Clock,
    options: tuple[int, int, float],
    nodes: Iterable[int] | None,
    together: Iterable[frozenset[int]],
    task_of: Sequence[int],
) -> CoverOutcome:
    """Cover mode over the ways of flexible tasks: every task in exactly one job, in one
    of its ways. The cover's own searches (restarts, covering bound, neighbourhood
    search) speak of tasks with fixed times; here the whole slot model goes to CP-SAT
    at once, from a first cover that takes each task's first way that fits. The lower
    bound it starts from: the most tasks with one way running at one moment (a flexible
    task's times are not known before). ``options``: the workers, the seed and when
    the run started; ``uncoverable`` are task indices."""
    workers, seed, started = options
    chosen = list(range(len(profiles))) if nodes is None else sorted(set(nodes))
    fits = set(graph.nodes) & set(chosen)
    ways_of: dict[int, list[int]] = {}
    for v in chosen:
        ways_of.setdefault(task_of[v], []).append(v)
    first: list[list[int]] = []
    if holders is None:
        in_graph = [[v for v in ways if v in fits] for _, ways in sorted(ways_of.items())]
        first = _first_cover(graph, profiles, limits, in_graph)
        slots = [Holder(frozenset(fits)) for _ in range(len(first))]
    else:
        slots = [Holder(frozenset(h.tasks & fits), h.min_minutes, h.max_minutes) for h in holders]
    held = {task_of[v] for s in slots for v in s.tasks}
    uncoverable = tuple(t for t in sorted(ways_of) if t not in held)
    fixed = [ways[0] for ways in ways_of.values() if len(ways) == 1]
    pieces = {v: week_pieces(profiles[v]) for v in fixed}
    bound = max((len(c) for c in at_once(pieces, fixed)), default=1 if ways_of else 0)
    if uncoverable:
        return CoverOutcome((), (), bound, "infeasible", uncoverable, _since(started))
    problem = SlotModel.of(graph, profiles, limits, slots, chosen, together, task_of)
    first.sort(key=lambda members: min(task_of[v] for v in members))  # symmetry by task
    hint = {v: k for k, members in enumerate(first) for v in members}
    try:
        lower, status, found = _solve_whole(
            problem, hint, bound, anonymous=holders is None, clock=clock, workers=workers, seed=seed
        )
    except KeyboardInterrupt:  # as when it stops a CP-SAT solve: the best cover so far
        clock.interrupted, lower, status, found = True, bound, "unknown", None
    if found is None and holders is None and _keeps_every_rule(problem, hint):
        found, status = hint, "feasible"  # the first cover, where it keeps every rule
    if found is None:
        seconds = _since(started)
        return CoverOutcome(
            (), (), lower, status, (), seconds, len(first), clock.cut, clock.interrupted
        )
    return _outcome(found, lower, status, started, len(first), clock)


def _keeps_every_rule(problem: SlotModel, cover: dict[int, int]) -> bool:
    """Whether every job of ``cover`` (node to slot) is one its slot may hold."""
    return all(problem.valid(k, members) for k, members in _jobs(cover).items())


def _since(started: float) -> float:
    return time.perf_counter() - started
