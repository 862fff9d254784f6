"""Large-neighbourhood search: improve a proposal piece by piece when the whole is too big.

Enumerating every job of a thousand tasks explodes, but the jobs among forty
tasks are few. So, starting from the greedy proposal, each step frees a
handful of jobs around one task (jobs holding tasks compatible with it) plus
free tasks nearby, enumerates every feasible job among just those tasks, and
lets CP-SAT pack them exactly with the same lexicographic objective as the
whole model (jobs, then hours, then burden). The current jobs are among the
columns, so a step never makes things worse; it is kept when it is at least as
good, which lets the search drift over plateaus of equal value.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import networkx as nx

from combibaan.solvers.enumeration import enumerate_jobs
from combibaan.solvers.ortools import solve_packing
from combibaan.solvers.profile import Limits, Profile

#: Jobs freed per step, and free tasks added to them.
FREED_JOBS = 6
FREE_TASKS = 14
#: Column cap and seconds for one step's enumeration and packing.
STEP_COLUMNS = 20_000
STEP_SECONDS = 2.0

Score = tuple[int, int, int]


@dataclass(frozen=True)
class SearchOutcome:
    jobs: list[tuple[int, ...]]
    steps: int
    improvements: int
    interrupted: bool
    seconds: float


def score(jobs: Sequence[tuple[int, ...]], profiles: Sequence[Profile], burden: Callable) -> Score:
    """The lexicographic objective as a tuple: more jobs, more minutes, less burden."""
    return (
        len(jobs),
        sum(profiles[t].minutes for job in jobs for t in job),
        -sum(burden(job) for job in jobs),
    )


def improve(
    adjacency: Mapping[int, set[int]],
    profiles: Sequence[Profile],
    limits: Limits,
    start: Sequence[tuple[int, ...]],
    burden: Callable[[tuple[int, ...]], int],
    deadline: float,
    *,
    seed: int = 0,
    report: Callable[[int], None] | None = None,
    stop: Callable[[], bool] | None = None,
    accept: Callable[[Sequence[int]], bool] | None = None,
) -> SearchOutcome:
    """Improve ``start`` (disjoint feasible jobs) until ``deadline`` or ``stop()``.

    ``report`` is called with the number of jobs after each improvement;
    ``accept`` rejects jobs that workshop locks forbid (as in enumeration).
    Ctrl-C ends the search and returns the best jobs so far.
    """
    started = time.perf_counter()
    rng = random.Random(seed)
    jobs: dict[int, tuple[int, ...]] = dict(enumerate(start))
    owner = {t: k for k, job in jobs.items() for t in job}
    next_id = len(jobs)
    tasks = [v for v in adjacency if adjacency[v]]
    steps = improvements = 0
    interrupted = False
    try:
        while tasks and time.perf_counter() < deadline and not (stop and stop()):
            steps += 1
            centre = rng.choice(tasks)
            freed, pool = _neighbourhood(centre, adjacency, jobs, owner, rng)
            old = [jobs[k] for k in freed]
            new, was_interrupted = _repack(
                pool, old, adjacency, profiles, limits, burden, deadline, rng, accept
            )
            if was_interrupted:
                interrupted = True
                break
            if new is None:
                continue
            before, after = score(old, profiles, burden), score(new, profiles, burden)
            if after < before:
                continue
            for k in freed:
                for t in jobs.pop(k):
                    del owner[t]
            for job in new:
                jobs[next_id] = job
                owner.update((t, next_id) for t in job)
                next_id += 1
            if after > before:
                improvements += 1
                if report and after[0] > before[0]:
                    report(len(jobs))
    except KeyboardInterrupt:
        interrupted = True
    return SearchOutcome(
        list(jobs.values()), steps, improvements, interrupted, time.perf_counter() - started
    )


def _neighbourhood(
    centre: int,
    adjacency: Mapping[int, set[int]],
    jobs: Mapping[int, tuple[int, ...]],
    owner: Mapping[int, int],
    rng: random.Random,
) -> tuple[list[int], set[int]]:
    """Jobs to free (ids) and the pool of tasks to repack: around ``centre``."""
    near = list(adjacency[centre])
    rng.shuffle(near)
    freed: list[int] = []
    free: list[int] = []
    if centre in owner:
        freed.append(owner[centre])
    else:
        free.append(centre)
    for t in near:
        k = owner.get(t)
        if k is None:
            if len(free) < FREE_TASKS:
                free.append(t)
        elif k not in freed and len(freed) < FREED_JOBS:
            freed.append(k)
        if len(freed) >= FREED_JOBS and len(free) >= FREE_TASKS:
            break
    pool = set(free)
    for k in freed:
        pool.update(jobs[k])
    return freed, pool


def _repack(
    pool: set[int],
    old: list[tuple[int, ...]],
    adjacency: Mapping[int, set[int]],
    profiles: Sequence[Profile],
    limits: Limits,
    burden: Callable[[tuple[int, ...]], int],
    deadline: float,
    rng: random.Random,
    accept: Callable[[Sequence[int]], bool] | None = None,
) -> tuple[list[tuple[int, ...]] | None, bool]:
    """The best packing of jobs among ``pool`` (None if none found), and whether interrupted."""
    graph = nx.Graph()
    graph.add_nodes_from(pool)
    graph.add_edges_from((u, v) for u in pool for v in adjacency[u] & pool if u < v)
    step_deadline = min(deadline, time.perf_counter() + STEP_SECONDS)
    found = enumerate_jobs(
        graph,
        list(profiles),
        limits,
        max_jobs=STEP_COLUMNS,
        deadline=step_deadline,
        accept=accept,
    )
    columns = list(dict.fromkeys([*found.jobs, *old]))
    if not columns:
        return None, False
    index = {c: k for k, c in enumerate(columns)}
    outcome = solve_packing(
        columns,
        [sum(profiles[t].minutes for t in c) for c in columns],
        [burden(c) for c in columns],
        tasks=len(pool),
        tasks_minutes=sum(profiles[t].minutes for t in pool),
        deadline=max(step_deadline, time.perf_counter() + 0.2),
        seed=rng.randrange(1 << 30),
        workers=1,
        hint=[index[c] for c in old],
    )
    if outcome.status == "unknown":
        return None, outcome.interrupted
    return [columns[k] for k in outcome.selected], outcome.interrupted
