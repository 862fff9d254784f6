"""Reading a table the user made: CSV (``,`` or ``;``, UTF-8 or Windows-1252), XLSX, or a DataFrame.

Every reader of combibaan goes through :func:`read_table`, so every input file
follows the same rules: header names in English or Dutch, unknown columns
ignored, rows numbered as a spreadsheet shows them (header = row 1), and every
way a file can be unreadable turned into an :class:`InputError` that says what
to fix. A file is never misread quietly: a quote that swallows rows, a header
and rows split by different delimiters, a formula whose result was never saved
or a cell merged across columns is named as such, with its row and column; rows
and columns hidden in a workbook are read and named in a warning, and so is the
sheet read when another sheet holds something too.
"""

from __future__ import annotations

import bisect
import csv
import datetime as dt
import difflib
import io
import itertools
import posixpath
import re
import warnings
import zipfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import unquote

from combibaan.io.errors import InputError, InputWarning, Problem, empty, source_name
from combibaan.io.parsing import (
    cell_text,
    excel_days,
    is_number,
    parse_day_choice,
    parse_days,
    parse_time,
    shown,
)
from combibaan.model.phrase import BadValue, Phrase, mistake
from combibaan.model.week import MINUTES_PER_DAY, Slot

T = TypeVar("T")

_XLSX_SUFFIXES = {".xlsx", ".xlsm"}
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # the old binary .xls format
_SPREADSHEET_MAGIC = (_ZIP_MAGIC, _OLE_MAGIC)
_DELIMITERS = (",", ";", "\t")
_DELIMITER_NAMES = {",": ",", ";": ";", "\t": "tabs"}  # "tabs" in Dutch and English alike


def _delimiter_name(delimiter: str) -> str:
    """The delimiter as a message names it (any character a ``sep=`` line chose)."""
    return _DELIMITER_NAMES.get(delimiter, delimiter)


#: The values Excel shows for a formula that failed; never a task id or a place.
EXCEL_ERRORS = frozenset(
    {"#N/A", "#REF!", "#VALUE!", "#DIV/0!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!"}
    | {"#GETTING_DATA", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!"}
)

#: A workbook is searched for its header row in at most this many columns. Columns
#: right of the header's last cell are never read, however far a stray cell sits.
MAX_COLUMNS = 1024
#: Rows below the first filled one searched for the header: a title, a date, a blank line.
TITLE_ROWS = 10
#: Merged ranges, unsaved formulas and hidden rows and columns kept per sheet (a sheet can
#: hold a million).
_MAX_MARKS = 100_000
#: Other sheets looked into for content when choosing the sheet to read, and the XML
#: elements read per sheet before it counts as holding something.
_MAX_SHEETS = 50
_MAX_PEEK = 10_000

#: Where :func:`read_table` puts its warnings while :func:`collect_warnings` runs.
_SINK: ContextVar[list[Problem] | None] = ContextVar("combibaan_input_warnings", default=None)


@dataclass(frozen=True)
class Column:
    """A column a reader knows: its English name and the other headers accepted for it."""

    name: str
    aliases: tuple[str, ...] = ()
    required: bool = False
    #: Columns that stand in for this one when all of them are there (``start`` and
    #: ``end`` are not needed in a file of time windows).
    unless: tuple[str, ...] = ()
    #: Columns any one of which stands in for this one (a column per day for ``days``).
    unless_any: tuple[str, ...] = ()
    #: Whether a header close to this one is told to be renamed to it: not where the
    #: column is read only to be refused (personal data).
    suggested: bool = True

    @property
    def label(self) -> Phrase | str:
        """The name with its alternatives, for messages: ``task_id (or taak_id, taak)``."""
        if not self.aliases:
            return repr(self.name)
        aliases = ", ".join(repr(a) for a in self.aliases)
        return mistake("column_or", name=repr(self.name), aliases=aliases)


@dataclass(frozen=True)
class Row:
    """One data row: its spreadsheet number and its known cells (``None`` when empty).

    ``flagged`` are the columns whose cell holds something unreadable (a formula
    without a saved value, an Excel error, a cell merged across columns); the
    table has reported those already, so readers do not call them empty as well.
    """

    number: int
    cells: dict[str, Any]
    flagged: frozenset[str] = frozenset()

    def text(self, column: str) -> str | None:
        return cell_text(self.cells.get(column))

    def is_empty(self) -> bool:
        return not self.flagged and all(cell_text(v) is None for v in self.cells.values())


@dataclass(frozen=True)
class Table:
    """The known columns of an input, row by row.

    ``delimiter`` is the CSV delimiter (``None`` for XLSX and DataFrames), so that
    list cells can be split on the separators the file does not already use.
    ``problems`` are the unreadable cells found while reading; every reader
    reports them with its own. ``warnings`` are what was read but may not be meant
    (hidden rows and columns); :func:`read_table` has issued them already.
    """

    source: str
    rows: tuple[Row, ...]
    columns: tuple[str, ...]
    delimiter: str | None = None
    problems: tuple[Problem, ...] = ()
    warnings: tuple[Problem, ...] = ()
    #: Each known column's heading as the file writes it (``Dagen`` for ``days``).
    headers: Mapping[str, str] = field(default_factory=dict)

    def label(self, column: str) -> str:
        """How the file heads ``column`` (its own name where the file has no such column):
        what messages call it, so that the user finds it in the spreadsheet."""
        return self.headers.get(column, column)

    def problem(
        self, message: Phrase | str, row: int | None = None, column: str | None = None
    ) -> Problem:
        header = None if column is None else self.headers.get(column)
        return Problem(self.source, message, row, column, header=header)

    def missing(self, row: Row, column: str, message: Phrase | str) -> list[Problem]:
        """``message`` for an empty cell, or nothing when the cell was already reported."""
        if column in row.flagged:
            return []
        return [self.problem(message, row.number, column)]

    def empty_cell(self, row: Row, column: str, hint: str | Phrase) -> list[Problem]:
        """ "``Begin`` is empty; write the start time, e.g. 07:30" for an empty cell (nothing
        when it was already reported); ``hint`` says what to write (see :func:`.empty`)."""
        return self.missing(row, column, empty(self.label(column), hint))

    def week_cells(
        self,
        row: Row,
        columns: tuple[str, str, str],
        hints: Mapping[str, str | Phrase],
        problems: list[Problem],
        days: tuple[int, ...] | None = None,
    ) -> tuple[tuple[int, ...], int, int] | None:
        """The days, start and end of a row's ``columns`` (days, from, to; the last read
        as an end, so ``24:00`` is allowed), or ``None`` when a cell is empty or wrong:
        its problems (``hints[column]`` says what to write in an empty one) are added to
        ``problems``. ``days`` given (from the day columns), the days column is not read."""
        times: dict[str, int] = {}
        for column in columns if days is None else columns[1:]:
            if row.text(column) is None:
                problems.extend(self.empty_cell(row, column, hints[column]))
                continue
            value = row.cells.get(column)
            try:
                if column == columns[0]:
                    days = parse_days(str(value))
                else:
                    times[column] = parse_time(value, is_end=column == columns[2])
            except BadValue as error:
                problems.append(self.problem(error.message, row.number, column))
        if days is None or len(times) < 2:
            return None
        return days, times[columns[1]], times[columns[2]]


#: A column per day, as rosters lay out a week: a mark (``x``) for a day at the row's
#: times, or the times themselves (``07:00-09:00``); they stand in for ``days``.
DAY_COLUMNS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_DAY_ALIASES = (
    ("ma", "maandag", "monday"),
    ("di", "dinsdag", "tuesday"),
    ("wo", "woensdag", "wednesday"),
    ("do", "donderdag", "thursday"),
    ("vr", "vrijdag", "friday"),
    ("za", "zaterdag", "saturday"),
    ("zo", "zondag", "sunday"),
)
#: What a day cell may hold to say "this day": a mark, in either language.
_MARKS = frozenset({"x", "v", "✓", "✔", "ja", "yes", "j", "y", "1", "true", "waar"})
#: ... and to say "not this day".
_NO_MARKS = frozenset({"-", "0", "nee", "no", "n", "false", "onwaar"})
#: A start and an end in one cell: ``07:00-09:00``, ``7:00 am – 9:00 am``, ``van 7:00 tot
#: 9:00``, ``from 7 to 9``.
TIME_RANGE = re.compile(
    r"\s*(?:(?:van|from)\s+)?(?P<start>[^-–—]+?)"
    r"\s*(?:[-–—]|\s(?:tot|to|till|until)\s)\s*(?P<end>[^-–—]+?)\s*",
    re.IGNORECASE,
)


def day_columns() -> tuple[Column, ...]:
    """The columns of :data:`DAY_COLUMNS`, for a reader's list of columns."""
    return tuple(
        Column(day, aliases) for day, aliases in zip(DAY_COLUMNS, _DAY_ALIASES, strict=True)
    )


def day_cells(
    row: Row, table: Table, problems: list[Problem]
) -> tuple[tuple[int, ...], list[Slot]] | None:
    """A row's days from the day columns (:data:`DAY_COLUMNS`), where the file has them
    and the row's ``days`` cell is empty: the days marked, and the slots of the days whose
    cell holds times. None where the days come from ``days`` (a row with neither is
    reported here). Tasks and candidates' availability read a week so alike."""
    present = [c for c in DAY_COLUMNS if c in table.columns]
    if not present:
        return None
    if row.text("days") is not None:
        _days_agree(row, table, present, problems)
        return None
    marked: list[int] = []
    timed: list[Slot] = []
    reported = len(problems)
    for column in present:
        text = row.text(column)
        if text is None or text.casefold() in _NO_MARKS:
            continue
        day = DAY_COLUMNS.index(column)
        if text.casefold() in _MARKS or row.cells.get(column) is True:
            marked.append(day)
            continue
        span = TIME_RANGE.fullmatch(text)
        try:
            if span is None:
                raise BadValue(mistake("day_cell", value=repr(text)))
            start = parse_time(span["start"])
            end = parse_time(span["end"], is_end=True)
        except BadValue as error:
            problems.append(table.problem(error.message, row.number, column))
            continue
        if start == end:
            same = mistake("same_start_end", time=span["start"])
            problems.append(table.problem(same, row.number, column))
            continue
        timed.append(Slot(day, start, end if end > start else end + MINUTES_PER_DAY))
    if not marked and not timed and len(problems) == reported:
        names = ", ".join(repr(table.label(c)) for c in present)
        if "days" in table.columns:
            names = f"{table.label('days')!r}, {names}"
        problems.extend(table.missing(row, present[0], mistake("no_day_marked", columns=names)))
    return tuple(marked), timed


def _days_agree(row: Row, table: Table, present: list[str], problems: list[Problem]) -> None:
    """A row with ``days`` filled and marks in the day columns too: they must name the
    same days (``days`` is what is read; marks that say otherwise were meant somehow)."""
    filled = [c for c in present if (row.text(c) or "-").casefold() not in _NO_MARKS]
    if not filled:
        return
    try:
        count, days = parse_day_choice(str(row.cells.get("days")))
    except BadValue:
        return  # reported with the days
    if count is None and set(days) == {DAY_COLUMNS.index(c) for c in filled}:
        return
    message = mistake(
        "days_disagree",
        days=repr(row.text("days")),
        columns=", ".join(repr(table.label(c)) for c in filled),
    )
    problems.append(table.problem(message, row.number, "days"))


@dataclass(frozen=True)
class _Unreadable:
    """A cell whose value cannot be read, and why; ``key`` reports a merged range once."""

    reason: Phrase
    key: str | None = None


@dataclass
class _Raw:
    """A file as rows of values: its header row, and its data rows for the first ``width``
    columns (a function, so that a workbook is read only as wide as the known columns).

    For a workbook also the ``sheet`` read, ``notes`` on that choice for the user, and
    the ``marks`` of that sheet (its hidden rows and columns among them).
    """

    header: tuple[int, list[Any]] | None
    records: Callable[[int], Iterable[tuple[int, Sequence[Any]]]]
    delimiter: str | None = None
    notes: list[Problem] = field(default_factory=list)
    marks: _Marks | None = None
    sheet: str | None = None


def _normalise_header(name: object) -> str:
    """Lower case, with spaces, dashes, full stops and colons as one ``_``: ``Taak nr.``,
    ``Tel.:`` and ``Geb. datum`` are ``taak_nr``, ``tel`` and ``geb_datum``."""
    text = cell_text(name) or ""
    return re.sub(r"[\s\-.:]+", "_", text.lower()).strip("_")


def read_table(
    source: object,
    columns: Sequence[Column],
    *,
    what: str,
    sheet_names: Iterable[str] = (),
) -> Table:
    """Read ``source`` (a path or a DataFrame) and keep the ``columns`` it has.

    ``what`` names the content in messages (``"tasks"``: the code ``noun_tasks`` of the
    texts' error table); ``sheet_names`` are the XLSX sheets to prefer over the first
    visible one. Raises :class:`InputError` for an unreadable file or missing required
    columns; cell values are not checked here, except that unreadable cells become the
    table's ``problems``.

    What is read but may not be meant (hidden rows and columns, the sheet chosen among
    several) is a warning, issued as :func:`collect_warnings` describes, also when
    reading then fails: a missing column is easier to understand knowing which sheet
    was read.
    """
    name = source_name(source)
    noun = mistake(f"noun_{what}")
    if not isinstance(source, str | Path):
        return _to_table(name, _read_dataframe(source), columns, noun)
    notes: list[Problem] = []
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about features it skips
            with _open_path(Path(source), name, noun, tuple(sheet_names)) as raw:
                notes.extend(raw.notes)
                table = _to_table(name, raw, columns, noun)
    except InputError:
        warn_user(notes)
        raise
    warn_user([*notes, *table.warnings])
    return table


@dataclass(frozen=True)
class Grid:
    """A file as laid out, every column kept: its first filled row, and each row below it
    by its spreadsheet number. For tables whose headings are data (a travel matrix)."""

    source: str
    header_row: int
    header: tuple[Any, ...]
    rows: tuple[tuple[int, tuple[Any, ...]], ...]
    #: The unreadable cells (a formula without a value, a merged cell), as problems.
    problems: tuple[Problem, ...] = ()
    #: What a reader tells the user about the file it read (the sheet chosen).
    notes: tuple[Problem, ...] = ()


def read_grid(
    source: object,
    *,
    what: str,
    sheet_names: Iterable[str] = (),
    header_fits: Callable[[Sequence[Any]], bool] = lambda header: True,
) -> Grid | None:
    """``source`` as a :class:`Grid` (a path, the sheet chosen as :func:`read_table`
    would, or a DataFrame: its index first where it has one of its own, as
    ``read_excel(..., index_col=0)`` gives), or None when it cannot be read
    (:func:`read_table` then says why) or its header row does not fit (then no other row
    is read)."""
    name = source_name(source)
    if not isinstance(source, str | Path):
        return _frame_grid(source, name, header_fits)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about features it skips
            with _open_path(Path(source), name, mistake(f"noun_{what}"), tuple(sheet_names)) as raw:
                if raw.header is None or not header_fits(raw.header[1]):
                    return None
                header_row, header = raw.header
                width = min(len(header), MAX_COLUMNS)
                records = [(n, list(v)) for n, v in raw.records(width)]
                notes = tuple(raw.notes)
    except InputError:
        return None
    problems = []
    for number, values in records:
        for index, value in enumerate(values):
            if isinstance(value, _Unreadable):
                heading = cell_text(header[index]) if index < len(header) else None
                problems.append(Problem(name, value.reason, number, heading, header=heading))
                values[index] = None
    rows = tuple((n, tuple(v)) for n, v in records if any(cell_text(x) for x in v))
    return Grid(name, header_row, tuple(header), rows, tuple(problems), notes)


def _frame_grid(
    frame: object, name: str, header_fits: Callable[[Sequence[Any]], bool]
) -> Grid | None:
    import pandas as pd

    if not isinstance(frame, pd.DataFrame):
        return None  # read_table says what it expected
    labelled = not isinstance(frame.index, pd.RangeIndex)
    header = [*([None] if labelled else []), *(str(c) for c in frame.columns)]
    if not header_fits(header):
        return None
    rows = tuple(
        (number, tuple(None if _is_missing(v) else v for v in values))
        for number, values in enumerate(frame.itertuples(index=labelled, name=None), start=2)
    )
    return Grid(name, 1, tuple(header), rows)


def sheet_titles(source: object) -> tuple[str, ...]:
    """The sheets of workbook ``source`` (a task workbook with a sheet ``Reistijden``
    holds its travel table too); none for a CSV, a DataFrame or a file that cannot be
    opened (its own reader says why)."""
    if not isinstance(source, str | Path) or Path(source).suffix.lower() not in _XLSX_SUFFIXES:
        return ()
    import openpyxl

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about features it skips
            workbook = openpyxl.load_workbook(source, read_only=True)
    except Exception:  # the tasks' reader reports a damaged or missing file
        return ()
    try:
        return tuple(workbook.sheetnames)
    finally:
        workbook.close()


def named_sheet(titles: Iterable[str], sheet_names: Iterable[str]) -> str | None:
    """The first of ``titles`` that ``sheet_names`` name (in any case, spaces around
    ignored): the sheet a reader takes for its table."""
    wanted = {s.lower() for s in sheet_names}
    return next((t for t in titles if t.strip().lower() in wanted), None)


@contextmanager
def collect_warnings() -> Iterator[list[Problem]]:
    """Collect the warnings of the readers run inside it in the list it yields.

    :func:`~combibaan.io.read_instance` hands them to its ``on_warning``. Outside it,
    a reader issues each as an :class:`InputWarning` through :mod:`warnings`, so that
    a notebook shows it. A context variable, so that threads do not mix their warnings.
    """
    found: list[Problem] = []
    token = _SINK.set(found)
    try:
        yield found
    finally:
        _SINK.reset(token)


def warnings_to(on_warning: Callable[[Problem], object] | None, read: Callable[[], T]) -> T:
    """``read()``, its warnings handed to ``on_warning`` one :class:`Problem` each, also
    when it raises (an error in a hidden row is otherwise hard to find); without
    ``on_warning`` they are issued as :class:`InputWarning`, as everywhere."""
    if on_warning is None:
        return read()
    with collect_warnings() as noticed:
        try:
            return read()
        finally:
            for problem in noticed:
                on_warning(problem)


def warn_user(notes: list[Problem]) -> None:
    """Warnings about the user's input: to :func:`collect_warnings`' list inside it, else
    each an :class:`InputWarning` through :mod:`warnings`."""
    sink = _SINK.get()
    if sink is not None:
        sink.extend(notes)
        return
    for note in notes:
        warnings.warn(InputWarning(note), stacklevel=4)  # the caller of read_tasks & co


def _expected(columns: Sequence[Column]) -> str:
    return ", ".join(c.name for c in columns if c.required)


def _lacking(columns: Sequence[Column], found: Iterable[str]) -> list[Column]:
    """The required ``columns`` a header without the columns ``found`` lacks. Where some
    of the columns that stand in for one are there and none of those they stand in for
    (``vanaf`` and ``uiterlijk``, no ``duur``, no ``start`` or ``end``), the others are
    what it lacks; with ``start`` there, ``end`` is."""
    present = set(found)
    by_name = {column.name: column for column in columns}
    lacking: dict[str, Column] = {}
    for column in columns:
        if not column.required or column.name in present:
            continue
        if column.unless and all(name in present for name in column.unless):
            continue
        if any(name in present for name in column.unless_any):
            continue
        stood_for = [c.name for c in columns if c.unless == column.unless]
        if any(n in present for n in column.unless) and not any(n in present for n in stood_for):
            lacking.update((n, by_name[n]) for n in column.unless if n not in present)
        else:
            lacking[column.name] = column
    return list(lacking.values())


def _header_below(
    raw: _Raw, lookup: Mapping[str, str], columns: Sequence[Column]
) -> tuple[int, list[Any]] | None:
    """The first of the next :data:`TITLE_ROWS` rows that has every required column,
    trimmed: the header under a title row or two."""
    for number, values in itertools.islice(raw.records(MAX_COLUMNS), TITLE_ROWS):
        filled = [i for i, value in enumerate(values) if cell_text(value) is not None]
        if not filled:
            continue
        header = (number, _headings(values[: filled[-1] + 1]))
        two_rows = _two_row_header(_below(raw, header), lookup)
        heading = header[1] if two_rows is None else two_rows[1]
        known = {lookup.get(_normalise_header(value)) for value in heading}
        if not _lacking(columns, {k for k in known if k is not None}):
            return header
    return None


def _headings(values: Sequence[Any]) -> list[Any]:
    """A row read as headings: the cells a merged heading spans (not its first) are
    empty, not unreadable (below the first filled row, data rows are read so)."""
    return [None if isinstance(value, _Unreadable) else value for value in values]


def _below(raw: _Raw, header: tuple[int, list[Any]]) -> _Raw:
    """``raw`` read from ``header`` on: the rows above it are title or heading."""
    return _Raw(
        header,
        lambda width: ((n, v) for n, v in raw.records(width) if n > header[0]),
        raw.delimiter,
        raw.notes,
        raw.marks,
        raw.sheet,
    )


#: Headings over two columns whose ``van | tot`` below are a window, not a fixed time.
_WINDOW_HEADINGS = re.compile(r"venster|window|marge|tussen|between")
_WINDOW_ENDS = {"start": "earliest", "end": "latest"}


def _two_row_header(
    raw: _Raw, lookup: Mapping[str, str]
) -> tuple[int, list[Any], list[str | None]] | None:
    """The header completed by the row under it, where that row holds headings only (a
    heading over two columns, ``Tijd`` above ``van | tot``, as rosters lay out a week):
    the number of that row, each column's heading and the label messages give it
    (``Tijd van``). None where the row under the header is data."""
    assert raw.header is not None
    upper = [cell_text(cell) for cell in raw.header[1]]
    if sum(text is not None and _normalise_header(text) in lookup for text in upper) < 2:
        return None  # a title over the header, not a header's first row
    first = next(iter(raw.records(MAX_COLUMNS)), None)
    if first is None:
        return None
    number, values = first
    lower = [cell_text(value) for value in _headings(values)]
    if not any(lower):
        return None
    width = max(len(upper), len(lower))
    upper += [None] * (width - len(upper))
    lower += [None] * (width - len(lower))
    heading: list[Any] = []
    labels: list[str | None] = []
    known = unknown = 0
    above: str | None = None  # the heading a merged cell spreads over this column
    for top, bottom in zip(upper, lower, strict=True):
        above = top if top is not None else above
        if bottom is None:
            heading.append(top)
            labels.append(top)
            continue
        label = bottom if above is None or above == bottom else f"{above} {bottom}"
        key = _two_row_key(lookup, above, bottom, label)
        if key is None:
            if any(character.isdigit() for character in bottom):
                return None  # a value (a time, a number): the row is data
            unknown += 1  # a heading of a column not read (``Kosten`` over ``per uur``)
            key = label
        else:
            known += 1
        heading.append(key)
        labels.append(label)
    if known < 2 and (known == 0 or unknown > 0):
        return None  # too little that names a column: the row is data
    return number, heading, labels


def _two_row_key(
    lookup: Mapping[str, str], above: str | None, bottom: str, label: str
) -> str | None:
    """The column a lower heading names: with the one above it in either order
    (``Beschikbaar`` over ``van`` is ``beschikbaar_van``, ``Uren`` over ``min`` is
    ``min_uren``), else alone (under ``Venster``, ``van | tot`` are the window's ends)."""
    key = lookup.get(_normalise_header(label))
    if key is None and above is not None:
        key = lookup.get(_normalise_header(f"{bottom} {above}"))
    if key is None:
        key = lookup.get(_normalise_header(bottom))
        if key is not None and above is not None and _WINDOW_HEADINGS.search(above.lower()):
            key = _WINDOW_ENDS.get(key, key)
    return key


#: What a row of totals under a list says in its first cells.
_TOTAL_WORDS = frozenset({"totaal", "totalen", "subtotaal", "som", "total", "totals", "subtotal"})


def _total_label(row: Row) -> str | None:
    """The word of a row of totals (``Totaal`` and numbers, as a spreadsheet sums a list):
    not a task. None for any other row."""
    word = None
    for text in map(cell_text, row.cells.values()):
        if text is None or is_number(text):
            continue
        if word is not None:
            return None  # two words: a task's row (most rows end here, at their second cell)
        word = text
    if word is None or word.split()[0].rstrip(":").casefold() not in _TOTAL_WORDS:
        return None
    return word


def _to_table(
    name: str, raw: _Raw, columns: Sequence[Column], what: Phrase, *, title_rows: bool = True
) -> Table:
    """The known columns of ``raw``; with ``title_rows``, a header row that lacks required
    columns may stand under up to :data:`TITLE_ROWS` rows of title (a warning says so)."""
    if raw.header is None:
        raise InputError(
            Problem(name, mistake("file_empty", what=what, columns=_expected(columns)))
        )
    lookup = {_normalise_header(alias): c.name for c in columns for alias in (c.name, *c.aliases)}
    header_row, header = raw.header
    labels = [cell_text(cell) for cell in header]
    two_rows = _two_row_header(raw, lookup)
    if two_rows is not None:
        # ``Tijd`` over ``van | tot``: the row under the header names the columns.
        number, header, labels = two_rows
        raw = _below(raw, (number, header))
    positions: dict[str, int] = {}
    problems: list[Problem] = []
    for index, cell in enumerate(header):
        known = lookup.get(_normalise_header(cell))
        if known is None:
            continue
        if known in positions:
            first, second = labels[positions[known]], labels[index]
            same = mistake(
                "same_meaning", first=repr(first), second=repr(second), known=repr(known)
            )
            problems.append(Problem(name, same, header_row, known))
            continue
        positions[known] = index
    named = [text for text in labels if text]
    found = _listed([shown(text, 40) for text in named[:20]], _more(len(named) - 20))
    lacking = _lacking(columns, positions)
    if lacking and not problems and title_rows:
        below = _header_below(raw, lookup, columns)
        if below is not None:
            # A title (and perhaps a date or a note) above the real header row.
            table = _to_table(name, _below(raw, below), columns, what, title_rows=False)
            above = [(header_row, below[0] - 1)]
            skipped = mistake("title_rows", rows=_listing(above), n=below[0] - header_row)
            note = Problem(name, skipped, below[0])
            return replace(table, warnings=(note, *table.warnings))
    for column in lacking:
        missing = mistake("missing_column", column=column.label, found=found or mistake("nothing"))
        problems.append(Problem(name, missing, None, column.name))
    if problems:
        raise InputError(problems)
    if raw.delimiter is not None:  # a CSV file: its records are all in memory
        _check_wide(name, (header_row, header), list(raw.records(len(header))), raw.delimiter)
    headers = {key: labels[index] or key for key, index in positions.items()}
    rows = []
    reported: set[str] = set()
    width = max(positions.values(), default=-1) + 1
    totals: list[tuple[int, str]] = []
    for number, values in raw.records(width):
        cells: dict[str, Any] = {}
        flagged: dict[str, _Unreadable] = {}
        for key, index in positions.items():
            value = values[index] if index < len(values) else None
            if isinstance(value, str) and "#" in value and value.strip().upper() in EXCEL_ERRORS:
                value = _Unreadable(mistake("excel_error", error=value.strip().upper()))
            if isinstance(value, _Unreadable):
                flagged[key] = value
                value = None
            cells[key] = value
        row = Row(number, cells, frozenset(flagged))
        if row.is_empty():
            continue
        total = _total_label(row)
        if total is not None:
            totals.append((number, total))
            continue
        rows.append(row)
        for key, mark in flagged.items():
            if mark.key is None or mark.key not in reported:
                problems.append(Problem(name, mark.reason, number, key, header=headers[key]))
            if mark.key is not None:
                reported.add(mark.key)
    notes = _hidden_notes(name, raw, (header_row, header), positions, [row.number for row in rows])
    notes.extend(
        Problem(name, mistake("total_row", label=shown(label)), number) for number, label in totals
    )
    used = set(positions.values())
    ignored = [
        text
        for i, text in enumerate(labels)
        if text and i not in used and _normalise_header(text) not in NOTE_HEADERS
    ]
    if ignored and rows:
        wanted = {c.name for c in columns if c.suggested}
        offered = {alias: known for alias, known in lookup.items() if known in wanted}
        notes.append(Problem(name, _ignored_columns(ignored, offered, positions), header_row))
    return Table(
        name, tuple(rows), tuple(positions), raw.delimiter, tuple(problems), tuple(notes), headers
    )


#: Headers of columns kept for people (``note`` in the bundled locks): not read, and not
#: worth a warning either.
NOTE_HEADERS = frozenset(
    {"note", "notes", "notitie", "notities", "opmerking", "opmerkingen", "toelichting"}
    | {"comment", "comments", "remark", "remarks", "memo"}
)


def _ignored_columns(
    ignored: list[str], lookup: Mapping[str, str], positions: Mapping[str, int]
) -> Phrase:
    """A warning naming the columns not read: ``Gebouw`` or ``Locaties`` meant as the
    location would otherwise drop the travel between buildings without a word. Where a
    header is close to an accepted one of a column the file lacks, it is suggested."""
    guesses: list[str] = []
    for text in ignored:
        close = difflib.get_close_matches(_normalise_header(text), list(lookup), n=1, cutoff=0.75)
        if close and lookup[close[0]] not in positions:
            guesses.append(f"{text!r} → {close[0]!r}")
    names = _listed([shown(text, 40) for text in ignored[:10]], _more(len(ignored) - 10))
    guess = mistake("maybe", names=", ".join(guesses)) if guesses else ""
    return mistake("columns_ignored", n=len(ignored), names=names, guess=guess)


# --- files ---------------------------------------------------------------------------------


@contextmanager
def _open_path(path: Path, name: str, what: Phrase, sheet_names: tuple[str, ...]) -> Iterator[_Raw]:
    def fail(code: str, **values: object) -> InputError:
        return InputError(Problem(name, mistake(code, **values)))

    if path.is_dir():
        raise fail("table_folder", what=what)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise fail("table_not_found", what=what) from None
    except OSError as error:
        raise fail("cannot_open", reason=str(error.strerror or error)) from None
    suffix = path.suffix.lower()
    if suffix in (*_XLSX_SUFFIXES, ".xls", ".ods") and not data.startswith(_SPREADSHEET_MAGIC):
        # A CSV renamed .xlsx read as a damaged zip, an empty one as a broken workbook.
        raise fail("not_a_workbook", suffix=suffix, content=mistake(_content_kind(data)))
    if data.startswith(_ZIP_MAGIC) and b"opendocument.spreadsheet" in data[:200]:
        raise fail("ods")  # its first entry, stored as is, is the mimetype
    if data.startswith(_OLE_MAGIC) and suffix in _XLSX_SUFFIXES:
        raise fail("password")
    if data.startswith(_OLE_MAGIC) or suffix == ".xls":
        raise fail("old_xls")
    if suffix == ".ods":
        raise fail("ods")
    if suffix in _XLSX_SUFFIXES or data.startswith(_ZIP_MAGIC):
        with _open_xlsx(data, name, what, sheet_names) as raw:
            yield raw
        return
    yield _read_csv(data, name)


def _content_kind(data: bytes) -> str:
    """What a file that is no workbook holds, as a code of the texts' error table."""
    if not data.strip():
        return "content_empty"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" not in data[:4096]:
        return "content_text"
    return "content_other"


# --- CSV -----------------------------------------------------------------------------------


def _decode(data: bytes, name: str) -> tuple[str, list[Problem]]:
    """The text of a CSV file, and warnings on how it was read."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), []
        except UnicodeDecodeError:
            pass
    if b"\x00" in data:
        # UTF-16 without its byte order mark: every other byte of plain text is zero.
        sample = data[:4096]
        for zeros, encoding in ((sample[1::2], "utf-16-le"), (sample[0::2], "utf-16-be")):
            if len(data) % 2 == 0 and zeros.count(0) > 0.9 * len(zeros):
                try:
                    return data.decode(encoding), []
                except UnicodeDecodeError:
                    break
        raise InputError(Problem(name, mistake("binary")))
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), _mixed_encoding(data, name)
    except UnicodeDecodeError:
        raise InputError(Problem(name, mistake("encoding"))) from None


#: Two bytes of UTF-8 for a letter with an accent (é is C3 A9); in Windows-1252 they read
#: as Ã©, which no Dutch or English word holds.
_UTF8_ACCENT = re.compile(rb"[\xc2-\xdf][\x80-\xbf]")


def _mixed_encoding(data: bytes, name: str) -> list[Problem]:
    """A warning when a file read as Windows-1252 (it is not UTF-8) also holds UTF-8
    accents: pasted together from two sources, each accent of the UTF-8 part reads as
    two letters."""
    if not _UTF8_ACCENT.search(data):
        return []
    bad = data.decode("utf-8", errors="replace")
    line = bad[: bad.index("\ufffd")].count("\n") + 1
    return [Problem(name, mistake("mixed_encoding", line=str(line)))]


def _outside_quotes(line: str) -> dict[str, int]:
    """How often each delimiter occurs in ``line`` outside double quotes."""
    counts = dict.fromkeys(_DELIMITERS, 0)
    quoted = False
    for char in line:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
    return counts


def _detect_delimiter(line: str) -> str:
    """The delimiter that occurs most in the header line outside quotes; ``,`` on a tie."""
    counts = _outside_quotes(line)
    return max(_DELIMITERS, key=lambda d: counts[d])  # max keeps the first on a tie


def _read_csv(data: bytes, name: str) -> _Raw:
    """A CSV file as rows; records are numbered as Excel shows them (a quoted cell
    with line breaks is one row), lines as a text editor does."""
    text, notes = _decode(data, name)
    text = text.rstrip("\x1a")  # an old end-of-file mark (Ctrl-Z) some exports still add
    lines = io.StringIO(text, newline="").readlines()  # split exactly as the csv module does
    # Excel honours (and hides) a first line "sep=;"; so do we.
    explicit = re.fullmatch(r"sep=(.)", lines[0].strip()) if lines else None
    hidden = 0
    if explicit:
        lines, hidden = lines[1:], 1
        delimiter = explicit.group(1)
    else:
        first = next((line for line in lines if line.strip()), "")
        delimiter = _detect_delimiter(first)
    records: list[tuple[int, list[str]]] = []
    try:
        spans = _parse_csv(lines, delimiter, records)
    except _BadQuote as bad:
        header = _split_header(records)[0]
        raise InputError(
            Problem(name, bad.message(hidden), bad.row, _column_of(header, bad.row, bad.index))
        ) from None
    header, data_records = _split_header(records)
    for number, (first_line, last_line) in spans.items():
        width = len(header[1]) if header else 0
        found = _row_inside(records[number - 1][1], delimiter, width)
        if found is not None:
            index, offset, part = found
            shown = part if len(part) <= 60 else part[:59] + "…"
            swallowed = mistake(
                "quote_swallows",
                line=str(first_line + hidden),
                lines=last_line - first_line + 1,
                offset=str(offset),
                part=repr(shown),
            )
            raise InputError(Problem(name, swallowed, number, _column_of(header, number, index)))
    if header is not None:
        _check_mixed(name, header, data_records, delimiter)
    return _Raw(header, lambda width: data_records, delimiter, notes)


@dataclass(frozen=True)
class _Fault:
    """A quote that opens a cell and does not close properly: where it opens, and how it ends.

    ``index`` is the cell, ``opened`` and ``closed`` are lines counted from the record's
    first line (``closed`` is ``None`` when it never closes); ``spaces`` when only spaces
    stand between the closing quote and the next delimiter.
    """

    index: int
    opened: int
    closed: int | None
    spaces: bool = False


class _BadQuote(Exception):
    """A record the csv module refused, located for the message."""

    def __init__(self, row: int, first: int, fault: _Fault, too_long: bool) -> None:
        super().__init__(row, first, fault)
        self.row, self.first, self.fault, self.too_long = row, first, fault, too_long
        self.index = fault.index

    def message(self, hidden: int) -> Phrase:
        fault = self.fault
        line = self.first + fault.opened + hidden
        closed = None if fault.closed is None else self.first + fault.closed + hidden
        at = str(line)  # a line number, never grouped by thousands
        if self.too_long:
            what = mistake("quote_too_long", line=at)
        elif fault.spaces:
            return mistake("quote_spaces", line=at)
        elif closed is None:
            what = mistake("quote_open", line=at)
        elif closed > line:
            what = mistake("quote_closes_later", line=at, closed=str(closed))
        else:
            what = mistake("quote_closes_inside", line=at)
        return mistake("quote_fix", what=what)


def _parse_csv(
    lines: list[str], delimiter: str, records: list[tuple[int, list[str]]]
) -> dict[int, tuple[int, int]]:
    """Fill ``records``; return the first and last line of each record that spans lines.

    Strict: a quoted cell must close right before the next delimiter or line end, and
    the file must not end inside one. Raises :class:`_BadQuote` naming the cell.
    """
    reader = csv.reader(lines, delimiter=delimiter, strict=True, skipinitialspace=True)
    spans: dict[int, tuple[int, int]] = {}
    while True:
        first = reader.line_num + 1
        try:
            record = next(reader)
        except StopIteration:
            return spans
        except csv.Error as error:
            fault = _quote_fault("".join(lines[first - 1 :]), delimiter)
            too_long = "field larger than field limit" in str(error)
            raise _BadQuote(len(records) + 1, first, fault, too_long) from None
        records.append((len(records) + 1, record))
        if reader.line_num > first:
            spans[len(records)] = (first, reader.line_num)


_CLOSE = re.compile(r"[ \t]*(?P<next>.?)", re.DOTALL)


def _quote_fault(text: str, delimiter: str) -> _Fault:
    """In ``text`` (a record and what follows), the cell whose quote does not close
    properly, read the way the csv module reads it."""
    index, line, position, at_start = 0, 0, 0, True
    while position < len(text):
        char = text[position]
        if at_start and char == " ":  # skipinitialspace
            position += 1
            continue
        if at_start and char == '"':
            opened = line
            position += 1
            while True:
                end = text.find('"', position)
                if end < 0:
                    return _Fault(index, opened, None)
                line += text.count("\n", position, end) + text.count("\r", position, end)
                line -= text.count("\r\n", position, end)
                after = text[end + 1 : end + 2]
                if after == '"':
                    position = end + 2
                    continue
                if after in (delimiter, "\n", "\r", ""):
                    position = end + 1
                    break
                following = _CLOSE.match(text, end + 1)
                spaces = following is not None and following["next"] in (delimiter, "\n", "\r", "")
                return _Fault(index, opened, line, spaces)
            at_start = False
            continue
        if char == delimiter:
            index, at_start = index + 1, True
        elif char in "\r\n":
            break  # the record ended without a fault in it
        else:
            at_start = False
        position += 1
    return _Fault(index, 0, None)


def _row_inside(
    record: list[str], delimiter: str, header_width: int
) -> tuple[int, int, str] | None:
    """A line inside a (properly closed) quoted cell that looks like a row of its own:
    it holds more than half as many delimiters as the header. A description over
    several lines rarely does; rows swallowed by a missing closing quote always do."""
    threshold = max(1, min(header_width - 1, (header_width - 1) // 2 + 1))
    for index, cell in enumerate(record):
        for offset, part in enumerate(re.split(r"\r\n|\r|\n", cell)[1:], start=2):
            if part.count(delimiter) >= threshold:
                return index, offset, part
    return None


def _column_of(header: tuple[int, list[Any]] | None, row: int, index: int) -> str | None:
    """The header text above cell ``index`` of ``row``, as the user wrote it."""
    if header is None or row <= header[0] or index >= len(header[1]):
        return None
    return cell_text(header[1][index])


def _check_mixed(
    name: str,
    header: tuple[int, list[Any]],
    records: list[tuple[int, list[str]]],
    delimiter: str,
) -> None:
    """One clear error when the header is split by one delimiter and the rows by another.

    Without it, every row would be one long first cell and every other cell empty:
    a hundred errors and not a word about the cause.
    """
    header_row, header_cells = header
    if len(header_cells) < 2:
        return
    sample = [(n, r) for n, r in records if any(cell.strip() for cell in r)][:100]
    if not sample:
        return
    others = [d for d in _DELIMITERS if d != delimiter]
    votes: dict[str, list[int]] = {d: [] for d in others}
    width = len(header_cells)
    for number, record in sample:
        if len(record) >= width:
            continue
        counts = _outside_quotes(delimiter.join(record))
        best = max(others, key=lambda d: counts[d])
        # Split by ``best``, the row would have more cells than it has, and at least half a header.
        if counts[best] >= max(1, (width - 1) // 2, len(record)):
            votes[best].append(number)
    other = max(others, key=lambda d: len(votes[d]))
    if len(votes[other]) * 2 < len(sample):
        return
    used, mixed = _delimiter_name(delimiter), _delimiter_name(other)
    both = mistake("mixed_delimiters", used=used, mixed=mixed, row=str(votes[other][0]))
    raise InputError(Problem(name, both, header_row))


def _check_wide(
    name: str,
    header: tuple[int, list[Any]],
    records: list[tuple[int, Sequence[Any]]],
    delimiter: str,
) -> None:
    """An error for rows with filled cells beyond the header: an unquoted delimiter in a
    cell (``7,00`` or ``Gebouw A, vleugel Noord``) shifts every cell after it, and the
    cells pushed past the header would otherwise vanish without a word."""
    width = len(header[1])
    while width and not cell_text(header[1][width - 1]):
        width -= 1  # empty header cells at the end name no column
    wide = [(n, len(r)) for n, r in records if any(cell.strip() for cell in r[width:])]
    if not wide:
        return
    number, cells = wide[0]
    problem = mistake(
        "row_too_wide",
        cells=str(cells),
        width=str(width),
        delimiter=_delimiter_name(delimiter),
        rows=_listing(_spans([n for n, _ in wide])),
    )
    raise InputError(Problem(name, problem, number))


def _split_header(
    numbered: list[tuple[int, list[Any]]],
) -> tuple[tuple[int, list[Any]] | None, list[tuple[int, list[Any]]]]:
    """The first non-empty record is the header; the records after it are data."""
    for index, (number, record) in enumerate(numbered):
        if any(cell_text(value) for value in record):
            return (number, list(record)), numbered[index + 1 :]
    return None, []


# --- XLSX ----------------------------------------------------------------------------------


@dataclass
class _Marks:
    """What the values of a sheet do not tell: formulas without a saved value, merged cells,
    and the rows and columns Excel hides (by hand, by a filter or in a collapsed outline)."""

    formulas: dict[int, dict[int, str]] = field(default_factory=dict)  # row -> column -> formula
    merged: list[tuple[int, int, int, int, str]] = field(default_factory=list)  # rows, cols, ref
    hidden_rows: list[list[int]] = field(default_factory=list)  # runs [first, last], ascending
    hidden_columns: list[tuple[int, int]] = field(default_factory=list)  # ranges (first, last)
    filtered: bool = False  # a filter with criteria is on, so hidden rows may be filtered out
    incomplete: bool = False  # more than _MAX_MARKS hidden runs: the later ones are not known


def _damaged(name: str, error: BaseException) -> InputError:
    return InputError(Problem(name, mistake("damaged", error=type(error).__name__)))


@contextmanager
def _open_xlsx(
    data: bytes, name: str, what: Phrase, sheet_names: tuple[str, ...]
) -> Iterator[_Raw]:
    """A workbook, streamed: memory and time follow the cells in the file, not the sheet's
    extent, so a stray cell at XFD1048576 costs nothing."""
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        archive = zipfile.ZipFile(io.BytesIO(data))
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        raise _damaged(name, error) from None
    try:
        sheets = workbook.worksheets
        if not sheets:
            raise InputError(Problem(name, mistake("no_sheet")))
        try:
            parts = _Parts(archive)
            sheet, notes = _choose_sheet(sheets, parts, name, what, sheet_names)
            part = parts.of(sheet)
            if part is None:
                raise InputError(Problem(name, mistake("sheet_missing", sheet=repr(sheet.title))))
            sheet.reset_dimensions()  # a wrong <dimension> would silently cut rows off
            marks = _sheet_marks(archive, part)
            header = _xlsx_header(sheet)
        except InputError:
            raise
        except Exception as error:
            raise _damaged(name, error) from None

        def records(width: int) -> Iterator[tuple[int, list[Any]]]:
            if header is None or width == 0:
                return
            try:
                yield from _xlsx_rows(sheet, header[0], width, marks)
            except Exception as error:
                raise _damaged(name, error) from None

        yield _Raw(header, records, notes=notes, marks=marks, sheet=sheet.title)
    finally:
        archive.close()
        workbook.close()


#: openpyxl's private attribute with a read-only sheet's part (openpyxl 3.1); only a fallback.
_OPENPYXL_PATH = "_worksheet_path"


class _Parts:
    """Where each worksheet lives inside the archive (its XML part).

    Found as the Open Packaging Conventions prescribe (ECMA-376 part 2): the package's
    relationships name the workbook part, the workbook's relationships name the sheet
    parts. openpyxl resolves the same paths but keeps them in a private attribute
    (``_worksheet_path``, openpyxl 3.1) with no public API, so we do not depend on it,
    except as the fallback in :meth:`of`.
    """

    def __init__(self, archive: zipfile.ZipFile) -> None:
        self.archive = archive
        self.members = {member.lower(): member for member in archive.namelist()}
        try:
            self.by_title = self._resolve()
        except (KeyError, OSError, ValueError, SyntaxError, zipfile.BadZipFile):
            self.by_title = {}  # XML errors are SyntaxError (ParseError) or ValueError

    def of(self, sheet: Any) -> str | None:
        """The archive member holding ``sheet``, or ``None`` when the package does not say.

        A package that names its parts in a way we do not resolve (all known writers
        follow the standard) falls back on the path openpyxl found, read through
        ``getattr`` so that an openpyxl without the private attribute gives ``None``,
        and the caller refuses the workbook rather than misread it.
        """
        part = self.by_title.get(sheet.title)
        if part is None:
            private = getattr(sheet, _OPENPYXL_PATH, None)
            if isinstance(private, str):
                part = self.members.get(private.lstrip("/").lower())
        return part

    def _resolve(self) -> dict[str, str]:
        from openpyxl.xml.functions import iterparse

        workbook = next(
            (target for kind, _, target in self._relations("") if kind.endswith("/officeDocument")),
            None,
        )
        if workbook is None:
            return {}
        targets = {key: target for _, key, target in self._relations(workbook)}
        found: dict[str, str] = {}
        with self.archive.open(workbook) as source:
            for _, element in iterparse(source):
                tag = element.tag.rpartition("}")[2]
                if tag == "sheets":
                    break
                if tag != "sheet":
                    continue
                key = next((v for k, v in element.attrib.items() if k.endswith("}id")), None)
                title, target = element.get("name"), targets.get(key or "")
                if title is not None and target is not None:
                    found.setdefault(title, target)
        return found

    def _relations(self, part: str) -> list[tuple[str, str, str]]:
        """(type, id, archive member) of each relationship of ``part`` (``""``: the package)
        whose target is in the archive."""
        from openpyxl.xml.functions import iterparse

        folder, file = posixpath.split(part)
        rels = self.members.get(posixpath.join(folder, "_rels", f"{file}.rels").lower())
        if rels is None:
            return []
        found = []
        with self.archive.open(rels) as source:
            for _, element in iterparse(source):
                tag = element.tag.rpartition("}")[2]
                if tag != "Relationship" or element.get("TargetMode") == "External":
                    continue
                target = unquote(element.get("Target") or "")
                if target.startswith("/"):
                    path = target.lstrip("/")
                else:
                    path = posixpath.normpath(posixpath.join(folder, target))
                member = self.members.get(path.lower())
                if member is not None:
                    found.append((element.get("Type") or "", element.get("Id") or "", member))
        return found


def _choose_sheet(
    sheets: Sequence[Any], parts: _Parts, name: str, what: Phrase, sheet_names: tuple[str, ...]
) -> tuple[Any, list[Problem]]:
    """The sheet to read, and notes for the user when the choice may surprise.

    A sheet named as ``sheet_names`` says wins, even when hidden (it is named for this
    reader). Otherwise the first visible sheet, the first tab the user sees; a hidden
    sheet before it usually holds the lists behind drop-downs. When another sheet holds
    something too, the note names the sheet read and how to choose another.
    """
    title = named_sheet([ws.title for ws in sheets], sheet_names)
    named = next((ws for ws in sheets if ws.title == title), None)
    if named is not None:
        if named.sheet_state == "visible":
            return named, []
        return named, [
            Problem(name, mistake("named_sheet_hidden", sheet=repr(named.title), what=what))
        ]
    visible = [ws for ws in sheets if ws.sheet_state == "visible"]
    sheet = visible[0] if visible else sheets[0]
    others = []
    for ws in sheets[:_MAX_SHEETS]:
        part = parts.of(ws) if ws is not sheet else None
        if part is not None and _has_values(parts.archive, part):
            others.append(ws)
    how = mistake("first_visible" if visible else "first_of_hidden")
    if not others:
        if visible:
            return sheet, []
        return sheet, [Problem(name, mistake("all_hidden", sheet=repr(sheet.title), what=what))]
    listed = _listed([_sheet_label(ws) for ws in others[:5]], _more(len(others) - 5))
    choose = mistake("move_front")
    if sheet_names:
        names: Phrase | str = repr(sheet_names[-1])
        for other in reversed(sheet_names[:-1]):
            names = mistake("either", a=repr(other), b=names)
        choose = mistake("name_sheet", names=names)
    others_note = mistake(
        "other_sheets",
        n=len(sheets),
        sheet=repr(sheet.title),
        how=how,
        what=what,
        others=listed,
        m=len(others),
        choose=choose,
    )
    return sheet, [Problem(name, others_note)]


def _sheet_label(sheet: Any) -> Phrase | str:
    title = repr(sheet.title)
    return title if sheet.sheet_state == "visible" else mistake("hidden_sheet", sheet=title)


def _has_values(archive: zipfile.ZipFile, part: str) -> bool:
    """Whether a sheet holds a value or formula; it reads only up to the first one, and a
    sheet with more than :data:`_MAX_PEEK` XML elements before it counts as holding one."""
    from openpyxl.xml.functions import iterparse

    try:
        with archive.open(part) as source:
            for seen, (_, element) in enumerate(iterparse(source)):
                if element.tag.rpartition("}")[2] in ("v", "t", "f") and element.text:
                    return True
                if seen > _MAX_PEEK:
                    return True
    except (KeyError, OSError, ValueError, SyntaxError, zipfile.BadZipFile):
        return True  # not readable: mention it rather than call it empty
    return False


def _xlsx_header(sheet: Any) -> tuple[int, list[Any]] | None:
    """The first row with any text in its first :data:`MAX_COLUMNS` columns, trimmed."""
    gap: object = None
    for number, cells in enumerate(sheet.iter_rows(max_col=MAX_COLUMNS), start=1):
        if cells is gap:  # openpyxl fills rows absent from the file with one shared tuple
            continue
        values = [cell.value for cell in cells]
        filled = [i for i, value in enumerate(values) if cell_text(value) is not None]
        if filled:
            return number, values[: filled[-1] + 1]
        gap = cells
    return None


def _xlsx_rows(
    sheet: Any, header_row: int, width: int, marks: _Marks
) -> Iterator[tuple[int, list[Any]]]:
    """The data rows below the header that hold anything in their first ``width`` columns."""
    fills: dict[str, Any] = {}  # the value of each merged range that runs down one column
    pending = sorted(m for m in marks.merged if m[2] > header_row and m[1] <= width)
    active: list[tuple[int, int, int, int, str]] = []
    gap: object = None
    rows = sheet.iter_rows(min_row=header_row + 1, max_col=width)
    for number, cells in enumerate(rows, start=header_row + 1):
        if cells is gap:
            continue
        values = [_value(cell) for cell in cells]
        for column, formula in marks.formulas.get(number, {}).items():
            if column <= width and values[column - 1] is None:
                shown = f" ({formula})" if formula else ""
                values[column - 1] = _Unreadable(mistake("unsaved_formula", formula=shown))
        while pending and pending[0][0] <= number:
            active.append(pending.pop(0))
        active = [m for m in active if m[2] >= number]
        if all(value is None for value in values):
            if not marks.formulas.get(number):
                gap = cells
            continue
        for top, left, _bottom, right, ref in active:
            if left == right:  # merged down one column: the value counts for each row
                if number == top:
                    fills[ref] = values[left - 1]
                elif values[left - 1] is None:
                    values[left - 1] = fills.get(ref)
                continue
            for column in range(left, min(right, width) + 1):
                if (number, column) != (top, left):
                    values[column - 1] = _Unreadable(mistake("merged", ref=ref), key=ref)
        yield number, values


def _value(cell: Any) -> Any:
    """A cell's value; a date in a cell formatted as a time is the time the cell shows."""
    value = cell.value
    # A cell of a day or more (24:00 as an end, a duration of 25:30) keeps its date, for
    # the parser to judge: cut to its time of day it read as 00:00 and 01:30.
    if isinstance(value, dt.datetime) and not excel_days(value):
        try:
            if _is_time_format(cell.number_format):
                return value.time()
        except (AttributeError, IndexError, KeyError, TypeError):
            pass  # a style the file does not define: keep the date, which the reader refuses
    return value


def _is_time_format(number_format: str) -> bool:
    """``hh:mm`` and ``h:mm:ss AM/PM`` show a time only; ``dd-mm-yy hh:mm`` shows a date."""
    text = re.sub(r'"[^"]*"|\\.|\[(?![hms]+\])[^\]]*\]', "", str(number_format).lower())
    letters = set(re.findall(r"[a-z]", text))
    return bool(letters & {"h", "s"}) and not letters & {"d", "y", "e", "g", "b"}


def _sheet_marks(archive: zipfile.ZipFile, part: str) -> _Marks:
    """Formulas whose result was never saved, merged ranges and hidden rows and columns:
    values alone do not show them (openpyxl gives ``None`` for the first two, and its
    read-only mode knows nothing of the others), yet each can send the user astray."""
    from openpyxl.utils.cell import coordinate_to_tuple, range_boundaries
    from openpyxl.xml.functions import iterparse

    marks = _Marks()
    count = 0
    number = 0  # the current row: ``r`` may be left out, then rows follow one another
    with archive.open(part) as source:
        parent = None
        for event, element in iterparse(source, events=("start", "end")):
            tag = element.tag.rpartition("}")[2]
            if event == "start":
                if tag == "sheetData":
                    parent = element
                elif tag == "row":
                    number = _whole(element.get("r"), number + 1)
                continue
            if tag == "c":
                formula = _child(element, "f")
                saved = _child(element, "v")
                # An empty saved text string (``t="str"``) is a result, Excel's ``""`` (a
                # template's =IF(D5="","",...)); openpyxl writes formulas with an untyped <v/>.
                empty_text = saved is not None and element.get("t") == "str"
                if formula is not None and (saved is None or not saved.text) and not empty_text:
                    reference = element.get("r")
                    if reference and count < _MAX_MARKS:
                        row, column = coordinate_to_tuple(reference)
                        text = f"={formula.text}" if formula.text else ""
                        marks.formulas.setdefault(row, {})[column] = text
                        count += 1
            elif tag == "row" and parent is not None:
                if len(element) and _true(element.get("hidden")):  # a hidden row with cells
                    runs = marks.hidden_rows
                    if runs and runs[-1][1] == number - 1:
                        runs[-1][1] = number
                    elif count < _MAX_MARKS:
                        runs.append([number, number])
                        count += 1
                    else:
                        marks.incomplete = True
                parent.clear()  # keep memory flat over a million rows
            elif tag == "col" and _true(element.get("hidden")) and count < _MAX_MARKS:
                first = _whole(element.get("min"), 0)
                marks.hidden_columns.append((first, _whole(element.get("max"), first)))
                count += 1
            elif tag == "filterColumn" or (tag == "sheetPr" and _true(element.get("filterMode"))):
                marks.filtered = True
            elif tag == "mergeCell" and count < _MAX_MARKS:
                ref = element.get("ref") or ""
                try:
                    left, top, right, bottom = range_boundaries(ref)
                except (TypeError, ValueError):
                    continue
                if left is None or top is None or right is None or bottom is None:
                    continue  # whole rows or columns ("A:B"): no cell range
                if (left, top) != (right, bottom):
                    marks.merged.append((top, left, bottom, right, ref))
                    count += 1
    marks.hidden_rows.sort()  # rows are stored in order, but a writer may not keep to it
    return marks


def _whole(text: str | None, default: int) -> int:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default


def _true(text: str | None) -> bool:
    """An XML boolean attribute (``1`` or ``true``)."""
    return text is not None and text.strip().lower() in ("1", "true")


def _child(element: Any, tag: str) -> Any:
    for child in element:
        if child.tag.rpartition("}")[2] == tag:
            return child
    return None


def _hidden_notes(
    name: str, raw: _Raw, header: tuple[int, list[Any]], positions: dict[str, int], rows: list[int]
) -> list[Problem]:
    """Warnings for hidden rows and columns that were read: a row hidden as "not relevant"
    or filtered out of view still counts, and the user should know before trusting a result."""
    marks = raw.marks
    if marks is None:
        return []
    notes = []
    sheet = repr(raw.sheet)
    runs = _spans(_hidden_among(marks.hidden_rows, [header[0], *rows]))
    if runs:
        hidden_rows = mistake(
            "hidden_rows",
            n=sum(last - first + 1 for first, last in runs),
            rows=_listing(runs),
            sheet=sheet,
            filtered=mistake("filter_on") if marks.filtered else "",
            more=mistake("maybe_more_rows") if marks.incomplete else "",
        )
        notes.append(Problem(name, hidden_rows))
    hidden = sorted(
        index
        for index in positions.values()
        if any(first <= index + 1 <= last for first, last in marks.hidden_columns)
    )
    if hidden:
        from openpyxl.utils.cell import get_column_letter

        names = [f"{cell_text(header[1][i])!r} ({get_column_letter(i + 1)})" for i in hidden]
        hidden_columns = mistake(
            "hidden_columns", n=len(hidden), columns=_listed(list(names)), sheet=sheet
        )
        notes.append(Problem(name, hidden_columns))
    return notes


def _hidden_among(runs: list[list[int]], numbers: list[int]) -> list[int]:
    """The ``numbers`` (ascending) that lie in one of the ``runs`` (ascending ``[first, last]``)."""
    starts = [first for first, _ in runs]
    found = []
    for number in numbers:
        at = bisect.bisect_right(starts, number) - 1
        if at >= 0 and number <= runs[at][1]:
            found.append(number)
    return found


def _spans(numbers: list[int]) -> list[tuple[int, int]]:
    """Ascending numbers as runs of consecutive ones: 5, 6, 7, 12 -> (5, 7), (12, 12)."""
    spans: list[tuple[int, int]] = []
    for number in numbers:
        if spans and spans[-1][1] == number - 1:
            spans[-1] = (spans[-1][0], number)
        else:
            spans.append((number, number))
    return spans


def _listing(runs: list[tuple[int, int]], limit: int = 10) -> Phrase | str:
    """``5–7, 12 and 20``; beyond ``limit`` runs, how many rows more."""
    shown: list[Phrase | str] = [
        str(first) if first == last else f"{first}–{last}" for first, last in runs
    ]
    rest = sum(last - first + 1 for first, last in runs[limit:])
    return _listed(shown[:limit], mistake("more_rows", n=rest) if rest else None)


def _more(count: int) -> Phrase | None:
    """``5 more`` when ``count`` items were left out of a list (``None``: none were)."""
    return mistake("more", n=count) if count > 0 else None


def _listed(items: Sequence[Phrase | str], more: Phrase | None = None) -> Phrase | str:
    """``a, b and c`` in the message's language; with ``more``, ``a, b, c and <more>``."""
    if more is not None:
        return mistake("and", a=tuple(items), b=more)
    if len(items) < 2:
        return items[0] if items else ""
    return mistake("and", a=tuple(items[:-1]), b=items[-1])


# --- DataFrames ----------------------------------------------------------------------------


def _read_dataframe(frame: object) -> _Raw:
    import pandas as pd

    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"expected a path or a pandas DataFrame, got {type(frame).__name__}")
    header = [str(c) for c in frame.columns]
    records = [
        (number, [None if _is_missing(v) else v for v in values])
        for number, values in enumerate(frame.itertuples(index=False, name=None), start=2)
    ]
    return _Raw((1, header), lambda width: records)


def _is_missing(value: object) -> bool:
    import pandas as pd

    try:
        # pd.isna takes any object (a cell may hold one); the stubs list only its scalars
        return bool(pd.isna(value))  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return False
