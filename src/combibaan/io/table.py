"""Reading a table the user made: CSV (``,`` or ``;``, UTF-8 or Windows-1252), XLSX, or a DataFrame.

Every reader of combibaan goes through :func:`read_table`, so every input file
follows the same rules: header names in English or Dutch, unknown columns
ignored, rows numbered as a spreadsheet shows them (header = row 1), and every
way a file can be unreadable turned into an :class:`InputError` that says what
to fix.
"""

from __future__ import annotations

import csv
import io
import re
import warnings
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from combibaan.io.errors import InputError, Problem, source_name
from combibaan.io.parsing import cell_text

_XLSX_SUFFIXES = {".xlsx", ".xlsm"}
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # the old binary .xls format
_DELIMITERS = (",", ";", "\t")


@dataclass(frozen=True)
class Column:
    """A column a reader knows: its English name and the other headers accepted for it."""

    name: str
    aliases: tuple[str, ...] = ()
    required: bool = False

    @property
    def label(self) -> str:
        """The name with its alternatives, for messages: ``task_id (or taak_id, taak)``."""
        if not self.aliases:
            return repr(self.name)
        return f"{self.name!r} (or {', '.join(repr(a) for a in self.aliases)})"


@dataclass(frozen=True)
class Row:
    """One data row: its spreadsheet number and its known cells (``None`` when empty)."""

    number: int
    cells: dict[str, Any]

    def text(self, column: str) -> str | None:
        return cell_text(self.cells.get(column))

    def is_empty(self) -> bool:
        return all(cell_text(value) is None for value in self.cells.values())


@dataclass(frozen=True)
class Table:
    """The known columns of an input, row by row.

    ``delimiter`` is the CSV delimiter (``None`` for XLSX and DataFrames), so that
    list cells can be split on the separators the file does not already use.
    """

    source: str
    rows: tuple[Row, ...]
    columns: tuple[str, ...]
    delimiter: str | None = None

    def problem(self, message: str, row: int | None = None, column: str | None = None) -> Problem:
        return Problem(self.source, message, row, column)


def _normalise_header(name: object) -> str:
    text = cell_text(name) or ""
    return re.sub(r"[\s\-]+", "_", text.lower())


def read_table(
    source: object,
    columns: Sequence[Column],
    *,
    what: str,
    sheet_names: Iterable[str] = (),
) -> Table:
    """Read ``source`` (a path or a DataFrame) and keep the ``columns`` it has.

    ``what`` names the content in messages (``"tasks"``); ``sheet_names`` are the
    XLSX sheets to prefer over the first one. Raises :class:`InputError` for an
    unreadable file or missing required columns; cell values are not checked here.
    """
    name = source_name(source)
    if isinstance(source, str | Path):
        header, records, delimiter = _read_path(Path(source), name, what, tuple(sheet_names))
    else:
        header, records, delimiter = _read_dataframe(source)
    return _to_table(name, header, records, delimiter, columns, what)


def _expected(columns: Sequence[Column]) -> str:
    return ", ".join(c.name for c in columns if c.required)


def _to_table(
    name: str,
    header_and_number: tuple[int, list[Any]] | None,
    records: Iterable[tuple[int, Sequence[Any]]],
    delimiter: str | None,
    columns: Sequence[Column],
    what: str,
) -> Table:
    if header_and_number is None:
        raise InputError(
            Problem(
                name,
                f"no {what}: the file is empty; it needs a header row with the columns "
                f"{_expected(columns)} and one row per line below it",
            )
        )
    header_row, header = header_and_number
    lookup = {_normalise_header(alias): c.name for c in columns for alias in (c.name, *c.aliases)}
    positions: dict[str, int] = {}
    problems: list[Problem] = []
    for index, raw in enumerate(header):
        known = lookup.get(_normalise_header(raw))
        if known is None:
            continue
        if known in positions:
            first = cell_text(header[positions[known]])
            problems.append(
                Problem(
                    name,
                    f"the columns {first!r} and {cell_text(raw)!r} both mean {known!r}; "
                    "remove or rename one of them",
                    header_row,
                    known,
                )
            )
            continue
        positions[known] = index
    found = ", ".join(repr(h) for h in (cell_text(h) for h in header) if h) or "nothing"
    for column in columns:
        if column.required and column.name not in positions:
            problems.append(
                Problem(
                    name,
                    f"missing column {column.label}; add it to the header row "
                    f"(the header row has: {found})",
                    None,
                    column.name,
                )
            )
    if problems:
        raise InputError(problems)
    rows = []
    for number, values in records:
        cells = {col: values[i] if i < len(values) else None for col, i in positions.items()}
        row = Row(number, cells)
        if not row.is_empty():
            rows.append(row)
    return Table(name, tuple(rows), tuple(positions), delimiter)


# --- files ---------------------------------------------------------------------------------


def _read_path(
    path: Path, name: str, what: str, sheet_names: tuple[str, ...]
) -> tuple[tuple[int, list[Any]] | None, list[tuple[int, Sequence[Any]]], str | None]:
    def fail(message: str) -> InputError:
        return InputError(Problem(name, message))

    if path.is_dir():
        raise fail(f"this is a folder, not a file; give the {what} file (CSV or XLSX) inside it")
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise fail(f"file not found; check the path and the file name of the {what} file") from None
    except OSError as error:
        raise fail(
            f"cannot open the file ({error.strerror or error}); check its permissions"
        ) from None
    suffix = path.suffix.lower()
    if data.startswith(_OLE_MAGIC) or suffix == ".xls":
        raise fail("this is an old Excel .xls file; save it as .xlsx or as CSV and try again")
    if suffix == ".ods":
        raise fail("this is an OpenDocument spreadsheet; save it as .xlsx or as CSV and try again")
    if suffix in _XLSX_SUFFIXES or data.startswith(_ZIP_MAGIC):
        return (*_read_xlsx(data, name, sheet_names), None)
    return _read_csv(data, name)


def _decode(data: bytes, name: str) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    if b"\x00" in data:
        raise InputError(
            Problem(
                name,
                "this is not a CSV or XLSX file (it holds binary data); save it as CSV or XLSX",
            )
        )
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InputError(
        Problem(
            name,
            "cannot read the text: it is neither UTF-8 nor Windows-1252; "
            "save it from Excel as 'CSV UTF-8' and try again",
        )
    )


def _detect_delimiter(line: str) -> str:
    """The delimiter that occurs most in the header line outside quotes; ``,`` on a tie."""
    counts = dict.fromkeys(_DELIMITERS, 0)
    quoted = False
    for char in line:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
    return max(_DELIMITERS, key=lambda d: counts[d])  # max keeps the first on a tie


def _read_csv(
    data: bytes, name: str
) -> tuple[tuple[int, list[Any]] | None, list[tuple[int, Sequence[Any]]], str]:
    text = _decode(data, name)
    lines = text.splitlines()
    # Excel honours (and hides) a first line "sep=;"; so do we.
    explicit = re.fullmatch(r"sep=(.)", lines[0].strip()) if lines else None
    if explicit:
        text = text.split("\n", 1)[1] if "\n" in text else ""
        delimiter = explicit.group(1)
    else:
        first = next((line for line in lines if line.strip()), "")
        delimiter = _detect_delimiter(first)
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as error:
        raise InputError(
            Problem(name, f"cannot read this as CSV ({error}); check the quotes in the file")
        ) from None
    numbered = [(i, rec) for i, rec in enumerate(records, start=1)]
    return (*_split_header(numbered), delimiter)


def _split_header(
    numbered: list[tuple[int, Sequence[Any]]],
) -> tuple[tuple[int, list[Any]] | None, list[tuple[int, Sequence[Any]]]]:
    """The first non-empty record is the header; the records after it are data."""
    for index, (number, record) in enumerate(numbered):
        if any(cell_text(value) for value in record):
            return (number, list(record)), numbered[index + 1 :]
    return None, []


def _read_xlsx(
    data: bytes, name: str, sheet_names: tuple[str, ...]
) -> tuple[tuple[int, list[Any]] | None, list[tuple[int, Sequence[Any]]]]:
    import openpyxl

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            workbook = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        raise InputError(
            Problem(
                name,
                f"cannot open this as an Excel workbook ({type(error).__name__}); "
                "is it damaged? Save it again from Excel as .xlsx, or export it as CSV",
            )
        ) from None
    wanted = {s.lower() for s in sheet_names}
    sheet = next((ws for ws in workbook.worksheets if ws.title.strip().lower() in wanted), None)
    if sheet is None:
        sheet = workbook.worksheets[0]
    numbered = [(i, list(rec)) for i, rec in enumerate(sheet.iter_rows(values_only=True), start=1)]
    workbook.close()
    return _split_header(numbered)


# --- DataFrames ----------------------------------------------------------------------------


def _read_dataframe(
    frame: object,
) -> tuple[tuple[int, list[Any]] | None, list[tuple[int, Sequence[Any]]], None]:
    import pandas as pd

    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"expected a path or a pandas DataFrame, got {type(frame).__name__}")
    header = [str(c) for c in frame.columns]
    records = [
        (number, [None if _is_missing(v) else v for v in values])
        for number, values in enumerate(frame.itertuples(index=False, name=None), start=2)
    ]
    return (1, header), records, None


def _is_missing(value: object) -> bool:
    import pandas as pd

    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False
