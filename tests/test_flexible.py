"""Flexible tasks (a duration in a time window, on k of some days): the solver's optimum
equals a brute force that tries every minute, sets that fit pairwise but not together
are no job, windows run past midnight, days are chosen, and ``check`` judges the times."""

from __future__ import annotations

import datetime as dt
import importlib
import itertools
import json
import random
import time
import warnings
from collections import Counter
from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest
from conftest import assert_sound, groups, make_instance, reasons, run_cli
from hypothesis import given, settings
from hypothesis import strategies as st

import combibaan
import combibaan.model.variants as variants_module
import combibaan.solvers.every_start as every_start_module
from combibaan.check.base import CheckedJob
from combibaan.check.rules import RULES
from combibaan.check.travel import Travel
from combibaan.cli.show import summary_line
from combibaan.generate import generate
from combibaan.io.errors import InputError
from combibaan.io.tasks import read_tasks
from combibaan.model import Instance, Slot, Task, Window
from combibaan.model.variants import MAX_VARIANTS, Drift, grid_minutes, ranges, variants
from combibaan.rules import Policy, profiles
from combibaan.rules.facts import drifting, first_choice
from combibaan.solvers.budget import Budget

solve_module = importlib.import_module("combibaan.solvers.solve")
large_module = importlib.import_module("combibaan.solvers.large")
explain_module = importlib.import_module("combibaan.analysis.explain")


def window(days: tuple[int, ...], count: int, earliest: str, latest: str, minutes: int) -> Window:
    first, last = _minute(earliest), _minute(latest)
    if last <= first:
        last += 24 * 60
    return Window(days, count, first, last, minutes)


def _minute(text: str) -> int:
    hours, minutes = text.split(":")
    return int(hours) * 60 + int(minutes)


def flexible(task_id: str, supplier: str, *windows: Window, location: str = "A") -> Task:
    return Task(task_id, supplier, (), location=location, windows=windows)


def fixed(task_id: str, supplier: str, day: int, start: str, end: str, location: str = "A") -> Task:
    first, last = _minute(start), _minute(end)
    if last <= first:
        last += 24 * 60
    return Task(task_id, supplier, (Slot(day, first, last),), location=location)


# ----------------------------------------------------------------------------- brute force


def every_minute(task: Task) -> list[tuple[Slot, ...]]:
    """Every way to do the task, every minute of every window tried."""
    per_window = [
        [
            w.slots(days, start)
            for days in itertools.combinations(w.days, w.count)
            for start in range(w.earliest, w.last_start + 1)
        ]
        for w in task.windows
    ]
    return [
        task.slots + tuple(s for part in combo for s in part)
        for combo in itertools.product(*per_window)
    ]


def feasible_sets(instance: Instance, policy: Policy) -> list[frozenset[int]]:
    """Every set of tasks that is a job at some minute of each window, judged by the
    checker's rules."""
    travel = Travel(instance, policy.travel_minutes)
    tasks = instance.tasks
    ways = [every_minute(t) for t in tasks]
    feasible: list[frozenset[int]] = []
    for size in range(1, len(tasks) + 1):
        for subset in itertools.combinations(range(len(tasks)), size):
            for combo in itertools.product(*(ways[i] for i in subset)):
                job = tuple(
                    tasks[i].scheduled(slots) for i, slots in zip(subset, combo, strict=True)
                )
                if not any(rule(CheckedJob("J", job, policy, travel)) for rule in RULES):
                    feasible.append(frozenset(subset))
                    break
    return feasible


def brute_force(instance: Instance, policy: Policy) -> tuple[int, int]:
    """The most jobs, and the most minutes with that many, judged by the checker's rules."""
    tasks = instance.tasks
    feasible = feasible_sets(instance, policy)
    minutes = {s: sum(tasks[i].minutes_per_week for i in s) for s in feasible}
    best = (0, 0)

    def pack(start: int, used: frozenset[int], jobs: int, placed: int) -> None:
        nonlocal best
        best = max(best, (jobs, placed))
        for k in range(start, len(feasible)):
            if not feasible[k] & used:
                pack(k + 1, used | feasible[k], jobs + 1, placed + minutes[feasible[k]])

    pack(0, frozenset(), 0, 0)
    return best


def random_flexible(rng: random.Random, grid: int) -> Instance:
    """Four or five tasks on Monday and Tuesday in one morning, one or two of them flexible,
    times on ``grid`` minutes (1: odd minutes everywhere)."""
    tasks: list[Task] = []
    n_flexible = rng.choice((1, 2))
    n = rng.choice((4, 5)) if n_flexible == 1 else 4
    for k in range(n):
        supplier = rng.choice(("Asito", "Sodexo", "Maas"))
        location = rng.choice(("A", "B"))
        start = 7 * 60 + grid * rng.randrange(0, 240 // grid)
        length = grid * rng.randrange(max(1, 30 // grid), 150 // grid)
        if k < n_flexible:
            width = length + grid * rng.randrange(1, max(2, (40 if grid == 1 else 60) // grid))
            days = rng.choice(((0,), (0, 1)))
            count = rng.choice((1, len(days)))
            w = Window(days, count, start, start + width, length)
            tasks.append(Task(f"T{k}", supplier, (), location=location, windows=(w,)))
        else:
            days = rng.choice(((0,), (1,), (0, 1)))
            tasks.append(
                Task(
                    f"T{k}",
                    supplier,
                    tuple(Slot(d, start, start + length) for d in days),
                    location=location,
                )
            )
    travel = [("A", "B", rng.choice((5, 10, 15)) if grid != 1 else rng.choice((7, 13)))]
    return make_instance(*tasks, travel=travel, name="flexible")


def random_case(seed: int) -> tuple[Instance, Policy]:
    """A small list with windows (times on a grid of 1, 5 or 15 minutes) and a policy."""
    rng = random.Random(seed)
    instance = random_flexible(rng, (1, 5, 15, 15)[seed % 4])
    policy = Policy(
        min_hours=rng.choice((1, 2, 3)),
        max_span_hours=rng.choice((3, 4, None)),
        max_gap_hours=rng.choice((None, 0.5, 1)),
        travel_minutes=15,
    )
    return instance, policy


#: Seeds, the later ones where the windows change the optimum (against each window fixed at
#: its start, as a model without flexible tasks would have it).
SEEDS = (*((seed, False) for seed in range(6)), *((seed, True) for seed in (10, 12, 22, 33, 47)))


@pytest.mark.parametrize(("seed", "matters"), SEEDS)
def test_the_optimum_equals_a_brute_force_over_every_minute(seed: int, matters: bool) -> None:
    instance, policy = random_case(seed)
    result = combibaan.solve(instance, policy, time_limit=20, strategy="exact")
    assert_sound(result)
    assert result.status == "optimal"
    jobs, minutes = brute_force(instance, policy)
    assert (result.num_jobs, sum(j.minutes_per_week for j in result.solution.jobs)) == (
        jobs,
        minutes,
    )
    if matters:
        at_start = [t.scheduled(first_choice(t)) if t.windows else t for t in instance.tasks]
        assert brute_force(replace(instance, tasks=tuple(at_start)), policy) != (jobs, minutes)


def brute_cover(instance: Instance, policy: Policy) -> int | None:
    """The fewest jobs that hold every task (``None``: no cover), over every minute."""
    feasible = feasible_sets(instance, policy)
    everything = frozenset(range(len(instance.tasks)))
    best: int | None = None

    def cover(left: frozenset[int], jobs: int) -> None:
        nonlocal best
        if best is not None and jobs >= best:
            return
        if not left:
            best = jobs
            return
        first = min(left)  # the job holding the first task left, in every way
        for job in feasible:
            if first in job and job <= left:
                cover(left - job, jobs + 1)

    cover(everything, 0)
    return best


@pytest.mark.parametrize(("seed", "matters"), SEEDS)
def test_cover_mode_equals_a_brute_force_over_every_minute(seed: int, matters: bool) -> None:
    """The fewest jobs that hold every task, each task in one of its ways."""
    instance, policy = random_case(seed)
    policy = policy.replace(cover=True, min_hours=1)
    result = combibaan.solve(instance, policy, time_limit=20)
    best = brute_cover(instance, policy)
    if best is None:
        assert result.status == "infeasible"
        return
    assert_sound(result)
    assert result.status == "optimal" and result.num_jobs == best
    assert {t for job in result.solution.jobs for t in job.task_ids} == {
        t.id for t in instance.tasks
    }


@pytest.mark.parametrize(
    "family,seed,policy",
    [
        ("short", 2, Policy()),
        ("short", 3, Policy(min_hours_per_day=3)),
        ("short", 4, Policy(max_gap_hours=1)),
        ("night", 2, Policy()),
        ("campus", 4, Policy(min_hours_per_day=3)),
    ],
)
def test_the_search_over_tasks_meets_the_jobs_the_search_over_ways_does(
    family: str, seed: int, policy: Policy
) -> None:
    """Every set of tasks that is a job at some ways is found once, at ways that make it
    one; the minimal ones lie inside every job (the count's proof needs no more), also
    where the lower rules depend on the times chosen."""
    from combibaan.generate import generate
    from combibaan.rules import Limits, Load
    from combibaan.solvers.compatibility import compatibility_graph
    from combibaan.solvers.enumeration import enumerate_jobs
    from combibaan.solvers.expansion import expand

    tasks, travel = generate(24, seed, family=family, flexible=0.4)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # generated travel tables name unused places
        instance = combibaan.read_instance(tasks, travel)
    limits = Limits.of(policy)
    expansion = expand(instance, limits)
    graph = compatibility_graph(instance, policy, expansion.profiles, (), expansion.task_of)
    over_ways = {
        expansion.tasks(job) for job in enumerate_jobs(graph, expansion.profiles, limits).jobs
    }
    found = enumerate_jobs(graph, expansion.profiles, limits, task_of=expansion.task_of)
    assert found.complete
    assert sorted(expansion.tasks(job) for job in found.jobs) == sorted(over_ways)
    for job in found.jobs:
        assert all(graph.has_edge(a, b) for a, b in itertools.combinations(job, 2))
        load: Load | None = Load.of(expansion.profiles[job[0]])
        for v in job[1:]:
            assert load is not None
            load = load.add(expansion.profiles[v], limits)
        assert load is not None and load.is_job(limits)
    minimal = enumerate_jobs(
        graph, expansion.profiles, limits, task_of=expansion.task_of, minimal=True
    )
    smallest = [set(expansion.tasks(job)) for job in minimal.jobs]
    assert minimal.complete and len(smallest) < len(over_ways)
    # Without the search for fewer working days: the same sets, each at ways that fit.
    counted = enumerate_jobs(
        graph, expansion.profiles, limits, task_of=expansion.task_of, fewest_days=False
    )
    assert [expansion.tasks(job) for job in counted.jobs] == [
        expansion.tasks(job) for job in found.jobs
    ]
    assert counted.nodes <= found.nodes
    assert all(any(s <= set(job) for s in smallest) for job in over_ways)
    # Under a price limit: exactly the minimal sets that stay under it (a task's ways
    # share its price), however early a set is priced out of the minimum hours.
    rng = random.Random(seed)
    of_task = {t: rng.choice([0.0, 0.1, 0.25, 0.5]) for t in set(expansion.task_of)}
    prices = [of_task[t] for t in expansion.task_of]
    for limit in (0.3, 0.6, 1.0):
        cheap = enumerate_jobs(
            graph,
            expansion.profiles,
            limits,
            task_of=expansion.task_of,
            minimal=True,
            prices=prices,
            price_limit=limit + 1e-9,
        )
        assert cheap.complete
        expected = [s for s in smallest if sum(of_task[t] for t in s) <= limit + 1e-9]
        assert sorted(map(sorted, map(expansion.tasks, cheap.jobs))) == sorted(
            map(sorted, expected)
        )


@pytest.mark.parametrize(("family", "seed"), [("short", 2), ("short", 4), ("night", 2)])
def test_the_pricing_over_tasks_finds_the_cheapest_job_over_every_way(
    family: str, seed: int
) -> None:
    """The pricing over sets of tasks (one witness of ways each) proves the same cheapest
    job as the full list of jobs over every way, for random prices, and what it returns
    are jobs at the ways recorded for them."""
    from combibaan.generate import generate
    from combibaan.rules import Limits
    from combibaan.solvers.colgen import PricingStopped
    from combibaan.solvers.compatibility import compatibility_graph
    from combibaan.solvers.enumeration import enumerate_jobs
    from combibaan.solvers.expansion import VariantSource, expand, task_graph

    tasks, travel = generate(24, seed, family=family, flexible=0.4)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # generated travel tables name unused places
        instance = combibaan.read_instance(tasks, travel)
    policy = Policy()
    limits = Limits.of(policy)
    expansion = expand(instance, limits)
    nodes = compatibility_graph(instance, policy, expansion.profiles, (), expansion.task_of)
    every = {expansion.tasks(job) for job in enumerate_jobs(nodes, expansion.profiles, limits).jobs}
    graph = task_graph(nodes, expansion)
    adjacency = {t: set(graph[t]) for t in graph}
    source = VariantSource(expansion, nodes)
    # Past the deadline once the ways' graph is built, no search starts (building it took
    # 7 s of 1,500 tasks, 30 % flexible; the search after it ran 3.9 s past the deadline).
    with pytest.raises(PricingStopped):
        source.price(adjacency, combibaan.rules.profiles(instance), limits, [0.1] * 24, 0.0)
    chance = random.Random(seed)
    for _ in range(5):
        y = [chance.uniform(0.0, 0.4) for _ in instance.tasks]
        cheapest = min((sum(y[t] for t in job) for job in every), default=1.0)
        minimum, found, _, exact = source.price(
            adjacency, combibaan.rules.profiles(instance), limits, y, time.perf_counter() + 60
        )
        assert exact and minimum == pytest.approx(min(cheapest, 1.0))
        assert found and all(job in every for job in found)
        assert all(expansion.schedule(job) for job in found)


def test_a_capped_pricing_gives_up_on_ways_and_the_next_exact_one_still_proves(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A capped round may take a set to have no ways when their search runs out of
    patience: that round is then not exact, it returns only real jobs, and a later
    uncapped round over the same memo still proves the cheapest job of brute force."""
    from combibaan.generate import generate
    from combibaan.rules import Limits
    from combibaan.solvers import expansion as expansion_module
    from combibaan.solvers.colgen import LoadMemo
    from combibaan.solvers.compatibility import compatibility_graph
    from combibaan.solvers.enumeration import enumerate_jobs
    from combibaan.solvers.expansion import VariantSource, expand, task_graph

    monkeypatch.setattr(expansion_module, "WAYS_PATIENCE", 1)
    tasks, travel = generate(24, 2, family="short", flexible=0.6)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # generated travel tables name unused places
        instance = combibaan.read_instance(tasks, travel)
    limits = Limits.of(Policy())
    expansion = expand(instance, limits)
    nodes = compatibility_graph(instance, Policy(), expansion.profiles, (), expansion.task_of)
    every = {expansion.tasks(job) for job in enumerate_jobs(nodes, expansion.profiles, limits).jobs}
    graph = task_graph(nodes, expansion)
    adjacency = {t: set(graph[t]) for t in graph}
    source, memo = VariantSource(expansion, nodes), LoadMemo()
    profs = combibaan.rules.profiles(instance)
    chance = random.Random(3)
    doubted = 0
    for _ in range(4):
        y = [chance.uniform(0.0, 0.3) for _ in instance.tasks]
        cheapest = min((sum(y[t] for t in job) for job in every), default=1.0)
        deadline = time.perf_counter() + 60
        given_up = source.price(adjacency, profs, limits, y, deadline, task_nodes=10**6, memo=memo)
        assert all(job in every for job in given_up[1])
        if source._last is not None and source._last[1].gave_up > doubted:
            doubted = source._last[1].gave_up
            assert not given_up[3]
        minimum, found, _, exact = source.price(adjacency, profs, limits, y, deadline, memo=memo)
        assert exact and minimum == pytest.approx(min(cheapest, 1.0))
        assert all(job in every for job in found)
    assert doubted > 0


# ----------------------------------------------------------------------------- cases


def test_three_tasks_that_fit_pairwise_are_no_job_together() -> None:
    """Each two of three one-hour tasks fit 09:00-11:00, the three of them do not."""
    instance = Instance(
        tuple(
            flexible(t, s, window((0,), 1, "09:00", "11:00", 60))
            for t, s in (("A", "Asito"), ("B", "Sodexo"), ("C", "Asito"))
        )
    )
    policy = Policy(min_hours=2, max_suppliers=None)
    result = combibaan.solve(instance, policy, time_limit=10)
    assert_sound(result)
    assert result.status == "optimal"
    assert [len(job.task_ids) for job in result.solution.jobs] == [2]
    assert result.hours_placed == 2


def test_a_window_past_midnight_puts_a_late_start_on_the_next_day() -> None:
    """Friday evening until 00:30 leaves the night round (22:00-03:00, 2 h) 00:30 or later:
    a slot that starts on Saturday, as every slot belongs to the day it starts."""
    instance = Instance(
        (
            fixed("E", "Sodexo", 4, "20:00", "00:30"),
            flexible("N", "Securitas", window((4,), 1, "22:00", "03:00", 120)),
        )
    )
    result = combibaan.solve(instance, Policy(min_hours=6), time_limit=10)
    assert_sound(result)
    assert result.num_jobs == 1
    (slot,) = result.solution.jobs[0].slots_of("N")
    assert slot.day == 5 and 30 <= slot.start <= 60
    written = [s for s in result.to_dict()["jobs"][0]["schedule"] if s["task_id"] == "N"]
    assert written[0]["day"] == "za"


def test_the_days_of_a_window_are_chosen() -> None:
    """``2x ma-wo`` beside a Monday and Tuesday task under at most two working days."""
    instance = Instance(
        (
            Task("M", "Asito", (Slot(0, 600, 780), Slot(1, 600, 780)), location="A"),
            flexible("W", "Sodexo", window((0, 1, 2), 2, "09:00", "10:00", 60)),
        )
    )
    result = combibaan.solve(instance, Policy(min_hours=6, max_days=2), time_limit=10)
    assert_sound(result)
    assert result.num_jobs == 1
    assert {s.day for s in result.solution.jobs[0].slots_of("W")} == {0, 1}
    assert result.solution.jobs[0].days == (0, 1)


def test_flexibility_makes_jobs_fixed_times_would_not() -> None:
    """At its window's start the round clashes with the shift; later it fits."""
    shift = fixed("S", "Asito", 0, "07:00", "10:00")
    rounds = flexible("R", "Sodexo", window((0,), 1, "09:00", "12:00", 60))
    at_start = Task("R", "Sodexo", (Slot(0, 540, 600),), location="A")
    policy = Policy(min_hours=4)
    fixed_result = combibaan.solve(Instance((shift, at_start)), policy, time_limit=10)
    assert fixed_result.num_jobs == 0 and fixed_result.at_window_start is None
    result = combibaan.solve(Instance((shift, rounds)), policy, time_limit=10)
    assert_sound(result)
    assert result.num_jobs == 1
    assert result.at_window_start is not None and result.at_window_start.jobs == 0
    assert result.to_dict()["at_window_start"]["jobs"] == 0
    assert "met elk tijdvenster op zijn begin 0 banen (+1 door de flexibele taken)" in (
        summary_line(result)
    )
    # Where the count at the starts is not proven the most, the gain is an upper bound.
    open_start = replace(result.at_window_start, jobs_status="feasible")
    unproven = replace(result, at_window_start=open_start)
    assert "op zijn begin 0 banen gevonden (niet bewezen; hooguit +1 door de flexibele" in (
        summary_line(unproven)
    )
    assert "found (not proven; at most +1 from the flexible tasks)" in summary_line(unproven, "en")
    no_proposal = replace(result, at_window_start=replace(open_start, jobs_status="infeasible"))
    assert "met elk tijdvenster op zijn begin geen voorstel mogelijk" in summary_line(no_proposal)
    # As many, proven: said so ("(0 door de flexibele taken)" read oddly).
    same = replace(result, at_window_start=replace(result.at_window_start, jobs=1))
    assert "op zijn begin ook 1 baan (de flexibele taken maken geen baan meer)" in (
        summary_line(same)
    )


# ----------------------------------------------------------------------------- the checker


def _one_job(
    instance: Instance, policy: Policy, times: dict[str, list[tuple[str, str, str]]]
) -> dict:
    result = combibaan.solve(instance, policy, time_limit=10)
    document = result.to_dict()
    (job,) = document["jobs"]
    job["schedule"] = [
        {"task_id": t, "day": day, "start": start, "end": end}
        for t, slots in times.items()
        for day, start, end in slots
    ]
    return document


ROUND = (
    fixed("S", "Asito", 0, "07:00", "10:00"),
    flexible("R", "Sodexo", window((0,), 1, "10:00", "12:00", 60)),
)


def test_check_takes_the_last_possible_start_and_refuses_one_outside_the_window() -> None:
    instance, policy = Instance(ROUND), Policy(min_hours=4, travel_minutes=0)
    shift = [("ma", "07:00", "10:00")]
    last = _one_job(instance, policy, {"S": shift, "R": [("ma", "11:00", "12:00")]})
    assert combibaan.check_solution(instance, last) == []
    late = _one_job(instance, policy, {"S": shift, "R": [("ma", "11:05", "12:05")]})
    assert [v.rule for v in combibaan.check_solution(instance, late)] == ["schedule"]
    wrong_day = _one_job(instance, policy, {"S": shift, "R": [("di", "10:00", "11:00")]})
    assert "schedule" in [v.rule for v in combibaan.check_solution(instance, wrong_day)]
    moved = _one_job(
        instance, policy, {"S": [("ma", "08:00", "11:00")], "R": [("ma", "11:00", "12:00")]}
    )
    assert [v.rule for v in combibaan.check_solution(instance, moved)] == ["schedule"]


def _said(instance: Instance, document: dict) -> list[str]:
    return [v.text("en") for v in combibaan.check_solution(instance, document)]


def test_check_says_what_is_wrong_with_the_chosen_times() -> None:
    """Each kind of wrong time gets its own sentence (all had one: "the times do not match
    the task's fixed times and time windows")."""
    days = window((0, 1, 2, 3, 4), 2, "10:00", "12:00", 60)
    instance = Instance((fixed("S", "Asito", 0, "07:00", "10:00"), flexible("R", "Sodexo", days)))
    policy, shift = Policy(min_hours=4, travel_minutes=0), [("ma", "07:00", "10:00")]
    cases = {
        "its fixed time mon 07:00 is missing": {"S": [("ma", "06:00", "09:00")]},
        "R has 1 chosen time besides its fixed ones, where its time windows ask for 2": {
            "R": [("ma", "10:00", "11:00")]
        },
        "R at tue 10:00 takes 1:30, where its time window asks for 1:00": {
            "R": [("ma", "10:00", "11:00"), ("di", "10:00", "11:30")]
        },
        "R at sat 10:00 lies outside its time window (10:00-12:00 on mon, tue, wed, thu, fri)": {
            "R": [("ma", "10:00", "11:00"), ("za", "10:00", "11:00")]
        },
        "R does not start at the same time each day (mon 10:00, tue 10:30)": {
            "R": [("ma", "10:00", "11:00"), ("di", "10:30", "11:30")]
        },
    }
    for words, times in cases.items():
        document = _one_job(instance, policy, {"S": shift, **times})
        assert any(words in m for m in _said(instance, document)), (
            words,
            _said(instance, document),
        )


@pytest.mark.parametrize(
    ("entry", "words"),
    [
        ({"task_id": 2, "day": "ma", "start": "10:00", "end": "11:00"}, "task_id must be text"),
        ({"task_id": "R", "day": None, "start": "10:00", "end": "11:00"}, "day must be text"),
        ({"task_id": "R", "day": "ma", "start": 9.5, "end": "11:00"}, "start must be text"),
        ({"task_id": "R", "day": "ma", "start": "10:00"}, "misses key 'end'"),
        ("R ma 10:00", "must be an object"),
    ],
)
def test_check_refuses_a_schedule_of_the_wrong_shape_as_no_solution(
    tmp_path: Path, entry: object, words: str
) -> None:
    """Wrong types in ``schedule`` are a file that is no solution (exit 2), as in
    ``task_ids``; they were a violation of the rules (exit 1)."""
    instance, policy = Instance(ROUND), Policy(min_hours=4, travel_minutes=0)
    document = _one_job(instance, policy, {"S": [("ma", "07:00", "10:00")]})
    document["jobs"][0]["schedule"].append(entry)
    solution = tmp_path / "solution.json"
    solution.write_text(json.dumps(document), encoding="utf-8")
    from combibaan.check.document import load_solution

    with pytest.raises(InputError) as caught:
        load_solution(solution)
    assert any(words in p.text("en") for p in caught.value.problems), caught.value.problems


def test_check_judges_the_rules_at_the_chosen_times() -> None:
    instance, policy = Instance(ROUND), Policy(min_hours=4, travel_minutes=0)
    adjacent = _one_job(
        instance, policy, {"S": [("ma", "07:00", "10:00")], "R": [("ma", "10:00", "11:00")]}
    )
    assert combibaan.check_solution(instance, adjacent) == []
    document = _one_job(instance, policy, {"S": [("ma", "07:00", "10:00")]})
    assert "schedule" in [v.rule for v in combibaan.check_solution(instance, document)]
    del document["jobs"][0]["schedule"]
    assert [v.rule for v in combibaan.check_solution(instance, document)] == ["schedule"]


@pytest.mark.parametrize("strategy", ["auto", "large"])
def test_a_task_whose_windows_start_at_once_is_not_placed_at_once(strategy: str) -> None:
    """Both windows open at 05:00 on Monday: each at its start, the task would be done
    twice at once. It has one way (05:00 and 07:00), and its job gets that one, not the
    windows' starts (found by the checker's overlap rule for one task's own times)."""
    task = flexible(
        "W0",
        "Maas",
        window((0,), 1, "05:00", "07:00", 120),
        window((0,), 1, "05:00", "09:00", 120),
    )
    result = combibaan.solve(
        Instance((task,)), Policy(min_hours=4), time_limit=5, strategy=strategy
    )
    assert_sound(result)
    (job,) = result.to_dict()["jobs"]
    assert sorted(e["start"] for e in job["schedule"]) == ["05:00", "07:00"]


def test_a_task_left_with_one_way_by_thinning_is_judged_at_that_way(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Thinned to 05:00 and 11:00, the second window keeps one way (05:00 overlaps the
    first window): a wait of four hours, too long. The search must judge the task at that
    way, not at its first choice (07:00, no wait), or it keeps a job the rules forbid;
    finer starts then find 07:00."""
    monkeypatch.setattr(variants_module, "EXACT_VARIANTS", 0)
    monkeypatch.setattr(variants_module, "MAX_VARIANTS", 2)
    monkeypatch.setattr(every_start_module, "MAX_VARIANTS", 2)
    task = flexible(
        "W0",
        "Maas",
        window((0,), 1, "05:00", "07:00", 120),
        window((0,), 1, "05:00", "13:00", 120),
    )
    rules = Policy(min_hours=4, max_gap_hours=1)
    result = combibaan.solve(Instance((task,)), rules, time_limit=5)
    assert_sound(result)
    (job,) = result.to_dict()["jobs"]
    assert sorted(e["start"] for e in job["schedule"]) == ["05:00", "07:00"]


def test_check_refuses_two_windows_of_one_task_chosen_at_once() -> None:
    """Two windows of one task that may fall on the same day: the solver keeps them
    apart, and the checker must too (its own rule, not the solver's)."""
    twice = flexible(
        "R",
        "Sodexo",
        window((0, 1), 1, "10:00", "12:00", 60),
        window((0, 1), 1, "10:00", "12:00", 60),
    )
    instance = Instance((ROUND[0], twice))
    policy = Policy(min_hours=5, travel_minutes=0)
    shift = [("ma", "07:00", "10:00")]
    apart = {"S": shift, "R": [("ma", "10:00", "11:00"), ("ma", "11:00", "12:00")]}
    document = _one_job(instance, policy, apart)
    assert combibaan.check_solution(instance, document) == []
    at_once = {"S": shift, "R": [("ma", "10:00", "11:00"), ("ma", "10:30", "11:30")]}
    document = _one_job(instance, policy, at_once)
    assert [v.rule for v in combibaan.check_solution(instance, document)] == ["overlap"]


# ----------------------------------------------------------------------------- variants


def test_the_grid_is_the_gcd_of_every_time_and_limit() -> None:
    instance = Instance(
        (
            fixed("S", "Asito", 0, "07:00", "10:30"),
            flexible("R", "Sodexo", window((0,), 1, "10:00", "12:00", 45)),
        )
    )
    assert grid_minutes(instance) == 15
    assert grid_minutes(instance, [20]) == 5
    assert grid_minutes(instance, [12.5]) == 1


def test_a_wide_window_is_thinned_and_keeps_its_first_and_last_start() -> None:
    one_day = variants(flexible("R", "Sodexo", window((0,), 1, "07:00", "17:00", 60)), 15)
    assert one_day.thinned and one_day.step == 120 and len(one_day.choices) <= MAX_VARIANTS
    assert [c[0].start for c in one_day.choices] == [420, 540, 660, 780, 900, 960]
    # Ten choices of days leave room for no start but the first and the last.
    days = variants(flexible("D", "Sodexo", window((0, 1, 2, 3, 4), 3, "07:00", "17:00", 60)), 15)
    assert len(days.choices) == 20 and {c[0].start for c in days.choices} == {420, 960}
    narrow = variants(flexible("Q", "Sodexo", window((0,), 1, "09:00", "10:00", 30)), 15)
    assert not narrow.thinned
    assert [c[0].start for c in narrow.choices] == [540, 555, 570]


def test_the_summary_says_which_starts_the_proof_covers(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A step of minutes is named; where some tasks got only their first and last start
    (ten choices of days), the line says that instead of a step of 1440 minutes. The
    whole proposal is proven for the starts tried only; the count (one job, all hours of
    both tasks) for every start, by the bound over ranges of starts (the lists here are
    small enough not to be thinned by default)."""
    monkeypatch.setattr(variants_module, "EXACT_VARIANTS", 0)
    shift = fixed("S", "Asito", 0, "07:00", "10:00")
    wide = flexible("R", "Sodexo", window((0,), 1, "07:00", "17:00", 60))
    days = flexible("D", "Sodexo", window((0, 1, 2, 3, 4), 3, "07:00", "17:00", 60))
    rules = Policy(min_hours=1)
    stepped = combibaan.solve(Instance((shift, wide)), rules, time_limit=5, workers=1)
    assert "met een grovere stap geprobeerd, tot 120 min;" in summary_line(stepped)
    assert (stepped.status, stepped.jobs_status, stepped.stopped) == (
        "feasible",
        "optimal",
        "starts_tried",
    )
    assert "bewezen voor de geprobeerde begintijden" in summary_line(stepped)
    assert "het aantal banen is bewezen voor elke begintijd" in summary_line(stepped)
    ends = combibaan.solve(Instance((shift, days)), rules, time_limit=5, workers=1)
    assert "sommige alleen op hun vroegste en laatste begintijd" in summary_line(ends)
    assert "1440" not in summary_line(ends, "en") and "earliest and latest start" in (
        summary_line(ends, "en")
    )


def _gap_list(first_end: int, second_start: int) -> Instance:
    """F1 from 07:00 and F2 to 14:00 on weekdays, and W1: 3:45 somewhere between 06:00
    and 16:00, which fits only from ``first_end`` to ``second_start`` (35 hours in all)."""
    f1 = Task("F1", "Asito", tuple(Slot(d, 420, first_end) for d in range(5)), location="X")
    f2 = Task("F2", "Asito", tuple(Slot(d, second_start, 840) for d in range(5)), location="X")
    wide = Window(tuple(range(5)), 5, 360, 960, 225)
    return Instance((f1, f2, Task("W1", "Sodexo", (), location="X", windows=(wide,))))


def test_thinned_starts_claim_no_bound_they_do_not_hold(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tried on a 60-minute step, the window below never starts at 09:15, the only start
    between the two fixed slots: the search finds no job. Its bound must still hold for
    every start (a job of 35 hours exists), and nothing may say optimal."""
    instance, rules = _gap_list(555, 780), Policy(min_hours=32)
    exact = combibaan.solve(instance, rules, time_limit=5)  # 41 starts: none thinned
    assert (exact.num_jobs, exact.status, exact.statistics.thinned_tasks) == (1, "optimal", ())
    monkeypatch.setattr(variants_module, "EXACT_VARIANTS", 0)
    monkeypatch.setattr(solve_module, "REFINE_NODES", 0)  # no finer search: 60 minutes it is
    thinned = combibaan.solve(instance, rules, time_limit=5)
    assert thinned.statistics.thinned_tasks == ("W1",)
    assert thinned.num_jobs == 0 and thinned.jobs_bound is not None and thinned.jobs_bound >= 1
    assert thinned.hours_bound is not None and thinned.hours_bound >= 35
    assert "optimal" not in (thinned.status, thinned.jobs_status)
    assert_sound(thinned)
    # Every task's reason was found over the starts tried, and says so; its code stays.
    left = thinned.to_dict("en")["unassigned"]
    assert len(left) == 3
    for item in left:
        assert item["reason"].endswith("(Searched over the starts tried of the flexible tasks.)")
        assert item["reason_code"] not in ("starts_tried", "")


def test_finer_starts_find_the_job_the_bound_for_every_start_leaves_room_for(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Tried on a 60-minute step from 06:00, the window never starts at 09:30, the only
    start between the two fixed slots. The count over those starts is proven (none), the
    bound for every start says one: the list is searched again at twice the ways (a
    30-minute step), which finds the job and proves it for every start."""
    instance, rules = _gap_list(570, 795), Policy(min_hours=32)
    monkeypatch.setattr(variants_module, "EXACT_VARIANTS", 0)
    found = combibaan.solve(instance, rules, time_limit=5)
    assert_sound(found)
    assert (found.num_jobs, found.jobs_bound, found.jobs_status) == (1, 1, "optimal")
    assert found.statistics.coarsest_step == 30  # the finer search's starts
    schedule = found.to_dict()["jobs"][0]["schedule"]
    assert {(e["task_id"], e["start"]) for e in schedule} >= {("W1", "09:30")}
    again = combibaan.solve(instance, rules, time_limit=5)
    assert groups(again) == groups(found)
    # At the ways tried first (8) it is still not found; doubling them again finds it.
    monkeypatch.setattr(solve_module, "REFINE_WAYS", 1)
    assert combibaan.solve(instance, rules, time_limit=5).num_jobs == 1
    monkeypatch.setattr(solve_module, "REFINE_NODES", 0)  # no finer starts: none found
    assert combibaan.solve(instance, rules, time_limit=5).num_jobs == 0


def _read_written(folder: Path, tasks: str, travel: str) -> Instance:
    """The list of these files' texts, written to ``folder`` and read as a user's."""
    (folder / "tasks.csv").write_text(tasks, encoding="utf-8")
    (folder / "travel.csv").write_text(travel, encoding="utf-8")
    return combibaan.read_instance(folder / "tasks.csv", folder / "travel.csv")


ONE_MINUTE_GAP = """taak;leverancier;dagen;begin;eind;vanaf;uiterlijk;duur;locatie
F1;Asito;ma-vr;07:00;09:00;;;;A
F2;Asito;ma-vr;10:30;12:00;;;;A
G1;Maas;3x ma-vr;;;08:00;11:30;1:15;B
"""


def test_the_last_finer_search_tries_every_start_where_they_fit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """G1 fits between F1 and F2 (7 minutes of travel each way) only when it starts at
    09:07 or 09:08, on a one-minute grid with ten choices of days: 1,410 ways. Doubling
    the ways up to 64 times still stepped over those two minutes, and the run said 0 jobs
    (at most 1) with most of its time left; the last search now tries every start."""
    instance = _read_written(tmp_path, ONE_MINUTE_GAP, "van;naar;minuten\nA;B;7\n")
    result = combibaan.solve(instance, time_limit=10)
    assert_sound(result)
    assert (result.num_jobs, result.jobs_status, result.status) == (1, "optimal", "optimal")
    assert result.statistics.thinned_tasks == ()  # every start was tried
    schedule = result.to_dict()["jobs"][0]["schedule"]
    assert {e["start"] for e in schedule if e["task_id"] == "G1"} <= {"09:07", "09:08"}
    monkeypatch.setattr(solve_module, "REFINE_NODES", 1000)  # every start does not fit
    thinned = combibaan.solve(instance, time_limit=10)
    assert (thinned.num_jobs, thinned.jobs_bound) == (0, 1) and thinned.statistics.thinned_tasks


HOURS_BETWEEN = """taak;leverancier;dagen;begin;eind;vanaf;uiterlijk;duur;locatie
S1;Asito;ma-vr;07:00;10:00;;;;A
S2;Asito;ma-vr;13:00;15:00;;;;A
W1;Maas;ma-vr;;;06:00;18:00;2:00;B
"""


def test_hours_left_at_thinned_starts_are_searched_at_every_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One job is the most at any start (proven), but W1 fits in it only from 10:07 to
    10:53, which its window's 601 starts thinned to a 120-minute step never try: 25 hours
    placed of 35. Where every start fits, the hours are searched there too."""
    instance = _read_written(tmp_path, HOURS_BETWEEN, "van;naar;minuten\nA;B;7\n")
    result = combibaan.solve(instance, time_limit=10)
    assert_sound(result)
    assert (result.num_jobs, result.hours_placed, result.status) == (1, 35.0, "optimal")
    monkeypatch.setattr(solve_module, "REFINE_NODES", 0)  # no finer search
    thinned = combibaan.solve(instance, time_limit=10)
    assert (thinned.num_jobs, thinned.jobs_status, thinned.hours_placed) == (1, "optimal", 25.0)
    assert thinned.status == "feasible" and thinned.hours_bound == 35.0


def test_a_bound_for_every_start_with_room_is_tried_over_narrower_ranges(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Full job units on 80 campus tasks, 30 % flexible: the bound over 8 ranges per task
    stood at 23 beside 22 jobs found (and finer starts found no more); over 16 narrower
    ranges it is 22, so the count is proven for every start."""
    tasks, travel = generate(80, 2, flexible=0.3)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # generated travel tables name unused places
        instance = combibaan.read_instance(tasks, travel)
    units = Policy(min_hours=25.5)
    result = combibaan.solve(instance, units, time_limit=60)
    assert_sound(result)
    assert (result.num_jobs, result.jobs_bound, result.jobs_status) == (22, 22, "optimal")
    monkeypatch.setattr(solve_module, "FINER_RANGES", MAX_VARIANTS)  # no narrower ranges
    monkeypatch.setattr(solve_module, "REFINE_NODES", 0)  # and no finer search
    wide = combibaan.solve(instance, units, time_limit=60)
    assert (wide.num_jobs, wide.jobs_bound, wide.jobs_status) == (22, 23, "feasible")


BOUND_PROVES_COUNT = """task_id,supplier,days,start,end,earliest,latest,duration,location
A,Asito,ma-vr,07:00,09:00,,,,A
F,Sodexo,3x ma-vr,,,08:01,11:31,1:15,B
C,Asito,ma-vr,10:30,11:30,,,,A
D,Sodexo,ma-vr,13:01,14:00,,,,A
Z1,Sodexo,za,08:00,14:00,,,,A
Z2,Sodexo,za,08:00,14:00,,,,A
Z3,Sodexo,za,08:00,14:00,,,,A
Z4,Sodexo,za,08:00,14:00,,,,A
"""


def test_hours_are_searched_at_every_start_where_the_bound_proves_the_count(
    tmp_path: Path,
) -> None:
    """The minutes allow 2 jobs, the bound for every start proves 1: the hours were then
    left at the starts tried (F only at 08:01 and 10:16; it fits between A and C at 09:07
    or 09:08), 25.92 h of 29.67, where the hours search ran only when the minutes alone
    proved the count (a review session's list; its brute force gives 29.67 h)."""
    instance = _read_written(tmp_path, BOUND_PROVES_COUNT, "from,to,minutes\nA,B,7\n")
    result = combibaan.solve(instance, Policy(min_hours=22), time_limit=8)
    assert_sound(result)
    assert (result.num_jobs, result.status) == (1, "optimal")
    assert round(result.hours_placed, 2) == 29.67


PROVEN_AT_EVERY_START = """task_id,supplier,days,start,end,earliest,latest,duration,location
T01,Asito,"ma,di,wo",13:30,17:30,,,,C
T02,Maas,"di,wo,do,vr",14:30,18:30,,,,B
T03,Sodexo,"ma,wo,do",12:30,15:00,,,,B
T04,Securitas,"ma,wo,do,vr",13:30,16:00,,,,A
T05,Sodexo,"di,do,vr",,,15:00,19:30,02:30,A
T06,Maas,"ma,di,wo,do",,,06:00,12:00,04:00,B
T07,Maas,3x ma-vr,,,12:00,20:00,04:00,B
"""


def test_a_count_proven_over_every_start_is_reported_proven(tmp_path: Path) -> None:
    """The finer search reached every start and proved 1 job (a brute force agrees); it
    found no more than the thinned search, which made it drop that proof and report
    "at most 2" from the ranges' bound."""
    instance = _read_written(tmp_path, PROVEN_AT_EVERY_START, "from,to,minutes\nA,B,10\n")
    result = combibaan.solve(instance, time_limit=20)
    assert_sound(result)
    assert (result.num_jobs, result.jobs_bound, result.jobs_status) == (1, 1, "optimal")
    assert result.status == "optimal" and result.stopped == "proven"


NIGHT_LIST = """task_id,supplier,days,start,end,location,earliest,latest,duration
F01,Asito,ma-vr,22:00,01:00,N,,,
F02,Sodexo,ma-vr,,,N,23:00,03:00,2u
F03,Securitas,ma-vr,03:30,06:00,N,,,
F04,Asito,3x ma-vr,,,M,20:00,23:30,3u
F05,Eigen,ma-vr,06:30,09:00,M,,,
F06,Sodexo,ma-vr,,,M,09:00,14:00,2u
F07,Selecta,ma-vr,12:00,14:00,M,,,
F08,Eigen,"za,zo",,,N,21:00,05:00,6u
F09,Securitas,"za,zo",06:00,10:00,N,,,
F10,Asito,ma-vr,15:00,17:00,M,,,
F11,Selecta,2x ma-vr,,,M,16:00,20:00,3u
F12,Eigen,ma-vr,00:30,02:30,N,,,
"""


def test_wider_windows_keep_the_jobs_the_narrower_ones_had(tmp_path: Path) -> None:
    """Three hours wider at both ends, with choices of days: at 8 and 16 ways only each
    window's first and last start were tried, and 4 jobs came out where the narrower list
    had 5 (its proposal still valid on the wider one). The finer search goes on doubling
    the ways while the bound leaves room."""
    path = tmp_path / "night.csv"
    path.write_text(NIGHT_LIST, encoding="utf-8")
    narrow = combibaan.read_instance(path)
    rules = Policy(min_hours=16, max_suppliers=1)
    before = combibaan.solve(narrow, rules, time_limit=20, workers=1)
    wider = combibaan.solve(combibaan.widen_windows(narrow, 180), rules, time_limit=20, workers=1)
    assert before.num_jobs == 5
    assert wider.num_jobs >= before.num_jobs and wider.jobs_status == "optimal"
    assert_sound(wider)


def test_a_bound_for_every_start_that_the_clock_ends_says_so(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The bound for every start stops at its wall-clock end where its budget has not run
    out (a busy machine): a rerun may then differ, and the result says so."""
    instance, rules = _gap_list(555, 780), Policy(min_hours=32)
    monkeypatch.setattr(variants_module, "EXACT_VARIANTS", 0)
    calm = combibaan.solve(instance, rules, time_limit=5)
    assert not calm.statistics.wall_clock_cut

    def until_the_end(problem: object, budget: Budget, **_: object) -> None:
        time.sleep(max(budget.deadline - time.perf_counter(), 0.0))

    monkeypatch.setattr(solve_module, "every_start_bound", until_the_end)
    busy = combibaan.solve(instance, rules, time_limit=5)
    assert busy.statistics.thinned_tasks  # no time was left for finer starts
    assert busy.statistics.wall_clock_cut and busy.stopped != "interrupted"


def test_ranges_hold_every_minute_of_a_window_once_and_never_cross_midnight() -> None:
    """The ranges the bound for every start searches over: each start of the window in
    exactly one, the day of each range the day its starts fall on."""
    late = flexible("N", "Asito", window((4,), 1, "22:00", "03:00", 60))
    wide = flexible("R", "Sodexo", window((0, 1), 1, "07:00", "17:00", 45))
    for task in (late, wide):
        (w,) = task.windows
        found = ranges(task, MAX_VARIANTS)
        assert 1 < len(found) <= 2 * MAX_VARIANTS
        for days in itertools.combinations(w.days, w.count):
            covered = []
            for (drift,) in found:
                first = drift.slot.day * 1440 + drift.slot.start
                if drift.slot.day != (days[0] + (drift.slot.start < w.earliest)) % 7:
                    continue
                assert drift.slot.start + drift.slack < 1440  # within its day
                covered += range(first, first + drift.slack + 1)
            wanted = [days[0] * 1440 + m for m in range(w.earliest, w.last_start + 1)]
            assert sorted(m % (7 * 1440) for m in covered) == sorted(m % (7 * 1440) for m in wanted)


def test_a_profile_without_drift_is_the_tasks_own() -> None:
    instance = Instance(
        (fixed("A", "Asito", 0, "07:00", "09:00"), fixed("B", "Maas", 2, "22:00", "02:00"))
    )
    choices = [(k, tuple(Drift(s, 0) for s in t.slots)) for k, t in enumerate(instance.tasks)]
    assert drifting(instance, choices) == profiles(instance)


@pytest.mark.parametrize("route", ["count", "lp"])
@pytest.mark.parametrize(("seed", "matters"), SEEDS)
def test_the_bound_for_every_start_never_falls_below_a_brute_force(
    monkeypatch: pytest.MonkeyPatch, seed: int, matters: bool, route: str
) -> None:
    """With every flexible task thinned to at most two starts, the searches know those
    starts only; the bound over ranges of starts must still hold for every minute, and a
    count it proves must be the brute force's: by the count stage over the ranges'
    minimal jobs, and by column generation over the ranges where those do not fit."""
    monkeypatch.setattr(variants_module, "EXACT_VARIANTS", 0)
    monkeypatch.setattr(variants_module, "MAX_VARIANTS", 2)
    monkeypatch.setattr(every_start_module, "MAX_VARIANTS", 2)
    if route == "lp":
        monkeypatch.setattr(every_start_module, "_counted", lambda *args: (None, 0))
    instance, policy = random_case(seed)
    result = combibaan.solve(instance, policy, time_limit=20, strategy="exact")
    assert_sound(result)
    jobs, _ = brute_force(instance, policy)
    assert result.jobs_bound is not None and result.jobs_bound >= jobs
    if result.jobs_status == "optimal":
        assert result.num_jobs == jobs


def test_cover_mode_under_thinned_starts_claims_no_optimum(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Cover mode's fewest jobs hold for the starts tried: its status and bound say so."""
    monkeypatch.setattr(variants_module, "EXACT_VARIANTS", 0)
    shift = fixed("S", "Asito", 0, "07:00", "10:00")
    wide = flexible("R", "Sodexo", window((0,), 1, "07:00", "17:00", 60))
    result = combibaan.solve(Instance((shift, wide)), Policy(min_hours=1, cover=True))
    assert result.statistics.thinned_tasks == ("R",)
    assert result.status != "optimal" and result.stopped == "starts_tried"
    assert result.num_jobs == 1 and result.jobs_bound == 1  # one job holds 4 hours at most
    assert_sound(result)


@pytest.mark.parametrize(("seed", "matters"), SEEDS)
def test_the_large_path_bounds_and_finds_over_the_windows(seed: int, matters: bool) -> None:
    """The large path prices and searches over the variants: its bound is never below
    the brute force's optimum, its jobs pass the checker, and where the windows matter
    it does better than the windows at their starts."""
    instance, policy = random_case(seed)
    result = combibaan.solve(instance, policy, time_limit=10, strategy="large")
    assert_sound(result)
    jobs, _ = brute_force(instance, policy)
    assert result.num_jobs <= jobs <= result.jobs_bound
    assert result.at_window_start is not None
    assert result.num_jobs >= result.at_window_start.jobs


# ----------------------------------------------------------------------------- the task list

HEADER = "taak;leverancier;dagen;begin;eind;vanaf;uiterlijk;duur;locatie\n"


def _read(tmp_path: Path, rows: str) -> tuple[Task, ...]:
    path = tmp_path / "taken.csv"
    path.write_text(HEADER + rows, encoding="utf-8")
    return read_tasks(path)


def _problems(tmp_path: Path, rows: str) -> list[tuple[int | None, str | None, str]]:
    with pytest.raises(InputError) as caught:
        _read(tmp_path, rows)
    return [(p.row, p.column, p.text("en")) for p in caught.value.problems]


def test_a_task_with_too_many_choices_of_days_is_refused(tmp_path: Path) -> None:
    """Three windows of 3x ma-zo: 42,875 choices of days, 343,000 ways with two starts
    each; solving it ran for minutes past a 10 s limit on 1.4 GB."""
    rows = "".join(
        f"A;{'S' if k == 0 else ''};3x ma-zo;;;{h}:00;{h + 3}:00;1h;A\n"
        for k, h in enumerate((6, 10, 14))
    )
    ((row, column, text),) = _problems(tmp_path, rows)
    assert (row, column) == (2, "days")
    assert "task 'A' has 343,000 ways to be done" in text


def test_a_header_of_windows_without_a_duration_asks_for_the_duration(tmp_path: Path) -> None:
    """vanaf and uiterlijk without duur: the file is one of windows, so duur is missing,
    not start and end."""
    path = tmp_path / "taken.csv"
    path.write_text("taak;leverancier;dagen;vanaf;uiterlijk\nA1;S;ma;09:00;12:00\n")
    with pytest.raises(InputError) as caught:
        read_tasks(path)
    assert [(p.column, p.row) for p in caught.value.problems] == [("duration", None)]
    assert "missing column 'duration' (or 'duur')" in caught.value.problems[0].text("en")
    # With a start there as well, the file is one of fixed times: it lacks the end.
    path.write_text("taak;leverancier;dagen;start;vanaf\nA1;S;ma;09:00;\n")
    with pytest.raises(InputError) as caught:
        read_tasks(path)
    assert [p.column for p in caught.value.problems] == ["end"]


def test_a_window_from_midnight_to_midnight_is_the_whole_day(tmp_path: Path) -> None:
    """00:00 to 00:00 (or 24:00) is any time of the day, as a spreadsheet writes it; other
    equal times are a slip and refused (the parametrized test of bad windows)."""
    whole, to_24 = _read(tmp_path, "A1;S;ma;;;00:00;00:00;1:00;A\nA2;S;ma;;;00:00;24:00;1:00;A\n")
    assert whole.windows == to_24.windows == (Window((0,), 1, 0, 1440, 60),)


def test_a_row_gives_a_window_a_duration_and_a_choice_of_days(tmp_path: Path) -> None:
    tasks = _read(
        tmp_path,
        "S1;Asito;ma-vr;07:00;11:00;;;;A\n"
        "A1;Selecta;3x ma-vr;;;09:00;16:00;60m;A\n"
        "N1;Securitas;vr;;;22:00;03:00;1:30;A\n"
        "W1;Maas;2x ma-wo;09:00;10:00;;;;A\n",
    )
    fixed_task, vending, night, washing = tasks
    assert not fixed_task.windows and len(fixed_task.slots) == 5
    assert vending.windows == (Window((0, 1, 2, 3, 4), 3, 540, 960, 60),)
    assert vending.minutes_per_week == 180
    assert night.windows == (Window((4,), 1, 1320, 1620, 90),)
    assert washing.windows == (Window((0, 1, 2), 2, 540, 600, 60),) and not washing.slots


def test_a_file_of_windows_needs_no_start_and_end(tmp_path: Path) -> None:
    path = tmp_path / "taken.csv"
    path.write_text("taak;leverancier;dagen;vanaf;uiterlijk;duur\nA1;Selecta;ma;09:00;16:00;1u\n")
    (task,) = read_tasks(path)
    assert task.windows == (Window((0,), 1, 540, 960, 60),)


@pytest.mark.parametrize(
    ("row", "column", "words"),
    [
        ("A1;S;ma;09:00;10:00;09:00;16:00;1:00;A", "start", "both fixed times"),
        ("A1;S;ma;;;09:00;16:00;;A", "duration", "how long the task takes"),
        ("A1;S;ma;;;09:00;;1:00;A", "latest", "end of the time window"),
        ("A1;S;ma;;;09:00;10:00;1:30;A", "duration", "does not fit in the time window"),
        ("A1;S;ma;;;09:00;10:00;90;A", "duration", "hours or minutes"),
        ("A1;S;ma;;;09:00;10:00;0:00;A", "duration", "not between 0 and 24 hours"),
        ("A1;S;ma;;;09:00;10:00;25:00;A", "duration", "not between 0 and 24 hours"),
        ("A1;S;ma;;;09:00;10:00;soon;A", "duration", "not a duration"),
        # as the times read 9.30 as 09:30, 1.45 uur may be 1:45 as well as 87 minutes
        ("A1;S;ma;;;09.30;11.00;1.45 uur;A", "duration", "may mean 1:45 (as times"),
        ("A1;S;ma;;;09:00;16:00;1,25 uur;A", "duration", "or 75 minutes; write 1:25 or 75m"),
        # one digit as well: 1.3 uur was read as 78 minutes, where 1.30 uur was refused
        ("A1;S;ma;;;09:00;16:00;1.3 uur;A", "duration", "or 78 minutes; write 1:30 or 78m"),
        ("A1;S;ma;;;09:00;16:00;1h90;A", "duration", "'1h90' is not a duration"),
        # "and" only joins hours to minutes; a fraction needs its unit
        ("A1;S;ma;;;09:00;16:00;1 uur en;A", "duration", "'1 uur en' is not a duration"),
        ("A1;S;ma;;;09:00;16:00;1½;A", "duration", "'1½' is not a duration"),
        # "en" and "and" are words: not the tail of "h" or "u"
        ("A1;S;ma;;;09:00;16:00;1 hand 30;A", "duration", "'1 hand 30' is not a duration"),
        ("A1;S;ma;;;09:00;16:00;1uen30;A", "duration", "'1uen30' is not a duration"),
        # 1,5 uur and 30 minutes more, or a typo?
        ("A1;S;ma;;;09:00;16:00;1,5 uur 30;A", "duration", "'1,5 uur 30' is not a duration"),
        # the user's text as written, not lowercased
        ("A1;S;ma;;;09:00;16:00;1H90;A", "duration", "'1H90' is not a duration"),
        ("A1;S;ma;;;09:00;16:00;1:30:30;A", "duration", "'1:30:30' has seconds"),
        ("A1;S;ma;;;09:00;16:00;0:00:30;A", "duration", "'0:00:30' has seconds"),
        ("A1;S;4x ma-wo;;;09:00;16:00;1:00;A", "days", "4 of 3 days"),
        ("A1;S;0x ma-wo;;;09:00;16:00;1:00;A", "days", "0 of 3 days"),
        ("A1;S;ma;;;09:00;09:00;1:00;A", "latest", "earliest and latest are the same"),
    ],
)
def test_a_bad_window_names_file_row_and_column(
    tmp_path: Path, row: str, column: str, words: str
) -> None:
    ((number, where, text),) = _problems(tmp_path, row + "\n")
    assert (number, where) == (2, column)
    assert words in text


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("1,5 uur", 90),
        ("1.5 uur", 90),
        ("1.6 uur", 96),  # not 1:60
        ("0.75 uur", 45),
        ("1:45", 105),
        ("1:30:00", 90),
        ("1h5", 65),
        ("2 uren", 120),
        ("1:30 uur", 90),
        ("0:45 h", 45),
        ("3 hrs", 180),
        # as workshop lists write them
        ("45 min.", 45),
        ("2 u.", 120),
        ("1 uur en 30 minuten", 90),
        ("2 hours and 15 min", 135),
        ("1h, 30m", 90),
        ("½ uur", 30),
        ("1½ uur", 90),
        ("1 ¾ h", 105),
        ("een half uur", 30),
        ("Anderhalf  uur", 90),
        ("drie kwartier", 45),
        ("3 kwartier", 45),
        ("een halfuur", 30),
        ("1 1/2 uur", 90),
        ("1 hour and a half", 90),
        ("2 hours and a half", 150),
        ("one and a half hours", 90),
        ("1 uur & 30 min", 90),
        ("2,00 uur", 120),  # 2:00 or 120 minutes: the same
    ],
)
def test_an_unambiguous_duration_with_decimals_is_read(
    tmp_path: Path, text: str, minutes: int
) -> None:
    path = tmp_path / "taken.csv"
    path.write_text(f"taak;leverancier;dagen;vanaf;uiterlijk;duur\nA1;S;ma;08:00;16:00;{text}\n")
    (task,) = read_tasks(path)
    assert task.windows[0].duration == minutes


@pytest.mark.parametrize("number", [0.5, 0.0625, 0.1])
def test_a_number_cell_as_duration_is_refused_as_a_bare_number(
    tmp_path: Path, number: float
) -> None:
    """0.5 in a General cell is half an hour to whoever typed it, not half a day: a time or
    duration cell reads back as a time, so a number is refused, as 1.5 and 90 are."""
    row, column, text = _workbook_problem(tmp_path, ["P1", "S", "ma-vr", "06:00", "22:00", number])
    assert (row, column) == (2, "duration")
    assert "without a unit may be hours or minutes" in text


def _workbook_problem(tmp_path: Path, *rows: list[object]) -> tuple[int | None, str | None, str]:
    """The one problem of a workbook of windows with these rows: its row, column, text."""
    book = openpyxl.Workbook()
    book.active.append(["taak", "leverancier", "dagen", "vanaf", "uiterlijk", "duur"])
    for row in rows:
        book.active.append(row)
    book.save(tmp_path / "t.xlsx")
    with pytest.raises(InputError) as caught:
        read_tasks(tmp_path / "t.xlsx")
    ((row, column, text),) = [(p.row, p.column, p.text("en")) for p in caught.value.problems]
    return row, column, text


@pytest.mark.parametrize(
    "cell",
    [dt.time(1, 30, 30), dt.timedelta(hours=1, minutes=30, seconds=30)],
)
def test_a_duration_cell_with_seconds_is_refused_as_the_text_is(
    tmp_path: Path, cell: object
) -> None:
    """A time cell of 1:30:30 was read as 1:30 without a word, where the text is refused."""
    row, column, text = _workbook_problem(
        tmp_path,
        ["P1", "S", "ma-vr", dt.time(9), dt.time(10, 30), cell],
        ["P2", "S", "ma-vr", dt.time(9), dt.time(10, 30), dt.time(1, 30)],
    )
    assert (row, column) == (2, "duration")
    assert "'1:30:30' has seconds" in text


def test_windows_of_one_task_that_always_overlap_are_an_error(tmp_path: Path) -> None:
    found = _problems(tmp_path, "A1;S;ma;;;09:00;10:00;1:00;A\nA1;;ma;09:30;11:00;;;;\n")
    ((row, _, text),) = found
    assert row == 2
    assert "the times of task 'A1' (rows 2, 3) overlap each other however they fall" in text


def test_solve_writes_the_chosen_times_and_check_passes(tmp_path: Path) -> None:
    path = tmp_path / "taken.csv"
    path.write_text(
        HEADER
        + "S1;Asito;ma-vr;07:00;11:00;;;;A\n"
        + "K1;Sodexo;ma-vr;;;11:00;15:00;1:30;A\n"
        + "A1;Selecta;3x ma-vr;;;09:00;16:00;60m;A\n"
        + "R1;Sodexo;ma-vr;13:00;15:00;;;;A\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    done = run_cli("solve", path, "--out", out, "--time-limit", 20, "--quiet")
    assert done.returncode == 0, done.stderr
    checked = run_cli("check", path, out / "solution.json")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    document = json.loads((out / "solution.json").read_text(encoding="utf-8"))
    chosen = {s["task_id"] for job in document["jobs"] for s in job["schedule"]}
    placed = {t for job in document["jobs"] for t in job["task_ids"]}
    assert chosen == placed and "K1" in placed
    jobs = (out / "jobs.csv").read_text(encoding="utf-8-sig")
    assert "chosen_times" in jobs.splitlines()[0] and "K1 ma-vr 11:00-12:30" in jobs
    covered = tmp_path / "cover"
    cover = run_cli(
        "solve", path, "--cover", "--min-hours", "off", "--out", covered, "--time-limit", 5
    )
    assert cover.returncode == 0, cover.stderr
    checked = run_cli("check", path, covered / "solution.json")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    document = json.loads((covered / "solution.json").read_text(encoding="utf-8"))
    assert document["unassigned"] == []
    # Over 256 ways together on the 15-minute grid: the starts are thinned, so the cover
    # is proven for the starts tried, not optimal for every start.
    assert document["statistics"]["thinned_tasks"] == ["K1", "A1"]
    assert (document["status"], document["stopped"]) == ("feasible", "starts_tried")
    large = tmp_path / "large"
    done = run_cli("solve", path, "--strategy", "large", "--out", large, "--time-limit", 10)
    assert done.returncode == 0, done.stderr
    checked = run_cli("check", path, large / "solution.json")
    assert checked.returncode == 0, checked.stdout + checked.stderr


# ----------------------------------------------------------------------------- bundled lists

INSTANCES = Path(__file__).resolve().parent.parent / "instances"


@pytest.mark.parametrize(("group", "fixed", "flexible_jobs"), [("indoor", 3, 8), ("outdoor", 4, 6)])
def test_the_bundled_flexible_workshops_make_more_jobs(
    group: str, fixed: int, flexible_jobs: int
) -> None:
    """Vending, post, grounds and moving tasks given a window (instances/README.md): the
    count rises from the fixed list's (proven for the starts tried: the travel minutes
    put the exact grid at one minute, hundreds of starts per task, so they are thinned),
    and the proposal passes the checker."""
    base = combibaan.read_instance(
        INSTANCES / group / "tasks.csv", INSTANCES / group / "travel.csv"
    )
    folder = INSTANCES / f"{group}_flexible"
    instance = combibaan.read_instance(folder / "tasks.csv", folder / "travel.csv")
    assert combibaan.solve(base, time_limit=20).num_jobs == fixed
    result = combibaan.solve(instance, time_limit=20)
    assert_sound(result)
    assert result.num_jobs == flexible_jobs and result.statistics.start_grid_minutes == 1
    # The count is proven for every start: by the bound over ranges of starts, or, where
    # a search over every start fits in the clock's time left (outdoor, on an idle
    # machine), by that search, which then proves the hours too.
    assert (result.jobs_status, result.jobs_bound) == ("optimal", flexible_jobs)
    if result.stopped == "starts_tried":
        assert result.statistics.thinned_tasks
    else:
        assert (result.stopped, result.status) == ("proven", "optimal")
        assert not result.statistics.thinned_tasks
    assert sum(bool(t.windows) for t in instance.tasks) == 6


def test_the_large_path_proves_the_count_for_every_start_in_the_time_it_leaves(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The large path keeps the whole limit for finding jobs; where it stops early, the
    bound over ranges of starts gets the time left, so its count is proven for every
    start too (without it, the bound was the minutes', 13 jobs). Its budget is halved
    here, so that a busy machine still leaves the bound time."""
    monkeypatch.setattr(large_module, "USABLE", 0.4)
    folder = INSTANCES / "indoor_flexible"
    instance = combibaan.read_instance(folder / "tasks.csv", folder / "travel.csv")
    result = combibaan.solve(instance, time_limit=20, strategy="large")
    assert_sound(result)
    assert result.statistics.method == "lns" and result.statistics.thinned_tasks
    assert (result.num_jobs, result.jobs_bound, result.jobs_status) == (8, 8, "optimal")
    assert result.solve_seconds <= 20


def test_the_timetable_draws_each_window_behind_its_chosen_block(tmp_path: Path) -> None:
    """The window of the night round (Friday 22:00-03:00), chosen at 00:30 on Saturday, is
    drawn in Saturday's column from 22:00 the evening before to 03:00, and says so (it was
    cut at midnight: "00:00-03:00", as if the task could not move before it)."""
    import matplotlib

    matplotlib.use("Agg")
    from combibaan.reporting.cards import job_cards
    from combibaan.reporting.timetable import timetable

    instance = Instance(
        (
            fixed("E", "Sodexo", 4, "20:00", "00:30"),
            flexible("N", "Securitas", window((4,), 1, "22:00", "03:00", 120)),
        )
    )
    result = combibaan.solve(instance, Policy(min_hours=6), time_limit=10)
    (job,) = result.solution.jobs
    ((task, day, start, end),) = job.window_spans(instance)
    assert (task, day, start, end) == ("N", 5, -120, 180)
    grid = timetable(job_cards(result)[0])
    (band,) = grid.bands
    assert (band.task_id, grid.days[band.column], band.times) == ("N", 5, "22:00–03:00")
    assert grid.hour_label(grid.first_hour) == "22:00" and band.top == 0
    out = tmp_path / "out"
    combibaan.write_result(result, out)
    report = (out / "report.html").read_text(encoding="utf-8")
    assert 'class="window" data-task="N"' in report
    assert "tijdvenster: vrijdag 2:00 ergens tussen 22:00 en 03:00" in report
    assert "N: tijdvenster 22:00–03:00" in report
    ax = combibaan.plot_week(result, job.job_id)
    assert ax.get_yticklabels()[0].get_text() == "22:00"


def test_the_workbook_timetable_lists_a_flexible_task_left_out_with_its_window() -> None:
    """A planner sums the timetable's hours per supplier: a flexible task left out is a
    row of its week's hours and its window (it was missing), a placed one names its
    window beside its chosen times."""
    from combibaan.reporting.workbook import build_workbook

    instance = Instance(
        (
            fixed("E", "Sodexo", 0, "07:00", "14:00"),
            flexible("K", "Asito", window((0,), 1, "14:00", "17:00", 60)),
            # three nights of four, 12 hours: more than a job may have
            flexible("L", "Selecta", window((1, 2, 3, 4), 3, "21:00", "03:00", 240)),
        )
    )
    result = combibaan.solve(instance, Policy(min_hours=8, max_hours=10), time_limit=10)
    assert [job.task_ids for job in result.solution.jobs] == [("E", "K")]
    rows = list(build_workbook(result, "nl")["Rooster"].iter_rows(values_only=True))
    assert rows[0][-1] == "Tijdvenster"
    (left,) = [r for r in rows if r[6] == "L"]
    assert left[:6] == (None, None, None, 21 / 24, 27 / 24, 12)
    assert left[-1] == "3 van dinsdag t/m vrijdag 4:00 ergens tussen 21:00 en 03:00"
    (chosen,) = [r for r in rows if r[6] == "K"]
    assert chosen[0] == "B01" and "ergens tussen 14:00 en 17:00" in chosen[-1]
    assert sum(r[5] for r in rows[1:]) == 7 + 1 + 12


def test_fixed_times_on_a_choice_of_days_are_said_as_times_not_as_a_window() -> None:
    """``2x ma-wo 09:00-13:00`` can only choose its days: "4:00 sometime between 09:00 and
    13:00" said a freedom it does not have."""
    from combibaan.analysis.explain import _slots_text
    from combibaan.reporting.vacancy import window_line

    days = Task("K1", "Asito", (), windows=(window((0, 1, 2), 2, "09:00", "13:00", 240),))
    assert window_line(days.windows[0]) == "2 van maandag t/m woensdag 09:00-13:00"
    assert _slots_text(days, "nl") == "2x ma-wo 09:00-13:00"
    free = window((0, 1, 2), 2, "09:00", "13:00", 60)
    assert (
        window_line(free, "en") == "2 of Monday to Wednesday 1:00 sometime between 09:00 and 13:00"
    )


def test_alternatives_over_thinned_starts_are_not_called_proven(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where starts were thinned, the main proposal is proven for the starts tried only;
    its alternatives said ``optimal`` ("het beste dat genoeg verschilt (bewezen)"). (This
    list's every start fits the search at every start, which proves it: kept off here.)"""
    monkeypatch.setattr(solve_module, "REFINE_NODES", 0)
    path = tmp_path / "tasks.csv"
    path.write_text(
        "task_id,supplier,days,start,end,earliest,latest,duration,location\n"
        "A1,Asito,mon-fri,07:00,11:00,,,,A\n"
        "F1,Selecta,mon-fri,,,09:00,12:00,2:00,B\n"
        "B1,Sodexo,mon-fri,11:00,15:00,,,,A\n"
        '"N1",Securitas,"3x mon-fri",,,22:00,04:00,3:00,B\n'
        "P1,Post,tue-fri,08:00,09:00,,,,A\n",
        encoding="utf-8",
    )
    travel = tmp_path / "travel.csv"
    travel.write_text("from,to,minutes\nA,B,5\n", encoding="utf-8")  # a 5-minute grid
    instance = combibaan.read_instance(path, travel)
    result = combibaan.solve(instance, time_limit=10, alternatives=2)
    assert result.statistics.thinned_tasks and result.stopped == "starts_tried"
    assert result.alternatives
    for alternative in result.alternatives:
        assert (alternative.status, alternative.proven_optimal) == ("feasible", False)
    assert_sound(result)
    # The workbook's alternatives give the chosen times, as the report does.
    from combibaan.reporting.workbook import build_workbook

    rows = list(build_workbook(result, "en")["Alternatives"].iter_rows(values_only=True))
    assert rows[0][-1] == "Chosen times"
    with_n1 = [r for r in rows[1:] if "N1" in (r[6] or "")]
    assert with_n1 and all(r[-1].startswith("N1 ") for r in with_n1)


def test_a_together_group_of_flexible_tasks_says_the_lock_keeps_it_out(tmp_path: Path) -> None:
    """Two flexible tasks kept together reach 18 hours at most (a third supplier may not
    join): the reason named a rule but not the workshop's lock behind it."""
    path = tmp_path / "taken.csv"
    path.write_text(
        "taak;leverancier;dagen;begin;eind;vanaf;uiterlijk;duur;locatie\n"
        "T05;Selecta;3x ma-vr;;;09:00;16:00;2u;A\n"
        "T09;Hoogeveen;di,do;;;07:00;15:00;4u;A\n"
        "T12;Selecta;2x ma-vr;14:00;16:00;;;;A\n"
        "T01;Asito;ma-vr;07:00;10:00;;;;A\n"
        "T03;Sodexo;ma-vr;11:00;14:00;;;;A\n",
        encoding="utf-8",
    )
    locks = combibaan.Locks.of([("together", ["T05", "T09"])])
    result = combibaan.solve(combibaan.read_instance(path), locks=locks, time_limit=10)
    reasons = {u.task_id: u.reason for u in result.solution.unassigned}
    assert reasons["T05"].code == "together_no_job"
    said = combibaan.texts.render(reasons["T05"], "en")
    assert said.startswith("Must go with T09 (together T05|T09")
    assert "meets the rules: mostly the minimum of 20 h a week stands in the way" in said
    assert_sound(result)


def _starts(window: Window) -> set[tuple[int, int]]:
    """(day, minute of the week) of every start of a window, on any of its days."""
    week = 7 * 24 * 60
    return {
        (d, (d * 1440 + m) % week)
        for d in window.days
        for m in range(window.earliest, window.last_start + 1)
    }


@settings(max_examples=300, deadline=None)
@given(
    days=st.sets(st.integers(0, 6), min_size=1),
    earliest=st.integers(0, 1439),
    length=st.integers(1, 1440),
    minutes=st.integers(0, variants_module.MAX_WIDEN),
)
def test_a_wider_window_keeps_every_start_and_grows_up_to_a_day(
    days: set[int], earliest: int, length: int, minutes: int
) -> None:
    """Widening before midnight opens the window the evening before; it never loses a
    start (on 1150 of 1440 minutes it did: the window was cut at a day from 00:00)."""
    window = Window(tuple(sorted(days)), 1, earliest, earliest + length, 1)
    wider = variants_module.around(window.days, 1, earliest, earliest + length, 1, minutes)
    moments = {m for _, m in _starts(wider)}
    assert {m for _, m in _starts(window)} <= moments
    assert wider.latest - wider.earliest == min(length + 2 * minutes, 1440)


def test_a_night_window_or_shift_widens_into_the_evening_before() -> None:
    """00:30 on Tuesday an hour earlier is 23:30 on Monday: the lever that gives a job
    (explain and marginal said 00:00, and no gain)."""
    night = Task("F", "Securitas", (), windows=(Window((1, 2, 3, 4), 4, 30, 270, 240),))
    (wider,) = variants_module.widened(night, 60).windows
    assert (wider.days, wider.earliest, wider.latest) == ((0, 1, 2, 3), 1410, 1770)
    shift = Task("F", "Securitas", tuple(Slot(d, 30, 270) for d in (1, 2, 3, 4)))
    moved = variants_module.movable(shift, 120)
    assert moved is not None
    assert moved.windows == (Window((0, 1, 2, 3), 4, 1350, 1830, 240),)
    with pytest.raises(ValueError, match="0 to 720"):
        combibaan.widen_windows(combibaan.Instance((night,)), 721)
    evenings = tuple(Slot(d, 1080, 1200) for d in range(4))
    late = combibaan.Instance((night, Task("H", "Asito", evenings)))
    assert combibaan.solve(late, time_limit=5).num_jobs == 0
    assert combibaan.solve(combibaan.widen_windows(late, 60), time_limit=5).num_jobs == 1


def test_sweep_widens_every_window(tmp_path: Path) -> None:
    """``--widen-windows`` solves once per width; an hour more at both ends gives the
    outdoor workshop a 7th job at 20 h (instances/outdoor_flexible)."""
    folder = INSTANCES / "outdoor_flexible"
    instance = combibaan.read_instance(folder / "tasks.csv", folder / "travel.csv")
    wider = combibaan.widen_windows(instance, 60)
    mow = wider.task("O02").windows[0]
    assert (mow.earliest, mow.latest) == (6 * 60, 17 * 60)
    assert wider.task("O01") == instance.task("O01")
    grid = tmp_path / "grid.toml"
    grid.write_text("min_hours = [20]\n", encoding="utf-8")
    out = tmp_path / "sweep.csv"
    done = run_cli(
        "sweep",
        folder / "tasks.csv",
        "--travel",
        folder / "travel.csv",
        "--grid",
        grid,
        "--out",
        out,
        "--widen-windows",
        "0,60",
        "--time-limit",
        5,
        "--workers",
        1,
        "--quiet",
    )
    assert done.returncode == 0, done.stderr
    rows = out.read_text(encoding="utf-8").splitlines()
    assert [row.split(",")[:3] for row in rows[1:]] == [["0 min", "20", "6"], ["60 min", "20", "7"]]
    bad = run_cli(
        "sweep",
        folder / "tasks.csv",
        "--grid",
        grid,
        "--out",
        tmp_path / "x.csv",
        "--widen-windows",
        "0,x",
    )
    assert bad.returncode == 2 and "--widen-windows" in bad.stderr


def test_explain_and_marginal_offer_flexibility_as_a_lever() -> None:
    """A fixed task left out may fit when it can move (indoor I13, an hour either way);
    ``marginal`` ranks such moves, and takes lists with windows (widening them)."""
    folder = INSTANCES / "indoor"
    instance = combibaan.read_instance(folder / "tasks.csv", folder / "travel.csv")
    explained = combibaan.explain(instance, "I13", time_limit=10)
    moves = [r for r in explained.relaxations if r.key == "move"]
    assert [m.change for m in moves] == [
        "als I13 kan beginnen tussen 05:30 en 07:30 in plaats van om 06:30"
    ]
    assert moves[0].instance is not None and moves[0].instance.task("I13").windows
    flexible_folder = INSTANCES / "outdoor_flexible"
    flexible_list = combibaan.read_instance(
        flexible_folder / "tasks.csv", flexible_folder / "travel.csv"
    )
    table = combibaan.marginal(flexible_list, time_limit=3, workers=1, keep_all=True)
    kinds = dict(zip(table["change"], table["kind"], strict=True))
    assert (
        kinds[
            "task O02 (Verheij): time window 60 min wider at both ends (07:00-16:00 → 06:00-17:00)"
        ]
        == "task_window"
    )
    assert any(": free to start between " in change for change in kinds)


MOVES_FURTHER = """task_id,supplier,days,start,end,earliest,latest,duration,location
T01,Sodexo,ma-vr,13:00,16:00,,,,A
T02,Securitas,ma-vr,12:00,13:30,,,,A
T03,Asito,ma-vr,15:00,17:00,,,,C
T04,Maas,ma-vr,06:00,10:00,,,,A
T05,Securitas,"di,do,vr",,,12:30,17:30,03:00,A
T06,Sodexo,"ma,do,vr",07:30,10:00,,,,C
"""


def test_explain_tries_the_larger_move_where_the_smaller_only_places_the_task(
    tmp_path: Path,
) -> None:
    """An hour either way places T03 with no job more; two hours add one (a brute force
    agrees). Only the hour was offered: a group stopped at its first step that placed."""
    (tmp_path / "tasks.csv").write_text(MOVES_FURTHER, encoding="utf-8")
    instance = combibaan.read_instance(tmp_path / "tasks.csv")
    explained = combibaan.explain(instance, "T03", time_limit=10, workers=1, lang="en")
    moves = [(r.change, r.jobs_delta) for r in explained.relaxations if r.key == "move"]
    assert moves == [
        ("if T03 could start between 14:00 and 16:00 instead of at 15:00", 0),
        ("if T03 could start between 13:00 and 17:00 instead of at 15:00", 1),
    ]


def test_explain_takes_a_list_with_windows_and_widens_a_flexible_task() -> None:
    """A flexible task that overlaps its only partner at every start: ``explain`` names
    the overlap, finds no job with it, and offers its window an hour wider, where it
    fits after the partner; on that list it shows the times chosen."""
    cleaning = fixed("A", "Asito", 0, "08:00", "12:00")
    post = flexible("F", "Post", window((0,), 1, "09:00", "12:30", 90))
    instance = make_instance(cleaning, post)
    rules = Policy(min_hours=4)
    explained = combibaan.explain(instance, "F", rules, time_limit=5, workers=1)
    assert explained.compatible == () and explained.incompatible == {"overlap": ("A",)}
    assert explained.feasible_jobs == 0 and explained.feasible_complete
    assert "Tijden: ma 1:30 tussen 09:00 en 12:30" in explained.lines()[1]
    moves = [r for r in explained.relaxations if r.key == "move"]
    assert [(m.change, m.partners, m.jobs_delta) for m in moves] == [
        ("als F kan vallen binnen 08:00-13:30 in plaats van binnen 09:00-12:30", ("A",), 0)
    ]
    wider = moves[0].instance
    assert wider is not None
    again = combibaan.explain(wider, "F", rules, time_limit=5, workers=1, lang="en")
    assert again.compatible == ("A",) and again.feasible_jobs == 1
    assert "Times chosen for F: mon 12:00-13:30." in again.lines()
    assert_sound(again.result)


def test_a_window_widened_past_midnight_says_it_opens_the_evening_before() -> None:
    """N1 may start from 00:30 on Tuesday; an hour wider it may start at 23:30, which is
    Monday's: said so, or a reader at the table takes it for Tuesday 23:30. It then
    joins E1, Monday's evening work (one working day a week)."""
    evening = fixed("E1", "Asito", 0, "20:00", "23:00")
    night = flexible("N1", "Sodexo", window((1,), 1, "00:30", "03:00", 120))
    instance = make_instance(evening, night)
    rules = Policy(min_hours=5, max_days=1)
    for lang, said in (
        (
            "nl",
            "als N1 kan vallen binnen 23:30 (de avond ervoor)-04:00 in plaats van binnen "
            "00:30-03:00",
        ),
        (
            "en",
            "if N1 could lie within 23:30 (the evening before)-04:00 instead of within 00:30-03:00",
        ),
    ):
        explained = combibaan.explain(instance, "N1", rules, time_limit=5, workers=1, lang=lang)
        moves = [(r.change, r.jobs_delta) for r in explained.relaxations if r.key == "move"]
        assert moves[0] == (said, 1)
    moved = combibaan.explain(
        make_instance(evening, fixed("F1", "Sodexo", 1, "00:30", "02:30")),
        "F1",
        rules,
        time_limit=5,
        workers=1,
        lang="en",
    )
    changes = [r.change for r in moved.relaxations if r.key == "move"]
    assert changes[0] == (
        "if F1 could start between 23:30 (the evening before) and 01:30 instead of at 00:30"
    )


@pytest.mark.parametrize("strategy", ["exact", "large"])
def test_a_flexible_task_left_out_gets_its_reason_from_a_search_over_its_ways(
    strategy: str,
) -> None:
    """The reasons search around a flexible task over its ways, also where no complete
    enumeration stands behind them (the large path): on one working day a week, F fits
    beside B at some time but never with enough hours, and G overlaps A at every start."""
    a = fixed("A", "Asito", 0, "08:00", "12:00")
    b = fixed("B", "Csu", 1, "08:00", "09:00")
    f = flexible("F", "Post", window((1,), 1, "08:00", "12:00", 60))
    g = flexible("G", "Post", window((0,), 1, "09:00", "12:30", 90))
    instance = make_instance(a, b, f, g)
    rules = Policy(min_hours=4, max_days=1)
    result = combibaan.solve(instance, rules, time_limit=5, strategy=strategy)
    assert_sound(result)
    codes = {u.task_id: u.reason.code for u in result.solution.unassigned}
    assert codes == {"B": "no_job", "F": "no_job", "G": "isolated"}
    words = reasons(result, "en")
    assert "2.0 h" in words["F"] or "2 h" in words["F"], words["F"]
    assert "1 clashes in time, 2 add too many working days" in words["G"], words["G"]


def test_the_explain_command_shows_a_flexible_task_s_window_and_chosen_times() -> None:
    folder = INSTANCES / "outdoor_flexible"
    shown = run_cli(
        "explain",
        folder / "tasks.csv",
        "--travel",
        folder / "travel.csv",
        "--task",
        "O12",
        "--time-limit",
        "5",
    )
    assert shown.returncode == 0, shown.stderr
    assert "Tijden: 3x ma-vr 3:00 tussen 08:00 en 16:00" in shown.stdout
    assert "Gekozen tijden voor O12: " in shown.stdout


def test_explain_names_the_rule_that_stands_at_every_time_of_a_window() -> None:
    """Some starts of the window overlap the other task, the rest leave no time to
    travel: the pair is kept apart by travel, the rule that still stands."""
    here = fixed("A", "Asito", 0, "08:00", "10:00", location="X")
    there = flexible("F", "Post", window((0,), 1, "09:00", "11:30", 60), location="Y")
    instance = make_instance(here, there, travel=[("X", "Y", 45)])
    explained = combibaan.explain(instance, "F", Policy(min_hours=1), time_limit=5, workers=1)
    assert explained.incompatible == {"travel": ("A",)}


def test_explain_judges_partners_at_every_start_where_the_list_allows(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """On the searches' thinned starts alone (06:00 and the last) F fitted beside nobody,
    while the proposal had it in a job with A at 10:30: it fits from 10:15 (75 minutes of
    travel) until the day grows past 10 hours."""
    early = Task("A", "Asito", tuple(Slot(d, 360, 540) for d in range(5)), location="Noord")
    post = flexible("F", "Csu", window((0, 1, 2, 3, 4), 2, "06:00", "18:00", 180), location="Park")
    instance = make_instance(early, post, travel=[("Noord", "Park", 75)])
    explained = combibaan.explain(instance, "F", time_limit=5, workers=1, lang="en")
    assert explained.compatible == ("A",) and explained.feasible_jobs == 1
    assert explained.job is not None and not explained.starts_tried
    # Where the list has too many ways for that, it says its judgement holds for the
    # starts tried.
    monkeypatch.setattr(explain_module, "EXPLAIN_WAYS", 2)
    coarse = combibaan.explain(instance, "F", time_limit=5, workers=1, lang="en")
    assert coarse.starts_tried and "starts tried" in str(coarse)


def test_a_kept_job_holds_at_the_times_that_make_it_a_job() -> None:
    """A workshop keeps a proposed job by its tasks: with a flexible task it holds at
    the times that work (the post after the cleaning, on the cleaning's days), not at
    the window's start; a job that works at no time is a conflict."""
    cleaning = Task("A", "Asito", tuple(Slot(d, 480, 720) for d in (0, 1)), location="A")
    post = flexible("F", "Post", window((0, 1, 2, 3, 4), 2, "09:00", "14:00", 90))
    other = fixed("C", "Csu", 2, "08:00", "12:00")
    instance = make_instance(cleaning, post, other)
    rules = Policy(min_hours=4)
    keep = combibaan.Locks((combibaan.Lock("keep", ("A", "F")),))
    result = combibaan.solve(instance, rules, locks=keep, time_limit=5, workers=1)
    (job,) = [j for j in result.solution.jobs if "F" in j.task_ids]
    assert job.task_ids == ("A", "F")
    chosen = job.slots_of("F")
    assert [s.day for s in chosen] == [0, 1] and all(s.start >= 720 for s in chosen)
    assert combibaan.check_result(result) == []
    # At the window's start (09:00) the kept job breaks the overlap rule: no comparison.
    assert result.at_window_start is None
    never = make_instance(cleaning, flexible("F", "Post", window((0,), 1, "09:00", "12:30", 90)))
    with pytest.raises(combibaan.LockConflict):
        combibaan.solve(never, rules, locks=keep, time_limit=5, workers=1)
    # At its first choice F overlaps; at its later starts the travel is too short: the
    # conflict names the travel, the rule that still stands where F moves.
    away = flexible("F", "Post", window((0,), 1, "09:00", "13:00", 60), location="Y")
    too_far = make_instance(cleaning, away, travel=[("A", "Y", 45)])
    with pytest.raises(combibaan.LockConflict) as conflict:
        combibaan.solve(too_far, rules, locks=keep, time_limit=5, workers=1)
    assert conflict.value.text("nl").endswith("tussen A en F zit 0 min, reizen kost 45 min.")


def test_a_kept_job_of_three_suppliers_is_refused_for_them_not_an_overlap() -> None:
    """Three suppliers break the rule at every time; the conflict named the overlap of
    S1 and A1 at A1's first starts, which a later start avoids."""
    weekdays = tuple(range(5))
    s1 = Task("S1", "Asito", tuple(Slot(d, 420, 660) for d in weekdays), location="A")
    a1 = flexible("A1", "Selecta", window(weekdays, 5, "09:00", "16:00", 60))
    n1 = flexible("N1", "Securitas", window(weekdays, 5, "22:00", "03:00", 90))
    keep = combibaan.Locks((combibaan.Lock("keep", ("S1", "A1", "N1")),))
    with pytest.raises(combibaan.LockConflict) as conflict:
        combibaan.solve(Instance((s1, a1, n1)), locks=keep, time_limit=5, workers=1)
    assert conflict.value.text("en").endswith("is not a valid job: 3 suppliers (max 2).")


@pytest.mark.parametrize("strategy", ["exact", "large"])
def test_two_runs_choose_the_same_jobs_and_times(strategy: str) -> None:
    folder = INSTANCES / "indoor_flexible"
    instance = combibaan.read_instance(folder / "tasks.csv", folder / "travel.csv")
    first, second = (
        combibaan.solve(instance, time_limit=10, strategy=strategy, seed=3) for _ in range(2)
    )
    assert first.solution.jobs == second.solution.jobs
    assert all(job.schedule for job in first.solution.jobs)


def test_locks_hold_over_windows() -> None:
    """A kept job with a flexible task keeps it at the first times that make it a job; an
    apart lock keeps two tasks apart whichever way they are done; check passes on both."""
    instance = Instance((*ROUND, fixed("T", "Maas", 0, "12:00", "14:00")))
    policy = Policy(min_hours=3, travel_minutes=0)
    kept = combibaan.solve(
        instance,
        policy,
        locks=combibaan.Locks((combibaan.Lock("keep", ("S", "R")),)),
        time_limit=10,
    )
    assert_sound(kept)
    job = next(j for j in kept.solution.jobs if "R" in j.task_ids)
    assert set(job.task_ids) == {"S", "R"} and job.slots_of("R") == (Slot(0, 600, 660),)
    apart = combibaan.solve(
        instance,
        policy,
        locks=combibaan.Locks((combibaan.Lock("apart", ("S", "R")),)),
        time_limit=10,
    )
    assert_sound(apart)
    assert not any({"S", "R"} <= set(j.task_ids) for j in apart.solution.jobs)


@pytest.mark.parametrize(
    "entries",
    [
        "x",
        [1, 2],
        [{"task_id": ["R"], "day": "ma", "start": "10:00", "end": "11:00"}],
        [{"task_id": "R", "day": "xx", "start": "25:99", "end": "1"}],
        [{"task_id": "R" * 5000, "day": "ma", "start": 9, "end": float("nan")}],
    ],
)
def test_check_reads_a_broken_schedule_as_violations(entries: object) -> None:
    instance, policy = Instance(ROUND), Policy(min_hours=4, travel_minutes=0)
    document = _one_job(instance, policy, {})
    document["jobs"][0]["schedule"] = entries
    found = combibaan.check_solution(instance, document)
    assert {"schedule", "structure"} & {v.rule for v in found}
    assert all(len(v.text()) < 400 for v in found)


def test_check_names_the_unreadable_field_and_judges_no_rule_on_the_rest() -> None:
    """An end of 25:00 is named with its value; the job's rules are not judged on the
    entries left (which gave "4 hours, fewer than 4"-like breaches that are not there)."""
    instance, policy = Instance(ROUND), Policy(min_hours=4, travel_minutes=0)
    shift, round_ = ("ma", "07:00", "10:00"), ("ma", "10:00", "11:00")
    for entry, words in (
        (("ma", "10:00", "25:00"), "entry 2 of 'schedule' (R): end '25:00' is not a time"),
        (("maandag", "10:00", "11:00"), "entry 2 of 'schedule' (R): day 'maandag' is not a day"),
        (("ma", "10.00", "11:00"), "entry 2 of 'schedule' (R): start '10.00' is not a time"),
    ):
        document = _one_job(instance, policy, {"S": [shift], "R": [entry]})
        found = [v.text("en") for v in combibaan.check_solution(instance, document)]
        assert found == [
            f"[schedule] job B01: {words} HH:MM (00:00 to 23:59)"
            if "time" in words
            else f"[schedule] job B01: {words} (mon … sun)",
            "[schedule] job B01: this job's rules were not judged: not every entry of "
            "'schedule' could be read",
        ], found
    other = _one_job(instance, policy, {"S": [shift], "R": [round_], "X": [round_]})
    found = [v.text("en") for v in combibaan.check_solution(instance, other)]
    assert found == ["[schedule] job B01: entry 3 of 'schedule': 'X' is not a task of this job"]


def test_check_counts_the_chosen_times_before_it_searches_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Surplus entries are refused by their number: searching their combinations took
    97 s for 128 entries of one task with four windows."""
    from combibaan.check import schedule

    def searched(windows: list[object], left: Counter[object]) -> bool:
        if windows:  # R's: two times where one is asked
            raise AssertionError("the search ran on a count that cannot fit")
        return not left

    instance, policy = Instance(ROUND), Policy(min_hours=4, travel_minutes=0)
    times = [("ma", f"{h:02d}:{m:02d}", f"{h + 1:02d}:{m:02d}") for h in (10,) for m in (0, 30)]
    document = _one_job(instance, policy, {"S": [("ma", "07:00", "10:00")], "R": times})
    monkeypatch.setattr(schedule, "_windows", searched)
    found = [v.text("en") for v in combibaan.check_solution(instance, document)]
    assert (
        "[schedule] job B01: R has 2 chosen times besides its fixed ones, where its time "
        "windows ask for 1" in found
    )


def test_jobs_listed_without_the_days_search_get_their_fewest_days_when_offered() -> None:
    """The count's listing skips the search for fewer working days; the jobs it hands
    on are recorded at the fewest days found, as a listing with that search would."""
    import networkx as nx

    from combibaan.generate import generate
    from combibaan.rules import Limits
    from combibaan.solvers.compatibility import compatibility_graph
    from combibaan.solvers.enumeration import enumerate_jobs
    from combibaan.solvers.expansion import VariantSource, expand

    policy = Policy()
    limits = Limits.of(policy)
    fewer = 0
    for family, seed in (("campus", 0), ("night", 1), ("remote", 2)):
        tasks, travel = generate(24, seed, family=family, flexible=0.5)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # generated travel tables name unused places
            instance = combibaan.read_instance(tasks, travel)
        searched, plain = expand(instance, limits), expand(instance, limits)
        graph = compatibility_graph(instance, policy, plain.profiles, (), plain.task_of)
        tie_broken = searched.record(
            enumerate_jobs(graph, searched.profiles, limits, task_of=searched.task_of).jobs
        )
        source = VariantSource(plain, graph)
        task_graph_ = nx.Graph((plain.task_of[a], plain.task_of[b]) for a, b in graph.edges)
        task_graph_.add_nodes_from(set(plain.task_of))
        listed = source.enumerate(task_graph_, plain.profiles, limits, fewest_days=False)
        assert sorted(listed.jobs) == sorted(tie_broken)
        before = {job: len(plain.days(job) or ()) for job in listed.jobs}
        assert source.on_fewest_days(listed.jobs, limits) > 0
        for job in listed.jobs:
            after = len(plain.days(job) or ())
            assert after <= before[job]
            assert after <= len(searched.days(job) or ())
            fewer += after < before[job]
    assert fewer  # the search did find fewer days for some of them
