"""``proposals.xlsx``: the proposal to take home, change and discuss in Excel.

Sheets (Dutch / English): ``Banen``/``Jobs``, ``Vacatures``/``Vacancies``,
``Rooster``/``Timetable``, ``Taken``/``Tasks``, ``Niet geplaatst``/``Unassigned``,
``Leveranciers``/``Suppliers`` and, when the result has alternatives,
``Alternatieven``/``Alternatives``.

A planner sorts, filters and sums here, so every number is a number cell with a
number format (hours ``0.00``, social-return progress ``0%``) and every time a
time cell (``hh:mm``); an end past midnight counts on from 24:00, so that it
sorts after 23:00 and ``end - start`` is the duration. A number that is unknown
(no suppliers table) is an empty cell, never a word. Each sheet prints on A4
landscape, fitted to the page width, with the header row on every page.

Text from the input is always stored as a plain string; a text that starts
like a formula (``=``, ``+``, ``-``, ``@``, tab, carriage return) also gets
Excel's quote prefix, so Excel shows it as text and never runs it, even after
the cell is edited.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.header_footer import HeaderFooterItem
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from combibaan.io.output import looks_like_formula
from combibaan.model import Task
from combibaan.model.week import DAY_NAMES_LONG, MINUTES_PER_DAY, format_days
from combibaan.reporting.alternatives import alternative_views
from combibaan.reporting.cards import JobCard, job_cards
from combibaan.reporting.labels import COLUMNS, SHEETS, labels
from combibaan.reporting.summary import (
    DEFAULT_SROI_CREDIT,
    WEEKS_PER_YEAR,
    check_sroi_credit,
    job_credit,
    supplier_summaries,
)
from combibaan.reporting.vacancy import plain_text, vacancy_text, when_lines, window_line
from combibaan.result import Result
from combibaan.texts import check_lang, cli_text, render

_HEADER_FILL = PatternFill("solid", fgColor="1F1F1F")
_HEADER_FONT = Font(name="Calibri", size=11, bold=True, color="FFFFFF")
#: White lines between the header cells: the printed grid is black, and on the dark fill
#: only these show where one header ends and the next begins.
_HEADER_BORDER = Border(
    left=Side(style="thin", color="FFFFFF"), right=Side(style="thin", color="FFFFFF")
)
_MIN_WIDTH = 4
#: Headers and text start one indent level in from the left border. LibreOffice draws a
#: wrapped line right up to the border and ignores an indent on the right, so without it
#: a header that fills its column ("Dagen per" / "week") or a right-aligned number runs
#: into the next column's text. A level is about one character wide in LibreOffice and
#: nearly two in Excel: widths keep :data:`_INDENT_WIDTH` characters for it.
_INDENT = 1
_INDENT_WIDTH = 2
_HEADER_ALIGNMENT = Alignment(horizontal="left", vertical="center", wrap_text=True, indent=_INDENT)
#: One object per kind of cell, shared (building one per cell cost a tenth of the
#: workbook's time at 1,000 tasks).
_TEXT_ALIGNMENT = Alignment(horizontal="left", vertical="top", wrap_text=True, indent=_INDENT)
_NUMBER_ALIGNMENT = Alignment(horizontal="right", vertical="top", indent=1)
#: Points per line of 11-point text: row heights are set from the wrapped line count,
#: so a long cell grows downwards instead of spilling over its neighbours.
_LINE_HEIGHT = 15
#: Inches; narrow enough to leave room for the table, wide enough for any printer.
_MARGINS = PageMargins(left=0.4, right=0.4, top=0.6, bottom=0.6, header=0.3, footer=0.3)

Value = str | int | float | None


@dataclass(frozen=True)
class Kind:
    """How the cells of a column look: number format (``None`` for text) and widest width."""

    number_format: str | None
    max_width: int


#: Widths are kept narrow (long text wraps, headers wrap at spaces) so that a sheet
#: fitted to the width of an A4 page still prints at a readable size.
TEXT = Kind(None, 24)
#: For a sheet narrow enough to spare the room: a description on one line keeps a long
#: list of rows short.
WIDE_TEXT = Kind(None, 40)
REASON = Kind(None, 60)
VACANCY = Kind(None, 80)
HOURS = Kind("0.00", 10)
UNITS = Kind("0.00", 12)
COUNT = Kind("0", 10)
TIME = Kind("hh:mm", 9)
YEARLY = Kind("#,##0", 12)
PERCENT = Kind("0%", 12)
DELTA = Kind("+0;-0;0", 10)
DELTA_HOURS = Kind("+0.00;-0.00;0.00", 12)


@dataclass(frozen=True)
class Column:
    """A column of a sheet: its header and how its cells look."""

    header: str
    kind: Kind = TEXT


def set_cell(cell: Cell, value: Value) -> None:
    """Put a value in a cell; text is stored as a string, never as a formula; ``""`` stays empty."""
    cell.value = None if value == "" else value
    if isinstance(value, str):
        cell.data_type = "s"
        if looks_like_formula(value):
            cell.quotePrefix = True


def _lines(text: str, width: float, *, bold: bool = False) -> int:
    """Lines ``text`` takes when wrapped at spaces in a column ``width`` wide after the
    indent: a width counts the ``0`` of the font, and an average letter of Calibri is
    about a fifth narrower (a bold one about a tenth); the estimate errs to a line too
    many, since a row too low would hide the end of its text."""
    room = width - _INDENT_WIDTH
    per_line = max(int(room) if bold else int(room * 1.1) - 1, 1)
    return sum(
        # A line that fits is one line: most cells are, and wrapping each took seconds.
        1
        if len(line) <= per_line and "\t" not in line
        else max(1, len(textwrap.wrap(line, per_line)))
        for line in text.splitlines() or [""]
    )


def _width(column: Column, values: list[Value]) -> float:
    """As wide as the content and its indent up to the kind's widest, and never narrower
    than the header's longest word (headers wrap at spaces, in bold) after the indent."""
    if column.kind.number_format is not None:
        widest = max((len(f"{v:,.2f}") for v in values if isinstance(v, int | float)), default=0)
        widest += 1  # the right indent Excel shows (LibreOffice has none: see _INDENT)
    else:
        widest = max(
            (len(line) for v in values if isinstance(v, str) for line in v.splitlines()),
            default=0,
        )
        widest += _INDENT_WIDTH
    longest_word = max((len(word) for word in column.header.split()), default=0)
    return max(
        min(max(widest, _MIN_WIDTH) + 2, column.kind.max_width),
        longest_word + 3 + _INDENT_WIDTH,
    )


def _print_setup(sheet: Worksheet) -> None:
    """A4 landscape, as wide as the page, the header row on every page, the sheet name and
    page number in the footer."""
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = sheet.ORIENTATION_LANDSCAPE
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0  # as many pages down as the rows need
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.print_title_rows = "1:1"
    sheet.page_margins = _MARGINS
    sheet.print_options.gridLines = True
    footer = HeaderFooterItem()
    footer.left.text = "&A"
    footer.right.text = "&P / &N"
    sheet.HeaderFooter.oddFooter = footer


def _sheet(
    book: Workbook, title: str, columns: Sequence[Column], rows: Iterable[Sequence[Value]]
) -> Worksheet:
    sheet = book.create_sheet(title)
    table = [list(row) for row in rows]
    widths = [_width(column, [row[i] for row in table]) for i, column in enumerate(columns)]
    for number, (column, width) in enumerate(zip(columns, widths, strict=True), start=1):
        sheet.column_dimensions[get_column_letter(number)].width = width
        cell = sheet.cell(row=1, column=number)
        set_cell(cell, column.header)
        cell.font = _HEADER_FONT
        cell.fill = _HEADER_FILL
        cell.border = _HEADER_BORDER
        cell.alignment = _HEADER_ALIGNMENT
    header_lines = max(_lines(c.header, w, bold=True) for c, w in zip(columns, widths, strict=True))
    sheet.row_dimensions[1].height = _LINE_HEIGHT * header_lines + 3
    for row_number, row in enumerate(table, start=2):
        lines = 1
        for number, (column, value) in enumerate(zip(columns, row, strict=True), start=1):
            cell = sheet.cell(row=row_number, column=number)
            set_cell(cell, value)
            number_format = column.kind.number_format
            if number_format is None:
                cell.alignment = _TEXT_ALIGNMENT
            else:  # an empty cell too: a number typed in later looks like the rest
                cell.number_format = number_format
                cell.alignment = _NUMBER_ALIGNMENT
            if isinstance(value, str):
                lines = max(lines, _lines(value, widths[number - 1]))
        if lines > 1:
            sheet.row_dimensions[row_number].height = _LINE_HEIGHT * lines + 3
    sheet.freeze_panes = "B2"  # the header and the first column (which job, task, supplier)
    if sheet.max_row > 1:
        sheet.auto_filter.ref = sheet.dimensions
    _print_setup(sheet)
    return sheet


def _hours(minutes: float) -> float:
    """Hours as they are: the cell's format shows two decimals, and sums over cells (the
    Rooster's hours of a job, a supplier's tasks) then add up to the totals shown (rounded
    cells gave 25.80 and 25.84 for a job of 25.83)."""
    return minutes / 60


def _yearly(hours_per_week: float) -> float:
    return hours_per_week * WEEKS_PER_YEAR


def _time(minutes: int) -> float:
    """Minutes from midnight as a spreadsheet time (a fraction of a day; past 1 after midnight)."""
    return minutes / MINUTES_PER_DAY


def _span(tasks: Sequence[Task]) -> tuple[float, float]:
    """The earliest start and the latest end on any day, as spreadsheet times (a time
    window not yet placed counts from its earliest start to its latest end)."""
    spans = [(s.start, s.end) for task in tasks for s in task.slots]
    spans += [(w.earliest, w.latest) for task in tasks for w in task.windows]
    return _time(min(a for a, _ in spans)), _time(max(b for _, b in spans))


def _jobs_sheet(
    book: Workbook, result: Result, cards: tuple[JobCard, ...], lang: str, sroi_credit: str
) -> None:
    """A row per job; besides each supplier's hours per week, the hours per year the job
    counts for each supplier's social return (under ``sroi_credit``)."""
    words, unknown = COLUMNS[lang], labels(lang)["unknown"]
    vacancy = cli_text("vacancy_open", lang)
    in_jobs = {share.supplier for card in cards for share in card.shares}
    suppliers = [name for name in result.instance.supplier_names if name in in_jobs]
    credits = [job_credit(card, sroi_credit) for card in cards]
    credited = {name for credit in credits for name in credit}
    counted = [name for name in suppliers if name in credited]
    columns = [
        Column(words["job"]),
        Column(words["hours_week"], HOURS),
        Column(words["job_units"], UNITS),
        Column(words["days_count"], COUNT),
        Column(words["days"]),
        Column(words["first_start"], TIME),
        Column(words["last_end"], TIME),
        Column(words["times"]),
        *(Column(words["hours_of"].format(supplier=name), HOURS) for name in suppliers),
        Column(words["employer"]),
        *(Column(words["counts_for"].format(supplier=name), YEARLY) for name in counted),
        Column(words["cao"]),
        Column(words["locations"]),
        Column(words["tasks"]),
        *([Column(words["candidate"])] if result.candidates else []),
    ]
    rows = []
    for card, credit in zip(cards, credits, strict=True):
        minutes = {share.supplier: share.minutes_per_week for share in card.shares}
        rows.append(
            [
                card.job_id,
                _hours(card.job.minutes_per_week),
                card.job_units,
                len({slot.day for task in card.tasks for slot in task.slots}),
                format_days(card.job.days, lang),
                *_span(card.tasks),
                "\n".join(when_lines(card.tasks, lang)),
                *(_hours(minutes[name]) if name in minutes else None for name in suppliers),
                card.employer,
                *(_yearly(credit[name]) if name in credit else None for name in counted),
                card.cao or unknown,
                ", ".join(card.locations),
                ", ".join(card.job.task_ids),
                *([card.job.candidate or vacancy] if result.candidates else []),
            ]
        )
    _sheet(book, SHEETS[lang]["jobs"], columns, rows)


def _vacancies_sheet(book: Workbook, result: Result, cards: tuple[JobCard, ...], lang: str) -> None:
    """The vacancy texts on a sheet of their own: a text runs to twenty lines, which would
    make every row of the jobs table a screen high."""
    words = COLUMNS[lang]
    _sheet(
        book,
        SHEETS[lang]["vacancies"],
        [
            Column(words["job"]),
            Column(words["hours_week"], HOURS),
            Column(words["employer"]),
            Column(words["competencies"]),
            Column(words["vacancy"], VACANCY),
        ],
        [
            [
                card.job_id,
                _hours(card.job.minutes_per_week),
                card.employer,
                ", ".join(card.competencies),
                plain_text(vacancy_text(result.instance, result.policy, card, lang)).strip(),
            ]
            for card in cards
        ],
    )


def _timetable_sheet(book: Workbook, result: Result, cards: tuple[JobCard, ...], lang: str) -> None:
    """One row per weekly slot of every task, the jobs' first: what a planner sorts by day
    and start, filters by supplier and sums into hours per day. A flexible task left out
    has no times yet: one row per window, its hours those of a week, without a day, and
    the window in words (as for a placed one, beside its chosen times)."""
    words, day_names = COLUMNS[lang], DAY_NAMES_LONG[lang]
    placed = [(card.job_id, task) for card in cards for task in card.tasks]
    in_jobs = {task.id for _, task in placed}
    left = [("", task) for task in result.instance.tasks if task.id not in in_jobs]
    rows: list[list[Value]] = []
    for job_id, tasks in _grouped([*placed, *left]):
        slots = sorted(
            ((slot, task) for task in tasks for slot in task.slots), key=lambda pair: pair[0]
        )
        rows.extend(
            [
                job_id,
                slot.day + 1,
                day_names[slot.day],
                _time(slot.start),
                _time(slot.end),
                _hours(slot.minutes),
                task.id,
                task.supplier,
                task.description,
                task.location or "",
                _windows(result, task.id, lang),
            ]
            for slot, task in slots
        )
        rows.extend(
            [
                job_id,
                None,
                "",
                _time(window.earliest),
                _time(window.latest),
                _hours(window.minutes),
                task.id,
                task.supplier,
                task.description,
                task.location or "",
                window_line(window, lang),
            ]
            for task in tasks
            for window in task.windows
        )
    _sheet(
        book,
        SHEETS[lang]["timetable"],
        [
            Column(words["job"]),
            Column(words["day_number"], COUNT),
            Column(words["day"]),
            Column(words["start"], TIME),
            Column(words["end"], TIME),
            Column(words["hours"], HOURS),
            Column(words["task"]),
            Column(words["supplier"]),
            Column(words["description"], WIDE_TEXT),
            Column(words["location"]),
            Column(words["time_window"], WIDE_TEXT),
        ],
        rows,
    )


def _windows(result: Result, task_id: str, lang: str) -> str:
    """The time windows of a task in words (none for a fixed task)."""
    return "; ".join(window_line(w, lang) for w in result.instance.task(task_id).windows)


def _grouped(items: list[tuple[str, Task]]) -> list[tuple[str, list[Task]]]:
    """Tasks per job id in order of first appearance (the tasks left out under ``""``)."""
    groups: dict[str, list[Task]] = {}
    for job_id, task in items:
        groups.setdefault(job_id, []).append(task)
    return list(groups.items())


def _tasks_sheet(book: Workbook, result: Result, cards: tuple[JobCard, ...], lang: str) -> None:
    words = COLUMNS[lang]
    job_of = {task_id: card.job_id for card in cards for task_id in card.job.task_ids}
    _sheet(
        book,
        SHEETS[lang]["tasks"],
        [
            Column(words["task"]),
            Column(words["supplier"]),
            Column(words["description"]),
            Column(words["location"]),
            Column(words["hours_week"], HOURS),
            Column(words["days"]),
            Column(words["first_start"], TIME),
            Column(words["last_end"], TIME),
            Column(words["times"]),
            Column(words["competencies"]),
            Column(words["job"]),
        ],
        [
            [
                task.id,
                task.supplier,
                task.description,
                task.location or "",
                _hours(task.minutes_per_week),
                format_days(task.days, lang),
                *_span((task,)),
                "\n".join(when_lines((task,), lang)),
                ", ".join(task.competencies),
                job_of.get(task.id, ""),
            ]
            for task in result.scheduled.tasks
        ],
    )


def _unassigned_sheet(book: Workbook, result: Result, lang: str) -> None:
    words = COLUMNS[lang]
    rows: list[list[Value]] = []
    for item in result.solution.unassigned:
        task = result.instance.task(item.task_id)
        rows.append(
            [
                task.id,
                task.supplier,
                task.description,
                _hours(task.minutes_per_week),
                render(item.reason, lang),
            ]
        )
    _sheet(
        book,
        SHEETS[lang]["unassigned"],
        [
            Column(words["task"]),
            Column(words["supplier"]),
            Column(words["description"]),
            Column(words["hours_week"], HOURS),
            Column(words["reason"], REASON),
        ],
        rows,
    )


def _suppliers_sheet(
    book: Workbook, result: Result, cards: tuple[JobCard, ...], lang: str, sroi_credit: str
) -> None:
    """A row per supplier; the credited hours' header names the ``sroi_credit`` setting, so
    the sheet says how its progress was counted wherever it is copied."""
    words, unknown = COLUMNS[lang], labels(lang)["unknown"]
    credit = words[f"credit_{sroi_credit}"]
    _sheet(
        book,
        SHEETS[lang]["suppliers"],
        [
            Column(words["supplier"]),
            Column(words["sector"]),
            Column(words["cao"]),
            Column(words["tasks_offered"], COUNT),
            Column(words["tasks_placed"], COUNT),
            Column(words["hours_offered"], HOURS),
            Column(words["hours_placed"], HOURS),
            Column(words["job_units"], UNITS),
            Column(words["jobs"]),
            Column(words["employer_of"]),
            Column(words["hours_year"], YEARLY),
            Column(words["sroi_credited"].format(credit=credit), YEARLY),
            Column(words["sroi_target"], YEARLY),
            Column(words["sroi_progress"], PERCENT),
        ],
        [
            [
                row.supplier,
                row.sector or unknown,
                row.cao or unknown,
                row.tasks,
                row.tasks_placed,
                row.hours_offered,
                row.hours_placed,
                row.job_units,
                ", ".join(row.jobs),
                ", ".join(row.employer_of),
                row.hours_per_year,
                row.sroi_hours_per_year,
                row.sroi_hours_target,
                row.sroi_progress,
            ]
            for row in supplier_summaries(result, cards, sroi_credit=sroi_credit)
        ],
    )


def _alternatives_sheet(book: Workbook, result: Result, lang: str) -> None:
    alternatives = alternative_views(result)
    if not alternatives:
        return
    words = COLUMNS[lang]
    flexible = {t.id for t in result.instance.tasks if t.windows}
    _sheet(
        book,
        SHEETS[lang]["alternatives"],
        [
            Column(words["alternative"]),
            Column(words["alt_jobs"], COUNT),
            Column(words["alt_hours"], HOURS),
            Column(words["delta_jobs"], DELTA),
            Column(words["delta_hours"], DELTA_HOURS),
            Column(words["job"]),
            Column(words["tasks"]),
            Column(words["suppliers"]),
            Column(words["hours_week"], HOURS),
            Column(words["same_as"]),
            Column(words["alt_like"]),
            Column(words["alt_without"]),
            Column(words["alt_moved"]),
            Column(words["alt_added"]),
            Column(words["alt_left_out"]),
            *([Column(words["chosen_times"], WIDE_TEXT)] if flexible else []),
        ],
        [
            [
                alt.label,
                len(alt.jobs),
                alt.hours,
                alt.delta_jobs,
                alt.delta_hours,
                item.job.job_id,
                ", ".join(item.job.task_ids),
                ", ".join(item.job.suppliers),
                _hours(item.job.minutes_per_week),
                item.same_as or "",
                item.like or "",
                ", ".join(item.without),
                ", ".join(f"{task_id} ({job_id})" for task_id, job_id in item.moved),
                ", ".join(item.added),
                ", ".join(alt.left_out),
                *([item.job.chosen_times(flexible, lang)] if flexible else []),
            ]
            for alt in alternatives
            for item in alt.jobs
        ],
    )


def build_workbook(
    result: Result, lang: str = "nl", *, sroi_credit: str = DEFAULT_SROI_CREDIT
) -> Workbook:
    """The workbook in memory; :func:`write_workbook` saves it. ``sroi_credit`` says whose
    social return a job's hours count for (``employer`` or ``hours``)."""
    check_lang(lang)
    check_sroi_credit(sroi_credit)
    cards = job_cards(result)
    book = Workbook()
    book.remove(book.worksheets[0])  # the empty sheet a new workbook starts with
    _jobs_sheet(book, result, cards, lang, sroi_credit)
    _vacancies_sheet(book, result, cards, lang)
    _timetable_sheet(book, result, cards, lang)
    _tasks_sheet(book, result, cards, lang)
    _unassigned_sheet(book, result, lang)
    _suppliers_sheet(book, result, cards, lang, sroi_credit)
    _alternatives_sheet(book, result, lang)
    return book


def write_workbook(
    result: Result, path: str | Path, lang: str = "nl", *, sroi_credit: str = DEFAULT_SROI_CREDIT
) -> Path:
    """Write ``proposals.xlsx`` (or any path)."""
    target = Path(path)
    build_workbook(result, lang, sroi_credit=sroi_credit).save(target)
    return target
