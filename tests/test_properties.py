"""Properties every solve must have, on random small instances and random policies.

Instances mix suppliers, days, times past midnight (Sunday night into Monday
too), locations inside and outside a random travel table; policies switch
random rules off. Hypothesis drives the random generator of ``conftest``.
"""

from __future__ import annotations

import json
import random

from conftest import (
    assert_sound,
    make_instance,
    minutes_placed,
    random_instance,
    random_policy,
    solve_checked,
    with_windows,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from combibaan import check_solution
from combibaan.rules import POLICY_KEYS

FAST = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


@FAST
@given(
    rng=st.randoms(use_true_random=False),
    size=st.integers(1, 12),
    lang=st.sampled_from(["nl", "en"]),
    max_columns=st.sampled_from([400_000, 400_000, 3, 1]),
)
def test_every_solution_is_sound(
    rng: random.Random, size: int, lang: str, max_columns: int
) -> None:
    instance = random_instance(rng, size)
    rules = random_policy(rng)
    result = solve_checked(instance, rules, time_limit=5, workers=1, max_columns=max_columns)
    # What lands in solution.json, read back as the command line's check does.
    document = json.loads(result.to_json(lang=lang))
    assert check_solution(instance, document) == []
    assert document["policy"] == rules.to_dict()
    if max_columns == 400_000:
        assert result.status == "optimal"


@FAST
@given(
    rng=st.randoms(use_true_random=False),
    size=st.integers(2, 9),
    rule=st.sampled_from(POLICY_KEYS),
)
def test_switching_a_rule_off_never_costs_a_job(rng: random.Random, size: int, rule: str) -> None:
    instance = random_instance(rng, size)
    rules = random_policy(rng)
    strict = solve_checked(instance, rules, time_limit=10, workers=1)
    relaxed = solve_checked(instance, rules.replace(**{rule: None}), time_limit=10, workers=1)
    assert strict.status == relaxed.status == "optimal"
    assert relaxed.num_jobs >= strict.num_jobs
    if relaxed.num_jobs == strict.num_jobs:
        assert minutes_placed(relaxed) >= minutes_placed(strict)


@FAST
@given(rng=st.randoms(use_true_random=False), size=st.integers(2, 10))
def test_the_order_of_the_task_list_does_not_matter(rng: random.Random, size: int) -> None:
    instance = random_instance(rng, size)
    rules = random_policy(rng)
    tasks = list(instance.tasks)
    rng.shuffle(tasks)
    shuffled = make_instance(
        *tasks, travel=[(e.origin, e.destination, e.minutes) for e in instance.travel]
    )
    first = solve_checked(instance, rules, time_limit=10, workers=1)
    second = solve_checked(shuffled, rules, time_limit=10, workers=1)
    assert first.status == second.status == "optimal"
    assert (first.num_jobs, minutes_placed(first)) == (second.num_jobs, minutes_placed(second))


@FAST
@given(rng=st.randoms(use_true_random=False), size=st.integers(1, 10))
def test_a_tiny_time_limit_still_gives_a_sound_answer(rng: random.Random, size: int) -> None:
    instance = random_instance(rng, size)
    result = solve_checked(instance, random_policy(rng), time_limit=0.01, workers=1)
    assert_sound(result)


# Lists of the random generator above, not of ``combibaan generate``: larger, under a
# random policy over every rule, some with windows, on the large path.
LARGE_LISTS = settings(
    max_examples=4,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=True,
)


@LARGE_LISTS
@given(rng=st.randoms(use_true_random=False), windows=st.booleans())
def test_the_large_path_is_sound_on_random_lists_and_policies(
    rng: random.Random, windows: bool
) -> None:
    instance = random_instance(rng, rng.choice((60, 90, 120)))
    if windows:
        instance = with_windows(rng, instance)
    solve_checked(instance, random_policy(rng), time_limit=3, strategy="large", workers=1)


@LARGE_LISTS
@given(rng=st.randoms(use_true_random=False), windows=st.booleans())
def test_the_large_paths_bound_is_never_below_the_optimum_on_random_lists(
    rng: random.Random, windows: bool
) -> None:
    instance = random_instance(rng, rng.randint(12, 24))
    if windows:
        instance = with_windows(rng, instance)
    rules = random_policy(rng)
    exact = solve_checked(instance, rules, time_limit=20, strategy="exact", workers=1)
    large = solve_checked(instance, rules, time_limit=3, strategy="large", workers=1)
    if exact.statistics.thinned_tasks:
        # Proven for the starts tried only: the bounds then hold for every start, and
        # nothing claims the optimum (more jobs may need a start not tried), unless the
        # bound for every start says no job exists at all.
        if exact.jobs_bound == 0:
            assert (exact.status, exact.stopped, exact.num_jobs) == ("optimal", "proven", 0)
        else:
            assert exact.stopped in ("starts_tried", "time_limit") and exact.status != "optimal"
    else:
        assert exact.jobs_status == "optimal"
    assert large.jobs_bound is not None and large.jobs_bound >= exact.num_jobs
