"""Further proposals that differ meaningfully from the best: the workshop's "show me another way".

After the best packing, the same set-packing model is solved again with a
no-good per earlier proposal: of each earlier proposal's ``m`` jobs at least
``⌈m_best / 3⌉`` (min 1, at most ``m``) must be dropped, and at least one job
must be chosen. Renumbering the same jobs or swapping one task between two jobs
is therefore not an alternative, while a real rearrangement is. The loop stops
at ``count`` alternatives, when the model becomes infeasible (no further
different proposal exists over the columns) or when time runs out.

Each alternative is as good as possible given the no-goods (CP-SAT's objective
is unchanged), so the first alternatives are the best other ways to bundle.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Sequence
from dataclasses import replace

from combibaan.model import Alternative, Job, Solution
from combibaan.solvers.budget import Budget
from combibaan.solvers.ortools import PackingOutcome, solve_packing
from combibaan.solvers.ortools.workshop import Constrain, combine, differ_from


def required_difference(best_jobs: int) -> int:
    """How many of an earlier proposal's jobs a new one must drop: a third, at least one."""
    return max(1, math.ceil(best_jobs / 3))


def find_alternatives(
    columns: Sequence[tuple[int, ...]],
    minutes: Sequence[int],
    burdens: Sequence[int],
    best: Sequence[int],
    count: int,
    *,
    tasks: int,
    tasks_minutes: int,
    budget: Budget,
    seed: int = 0,
    workers: int = 0,
    base: Constrain | None = None,
) -> list[PackingOutcome]:
    """Up to ``count`` packings, each differing from the best and from each other.

    ``best`` are the chosen columns of the best proposal; ``base`` adds the
    constraints the best proposal was found under (e.g. required tasks).
    Each search gets an equal share of the budget's deterministic work, so the
    alternatives, too, are the same on every run.
    """
    found: list[PackingOutcome] = []
    if not best or count <= 0:
        return found  # no job to differ from: nothing but "no jobs" would remain
    earlier: list[tuple[int, ...]] = [tuple(best)]
    differ = required_difference(len(best))
    share = budget.work() / count
    while len(found) < count and time.perf_counter() < budget.deadline:
        outcome = solve_packing(
            columns,
            minutes,
            burdens,
            tasks=tasks,
            tasks_minutes=tasks_minutes,
            deadline=budget.deadline,
            work=share,
            seed=seed,
            workers=workers,
            constrain=combine(base, differ_from(tuple(earlier), differ)),
        )
        if outcome.status not in ("optimal", "feasible") or not outcome.selected:
            break
        found.append(outcome)
        earlier.append(outcome.selected)
    return found


def to_alternatives(
    outcomes: Sequence[PackingOutcome],
    solution_of: Callable[[tuple[int, ...], int], Solution],
    best: Solution,
    *,
    every_job: bool,
    best_optimal: bool,
) -> tuple[Alternative, ...]:
    """Packings as :class:`Alternative` proposals compared with the best one.

    ``every_job`` says whether the columns held every feasible job (only then is
    an alternative's own optimality a statement about all proposals).
    """
    best_jobs = len(best.jobs)
    best_minutes = sum(job.minutes_per_week for job in best.jobs)
    out = []
    for rank, outcome in enumerate(outcomes, start=1):
        solution = solution_of(outcome.selected, rank)
        jobs_delta = len(solution.jobs) - best_jobs
        minutes_delta = sum(job.minutes_per_week for job in solution.jobs) - best_minutes
        out.append(
            Alternative(
                rank=rank,
                solution=solution,
                status="optimal" if every_job and outcome.status == "optimal" else "feasible",
                jobs_delta=jobs_delta,
                hours_delta=minutes_delta / 60,
                proven_optimal=best_optimal and jobs_delta == 0 and minutes_delta == 0,
            )
        )
    return tuple(out)


def named(jobs: Sequence[Job], best: Solution, rank: int) -> tuple[Job, ...]:
    """Alternative ``rank``'s jobs named so that no id means two jobs: a job the best
    proposal has too keeps its id there (``B02``), another one is ``A1-1``, ``A1-2``
    (alternative 1's first and second own job), wherever they are shown or written."""
    same = {frozenset(job.task_ids): job.job_id for job in best.jobs}
    out, own = [], 0
    for job in jobs:
        job_id = same.get(frozenset(job.task_ids))
        if job_id is None:
            own += 1
            job_id = f"A{rank}-{own}"
        out.append(replace(job, job_id=job_id))
    return tuple(out)
