"""What every rule check of a job shares: the violation, the job it judges, plain week arithmetic.

Kept apart from :mod:`combibaan.rules.base` on purpose: the checker redoes the
arithmetic itself, so that a bug in the solver's rules cannot hide in the check.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from combibaan.check.travel import Travel
from combibaan.model.task import Task
from combibaan.model.week import Slot
from combibaan.rules import Policy

WEEK = 7 * 24 * 60
DAY = 24 * 60
DAY_CODES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@dataclass(frozen=True)
class Violation:
    """One broken rule: which rule, in which job (``None`` for the whole solution), and why."""

    rule: str
    job_id: str | None
    message: str
    #: The rank of the alternative proposal this is about (``None``: the main proposal).
    alternative: int | None = None

    def __str__(self) -> str:
        where = f"job {self.job_id}: " if self.job_id is not None else ""
        if self.alternative is not None:
            prefix = f"alternative {self.alternative}"
            where = f"{prefix}, {where}" if where else f"{prefix}: "
        return f"[{self.rule}] {where}{self.message}"


@dataclass(frozen=True)
class CheckedJob:
    """One job as a rule check sees it: its id, its known tasks, the policy and the travel."""

    job_id: str
    tasks: tuple[Task, ...]
    policy: Policy
    travel: Travel

    @property
    def slots(self) -> list[Slot]:
        return [s for t in self.tasks for s in t.slots]


def by_day(slots: Iterable[Slot]) -> dict[int, list[Slot]]:
    """The slots of each working day, days in order and each day's slots by start."""
    days: dict[int, list[Slot]] = {}
    for slot in sorted(slots, key=lambda s: (s.day, s.start)):
        days.setdefault(slot.day, []).append(slot)
    return days


def interval(slot: Slot) -> tuple[int, int]:
    """Minutes from Monday 00:00; a Sunday-night end lies past the end of the week."""
    return slot.day * DAY + slot.start, slot.day * DAY + slot.end


def fmt(minute: int) -> str:
    """A minute of the week as ``mon 07:30``."""
    minute %= WEEK
    day, rest = divmod(minute, DAY)
    return f"{DAY_CODES[day]} {rest // 60:02d}:{rest % 60:02d}"


def limit(value: float | None) -> int | None:
    """An hours rule in whole minutes, so that 20.0 h and 1200 min compare exactly."""
    return None if value is None else round(value * 60)
