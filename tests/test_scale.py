"""The large-instance strategy: honest bounds, sound proposals, same edges, interruptible.

The large path (column-generation bound + large-neighbourhood search) is forced
with ``strategy="large"`` on instances small enough to solve exactly, so its
bound can be held against the proven optimum.
"""

from __future__ import annotations

import random
import time

import pytest
from conftest import random_instance, random_policy, solve_checked

from combibaan.generate import generate
from combibaan.io import read_instance
from combibaan.model import Instance
from combibaan.rules import Limits, Policy, profiles
from combibaan.solvers import background, compatibility
from combibaan.solvers.colgen import lp_bound, price
from combibaan.solvers.compatibility import compatibility_graph
from combibaan.solvers.enumeration import enumerate_jobs
from combibaan.solvers.greedy import greedy_jobs
from combibaan.solvers.lns import improve, score
from combibaan.solvers.strategies.base import job_burden


def generated(n: int, seed: int, campuses: int = 1) -> Instance:
    tasks, travel = generate(n, seed, campuses=campuses)
    return read_instance(tasks, travel=travel, name=f"g{n}-{seed}")


@pytest.mark.parametrize(("n", "seed"), [(20, 1), (30, 2), (40, 3), (60, 4)])
def test_lns_bound_never_below_the_exact_optimum(n: int, seed: int) -> None:
    instance = generated(n, seed)
    exact = solve_checked(instance, Policy(), strategy="exact")
    assert exact.status == "optimal"
    large = solve_checked(instance, Policy(), strategy="large", time_limit=1.5)
    assert large.statistics.method == "lns"
    assert large.jobs_bound is not None
    assert large.num_jobs <= exact.num_jobs <= large.jobs_bound


@pytest.mark.parametrize("seed", range(8))
def test_lns_on_random_rules_is_sound_and_bounded(seed: int) -> None:
    rng = random.Random(seed)
    instance, rules = random_instance(rng, rng.randint(6, 12)), random_policy(rng)
    exact = solve_checked(instance, rules, strategy="exact")
    large = solve_checked(instance, rules, strategy="large", time_limit=1.0)
    assert large.jobs_bound is not None and large.jobs_bound >= exact.num_jobs
    assert exact.jobs_bound is not None and exact.jobs_bound >= exact.num_jobs


@pytest.mark.parametrize("seed", range(4))
def test_pricing_finds_the_true_cheapest_job(seed: int) -> None:
    """The pricing search against every job enumerated, for random dual values."""
    rng = random.Random(seed)
    instance = generated(30, seed + 10)
    rules = Policy()
    limits, profs = Limits.of(rules), profiles(instance)
    graph = compatibility_graph(instance, rules, profs)
    adjacency = {v: set(graph[v]) for v in graph}
    every = enumerate_jobs(graph, profs, limits).jobs
    y = [rng.choice((0.0, 0.1, 0.3, 0.5, 0.9)) for _ in profs]
    truth = min((sum(y[t] for t in job) for job in every), default=1.0)
    found, jobs, _, _ = price(adjacency, profs, limits, y, time.perf_counter() + 30)
    assert found == pytest.approx(min(truth, 1.0))
    assert all(sum(y[t] for t in job) < 1.0 for job in jobs)


def test_column_generation_matches_the_lp_over_all_jobs() -> None:
    """On 60 tasks the converged bound is the LP over every job, rounded down."""
    instance = generated(60, 5)
    rules = Policy()
    limits, profs = Limits.of(rules), profiles(instance)
    graph = compatibility_graph(instance, rules, profs)
    adjacency = {v: set(graph[v]) for v in graph}
    start = greedy_jobs(graph, profs, limits)
    outcome = lp_bound(adjacency, profs, limits, start, time.perf_counter() + 30)
    assert outcome.converged
    exact = solve_checked(instance, rules, strategy="exact")
    assert exact.num_jobs <= outcome.jobs_bound <= outcome.lp_value + 1e-6


def test_search_never_worsens_the_greedy_start() -> None:
    instance = generated(150, 1)
    rules = Policy()
    limits, profs = Limits.of(rules), profiles(instance)
    graph = compatibility_graph(instance, rules, profs)
    adjacency = {v: set(graph[v]) for v in graph}
    start = greedy_jobs(graph, profs, limits)

    def cost(column: tuple[int, ...]) -> int:
        return job_burden(instance, column)

    found = improve(adjacency, profs, limits, start, cost, time.perf_counter() + 2.0)
    assert score(found.jobs, profs, cost) >= score(start, profs, cost)
    members = [t for job in found.jobs for t in job]
    assert len(members) == len(set(members))


RULES = [
    Policy(),
    Policy(max_suppliers=1, travel_minutes=30, max_span_hours=None),
    Policy(max_hours_per_day=5),
    Policy(max_days=3, max_locations=1, max_gap_hours=1),
    Policy(max_locations=2, max_days=5, max_suppliers=3),
]


@pytest.mark.parametrize("rules", RULES)
def test_vectorised_graph_has_the_same_edges(rules: Policy, monkeypatch) -> None:
    instance = generated(240, 7, campuses=3)
    profs = profiles(instance)
    monkeypatch.setattr(compatibility, "FAST_FROM", 10**9)  # the pure-Python reference
    slow = compatibility.compatibility_graph(instance, rules, profs)
    monkeypatch.setattr(compatibility, "FAST_FROM", 0)  # every pair test vectorised
    fast = compatibility.compatibility_graph(instance, rules, profs, forbidden=[(0, 1), (2, 3)])
    assert set(fast.nodes) == set(slow.nodes)
    expected = {frozenset(e) for e in slow.edges} - {frozenset((0, 1)), frozenset((2, 3))}
    assert {frozenset(e) for e in fast.edges} == expected


def test_time_limit_returns_a_sound_proposal() -> None:
    instance = generated(300, 1)
    result = solve_checked(instance, Policy(), time_limit=1.0)
    assert result.statistics.method == "lns"
    assert result.num_jobs >= result.statistics.greedy_jobs
    assert result.jobs_bound is not None and result.jobs_bound >= result.num_jobs


def test_progress_is_fed_by_the_large_path() -> None:
    seen: list[tuple[int, int | None]] = []
    solve_checked(
        generated(300, 2),
        Policy(),
        time_limit=2.0,
        progress=lambda jobs, bound, seconds: seen.append((jobs, bound)),
    )
    assert seen and all(bound is not None and jobs <= bound for jobs, bound in seen)


@pytest.mark.skipif(not background.available(), reason="the bound process needs Linux and 2 cores")
def test_background_bound_equals_the_inline_bound() -> None:
    instance = generated(60, 5)
    rules = Policy()
    limits, profs = Limits.of(rules), profiles(instance)
    graph = compatibility_graph(instance, rules, profs)
    adjacency = {v: set(graph[v]) for v in graph}
    start = greedy_jobs(graph, profs, limits)
    inline = lp_bound(adjacency, profs, limits, start, time.perf_counter() + 30)
    running = background.BackgroundBound(
        adjacency, profs, limits, start, (30.0, 1.0), time.perf_counter() + 60
    )
    done = running.result(time.perf_counter() + 60)
    running.close()
    assert done is not None and done.converged
    assert done.jobs_bound == inline.jobs_bound
