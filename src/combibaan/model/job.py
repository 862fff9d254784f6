"""Jobs and solutions: what the solver proposes, independent of how it found it."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import TYPE_CHECKING

from combibaan.model.phrase import Phrase
from combibaan.model.week import MINUTES_PER_DAY as DAY
from combibaan.model.week import Slot, format_times

if TYPE_CHECKING:
    from combibaan.model.instance import Instance
    from combibaan.model.task import Task

#: Paid hours per week that count as one job in the Dutch job agreement.
HOURS_PER_JOB_UNIT = 25.5


@dataclass(frozen=True, order=True)
class Scheduled:
    """One slot of a job's task at the time the job does it (a flexible task's chosen
    time, a fixed task's own)."""

    task_id: str
    slot: Slot


@dataclass(frozen=True)
class Job:
    """A combination job: a set of tasks one person does each week."""

    job_id: str
    task_ids: tuple[str, ...]
    suppliers: tuple[str, ...]
    minutes_per_week: int
    days: tuple[int, ...]
    locations: tuple[str, ...] = ()
    competencies: tuple[str, ...] = ()
    #: The code of the candidate who holds it (``None``: a vacancy).
    candidate: str | None = None
    #: Every slot of its tasks at the time the job does it, in task order.
    schedule: tuple[Scheduled, ...] = ()

    def slots_of(self, task_id: str) -> tuple[Slot, ...]:
        """The slots of one of its tasks as scheduled."""
        return tuple(s.slot for s in self.schedule if s.task_id == task_id)

    def chosen_times(self, flexible: Collection[str], lang: str = "nl") -> str:
        """The times chosen for its ``flexible`` tasks: ``A1 ma-wo 09:00-10:00; K1 …``."""
        return "; ".join(
            f"{t} {format_times(self.slots_of(t), lang)}" for t in self.task_ids if t in flexible
        )

    def window_spans(self, instance: Instance) -> tuple[tuple[str, int, int, int], ...]:
        """Per chosen slot of a flexible task: the task id, the slot's day, and the start
        and end of its window in minutes of that day, so that a timetable can draw how far
        the task could move. For a start past midnight the window opened the evening
        before: its start is then below 0 (21:00 the day before is -180), as a slot past
        midnight ends after 1440."""
        found: dict[tuple[str, int, int, int], None] = {}
        for task_id in self.task_ids:
            for window in instance.task(task_id).windows:
                for slot in self.slots_of(task_id):
                    for shift in (0, 1):
                        start, day = slot.start + shift * DAY, (slot.day - shift) % 7
                        if (
                            window.earliest <= start <= window.last_start
                            and day in window.days
                            and slot.minutes == window.duration
                        ):
                            back = shift * DAY
                            span = (window.earliest - back, window.latest - back)
                            found[(task_id, slot.day, *span)] = None
                            break
        return tuple(found)

    def tasks_in(self, instance: Instance) -> tuple[Task, ...]:
        """Its tasks at the times it does them: a flexible one settled at its chosen times."""
        tasks = (instance.task(task_id) for task_id in self.task_ids)
        return tuple(t.scheduled(self.slots_of(t.id)) if t.windows else t for t in tasks)

    @property
    def hours_per_week(self) -> float:
        return self.minutes_per_week / 60

    @property
    def job_units(self) -> float:
        """The job in the job agreement's unit: 25.5 paid hours per week."""
        return self.hours_per_week / HOURS_PER_JOB_UNIT


@dataclass(frozen=True)
class Unassigned:
    """A task that stays with the supplier's regular staff, and why: the reason as data,
    worded at the edge (:func:`combibaan.texts.render`)."""

    task_id: str
    reason: Phrase


@dataclass(frozen=True)
class Solution:
    """The jobs proposed and the tasks left with the suppliers' regular staff."""

    jobs: tuple[Job, ...]
    unassigned: tuple[Unassigned, ...]

    @property
    def num_jobs(self) -> int:
        return len(self.jobs)

    @property
    def hours_placed(self) -> float:
        return sum(job.minutes_per_week for job in self.jobs) / 60

    @property
    def job_units(self) -> float:
        return sum(job.job_units for job in self.jobs)
