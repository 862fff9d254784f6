"""The three rules for a humane week, end to end: solve, check, reasons, explain, marginal,
flags, policy files and sweeps.

``max_gap_hours`` (longest wait between two tasks on a day), ``max_days`` (working days a
week) and ``max_locations`` (distinct locations a job). Each case switches every other
rule off except the minimum hours, so a failure points at one rule.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import groups, make_instance, make_task, policy, reasons, run_cli, solve_checked

import combibaan
from combibaan.check import DAY_CODES, check_solution
from combibaan.model import Instance, Task
from combibaan.rules import RULES, Policy

TRAVEL = (("X", "Y", 10),)


def t(task_id: str, spec: str, location: str | None = "X") -> Task:
    return make_task(task_id, "Asito", spec, location=location)


EARLY = t("A", "ma-vr 07:00-09:30")  # 12.5 h
LATE = t("B", "ma-vr 14:00-17:00")  # 15 h: a wait of 4.5 h after EARLY
MIDDLE = t("C", "ma-vr 10:00-13:30")  # 17.5 h: fills the wait

#: (tasks, rules, the jobs expected)
CASES = {
    "gap: 4.5 h wait allowed at 5": ((EARLY, LATE), {"max_gap_hours": 5}, {("A", "B")}),
    "gap: 4.5 h wait refused at 4": ((EARLY, LATE), {"max_gap_hours": 4}, set()),
    "gap: off allows any wait": ((EARLY, LATE), {}, {("A", "B")}),
    # A+B waits too long but A+C+B waits 0.5 h twice: a task that fills the wait helps,
    # so the rule cannot prune a growing job the way an upper limit does.
    "gap: a third task fills the wait": (
        (EARLY, LATE, MIDDLE),
        {"max_gap_hours": 1, "min_hours": 40},
        {("A", "B", "C")},
    ),
    "gap: the wait counts from the latest end": (
        (
            t("A", "ma-vr 07:00-12:00"),
            t("B", "ma-vr 08:00-09:00", "Y"),
            t("D", "ma-vr 13:00-14:00"),
        ),
        {"max_gap_hours": 1, "min_hours": 35, "travel_minutes": None},
        set(),  # A and B overlap: no job of all three, and no pair reaches 35 h
    ),
    "days: five days refused at 4": (
        (t("A", "ma-wo 07:00-11:00"), t("B", "do-vr 07:00-11:00")),
        {"max_days": 4},
        set(),
    ),
    "days: five days allowed at 5": (
        (t("A", "ma-wo 07:00-11:00"), t("B", "do-vr 07:00-11:00")),
        {"max_days": 5},
        {("A", "B")},
    ),
    "days: a task on six days stays out alone": (
        (t("A", "ma-za 07:00-11:00"), t("B", "ma-vr 11:00-15:00")),
        {"max_days": 5, "min_hours": 20},
        {("B",)},
    ),
    "locations: two places refused at 1": (
        (EARLY, t("B", "ma-vr 10:00-13:00", "Y")),
        {"max_locations": 1},
        set(),
    ),
    "locations: two places allowed at 2": (
        (EARLY, t("B", "ma-vr 10:00-13:00", "Y")),
        {"max_locations": 2},
        {("A", "B")},
    ),
    "locations: a task without a location does not count": (
        (EARLY, t("B", "ma-vr 10:00-13:00", None)),
        {"max_locations": 1},
        {("A", "B")},
    ),
}


def instance_of(tasks: tuple[Task, ...]) -> Instance:
    return make_instance(*tasks, travel=TRAVEL)


@pytest.mark.parametrize("name", CASES)
def test_rule(name: str) -> None:
    tasks, rules, expected = CASES[name]
    result = solve_checked(instance_of(tasks), policy(**{"min_hours": 20, **rules}))
    assert result.status == "optimal"
    assert groups(result) == {frozenset(job) for job in expected}


@pytest.mark.parametrize("strategy", ["exact", "large"])
def test_both_strategies_keep_the_rules(strategy: str) -> None:
    """Enumeration, pricing and local search all judge a job through the rule modules."""
    instance = combibaan.read_instance(*combibaan_generate(80, 3))
    rules = Policy(max_gap_hours=2, max_days=4, max_locations=2)
    result = solve_checked(instance, rules, time_limit=20, strategy=strategy)
    assert result.num_jobs > 0
    loose = solve_checked(instance, Policy(), time_limit=20, strategy=strategy)
    assert result.num_jobs <= loose.num_jobs or strategy == "large"


def combibaan_generate(size: int, seed: int) -> tuple[object, object]:
    from combibaan.generate import generate

    return generate(size, seed)


# ----------------------------------------------------------------------------- the checker


def one_job(instance: Instance, rules: Policy, ids: list[str]) -> dict:
    tasks = [task for task in instance.tasks if task.id in ids]
    return {
        "status": "feasible",
        "jobs_bound": None,
        "policy": rules.to_dict(),
        "jobs": [
            {
                "job_id": "J1",
                "task_ids": ids,
                "suppliers": sorted({task.supplier for task in tasks}),
                "hours_per_week": sum(task.minutes_per_week for task in tasks) / 60,
                "days": [DAY_CODES[d] for d in sorted({s.day for x in tasks for s in x.slots})],
            }
        ],
        "unassigned": [{"task_id": x.id, "reason": "-"} for x in instance.tasks if x.id not in ids],
    }


@pytest.mark.parametrize(
    ("tasks", "rule", "value", "word"),
    [
        ((EARLY, LATE), "max_gap_hours", 4, "4.5 h waiting before mon 14:00"),
        ((t("A", "ma-wo 07:00-11:00"), t("B", "do-vr 07:00-11:00")), "max_days", 4, "5 working"),
        ((EARLY, t("B", "ma-vr 10:00-13:00", "Y")), "max_locations", 1, "2 locations (X, Y)"),
    ],
)
def test_the_checker_names_each_rule(
    tasks: tuple[Task, ...], rule: str, value: float, word: str
) -> None:
    instance = instance_of(tasks)
    ids = [task.id for task in tasks]
    off = policy(min_hours=20)
    assert check_solution(instance, one_job(instance, off, ids)) == []
    found = check_solution(instance, one_job(instance, off.replace(**{rule: value}), ids))
    assert {v.rule for v in found} == {rule}
    assert word in found[0].text("en")


def test_an_older_solution_without_the_new_rules_still_checks(tmp_path: Path) -> None:
    instance = instance_of((EARLY, LATE))
    document = one_job(instance, policy(min_hours=20), ["A", "B"])
    for key in ("max_gap_hours", "max_days", "max_locations"):
        del document["policy"][key]
    assert check_solution(instance, document) == []


# ----------------------------------------------------------------------------- words


@pytest.mark.parametrize(
    ("rules", "nl", "en"),
    [
        ({"max_gap_hours": 4}, "de langste wachttijd van 4 uur", "the longest wait of 4 h"),
        ({"max_days": 4}, "werkdagen", "working days"),
        ({"max_locations": 1}, "op een andere locatie", "at another location"),
    ],
)
def test_reasons_name_the_rule_in_both_languages(rules: dict, nl: str, en: str) -> None:
    tasks = {
        "max_gap_hours": (EARLY, LATE),
        "max_days": (t("A", "ma-wo 07:00-11:00"), t("B", "do-vr 07:00-11:00")),
        "max_locations": (EARLY, t("B", "ma-vr 10:00-13:00", "Y")),
    }[next(iter(rules))]
    instance = instance_of(tasks)
    for lang, word in (("nl", nl), ("en", en)):
        result = solve_checked(instance, policy(min_hours=20, **rules))
        said = " ".join(reasons(result, lang).values())
        assert word in said, said


def test_every_rule_has_words_in_both_languages() -> None:
    for rule in RULES:
        assert set(rule.label) == {"nl", "en"}, rule.key
        for table in (rule.texts, rule.count_texts):
            for code, words in table.items():
                assert set(words) == {"nl", "en"}, (rule.key, code)
        for words in (rule.binding, rule.relax):
            assert words is None or set(words) == {"nl", "en"}, rule.key


def test_explain_relaxes_the_new_rules() -> None:
    instance = instance_of((EARLY, LATE))
    story = combibaan.explain(instance, "A", policy(min_hours=20, max_gap_hours=3), lang="en")
    text = "\n".join(story.lines())
    assert "with a wait of at most 5 h" in text  # 3 + 1 is not enough, 3 + 2 is


def test_marginal_tries_each_rule_that_is_on() -> None:
    instance = instance_of((t("A", "ma-wo 07:00-11:00"), t("B", "do-vr 07:00-11:00")))
    table = combibaan.marginal(instance, policy(min_hours=20, max_days=4), time_limit=2, workers=1)
    row = table[table["change"].str.startswith("max_days")]
    assert list(row["change"]) == ["max_days 4 → 5"]
    assert list(row["delta_jobs"]) == [1]


# ----------------------------------------------------------------------------- command line


def write_tasks(folder: Path) -> Path:
    path = folder / "tasks.csv"
    path.write_text(
        "task_id,supplier,days,start,end,location\n"
        "A,Asito,ma-vr,07:00,09:30,X\n"
        "B,Asito,ma-vr,14:00,17:00,X\n",
        encoding="utf-8",
    )
    return path


def test_flags_and_policy_file_keys(tmp_path: Path) -> None:
    tasks = write_tasks(tmp_path)
    free = run_cli("solve", tasks, "--out", tmp_path / "free")
    assert free.returncode == 0, free.stderr
    assert len(json.loads((tmp_path / "free" / "solution.json").read_text())["jobs"]) == 1
    flagged = run_cli("solve", tasks, "--max-gap-hours", "4", "--out", tmp_path / "flag")
    assert flagged.returncode == 0, flagged.stderr
    document = json.loads((tmp_path / "flag" / "solution.json").read_text())
    assert document["jobs"] == [] and document["policy"]["max_gap_hours"] == 4
    rules = tmp_path / "policy.toml"
    rules.write_text("max_days = 4\nmax_locations = 1\n", encoding="utf-8")
    filed = run_cli("solve", tasks, "--policy", rules, "--out", tmp_path / "file")
    assert filed.returncode == 0, filed.stderr
    echoed = json.loads((tmp_path / "file" / "solution.json").read_text())["policy"]
    assert (echoed["max_days"], echoed["max_locations"]) == (4, 1)
    bad = run_cli("solve", tasks, "--max-days", "8")
    assert bad.returncode == 2 and "--max-days mag hoogstens 7" in bad.stderr
    checked = run_cli("check", tasks, tmp_path / "free" / "solution.json", "--max-gap-hours", "4")
    assert checked.returncode == 1 and "max_gap_hours" in checked.stdout


def test_a_sweep_over_a_new_rule() -> None:
    instance = instance_of((EARLY, LATE))
    table = combibaan.sweep(
        instance, {"max_gap_hours": [None, 4, 5]}, base=policy(min_hours=20), time_limit=2
    )
    assert list(table["jobs"]) == [1, 0, 1]
