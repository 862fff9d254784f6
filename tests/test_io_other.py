"""The travel, suppliers and policy readers, and read_instance joining them."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from combibaan.io import (
    InputError,
    InputWarning,
    Problem,
    read_instance,
    read_policy,
    read_suppliers,
    read_travel,
)
from combibaan.io.parsing import parse_number
from combibaan.model import Supplier, TravelEdge
from combibaan.model.phrase import say
from combibaan.rules import Policy

TASKS = "task_id,supplier,days,start,end,location\nT1,Asito,ma-vr,07:00,10:00,Main\n"


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, str):
        path.write_text(text, encoding="utf-8")
    else:
        path.write_bytes(text)
    return path


def problems_of(reader: object, source: object, **kwargs: object) -> list[Problem]:
    with pytest.raises(InputError) as caught:
        reader(source, **kwargs)  # type: ignore[operator]
    return caught.value.problems


def said(problem: Problem, lang: str = "nl") -> str:
    """What is wrong, without where: Dutch by default, as the command line says it."""
    return say(problem.message, lang)


# --- travel ------------------------------------------------------------------------------------


def test_travel_english_and_dutch(tmp_path: Path) -> None:
    english = write(tmp_path / "a.csv", "from,to,minutes\nMain,Annex,10\nAnnex,Lab,2.5\n")
    dutch = write(
        tmp_path / "b.csv", "Van;Naar;Minuten\nMain;Annex;10\nAnnex;Lab;2,5\n".encode("cp1252")
    )
    expected = (TravelEdge("Main", "Annex", 10.0), TravelEdge("Annex", "Lab", 2.5))
    assert read_travel(english) == expected
    assert read_travel(dutch) == expected


def test_travel_header_only_is_empty(tmp_path: Path) -> None:
    assert read_travel(write(tmp_path / "t.csv", "van;naar;minuten\n")) == ()


def test_travel_xlsx_and_dataframe(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    workbook.active.title = "Uitleg"
    sheet = workbook.create_sheet("reistijden")
    sheet.append(["van", "naar", "minuten"])
    sheet.append(["Main", "Annex", 7])
    path = tmp_path / "travel.xlsx"
    workbook.save(path)
    assert read_travel(path) == (TravelEdge("Main", "Annex", 7.0),)
    frame = pd.DataFrame({"from": ["A"], "to": ["B"], "minutes": [3]})
    assert read_travel(frame) == (TravelEdge("A", "B", 3.0),)


def test_travel_errors(tmp_path: Path) -> None:
    text = 'from,to,minutes\nA,B,-5\nA,,abc\n,B,\nA,B,"1,5"\n'
    found = problems_of(read_travel, write(tmp_path / "t.csv", text))
    assert [(p.row, p.column) for p in found] == [
        (2, "minutes"),
        (3, "to"),
        (3, "minutes"),
        (4, "from"),
        (4, "minutes"),
    ]
    assert "'-5'" in said(found[0]) and "'abc'" in said(found[2])
    assert "minutes mag niet negatief zijn" in said(found[0])
    assert "minutes must not be negative" in said(found[0], "en")


def test_a_travel_matrix_is_read_as_pairs(tmp_path: Path) -> None:
    # Places across and down, as a spreadsheet keeps them; each pair once, an empty cell
    # no pair (the policy's time applies), a zero between a place and itself no trip.
    text = "Reistijd (min);Noord;Zuid;Oost\nNoord;0;20;10\nzuid;20;0;\nOost;10;;0\n"
    assert read_travel(write(tmp_path / "m.csv", text)) == (
        TravelEdge("Noord", "Zuid", 20.0),
        TravelEdge("Noord", "Oost", 10.0),
    )
    workbook = openpyxl.Workbook()
    workbook.active.title = "Reistijden"
    for row in ([None, "A", "B"], ["A", None, 7], ["B", 7.5, None]):
        workbook.active.append(row)
    workbook.save(tmp_path / "m.xlsx")
    with pytest.raises(InputError, match="maak ze gelijk"):  # 7 one way, 7.5 the other
        read_travel(tmp_path / "m.xlsx")
    workbook.active["B3"] = 7
    workbook.save(tmp_path / "m.xlsx")
    assert read_travel(tmp_path / "m.xlsx") == (TravelEdge("A", "B", 7.0),)
    # From a notebook: the sheet as pandas reads it, with the places as index or not.
    assert read_travel(pd.read_excel(tmp_path / "m.xlsx", index_col=0)) == (
        TravelEdge("A", "B", 7.0),
    )
    first = read_travel(pd.read_csv(tmp_path / "m.csv", sep=";"))[0]
    assert first == TravelEdge("Noord", "Zuid", 20)
    rows = pd.DataFrame({"from": ["A", "B"], "to": ["B", "C"], "minutes": [3, 4]}).iloc[[1]]
    assert read_travel(rows) == (TravelEdge("B", "C", 4.0),)  # an index of its own, no matrix


def test_a_travel_matrix_names_each_wrong_cell(tmp_path: Path) -> None:
    text = ";Noord;Zuid;Oost\nNoord;0;20;x\nZuid;25;0;15\n;3;;\nOost;10;;0;7\n"
    found = problems_of(read_travel, write(tmp_path / "m.csv", text))
    assert [(p.row, p.column) for p in found] == [(2, "Oost"), (3, "Noord"), (4, None), (5, None)]
    assert said(found[0]).startswith("de reistijd van 'Noord' naar 'Oost' moet een getal zijn")
    assert "in rij 2, kolom 'Zuid' 20 minuten" in said(found[1])
    assert "geen plaats in de eerste kolom" in said(found[2])
    assert "kolom zonder plaats in de koprij" in said(found[3])
    assert "the travel time from 'Noord' to 'Oost' must be a number" in said(found[0], "en")
    # Rows of from, to, minutes without their header are no matrix: the header is missing.
    headless = problems_of(read_travel, write(tmp_path / "h.csv", "A,B,5\nB,C,7\n"))
    assert [p.column for p in headless] == ["from", "to", "minutes"]


def test_a_travel_matrix_of_numbered_buildings(tmp_path: Path) -> None:
    """Buildings 1, 2, 3 across and down: a matrix, where their numbers come back down
    the first column; rows of ``1,2,5`` without a header still ask for the header."""
    text = "Gebouw;1;2;3\n1;0;10;20\n2;10;0;15\n3;20;15;0\n"
    assert read_travel(write(tmp_path / "m.csv", text)) == (
        TravelEdge("1", "2", 10.0),
        TravelEdge("1", "3", 20.0),
        TravelEdge("2", "3", 15.0),
    )
    workbook = openpyxl.Workbook()
    for row in ([None, 1, 2], [1, 0, 7], [2, 7, 0]):
        workbook.active.append(row)
    workbook.save(tmp_path / "m.xlsx")
    assert read_travel(tmp_path / "m.xlsx") == (TravelEdge("1", "2", 7.0),)
    for headless in ("1,2,5\n2,3,7\n", ",1,2\n3,0,5\n4,5,0\n"):
        found = problems_of(read_travel, write(tmp_path / "h.csv", headless))
        assert [p.column for p in found] == ["from", "to", "minutes"]


def test_a_travel_matrix_keeps_tasks_apart(tmp_path: Path) -> None:
    tasks = write(
        tmp_path / "tasks.csv",
        "taak;leverancier;dagen;begin;eind;locatie\n"
        "T1;A;ma-vr;07:00;09:00;Noord\nT2;B;ma-vr;09:10;12:00;Zuid\n",
    )
    near = read_instance(tasks, write(tmp_path / "near.csv", "van;Noord;Zuid\nNoord;;5\n"))
    far = read_instance(tasks, write(tmp_path / "far.csv", ";Noord;Zuid\nNoord;;20\n"))
    assert near.travel_between("Noord", "Zuid", default=15) == 5
    assert far.travel_between("Zuid", "Noord", default=15) == 20


def test_travel_missing_column(tmp_path: Path) -> None:
    (problem,) = problems_of(read_travel, write(tmp_path / "t.csv", "from,to,time\nA,B,3\n"))
    assert (problem.row, problem.column) == (None, "minutes")
    assert "'minuten'" in said(problem) and "ontbreekt" in said(problem)


@pytest.mark.parametrize(
    ("value", "number"), [("12", 12.0), ("7,5", 7.5), ("7.5", 7.5), (" 0 ", 0.0), (3, 3.0)]
)
def test_parse_number(value: object, number: float) -> None:
    assert parse_number(value) == number


@pytest.mark.parametrize("value", ["-1", "nan", "inf", "1,000.5", "twelve", float("nan")])
def test_parse_number_rejects(value: object) -> None:
    with pytest.raises(ValueError):
        parse_number(value)


# --- suppliers -----------------------------------------------------------------------------


def test_suppliers(tmp_path: Path) -> None:
    text = "Leverancier;Sector;CAO;SROI_uren\nAsito;schoonmaak;Schoonmaak;1200,5\nUU;;;\n"
    assert read_suppliers(write(tmp_path / "s.csv", text)) == (
        Supplier("Asito", "schoonmaak", "Schoonmaak", 1200.5),
        Supplier("UU", None, None, None),
    )


def test_suppliers_errors(tmp_path: Path) -> None:
    text = "supplier,sroi_hours_target\nAsito,10\nSodexo,lots\nAsito,5\n,3\n"
    found = problems_of(read_suppliers, write(tmp_path / "s.csv", text))
    assert [(p.row, p.column) for p in found] == [
        (3, "sroi_hours_target"),
        (4, "supplier"),
        (5, "supplier"),
    ]
    assert "al in rij 2" in said(found[1])
    assert "already in row 2" in said(found[1], "en")


def test_a_suppliers_table_of_a_header_only_is_said_once(tmp_path: Path) -> None:
    """It passed without a word (every supplier then unknown); one row warned of the rest."""
    tasks = write(tmp_path / "t.csv", "task_id,supplier,days,start,end\nT1,Asito,ma,7:00,9:00\n")
    empty = write(tmp_path / "s.csv", "supplier,sector,cao,sroi_hours_target\n")
    with pytest.warns(InputWarning, match="geen leveranciers eronder"):
        instance = read_instance(tasks, suppliers=empty)
    assert instance.suppliers == ()


# --- policy --------------------------------------------------------------------------------


def test_policy_top_level_and_table(tmp_path: Path) -> None:
    top = write(
        tmp_path / "a.toml", 'max_suppliers = 3\nmin_hours_per_day = "off"\nmax_hours = 30\n'
    )
    policy = read_policy(top)
    assert policy.max_suppliers == 3 and policy.max_hours == 30 and policy.min_hours_per_day is None
    table = write(tmp_path / "b.toml", '[policy]\ntravel_minutes = "off"\nmin_hours = 12.5\n')
    policy = read_policy(table, base=Policy(max_suppliers=4))
    assert policy.travel_minutes is None and policy.min_hours == 12.5
    assert policy.max_suppliers == 4  # kept from the base
    assert read_policy(write(tmp_path / "c.toml", "")) == Policy()


def test_policy_key_problems_collected(tmp_path: Path) -> None:
    text = 'max_supplier = 3\nmax_hours = "lots"\nmin_hours = true\n'
    found = problems_of(read_policy, write(tmp_path / "p.toml", text))
    assert [p.column for p in found] == ["max_supplier", "max_hours", "min_hours"]
    assert "misschien 'max_suppliers'?" in said(found[0])
    assert "did you mean 'max_suppliers'" in said(found[0], "en")
    assert all(p.source == str(tmp_path / "p.toml") for p in found)


def test_policy_value_problems(tmp_path: Path) -> None:
    (negative,) = problems_of(read_policy, write(tmp_path / "n.toml", "max_span_hours = -2\n"))
    assert negative.column == "max_span_hours" and "negatief" in said(negative)
    assert "negative" in said(negative, "en")
    (crossed,) = problems_of(read_policy, write(tmp_path / "c.toml", "min_hours = 40\n"))
    assert crossed.column is None and "min_hours (40) is hoger dan max_hours" in said(crossed)
    assert (
        read_policy(write(tmp_path / "ok.toml", "min_hours = 40\nmax_hours = 48\n")).min_hours == 40
    )


@pytest.mark.parametrize(
    ("content", "phrase"),
    [
        (None, "niet gevonden"),
        ("max_hours = \n", "geen geldige TOML"),
        ("max_hours = 3\n[policy]\nmax_hours = 4\n", "zowel bovenaan als in [policy]"),
        ("policy = 3\n", "tabel [policy]"),
        (b"max_hours = '\xff'\n", "UTF-8"),
    ],
)
def test_policy_unreadable(tmp_path: Path, content: str | bytes | None, phrase: str) -> None:
    path = tmp_path / "policy.toml"
    if content is not None:
        write(path, content)
    (problem,) = problems_of(read_policy, path)
    assert phrase in said(problem) and problem.source == str(path)


# --- read_instance -------------------------------------------------------------------------


def test_read_instance_names_and_contents(tmp_path: Path) -> None:
    tasks = write(tmp_path / "indoor" / "tasks.csv", TASKS)
    travel = write(tmp_path / "indoor" / "travel.csv", "from,to,minutes\nMain,Annex,5\n")
    suppliers = write(tmp_path / "indoor" / "suppliers.csv", "supplier\nAsito\nUU\n")
    warned: list[Problem] = []
    instance = read_instance(tasks, travel, suppliers, on_warning=warned.append)
    assert [Path(p.source).name for p in warned] == ["travel.csv"]  # no task is at 'Annex'
    assert instance.name == "indoor"
    assert [t.id for t in instance.tasks] == ["T1"]
    assert instance.travel == (TravelEdge("Main", "Annex", 5.0),)
    assert instance.supplier_names == ("Asito", "UU")
    assert read_instance(write(tmp_path / "outdoor.csv", TASKS)).name == "outdoor"
    assert read_instance(tasks, name="given").name == "given"


def one_workbook(path: Path) -> Path:
    """Tasks, travel and suppliers on three sheets of one workbook, as workshops bring them."""
    workbook = openpyxl.Workbook()
    tasks = workbook.active
    tasks.title = "Taken"
    tasks.append(["Taak", "Leverancier", "Dagen", "Begin", "Eind", "Gebouw"])
    tasks.append(["T2", "Sodexo", "ma-vr", "11:10", "14:30", "B"])
    tasks.append(["T3", "Maas", "ma-vr", "15:00", "16:00", "A"])
    workbook.create_sheet("Reistijden").append(["van", "naar", "minuten"])
    workbook["Reistijden"].append(["A", "B", 40])
    workbook.create_sheet("Leveranciers").append(["leverancier", "sector"])
    workbook["Leveranciers"].append(["Sodexo", "catering"])
    workbook["Leveranciers"].append(["Maas", "automaten"])
    workbook.save(path)
    return path


def test_a_task_workbook_gives_its_travel_and_suppliers_sheets(tmp_path: Path) -> None:
    # Passed over, the travel sheet would let T2 and T3 share a job: 30 minutes apart, 40 away.
    book = one_workbook(tmp_path / "werkplaats.xlsx")
    warned: list[Problem] = []
    instance = read_instance(book, on_warning=warned.append)
    assert instance.travel == (TravelEdge("A", "B", 40.0),)
    assert instance.supplier_names == ("Sodexo", "Maas")
    assert [said(p) for p in warned] == [
        "de reistijden komen uit blad 'Reistijden' van deze werkmap, omdat er geen aparte "
        "tabel met reistijden is gegeven",
        "de leveranciers komen uit blad 'Leveranciers' van deze werkmap, omdat er geen "
        "aparte tabel met leveranciers is gegeven",
    ]
    assert "the travel times come from sheet 'Reistijden'" in said(warned[0], "en")
    # A table given apart is the one read, without a word about the sheet.
    travel = write(tmp_path / "travel.csv", "from,to,minutes\nA,B,5\n")
    warned.clear()
    instance = read_instance(book, travel, on_warning=warned.append)
    assert instance.travel == (TravelEdge("A", "B", 5.0),)
    assert [said(p).split(" ")[1] for p in warned] == ["leveranciers"]


def test_read_instance_from_dataframes() -> None:
    tasks = pd.DataFrame(
        {"task_id": ["T1", "T2"], "supplier": ["A", "B"], "days": ["ma", "di"]}
        | {"start": ["7", "7"], "end": ["9", "9"], "location": ["X", "Y"]}
    )
    travel = pd.DataFrame({"van": ["X"], "naar": ["Y"], "minuten": ["4,5"]})
    instance = read_instance(tasks, travel)
    assert instance.name == "instance" and instance.travel[0].minutes == 4.5
    assert instance.tasks[0].location == "X"


def test_read_instance_unknown_location_is_fine(tmp_path: Path) -> None:
    travel = write(tmp_path / "travel.csv", "from,to,minutes\nMain,Far,5\n")
    with pytest.warns(InputWarning, match="'Far'"):  # a place no task uses: a warning
        instance = read_instance(write(tmp_path / "t.csv", TASKS), travel)
    assert instance.travel_between("Main", "Nowhere", default=15) == 15


def test_read_instance_collects_problems_of_all_files(tmp_path: Path) -> None:
    tasks = write(tmp_path / "tasks.csv", TASKS + "T2,Asito,xx,07:00,08:00,\n")
    travel = write(tmp_path / "travel.csv", "from,to\nA,B\n")
    suppliers = tmp_path / "missing.csv"
    found = problems_of(read_instance, tasks, travel=travel, suppliers=suppliers)
    assert [(Path(p.source).name, p.row, p.column) for p in found] == [
        ("tasks.csv", 3, "days"),
        ("travel.csv", None, "minutes"),
        ("missing.csv", None, None),
    ]
