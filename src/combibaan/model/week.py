"""Time on the weekly grid: days 0 (Monday) to 6 (Sunday), minutes from midnight.

Everything in combibaan recurs weekly, so a slot is fixed by the day it starts
and its start and end minute on that day. An end past 1440 means the slot runs
past midnight; it still belongs to the day it starts (rule 4 of the policy).
"""

from __future__ import annotations

from dataclasses import dataclass

MINUTES_PER_DAY = 24 * 60
MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY

DAY_NAMES = {
    "nl": ("ma", "di", "wo", "do", "vr", "za", "zo"),
    "en": ("mon", "tue", "wed", "thu", "fri", "sat", "sun"),
}
DAY_NAMES_LONG = {
    "nl": ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}


@dataclass(frozen=True, order=True)
class Slot:
    """One weekly occurrence of a task: ``day`` from 0 (Monday), minutes from midnight."""

    day: int
    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.day <= 6:
            raise ValueError(f"day must be 0..6, got {self.day}")
        if not 0 <= self.start < MINUTES_PER_DAY:
            raise ValueError(f"start must lie within the day, got {self.start}")
        if not self.start < self.end <= self.start + MINUTES_PER_DAY:
            raise ValueError(f"end must follow start by at most a day, got {self.start}-{self.end}")

    @property
    def minutes(self) -> int:
        return self.end - self.start

    @property
    def week_start(self) -> int:
        """Start in minutes from Monday 00:00."""
        return self.day * MINUTES_PER_DAY + self.start

    @property
    def week_end(self) -> int:
        """End in minutes from Monday 00:00; may pass the end of the week (Sunday night)."""
        return self.day * MINUTES_PER_DAY + self.end


@dataclass(frozen=True, order=True)
class Window:
    """A flexible slot: ``duration`` minutes within ``earliest``-``latest`` on ``count`` of
    ``days``, at the same start on each chosen day (a routine, as workshop lists read).

    ``latest`` is the latest end, in minutes from the midnight of the chosen day; past
    1440 the window runs past midnight. A start past midnight belongs to the next day,
    as every slot belongs to the day it starts. The weekly pattern repeats, so the days
    chosen are the same every week.
    """

    days: tuple[int, ...]
    count: int
    earliest: int
    latest: int
    duration: int

    def __post_init__(self) -> None:
        if not self.days or list(self.days) != sorted(set(self.days)):
            raise ValueError(f"days must be sorted and distinct, got {self.days}")
        if not all(0 <= d <= 6 for d in self.days):
            raise ValueError(f"days must be 0..6, got {self.days}")
        if not 1 <= self.count <= len(self.days):
            raise ValueError(f"count must be 1..{len(self.days)}, got {self.count}")
        if not 0 <= self.earliest < MINUTES_PER_DAY:
            raise ValueError(f"earliest must lie within the day, got {self.earliest}")
        if not self.earliest < self.latest <= self.earliest + MINUTES_PER_DAY:
            raise ValueError(f"latest must follow earliest by at most a day, got {self.latest}")
        if not 0 < self.duration <= self.latest - self.earliest:
            raise ValueError(f"duration must fit in the window, got {self.duration}")

    @property
    def minutes(self) -> int:
        """Minutes a week, wherever the slots land."""
        return self.count * self.duration

    @property
    def last_start(self) -> int:
        return self.latest - self.duration

    @property
    def moves(self) -> bool:
        """Whether its start may move (else only its days may: ``2x ma-wo 09:00-13:00``)."""
        return self.last_start > self.earliest

    def slots(self, days: tuple[int, ...], start: int) -> tuple[Slot, ...]:
        """The fixed slots of one choice: ``start`` (minutes from the chosen day's midnight,
        past 1440 on the next day) on each of ``days``."""
        shift, start = divmod(start, MINUTES_PER_DAY)
        return tuple(Slot((day + shift) % 7, start, start + self.duration) for day in days)


def format_minutes(minutes: int) -> str:
    """``450`` -> ``"07:30"``; times past midnight wrap (``1560`` -> ``"02:00"``)."""
    minutes %= MINUTES_PER_DAY
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def format_slot(slot: Slot, lang: str = "nl") -> str:
    return f"{DAY_NAMES[lang][slot.day]} {format_minutes(slot.start)}-{format_minutes(slot.end)}"


def day_runs(days: list[int] | tuple[int, ...]) -> list[tuple[int, int]]:
    """Consecutive days as (first, last) runs: ``[0,1,2,4]`` -> ``[(0, 2), (4, 4)]``."""
    runs: list[tuple[int, int]] = []
    for day in sorted(set(days)):
        if runs and runs[-1][1] == day - 1:
            runs[-1] = (runs[-1][0], day)
        else:
            runs.append((day, day))
    return runs


def format_days(days: list[int] | tuple[int, ...], lang: str = "nl") -> str:
    """Days as a compact list with ranges: ``[0,1,2,3,4]`` -> ``"ma-vr"``."""
    names = DAY_NAMES[lang]
    parts: list[str] = []
    for first, last in day_runs(days):
        if last - first >= 2:
            parts.append(f"{names[first]}-{names[last]}")
        else:
            parts.extend(names[d] for d in range(first, last + 1))
    return ",".join(parts)


def format_times(slots: tuple[Slot, ...] | list[Slot], lang: str = "nl") -> str:
    """Slots, days that share their times together: ``ma-wo 09:00-10:00, vr 14:00-15:00``."""
    by_time: dict[tuple[int, int], list[int]] = {}
    for slot in sorted(slots, key=lambda s: (s.start, s.end, s.day)):
        by_time.setdefault((slot.start, slot.end), []).append(slot.day)
    return ", ".join(
        f"{format_days(days, lang)} {format_minutes(start)}-{format_minutes(end)}"
        for (start, end), days in by_time.items()
    )
