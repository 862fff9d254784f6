"""The checker on candidates and cover mode: each rule a candidate's job keeps, caught on its
own and passed when kept, from the solution's echo or a file given; documents from before
candidates still check; every violation in Dutch and English."""

from __future__ import annotations

import copy
import dataclasses
import json
import re
from pathlib import Path
from typing import Any

import pytest
from conftest import run_cli
from hypothesis import example, given, settings
from hypothesis import strategies as st
from test_check import JSON_VALUES, _paths, hm, unusable
from test_check import solution as plain_solution
from test_error_texts import english_words

from combibaan import Candidate
from combibaan.check import Violation, check_solution, load_solution
from combibaan.check.candidates import available_spans, inside
from combibaan.io import read_instance
from combibaan.model import Instance, Slot, Task
from combibaan.rules import Policy
from combibaan.texts import VIOLATIONS

WEEKDAYS = (0, 1, 2, 3, 4)
DAYS = ("ma", "di", "wo", "do", "vr", "za", "zo")


def task(
    task_id: str, supplier: str, days: tuple[int, ...], start: str, end: str, *needs: str
) -> Task:
    s, e = hm(start), hm(end)
    if e <= s:
        e += 24 * 60
    slots = tuple(Slot(d, s, e) for d in days)
    return Task(task_id, supplier, slots, location="A", competencies=needs)


TASKS = (
    task("T1", "Asito", WEEKDAYS, "07:00", "10:00", "schoonmaak"),  # 15 h
    task("T2", "Sodexo", WEEKDAYS, "10:00", "13:00", "Klantvriendelijk"),  # 15 h
    task("T3", "Maas", WEEKDAYS, "14:00", "16:00"),  # 10 h
    task("T4", "Securitas", (6,), "22:00", "06:00", "alert"),  # Sunday night into Monday, 8 h
    task("T5", "Asito", WEEKDAYS, "09:00", "11:00"),  # across 10:00, 10 h
    task("T6", "Asito", (2,), "20:00", "02:00"),  # Wednesday past midnight, 6 h
    task("T7", "Asito", (0,), "05:00", "09:00"),  # Monday early, 4 h
)
INSTANCE = Instance(TASKS, (), name="candidates")
NO_RULES = Policy.without_rules()


def window(day: str, start: str, end: str) -> dict[str, str]:
    return {"day": day, "start": start, "end": end}


def weekdays(start: str, end: str) -> list[dict[str, str]]:
    return [window(day, start, end) for day in DAYS[:5]]


def person(
    code: str,
    windows: list[dict[str, str]],
    *,
    competencies: tuple[str, ...] = (),
    least: float | None = None,
    most: float | None = None,
    eligible: list[str] | None = None,
) -> dict[str, Any]:
    """A candidate as ``solution.json`` echoes it."""
    return {
        "candidate_id": code,
        "windows": windows,
        "min_hours": least,
        "max_hours": most,
        "competencies": list(competencies),
        "eligible_task_ids": eligible,
    }


K01 = person(
    "K01", weekdays("07:00", "13:00"), competencies=("schoonmaak", "klantvriendelijk"), least=20
)


def document(
    jobs: list[tuple[list[str], str | None]],
    candidates: list[dict[str, Any]] | None = None,
    *,
    only: bool = False,
    policy: Policy = NO_RULES,
    status: str = "feasible",
) -> dict[str, Any]:
    """A solution as solve writes it with candidates: each job with its candidate, the
    candidates echoed and ``only_candidates``."""
    sol = plain_solution([ids for ids, _ in jobs], policy, instance=INSTANCE, status=status)
    for job, (_, code) in zip(sol["jobs"], jobs, strict=True):
        job["candidate"] = code
    sol["candidates"] = copy.deepcopy(candidates if candidates is not None else [K01])
    sol["only_candidates"] = only
    return sol


def found(sol: dict[str, Any], **options: Any) -> list[Violation]:
    return check_solution(INSTANCE, sol, **options)


def rules(violations: list[Violation]) -> list[str]:
    return [v.rule for v in violations]


# ----------------------------------------------------------------------------- rules 1 and 2


def test_a_sound_candidate_job_passes() -> None:
    assert found(document([(["T1", "T2"], "K01"), (["T3"], None)])) == []


def test_rule_1_the_code_is_a_known_candidate() -> None:
    (violation,) = found(document([(["T1", "T2"], "K99")]))
    assert violation.rule == "candidate_unknown" and violation.job_id == "B01"
    assert violation.text("en") == (
        "[candidate_unknown] job B01: candidate 'K99' is not among the candidates"
    )
    assert str(violation) == (
        "[candidate_unknown] baan B01: kandidaat 'K99' staat niet bij de kandidaten"
    )
    # Without any candidates echoed, no code is known.
    assert rules(found(document([(["T1", "T2"], "K01")], []))) == ["candidate_unknown"]


def test_rule_2_no_candidate_holds_two_jobs() -> None:
    k02 = person("K02", weekdays("00:00", "00:00"), least=10)
    assert found(document([(["T1", "T2"], "K01"), (["T3"], "K02")], [K01, k02])) == []
    wide = {**K01, "windows": weekdays("00:00", "00:00"), "min_hours": None}
    (violation,) = found(document([(["T1", "T2"], "K01"), (["T3"], "K01")], [wide]))
    assert violation.rule == "candidate_twice" and violation.job_id == "B02"
    assert violation.text("en").endswith("job B02: candidate K01 already holds job B01")
    assert str(violation).endswith("baan B02: kandidaat K01 heeft al baan B01")


# ----------------------------------------------------------------------------- rule 3


@pytest.mark.parametrize(
    ("ids", "windows"),
    [
        (["T1"], weekdays("07:00", "10:00")),  # exactly the window
        (["T5"], weekdays("07:00", "10:00") + weekdays("10:00", "13:00")),  # windows touch
        (["T5"], weekdays("07:00", "10:30") + weekdays("10:00", "13:00")),  # windows overlap
        (["T6"], [window("wo", "20:00", "02:00")]),  # a window past midnight
        (["T6"], [window("wo", "20:00", "00:00"), window("do", "00:00", "02:00")]),
        (["T4"], [window("zo", "22:00", "06:00")]),  # Sunday night into Monday
        (["T4"], [window("zo", "22:00", "00:00"), window("ma", "00:00", "06:00")]),
        (["T4"], [window("zo", "00:00", "00:00"), window("ma", "00:00", "00:00")]),
        (["T1", "T3"], weekdays("00:00", "00:00")),  # 00:00-00:00 is the whole day
        (["T6"], [window("wo", "20:00", "24:00"), window("do", "00:00", "02:00")]),
        # Sunday night runs into Monday 08:00 and joins two Monday windows beyond the first.
        (
            ["T7"],
            [
                window("zo", "22:00", "08:00"),
                window("ma", "04:00", "06:00"),
                window("ma", "07:00", "12:00"),
            ],
        ),
    ],
)
def test_rule_3_every_slot_inside_the_availability(
    ids: list[str], windows: list[dict[str, str]]
) -> None:
    k02 = person("K02", windows, competencies=("schoonmaak", "alert"))
    assert found(document([(ids, "K02")], [k02])) == []


@pytest.mark.parametrize(
    ("ids", "windows", "dutch", "english"),
    [
        (
            ["T1"],
            weekdays("07:01", "10:00"),
            "taak T1 (ma 07:00-ma 10:00, di 07:00-di 10:00, wo 07:00-wo 10:00, "
            "do 07:00-do 10:00, vr 07:00-vr 10:00)",
            "task T1 (mon 07:00-mon 10:00, tue 07:00-tue 10:00, wed 07:00-wed 10:00, "
            "thu 07:00-thu 10:00, fri 07:00-fri 10:00)",
        ),
        (
            ["T5"],
            weekdays("07:00", "10:00") + weekdays("10:01", "13:00"),
            "taak T5 (ma 09:00-ma 11:00, di",
            "task T5 (mon 09:00-mon 11:00, tue",
        ),
        (["T6"], [window("wo", "20:00", "00:00")], "(wo 20:00-do 02:00)", "(wed 20:00-thu 02:00)"),
        (["T4"], [window("zo", "22:00", "00:00")], "(zo 22:00-ma 06:00)", "(sun 22:00-mon 06:00)"),
        (["T4"], [window("ma", "00:00", "06:00")], "(zo 22:00-ma 06:00)", "(sun 22:00-mon 06:00)"),
        (
            ["T3"],
            [window("ma", "14:00", "16:00")],
            "taak T3 (di 14:00-di 16:00, wo",
            "task T3 (tue 14:00-tue 16:00, wed",
        ),
    ],
)
def test_rule_3_a_slot_outside_the_availability_is_named(
    ids: list[str], windows: list[dict[str, str]], dutch: str, english: str
) -> None:
    k02 = person("K02", windows, competencies=("schoonmaak", "alert"))
    (violation,) = found(document([(ids, "K02")], [k02]))
    assert violation.rule == "candidate_availability"
    assert dutch in str(violation) and english in violation.text("en")
    assert violation.text("en").endswith(") lies outside the availability of candidate K02")
    assert str(violation).endswith(") valt buiten de beschikbaarheid van kandidaat K02")


def test_the_availability_arithmetic_on_its_own() -> None:
    week = [Slot(d, 0, 24 * 60) for d in range(7)]
    assert available_spans(week) == [(0, 7 * 24 * 60)]
    night = Slot(6, hm("22:00"), hm("06:00") + 24 * 60)
    assert inside(night, available_spans(week))
    assert inside(night, available_spans([night]))
    assert not inside(night, available_spans([Slot(6, hm("22:00"), 24 * 60)]))
    assert not inside(Slot(0, 60, 120), available_spans([Slot(0, 0, 60), Slot(0, 61, 180)]))


# ----------------------------------------------------------------------------- rule 4


def test_rule_4_every_competency_in_any_case() -> None:
    # T2 needs "Klantvriendelijk"; K01 has "klantvriendelijk".
    assert found(document([(["T1", "T2"], "K01")])) == []
    k02 = person("K02", [window("zo", "22:00", "06:00")], competencies=("ALERT",))
    assert found(document([(["T4"], "K02")], [k02])) == []


def test_rule_4_a_competency_the_candidate_lacks() -> None:
    k02 = person("K02", [window("zo", "22:00", "06:00")], competencies=("schoonmaak",))
    (violation,) = found(document([(["T4"], "K02")], [k02]))
    assert violation.rule == "candidate_competencies"
    assert violation.text("en") == (
        "[candidate_competencies] job B01: task T4 needs 'alert', a competency candidate K02 lacks"
    )
    assert str(violation) == (
        "[candidate_competencies] baan B01: taak T4 vraagt 'alert', een competentie die "
        "kandidaat K02 niet heeft"
    )


# ----------------------------------------------------------------------------- rule 5


def test_rule_5_only_the_tasks_on_the_list() -> None:
    k02 = person("K02", weekdays("00:00", "00:00"), eligible=["T3", "T5"])
    assert found(document([(["T3"], "K02")], [k02])) == []
    assert found(document([(["T3"], "K02")], [{**k02, "eligible_task_ids": None}])) == []
    (violation,) = found(document([(["T3", "T6"], "K02")], [k02]))
    assert violation.rule == "candidate_eligible"
    assert violation.text("en").endswith("task T6 is not among the tasks candidate K02 may do")
    assert str(violation).endswith("taak T6 staat niet bij de taken die kandidaat K02 mag doen")
    (none,) = found(document([(["T3"], "K02")], [{**k02, "eligible_task_ids": []}]))
    assert none.rule == "candidate_eligible"


# ----------------------------------------------------------------------------- rule 6


def test_rule_6_hours_within_the_candidates_range() -> None:
    k01 = {**K01, "min_hours": 30, "max_hours": 30}
    assert found(document([(["T1", "T2"], "K01")], [k01])) == []  # 30 h, both ends inclusive
    (low,) = found(document([(["T1"], "K01")], [K01]))
    assert low.rule == "candidate_min_hours"
    assert low.text("en").endswith("15 h per week, below the 20 h candidate K01 needs")
    assert str(low).endswith("15 uur per week, minder dan de 20 uur die kandidaat K01 nodig heeft")
    (high,) = found(document([(["T1", "T2"], "K01")], [{**K01, "max_hours": 29.5}]))
    assert high.rule == "candidate_max_hours"
    assert high.text("en").endswith("30 h per week, above the 29.5 h candidate K01 can work")
    assert str(high).endswith("30 uur per week, meer dan de 29,5 uur die kandidaat K01 kan werken")


def test_rule_6_hours_come_from_the_task_list_not_from_the_file() -> None:
    sol = document([(["T1"], "K01")])
    sol["jobs"][0]["hours_per_week"] = 25.0  # a lie: the task list says 15
    assert set(rules(found(sol))) == {"hours_per_week", "candidate_min_hours"}


# ----------------------------------------------------------------------------- rule 7


def test_rule_7_only_candidates_every_job_has_one() -> None:
    assert found(document([(["T1", "T2"], "K01"), (["T3"], None)], only=False)) == []
    assert found(document([(["T1", "T2"], "K01")], only=True)) == []
    (violation,) = found(document([(["T1", "T2"], "K01"), (["T3"], None)], only=True))
    assert violation.rule == "only_candidates" and violation.job_id == "B02"
    assert "has no candidate" in violation.text("en")
    assert "heeft geen kandidaat" in str(violation)
    # A job the workshop keeps stays without one (solve wrote it; check refused it).
    kept = document([(["T1", "T2"], "K01"), (["T3"], None)], only=True)
    kept["locks"] = [{"rule": "keep", "task_ids": ["T3"]}]
    assert found(kept) == []
    kept["locks"] = [{"rule": "keep", "task_ids": ["T1", "T2"]}]
    assert [v.rule for v in found(kept)] == ["only_candidates"]


# ----------------------------------------------------------------------------- cover mode


def test_cover_every_task_in_a_job() -> None:
    cover = Policy.without_rules(cover=True)
    every = [(["T1", "T2"], None), (["T3", "T6"], None), (["T4"], None), (["T5"], None)]
    every.append((["T7"], None))
    assert found(document(every, [], policy=cover)) == []
    # With candidates every job of a cover is a candidate's (a vacancy passed).
    held = [(["T1", "T2"], "K01"), *every[1:]]
    assert set(rules(found(document(held, policy=cover)))) == {"only_candidates"}
    short = found(document(every[:2], [], policy=cover))
    assert rules(short) == ["cover", "cover", "cover"]
    assert short[0].text("en") == (
        "[cover] task T4 is in no job, but in cover mode (cover) every task belongs to a job"
    )
    assert str(short[1]) == (
        "[cover] taak T5 zit in geen enkele baan, maar in dekkingsmodus (cover) hoort elke "
        "taak in een baan"
    )
    # The same jobs without cover mode: tasks may stay out.
    assert found(document(every[:2])) == []


def test_cover_mode_without_a_cover_is_said_as_infeasible() -> None:
    cover = Policy.without_rules(cover=True)
    assert found(document([], policy=cover, status="infeasible")) == []
    assert rules(found(document([], policy=cover))) == ["cover"] * len(TASKS)


def test_cover_mode_of_the_policy_given() -> None:
    """Checked against a policy in cover mode, a solution that does not claim it must cover
    too; one that claims it stays judged by its claim under other rules."""
    sol = document([(["T1", "T2"], "K01")])
    assert "cover" in rules(found(sol, policy=Policy.without_rules(cover=True)))
    claimed = document([(["T1", "T2"], "K01")], policy=Policy.without_rules(cover=True))
    assert "cover" in rules(found(claimed, policy=NO_RULES))


# ----------------------------------------------------------------------------- older documents


def test_a_document_without_the_new_keys_still_checks(tmp_path: Path) -> None:
    old = plain_solution([["T1", "T2"], ["T3"]], NO_RULES, instance=INSTANCE)
    assert not {"candidates", "only_candidates"} & set(old)
    assert all("candidate" not in job for job in old["jobs"])
    assert found(old) == []
    path = tmp_path / "solution.json"
    path.write_text(json.dumps(old), encoding="utf-8")
    assert found(load_solution(path)) == []
    # candidate absent is null, candidates absent (or null) is none
    mixed = document([(["T1", "T2"], "K01"), (["T3"], None)])
    del mixed["jobs"][1]["candidate"]
    del mixed["only_candidates"]
    assert found(mixed) == []
    assert found({**old, "candidates": None}) == []


# ----------------------------------------------------------------------------- candidates given


def test_candidates_given_take_precedence_over_the_echo() -> None:
    sol = document([(["T1", "T2"], "K01")])
    week = tuple(Slot(d, hm("07:00"), hm("13:00")) for d in WEEKDAYS)
    strict = Candidate("K01", week, max_hours=25, competencies=("schoonmaak", "klantvriendelijk"))
    assert rules(found(sol, candidates=[strict])) == ["candidate_max_hours"]
    assert rules(found(sol, candidates=[])) == ["candidate_unknown"]
    # The echo unreadable, the file given: only the file counts.
    broken = {**sol, "candidates": [{"candidate_id": "K01", "windows": []}]}
    assert rules(found(broken)) == ["candidates", "candidate_unknown"]
    assert found(broken, candidates=[dataclasses.replace(strict, max_hours=30)]) == []


# ----------------------------------------------------------------------------- the echo


@pytest.mark.parametrize(
    ("item", "fragment"),
    [
        (
            person("K01", [window("mo", "07:00", "13:00")]),
            "candidates[0].windows[0] is not a window",
        ),
        (
            person("K01", [window("ma", "7.00", "13:00")]),
            "candidates[0].windows[0] is not a window",
        ),
        (
            person("K01", [window("ma", "07:00", "25:00")]),
            "candidates[0].windows[0] is not a window",
        ),
        (
            person("K01", [window("ma", "24:00", "02:00")]),
            "candidates[0].windows[0] is not a window",
        ),
        (person("K01", []), "candidate K01 (candidates[0]) has no availability"),
        ({**K01, "min_hours": "20"}, "candidates[0].min_hours cannot be read as a candidate"),
        ({**K01, "candidate_id": ""}, "candidates[0].candidate_id cannot be read"),
        ({**K01, "competencies": "schoonmaak"}, "candidates[0].competencies cannot be read"),
        ("K01", "candidates[0] cannot be read as a candidate as solve writes one: 'K01'"),
    ],
)
def test_an_unreadable_echo_is_said_and_its_candidate_unknown(item: Any, fragment: str) -> None:
    violations = found(document([(["T1", "T2"], "K01")], [item]))
    assert rules(violations) == ["candidates", "candidate_unknown"]
    assert fragment in violations[0].text("en")
    assert english_words(str(violations[0]).split("] ", 1)[1]) == set()


def test_a_candidate_echoed_twice_is_said_once() -> None:
    (violation,) = found(document([(["T1", "T2"], "K01")], [K01, K01]))
    assert violation.rule == "candidates"
    assert violation.text("en") == "[candidates] candidate K01 is listed 2 times in 'candidates'"
    assert str(violation) == "[candidates] kandidaat K01 staat 2 keer in 'candidates'"
    (listed,) = found({**document([]), "candidates": "K01"})
    assert listed.text("en") == "[candidates] 'candidates' must be a list"


def test_a_candidate_that_is_no_text_is_structure() -> None:
    sol = document([(["T1", "T2"], "K01")])
    sol["jobs"][0]["candidate"] = ["K01"]
    (violation,) = found(sol)
    assert violation.rule == "structure"
    assert violation.text("en") == "[structure] job B01: candidate ['K01'] is not text"


def _written(tmp_path: Path, sol: dict[str, Any]) -> Path:
    path = tmp_path / "solution.json"
    path.write_text(json.dumps(sol), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("change", "fragment"),
    [
        (lambda s: s["jobs"][0].update(candidate=1), "jobs[0].candidate must be text or null"),
        (lambda s: s.update(candidates="K01"), "'candidates' must be a list"),
        (lambda s: s.update(candidates=["K01"]), "candidates[0] must be an object"),
        (lambda s: s["candidates"][0].pop("windows"), "candidates[0] misses key 'windows'"),
        (lambda s: s["candidates"][0].update(candidate_id=1), "candidates[0].candidate_id"),
        (lambda s: s["candidates"][0].update(min_hours="20"), "candidates[0].min_hours"),
        (lambda s: s["candidates"][0].update(competencies=[1]), "candidates[0].competencies[0]"),
        (lambda s: s["candidates"][0].update(eligible_task_ids="T1"), "eligible_task_ids must"),
        (lambda s: s["candidates"][0].update(windows="ma"), "candidates[0].windows must be a"),
        (lambda s: s["candidates"][0]["windows"][0].update(day=0), "windows[0].day must be text"),
        (lambda s: s["candidates"][0]["windows"].append(3), "windows[5] must be an object"),
        (lambda s: s.update(only_candidates="yes"), "'only_candidates' must be true or false"),
        (lambda s: s.update(only_candidates=None), "'only_candidates' must be true or false"),
        (lambda s: s["policy"].update(cover=1), "policy.cover must be true or false"),
        (
            lambda s: s["alternatives"][0]["jobs"][0].update(candidate=False),
            "alternatives[0].jobs[0].candidate must be text or null",
        ),
    ],
)
def test_a_wrong_type_in_the_new_keys_is_unusable(
    tmp_path: Path, change: Any, fragment: str
) -> None:
    sol = document([(["T1", "T2"], "K01")])
    sol["alternatives"] = [{"rank": 1, "jobs": document([(["T3"], None)])["jobs"]}]
    assert load_solution(_written(tmp_path, sol))
    change(sol)
    assert fragment in unusable(_written(tmp_path, sol))


def test_a_wrong_type_is_said_in_dutch_too(tmp_path: Path) -> None:
    sol = document([(["T1", "T2"], "K01")])
    sol["only_candidates"] = "ja"
    path = _written(tmp_path, sol)
    assert (
        unusable(path, "nl") == f"{path}: 'only_candidates' moet true of false zijn, maar is 'ja'"
    )


# ----------------------------------------------------------------------------- alternatives


def _alternative(jobs: list[tuple[list[str], str | None]]) -> dict[str, Any]:
    best = {"T1", "T2"}
    ids = {t for job, _ in jobs for t in job}
    minutes = sum(INSTANCE.task(t).minutes_per_week for t in ids)
    return {
        "rank": 1,
        "jobs": document(jobs)["jobs"],
        "unassigned": [{"task_id": t.id, "reason": "-"} for t in TASKS if t.id not in ids],
        "jobs_delta": len(jobs) - 1,
        "hours_delta": (minutes - sum(INSTANCE.task(t).minutes_per_week for t in best)) / 60,
    }


def test_an_alternatives_candidates_keep_the_same_rules() -> None:
    sol = document([(["T1", "T2"], "K01")])
    sol["alternatives"] = [_alternative([(["T1", "T2"], "K01"), (["T3"], None)])]
    assert found(sol) == []
    sol["alternatives"] = [_alternative([(["T1"], "K01"), (["T3"], "K99")])]
    violations = found(sol)
    assert rules(violations) == ["candidate_min_hours", "candidate_unknown"]
    assert all(v.alternative == 1 for v in violations)
    assert violations[1].text("en") == (
        "[candidate_unknown] alternative 1, job B02: candidate 'K99' is not among the candidates"
    )
    # only_candidates holds for an alternative too, with the candidates given
    sol = document([(["T1", "T2"], "K01")], only=True)
    sol["alternatives"] = [_alternative([(["T1", "T2"], "K01"), (["T3"], None)])]
    assert rules(found(sol)) == ["only_candidates"]
    week = tuple(Slot(d, hm("07:00"), hm("13:00")) for d in WEEKDAYS)
    given = Candidate("K01", week, max_hours=20, competencies=("schoonmaak", "klantvriendelijk"))
    assert rules(found(sol, candidates=[given])) == ["candidate_max_hours"] * 2 + [
        "only_candidates"
    ]


# ----------------------------------------------------------------------------- language

#: English words a Dutch violation about candidates must not hold (beside the error table's).
ENGLISH = {
    "candidate", "candidates", "availability", "lies", "outside", "needs", "lacks", "holds",
    "already", "among", "may", "below", "above", "can", "work", "every", "belongs",
    "mode", "listed", "times", "has", "no", "window", "promises", "only",
}  # fmt: skip


def _every_violation() -> list[Violation]:
    bad = person("K02", [window("ma", "07:00", "08:00")], least=40, most=1, eligible=["T3"])
    sol = document(
        [(["T1", "T2"], "K02"), (["T3"], "K02"), (["T5"], "K99"), (["T4"], None)],
        [bad, bad, person("K03", [window("xx", "07:00", "08:00")])],
        only=True,
        policy=Policy.without_rules(cover=True),
    )
    return found(sol)


def test_every_candidate_violation_in_both_languages() -> None:
    violations = _every_violation()
    assert set(rules(violations)) == {
        "candidates",
        "candidate_availability",
        "candidate_competencies",
        "candidate_eligible",
        "candidate_min_hours",
        "candidate_max_hours",
        "candidate_twice",
        "candidate_unknown",
        "only_candidates",
        "cover",
    }
    for violation in violations:
        assert violation.message.code in VIOLATIONS
        dutch, english = str(violation), violation.text("en")
        assert dutch == violation.text("nl") != english
        said = dutch.split("] ", 1)[1]
        words = {
            w.lower()
            for w in re.findall(r"[A-Za-z]+", re.sub(r"'[^']*'|\(\w+\)|\S*\[\S*", "", said))
        }
        assert not words & ENGLISH, (dutch, words & ENGLISH)
        assert english_words(said) == set(), dutch


# ----------------------------------------------------------------------------- hostile documents


@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_the_checker_never_crashes_on_any_candidates_json(data: st.DataObject) -> None:
    sol = document([(["T1", "T2"], "K01"), (["T3"], None)], [K01, person("K02", [])])
    sol["alternatives"] = [_alternative([(["T1", "T2"], "K01"), (["T3"], "K02")])]
    for _ in range(data.draw(st.integers(1, 3))):
        path = data.draw(st.sampled_from(_paths(sol)[1:]))
        target = sol
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = data.draw(JSON_VALUES)
    violations = found(sol)
    assert all(isinstance(v, Violation) and v.text("en") and str(v) for v in violations)


# ----------------------------------------------------------------------------- the command line

TASKS_CSV = (
    "task_id,supplier,days,start,end,location,competencies\n"
    "T1,Asito,ma-vr,07:00,10:00,A,schoonmaak\n"
    "T2,Sodexo,ma-vr,10:00,13:00,A,Klantvriendelijk\n"
    "T3,Maas,ma-vr,14:00,16:00,A,\n"
)
CANDIDATES_CSV = (
    "candidate_id,days,available_from,available_to,min_hours,max_hours,competencies\n"
    "K01,ma-vr,07:00,10:00,20,30,schoonmaak|klantvriendelijk\n"
    "K01,ma-vr,10:00,13:00,,,\n"
)


def test_check_with_a_candidates_file(tmp_path: Path) -> None:
    tasks = tmp_path / "tasks.csv"
    tasks.write_text(TASKS_CSV, encoding="utf-8")
    instance = read_instance(tasks)
    sol = plain_solution([["T1", "T2"], ["T3"]], NO_RULES, instance=instance)
    sol["jobs"][0]["candidate"], sol["jobs"][1]["candidate"] = "K01", None
    sol["candidates"] = [{**K01, "max_hours": 30}]
    path = _written(tmp_path, sol)
    assert run_cli("check", tasks, path).returncode == 0
    good = tmp_path / "candidates.csv"
    good.write_text(CANDIDATES_CSV, encoding="utf-8")
    passed = run_cli("check", tasks, path, "--candidates", good)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert passed.stdout.strip() == f"{path}: voldoet aan alle regels"

    # The file says 25 h at most; the echo said 30: the file counts.
    strict = tmp_path / "strict.csv"
    strict.write_text(CANDIDATES_CSV.replace(",20,30,", ",20,25,"), encoding="utf-8")
    dutch = run_cli("check", tasks, path, "--candidates", strict)
    english = run_cli("check", tasks, path, "--candidates", strict, "--lang", "en")
    assert dutch.returncode == english.returncode == 1
    assert (
        "overtreding: [candidate_max_hours] baan B01: 30 uur per week, meer dan de 25 uur die "
        "kandidaat K01 kan werken" in dutch.stdout
    )
    assert (
        "violation: [candidate_max_hours] job B01: 30 h per week, above the 25 h candidate K01 "
        "can work" in english.stdout
    )

    # A file that cannot be read: exit 2, in the language asked for, naming the file.
    bad = tmp_path / "bad.csv"
    bad.write_text(CANDIDATES_CSV.replace("K01,ma-vr,10:00", "K01,mo-fr,10:00"), encoding="utf-8")
    for lang, word in (("nl", "fout:"), ("en", "error:")):
        refused = run_cli("check", tasks, path, "--candidates", bad, "--lang", lang)
        assert refused.returncode == 2, refused.stdout + refused.stderr
        assert word in refused.stderr and str(bad) in refused.stderr
        assert "Traceback" not in refused.stderr
    unknown = tmp_path / "unknown.csv"
    unknown.write_text(
        CANDIDATES_CSV.replace("competencies\n", "competencies,eligible_task_ids\n", 1).replace(
            "klantvriendelijk\n", "klantvriendelijk,T9\n"
        ),
        encoding="utf-8",
    )
    refused = run_cli("check", tasks, path, "--candidates", unknown, "--lang", "en")
    assert refused.returncode == 2 and "T9" in refused.stderr
    missing = run_cli("check", tasks, path, "--candidates", tmp_path / "nowhere.csv")
    assert missing.returncode == 2 and "Traceback" not in missing.stderr


def test_check_exits_1_on_an_echoed_candidate_violation(tmp_path: Path) -> None:
    tasks = tmp_path / "tasks.csv"
    tasks.write_text(TASKS_CSV, encoding="utf-8")
    instance = read_instance(tasks)
    sol = plain_solution([["T1"], ["T3"]], NO_RULES, instance=instance)
    sol["jobs"][0]["candidate"], sol["jobs"][1]["candidate"] = "K01", None
    sol["candidates"], sol["only_candidates"] = [K01], True
    result = run_cli("check", tasks, _written(tmp_path, sol), "--lang", "en")
    assert result.returncode == 1
    assert "[candidate_min_hours] job B01: 15 h per week, below the 20 h" in result.stdout
    assert "[only_candidates] job B02: has no candidate" in result.stdout
    assert "2 violations in" in result.stdout


_slots = st.builds(
    lambda day, start, length: Slot(day, start, start + length),
    st.integers(0, 6),
    st.integers(0, 24 * 4 - 1).map(lambda q: q * 15),
    st.integers(1, 24 * 4).map(lambda q: q * 15),
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_slots, min_size=1, max_size=4), _slots)
# Sunday night into Monday, meeting a second Monday window (the model once missed it)
@example([Slot(6, 1320, 1920), Slot(0, 240, 360), Slot(0, 420, 720)], Slot(0, 300, 540))
def test_the_model_and_the_checker_agree_on_availability(windows, slot) -> None:
    """Candidate.available (what the solver uses) and the checker's own arithmetic."""
    candidate = Candidate("K1", tuple(windows))
    assert candidate.available(slot) == inside(slot, available_spans(windows))
