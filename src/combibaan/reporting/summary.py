"""Per-supplier summary: hours brought, hours in combination jobs, social-return progress.

Aggregated per supplier on purpose: reports to the client must never point at
a person, and hours per supplier are what the social-return clauses count.
"""

from __future__ import annotations

from dataclasses import dataclass

from combibaan.model.job import HOURS_PER_JOB_UNIT
from combibaan.reporting.cards import JobCard, job_cards, supplier_table
from combibaan.result import Result

#: Weeks per year by which hours per week become hours per year for the
#: social-return target. A combination job is a payroll job: its paid hours
#: run on through holidays, and social-return clauses count paid hours.
WEEKS_PER_YEAR = 52

#: Whose social-return obligation a job's hours count for: ``employer``, all of them for
#: the supplier who employs the person (:attr:`JobCard.employer`); ``hours``, each supplier
#: its own task hours in the job.
SROI_CREDITS = ("employer", "hours")

#: ``employer`` by default, because that is how the handbook's model clause counts: the
#: supplier reports its social return "op basis van de loonadministratie van de formele
#: werkgever in de vorm van het aantal verloonde uren" (Model A, Eis 3.2), i.e. the paid
#: hours on the payroll of the formal employer. A split by task hours counts the same
#: hours for suppliers who pay none of them; the workshop may still agree to it.
DEFAULT_SROI_CREDIT = "employer"


def check_sroi_credit(sroi_credit: str) -> None:
    if sroi_credit not in SROI_CREDITS:
        raise ValueError(
            f"sroi_credit must be one of {', '.join(SROI_CREDITS)}, got {sroi_credit!r}"
        )


def job_credit(card: JobCard, sroi_credit: str = DEFAULT_SROI_CREDIT) -> dict[str, float]:
    """Hours per week of ``card`` each supplier may count for its social return, the
    employer first; a supplier credited nothing is left out."""
    check_sroi_credit(sroi_credit)
    if sroi_credit == "employer":
        return {card.employer: card.job.minutes_per_week / 60} if card.shares else {}
    return {share.supplier: share.hours_per_week for share in card.shares}


@dataclass(frozen=True)
class SupplierSummary:
    """One supplier's part in the proposal. ``None`` means unknown (no suppliers table row)."""

    supplier: str
    sector: str | None
    cao: str | None
    in_table: bool
    tasks: int
    tasks_placed: int
    hours_offered: float
    hours_placed: float
    jobs: tuple[str, ...]
    employer_of: tuple[str, ...]
    sroi_hours_target: float | None
    weeks_per_year: float = WEEKS_PER_YEAR
    #: Hours per week of jobs that count for the supplier's social return, under ``sroi_credit``.
    hours_credited: float = 0.0
    sroi_credit: str = DEFAULT_SROI_CREDIT

    @property
    def job_units(self) -> float:
        """The supplier's hours in jobs, in the job agreement's unit of 25.5 hours per week."""
        return self.hours_placed / HOURS_PER_JOB_UNIT

    @property
    def hours_per_year(self) -> float:
        """The supplier's own task hours in jobs, per year."""
        return self.hours_placed * self.weeks_per_year

    @property
    def sroi_hours_per_year(self) -> float:
        """Hours per year the jobs add to the supplier's social return, under ``sroi_credit``."""
        return self.hours_credited * self.weeks_per_year

    @property
    def sroi_progress(self) -> float | None:
        """Share of the yearly social-return target the credited hours would fill (may exceed 1)."""
        if not self.sroi_hours_target:
            return None
        return self.sroi_hours_per_year / self.sroi_hours_target


def supplier_summaries(
    result: Result,
    cards: tuple[JobCard, ...] | None = None,
    weeks_per_year: float = WEEKS_PER_YEAR,
    *,
    sroi_credit: str = DEFAULT_SROI_CREDIT,
) -> tuple[SupplierSummary, ...]:
    """A row per supplier with tasks or in the table, in the instance's supplier order;
    ``sroi_credit`` (``employer`` or ``hours``, see :data:`SROI_CREDITS`) says whose
    social return a job's hours count for."""
    check_sroi_credit(sroi_credit)
    cards = job_cards(result) if cards is None else cards
    credits = [job_credit(card, sroi_credit) for card in cards]
    table = supplier_table(result.instance)
    rows = []
    for name in result.instance.supplier_names:
        own = [t for t in result.instance.tasks if t.supplier == name]
        shares = [(card, s) for card in cards for s in card.shares if s.supplier == name]
        info = table.get(name)
        rows.append(
            SupplierSummary(
                supplier=name,
                sector=info.sector if info else None,
                cao=info.cao if info else None,
                in_table=info is not None,
                tasks=len(own),
                tasks_placed=sum(len(s.task_ids) for _, s in shares),
                hours_offered=sum(t.minutes_per_week for t in own) / 60,
                hours_placed=sum(s.minutes_per_week for _, s in shares) / 60,
                jobs=tuple(card.job_id for card, _ in shares),
                employer_of=tuple(card.job_id for card in cards if card.employer == name),
                sroi_hours_target=info.sroi_hours_target if info else None,
                weeks_per_year=weeks_per_year,
                hours_credited=sum(credit.get(name, 0.0) for credit in credits),
                sroi_credit=sroi_credit,
            )
        )
    return tuple(rows)
