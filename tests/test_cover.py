"""Cover mode's model (solvers/cover.py) against brute force on tiny lists."""

from __future__ import annotations

import itertools
import random
import time
from functools import cache

import pytest
from conftest import make_instance, make_task, policy

from combibaan.rules import Limits
from combibaan.rules.facts import profiles as profiles_of
from combibaan.solvers.compatibility import compatibility_graph
from combibaan.solvers.cover import Holder, most_at_once, solve_cover
from combibaan.solvers.cover_bound import CoveringBound
from combibaan.solvers.cover_heuristic import at_once, week_pieces
from combibaan.solvers.enumeration import enumerate_jobs

SUPPLIERS = ("Asito", "Sodexo", "Maas")
DAYS = ("ma-vr", "ma,wo,vr", "di,do", "ma-za")


def random_instance(seed: int, n: int):
    rng = random.Random(seed)
    tasks = []
    for k in range(n):
        start = rng.randrange(6 * 60, 19 * 60, 30)
        length = rng.choice((60, 90, 120, 180))
        end = start + length
        times = f"{start // 60:02d}:{start % 60:02d}-{end // 60:02d}:{end % 60:02d}"
        spec = f"{rng.choice(DAYS)} {times}"
        tasks.append(make_task(f"T{k:02d}", rng.choice(SUPPLIERS), spec))
    return make_instance(*tasks)


def fewest_jobs(jobs: list[tuple[int, ...]], n: int) -> int | None:
    """The fewest disjoint jobs that cover tasks 0..n-1 exactly (None: none do)."""
    holding: dict[int, list[int]] = {}
    for job in jobs:
        mask = sum(1 << t for t in job)
        for t in job:
            holding.setdefault(t, []).append(mask)

    @cache
    def best_any(covered: int) -> float:
        if covered == (1 << n) - 1:
            return 0
        first = next(t for t in range(n) if not covered >> t & 1)
        options = [1 + best_any(covered | m) for m in holding.get(first, []) if not covered & m]
        return min(options, default=float("inf"))

    value = best_any(0)
    return None if value == float("inf") else int(value)


@pytest.mark.parametrize("seed", range(12))
def test_anonymous_cover_is_the_fewest_jobs(seed: int) -> None:
    instance = random_instance(seed, 8)
    rules = policy(min_hours=3, max_hours=20, max_hours_per_day=6, max_span_hours=8)
    profiles = profiles_of(instance)
    limits = Limits.of(rules)
    graph = compatibility_graph(instance, rules, profiles)
    every = enumerate_jobs(graph, profiles, limits)
    assert every.complete
    expected = fewest_jobs(every.jobs, len(profiles))
    found = solve_cover(graph, profiles, limits, None, time_limit=20)
    if expected is None:
        assert found.status == "infeasible"
        return
    assert found.status == "optimal"
    assert len(found.jobs) == expected
    assert sorted(t for job in found.jobs for t in job) == list(range(len(profiles)))
    assert set(found.jobs) <= set(every.jobs)  # every job keeps every rule
    assert found.lower_bound <= expected


def fewest_held(jobs: list[tuple[int, ...]], eligible: list[frozenset[int]], n: int) -> int | None:
    """The fewest disjoint jobs that cover tasks 0..n-1, each held by its own slot that
    may hold all of its tasks (None: none do)."""

    @cache
    def best(covered: int, used: int) -> float:
        if covered == (1 << n) - 1:
            return 0
        first = next(t for t in range(n) if not covered >> t & 1)
        options = [
            1 + best(covered | sum(1 << t for t in job), used | 1 << k)
            for job in jobs
            if first in job and not any(covered >> t & 1 for t in job)
            for k, tasks in enumerate(eligible)
            if not used >> k & 1 and set(job) <= tasks
        ]
        return min(options, default=float("inf"))

    value = best(0, 0)
    return None if value == float("inf") else int(value)


@pytest.mark.parametrize("seed", range(8))
@pytest.mark.parametrize("rules_on", [False, True])
def test_candidate_cover_is_the_fewest_jobs(seed: int, rules_on: bool) -> None:
    """Candidates (slots) that may each hold some of the tasks: with every rule off the
    greedy cover and the neighbourhood search run, with rules on the whole model."""
    instance = random_instance(100 + seed, 8)
    rules = policy(max_hours=20, max_hours_per_day=6, max_span_hours=8) if rules_on else policy()
    profiles = profiles_of(instance)
    limits = Limits.of(rules)
    graph = compatibility_graph(instance, rules, profiles)
    every = enumerate_jobs(graph, profiles, limits)
    assert every.complete
    rng = random.Random(seed)
    eligible = [frozenset(t for t in range(8) if rng.random() < 0.6) for _ in range(6)]
    expected = fewest_held(every.jobs, eligible, len(profiles))
    found = solve_cover(graph, profiles, limits, [Holder(e) for e in eligible], time_limit=20)
    if expected is None:
        assert found.status in ("infeasible", "unknown") and not found.jobs
        return
    assert found.status == "optimal"
    assert len(found.jobs) == expected
    assert sorted(t for job in found.jobs for t in job) == list(range(len(profiles)))
    assert set(found.jobs) <= set(every.jobs)
    assert len(set(found.holders)) == len(found.holders)
    assert all(set(job) <= eligible[k] for k, job in zip(found.holders, found.jobs, strict=True))
    assert found.lower_bound <= expected


def test_candidates_hold_only_their_tasks_and_hours() -> None:
    instance = make_instance(
        make_task("A", "Asito", "ma-vr 07:00-09:00"),
        make_task("B", "Asito", "ma-vr 08:00-10:00"),
        make_task("C", "Sodexo", "ma-vr 10:30-12:00"),
    )
    rules = policy(min_hours=None, max_hours=None, max_span_hours=None)
    profiles = profiles_of(instance)
    limits = Limits.of(rules)
    graph = compatibility_graph(instance, rules, profiles)
    # K0 may do A and C; K1 only B; K2 anything but at most 5 h a week.
    holders = [
        Holder(frozenset({0, 2})),
        Holder(frozenset({1})),
        Holder(frozenset({0, 1, 2}), max_minutes=300),
    ]
    found = solve_cover(graph, profiles, limits, holders, time_limit=10)
    assert found.status == "optimal" and len(found.jobs) == 2
    assert dict(zip(found.holders, found.jobs, strict=True)) == {0: (0, 2), 1: (1,)}
    # Nobody may do B: no cover, and B is named.
    found = solve_cover(graph, profiles, limits, holders[:1], time_limit=10)
    assert found.status == "infeasible" and found.uncoverable == (1,)


def test_tasks_running_at_once_are_the_lower_bound() -> None:
    instance = make_instance(
        make_task("A", "Asito", "ma 07:00-09:00"),
        make_task("B", "Asito", "ma 08:00-10:00"),
        make_task("C", "Asito", "ma 08:30-09:30"),
        make_task("D", "Asito", "ma 09:00-11:00"),
        make_task("E", "Asito", "zo 23:00-01:00"),
        make_task("F", "Asito", "ma 00:30-02:00"),
    )
    profiles = profiles_of(instance)
    cliques = most_at_once(profiles, range(len(profiles)))
    assert frozenset({0, 1, 2}) in cliques and frozenset({1, 2, 3}) in cliques
    assert frozenset({4, 5}) in cliques  # Sunday night runs into Monday
    assert all(not a < b for a, b in itertools.permutations(cliques, 2))


def clash(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> bool:
    """Whether two tasks' week pieces run at one moment (half-open time)."""
    return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in b)


def fewest_slots(pieces: dict[int, list[tuple[int, int]]], eligible: list[frozenset[int]]) -> int:
    """The fewest slots that hold every task, each slot a set of its tasks that never
    clash (brute force over slots and the subsets of their tasks)."""
    n = len(pieces)

    @cache
    def best(covered: int, k: int) -> float:
        if covered == (1 << n) - 1:
            return 0
        if k == len(eligible):
            return float("inf")
        mine = sorted(eligible[k])
        options = [best(covered, k + 1)]
        for size in range(1, len(mine) + 1):
            for chosen in itertools.combinations(mine, size):
                if any(clash(pieces[a], pieces[b]) for a, b in itertools.combinations(chosen, 2)):
                    continue
                options.append(1 + best(covered | sum(1 << t for t in chosen), k + 1))
        return min(options)

    return int(best(0, 0))


def tiny_week(seed: int) -> tuple[dict[int, list[tuple[int, int]]], list[frozenset[int]]]:
    """Seven tasks, some running past Sunday midnight, some with two slots a week; seven
    slots that may each hold some of them, slot ``k`` task ``k`` at least."""
    rng = random.Random(seed)
    specs = []
    for _ in range(7):
        shape = rng.random()
        if shape < 0.3:
            spec = f"zo {rng.choice((21, 22, 23))}:00-{rng.choice((0, 1, 2)):02d}:30"
        elif shape < 0.5:
            spec = f"ma 0{rng.choice((0, 1))}:00-0{rng.choice((2, 3))}:00"
        elif shape < 0.75:
            hour, day = rng.choice((8, 9, 10)), rng.choice(("ma", "di", "zo"))
            spec = f"ma {hour:02d}:00-{hour + 2:02d}:00; {day} 09:00-11:00"
        else:
            hour = rng.choice((8, 9, 10, 11))
            spec = f"{rng.choice(('ma', 'di'))} {hour:02d}:00-{hour + 1:02d}:30"
        specs.append(spec)
    instance = make_instance(*(make_task(f"T{k}", "Asito", s) for k, s in enumerate(specs)))
    pieces = {t: week_pieces(p) for t, p in enumerate(profiles_of(instance))}
    eligible = [frozenset(t for t in range(7) if t == k or rng.random() < 0.4) for k in range(7)]
    return pieces, eligible


@pytest.mark.parametrize("seed", range(25))
def test_covering_bound_never_exceeds_the_fewest_slots(seed: int) -> None:
    pieces, eligible = tiny_week(seed)
    optimum = fewest_slots(pieces, eligible)
    deadline = time.perf_counter() + 30
    for columns in ([], [(k, sorted(e)[:1]) for k, e in enumerate(eligible)]):
        found = CoveringBound(pieces, sorted(pieces), eligible, columns, at_least=0, at_most=7)
        found.run(100.0, deadline)
        assert found.finished and found.value <= optimum


def test_covering_bound_beats_the_tasks_at_once() -> None:
    """Five workers, each the only one who may do its tasks (a pair or one): never two
    tasks at once, so the tasks-at-once bound is 1; the covering bound is 5."""
    hours = [f"ma {8 + 2 * k:02d}:00-{9 + 2 * k:02d}:00" for k in range(8)]
    instance = make_instance(*(make_task(f"T{k}", "Asito", h) for k, h in enumerate(hours)))
    profiles = profiles_of(instance)
    pieces = {t: week_pieces(p) for t, p in enumerate(profiles)}
    assert not at_once(pieces, range(8))  # never two tasks at once
    eligible = [frozenset(pair) for pair in ({0, 1}, {2, 3}, {4, 5}, {6}, {7})]
    found = CoveringBound(pieces, range(8), eligible, [], at_least=1, at_most=8)
    found.run(10.0, time.perf_counter() + 30)
    assert found.value == 5
    rules = policy()
    graph = compatibility_graph(instance, rules, profiles)
    holders = [Holder(e) for e in eligible]
    outcome = solve_cover(graph, profiles, Limits.of(rules), holders, time_limit=10)
    assert outcome.status == "optimal" and outcome.lower_bound == len(outcome.jobs) == 5
