"""Job cards: per job, who could employ the person, under which CAO, and who brings what.

Pure functions from a :class:`~combibaan.result.Result` to plain data, so the
HTML report, the workbook and a notebook all show the same answers to the
questions a combination job raises at the table.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from combibaan.model import Instance, Job, Supplier, Task
from combibaan.model.job import HOURS_PER_JOB_UNIT
from combibaan.result import Result


@dataclass(frozen=True)
class SupplierShare:
    """What one supplier brings to one job."""

    supplier: str
    sector: str | None
    cao: str | None
    minutes_per_week: int
    task_ids: tuple[str, ...]
    days: tuple[int, ...]
    #: Minute of the week (from Monday 00:00) at which the supplier's first task starts.
    first_start: int
    #: Hours per year the supplier owes under its social-return clause (``None``: unknown).
    sroi_hours_target: float | None

    @property
    def hours_per_week(self) -> float:
        return self.minutes_per_week / 60


@dataclass(frozen=True)
class JobCard:
    """One job as the workshop discusses it.

    ``employer_reason`` says which step of the suggestion decided the employer
    (``single``, one of :data:`EMPLOYER_STEPS`, or ``alphabetical`` when all of them
    are equal), so the table can see the suggestion is a rule of thumb and not a verdict.
    """

    job: Job
    tasks: tuple[Task, ...]
    shares: tuple[SupplierShare, ...]
    employer: str
    employer_reason: str
    #: The time windows of its flexible tasks on the days they are done
    #: (:meth:`~combibaan.model.Job.window_spans`): drawn behind their blocks.
    windows: tuple[tuple[str, int, int, int], ...] = ()

    @property
    def job_id(self) -> str:
        return self.job.job_id

    @property
    def hours_per_week(self) -> float:
        return self.job.hours_per_week

    @property
    def job_units(self) -> float:
        return self.job.hours_per_week / HOURS_PER_JOB_UNIT

    @property
    def cao(self) -> str | None:
        """The employer's collective agreement, ``None`` when the suppliers table does not say."""
        return self.shares[0].cao if self.shares else None

    @property
    def competencies(self) -> tuple[str, ...]:
        if self.job.competencies:
            return self.job.competencies
        return tuple(dict.fromkeys(c for task in self.tasks for c in task.competencies))

    @property
    def locations(self) -> tuple[str, ...]:
        if self.job.locations:
            return self.job.locations
        return tuple(dict.fromkeys(t.location for t in self.tasks if t.location))


def supplier_table(instance: Instance) -> dict[str, Supplier]:
    """The suppliers table by name; empty when no table was given."""
    return {supplier.name: supplier for supplier in instance.suppliers}


def job_tasks(instance: Instance, job: Job) -> tuple[Task, ...]:
    """The job's tasks at the times it does them (flexible ones at their chosen times)."""
    return job.tasks_in(instance)


#: The steps of the employer suggestion, in order; the first on which the suggested
#: employer differs from the runner-up is the card's ``employer_reason``. Only where all
#: are equal does the name decide (``alphabetical``).
EMPLOYER_STEPS = ("hours", "sector_days", "sroi", "own_days", "first_start")

#: Per step, the measure the employer has least of: see :func:`_measures`.
_Measures = tuple[int, int, tuple[int, float, float], int, int]


def supplier_shares(
    instance: Instance, job: Job, proposal: Sequence[Job] = ()
) -> tuple[SupplierShare, ...]:
    """Each supplier's part of ``job``, in the order of the employer suggestion (employer
    first). ``proposal``: the jobs ``job`` is proposed with, whose employers count towards
    the social-return step (see :func:`job_card`)."""
    return _ranked(_shares(instance, job), _Employment.of(instance, proposal).without(job))


def _shares(instance: Instance, job: Job) -> list[SupplierShare]:
    """The suppliers' parts of ``job``, in no particular order."""
    table = supplier_table(instance)
    tasks = job_tasks(instance, job)
    shares = []
    for name in dict.fromkeys(t.supplier for t in tasks):
        own = [t for t in tasks if t.supplier == name]
        info = table.get(name)
        shares.append(
            SupplierShare(
                supplier=name,
                sector=info.sector if info else None,
                cao=info.cao if info else None,
                minutes_per_week=sum(t.minutes_per_week for t in own),
                task_ids=tuple(t.id for t in own),
                days=tuple(sorted({d for t in own for d in t.days})),
                first_start=min(slot.week_start for t in own for slot in t.slots),
                sroi_hours_target=info.sroi_hours_target if info else None,
            )
        )
    return shares


def _ranked(
    shares: Sequence[SupplierShare], employed: Mapping[str, int]
) -> tuple[SupplierShare, ...]:
    """``shares`` with the suggested employer first. Every measure and the name are facts
    of the supplier, never its place in the task file, so the order is always the same."""
    return tuple(
        sorted(
            shares,
            key=lambda s: (*_measures(s, shares, employed), s.supplier.casefold(), s.supplier),
        )
    )


def _measures(
    share: SupplierShare, shares: Sequence[SupplierShare], employed: Mapping[str, int]
) -> _Measures:
    """The measures of :data:`EMPLOYER_STEPS` for ``share``, each smaller for the better
    employer: most hours; the sector covering more of the job's days; the social-return
    target least met; own tasks on more of the job's days; the first task of the week."""
    return (
        -share.minutes_per_week,
        -_sector_days(share, shares),
        _sroi_met(share, employed),
        -len(share.days),
        share.first_start,
    )


def _sector_days(share: SupplierShare, shares: Sequence[SupplierShare]) -> int:
    """Days of the job on which the supplier's sector works (its own days if the sector is unknown).

    Why days: a person works for the trade that fills most of their working
    days, so that trade's CAO fits their week best.
    """
    if share.sector is None:
        return len(share.days)
    days = {d for s in shares if s.sector == share.sector for d in s.days}
    return len(days)


def _sroi_met(share: SupplierShare, employed: Mapping[str, int]) -> tuple[int, float, float]:
    """How far the supplier's yearly social-return target is met, smaller when less is.

    Why: a payroll job counts for the social return of the supplier who employs the
    person (the default ``sroi_credit``), so at a tie the job should go where the target
    is furthest from met. Met: the minutes per week of the proposal's other jobs the
    supplier employs (:class:`_Employment`) per hour of target; the weeks per year are the
    same for every supplier and left out. At an equal share met (none, at first) the
    larger target has more hours open. A supplier without a target owes nothing and
    comes last.
    """
    target = share.sroi_hours_target
    if target is None or target <= 0:
        return (1, 0.0, 0.0)
    return (0, employed.get(share.supplier, 0) / target, -target)


def _settled(instance: Instance, job: Job) -> str | None:
    """The employer of ``job`` when the hours or the sector settle it (the steps before the
    social return), else ``None``."""
    shares = _shares(instance, job)
    early = sorted((_measures(s, shares, {})[:2], s.supplier) for s in shares)
    if len(early) == 1 or early[0][0] != early[1][0]:
        return early[0][1]
    return None


@dataclass(frozen=True)
class _Employment:
    """Minutes per week each supplier employs in a proposal, counting only the jobs whose
    employer the hours or the sector settle: the others are tied as the job at hand may
    be, and counting them would make each tie depend on another."""

    by_job: dict[str, tuple[str, int]]
    total: dict[str, int]

    @classmethod
    def of(cls, instance: Instance, jobs: Sequence[Job]) -> _Employment:
        by_job: dict[str, tuple[str, int]] = {}
        total: dict[str, int] = {}
        for job in jobs:
            if (employer := _settled(instance, job)) is not None:
                by_job[job.job_id] = (employer, job.minutes_per_week)
                total[employer] = total.get(employer, 0) + job.minutes_per_week
        return cls(by_job, total)

    def without(self, job: Job) -> dict[str, int]:
        """The minutes per week of the proposal's jobs other than ``job``."""
        employed = dict(self.total)
        if job.job_id in self.by_job:
            employer, minutes = self.by_job[job.job_id]
            employed[employer] -= minutes
        return employed


def _employer_reason(shares: tuple[SupplierShare, ...], employed: Mapping[str, int]) -> str:
    """The step of :data:`EMPLOYER_STEPS` that put the employer before the runner-up."""
    if len(shares) == 1:
        return "single"
    first, second = (_measures(share, shares, employed) for share in shares[:2])
    return next(
        (step for step, a, b in zip(EMPLOYER_STEPS, first, second, strict=True) if a != b),
        "alphabetical",
    )


def job_card(instance: Instance, job: Job, proposal: Sequence[Job] = ()) -> JobCard:
    """The card of one job; the employer suggestion is the first of its shares.

    The suggested employer is the supplier contributing the most hours per week; at
    equal hours, the one whose sector works on more of the job's days; then the one
    whose social-return target the other jobs of ``proposal`` meet least (by the jobs
    whose employer the first two steps settle); then the one whose own tasks fall on
    more of the job's days; then the one whose task starts the person's week. Only
    when all of these are equal does the name decide.
    """
    return _card(instance, job, _Employment.of(instance, proposal))


def job_cards(result: Result) -> tuple[JobCard, ...]:
    """A card per proposed job, in the solution's order; each job's employer suggestion
    takes the rest of the proposal into account (see :func:`job_card`)."""
    jobs = result.solution.jobs
    employment = _Employment.of(result.instance, jobs)
    return tuple(_card(result.instance, job, employment) for job in jobs)


def _card(instance: Instance, job: Job, employment: _Employment) -> JobCard:
    employed = employment.without(job)
    shares = _ranked(_shares(instance, job), employed)
    return JobCard(
        job=job,
        tasks=job_tasks(instance, job),
        shares=shares,
        employer=shares[0].supplier if shares else "",
        employer_reason=_employer_reason(shares, employed) if shares else "single",
        windows=job.window_spans(instance),
    )
