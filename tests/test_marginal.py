"""Sensitivity: on hand-made instances the one change that adds a job is found and ranked."""

from __future__ import annotations

import inspect

import pandas as pd
import pytest

import combibaan
from combibaan.analysis.marginal import COLUMNS, longer_shifts
from combibaan.model import Slot, Task


def instance_of(rows: list[tuple[str, str, str, str, str]]) -> combibaan.Instance:
    """Tasks as (id, supplier, days, start, end), all in one building."""
    frame = pd.DataFrame(rows, columns=["task_id", "supplier", "days", "start", "end"])
    return combibaan.read_instance(frame.assign(location="Hoofdgebouw"), name="hand-made")


def gains(instance: combibaan.Instance, **options: object) -> pd.DataFrame:
    return combibaan.marginal(instance, combibaan.Policy(), time_limit=10, workers=1, **options)


def test_one_hour_more_on_either_task_makes_a_job() -> None:
    # 10 h + 7.5 h is short of 20 h; one more hour a day on either task makes 22.5 h.
    # T1 can only start earlier and T2 only end later: the other way runs into the other task.
    instance = instance_of(
        [("T1", "Asito", "ma-vr", "08:00", "10:00"), ("T2", "Sodexo", "ma-vr", "10:15", "11:45")]
    )
    table = gains(instance)
    assert list(table.columns) == list(COLUMNS)
    assert table["kind"].tolist() == ["task_hour", "task_hour"]
    assert table["jobs_before"].tolist() == [0, 0]
    assert table["delta_jobs"].tolist() == [1, 1]
    assert table["delta_hours"].tolist() == [22.5, 22.5]
    assert table["new_jobs"].tolist() == ["T1+T2", "T1+T2"]
    changes = " ".join(table["change"])
    assert "T1 (Asito): one hour longer per shift, starting earlier" in changes
    assert "T2 (Sodexo): one hour longer per shift, ending later" in changes
    assert "min_hours" not in changes  # 19 h would still not be enough


def test_a_wider_span_or_a_task_that_moves_are_the_changes_that_help() -> None:
    # 07:00-09:00 and 15:30-17:30 make 20 h a week but span 10.5 h a day.
    instance = instance_of(
        [("T1", "Asito", "ma-vr", "07:00", "09:00"), ("T2", "Sodexo", "ma-vr", "15:30", "17:30")]
    )
    table = gains(instance)
    assert table["change"].tolist() == [
        "max_span_hours 10 → 11",
        "task T1 (Asito): free to start between 05:00 and 09:00 instead of at 07:00",
        "task T2 (Sodexo): free to start between 13:30 and 17:30 instead of at 15:30",
    ]
    assert table["kind"].tolist()[1:] == ["task_window", "task_window"]
    assert table.loc[0, "kind"] == "rule"
    assert (table.loc[0, "delta_jobs"], table.loc[0, "delta_hours"]) == (1, 20.0)
    assert table.loc[0, "status"] == table.loc[0, "jobs_status"] == "optimal"


def test_a_third_supplier_names_the_job_that_appears() -> None:
    # Three 7.5 h tasks of three suppliers back to back: any two make 15 h, all three 22.5 h.
    instance = instance_of(
        [
            ("A", "Asito", "ma-vr", "07:00", "08:30"),
            ("B", "Sodexo", "ma-vr", "08:30", "10:00"),
            ("C", "Maas", "ma-vr", "10:00", "11:30"),
        ]
    )
    table = gains(instance)
    suppliers = table[table["kind"] == "suppliers"]
    assert len(suppliers) == 1
    row = suppliers.iloc[0]
    assert "allow 3 suppliers" in row["change"]
    assert (row["delta_jobs"], row["new_jobs"]) == (1, "A+B+C")
    assert table["delta_jobs"].is_monotonic_decreasing


def test_keep_all_lists_every_candidate_and_nothing_is_lost_by_default() -> None:
    instance = instance_of(
        [("T1", "Asito", "ma-vr", "07:00", "09:00"), ("T2", "Sodexo", "ma-vr", "15:30", "17:30")]
    )
    every = gains(instance, keep_all=True)
    assert set(every["kind"]) == {"rule", "suppliers", "task_hour", "task_window"}
    assert len(every[every["kind"] == "task_hour"]) == 2  # the better variant per task
    ranked = every.sort_values(["delta_jobs", "delta_hours"], ascending=False, kind="stable")
    assert every["delta_jobs"].tolist() == ranked["delta_jobs"].tolist()
    assert gains(instance).equals(every[every["delta_jobs"] > 0].reset_index(drop=True))


def test_local_processes_give_the_same_table() -> None:
    instance = instance_of(
        [("T1", "Asito", "ma-vr", "08:00", "10:00"), ("T2", "Sodexo", "ma-vr", "10:15", "11:45")]
    )
    parallel = combibaan.marginal(instance, time_limit=10, workers=2, keep_all=True)
    pd.testing.assert_frame_equal(parallel, gains(instance, keep_all=True))


def test_longer_shifts_stay_in_the_day_and_clear_of_the_task_itself() -> None:
    task = Task("X", "Asito", (Slot(0, 0, 120), Slot(0, 150, 300)))
    assert longer_shifts(task) == {}  # earlier leaves the day; later runs into the second slot
    task = Task("Y", "Asito", (Slot(2, 600, 720),))
    assert longer_shifts(task) == {
        "ending later": (Slot(2, 600, 780),),
        "starting earlier": (Slot(2, 540, 720),),
    }


def test_lifting_a_lock() -> None:
    from combibaan.solvers import solve

    if "locks" not in inspect.signature(solve).parameters:
        pytest.skip("solve() does not take locks yet")
    from combibaan.model.locks import Locks

    instance = instance_of(
        [("T1", "Asito", "ma-vr", "07:00", "09:00"), ("T2", "Sodexo", "ma-vr", "09:00", "11:00")]
    )
    locks = Locks.of([("apart", ["T1", "T2"])])
    table = gains(instance, locks=locks)
    row = table[table["kind"] == "lock"].iloc[0]
    assert "T1|T2" in row["change"]
    assert (row["jobs_before"], row["delta_jobs"], row["new_jobs"]) == (0, 1, "T1+T2")


def test_allowing_a_forbidden_supplier_pair() -> None:
    from combibaan.solvers import solve

    if "forbid_pairs" not in inspect.signature(solve).parameters:
        pytest.skip("solve() does not take forbid_pairs yet")
    instance = instance_of(
        [("T1", "Asito", "ma-vr", "07:00", "09:00"), ("T2", "Sodexo", "ma-vr", "09:00", "11:00")]
    )
    table = gains(instance, forbid_pairs=["Asito|Sodexo"])
    assert table["change"].tolist() == ["allow supplier pair Asito|Sodexo"]
    assert (table.loc[0, "kind"], table.loc[0, "new_jobs"]) == ("supplier_pair", "T1+T2")


def test_a_kept_job_that_a_change_would_break_leaves_that_change_out() -> None:
    """One hour longer on a kept task breaks the kept job: that one change raised the
    lock's conflict and took the whole table with it. And no change past a rule's range
    (``max_suppliers`` 1000 asked for 1001)."""
    tasks = pd.DataFrame(
        {
            "task_id": ["A", "B", "C"],
            "supplier": ["Sodexo", "Selecta", "Asito"],
            "days": ["ma-do", "ma-do", "ma"],
            "start": ["07:30", "11:00", "09:00"],
            "end": ["10:30", "13:00", "10:00"],
        }
    )
    instance = combibaan.read_instance(tasks, name="keep")
    locks = combibaan.Locks.of([("keep", ["A", "B"])])
    table = combibaan.marginal(instance, locks=locks, time_limit=2, workers=1)
    assert not any("A (Sodexo): one hour longer" in change for change in table["change"])
    most = combibaan.marginal(instance, combibaan.Policy(max_suppliers=1000), time_limit=2)
    assert "suppliers" not in set(most["kind"])


@pytest.mark.parametrize("analysis", ["marginal", "sweep"])
def test_an_analysis_says_the_policy_is_of_the_wrong_kind(analysis: str) -> None:
    """A string as the policy met ``'str' object has no attribute 'most_jobs_only'``."""
    instance = combibaan.read_instance(
        pd.DataFrame(
            {
                "task_id": ["A"],
                "supplier": ["S"],
                "days": ["ma"],
                "start": ["07:00"],
                "end": ["09:00"],
            }
        )
    )
    with pytest.raises(TypeError, match=r"policy must be a combibaan\.Policy"):
        if analysis == "marginal":
            combibaan.marginal(instance, "strict", time_limit=1)  # type: ignore[arg-type]
        else:
            combibaan.sweep(instance, {"min_hours": [16]}, base="strict", time_limit=1)  # type: ignore[arg-type]


def test_a_task_the_workshop_excluded_gets_no_change_of_its_own() -> None:
    """An excluded task stays out whatever its times: no longer shift or window is tried
    for it (one solve each, for nothing); lifting the lock is the change that helps."""
    instance = instance_of(
        [("T1", "Asito", "ma-vr", "08:00", "10:00"), ("T2", "Sodexo", "ma-vr", "10:15", "11:45")]
    )
    locks = combibaan.Locks.of([("exclude", ["T1"])])
    every = gains(instance, locks=locks, keep_all=True)
    assert not any("task T1 " in change for change in every["change"])
    assert any("task T2 " in change for change in every["change"])
    assert (every["kind"] == "lock").sum() == 1
    # Nor for a placed task that only the excluded one could have joined.
    placed = instance_of(
        [("T3", "Asito", "ma-vr", "08:00", "12:00"), ("T1", "Sodexo", "ma-vr", "13:00", "14:00")]
    )
    alone = gains(placed, locks=locks, keep_all=True)
    assert not any(" T1 " in change or " T3 " in change for change in alone["change"])
