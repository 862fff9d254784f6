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
number of slots used is the objective; the most tasks running at one moment is a
lower bound every cover must reach, given to CP-SAT as a constraint.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass

import networkx as nx
from ortools.sat.python import cp_model

from combibaan.model.week import MINUTES_PER_WEEK
from combibaan.rules import Limits, Load, Profile
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


def most_at_once(profiles: Sequence[Profile], tasks: Sequence[int]) -> list[frozenset[int]]:
    """The sets of ``tasks`` running at the start of each of their intervals (half-open
    time on the week's circle), each set not inside the one before: the cliques of
    tasks no job can hold together."""
    pieces: list[tuple[int, int, int]] = []
    for t in tasks:
        for start, end in profiles[t].intervals:
            pieces.append((start % MINUTES_PER_WEEK, end - (start - start % MINUTES_PER_WEEK), t))
    spans: list[tuple[int, int, int]] = []
    for start, end, t in pieces:
        spans.append((start, min(end, MINUTES_PER_WEEK), t))
        if end > MINUTES_PER_WEEK:
            spans.append((0, end - MINUTES_PER_WEEK, t))
    spans.sort()
    cliques: list[frozenset[int]] = []
    for point in sorted({s for s, _, _ in spans}):
        active = frozenset(t for s, e, t in spans if s <= point < e)
        if len(active) > 1 and not (cliques and active <= cliques[-1]):
            if cliques and cliques[-1] <= active:
                cliques[-1] = active
            else:
                cliques.append(active)
    return cliques


def solve_cover(
    graph: nx.Graph,
    profiles: Sequence[Profile],
    limits: Limits,
    holders: Sequence[Holder] | None,
    *,
    time_limit: float,
    workers: int = 1,
    seed: int = 0,
) -> CoverOutcome:
    """The fewest jobs that hold every task (:mod:`module docs <.cover>`).

    ``graph``: the compatibility graph (tasks that fit alone, pairs that fit together).
    ``holders``: one per candidate; ``None``: anonymous jobs, as many as needed.
    """
    started = time.perf_counter()
    tasks = sorted(range(len(profiles)))
    fits = set(graph.nodes)
    first: list[list[int]] = []
    if holders is None:
        first = _first_cover(graph, profiles, limits)
        slots = [Holder(frozenset(fits)) for _ in range(len(first))]
    else:
        slots = [Holder(frozenset(h.tasks & fits), h.min_minutes, h.max_minutes) for h in holders]
    held = set().union(*(s.tasks for s in slots)) if slots else set()
    uncoverable = tuple(t for t in tasks if t not in held)
    cliques = most_at_once(profiles, tasks)
    bound = max((len(c) for c in cliques), default=1 if tasks else 0)
    if uncoverable:
        return CoverOutcome((), (), bound, "infeasible", uncoverable, _since(started))
    model = cp_model.CpModel()
    y = [model.new_bool_var(f"y{k}") for k in range(len(slots))]
    x: dict[tuple[int, int], cp_model.IntVar] = {}
    for k, slot in enumerate(slots):
        for t in sorted(slot.tasks):
            if holders is None and k > tasks.index(t):
                continue  # anonymous slots: task t in one of the first t+1 (no symmetry)
            x[t, k] = model.new_bool_var(f"x{t}_{k}")
            model.add_implication(x[t, k], y[k])
    for t in tasks:
        model.add_exactly_one(x[t, k] for k in range(len(slots)) if (t, k) in x)
    apart = _apart_pairs(graph, profiles, tasks)
    for k, slot in enumerate(slots):
        z = {t: x[t, k] for t in sorted(slot.tasks) if (t, k) in x}
        for clique in cliques:
            together = [z[t] for t in clique if t in z]
            if len(together) > 1:
                model.add(sum(together) <= y[k])
        for a, b in apart:
            if a in z and b in z:
                model.add_bool_or([z[a].Not(), z[b].Not()])
        for term in limits.terms:
            state_term(model, term, z, profiles, active=y[k])
        minutes = sum(profiles[t].minutes * z[t] for t in z)
        if slot.min_minutes:
            model.add(minutes >= slot.min_minutes).only_enforce_if(y[k])
        if slot.max_minutes is not None:
            model.add(minutes <= slot.max_minutes)
    if holders is None:
        for k in range(len(slots) - 1):
            model.add(y[k] >= y[k + 1])
    model.add(sum(y) >= bound)
    model.minimize(sum(y))
    # A first cover as the hint: without one CP-SAT may not find any in time (Data_137,
    # 208-493 tasks, one worker: none in 30 s).
    hint = _hint(graph, profiles, limits, slots, first, x)
    for (t, k), var in x.items():
        model.add_hint(var, hint.get(t) == k)
    for k, var in enumerate(y):
        model.add_hint(var, k in hint.values())
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = max(0.1, time_limit - _since(started))
    solver.parameters.num_workers = workers
    solver.parameters.random_seed = seed
    status = solver.solve(model)
    lower = max(bound, int(solver.best_objective_bound + 1 - 1e-6))
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        word = "infeasible" if status == cp_model.INFEASIBLE else "unknown"
        return CoverOutcome((), (), lower, word, (), _since(started))
    jobs, owners = [], []
    for k in range(len(slots)):
        members = tuple(t for t in tasks if (t, k) in x and solver.boolean_value(x[t, k]))
        if members:
            jobs.append(members)
            owners.append(k)
    word = "optimal" if status == cp_model.OPTIMAL else "feasible"
    return CoverOutcome(tuple(jobs), tuple(owners), lower, word, (), _since(started))


def _apart_pairs(
    graph: nx.Graph, profiles: Sequence[Profile], tasks: Sequence[int]
) -> list[tuple[int, int]]:
    """Pairs the rules keep apart that do not run at the same moment (those are in the
    cliques already): travel, the daily span, and the like."""
    pairs = []
    for i, a in enumerate(tasks):
        neighbours = graph[a]
        for b in tasks[i + 1 :]:
            if b not in neighbours and not _overlap(profiles[a], profiles[b]):
                pairs.append((a, b))
    return pairs


def _overlap(p: Profile, q: Profile) -> bool:
    for a, b in p.intervals:
        for c, d in q.intervals:
            for shift in (-MINUTES_PER_WEEK, 0, MINUTES_PER_WEEK):
                if b > c + shift and d + shift > a:
                    return True
    return False


def _first_cover(graph: nx.Graph, profiles: Sequence[Profile], limits: Limits) -> list[list[int]]:
    """A first cover, task by task in order of their first start: into the first job it
    fits beside (an upper bound on the anonymous slots needed; minimum hours aside)."""
    members_of: list[list[int]] = []
    loads: list[Load] = []
    order = sorted(graph.nodes, key=lambda t: (profiles[t].intervals[0], t))
    for t in order:
        for k, members in enumerate(members_of):
            grown = loads[k].add(profiles[t], limits)
            if grown is not None and all(m in graph[t] for m in members):
                members.append(t)
                loads[k] = grown
                break
        else:
            members_of.append([t])
            loads.append(Load.of(profiles[t]))
    return members_of


def _hint(
    graph: nx.Graph,
    profiles: Sequence[Profile],
    limits: Limits,
    slots: Sequence[Holder],
    first: list[list[int]],
    x: dict[tuple[int, int], cp_model.IntVar],
) -> dict[int, int]:
    """Task -> slot of a first cover: the anonymous one, or task by task in order of
    their first start, into the first opened slot that may hold it beside its tasks,
    else into a new slot, the one that may hold the most tasks still to place."""
    if first:
        return {t: k for k, members in enumerate(first) for t in members}
    order = sorted(graph.nodes, key=lambda t: (profiles[t].intervals[0], t))
    left = set(order)
    opened: list[int] = []
    members: dict[int, list[int]] = {}
    loads: dict[int, Load] = {}
    hint: dict[int, int] = {}
    for t in order:
        left.discard(t)
        chosen = None
        for k in opened:
            if (t, k) in x and all(m in graph[t] for m in members[k]):
                grown = loads[k].add(profiles[t], limits)
                if grown is not None and _within(grown, slots[k]):
                    chosen, loads[k] = k, grown
                    break
        if chosen is None:
            free = [k for k in range(len(slots)) if k not in members and (t, k) in x]
            if not free:
                continue  # CP-SAT places it
            chosen = max(free, key=lambda k: (len(slots[k].tasks & left), -k))
            opened.append(chosen)
            members[chosen], loads[chosen] = [], Load.of(profiles[t])
        members[chosen].append(t)
        hint[t] = chosen
    return hint


def _within(load: Load, slot: Holder) -> bool:
    return slot.max_minutes is None or load.minutes <= slot.max_minutes


def _since(started: float) -> float:
    return time.perf_counter() - started
