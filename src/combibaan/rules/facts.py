"""The facts a rule judges: one task as numbers, and the running totals of a growing job.

Everything is whole minutes and small tuples, so that the pair test and the
enumeration of jobs stay fast in pure Python. The facts know no rule: a rule
module reads the facts it needs (minutes, per-day loads, suppliers, ...).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

from combibaan.model import MINUTES_PER_WEEK, Instance, Slot, Task
from combibaan.model.variants import Drift, grid_minutes, overlaps_itself, variants

if TYPE_CHECKING:
    from combibaan.rules.limits import Limits

#: A bound that never binds (a rule that is off, a day without work).
NO_LIMIT = 10**9


@dataclass(frozen=True)
class Profile:
    """One task as numbers: its week intervals and its load per day."""

    index: int
    supplier: int
    location: str | None
    minutes: int
    intervals: tuple[tuple[int, int], ...]
    day_minutes: tuple[int, ...]
    #: Per day the first start and last end (minutes from that day's midnight);
    #: ``NO_LIMIT`` / ``-1`` on days without a slot.
    day_first: tuple[int, ...]
    day_last: tuple[int, ...]
    #: The days the task starts a slot on, in order.
    days: tuple[int, ...] = ()
    #: The slots as (day, start, end), minutes from that day's midnight, in order.
    #: Of a :func:`drifting` profile: the intervals and first starts are the time taken
    #: for certain, the last ends the earliest, the slots the widest reach.
    slots: tuple[tuple[int, int, int], ...] = ()


def profiles(instance: Instance) -> list[Profile]:
    """Every task of ``instance`` as a :class:`Profile`, in task order; a flexible task as
    its first choice (the earliest start on its first days), the row it stands for
    where the solver speaks of tasks, not of the ways to do them."""
    return nodes(instance, [(k, first_choice(t)) for k, t in enumerate(instance.tasks)])


def nodes(instance: Instance, choices: Sequence[tuple[int, tuple[Slot, ...]]]) -> list[Profile]:
    """A :class:`Profile` per choice (task index, its slots), indexed by position: the
    nodes of the searches when flexible tasks come as their variants."""
    supplier_ids = {name: i for i, name in enumerate(instance.supplier_names)}
    return [
        _profile(index, instance.tasks[task], slots, supplier_ids)
        for index, (task, slots) in enumerate(choices)
    ]


def first_choice(task: Task) -> tuple[Slot, ...]:
    """The task's slots, each window at its earliest start on its first days; where those
    overlap each other (two windows of a day opening at once), the task's first way that
    does not, on its own grid of times: one person cannot do both at once."""
    chosen = (w.slots(w.days[: w.count], w.earliest) for w in task.windows)
    slots = tuple(sorted(task.slots + tuple(s for part in chosen for s in part)))
    if not task.windows or not overlaps_itself(slots):
        return slots
    ways = variants(task, grid_minutes(Instance((task,)))).choices
    return ways[0] if ways else slots


def drifting(instance: Instance, choices: Sequence[tuple[int, tuple[Drift, ...]]]) -> list[Profile]:
    """A :class:`Profile` per choice (task index, its slots as ranges of starts), indexed
    by position, that every rule judges the most leniently over the starts in range.

    Each fact is a bound that holds at every start in range: the time taken for
    certain (from the latest start to the earliest end; none when the range is wider
    than the slot) for the overlaps and the travel, the latest first start and earliest
    last end for the span, the widest reach for the waits; minutes do not move. The
    rules only get harder as intervals grow, spans widen and waits lengthen, so a set
    that is a job at some starts in range is a job of these profiles: a search over
    them bounds the jobs for every start (:func:`combibaan.model.variants.ranges`).
    """
    supplier_ids = {name: i for i, name in enumerate(instance.supplier_names)}
    return [
        _profile(
            index,
            instance.tasks[task],
            tuple(d.slot for d in drifts),
            supplier_ids,
            tuple(d.slack for d in drifts),
        )
        for index, (task, drifts) in enumerate(choices)
    ]


def _profile(
    index: int,
    task: Task,
    slots: tuple[Slot, ...],
    supplier_ids: dict[str, int],
    slack: tuple[int, ...] = (),
) -> Profile:
    """``slack``: per slot how many minutes later it may start (:func:`drifting`)."""
    slack = slack or (0,) * len(slots)
    day_minutes = [0] * 7
    first = [NO_LIMIT] * 7
    last = [-1] * 7
    for slot, late in zip(slots, slack, strict=True):
        day_minutes[slot.day] += slot.minutes
        first[slot.day] = min(first[slot.day], slot.start + late)
        last[slot.day] = max(last[slot.day], slot.end)
    certain = ((s.week_start + late, s.week_end) for s, late in zip(slots, slack, strict=True))
    return Profile(
        index=index,
        supplier=supplier_ids[task.supplier],
        location=task.location,
        minutes=sum(s.minutes for s in slots),
        intervals=tuple(sorted((a, b) for a, b in certain if a < b)),
        day_minutes=tuple(day_minutes),
        day_first=tuple(first),
        day_last=tuple(last),
        days=tuple(d for d in range(7) if day_minutes[d]),
        slots=tuple(
            sorted((s.day, s.start, s.end + late) for s, late in zip(slots, slack, strict=True))
        ),
    )


def clash(p: Profile, q: Profile, travel: float) -> bool:
    """Whether two tasks overlap in time or leave less than ``travel`` minutes between them.

    Intervals live on a weekly circle: a Sunday-night slot meets Monday morning.
    """
    for a, b in p.intervals:
        for c, d in q.intervals:
            for shift in (-MINUTES_PER_WEEK, 0, MINUTES_PER_WEEK):
                if b + travel > c + shift and d + shift + travel > a:
                    return True
    return False


class Load(NamedTuple):
    """The running totals of a job under construction: what its tasks add up to.

    A named tuple, not a dataclass: the enumeration makes millions of these.
    """

    minutes: int
    day_minutes: tuple[int, ...]
    day_first: tuple[int, ...]
    day_last: tuple[int, ...]
    suppliers: frozenset[int]
    locations: frozenset[str] = frozenset()
    #: The slots of every task so far, as (day, start, end); unordered.
    slots: tuple[tuple[int, int, int], ...] = ()

    @classmethod
    def of(cls, p: Profile) -> Load:
        return cls(
            p.minutes,
            p.day_minutes,
            p.day_first,
            p.day_last,
            frozenset((p.supplier,)),
            frozenset(() if p.location is None else (p.location,)),
            p.slots,
        )

    def grow(self, q: Profile) -> Load:
        """The totals with task ``q`` added (whether any rule allows it is not asked here)."""
        day_minutes = list(self.day_minutes)
        first = list(self.day_first)
        last = list(self.day_last)
        for d in q.days:
            day_minutes[d] += q.day_minutes[d]
            if q.day_first[d] < first[d]:
                first[d] = q.day_first[d]
            if q.day_last[d] > last[d]:
                last[d] = q.day_last[d]
        suppliers = self.suppliers
        if q.supplier not in suppliers:
            suppliers = suppliers | {q.supplier}
        locations = self.locations
        if q.location is not None and q.location not in locations:
            locations = locations | {q.location}
        return Load(
            self.minutes + q.minutes,
            tuple(day_minutes),
            tuple(first),
            tuple(last),
            suppliers,
            locations,
            self.slots + q.slots,
        )

    def add(self, q: Profile, limits: Limits) -> Load | None:
        """The load with ``q`` added, or ``None`` when a rule that only gets worse breaks.

        Time clashes are pairwise and live in the compatibility graph, not here.
        """
        for rule, limit in limits.upper:
            if rule.over(self, q, limit):
                return None
        return self.grow(q)

    def is_job(self, limits: Limits) -> bool:
        """Whether the rules judged on a complete job hold too (e.g. enough hours)."""
        for rule, limit in limits.lower:  # noqa: SIM110 (a loop is faster; hot path)
            if not rule.meets(self, limit):
                return False
        return True


#: A job without tasks, to grow from.
EMPTY = Load(0, (0,) * 7, (NO_LIMIT,) * 7, (-1,) * 7, frozenset())
