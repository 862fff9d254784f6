"""The Python API as an analyst meets it in a notebook: read, policy, solve, result, KPIs."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import combibaan
from combibaan.analysis.kpis import KPI_KEYS, SUPPLIER_COLUMNS

INDOOR = Path(__file__).resolve().parent.parent / "instances" / "indoor"


@pytest.fixture(scope="module")
def instance() -> combibaan.Instance:
    return combibaan.read_instance(
        INDOOR / "tasks.csv", travel=INDOOR / "travel.csv", suppliers=INDOOR / "suppliers.csv"
    )


@pytest.fixture(scope="module")
def result(instance: combibaan.Instance) -> combibaan.Result:
    return combibaan.solve(instance, combibaan.Policy(), time_limit=20, seed=0, workers=1)


def test_paths_and_dataframes_give_the_same_instance(instance: combibaan.Instance) -> None:
    from_frames = combibaan.read_instance(
        pd.read_csv(INDOOR / "tasks.csv"),
        travel=pd.read_csv(INDOOR / "travel.csv"),
        suppliers=pd.read_csv(INDOOR / "suppliers.csv"),
        name="indoor",
    )
    assert from_frames.tasks == instance.tasks
    assert from_frames.travel == instance.travel
    assert from_frames.suppliers == instance.suppliers
    assert instance.name == "indoor"


def test_a_bad_table_reports_every_problem_at_once() -> None:
    tasks = pd.DataFrame(
        {
            "task_id": ["A", "B"],
            "supplier": ["Asito", "Sodexo"],
            "days": ["ma-vr", "someday"],
            "start": ["07:00", "25:00"],
            "end": ["09:00", "12:00"],
        }
    )
    with pytest.raises(combibaan.InputError) as caught:
        combibaan.read_instance(tasks)
    assert len(caught.value.problems) >= 2


def test_policy_is_immutable_and_replace_gives_a_copy() -> None:
    policy = combibaan.Policy()
    with pytest.raises(dataclasses.FrozenInstanceError):
        policy.max_suppliers = 3  # type: ignore[misc]
    wider = policy.replace(max_suppliers=3, min_hours=None)
    assert (wider.max_suppliers, wider.min_hours) == (3, None)
    assert (policy.max_suppliers, policy.min_hours) == (2, 20.0)
    assert hash(policy) != hash(wider)


@pytest.mark.parametrize(
    ("changes", "words", "english"),
    [
        ({"min_hours": -1}, ["min_hours", "negatief"], ["negative"]),
        ({"min_hours": 40}, ["min_hours", "hoger dan", "max_hours"], ["above"]),
        ({"max_suppliers": 0}, ["max_suppliers", "geheel getal"], ["whole number"]),
        ({"max_hours_per_day": 25}, ["max_hours_per_day", "24", "uren van een dag"], ["24"]),
        ({"travel_minutes": "ten"}, ["travel_minutes", "getal"], ["number"]),
        ({"max_supplier": 3}, ["max_supplier", "onbekende"], ["unknown"]),
    ],
)
def test_policy_errors_name_the_rule(
    changes: dict[str, object], words: list[str], english: list[str]
) -> None:
    """Dutch by default (``str``), English with ``text("en")``; the rule named in both."""
    with pytest.raises(combibaan.PolicyError) as caught:
        combibaan.Policy().replace(**changes)
    assert all(word in str(caught.value) for word in words), str(caught.value)
    assert all(word in caught.value.text("en") for word in english), caught.value.text("en")
    assert words[0] in caught.value.text("en")
    assert isinstance(caught.value, ValueError)


def test_an_input_error_in_english_from_python(tmp_path: Path) -> None:
    """The readers raise as before; ``lines(lang="en")`` gives the English."""
    tasks = tmp_path / "tasks.csv"
    tasks.write_text("task_id,supplier,days,start,end\nT1,A,xx,07:00,09:00\n", encoding="utf-8")
    with pytest.raises(combibaan.InputError) as caught:
        combibaan.read_instance(tasks)
    (dutch,) = caught.value.lines()
    (english,) = caught.value.lines(lang="en")
    assert dutch == str(caught.value) and "rij 2, kolom 'days': onbekende dag 'xx'" in dutch
    assert "row 2, column 'days': unknown day 'xx'" in english


def test_result_tables(result: combibaan.Result, instance: combibaan.Instance) -> None:
    assert result.status == "optimal"
    assert result.jobs_bound == len(result.jobs) == result.num_jobs > 0
    assert list(result.jobs.columns[:3]) == ["job_id", "tasks", "suppliers"]
    assert len(result.assignments) == len(instance.tasks)
    placed = result.assignments[result.assignments["job_id"] != ""]
    assert len(placed) + len(result.unassigned) == len(instance.tasks)
    assert set(result.unassigned["task_id"]).isdisjoint(placed["task_id"])
    assert result.unassigned["reason"].str.len().gt(0).all()
    assert combibaan.check_result(result) == []
    document = json.loads(result.to_json())
    assert document["status"] == "optimal"
    assert [job["job_id"] for job in document["jobs"]] == list(result.jobs["job_id"])


def test_kpis_are_a_series_that_adds_up(result: combibaan.Result) -> None:
    kpis = combibaan.kpis(result)
    assert isinstance(kpis, pd.Series)
    assert list(kpis.index) == list(KPI_KEYS)
    assert kpis.name == "indoor"
    assert kpis["jobs"] == len(result.jobs)
    assert kpis["hours_placed"] == pytest.approx(result.jobs["hours_per_week"].sum())
    assert kpis["hours_total"] == pytest.approx(result.assignments["hours_per_week"].sum())
    assert kpis["share_hours_placed"] == pytest.approx(kpis["hours_placed"] / kpis["hours_total"])
    assert kpis["job_units"] == pytest.approx(kpis["hours_placed"] / 25.5)
    assert (kpis["jobs_bound"], kpis["gap"], kpis["status"]) == (kpis["jobs"], 0.0, "optimal")
    assert kpis["solve_seconds"] >= 0


def test_supplier_kpis_cover_every_supplier(result: combibaan.Result) -> None:
    table = combibaan.supplier_kpis(result)
    assert list(table.columns) == list(SUPPLIER_COLUMNS)
    assert list(table["supplier"]) == list(result.instance.supplier_names)
    kpis = combibaan.kpis(result)
    assert table["hours_placed"].sum() == pytest.approx(kpis["hours_placed"])
    assert table["hours_total"].sum() == pytest.approx(kpis["hours_total"])
    assert table["tasks"].sum() == len(result.instance.tasks)
    contributions = result.jobs["suppliers"].str.split("|").explode().value_counts()
    for row in table.itertuples():
        assert row.jobs == contributions.get(row.supplier, 0)
        assert 0 <= row.share_hours_placed <= 1


def test_public_api() -> None:
    names = ["read_instance", "Policy", "solve", "Result", "sweep", "marginal", "check_result"]
    for name in [*names, "kpis", "supplier_kpis", "plot_week", "plot_jobs", "InputWarning"]:
        assert name in combibaan.__all__
        assert getattr(combibaan, name) is not None


def test_importing_and_solving_do_not_load_matplotlib() -> None:
    code = (
        "import sys, combibaan\n"
        f"i = combibaan.read_instance({str(INDOOR / 'tasks.csv')!r})\n"
        "r = combibaan.solve(i, time_limit=5, workers=1)\n"
        "combibaan.kpis(r)\n"
        "print('matplotlib' in sys.modules)\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert run.stdout.strip() == "False"


@pytest.mark.parametrize(
    ("change", "error", "words"),
    [
        ({"policy": "strict"}, TypeError, r"policy must be a combibaan\.Policy"),
        ({"time_limit": 0}, ValueError, "time_limit must be a positive number"),
        ({"time_limit": float("inf")}, ValueError, "time_limit must be a positive number"),
        ({"time_limit": float("nan")}, ValueError, "time_limit must be a positive number"),
        ({"seed": "x"}, ValueError, "seed must be a whole number"),
        ({"seed": 2**31}, ValueError, "seed must be a whole number from -2147483648"),
        ({"workers": -1}, ValueError, "workers must be a whole number"),
    ],
)
def test_solve_says_which_argument_is_wrong_at_the_call(
    change: dict[str, object], error: type[Exception], words: str
) -> None:
    """A string as the policy met an AttributeError ten frames deep, a seed of the wrong
    kind OR-Tools' own message, 0 and infinity as the time limit no error or a deep one."""
    instance = combibaan.read_instance(INDOOR / "tasks.csv")
    arguments: dict[str, object] = {"policy": None, "time_limit": 1.0, **change}
    with pytest.raises(error, match=words):
        combibaan.solve(instance, **arguments)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"instance must be a combibaan\.Instance"):
        combibaan.solve(str(INDOOR / "tasks.csv"))  # type: ignore[arg-type]


def test_the_analyses_say_which_argument_is_wrong_at_the_call() -> None:
    """Each met an error deep inside (OR-Tools' for a seed of 2**31, pandas' for a
    DataFrame, a comparison of a string) or none at all (an empty list for None, an
    unknown language where nothing was left out)."""
    instance = combibaan.read_instance(INDOOR / "tasks.csv")
    grid = {"max_suppliers": [1, 2]}
    with pytest.raises(ValueError, match="time_limit must be a positive number"):
        combibaan.sweep(instance, grid, time_limit="5", workers=1)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="seed must be a whole number"):
        combibaan.marginal(instance, time_limit=1, seed=2**31, workers=1)
    with pytest.raises(TypeError, match=r"instance must be a combibaan\.Instance"):
        combibaan.sweep(pd.DataFrame(), grid, time_limit=1, workers=1)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"instance must be a combibaan\.Instance"):
        combibaan.widen_windows(pd.DataFrame(), 30)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="task_id must be a task's id"):
        combibaan.explain(instance, 1)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="language must be one of"):
        combibaan.explain(instance, "I01", lang="de")
    with pytest.raises(TypeError, match="expected a path or a pandas DataFrame, got None"):
        combibaan.read_instance(None)


@pytest.mark.parametrize(
    ("options", "words"),
    [
        ({"locks": "locks.csv"}, r"locks must be a combibaan\.Locks .* got str"),
        ({"locks": [("exclude", ["I01"])]}, r"locks must be a combibaan\.Locks .* got list"),
        ({"forbid_pairs": [3]}, "forbid_pairs must be pairs .* got 3"),
        ({"forbid_pairs": 5}, "forbid_pairs must be pairs .* got int"),
        ({"forbid_pairs": [("Asito", 3)]}, r"forbid_pairs must be pairs .* got \('Asito', 3\)"),
    ],
)
def test_locks_and_pairs_of_the_wrong_kind_are_refused_at_the_call(
    options: dict[str, object], words: str
) -> None:
    """A path as ``locks`` (read_locks is a step of its own) met an AttributeError in the
    solver's lock planning, ``forbid_pairs=[3]`` a TypeError from iterating an int."""
    instance = combibaan.read_instance(INDOOR / "tasks.csv")
    calls = (
        lambda: combibaan.solve(instance, time_limit=1, **options),
        lambda: combibaan.explain(instance, "I01", time_limit=1, **options),
        lambda: combibaan.marginal(instance, time_limit=1, workers=1, **options),
    )
    for call in calls:
        with pytest.raises(TypeError, match=words):
            call()


def test_a_seed_may_be_negative_and_one_string_is_one_id_or_pair() -> None:
    """The command line's ``--seed -5`` ended in a traceback (the API took 0 and up only);
    ``require="I13"`` was read as the ids I, 1 and 3, a pair as pairs 'S', 'e', ..."""
    instance = combibaan.read_instance(INDOOR / "tasks.csv")
    assert combibaan.solve(instance, time_limit=5, seed=-5).num_jobs > 0
    one = combibaan.solve(instance, time_limit=5, forbid_pairs="Securitas|Sodexo")
    assert one.forbid_pairs == (("Securitas", "Sodexo"),)
    placed = combibaan.solve(instance, time_limit=5, require="I01")
    assert any("I01" in job.task_ids for job in placed.solution.jobs)


def test_json_and_tables_take_the_language_first_and_refuse_an_unknown_one() -> None:
    """``to_json("en")`` wrote "en" as the indent (no valid JSON); ``to_dict("xx")`` and
    ``unassigned_in("xx")`` took any language where nothing was left out."""
    result = combibaan.solve(combibaan.read_instance(INDOOR / "tasks.csv"), time_limit=5)
    assert json.loads(result.to_json("en"))["jobs"]
    placed = dataclasses.replace(
        result, solution=dataclasses.replace(result.solution, unassigned=())
    )
    for call in (placed.to_dict, placed.unassigned_in, placed.jobs_in):
        with pytest.raises(ValueError, match="language must be one of"):
            call("xx")


def test_wider_windows_take_whole_minutes_of_any_number_type() -> None:
    """``np.linspace(0, 120, 5)`` gives 30.0: read as 30 (it left float windows that no
    solve could read); 45.5 and "30" are refused at the call."""
    import numpy as np

    folder = INDOOR.parent / "indoor_flexible"
    instance = combibaan.read_instance(folder / "tasks.csv", folder / "travel.csv")
    for minutes in (30.0, np.float64(30), np.int64(30)):
        assert combibaan.widen_windows(instance, minutes) == combibaan.widen_windows(instance, 30)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="whole minutes"):
        combibaan.widen_windows(instance, 45.5)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="a number of minutes"):
        combibaan.widen_windows(instance, "30")  # type: ignore[arg-type]


def test_numpy_numbers_one_job_id_and_an_unknown_language_from_a_notebook() -> None:
    """``np.int64(3)`` was "not a number" to a Policy; ``plot_jobs(result, job_ids="B01")``
    looked for job "B"; ``jobs_in("de")`` was a bare KeyError."""
    import matplotlib
    import numpy as np

    matplotlib.use("Agg")
    policy = combibaan.Policy(max_suppliers=np.int64(3), min_hours=np.float64(16.5))
    assert (policy.max_suppliers, type(policy.max_suppliers)) == (3, int)
    assert json.dumps(policy.to_dict()) and policy.replace(min_hours=np.int64(16)).min_hours == 16
    result = combibaan.solve(combibaan.read_instance(INDOOR / "tasks.csv"), time_limit=5)
    first = result.solution.jobs[0].job_id
    assert len(combibaan.plot_jobs(result, job_ids=first).axes) >= 1
    with pytest.raises(ValueError, match="language must be one of nl, en, got 'de'"):
        result.jobs_in("de")
