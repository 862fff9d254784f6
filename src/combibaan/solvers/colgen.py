"""An upper bound on the number of jobs by column generation, valid even when stopped early.

The LP relaxation of the set packing (max sum x_j, each task in at most one
chosen job, 0 <= x_j) over *all* feasible jobs bounds the number of jobs far
tighter than hours divided by the minimum hours: on the generated 300-task
instance the hours bound is 169 where the optimum is 136. Enumerating all jobs
is what does not scale, so the LP is solved over a growing set of columns
(GLOP), and new jobs are priced by a depth-first search over cliques of the
compatibility graph that looks for the job with the smallest dual sum.

Why the bound stays honest: whatever dual values ``y >= 0`` the LP returns, if
the pricing search is *complete* and finds that every feasible job has a dual
sum of at least ``m > 0``, then ``y / min(1, m)`` is dual feasible, so
``sum(y) / min(1, m)`` bounds the LP and thus the number of jobs (Farley's
bound). Nothing relies on the LP solver's optimality or tolerances beyond the
floating-point sum; a pricing search cut short by the deadline yields no bound
for that round, and the best bound of any completed round is kept.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from ortools.linear_solver import pywraplp

from combibaan.solvers.profile import Limits, Load, Profile

#: Dual sums below ``1 - PRICE_EPS`` count as improving columns.
PRICE_EPS = 1e-7


@dataclass(frozen=True)
class BoundOutcome:
    """The best proven bound on jobs (or None) and how it was reached."""

    jobs_bound: int | None
    lp_value: float
    rounds: int
    columns: int
    #: Whether the LP over all jobs was solved to optimality (no improving job left).
    converged: bool
    seconds: float


class _Deadline(Exception):
    pass


def cheapest_jobs(
    adjacency: Mapping[int, set[int]],
    profiles: Sequence[Profile],
    limits: Limits,
    y: Sequence[float],
    deadline: float,
    cap: float = 1.0,
) -> tuple[float, list[tuple[int, ...]]]:
    """The smallest dual sum over all feasible jobs (capped at ``cap``) and cheap jobs found.

    For every task ``v`` the search finds the cheapest job whose lowest task
    index is ``v``; together these cover every job. A job is not grown once it
    is feasible (its prefix is then a feasible subset with no larger dual sum,
    as ``y >= 0``), and a branch is cut when its dual sum plus the cheapest way
    to reach the missing minimum hours cannot beat the best so far.
    Raises :class:`_Deadline` when ``deadline`` (perf_counter) passes.
    """
    minimum = cap
    found: list[tuple[int, ...]] = []
    nodes = 0

    minutes = [max(1, p.minutes) for p in profiles]
    per_minute = [y[t] / minutes[t] for t in range(len(profiles))]

    def search(members: list[int], cost: float, load: Load, candidates: list[int]) -> None:
        # ``candidates`` are sorted by dual value, so the first too dear one ends the loop.
        nonlocal best, best_members, nodes
        nodes += 1
        if nodes & 4095 == 0 and time.perf_counter() > deadline:
            raise _Deadline
        if load.is_job(limits):
            if cost < best:
                best, best_members = cost, tuple(sorted(members))
            return
        missing = limits.min_minutes - load.minutes
        if missing > 0:
            if sum(minutes[c] for c in candidates) < missing:
                return
            if cost + min(per_minute[c] for c in candidates) * missing >= best:
                return  # even the cheapest minutes cannot make a cheaper job
        for k, c in enumerate(candidates):
            child = cost + y[c]
            if child >= best:
                break
            grown = load.add(profiles[c], limits)
            if grown is None:
                continue
            neighbours = adjacency[c]
            members.append(c)
            search(members, child, grown, [u for u in candidates[k + 1 :] if u in neighbours])
            members.pop()

    for v in sorted(adjacency):
        # Each v looks for its own cheapest job below the cap, so every v adds a column.
        best, best_members = cap, None
        candidates = sorted((u for u in adjacency[v] if u > v), key=lambda u: (y[u], u))
        search([v], y[v], Load.of(profiles[v]), candidates)
        if best_members is not None:
            found.append(best_members)
            minimum = min(minimum, best)
    return minimum, found


def _solve_lp(
    columns: Sequence[tuple[int, ...]], tasks: Iterable[int]
) -> tuple[float, dict[int, float]]:
    """LP optimum over these columns and the tasks' dual values (clipped at zero)."""
    solver = pywraplp.Solver.CreateSolver("GLOP")
    rows = {t: solver.Constraint(-solver.infinity(), 1.0) for t in tasks}
    objective = solver.Objective()
    for k, column in enumerate(columns):
        x = solver.NumVar(0.0, solver.infinity(), f"x{k}")
        objective.SetCoefficient(x, 1.0)
        for t in column:
            rows[t].SetCoefficient(x, 1.0)
    objective.SetMaximization()
    if solver.Solve() != pywraplp.Solver.OPTIMAL:
        raise RuntimeError("GLOP did not solve the restricted master LP")
    return objective.Value(), {t: max(0.0, row.dual_value()) for t, row in rows.items()}


def lp_bound(
    adjacency: Mapping[int, set[int]],
    profiles: Sequence[Profile],
    limits: Limits,
    start: Iterable[tuple[int, ...]],
    deadline: float,
    *,
    report: Callable[[int], None] | None = None,
) -> BoundOutcome:
    """Column generation until no job prices out or the deadline passes.

    ``adjacency`` is the compatibility graph (task index -> compatible tasks,
    only tasks that fit alone); ``start`` are known feasible jobs (e.g. the
    greedy proposal). ``report`` is called with each improved bound.
    """
    started = time.perf_counter()
    columns: dict[tuple[int, ...], None] = dict.fromkeys(start)
    best: int | None = None
    rounds = 0
    lp_value = 0.0
    converged = False
    while time.perf_counter() < deadline:
        rounds += 1
        if columns:
            lp_value, duals = _solve_lp(list(columns), adjacency)
        else:
            lp_value, duals = 0.0, {}
        y = [duals.get(t, 0.0) for t in range(len(profiles))]
        try:
            minimum, found = cheapest_jobs(adjacency, profiles, limits, y, deadline)
        except _Deadline:
            break
        dual_sum = sum(y[t] for t in adjacency)
        if minimum > 0:
            bound = math.floor(dual_sum / min(1.0, minimum) + 1e-6)
            if best is None or bound < best:
                best = bound
                if report:
                    report(best)
        fresh = [job for job in found if job not in columns]
        if minimum >= 1.0 - PRICE_EPS or not fresh:
            converged = minimum >= 1.0 - PRICE_EPS
            break
        columns.update(dict.fromkeys(fresh))
    return BoundOutcome(
        best, lp_value, rounds, len(columns), converged, time.perf_counter() - started
    )
