"""Scenario sweeps: grid handling, equality with single solves, monotonicity, engines, CLI."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from typer.testing import CliRunner

import combibaan
from combibaan.analysis.kpis import KPI_KEYS
from combibaan.cli import app
from combibaan.rules import expand_grid

INSTANCES = Path(__file__).resolve().parent.parent / "instances"
GRID = {"max_suppliers": [1, 2, "off"], "min_hours": [16, 20]}
TIME_LIMIT = 20.0


def load(name: str) -> combibaan.Instance:
    folder = INSTANCES / name
    return combibaan.read_instance(folder / "tasks.csv", travel=folder / "travel.csv")


@pytest.fixture(scope="module")
def indoor() -> combibaan.Instance:
    return load("indoor")


@pytest.fixture(scope="module")
def local_table(indoor: combibaan.Instance) -> pd.DataFrame:
    return combibaan.sweep(indoor, GRID, time_limit=TIME_LIMIT, seed=0, workers=2)


def comparable(table: pd.DataFrame) -> pd.DataFrame:
    """Everything but the clock."""
    return table.drop(columns="solve_seconds").reset_index(drop=True)


# ----------------------------------------------------------------------------- the grid


@pytest.mark.parametrize(
    ("grid", "words", "english"),
    [
        (
            {"max_supplier": [1, 2]},
            ["onbekende regel 'max_supplier' in het raster", "'max_suppliers'"],
            ["unknown policy rule 'max_supplier'"],
        ),
        ({"colour": [1]}, ["onbekende regel 'colour'", "bekende regels"], ["known rules"]),
        ({}, ["raster is leeg"], ["grid is empty"]),
        ({"min_hours": []}, ["geen waarden", "min_hours"], ["no values"]),
        ({"min_hours": ["many"]}, ["min_hours", "getal zijn of 'uit'"], ["number or 'off'"]),
        ({"min_hours": [16, 40]}, ["min_hours=40", "hoger dan max_hours"], ["above max_hours"]),
    ],
)
def test_bad_grids_are_clear_errors(
    indoor: combibaan.Instance, grid: dict[str, Any], words: list[str], english: list[str]
) -> None:
    with pytest.raises(combibaan.PolicyError) as caught:
        combibaan.sweep(indoor, grid, time_limit=1, workers=1)
    assert all(word in str(caught.value) for word in words), str(caught.value)
    assert all(word in caught.value.text("en") for word in english), caught.value.text("en")


def test_grid_values_are_read_like_policy_values() -> None:
    combos = expand_grid({"max_suppliers": ["off", "2"], "travel_minutes": 10}, combibaan.Policy())
    assert [values for values, _ in combos] == [
        {"max_suppliers": None, "travel_minutes": 10},
        {"max_suppliers": 2, "travel_minutes": 10},
    ]
    assert combos[0][1] == combibaan.Policy(max_suppliers=None, travel_minutes=10)


# ----------------------------------------------------------------------------- the rows


def test_one_row_per_combination_in_grid_order(local_table: pd.DataFrame) -> None:
    assert list(local_table.columns) == ["max_suppliers", "min_hours", *KPI_KEYS]
    assert local_table["max_suppliers"].astype(object).tolist() == [1, 1, 2, 2, pd.NA, pd.NA]
    assert local_table["min_hours"].tolist() == [16, 20] * 3
    assert (local_table["status"] == "optimal").all()


def test_rows_equal_single_solves(indoor: combibaan.Instance, local_table: pd.DataFrame) -> None:
    for row in local_table.itertuples(index=False):
        suppliers = None if pd.isna(row.max_suppliers) else int(row.max_suppliers)
        policy = combibaan.Policy(max_suppliers=suppliers, min_hours=row.min_hours)
        single = combibaan.solve(indoor, policy, time_limit=TIME_LIMIT, seed=0, workers=1)
        expected = combibaan.kpis(single).drop("solve_seconds")
        assert {key: getattr(row, key) for key in expected.index} == expected.to_dict()


def test_local_processes_and_this_process_agree(
    indoor: combibaan.Instance, local_table: pd.DataFrame
) -> None:
    here = combibaan.sweep(indoor, GRID, time_limit=TIME_LIMIT, seed=0, workers=1)
    pd.testing.assert_frame_equal(comparable(here), comparable(local_table))


def test_progress_is_reported(indoor: combibaan.Instance) -> None:
    seen: list[tuple[int, int]] = []
    combibaan.sweep(
        indoor,
        {"max_suppliers": [1, 2]},
        time_limit=5,
        workers=1,
        progress=lambda done, total: seen.append((done, total)),
    )
    assert seen == [(1, 2), (2, 2)]


def test_more_freedom_never_gives_fewer_jobs() -> None:
    """More suppliers per job, or a wider hour range, only adds feasible jobs."""
    instances = {name: load(name) for name in ("indoor", "outdoor")}
    grid = {"max_suppliers": [1, 2, 3, "off"], "min_hours": [16, 20, 25.5], "max_hours": [30, 36]}
    table = combibaan.sweep(instances, grid, time_limit=TIME_LIMIT, seed=0)
    assert list(table["instance"].unique()) == ["indoor", "outdoor"]
    table = table[table["status"] == "optimal"].copy()
    table["max_suppliers"] = table["max_suppliers"].astype("Float64").fillna(float("inf"))
    checked = 0
    for _, rows in table.groupby("instance"):
        for a in rows.itertuples():
            for b in rows.itertuples():
                wider = (
                    b.max_suppliers >= a.max_suppliers
                    and b.min_hours <= a.min_hours
                    and b.max_hours >= a.max_hours
                )
                if wider:
                    assert b.jobs >= a.jobs, (a, b)
                    checked += 1
    assert checked > 100


# ----------------------------------------------------------------------------- Dask


@pytest.fixture(scope="module")
def cluster() -> Iterator[Any]:
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(
        n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None
    ) as local:
        yield local


def test_dask_client_gives_the_same_rows(
    cluster: Any, indoor: combibaan.Instance, local_table: pd.DataFrame
) -> None:
    from distributed import Client

    with Client(cluster) as client:
        table = combibaan.sweep(indoor, GRID, time_limit=TIME_LIMIT, seed=0, scheduler=client)
        assert client.status == "running"  # a client we were given stays open
    pd.testing.assert_frame_equal(comparable(table), comparable(local_table))


def test_dask_scheduler_address_gives_the_same_rows(
    cluster: Any, indoor: combibaan.Instance, local_table: pd.DataFrame
) -> None:
    table = combibaan.sweep(
        {"indoor": indoor}, GRID, time_limit=TIME_LIMIT, scheduler=cluster.scheduler_address
    )
    assert (table["instance"] == "indoor").all()
    pd.testing.assert_frame_equal(
        comparable(table.drop(columns="instance")), comparable(local_table)
    )


def test_without_distributed_the_error_says_what_to_install(
    indoor: combibaan.Instance, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)
    with pytest.raises(ImportError, match=r"combibaan\[dask\]"):
        combibaan.sweep(indoor, {"max_suppliers": [2]}, scheduler="tcp://127.0.0.1:1")


def test_a_wrong_scheduler_is_a_type_error(indoor: combibaan.Instance) -> None:
    pytest.importorskip("distributed")
    with pytest.raises(TypeError, match="scheduler"):
        combibaan.sweep(indoor, {"max_suppliers": [2]}, scheduler=8786)


# ----------------------------------------------------------------------------- the command line


def run_cli(*args: str | Path) -> Any:
    return CliRunner().invoke(app, [str(a) for a in args])


def test_cli_scheduler_errors_speak_the_language_of_the_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``--scheduler`` without the package: said in Dutch by default, as every error."""
    monkeypatch.setitem(sys.modules, "distributed", None)
    grid = tmp_path / "grid.toml"
    grid.write_text("max_suppliers = [2]\n", encoding="utf-8")
    args = ["sweep", INSTANCES / "indoor" / "tasks.csv", "--grid", grid]
    args += ["--out", tmp_path / "r.csv", "--scheduler", "tcp://127.0.0.1:1"]
    done = run_cli(*args)
    assert done.exit_code == 2
    assert "een Dask-cluster vraagt het pakket 'distributed'" in done.output
    english = run_cli(*args, "--lang", "en")
    assert "needs the 'distributed' package" in english.output
    assert not (tmp_path / "r.csv").exists()


@pytest.mark.parametrize("address", ["localhost", "tcp://host", "http://host:8786"])
def test_cli_scheduler_that_is_no_address_is_a_user_error(tmp_path: Path, address: str) -> None:
    """A malformed address gave a traceback (ValueError, exit 1): it is the user's."""
    pytest.importorskip("distributed")
    grid = tmp_path / "grid.toml"
    grid.write_text("max_suppliers = [2]\n", encoding="utf-8")
    args = ["sweep", INSTANCES / "indoor" / "tasks.csv", "--grid", grid]
    done = run_cli(*args, "--out", tmp_path / "r.csv", "--scheduler", address, "--lang", "en")
    assert done.exit_code == 2, done.output
    assert "--scheduler" in done.output and "check the address" in done.output
    assert not (tmp_path / "r.csv").exists()


def test_cli_widen_windows_takes_plain_digits_only(tmp_path: Path) -> None:
    """ "0,²" passed isdigit() and crashed in int() (exit 1)."""
    grid = tmp_path / "grid.toml"
    grid.write_text("max_suppliers = [2]\n", encoding="utf-8")
    args = ["sweep", INSTANCES / "indoor" / "tasks.csv", "--grid", grid]
    done = run_cli(*args, "--out", tmp_path / "r.csv", "--widen-windows", "0,\u00b2")
    assert done.exit_code == 2 and "--widen-windows" in done.output


def test_cli_sweep_writes_the_table(tmp_path: Path) -> None:
    grid = tmp_path / "grid.toml"
    grid.write_text('max_suppliers = [1, 2, "off"]\nmin_hours = [16, 20]\n', encoding="utf-8")
    out = tmp_path / "results.csv"
    args = [
        "sweep",
        INSTANCES / "indoor" / "tasks.csv",
        "--travel",
        INSTANCES / "indoor" / "travel.csv",
        "--grid",
        grid,
        "--out",
        out,
        "--time-limit",
        "20",
        "--workers",
        "1",
    ]
    run = run_cli(*args)
    assert run.exit_code == 0, run.output
    table = pd.read_csv(out)
    assert table["max_suppliers"].astype(str).tolist() == ["1", "1", "2", "2", "off", "off"]
    assert list(table.columns) == ["max_suppliers", "min_hours", *KPI_KEYS]
    expected = combibaan.sweep(load("indoor"), GRID, time_limit=TIME_LIMIT, workers=1)
    assert table["jobs"].tolist() == expected["jobs"].tolist()
    assert table["jobs_status"].tolist() == expected["jobs_status"].tolist()
    assert "Opgeslagen in" in run.output
    again = run_cli(*args)  # a table we wrote may be overwritten
    assert again.exit_code == 0, again.output
    hidden = [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]
    assert hidden == [".combibaan-manifest.json"]  # the record of what it wrote; no staging left


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("max_supplier = [1, 2]\n", ["max_supplier", "misschien 'max_suppliers'?"]),
        ('min_hours = [16, "lots"]\n', ["min_hours", "'lots'"]),
        ("min_hours = []\n", ["min_hours", "geen waarden"]),
        ("min_hours = [40]\n", ["min_hours=40", "hoger dan max_hours"]),
        ("min_hours = [16\n", ["geen geldige TOML"]),
    ],
)
def test_cli_bad_grid_exits_2_naming_file_and_key(
    tmp_path: Path, text: str, words: list[str]
) -> None:
    grid = tmp_path / "grid.toml"
    grid.write_text(text, encoding="utf-8")
    run = run_cli(
        "sweep", INSTANCES / "indoor" / "tasks.csv", "--grid", grid, "--out", tmp_path / "r.csv"
    )
    assert run.exit_code == 2
    message = " ".join(run.output.split())
    assert "fout:" in message and "grid.toml" in message
    assert all(word in message for word in words), message
    assert not (tmp_path / "r.csv").exists()


def test_cli_never_overwrites_a_file_it_did_not_write(tmp_path: Path) -> None:
    grid = tmp_path / "grid.toml"
    grid.write_text("max_suppliers = [2]\n", encoding="utf-8")
    mine = tmp_path / "mine.csv"
    mine.write_text("my,own\n1,2\n", encoding="utf-8")
    run = run_cli("sweep", INSTANCES / "indoor" / "tasks.csv", "--grid", grid, "--out", mine)
    assert run.exit_code == 2
    assert "mine.csv" in run.output
    assert mine.read_text(encoding="utf-8") == "my,own\n1,2\n"
    # Nor a file combibaan wrote that is no sweep's table: a solve's jobs.csv, even forced.
    folder = tmp_path / "run"
    done = run_cli("solve", INSTANCES / "indoor" / "tasks.csv", "--out", folder, "--quiet")
    assert done.exit_code == 0, done.output
    proposal = (folder / "jobs.csv").read_bytes()
    for force in ([], ["--force"]):
        args = ["sweep", INSTANCES / "indoor" / "tasks.csv", "--grid", grid, *force]
        run = run_cli(*args, "--out", folder / "jobs.csv", "--lang", "en")
        assert run.exit_code == 2 and "no table of an earlier sweep" in run.output
    assert (folder / "jobs.csv").read_bytes() == proposal
    # Nor a name of another format: results.xlsx got CSV text.
    run = run_cli(
        "sweep",
        INSTANCES / "indoor" / "tasks.csv",
        "--grid",
        grid,
        "--out",
        tmp_path / "r.xlsx",
        "--lang",
        "en",
    )
    assert run.exit_code == 2 and "ending in .csv" in run.output
    assert not (tmp_path / "r.xlsx").exists()
    # An earlier sweep's table is replaced as before.
    table = tmp_path / "table.csv"
    for _ in range(2):
        run = run_cli("sweep", INSTANCES / "indoor" / "tasks.csv", "--grid", grid, "--out", table)
        assert run.exit_code == 0, run.output


def test_cli_sweep_a_policy_file_the_grid_makes_whole(tmp_path: Path) -> None:
    """A policy file's max_hours = 18 with a grid of minimum hours below it: the file was
    refused, checked alone against the default 20 h that the grid replaces anyway."""
    grid = tmp_path / "grid.toml"
    grid.write_text("min_hours = [10, 16]\n", encoding="utf-8")
    policy = tmp_path / "policy.toml"
    policy.write_text("max_hours = 18\n", encoding="utf-8")
    out = tmp_path / "r.csv"
    args = ["sweep", INSTANCES / "indoor" / "tasks.csv", "--grid", grid, "--policy", policy]
    done = run_cli(*args, "--out", out, "--time-limit", "5", "--workers", "1")
    assert done.exit_code == 0, done.output
    table = pd.read_csv(out)
    assert table["min_hours"].tolist() == [10, 16]
    grid.write_text("min_hours = [10, 20]\n", encoding="utf-8")  # 20 h above 18: refused
    refused = run_cli(*args, "--out", tmp_path / "s.csv", "--lang", "en")
    assert refused.exit_code == 2 and "max_hours" in refused.output


def test_cli_sweep_on_a_dask_scheduler(cluster: Any, tmp_path: Path) -> None:
    grid = tmp_path / "grid.toml"
    grid.write_text('max_suppliers = [1, 2, "off"]\nmin_hours = [16, 20]\n', encoding="utf-8")
    out = tmp_path / "results.csv"
    run = run_cli(
        "sweep",
        INSTANCES / "indoor" / "tasks.csv",
        "--travel",
        INSTANCES / "indoor" / "travel.csv",
        "--grid",
        grid,
        "--out",
        out,
        "--time-limit",
        "20",
        "--scheduler",
        cluster.scheduler_address,
    )
    assert run.exit_code == 0, run.output
    expected = combibaan.sweep(load("indoor"), GRID, time_limit=TIME_LIMIT, workers=1)
    assert pd.read_csv(out)["jobs"].tolist() == expected["jobs"].tolist()


def test_a_whole_number_rule_stays_whole_where_it_is_off(
    indoor: combibaan.Instance, tmp_path: Path
) -> None:
    """Every rule with whole values (days, locations, suppliers) keeps whole numbers in the
    table and the file, whatever rule it is; decimal rules stay decimal."""
    table = combibaan.sweep(
        indoor, {"max_days": ["off", 4], "max_gap_hours": ["off", 2.5]}, time_limit=5, workers=1
    )
    assert str(table["max_days"].dtype) == "Int64"
    assert str(table["max_gap_hours"].dtype) == "Float64"
    shown = combibaan.write_sweep(table, tmp_path / "results.csv")
    assert shown["max_days"].astype(str).tolist() == ["off", "off", "4", "4"]
    lines = (tmp_path / "results.csv").read_text(encoding="utf-8").splitlines()
    assert [line.split(",")[:2] for line in lines[1:]] == [
        ["off", "off"],
        ["off", "2.5"],
        ["4", "off"],
        ["4", "2.5"],
    ]


def test_ctrl_c_stops_the_sweep_and_saves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A solve that Ctrl-C cut short (simulated: the real solve, marked interrupted) ends
    the sweep with exit 130 and no table: the sweep ran on to the last point, exit 0,
    with the cut solves as normal rows."""
    import dataclasses

    import combibaan.solvers

    real = combibaan.solvers.solve
    calls = []

    def cut_short(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(1)
        result = real(*args, **kwargs)
        stats = dataclasses.replace(result.statistics, interrupted=True)
        return dataclasses.replace(result, statistics=stats)

    monkeypatch.setattr(combibaan.solvers, "solve", cut_short)
    grid = tmp_path / "grid.toml"
    grid.write_text("min_hours = [16, 18, 20]\n", encoding="utf-8")
    out = tmp_path / "r.csv"
    args = ["sweep", INSTANCES / "indoor" / "tasks.csv", "--grid", grid, "--out", out]
    done = run_cli(*args, "--workers", "1", "--time-limit", "2", "--lang", "en")
    assert done.exit_code == 130, done.output
    assert "nothing was saved" in done.output and not out.exists()
    assert len(calls) == 1


def test_a_decimal_comma_in_a_grid_list_is_refused(tmp_path: Path) -> None:
    """[16, 20,5] is 16, 20 and 5 to TOML (a sweep ran 5 h without a word): a list that
    mixes ", " with a comma between digits is refused, naming the line; a list written
    tight throughout is taken as written."""
    grid = tmp_path / "grid.toml"
    grid.write_text("max_suppliers = [1, 2]\nmin_hours = [16, 20,5]\n", encoding="utf-8")
    with pytest.raises(combibaan.InputError) as refused:
        combibaan.read_grid(grid)
    (problem,) = refused.value.problems
    assert problem.line == 2 and problem.column == "min_hours"
    assert "decimale komma" in problem.text("nl") and "[16, 20,5]" in problem.text("en")
    grid.write_text("min_hours = [16,20,24]\nmax_suppliers = [1, 2]  # 1,5\n", encoding="utf-8")
    assert combibaan.read_grid(grid) == {"min_hours": [16, 20, 24], "max_suppliers": [1, 2]}


def test_cli_widen_windows_on_a_list_without_windows_warns(tmp_path: Path) -> None:
    """Every group of rows would be the same list: the sweep says so instead of repeating
    itself without a word (and still runs)."""
    grid = tmp_path / "grid.toml"
    grid.write_text("max_suppliers = [2]\n", encoding="utf-8")
    args = ["sweep", INSTANCES / "indoor" / "tasks.csv", "--grid", grid, "--quiet"]
    done = run_cli(*args, "--out", tmp_path / "r.csv", "--widen-windows", "0,30", "--lang", "en")
    assert done.exit_code == 0, done.output
    assert "no task of the list has a time window" in done.output
    assert len(pd.read_csv(tmp_path / "r.csv")) == 2
    plain = run_cli(*args, "--out", tmp_path / "s.csv", "--widen-windows", "0", "--lang", "en")
    assert plain.exit_code == 0 and "time window" not in plain.output
    # The table's column of the lists is headed in the run's language ("instance" was not).
    shown = run_cli(*args[:-1], "--out", tmp_path / "t.csv", "--widen-windows", "0,30")
    assert shown.exit_code == 0 and "vensters ±" in shown.output
    assert "instance" not in shown.output.split("Doorrekening")[-1]


def test_the_terminal_table_says_when_only_the_count_is_proven(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A row whose hours are unproven but whose count is said "geldig" alone, which read as
    if nothing were proven; the CSV has both statuses."""
    from combibaan.cli.sweep import _show

    row = dict.fromkeys(KPI_KEYS, 1.0) | {"jobs": 3, "jobs_bound": 3, "share_hours_placed": 0.5}
    table = pd.DataFrame(
        [
            row | {"status": "feasible", "jobs_status": "optimal"},
            row | {"status": "feasible", "jobs_status": "feasible", "jobs_bound": 4},
            row | {"status": "optimal", "jobs_status": "optimal"},
        ]
    )
    _show(table, [], "lijst", "nl")
    lines = [line for line in capsys.readouterr().out.splitlines() if "│" in line]
    assert ["aantal bewezen" in lines[0], "geldig" in lines[1], "optimaal" in lines[2]] == [
        True,
        True,
        True,
    ]
