"""Random files into the readers and the installed command: a result or an InputError, nothing else.

The readers see random bytes, random CSV text (random delimiters, quotes and line
breaks, headers drawn from the real ones, cells from a pool of the things people
and spreadsheets write) and random workbooks (numbers, dates, times, durations,
booleans, formulas, merged cells, cells far away). Every input must end, quickly,
in an :class:`~combibaan.model.Instance` or in an :class:`InputError`; the command
must exit 0 or 2 without a traceback. Derandomised, so CI sees the same cases.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import tempfile
import time
from pathlib import Path

import openpyxl
from conftest import combibaan_command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.utils import get_column_letter

from combibaan.io import InputError, Problem, read_instance, read_policy
from combibaan.io.grid import read_grid
from combibaan.io.suppliers import SUPPLIER_COLUMNS
from combibaan.io.tasks import TASK_COLUMNS
from combibaan.io.travel import TRAVEL_COLUMNS
from combibaan.model import Instance
from combibaan.model.phrase import say
from combibaan.rules import Policy

GOOD_TASKS = "task_id,supplier,days,start,end,location\nT1,Asito,ma-vr,07:00,10:00,Main\n"
#: Seconds one reading may take, however hostile the file.
READ_SECONDS = 5.0

FUZZ = settings(
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

COLUMNS = {"tasks": TASK_COLUMNS, "travel": TRAVEL_COLUMNS, "suppliers": SUPPLIER_COLUMNS}

WORDS = [
    *("ma-vr", "ma t/m vr", "do-di", "vr-ma", "werkdagen", "za", "mon-fri", "xx", "weekend"),
    *("07:30", "07.30", "7.5", "13,5", "24:00", "22:00", "06:00", "0730", "7", "25:00"),
    *("-1", "0", "10", "2,5", "inf", "nan", "1e309", "1e9", "#N/A", "#REF!"),
    *('=HYPERLINK("http://x")', "+cmd|' /C calc'!A0", "@SUM(A1)", "[bold]x[/]", "[policy]"),
    *("Main", "Annex", "main", "Lab", "T1", "T2", "T1", "Asito", "Sodexo", "a|b", "a;b,c"),
    *('"', '""', '"quoted, text"', "line\nbreak", "é€™ ñ", "sep=;", "\x1b[31mred", " ", ""),
]
CELL = st.one_of(
    st.sampled_from(WORDS), st.text(st.characters(blacklist_characters="\x00"), max_size=10)
)


#: What people put in each column: mostly right, sometimes not.
PLAUSIBLE = {
    "task_id": ["T1", "T2", "T3", "T1", "1", "[x]"],
    "supplier": ["Asito", "Sodexo", "Maas", "[red]Asito"],
    "days": ["ma-vr", "ma", "di,do", "weekend", "vr-zo,ma", "do-di", "xx"],
    "start": ["07:00", "11:00", "22:00", "7", "0730", "7.5", "24:00"],
    "end": ["10:00", "14:00", "06:00", "24:00", "13,5", "25:00"],
    "location": ["Main", "Annex", "Lab", "main"],
    "competencies": ["a|b", "x", "a;b"],
    "from": ["Main", "Annex", "Lab", "Hub"],
    "to": ["Main", "Annex", "Lab", "Hub"],
    "minutes": ["5", "10", "2,5", "0", "inf", "-1", "1e309", "2000"],
    "sroi_hours_target": ["100", "1200,5", "1e12", "lots"],
}
TYPED = {
    "start": [dt.time(7), dt.time(22), 0.3125, 7.5, dt.datetime(2024, 5, 1, 7), dt.time(0)],
    "end": [dt.time(10), dt.time(6), 0.5, 13.5, dt.timedelta(hours=24), dt.datetime(1900, 1, 1)],
    "minutes": [5, 2.5, 1e308, -3, 10**15],
    "task_id": [1, 2.0, True],
}


def _canonical(role: str, header: str) -> str | None:
    key = header.strip().lower()
    return next(
        (c.name for c in COLUMNS[role] if key in (c.name, *(a.lower() for a in c.aliases))), None
    )


@st.composite
def _header(draw: st.DrawFn, role: str) -> list[str]:
    """Mostly a header that fits (so that the cells get read), sometimes a broken one."""
    columns = COLUMNS[role]
    if draw(st.integers(0, 3)) == 0:
        names = [alias for c in columns for alias in (c.name, c.name.upper(), *c.aliases)]
        return draw(st.lists(st.sampled_from([*names, "notes", "Extra", ""]), max_size=9))
    chosen = [c for c in columns if c.required or draw(st.booleans())]
    header = [draw(st.sampled_from([c.name, c.name.upper(), *c.aliases])) for c in chosen]
    if draw(st.booleans()):
        header.append(draw(st.sampled_from(["notes", "Extra", ""])))
    return list(draw(st.permutations(header)))


def _cell(role: str, header: str, typed: bool) -> st.SearchStrategy[object]:
    column = _canonical(role, header)
    pool: list[object] = [*PLAUSIBLE.get(column or "", []), ""]
    if typed:
        pool += TYPED.get(column or "", [])
    other = XLSX_VALUE if typed else CELL
    return st.one_of(st.sampled_from(pool), st.sampled_from(pool), other)


def _rows(
    draw: st.DrawFn, role: str, header: list[str], typed: bool, most: int
) -> list[list[object]]:
    rows = []
    for _ in range(draw(st.integers(0, most))):
        row = [draw(_cell(role, name, typed)) for name in header]
        if draw(st.integers(0, 4)) == 0:  # a ragged row: cells missing or extra
            extra = draw(st.lists(XLSX_VALUE if typed else CELL, max_size=2))
            row = row[: draw(st.integers(0, len(row)))] + extra
        rows.append(row)
    return rows


def _csv_cell(value: str, delimiter: str, quoting: int) -> str:
    if quoting == 0:
        return value  # raw: may hold delimiters, quotes and line breaks
    if quoting == 1:
        return '"' + value.replace('"', '""') + '"'
    return '"' + value  # a quote that never closes


@st.composite
def csv_files(draw: st.DrawFn, role: str) -> bytes:
    """A CSV as a sloppy person or a broken export writes it."""
    header_delimiter = draw(st.sampled_from([",", ";", "\t", "|"]))
    delimiter = draw(st.sampled_from([header_delimiter, header_delimiter, ",", ";"]))
    header = draw(_header(role))
    lines = [header_delimiter.join(header)]
    for row in _rows(draw, role, header, typed=False, most=12):
        kinds = st.sampled_from([0] * 12 + [1, 1, 2])
        quoting = draw(st.lists(kinds, min_size=len(row), max_size=len(row)))
        cells = (_csv_cell(str(v), delimiter, q) for v, q in zip(row, quoting, strict=True))
        lines.append(delimiter.join(cells))
    if draw(st.booleans()):
        lines.insert(0, f"sep={delimiter}")
    text = draw(st.sampled_from(["\n", "\r\n", "\r"])).join(lines)
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16"]))
    return text.encode(encoding, errors="replace")


XLSX_VALUE = st.one_of(
    st.none(),
    CELL.map(lambda text: ILLEGAL_CHARACTERS_RE.sub("", text)),
    st.integers(-(10**6), 10**12),
    st.floats(allow_nan=False, allow_infinity=False),
    st.floats(min_value=0, max_value=1),
    st.dates(dt.date(1900, 3, 1), dt.date(2100, 1, 1)),
    st.datetimes(dt.datetime(1900, 3, 1), dt.datetime(2100, 1, 1)),
    st.sampled_from([dt.datetime(1899, 12, 30, 7, 30), dt.datetime(1900, 1, 1)]),
    st.times(),
    st.timedeltas(dt.timedelta(0), dt.timedelta(days=3)),
    st.booleans(),
    st.sampled_from(["=A1", "=SUM(A:A)", "=1/0", "=NOW()", '=CONCAT("a","b")', "=B2+1"]),
)


@st.composite
def xlsx_files(draw: st.DrawFn, role: str, folder: Path) -> Path:
    """A workbook with every kind of cell, merged ranges and stray cells far away."""
    book = openpyxl.Workbook()
    sheet = book.active
    if draw(st.booleans()):
        sheet.title = draw(st.sampled_from(["taken", "tasks", "travel", "Blad1", "x"]))
    header = draw(_header(role))
    sheet.append(header)
    for row in _rows(draw, role, header, typed=True, most=8):
        sheet.append(row)
    far = st.tuples(st.integers(1, 16384), st.integers(1, 1_048_576), XLSX_VALUE)
    far = st.one_of(far, st.tuples(st.integers(1, 8), st.integers(1, 1_048_576), XLSX_VALUE))
    for column, row, value in draw(st.lists(far, max_size=2)):
        sheet.cell(row=row, column=column, value=value)
    small = st.tuples(st.integers(1, 8), st.integers(1, 10), st.integers(0, 3), st.integers(0, 3))
    for column, row, wide, tall in draw(st.lists(small, max_size=2)):
        if wide or tall:
            last = f"{get_column_letter(column + wide)}{row + tall}"
            sheet.merge_cells(f"{get_column_letter(column)}{row}:{last}")
    path = folder / f"{role}.xlsx"
    book.save(path)
    return path


def read(role: str, path: Path) -> None:
    """Read ``path`` in ``role``: an Instance or an InputError, within the time bound."""
    tasks = path.parent / "good_tasks.csv"
    tasks.write_text(GOOD_TASKS, encoding="utf-8")
    sources = {"tasks": (path, None, None), "travel": (tasks, path, None)}
    sources["suppliers"] = (tasks, None, path)
    started = time.perf_counter()
    warned: list[Problem] = []
    try:
        instance = read_instance(*sources[role], on_warning=warned.append)
    except InputError as error:
        assert error.problems and all(isinstance(p, Problem) for p in error.problems)
        # every message says itself in both languages (a phrase, or a library's own text)
        assert all(say(p.message, lang) for p in error.problems for lang in ("nl", "en"))
        assert len(str(error).splitlines()) <= 51
        assert len(error.lines(lang="en")) <= 51
    else:
        assert isinstance(instance, Instance)
    assert time.perf_counter() - started < READ_SECONDS


ROLES = st.sampled_from(["tasks", "tasks", "travel", "suppliers"])


@settings(FUZZ, max_examples=150)
@given(role=ROLES, data=st.binary(max_size=2000), suffix=st.sampled_from([".csv", ".xlsx", ""]))
def test_random_bytes(role: str, data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        read(role, path)


@settings(FUZZ, max_examples=250)
@given(data=st.data(), role=ROLES)
def test_random_csv(data: st.DataObject, role: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"{role}.csv"
        path.write_bytes(data.draw(csv_files(role)))
        read(role, path)


@settings(FUZZ, max_examples=60)
@given(data=st.data(), role=ROLES)
def test_random_xlsx(data: st.DataObject, role: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        read(role, data.draw(xlsx_files(role, Path(folder))))


TOML_LINE = st.one_of(
    st.builds(
        "{} = {}".format,
        st.sampled_from(["min_hours", "max_hours", "max_suppliers", "travel_minutes", "x"]),
        st.sampled_from(["16", "inf", "nan", "-1", "1e309", '"off"', "[1, 2]", "true", "", '"']),
    ),
    st.sampled_from(["[policy]", "[policy.x]", "# note", "min_hours = 1\nmin_hours = 2"]),
    st.text(max_size=20),
)


@settings(FUZZ, max_examples=150)
@given(lines=st.lists(TOML_LINE, max_size=6))
def test_random_policy_and_grid_files(lines: list[str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "rules.toml"
        path.write_text("\n".join(lines), encoding="utf-8", errors="surrogatepass")
        for reader in (read_policy, read_grid):
            try:
                result = reader(path)
            except InputError as error:
                assert error.problems
            else:
                assert isinstance(result, Policy | dict)


@settings(FUZZ, max_examples=12)
@given(data=st.data(), kind=st.sampled_from(["csv", "csv", "xlsx", "bytes"]))
def test_installed_command_exits_0_or_2(data: st.DataObject, kind: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        if kind == "xlsx":
            path = data.draw(xlsx_files("tasks", Path(folder)))
        else:
            path = Path(folder) / "tasks.csv"
            content = data.draw(csv_files("tasks") if kind == "csv" else st.binary(max_size=500))
            path.write_bytes(content)
        done = subprocess.run(
            [combibaan_command(), "solve", str(path), "--time-limit", "2", "--workers", "1"],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert done.returncode in (0, 2), done.stderr
        assert "Traceback" not in done.stderr
