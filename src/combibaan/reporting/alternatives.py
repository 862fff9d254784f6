"""Alternative proposals, compared with the best one.

``Result.alternatives`` is optional and its items are read defensively: an
item may carry ``.jobs`` itself or a ``.solution`` with jobs, and may be a
whole result. Deltas are recomputed here from the jobs, so the comparison
never depends on fields the solver side may rename.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from combibaan.model import Job
from combibaan.result import Result


@dataclass(frozen=True)
class AlternativeJob:
    """A job of an alternative and, when the best proposal has the very same job, its id there."""

    job: Job
    same_as: str | None


@dataclass(frozen=True)
class AlternativeView:
    label: str
    jobs: tuple[AlternativeJob, ...]
    hours: float
    delta_jobs: int
    delta_hours: float
    note: str = ""
    #: The solver's word on it (``optimal``/``feasible``), when it gives one.
    status: str | None = None
    #: Jobs of the best proposal that this alternative does not have: what it gives up.
    dropped: tuple[str, ...] = ()

    @property
    def equally_good(self) -> bool:
        return self.delta_jobs == 0 and abs(self.delta_hours) < 1e-9


def _jobs_of(item: Any) -> tuple[Job, ...]:
    for holder in (item, getattr(item, "solution", None)):
        jobs = getattr(holder, "jobs", None)
        if isinstance(jobs, list | tuple):
            return tuple(job for job in jobs if isinstance(job, Job))
    return ()


def _label(item: Any, number: int) -> str:
    for attribute in ("label", "name", "title"):
        value = getattr(item, attribute, None)
        if isinstance(value, str) and value:
            return value
    rank = getattr(item, "rank", None)
    return f"#{rank if isinstance(rank, int) else number}"


def _note(item: Any) -> str:
    for attribute in ("description", "reason", "note"):
        value = getattr(item, attribute, None)
        if isinstance(value, str) and value:
            return value
    return ""


def _status(item: Any) -> str | None:
    value = getattr(item, "status", None)
    return value if isinstance(value, str) and value else None


def alternative_views(result: Result) -> tuple[AlternativeView, ...]:
    """Each alternative with its jobs and its difference in jobs and hours to the best proposal."""
    best = {frozenset(job.task_ids): job.job_id for job in result.solution.jobs}
    best_hours = result.hours_placed
    views = []
    for number, item in enumerate(getattr(result, "alternatives", ()) or (), start=1):
        jobs = _jobs_of(item)
        hours = sum(job.minutes_per_week for job in jobs) / 60
        kept = {frozenset(job.task_ids) for job in jobs}
        views.append(
            AlternativeView(
                label=_label(item, number),
                jobs=tuple(AlternativeJob(job, best.get(frozenset(job.task_ids))) for job in jobs),
                hours=hours,
                delta_jobs=len(jobs) - result.num_jobs,
                delta_hours=hours - best_hours,
                note=_note(item),
                status=_status(item),
                dropped=tuple(job_id for tasks, job_id in best.items() if tasks not in kept),
            )
        )
    return tuple(views)
