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

from combibaan.io import InputError, Problem, read_instance, read_policy, read_tasks, read_travel
from combibaan.io.errors import MAX_SHOWN
from combibaan.io.grid import read_grid
from combibaan.io.parsing import parse_time
from combibaan.io.suppliers import read_suppliers
from combibaan.model import Policy, PolicyError, Slot
from combibaan.model.policy import parse_policy_value

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
    assert "line 3" in problem.message and "never closed" in problem.message
    assert "swallows every row after it" in problem.message


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
    assert "line 2" in problem.message and "only closes on line 4" in problem.message


def test_quote_closing_in_the_middle_of_a_cell(tmp_path: Path) -> None:
    text = (
        HEADER
        + GOOD
        + 'T2,Asito,"Room "A" cleaning",ma,11:00,12:00,Main\n'
        + "T3,Sodexo,x,di,07:00,08:00,Main\n"
    )
    (problem,) = problems(read_tasks, write(tmp_path, text))
    assert (problem.row, problem.column) == (3, "description")
    assert "closes in the middle of it" in problem.message and '""' in problem.message


def test_spaces_around_quotes(tmp_path: Path) -> None:
    spaced = write(tmp_path, 'task_id, supplier, days, start, end\nT1, "Asito, BV", ma, 7, 8\n')
    (task,) = read_tasks(spaced)  # a space before a quote is no part of the cell
    assert task.supplier == "Asito, BV"
    after = write(tmp_path, 'task_id,supplier,days,start,end\nT1,"Asito" ,ma,7,8\n', "after.csv")
    (problem,) = problems(read_tasks, after)
    assert (problem.row, problem.column) == (2, "supplier")
    assert "spaces after its closing quote" in problem.message


def test_unclosed_quote_on_the_last_line(tmp_path: Path) -> None:
    text = HEADER + GOOD + 'T2,Asito,"Lunch,ma,11:00,12:00,Main'
    (problem,) = problems(read_tasks, write(tmp_path, text))
    assert (problem.row, problem.column) == (3, "description")
    assert "end of the file" in problem.message


def test_closed_quote_over_lines_that_look_like_rows(tmp_path: Path) -> None:
    text = (
        HEADER + 'T1,Asito,"Cleaning,ma-vr,07:00,10:00,Main\n'
        "T2,Sodexo,Lunch,ma-vr,11:00,14:00,Main\n"
        'T3,Sodexo,Dishes",ma,15:00,16:00,Main\n'
    )
    (problem,) = problems(read_tasks, write(tmp_path, text))
    assert (problem.row, problem.column) == (2, "description")
    assert "looks like a row" in problem.message and "T2,Sodexo" in problem.message


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
    assert problem.row == 3 and "line 3" in problem.message and "quote" in problem.message


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
    assert "date (2024-05-01 07:00)" in problem.message and "time format" in problem.message


@pytest.mark.parametrize(("value", "hint"), [(7.5, "07:30"), (13.5, "13:30"), (7.3, "07:30")])
def test_bare_number_in_a_time_column_csv_and_xlsx_alike(
    tmp_path: Path, value: float, hint: str
) -> None:
    xlsx = workbook(tmp_path / "t.xlsx", [XLSX_HEADER, ["T1", "A", "ma", value, dt.time(23), None]])
    csv_file = write(tmp_path, f"task_id,supplier,days,start,end\nT1,A,ma,{value},23:00\n")
    (in_xlsx,) = problems(read_tasks, xlsx)
    (in_csv,) = problems(read_tasks, csv_file)
    assert (in_xlsx.row, in_xlsx.column) == (in_csv.row, in_csv.column) == (2, "start")
    assert in_xlsx.message == in_csv.message  # one rule, one message
    assert hint in in_csv.message and "HH:MM" in in_csv.message


def test_time_text_with_a_date_follows_the_same_rule() -> None:
    assert parse_time("1899-12-30 07:30:00") == 450
    with pytest.raises(ValueError, match="date"):
        parse_time("2024-05-01 07:30")


# --- 3. day ranges that wrap; travel tables that do not fit ----------------------------------


def test_backwards_day_range_is_an_error_with_both_readings(tmp_path: Path) -> None:
    path = write(tmp_path, HEADER + GOOD + "T2,Securitas,Night,do-di,22:00,06:00,Main\n")
    (problem,) = problems(read_tasks, path)
    assert (problem.row, problem.column) == (3, "days")
    assert "'di-do' (3 days)" in problem.message
    assert "'do-zo,ma,di' (6 days)" in problem.message


def test_travel_table_matching_no_location_is_an_error(tmp_path: Path) -> None:
    tasks = write(tmp_path, HEADER + GOOD + "T2,Sodexo,x,ma-vr,11:00,14:00,Annex\n")
    travel = write(tmp_path, "from,to,minutes\nmain,annex,5\nMain building,Lab,3\n", "travel.csv")
    (problem,) = problems(read_instance, tasks, travel=travel)
    assert problem.source == str(travel)
    assert "no place in the travel table is a task location; check spelling" in problem.message
    assert "'Main'" in problem.message and "'main'" in problem.message


def test_travel_table_with_tasks_without_locations_is_an_error(tmp_path: Path) -> None:
    tasks = write(tmp_path, "task_id,supplier,days,start,end\nT1,A,ma,7,8\n")
    travel = write(tmp_path, "from,to,minutes\nMain,Annex,5\n", "travel.csv")
    (problem,) = problems(read_instance, tasks, travel=travel)
    assert "no task has a location" in problem.message


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
    assert "'Mian' (row 3; did you mean 'Main'?)" in warning.message
    assert "'Hub' (rows 3, 4)" in warning.message


def test_travel_pair_twice_with_different_minutes(tmp_path: Path) -> None:
    text = "from,to,minutes\nMain,Annex,5\nLab,Main,4\nAnnex,Main,7\nMain,Lab,4\n"
    path = write(tmp_path, text, "travel.csv")
    (problem,) = problems(read_travel, path)
    assert (problem.row, problem.column) == (4, "minutes")
    assert "row 2" in problem.message and "rows 2 and 4" in problem.message
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
    assert problem.source == str(path) and "password" in problem.message


def test_wrong_dimension_in_the_file_does_not_cut_rows(tmp_path: Path) -> None:
    rows = [XLSX_HEADER] + [
        [f"T{i}", "A", "ma", dt.time(i), dt.time(i, 30), None] for i in range(8)
    ]
    path = workbook(tmp_path / "t.xlsx", rows)
    import zipfile

    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    sheet = "xl/worksheets/sheet1.xml"
    parts[sheet] = parts[sheet].replace(b'<dimension ref="A1:F9"/>', b'<dimension ref="A1:B2"/>')
    with zipfile.ZipFile(path, "w") as target:
        for name, data in parts.items():
            target.writestr(name, data)
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
    assert all(word in problem.message for word in words), problem.message


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
    assert [p.message.rsplit("(", 1)[1] for p in found] == [
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
    assert repr(minutes) in problem.message


def test_sroi_target_is_checked(tmp_path: Path) -> None:
    path = write(tmp_path, "supplier,sroi_hours_target\nAsito,1e12\nUU,inf\n", "s.csv")
    found = problems(read_suppliers, path)
    assert [(p.row, p.column) for p in found] == [
        (2, "sroi_hours_target"),
        (3, "sroi_hours_target"),
    ]


# --- 12. messages: capped, one clear error instead of a hundred, cells named as they are -------


def test_error_list_is_capped_with_the_total(tmp_path: Path) -> None:
    rows = "".join(f"T{i},Asito,,xx,07:00,08:00,\n" for i in range(401))
    with pytest.raises(InputError) as caught:
        read_tasks(write(tmp_path, HEADER + rows))
    error = caught.value
    assert error.total == len(error.problems) == 401  # all kept for Python callers
    lines = str(error).splitlines()
    assert len(lines) == MAX_SHOWN + 1
    assert lines[-1] == "… and 351 more: 401 problems in all"


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
    assert f"this file mixes {used} and {other}" in problem.message


def test_formula_without_saved_value_is_named(tmp_path: Path) -> None:
    rows = [XLSX_HEADER, ["T1", "A", "ma", dt.time(7), dt.time(8), '=CONCAT("Ma","in")']]
    path = workbook(tmp_path / "t.xlsx", rows, B3="=B2", A3="T2", C3="di", D3="07:00", E3="08:00")
    found = problems(read_tasks, path)
    assert [(p.row, p.column) for p in found] == [(2, "location"), (3, "supplier")]
    assert all("formula without a saved value" in p.message for p in found)
    assert "open the file in Excel and save it" in found[0].message
    assert "empty" not in " ".join(p.message for p in found)


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
    assert problem.row == 4 and "merged cell A4:F4" in problem.message


def test_excel_error_values_are_named(tmp_path: Path) -> None:
    rows = [XLSX_HEADER, ["#N/A", "A", "ma", dt.time(7), dt.time(8), "#REF!"]]
    found = problems(read_tasks, workbook(tmp_path / "t.xlsx", rows))
    assert [(p.row, p.column) for p in found] == [(2, "task_id"), (2, "location")]
    assert "Excel error #N/A" in found[0].message
    exported = write(tmp_path, "task_id,supplier,days,start,end\n#N/A,A,ma,7,8\n")
    (problem,) = problems(read_tasks, exported)
    assert (problem.row, problem.column) == (2, "task_id") and "#N/A" in problem.message


def test_policy_key_set_twice_is_a_sentence(tmp_path: Path) -> None:
    path = write(tmp_path, "max_hours = 30\nmin_hours = 16\nmax_hours = 32\n", "p.toml")
    (problem,) = problems(read_policy, path)
    assert str(problem) == (
        f"{path}, line 3: 'max_hours' is set twice (first on line 1); keep one of them"
    )


def test_text_from_the_file_stays_plain(tmp_path: Path) -> None:
    text = "task_id,supplier,days,start,end\n[bold]T1[/bold],[red]A,ma,7,[link=x]8\n"
    (problem,) = problems(read_tasks, write(tmp_path, text))
    assert "'[link=x]8'" in problem.message  # markup is the printer's business


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
