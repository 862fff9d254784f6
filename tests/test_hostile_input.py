"""Sloppy and hostile input files: never a silent misreading, never a crash.

One test (or one parametrised family) per class of issue 9: every case ends in the
right reading or in an :class:`InputError` whose problem names the file, the row
as a spreadsheet shows it (header = row 1) and the column.
"""

from __future__ import annotations

import datetime as dt
import time
import tracemalloc
from pathlib import Path

import openpyxl
import pytest
from conftest import run_cli

from combibaan.io import (
    InputError,
    InputWarning,
    Problem,
    read_instance,
    read_policy,
    read_tasks,
    read_travel,
)
from combibaan.io.errors import MAX_SHOWN
from combibaan.io.grid import read_grid
from combibaan.io.parsing import parse_time
from combibaan.io.suppliers import read_suppliers
from combibaan.model import Slot
from combibaan.model.phrase import say
from combibaan.rules import Policy, PolicyError, parse_policy_value

HEADER = "task_id,supplier,description,days,start,end,location\n"
GOOD = "T1,Asito,Cleaning,ma-vr,07:00,10:00,Main\n"


def write(tmp_path: Path, text: str, name: str = "tasks.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def problems(reader: object, source: object, **kwargs: object) -> list[Problem]:
    with pytest.raises(InputError) as caught:
        reader(source, **kwargs)  # type: ignore[operator]
    return caught.value.problems


def en(problem: Problem) -> str:
    """What is wrong in English: the wording these tests pin down, word for word (the Dutch
    default says the same; a few tests below check it too)."""
    return say(problem.message, "en")


def nl(problem: Problem) -> str:
    return say(problem.message, "nl")


def workbook(path: Path, rows: list[list[object]], **cells: object) -> Path:
    """A one-sheet workbook: ``rows`` from A1 down, then single ``cells`` (``D3=...``)."""
    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    for reference, value in cells.items():
        sheet[reference] = value
    book.save(path)
    return path


XLSX_HEADER = ["task_id", "supplier", "days", "start", "end", "location"]


def patch_sheet(path: Path, old: bytes, new: bytes) -> None:
    """Replace ``old`` by ``new`` in the first sheet's XML: what openpyxl cannot write
    (a wrong dimension, Excel's typed empty result)."""
    import zipfile

    with zipfile.ZipFile(path) as book:
        parts = {name: book.read(name) for name in book.namelist()}
    sheet = "xl/worksheets/sheet1.xml"
    parts[sheet] = parts[sheet].replace(old, new)
    with zipfile.ZipFile(path, "w") as book:
        for name, data in parts.items():
            book.writestr(name, data)


# --- 1. a CSV quote that swallows the rows after it --------------------------------------------


def test_unclosed_quote_to_the_end_names_the_row_where_it_opened(tmp_path: Path) -> None:
    text = (
        HEADER + GOOD + 'T2,Asito,"Cleaning room 1,ma-vr,07:00,10:00,Main\n'
        "T3,Sodexo,Lunch,ma-vr,11:00,14:00,Main\n"
        "T4,Sodexo,Dishes,ma-vr,14:00,15:00,Main\n"
    )
    path = write(tmp_path, text)
    (problem,) = problems(read_tasks, path)
    assert (problem.source, problem.row, problem.column) == (str(path), 3, "description")
    assert "line 3" in en(problem) and "never closed" in en(problem)
    assert "swallows every row after it" in en(problem)


def test_unclosed_quote_closed_by_a_later_quote_is_caught(tmp_path: Path) -> None:
    # The stray quote pairs up with the opening quote of a later description.
    text = (
        HEADER + 'T1,Asito,"Cleaning room 1,ma-vr,07:00,10:00,Main\n'
        "T2,Sodexo,Lunch,ma-vr,11:00,14:00,Main\n"
        'T3,Sodexo,"Coffee, tea",ma,15:00,16:00,Main\n'
        "T4,Maas,Vending,di,08:00,09:00,Main\n"
    )
    (problem,) = problems(read_tasks, write(tmp_path, text))
    assert (problem.row, problem.column) == (2, "description")
    assert "line 2" in en(problem) and "only closes on line 4" in en(problem)


def test_quote_closing_in_the_middle_of_a_cell(tmp_path: Path) -> None:
    text = (
        HEADER
        + GOOD
        + 'T2,Asito,"Room "A" cleaning",ma,11:00,12:00,Main\n'
        + "T3,Sodexo,x,di,07:00,08:00,Main\n"
    )
    (problem,) = problems(read_tasks, write(tmp_path, text))
    assert (problem.row, problem.column) == (3, "description")
    assert "closes in the middle of it" in en(problem) and '""' in en(problem)


def test_spaces_around_quotes(tmp_path: Path) -> None:
    spaced = write(tmp_path, 'task_id, supplier, days, start, end\nT1, "Asito, BV", ma, 7, 8\n')
    (task,) = read_tasks(spaced)  # a space before a quote is no part of the cell
    assert task.supplier == "Asito, BV"
    after = write(tmp_path, 'task_id,supplier,days,start,end\nT1,"Asito" ,ma,7,8\n', "after.csv")
    (problem,) = problems(read_tasks, after)
    assert (problem.row, problem.column) == (2, "supplier")
    assert "spaces after its closing quote" in en(problem)


def test_unclosed_quote_on_the_last_line(tmp_path: Path) -> None:
    text = HEADER + GOOD + 'T2,Asito,"Lunch,ma,11:00,12:00,Main'
    (problem,) = problems(read_tasks, write(tmp_path, text))
    assert (problem.row, problem.column) == (3, "description")
    assert "end of the file" in en(problem)


def test_closed_quote_over_lines_that_look_like_rows(tmp_path: Path) -> None:
    text = (
        HEADER + 'T1,Asito,"Cleaning,ma-vr,07:00,10:00,Main\n'
        "T2,Sodexo,Lunch,ma-vr,11:00,14:00,Main\n"
        'T3,Sodexo,Dishes",ma,15:00,16:00,Main\n'
    )
    (problem,) = problems(read_tasks, write(tmp_path, text))
    assert (problem.row, problem.column) == (2, "description")
    assert "looks like a row" in en(problem) and "T2,Sodexo" in en(problem)


def test_multi_line_descriptions_that_close_are_read(tmp_path: Path) -> None:
    text = (
        HEADER + 'T1,Asito,"Floors 1-3:\nhall, stairs\n""lift"" too",ma-vr,07:00,10:00,Main\n'
        "T2,Sodexo,Lunch,ma-vr,11:00,14:00,Main\n"
        "T3,Sodexo,x,ma,15:00,16:00,Main\n"
    )
    t1, t2, t3 = read_tasks(write(tmp_path, text))
    assert t1.description == 'Floors 1-3:\nhall, stairs\n"lift" too'
    assert (t2.rows, t3.rows) == ((3,), (4,))  # a cell with line breaks is one row, as in Excel


def test_endless_cell_is_an_error_with_its_row(tmp_path: Path) -> None:
    text = HEADER + GOOD + 'T2,Asito,"' + "more text, and more\n" * 20_000
    (problem,) = problems(read_tasks, write(tmp_path, text))
    assert problem.row == 3 and "line 3" in en(problem) and "quote" in en(problem)


# --- 2. times in workbooks and CSV alike --------------------------------------------------------


def test_xlsx_time_values_are_times(tmp_path: Path) -> None:
    rows = [
        XLSX_HEADER,
        ["T1", "A", "ma", dt.time(7, 30), dt.time(10), None],
        ["T2", "A", "di", 0.3125, 0.5, None],  # fractions of a day, as Excel keeps them
        ["T3", "A", "wo", dt.datetime(1899, 12, 30, 7, 30), dt.datetime(1899, 12, 30, 9), None],
        ["T4", "A", "do", dt.datetime(2024, 5, 2, 7, 30), dt.timedelta(hours=9), None],
        ["T5", "A", "vr", dt.time(0), dt.datetime(1900, 1, 1), None],  # Excel's 24:00
    ]
    path = workbook(tmp_path / "t.xlsx", rows)
    book = openpyxl.load_workbook(path)
    book.active["D5"].number_format = "hh:mm"  # a date shown as a time: the time it shows
    book.active["E5"].number_format = "[h]:mm"
    book.save(path)
    t1, t2, t3, t4, t5 = read_tasks(path)
    assert t1.slots == (Slot(0, 450, 600),)
    assert t2.slots == (Slot(1, 450, 720),)
    assert t3.slots == (Slot(2, 450, 540),)
    assert t4.slots == (Slot(3, 450, 540),)
    assert t5.slots == (Slot(4, 0, 1440),)


def test_xlsx_date_in_a_time_cell_is_an_error(tmp_path: Path) -> None:
    rows = [XLSX_HEADER, ["T1", "A", "ma", dt.datetime(2024, 5, 1, 7, 0), dt.time(10), None]]
    path = workbook(tmp_path / "t.xlsx", rows)
    (problem,) = problems(read_tasks, path)
    assert (problem.source, problem.row, problem.column) == (str(path), 2, "start")
    assert "date (2024-05-01 07:00)" in en(problem) and "time format" in en(problem)


@pytest.mark.parametrize(("value", "hint"), [(7.5, "07:30"), (13.5, "13:30"), (7.3, "07:30")])
def test_bare_number_in_a_time_column_csv_and_xlsx_alike(
    tmp_path: Path, value: float, hint: str
) -> None:
    xlsx = workbook(tmp_path / "t.xlsx", [XLSX_HEADER, ["T1", "A", "ma", value, dt.time(23), None]])
    csv_file = write(tmp_path, f"task_id,supplier,days,start,end\nT1,A,ma,{value},23:00\n")
    (in_xlsx,) = problems(read_tasks, xlsx)
    (in_csv,) = problems(read_tasks, csv_file)
    assert (in_xlsx.row, in_xlsx.column) == (in_csv.row, in_csv.column) == (2, "start")
    assert en(in_xlsx) == en(in_csv)  # one rule, one message
    assert hint in en(in_csv) and "HH:MM" in en(in_csv)


def test_time_text_with_a_date_follows_the_same_rule() -> None:
    assert parse_time("1899-12-30 07:30:00") == 450
    with pytest.raises(ValueError, match="datum"):
        parse_time("2024-05-01 07:30")


# --- 3. day ranges that wrap; travel tables that do not fit ----------------------------------


def test_backwards_day_range_is_an_error_with_both_readings(tmp_path: Path) -> None:
    path = write(tmp_path, HEADER + GOOD + "T2,Securitas,Night,do-di,22:00,06:00,Main\n")
    (problem,) = problems(read_tasks, path)
    assert (problem.row, problem.column) == (3, "days")
    assert "'di-do' (3 days)" in en(problem)
    assert "'do-zo,ma,di' (6 days)" in en(problem)


def test_travel_table_matching_no_location_is_an_error(tmp_path: Path) -> None:
    tasks = write(tmp_path, HEADER + GOOD + "T2,Sodexo,x,ma-vr,11:00,14:00,Annex\n")
    travel = write(tmp_path, "from,to,minutes\nmain,annex,5\nMain building,Lab,3\n", "travel.csv")
    (problem,) = problems(read_instance, tasks, travel=travel)
    assert problem.source == str(travel)
    assert "no place in the travel table is a task location; check spelling" in en(problem)
    assert "'Main'" in en(problem) and "'main'" in en(problem)


def test_travel_table_with_tasks_without_locations_is_an_error(tmp_path: Path) -> None:
    tasks = write(tmp_path, "task_id,supplier,days,start,end\nT1,A,ma,7,8\n")
    travel = write(tmp_path, "from,to,minutes\nMain,Annex,5\n", "travel.csv")
    (problem,) = problems(read_instance, tasks, travel=travel)
    assert "no task has a location" in en(problem)


def test_travel_places_no_task_uses_are_a_warning(tmp_path: Path) -> None:
    tasks = write(tmp_path, HEADER + GOOD + "T2,Sodexo,x,ma-vr,11:00,14:00,Annex\n")
    travel = write(
        tmp_path, "from,to,minutes\nMain,Annex,5\nMian,Hub,3\nHub,Annex,2\n", "travel.csv"
    )
    warned: list[Problem] = []
    instance = read_instance(tasks, travel, on_warning=warned.append)
    assert len(instance.travel) == 3
    (warning,) = warned
    assert warning.source == str(travel)
    assert "'Mian' (row 3; did you mean 'Main'?)" in en(warning)
    assert "'Hub' (rows 3, 4)" in en(warning)


def test_travel_pair_twice_with_different_minutes(tmp_path: Path) -> None:
    text = "from,to,minutes\nMain,Annex,5\nLab,Main,4\nAnnex,Main,7\nMain,Lab,4\n"
    path = write(tmp_path, text, "travel.csv")
    (problem,) = problems(read_travel, path)
    assert (problem.row, problem.column) == (4, "minutes")
    assert "row 2" in en(problem) and "rows 2 and 4" in en(problem)
    same = write(tmp_path, "from,to,minutes\nMain,Annex,5\nAnnex,Main,5\n", "same.csv")
    assert len(read_travel(same)) == 2  # the same minutes twice is no conflict


# --- 4. workbooks with a stray cell far away ---------------------------------------------------


@pytest.mark.parametrize("far", ["XFD1048576", "ZZ20000", "XFD1"])
def test_far_stray_cell_costs_no_time_or_memory(tmp_path: Path, far: str) -> None:
    rows = [XLSX_HEADER, ["T1", "A", "ma-vr", dt.time(7), dt.time(10), None]]
    path = workbook(tmp_path / "stray.xlsx", rows, **{far: "x"})
    started = time.perf_counter()
    (task,) = read_tasks(path)  # right of the header's last column: never read
    assert time.perf_counter() - started < 2.0
    assert task.id == "T1"
    tracemalloc.start()
    try:
        read_tasks(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 50_000_000


def test_stray_value_far_below_in_a_known_column_is_named(tmp_path: Path) -> None:
    rows = [XLSX_HEADER, ["T1", "A", "ma-vr", dt.time(7), dt.time(10), None]]
    path = workbook(tmp_path / "stray.xlsx", rows, A1048576="x")
    started = time.perf_counter()
    found = problems(read_tasks, path)
    assert time.perf_counter() - started < 2.0
    assert {p.row for p in found} == {1048576}


def test_password_protected_workbook(tmp_path: Path) -> None:
    path = tmp_path / "locked.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)  # an OLE container
    (problem,) = problems(read_tasks, path)
    assert problem.source == str(path) and "password" in en(problem)


def test_wrong_dimension_in_the_file_does_not_cut_rows(tmp_path: Path) -> None:
    rows = [XLSX_HEADER] + [
        [f"T{i}", "A", "ma", dt.time(i), dt.time(i, 30), None] for i in range(8)
    ]
    path = workbook(tmp_path / "t.xlsx", rows)
    patch_sheet(path, b'<dimension ref="A1:F9"/>', b'<dimension ref="A1:B2"/>')
    assert len(read_tasks(path)) == 8


# --- 6. numbers: one check everywhere ----------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "words"),
    [
        ("max_hours = inf", ["max_hours", "finite", "inf"]),
        ("max_hours = nan", ["max_hours", "finite"]),
        ("min_hours = 1e309", ["min_hours", "finite"]),  # TOML reads 1e309 as inf
        ("max_span_hours = -1", ["max_span_hours", "negative"]),
        ("travel_minutes = 99999999999", ["travel_minutes", "at most 1440"]),
        ("max_suppliers = 2.5", ["max_suppliers", "whole"]),
        ('min_hours = "lots"', ["min_hours", "number or 'off'"]),
    ],
)
def test_policy_file_numbers(tmp_path: Path, line: str, words: list[str]) -> None:
    path = write(tmp_path, f"max_hours = 36\n{line}\n", "policy.toml")
    if line.startswith("max_hours"):
        path = write(tmp_path, f"min_hours = 16\n{line}\n", "policy.toml")
    (problem,) = problems(read_policy, path)
    assert problem.source == str(path) and problem.line == 2
    assert all(word in en(problem) for word in words), en(problem)


@pytest.mark.parametrize("value", ["inf", "-inf", "nan", "1e309", "-3", "200", "1e9"])
def test_rule_flag_values(value: str) -> None:
    with pytest.raises(PolicyError, match="max_hours"):
        parse_policy_value("max_hours", value)
    with pytest.raises(PolicyError, match="--max-hours"):
        parse_policy_value("max_hours", value, name="--max-hours")


def test_policy_built_in_python_is_checked_too() -> None:
    for value in (float("inf"), float("nan"), 10**30):
        with pytest.raises(PolicyError, match="travel_minutes"):
            Policy(travel_minutes=value)


def test_grid_names_every_bad_value(tmp_path: Path) -> None:
    path = write(
        tmp_path, 'max_suppliers = [2, 3]\nmin_hours = [inf, "x", -1, 1e309, 16]\n', "g.toml"
    )
    found = problems(read_grid, path)
    assert len(found) == 4
    assert all(p.column == "min_hours" and p.line == 2 for p in found)
    assert [en(p).rsplit("(", 1)[1] for p in found] == [
        "value 1 of 5)",
        "value 2 of 5)",
        "value 3 of 5)",
        "value 4 of 5)",
    ]


@pytest.mark.parametrize("minutes", ["inf", "nan", "1e309", "-5", "100000"])
def test_travel_minutes_are_checked(tmp_path: Path, minutes: str) -> None:
    path = write(tmp_path, f"from,to,minutes\nMain,Annex,5\nMain,Lab,{minutes}\n", "travel.csv")
    (problem,) = problems(read_travel, path)
    assert (problem.source, problem.row, problem.column) == (str(path), 3, "minutes")
    assert repr(minutes) in en(problem)


def test_sroi_target_is_checked(tmp_path: Path) -> None:
    path = write(tmp_path, "supplier,sroi_hours_target\nAsito,1e12\nUU,inf\n", "s.csv")
    found = problems(read_suppliers, path)
    assert [(p.row, p.column) for p in found] == [
        (2, "sroi_hours_target"),
        (3, "sroi_hours_target"),
    ]


def test_sroi_target_with_thousands_grouped_is_refused(tmp_path: Path) -> None:
    """A Dutch export writes 1.300; read as 1.3 hours a year it was silently wrong."""
    text = 'leverancier;sroi_uren_per_jaar\nA;1.300\nB;2080\nC;"1,040"\nD;1,5\n'
    found = problems(read_suppliers, write(tmp_path, text, "s.csv"))
    assert [p.row for p in found] == [2, 4]
    assert "write it without a separator, e.g. 1300" in en(found[0])


# --- 12. messages: capped, one clear error instead of a hundred, cells named as they are -------


def test_error_list_is_capped_with_the_total(tmp_path: Path) -> None:
    rows = "".join(f"T{i},Asito,,xx,07:00,08:00,\n" for i in range(401))
    with pytest.raises(InputError) as caught:
        read_tasks(write(tmp_path, HEADER + rows))
    error = caught.value
    assert error.total == len(error.problems) == 401  # all kept for Python callers
    lines = str(error).splitlines()
    assert len(lines) == MAX_SHOWN + 1
    assert lines[-1] == "… en nog 351: 401 problemen in totaal"
    assert error.lines(lang="en")[-1] == "… and 351 more: 401 problems in all"


@pytest.mark.parametrize(
    ("text", "used", "other"),
    [
        ("task_id,supplier,days,start,end\n" + "T{i};Asito;ma;07:00;08:00\n", ",", ";"),
        ("task_id;supplier;days;start;end\n" + "T{i},Asito,ma,07:00,08:00\n", ";", ","),
        ("task_id,supplier,description,days,start,end\n" + "T{i};A;Floor 1, 2;ma;7;8\n", ",", ";"),
    ],
)
def test_header_and_rows_with_different_delimiters(
    tmp_path: Path, text: str, used: str, other: str
) -> None:
    header, row = text.splitlines()
    body = "".join(row.format(i=i) + "\n" for i in range(100))
    (problem,) = problems(read_tasks, write(tmp_path, header + "\n" + body))
    assert problem.row == 1
    assert f"this file mixes {used} and {other}" in en(problem)


@pytest.mark.parametrize(
    ("rows", "first", "listed"),
    [
        # decimal commas in unquoted times: 7,00 shifts every cell after it
        ("T1,Asito,ma-vr,7,00,11,00,Minnaert\n", 2, "2"),
        # a comma inside a place, twice, then once in a later row
        (
            "T1,A,ma,07:00,08:00,Gebouw A, vleugel N\nT2,A,di,07:00,08:00,B\n"
            "T3,A,wo,07:00,08:00,Gebouw A, vleugel Z\n",
            2,
            "2 and 4",
        ),
    ],
)
def test_rows_wider_than_the_header_are_an_error(
    tmp_path: Path, rows: str, first: int, listed: str
) -> None:
    """The cells pushed past the header used to vanish: 7,00-11,00 became 07:00-24:00."""
    text = "task_id,supplier,days,start,end,location\n" + rows
    (problem,) = problems(read_tasks, write(tmp_path, text))
    assert problem.row == first
    assert f"rows with too many cells: {listed}" in en(problem)
    assert "the header row only 6" in en(problem)


def test_title_rows_above_the_header_are_skipped_with_a_warning(tmp_path: Path) -> None:
    """A workshop list often opens with a title and a date; the header is found below."""
    rows = [["Takenlijst facilitair 2024"], [None], ["versie 3", None, None], XLSX_HEADER]
    rows.append(["T1", "A", "ma", dt.time(7), dt.time(8), "Main"])
    instance, noted = read_warned(workbook(tmp_path / "t.xlsx", rows))
    assert [t.id for t in instance.tasks] == ["T1"]  # type: ignore[attr-defined]
    (note,) = noted
    assert note.row == 4 and en(note) == (
        "the header row is this row; rows 1–3 above it are not read (a title?)"
    )
    text = "Takenlijst;;;\n" + HEADER.replace(",", ";") + "T1;A;;ma;7;8;;\n"
    with pytest.warns(InputWarning, match="rij 1 erboven wordt niet gelezen"):
        (task,) = read_tasks(write(tmp_path, text))
    assert task.id == "T1"


def test_a_header_in_two_rows_is_read_as_one(tmp_path: Path) -> None:
    """Rosters often head a time with one merged cell over ``van | tot``; a window so
    headed (``Venster``) is earliest and latest. Messages name the column in full."""
    rows: list[list[object]] = [
        ["Taak", "Leverancier", "Dagen", "Tijd", None, "Locatie"],
        [None, None, None, "van", "tot", None],
        ["T1", "A", "ma-vr", dt.time(7), dt.time(9), "Main"],
        ["T2", "A", "ma", "7", "", "Main"],
    ]
    path = workbook(tmp_path / "t.xlsx", rows)
    book = openpyxl.load_workbook(path)
    book.active.merge_cells("D1:E1")
    book.save(path)
    (problem,) = problems(read_tasks, path)
    assert (problem.row, problem.column, problem.header) == (4, "end", "Tijd tot")
    del rows[3]
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    (task,) = read_tasks(path)
    assert task.slots[0] == Slot(0, 420, 540) and len(task.slots) == 5
    # Under a title, and in a CSV file; a window over two columns.
    text = (
        "Takenlijst;;\nTaak;Leverancier;Dagen;Venster;;Duur\n;;;van;tot;\n"
        "T1;A;ma;07:00;12:00;1:00\n"
    )
    with pytest.warns(InputWarning, match="rij 1 erboven wordt niet gelezen"):
        (flexible,) = read_tasks(write(tmp_path, text))
    (window,) = flexible.windows
    assert (window.earliest, window.latest, window.duration) == (420, 720, 60)
    # Two columns of one meaning are named as the file heads them.
    text = "Taak;Leverancier;Dagen;Begin;Tijd;\n;;;;van;tot\nT1;A;ma;7;7;8\n"
    (twice,) = problems(read_tasks, write(tmp_path, text))
    assert "'Begin'" in en(twice) and "'Tijd van'" in en(twice)
    # Merged headings under a title: the cells they span were read as unreadable data,
    # and the message showed them as Python objects.
    rows = [
        ["Takenlijst"],
        ["Taak", "Leverancier", "Dagen", "Tijd", None, "Venster", None, "Duur"],
        [None, None, None, "van", "tot", "van", "tot", None],
        ["T1", "A", "ma-vr", dt.time(8), dt.time(12), None, None, None],
        ["T2", "B", "ma-vr", None, None, dt.time(12), dt.time(17), dt.time(4)],
    ]
    path = workbook(tmp_path / "titled.xlsx", rows)
    book = openpyxl.load_workbook(path)
    book.active.merge_cells("D2:E2")
    book.active.merge_cells("F2:G2")
    book.save(path)
    with pytest.warns(InputWarning, match="rij 1 erboven wordt niet gelezen"):
        fixed, free = read_tasks(path)
    assert fixed.slots[0] == Slot(0, 480, 720)
    assert (free.windows[0].earliest, free.windows[0].latest) == (720, 1020)
    # Headings that name no column beside ``van | tot`` are not read, with a warning; the
    # rest of the header holds (it was taken for data: "this row has 7 cells").
    text = (
        "taak;leverancier;kosten;;dagen;tijd;\n;;per uur;per week;;van;tot\n"
        "A1;S1;30;600;ma-vr;08:00;12:00\n"
    )
    with pytest.warns(InputWarning, match="'kosten per uur' en 'kosten per week'"):
        (costly,) = read_tasks(write(tmp_path, text))
    assert costly.slots[0] == Slot(0, 480, 720)


def test_time_cells_are_echoed_as_the_workbook_shows_them(tmp_path: Path) -> None:
    """A message quoted a time cell with its seconds: ``de duur (01:30:00)``."""
    rows: list[list[object]] = [
        ["task_id", "supplier", "days", "earliest", "latest", "duration"],
        ["T1", "A", "ma-vr", dt.time(8), dt.time(9), dt.time(1, 30)],
    ]
    (problem,) = problems(read_tasks, workbook(tmp_path / "t.xlsx", rows))
    assert en(problem).endswith("the duration (01:30) does not fit in the time window 08:00-09:00")


def test_a_row_of_totals_under_the_list_is_not_a_task(tmp_path: Path) -> None:
    """A spreadsheet often sums its hours in a last row (``Totaal`` and a number)."""
    rows: list[list[object]] = [
        [*XLSX_HEADER, "uren"],
        ["T1", "A", "ma", dt.time(7), dt.time(8), "Main", 1],
        ["Totaal:", None, None, None, None, None, "=SUM(G2:G2)"],
    ]
    instance, noted = read_warned(workbook(tmp_path / "t.xlsx", rows))
    assert [t.id for t in instance.tasks] == ["T1"]  # type: ignore[attr-defined]
    assert [(p.row, en(p)) for p in noted if p.row == 3] == [
        (3, "this row ('Totaal:') looks like a row of totals and is not read")
    ]
    # A row with more than the word is a task (and its faults are named).
    text = HEADER + "T1,A,,ma,7,8,Main\nTotaal,A,,,,,\n"
    found = problems(read_tasks, write(tmp_path, text))
    assert found and all(p.row == 3 for p in found)


def test_without_a_header_below_the_title_the_first_row_is_reported(tmp_path: Path) -> None:
    rows = [["Takenlijst facilitair 2024"], ["T1", "A", "ma", dt.time(7), dt.time(8)]]
    found = problems(read_tasks, workbook(tmp_path / "t.xlsx", rows))
    assert "the header row has: 'Takenlijst facilitair 2024'" in en(found[0])


def test_names_that_differ_only_in_capitals_are_warned_about(tmp_path: Path) -> None:
    """'Asito' and 'asito' are two suppliers to the rules (a job of both has two)."""
    text = HEADER + "T1,Asito,,ma,7,8,Main\nT2,asito,,di,7,8,main\nT3,ASITO,,wo,7,8,Main\n"
    noted = read_warned(write(tmp_path, text))[1]
    assert [(p.column, en(p)[:36]) for p in noted] == [
        ("supplier", "'Asito', 'asito', 'ASITO' differ onl"),
        ("location", "'Main', 'main' differ only in capita"),
    ]


def test_empty_cells_past_the_header_are_no_error(tmp_path: Path) -> None:
    """Spreadsheet exports often end rows with empty cells (``,,``); they name nothing."""
    text = "task_id,supplier,days,start,end,\nT1,A,ma,07:00,08:00,,,\nT2,A,di,07:00,08:00, \n"
    assert [t.id for t in read_tasks(write(tmp_path, text))] == ["T1", "T2"]


def test_a_duration_cell_of_a_day_or_more_is_read_as_such(tmp_path: Path) -> None:
    """25:30 in a [h]:mm cell is the serial 1.0625; cut to its time of day it was read as
    1:30. 24:00 (the serial 1) is the longest duration allowed."""
    header = ["taak", "leverancier", "dagen", "vanaf", "uiterlijk", "duur"]
    rows = [header, ["A1", "S", "ma", None, None, 1.0625], ["A2", "S", "ma", None, None, 1.0]]
    rows.append(["A3", "S", "ma", None, None, 0.0625])
    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    for number in (2, 3, 4):
        sheet[f"D{number}"], sheet[f"E{number}"] = dt.time(0), dt.time(0)  # a whole day
        sheet[f"F{number}"].number_format = "hh:mm"  # reads back as a date and a time
    sheet.append(["A4", "S", "ma", dt.time(0), dt.time(0), 2.0625])
    sheet["F5"].number_format = "[h]:mm"  # reads back as a timedelta
    book.save(tmp_path / "t.xlsx")
    found = problems(read_tasks, tmp_path / "t.xlsx")
    assert [(p.row, p.column) for p in found] == [(2, "duration"), (5, "duration")]
    assert "the duration '25:30' is not between 0 and 24 hours" in en(found[0])
    assert "the duration '49:30' is not between" in en(found[1])
    sheet.delete_rows(5)
    sheet.delete_rows(2)
    book.save(tmp_path / "t.xlsx")
    assert [t.windows[0].duration for t in read_tasks(tmp_path / "t.xlsx")] == [1440, 90]


def test_formula_whose_saved_result_is_empty_text_is_an_empty_cell(tmp_path: Path) -> None:
    """A template's ``=IF(D3="","",D3+1/24)`` down blank rows: Excel saves the result
    ``""`` as ``t="str"`` with an empty value. Those rows are blank, not formulas to
    recalculate (re-saving would not change them)."""

    rows = [XLSX_HEADER, ["T1", "A", "ma", dt.time(7), dt.time(8), "Main"]]
    rows.append(["T2", "A", "di", dt.time(9), "=D3+1/24", "Main"])
    path = workbook(tmp_path / "t.xlsx", rows, E4='=IF(D4="","",D4+1/24)')
    patch_sheet(path, b'<c r="E4">', b'<c r="E4" t="str">')
    # E3 has no saved result at all (as openpyxl writes it): still named.
    (problem,) = problems(read_tasks, path)
    assert (problem.row, problem.column) == (3, "end")
    assert "formula without a saved value" in en(problem)


def test_formula_without_saved_value_is_named(tmp_path: Path) -> None:
    rows = [XLSX_HEADER, ["T1", "A", "ma", dt.time(7), dt.time(8), '=CONCAT("Ma","in")']]
    path = workbook(tmp_path / "t.xlsx", rows, B3="=B2", A3="T2", C3="di", D3="07:00", E3="08:00")
    found = problems(read_tasks, path)
    assert [(p.row, p.column) for p in found] == [(2, "location"), (3, "supplier")]
    assert all("formula without a saved value" in en(p) for p in found)
    assert "open the file in Excel and save it" in en(found[0])
    assert "empty" not in " ".join(en(p) for p in found)


def test_merged_cells(tmp_path: Path) -> None:
    rows = [
        XLSX_HEADER,
        ["T1", "Asito", "ma", dt.time(7), dt.time(8), "Main"],
        ["T2", None, "di", dt.time(7), dt.time(8), None],
    ]
    path = workbook(tmp_path / "t.xlsx", rows)
    book = openpyxl.load_workbook(path)
    book.active.merge_cells("B2:B3")  # merged down: counts for both rows
    book.active.merge_cells("F2:F3")
    book.save(path)
    _, t2 = read_tasks(path)
    assert (t2.supplier, t2.location) == ("Asito", "Main")
    book.active.append(["Schoonmaak"])
    book.active.merge_cells("A4:F4")  # a heading merged across the columns
    book.save(path)
    (problem,) = problems(read_tasks, path)
    assert problem.row == 4 and "merged cell A4:F4" in en(problem)


def test_excel_error_values_are_named(tmp_path: Path) -> None:
    rows = [XLSX_HEADER, ["#N/A", "A", "ma", dt.time(7), dt.time(8), "#REF!"]]
    found = problems(read_tasks, workbook(tmp_path / "t.xlsx", rows))
    assert [(p.row, p.column) for p in found] == [(2, "task_id"), (2, "location")]
    assert "Excel error #N/A" in en(found[0])
    exported = write(tmp_path, "task_id,supplier,days,start,end\n#N/A,A,ma,7,8\n")
    (problem,) = problems(read_tasks, exported)
    assert (problem.row, problem.column) == (2, "task_id") and "#N/A" in en(problem)


def test_policy_key_set_twice_is_a_sentence(tmp_path: Path) -> None:
    path = write(tmp_path, "max_hours = 30\nmin_hours = 16\nmax_hours = 32\n", "p.toml")
    (problem,) = problems(read_policy, path)
    assert str(problem) == (
        f"{path}, regel 3: 'max_hours' staat er twee keer in (eerst op regel 1); houd er één over"
    )
    assert problem.text("en") == (
        f"{path}, line 3: 'max_hours' is set twice (first on line 1); keep one of them"
    )


def test_text_from_the_file_stays_plain(tmp_path: Path) -> None:
    text = "task_id,supplier,days,start,end\n[bold]T1[/bold],[red]A,ma,7,[link=x]8\n"
    (problem,) = problems(read_tasks, write(tmp_path, text))
    assert "'[link=x]8'" in en(problem)  # markup is the printer's business


# --- 7. hidden rows, columns and sheets: read, and said so -------------------------------------


def task_rows(count: int, first: int = 1) -> list[list[object]]:
    return [
        [f"T{i}", "A", "ma", dt.time(7), dt.time(8), "Main"] for i in range(first, first + count)
    ]


def hidden_workbook(
    path: Path, rows: list[list[object]], hide: list[int], columns: str = "", title: str = "Taken"
) -> Path:
    """A one-sheet workbook with ``rows`` from A1 and rows ``hide`` and ``columns`` hidden."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    for number in hide:
        sheet.row_dimensions[number].hidden = True
    for letter in columns:
        sheet.column_dimensions[letter].hidden = True
    book.save(path)
    return path


def read_warned(tasks: Path, **kwargs: object) -> tuple[object, list[Problem]]:
    warned: list[Problem] = []
    instance = read_instance(tasks, on_warning=warned.append, **kwargs)  # type: ignore[arg-type]
    return instance, warned


def test_hidden_rows_are_read_and_named_compactly(tmp_path: Path) -> None:
    rows = [XLSX_HEADER, *task_rows(11), [], []]
    path = hidden_workbook(tmp_path / "t.xlsx", rows, hide=[5, 6, 7, 12, 14])  # 14 is empty
    instance, warned = read_warned(path)
    assert len(instance.tasks) == 11  # data is data: nothing is dropped
    (warning,) = warned
    assert warning.source == str(path)
    assert en(warning).startswith("rows 5–7 and 12 of sheet 'Taken' are hidden")
    assert "read all the same" in en(warning) and "filter" not in en(warning)
    single = hidden_workbook(tmp_path / "one.xlsx", rows, hide=[3])
    assert en(read_warned(single)[1][0]).startswith("row 3 of sheet 'Taken' is hidden")


def test_rows_filtered_out_are_read_and_named(tmp_path: Path) -> None:
    path = hidden_workbook(tmp_path / "t.xlsx", [XLSX_HEADER, *task_rows(6)], hide=[3, 5])
    book = openpyxl.load_workbook(path)
    book.active.auto_filter.ref = "A1:F7"
    book.active.auto_filter.add_filter_column(0, ["T1", "T3", "T5"])
    book.save(path)
    instance, (warning,) = read_warned(path)
    assert len(instance.tasks) == 6
    assert "rows 3 and 5 of sheet 'Taken' are hidden in the workbook (a filter is on)" in en(
        warning
    )
    assert (
        "rijen 3 en 5 van blad 'Taken' zijn verborgen in de werkmap (er staat een filter aan)"
        in (str(warning))
    )


def test_many_hidden_rows_are_listed_up_to_a_cap(tmp_path: Path) -> None:
    hide = list(range(2, 62, 2))  # 30 single rows
    path = hidden_workbook(tmp_path / "t.xlsx", [XLSX_HEADER, *task_rows(60)], hide=hide)
    (warning,) = read_warned(path)[1]
    assert en(warning).startswith("rows 2, 4, 6, 8, 10, 12, 14, 16, 18, 20 and 20 more rows")


def test_hidden_columns_that_are_read_are_named(tmp_path: Path) -> None:
    header = ["taak", "leverancier", "notitie", "dagen", "begin", "eind", "locatie"]
    rows = [header, ["T1", "A", "x", "ma", dt.time(7), dt.time(8), "Main"]]
    path = hidden_workbook(tmp_path / "t.xlsx", rows, hide=[], columns="CEG")
    (warning,) = read_warned(path)[1]  # C (a note) is never read: not named
    assert en(warning) == (
        "the columns 'begin' (E) and 'locatie' (G) of sheet 'Taken' are hidden in the workbook "
        "and read all the same; unhide them to check the cells"
    )


def test_an_error_in_a_hidden_row_comes_with_the_warning(tmp_path: Path) -> None:
    rows = [XLSX_HEADER, *task_rows(2), ["T9", "A", "mx", dt.time(7), dt.time(8), None]]
    path = hidden_workbook(tmp_path / "t.xlsx", rows, hide=[4])
    warned: list[Problem] = []
    with pytest.raises(InputError) as caught:
        read_instance(path, on_warning=warned.append)
    assert [(p.row, p.column) for p in caught.value.problems] == [(4, "days")]
    assert [en(w)[:30] for w in warned] == ["row 4 of sheet 'Taken' is hidd"]


def test_reader_on_its_own_issues_an_input_warning(tmp_path: Path) -> None:
    path = hidden_workbook(tmp_path / "t.xlsx", [XLSX_HEADER, *task_rows(3)], hide=[2])
    with pytest.warns(InputWarning, match="rij 2 van blad 'Taken' is verborgen"):
        assert len(read_tasks(path)) == 3


def test_plain_workbooks_warn_nothing(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.active.title = "Blad1"
    for row in [XLSX_HEADER, *task_rows(3)]:
        book.active.append(row)
    book.create_sheet("Blad2")  # the empty sheets old Excel versions add
    book.create_sheet("Blad3")
    book.active.row_dimensions[9].hidden = True  # hidden, but empty
    book.save(tmp_path / "t.xlsx")
    assert read_warned(tmp_path / "t.xlsx")[1] == []


def test_far_stray_cell_in_a_hidden_row_is_named_cheaply(tmp_path: Path) -> None:
    path = hidden_workbook(tmp_path / "t.xlsx", [XLSX_HEADER, *task_rows(1)], hide=[1048576])
    book = openpyxl.load_workbook(path)
    book.active["A1048576"] = "x"
    book.save(path)
    started = time.perf_counter()
    warned: list[Problem] = []
    with pytest.raises(InputError) as caught:
        read_instance(path, on_warning=warned.append)
    assert time.perf_counter() - started < 2.0
    assert {p.row for p in caught.value.problems} == {1048576}
    assert en(warned[0]).startswith("row 1048576 of sheet 'Taken' is hidden")


def sheets_workbook(path: Path, sheets: list[tuple[str, str, list[list[object]]]]) -> Path:
    """A workbook with one sheet per (title, state, rows)."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, state, rows in sheets:
        sheet = book.create_sheet(title)
        sheet.sheet_state = state
        for row in rows:
            sheet.append(row)
    book.active = next(i for i, (_, state, _) in enumerate(sheets) if state == "visible")
    book.save(path)
    return path


def test_a_hidden_first_sheet_is_passed_over_and_said(tmp_path: Path) -> None:
    lists = [["leveranciers"], ["Asito"], ["Sodexo"]]  # the lists behind drop-downs
    path = sheets_workbook(
        tmp_path / "t.xlsx",
        [("Lijsten", "hidden", lists), ("Overzicht", "visible", [XLSX_HEADER, *task_rows(2)])],
    )
    instance, (warning,) = read_warned(path)
    assert len(instance.tasks) == 2
    assert en(warning) == (
        "this workbook has 2 sheets; 'Overzicht', the first visible sheet, is read as the tasks "
        "table, but 'Lijsten' (hidden) holds something too; to read another sheet, name it "
        "'tasks' or 'taken' (or move it to the front)"
    )


def test_the_sheet_read_is_named_when_another_holds_something(tmp_path: Path) -> None:
    path = sheets_workbook(
        tmp_path / "t.xlsx",
        [
            ("Uitleg", "visible", [["Vul de taken in op het tweede blad"]]),
            ("Week 12", "visible", [XLSX_HEADER, *task_rows(1)]),
        ],
    )
    warned: list[Problem] = []
    with pytest.raises(InputError) as caught:  # the wrong sheet: a missing column ...
        read_instance(path, on_warning=warned.append)
    assert "missing column 'task_id'" in en(caught.value.problems[0])
    (warning,) = warned  # ... and which sheet was read, so the user sees why
    assert "'Uitleg', the first visible sheet, is read" in en(warning)
    assert "but 'Week 12' holds something too" in en(warning)


def test_a_hidden_sheet_named_for_the_reader_is_read_and_said(tmp_path: Path) -> None:
    path = sheets_workbook(
        tmp_path / "t.xlsx",
        [("Uitleg", "visible", [["lees mij"]]), ("taken", "hidden", [XLSX_HEADER, *task_rows(1)])],
    )
    instance, (warning,) = read_warned(path)
    assert len(instance.tasks) == 1
    assert en(warning) == (
        "the sheet 'taken' is hidden in this workbook; it is read all the same, as its name "
        "marks it as the tasks table"
    )


def test_warnings_name_the_file_they_are_about(tmp_path: Path) -> None:
    tasks = hidden_workbook(tmp_path / "tasks.xlsx", [XLSX_HEADER, *task_rows(2)], hide=[2])
    travel = hidden_workbook(
        tmp_path / "travel.xlsx", [["from", "to", "minutes"], ["Main", "Annex", 5]], [2], "C"
    )
    _, warned = read_warned(tasks, travel=travel)
    assert [(w.source, en(w)[:14]) for w in warned] == [
        (str(tasks), "row 2 of sheet"),
        (str(travel), "row 2 of sheet"),
        (str(travel), "the column 'mi"),
        (str(travel), "no task has it"),  # the place warning comes last, as before
    ]


# --- 8. finding a sheet's part without openpyxl's private attribute ------------------------------


def rewrite_parts(path: Path, renames: dict[str, str], replace: dict[bytes, bytes]) -> None:
    """Rename archive members and replace bytes in every member (a package by another writer)."""
    import zipfile

    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    with zipfile.ZipFile(path, "w") as target:
        for name, data in parts.items():
            for old, new in replace.items():
                data = data.replace(old, new)
            target.writestr(renames.get(name, name), data)


def formula_workbook(path: Path, hide: list[int]) -> Path:
    rows = [XLSX_HEADER, ["T1", "A", "ma", dt.time(7), dt.time(8), "=B2"]]
    return hidden_workbook(path, rows, hide)


def test_sheet_parts_are_found_as_the_package_names_them(tmp_path: Path) -> None:
    import zipfile

    from combibaan.io.table import _Parts

    path = formula_workbook(tmp_path / "t.xlsx", hide=[2])
    rewrite_parts(  # another part name, and a relative target as other writers store it
        path,
        {"xl/worksheets/sheet1.xml": "xl/data/tasklist.xml"},
        {
            b'Target="/xl/worksheets/sheet1.xml"': b'Target="./data/tasklist.xml"',
            b'"/xl/worksheets/sheet1.xml"': b'"/xl/data/tasklist.xml"',  # its content type
        },
    )
    with zipfile.ZipFile(path) as archive:
        assert _Parts(archive).by_title == {"Taken": "xl/data/tasklist.xml"}
    warned: list[Problem] = []
    with pytest.raises(InputError) as caught:
        read_instance(path, on_warning=warned.append)
    (problem,) = caught.value.problems  # the formula is still seen, not read as empty
    assert (problem.row, problem.column) == (2, "location")
    assert "formula without a saved value" in en(problem)
    assert warned and "row 2" in en(warned[0])


def test_sheet_part_falls_back_on_openpyxls_path_then_refuses(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import combibaan.io.table as table

    path = formula_workbook(tmp_path / "t.xlsx", hide=[])
    monkeypatch.setattr(table._Parts, "_resolve", lambda self: {})  # a package we cannot follow
    (problem,) = problems(read_tasks, path)  # openpyxl's path still finds the formula
    assert "formula without a saved value" in en(problem)
    monkeypatch.setattr(table, "_OPENPYXL_PATH", "_an_attribute_a_later_openpyxl_dropped")
    (problem,) = problems(read_tasks, path)  # refused, never read without its marks
    assert problem.source == str(path)
    assert "cannot find the sheet 'Taken' inside the workbook" in en(problem)


# --- through the installed command --------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("quote.csv", HEADER + 'T1,Asito,"Cleaning,ma-vr,07:00,10:00,Main\n' + GOOD),
        ("mixed.csv", "task_id,supplier,days,start,end\nT1;A;ma;7;8\nT2;A;di;7;8\n"),
        ("wrap.csv", HEADER + "T1,Asito,x,do-di,07:00,10:00,Main\n"),
    ],
)
def test_command_exits_2_without_traceback(tmp_path: Path, name: str, text: str) -> None:
    path = write(tmp_path, text, name)
    done = run_cli("solve", path, "--time-limit", 2, timeout=60)
    assert done.returncode == 2, done.stdout + done.stderr
    assert "Traceback" not in done.stderr and name in done.stderr


def test_command_warns_of_hidden_rows_before_the_error_in_them(tmp_path: Path) -> None:
    rows = [XLSX_HEADER, *task_rows(2), ["T9", "A", "mx", dt.time(7), dt.time(8), None]]
    path = hidden_workbook(tmp_path / "hidden.xlsx", rows, hide=[4])
    done = run_cli("solve", path, "--time-limit", 2, timeout=60)
    assert done.returncode == 2, done.stdout + done.stderr
    warning = done.stderr.index("waarschuwing:")
    assert "rij 4 van blad 'Taken' is verborgen" in done.stderr[warning:]
    assert done.stderr.index("fout:") > warning and "Traceback" not in done.stderr


def test_command_prints_a_locks_workbook_warning_like_the_others(tmp_path: Path) -> None:
    tasks = write(tmp_path, HEADER + GOOD + "T2,Sodexo,x,ma-vr,11:00,14:00,Main\n")
    locks = hidden_workbook(tmp_path / "locks.xlsx", [["rule", "tasks"], ["apart", "T1|T2"]], [2])
    done = run_cli("solve", tasks, "--locks", locks, "--time-limit", 2, "--quiet", timeout=60)
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"waarschuwing: {locks}: rij 2 van blad 'Taken' is verborgen" in done.stderr
    assert "InputWarning" not in done.stderr


def test_a_trip_from_a_place_to_itself_is_warned_about(tmp_path: Path) -> None:
    """``X,X,5`` meant travel within a large site; one place takes no travel, so the row
    never counted, and nothing said so."""
    tasks = write(tmp_path, HEADER + "T1,Asito,,ma,7,8,Main\nT2,Sodexo,,ma,9,10,Annex\n")
    travel = write(tmp_path, "from,to,minutes\nMain,Main,5\nMain,Annex,10\n", "travel.csv")
    _, warned = read_warned(tasks, travel=travel)
    ((row, column, text),) = [(w.row, w.column, en(w)) for w in warned]
    assert (row, column) == (2, "to")
    assert text.startswith("from 'Main' to 'Main': within one place there is no travel")


def test_a_sep_line_may_name_any_delimiter(tmp_path: Path) -> None:
    """Excel honours ``sep=|`` as well as ``sep=;``: the file is read by it, and a row too
    wide for its header names that character (it raised a KeyError before)."""
    good = "sep=|\ntask_id|supplier|days|start|end\nT1|A|ma|7|8\n"
    assert [t.id for t in read_tasks(write(tmp_path, good))] == ["T1"]
    (problem,) = problems(read_tasks, write(tmp_path, good.replace("|8\n", "|8|x\n")))
    assert problem.row == 2 and "the delimiter (|)" in en(problem)


def test_a_row_with_only_a_heading_gets_one_message(tmp_path: Path) -> None:
    """``Schoonmaak`` between groups of tasks: one error saying what it looks like, where
    every empty cell of the row had its own."""
    text = "Taak;Leverancier;Omschrijving;Dagen;Begin;Eind\nSchoonmaak;;;;;\nT1;A;;ma;7;8\n"
    text += ";;Catering;;;\nT2;B;;ma;9;10\n"
    found = problems(read_tasks, write(tmp_path, text))
    assert [(p.row, p.header) for p in found] == [(2, "Taak"), (4, "Omschrijving")]
    assert en(found[0]) == (
        "this row holds only 'Schoonmaak': a heading between groups of tasks? Remove the row,"
        " or fill in the task (supplier, days and times)"
    )
