"""The synthetic instance generator: deterministic, readable, plausible."""

from __future__ import annotations

import statistics
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest

from combibaan.generate import TASK_COLUMNS, TRAVEL_COLUMNS, generate, write_instance
from combibaan.io import read_instance
from combibaan.model import Instance


def instance_of(n: int, seed: int = 1, campuses: int = 1) -> Instance:
    tasks, travel = generate(n, seed, campuses=campuses)
    return read_instance(tasks, travel)


def travel_graph(travel: pd.DataFrame) -> nx.Graph:
    graph = nx.Graph()
    for row in travel.itertuples(index=False):
        graph.add_edge(row[0], row[1], weight=row[2])
    return graph


def test_deterministic_for_a_seed() -> None:
    a_tasks, a_travel = generate(60, 7)
    b_tasks, b_travel = generate(60, 7)
    pd.testing.assert_frame_equal(a_tasks, b_tasks)
    pd.testing.assert_frame_equal(a_travel, b_travel)
    c_tasks, _ = generate(60, 8)
    assert not a_tasks.equals(c_tasks)


def test_columns_follow_the_input_contract() -> None:
    tasks, travel = generate(30)
    assert tuple(tasks.columns) == TASK_COLUMNS
    assert tuple(travel.columns) == TRAVEL_COLUMNS
    assert tasks["start"].str.fullmatch(r"\d\d:\d\d").all()
    assert tasks["end"].str.fullmatch(r"\d\d:\d\d").all()


@pytest.mark.parametrize("n", [1, 5, 40, 150, 300])
def test_exactly_n_tasks_and_every_row_reads(n: int) -> None:
    instance = instance_of(n)
    assert len(instance) == n
    assert [t.id for t in instance.tasks][:2] == ["T001", "T002"][: min(n, 2)]
    for task in instance.tasks:
        assert task.slots
        assert task.location in instance.locations
        assert task.competencies
        assert task.description


def test_task_ids_widen_past_999() -> None:
    tasks, _ = generate(1200, 3)
    assert tasks["task_id"].iloc[0] == "T0001"
    assert tasks["task_id"].nunique() == 1200


def test_hours_are_too_small_for_a_job_alone() -> None:
    hours = [t.hours_per_week for t in instance_of(300).tasks]
    assert min(hours) >= 4
    assert max(hours) <= 25
    assert sum(6 <= h <= 15 for h in hours) / len(hours) >= 0.6
    assert 8 <= statistics.median(hours) <= 15


def test_trades_keep_their_hours() -> None:
    instance = instance_of(300)
    for task in instance.tasks:
        for slot in task.slots:
            assert 2 * 60 <= slot.minutes <= 8 * 60
            if task.supplier.startswith("Schoonmaak"):
                assert slot.start < 9 * 60 or slot.start >= 16 * 60
            if task.supplier == "Catering":
                assert slot.start >= 7 * 60 + 30 and slot.end <= 14 * 60 + 30
            if task.supplier.startswith("Groen"):
                assert slot.start >= 7 * 60 and slot.end <= 16 * 60
            if slot.day >= 5:  # weekends: only security
                assert task.supplier == "Beveiliging"
    suppliers = {t.supplier for t in instance.tasks}
    assert len(suppliers) == 8


def test_some_tasks_span_two_rows_and_some_pass_midnight() -> None:
    tasks, travel = generate(300, 1)
    assert tasks["task_id"].duplicated().any()
    instance = read_instance(tasks, travel)
    assert any(s.end > 24 * 60 for t in instance.tasks for s in t.slots)


@pytest.mark.parametrize("n", [10, 40, 150, 300])
def test_travel_graph_is_connected_and_sparse(n: int) -> None:
    tasks, travel = generate(n, 1)
    graph = travel_graph(travel)
    assert nx.is_connected(graph)
    assert set(tasks["location"]) <= set(graph.nodes)
    buildings = graph.number_of_nodes()
    assert 3 <= buildings <= 15
    assert travel["minutes"].between(3, 15).all()
    if buildings >= 6:
        assert graph.number_of_edges() < buildings * (buildings - 1) / 2


def test_shortest_paths_matter() -> None:
    _, travel = generate(150, 1)
    graph = travel_graph(travel)
    far = dict(nx.all_pairs_dijkstra_path_length(graph))
    assert max(d for row in far.values() for d in row.values()) > 15


def test_multi_campus() -> None:
    tasks, travel = generate(200, 2, campuses=3)
    graph = travel_graph(travel)
    assert nx.is_connected(graph)
    campus_of = {node: node.rsplit(" ", 1)[-1] for node in graph.nodes}
    assert set(campus_of.values()) == {"Noord", "Zuid", "Centrum"}
    for a, b, minutes in graph.edges(data="weight"):
        if campus_of[a] == campus_of[b]:
            assert 3 <= minutes <= 15
        else:
            assert 20 <= minutes <= 60
    assert set(tasks["location"].map(lambda loc: loc.rsplit(" ", 1)[-1])) == {
        "Noord",
        "Zuid",
        "Centrum",
    }
    assert read_instance(tasks, travel).tasks


def test_bad_arguments() -> None:
    with pytest.raises(ValueError):
        generate(0)
    with pytest.raises(ValueError):
        generate(10, campuses=0)


def test_write_instance_round_trip(tmp_path: Path) -> None:
    tasks, travel = generate(40, 1)
    out = tmp_path / "n40"
    paths = write_instance(tasks, travel, out)
    assert [p.name for p in paths] == ["tasks.csv", "travel.csv"]
    assert sorted(p.name for p in out.iterdir()) == ["tasks.csv", "travel.csv"]
    text = (out / "tasks.csv").read_text(encoding="utf-8")
    assert text.splitlines()[0] == ",".join(TASK_COLUMNS)
    again = read_instance(out / "tasks.csv", out / "travel.csv")
    direct = read_instance(tasks, travel)
    assert again.tasks == direct.tasks
    assert again.travel == direct.travel
    assert len(again) == 40


def test_write_instance_refuses_to_overwrite(tmp_path: Path) -> None:
    tasks, travel = generate(10, 1)
    write_instance(tasks, travel, tmp_path)
    before = (tmp_path / "tasks.csv").read_bytes()
    other, _ = generate(10, 2)
    with pytest.raises(FileExistsError, match="overwrite"):
        write_instance(other, travel, tmp_path)
    assert (tmp_path / "tasks.csv").read_bytes() == before
    write_instance(other, travel, tmp_path, overwrite=True)
    assert (tmp_path / "tasks.csv").read_bytes() != before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tasks.csv", "travel.csv"]


def test_written_files_are_not_private(tmp_path: Path) -> None:
    tasks, travel = generate(10, 1)
    for path in write_instance(tasks, travel, tmp_path):
        assert path.stat().st_mode & 0o044 == 0o044


@pytest.mark.parametrize("n", [40, 80, 150, 300])
def test_committed_instances_match_the_generator(n: int, tmp_path: Path) -> None:
    """The files in instances/generated are what the README's command makes."""
    committed = Path(__file__).resolve().parents[1] / "instances" / "generated" / f"n{n}"
    write_instance(*generate(n, seed=1), tmp_path)
    for name in ("tasks.csv", "travel.csv"):
        assert (tmp_path / name).read_bytes() == (committed / name).read_bytes(), name
