"""The SMPTSP benchmark script (benchmarks/smptsp.py): its own verifier catches every kind of
wrong cover, and its plain CP-SAT model solves a tiny hand-made instance to its optimum."""

from __future__ import annotations

import pytest
from conftest import load_benchmark

from combibaan.io.smptsp import Smptsp, read_smptsp

# Five tasks, four workers. T1-T2-T5 follow each other back to back, as do T3-T4: time is
# half-open, so W1 may hold T1, T2, T5 and W2 T3, T4 (the optimum, 2 workers; at most two
# tasks run at once). Were ends inclusive, no cover would exist.
TINY = """\
# hand-made: the optimum is 2
Type = 1
Jobs = 5
  0 100
100 200
 50 150
150 250
200 300
Qualifications = 4
3: 0 1 4
3: 2 3 0
2: 1 3
1: 4
"""
HELD = ("W1", ["T1", "T2", "T5"])
BEST = [HELD, ("W2", ["T3", "T4"])]


bench = load_benchmark("smptsp.py", "smptsp_bench")


@pytest.fixture(scope="module")
def tiny() -> Smptsp:
    return read_smptsp(TINY, name="tiny.dat")


def test_the_verifier_accepts_a_cover_with_touching_tasks(tiny: Smptsp) -> None:
    assert bench.cover_findings(tiny, BEST) == []
    # another worker for T5 is just as good
    assert (
        bench.cover_findings(tiny, [("W1", ["T1", "T2"]), ("W2", ["T3", "T4"]), ("W4", ["T5"])])
        == []
    )


@pytest.mark.parametrize(
    ("jobs", "finding"),
    [
        ([HELD, ("W2", ["T3", "T1", "T4"])], "1 task(s) in more than one job: T1"),
        ([HELD, ("W2", ["T3"])], "1 task(s) in no job: T4"),
        ([HELD, ("W3", ["T3", "T4"])], "job 2 (W3): not on the worker's line: T3"),
        (
            [("W2", ["T1", "T3"]), ("W1", ["T2", "T5"]), ("W3", ["T4"])],
            "job 1 (W2): T1 and T3 overlap",
        ),
        ([("W1", ["T1", "T2"]), ("W1", ["T5"]), ("W2", ["T3", "T4"])], "worker W1 holds 2 jobs"),
        ([HELD, (None, ["T3", "T4"])], "job 2 (None): no worker"),
        ([HELD, ("W9", ["T3", "T4"])], "job 2 (W9): no such worker"),
        ([*BEST, ("W3", ["T9"])], "job 3 (W3): no such task: T9"),
        ([*BEST, ("W3", [])], "job 3 (W3): holds no task"),
    ],
)
def test_the_verifier_catches_a_wrong_cover(
    tiny: Smptsp, jobs: list[tuple[str | None, list[str]]], finding: str
) -> None:
    assert finding in bench.cover_findings(tiny, jobs)


def test_an_overlap_behind_a_long_task_is_caught() -> None:
    """T3 overlaps T1, which runs past T2: not a neighbour of T1 in the order of starts."""
    long = read_smptsp(
        "Type = 1\nJobs = 3\n0 300\n100 150\n200 250\nQualifications = 1\n3: 0 1 2\n"
    )
    found = bench.cover_findings(long, [("W1", ["T1", "T2", "T3"])])
    assert found == ["job 1 (W1): T1 and T2 overlap", "job 1 (W1): T1 and T3 overlap"]


def test_the_plain_model_solves_the_tiny_instance_to_its_optimum(tiny: Smptsp) -> None:
    found = bench.solve_plain(tiny, time_limit=5, workers=1, seed=0)
    assert (found["found"], found["bound"], found["status"]) == (2, 2, "optimal")
    assert sorted((w, sorted(tasks)) for w, tasks in found["jobs"]) == BEST
    assert bench.cover_findings(tiny, found["jobs"]) == []


def test_the_plain_model_says_when_a_task_is_on_no_line() -> None:
    lonely = read_smptsp(
        TINY.replace("Jobs = 5", "Jobs = 6").replace("200 300\n", "200 300\n 0 10\n")
    )
    found = bench.solve_plain(lonely, time_limit=5, workers=1, seed=0)
    assert (found["found"], found["status"], found["jobs"]) == (None, "infeasible", [])
