"""A flexible task as the fixed choices it allows: its variants, on a grid of start times.

The solver judges fixed slots only; a flexible task enters it as every way it
can be done (a choice of days and one start per window), and a job holds at most
one of them. Trying every minute is not needed: within one job every rule on the
start times is a difference constraint (no overlap with travel for a given
order, span, gaps, the window itself) whose constants are times, durations,
travel minutes and limits. When all of those are multiples of ``g`` minutes, a
job that can be scheduled at all can be scheduled with every start on the ``g``
grid (the vertices of a system of difference constraints lie on its constants'
grid), so variants on that grid keep the proof of the count exact. Only when the
flexible tasks together would get more than :data:`EXACT_VARIANTS`, and a task more
than :data:`MAX_VARIANTS`, are its starts thinned; the result then says so and claims
no proof beyond the starts tried.
"""

from __future__ import annotations

import itertools
import math
import numbers
from collections.abc import Iterable
from dataclasses import dataclass, replace

from combibaan.model.instance import Instance
from combibaan.model.task import Task
from combibaan.model.week import MINUTES_PER_DAY, MINUTES_PER_WEEK, Slot, Window

#: Variants of one task at most before its starts are thinned (then not exact). Measured
#: on 80 tasks, 30 % flexible (``generate --flexible 0.3``, campus, seed 1): with 4 or 8
#: the enumeration completes and proves 40 jobs (32 with the windows at their starts);
#: with 16 or 48 it does not (36 jobs, unproven).
MAX_VARIANTS = 8
#: Variants of all flexible tasks together up to which none is thinned, so that the proof
#: holds for every start (a workshop's few flexible tasks, or a small list): 256 is what
#: 32 tasks at :data:`MAX_VARIANTS` take, fewer than the lists the cap was measured on.
EXACT_VARIANTS = 256
#: A cap on one task's variants that no task reaches: every start on the grid (the
#: last, finest search of a small list, :func:`combibaan.solvers.solve.solve`).
EVERY_START = 1 << 62
#: The steps a thinned task's starts take, the finest first that keeps it within
#: :data:`MAX_VARIANTS` (multiples of the exact grid only): times people plan by.
NICE_STEPS = (5, 10, 15, 30, 60, 120, 240)


@dataclass(frozen=True)
class Variants:
    """The fixed choices of one task: each a tuple of slots, fixed slots included."""

    choices: tuple[tuple[Slot, ...], ...]
    #: Minutes between the starts tried (the instance's grid unless thinned).
    step: int
    #: Whether the starts were thinned beyond the exact grid.
    thinned: bool


def grid_minutes(instance: Instance, limits: Iterable[float] = ()) -> int:
    """The exact grid: the gcd of every time, duration, travel time and ``limits`` (the
    policy's, in minutes). A fraction of a minute counts as a whole one (whole minutes)."""
    values = [MINUTES_PER_DAY]
    for task in instance.tasks:
        for slot in task.slots:
            values += (slot.start, slot.end)
        for window in task.windows:
            values += (window.earliest, window.latest, window.duration)
    values += (math.ceil(edge.minutes) for edge in instance.travel)
    values += (math.ceil(value) for value in limits)
    return math.gcd(*values) or 1


def variants(task: Task, grid: int, cap: int | None = MAX_VARIANTS) -> Variants:
    """Every fixed way to do ``task`` with starts on ``grid`` (thinned to at most ``cap``
    where needed; ``None``: never); a fixed task has one, itself."""
    if not task.windows:
        return Variants((task.slots,), grid, False)
    step = _step(task, grid, cap)
    found = []
    per_window = [_choices(w, step) for w in task.windows]
    for combination in itertools.product(*per_window):
        slots = task.slots + tuple(s for part in combination for s in part)
        if not overlaps_itself(slots):
            found.append(tuple(sorted(slots)))
    return Variants(tuple(found), step, step != grid)


def _step(task: Task, grid: int, cap: int | None) -> int:
    """The finest step on ``grid`` (one of :data:`NICE_STEPS` first) that keeps the task
    within ``cap`` ways (``None``: the grid)."""
    step = grid
    coarser = (s for s in (*NICE_STEPS, *range(grid, MINUTES_PER_DAY + 1, grid)) if s % grid == 0)
    while cap is not None and _count(task.windows, step) > cap and step < MINUTES_PER_DAY:
        step = next(s for s in coarser if s > step)
    return step


@dataclass(frozen=True, order=True)
class Drift:
    """A slot whose start may lie anywhere from its own to ``slack`` minutes later (the
    same day): a range of starts judged at once, for a bound that holds for each."""

    slot: Slot
    slack: int


def ranges(task: Task, cap: int = MAX_VARIANTS) -> tuple[tuple[Drift, ...], ...]:
    """Every way to do ``task`` as ranges of starts that together hold every minute of
    its windows, at most about ``cap`` of them (fixed slots drift by 0).

    Where :func:`variants` thins a task's starts, these cover the minutes between
    them: a job that can be done at some minutes can be done in the ranges that hold
    them, so a search over ranges that judges each the most leniently over its minutes
    (:func:`combibaan.rules.facts.drifting`) bounds the jobs for every start. A range
    never crosses midnight: each start belongs to the day it falls on.
    """
    fixed = tuple(Drift(s, 0) for s in task.slots)
    if not task.windows:
        return (fixed,)
    step = _step(task, 1, cap)
    per_window = [
        [
            tuple(Drift(s, slack) for s in w.slots(days, start))
            for days in itertools.combinations(w.days, w.count)
            for start, slack in _spans(w, step)
        ]
        for w in task.windows
    ]
    found = []
    for combination in itertools.product(*per_window):
        drifts = fixed + tuple(d for part in combination for d in part)
        cores = [(d.slot.week_start + d.slack, d.slot.week_end) for d in drifts]
        if not _overlapping([(a, b) for a, b in cores if a < b]):
            found.append(tuple(sorted(drifts)))
    return tuple(found)


def _spans(window: Window, step: int) -> list[tuple[int, int]]:
    """The window's starts as ranges (first start, slack) from each start :func:`starts`
    tries on ``step`` to the minute before the next, split at midnight."""
    tried = starts(window, step)
    found = []
    for start, after in zip(tried, [*tried[1:], window.last_start + 1], strict=True):
        last = after - 1
        if start < MINUTES_PER_DAY <= last:
            found.append((start, MINUTES_PER_DAY - 1 - start))
            start = MINUTES_PER_DAY
        found.append((start, last - start))
    return found


#: The most ways one task may have with the fewest starts (its windows' earliest and latest
#: only): beyond, its choices of days alone would flood the searches (three windows of
#: ``3x ma-zo`` are 42,875 ways, which took minutes and gigabytes past any time limit).
MAX_TASK_WAYS = 4096


def fewest_ways(task: Task) -> int:
    """The ways ``task`` has at the coarsest step: its choices of days, two starts each."""
    return _count(task.windows, MINUTES_PER_DAY) if task.windows else 1


def more_ways(times: int) -> int:
    """``times`` the variants of a thinned task (:data:`MAX_VARIANTS`, read when called)."""
    return times * MAX_VARIANTS


def total_ways(tasks: Iterable[Task], grid: int, most: int | None = None) -> int:
    """The ways all ``tasks`` get together on ``grid`` under :func:`variant_cap` (a fixed
    task one): what an expansion would hold, known before it is built."""
    tasks = list(tasks)
    cap = variant_cap(tasks, grid, most)
    return sum(_count(t.windows, _step(t, grid, cap)) if t.windows else 1 for t in tasks)


def variant_cap(tasks: Iterable[Task], grid: int, most: int | None = None) -> int | None:
    """The cap on each task's variants: none where all flexible tasks together have at
    most :data:`EXACT_VARIANTS` on the exact ``grid``, else ``most`` (default
    :data:`MAX_VARIANTS`, read when called)."""
    total = sum(_count(t.windows, grid) for t in tasks if t.windows)
    if total <= EXACT_VARIANTS:
        return None
    return MAX_VARIANTS if most is None else most


def starts(window: Window, step: int) -> list[int]:
    """The starts tried: from the earliest on ``step``, and always the last possible one."""
    found = list(range(window.earliest, window.last_start + 1, step))
    if found[-1] != window.last_start:
        found.append(window.last_start)
    return found


def _count(windows: tuple[Window, ...], step: int) -> int:
    return math.prod(math.comb(len(w.days), w.count) * len(starts(w, step)) for w in windows)


def _choices(window: Window, step: int) -> list[tuple[Slot, ...]]:
    return [
        window.slots(days, start)
        for days in itertools.combinations(window.days, window.count)
        for start in starts(window, step)
    ]


def overlaps_itself(slots: Iterable[Slot]) -> bool:
    """Whether two of one task's slots overlap on the weekly circle."""
    return _overlapping([(s.week_start, s.week_end) for s in slots])


def _overlapping(intervals: list[tuple[int, int]]) -> bool:
    """Whether two of one task's intervals (minutes from Monday 00:00) overlap on the
    weekly circle (one person does it)."""
    spans = sorted(intervals)
    for (_, end), (start, _) in itertools.pairwise(spans):
        if start < end:
            return True
    return bool(spans) and spans[-1][1] > spans[0][0] + MINUTES_PER_WEEK


def widen_windows(instance: Instance, minutes: int) -> Instance:
    """Every time window ``minutes`` wider at both ends (at most a day in all, at most
    :data:`MAX_WIDEN` minutes): what if the flexible work could move more. Fixed slots
    stay where they are."""
    if not isinstance(instance, Instance):
        raise TypeError(
            f"instance must be a combibaan.Instance (combibaan.read_instance reads a file or a "
            f"DataFrame), got {type(instance).__name__}"
        )
    minutes = _whole_minutes(minutes)
    tasks = tuple(widened(t, minutes) or t for t in instance.tasks)
    return replace(instance, tasks=tasks)


#: The most minutes a window grows at each end: 12 hours either way make a whole day.
MAX_WIDEN = 720


def widened(task: Task, minutes: int) -> Task | None:
    """The task with each window ``minutes`` wider at both ends; ``None`` for a task
    without windows. Every start of the window stays; where the window would get longer
    than a day it grows less; a window that opens before midnight opens the evening
    before (:func:`around`)."""
    minutes = _whole_minutes(minutes)
    if not task.windows:
        return None
    windows = (
        around(w.days, w.count, w.earliest, w.latest, w.duration, minutes) for w in task.windows
    )
    return replace(task, windows=tuple(windows))


def _whole_minutes(minutes: object) -> int:
    """``minutes`` as whole minutes from 0 to :data:`MAX_WIDEN` (``30.0`` and numpy's
    numbers too, as a notebook's ``np.linspace`` gives them); else a clear error here,
    not a deep one when the list is solved."""
    if isinstance(minutes, bool) or not isinstance(minutes, numbers.Real):
        raise TypeError(f"minutes must be a number of minutes, got {minutes!r}")
    value = float(minutes)
    if not value.is_integer() or not 0 <= value <= MAX_WIDEN:
        raise ValueError(f"minutes must be whole minutes from 0 to {MAX_WIDEN}, got {minutes!r}")
    return int(value)


def around(
    days: tuple[int, ...], count: int, earliest: int, latest: int, duration: int, minutes: int
) -> Window:
    """The window ``earliest``-``latest`` on ``days`` grown by ``minutes`` at both ends, at
    most a day long and never losing a minute of it. Before midnight it opens on the
    evening before: 00:30 on Tuesday one hour earlier is 23:30 on Monday (a start belongs
    to the day it falls on)."""
    before = min(minutes, MINUTES_PER_DAY - (latest - earliest))
    earliest -= before
    latest = min(latest + minutes, earliest + MINUTES_PER_DAY)
    if earliest < 0:
        earliest, latest = earliest + MINUTES_PER_DAY, latest + MINUTES_PER_DAY
        days = tuple(sorted({(d - 1) % 7 for d in days}))
    return Window(days, count, earliest, latest, duration)


def movable(task: Task, minutes: int) -> Task | None:
    """The task free to start ``minutes`` earlier or later: a window around its fixed time,
    at the same start on each of its days (:func:`around`). ``None`` for a task with
    windows already, or whose slots do not all share one time of day."""
    times = {(s.start, s.end) for s in task.slots}
    if task.windows or len(times) != 1:
        return None
    ((start, end),) = times
    days = tuple(sorted({s.day for s in task.slots}))
    window = around(days, len(days), start, end, end - start, minutes)
    return replace(task, slots=(), windows=(window,))
