"""The command line against hostile and sloppy use (issue 9): terminal markup in the input,
numbers out of range, outputs that cannot or may not be written, formulas in CSV cells, files
edited since combibaan wrote them, Ctrl-C, and the summary line."""

from __future__ import annotations

import csv
import dataclasses
import hashlib
import json
import os
import signal
import subprocess
import sys
import time
import types
from pathlib import Path

import pandas as pd
import pytest
from conftest import INSTANCES, make_instance, make_task, run_cli
from rich.console import Console

import combibaan
from combibaan.cli.interrupt import Aborted, Interrupts
from combibaan.cli.show import summary_line
from combibaan.io.output import (
    FORMULA_STARTS,
    MANIFEST,
    OUTPUT_FILES,
    SOLUTION_FILES,
    check_output,
    looks_like_formula,
    neutral_cell,
    write_csv,
    write_files,
)

OUTPUTS = OUTPUT_FILES

# Ids, suppliers and texts a spreadsheet or a terminal could take for commands.
HOSTILE = (
    "task_id,supplier,description,days,start,end\n"
    '[bold]T1[/],"=HYPERLINK(""http://x"",""y"")",+cmd|\' /C calc\'!A0,ma-vr,07:00,10:00\n'
    "T2[/],@SUM(A1),-2+3,ma-vr,10:00,13:00\n"
    ":smile:,[policy],[red]text[/red],ma-vr,13:30,15:00\n"
    "-T4,Asito,schoonmaak,za,07:00,09:00\n"
)
GOOD_TASKS = "task_id,supplier,days,start,end\nT1,Asito,ma-vr,07:00,10:00\n"


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def indoor(*extra: object) -> list[object]:
    folder = INSTANCES / "indoor"
    return [folder / "tasks.csv", "--travel", folder / "travel.csv", *extra]


def no_traceback(done) -> None:
    assert "Traceback" not in done.stdout + done.stderr, done.stderr


# ----------------------------------------------------------------------------- markup (5)


def test_markup_from_the_input_is_printed_as_text(tmp_path: Path) -> None:
    tasks = write(tmp_path / "tasks[1].csv", HOSTILE)
    out = tmp_path / "o[red]ut[/]"
    done = run_cli("solve", tasks, "--min-hours", "5", "--out", out)
    no_traceback(done)
    assert done.returncode == 0, done.stderr
    for text in ("[bold]T1[/]", "T2[/]", ":smile:", "[policy]", "tasks[1]"):
        assert text in done.stdout, text
    assert "😄" not in done.stdout
    assert f"Opgeslagen in {out}/" in done.stdout
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == sorted(OUTPUTS)


def test_markup_in_error_messages_survives(tmp_path: Path) -> None:
    tasks = write(tmp_path / "[x]tasks.csv", GOOD_TASKS + "T2,Asito,[policy],07:00,10:00\n")
    out = tmp_path / "out"
    done = run_cli("solve", tasks, "--out", out)
    no_traceback(done)
    assert done.returncode == 2
    assert "[x]tasks.csv" in done.stderr and "'[policy]'" in done.stderr
    assert not out.exists()

    pair = run_cli("solve", write(tmp_path / "t.csv", GOOD_TASKS), "--forbid-pair", "[red]A|B")
    no_traceback(pair)
    assert pair.returncode == 2
    assert "--forbid-pair" in pair.stderr and "[red]A" in pair.stderr


def test_markup_in_check_output(tmp_path: Path) -> None:
    folder = tmp_path / "out"
    assert run_cli("solve", *indoor("--out", folder)).returncode == 0
    document = json.loads((folder / "solution.json").read_text(encoding="utf-8"))
    document["jobs"][0]["task_ids"].append("[bold]X[/bold]")
    tampered = write(tmp_path / "[t].json", json.dumps(document))
    done = run_cli("check", *indoor()[:1], tampered, *indoor()[1:])
    no_traceback(done)
    assert done.returncode == 1
    assert "[unknown_task]" in done.stdout and "'[bold]X[/bold]'" in done.stdout
    assert "[t].json" in done.stdout


# ----------------------------------------------------------------------------- numbers (6)

BAD_OPTIONS = [
    ("solve", ["--seed", "99999999999999"], "--seed"),
    ("solve", ["--time-limit", "inf"], "--time-limit"),
    ("solve", ["--time-limit", "nan"], "--time-limit"),
    ("solve", ["--time-limit", "-1"], "--time-limit"),
    ("solve", ["--time-limit", "1e309"], "--time-limit"),
    ("solve", ["--workers", "100000"], "--workers"),
    ("solve", ["--workers", "-1"], "--workers"),
    ("solve", ["--alternatives", "-1"], "--alternatives"),
    ("solve", ["--alternatives", "99999999999"], "--alternatives"),
    ("solve", ["--strategy", "fastest"], "--strategy"),
    ("explain", ["--task", "T1", "--time-limit", "nan"], "--time-limit"),
    ("sweep", ["--grid", "g.toml", "--out", "r.csv", "--seed", "2147483648"], "--seed"),
    ("sweep", ["--grid", "g.toml", "--out", "r.csv", "--workers", "0"], "--workers"),
    ("sweep", ["--grid", "g.toml", "--out", "r.csv", "--time-limit", "inf"], "--time-limit"),
]


@pytest.mark.parametrize(("command", "options", "named"), BAD_OPTIONS)
def test_numbers_out_of_range_are_refused_before_anything_runs(
    tmp_path: Path, command: str, options: list[str], named: str
) -> None:
    """The task list does not even exist: the option is what the message is about."""
    done = run_cli(command, tmp_path / "nothere.csv", *options, cwd=tmp_path)
    no_traceback(done)
    assert done.returncode == 2, done.stdout + done.stderr
    assert named in done.stderr
    assert "nothere.csv" not in done.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "options",
    [
        ["--tasks", "99999999999"],
        ["--tasks", "10", "--seed", "99999999999999"],
        ["--tasks", "10", "--campuses", "1000000"],
    ],
)
def test_generate_numbers_out_of_range(tmp_path: Path, options: list[str]) -> None:
    done = run_cli("generate", *options, "--out", tmp_path / "gen")
    no_traceback(done)
    assert done.returncode == 2
    assert options[-2] in done.stderr
    assert not (tmp_path / "gen").exists()


@pytest.mark.parametrize(
    ("flag", "value"),
    [("--max-hours", "inf"), ("--min-hours", "1e309"), ("--max-suppliers", "inf")],
)
def test_rule_flags_out_of_range_name_the_flag(tmp_path: Path, flag: str, value: str) -> None:
    tasks = write(tmp_path / "tasks.csv", GOOD_TASKS)
    done = run_cli("solve", tasks, flag, value, "--out", tmp_path / "out")
    no_traceback(done)
    assert done.returncode == 2
    assert flag in done.stderr
    assert not (tmp_path / "out").exists()


# ----------------------------------------------------------------------------- outputs (7)


def _bad_out(tmp_path: Path, kind: str) -> Path:
    if kind == "is a file":
        return write(tmp_path / "afile", "mine")
    if kind == "under a file":
        return write(tmp_path / "afile", "mine") / "sub"
    if kind == "unwritable":
        if sys.platform != "linux":
            pytest.skip("/proc is Linux's")
        return Path("/proc/combibaan-test/out")
    if kind == "read-only folder":
        if os.geteuid() == 0:
            pytest.skip("root may write anywhere")
        locked = tmp_path / "locked"
        locked.mkdir()
        locked.chmod(0o500)
        return locked / "out"
    folder = tmp_path / "mine"
    folder.mkdir()
    write(folder / "jobs.csv", "my,own\n1,2\n")
    return folder


@pytest.mark.parametrize(
    "kind", ["is a file", "under a file", "unwritable", "read-only folder", "foreign files"]
)
def test_a_bad_out_is_refused_before_reading_or_solving(tmp_path: Path, kind: str) -> None:
    out = _bad_out(tmp_path, kind)
    started = time.monotonic()
    done = run_cli("solve", tmp_path / "nothere.csv", "--out", out)
    no_traceback(done)
    assert done.returncode == 2
    assert "nothere.csv" not in done.stderr  # nothing was read
    assert str(out.parent if kind == "under a file" else out) in done.stderr
    assert time.monotonic() - started < 20  # no solve time, even on a busy machine
    assert not any(p.name.startswith(".combibaan") for p in tmp_path.rglob("*"))


def test_a_bad_out_costs_no_solve_time(tmp_path: Path) -> None:
    """n300 with a minute's limit: refused at once, without the progress line."""
    out = write(tmp_path / "afile", "mine") / "sub"
    folder = INSTANCES / "generated" / "n300"
    done = run_cli(
        "solve", folder / "tasks.csv", "--time-limit", 60, "--out", out, "--alternatives", 3
    )
    assert done.returncode == 2
    assert "Solving" not in done.stderr and "banen" not in done.stdout


@pytest.mark.parametrize("kind", ["is a file", "under a file", "unwritable"])
def test_generate_and_sweep_outputs_are_checked_first(tmp_path: Path, kind: str) -> None:
    out = _bad_out(tmp_path, kind)
    made = run_cli("generate", "--tasks", 10, "--out", out)
    no_traceback(made)
    assert made.returncode == 2
    assert "Errno" not in made.stderr
    assert str(out.parent if kind == "under a file" else out) in made.stderr

    grid = write(tmp_path / "grid.toml", "max_suppliers = [1, 2]\n")
    table = out / "results.csv" if kind != "unwritable" else out
    swept = run_cli("sweep", tmp_path / "nothere.csv", "--grid", grid, "--out", table)
    no_traceback(swept)
    assert swept.returncode == 2
    assert "nothere.csv" not in swept.stderr


def test_solve_checks_every_name_it_writes() -> None:
    """The names checked before the solve are the names written after it."""
    from combibaan.reporting import report_writers

    result = combibaan.solve(make_instance(make_task("T1", "A", "ma 07:00-08:00")), time_limit=5)
    assert {*SOLUTION_FILES, *report_writers(result)} == set(OUTPUT_FILES)


# ----------------------------------------------------------------------------- CSV formulas (9)


def _cells(path: Path, delimiter: str = ";") -> list[str]:
    """The cells below the header of a solution CSV file (by default in the Dutch dialect)."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=delimiter))
    return [cell for row in rows[1:] for cell in row]


def test_csv_outputs_neutralise_formulas(tmp_path: Path) -> None:
    tasks = write(tmp_path / "tasks.csv", HOSTILE)
    out = tmp_path / "out"
    done = run_cli("solve", tasks, "--min-hours", "5", "--out", out)
    assert done.returncode == 0, done.stderr
    for name in ("jobs.csv", "assignments.csv", "unassigned.csv"):
        cells = _cells(out / name)
        assert not [c for c in cells if c.startswith(FORMULA_STARTS)], name
    assignments = _cells(out / "assignments.csv")
    assert '\'=HYPERLINK("http://x","y")' in assignments
    assert "'+cmd|' /C calc'!A0" in assignments and "'@SUM(A1)" in assignments
    assert "'-2+3" in assignments
    assert "'-T4" in assignments
    assert "15,0" in assignments  # numbers stay numbers (a decimal comma in Dutch)


def test_write_csv_neutralises_text_but_not_numbers(tmp_path: Path) -> None:
    frame = pd.DataFrame(
        {
            "text": ["=1+1", "+1", "-1", "@x", "\tx", "\rx", "plain", "a=b"],
            "number": [-3.5, -1, 0, 1, 2, 3, 4, 5],
        }
    )
    path = tmp_path / "t.csv"
    write_csv(frame, path)
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["text", "number"]
    assert [row[0] for row in rows[1:]] == [
        "'=1+1",
        "'+1",
        "'-1",
        "'@x",
        "'\tx",
        "'\rx",
        "plain",
        "a=b",
    ]
    assert [float(row[1]) for row in rows[1:]] == [-3.5, -1, 0, 1, 2, 3, 4, 5]
    assert rows[1][1] == "-3.5"  # a negative number is written as a number
    assert neutral_cell(-2) == -2 and neutral_cell(None) is None


def test_the_workbook_uses_the_same_test() -> None:
    from combibaan.reporting import workbook

    assert workbook.looks_like_formula is looks_like_formula


def test_write_csv_in_the_dutch_dialect_still_neutralises(tmp_path: Path) -> None:
    frame = pd.DataFrame({"text": ["=1+1", "-1", "a;b", "plain"], "number": [-3.5, 0.25, 2, 1]})
    path = tmp_path / "t.csv"
    write_csv(frame, path, sep=";", decimal=",", bom=True)
    assert path.read_bytes().startswith(b"\xef\xbb\xbftext;number\r\n")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    assert rows[1:] == [["'=1+1", "-3,5"], ["'-1", "0,25"], ["a;b", "2,0"], ["plain", "1,0"]]
    back = pd.read_csv(path, sep=";", decimal=",")
    assert back["number"].tolist() == [-3.5, 0.25, 2, 1]
    assert back["text"].tolist() == ["'=1+1", "'-1", "a;b", "plain"]


@pytest.mark.parametrize(
    ("lang", "sep", "decimal", "days"),
    [("nl", ";", ",", "ma,di,wo,do,vr"), ("en", ",", ".", "mon,tue,wed,thu,fri")],
)
def test_solution_csv_files_are_in_the_dialect_of_the_language(
    tmp_path: Path, lang: str, sep: str, decimal: str, days: str
) -> None:
    """What a spreadsheet program in that language opens with a double-click, and what
    pandas and the csv module read when told the dialect."""
    from reporting_support import indoor_result

    from combibaan.result import write_solution_files

    result = indoor_result()
    write_solution_files(result, tmp_path, lang=lang)
    for name, frame in [
        ("jobs.csv", result.jobs_in(lang)),
        ("assignments.csv", result.assignments),
        ("unassigned.csv", result.unassigned_in(lang)),
    ]:
        raw = (tmp_path / name).read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf" + sep.join(frame.columns).encode() + b"\r\n"), name
        back = pd.read_csv(tmp_path / name, sep=sep, decimal=decimal, keep_default_na=False)
        assert list(back.columns) == list(frame.columns), name
        assert back["hours_per_week"].tolist() == frame["hours_per_week"].tolist(), name
        assert len(back) == len(frame) > 0, name
    jobs = pd.read_csv(tmp_path / "jobs.csv", sep=sep, decimal=decimal)
    assert set(jobs["days"]) == {days}
    assert jobs["job_units"].dtype == float
    with (tmp_path / "unassigned.csv").open(encoding="utf-8-sig", newline="") as handle:
        header, first, *_ = csv.reader(handle, delimiter=sep)
    assert header == ["task_id", "supplier", "hours_per_week", "reason", "reason_code"]
    assert first[2] == f"{result.unassigned_in(lang)['hours_per_week'][0]}".replace(".", decimal)


# ----------------------------------------------------------------------------- manifest (10)


def _solve_into(folder: Path, *extra: object):
    return run_cli("solve", *indoor("--time-limit", 20, "--out", folder, *extra))


def test_manifest_records_every_file(tmp_path: Path) -> None:
    folder = tmp_path / "out"
    assert _solve_into(folder).returncode == 0
    record = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    assert record["generator"].startswith("combibaan")
    assert set(record["files"]) == set(OUTPUTS)
    for name, entry in record["files"].items():
        assert entry["sha256"] == hashlib.sha256((folder / name).read_bytes()).hexdigest()


@pytest.mark.parametrize("edited", ["report.html", "proposals.xlsx", "jobs.csv"])
def test_a_file_edited_since_is_not_replaced_without_force(tmp_path: Path, edited: str) -> None:
    folder = tmp_path / "out"
    assert _solve_into(folder).returncode == 0
    with (folder / edited).open("ab") as handle:
        handle.write(b"\n<!-- my notes -->")
    mine = (folder / edited).read_bytes()
    before = {p.name: p.read_bytes() for p in folder.iterdir()}

    refused = _solve_into(folder, "--max-suppliers", "3")
    no_traceback(refused)
    assert refused.returncode == 2
    assert edited in refused.stderr and "--force" in refused.stderr
    assert "Solving" not in refused.stderr and "banen" not in refused.stdout  # before the solve
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before

    forced = _solve_into(folder, "--max-suppliers", "3", "--force")
    assert forced.returncode == 0, forced.stderr
    assert (folder / edited).read_bytes() != mine
    assert len(json.loads((folder / "solution.json").read_text("utf-8"))["jobs"]) == 4
    assert _solve_into(folder).returncode == 0  # recorded again: unchanged now


def test_a_folder_from_before_the_manifest_is_taken_as_ours(tmp_path: Path) -> None:
    """No record, but our solution.json: the files are ours, with nothing to compare."""
    folder = tmp_path / "out"
    assert _solve_into(folder).returncode == 0
    (folder / MANIFEST).unlink()
    write(folder / "report.html", "edited before manifests existed")
    again = _solve_into(folder)
    assert again.returncode == 0, again.stderr
    assert (folder / MANIFEST).is_file()
    assert "edited before" not in (folder / "report.html").read_text(encoding="utf-8")


def test_a_file_combibaan_never_wrote_is_refused_even_with_force(tmp_path: Path) -> None:
    folder = tmp_path / "out"
    assert _solve_into(folder).returncode == 0
    record = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    del record["files"]["assignments.csv"]  # as if the user had put it there
    write(folder / MANIFEST, json.dumps(record))
    write(folder / "assignments.csv", "my own list\n")
    done = _solve_into(folder, "--force")
    no_traceback(done)
    assert done.returncode == 2
    assert "assignments.csv" in done.stderr and "niet door combibaan geschreven" in done.stderr
    assert (folder / "assignments.csv").read_text(encoding="utf-8") == "my own list\n"


def test_an_unreadable_record_needs_force(tmp_path: Path) -> None:
    folder = tmp_path / "out"
    assert _solve_into(folder).returncode == 0
    write(folder / MANIFEST, "{broken")
    refused = _solve_into(folder)
    assert refused.returncode == 2
    assert MANIFEST in refused.stderr and "--force" in refused.stderr
    assert _solve_into(folder, "--force").returncode == 0
    json.loads((folder / MANIFEST).read_text(encoding="utf-8"))


def test_a_sweep_table_edited_since_is_not_replaced_without_force(tmp_path: Path) -> None:
    tasks = write(
        tmp_path / "tasks.csv",
        GOOD_TASKS + "T2,Sodexo,ma-vr,10:30,13:30\nT3,Maas,ma-vr,14:00,16:00\n",
    )
    grid = write(tmp_path / "grid.toml", "max_suppliers = [1, 2]\n")
    table = tmp_path / "results.csv"
    args = ("sweep", tasks, "--grid", grid, "--out", table, "--workers", 1, "--time-limit", 5)
    assert run_cli(*args).returncode == 0
    assert not [c for c in _cells(table) if c.startswith(FORMULA_STARTS)]
    write(table, table.read_text(encoding="utf-8") + "my,notes\n")
    refused = run_cli(*args)
    assert refused.returncode == 2
    assert "results.csv" in refused.stderr and "--force" in refused.stderr
    assert run_cli(*args, "--force").returncode == 0
    assert "my,notes" not in table.read_text(encoding="utf-8")


def test_a_failed_write_leaves_nothing_behind(tmp_path: Path) -> None:
    def broken(path: Path) -> None:
        path.write_text("half", encoding="utf-8")
        raise OSError(28, "No space left on device")

    target = tmp_path / "new" / "deeper"
    with pytest.raises(OSError):
        write_files(target, {"a.csv": lambda p: p.write_text("a", encoding="utf-8"), "b": broken})
    assert list(tmp_path.iterdir()) == []


def test_the_record_keeps_files_of_other_runs(tmp_path: Path) -> None:
    write_files(tmp_path, {"results.csv": lambda p: p.write_text("a\n", encoding="utf-8")})
    write_files(tmp_path, {"other.csv": lambda p: p.write_text("b\n", encoding="utf-8")})
    record = json.loads((tmp_path / MANIFEST).read_text(encoding="utf-8"))
    assert set(record["files"]) == {"results.csv", "other.csv"}
    check_output(tmp_path, ["results.csv", "other.csv"])  # both ours and unchanged


# ----------------------------------------------------------------------------- messages (12)


def test_a_lock_conflict_names_the_locks_file_and_row(tmp_path: Path) -> None:
    locks = write(tmp_path / "locks.csv", "rule,task_ids\nexclude,I21\nkeep,I01\n")
    done = run_cli("solve", *indoor("--locks", locks, "--out", tmp_path / "out"))
    no_traceback(done)
    assert done.returncode == 2
    assert str(locks) in done.stderr and "rij 3" in done.stderr
    assert not (tmp_path / "out").exists()


def test_generate_into_a_file_reads_well(tmp_path: Path) -> None:
    target = write(tmp_path / "campus", "mine")
    done = run_cli("generate", "--tasks", 10, "--out", target)
    assert done.returncode == 2
    assert "Errno" not in done.stderr and "is een bestand, geen map" in done.stderr
    assert target.read_text(encoding="utf-8") == "mine"


def test_an_out_through_a_missing_folder_and_back_is_judged_before_the_solve(
    tmp_path: Path,
) -> None:
    """``zz/../tasks.csv`` is the file tasks.csv: it was taken for a new folder, solved,
    refused only when written, and left an empty ``zz`` behind."""
    target = write(tmp_path / "tasks.csv", "mine")
    done = run_cli("solve", *indoor("--out", "zz/../tasks.csv", "-q"), cwd=tmp_path)
    assert done.returncode == 2 and "is een bestand, geen map" in done.stderr
    assert done.stdout == ""  # no summary line: nothing was solved
    assert not (tmp_path / "zz").exists() and target.read_text(encoding="utf-8") == "mine"


def test_strategy_is_passed_to_the_solver(tmp_path: Path) -> None:
    done = run_cli("solve", *indoor("--strategy", "exact", "--out", tmp_path / "out"))
    assert done.returncode == 0, done.stderr
    document = json.loads((tmp_path / "out" / "solution.json").read_text(encoding="utf-8"))
    assert document["statistics"]["method"] == "exact"


# ----------------------------------------------------------------------------- summary line


@pytest.fixture(scope="module")
def result() -> combibaan.Result:
    folder = INSTANCES / "indoor"
    instance = combibaan.read_instance(folder / "tasks.csv", travel=folder / "travel.csv")
    return combibaan.solve(instance, time_limit=10, strategy="exact")


def _as(result: combibaan.Result, **changes: object) -> combibaan.Result:
    statistics = {k: v for k, v in changes.items() if k in ("interrupted", "wall_clock_cut")}
    fields = {k: v for k, v in changes.items() if k not in statistics}
    if statistics:
        fields["statistics"] = dataclasses.replace(result.statistics, **statistics)
    return dataclasses.replace(result, solve_seconds=4.21, **fields)


def test_summary_line_leads_with_the_proven_job_count(result: combibaan.Result) -> None:
    proven = _as(result, status="optimal", jobs_status="optimal", hours_bound=91.5)
    assert summary_line(proven) == (
        "3 banen (bewezen maximum) · 91,5 uur geplaatst (bewezen maximum) · optimaal · 4,2 s"
    )
    assert summary_line(proven, "en") == (
        "3 jobs (proven maximum) · 91.5 hours placed (proven maximum) · optimal · 4.2 s"
    )
    open_hours = _as(result, status="feasible", jobs_status="optimal", hours_bound=95)
    assert "91,5 uur geplaatst (ten hoogste 95) · " in summary_line(open_hours)
    assert "91.5 hours placed (at most 95) · " in summary_line(open_hours, "en")


def test_summary_line_when_not_proven(result: combibaan.Result) -> None:
    open_ = _as(
        result,
        status="feasible",
        jobs_status="feasible",
        jobs_bound=5,
        hours_bound=None,
        stopped="time_limit",
        wall_clock_cut=True,
    )
    assert summary_line(open_) == (
        "3 banen (ten hoogste 5 mogelijk) · 91,5 uur geplaatst · gestopt: tijdslimiet "
        "(tijdslimiet van de klok; een herhaling kan verschillen) · 4,2 s"
    )
    assert summary_line(open_, "en") == (
        "3 jobs (at most 5 possible) · 91.5 hours placed · stopped: time limit "
        "(wall-clock limit; a rerun may differ) · 4.2 s"
    )
    stopped = _as(result, status="feasible", jobs_bound=5, stopped="interrupted")
    assert "gestopt: onderbroken (Ctrl-C)" in summary_line(stopped)
    marked = _as(result, status="feasible", jobs_bound=5, interrupted=True)
    assert "stopped: interrupted (Ctrl-C)" in summary_line(marked, "en")


# ----------------------------------------------------------------------------- Ctrl-C (11)


def test_interrupts_first_press_stops_then_saves_then_aborts() -> None:
    console = Console(record=True, width=200)
    before = signal.getsignal(signal.SIGINT)
    with Interrupts(console, "en") as interrupts:
        with pytest.raises(KeyboardInterrupt):
            signal.raise_signal(signal.SIGINT)
            time.sleep(1)
        signal.raise_signal(signal.SIGINT)  # the solver finishing up: only a message
        with pytest.raises(Aborted):
            signal.raise_signal(signal.SIGINT)
            time.sleep(1)
    assert interrupts.presses == 3
    text = console.export_text()
    assert "Finishing and saving" in text and "Aborted (Ctrl-C): nothing was saved." in text
    assert signal.getsignal(signal.SIGINT) is before


def test_a_press_inside_a_callback_prints_no_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    """A press landing in an import lock's callback at start-up, where Python cannot raise
    it, printed "Exception ignored in ..." and a traceback (a flaky CI run of
    ``test_ctrl_c_while_starting_ends_quietly``): while Interrupts is active such a
    KeyboardInterrupt is dropped quietly (the press is counted), anything else is
    reported as before, and the hook is restored after."""
    seen: list[BaseException] = []
    monkeypatch.setattr(sys, "unraisablehook", lambda u: seen.append(u.exc_value))
    before = sys.unraisablehook
    with Interrupts(Console(record=True)):
        sys.unraisablehook(types.SimpleNamespace(exc_value=KeyboardInterrupt()))
        sys.unraisablehook(types.SimpleNamespace(exc_value=ValueError("kept")))
    assert [type(e) for e in seen] == [ValueError]
    assert sys.unraisablehook is before


def test_interrupts_while_writing_only_say_so() -> None:
    console = Console(record=True, width=200)
    with Interrupts(console) as interrupts:
        with pytest.raises(KeyboardInterrupt):
            signal.raise_signal(signal.SIGINT)
            time.sleep(1)
        with interrupts.writing():
            for _ in range(5):
                signal.raise_signal(signal.SIGINT)
    assert console.export_text().count("Bezig met opslaan…") == 5


def test_ctrl_c_while_importing_ends_quietly(monkeypatch, capsys) -> None:
    """The console script's own function: Ctrl-C before the app runs exits 130, no traceback."""
    from combibaan.__main__ import main

    class Importing(types.ModuleType):
        def __getattr__(self, name: str) -> object:
            raise KeyboardInterrupt

    monkeypatch.setitem(sys.modules, "combibaan.cli", Importing("combibaan.cli"))
    monkeypatch.setattr(sys, "argv", ["combibaan", "solve", "x.csv", "--lang", "en"])
    before = signal.getsignal(signal.SIGINT)
    try:
        with pytest.raises(SystemExit) as info:
            main()
    finally:
        signal.signal(signal.SIGINT, before)
    assert info.value.code == 130
    captured = capsys.readouterr()
    assert captured.err.strip() == "interrupted (Ctrl-C)"
    assert "Traceback" not in captured.err


def test_ctrl_c_still_reaches_python_after_cover_mode_and_candidates() -> None:
    """CP-SAT that catches SIGINT itself leaves it at the system's default, and the next
    Ctrl-C killed Python outright (a notebook's kernel): after a solve in cover mode and
    one for candidates (their CP-SAT runs), Ctrl-C is Python's KeyboardInterrupt again."""
    indoor = Path(__file__).resolve().parents[1] / "instances" / "indoor"
    script = f"""
import os, signal, combibaan
from combibaan.io.candidates import read_candidates
instance = combibaan.read_instance({str(indoor / "tasks.csv")!r}, {str(indoor / "travel.csv")!r})
people = read_candidates({str(indoor / "candidates.csv")!r})
combibaan.solve(instance, combibaan.Policy(cover=True), time_limit=5)
combibaan.solve(instance, time_limit=5, candidates=people)
try:
    os.kill(os.getpid(), signal.SIGINT)
    signal.pause()
except KeyboardInterrupt:
    print("caught")
"""
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "caught"


def test_ctrl_c_in_cover_mode_and_for_candidates_ends_the_search_and_says_so(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A CP-SAT solve that Ctrl-C stopped (simulated: each reports it was interrupted)
    starts no further search, and the result says it was interrupted."""
    from ortools.sat.python import cp_model

    from combibaan.io.candidates import read_candidates
    from combibaan.solvers import candidate_jobs, cover
    from combibaan.solvers.ortools.set_packing import solve_interruptibly

    calls: list[str] = []

    def stopped_by_ctrl_c(solver, model, callback=None):  # type: ignore[no-untyped-def]
        status, _ = solve_interruptibly(solver, model, callback)
        calls.append("solve")
        return (cp_model.FEASIBLE if status == cp_model.OPTIMAL else status), True

    monkeypatch.setattr(cover, "solve_interruptibly", stopped_by_ctrl_c)
    monkeypatch.setattr(candidate_jobs, "solve_interruptibly", stopped_by_ctrl_c)
    instance = combibaan.read_instance(INSTANCES / "indoor" / "tasks.csv")
    people = read_candidates(INSTANCES / "indoor" / "candidates.csv")
    held = combibaan.solve(instance, time_limit=10, candidates=people, only_candidates=True)
    assert calls == ["solve"]  # the hours stage never starts
    assert held.stopped == "interrupted" and held.statistics.interrupted
    assert held.num_jobs > 0  # the jobs found before Ctrl-C are kept
    both = combibaan.solve(instance, time_limit=10, candidates=people)
    assert both.stopped == "interrupted" and both.statistics.interrupted
    covered = combibaan.solve(instance, combibaan.Policy(cover=True), time_limit=10)
    assert covered.statistics.interrupted


@pytest.mark.parametrize("flexible", [False, True])
def test_ctrl_c_while_cover_mode_builds_its_model_keeps_the_first_cover(
    monkeypatch: pytest.MonkeyPatch, flexible: bool
) -> None:
    """Ctrl-C in Python, while the whole model is being built (simulated), ends cover
    mode as a Ctrl-C in CP-SAT does: with the first cover, which keeps every rule, and
    the result says it was interrupted (it used to end the run with nothing saved)."""
    import warnings

    from combibaan.generate import generate
    from combibaan.solvers import cover

    def ctrl_c(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise KeyboardInterrupt

    monkeypatch.setattr(cover, "_solve_whole", ctrl_c)
    if flexible:
        tasks, travel = generate(20, 3, family="short", flexible=0.5)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # generated travel tables name unused places
            instance = combibaan.read_instance(tasks, travel)
    else:
        instance = combibaan.read_instance(INSTANCES / "indoor" / "tasks.csv")
    result = combibaan.solve(instance, combibaan.Policy(cover=True, min_hours=1), time_limit=10)
    assert result.stopped == "interrupted" and result.statistics.interrupted
    assert result.num_jobs > 0
    assert {t for job in result.solution.jobs for t in job.task_ids} == {
        t.id for t in instance.tasks
    }
    assert not combibaan.check_result(result)
