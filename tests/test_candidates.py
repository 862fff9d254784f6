"""The candidates file: windows in the task list's grammar, rows of one candidate, every
problem named by row and column in Dutch and English, and no personal data let in."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace as dataclass_replace
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from conftest import INSTANCES, make_task
from test_error_texts import english_words

import combibaan
from combibaan import Candidate, InputError, Slot
from combibaan.io import InputWarning, Problem
from combibaan.io.candidates import read_candidates
from combibaan.model.phrase import mistake, say

INDOOR = INSTANCES / "indoor"
HEADER = "candidate_id,days,available_from,available_to,min_hours,max_hours,competencies\n"
DUTCH_HEADER = "kandidaat;dagen;beschikbaar_van;beschikbaar_tot;min_uren;max_uren;competenties\n"


@pytest.fixture(scope="module")
def indoor() -> combibaan.Instance:
    return combibaan.read_instance(INDOOR / "tasks.csv")


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def problems(source: object, instance: combibaan.Instance | None = None) -> list[Problem]:
    with pytest.raises(InputError) as caught:
        read_candidates(source, instance)
    return caught.value.problems


def where(found: list[Problem]) -> dict[tuple[int | None, str | None], Problem]:
    return {(p.row, p.column): p for p in found}


def workbook(path: Path, rows: list[list[object]], title: str = "kandidaten") -> Path:
    book = openpyxl.Workbook()
    intro = book.worksheets[0]
    intro.title = "toelichting"
    intro.append(["Dit blad legt uit; de kandidaten staan op het volgende blad."])
    sheet = book.create_sheet(title)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


# ----------------------------------------------------------------------------- reading


def test_english_and_dutch_headers_read_the_same(tmp_path: Path) -> None:
    english = write(
        tmp_path / "en.csv",
        HEADER + "K01,ma-vr,07:00,13:00,20.5,25,klantvriendelijk|nauwkeurig\n"
        "kandidaat 3,weekend,22:00,06:00,,,\n",
    )
    dutch = write(
        tmp_path / "nl.csv",
        DUTCH_HEADER + "K01;ma t/m vr;7:00;13:00 uur;20,5;25;klantvriendelijk, nauwkeurig\n"
        "kandidaat 3;za,zo;22:00;6:00;;;\n",
    )
    candidates = read_candidates(english)
    assert candidates == read_candidates(dutch)
    first, night = candidates
    assert first == Candidate(
        "K01",
        tuple(Slot(day, 420, 780) for day in range(5)),
        min_hours=20.5,
        max_hours=25.0,
        competencies=("klantvriendelijk", "nauwkeurig"),
    )
    assert first.eligible_task_ids is None and first.rows == (2,)
    assert night.windows == (Slot(5, 1320, 1800), Slot(6, 1320, 1800))  # past midnight
    assert (night.min_hours, night.max_hours, night.competencies) == (None, None, ())


def test_a_workbook_and_a_dataframe_read_like_the_csv(tmp_path: Path) -> None:
    rows: list[list[object]] = [
        ["Kandidaat", "Dagen", "Beschikbaar van", "Beschikbaar tot", "Max uren", "Taken"],
        ["K01", "ma,wo", dt.time(8), dt.time(12, 30), 16, "I06|I09"],
        ["K01", "vr", dt.time(13), dt.time(17), None, None],
    ]
    path = workbook(tmp_path / "kandidaten.xlsx", rows)
    expected = (
        Candidate(
            "K01",
            (Slot(0, 480, 750), Slot(2, 480, 750), Slot(4, 780, 1020)),
            max_hours=16.0,
            eligible_task_ids=("I06", "I09"),
        ),
    )
    assert read_candidates(path) == expected
    assert read_candidates(path)[0].rows == (2, 3)
    english = workbook(tmp_path / "candidates.xlsx", rows, title="candidates")
    assert read_candidates(english) == expected
    frame = pd.DataFrame(
        {
            "candidate_id": ["K01", "K01"],
            "days": ["ma,wo", "vr"],
            "available_from": ["08:00", "13:00"],
            "available_to": ["12:30", "17:00"],
            "max_hours": [16, None],
            "eligible_task_ids": ["I06|I09", None],
        }
    )
    assert read_candidates(frame) == expected


def test_whole_days_and_windows_of_a_full_day(tmp_path: Path) -> None:
    path = write(
        tmp_path / "c.csv",
        HEADER + "K01,ma,00:00,00:00,,,\n"  # the whole day
        "K02,di,08:00,08:00,,,\n"  # an end at the start: a full day from 08:00
        "K03,wo,10:00,24:00,,,\n"  # until midnight
        "K04,zo,22:00,06:00,,,\n",  # Sunday night into Monday morning
    )
    whole, from_eight, to_midnight, sunday = read_candidates(path)
    assert whole.windows == (Slot(0, 0, 1440),)
    assert from_eight.windows == (Slot(1, 480, 1920),)
    assert to_midnight.windows == (Slot(2, 600, 1440),)
    assert sunday.windows == (Slot(6, 1320, 1800),)
    assert whole.available(Slot(0, 0, 1440)) and not whole.available(Slot(1, 0, 60))
    assert from_eight.available(Slot(2, 60, 420)) and not from_eight.available(Slot(2, 420, 540))
    assert sunday.available(Slot(0, 0, 360)) and not sunday.available(Slot(0, 300, 420))


def test_rows_of_one_candidate_are_its_windows(tmp_path: Path) -> None:
    path = write(
        tmp_path / "c.csv",
        HEADER + "K01,ma-vr,07:00,10:00,18,30,schoonmaak|tillen\n"
        "K02,ma,08:00,09:00,,,\n"
        "K01,za,09:00,13:00,,,\n"  # the rest left empty: the earlier values hold
        "K01,ma-vr,07:00,10:00,18,30,tillen|schoonmaak\n",  # a repeat, in another order
    )
    first, second = read_candidates(path)
    assert first.rows == (2, 4, 5) and second.rows == (3,)
    assert first.windows == (*(Slot(day, 420, 600) for day in range(5)), Slot(5, 540, 780))
    assert (first.min_hours, first.max_hours) == (18.0, 30.0)
    assert first.competencies == ("schoonmaak", "tillen")


def test_the_example_reads_and_fits_the_indoor_tasks(indoor: combibaan.Instance) -> None:
    candidates = combibaan.read_candidates(INDOOR / "candidates.csv", indoor)
    assert [c.id for c in candidates] == ["K01", "K02", "K03", "K04", "K05", "K06"]
    by_id = {c.id: c for c in candidates}
    assert by_id["K04"].rows == (5, 6)
    assert by_id["K05"].eligible_task_ids == ("I06", "I09", "I22")
    for candidate in candidates:
        assert any(candidate.may_do(task) for task in indoor.tasks), candidate.id


# ----------------------------------------------------------------------------- their rules


def test_availability_on_read_candidates(indoor: combibaan.Instance) -> None:
    by_id = {c.id: c for c in read_candidates(INDOOR / "candidates.csv", indoor)}
    task = indoor.task
    assert by_id["K04"].may_do(task("I21"))  # ma,wo,vr from one row, di,do from the other
    assert not by_id["K04"].may_do(task("I08"))  # Monday at 07:30, before the window opens
    assert by_id["K03"].may_do(task("I16"))  # an evening window running past midnight
    assert not by_id["K03"].may_do(task("I15"))  # the afternoon
    assert by_id["K06"].may_do(task("I17"))  # 00:00-00:00: any time of those days


def test_competencies_on_read_candidates(indoor: combibaan.Instance) -> None:
    by_id = {c.id: c for c in read_candidates(INDOOR / "candidates.csv", indoor)}
    assert by_id["K01"].may_do(indoor.task("I01"))
    assert not by_id["K01"].may_do(indoor.task("I10"))  # tillen en sjouwen: not theirs
    assert not by_id["K01"].may_do(indoor.task("I05"))  # in time, but not vroeg beginnen


def test_eligibility_on_read_candidates(tmp_path: Path, indoor: combibaan.Instance) -> None:
    path = write(
        tmp_path / "c.csv",
        "kandidaat,dagen,beschikbaar_van,beschikbaar_tot,competenties,taken\n"
        "K01,ma-vr,08:00,12:00,Nauwkeurig|Zelfstandig,I06\n"
        "K02,ma-vr,08:00,12:00,nauwkeurig|zelfstandig,\n",
    )
    listed, free = read_candidates(path, indoor)
    assert listed.may_do(indoor.task("I06"))
    assert not listed.may_do(indoor.task("I09"))  # fits, but not on the list
    assert free.may_do(indoor.task("I09"))
    task = make_task("X1", "Maas", "ma 08:00-09:00", competencies=("nauwkeurig",))
    assert free.may_do(task) and not listed.may_do(task)


# ----------------------------------------------------------------------------- mistakes


def test_every_problem_with_row_and_column_in_both_languages(
    tmp_path: Path, indoor: combibaan.Instance
) -> None:
    path = write(
        tmp_path / "candidates.csv",
        "candidate_id,days,available_from,available_to,min_hours,max_hours,eligible_task_ids\n"
        "K01,ma-vr,07:61,13:00,,,\n"  # row 2: a bad time
        "K02,mo-fr,07:00,13:00,,,\n"  # row 3: a bad day
        "K03,ma-vr,07:00,13:00,30,20,\n"  # row 4: min above max
        "K04,ma,07:00,13:00,,,I06|I99\n"  # row 5: an unknown task
        "K05,ma,07:00,13:00,10,20,\n"  # row 6: fine
        "K05,di,07:00,13:00,,24,\n"  # row 7: disagrees with row 6
        "K06,ma,,13:00,,,\n"  # row 8: an empty required cell
        ",ma,07:00,13:00,,,\n"  # row 9: no code
        "K07,ma,07:00,13:00,-4,veel,\n"  # row 10: two bad numbers
        "K08,ma,07:00,13:00,8,,\n",  # row 11: more hours needed than available
    )
    found = where(problems(path, indoor))
    assert set(found) == {
        (2, "available_from"),
        (3, "days"),
        (4, "min_hours"),
        (5, "eligible_task_ids"),
        (7, "max_hours"),
        (8, "available_from"),
        (9, "candidate_id"),
        (10, "min_hours"),
        (10, "max_hours"),
        (11, "min_hours"),
    }

    def both(key: tuple[int, str], dutch: str, english: str) -> None:
        problem = found[key]
        assert dutch in problem.text("nl"), problem.text("nl")
        assert english in problem.text("en"), problem.text("en")
        assert f"rij {key[0]}, kolom '{key[1]}'" in problem.text("nl")
        assert f"row {key[0]}, column '{key[1]}'" in problem.text("en")
        assert english_words(say(problem.message, "nl")) == set(), problem.text("nl")

    both((2, "available_from"), "onmogelijke tijd '07:61'", "impossible time '07:61'")
    both((3, "days"), "onbekende dag 'mo'", "unknown day 'mo'")
    both((4, "min_hours"), "min_hours (30) is hoger dan max_hours (20)", "is above max_hours")
    both(
        (5, "eligible_task_ids"),
        "taak 'I99' staat niet in de takenlijst; misschien I19, I09?",
        "task 'I99' is not in the task list; did you mean I19, I09?",
    )
    both((7, "max_hours"), "hier staat 24 in kolom max_hours, maar 20 in rij 6", "max_hours is 24")
    both((8, "available_from"), "available_from is leeg", "available_from is empty")
    both((9, "candidate_id"), "anonieme code", "anonymous code of its candidate")
    both((10, "min_hours"), "min_hours mag niet negatief zijn", "must not be negative")
    both((10, "max_hours"), "max_hours moet een getal zijn", "must be a number")
    both((11, "min_hours"), "maar is maar 6 uur per week beschikbaar", "available only 6 hours")


def test_a_column_per_day_as_rosters_lay_out_availability(tmp_path: Path) -> None:
    path = write(
        tmp_path / "kandidaten.csv",
        "kandidaat;ma;di;wo;beschikbaar_van;beschikbaar_tot\n"
        "K07;x;x;;08:00;14:00\n"
        "K08;08:00-12:00;;13:00-17:00;;\n",
    )
    first, second = read_candidates(path)
    assert first.windows == (Slot(0, 480, 840), Slot(1, 480, 840))
    assert second.windows == (Slot(0, 480, 720), Slot(2, 780, 1020))
    wrong = write(
        tmp_path / "fout.csv",
        "kandidaat;ma;di;beschikbaar_van;beschikbaar_tot\nK09;;;08:00;12:00\n"
        "K10;08:00-12:00;;08:00;\n",
    )
    found = problems(wrong)
    assert [(p.row, p.column) for p in found] == [(2, "mon"), (3, "available_from")]
    assert "deze rij noemt geen dag" in found[0].text("nl")
    assert "tijden in de kolom van een dag en ook in de rij zelf" in found[1].text("nl")


def test_a_header_in_two_rows_joins_a_heading_to_the_one_below(tmp_path: Path) -> None:
    """``Beschikbaar`` over ``van | tot`` is ``beschikbaar_van`` and ``beschikbaar_tot``."""
    path = write(
        tmp_path / "kandidaten.csv",
        "Kandidaat;Dagen;Beschikbaar;;Uren;\n;;van;tot;min_uren;max_uren\nK01;ma;07:00;;20;25\n",
    )
    (problem,) = problems(path)
    assert (problem.row, problem.column, problem.header) == (3, "available_to", "Beschikbaar tot")
    # ``Uren`` over ``min | max`` is ``min_uren`` and ``max_uren`` (the words either way
    # round); a heading that names no column (``Telefoon`` is refused, ``Team`` over ``code``
    # is not read) leaves the rest of the row a heading row.
    path = write(
        tmp_path / "kandidaten.csv",
        "Kandidaat;Dagen;Beschikbaar;;Uren;;Team\n;;van;tot;min;max;code\nK01;ma-vr;07:00;18:00;30;20;A\n",
    )
    (problem,) = problems(path)
    assert (problem.row, problem.column, problem.header) == (3, "min_hours", "Uren min")
    # A row under the header with a value in it (a time, a number) is data.
    path = write(
        tmp_path / "kandidaten.csv", "Kandidaat;Dagen;Beschikbaar;;Uren;\n;;van;tot;min;20\n"
    )
    assert {p.column for p in problems(path)} == {"available_from", "available_to"}


def test_problems_name_the_columns_as_the_file_heads_them(tmp_path: Path) -> None:
    path = write(
        tmp_path / "kandidaten.csv",
        "Kandidaat;Dagen;Beschikbaar_van;Beschikbaar_tot;Min_uren;Max_uren\n"
        "K01;ma-vr;;13:00;;\n"
        "K02;ma-vr;07:00;13:00;30;20\n",
    )
    found = where(problems(path))
    assert (
        found[(2, "available_from")]
        .text("nl")
        .endswith(
            "rij 2, kolom 'Beschikbaar_van': Beschikbaar_van is leeg; "
            + say(mistake("fill_available_from"), "nl")
        )
    )
    above = found[(3, "min_hours")].text("nl")
    assert "kolom 'Min_uren'" in above and "Min_uren (30) is hoger dan Max_uren (20)" in above


def test_a_missing_required_column_is_named(tmp_path: Path) -> None:
    path = write(tmp_path / "c.csv", "kandidaat,dagen,beschikbaar_van\nK01,ma,07:00\n")
    ((_, problem),) = where(problems(path)).items()
    assert problem.column == "available_to"
    assert "kolom 'available_to' (of 'beschikbaar_tot') ontbreekt" in problem.text("nl")
    assert "missing column 'available_to' (or 'beschikbaar_tot')" in problem.text("en")


def test_hours_in_a_week_at_most(tmp_path: Path) -> None:
    path = write(tmp_path / "c.csv", HEADER + "K01,ma,07:00,13:00,,200,\n")
    (problem,) = problems(path)
    assert (problem.row, problem.column) == (2, "max_hours")
    assert "hoogstens 168 zijn (de uren van een week)" in problem.text("nl")
    assert "at most 168 (the hours in a week)" in problem.text("en")


def test_a_header_without_rows_is_no_candidates(tmp_path: Path) -> None:
    (problem,) = problems(write(tmp_path / "c.csv", HEADER))
    assert "geen kandidaten" in str(problem) and "no candidates" in problem.text("en")


def test_unknown_task_ids_need_an_instance_to_be_known(tmp_path: Path) -> None:
    path = write(
        tmp_path / "c.csv",
        "kandidaat,dagen,beschikbaar_van,beschikbaar_tot,taken\nK01,ma,07:00,13:00,I99\n",
    )
    assert read_candidates(path)[0].eligible_task_ids == ("I99",)


def test_hidden_rows_are_read_and_named(tmp_path: Path) -> None:
    rows: list[list[object]] = [
        ["kandidaat", "dagen", "beschikbaar_van", "beschikbaar_tot"],
        ["K01", "ma", "07:00", "13:00"],
        ["K02", "di", "07:00", "13:00"],
    ]
    path = workbook(tmp_path / "c.xlsx", rows)
    book = openpyxl.load_workbook(path)
    book["kandidaten"].row_dimensions[3].hidden = True
    book.save(path)
    warned: list[Problem] = []
    assert len(read_candidates(path, on_warning=warned.append)) == 2
    (warning,) = warned
    assert say(warning.message, "en").startswith("row 3 of sheet 'kandidaten' is hidden")
    with pytest.warns(InputWarning, match="rij 3 van blad 'kandidaten' is verborgen"):
        read_candidates(path)


# ----------------------------------------------------------------------------- privacy


@pytest.mark.parametrize(
    "header",
    [
        "Naam",
        "naam",
        "Voornaam",
        "First name",
        "last_name",
        "E-mail",
        "email",
        "Telefoon",
        "BSN",
        "Date of birth",
        "geboortedatum",
        "Adres",
        "Kandidaat naam",
        "Tel.",
        "Geb. datum",
    ],
)
def test_a_column_of_personal_data_is_refused(tmp_path: Path, header: str) -> None:
    path = write(
        tmp_path / "c.csv",
        f"kandidaat,{header},dagen,beschikbaar_van,beschikbaar_tot\n"
        "K01,Jantje 0612345678,ma,07:00,13:00\n",
    )
    (problem,) = problems(path)
    assert problem.row is None and problem.column is not None
    assert "persoonsgegevens" in problem.text("nl") and "K01" in problem.text("nl")
    assert "personal data" in problem.text("en")
    assert english_words(say(problem.message, "nl")) == set()
    assert "Jantje" not in problem.text("nl") + problem.text("en")


def test_a_column_not_read_is_never_told_to_become_a_personal_one(
    tmp_path: Path, indoor: combibaan.Instance
) -> None:
    """``Telefon`` is close to ``telefoon``: renamed so, it would be refused."""
    path = write(
        tmp_path / "c.csv",
        "kandidaat,Telefon,dagen,beschikbaar_van,beschikbaar_tot\nK01,x,ma-vr,07:00,13:00\n",
    )
    with pytest.warns(InputWarning) as caught:
        read_candidates(path, indoor)
    (said,) = [str(w.message) for w in caught]
    assert "'Telefon'" in said and "telefoon" not in said


def test_a_personal_column_is_named_even_when_the_code_column_is_missing(tmp_path: Path) -> None:
    path = write(
        tmp_path / "c.csv",
        "Naam,E-mail,dagen,beschikbaar_van,beschikbaar_tot\nJan de Vries,jan@x.nl,ma,07:00,13:00\n",
    )
    found = where(problems(path))
    assert set(found) == {(None, "naam"), (None, "e_mail"), (None, "candidate_id")}
    assert all("Jan" not in p.text("en") and "jan@" not in p.text("en") for p in found.values())


def test_codes_that_look_like_names_are_refused(tmp_path: Path) -> None:
    names = [
        "Jan de Vries",
        "Fatima Yilmaz",
        "Anne-Marie van 't Hof",
        "J. Jansen",
        "Ömer Şahin",
        # each got through: a comma, a code beside the name, an initial's dot, an e-mail
        "de Vries; Jan",
        "K02 Fatima Yilmaz",
        "Jan de Vries (K01)",
        "J.de Vries",
        "j.devries@example.nl",
        # joined up, and got through too
        "K01 Fatima-Yilmaz",
        "Jan_de_Vries",
    ]
    path = write(
        tmp_path / "c.csv",
        HEADER + "".join(f"{name},ma,07:00,13:00,,,\n" for name in names),
    )
    found = problems(path)
    assert [(p.row, p.column) for p in found] == [
        (n, "candidate_id") for n in range(2, 2 + len(names))
    ]
    for problem, name in zip(found, names, strict=True):
        assert "lijkt op de naam van een persoon" in problem.text("nl")
        assert "looks like a person's name" in problem.text("en")
        assert english_words(say(problem.message, "nl")) == set()
        assert "K01" in problem.text("en")
        assert name not in problem.text("nl") + problem.text("en")


def test_anonymous_codes_are_accepted(tmp_path: Path) -> None:
    codes = [
        "K01",
        "kandidaat 3",
        "A-17",
        "Sodexo-1",
        "Kandidaat 12",
        "nacht a",
        "SR 2024 7",
        "Team A 2",
        "K.01",
        "K_01",
        "nacht-B",
    ]
    path = write(
        tmp_path / "c.csv",
        HEADER + "".join(f"{code},ma,07:00,13:00,,,\n" for code in codes),
    )
    assert [c.id for c in read_candidates(path)] == codes


def test_competencies_match_whatever_their_spaces_and_unicode_form(tmp_path: Path) -> None:
    """Two spaces, a no-break space from a spreadsheet or a decomposed "ë" matched nothing,
    without a word; and two rows of one candidate that differ only in case disagreed,
    though competencies match in any case."""
    decomposed = "hygie\u0308nisch"
    rows = [
        "K01,ma,07:00,13:00,,,tillen  en sjouwen",
        "K02,ma,07:00,13:00,,,tillen\u00a0en sjouwen",
        f"K03,ma,07:00,13:00,,,{decomposed}",
        "K04,ma,07:00,09:00,,,Tillen en sjouwen",
        "K04,ma,10:00,13:00,,,tillen en SJOUWEN",
    ]
    path = write(tmp_path / "c.csv", HEADER + "".join(f"{row}\n" for row in rows))
    found = {c.id: c for c in read_candidates(path)}
    lifting = make_task("T1", "Asito", "ma 08:00-09:00", competencies=("tillen en sjouwen",))
    clean = make_task("T2", "Asito", "ma 08:00-09:00", competencies=("hygiënisch",))
    assert found["K01"].may_do(lifting) and found["K02"].may_do(lifting)
    assert found["K03"].may_do(clean) and found["K04"].may_do(lifting)
    tasks = write(
        tmp_path / "tasks.csv",
        "task_id,supplier,days,start,end,competencies\n"
        f"T3,Asito,ma,08:00,09:00,{decomposed}\nT3,Asito,di,08:00,09:00,Hygiënisch\n",
    )
    (task,) = combibaan.read_instance(tasks).tasks
    assert found["K03"].may_do(dataclass_replace(task, slots=task.slots[:1]))


def test_hours_no_job_under_the_policy_can_give_are_warned_about(tmp_path: Path) -> None:
    """At most 10 h against a job's minimum of 20, or at least 40 against its most of 36:
    accepted without a word, such a candidate never got a job. A warning naming the row
    and the column (the policy may be meant to change); without a policy, none."""
    path = write(
        tmp_path / "c.csv",
        HEADER
        + "K01,ma-vr,07:00,17:00,,10,\nK02,ma-vr,07:00,17:00,40,,\nK03,ma,07:00,17:00,,30,\n",
    )
    noted: list[Problem] = []
    found = read_candidates(path, policy=combibaan.Policy(), on_warning=noted.append)
    assert [c.id for c in found] == ["K01", "K02", "K03"]
    assert [(p.row, p.column) for p in noted] == [(2, "max_hours"), (3, "min_hours")]
    assert "fewer than the 20 hours" in noted[0].text("en")
    assert "meer dan de 36 uur" in noted[1].text("nl")
    quiet: list[Problem] = []
    read_candidates(path, policy=combibaan.Policy(min_hours=8), on_warning=quiet.append)
    assert [p.row for p in quiet] == [3]
    read_candidates(path, on_warning=quiet.append)
    assert len(quiet) == 1
