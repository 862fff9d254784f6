"""Reading the SMPTSP benchmark's ``.dat`` files: tasks, workers as candidates, every mistake
of a file at once with its line; one real instance from the archives when they are here."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest
from test_error_texts import english_words

import combibaan
from combibaan.io import InputError, Problem
from combibaan.io.smptsp import SUPPLIER, Smptsp, read_smptsp
from combibaan.model import MINUTES_PER_DAY, Slot

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(os.environ.get("COMBIBAAN_SMPTSP") or ROOT.parent / "shared" / "data" / "smptsp")
needs_data = pytest.mark.skipif(
    not (DATA / "Data_137.tar.xz").is_file(),
    reason=f"no SMPTSP data at {DATA} (a clean checkout has none; set COMBIBAAN_SMPTSP)",
)

TINY = """\
# four tasks and two workers; the third task runs past midnight,
# the fourth starts the next day
Type = 1
Jobs = 4
 420  600
 600  720
1380 1500
1500 1560
Qualifications = 2
3: 0 1 2
2: 3 2
"""


def write(tmp_path: Path, text: str | bytes, name: str = "tiny.dat") -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


# ----------------------------------------------------------------------------- reading


def test_a_tiny_file_becomes_tasks_and_candidates(tmp_path: Path) -> None:
    read = read_smptsp(write(tmp_path, TINY))
    assert (read.name, read.problem_type, read.instance.name) == ("tiny", 1, "tiny")
    tasks = read.instance.tasks
    assert [t.id for t in tasks] == ["T1", "T2", "T3", "T4"]
    assert {t.supplier for t in tasks} == {SUPPLIER}
    assert [t.slots for t in tasks] == [
        (Slot(0, 420, 600),),
        (Slot(0, 600, 720),),
        (Slot(0, 1380, 1500),),  # past midnight: it keeps its start day
        (Slot(1, 60, 120),),  # minute 1500 is Tuesday 01:00
    ]
    assert [t.rows for t in tasks] == [(5,), (6,), (7,), (8,)]
    # half-open: the first ends the minute the second starts, so they do not meet
    assert tasks[0].slots[0].week_end == tasks[1].slots[0].week_start
    first, second = read.candidates
    assert (first.id, first.eligible_task_ids, first.rows) == ("W1", ("T1", "T2", "T3"), (10,))
    assert (second.id, second.eligible_task_ids, second.rows) == ("W2", ("T4", "T3"), (11,))
    assert first.windows == (Slot(0, 420, 1500),)  # from its earliest start to its latest end
    assert second.windows == (Slot(0, 1380, 1560),)
    assert (first.min_hours, first.max_hours, first.competencies) == (None, None, ())
    by_id = {t.id: t for t in tasks}
    for candidate in read.candidates:
        assert [t.id for t in tasks if candidate.may_do(t)] == sorted(
            candidate.eligible_task_ids or ()
        )
    assert not second.may_do(by_id["T1"])


def test_a_path_text_and_file_objects_read_alike(tmp_path: Path) -> None:
    path = write(tmp_path, TINY.replace("\n", "\r\n"))
    expected = read_smptsp(path)
    same = [
        read_smptsp(str(path)),
        read_smptsp(TINY, name="tiny.dat"),
        read_smptsp(io.BytesIO(("\ufeff" + TINY).encode()), name="Data_x/tiny.dat"),
        read_smptsp(io.StringIO(TINY), name="tiny"),
    ]
    assert all(found == expected for found in same)
    assert read_smptsp(TINY).name == SUPPLIER  # text without a name


def test_ids_are_padded_by_the_count() -> None:
    tasks = "".join(f"{i} {i + 1}\n" for i in range(12))
    everything = " ".join(str(i) for i in range(12))
    read = read_smptsp(f"Type = 1\nJobs = 12\n{tasks}Qualifications = 1\n12: {everything}\n")
    assert [t.id for t in read.instance.tasks][:2] == ["T01", "T02"]
    assert read.instance.tasks[-1].id == "T12" and read.candidates[0].id == "W1"


def test_windows_for_no_task_and_for_tasks_more_than_a_day_apart() -> None:
    text = "Type = 1\nJobs = 3\n0 100\n2000 2100\n2050 2200\nQualifications = 2\n0:\n3: 2 0 1\n"
    idle, spread = read_smptsp(text).candidates
    assert idle.windows == tuple(Slot(day, 0, MINUTES_PER_DAY) for day in range(7))
    assert idle.eligible_task_ids == ()
    assert spread.windows == (Slot(0, 0, 100), Slot(1, 560, 760))
    tasks = read_smptsp(text).instance.tasks
    assert all(spread.may_do(task) for task in tasks)


def test_the_public_api() -> None:
    assert "read_smptsp" in combibaan.__all__
    assert combibaan.read_smptsp is read_smptsp


# ----------------------------------------------------------------------------- mistakes

BASE = ["Type = 1", "Jobs = 2", "0 5", "5 10", "Qualifications = 1", "2: 0 1"]


def changed(line: int, new: str | None) -> str:
    """BASE with its line ``line`` (from 1) replaced, or removed when ``new`` is None."""
    lines = list(BASE)
    if new is None:
        del lines[line - 1]
    else:
        lines[line - 1] = new
    return "\n".join(lines) + "\n"


MISTAKES = {
    "no Type line": (changed(1, None), "dat_expected", 1),
    "Type 2": (changed(1, "Type = 2"), "dat_type", 1),
    "Type not a number": (changed(1, "Type = one"), "dat_type", 1),
    "Jobs not a number": (changed(2, "Jobs = two"), "whole_at_least", 2),
    "Jobs zero": (changed(2, "Jobs = 0"), "whole_at_least", 2),
    "Jobs above the lines": (changed(2, "Jobs = 3"), "dat_jobs_count", 2),
    "Jobs below the lines": (changed(2, "Jobs = 1"), "dat_jobs_count", 2),
    "a task not in numbers": (changed(3, "0 five"), "dat_task_line", 3),
    "a task of three numbers": (changed(3, "0 5 7"), "dat_task_line", 3),
    "a zero-length task": (changed(3, "5 5"), "dat_task_empty", 3),
    "a task ending before it starts": (changed(3, "9 5"), "dat_task_empty", 3),
    "a task before minute 0": (changed(3, "-5 5"), "dat_task_negative", 3),
    "a task longer than a day": (changed(3, "0 1441"), "dat_task_long", 3),
    "a task after the week": (changed(3, "10080 10100"), "dat_task_late", 3),
    "no Qualifications line": (changed(5, None), "dat_expected", 5),
    "the file ends early": ("\n".join(BASE[:4]) + "\n", "dat_ends", 4),
    "Qualifications not a number": (changed(5, "Qualifications = x"), "whole_at_least", 5),
    "Qualifications above the lines": (changed(5, "Qualifications = 2"), "dat_quals_count", 5),
    "a worker line without a colon": (changed(6, "2 0 1"), "dat_worker_line", 6),
    "a worker line miscounted": (changed(6, "3: 0 1"), "dat_worker_count", 6),
    "a task id out of range": (changed(6, "2: 0 2"), "dat_task_range", 6),
    "a task id twice": (changed(6, "2: 1 1"), "dat_task_twice", 6),
    "a task id not a number": (changed(6, "2: 0 x"), "dat_task_number", 6),
}


def problems_of(source: object, **given: str) -> list[Problem]:
    with pytest.raises(InputError) as caught:
        read_smptsp(source, **given)
    return caught.value.problems


@pytest.mark.parametrize("case", MISTAKES)
def test_each_mistake_is_named_at_its_line_in_both_languages(tmp_path: Path, case: str) -> None:
    text, code, line = MISTAKES[case]
    path = write(tmp_path, text)
    (problem,) = problems_of(path)
    assert (problem.source, problem.line, problem.row) == (str(path), line, None)
    assert not isinstance(problem.message, str) and problem.message.code == code
    dutch, english = problem.text("nl"), problem.text("en")
    assert dutch.startswith(f"{path}, regel {line}: ")
    assert english.startswith(f"{path}, line {line}: ")
    assert english_words(dutch.removeprefix(str(path))) == set(), dutch
    assert dutch != english


def test_other_types_are_refused_clearly() -> None:
    (problem,) = problems_of(changed(1, "Type = 2"), name="x.dat")
    assert problem.text("en") == (
        "x.dat, line 1: combibaan reads only 'Type = 1' (the fewest workers who together do "
        "every task), got 'Type = 2'"
    )


def test_every_mistake_of_a_file_comes_at_once() -> None:
    text = "Type = 1\nJobs = 4\n0 5\n5 5\nx\nQualifications = 2\n2: 0 7\n1: 1 1\n2: 0\n"
    found = [(p.line, p.message.code) for p in problems_of(text)]  # type: ignore[union-attr]
    assert found == [
        (2, "dat_jobs_count"),
        (4, "dat_task_empty"),
        (5, "dat_task_line"),
        (6, "dat_quals_count"),
        (7, "dat_task_range"),
        (8, "dat_worker_count"),
        (8, "dat_task_twice"),
        (9, "dat_worker_count"),
    ]
    messages = [p.text("en") for p in problems_of(text)]
    assert "task 7 does not exist: the tasks are numbered 0 to 2" in messages[4]
    assert "task 1 (T2) does not end after it starts (5 to 5)" in messages[1]


def test_unreadable_sources(tmp_path: Path) -> None:
    codes = {
        "dat_not_found": tmp_path / "missing.dat",
        "dat_folder": tmp_path,
        "not_utf8": write(tmp_path, b"Type = 1\nJobs = 1\n0 5\xff\n"),
    }
    for code, source in codes.items():
        (problem,) = problems_of(source)
        assert problem.message.code == code  # type: ignore[union-attr]
    with pytest.raises(TypeError):
        read_smptsp(42)


# ----------------------------------------------------------------------------- the benchmark

SMALL = "data_1_23_40_66"


@needs_data
def test_a_real_instance_from_the_archive_matches_instances_csv() -> None:
    with tarfile.open(DATA / "Data_137.tar.xz", "r:xz") as archive:
        member = archive.getmember(f"Data_137/{SMALL}.dat")
        read = read_smptsp(archive.extractfile(member), name=member.name)
    with open(DATA / "instances.csv", newline="", encoding="utf-8") as file:
        row = next(r for r in csv.DictReader(file) if r["instance"] == SMALL)
    assert isinstance(read, Smptsp) and read.name == SMALL
    slots = [task.slots[0] for task in read.instance.tasks]
    pairs = sum(len(c.eligible_task_ids or ()) for c in read.candidates)
    assert len(read.instance.tasks) == int(row["tasks"]) == 40
    assert len(read.candidates) == int(row["workers"]) == 23
    assert pairs == int(row["eligible_pairs"])
    assert min(s.week_start for s in slots) == int(row["min_start"])
    assert max(s.week_end for s in slots) == int(row["max_end"])
    assert max(s.minutes for s in slots) == int(row["max_task_minutes"])
    tasks = {task.id: task for task in read.instance.tasks}
    for candidate in read.candidates:
        assert all(candidate.may_do(tasks[t]) for t in candidate.eligible_task_ids or ())


def run_loader(*args: str) -> subprocess.CompletedProcess[str]:
    script = ROOT / "benchmarks" / "smptsp_data.py"
    return subprocess.run(
        [sys.executable, str(script), *args, "--data", str(DATA)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


@needs_data
def test_the_loader_shows_an_instance_and_verifies_a_set() -> None:
    shown = run_loader("--show", SMALL)
    assert shown.returncode == 0, shown.stderr
    assert "clique_lb: 20\n" in shown.stdout and "<-" not in shown.stdout
    assert "proven optimal: yes" in shown.stdout
    verified = run_loader("--verify", "--set", "Data_010")
    assert verified.returncode == 0, verified.stdout + verified.stderr
    assert "Data_010: 10 instances read and compared" in verified.stdout
    assert "all agree" in verified.stdout
    unknown = run_loader("--show", "data_0_0_0_0")
    assert unknown.returncode == 2 and "no SMPTSP instance" in unknown.stderr
