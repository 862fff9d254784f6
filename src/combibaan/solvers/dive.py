"""A proposal read off the column-generation LP by diving: fix the jobs it likes most, repeat.

The LP over the generated columns is tight (its floor equalled the optimum on
every list small enough to prove), but its solution is fractional. Diving
turns it into jobs: fix the columns the LP uses most, drop the columns that
clash with them, price new jobs among the tasks still free (one round of
:func:`~.colgen.price`, so the LP can re-route around what was fixed), solve
the LP again, and repeat until nothing is left. Measured on 300 short tasks
(bound 64): the local search reached 58 in 60 s, a restricted master over the
same columns 57, a dive without pricing 60 in 3 s, and this dive 64 in 11 s
(fixing a tenth of the LP's value per step; a fiftieth took 26 s for 61).

Every step is counted against a budget of reference seconds
(:mod:`.work_meter`); where the steps left would outrun it, each step fixes more
(:func:`_fix_share`), and when it runs out all the same, the dive goes on without
pricing (GLOP only, cheap), so it always ends with a complete proposal.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from combibaan.rules import Limits, Profile
from combibaan.solvers.colgen import TASK_NODES, LoadMemo, LPFailed, MasterLP, PricingStopped
from combibaan.solvers.expansion import JobSource
from combibaan.solvers.work_meter import (
    Meter,
    price_nodes,
    pricing_seconds,
)

#: Share of the LP's value fixed per step (at least one column): fewer LP solves on
#: large lists, at little cost in quality.
FIX_SHARE = 0.1
#: The share grows where the steps left would outrun the budget at this margin (see
#: :func:`_fix_share`).
MARGIN = 1.25
#: A column the LP uses at least this much is fixed along with the step's others.
WHOLE = 0.999


@dataclass(frozen=True)
class DiveOutcome:
    jobs: list[tuple[int, ...]]
    #: Columns priced on the way (for the restricted master's pool).
    priced: list[tuple[int, ...]]
    steps: int
    #: Reference seconds spent.
    work: float
    #: Whether the wall clock stopped the dive (its jobs are then a partial proposal).
    clock_cut: bool


def dive(
    adjacency: Mapping[int, set[int]],
    profiles: Sequence[Profile],
    limits: Limits,
    pool: Iterable[tuple[int, ...]],
    budget: float,
    deadline: float,
    *,
    accept: Callable[[Sequence[int]], bool] | None = None,
    source: JobSource | None = None,
) -> DiveOutcome:
    """Disjoint jobs from the columns ``pool`` (feasible jobs) and those priced on the way.

    ``budget`` caps the pricing (reference seconds); the wall-clock ``deadline``
    stops the dive outright. ``accept`` (together-locks) drops priced jobs the
    workshop forbids; ``pool`` should hold only allowed ones.
    """
    meter = Meter(budget)
    active = list(dict.fromkeys(pool))
    seen = set(active)
    free = sorted(adjacency)
    fixed: list[tuple[int, ...]] = []
    priced: list[tuple[int, ...]] = []
    steps = 0
    memo = LoadMemo()
    # One LP for the whole dive: columns are added as priced and excluded as they clash.
    lp = MasterLP(free)
    lp.add(active)
    index = {column: k for k, column in enumerate(active)}
    share = FIX_SHARE
    while active:
        if time.perf_counter() > deadline:
            return DiveOutcome(fixed, priced, steps, meter.spent, True)
        steps += 1
        before = meter.spent
        try:
            value, duals, values = lp.solve()
        except LPFailed:
            break  # the jobs fixed so far are disjoint: they are the dive's proposal
        meter.charge(lp.work)
        fresh = []
        if not meter.exhausted:
            fresh = _reprice(
                adjacency, profiles, limits, free, duals, meter, deadline, memo, source
            )
            if time.perf_counter() > deadline:
                return DiveOutcome(fixed, priced, steps, meter.spent, True)
        fresh = [job for job in fresh if job not in seen and (accept is None or accept(job))]
        if fresh:
            seen.update(fresh)
            priced += fresh
            index.update((column, k) for k, column in enumerate(fresh, start=len(index)))
            active += fresh
            lp.add(fresh)
            if time.perf_counter() > deadline:  # the LP over the new columns takes seconds
                return DiveOutcome(fixed, priced, steps, meter.spent, True)
            try:
                value, duals, values = lp.solve()
            except LPFailed:
                break
            meter.charge(lp.work)
        if value < 1e-6:
            break
        order = sorted(range(len(active)), key=lambda k: (-values[index[active[k]]], k))
        count = max(1, math.floor(value * share))
        taken: set[int] = set()
        for rank, k in enumerate(order):
            if rank >= count and values[index[active[k]]] < WHOLE:
                break
            if taken.isdisjoint(active[k]):
                fixed.append(active[k])
                taken.update(active[k])
        still_free = [t for t in free if t not in taken]
        if not meter.exhausted:
            share = _fix_share(share, meter.spent - before, meter.left, len(free), len(still_free))
        free = still_free
        lp.exclude(index[column] for column in active if not taken.isdisjoint(column))
        active = [column for column in active if taken.isdisjoint(column)]
    return DiveOutcome(fixed, priced, steps, meter.spent, False)


def _fix_share(share: float, step: float, left: float, free: int, still_free: int) -> float:
    """The share of the LP's value to fix from now on, so that the pricing lasts to the
    end of the dive.

    A dive whose pricing runs out goes on rounding the LP over the columns it has,
    and that loses jobs. On 1,000 short tasks, 30 % flexible, the pricing over the
    ways is dear: at a tenth per step the first two steps took most of the dive's
    budget, and the large path's count stayed at the greedy's 193 of a bound of 204;
    with the share grown here its dive finds 196
    (``benchmarks/RESULTS-flexible-1000-short.md``). A step's work is mostly the
    pricing over the free tasks, taken to fall with the square of their number: with
    ``free`` tasks before the step and ``still_free`` after it, about ``q =
    (still_free / free) ** 2`` of the work is left for the next step, and the steps
    left cost about ``step * q / (1 - q)``. Where that, with ``MARGIN``, is more than
    ``left``, the share grows in proportion to the tasks a step should take. Where
    the pricing is cheap (the families without flexible tasks, at 300 and 1,000
    tasks) the share stays or barely moves, and their counts did not change
    (``RESULTS-families-300.md``, ``-1000.md``).
    """
    if step <= 0 or still_free >= free or still_free == 0:
        return share
    ratio = left / (step * MARGIN)
    kept = still_free / free
    if kept * kept <= ratio * (1 - kept * kept):
        return share
    needed = math.sqrt(ratio / (1 + ratio))  # the share of free tasks a step may keep
    return min(1.0, share * (1 - needed) / (1 - kept))


def _reprice(
    adjacency: Mapping[int, set[int]],
    profiles: Sequence[Profile],
    limits: Limits,
    free: list[int],
    duals: Mapping[int, float],
    meter: Meter,
    deadline: float,
    memo: LoadMemo,
    source: JobSource | None,
) -> list[tuple[int, ...]]:
    """One pricing round among the free tasks: jobs the LP would use (dual sum below 1)."""
    left = set(free)
    sub = {v: adjacency[v] & left for v in free}
    y = [duals.get(t, 0.0) for t in range(len(profiles))]
    loads = memo.misses
    try:
        _, found, nodes, _ = (source or JobSource()).price(
            sub,
            profiles,
            limits,
            y,
            deadline,
            max_nodes=price_nodes(meter.left),
            task_nodes=TASK_NODES,
            memo=memo,
        )
    except PricingStopped:
        meter.charge(meter.left)
        return []
    meter.charge(pricing_seconds(nodes, memo.misses - loads, sum(map(len, sub.values()))))
    return found
