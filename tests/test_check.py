"""The independent checker: each rule caught on its own, sound solutions pass, and every
violation is said in one language (Dutch by default, English on request)."""

from __future__ import annotations

import json
import re
import string
from pathlib import Path
from typing import Any

import pytest
from conftest import run_cli
from hypothesis import given, settings
from hypothesis import strategies as st

from combibaan.check import DAY_CODES, Violation, check_solution, load_solution
from combibaan.io.errors import InputError
from combibaan.model import Instance, Slot, Task, TravelEdge, Window
from combibaan.model.phrase import Phrase
from combibaan.rules import Policy
from combibaan.texts import LANGUAGES, VIOLATIONS, render

WEEKDAYS = (0, 1, 2, 3, 4)


def hm(text: str) -> int:
    hours, minutes = text.split(":")
    return int(hours) * 60 + int(minutes)


def task(
    task_id: str, supplier: str, location: str | None, days: tuple[int, ...], start: str, end: str
) -> Task:
    s, e = hm(start), hm(end)
    if e <= s:
        e += 24 * 60
    return Task(task_id, supplier, tuple(Slot(d, s, e) for d in days), location=location)


# Travel: A-B 5, B-C 5, A-C 30 direct, so A to C is 10 minutes via B.
TASKS = (
    task("T1", "Asito", "A", WEEKDAYS, "06:00", "09:00"),  # 15 h
    task("T2", "Sodexo", "C", WEEKDAYS, "09:10", "12:10"),  # 15 h, 10 min after T1 via B
    task("T3", "Maas", "A", WEEKDAYS, "08:00", "10:00"),  # overlaps T1
    task("T4", "Sodexo", "C", WEEKDAYS, "09:05", "12:05"),  # 5 min after T1, needs 10
    task("T5", "Sodexo", "Elders", WEEKDAYS, "09:10", "12:10"),  # not in the table: default 15
    task("T6", "Maas", "C", (5,), "10:00", "14:00"),  # Saturday, a third supplier
    task("T7", "Sodexo", "A", (0, 1), "09:00", "15:00"),  # Monday 3 + 6 = 9 h
    task("T8", "Sodexo", "A", WEEKDAYS, "14:00", "17:00"),  # span 06:00-17:00 with T1
    task("T9", "Securitas", "A", (6,), "22:00", "06:00"),  # Sunday night into Monday
    task("T10", "Asito", "A", (0,), "05:00", "09:00"),  # Monday morning, clashes with T9
    task("T11", "Asito", "B", (0,), "06:00", "10:00"),  # right after T9 but 5 min away
    task("T12", "Asito", "A", (0,), "06:00", "10:00"),  # right after T9, same building
    task("T13", "Asito", "B", WEEKDAYS, "16:00", "19:00"),  # with T14 a second sound job
    task("T14", "Catering", "B", WEEKDAYS, "19:00", "22:00"),
)
TRAVEL = (TravelEdge("A", "B", 5), TravelEdge("B", "C", 5), TravelEdge("A", "C", 30))
INSTANCE = Instance(TASKS, TRAVEL, name="tiny")
OPEN = Policy(min_hours=None)


def solution(
    jobs: list[list[str]],
    policy: Policy | None = None,
    *,
    instance: Instance = INSTANCE,
    status: str = "feasible",
    bound: int | None = None,
) -> dict[str, Any]:
    """A solution as the solver would write it, with correct echoed fields."""
    out_jobs = []
    for n, ids in enumerate(jobs, start=1):
        tasks = [instance.task(i) for i in ids]
        days = sorted({s.day for t in tasks for s in t.slots})
        out_jobs.append(
            {
                "job_id": f"B{n:02d}",
                "task_ids": ids,
                "suppliers": sorted({t.supplier for t in tasks}),
                "hours_per_week": round(sum(t.hours_per_week for t in tasks), 2),
                "days": [DAY_CODES[d] for d in days],
                "locations": sorted({t.location for t in tasks if t.location}),
            }
        )
    used = {i for ids in jobs for i in ids}
    return {
        "generator": "test",
        "instance": instance.name,
        "status": status,
        "jobs_bound": bound,
        "solve_seconds": 0.0,
        "policy": (policy or Policy()).to_dict(),
        "jobs": out_jobs,
        "unassigned": [
            {"task_id": t.id, "reason": "past the rules"}
            for t in instance.tasks
            if t.id not in used
        ],
    }


def rules(violations: list[Violation]) -> set[str]:
    return {v.rule for v in violations}


# ----------------------------------------------------------------------------- per rule


def test_sound_solution_passes() -> None:
    assert check_solution(INSTANCE, solution([["T1", "T2"]])) == []


def test_empty_solution_passes() -> None:
    assert check_solution(INSTANCE, solution([])) == []


@pytest.mark.parametrize(
    ("ids", "policy", "rule"),
    [
        (["T1", "T3"], Policy(), "overlap"),
        (["T1", "T4"], Policy(), "travel"),
        (["T1", "T5"], Policy(), "travel"),
        (["T1"], Policy(), "min_hours"),
        (["T1", "T2"], Policy(max_hours=25), "max_hours"),
        (["T1", "T2", "T6"], Policy(), "max_suppliers"),
        (["T1", "T7"], Policy(), "max_hours_per_day"),
        (["T1", "T2"], Policy(min_hours_per_day=7), "min_hours_per_day"),
        (["T1", "T8"], Policy(), "max_span_hours"),
        (["T9", "T10"], OPEN, "overlap"),
        (["T9", "T11"], OPEN, "travel"),
    ],
)
def test_each_rule_alone(ids: list[str], policy: Policy, rule: str) -> None:
    found = check_solution(INSTANCE, solution([ids], policy))
    assert rules(found) == {rule}, [str(v) for v in found]
    assert all(v.job_id == "B01" for v in found)


@pytest.mark.parametrize(
    ("ids", "policy"),
    [
        (["T1", "T5"], Policy(travel_minutes=None)),  # no path, rule off: no travel
        (["T1", "T5"], Policy(travel_minutes=10)),  # exactly the gap
        (["T1", "T2", "T6"], Policy(max_suppliers=3)),
        (["T1", "T2"], Policy(max_hours=30)),  # exactly 30 h
        (["T1", "T2"], Policy(min_hours=30)),
        (["T1", "T7"], Policy(max_hours_per_day=9)),
        (["T1", "T8"], Policy(max_span_hours=11)),
        (["T1", "T8"], Policy(max_span_hours=None)),
        (["T1", "T2"], Policy(min_hours_per_day=6)),
        (["T9", "T12"], OPEN),  # Sunday night ends where Monday starts, same building
    ],
)
def test_rule_passes_at_the_edge(ids: list[str], policy: Policy) -> None:
    assert check_solution(INSTANCE, solution([ids], policy)) == []


def test_travel_uses_the_two_edge_shortest_path() -> None:
    # Direct A-C is 30 minutes; via B it is 10, which the 10-minute gap just allows.
    assert check_solution(INSTANCE, solution([["T1", "T2"]], Policy(travel_minutes=60))) == []
    only_direct = Instance(TASKS, (TravelEdge("A", "C", 30),))
    found = check_solution(only_direct, solution([["T1", "T2"]], instance=only_direct))
    assert rules(found) == {"travel"}
    assert "30 min" in str(found[0])


def test_travel_in_either_order() -> None:
    late = task("L", "Sodexo", "C", WEEKDAYS, "04:00", "05:55")  # ends 5 min before T1 starts
    inst = Instance((TASKS[0], late), TRAVEL)
    found = check_solution(inst, solution([["L", "T1"]], OPEN, instance=inst))
    assert rules(found) == {"travel"}


def test_sunday_wrap_overlap_names_monday() -> None:
    found = check_solution(INSTANCE, solution([["T9", "T10"]], OPEN))
    assert "zo 22:00-ma 06:00" in str(found[0]) and "ma 05:00" in str(found[0])
    assert "sun 22:00-mon 06:00" in found[0].text("en") and "mon 05:00" in found[0].text("en")


def test_policy_argument_overrides_the_echoed_policy() -> None:
    sol = solution([["T1", "T2"]], Policy(max_hours=25))
    assert rules(check_solution(INSTANCE, sol)) == {"max_hours"}
    assert check_solution(INSTANCE, sol, Policy()) == []


def test_null_in_the_echoed_policy_switches_a_rule_off() -> None:
    sol = solution([["T1"]])
    sol["policy"]["min_hours"] = None
    assert check_solution(INSTANCE, sol) == []


def test_bad_echoed_policy_is_reported() -> None:
    sol = solution([["T1", "T2"]])
    del sol["policy"]["max_hours"]
    assert rules(check_solution(INSTANCE, sol)) == {"policy"}
    sol["policy"] = {**Policy().to_dict(), "min_hours": -1}
    assert rules(check_solution(INSTANCE, sol)) == {"policy"}


# ----------------------------------------------------------------------------- structure


def test_unknown_task() -> None:
    sol = solution([["T1", "T2"]])
    sol["jobs"][0]["task_ids"].append("T99")
    assert rules(check_solution(INSTANCE, sol)) == {"unknown_task"}


def test_task_in_two_jobs() -> None:
    sol = solution([["T1", "T2"], ["T13", "T14"]])
    sol["jobs"][1]["task_ids"] = ["T13", "T14", "T2"]
    found = check_solution(INSTANCE, sol)
    assert rules(found) == {"duplicate_task"}


def test_duplicate_job_id() -> None:
    sol = solution([["T1", "T2"], ["T13", "T14"]])
    sol["jobs"][1]["job_id"] = "B01"
    assert rules(check_solution(INSTANCE, sol)) == {"duplicate_job_id"}


@pytest.mark.parametrize(
    ("key", "value", "rule"),
    [
        ("suppliers", ["Asito"], "suppliers"),
        ("suppliers", ["Asito", "Sodexo", "Maas"], "suppliers"),
        ("hours_per_week", 30.5, "hours_per_week"),
        ("hours_per_week", "30", "hours_per_week"),
        ("days", ["mon", "tue", "wed", "thu"], "days"),
        ("days", ["ma", "di", "wo", "do", "vr"], "days"),
        ("locations", ["Elsewhere"], "locations"),
        ("competencies", ["vliegen"], "competencies"),
        ("job_units", 99, "job_units"),
    ],
)
def test_echoed_fields_must_match(key: str, value: Any, rule: str) -> None:
    sol = solution([["T1", "T2"]])
    sol["jobs"][0][key] = value
    assert rules(check_solution(INSTANCE, sol)) == {rule}


@pytest.mark.parametrize(
    ("key", "value", "words"),
    [
        ("jobs", 7, "jobs 7, the jobs give 1"),
        ("hours_placed", 100, "hours_placed 100, the jobs give 30"),
        ("hours_total", 1, "hours_total 1, the task list gives"),
        ("job_units", 99, "job_units 99, the hours placed give 1.18"),
    ],
)
def test_the_summary_must_add_up(key: str, value: Any, words: str) -> None:
    """A report and a reader take the summary at its word: a wrong figure is a violation,
    against what it is made of (the total of the task list, not of the jobs; a count of
    jobs without decimals)."""
    sol = solution([["T1", "T2"]])
    hours = sum(t.hours_per_week for t in INSTANCE.tasks)
    sol["summary"] = {"jobs": 1, "hours_placed": 30.0, "hours_total": hours, "job_units": 1.176}
    assert check_solution(INSTANCE, sol) == []
    sol["summary"][key] = value
    (found,) = check_solution(INSTANCE, sol)
    assert found.rule == "summary" and words in found.text("en"), found.text("en")


def test_echoed_fields_tolerate_rounding_and_order() -> None:
    sol = solution([["T1", "T2"]])
    sol["jobs"][0]["hours_per_week"] = 30.004
    sol["jobs"][0]["suppliers"] = ["Sodexo", "Asito"]
    sol["jobs"][0]["days"] = ["fri", "mon", "tue", "wed", "thu"]
    assert check_solution(INSTANCE, sol) == []


def test_missing_from_unassigned() -> None:
    sol = solution([["T1", "T2"]])
    sol["unassigned"] = [u for u in sol["unassigned"] if u["task_id"] != "T3"]
    found = check_solution(INSTANCE, sol)
    assert rules(found) == {"unassigned"}
    assert "T3" in str(found[0])


def test_unassigned_twice_or_assigned_or_without_reason() -> None:
    sol = solution([["T1", "T2"]])
    sol["unassigned"].append({"task_id": "T3", "reason": "again"})
    sol["unassigned"].append({"task_id": "T1", "reason": "but it is in B01"})
    sol["unassigned"][0]["reason"] = "  "
    found = check_solution(INSTANCE, sol)
    assert rules(found) == {"unassigned"}
    assert len(found) == 3


def test_unknown_unassigned_task() -> None:
    sol = solution([["T1", "T2"]])
    sol["unassigned"].append({"task_id": "X", "reason": "?"})
    assert rules(check_solution(INSTANCE, sol)) == {"unknown_task"}


def test_jobs_bound_and_status() -> None:
    assert check_solution(INSTANCE, solution([["T1", "T2"]], status="optimal", bound=1)) == []
    over = solution([["T1", "T2"], ["T13", "T14"]], status="feasible", bound=1)
    assert rules(check_solution(INSTANCE, over)) == {"jobs_bound"}
    short = solution([["T1", "T2"]], status="optimal", bound=2)
    assert rules(check_solution(INSTANCE, short)) == {"jobs_bound"}
    assert check_solution(INSTANCE, solution([["T1", "T2"]], status="feasible", bound=2)) == []
    odd = solution([["T1", "T2"]], status="done")
    assert rules(check_solution(INSTANCE, odd)) == {"status"}


def test_violation_reads_well() -> None:
    too_long = Phrase("max_hours", {"hours": 40.5, "most": 36}, table="violation")
    assert str(Violation("max_hours", "B01", too_long)) == (
        "[max_hours] baan B01: 40,5 uur per week, meer dan 36 uur"
    )
    assert Violation("max_hours", "B01", too_long).text("en") == (
        "[max_hours] job B01: 40.5 h per week, above 36 h"
    )
    bad = Phrase("not_a_number", {"key": "hours_bound", "value": "'x'"}, table="violation")
    assert str(Violation("hours_bound", None, bad)) == "[hours_bound] hours_bound 'x' is geen getal"
    assert Violation("hours_bound", None, bad, 2).text("en") == (
        "[hours_bound] alternative 2: hours_bound 'x' is not a number"
    )
    assert Violation("max_hours", "B01", too_long, 2).text("nl") == (
        "[max_hours] alternatief 2, baan B01: 40,5 uur per week, meer dan 36 uur"
    )


# ----------------------------------------------------------------------------- loading


def test_load_solution_roundtrip(tmp_path: Path) -> None:
    path = tmp_path / "solution.json"
    sol = solution([["T1", "T2"]], status="optimal", bound=1)
    path.write_text(json.dumps(sol), encoding="utf-8")
    loaded = load_solution(path)
    assert loaded == sol
    assert check_solution(INSTANCE, loaded) == []


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("{not json", "not valid JSON"),
        ("[1, 2]", "JSON object"),
        ('{"status": "optimal"}', "missing key 'jobs'"),
        (
            '{"status": "x", "jobs_bound": null, "policy": {}, "jobs": [{}], "unassigned": []}',
            "misses key 'job_id'",
        ),
    ],
)
def test_load_solution_errors_name_the_file(tmp_path: Path, text: str, fragment: str) -> None:
    path = tmp_path / "broken.json"
    path.write_text(text, encoding="utf-8")
    assert f"{path}: " in unusable(path)
    assert fragment in unusable(path)


def unusable(path: str | Path, lang: str = "en") -> str:
    """Why ``path`` is no solution, each problem as ``file: message`` in ``lang``."""
    with pytest.raises(InputError) as info:
        load_solution(path)
    return "\n".join(f"{p.source}: {render(p.message, lang)}" for p in info.value.problems)


def test_a_file_that_is_no_solution_is_said_in_dutch_too(tmp_path: Path) -> None:
    path = _written(tmp_path, _sound_text().replace('"jobs_bound": 1', '"jobs_bound": 1.5', 1))
    assert unusable(path, "nl") == (
        f"{path}: 'jobs_bound' moet een geheel getal van 0 of meer of null zijn, maar is 1.5"
    )
    assert unusable(_written(tmp_path, "{not json"), "nl").startswith(
        f"{tmp_path / 'solution.json'}: geen geldige JSON (regel 1, kolom 2): "
    )
    assert unusable(tmp_path, "nl").endswith(
        "is geen bestand; geef de solution.json die solve schreef"
    )


def test_load_solution_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nowhere.json"
    with pytest.raises(InputError, match=r"nowhere\.json"):
        load_solution(path)


# ----------------------------------------------------------------------------- workshop data

INSTANCES = Path(__file__).resolve().parents[1] / "instances"


@pytest.mark.parametrize(
    ("group", "jobs"),
    [
        ("indoor", [["I01", "I11"], ["I02", "I12"], ["I07", "I15", "I22"]]),
        (
            "outdoor",
            [["O01", "O12", "O20"], ["O02", "O13", "O19"], ["O05", "O15"], ["O06", "O14", "O16"]],
        ),
    ],
)
def test_workshop_jobs_pass(group: str, jobs: list[list[str]]) -> None:
    from combibaan.io import read_instance

    folder = INSTANCES / group
    instance = read_instance(folder / "tasks.csv", folder / "travel.csv", folder / "suppliers.csv")
    assert check_solution(instance, solution(jobs, instance=instance)) == []
    # Two lunch-time tasks in one job clash.
    clash = [jobs[0][0], jobs[1][0]]
    found = check_solution(instance, solution([clash], instance=instance))
    assert "overlap" in rules(found) or "travel" in rules(found)


# ----------------------------------------------------------------------------- hostile files


def _written(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "solution.json"
    path.write_text(text, encoding="utf-8")
    return path


def _sound_text(**changes: Any) -> str:
    sol = solution([["T1", "T2"]], status="optimal", bound=1)
    sol.update(changes)
    return json.dumps(sol)


@pytest.mark.parametrize(
    ("old", "new", "fragment"),
    [
        ('"hours_per_week": 30.0', '"hours_per_week": NaN', "NaN"),
        ('"hours_per_week": 30.0', '"hours_per_week": Infinity', "Infinity"),
        ('"hours_per_week": 30.0', '"hours_per_week": -Infinity', "-Infinity"),
        ('"hours_per_week": 30.0', '"hours_per_week": 1e309', "1e309"),
        ('"jobs_bound": 1', '"jobs_bound": NaN', "NaN"),
        ('"jobs_bound": 1', '"jobs_bound": 100000000000000000000', "100000000000000000000"),
        ('"jobs_bound": 1', '"jobs_bound": 1.5', "'jobs_bound' must be a whole number"),
        ('"jobs_bound": 1', '"jobs_bound": true', "'jobs_bound' must be a whole number"),
        ('"task_ids": ["T1", "T2"]', '"task_ids": [["T1", "T2"]]', "jobs[0].task_ids[0]"),
        ('"task_ids": ["T1", "T2"]', '"task_ids": [1, "T2"]', "jobs[0].task_ids[0]"),
        ('"task_ids": ["T1", "T2"]', '"task_ids": "T1"', "jobs[0].task_ids must be a list"),
        ('"hours_per_week": 30.0', '"hours_per_week": "30"', "jobs[0].hours_per_week"),
        ('"job_id": "B01"', '"job_id": ["B01"]', "jobs[0].job_id must be text"),
        ('"suppliers": ["Asito", "Sodexo"]', '"suppliers": [{"a": 1}]', "jobs[0].suppliers[0]"),
        ('"days": [', '"dagen": [', "jobs[0] misses key 'days'"),
        ('"task_id": "T3"', '"task_id": 3', "unassigned[0].task_id must be text"),
        ('"policy": {', '"policy": 5, "x": {', "'policy' must be an object"),
        ('"status": "optimal"', '"status": ["optimal"]', "'status' must be text"),
    ],
)
def test_a_malformed_solution_is_unusable_and_says_where(
    tmp_path: Path, old: str, new: str, fragment: str
) -> None:
    text = _sound_text()
    assert old in text
    path = _written(tmp_path, text.replace(old, new, 1))
    assert fragment in unusable(path)
    assert f"{path}: " in unusable(path)


@pytest.mark.parametrize(
    ("key", "value", "fragment"),
    [
        ("locks", [{"rule": "keep", "task_ids": [["T1"]]}], "locks[0].task_ids[0]"),
        ("locks", "keep T1", "'locks' must be a list"),
        ("forbidden_pairs", [["Asito"]], "'forbidden_pairs'"),
        ("alternatives", [{"jobs": [{"job_id": 1}]}], "alternatives[0].jobs[0].job_id"),
        ("alternatives", [{"jobs": [], "hours_delta": "x"}], "alternatives[0].hours_delta"),
        ("hours_bound", "lots", "'hours_bound' must be a finite number"),
        # not looked at before: they passed as "every rule holds"
        ("summary", "x", "'summary' must be an object"),
        ("at_window_start", "garbage", "'at_window_start' must be an object"),
        ("at_window_start", {"jobs": "lots", "hours": 1, "jobs_status": "optimal"}, "jobs"),
        ("alternatives", [{"jobs": [], "proven_optimal": "yes"}], "proven_optimal"),
        ("alternatives", [{"jobs": [], "summary": [1]}], "alternatives[0].summary"),
    ],
)
def test_malformed_optional_parts_are_unusable(
    tmp_path: Path, key: str, value: Any, fragment: str
) -> None:
    path = _written(tmp_path, _sound_text(**{key: value}))
    assert fragment in unusable(path)


#: The tiny list with one flexible task left out: a run's ``at_window_start`` belongs to it.
WINDOWED = Instance(
    (*TASKS, Task("W1", "Asito", (), windows=(Window((0, 1, 2), 2, 540, 960, 60),))),
    TRAVEL,
    name="tiny",
)


def test_what_the_jobs_at_window_start_and_an_alternative_claim_is_checked() -> None:
    """At the windows' starts is one choice of times: only where a task has a window,
    never more jobs than the bound nor the proposal, hours that so many jobs can hold and
    no more than the list; "proven as good" only beside a proposal proven optimal."""
    sol = solution([["T1", "T2"]], instance=WINDOWED, bound=1)
    sol["at_window_start"] = {"jobs": 1, "hours": 30.0, "jobs_status": "optimal"}
    assert check_solution(WINDOWED, sol) == []
    sol["at_window_start"] = {"jobs": 2, "hours": 9999, "jobs_status": "optimal"}
    found = check_solution(WINDOWED, sol)
    assert [v.rule for v in found] == ["at_window_start", "at_window_start"]
    assert "more than the proven bound 1" in found[0].text("en")
    sol["jobs_bound"] = 2
    sol["at_window_start"] = {"jobs": 2, "hours": 60.0, "jobs_status": "optimal"}
    (found,) = check_solution(WINDOWED, sol)
    assert "more than the proposal's 1 (the search starts" in found.text("en")
    sol["stopped"] = "interrupted"  # Ctrl-C may come before the search passes them
    assert check_solution(WINDOWED, sol) == []
    sol["jobs_bound"] = 1
    del sol["stopped"]
    for jobs, hours in ((1, 5.0), (1, 70.0), (0, 30.0), (1, -5.0)):  # 20-36 h a job
        sol["at_window_start"] = {"jobs": jobs, "hours": hours, "jobs_status": "optimal"}
        (found,) = check_solution(WINDOWED, sol)
        assert f"lists {hours:g} hours in {jobs} job" in found.text("en"), (jobs, hours)
    sol["at_window_start"] = {"jobs": 1, "hours": 30.0, "jobs_status": "banana"}
    (found,) = check_solution(WINDOWED, sol)
    assert "at_window_start.jobs_status 'banana'" in found.text("en")
    plain = solution([["T1", "T2"]], bound=1)  # no task with a window
    plain["at_window_start"] = {"jobs": 1, "hours": 30.0, "jobs_status": "optimal"}
    assert "but no task has a time window" in check_solution(INSTANCE, plain)[0].text("en")
    del plain["at_window_start"]
    plain["status"], plain["stopped"] = "feasible", "starts_tried"
    assert "'stopped' is 'starts_tried'" in check_solution(INSTANCE, plain)[0].text("en")
    other = solution([["T1", "T2"]], bound=1)
    other["status"] = other["jobs_status"] = "feasible"
    other["alternatives"] = [
        {"rank": 1, "jobs": solution([["T1", "T2"]])["jobs"], "proven_optimal": True}
    ]
    said = [v.text("en") for v in check_solution(INSTANCE, other) if v.alternative]
    assert any("proven_optimal is true" in text for text in said)
    other["status"] = other["jobs_status"] = "optimal"  # as good as a proven best: true
    said = [v.text("en") for v in check_solution(INSTANCE, other) if v.alternative]
    assert not any("proven_optimal" in text for text in said)


def test_a_deeply_nested_or_odd_file_is_unusable(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"solution\.json"):
        load_solution(_written(tmp_path, "[" * 100_000 + "]" * 100_000))
    assert "is not a file" in unusable(tmp_path)  # a folder
    if Path("/dev/zero").exists():
        assert "is not a file" in unusable("/dev/zero")  # endless
    bom = _written(tmp_path, "\ufeff" + _sound_text())
    assert load_solution(bom)["status"] == "optimal"  # saved again by a Windows editor
    book = tmp_path / "proposals.xlsx"
    book.write_bytes(b"PK\x03\x04" + b"\x00" * 40)
    assert "is a workbook (such as proposals.xlsx), not a solution" in unusable(book)


def test_non_finite_numbers_passed_from_python_are_violations() -> None:
    nan_hours = solution([["T1", "T2"]])
    nan_hours["jobs"][0]["hours_per_week"] = float("nan")
    assert rules(check_solution(INSTANCE, nan_hours)) == {"hours_per_week"}
    for bound in (float("nan"), float("inf"), 1.5, True, 10**400):
        odd = solution([["T1", "T2"]], bound=1)
        odd["jobs_bound"] = bound
        assert rules(check_solution(INSTANCE, odd)) == {"jobs_bound"}, bound


def test_ids_that_are_not_text_are_violations_not_crashes() -> None:
    sol = solution([["T1", "T2"]])
    sol["jobs"][0]["task_ids"] = [["T1", "T2"], {"T1": 1}, 7]
    sol["unassigned"].append({"task_id": ["T3"], "reason": "x"})
    sol["jobs"][0]["suppliers"] = [["Asito"]]
    found = check_solution(INSTANCE, sol)
    assert "structure" in rules(found)
    assert all(isinstance(v, Violation) for v in found)


def test_claims_about_the_proof_are_checked() -> None:
    proven = solution([["T1", "T2"]], status="feasible", bound=2)
    proven["jobs_status"] = "optimal"  # one job, but a bound of two
    assert rules(check_solution(INSTANCE, proven)) == {"jobs_bound"}
    hours = solution([["T1", "T2"]], bound=1)
    hours["hours_bound"] = 20  # 30 h placed
    assert rules(check_solution(INSTANCE, hours)) == {"hours_bound"}
    hours["hours_bound"] = 30.004
    assert check_solution(INSTANCE, hours) == []
    hours["hours_bound"] = 40  # feasible: room above the hours placed
    assert check_solution(INSTANCE, hours) == []
    hours.update(status="optimal", jobs_status="optimal", stopped="proven")
    (found,) = check_solution(INSTANCE, hours)  # optimal proves the hours: bound = placed
    assert "status optimal, but 30 h placed below the bound 40 h" in found.text("en")
    odd = solution([["T1", "T2"]], bound=1)
    odd["stopped"] = "bored"
    assert rules(check_solution(INSTANCE, odd)) == {"status"}
    for stop in ("time_limit", "interrupted", "count_proven"):
        odd["stopped"] = stop
        assert check_solution(INSTANCE, odd) == []
    windowed = solution([["T1", "T2"]], instance=WINDOWED, bound=1)
    windowed["stopped"] = "starts_tried"  # only a task with a window has starts to thin
    assert check_solution(WINDOWED, windowed) == []


@pytest.mark.parametrize(
    ("claims", "words"),
    [
        ({"status": "feasible", "stopped": "proven"}, "stopped 'proven' does not go with"),
        ({"status": "optimal", "stopped": "interrupted"}, "'proven' goes with optimal"),
        ({"status": "optimal", "jobs_status": "feasible"}, "but jobs_status 'feasible'"),
        ({"status": "infeasible"}, "status 'infeasible' (no proposal), but 1 job"),
        ({"status": "unknown"}, "status 'unknown' (no proposal), but 1 job"),
        (
            {"status": "feasible", "jobs_status": "infeasible", "stopped": "time_limit"},
            "jobs_status 'infeasible' (no proposal), but 1 job",
        ),
        (
            {"status": "feasible", "jobs_status": "unknown", "stopped": "time_limit"},
            "jobs_status 'unknown' (no proposal), but 1 job",
        ),
        (
            {"status": "feasible", "jobs_status": "feasible", "stopped": "count_proven"},
            "says the number of jobs is proven, but jobs_status is 'feasible'",
        ),
        ({"status": "unknown", "stopped": "count_proven"}, "count_proven does not go with"),
        ({"status": "infeasible", "stopped": "count_proven"}, "count_proven does not go with"),
    ],
)
def test_statuses_that_contradict_each_other_are_violations(
    claims: dict[str, str], words: str
) -> None:
    """Each was accepted ("every rule holds"): a run proven that is not optimal, the whole
    objective proven but not the count, jobs where the status says there is no proposal."""
    sound = solution([["T1", "T2"]], status="optimal", bound=1)
    sound.update(jobs_status="optimal", stopped="proven")
    assert check_solution(INSTANCE, sound) == []
    sound.update(claims)
    found = check_solution(INSTANCE, sound)
    assert "status" in rules(found)
    assert any(words in v.text("en") for v in found), [v.text("en") for v in found]


JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=8)
    | st.sampled_from(["T1", "T2", "optimal", "mon", "Asito"]),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=8,
)


def _paths(value: Any, prefix: tuple = ()) -> list[tuple]:
    found = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            found.extend(_paths(item, (*prefix, key)))
    elif isinstance(value, list):
        for n, item in enumerate(value):
            found.extend(_paths(item, (*prefix, n)))
    return found


@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_the_checker_never_crashes_on_any_json(data: st.DataObject) -> None:
    """Any value anywhere in a solution: violations or an unusable file, never an exception."""
    sol = solution([["T1", "T2"], ["T13", "T14"]], bound=2)
    sol["alternatives"] = [{"rank": 1, "jobs": solution([["T1", "T2"]])["jobs"]}]
    sol["locks"] = [{"rule": "apart", "task_ids": ["T3", "T4"]}]
    sol["forbidden_pairs"] = [["Maas", "Sodexo"]]
    for _ in range(data.draw(st.integers(1, 3))):
        path = data.draw(st.sampled_from(_paths(sol)[1:]))
        target = sol
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = data.draw(JSON_VALUES)
    found = check_solution(INSTANCE, sol)
    assert all(isinstance(v, Violation) for v in found)
    assert all(str(v) for v in found)


# ----------------------------------------------------------------------------- language

#: English words a Dutch violation must not contain (ids, names and the rule in brackets aside).
ENGLISH = {
    "above", "and", "apart", "at", "below", "ends", "exclude", "excluded", "fri", "h",
    "holds", "hours", "instance", "job", "jobs", "keep", "kept", "lock", "locks", "mon",
    "most", "needs", "not", "of", "overlaps", "sat", "split", "starts", "sun", "supplier",
    "suppliers", "task", "tasks", "the", "thu", "together", "travel", "tue", "wed",
}  # fmt: skip


def _broken(case: str) -> list[Violation]:
    """A typical break of each kind a workshop meets."""
    if case == "overlap":
        return check_solution(INSTANCE, solution([["T1", "T3"]]))
    if case == "travel":
        return check_solution(INSTANCE, solution([["T1", "T4"]]))
    if case == "max_hours":
        return check_solution(INSTANCE, solution([["T1", "T2"]], Policy(max_hours=25)))
    if case == "max_suppliers":
        return check_solution(INSTANCE, solution([["T1", "T2", "T6"]]))
    sol = solution([["T1", "T2"], ["T13", "T14"]])
    if case == "unknown_task":
        sol["jobs"][0]["task_ids"].append("T99")
        sol["unassigned"].append({"task_id": "X", "reason": "?"})
    else:  # every kind of lock broken, and a forbidden pair
        sol["locks"] = [
            {"rule": "together", "task_ids": ["T1", "T3"]},
            {"rule": "apart", "task_ids": ["T1", "T2"]},
            {"rule": "exclude", "task_ids": ["T13"]},
            {"rule": "keep", "task_ids": ["T13", "T1"]},
            {"rule": "keep", "task_ids": ["T2", "T99"]},
        ]
        sol["forbidden_pairs"] = [["Asito", "Sodexo"]]
    return check_solution(INSTANCE, sol)


@pytest.mark.parametrize(
    ("case", "found"),
    [
        ("overlap", {"overlap"}),
        ("travel", {"travel"}),
        ("max_hours", {"max_hours"}),
        ("max_suppliers", {"max_suppliers"}),
        ("unknown_task", {"unknown_task"}),
        (
            "locks",
            {"lock_together", "lock_apart", "lock_exclude", "lock_keep", "locks", "forbidden_pair"},
        ),
    ],
)
def test_a_dutch_violation_has_no_english_word(case: str, found: set[str]) -> None:
    violations = _broken(case)
    assert rules(violations) == found
    for violation in violations:
        dutch = str(violation)
        assert dutch == violation.text("nl") != violation.text("en")
        words = {w.lower() for w in re.findall(r"[A-Za-z]+", dutch.split("] ", 1)[1])}
        assert not words & ENGLISH, (dutch, words & ENGLISH)


def test_dutch_says_days_and_numbers_as_dutch_does() -> None:
    travel = _broken("travel")[0]
    assert str(travel) == (
        "[travel] baan B01: T1 (A) eindigt ma 09:00, T4 (C) begint ma 09:05: "
        "5 min ertussen, de reistijd is 10 min"
    )
    assert travel.text("en") == (
        "[travel] job B01: T1 at A ends mon 09:00, T4 at C starts mon 09:05: "
        "5 min, travel needs 10 min"
    )
    half = check_solution(INSTANCE, solution([["T1", "T2"]], Policy(max_hours=29.5)))
    assert [str(v) for v in half] == ["[max_hours] baan B01: 30 uur per week, meer dan 29,5 uur"]
    one = check_solution(INSTANCE, solution([["T1", "T2", "T6"]], Policy(max_days=5)))
    assert "6 werkdagen (ma, di, wo, do, vr, za), ten hoogste 5" in str(
        next(v for v in one if v.rule == "max_days")
    )


def _fields(template: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(template) if field}


def test_every_violation_is_worded_in_both_languages_alike() -> None:
    for code, words in VIOLATIONS.items():
        assert set(words) == set(LANGUAGES), code
        assert _fields(words["nl"]) == _fields(words["en"]), code


def test_every_violation_found_is_a_phrase_of_the_table() -> None:
    found = [v for case in ("overlap", "travel", "unknown_task", "locks") for v in _broken(case)]
    assert all(isinstance(v.message, Phrase) and v.message.table == "violation" for v in found)
    assert all(v.message.code in VIOLATIONS for v in found)
    assert all(render(v.message, "nl") in str(v) for v in found)


def test_check_speaks_the_language_asked_for(tmp_path: Path) -> None:
    """The same broken solution: Dutch without --lang, English with --lang EN."""
    tasks = tmp_path / "tasks.csv"
    tasks.write_text(
        "task_id,supplier,days,start,end,location\n"
        "T1,Asito,ma-vr,06:00,09:00,A\n"
        "T3,Maas,ma-vr,08:00,10:00,A\n"
        "T2,Sodexo,ma-vr,09:10,12:10,A\n",
        encoding="utf-8",
    )
    from combibaan.io import read_instance

    instance = read_instance(tasks)
    path = _written(tmp_path, json.dumps(solution([["T1", "T3"]], instance=instance)))
    dutch = run_cli("check", tasks, path)
    english = run_cli("check", tasks, path, "--lang", "EN")
    assert dutch.returncode == english.returncode == 1, dutch.stderr + english.stderr
    assert "overtreding: [overlap] baan B01: T1 (ma 06:00-ma 09:00) overlapt met T3" in dutch.stdout
    assert f"5 overtredingen in {path}" in dutch.stdout  # one overlap each weekday
    assert "violation" not in dutch.stdout and "overlaps" not in dutch.stdout
    assert "violation: [overlap] job B01: T1 (mon 06:00-mon 09:00) overlaps T3" in english.stdout
    assert f"5 violations in {path}" in english.stdout
    assert "overtreding" not in english.stdout and "baan" not in english.stdout

    sound = _written(tmp_path, json.dumps(solution([["T1", "T2"]], instance=instance)))
    assert run_cli("check", tasks, sound).stdout.strip() == f"{sound}: voldoet aan alle regels"
    # The arguments the wrong way round: said as such, not as "not JSON" (exit 2).
    swapped = run_cli("check", sound, tasks)
    assert swapped.returncode == 2
    assert "geef eerst de taken, dan de oplossing" in swapped.stderr
    assert "Traceback" not in swapped.stderr
    swapped_en = run_cli("check", sound, tasks, "--lang", "en")
    assert "give the tasks first, then the solution" in swapped_en.stderr
    stricter = run_cli("check", tasks, sound, "--max-hours", "29.5", "--lang", "en")
    assert stricter.returncode == 1
    assert "[max_hours] job B01: 30 h per week, above 29.5 h" in stricter.stdout
    assert "note: the solution was made under other rules: " in stricter.stderr
    assert "max_hours 36 (checked: 29.5)" in stricter.stderr
    dutch = run_cli("check", tasks, sound, "--max-hours", "29.5")
    assert "[max_hours] baan B01: 30 uur per week, meer dan 29,5 uur" in dutch.stdout
    assert "let op: de oplossing is gemaakt onder andere regels: " in dutch.stderr
    assert "max_hours 36 (gecontroleerd: 29,5)" in dutch.stderr


def test_a_job_without_tasks_says_so() -> None:
    """``task_ids: []`` is a list: it has no tasks (it read "has no list of task_ids")."""
    sol = solution([["T1", "T2"]])
    sol["jobs"][0]["task_ids"] = []
    found = check_solution(INSTANCE, sol)
    assert any("has no tasks (task_ids is empty)" in v.text("en") for v in found)
