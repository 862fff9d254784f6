"""The staged solve: the job count proven first, then hours, then the tie-break; reproducible.

Each stage reports its own proof (``jobs_status``, ``hours_bound``, ``status``),
the bounds hold against brute force on small lists of every family, and the
same input, seed and workers give the same jobs.
"""

from __future__ import annotations

import math
import warnings
from types import SimpleNamespace

import pytest
from conftest import assert_sound, minutes_placed
from test_optimality import brute_force

import combibaan
from combibaan.generate import FAMILIES, generate
from combibaan.model import Instance
from combibaan.rules import Policy
from combibaan.solvers import budget as budget_module
from combibaan.solvers import count_proof
from combibaan.solvers import exact as exact_module
from combibaan.solvers.ortools import set_packing
from combibaan.solvers.ortools.set_packing import StagedPacking

FAMILY_POLICIES = {family: Policy() for family in FAMILIES} | {"units": Policy(min_hours=25.5)}


def family_instance(family: str, n: int, seed: int) -> Instance:
    tasks, travel = generate(n, seed, family="campus" if family == "units" else family)
    # Generated travel tables name places no task uses: that warning is not under test.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return combibaan.read_instance(tasks, travel, name=f"{family} n{n}")


def _stage_2_without_work(monkeypatch: pytest.MonkeyPatch) -> None:
    """Stage 2 (the hours) gets no work: its proposal is stage 1's, nothing proven."""
    original = StagedPacking.most_hours

    def no_work(self: StagedPacking, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        kwargs["work"] = 0.0
        return original(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(StagedPacking, "most_hours", no_work)


def test_count_proven_while_hours_are_cut_short(monkeypatch: pytest.MonkeyPatch) -> None:
    """Stage 2 without work: the count is proven, the hours are not, and the result says so."""
    instance = family_instance("short", 40, 3)
    full = combibaan.solve(instance, time_limit=30)
    assert full.jobs_status == "optimal"
    _stage_2_without_work(monkeypatch)
    cut = combibaan.solve(instance, time_limit=30)
    assert_sound(cut)
    assert cut.jobs_status == "optimal"
    assert cut.num_jobs == full.num_jobs == cut.jobs_bound
    assert cut.statistics.jobs_proven_seconds is not None
    assert cut.status == "feasible"
    assert cut.stopped == "time_limit"
    assert cut.hours_bound is not None
    assert cut.hours_bound >= full.solution.hours_placed >= cut.solution.hours_placed
    # the analyst's table says it too, not only solution.json
    row = combibaan.kpis(cut)
    assert (row["status"], row["jobs_status"]) == ("feasible", "optimal")
    document = cut.to_dict()
    assert document["jobs_status"] == "optimal" and document["status"] == "feasible"


def test_the_local_search_finds_the_hours_stage_2_did_not(monkeypatch: pytest.MonkeyPatch) -> None:
    """Where stage 2 does not prove the hours, a local search takes its proposal on (100
    short tasks, seed 1, 30 s: 448.75 hours where stage 2 alone placed 443.75); where it
    reaches the LP's cap, the hours are proven and the tie-break runs."""
    instance = family_instance("campus", 40, 1)
    full = combibaan.solve(instance, time_limit=20)
    assert full.status == "optimal"
    _stage_2_without_work(monkeypatch)
    polished = combibaan.solve(instance, time_limit=20)
    assert_sound(polished)
    assert minutes_placed(polished) == minutes_placed(full)
    assert (polished.status, polished.hours_bound) == ("optimal", full.hours_placed)
    monkeypatch.setattr(exact_module, "POLISH_SHARE", 0.0)
    unpolished = combibaan.solve(instance, time_limit=20)
    assert minutes_placed(unpolished) < minutes_placed(full)
    assert unpolished.status == "feasible"


def test_past_the_deadline_after_the_count_no_later_stage_starts(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Stage 2's LP and model take seconds over many columns (168,120 jobs: a 20 s limit
    ran 24 s): where stage 1 ends at the wall clock's deadline, its proposal stands,
    the count proven, and the result says the clock cut the run."""
    instance = family_instance("short", 40, 3)
    count_stage = exact_module._count_stage

    def then_late(*args, **kwargs):  # type: ignore[no-untyped-def]
        outcome = count_stage(*args, **kwargs)
        monkeypatch.setattr(exact_module, "time", SimpleNamespace(perf_counter=lambda: math.inf))
        return outcome

    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("stage 2 started after the deadline")

    monkeypatch.setattr(exact_module, "_count_stage", then_late)
    monkeypatch.setattr(exact_module, "minutes_bound", never)
    monkeypatch.setattr(StagedPacking, "most_hours", never)
    late = combibaan.solve(instance, time_limit=30, strategy="exact")
    assert_sound(late)
    assert (late.jobs_status, late.status) == ("optimal", "feasible")
    assert late.num_jobs == late.jobs_bound
    assert late.statistics.wall_clock_cut


@pytest.mark.parametrize("family", sorted(FAMILY_POLICIES))
@pytest.mark.parametrize("seed", [1, 2])
def test_bounds_cover_the_brute_force_optimum(family: str, seed: int) -> None:
    """On ten tasks of each family: the bounds cover the optimum however short the search,
    and a full search reaches it."""
    instance = family_instance(family, 10, seed)
    rules = FAMILY_POLICIES[family]
    best_jobs, best_minutes = brute_force(instance, rules)
    for options in ({"max_columns": 1, "time_limit": 5}, {"time_limit": 20}):
        result = combibaan.solve(instance, rules, **options)  # type: ignore[arg-type]
        assert_sound(result)
        assert result.num_jobs <= best_jobs <= result.jobs_bound
        if result.num_jobs == best_jobs:
            assert result.hours_bound is not None
            assert minutes_placed(result) <= best_minutes <= round(result.hours_bound * 60)
    assert result.status == "optimal"
    assert (result.num_jobs, minutes_placed(result)) == (best_jobs, best_minutes)


@pytest.mark.parametrize(("family", "workers"), [("short", 0), ("many", 2), ("night", 1)])
def test_two_runs_give_the_same_jobs(
    family: str, workers: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A search stopped by its budget, not by proof, still repeats exactly.

    The work budget is lowered so that the wall clock, which a busy test
    machine can slow down, does not end these runs before the budget does.
    """
    monkeypatch.setattr(budget_module, "WORK_PER_SECOND", 0.1)
    # The count's proof by a MIP runs on the wall clock (and a node limit): too little
    # of it in 10 s on a busy machine; its own repeatability is tested apart.
    monkeypatch.setattr(count_proof, "MAX_COLUMNS", 0)
    instance = family_instance(family, 80, 5)
    runs = [combibaan.solve(instance, time_limit=10, seed=3, workers=workers) for _ in range(2)]
    for run in runs:
        assert_sound(run)
        assert not run.statistics.wall_clock_cut
    first, second = ([job.task_ids for job in run.solution.jobs] for run in runs)
    assert first == second
    assert runs[0].solution.unassigned == runs[1].solution.unassigned


def test_a_cut_enumeration_proves_no_count() -> None:
    """The exact path over a partial enumeration (the column cap reached) packs what it
    found, but its count over those columns is no bound: 7 jobs there, 9 exist."""
    tasks, travel = generate(60, 1, family="short")
    instance = combibaan.read_instance(tasks, travel=travel)
    cut = combibaan.solve(instance, time_limit=20, strategy="exact", max_columns=20)
    assert cut.statistics.method == "partial"
    assert cut.jobs_status != "optimal" and cut.jobs_bound > cut.num_jobs
    assert combibaan.solve(instance, time_limit=20).num_jobs > cut.num_jobs


def test_over_a_big_model_no_stage_presolves(monkeypatch: pytest.MonkeyPatch) -> None:
    """CP-SAT's presolve over 143k jobs of a partial enumeration (200 tasks of 15-45
    minutes) ran 184 s of a 60 s limit and did not hear Ctrl-C: over ``BIG_MODEL``
    columns stage 1 runs without it too, as the later stages did."""
    asked: list[bool] = []
    configure = set_packing.configure

    def spy(solver: object, **options: object) -> None:
        asked.append(bool(options.get("presolve", True)))
        configure(solver, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(set_packing, "configure", spy)
    instance = family_instance("campus", 30, 1)
    combibaan.solve(instance, time_limit=10, strategy="exact", workers=1)
    assert asked and all(asked)  # a small model presolves
    asked.clear()
    monkeypatch.setattr(exact_module, "BIG_MODEL", 0)
    # A partial enumeration (capped columns): no proof, stage 1 searches.
    result = combibaan.solve(instance, time_limit=10, strategy="exact", workers=1, max_columns=40)
    assert not result.statistics.enumeration_complete
    assert asked and not any(asked)
    assert_sound(result)
    # Nor does a local-search step over that many (20,006 jobs of 100 tasks of 15-90
    # minutes: 31 units of work where 1 was allowed, 5 s past a 5 s limit).
    columns = [(0,), (1,), (0, 1)]
    for big_model, presolved in ((len(columns), True), (len(columns) - 1, False)):
        monkeypatch.setattr(set_packing, "BIG_MODEL", big_model)
        asked.clear()
        set_packing.solve_packing(
            columns, [60, 60, 120], [0, 0, 0], tasks=2, tasks_minutes=120, deadline=math.inf
        )
        assert asked == [presolved]
