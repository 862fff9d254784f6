"""The bound on jobs from the tasks' hours alone (bin covering): never below what any
grouping of the tasks reaches, never above the plain hours bound."""

from __future__ import annotations

import itertools
import random

import networkx as nx
from conftest import load_benchmark
from hypothesis import given, settings
from hypothesis import strategies as st

from combibaan.rules import Limits, Policy, Profile
from combibaan.solvers.hours_bound import hours_bound, jobs_by_minutes


def limits(least_hours: float, most_hours: float) -> Limits:
    return Limits.of(Policy(min_hours=least_hours, max_hours=most_hours))


def most_groups(minutes: list[int], least: int, most: int) -> int:
    """By brute force: the most disjoint groups of ``minutes``, each summing to between
    ``least`` and ``most`` (every assignment of each task to a group or to none)."""
    best = 0
    n = len(minutes)
    for labels in itertools.product(range(n + 1), repeat=n):
        sums: dict[int, int] = {}
        for m, label in zip(minutes, labels, strict=True):
            if label:
                sums[label] = sums.get(label, 0) + m
        if all(least <= s <= most for s in sums.values()):
            best = max(best, len(sums))
    return best


def test_tasks_that_cannot_fill_a_job_exactly() -> None:
    """Tasks of 12 h, jobs of 20-36 h: two or three to a job, so at most half of them,
    where the hours over the least say 60 %."""
    policy = limits(20, 36)
    assert jobs_by_minutes([720] * 10, policy) == 5
    assert sum([720] * 10) // policy.min_minutes == 6
    # Hours that add up exactly give the plain bound.
    assert jobs_by_minutes([600] * 10, policy) == 5
    # No group reaches the least: no job; a task longer than the most is in none.
    assert jobs_by_minutes([300, 300], policy) == 0
    assert jobs_by_minutes([2400, 2400, 600], policy) == 0
    # Without a least, every task may be a job of its own.
    assert jobs_by_minutes([60, 60, 60], Limits.of(Policy(min_hours=0))) == 3


SIZES = st.lists(st.sampled_from([60, 150, 300, 420, 450, 600, 720, 900, 1080]), max_size=6)


@settings(max_examples=120, deadline=None)
@given(minutes=SIZES, least=st.sampled_from([10, 12, 20, 25.5]), most=st.sampled_from([26, 36]))
def test_never_below_the_best_grouping_nor_above_the_plain_bound(
    minutes: list[int], least: float, most: float
) -> None:
    policy = limits(least, most)
    bound = jobs_by_minutes(minutes, policy)
    usable = [m for m in minutes if m <= policy.max_minutes]
    assert most_groups(minutes, policy.min_minutes, policy.max_minutes) <= bound
    assert bound <= sum(usable) // policy.min_minutes


def test_per_group_of_tasks_that_can_meet() -> None:
    """The graph's components are bounded apart: two tasks of 12 h that can never meet
    make no job, where together their 24 h would have counted one."""
    graph = nx.Graph()
    graph.add_nodes_from(range(4))
    graph.add_edge(0, 1)

    def profile(index: int, minutes: int) -> Profile:
        return Profile(index, 0, None, minutes, (), (), (), ())

    profiles = [profile(0, 720), profile(1, 720), profile(2, 720), profile(3, 720)]
    assert hours_bound(graph, profiles, limits(20, 36)) == 1


def test_the_benchmark_row_holds_both_bounds() -> None:
    """benchmarks/hours_bound.py measures the real bound on a generated list."""
    row = load_benchmark("hours_bound.py", "hours_bound_bench").measure("campus", 80, 1)
    family, tasks, seed, plain, bound, _, seconds = (c.strip() for c in row.strip("|").split("|"))
    assert (family, tasks, seed) == ("campus", "80", "1")
    assert 0 < int(bound) <= int(plain) and float(seconds) >= 0


def greedy_cover(minutes: list[int], least: int, most: int) -> int:
    """Groups of a first-fit covering, each within [least, most]: a count any bound must
    reach (the longest task left, then the shortest until the group reaches least)."""
    left = sorted(m for m in minutes if m <= most)
    groups = 0
    while left:
        total = left.pop()
        while total < least and left:
            total += left.pop(0)
        if least <= total <= most:
            groups += 1
    return groups


def test_on_hundreds_of_lengths_between_a_covering_and_the_plain_bound() -> None:
    rng = random.Random(1)
    policy = limits(20, 36)
    for count, step in ((300, 1), (1000, 15)):
        minutes = [rng.randint(60, 2000) // step * step for _ in range(count)]
        bound = jobs_by_minutes(minutes, policy)
        plain = sum(m for m in minutes if m <= policy.max_minutes) // policy.min_minutes
        assert greedy_cover(minutes, policy.min_minutes, policy.max_minutes) <= bound < plain
    # Lengths to the minute in their thousands: the plain bound, not a long computation.
    minutes = [rng.randint(60, 2000) for _ in range(5000)]
    plain = sum(m for m in minutes if m <= policy.max_minutes) // policy.min_minutes
    assert jobs_by_minutes(minutes, policy) == plain
