"""Candidates: the people a supplier has in mind for a job, known only by a code.

"The person comes first": a supplier often brings someone from the target-group
register, or a placement its social-return clause asks for, who can work some
hours and not others, needs so many hours a week and can do some work and not
other work. A candidate says exactly that and nothing that identifies the person.
Availability lies on the same weekly grid as the tasks (:mod:`.week`): a window is
a :class:`~combibaan.model.week.Slot`, so a night window runs past midnight and
``00:00``-``00:00`` is the whole day.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from combibaan.model.task import Task
from combibaan.model.week import MINUTES_PER_WEEK, Slot


@dataclass(frozen=True)
class Candidate:
    """A person who may hold one job: when they can work, how much, and what they can do.

    ``eligible_task_ids`` of ``None``: any task that the windows and the competencies
    allow; a tuple: only these tasks. ``rows`` are the rows of the candidates file it
    came from, for messages.
    """

    id: str
    windows: tuple[Slot, ...]
    min_hours: float | None = None
    max_hours: float | None = None
    competencies: tuple[str, ...] = ()
    eligible_task_ids: tuple[str, ...] | None = None
    rows: tuple[int, ...] = field(default=(), compare=False)

    def __post_init__(self) -> None:
        if not self.id:
            raise ValueError("a candidate needs a code")
        if not self.windows:
            raise ValueError(f"candidate {self.id} needs at least one window")

    @cached_property
    def _spans(self) -> tuple[tuple[int, int], ...]:
        """The windows as minutes of the week, each also a week earlier and later, with
        touching and overlapping ones joined: ma 08-12 and ma 12-16 hold a task from 11 to
        13, and a Sunday-night window runs into Monday's (and through it into the next)."""
        copies = sorted(
            (w.week_start + shift, w.week_end + shift)
            for w in self.windows
            for shift in (-MINUTES_PER_WEEK, 0, MINUTES_PER_WEEK)
        )
        spans: list[list[int]] = []
        for start, end in copies:
            if spans and start <= spans[-1][1]:
                spans[-1][1] = max(spans[-1][1], end)
            else:
                spans.append([start, end])
        return tuple((a, b) for a, b in spans)

    @cached_property
    def available_minutes(self) -> int:
        """Minutes per week they are available (overlapping windows counted once)."""
        return sum(max(0, min(b, MINUTES_PER_WEEK) - max(a, 0)) for a, b in self._spans)

    @cached_property
    def _eligible(self) -> frozenset[str] | None:
        return None if self.eligible_task_ids is None else frozenset(self.eligible_task_ids)

    @cached_property
    def _competencies(self) -> frozenset[str]:
        return frozenset(c.casefold() for c in self.competencies)

    def available(self, slot: Slot) -> bool:
        """Whether ``slot`` lies inside their availability: windows that touch count as
        one, a window may pass midnight, and Sunday night's runs into Monday morning."""
        start, end = slot.week_start, slot.week_end
        return any(a <= start and end <= b for a, b in self._spans)

    def may_do(self, task: Task) -> bool:
        """Whether the task may be theirs: listed (when a list is given), within their
        competencies (in any case), and every slot inside their availability. Only fixed
        slots are judged: a flexible task is asked at the times it would be done
        (``task.scheduled(slots)``), as the solver asks of each of its ways."""
        if self._eligible is not None and task.id not in self._eligible:
            return False
        if not {c.casefold() for c in task.competencies} <= self._competencies:
            return False
        return all(self.available(slot) for slot in task.slots)
