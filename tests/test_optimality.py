"""The solver's optimum against brute force on tiny random instances.

The brute force shares nothing with the solver: every subset of tasks is judged
a job or not by the independent checker (``check_solution`` on a one-job
solution), and the best packing of those jobs is found by plain recursion over
bit masks. It compares the most jobs and, at that count, the most hours.
"""

from __future__ import annotations

import random
from functools import cache

import pytest
from conftest import minutes_placed, random_instance, random_policy, solve_checked

from combibaan.check import DAY_CODES, check_solution
from combibaan.model import Instance
from combibaan.rules import Policy


def is_job(instance: Instance, rules: Policy, members: list[int]) -> bool:
    """Whether these tasks form a valid job, by the checker's judgement alone."""
    tasks = [instance.tasks[i] for i in members]
    others = [t for i, t in enumerate(instance.tasks) if i not in members]
    document = {
        "status": "feasible",
        "jobs_bound": None,
        "policy": rules.to_dict(),
        "jobs": [
            {
                "job_id": "J",
                "task_ids": [t.id for t in tasks],
                "suppliers": sorted({t.supplier for t in tasks}),
                "hours_per_week": sum(t.minutes_per_week for t in tasks) / 60,
                "days": [DAY_CODES[d] for d in sorted({s.day for t in tasks for s in t.slots})],
            }
        ],
        "unassigned": [{"task_id": t.id, "reason": "-"} for t in others],
    }
    return check_solution(instance, document) == []


def feasible_jobs(instance: Instance, rules: Policy) -> list[int]:
    """Every valid job as a bit mask of task indices."""
    n = len(instance.tasks)
    return [
        mask
        for mask in range(1, 1 << n)
        if is_job(instance, rules, [i for i in range(n) if mask >> i & 1])
    ]


def brute_force(instance: Instance, rules: Policy) -> tuple[int, int]:
    """The most jobs, and at that count the most minutes placed, over every packing."""
    n = len(instance.tasks)
    minutes = [t.minutes_per_week for t in instance.tasks]
    jobs = feasible_jobs(instance, rules)

    @cache
    def best(free: int) -> tuple[int, int]:
        if not free:
            return (0, 0)
        low = free & -free
        result = best(free & ~low)  # the lowest free task stays with its supplier
        for job in jobs:
            if job & low and job & free == job:
                rest = best(free & ~job)
                placed = sum(m for i, m in enumerate(minutes) if job >> i & 1)
                result = max(result, (rest[0] + 1, rest[1] + placed))
        return result

    return best((1 << n) - 1)


SEEDS = range(100)


@pytest.mark.parametrize("seed", SEEDS)
def test_solver_matches_brute_force(seed: int) -> None:
    rng = random.Random(seed)
    instance = random_instance(rng, rng.randint(4, 9))
    rules = random_policy(rng)
    expected = brute_force(instance, rules)

    result = solve_checked(instance, rules, time_limit=20, workers=1)
    assert result.status == "optimal"
    assert result.jobs_bound == result.num_jobs
    assert (result.num_jobs, minutes_placed(result)) == expected


def test_the_random_instances_are_not_trivial() -> None:
    """Guard the generator: most instances must allow jobs of several tasks, and some
    must leave a choice between overlapping jobs."""
    bundles = choices = 0
    for seed in SEEDS:
        rng = random.Random(seed)
        instance = random_instance(rng, rng.randint(4, 9))
        jobs = [job for job in feasible_jobs(instance, random_policy(rng)) if job & (job - 1)]
        bundles += bool(jobs)
        choices += any(a & b for i, a in enumerate(jobs) for b in jobs[i + 1 :])
    assert bundles >= len(SEEDS) // 2
    assert choices >= len(SEEDS) // 4


@pytest.mark.parametrize("seed", range(20))
def test_degraded_search_stays_honest(seed: int) -> None:
    """With room for one column only, the bound still covers the true optimum."""
    rng = random.Random(1000 + seed)
    instance = random_instance(rng, rng.randint(5, 9))
    rules = random_policy(rng)
    best_jobs, _ = brute_force(instance, rules)
    result = solve_checked(instance, rules, time_limit=5, workers=1, max_columns=1)
    assert result.num_jobs <= best_jobs <= result.jobs_bound
