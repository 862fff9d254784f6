"""Solver behaviour on the shipped instances: limits, degraded paths, bounds, determinism."""

from __future__ import annotations

import importlib
import os
import subprocess
import sys
import time
from functools import cache

import pytest
from conftest import ROOT, assert_sound, groups, minutes_placed, read, reasons, solve_checked
from test_stages import family_instance

import combibaan
from combibaan.model import Instance, Slot, Task
from combibaan.result import Result
from combibaan.rules import Limits, Policy, profiles
from combibaan.solvers.budget import Budget
from combibaan.solvers.compatibility import compatibility_graph
from combibaan.solvers.greedy import greedy_jobs
from combibaan.solvers.ortools import solve_packing

# The modules, not the function ``combibaan.solvers.solve`` the package exports.
solve_module = importlib.import_module("combibaan.solvers.solve")
exact_module = importlib.import_module("combibaan.solvers.strategies.exact")


@cache
def optimum(name: str) -> Result:
    """The proven optimum of a small shipped instance under the default policy."""
    result = solve_checked(read(name), Policy(), time_limit=60)
    assert result.status == "optimal"
    return result


def greedy(instance: combibaan.Instance, rules: Policy) -> tuple[int, int]:
    """Jobs and minutes of the greedy baseline alone."""
    profs = profiles(instance)
    jobs = greedy_jobs(compatibility_graph(instance, rules, profs), profs, Limits.of(rules))
    return len(jobs), sum(profs[t].minutes for job in jobs for t in job)


# ----------------------------------------------------------------------------- workshop numbers


@pytest.mark.parametrize(
    ("name", "two", "three"), [("indoor", 3, 4), ("outdoor", 4, 5)], ids=["indoor", "outdoor"]
)
def test_workshop_instances(name: str, two: int, three: int) -> None:
    """The numbers instances/README.md promises: the price of the two-supplier rule."""
    instance = read(name)
    result = solve_checked(instance, Policy(), time_limit=30)
    assert (result.status, result.num_jobs) == ("optimal", two)
    assert all(len(job.suppliers) <= 2 for job in result.solution.jobs)
    more = solve_checked(instance, Policy(max_suppliers=3), time_limit=30)
    assert (more.status, more.num_jobs) == ("optimal", three)


# ----------------------------------------------------------------------------- time limits


@pytest.mark.parametrize("time_limit", [0.05, 0.5, 3.0])
def test_small_time_limit_on_n300_gives_a_checked_answer(time_limit: float) -> None:
    instance = read("generated/n300")
    result = solve_checked(instance, Policy(), time_limit=time_limit)
    assert result.status in ("feasible", "optimal")
    assert result.num_jobs >= result.statistics.greedy_jobs > 0
    # An honest bound is a real one: never above the hours on the table allow.
    assert result.jobs_bound <= result.hours_total // Policy().min_hours


@pytest.mark.parametrize("name", ["generated/n40", "generated/n80"])
@pytest.mark.parametrize("time_limit", [0.01, 0.2])
def test_early_stop_bound_covers_the_optimum(name: str, time_limit: float) -> None:
    best = optimum(name).num_jobs
    result = solve_checked(read(name), Policy(), time_limit=time_limit)
    assert result.num_jobs <= best <= result.jobs_bound


def test_longer_search_on_n300_never_falls_below_the_greedy() -> None:
    """CP-SAT stopped mid-search may hold a packing worse than its hint; the greedy wins then."""
    instance = read("generated/n300")
    result = solve_checked(instance, Policy(), time_limit=12, strategy="exact")
    jobs, minutes = greedy(instance, Policy())
    assert (result.num_jobs, minutes_placed(result)) >= (jobs, minutes)


# ----------------------------------------------------------------------------- degraded paths


def test_few_columns_forces_the_degraded_path_on_n300() -> None:
    result = solve_checked(
        read("generated/n300"), Policy(), time_limit=20, max_columns=50, strategy="exact"
    )
    assert result.status == "feasible"
    assert result.statistics.method == "partial"
    assert not result.statistics.enumeration_complete
    assert result.jobs_bound >= result.num_jobs >= result.statistics.greedy_jobs


@pytest.mark.parametrize("name", ["generated/n40", "generated/n80"])
def test_few_columns_bound_covers_the_optimum(name: str) -> None:
    best = optimum(name).num_jobs
    result = solve_checked(read(name), Policy(), time_limit=20, max_columns=50)
    assert result.status == "feasible"
    assert result.num_jobs <= best <= result.jobs_bound


def test_minimal_columns_count_jobs_exactly() -> None:
    """When every job does not fit but the minimal ones do, the count is still proven."""
    instance = read("generated/n80")
    full = optimum("generated/n80")
    cap = full.statistics.columns - 1  # too few for every job
    result = solve_checked(instance, Policy(), time_limit=30, max_columns=cap)
    if result.statistics.method == "minimal":
        assert result.num_jobs == result.jobs_bound == full.num_jobs
        assert result.status == "feasible"  # hours are not proven best
    else:
        assert result.num_jobs <= full.num_jobs <= result.jobs_bound


# ----------------------------------------------------------------------------- greedy vs exact


@pytest.mark.parametrize("name", ["indoor", "outdoor", "generated/n40", "generated/n80"])
@pytest.mark.parametrize("max_suppliers", [1, 2, None])
def test_greedy_is_never_better_than_exact(name: str, max_suppliers: int | None) -> None:
    instance = read(name)
    rules = Policy(max_suppliers=max_suppliers)
    result = solve_checked(instance, rules, time_limit=60)
    assert result.status == "optimal"
    assert (result.num_jobs, minutes_placed(result)) >= greedy(instance, rules)
    assert result.statistics.greedy_jobs <= result.num_jobs


# ----------------------------------------------------------------------------- determinism


@pytest.mark.parametrize("name", ["indoor", "generated/n80"])
def test_same_seed_one_worker_same_jobs(name: str) -> None:
    instance = read(name)
    first = combibaan.solve(instance, Policy(), time_limit=60, seed=7, workers=1)
    second = combibaan.solve(instance, Policy(), time_limit=60, seed=7, workers=1)
    assert [j.task_ids for j in first.solution.jobs] == [j.task_ids for j in second.solution.jobs]
    assert first.solution.unassigned == second.solution.unassigned
    assert first.status == second.status


# ----------------------------------------------------------------------------- interruption


def test_ctrl_c_during_enumeration_returns_the_greedy(monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(exact_module, "enumerate_columns", interrupted)
    result = combibaan.solve(read("generated/n80"), Policy(), time_limit=10)
    assert_sound(result)
    assert result.statistics.interrupted
    assert result.statistics.method == "greedy"
    assert result.num_jobs == result.statistics.greedy_jobs > 0
    assert result.status == "feasible"


def test_ctrl_c_during_packing_returns_the_greedy(monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(exact_module, "solve_exact", interrupted)
    result = combibaan.solve(read("generated/n40"), Policy(), time_limit=10)
    assert_sound(result)
    assert result.statistics.interrupted
    assert result.num_jobs == result.statistics.greedy_jobs > 0


def test_ctrl_c_while_reasons_are_worked_out_keeps_the_proposal(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The proposal is finished; only the reasons are cut short, and they say so."""
    best = combibaan.solve(read("outdoor"), Policy(), time_limit=20)
    assert best.solution.unassigned

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(solve_module, "unassigned_reasons", interrupted)
    result = combibaan.solve(read("outdoor"), Policy(), time_limit=20)
    assert_sound(result)
    assert result.statistics.interrupted
    assert [j.task_ids for j in result.solution.jobs] == [j.task_ids for j in best.solution.jobs]
    assert {u.task_id for u in result.solution.unassigned} == {
        u.task_id for u in best.solution.unassigned
    }
    assert all("interrupted" in why for why in reasons(result, "en").values())


def test_ctrl_c_during_alternatives_keeps_the_best(monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(solve_module, "find_alternatives", interrupted)
    result = combibaan.solve(read("indoor"), Policy(), time_limit=20, alternatives=2)
    assert_sound(result)
    assert result.statistics.interrupted and result.num_jobs > 0
    assert result.alternatives == ()


def test_packing_without_a_solution_claims_no_bound() -> None:
    """CP-SAT stopped before its first solution reports bound 0: that is no proof."""
    instance = read("generated/n300")
    rules = Policy()
    profs = profiles(instance)
    graph = compatibility_graph(instance, rules, profs)
    hint = greedy_jobs(graph, profs, Limits.of(rules))
    columns = [tuple(sorted(edge)) for edge in graph.edges] + hint
    outcome = solve_packing(
        columns,
        [sum(profs[t].minutes for t in c) for c in columns],
        [1] * len(columns),
        tasks=len(profs),
        tasks_minutes=sum(p.minutes for p in profs),
        deadline=time.perf_counter(),  # no time at all
        workers=1,
        hint=range(len(columns) - len(hint), len(columns)),
    )
    if outcome.status == "unknown":
        assert outcome.jobs_bound is None
        assert len(outcome.selected) == len(hint)
    else:  # solved within the minimal time after all: the bound must then be real
        assert outcome.jobs_bound is None or outcome.jobs_bound >= len(outcome.selected)


# ----------------------------------------------------------------------------- progress


def test_progress_reports_improving_solutions_with_honest_bounds() -> None:
    reports: list[tuple[int, int | None, float]] = []
    result = combibaan.solve(
        read("generated/n40"),
        Policy(),
        time_limit=30,
        progress=lambda jobs, bound, seconds: reports.append((jobs, bound, seconds)),
    )
    assert_sound(result)
    assert reports
    assert all(bound is None or bound >= jobs for jobs, bound, _ in reports)
    assert max(jobs for jobs, _, _ in reports) == result.num_jobs


def test_jobs_are_numbered_in_input_order() -> None:
    result = optimum("generated/n40")
    assert [job.job_id for job in result.solution.jobs] == [
        f"B{k:02d}" for k in range(1, result.num_jobs + 1)
    ]
    order = result.instance.task_index
    firsts = [min(order[t] for t in job.task_ids) for job in result.solution.jobs]
    assert firsts == sorted(firsts)
    assert groups(result)  # n40 has jobs


CTRL_C_AFTER_SOLVE = """
import os, signal, sys, time
import combibaan
instance = combibaan.read_instance(sys.argv[1], travel=sys.argv[2])
combibaan.solve(instance, time_limit=10, strategy="exact")
try:
    os.kill(os.getpid(), signal.SIGINT)
    time.sleep(5)
except KeyboardInterrupt:
    print("KeyboardInterrupt")
"""


def test_ctrl_c_after_a_solve_is_still_a_keyboard_interrupt() -> None:
    """CP-SAT leaves SIGINT at the OS default after its search; the solver puts Python's
    handler back, so a later Ctrl-C can still be caught instead of killing the process."""
    folder = ROOT / "instances" / "indoor"
    done = subprocess.run(
        [sys.executable, "-c", CTRL_C_AFTER_SOLVE, folder / "tasks.csv", folder / "travel.csv"],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "KeyboardInterrupt"


@pytest.mark.parametrize("strategy", ["exact", "large"])
def test_reasons_without_time_for_their_searches(
    strategy: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The searches behind the reasons share an allowance. With none left, a task whose reason
    needs a search says no job exists without the numbers where the enumeration proved it
    (exact), or that not every combination was examined (large); every other reason and
    every job stays as it is."""
    from combibaan.solvers.reasons import Allowance

    instance = read("indoor")
    full = solve_checked(instance, Policy(), time_limit=10, strategy=strategy)
    monkeypatch.setattr(solve_module, "_reasons_allowance", lambda *_: Allowance(nodes=0))
    short = solve_checked(instance, Policy(), time_limit=10, strategy=strategy)
    assert groups(short) == groups(full)
    before = {u.task_id: u.reason for u in full.solution.unassigned}
    after = {u.task_id: u.reason for u in short.solution.unassigned}
    searched = {t for t, why in before.items() if why.code == "no_job"}
    assert searched  # I13 and I14: partners, but together too few hours
    for task, why in after.items():
        if task not in searched:
            assert why == before[task]
        elif strategy == "exact":
            assert why.code == "no_job_rule" and why.values["tail"] == ""
        else:
            assert why.code == "unexplored"


def test_after_ctrl_c_the_reasons_take_a_moment_not_the_time_left() -> None:
    """The first Ctrl-C stops the search; the reasons then had until the time limit (10-20
    s on 140 short tasks after the press at 5 s of 30)."""
    budget = Budget(time.perf_counter(), 60.0)
    assert solve_module._reasons_allowance(budget).deadline > time.perf_counter() + 50
    after = solve_module._reasons_allowance(budget, interrupted=True).deadline
    assert after is not None and after <= time.perf_counter() + solve_module.REASONS_AFTER_CTRL_C


def test_the_only_task_of_a_list_says_there_is_nothing_beside_it() -> None:
    """One task too short for a job, and nothing else: the reason says so, in full,
    rather than listing no obstacles after a colon."""
    from combibaan.model import Instance, Slot, Task

    task = Task("T1", "Asito", (Slot(0, 480, 600),), location="A")
    result = solve_checked(Instance((task,)), Policy(), time_limit=5)
    (left,) = result.to_dict("nl")["unassigned"]
    assert left["reason_code"] == "isolated_alone"
    assert left["reason"].endswith("geen andere taak om ernaast te doen.")
    assert ": ." not in left["reason"]
    (left,) = result.to_dict("en")["unassigned"]
    assert left["reason"].startswith("Alone ") and "no other task" in left["reason"]


@pytest.mark.parametrize("strategy", ["auto", "exact", "large"])
def test_a_list_where_no_job_is_possible_is_proven_on_every_path(strategy: str) -> None:
    """Two one-hour tasks: no job. The large path said ``feasible`` with ``stopped:
    proven`` and at most 2 hours placed, where nothing can be placed."""
    tasks = (
        Task("A", "S1", (Slot(0, 420, 480),)),
        Task("B", "S2", (Slot(1, 420, 480),)),
    )
    result = solve_checked(Instance(tasks), Policy(), time_limit=3, strategy=strategy)
    assert (result.num_jobs, result.jobs_bound, result.hours_bound) == (0, 0, 0)
    assert (result.status, result.jobs_status, result.stopped) == ("optimal", "optimal", "proven")


def test_tasks_that_fit_with_none_are_counted_within_the_reasons_allowance(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each isolated task's reason counted every other task: 2,000 identical tasks took 36 s
    at a 2 s limit. The pairs are charged to the allowance; those left are said as not
    looked at, the same on every run."""
    from combibaan.solvers.reasons import Allowance

    tasks = tuple(Task(f"T{n:03d}", "Asito", (Slot(0, 480, 600),)) for n in range(600))
    monkeypatch.setattr(solve_module, "_reasons_allowance", lambda *_: Allowance(nodes=600))
    result = combibaan.solve(Instance(tasks), time_limit=5)
    said = [combibaan.texts.render(u.reason, "en") for u in result.solution.unassigned]
    assert said[0].endswith("no task fits beside it: 599 clash in time.")
    assert said[-1].endswith("599 not looked at (the time for the reasons ran out).")
    again = combibaan.solve(Instance(tasks), time_limit=5)
    assert [u.reason for u in again.solution.unassigned] == [
        u.reason for u in result.solution.unassigned
    ]


def test_a_large_list_without_a_compatible_pair_is_proven_on_auto() -> None:
    """300 tasks that each make a job alone and clash with every other: the proposal is
    forced. Above 250 tasks ``auto`` took the large path, which said ``stopped:
    time_limit`` after 0.0 s; without an edge the enumeration is the list itself."""
    tasks = tuple(
        Task(f"T{n:03d}", f"S{n % 3}", tuple(Slot(d, 480, 720) for d in range(5)))
        for n in range(300)
    )
    result = solve_checked(Instance(tasks), Policy(), time_limit=10)
    assert (result.num_jobs, result.status, result.stopped) == (300, "optimal", "proven")


def test_auto_leaves_the_enumeration_once_it_meets_more_jobs_than_the_proof_takes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """With more jobs than the count's proof takes, ``auto`` goes to the large path:
    it now goes as soon as the search for every job meets one more, where 150 short
    tasks listed all 299,612 first (3.9 s of a 60 s limit). Here the cap is 30."""
    auto_module = importlib.import_module("combibaan.solvers.strategies.auto")
    exact_solver = importlib.import_module("combibaan.solvers.exact")
    monkeypatch.setattr(auto_module, "PROOF_COLUMNS", 30)
    searches: list[tuple[bool, int, bool]] = []
    enumerate_jobs = exact_solver.enumerate_jobs

    def spy(*args, **kwargs):  # type: ignore[no-untyped-def]
        found = enumerate_jobs(*args, **kwargs)
        searches.append((bool(kwargs.get("minimal")), len(found.jobs), found.complete))
        return found

    monkeypatch.setattr(exact_solver, "enumerate_jobs", spy)
    result = solve_checked(family_instance("short", 40, 1), Policy(), time_limit=10)
    assert searches[-1] == (False, 31, False)  # every job: stopped at the 31st
    assert result.statistics.method == "lns"
    assert not result.statistics.enumeration_complete
