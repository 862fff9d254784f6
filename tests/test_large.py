"""The large path's parts: exact pricing, the dive, the restricted master, reproducible runs.

The parts are checked against brute force (every job enumerated) on lists
small enough for it, and the whole path is run twice to show that it depends
on its budget, not on the machine's speed.
"""

from __future__ import annotations

import random
import time
import warnings

import pandas as pd
import pytest
from conftest import ROOT, assert_sound

import combibaan
from combibaan.generate import generate
from combibaan.model import Instance
from combibaan.rules import Limits, Load, Policy, Profile, profiles
from combibaan.solvers import background, large
from combibaan.solvers import dive as diving
from combibaan.solvers.colgen import LoadMemo, lp_bound, price
from combibaan.solvers.compatibility import compatibility_graph
from combibaan.solvers.dive import dive
from combibaan.solvers.enumeration import enumerate_jobs
from combibaan.solvers.greedy import greedy_jobs
from combibaan.solvers.lns import LocalSearch, score
from combibaan.solvers.master import restricted_master
from combibaan.solvers.ortools.set_packing import StagedPacking
from combibaan.solvers.pricing import PricingModel
from combibaan.solvers.strategies.base import job_burden


def family_instance(family: str, n: int, seed: int) -> Instance:
    tasks, travel = generate(n, seed, family="campus" if family == "units" else family)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # generated travel tables name unused places
        return combibaan.read_instance(tasks, travel, name=f"{family} n{n}")


def setting(family: str, n: int, seed: int, rules: Policy | None = None):  # type: ignore[no-untyped-def]
    instance = family_instance(family, n, seed)
    rules = rules or Policy()
    limits, profs = Limits.of(rules), profiles(instance)
    graph = compatibility_graph(instance, rules, profs)
    adjacency = {v: set(graph[v]) for v in graph}
    return instance, limits, profs, graph, adjacency


def is_job(job: tuple[int, ...], profs: list[Profile], limits: Limits, adjacency) -> bool:  # type: ignore[no-untyped-def]
    load: Load | None = Load.of(profs[job[0]])
    for t in job[1:]:
        load = load.add(profs[t], limits) if load else None
    cliques = all(v in adjacency[u] for k, u in enumerate(job) for v in job[k + 1 :])
    return load is not None and load.is_job(limits) and cliques


def most_jobs(graph, profs: list[Profile], limits: Limits) -> int:  # type: ignore[no-untyped-def]
    """The most jobs, proven by CP-SAT over every job (brute force for the bounds)."""
    every = enumerate_jobs(graph, profs, limits).jobs
    packing = StagedPacking(every, [0] * len(every), [0] * len(every))
    outcome = packing.most_jobs([], deadline=time.perf_counter() + 60, work=None, workers=1)
    assert outcome.status == "optimal"
    return len(outcome.selected)


def assert_packing(jobs, profs, limits, adjacency) -> None:  # type: ignore[no-untyped-def]
    members = [t for job in jobs for t in job]
    assert len(members) == len(set(members)), "a task in two jobs"
    assert all(is_job(job, profs, limits, adjacency) for job in jobs)


@pytest.mark.parametrize(
    ("family", "rules"),
    [("short", Policy()), ("many", Policy()), ("campus", Policy(min_hours_per_day=4))],
)
def test_cp_sat_pricing_bounds_the_cheapest_job(family: str, rules: Policy) -> None:
    """Its lower bound never exceeds the cheapest job of all (brute force), and it finds it."""
    _, limits, profs, graph, adjacency = setting(family, 24, 3, rules)
    every = enumerate_jobs(graph, profs, limits).jobs
    assert every
    model = PricingModel(adjacency, profs, limits)
    rng = random.Random(7)
    for _ in range(4):
        y = [rng.choice((0.0, 0.05, 0.2, 0.4)) for _ in profs]
        truth = min(sum(y[t] for t in job) for job in every)
        lower, jobs, _, proven = model.cheapest(y, 10.0, time.perf_counter() + 60)
        assert proven
        assert lower <= truth + 1e-9
        assert lower == pytest.approx(truth, abs=1e-5)
        assert all(is_job(job, profs, limits, adjacency) for job in jobs)
        assert all(sum(y[t] for t in job) < 1.0 for job in jobs)


def test_pricing_with_a_node_cap_per_task_still_gives_real_jobs() -> None:
    """A task cut short leaves the minimum inexact, never a wrong column."""
    _, limits, profs, graph, adjacency = setting("short", 40, 2)
    every = enumerate_jobs(graph, profs, limits).jobs
    y = [0.15] * len(profs)
    truth = min(sum(y[t] for t in job) for job in every)
    minimum, _, _, exact = price(adjacency, profs, limits, y, time.perf_counter() + 60)
    assert exact and minimum == pytest.approx(min(truth, 1.0))
    deadline = time.perf_counter() + 60
    _, capped, _, exact = price(adjacency, profs, limits, y, deadline, task_nodes=5)
    assert not exact
    assert all(is_job(job, profs, limits, adjacency) for job in capped)
    _, capped, _, _ = price(adjacency, profs, limits, y, deadline, task_nodes=200)
    assert capped and all(is_job(job, profs, limits, adjacency) for job in capped)


def test_pricing_computes_no_load_for_a_child_that_cannot_become_a_cheap_job() -> None:
    """A child is judged on its dual sum and its candidates before its load is computed:
    on short tasks most are cut there, so far fewer loads are computed than nodes
    searched (each load costs a dozen nodes), and the minimum stays that of brute force."""
    _, limits, profs, graph, adjacency = setting("short", 40, 2)
    every = enumerate_jobs(graph, profs, limits).jobs
    y = [0.15] * len(profs)
    memo = LoadMemo()
    minimum, _, nodes, exact = price(
        adjacency, profs, limits, y, time.perf_counter() + 60, memo=memo
    )
    assert exact and minimum == pytest.approx(min(sum(y[t] for t in job) for job in every))
    assert memo.misses < nodes / 4


def test_pricing_returns_the_cheap_jobs_it_passed_over_at_no_extra_nodes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Besides each task's cheapest job, the improving jobs a cheaper one replaced: real
    jobs below 1, on the same nodes and with the same minimum as without them."""
    import combibaan.solvers.colgen as colgen

    _, limits, profs, _, adjacency = setting("short", 40, 2)
    rng = random.Random(3)
    gained = 0
    for _ in range(4):
        y = [rng.choice((0.0, 0.1, 0.2, 0.3)) for _ in profs]
        deadline = time.perf_counter() + 60
        monkeypatch.setattr(colgen, "EXTRA_COLUMNS", 0)
        least, alone, nodes, exact = price(adjacency, profs, limits, y, deadline)
        monkeypatch.setattr(colgen, "EXTRA_COLUMNS", 3)
        minimum, found, more_nodes, more_exact = price(adjacency, profs, limits, y, deadline)
        assert (minimum, more_nodes, more_exact) == (least, nodes, exact)
        assert set(alone) <= set(found)
        assert len(found) <= 4 * len(adjacency)
        for job in found:
            assert is_job(job, profs, limits, adjacency)
            assert sum(y[t] for t in job) < 1.0
        gained += len(set(found) - set(alone))
    assert gained > 0


@pytest.mark.parametrize(
    ("family", "rules"),
    [
        ("short", Policy()),
        ("night", Policy(max_suppliers=1)),
        ("many", Policy(min_hours_per_day=3)),
        ("remote", Policy(max_span_hours=9)),
    ],
)
def test_depth_first_pricing_finds_the_cheapest_job_whatever_its_memo(
    family: str, rules: Policy
) -> None:
    """Round after round with one memo, as column generation does: the exact minimum of
    brute force, only real jobs below 1, and the same answers and steps as with none."""
    _, limits, profs, graph, adjacency = setting(family, 30, 5, rules)
    every = enumerate_jobs(graph, profs, limits).jobs
    assert every
    memo = LoadMemo()
    rng = random.Random(11)
    for _ in range(6):
        y = [rng.choice((0.0, 0.02, 0.1, 0.25, 0.5)) for _ in profs]
        truth = min(min(sum(y[t] for t in job) for job in every), 1.0)
        deadline = time.perf_counter() + 60
        remembered = price(adjacency, profs, limits, y, deadline, memo=memo)
        fresh = price(adjacency, profs, limits, y, deadline)
        assert remembered == fresh
        minimum, found, _, exact = remembered
        assert exact and minimum == pytest.approx(truth)
        assert all(is_job(job, profs, limits, adjacency) for job in found)
        assert all(sum(y[t] for t in job) < 1.0 for job in found)
        assert all(list(job) == sorted(job) for job in found)
    assert memo.hits > 0


def test_the_memo_switches_itself_off_where_sets_do_not_come_back(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A first round meets every set once: with a trial that short the memo sees no hits,
    switches off and frees what it held; the answers stay the same."""
    from combibaan.solvers import colgen

    _, limits, profs, _, adjacency = setting("short", 30, 5)
    monkeypatch.setattr(colgen, "MEMO_TRIAL", 10)
    memo = LoadMemo()
    y = [0.1] * len(profs)
    deadline = time.perf_counter() + 60
    first = price(adjacency, profs, limits, y, deadline, memo=memo)
    assert memo.off and not memo.loads and memo.misses >= 10
    assert price(adjacency, profs, limits, y, deadline, memo=memo) == first
    assert not memo.loads


@pytest.mark.parametrize("family", ["short", "units", "night"])
def test_column_generation_on_a_budget_repeats_and_stays_above_the_optimum(family: str) -> None:
    rules = Policy(min_hours=25.5) if family == "units" else Policy()
    _, limits, profs, graph, adjacency = setting(family, 40, 4, rules)
    start = greedy_jobs(graph, profs, limits)
    runs = [
        lp_bound(adjacency, profs, limits, start, time.perf_counter() + 120, budget=budget)
        for budget in (0.05, 0.05, None)
    ]
    assert not any(run.clock_cut for run in runs)
    assert (runs[0].jobs_bound, runs[0].pool) == (runs[1].jobs_bound, runs[1].pool)
    assert runs[2].converged
    most = most_jobs(graph, profs, limits)
    for run in runs:
        assert run.jobs_bound is None or run.jobs_bound >= most


@pytest.mark.parametrize("family", ["short", "remote"])
def test_dive_and_master_give_disjoint_jobs_within_the_bound(family: str) -> None:
    instance, limits, profs, graph, adjacency = setting(family, 60, 5)
    start = greedy_jobs(graph, profs, limits)
    bound = lp_bound(adjacency, profs, limits, start, time.perf_counter() + 120)
    dived = dive(adjacency, profs, limits, bound.pool, 30.0, time.perf_counter() + 120)
    assert not dived.clock_cut
    assert_packing(dived.jobs, profs, limits, adjacency)
    assert bound.jobs_bound is not None and len(dived.jobs) <= bound.jobs_bound

    def cost(job: tuple[int, ...]) -> int:
        return job_burden(instance, job)

    master = restricted_master(
        [*bound.pool, *dived.priced],
        start,
        profs,
        cost,
        work=5.0,
        deadline=time.perf_counter() + 60,
    )
    assert_packing(master.jobs, profs, limits, adjacency)
    assert score(master.jobs, profs, cost) >= score(start, profs, cost)
    assert len(master.jobs) <= bound.jobs_bound


@pytest.mark.parametrize("adapt", [True, False])
def test_the_dive_fixes_more_per_step_where_its_pricing_would_run_out(
    monkeypatch: pytest.MonkeyPatch, adapt: bool
) -> None:
    # Triangles of pairs: the LP takes every pair at one half, so each step fixes a
    # share of the value (a pair of some triangles) and the dive takes many steps. The
    # pricing costs the square of the tasks left to pair (as :func:`dive._fix_share`
    # assumes), a third of the budget at first: at the fixed share of 0.1 it runs out,
    # the adapted share lasts.
    n, budget = 300, 30.0
    calls: list[int] = []

    def pricing(adjacency, profiles, limits, free, duals, meter, *rest):  # type: ignore[no-untyped-def]
        left = set(free)
        calls.append(sum(1 for t in free if adjacency[t] & left))  # tasks in some job
        meter.charge(budget / 3 * (calls[-1] / n) ** 2)
        return []

    monkeypatch.setattr(diving, "_reprice", pricing)
    if not adapt:
        monkeypatch.setattr(diving, "_fix_share", lambda share, *rest: share)
    triangles = [(t, t + 1, t + 2) for t in range(0, n, 3)]
    adjacency = {t: set(tri) - {t} for tri in triangles for t in tri}
    pool = [pair for a, b, c in triangles for pair in ((a, b), (a, c), (b, c))]
    outcome = dive(adjacency, [], Limits.of(Policy()), pool, budget, time.perf_counter() + 60)
    assert not outcome.clock_cut
    # A pair of every triangle.
    assert sorted(job[0] // 3 for job in outcome.jobs) == list(range(n // 3))
    # Every step priced the free tasks, or only some of them did.
    assert (len(calls) == outcome.steps) is adapt
    assert outcome.work <= budget + 1.0 or not adapt


@pytest.mark.parametrize(
    ("share", "step", "left", "kept"),
    [(0.1, 1.0, 100.0, True), (0.1, 10.0, 30.0, False), (0.5, 10.0, 2.0, False)],
)
def test_the_fix_share_fits_the_steps_left_into_the_budget(
    share: float, step: float, left: float, kept: bool
) -> None:
    # A step at ``share`` took a tenth of the free tasks, as many as the share.
    grown = diving._fix_share(share, step, left, 1000, round(1000 * (1 - share)))
    assert (grown == share) is kept
    assert share <= grown <= 1.0
    # Taking that many more tasks a step, the steps left fit (with the margin), or the
    # whole value is fixed at once.
    q = (1 - grown) ** 2
    assert step * diving.MARGIN * q / (1 - q) <= left + 1e-9 or grown == 1.0
    assert diving._fix_share(share, 0.0, left, 1000, 900) == share
    assert diving._fix_share(share, step, left, 1000, 1000) == share


def test_local_search_takes_only_what_scores_at_least_as_well() -> None:
    instance, limits, profs, graph, adjacency = setting("campus", 60, 1)
    start = greedy_jobs(graph, profs, limits)

    def cost(job: tuple[int, ...]) -> int:
        return job_burden(instance, job)

    search = LocalSearch(adjacency, profs, limits, start, cost)
    assert not search.offer(start[:-1])
    assert search.offer(start)
    outcome = search.run(0.5, time.perf_counter() + 60)
    assert outcome.work >= 0.5 and outcome.steps > 0
    assert score(search.jobs, profs, cost) >= score(start, profs, cost)
    assert_packing(search.jobs, profs, limits, adjacency)


@pytest.mark.parametrize(
    ("family", "n", "second_process"),
    [("short", 80, False), ("campus", 150, False), ("short", 80, True)],
)
def test_large_path_gives_the_same_jobs_twice(
    family: str, n: int, second_process: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same instance and seed give the same jobs through the large path, also when
    the bound runs in a second process (whose bounds arrive at varying moments).

    The budget is a small share of the time limit, so that a busy test machine
    (whose wall clock would cut the run short) does not decide the outcome.
    """
    if second_process and not background.available():
        pytest.skip("the bound process needs Linux and 2 cores")
    monkeypatch.setattr(large, "USABLE", 0.15)
    if second_process:
        monkeypatch.setattr(large, "BACKGROUND_FROM", 0)
    instance = family_instance(family, n, 6)
    runs = [combibaan.solve(instance, time_limit=20, seed=2, strategy="large") for _ in range(2)]
    for run in runs:
        assert_sound(run)
        assert run.statistics.method == "lns"
        assert not run.statistics.wall_clock_cut
    first, second = ([job.task_ids for job in run.solution.jobs] for run in runs)
    assert first == second
    assert runs[0].jobs_bound == runs[1].jobs_bound


def test_a_wall_clock_cut_is_reported() -> None:
    """A time limit far below what the budget needs: the wall clock decides, and says so."""
    instance = family_instance("short", 150, 1)
    found = large.solve_large(
        *_large_inputs(instance),
        started=time.perf_counter(),
        deadline=time.perf_counter() + 0.5,
        fallback_bound=10**6,
        time_limit=60.0,
    )
    assert found.wall_clock_cut and not found.interrupted
    assert found.jobs


def _large_inputs(instance: Instance):  # type: ignore[no-untyped-def]
    rules = Policy()
    limits, profs = Limits.of(rules), profiles(instance)
    graph = compatibility_graph(instance, rules, profs)
    start = greedy_jobs(graph, profs, limits)
    return graph, profs, limits, start, lambda job: job_burden(instance, job)


@pytest.mark.parametrize(("family", "seed"), [("short", 2), ("campus", 1), ("many", 3)])
def test_enumeration_under_a_price_limit_is_the_cheap_part_of_all(family: str, seed: int) -> None:
    """With task prices, exactly the minimal jobs whose prices stay under the limit."""
    _, limits, profs, graph, _ = setting(family, 30, seed)
    rng = random.Random(seed)
    prices = [rng.choice([0.0, 0.1, 0.25, 0.5]) for _ in profs]
    every = enumerate_jobs(graph, profs, limits, minimal=True).jobs
    for limit in (0.0, 0.5, 1.0):
        cheap = enumerate_jobs(
            graph, profs, limits, minimal=True, prices=prices, price_limit=limit + 1e-9
        )
        assert cheap.complete
        expected = [job for job in every if sum(prices[t] for t in job) <= limit + 1e-9]
        assert sorted(cheap.jobs) == sorted(expected)


def test_a_set_priced_out_of_the_minimum_hours_is_not_grown() -> None:
    """Candidates with hours enough but not the price room for them: the set is pruned;
    a fractional candidate counts in part (a knapsack's bound), never more."""
    from combibaan.solvers.enumeration import _out_of_reach

    limits = Limits.of(Policy())  # at least 20 h a week
    minutes, price = [360, 360, 360], [0.5, 0.5, 0.0]
    have = 10 * 60
    # Two tasks of 6 h: 22 h in all, but a room of 0.6 pays for 6 h and a fifth of 6 h.
    assert _out_of_reach(limits, have, [0, 1], minutes, price, 0.6)
    assert not _out_of_reach(limits, have, [0, 1], minutes, price, 1.0)
    # Free minutes come first: 9 h, 6 h free and 5 h of the next one's 6 (0.417) are 20 h.
    assert not _out_of_reach(limits, have - 60, [0, 2], minutes, price, 0.42)
    assert _out_of_reach(limits, have - 60, [0, 2], minutes, price, 0.41)
    # Without the hours at all, no price helps.
    assert _out_of_reach(limits, 60, [0, 1], minutes, price, 5.0)


@pytest.mark.parametrize(
    ("total", "unused", "settled"), [(60.0, 0.0, True), (0.1, 0.0, False), (0.1, 15.0, True)]
)
def test_the_count_is_settled_where_the_search_stops_one_short(
    total: float, unused: float, settled: bool
) -> None:
    """Column generation's bound sits one job above a packing: the jobs under the LP's
    threshold hold a packing that reaches the bound, and settling finds it, on its own
    share of the budget or on the share column generation left ``unused``."""
    instance, limits, profs, graph, adjacency = setting("short", 60, 2)
    start = greedy_jobs(graph, profs, limits)
    bound = lp_bound(adjacency, profs, limits, start, time.perf_counter() + 120)
    best = most_jobs(graph, profs, limits)
    assert bound.jobs_bound == best  # tight on this list; the search must reach it
    short_of_it = restricted_master(
        bound.pool,
        start,
        profs,
        lambda job: job_burden(instance, job),
        work=60.0,
        deadline=time.perf_counter() + 120,
    ).jobs[: best - 1]

    def cost(job: tuple[int, ...]) -> int:
        return job_burden(instance, job)

    search = LocalSearch(adjacency, profs, limits, short_of_it, cost)
    run = large._Run(search, best, total, time.perf_counter(), time.perf_counter() + 120, None)
    run.pool = list(bound.pool)
    run.proven = bound.jobs_bound
    proven = large.Prices(bound.prices, sum(bound.prices.values()))
    run.settle_count(graph, limits, proven, unused=unused)
    assert len(search.jobs) == (best if settled else best - 1)
    assert_packing(search.jobs, profs, limits, adjacency)
    assert run.spent > 0


def test_the_large_path_says_it_stopped_with_the_count_proven() -> None:
    """The large path proves no hours and stops a few steps after its jobs meet the bound:
    that is no time limit (five one-task jobs said "stopped: time limit" after 0.0 s)."""
    rows = [(f"T{i}", "Asito", "ma-vr", "08:00", "12:00") for i in range(5)]
    frame = pd.DataFrame(rows, columns=["task_id", "supplier", "days", "start", "end"])
    instance = combibaan.read_instance(frame.assign(location="Hoofdgebouw"))
    result = combibaan.solve(instance, time_limit=5, strategy="large")
    assert (result.num_jobs, result.jobs_bound, result.jobs_status) == (5, 5, "optimal")
    assert (result.status, result.stopped) == ("feasible", "count_proven")
    assert result.how_stopped("en") == "count proven; stopped after a last search for hours"
    assert combibaan.check_result(result) == []
    # The exact path proves the hours too.
    assert combibaan.solve(instance, time_limit=5).stopped == "proven"
    # Its budget spent before the search for hours ended: the time limit, count proven
    # or not (more time may place more hours).
    folder = ROOT / "instances" / "indoor"
    indoor = combibaan.read_instance(folder / "tasks.csv", folder / "travel.csv")
    short = combibaan.solve(indoor, time_limit=0.5, strategy="large")
    assert (short.jobs_status, short.stopped) == ("optimal", "time_limit")
    assert combibaan.solve(indoor, time_limit=10, strategy="large").stopped == "count_proven"
