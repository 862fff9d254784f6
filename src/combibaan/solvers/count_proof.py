"""Proving the most jobs where the LP bound sits just above them: reduced costs, then a MIP (SCIP).

Let ``y >= 0`` be dual prices of the tasks such that every feasible job's
prices add up to at least 1 (the LP's duals, scaled by Farley's factor), and
``Y`` their sum. For any packing ``P`` of disjoint jobs,

    |P| = Y - sum over j in P of (y(j) - 1) - (prices of the tasks P leaves out),

and both sums are at least 0. So a packing of ``target`` jobs uses only jobs
with ``y(j) <= 1 + Y - target``. Where ``Y`` is just above the best count
found, few jobs may pass (3,336 of 80k on one list of 80 short tasks), and a MIP over them
(:mod:`.ortools.mip_packing`) settles whether ``target`` jobs exist: if the
most over them is ``v >= target``, then ``v`` is the most of all (a packing
with more would use only those jobs); if ``v < target``, no packing reaches
``target``. Going down from ``floor(Y)`` until the best count found is
reached proves it, or finds more.

Every job can shrink to a job that is a prefix of it in task order, with
prices no higher, so the minimal jobs of :func:`~.enumeration.enumerate_jobs`
serve as well as every job.
"""

from __future__ import annotations

import math
import random
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from combibaan.solvers.colgen import LPFailed, LPStopped, MasterLP, solve_lp
from combibaan.solvers.ortools.mip_packing import most_jobs_mip

#: Above this many columns a MIP is not tried (the MIP would not finish in a workshop's minute).
MAX_COLUMNS = 60_000

#: Columns a dive fixes per LP (:func:`prices_and_dive`): 2 needed 8 LPs for what 4 did in 5-6.
DIVE_FIX = 4
#: Dives after the first, and how far a column's LP value is raised at random in them
#: (:func:`prices_and_dive`).
DIVE_TRIES = 8
DIVE_NOISE = 0.3

#: Tolerance on sums of floating-point prices (always towards more columns, a higher bound).
EPS = 1e-6


@dataclass(frozen=True)
class Prices:
    """Dual prices under which every job costs at least 1, and their sum (an LP bound)."""

    of: Mapping[int, float]
    total: float

    def cost(self, job: Iterable[int]) -> float:
        return sum(self.of.get(t, 0.0) for t in job)

    @property
    def jobs_bound(self) -> int:
        return math.floor(self.total + EPS)

    def threshold(self, target: int) -> float:
        """The highest cost a job in a packing of ``target`` jobs can have."""
        return 1.0 + self.total - target + EPS


def prices_over(columns: Sequence[tuple[int, ...]], tasks: Iterable[int]) -> Prices | None:
    """The LP's duals over ``columns`` made feasible for each of them (Farley's scaling).

    They hold for every job only when ``columns`` hold every job, or every
    minimal one. None when some column has no positive price (no bound then).
    """
    return priced_over(columns, tasks)[0]


def priced_over(
    columns: Sequence[tuple[int, ...]], tasks: Iterable[int]
) -> tuple[Prices | None, float]:
    """:func:`prices_over` and the reference seconds its LP took (for a budget)."""
    try:
        solved = solve_lp(columns, tasks)
    except LPFailed:
        return None, 0.0
    return _scaled(columns, solved.duals), solved.work


def _scaled(columns: Sequence[tuple[int, ...]], duals: Mapping[int, float]) -> Prices | None:
    cheapest = min((sum(duals.get(t, 0.0) for t in c) for c in columns), default=1.0)
    if cheapest <= 0:
        return None
    factor = 1.0 / min(1.0, cheapest)
    scaled = {t: value * factor for t, value in duals.items() if value > 0}
    return Prices(scaled, sum(scaled.values()))


class Dived(NamedTuple):
    """:func:`prices_and_dive`'s answer."""

    #: The LP's duals made feasible for every column (None: no bound from them).
    prices: Prices | None
    #: The most jobs a dive packed.
    jobs: tuple[tuple[int, ...], ...]
    #: Reference seconds the LPs took (for a budget).
    work: float
    #: Whether the wall-clock deadline stopped an LP or a dive (a rerun may then differ).
    clock_cut: bool


def prices_and_dive(
    columns: Sequence[tuple[int, ...]],
    tasks: Iterable[int],
    *,
    work_limit: float = 0.0,
    seed: int = 0,
    deadline: float = math.inf,
    first_deadline: float | None = None,
) -> Dived:
    """:func:`prices_over`, a packing found by diving on the same LP, and the reference
    seconds its LPs took (for a budget).

    The dive fixes the ``DIVE_FIX`` columns the LP likes best (value above one half),
    drops every column that meets them and solves the LP again, until none is left.
    Where the LP's bound is just above the optimum it often reaches it, which proves
    the count without a MIP: 80 short tasks, 42k and 80k jobs: 16 and 14 jobs, the
    optimum, in 5-6 LPs, where rounding the first LP gave 15 and 13 and the MIP
    needed more than 7 s. GLOP is deterministic, so the packing is too.

    Where the dive stays below the LP's floor, it dives again (at most ``DIVE_TRIES``
    times, while its LPs took less than ``work_limit``) with columns the LP likes
    about equally in a random order (``seed``; :data:`DIVE_NOISE`), and keeps the most
    jobs. Where many jobs are about equally good (lists of short tasks), which
    of them the first dive fixes decides: on one list of 150 short tasks it found 31
    jobs however many columns it fixed at a time, and so did the MIP over the same
    jobs, while most dives in another order found 32, the optimum.

    Every LP and dive stops at the wall-clock ``deadline`` (``clock_cut``): over
    168,120 jobs of 150 short tasks the first LP and dive took 19 s, and a run with a
    20 s limit ended after 24 s. ``first_deadline``, if later, is the first LP's and
    dive's: on that list the first dive found the count (67, the bound) at 17 s of a
    20 s limit, where the proof's share was 5 s.
    """
    first_deadline = deadline if first_deadline is None else max(deadline, first_deadline)
    lp = MasterLP(sorted(set(tasks)))
    lp.add(columns)
    try:
        value, duals, values = lp.solve(first_deadline)
    except LPStopped:
        return Dived(None, (), 0.0, True)
    except LPFailed:
        return Dived(None, (), 0.0, False)
    work = lp.work
    prices = _scaled(columns, duals)
    chosen, spent, cut = _dive(lp, columns, values, None, first_deadline)
    work += spent
    ceiling = math.floor(value + EPS)
    rng = random.Random(seed)
    for _ in range(DIVE_TRIES):
        if len(chosen) >= ceiling or work >= work_limit or time.perf_counter() > deadline:
            break
        again, spent, cut = _dive(lp, columns, values, rng, deadline)
        work += spent
        if len(again) > len(chosen):
            chosen = again
    return Dived(prices, chosen, work, cut)


def _dive(
    lp: MasterLP,
    columns: Sequence[tuple[int, ...]],
    values: Sequence[float],
    rng: random.Random | None,
    deadline: float = math.inf,
) -> tuple[tuple[tuple[int, ...], ...], float, bool]:
    """One dive from the LP's ``values`` over ``columns`` (see :func:`prices_and_dive`);
    with ``rng``, each column's value is raised by up to ``DIVE_NOISE`` for its rank.
    The jobs, the LPs' reference seconds, and whether the wall-clock ``deadline`` stopped
    it (its jobs so far are still a packing).

    ``lp`` holds ``columns`` and is left as it was: one LP serves every step, the
    columns that clash with a fixed job excluded, and GLOP goes on from its basis (over
    168,120 jobs of 150 short tasks building each step's LP afresh took most of the dive).
    """
    alive = list(range(len(columns)))
    chosen: list[tuple[int, ...]] = []
    used: set[int] = set()
    dropped: list[int] = []
    work, cut = 0.0, False
    while alive:
        if time.perf_counter() > deadline:
            cut = True
            break
        noise = [rng.random() * DIVE_NOISE for _ in alive] if rng is not None else None
        rank = {k: values[k] + (noise[n] if noise else 0.0) for n, k in enumerate(alive)}
        order = sorted(alive, key=lambda k: (-rank[k], len(columns[k]), columns[k]))
        fix = [k for k in order[:DIVE_FIX] if values[k] > 0.5] or [order[0]]
        for k in fix:
            if used.isdisjoint(columns[k]):
                chosen.append(columns[k])
                used.update(columns[k])
        clash = [k for k in alive if not used.isdisjoint(columns[k])]
        alive = [k for k in alive if used.isdisjoint(columns[k])]
        lp.exclude(clash)
        dropped += clash
        if alive:
            try:
                values = lp.solve(deadline)[2]
            except LPStopped:
                cut = True
                break
            except LPFailed:
                break  # what it fixed is still a packing
            work += lp.work
    lp.include(dropped)
    return tuple(chosen), work, cut


@dataclass(frozen=True)
class CountProof:
    """The outcome: a proven most jobs (or not), and a packing with more than the incumbent."""

    #: Proven bound on the number of jobs (the LP's floor when nothing more was proven).
    jobs_bound: int
    #: A packing with more jobs than the incumbent, when the MIP found one.
    better: tuple[tuple[int, ...], ...] | None
    #: Whether the wall clock stopped a MIP before it finished (a rerun may differ).
    clock_cut: bool

    def proven(self, incumbent: int) -> bool:
        best = len(self.better) if self.better is not None else incumbent
        return best >= self.jobs_bound


def prove_count(
    columns: Sequence[tuple[int, ...]],
    prices: Prices,
    incumbent: int,
    deadline: float,
) -> CountProof:
    """Lower the bound from ``floor(Y)`` towards ``incumbent`` (jobs in a packing known),
    one MIP per step, until they meet, a step needs more than ``MAX_COLUMNS`` columns
    or the wall-clock ``deadline`` passes.

    ``columns`` must hold every job or every minimal one, and ``prices`` be
    feasible for all of them (:func:`prices_over`).
    """
    costs = [prices.cost(c) for c in columns]
    bound = prices.jobs_bound
    better: tuple[tuple[int, ...], ...] | None = None
    best = incumbent
    for target in range(bound, incumbent, -1):
        if best >= bound:
            break
        limit = prices.threshold(target)
        reduced = [c for c, cost in zip(columns, costs, strict=True) if cost <= limit]
        if len(reduced) > MAX_COLUMNS:
            break
        if time.perf_counter() >= deadline:
            return CountProof(bound, better, True)
        found = most_jobs_mip(reduced, deadline)
        chosen = tuple(reduced[k] for k in found.selected)
        members = [t for c in chosen for t in c]
        if len(members) != len(set(members)):
            break  # not a packing: trust nothing the MIP said
        if len(chosen) > best:
            better, best = chosen, len(chosen)
        if not found.optimal:
            # Unproven, but its packing counts: it may already meet the bound.
            return CountProof(bound, better, found.clock_cut)
        # Nothing over the reduced columns reaches ``target``: fewer exist anywhere.
        bound = len(chosen) if len(chosen) >= target else target - 1
    return CountProof(bound, better, False)
