"""What every rule check of a job shares: the violation, the job it judges, plain week arithmetic.

Kept apart from :mod:`combibaan.rules.base` on purpose: the checker redoes the
arithmetic itself, so that a bug in the solver's rules cannot hide in the check.
Its words are its own too (:data:`combibaan.texts.VIOLATIONS`): a violation's
message is a :class:`~combibaan.model.phrase.Phrase`, worded at the edge in the
language asked for.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from combibaan.check.travel import Travel
from combibaan.model.phrase import Phrase, PhraseError
from combibaan.model.task import Task
from combibaan.model.week import Slot
from combibaan.rules import Policy
from combibaan.texts import render

WEEK = 7 * 24 * 60
DAY = 24 * 60
DAY_CODES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def said(code: str, **values: object) -> Phrase:
    """A sentence of :data:`combibaan.texts.VIOLATIONS` with its values, not yet in words."""
    return Phrase(code, values, table="violation")


@dataclass(frozen=True)
class Cause:
    """An error from below (a policy's, a lock's) quoted in a violation: worded in the
    violation's language when it is made of phrases, else its text as it is."""

    error: Exception

    def label(self, lang: str = "nl") -> str:
        return self.error.text(lang) if isinstance(self.error, PhraseError) else str(self.error)


@dataclass(frozen=True)
class Violation:
    """One broken rule: which rule, in which job (``None`` for the whole solution), and why.

    ``message`` is data (a phrase of :data:`combibaan.texts.VIOLATIONS`);
    :meth:`text` words the whole line in a language, ``str()`` in Dutch.
    """

    rule: str
    job_id: str | None
    message: Phrase
    #: The rank of the alternative proposal this is about (``None``: the main proposal).
    alternative: int | None = None

    def text(self, lang: str = "nl") -> str:
        """``[max_hours] baan B01: 40 uur per week, meer dan 36 uur``, or in English
        ``[max_hours] job B01: 40 h per week, above 36 h``."""
        where = self.message
        if self.alternative is not None and self.job_id is not None:
            where = said(
                "in_alternative_job", rank=self.alternative, job=self.job_id, message=where
            )
        elif self.alternative is not None:
            where = said("in_alternative", rank=self.alternative, message=where)
        elif self.job_id is not None:
            where = said("in_job", job=self.job_id, message=where)
        return f"[{self.rule}] {render(where, lang)}"

    def __str__(self) -> str:
        return self.text()


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


def moment(minute: int) -> Phrase:
    """A minute of the week, said as ``ma 07:30`` (``mon 07:30`` in English)."""
    minute %= WEEK
    day, rest = divmod(minute, DAY)
    return said("moment", day=day, time=f"{rest // 60:02d}:{rest % 60:02d}")


def days_said(days: Iterable[int]) -> tuple[Phrase, ...]:
    """Days by index, said as a list of short names (``ma, di, wo``)."""
    return tuple(said("day", day=day) for day in days)


def limit(value: float | None) -> int | None:
    """An hours rule in whole minutes, so that 20.0 h and 1200 min compare exactly."""
    return None if value is None else round(value * 60)
