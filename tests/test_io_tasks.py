"""The tasks reader: formats, encodings, the day and time grammars, and every kind of error."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from combibaan.io import InputError, InputWarning, Problem, read_tasks
from combibaan.io.parsing import parse_day_choice, parse_days, parse_time, split_list
from combibaan.model.phrase import BadValue, say
from combibaan.model.week import Slot

HEADER = "task_id,supplier,description,days,start,end,location,competencies\n"


def write(tmp_path: Path, text: str | bytes, name: str = "tasks.csv") -> Path:
    path = tmp_path / name
    if isinstance(text, str):
        path.write_text(text, encoding="utf-8")
    else:
        path.write_bytes(text)
    return path


def problems(source: object) -> list[Problem]:
    with pytest.raises(InputError) as caught:
        read_tasks(source)
    assert caught.value.problems, "an InputError must carry at least one problem"
    return caught.value.problems


def where(found: list[Problem]) -> list[tuple[int | None, str | None]]:
    return [(p.row, p.column) for p in found]


def said(problem: Problem, lang: str = "nl") -> str:
    """What is wrong, without where: Dutch by default, as the command line says it."""
    return say(problem.message, lang)


# --- formats and encodings -----------------------------------------------------------------


def test_english_comma_file(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        HEADER + "T1,Asito,Cleaning,ma-vr,07:30,10:00,Main,cleaning|independent\n"
        "T2,Sodexo,Lunch,di,11:00,14:00,,\n",
    )
    t1, t2 = read_tasks(path)
    assert t1.id == "T1" and t1.supplier == "Asito" and t1.location == "Main"
    assert t1.slots == tuple(Slot(d, 450, 600) for d in range(5))
    assert t1.hours_per_week == 12.5
    assert t1.competencies == ("cleaning", "independent")
    assert t1.rows == (2,)
    assert t2.location is None and t2.competencies == () and t2.slots == (Slot(1, 660, 840),)


def test_dutch_semicolon_cp1252(tmp_path: Path) -> None:
    text = (
        "Taak;Leverancier;Omschrijving;Dagen;Begin;Eind;Locatie;Competenties\n"
        "T1;Asito;Schoonmaak café, ruimte 1;ma t/m vr;07.30;10.00;Bestuursgebouw;"
        "schoonmaken, zelfstandig\n"
        "T2;Sodexo;Koffie met reëel tempo;wo;12:00;13:30;;\n"
    )
    t1, t2 = read_tasks(write(tmp_path, text.encode("cp1252")))
    assert t1.description == "Schoonmaak café, ruimte 1"  # the comma did not split the cell
    assert t1.competencies == ("schoonmaken", "zelfstandig")  # ',' splits in a ';' file
    assert t1.days == (0, 1, 2, 3, 4)
    assert t2.description == "Koffie met reëel tempo"
    assert t2.minutes_per_week == 90


@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"])
def test_utf8_with_and_without_bom(tmp_path: Path, bom: bytes) -> None:
    text = HEADER + "T1,Asito,Schoonmaak café en ëzel,ma,07:00,08:00,,\n"
    (task,) = read_tasks(write(tmp_path, bom + text.encode("utf-8")))
    assert task.id == "T1"  # the BOM did not end up in the first header
    assert task.description == "Schoonmaak café en ëzel"


def test_headers_case_whitespace_and_extra_columns(tmp_path: Path) -> None:
    text = " Task_ID ; LEVERANCIER ;Notes; Dag ;VAN;tot;Extra\nT1;Asito;x;vr;9;12;y\n"
    with pytest.warns(InputWarning, match="kolom 'Extra' wordt niet gelezen"):  # Notes: a note
        (task,) = read_tasks(write(tmp_path, text))
    assert task.supplier == "Asito" and task.slots == (Slot(4, 540, 720),)
    assert task.description == "" and task.location is None


def test_headers_as_workshop_sheets_write_them(tmp_path: Path) -> None:
    text = (
        "Taaknummer;Leverancier;Dagen;Begintijd;Eindtijd;Gebouw;Vaardigheden\n"
        "12;Asito;ma;07:00;09:30;Noord;tillen\n"
    )
    (task,) = read_tasks(write(tmp_path, text))
    assert task.id == "12" and task.slots == (Slot(0, 420, 570),)
    assert task.location == "Noord" and task.competencies == ("tillen",)
    english = (
        "Task ID;Supplier;Days;Start time;End time;Building;Skills\nT1;A;mon;7:00 am;9:30 am;N;x\n"
    )
    (task,) = read_tasks(write(tmp_path, english))
    assert task.slots == (Slot(0, 420, 570),) and task.location == "N"


def test_a_column_per_day_as_rosters_lay_out_a_week(tmp_path: Path) -> None:
    text = (
        "Taak;Leverancier;ma;di;wo;do;vr;Begin;Eind;Vanaf;Uiterlijk;Duur\n"
        "T1;A;x;X;-;✓;;07:00;09:00;;;\n"  # marks: the row's times
        "T2;A;07:00-11:00;;11:00 - 15:00;;22:00-02:00;;;;;\n"  # times per day
        "T3;A;ja;;ja;;;;;09:00;16:00;1:00\n"  # marks for a window's days
    )
    first, second, third = read_tasks(write(tmp_path, text))
    assert first.slots == (Slot(0, 420, 540), Slot(1, 420, 540), Slot(3, 420, 540))
    assert second.slots == (Slot(0, 420, 660), Slot(2, 660, 900), Slot(4, 1320, 1560))
    assert [(w.days, w.count, w.duration) for w in third.windows] == [((0, 2), 2, 60)]
    # In a workbook a tick box is a cell holding TRUE.
    workbook = openpyxl.Workbook()
    workbook.active.append(["task_id", "supplier", "monday", "tuesday", "start", "end"])
    workbook.active.append(["T1", "A", True, False, dt.time(7), dt.time(9)])
    workbook.save(tmp_path / "week.xlsx")
    (task,) = read_tasks(tmp_path / "week.xlsx")
    assert task.slots == (Slot(0, 420, 540),)


def test_start_and_end_in_one_cell(tmp_path: Path) -> None:
    text = "Taak;Leverancier;Dagen;ma;Tijd\nT1;A;ma-vr;;07:00-09:30\nT2;A;;x;22:00 – 02:00\n"
    first, second = read_tasks(write(tmp_path, text))
    assert first.slots[0] == Slot(0, 420, 570) and len(first.slots) == 5
    assert second.slots == (Slot(0, 1320, 1560),)  # a mark for Monday at the row's times
    # "tot" and "to" as people write a span; "van"/"from" before it.
    text = (
        "Taak;Leverancier;Dagen;Tijd\n"
        "T1;A;ma;7:00 tot 9:30\nT2;A;ma;van 7 tot 9\nT3;A;ma;from 7 am to 9 am\n"
    )
    assert [t.slots for t in read_tasks(write(tmp_path, text))] == [
        (Slot(0, 420, 570),),
        (Slot(0, 420, 540),),
        (Slot(0, 420, 540),),
    ]
    wrong = "Taak;Leverancier;Dagen;Tijd;Begin\nT1;A;ma;11;\nT2;A;ma;07:00-25:00;\nT3;A;ma;7-9;7\n"
    found = problems(write(tmp_path, wrong))
    assert [(p.row, p.header) for p in found] == [(2, "Tijd"), (3, "Tijd"), (4, "Tijd")]
    assert said(found[0]) == "'11' is geen begin en eind; schrijf bijv. 07:00-09:00"
    assert "onmogelijke tijd '25:00'" in said(found[1])
    assert "ook in kolom 'Begin'" in said(found[2])
    # A row without a time: the cell the file uses for it is named.
    empty = problems(write(tmp_path, "Taak;Leverancier;Dagen;Tijd\nT1;A;ma;\n"))
    assert [(p.row, p.header) for p in empty] == [(2, "Tijd")]
    assert said(empty[0]) == "Tijd is leeg; schrijf begin en eind, bijv. 07:00-09:30"
    header = "Taak;Leverancier;Dagen;Tijd;Vanaf;Uiterlijk;Duur\n"
    either = problems(write(tmp_path, header + "T1;A;ma\n"))
    assert [(p.row, p.header) for p in either] == [(2, "Tijd")]
    assert "schrijf 'Tijd' (een vaste tijd, bijv. 07:00-11:00), of 'Vanaf'" in said(either[0])


def test_day_columns_that_cannot_be_read(tmp_path: Path) -> None:
    text = (
        "Taak;Leverancier;Dagen;ma;di;Begin;Eind\n"
        "T1;A;;;;07:00;08:00\n"  # no day at all
        "T2;A;;huh;;07:00;08:00\n"  # neither a mark nor times
        "T3;A;;07:00-09:00;;07:00;09:00\n"  # times in the day's cell and in the row
        "T4;A;ma;x;x;07:00;08:00\n"  # days and marks disagree
        "T5;A;ma;x;;07:00;08:00\n"  # they agree: fine
    )
    found = problems(write(tmp_path, text))
    assert [(p.row, p.column) for p in found] == [(2, "mon"), (3, "mon"), (4, "start"), (5, "days")]
    assert "deze rij noemt geen dag" in said(found[0]) and "'Dagen', 'ma', 'di'" in said(found[0])
    assert said(found[1]).startswith("'huh' is geen teken voor deze dag en geen tijd")
    assert "tijden in de kolom van een dag en ook in de rij zelf" in said(found[2])
    assert "'ma' en de ingevulde dagkolommen ('ma', 'di')" in said(found[3])
    assert "the days 'ma' and the day columns filled in" in said(found[3], "en")
    # Marks without any time, where windows could be given too: one message, no other.
    text = "Taak;Leverancier;ma;di;Vanaf;Uiterlijk;Duur;Begin;Eind\nT1;A;x;;;;;;\n"
    (no_time,) = problems(write(tmp_path, text))
    assert no_time.header == "Begin" and "deze rij geeft geen tijd" in said(no_time)


@pytest.mark.parametrize(
    ("header", "warned"),
    [
        (
            "taak;leverancier;dagen;van;tot;Locaties",
            "column 'Locaties' is not read; did you mean 'Locaties' → 'locatie'?",
        ),
        ("Taak;leverancier;dagen;van;tot;Nr", "column 'Nr' is not read (the columns"),
    ],
)
def test_a_column_not_read_is_named_with_a_guess(tmp_path: Path, header: str, warned: str) -> None:
    """A location under another name used to vanish: no travel between buildings."""
    with pytest.warns(InputWarning) as caught:
        read_tasks(write(tmp_path, header + "\nT1;Asito;ma;9;12;Main\n"))
    (warning,) = caught
    assert isinstance(warning.message, InputWarning)
    assert warned in say(warning.message.problem.message, "en")


def test_gebouw_and_beschrijving_are_read(tmp_path: Path) -> None:
    text = "taak;leverancier;beschrijving;dagen;van;tot;Gebouw\nT1;Asito;Ramen;ma;9;12;Main\n"
    (task,) = read_tasks(write(tmp_path, text))
    assert (task.description, task.location) == ("Ramen", "Main")


def test_comma_file_with_quoted_semicolons(tmp_path: Path) -> None:
    text = HEADER + 'T1,Asito,"a; b; c",ma,7,8,,"lift;drive|lift"\n'
    (task,) = read_tasks(write(tmp_path, text))
    assert task.description == "a; b; c"
    assert task.competencies == ("lift", "drive")


def test_excel_sep_line(tmp_path: Path) -> None:
    text = "sep=;\ntask_id;supplier;days;start;end\nT1;A;ma;7:00;x\n"
    found = problems(write(tmp_path, text))
    assert where(found) == [(2, "end")]  # the hidden sep line is not a row, as in Excel


def test_xlsx_with_time_cells_and_preferred_sheet(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    other = workbook.active
    other.title = "Toelichting"
    other.append(["this sheet is not the tasks"])
    sheet = workbook.create_sheet("Taken")
    sheet.append(["taak_id", "leverancier", "dagen", "begin", "eind", "competenties"])
    sheet.append([1, "Asito", "ma-vr", dt.time(7, 30), dt.time(10, 0), "a;b, c"])
    sheet.append(["T2", "Maas", "za", dt.datetime(2024, 1, 6, 22, 0), 0.25, None])
    sheet.append(["T3", "Maas", "zo", "08:00", 1230, None])
    sheet["D2"].number_format = "hh:mm"
    sheet["D3"].number_format = "hh:mm"  # a date shown as a time is read as the time it shows
    path = tmp_path / "tasks.xlsx"
    workbook.save(path)
    t1, t2, t3 = read_tasks(path)
    assert t1.id == "1"  # a number cell becomes text without ".0"
    assert t1.slots[0] == Slot(0, 450, 600)
    assert t1.competencies == ("a", "b", "c")
    assert t2.slots == (Slot(5, 22 * 60, 30 * 60),)  # 0.25 of a day = 06:00, past midnight
    assert t3.slots == (Slot(6, 480, 750),)  # 1230 -> 12:30


def test_xlsx_errors_use_sheet_rows(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["task_id", "supplier", "days", "start", "end"])
    sheet.append(["T1", "A", "ma", dt.time(7), dt.time(8)])
    sheet.append([None, None, None, None, None])  # an empty row is skipped, not renumbered
    sheet.append(["T2", "A", "mx", dt.time(7), dt.time(8)])
    path = tmp_path / "t.xlsx"
    workbook.save(path)
    assert where(problems(path)) == [(4, "days")]


def test_dataframe_input() -> None:
    frame = pd.DataFrame(
        {
            "taak": ["T1", "T1", "T2"],
            "leverancier": ["Asito", None, "Sodexo"],
            "dagen": ["ma", "di", "wo"],
            "begin": ["07:30", "07.30", dt.time(11)],  # a float 7.3 is refused: 07:18 or 07:30?
            "eind": ["10:00", "10:00", dt.time(14)],
        }
    )
    t1, t2 = read_tasks(frame)
    assert t1.rows == (2, 3) and t1.supplier == "Asito"
    assert t1.slots == (Slot(0, 450, 600), Slot(1, 450, 600))
    assert t2.slots == (Slot(2, 660, 840),)


def test_dataframe_errors_are_numbered_like_a_sheet() -> None:
    frame = pd.DataFrame(
        {"task_id": ["T1", "T2"], "supplier": ["A", "A"], "days": ["ma", "mo"], "start": ["7", "7"]}
    )
    found = problems(frame.assign(end=["8", "25:00"]))
    assert {p.source for p in found} == {"<table>"}
    assert where(found) == [(3, "days"), (3, "end")]


# --- slots, hours and repeated task ids ----------------------------------------------------


def test_past_midnight_and_hours_per_week(tmp_path: Path) -> None:
    text = (
        HEADER + "N1,Securitas,Night,ma-vr,22:00,06:00,,\n"
        "N2,Securitas,Late,zo,20:00,24:00,,\n"
        "N3,Securitas,Whole day,za,00:00,24:00,,\n"
    )
    n1, n2, n3 = read_tasks(write(tmp_path, text))
    assert n1.slots[0] == Slot(0, 1320, 1800)
    assert n1.hours_per_week == 40
    assert n2.slots == (Slot(6, 1200, 1440),)
    assert n3.slots == (Slot(5, 0, 1440),) and n3.hours_per_week == 24


def test_repeated_task_id_merges(tmp_path: Path) -> None:
    text = (
        HEADER + "T1,Asito,Morning,ma-wo,07:00,09:00,Main,cleaning\n"
        "T2,Sodexo,Lunch,ma,11:00,13:00,,\n"
        "T1,,,do,13:00,15:00,,\n"
        "T1,Asito,,vr,07:00,09:00,Main,cleaning\n"
    )
    t1, t2 = read_tasks(write(tmp_path, text))
    assert [t.id for t in (t1, t2)] == ["T1", "T2"]
    assert t1.rows == (2, 4, 5)
    assert t1.supplier == "Asito" and t1.location == "Main" and t1.description == "Morning"
    assert t1.days == (0, 1, 2, 3, 4)
    assert t1.hours_per_week == 10


def test_supplier_may_come_from_a_later_row(tmp_path: Path) -> None:
    (task,) = read_tasks(write(tmp_path, HEADER + "T1,,,ma,7,8,,\nT1,Asito,,di,7,8,,\n"))
    assert task.supplier == "Asito"


@pytest.mark.parametrize(
    ("second", "column", "old"),
    [
        ("T1,Sodexo,,di,7,8,,", "supplier", "'Asito'"),
        ("T1,,,di,7,8,Annex,", "location", "'Main'"),
        ("T1,,,di,7,8,,lift|drive", "competencies", "'lift'"),
    ],
)
def test_repeated_task_id_inconsistent(tmp_path: Path, second: str, column: str, old: str) -> None:
    text = HEADER + "T1,Asito,,ma,7,8,Main,lift\nT0,X,,ma,7,8,,\n" + second + "\n"
    (problem,) = problems(write(tmp_path, text))
    assert (problem.row, problem.column) == (4, column)
    assert "in rij 2" in said(problem) and old in said(problem)
    assert "in row 2" in said(problem, "en") and old in said(problem, "en")


def test_competencies_agree_in_any_order(tmp_path: Path) -> None:
    text = HEADER + "T1,A,,ma,7,8,,a|b\nT1,A,,di,7,8,,b|a|b\n"
    (task,) = read_tasks(write(tmp_path, text))
    assert task.competencies == ("a", "b")


def test_overlapping_slots_of_one_task(tmp_path: Path) -> None:
    text = (
        HEADER + "T1,A,,ma-vr,07:00,10:00,,\n"
        "T1,A,,wo,09:00,11:00,,\n"
        "N1,A,,zo,22:00,06:00,,\n"
        "N1,A,,ma,05:00,07:00,,\n"  # Sunday night runs into Monday morning
        "OK,A,,ma,07:00,09:00,,\n"
        "OK,A,,ma,09:00,10:00,,\n"  # touching is not overlapping
    )
    found = problems(write(tmp_path, text))
    assert where(found) == [(3, None), (5, None)]
    assert "uit rij 2" in said(found[0]) and "'T1'" in said(found[0])
    assert "uit rij 4" in said(found[1]) and "'N1'" in said(found[1])
    assert "wo 09:00-11:00 overlapt met tijdvak wo 07:00-10:00" in said(found[0])
    assert "wed 09:00-11:00 overlaps slot wed 07:00-10:00" in said(found[0], "en")


# --- errors ----------------------------------------------------------------------------------


def test_missing_columns(tmp_path: Path) -> None:
    found = problems(write(tmp_path, "taak;omschrijving;begin\nT1;x;7\n"))
    assert where(found) == [(None, "supplier"), (None, "days"), (None, "end")]
    assert "kolom 'supplier' (of 'leverancier') ontbreekt" in said(found[0])
    assert "'dagen'" in said(found[1]) and "'dag'" in said(found[1])
    assert "'omschrijving'" in said(found[0])  # says what the header does have
    assert "missing column 'supplier' (or 'leverancier')" in said(found[0], "en")


def test_duplicate_header_meaning(tmp_path: Path) -> None:
    (problem,) = problems(write(tmp_path, "task_id,taak,supplier,days,start,end\n"))
    assert (problem.row, problem.column) == (1, "task_id")


def test_empty_required_cells(tmp_path: Path) -> None:
    text = HEADER + ",A,,ma,7,8,,\nT2,,,ma,7,8,,\nT3,A,,,7,8,,\nT4,A,,ma,,8,,\nT5,A,,ma,7,,,\n"
    found = problems(write(tmp_path, text))
    assert where(found) == [
        (2, "task_id"),
        (3, "supplier"),
        (4, "days"),
        (5, "start"),
        (6, "end"),
    ]


def test_all_problems_collected_in_one_run(tmp_path: Path) -> None:
    text = (
        HEADER + "T1,A,,ma,07:00,09:00,,\n"
        "T2,A,,mo-fr,7:61,09:00,,\n"
        "T3,A,,ma,24:00,08:00,,\n"
        "T1,B,,di,07:00,07:00,,\n"
        "T4,A,,ma-vr,25,9,,\n"
    )
    found = problems(write(tmp_path, text))
    assert where(found) == [
        (3, "days"),
        (3, "start"),
        (4, "start"),
        (5, "end"),
        (5, "supplier"),
        (6, "start"),
    ]
    assert "onbekende dag 'mo'" in said(found[0])
    assert "onmogelijke tijd '7:61'" in said(found[1])
    assert "24:00" in said(found[2]) and "eindtijd" in said(found[2])
    assert "begin en eind zijn gelijk" in said(found[3])
    assert str(found[0]).startswith(f"{tmp_path / 'tasks.csv'}, rij 3, kolom 'days': ")
    assert found[0].text("en").startswith(f"{tmp_path / 'tasks.csv'}, row 3, column 'days': ")
    assert "impossible time '7:61'" in said(found[1], "en")
    assert "the same" in said(found[3], "en")


def test_messages_name_the_columns_as_the_file_heads_them(tmp_path: Path) -> None:
    # A Dutch workbook: the user looks for 'Dagen' and 'Begin', not for 'days' and 'start'.
    text = (
        "Taak ID;Leverancier;Dagen;Begin;Eind;Locatie\n"
        "T1;Asito;xx;08:00;10:00;Hal\n"
        "T2;Asito;ma;;10:00;Hal\n"
        "T2;Asito;di;08:00;10:00;Kantine\n"
    )
    found = problems(write(tmp_path, text))
    assert [(p.row, p.column, p.header) for p in found] == [
        (2, "days", "Dagen"),
        (3, "start", "Begin"),
        (4, "location", "Locatie"),
    ]
    assert str(found[0]).startswith(f"{tmp_path / 'tasks.csv'}, rij 2, kolom 'Dagen': ")
    assert (
        found[1]
        .text("en")
        .endswith("row 3, column 'Begin': Begin is empty; write the start time, e.g. 07:30")
    )
    assert "in kolom Locatie" in said(found[2])
    # A file that heads them with the reader's own names reads as before.
    english = problems(write(tmp_path, HEADER + "T1,A,,xx,07:00,09:00,,\n"))
    assert english[0].header == "days" and "column 'days'" in english[0].text("en")


def test_a_row_without_any_time_says_both_ways_to_give_one(tmp_path: Path) -> None:
    text = (
        "taak;leverancier;dagen;begin;eind;vanaf;uiterlijk;duur\n"
        "T1;A;ma-vr;;;;;\n"
        "T2;A;ma-vr;;10:00;;;\n"
    )
    found = problems(write(tmp_path, text))
    assert where(found) == [(2, "start"), (3, "start")]
    assert "geen tijd" in said(found[0]) and "'vanaf', 'uiterlijk' en 'duur'" in said(found[0])
    assert "'begin' and 'eind' (a fixed time" in said(found[0], "en")
    assert said(found[1]) == "begin is leeg; schrijf de begintijd, bijv. 07:30"
    # Without columns for fixed times, every row must give a window: its cells are named.
    windows = problems(write(tmp_path, "taak;leverancier;dagen;vanaf;uiterlijk;duur\nT1;A;ma;;;\n"))
    assert [p.header for p in windows] == ["vanaf", "uiterlijk", "duur"]
    assert said(windows[0]).startswith("vanaf is leeg; schrijf het begin van het tijdvenster")


@pytest.mark.parametrize("text", ["", "\n\n", HEADER, HEADER + ",,,,,,,\n"])
def test_no_tasks(tmp_path: Path, text: str) -> None:
    (problem,) = problems(write(tmp_path, text))
    assert "geen taken" in said(problem) and problem.row is None


def test_utf16_without_byte_order_mark_is_read(tmp_path: Path) -> None:
    text = "task_id;supplier;days;start;end\nT1;Café;ma;7;8\n"
    for encoding in ("utf-16-le", "utf-16-be"):
        path = tmp_path / f"{encoding}.csv"
        path.write_bytes(text.encode(encoding))
        (task,) = read_tasks(path)
        assert task.supplier == "Café"


def test_a_file_of_windows_1252_and_utf8_is_read_with_a_warning(tmp_path: Path) -> None:
    """Pasted together from two sources: the UTF-8 accents would read as two letters."""
    path = tmp_path / "mixed.csv"
    text = "task_id;supplier;description;days;start;end\n"
    path.write_bytes(
        text.encode() + "T1;A;één;ma;7;8\n".encode() + "T2;A;café;di;7;8\n".encode("cp1252")
    )
    with pytest.warns(InputWarning, match="de eerste regel die geen UTF-8 is: 3"):
        read_tasks(path)


def test_an_end_of_file_mark_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "old.csv"
    path.write_bytes(b"task_id;supplier;days;start;end\r\nT1;A;ma;7;8\r\n\x1a")
    assert [t.id for t in read_tasks(path)] == ["T1"]


@pytest.mark.parametrize(
    ("name", "content", "phrase"),
    [
        ("missing.csv", None, "niet gevonden"),
        ("folder", "dir", "map"),
        ("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 50, ".xls"),
        ("broken.xlsx", b"PK\x03\x04 this is not really a zip", "beschadigd"),
        ("fake.xlsx", b"task_id,supplier\n", "geen werkmap: het bevat tekst (een CSV-bestand"),
        ("fake.xls", b"task_id;supplier\n", "geef het de extensie .csv"),
        ("empty.xlsx", b"", "dit .xlsx-bestand is geen werkmap: het is leeg"),
        ("noise.xlsx", b"\x00\x01\x02\x03" * 20, "het bevat iets anders"),
        (
            "renamed.xlsx",
            b"PK\x03\x04"
            + b"\x00" * 26
            + b"mimetypeapplication/vnd.oasis.opendocument.spreadsheet",
            "OpenDocument",
        ),
        ("image.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "geen CSV"),
        ("weird.csv", b"task_id,supplier\n\x81\x8d\x8f\x90\x9d,x\n", "UTF-8"),
        ("sheet.ods", b"PK\x03\x04", "OpenDocument"),
    ],
)
def test_unreadable_files(
    tmp_path: Path, name: str, content: bytes | str | None, phrase: str
) -> None:
    path = tmp_path / name
    if content == "dir":
        path.mkdir()
    elif isinstance(content, bytes):
        path.write_bytes(content)
    (problem,) = problems(path)
    assert phrase in said(problem)
    assert problem.source == str(path)


# --- grammars --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("ma-vr", (0, 1, 2, 3, 4)),
        ("ma t/m vr", (0, 1, 2, 3, 4)),
        ("Ma T/M Vr", (0, 1, 2, 3, 4)),
        ("maandag tot en met woensdag", (0, 1, 2)),
        ("ma - wo", (0, 1, 2)),
        ("ma,wo,vr", (0, 2, 4)),
        ("ma; wo / vr + za & zo", (0, 2, 4, 5, 6)),
        ("ma wo vr", (0, 2, 4)),
        ("di en do", (1, 3)),
        ("tue and thu", (1, 3)),
        ("mon-fri", (0, 1, 2, 3, 4)),
        ("Monday to Wednesday", (0, 1, 2)),
        ("mon through wed", (0, 1, 2)),
        ("vr-zo,ma", (0, 4, 5, 6)),  # through the weekend, written forwards
        ("zo-zo", (6,)),
        ("maandag", (0,)),
        ("ZONDAG", (6,)),
        ("maa, din, woe, don, vrij, zat, zon", (0, 1, 2, 3, 4, 5, 6)),
        ("sat,sunday", (5, 6)),
        ("werkdagen", (0, 1, 2, 3, 4)),
        ("weekdays", (0, 1, 2, 3, 4)),
        ("weekend", (5, 6)),
        ("werkdagen, za", (0, 1, 2, 3, 4, 5)),
        ("dagelijks", tuple(range(7))),
        ("daily", tuple(range(7))),
        ("elke dag", tuple(range(7))),
        ("elke werkdag", (0, 1, 2, 3, 4)),
        ("iedere dinsdag en donderdag", (1, 3)),
        ("every weekday", (0, 1, 2, 3, 4)),
        ("ma-vr behalve wo", (0, 1, 3, 4)),
        ("ma-vr (niet wo)", (0, 1, 3, 4)),
        ("werkdagen, niet op vrijdag", (0, 1, 2, 3)),
        ("ma-zo excl. za,zo", (0, 1, 2, 3, 4)),
        ("mon-fri except wed", (0, 1, 3, 4)),
        ("ma, ma, ma-di", (0, 1)),
        ("ma.-vr.", (0, 1, 2, 3, 4)),
    ],
)
def test_days_grammar(text: str, days: tuple[int, ...]) -> None:
    assert parse_days(text) == days


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("xx", "'xx'"),
        ("ma-", "'ma-'"),
        ("ma-di-wo", "'ma-di-wo'"),
        ("ma tot vr", "'tot'"),
        ("ma-vr, even weken", "'even weken'"),
        ("1x per 2 weken di", "'per 2 weken'"),
        ("every other week mon", "'every other week'"),
        ("ma-vr behalve ma-vr", "'ma-vr behalve ma-vr'"),  # no day left
        ("ma-vr behalve", "'ma-vr behalve'"),
        ("monday-holiday", "'holiday'"),
        (",", "','"),
        ("8", "'8'"),
        ("vr-ma", "'vr-ma'"),  # a range that runs backwards: ma-vr, or vr-zo,ma?
    ],
)
def test_days_errors_name_the_value(text: str, named: str) -> None:
    with pytest.raises(ValueError, match="dag") as caught:
        parse_days(text)
    assert named in str(caught.value)


@pytest.mark.parametrize(
    "text",
    [
        "3x ma-vr",
        "3 X ma t/m vr",
        "3×ma-vr",
        "3 keer ma-vr",
        "3x per week ma-vr",
        "3 keer per week: ma-vr",
        "3 dagen per week ma-vr",
        "3 van ma-vr",
        "3 dagen uit ma-vr",
        "3 times a week mon-fri",
        "3 days of mon-fri",
    ],
)
def test_a_choice_of_days_as_people_write_it(text: str) -> None:
    assert parse_day_choice(text) == (3, (0, 1, 2, 3, 4))


@pytest.mark.parametrize(
    ("text", "said"),
    [("6 keer ma-vr", "6 van 5 dagen"), ("3 van", "geen dag"), ("3 ma-vr", "onbekende dag '3'")],
)
def test_a_choice_of_days_that_cannot_be_read(text: str, said: str) -> None:
    with pytest.raises(BadValue) as caught:
        parse_day_choice(text)
    assert said in caught.value.text("nl")


def test_a_backwards_range_spells_out_both_readings_in_the_run_language() -> None:
    with pytest.raises(BadValue) as caught:
        parse_days("do-di")
    assert "'di-do' (3 dagen) voor dinsdag tot en met donderdag" in caught.value.text("nl")
    assert "(6 dagen) voor donderdag tot en met de dinsdag erna" in caught.value.text("nl")
    assert "'di-do' (3 days) for Tuesday to Thursday" in caught.value.text("en")


@pytest.mark.parametrize(
    ("value", "minutes"),
    [
        ("07:30", 450),
        ("07.30", 450),
        ("7:30", 450),
        ("7.30", 450),
        ("7", 420),
        ("0730", 450),
        ("730", 450),
        ("00:00", 0),
        ("23:59", 1439),
        ("07:30:00", 450),
        ("1900-01-01 07:30:00", 450),
        (dt.time(7, 30), 450),
        (dt.datetime(1899, 12, 30, 13, 15), 795),  # Excel's day zero: just a time
        (dt.timedelta(hours=13, minutes=15), 795),  # a [h]:mm cell
        (0.3125, 450),
        (7, 420),
        (730, 450),
        ("8u30", 510),  # as Dutch and Flemish lists write it
        ("08h30", 510),
        ("7:30pm", 1170),
        ("7:30 PM", 1170),
        ("12:15 p.m.", 735),
        ("12 AM", 0),
        ("9am", 540),
    ],
)
def test_times(value: object, minutes: int) -> None:
    assert parse_time(value) == minutes


@pytest.mark.parametrize(
    "value", ["24:00", "25:00", "7:60", "7:5", "99", "abc", "13pm", "0 am", "7u5", "-1"]
)
def test_impossible_start_times(value: str) -> None:
    with pytest.raises(ValueError, match=r"onmogelijke tijd|24:00"):
        parse_time(value)


@pytest.mark.parametrize(
    ("text", "meant"),
    [("7.5", "07:30 or 07:50"), ("0.375", "09:00 or 00:22"), ("0,3333333", "08:00 or 00:20")],
)
def test_a_decimal_time_is_refused_with_its_readings(text: str, meant: str) -> None:
    """0.375 in a CSV is Excel's fraction of a day (09:00), exported as a number."""
    with pytest.raises(BadValue) as caught:
        parse_time(text)
    assert f"did you mean {meant}?" in caught.value.text("en")


def test_midnight_as_end_only() -> None:
    assert parse_time("24:00", is_end=True) == 1440
    assert parse_time("2400", is_end=True) == 1440
    with pytest.raises(ValueError, match="onmogelijke tijd") as caught:
        parse_time("24:30", is_end=True)
    assert isinstance(caught.value, BadValue)
    assert caught.value.text("en").startswith("impossible time '24:30'")


@pytest.mark.parametrize(
    ("text", "delimiter", "items"),
    [
        ("a|b|a", ",", ("a", "b")),
        (" a , b ;c", None, ("a", "b", "c")),
        ("a,b;c", ",", ("a,b", "c")),  # hypothetical: ',' cannot split in a ',' file
        ("a,b;c", ";", ("a", "b;c")),
        ("| |", None, ()),
    ],
)
def test_split_list(text: str, delimiter: str | None, items: tuple[str, ...]) -> None:
    assert split_list(text, delimiter) == items


def test_a_task_not_done_every_week_is_refused_saying_why() -> None:
    """The plan is one week that repeats; 'om de week' is not an unknown day 'om'."""
    for text in ("om de week ma", "2x per 2 weken ma-vr", "ma, tweewekelijks", "biweekly fri"):
        with pytest.raises(BadValue) as caught:
            parse_day_choice(text)
        assert "niet elke week gebeurt" in say(caught.value.message)
        assert "not done every week" in say(caught.value.message, "en")
