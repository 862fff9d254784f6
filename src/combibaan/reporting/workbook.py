"""``proposals.xlsx``: the proposal to take home, change and discuss in Excel.

Sheets (Dutch / English): ``Banen``/``Jobs``, ``Taken``/``Tasks``,
``Niet geplaatst``/``Unassigned``, ``Leveranciers``/``Suppliers`` and, when the
result has alternatives, ``Alternatieven``/``Alternatives``.

Text from the input is always stored as a plain string; a text that starts
like a formula (``=``, ``+``, ``-``, ``@``, tab, carriage return) also gets
Excel's quote prefix, so Excel shows it as text and never runs it, even after
the cell is edited.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from combibaan.io.output import looks_like_formula
from combibaan.model.week import format_days
from combibaan.reporting.alternatives import alternative_views
from combibaan.reporting.cards import JobCard, job_cards
from combibaan.reporting.labels import SHEETS, check_lang, labels
from combibaan.reporting.summary import supplier_summaries
from combibaan.reporting.vacancy import plain_text, vacancy_text, when_lines
from combibaan.result import Result
from combibaan.texts import render

_HEADER_FILL = PatternFill("solid", fgColor="1F1F1F")
_HEADER_FONT = Font(bold=True, color="FFFFFF")
_MAX_WIDTH = 60
_MIN_WIDTH = 8

Value = str | int | float | None


def set_cell(cell: Cell, value: Value) -> None:
    """Put a value in a cell; text is stored as a string, never as a formula; ``""`` stays empty."""
    cell.value = None if value == "" else value
    if isinstance(value, str):
        cell.data_type = "s"
        if looks_like_formula(value):
            cell.quotePrefix = True


def _sheet(
    book: Workbook, title: str, header: Sequence[str], rows: Iterable[Sequence[Value]]
) -> Worksheet:
    sheet = book.create_sheet(title)
    widths = [len(name) for name in header]
    for column, name in enumerate(header, start=1):
        cell = sheet.cell(row=1, column=column)
        set_cell(cell, name)
        cell.font = _HEADER_FONT
        cell.fill = _HEADER_FILL
        cell.alignment = Alignment(vertical="center", wrap_text=True)
    for row_number, row in enumerate(rows, start=2):
        for column, value in enumerate(row, start=1):
            cell = sheet.cell(row=row_number, column=column)
            set_cell(cell, value)
            cell.alignment = Alignment(
                vertical="top", wrap_text=isinstance(value, str) and "\n" in value
            )
            longest = max(
                (len(line) for line in str(value if value is not None else "").splitlines()),
                default=0,
            )
            widths[column - 1] = max(widths[column - 1], longest)
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = min(
            max(width + 2, _MIN_WIDTH), _MAX_WIDTH
        )
    sheet.freeze_panes = "A2"
    if sheet.max_row > 1:
        sheet.auto_filter.ref = sheet.dimensions
    return sheet


def _hours(value: float) -> float:
    return round(value, 2)


def _job_rows(result: Result, cards: tuple[JobCard, ...], lang: str) -> list[list[Value]]:
    words = labels(lang)
    rows: list[list[Value]] = []
    for card in cards:
        rows.append(
            [
                card.job_id,
                _hours(card.hours_per_week),
                round(card.job_units, 3),
                format_days(card.job.days, lang),
                "\n".join(when_lines(card.tasks, lang)),
                ", ".join(card.locations),
                "; ".join(f"{s.supplier} {_hours(s.hours_per_week):g}" for s in card.shares),
                card.employer,
                card.cao or words["unknown"],
                ", ".join(card.competencies),
                ", ".join(card.job.task_ids),
                plain_text(vacancy_text(result.instance, result.policy, card, lang)).strip(),
            ]
        )
    return rows


def build_workbook(result: Result, lang: str = "nl") -> Workbook:
    """The workbook in memory; :func:`write_workbook` saves it."""
    check_lang(lang)
    words, names = labels(lang), SHEETS[lang]
    cards = job_cards(result)
    book = Workbook()
    book.remove(book.worksheets[0])  # the empty sheet a new workbook starts with
    _sheet(
        book,
        names["jobs"],
        [
            words["job"],
            words["hours_week"],
            words["job_units_short"],
            words["days"],
            words["times"],
            words["locations"],
            words["hours_per_supplier"],
            words["employer"],
            words["cao"],
            words["competencies"],
            words["tasks"],
            words["vacancy"],
        ],
        _job_rows(result, cards, lang),
    )
    job_of = {task_id: card.job_id for card in cards for task_id in card.job.task_ids}
    _sheet(
        book,
        names["tasks"],
        [
            words["task"],
            words["supplier"],
            words["description"],
            words["location"],
            words["days"],
            words["times"],
            words["hours_week"],
            words["competencies"],
            words["job"],
        ],
        [
            [
                task.id,
                task.supplier,
                task.description,
                task.location or "",
                format_days(task.days, lang),
                "\n".join(when_lines((task,), lang)),
                _hours(task.hours_per_week),
                ", ".join(task.competencies),
                job_of.get(task.id, ""),
            ]
            for task in result.instance.tasks
        ],
    )
    _sheet(
        book,
        names["unassigned"],
        [
            words["task"],
            words["supplier"],
            words["description"],
            words["hours_week"],
            words["reason"],
        ],
        [
            [
                item.task_id,
                result.instance.task(item.task_id).supplier,
                result.instance.task(item.task_id).description,
                _hours(result.instance.task(item.task_id).hours_per_week),
                render(item.reason, lang),
            ]
            for item in result.solution.unassigned
        ],
    )
    unknown = words["unknown"]
    _sheet(
        book,
        names["suppliers"],
        [
            words["supplier"],
            words["sector"],
            words["cao"],
            words["tasks_offered"],
            words["tasks_placed"],
            words["hours_offered"],
            words["hours_in_jobs"],
            words["job_units_short"],
            words["jobs"],
            words["employer_of"],
            words["hours_year"],
            words["sroi_target"],
            words["sroi_progress"],
        ],
        [
            [
                row.supplier,
                row.sector or unknown,
                row.cao or unknown,
                row.tasks,
                row.tasks_placed,
                _hours(row.hours_offered),
                _hours(row.hours_placed),
                round(row.job_units, 3),
                ", ".join(row.jobs),
                ", ".join(row.employer_of),
                round(row.hours_per_year, 1),
                row.sroi_hours_target if row.sroi_hours_target is not None else unknown,
                round(row.sroi_progress, 3) if row.sroi_progress is not None else unknown,
            ]
            for row in supplier_summaries(result, cards)
        ],
    )
    alternatives = alternative_views(result)
    if alternatives:
        _sheet(
            book,
            names["alternatives"],
            [
                words["alternative"],
                words["jobs"],
                words["hours_week"],
                words["delta_jobs"],
                words["delta_hours"],
                words["job"],
                words["tasks"],
                words["suppliers"],
                words["hours_week"],
                words["same_as"],
            ],
            [
                [
                    alt.label,
                    len(alt.jobs),
                    _hours(alt.hours),
                    alt.delta_jobs,
                    _hours(alt.delta_hours),
                    item.job.job_id,
                    ", ".join(item.job.task_ids),
                    ", ".join(item.job.suppliers),
                    _hours(item.job.hours_per_week),
                    item.same_as or "",
                ]
                for alt in alternatives
                for item in alt.jobs
            ],
        )
    return book


def write_workbook(result: Result, path: str | Path, lang: str = "nl") -> Path:
    """Write ``proposals.xlsx`` (or any path)."""
    target = Path(path)
    build_workbook(result, lang).save(target)
    return target
