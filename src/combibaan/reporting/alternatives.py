"""Alternative proposals, compared with the best one.

``Result.alternatives`` is optional and its items are read defensively: an
item may carry ``.jobs`` itself or a ``.solution`` with jobs, and may be a
whole result. Deltas are recomputed here from the jobs, so the comparison
never depends on fields the solver side may rename.

The comparison is what the workshop asks of an alternative: which jobs stay as
they are, which jobs of the proposal it gives up, and for each of its other jobs
which job of the proposal it is most like, which tasks it takes from other jobs
and which tasks no job of the proposal has.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from combibaan.model import Job
from combibaan.result import Result


@dataclass(frozen=True)
class AlternativeJob:
    """A job of an alternative and, when the best proposal has the very same job, its id there.

    For a job the best proposal does not have: ``like`` is the proposal's job it shares
    the most tasks with (``None``: it shares none), ``without`` the tasks of that job it
    leaves out, and ``origins`` the proposal's job of each of its tasks, in the job's
    order (``None``: the task is in no job of the proposal).
    """

    job: Job
    same_as: str | None
    like: str | None = None
    without: tuple[str, ...] = ()
    origins: tuple[tuple[str, str | None], ...] = ()

    @property
    def moved(self) -> tuple[tuple[str, str], ...]:
        """Tasks taken from a job of the proposal other than ``like``, with that job."""
        return tuple(
            (task_id, job_id)
            for task_id, job_id in self.origins
            if job_id is not None and job_id != self.like
        )

    @property
    def added(self) -> tuple[str, ...]:
        """Tasks that no job of the proposal has."""
        return tuple(task_id for task_id, job_id in self.origins if job_id is None)


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
    #: Tasks the best proposal places and this alternative leaves out.
    left_out: tuple[str, ...] = ()
    #: Whether it is proven optimal in jobs and hours (as good as a proven best proposal).
    proven_optimal: bool = False

    @property
    def equally_good(self) -> bool:
        return self.delta_jobs == 0 and abs(self.delta_hours) < 1e-9

    @property
    def same(self) -> tuple[str, ...]:
        """The proposal's jobs this alternative keeps as they are."""
        return tuple(item.same_as for item in self.jobs if item.same_as is not None)

    @property
    def changed(self) -> tuple[AlternativeJob, ...]:
        """Its jobs that the best proposal does not have: all the difference there is."""
        return tuple(item for item in self.jobs if item.same_as is None)


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


def _compared(
    job: Job, best_jobs: tuple[Job, ...], job_of: dict[str, str], taken: set[str]
) -> AlternativeJob:
    """``job`` against the best proposal: the same job there, or what it is like and takes.

    ``taken`` holds the proposal's jobs that earlier jobs of the alternative are already
    like: at a tie another one is chosen, so that two jobs swapping tasks read as B01 and
    B02 each giving one up, not as two versions of B01.
    """
    tasks = frozenset(job.task_ids)
    for best_job in best_jobs:
        if frozenset(best_job.task_ids) == tasks:
            return AlternativeJob(job, best_job.job_id)
    # Most tasks in common; at a tie one not taken yet, then the proposal's earlier job.
    like: Job | None = None
    best_key = (0, False)
    for best_job in best_jobs:
        key = (len(tasks & set(best_job.task_ids)), best_job.job_id not in taken)
        if key[0] and key > best_key:
            like, best_key = best_job, key
    if like is not None:
        taken.add(like.job_id)
    return AlternativeJob(
        job,
        None,
        like=like.job_id if like else None,
        without=tuple(t for t in like.task_ids if t not in tasks) if like else (),
        origins=tuple((t, job_of.get(t)) for t in job.task_ids),
    )


def alternative_views(result: Result) -> tuple[AlternativeView, ...]:
    """Each alternative with its jobs and its difference in jobs and hours to the best proposal."""
    best_jobs = result.solution.jobs
    best = {frozenset(job.task_ids): job.job_id for job in best_jobs}
    job_of = {t: job.job_id for job in best_jobs for t in job.task_ids}
    best_hours = result.hours_placed
    views = []
    for number, item in enumerate(getattr(result, "alternatives", ()) or (), start=1):
        jobs = _jobs_of(item)
        hours = sum(job.minutes_per_week for job in jobs) / 60
        kept = {frozenset(job.task_ids) for job in jobs}
        placed = {t for job in jobs for t in job.task_ids}
        taken: set[str] = set()
        views.append(
            AlternativeView(
                label=_label(item, number),
                jobs=tuple(_compared(job, best_jobs, job_of, taken) for job in jobs),
                hours=hours,
                delta_jobs=len(jobs) - result.num_jobs,
                delta_hours=hours - best_hours,
                note=_note(item),
                status=_status(item),
                dropped=tuple(job_id for tasks, job_id in best.items() if tasks not in kept),
                left_out=tuple(t for t in job_of if t not in placed),
                proven_optimal=getattr(item, "proven_optimal", False) is True,
            )
        )
    return tuple(views)
