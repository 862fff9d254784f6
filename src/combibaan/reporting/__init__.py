"""What the workshop takes home: job cards, vacancy texts, ``report.html``, ``proposals.xlsx``.

Everything here reads a finished :class:`~combibaan.result.Result`; nothing
changes the proposal. Reports are aggregated per supplier and carry no
personal names.
"""

from pathlib import Path

from combibaan.io.output import REPORT_FILES, Writer
from combibaan.reporting.alternatives import AlternativeView, alternative_views
from combibaan.reporting.cards import JobCard, SupplierShare, job_card, job_cards
from combibaan.reporting.html import render_report, report_context, write_report
from combibaan.reporting.summary import (
    DEFAULT_SROI_CREDIT,
    SROI_CREDITS,
    WEEKS_PER_YEAR,
    SupplierSummary,
    check_sroi_credit,
    job_credit,
    supplier_summaries,
)
from combibaan.reporting.vacancy import vacancy_text
from combibaan.reporting.workbook import build_workbook, write_workbook
from combibaan.result import Result, write_solution_files

#: File names that :func:`write_result` adds to the solution files.
REPORT_FILE, WORKBOOK_FILE = REPORT_FILES

__all__ = [
    "DEFAULT_SROI_CREDIT",
    "REPORT_FILE",
    "SROI_CREDITS",
    "WEEKS_PER_YEAR",
    "WORKBOOK_FILE",
    "AlternativeView",
    "JobCard",
    "SupplierShare",
    "SupplierSummary",
    "alternative_views",
    "build_workbook",
    "job_card",
    "job_cards",
    "job_credit",
    "render_report",
    "report_context",
    "report_writers",
    "supplier_summaries",
    "vacancy_text",
    "write_report",
    "write_result",
    "write_workbook",
]


def write_result(
    result: Result,
    folder: str | Path,
    *,
    lang: str = "nl",
    force: bool = False,
    sroi_credit: str = DEFAULT_SROI_CREDIT,
) -> list[Path]:
    """Write ``solution.json``, the CSV files, ``report.html`` and ``proposals.xlsx`` into
    ``folder``, worded in ``lang``: all of them or none, never over a file of the user's
    (a file combibaan wrote and the user changed since only with ``force``).

    ``sroi_credit`` says whose social-return obligation a job's hours count for:
    ``employer`` (the default: all hours for the supplier who employs the person, as the
    model clauses count paid hours on the employer's payroll) or ``hours`` (each supplier
    its own task hours)."""
    writers = report_writers(result, lang, sroi_credit=sroi_credit)
    return write_solution_files(result, folder, extra=writers, force=force, lang=lang)


def report_writers(
    result: Result, lang: str = "nl", *, sroi_credit: str = DEFAULT_SROI_CREDIT
) -> dict[str, Writer]:
    """The report files for :func:`~combibaan.result.write_solution_files` (``extra=``), so
    they land with the rest at once; a wrong ``sroi_credit`` fails before any is written."""
    check_sroi_credit(sroi_credit)

    def report(path: Path) -> None:
        write_report(result, path, lang, sroi_credit=sroi_credit)

    def workbook(path: Path) -> None:
        write_workbook(result, path, lang, sroi_credit=sroi_credit)

    return {REPORT_FILE: report, WORKBOOK_FILE: workbook}
