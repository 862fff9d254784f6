"""The solver's arithmetic view of an instance under a policy.

Everything is whole minutes and small tuples, so that the pairwise
compatibility test and the job enumeration stay fast in pure Python.
"""

from __future__ import annotations

from dataclasses import dataclass

from combibaan.model import MINUTES_PER_WEEK, Instance, Policy

NO_LIMIT = 10**9


@dataclass(frozen=True)
class Limits:
    """The policy in minutes; a rule that is off gets a bound that never binds."""

    min_minutes: int
    max_minutes: int
    max_suppliers: int
    max_day_minutes: int
    min_day_minutes: int
    max_span_minutes: int

    @classmethod
    def of(cls, policy: Policy) -> Limits:
        def value(key: str, off: int) -> int:
            minutes = policy.minutes(key)
            return off if minutes is None else minutes

        return cls(
            min_minutes=value("min_hours", 0),
            max_minutes=value("max_hours", NO_LIMIT),
            max_suppliers=policy.max_suppliers or NO_LIMIT,
            max_day_minutes=value("max_hours_per_day", NO_LIMIT),
            min_day_minutes=value("min_hours_per_day", 0),
            max_span_minutes=value("max_span_hours", NO_LIMIT),
        )


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


def profiles(instance: Instance) -> list[Profile]:
    supplier_ids = {name: i for i, name in enumerate(instance.supplier_names)}
    result = []
    for index, task in enumerate(instance.tasks):
        day_minutes = [0] * 7
        first = [NO_LIMIT] * 7
        last = [-1] * 7
        for slot in task.slots:
            day_minutes[slot.day] += slot.minutes
            first[slot.day] = min(first[slot.day], slot.start)
            last[slot.day] = max(last[slot.day], slot.end)
        result.append(
            Profile(
                index=index,
                supplier=supplier_ids[task.supplier],
                location=task.location,
                minutes=task.minutes_per_week,
                intervals=tuple(sorted((s.week_start, s.week_end) for s in task.slots)),
                day_minutes=tuple(day_minutes),
                day_first=tuple(first),
                day_last=tuple(last),
            )
        )
    return result


def fits_alone(p: Profile, limits: Limits) -> bool:
    """Whether the task respects every upper limit on its own (else it is in no job)."""
    return (
        p.minutes <= limits.max_minutes
        and max(p.day_minutes) <= limits.max_day_minutes
        and all(
            p.day_last[d] - p.day_first[d] <= limits.max_span_minutes
            for d in range(7)
            if p.day_last[d] >= 0
        )
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


@dataclass(frozen=True)
class Load:
    """The running totals of a job under construction."""

    minutes: int
    day_minutes: tuple[int, ...]
    day_first: tuple[int, ...]
    day_last: tuple[int, ...]
    suppliers: frozenset[int]

    @classmethod
    def of(cls, p: Profile) -> Load:
        return cls(p.minutes, p.day_minutes, p.day_first, p.day_last, frozenset((p.supplier,)))

    def add(self, q: Profile, limits: Limits) -> Load | None:
        """The load with ``q`` added, or ``None`` when an upper limit would break.

        Time clashes are pairwise and live in the compatibility graph, not here.
        """
        minutes = self.minutes + q.minutes
        if minutes > limits.max_minutes:
            return None
        suppliers = self.suppliers | {q.supplier}
        if len(suppliers) > limits.max_suppliers:
            return None
        day_minutes = list(self.day_minutes)
        first = list(self.day_first)
        last = list(self.day_last)
        for d in range(7):
            if q.day_minutes[d]:
                day_minutes[d] += q.day_minutes[d]
                first[d] = min(first[d], q.day_first[d])
                last[d] = max(last[d], q.day_last[d])
                if (
                    day_minutes[d] > limits.max_day_minutes
                    or last[d] - first[d] > limits.max_span_minutes
                ):
                    return None
        return Load(minutes, tuple(day_minutes), tuple(first), tuple(last), suppliers)

    def is_job(self, limits: Limits) -> bool:
        """Whether the lower limits hold too: enough hours per week and per working day."""
        if self.minutes < limits.min_minutes:
            return False
        return not limits.min_day_minutes or all(
            m == 0 or m >= limits.min_day_minutes for m in self.day_minutes
        )
