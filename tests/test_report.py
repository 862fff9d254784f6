"""The workshop report: job cards, vacancy texts, report.html and proposals.xlsx.

Results are built by hand (``reporting_support``) so every number below can be
checked with a pocket calculator; one CLI test runs the real solver end to end.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from importlib.resources import files
from pathlib import Path
from types import SimpleNamespace

import pytest
from conftest import make_instance, make_task
from markupsafe import escape
from openpyxl import load_workbook
from reporting_support import INDOOR, hostile_result, indoor_result, make_result, task, weekdays
from typer.testing import CliRunner

import combibaan
from combibaan.cli import app
from combibaan.model import Instance, Job, Slot, Solution, Supplier
from combibaan.model.alternative import Alternative
from combibaan.model.locks import Locks
from combibaan.palette import supplier_styles
from combibaan.reporting import (
    WEEKS_PER_YEAR,
    alternative_views,
    job_cards,
    job_credit,
    render_report,
    supplier_summaries,
    vacancy_text,
    write_report,
    write_result,
    write_workbook,
)
from combibaan.reporting.labels import fmt
from combibaan.reporting.workbook import build_workbook
from combibaan.result import Result
from combibaan.rules import Policy


def card_of(result: Result, job_id: str):
    return next(card for card in job_cards(result) if card.job_id == job_id)


# ----------------------------------------------------------------------------- escaping


def test_html_escapes_everything_from_the_input():
    html = render_report(hostile_result())
    assert "<script" not in html.lower()
    assert "&lt;script&gt;window.__xss = 1&lt;/script&gt;Ramen &amp; deuren" in html
    assert "Gebouw &lt;b&gt;A&lt;/b&gt;" in html
    assert "<b>A</b>" not in html


def test_report_says_how_the_run_stopped_as_the_summary_line_does():
    """The report's first figures said only "geldig" where the summary line said the run
    was interrupted or cut by the wall clock (a rerun may then differ)."""
    result = indoor_result()
    assert 'id="kpi-stopped"' not in render_report(result)  # optimal says it all
    statistics = dataclasses.replace(result.statistics, interrupted=True, wall_clock_cut=True)
    cut = dataclasses.replace(
        result, status="feasible", stopped="interrupted", statistics=statistics
    )
    html = render_report(cut)
    assert 'id="kpi-stopped">gestopt: onderbroken (Ctrl-C) (tijdslimiet van de klok; een' in html
    clock = dataclasses.replace(result, status="feasible", stopped="time_limit")
    english = render_report(clock, "en")
    assert 'id="kpi-stopped">stopped: time limit<' in english


def test_report_gives_hours_as_the_summary_line_does():
    """689,25 hours placed read 689,2 in the report beside "ten hoogste 737,75"."""
    result = indoor_result()
    jobs = tuple(
        dataclasses.replace(job, minutes_per_week=job.minutes_per_week + 15) if n == 0 else job
        for n, job in enumerate(result.solution.jobs)
    )
    quarter = dataclasses.replace(result, solution=dataclasses.replace(result.solution, jobs=jobs))
    placed = quarter.hours_placed
    assert round(placed, 2) != round(placed, 1)
    html = render_report(quarter)
    assert f'<div class="value">{fmt(placed)}</div>' in html


def test_html_forbids_loading_anything():
    html = render_report(indoor_result())
    assert "Content-Security-Policy" in html and "default-src 'none'" in html
    assert "http://" not in html and "https://" not in html


@pytest.mark.parametrize(
    "make",
    [indoor_result, hostile_result, lambda: two_alternatives()],
    ids=["indoor", "hostile", "alternatives"],
)
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_html_references_no_external_resource(make, lang):
    html = render_report(make(), lang)
    assert not re.search(r"""(?:src|action)\s*=""", html, re.I)
    # Links stay on the page: the overview jumps to a job's section.
    targets = re.findall(r"""href\s*=\s*["']?([^"'\s>]*)""", html, re.I)
    assert targets and all(target.startswith("#job-") for target in targets)
    assert "@import" not in html
    assert not re.search(r"url\(\s*['\"]?(?!data:)", html)
    assert not re.search(r"<(?:script|link|iframe|img|object|embed)\b", html, re.I)


def test_workbook_stores_formula_like_text_as_text(tmp_path: Path):
    path = write_workbook(hostile_result(), tmp_path / "proposals.xlsx")
    book = load_workbook(path)
    risky = []
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"{sheet.title}!{cell.coordinate} is a formula"
                if isinstance(cell.value, str) and cell.value[:1] in "=+-@":
                    risky.append(cell)
    assert {c.value for c in risky} >= {"=Schoon+BV", "-Lunch uitserveren", "+1 afwas"}
    assert all(cell.data_type == "s" and cell.quotePrefix for cell in risky)
    assert "=cmd|' /C calc'!A0: ?" in {c.value for c in risky}


# ----------------------------------------------------------------------------- workbook


def column(sheet, header: str) -> list:
    """The cells below ``header`` on ``sheet``."""
    names = [cell.value for cell in sheet[1]]
    return [row[names.index(header)] for row in sheet.iter_rows(min_row=2)]


def test_workbook_has_the_sheets_and_rows(tmp_path: Path):
    result = indoor_result()
    book = load_workbook(write_workbook(result, tmp_path / "p.xlsx"))
    assert book.sheetnames == [
        "Banen",
        "Vacatures",
        "Rooster",
        "Taken",
        "Niet geplaatst",
        "Leveranciers",
    ]
    jobs, vacancies, timetable, tasks, left, suppliers = book.worksheets
    assert [c.value for c in column(jobs, "Baan")] == ["B01", "B02", "B03"]
    assert tasks.max_row == 1 + len(result.instance.tasks)
    job_of = {row[0].value: row[-1].value for row in tasks.iter_rows(min_row=2)}
    assert job_of["I22"] == "B03" and job_of["I03"] is None
    assert left.max_row == 1 + len(result.solution.unassigned)
    assert suppliers.max_row == 1 + 6
    assert timetable.max_row == 1 + sum(len(t.slots) for t in result.instance.tasks)
    for sheet in book.worksheets:
        assert sheet.freeze_panes == "B2"
        assert sheet["A1"].font.bold
        assert all(sheet.column_dimensions[c].width >= 7 for c in "ABC")
    vacancy = column(vacancies, "Vacaturetekst")[0]
    assert "maandag t/m vrijdag 06:00–09:00 en 10:30–13:30" in vacancy.value


def test_workbook_numbers_and_times_are_cells_to_compute_with(tmp_path: Path):
    book = load_workbook(write_workbook(indoor_result(), tmp_path / "p.xlsx"))
    jobs = book["Banen"]
    hours = column(jobs, "Uren per week")
    assert [c.value for c in hours] == [30, 27.5, 34]
    assert all(c.data_type == "n" and c.number_format == "0.00" for c in hours)
    start, end = column(jobs, "Vroegste begin")[0], column(jobs, "Laatste einde")[0]
    assert start.is_date and start.number_format == "hh:mm" and start.value == dt.time(6)
    assert end.is_date and end.value == dt.time(13, 30)
    assert column(jobs, "Dagen per week")[0].value == 5
    # Hours per supplier: a number column per supplier in a job, empty where it has none.
    assert [c.value for c in column(jobs, "Uren Sodexo")] == [15, 15, None]
    assert [c.value for c in column(jobs, "Uren Westerveld")] == [None, 12.5, None]
    assert all(c.number_format == "0.00" for c in column(jobs, "Uren Maas"))
    assert "Uren Securitas" not in [c.value for c in jobs[1]]  # in no job
    timetable = book["Rooster"]
    first = next(timetable.iter_rows(min_row=2, max_row=2))
    assert [c.value for c in first[:6]] == ["B01", 1, "maandag", dt.time(6), dt.time(9), 3]
    assert first[3].is_date and first[4].is_date
    per_job: dict[str, float] = {}
    for row in timetable.iter_rows(min_row=2, values_only=True):
        if row[0]:
            per_job[row[0]] = per_job.get(row[0], 0) + row[5]
    assert per_job == {"B01": 30, "B02": 27.5, "B03": 34}
    sodexo = next(r for r in book["Leveranciers"].iter_rows(min_row=2) if r[0].value == "Sodexo")
    progress = column(book["Leveranciers"], "Social return: voortgang")[0]
    assert sodexo[0].row == progress.row
    # Credited to the employer (the default): Sodexo employs B02 (27.5 h), not B01 (Asito).
    assert progress.value == pytest.approx(27.5 * WEEKS_PER_YEAR / 2600)
    assert progress.number_format == "0%"
    assert column(book["Leveranciers"], "Social return: doel (uren per jaar)")[0].value == 2600


def test_workbook_hours_are_exact_so_that_sums_agree():
    """Cells rounded to 0.01 h: a job of 25.83 h summed to 25.80 over its Rooster rows
    (2.83 a slot of 06:00-08:50) and 25.84 over its tasks (14.17 + 11.67)."""
    instance = make_instance(
        make_task("S1", "Asito", "ma-vr 06:00-08:50"),
        make_task("S2", "Sodexo", "ma-vr 11:00-13:20"),
    )
    result = combibaan.solve(instance, combibaan.Policy(min_hours=12), time_limit=5)
    book = build_workbook(result, "nl")
    (hours,) = [c.value for c in column(book["Banen"], "Uren per week")]
    rows = list(book["Rooster"].iter_rows(min_row=2, values_only=True))
    tasks = [c.value for c in column(book["Taken"], "Uren per week")]
    assert hours == pytest.approx(1550 / 60)
    assert sum(row[5] for row in rows) == pytest.approx(hours)
    assert sum(tasks) == pytest.approx(hours)


def test_workbook_leaves_unknown_numbers_empty():
    book = build_workbook(indoor_result(suppliers=False), "nl")
    sheet = book["Leveranciers"]
    for header in ("Social return: doel (uren per jaar)", "Social return: voortgang"):
        cells = column(sheet, header)
        assert cells and all(c.value is None for c in cells)
        assert all(c.number_format != "General" for c in cells)  # a number typed in fits
    assert {c.value for c in column(sheet, "Cao")} == {"onbekend"}  # text may say so
    for sheet in book.worksheets:
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                if cell.number_format != "General":
                    assert cell.value is None or isinstance(cell.value, int | float | dt.time)


def test_workbook_time_past_midnight_sorts_after_the_evening():
    night = task("N1", "Securitas", weekdays(22 * 60, 26 * 60, (4,)), "Nachtronde")
    evening = task("N2", "Securitas", weekdays(18 * 60, 21 * 60, (4,)), "Avondronde")
    result = make_result(Instance(tasks=(night, evening), name="nacht"), {"B01": ("N2", "N1")})
    sheet = build_workbook(result, "nl")["Rooster"]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert [r[3:6] for r in rows] == [(18 / 24, 21 / 24, 3), (22 / 24, 26 / 24, 4)]
    assert sheet.cell(row=3, column=5).number_format == "hh:mm"  # shows 02:00
    jobs = build_workbook(result, "nl")["Banen"]
    assert column(jobs, "Laatste einde")[0].value == 26 / 24


def test_workbook_headers_are_consistent():
    from combibaan.reporting.labels import COLUMNS

    for lang in ("nl", "en"):
        book = build_workbook(with_alternatives(indoor_result()), lang)
        names = set(COLUMNS[lang].values())
        for sheet in book.worksheets:
            header = [c.value for c in sheet[1]]
            assert len(header) == len(set(header)), sheet.title
            # Headers naming a supplier or the social-return setting come from a template.
            prefixes = tuple(
                COLUMNS[lang][key].split("{")[0]
                for key in ("hours_of", "counts_for", "sroi_credited")
            )
            assert all(h in names or h.startswith(prefixes) for h in header), sheet.title
        assert [c.value for c in book.worksheets[0][1]][:2] == [
            COLUMNS[lang]["job"],
            COLUMNS[lang]["hours_week"],
        ]


def test_workbook_prints_on_a4_landscape_fitted_to_the_width(tmp_path: Path):
    book = load_workbook(write_workbook(with_alternatives(indoor_result()), tmp_path / "p.xlsx"))
    assert len(book.worksheets) == 7
    for sheet in book.worksheets:
        setup = sheet.page_setup
        assert setup.orientation == "landscape" and setup.paperSize == 9  # A4
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
        assert (setup.fitToWidth, setup.fitToHeight) == (1, 0)
        assert sheet.print_title_rows == "$1:$1"
        assert sheet.print_options.gridLines
        assert 0.25 <= sheet.page_margins.left <= 0.75 and 0.25 <= sheet.page_margins.top <= 1
        assert sheet.oddFooter.right.text == "&P / &N"


def test_workbook_text_wraps_and_rows_grow(tmp_path: Path):
    book = load_workbook(write_workbook(indoor_result(), tmp_path / "p.xlsx"))
    for sheet in book.worksheets:
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                if isinstance(cell.value, str):
                    assert cell.alignment.wrap_text, f"{sheet.title}!{cell.coordinate}"
    vacancies = book["Vacatures"]
    for cell in column(vacancies, "Vacaturetekst"):
        lines = cell.value.count("\n") + 1
        assert vacancies.row_dimensions[cell.row].height >= 15 * lines
    width = vacancies.column_dimensions[column(vacancies, "Vacaturetekst")[0].column_letter].width
    assert 60 <= width <= 80


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_workbook_headers_fit_their_columns(lang: str):
    """LibreOffice wraps a header right up to its column's border and has no right indent,
    so "Dagen per week" ran into "Dagen": every header and text starts an indent level in
    (up to two characters wide), each header word fits beside it in bold (about a
    character a letter, plus one to spare), and the header row is high enough for the
    header wrapped in that room."""
    import textwrap

    book = build_workbook(with_alternatives(indoor_result()), lang)
    for sheet in book.worksheets:
        height = sheet.row_dimensions[1].height
        for cell in sheet[1]:
            where = f"{sheet.title}!{cell.coordinate} {cell.value!r}"
            alignment = cell.alignment
            assert alignment.wrap_text and alignment.horizontal == "left", where
            assert alignment.indent >= 1, where
            room = sheet.column_dimensions[cell.column_letter].width - 2 * alignment.indent
            assert max(len(word) for word in cell.value.split()) + 1 <= room, where
            assert height >= 15 * len(textwrap.wrap(cell.value, int(room))), where
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                if isinstance(cell.value, str):
                    assert cell.alignment.indent >= 1, f"{sheet.title}!{cell.coordinate}"


def test_workbook_in_english_and_with_alternatives():
    result = with_alternatives(indoor_result())
    book = build_workbook(result, "en")
    assert book.sheetnames == [
        "Jobs",
        "Vacancies",
        "Timetable",
        "Tasks",
        "Unassigned",
        "Suppliers",
        "Alternatives",
    ]
    sheet = book["Alternatives"]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert [(r[0], r[5], r[9]) for r in rows] == [("#1", "A1", "B01"), ("#1", "A2", None)]
    assert rows[0][3] == -1  # one job fewer than the best proposal
    assert column(sheet, "Difference in jobs")[0].number_format == "+0;-0;0"
    # What A2 changes: B02 with I02 swapped for I03, a task in no job of the proposal.
    changes = ("Most like job", "Without tasks of that job", "Tasks from other jobs")
    assert [[c.value for c in column(sheet, h)] for h in changes] == [
        [None, "B02"],
        [None, "I02"],
        [None, None],
    ]
    assert [c.value for c in column(sheet, "Tasks in no job of the proposal")] == [None, "I03"]
    assert {c.value for c in column(sheet, "No longer in a job")} == {"I02, I07, I15, I22"}
    swap = build_workbook(swapped(indoor_result()), "nl")["Alternatieven"]
    assert [c.value for c in column(swap, "Taken uit andere banen")] == [
        "I12 (B02)",
        "I11 (B01)",
        None,
    ]
    assert [c.value for c in book["Timetable"][2][:3]] == ["B01", 1, "Monday"]


# ----------------------------------------------------------------------------- job cards


def test_employer_is_the_supplier_with_most_hours():
    card = card_of(indoor_result(), "B03")
    assert card.employer == "Universitaire Diensten"
    assert card.employer_reason == "hours"
    assert card.cao == "Nederlandse Universiteiten"
    assert [(s.supplier, s.hours_per_week) for s in card.shares] == [
        ("Universitaire Diensten", 30),
        ("Maas", 4),
    ]
    assert card.job_units == pytest.approx(34 / 25.5)


def test_equal_hours_and_days_go_where_social_return_is_least_met():
    # B01: Sodexo 15 h and Asito 15 h, both Monday to Friday. Sodexo already employs B02
    # (by its hours): 27.5 h a week of its 2600 a year; Asito none of its 2080.
    card = card_of(indoor_result(), "B01")
    assert (card.employer, card.employer_reason) == ("Asito", "sroi")
    assert card.cao == "Schoonmaak- en Glazenwassersbranche"


def test_equal_hours_prefer_the_sector_working_more_days():
    instance = Instance(
        tasks=(
            # Alfa: 10 h on Monday and Tuesday; Zeta: 10 h over Monday to Friday.
            task("A", "Alfa", weekdays(8 * 60, 13 * 60, (0, 1))),
            task("Z", "Zeta", weekdays(14 * 60, 16 * 60)),
        ),
        suppliers=(Supplier("Alfa", "catering", "Horeca"), Supplier("Zeta", "schoonmaak", "SGB")),
    )
    card = card_of(make_result(instance, {"B01": ("A", "Z")}), "B01")
    assert (card.employer, card.employer_reason, card.cao) == ("Zeta", "sector_days", "SGB")


def test_sector_days_count_every_supplier_of_the_sector():
    # Alfa and Beta (both catering) together cover five days; Zeta (cleaning) four.
    instance = Instance(
        tasks=(
            task("A", "Alfa", weekdays(8 * 60, 12 * 60, (0, 1))),
            task("B", "Beta", weekdays(8 * 60, 9 * 60, (2, 3, 4))),
            task("Z", "Zeta", weekdays(14 * 60, 16 * 60, (0, 1, 2, 3))),
        ),
        suppliers=(
            Supplier("Alfa", "catering"),
            Supplier("Beta", "catering"),
            Supplier("Zeta", "schoonmaak"),
        ),
    )
    card = card_of(make_result(instance, {"B01": ("A", "B", "Z")}), "B01")
    assert [s.supplier for s in card.shares] == ["Alfa", "Zeta", "Beta"]
    assert card.employer_reason == "sector_days"


def test_without_suppliers_table_everything_is_unknown():
    result = indoor_result(suppliers=False)
    card = card_of(result, "B03")
    assert card.employer == "Universitaire Diensten" and card.cao is None
    assert result.instance.unknown_suppliers == ()  # nothing to warn about: no table at all
    html = render_report(result)
    assert "onbekend" in html
    assert "unknown" in render_report(result, "en")


# ----------------------------------------------------------------------------- vacancy


def test_vacancy_text_in_dutch():
    result = indoor_result()
    text = vacancy_text(result.instance, result.policy, card_of(result, "B03"), "nl")
    assert "34 uur per week" in text
    assert "- maandag, woensdag en vrijdag 10:30–13:30 en 14:00–17:00" in text
    assert "- dinsdag en donderdag 08:00–10:00, 10:30–13:30 en 14:00–17:00" in text
    assert "Educatorium en Kruytgebouw" in text
    assert "12 minuten" in text  # the shortest path in travel.csv
    assert "- klantvriendelijk" in text and "- nauwkeurig" in text
    assert "Facilitaire servicebalie (Educatorium)" in text
    assert "Universitaire Diensten (cao Nederlandse Universiteiten)" in text
    for heading in ("## Wat ga je doen?", "## Wanneer werk je?", "## Waar werk je?"):
        assert heading in text
    assert "## Wat kun je goed?" in text


def test_vacancy_text_in_english():
    result = indoor_result()
    text = vacancy_text(result.instance, result.policy, card_of(result, "B01"), "en")
    assert "30 hours a week" in text
    assert "- Monday to Friday 06:00–09:00 and 10:30–13:30" in text
    assert "You work in one place: Educatorium." in text
    assert "- hygiënisch werken" in text
    assert "## What you will do" in text and "## What you are good at" in text
    assert "employed by Asito" in text


def test_vacancy_lists_the_work_in_the_order_of_the_week():
    """B01 holds a 10:30 lunch (I01, first in the job) and 06:00 cleaning (I11): the
    cleaning comes first, as the day does."""
    result = indoor_result()
    card = card_of(result, "B01")
    assert card.job.task_ids[0] == "I01"
    text = vacancy_text(result.instance, result.policy, card, "nl")
    assert text.index("Collegezalen en centrale hal") < text.index("Lunch uitserveren")


def test_vacancy_cannot_be_broken_by_line_breaks_in_the_input():
    instance = Instance(
        tasks=(task("T", "S", weekdays(9 * 60, 13 * 60), "Ramen\n## Nep kop\n- nep", "Hal"),)
    )
    result = make_result(instance, {"B01": ("T",)})
    text = vacancy_text(result.instance, result.policy, card_of(result, "B01"))
    assert "- Ramen ## Nep kop - nep" in text
    assert "\n## Nep" not in text


def test_days_and_times_phrases():
    from combibaan.reporting.vacancy import days_phrase, when_lines

    assert days_phrase((0, 1, 2, 4)) == "maandag t/m woensdag en vrijdag"
    assert days_phrase((5, 6), "en") == "Saturday and Sunday"
    night = task("N", "S", (Slot(4, 22 * 60, 26 * 60),))
    assert when_lines((night,)) == ("vrijdag 22:00–02:00",)


# ----------------------------------------------------------------------------- suppliers


def test_supplier_summary_numbers():
    rows = {row.supplier: row for row in supplier_summaries(indoor_result())}
    sodexo = rows["Sodexo"]  # I01 (B01) and I02 (B02), 15 h each, of 78 h brought
    assert (sodexo.tasks_placed, sodexo.hours_placed, sodexo.hours_offered) == (2, 30, 78)
    assert sodexo.jobs == ("B01", "B02") and sodexo.employer_of == ("B02",)
    assert sodexo.job_units == pytest.approx(30 / 25.5)
    assert WEEKS_PER_YEAR == 52
    assert sodexo.hours_per_year == 1560
    # Social return counts for the employer by default: all of B02's 27.5 h, none of B01.
    assert sodexo.sroi_credit == "employer" and sodexo.hours_credited == 27.5
    assert sodexo.sroi_hours_per_year == 1430
    assert sodexo.sroi_progress == pytest.approx(1430 / 2600)
    maas = rows["Maas"]  # I22: Tuesday and Thursday 08:00-10:00, in B03 (employer UD)
    assert (maas.hours_placed, maas.hours_per_year, maas.sroi_progress) == (4, 208, 0)
    assert rows["Asito"].employer_of == ("B01",)
    assert rows["Asito"].sroi_hours_per_year == 30 * 52  # all of B01
    assert rows["Securitas"].hours_placed == 0 and rows["Securitas"].sroi_progress == 0


def test_supplier_summary_split_by_hours():
    rows = {r.supplier: r for r in supplier_summaries(indoor_result(), sroi_credit="hours")}
    sodexo, maas = rows["Sodexo"], rows["Maas"]
    assert sodexo.sroi_credit == "hours" and sodexo.hours_credited == 30  # 15 h in B01 and B02
    assert sodexo.sroi_progress == pytest.approx(1560 / 2600)
    assert (maas.sroi_hours_per_year, maas.sroi_progress) == (208, 0.4)
    assert rows["Asito"].sroi_hours_per_year == 15 * 52


def test_social_return_credit_of_a_hand_made_job():
    """A job of 3 h Asito (employer: most hours) and 2 h Sodexo a day, five days a week."""
    instance = Instance(
        tasks=(
            task("A", "Asito", weekdays(6 * 60, 9 * 60)),
            task("S", "Sodexo", weekdays(10 * 60, 12 * 60)),
        ),
        suppliers=(
            Supplier("Asito", sroi_hours_target=1300),
            Supplier("Sodexo", sroi_hours_target=520),
        ),
        name="credit",
    )
    result = make_result(instance, {"B01": ("A", "S")})
    card = card_of(result, "B01")
    assert card.employer == "Asito"
    assert job_credit(card) == {"Asito": 25}
    assert job_credit(card, "hours") == {"Asito": 15, "Sodexo": 10}
    employer = {r.supplier: r for r in supplier_summaries(result)}
    split = {r.supplier: r for r in supplier_summaries(result, sroi_credit="hours")}
    assert (employer["Asito"].sroi_hours_per_year, employer["Asito"].sroi_progress) == (1300, 1)
    assert (employer["Sodexo"].sroi_hours_per_year, employer["Sodexo"].sroi_progress) == (0, 0)
    assert (split["Asito"].sroi_hours_per_year, split["Asito"].sroi_progress) == (780, 0.6)
    assert (split["Sodexo"].sroi_hours_per_year, split["Sodexo"].sroi_progress) == (520, 1)
    # What the job brings does not depend on the setting; only whose target it fills.
    assert employer["Sodexo"].hours_placed == split["Sodexo"].hours_placed == 10


@pytest.mark.parametrize(
    "call",
    [
        lambda r: supplier_summaries(r, sroi_credit="payroll"),
        lambda r: render_report(r, sroi_credit="payroll"),
        lambda r: build_workbook(r, sroi_credit="payroll"),
        lambda r: write_result(r, "/nonexistent/never-written", sroi_credit="payroll"),
    ],
)
def test_sroi_credit_is_checked(call):
    with pytest.raises(ValueError, match="sroi_credit must be one of employer, hours"):
        call(indoor_result())


def test_report_names_the_setting_and_the_credit_per_job():
    result = indoor_result()
    html = render_report(result)
    decision = section(html, "decisions")
    assert 'data-sroi-credit="employer"' in decision and "Social return telt voor" in decision
    assert "de werkgever" in decision and "(standaard" not in decision
    assert "Geen besluiten vastgelegd" in decision  # the default is no decision
    job = html[html.index('id="job-2"') : html.index('id="job-3"')]
    assert "Telt voor social return van" in job
    credit = job[job.index('class="counts-for"') :]
    credit = credit[: credit.index("</dd>")]
    assert "Sodexo</span>: 1430 uur per jaar" in credit and "Westerveld" not in credit
    suppliers = section(html, "suppliers")
    assert "Social return: telt (uren per jaar)" in suppliers
    sodexo = suppliers[suppliers.index('data-supplier="Sodexo"') :]
    assert '<td class="num sroi-credited">1430</td>' in sodexo[: sodexo.index("</tr>")]

    split = render_report(result, "en", sroi_credit="hours")
    decision = section(split, "decisions")
    assert 'data-sroi-credit="hours"' in decision and "Social return counts for" in decision
    assert "each supplier by its own hours" in decision and "(default the employer)" in decision
    assert "No decisions recorded" not in decision
    job = split[split.index('id="job-2"') : split.index('id="job-3"')]
    assert "Counts for the social return of" in job
    assert "Sodexo</span>: 780 hours a year" in job and "Westerveld</span>: 650 hours a year" in job
    suppliers = section(split, "suppliers")
    assert "Social return: credited (hours per year)" in suppliers
    sodexo = suppliers[suppliers.index('data-supplier="Sodexo"') :]
    assert '<td class="num sroi-credited">1560</td>' in sodexo[: sodexo.index("</tr>")]


@pytest.mark.parametrize(
    ("lang", "credit", "header", "counts_for", "expected"),
    [
        (
            "nl",
            "employer",
            "Social return: telt (uren per jaar, naar werkgever)",
            "Telt voor {} (uren per jaar)",
            {"Asito": [1560, None, None], "Sodexo": [None, 1430, None]},
        ),
        (
            "en",
            "hours",
            "Social return: credited (hours per year, by own hours)",
            "Counts for {} (hours per year)",
            {
                "Asito": [780, None, None],
                "Sodexo": [780, 780, None],
                "Westerveld": [None, 650, None],
            },
        ),
    ],
)
def test_workbook_shows_the_setting_and_the_credit_per_job(
    lang, credit, header, counts_for, expected
):
    book = build_workbook(indoor_result(), lang, sroi_credit=credit)
    jobs, suppliers = book.worksheets[0], book.worksheets[5]
    for name, values in expected.items():
        cells = column(jobs, counts_for.format(name))
        assert [c.value for c in cells] == values
        assert all(c.number_format == "#,##0" for c in cells)
    credited = {row[0].value: row for row in suppliers.iter_rows(min_row=2)}
    names = [cell.value for cell in suppliers[1]]
    assert header in names
    sodexo = credited["Sodexo"][names.index(header)].value
    assert sodexo == (1430 if credit == "employer" else 1560)
    if credit == "employer":  # only employers get a column
        assert counts_for.format("Westerveld") not in [c.value for c in jobs[1]]


def test_suppliers_missing_from_the_table_and_table_only_suppliers():
    base = indoor_result()
    kept = [s for s in base.instance.suppliers if s.name != "Maas"]
    table = (*kept, Supplier("Nieuw BV", "groen"))
    instance = Instance(base.instance.tasks, base.instance.travel, table, "indoor")
    result = make_result(instance, {"B03": ("I07", "I15", "I22")})
    assert instance.unknown_suppliers == ("Maas",)
    rows = {row.supplier: row for row in supplier_summaries(result)}
    assert not rows["Maas"].in_table and rows["Maas"].sector is None
    assert rows["Nieuw BV"].tasks == 0 and rows["Nieuw BV"].hours_placed == 0
    html = render_report(result)
    assert "Niet in de leverancierstabel" in html and "Maas" in html


# ----------------------------------------------------------------------------- report


def with_alternatives(result: Result, item: object | None = None) -> Result:
    """The best proposal plus one alternative: B01 kept as A1, and a new job A2."""
    jobs = result.solution.jobs
    same = Job("A1", jobs[0].task_ids, jobs[0].suppliers, jobs[0].minutes_per_week, jobs[0].days)
    other = Job("A2", ("I03", "I12"), ("Sodexo", "Westerveld"), 1500, (0, 1, 2, 3, 4))
    hours = (same.minutes_per_week + other.minutes_per_week) / 60 - result.hours_placed
    if item is None:
        item = Alternative(1, Solution((same, other), ()), "optimal", -1, hours)
    return dataclasses.replace(result, alternatives=(item,))


def alternatives_part(html: str) -> str:
    return html[html.index('<section id="alternatives">') :]


def articles(part: str) -> str:
    """The alternatives themselves, without the key above them."""
    return part[part.index('<article class="alternative"') :]


def swapped(result: Result) -> Result:
    """An alternative that swaps the Westerveld and Asito tasks of B01 and B02, keeping B03."""
    instance = result.instance
    swap = make_result(
        instance, {"A1": ("I01", "I12"), "A2": ("I02", "I11"), "A3": ("I07", "I15", "I22")}
    )
    item = Alternative(1, swap.solution, "optimal", 0, 0.0, proven_optimal=True)
    return dataclasses.replace(result, alternatives=(item,))


def two_alternatives() -> Result:
    """Both alternatives above: one with a new task and one job fewer, one swapping tasks."""
    result = indoor_result()
    items = (*swapped(result).alternatives, *with_alternatives(result).alternatives)
    return dataclasses.replace(result, alternatives=items)


def test_alternative_shows_only_its_changed_job_as_a_timetable():
    result = with_alternatives(indoor_result())
    part = alternatives_part(render_report(result))
    # A1 equals B01: summarised in one line; only A2 is drawn, as a week of blocks.
    assert 'Zelfde als in het voorstel: <strong><a href="#job-1">B01</a></strong>' in part
    assert re.findall(r'class="timetable" data-job="(\w+)"', part) == ["A2"]
    slots = sum(len(result.instance.task(t).slots) for t in ("I03", "I12"))
    assert len(re.findall(r'class="block (?:short|long) pattern-', part)) == slots
    # The header: jobs and hours against the proposal, not as good, the solver's word.
    assert "Banen <strong>2</strong> (-1)" in part and "<strong>55</strong> (-36,5)" in part
    assert "minder goed dan het voorstel" in part
    assert "het beste dat genoeg verschilt (bewezen)" in part
    # A2 is B02 with I02 swapped for I03, a task in no job of the proposal.
    assert (
        'Verder zoals <strong><a href="#job-2">B02</a></strong> van het voorstel, '
        "maar zonder <strong>I02</strong>" in part
    )
    new = re.findall(r'class="block long pattern-\w+ mark-new" data-task="(\w+)"', part)
    assert new == ["I03"] * len(result.instance.task("I03").slots)
    assert '<span class="mark mark-new">nieuw</span>' in part
    assert 'class="mark-new"' in part and 'data-task="I03" class="mark-new"' in part
    assert "mark-from" not in articles(part)  # only the key above shows "uit …"
    # What it gives up: the proposal's jobs, and the tasks it no longer places.
    dropped = re.search(r'class="alt-dropped">(.*?)</li>', part, re.S)
    assert dropped and re.findall(r">(B\d\d)</a>", dropped.group(1)) == ["B02", "B03"]
    left_out = part[part.index('class="alt-left-out"') :]
    assert re.findall(r'<li data-task="(\w+)">', left_out) == ["I02", "I07", "I15", "I22"]
    assert 'in het voorstel in <a href="#job-3">B03</a>' in left_out
    assert 'id="alternatives"' not in render_report(indoor_result())


def test_alternative_marks_tasks_taken_from_other_jobs():
    part = alternatives_part(render_report(swapped(indoor_result())))
    assert re.findall(r'class="timetable" data-job="(\w+)"', part) == ["A1", "A2"]
    assert 'Zelfde als in het voorstel: <strong><a href="#job-3">B03</a></strong>' in part
    assert "even goed: evenveel banen en uren" in part and "optimaal (bewezen)" in part
    # Each new job is like a different job of the proposal, with the other's task marked.
    likes = re.findall(r'Verder zoals <strong><a href="#job-\d">(B\d\d)</a></strong>', part)
    assert likes == ["B01", "B02"]
    marked = re.findall(r'mark-from" data-task="(\w+)"', part)
    assert sorted(set(marked)) == ["I11", "I12"] and len(marked) == 10
    assert part.count('<span class="mark mark-from">uit B02</span>') == 5 + 1  # blocks + list
    assert part.count('<span class="mark mark-from">uit B01</span>') == 5 + 1
    assert "mark-new" not in articles(part)  # only the key above shows "nieuw"
    assert 'class="alt-left-out"' not in part
    english = alternatives_part(render_report(swapped(indoor_result()), "en"))
    assert '<span class="mark mark-from">from B02</span>' in english
    assert "Same as in the proposal" in english and "Otherwise as" in english


def test_alternative_views_say_what_each_job_is_like():
    (view,) = alternative_views(swapped(indoor_result()))
    first, second, third = view.jobs
    assert (first.like, first.without, first.moved) == ("B01", ("I11",), (("I12", "B02"),))
    assert first.added == () and first.origins == (("I01", "B01"), ("I12", "B02"))
    # At a tie (one task of B01, one of B02) the job not taken yet: B02.
    assert (second.like, second.without, second.moved) == ("B02", ("I12",), (("I11", "B01"),))
    assert third.same_as == "B03" and view.same == ("B03",) and view.changed == (first, second)
    assert view.left_out == () and view.proven_optimal
    (view,) = alternative_views(with_alternatives(indoor_result()))
    assert view.left_out == ("I02", "I07", "I15", "I22")
    assert view.jobs[1].added == ("I03",) and view.jobs[1].like == "B02"


def test_alternative_part_escapes_everything_from_the_input():
    base = hostile_result()
    evil_id = '<b id="x">T9</b>'
    extra = task(
        evil_id, "Kantine", weekdays(14 * 60, 15 * 60), "<script>window.__alt = 1</script>"
    )
    instance = dataclasses.replace(base.instance, tasks=(*base.instance.tasks, extra))
    best = make_result(instance, {"B01": ("T1", "T2")})
    other = make_result(instance, {"A1": ("T1", evil_id)})
    loose = SimpleNamespace(
        solution=other.solution, label="<i>los</i>", note="<u>let op</u>", status="<s>x</s>"
    )
    html = render_report(dataclasses.replace(best, alternatives=(loose,)))
    part = alternatives_part(html)
    assert "<script" not in part.lower() and "<b " not in part and "<i>" not in part
    assert "<u>" not in part and "<s>" not in part
    assert "&lt;script&gt;window.__alt = 1&lt;/script&gt;" in part
    assert 'data-task="&lt;b id=&#34;x&#34;&gt;T9&lt;/b&gt;" class="mark-new"' in part
    assert "Alternatief &lt;i&gt;los&lt;/i&gt;" in part and "&lt;u&gt;let op&lt;/u&gt;" in part
    assert "&lt;script&gt;window.__xss = 1&lt;/script&gt;" in part  # T1's description


def test_alternatives_are_read_defensively():
    best = indoor_result()
    job = best.solution.jobs[2]
    loose = SimpleNamespace(solution=SimpleNamespace(jobs=[job]), label="los")
    (view,) = alternative_views(with_alternatives(best, loose))
    assert view.label == "los" and view.delta_jobs == -2
    assert view.jobs[0].same_as == "B03"
    assert view.dropped == ("B01", "B02")
    assert view.delta_hours == pytest.approx(34 - 91.5)


def test_report_has_summary_jobs_and_timetables():
    result = indoor_result()
    html = render_report(result)
    assert html.count('class="timetable"') == 3
    slots = sum(
        len(result.instance.task(t).slots) for j in result.solution.jobs for t in j.task_ids
    )
    assert len(re.findall(r'class="block (?:short|long) pattern-', html)) == slots
    assert "Asito" in html and "het social-returndoel is het minst gehaald" in html
    assert "3,59" in html  # job units: 91.5 / 25.5
    assert "Uren per jaar = uren per week × 52 weken" in html
    english = render_report(result, "en")
    assert "Weekly timetable" in english and "3.59" in english


def section(html: str, name: str) -> str:
    start = html.index(f'<section id="{name}">')
    return html[start : html.index("</section>", start)]


def test_report_opens_on_an_overview_of_the_jobs():
    html = render_report(indoor_result())
    order = [html.index(f'id="{name}"') for name in ("overview", "decisions", "jobs")]
    assert order == sorted(order)
    overview = section(html, "overview")
    rows = re.findall(r'<tr data-job="(B\d\d)">(.*?)</tr>', overview, re.S)
    assert [job for job, _ in rows] == ["B01", "B02", "B03"]
    b03 = dict(rows)["B03"]
    for fact in ("Universitaire Diensten", "Maas", ">34<", "maandag t/m vrijdag", "08:00–17:00"):
        assert fact in b03
    assert "<strong>Universitaire Diensten</strong>" in b03  # the employer suggestion
    assert '<a href="#job-3">B03</a>' in b03
    assert 'id="job-3" data-job="B03"' in html


def test_task_descriptions_are_shown_beside_the_timetable():
    result = indoor_result()
    html = render_report(result)
    for job_number, job in enumerate(result.solution.jobs, start=1):
        article = html[html.index(f'id="job-{job_number}"') :]
        tasks = article[article.index('<ol class="task-list">') : article.index("</ol>")]
        for task_id in job.task_ids:
            assert str(escape(result.instance.task(task_id).description)) in tasks
    # In time order: B01's cleaning at 06:00 before its lunch at 10:30.
    b01 = html[html.index('id="job-1"') : html.index('id="job-2"')]
    assert b01.index('<li data-task="I11">') < b01.index('<li data-task="I01">')


def test_a_block_under_an_hour_still_names_its_task_and_supplier():
    instance = Instance(
        tasks=(
            task("K", "Koffiebar Noord", weekdays(7 * 60, 7 * 60 + 30)),
            task("L", "Schoonmaak BV", weekdays(8 * 60, 14 * 60)),
        )
    )
    html = render_report(make_result(instance, {"B01": ("K", "L")}))
    short = re.findall(r'class="block short[^"]*" data-task="K".*?</div>', html, re.S)
    assert len(short) == 5
    label = supplier_styles(instance.supplier_names)["Koffiebar Noord"].label
    assert all(f'<span class="abbr">{label}</span>' in block for block in short)
    assert f"Koffiebar Noord ({label})" in html  # the key to the label


def test_a_long_day_still_fits_the_projector_and_the_page():
    from combibaan.reporting.timetable import timetable

    def grid(start: int, end: int):
        instance = Instance(tasks=(task("T", "S", weekdays(start * 60, end * 60)),))
        return timetable(card_of(make_result(instance, {"B01": ("T",)}), "B01"))

    long, short = grid(6, 22), grid(9, 12)
    assert len(long.hours) * long.hour_height <= 720 and long.hour_height >= 44
    assert short.hour_height == 72
    assert len(long.hours) * long.print_hour_height <= 90
    (block, *_) = long.blocks
    assert long.description_lines(block)[0] > 0  # 16 hours of block have room for the text


def test_supplier_colours_follow_the_name_not_the_order_of_the_task_file():
    base = indoor_result()
    shuffled = Instance(
        tuple(reversed(base.instance.tasks)),
        base.instance.travel,
        tuple(reversed(base.instance.suppliers)),
        "indoor",
    )
    looks = []
    for instance in (base.instance, shuffled):
        html = render_report(make_result(instance, {"B01": ("I01", "I11")}))
        looks.append(set(re.findall(r'data-task="(I\d+)"\s+style="[^"]*(--bg: #\w+)', html)))
    assert looks[0] == looks[1] and len(looks[0]) == 2


def test_decisions_show_locks_forbidden_pairs_and_changed_rules():
    base = indoor_result()
    locks = Locks.of(
        [("behouden", ["I01", "I11"]), ("apart", ["I02", "I12"]), ("exclude", ["I21"])]
    )
    result = dataclasses.replace(
        base,
        policy=Policy(min_hours=16, max_suppliers=3),
        locks=locks,
        forbid_pairs=(("Securitas", "Sodexo"), ("<b>Nep</b>", "Maas")),
    )
    decisions = section(render_report(result), "decisions")
    assert "Behouden" in decisions and "precies deze taken vormen samen één baan" in decisions
    assert "Niet samen" in decisions and "Uitsluiten" in decisions
    assert "Lunch uitserveren in de mensa" in decisions  # what I01 is, not only its id
    assert decisions.count("in baan B01") == 2 and "in baan B02" in decisions
    assert "niet geplaatst" in decisions  # I21 stays out
    assert "Securitas" in decisions and "&lt;b&gt;Nep&lt;/b&gt;" in decisions
    assert "<b>Nep" not in decisions
    changed = decisions[decisions.index('id="policy-changes"') : decisions.index('id="locks"')]
    assert "Minimaal uren per week: <strong>16</strong>" in changed
    assert "(standaard 20)" in changed and "(standaard 2)" in changed
    assert "Maximaal uren per week" not in changed  # unchanged rules stay in the full table
    english = section(render_report(result, "en"), "decisions")
    assert "Keep" in english and "Suppliers never together in one job" in english
    assert "(default 20)" in english and "not placed" in english


def test_no_decisions_is_said_in_so_many_words():
    decisions = section(render_report(indoor_result()), "decisions")
    assert "Geen besluiten vastgelegd" in decisions
    assert 'id="locks"' not in decisions and 'class="changed"' not in decisions


def test_print_stylesheet_is_a4_with_one_job_per_page():
    css = (files("combibaan.reporting") / "templates" / "report.css").read_text(encoding="utf-8")
    assert re.search(r"@page\s*{\s*size:\s*A4;\s*margin:", css)
    printed = css[css.index("@media print") :]
    assert re.search(r"\.job, [^{]*{ break-before: page;", printed)
    assert re.search(r"\.card, \.vacancy,[^{]*{\s*break-inside: avoid;", printed)
    assert "h1, h2, h3, h4 { break-after: avoid;" in printed


def test_write_report_writes_the_rendered_page(tmp_path: Path):
    result = indoor_result()
    path = write_report(result, tmp_path / "report.html", lang="en")
    text = path.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>")
    assert text == render_report(result, "en")


def test_unknown_language_is_an_error():
    with pytest.raises(ValueError, match="language"):
        render_report(indoor_result(), "de")


def test_templates_are_package_data():
    templates = files("combibaan.reporting") / "templates"
    for name in ("report.html.j2", "report.css", "vacancy_nl.txt.j2", "vacancy_en.txt.j2"):
        assert (templates / name).is_file()


# ----------------------------------------------------------------------------- command line


def test_solve_writes_report_and_workbook(tmp_path: Path):
    suppliers = tmp_path / "suppliers.csv"
    lines = (INDOOR / "suppliers.csv").read_text(encoding="utf-8").splitlines()
    suppliers.write_text("\n".join(line for line in lines if not line.startswith("Maas")) + "\n")
    out = tmp_path / "out"
    run = CliRunner().invoke(
        app,
        [
            "solve",
            str(INDOOR / "tasks.csv"),
            "--travel",
            str(INDOOR / "travel.csv"),
            "--suppliers",
            str(suppliers),
            "--out",
            str(out),
            "--lang",
            "en",
            "--time-limit",
            "20",
        ],
    )
    assert run.exit_code == 0, run.output
    assert "warning" in run.output and "'Maas'" in run.output
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "Weekly timetable" in html and "Not in the suppliers table" in html
    assert load_workbook(out / "proposals.xlsx").sheetnames[:6] == [
        "Jobs",
        "Vacancies",
        "Timetable",
        "Tasks",
        "Unassigned",
        "Suppliers",
    ]
    assert (out / "solution.json").exists()
