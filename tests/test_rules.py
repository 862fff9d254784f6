"""Every policy rule on a hand-made case: the bundle it must allow and the one it must refuse.

Each case switches every rule off except the ones it is about, so a failure
points at one rule. Tasks of 15 h a week (ma-vr, 3 h a day) need a partner to
reach 20 h, so "bundled" and "not bundled" are the only two outcomes.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from conftest import groups, make_instance, make_task, policy, reasons, solve_checked

from combibaan.model import Task
from combibaan.rules import Policy

# Travel: X-Y 10, Y-Z 10, X-Z 60 direct, so X to Z is 20 minutes over two edges.
# "Elders" is in no table: the policy's default travel time applies there.
TRAVEL = (("X", "Y", 10), ("Y", "Z", 10), ("X", "Z", 60))


@dataclass(frozen=True)
class Case:
    tasks: tuple[Task, ...]
    rules: Policy
    expected: tuple[tuple[str, ...], ...]  # the jobs, each as its task ids


def case(*tasks: Task, expected: tuple[tuple[str, ...], ...] = (), **rules: object) -> Case:
    return Case(tasks, policy(**rules), expected)


def t(task_id: str, spec: str, location: str | None = "X", supplier: str = "Asito") -> Task:
    return make_task(task_id, supplier, spec, location=location)


MORNING = t("A", "ma-vr 07:00-10:00")  # 15 h at X

CASES = {
    # -- overlap (always on)
    "overlap: 09:00-12:00 overlaps 07:00-10:00": case(
        MORNING, t("B", "ma-vr 09:00-12:00"), min_hours=20
    ),
    "overlap: touching slots are fine": case(
        MORNING, t("B", "ma-vr 10:00-13:00"), min_hours=20, expected=(("A", "B"),)
    ),
    "overlap: on one day only is still an overlap": case(
        MORNING, t("B", "ma-do 10:00-13:00; vr 09:30-12:30"), min_hours=20
    ),
    "overlap: another supplier, no travel rule": case(
        MORNING, t("B", "ma-vr 08:00-11:00", supplier="Sodexo"), min_hours=20
    ),
    # -- travel over the table: shortest path X-Y-Z is 20 min (direct link 60, default 15)
    "travel table: 20 min gap over two edges": case(
        MORNING,
        t("B", "ma-vr 10:20-13:20", "Z"),
        min_hours=20,
        travel_minutes=15,
        expected=(("A", "B"),),
    ),
    "travel table: 19 min gap is too short, although the default is 15": case(
        MORNING, t("B", "ma-vr 10:19-13:19", "Z"), min_hours=20, travel_minutes=15
    ),
    "travel table: still applies with the default switched off": case(
        MORNING, t("B", "ma-vr 10:19-13:19", "Z"), min_hours=20, travel_minutes=None
    ),
    "travel table: the other way round too": case(
        t("A", "ma-vr 10:19-13:19", "X"), t("B", "ma-vr 07:00-10:00", "Z"), min_hours=20
    ),
    "travel table: 10 min to a neighbour": case(
        MORNING,
        t("B", "ma-vr 10:10-13:10", "Y"),
        min_hours=20,
        travel_minutes=30,
        expected=(("A", "B"),),
    ),
    # -- travel without a path in the table: the default travel_minutes
    "default travel: 15 min gap, 15 needed": case(
        MORNING,
        t("B", "ma-vr 10:15-13:15", "Elders"),
        min_hours=20,
        travel_minutes=15,
        expected=(("A", "B"),),
    ),
    "default travel: 14 min gap, 15 needed": case(
        MORNING, t("B", "ma-vr 10:14-13:14", "Elders"), min_hours=20, travel_minutes=15
    ),
    "default travel: switched off, no gap needed": case(
        MORNING,
        t("B", "ma-vr 10:00-13:00", "Elders"),
        min_hours=20,
        travel_minutes=None,
        expected=(("A", "B"),),
    ),
    "default travel: same building needs none": case(
        MORNING,
        t("B", "ma-vr 10:00-13:00", "X"),
        min_hours=20,
        travel_minutes=60,
        expected=(("A", "B"),),
    ),
    "default travel: unknown location needs none": case(
        MORNING,
        t("B", "ma-vr 10:00-13:00", None),
        min_hours=20,
        travel_minutes=60,
        expected=(("A", "B"),),
    ),
    # -- min_hours: 10 h + 10 h
    "min_hours: 20 h reached": case(
        t("A", "ma-vr 07:00-09:00"),
        t("B", "ma-vr 09:00-11:00"),
        min_hours=20,
        expected=(("A", "B"),),
    ),
    "min_hours: 20.5 h not reached": case(
        t("A", "ma-vr 07:00-09:00"), t("B", "ma-vr 09:00-11:00"), min_hours=20.5
    ),
    "min_hours: off, every task is a job of its own": case(
        t("A", "ma-vr 07:00-09:00"),
        t("B", "ma-vr 09:00-11:00"),
        min_hours=None,
        expected=(("A",), ("B",)),
    ),
    # -- max_hours: 15 h + 15 h
    "max_hours: 30 h allowed": case(
        MORNING, t("B", "ma-vr 10:00-13:00"), min_hours=20, max_hours=30, expected=(("A", "B"),)
    ),
    "max_hours: 29.5 h": case(MORNING, t("B", "ma-vr 10:00-13:00"), min_hours=20, max_hours=29.5),
    "max_hours: off": case(
        MORNING, t("B", "ma-vr 10:00-13:00"), min_hours=20, max_hours=None, expected=(("A", "B"),)
    ),
    "max_hours: a task too long on its own stays out": case(
        t("A", "ma-vr 07:00-14:00"), t("B", "za 07:00-09:00"), max_hours=30, expected=(("B",),)
    ),
    # -- max_suppliers: three suppliers of 7.5 h each only make a job together
    **{
        f"max_suppliers: {limit} with three suppliers": case(
            t("A", "ma-vr 07:00-08:30", supplier="Asito"),
            t("B", "ma-vr 08:30-10:00", supplier="Sodexo"),
            t("C", "ma-vr 10:00-11:30", supplier="Maas"),
            min_hours=20,
            max_suppliers=limit,
            expected=expected,
        )
        for limit, expected in ((3, (("A", "B", "C"),)), (2, ()), (None, (("A", "B", "C"),)))
    },
    "max_suppliers: 1 keeps one supplier's tasks together": case(
        t("A1", "ma-vr 07:00-09:00", supplier="Asito"),
        t("A2", "ma-vr 09:00-11:00", supplier="Asito"),
        t("S", "ma-vr 11:00-13:00", supplier="Sodexo"),
        min_hours=20,
        max_suppliers=1,
        expected=(("A1", "A2"),),
    ),
    "max_suppliers: 2 lets the second supplier join": case(
        t("A1", "ma-vr 07:00-09:00", supplier="Asito"),
        t("A2", "ma-vr 09:00-11:00", supplier="Asito"),
        t("S", "ma-vr 11:00-13:00", supplier="Sodexo"),
        min_hours=20,
        max_suppliers=2,
        expected=(("A1", "A2", "S"),),
    ),
    # -- max_hours_per_day: 4 h + 4 h a day
    **{
        f"max_hours_per_day: {limit}": case(
            t("A", "ma-vr 07:00-11:00"),
            t("B", "ma-vr 11:00-15:00"),
            min_hours=30,
            max_hours_per_day=limit,
            expected=expected,
        )
        for limit, expected in ((8, (("A", "B"),)), (7.5, ()), (None, (("A", "B"),)))
    },
    # -- min_hours_per_day: 3 h on weekdays plus 6 h on Saturday
    **{
        f"min_hours_per_day: {limit}": case(
            MORNING,
            t("B", "za 10:00-16:00"),
            min_hours=20,
            min_hours_per_day=limit,
            expected=expected,
        )
        for limit, expected in ((3, (("A", "B"),)), (4, ()), (None, (("A", "B"),)))
    },
    "min_hours_per_day: a partner lifts every day to 4 h": case(
        MORNING,
        t("B", "ma-vr 10:00-11:00"),
        min_hours=20,
        min_hours_per_day=4,
        expected=(("A", "B"),),
    ),
    # -- max_span_hours: 07:00-10:00 and 16:00-19:00 is a 12 h day
    **{
        f"max_span_hours: {limit}": case(
            MORNING,
            t("B", "ma-vr 16:00-19:00"),
            min_hours=20,
            max_span_hours=limit,
            expected=expected,
        )
        for limit, expected in ((12, (("A", "B"),)), (11.5, ()), (None, (("A", "B"),)))
    },
    # -- a slot past midnight belongs to the day it starts
    "past midnight: Monday night counts for Monday only": case(
        t("N", "ma 18:00-02:00"),
        t("D", "di 06:00-14:00"),
        min_hours=16,
        max_hours_per_day=8,
        max_span_hours=10,
        expected=(("D", "N"),),
    ),
    "past midnight: the night makes Monday 10 h": case(
        t("N", "ma 18:00-02:00"),
        t("D", "ma 10:00-12:00; di 08:00-14:00"),
        min_hours=16,
        max_hours_per_day=9,
    ),
    "past midnight: 10 h Monday allowed": case(
        t("N", "ma 18:00-02:00"),
        t("D", "ma 10:00-12:00; di 08:00-14:00"),
        min_hours=16,
        max_hours_per_day=10,
        expected=(("D", "N"),),
    ),
    "past midnight: Monday spans 10:00 to 02:00": case(
        t("N", "ma 18:00-02:00"),
        t("D", "ma 10:00-12:00; di 08:00-14:00"),
        min_hours=16,
        max_span_hours=15.5,
    ),
    "past midnight: the span rule off": case(
        t("N", "ma 18:00-02:00"),
        t("D", "ma 10:00-12:00; di 08:00-14:00"),
        min_hours=16,
        max_span_hours=None,
        expected=(("D", "N"),),
    ),
    "past midnight: 22:00-04:00 is 6 h on one day": case(
        t("N", "ma 22:00-04:00"), min_hours=6, min_hours_per_day=5, expected=(("N",),)
    ),
    # -- Sunday night runs into Monday morning
    "sunday night: overlaps Monday 05:00": case(
        t("N", "zo 22:00-06:00"), t("M", "ma 05:00-09:00"), min_hours=12
    ),
    "sunday night: Monday 06:00 in the same building": case(
        t("N", "zo 22:00-06:00"),
        t("M", "ma 06:00-10:00"),
        min_hours=12,
        travel_minutes=15,
        expected=(("M", "N"),),
    ),
    "sunday night: Monday 06:00 elsewhere leaves no time to travel": case(
        t("N", "zo 22:00-06:00"),
        t("M", "ma 06:00-10:00", "Elders"),
        min_hours=12,
        travel_minutes=15,
    ),
    "sunday night: Monday 06:15 elsewhere": case(
        t("N", "zo 22:00-06:00"),
        t("M", "ma 06:15-10:15", "Elders"),
        min_hours=12,
        travel_minutes=15,
        expected=(("M", "N"),),
    ),
    "sunday night: over the table, 20 min needed": case(
        t("N", "zo 22:00-06:00"), t("M", "ma 06:15-10:15", "Z"), min_hours=12
    ),
}


@pytest.mark.parametrize("name", CASES)
def test_rule(name: str) -> None:
    rules = CASES[name]
    instance = make_instance(*rules.tasks, travel=TRAVEL)
    result = solve_checked(instance, rules.rules, time_limit=10)
    assert result.status == "optimal"
    assert groups(result) == {frozenset(job) for job in rules.expected}
    assert result.num_jobs == len(rules.expected)
    left = {u.task_id for u in result.solution.unassigned}
    assert left == {task.id for task in rules.tasks} - {i for job in rules.expected for i in job}


def test_a_rule_is_switched_off_in_python_as_the_messages_say() -> None:
    """The error for a bad value offers 'uit'; the API takes it (and 'off'), as None."""
    assert Policy().replace(max_span_hours="uit").max_span_hours is None
    assert Policy(max_gap_hours=" OFF ").max_gap_hours is None
    with pytest.raises(ValueError, match="moet een getal zijn of 'uit', niet 'x'"):
        Policy(max_span_hours="x")


def test_spaces_in_a_number_only_between_its_thousands() -> None:
    """ "16, 20" was read as 16.2 and "2 3" as 23 (every space dropped): two numbers meant,
    one silently used. Spaces between groups of three digits still go (1 000)."""
    from combibaan.rules import parse_policy_value

    assert parse_policy_value("min_hours", " 20,5 ") == 20.5
    assert parse_policy_value("max_locations", "1 000") == 1000
    assert parse_policy_value("max_locations", "1\u00a0000") == 1000
    for written in ("16, 20", "2 3", "1 6", "20 ,5"):
        with pytest.raises(ValueError, match="moet een getal zijn"):
            parse_policy_value("min_hours", written)


def test_default_policy_refuses_the_twelve_hour_day() -> None:
    """The default span of 10 h refuses 07:00-10:00 plus 16:00-19:00; 12 h allows it."""
    instance = make_instance(MORNING, t("B", "ma-vr 16:00-19:00"), travel=TRAVEL)
    assert solve_checked(instance, Policy()).num_jobs == 0
    allowed = solve_checked(instance, Policy(max_span_hours=12))
    assert groups(allowed) == {frozenset({"A", "B"})}


def test_two_jobs_when_the_tasks_allow_two() -> None:
    """Four tasks that pair up two ways: the solver finds both jobs, not one big one."""
    instance = make_instance(
        t("A", "ma-vr 07:00-10:00"),
        t("B", "ma-vr 10:00-13:00"),
        t("C", "ma-vr 13:00-16:00"),
        t("D", "ma-vr 16:00-19:00"),
    )
    result = solve_checked(instance, policy(min_hours=20))
    assert result.num_jobs == 2
    assert all(len(job) == 2 for job in groups(result))


def test_unassigned_reason_names_the_rule_that_a_task_breaks_alone() -> None:
    instance = make_instance(t("A", "ma-vr 07:00-14:00"), t("B", "ma-vr 14:00-16:00"))
    result = solve_checked(instance, policy(max_hours=30))
    said = reasons(result, "en")
    assert "A" in said and "35" in said["A"] and "30" in said["A"]
