"""Job cards: per job, who could employ the person, under which CAO, and who brings what.

Pure functions from a :class:`~combibaan.result.Result` to plain data, so the
HTML report, the workbook and a notebook all show the same answers to the
questions a combination job raises at the table.
"""

from __future__ import annotations

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

    @property
    def hours_per_week(self) -> float:
        return self.minutes_per_week / 60


@dataclass(frozen=True)
class JobCard:
    """One job as the workshop discusses it.

    ``employer_reason`` says which step of the tie-break decided the employer
    (``single``, ``hours``, ``sector_days`` or ``alphabetical``), so the table
    can see the suggestion is a rule of thumb and not a verdict.
    """

    job: Job
    tasks: tuple[Task, ...]
    shares: tuple[SupplierShare, ...]
    employer: str
    employer_reason: str

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
    return tuple(instance.task(task_id) for task_id in job.task_ids)


def supplier_shares(instance: Instance, job: Job) -> tuple[SupplierShare, ...]:
    """Each supplier's part of ``job``, in the order of the employer tie-break (employer first)."""
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
            )
        )
    return tuple(sorted(shares, key=lambda s: _employer_key(s, shares)))


def _sector_days(share: SupplierShare, shares: list[SupplierShare]) -> int:
    """Days of the job on which the supplier's sector works (its own days if the sector is unknown).

    Why days: a person works for the trade that fills most of their working
    days, so that trade's CAO fits their week best.
    """
    if share.sector is None:
        return len(share.days)
    days = {d for s in shares if s.sector == share.sector for d in s.days}
    return len(days)


def _employer_key(share: SupplierShare, shares: list[SupplierShare]) -> tuple[int, int, str, str]:
    """Most hours first; then the sector covering more working days; then alphabetical."""
    return (
        -share.minutes_per_week,
        -_sector_days(share, shares),
        share.supplier.casefold(),
        share.supplier,
    )


def _employer_reason(shares: tuple[SupplierShare, ...]) -> str:
    if len(shares) == 1:
        return "single"
    first, second = shares[0], shares[1]
    if first.minutes_per_week != second.minutes_per_week:
        return "hours"
    if _sector_days(first, list(shares)) != _sector_days(second, list(shares)):
        return "sector_days"
    return "alphabetical"


def job_card(instance: Instance, job: Job) -> JobCard:
    """The card of one job; the employer suggestion is the first of its shares.

    Tie-break of the employer suggestion: the supplier contributing the most
    hours per week; at equal hours, the one whose sector works on more of the
    job's days; then alphabetical order of the name.
    """
    shares = supplier_shares(instance, job)
    return JobCard(
        job=job,
        tasks=job_tasks(instance, job),
        shares=shares,
        employer=shares[0].supplier if shares else "",
        employer_reason=_employer_reason(shares) if shares else "single",
    )


def job_cards(result: Result) -> tuple[JobCard, ...]:
    """A card per proposed job, in the solution's order."""
    return tuple(job_card(result.instance, job) for job in result.solution.jobs)
