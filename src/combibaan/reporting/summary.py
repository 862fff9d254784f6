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

    @property
    def job_units(self) -> float:
        """The supplier's hours in jobs, in the job agreement's unit of 25.5 hours per week."""
        return self.hours_placed / HOURS_PER_JOB_UNIT

    @property
    def hours_per_year(self) -> float:
        return self.hours_placed * self.weeks_per_year

    @property
    def sroi_progress(self) -> float | None:
        """Share of the yearly social-return target the jobs would fill (may exceed 1)."""
        if not self.sroi_hours_target:
            return None
        return self.hours_per_year / self.sroi_hours_target


def supplier_summaries(
    result: Result,
    cards: tuple[JobCard, ...] | None = None,
    weeks_per_year: float = WEEKS_PER_YEAR,
) -> tuple[SupplierSummary, ...]:
    """A row per supplier with tasks or in the table, in the instance's supplier order."""
    cards = job_cards(result) if cards is None else cards
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
            )
        )
    return tuple(rows)
