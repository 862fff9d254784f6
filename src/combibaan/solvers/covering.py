"""Cover mode in the pipeline: every task in a job, in the fewest jobs.

:func:`.solve` hands over here when the policy asks ``cover``; the model itself is
:func:`.cover.solve_cover`. This module turns the pipeline's :class:`~.strategies.Problem`
(graph, locks, budget) and the candidates into the model's holders, and its outcome
into a :class:`~combibaan.result.Result`: ``jobs_bound`` is then a proven *lower*
bound, and when no cover exists the tasks that no candidate (or no job) can take are
named as the reason.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import replace

import networkx as nx

from combibaan.model import Candidate, Instance, Solution, Unassigned
from combibaan.model.phrase import Phrase
from combibaan.result import Result, Statistics
from combibaan.rules import NO_LIMIT
from combibaan.solvers.candidate_jobs import KeptJob, holders_of, kept_jobs
from combibaan.solvers.cover import CoverOutcome, solve_cover
from combibaan.solvers.expansion import kept_times
from combibaan.solvers.jobs import numbered_jobs
from combibaan.solvers.reasons import (
    REASONS_SHARE,
    Allowance,
    at_starts_tried,
    set_aside,
    unassigned_reasons,
)
from combibaan.solvers.strategies import Problem

#: The share of the time limit, at most so many seconds, kept after the search.
MARGIN_SHARE = 0.03
MARGIN_SECONDS = 2.0
#: Reasons (:mod:`.reasons`) that prove no job can hold a task at all.
NO_JOB = frozenset(
    {
        "too_long",
        "isolated",
        "isolated_alone",
        "no_job",
        "no_job_rule",
        # a together lock whose tasks no job can hold together (or with one excluded)
        "together_pair",
        "together_no_job",
        "together_excluded",
    }
)
#: Of those, the ones judged by the rules on the task and its partners: wrong for a task
#: that alone is a job (``--min-hours off``), which the reasons read as "alone, and no
#: task fits beside it" with nothing to say on why alone it is none.
ALONE_CODES = frozenset({"isolated", "isolated_alone", "no_job", "no_job_rule"})


def cover_result(problem: Problem, candidates: Sequence[Candidate]) -> Result:
    """The fewest jobs that hold every task the locks leave to the search, each held by
    a candidate when there are candidates; kept jobs stay as they are."""
    budget, plan, expansion = problem.budget, problem.plan, problem.expansion
    time_limit = max(0.0, budget.time_limit - budget.seconds() - _margin(budget.time_limit))
    together = sorted({group for group in plan.groups.values()}, key=sorted)
    if expansion is not None and problem.nodes is not None and expansion.flexible:
        # Over the ways of the flexible tasks; each job comes back as tasks, its ways
        # settled as its schedule.
        outcome = solve_cover(
            problem.nodes,
            expansion.profiles,
            problem.limits,
            holders_of(problem.instance, candidates, expansion) if candidates else None,
            time_limit=time_limit,
            workers=problem.workers,
            seed=problem.seed,
            tasks=[v for v, t in enumerate(expansion.task_of) if t not in plan.removed],
            together=together,
            task_of=expansion.task_of,
        )
        outcome = replace(outcome, jobs=tuple(expansion.settle(job) for job in outcome.jobs))
    else:
        # A window with one way is a task here, judged at that way's times: without the
        # expansion a candidate was asked of its fixed slots only, which it has none of.
        outcome = solve_cover(
            problem.graph,
            problem.profiles,
            problem.limits,
            holders_of(problem.instance, candidates, expansion) if candidates else None,
            time_limit=time_limit,
            workers=problem.workers,
            seed=problem.seed,
            tasks=sorted(set(range(len(problem.profiles))) - plan.removed),
            together=together,
        )
    kept = plan.keep_jobs
    found = outcome.status in ("optimal", "feasible")
    # Without a cover the workshop's kept jobs still stand: they hold whatever the rest.
    covered = outcome.jobs if found else ()
    codes: list[str | None] = [None] * len(covered)
    if candidates and found:
        codes = [candidates[k].id for k in outcome.holders]
    busy = set(outcome.holders) if found else set()
    takers = kept_jobs(problem, candidates) if candidates else []
    free = _kept_holders(takers, busy)
    codes += [None if j not in free else candidates[free[j]].id for j in range(len(kept))]
    for j, k in free.items():
        if expansion is not None and k in takers[j].ways:  # at times its candidate can work
            expansion.settle(takers[j].ways[k])
    schedule = None if expansion is None else expansion.schedule
    jobs = numbered_jobs([*covered, *kept], problem.instance, codes, schedule)
    status, bound, tried = outcome.status, outcome.lower_bound + len(kept), False
    if problem.starts_thinned:
        # The search knew only the starts tried: its optimum, its lower bound and its
        # "no cover" hold for those; claim only what holds for every start.
        tried = status in ("optimal", "infeasible")  # "no cover" is proven for them too
        status = {"optimal": "feasible", "infeasible": "unknown"}.get(status, status)
        bound = _start_free_least(problem) + len(kept)
    proven = status == "optimal" or (found and len(jobs) == bound)
    seconds = budget.seconds()
    return Result(
        instance=problem.instance,
        policy=problem.policy,
        solution=Solution(jobs, _left_out(problem, outcome, bool(candidates))),
        status=status,
        jobs_bound=bound if status != "infeasible" else None,
        solve_seconds=seconds,
        statistics=Statistics(
            method="cover",
            tasks=len(problem.instance.tasks),
            compatible_pairs=problem.graph.number_of_edges(),
            columns=len(outcome.jobs),
            enumeration_complete=False,
            enumeration_seconds=0.0,
            greedy_jobs=outcome.first_jobs,
            packing_status=outcome.status,
            jobs_proven_seconds=seconds if proven else None,
            wall_clock_cut=outcome.wall_clock_cut,
            interrupted=outcome.interrupted,
        ),
        locks=plan.locks or None,
        forbid_pairs=plan.forbid_pairs,
        jobs_status="optimal" if proven else status,
        hours_bound=sum(j.minutes_per_week for j in jobs) / 60 if found else None,
        stopped=_stopped(outcome, proven, status, problem.starts_thinned, tried),
        candidates=tuple(candidates),
    )


def _kept_holders(kept: Sequence[KeptJob], busy: set[int]) -> dict[int, int]:
    """A candidate for as many of the workshop's kept jobs as can have one, among those
    the cover leaves free (the fewest jobs come first): kept job to candidate index, by
    a maximum matching."""
    graph: nx.Graph[tuple[str, int]] = nx.Graph()
    jobs = [("job", j) for j in range(len(kept))]
    graph.add_nodes_from(jobs)
    for j, job in enumerate(kept):
        graph.add_edges_from((("job", j), ("candidate", k)) for k in sorted(job.takers - busy))
    matching = nx.bipartite.hopcroft_karp_matching(graph, top_nodes=jobs)
    return {j: matching[("job", j)][1] for j in range(len(kept)) if ("job", j) in matching}


def _start_free_least(problem: Problem) -> int:
    """The fewest jobs any cover needs, whatever the starts: the minutes of every task to
    cover over a job's most (at least one job when there is a task)."""
    minutes = problem.start_free_minutes()
    most = problem.limits.max_minutes
    if minutes == 0:
        return 0
    return max(1, math.ceil(minutes / most)) if most < NO_LIMIT else 1


def _stopped(outcome: CoverOutcome, proven: bool, status: str, thinned: bool, tried: bool) -> str:
    """How the run ended; under thinned starts never ``proven`` (see :func:`cover_result`)."""
    if thinned:
        return "starts_tried" if tried else "interrupted" if outcome.interrupted else "time_limit"
    if proven or status == "infeasible":
        return "proven"
    return "interrupted" if outcome.interrupted else "time_limit"


def _margin(time_limit: float) -> float:
    """Seconds kept after the search to build the result and its reasons: the search's
    last step may overrun its cap a little (SMPTSP at 60 s: up to 2 s without this)."""
    return min(MARGIN_SHARE * time_limit, MARGIN_SECONDS)


def _left_out(problem: Problem, outcome: CoverOutcome, people: bool) -> tuple[Unassigned, ...]:
    """Why tasks are in no job: the workshop excluded them, or no cover was found; then
    the tasks no candidate (or no job at all) can take say why none exists (``people``:
    with candidates, whose availability may be the cause). Over thinned starts a reason
    says it holds for the starts tried."""
    instance, plan = problem.instance, problem.plan
    placed = {t for job in (*outcome.jobs, *plan.keep_jobs) for t in job}
    if outcome.status not in ("optimal", "feasible"):
        placed = {t for job in plan.keep_jobs for t in job}
    stranded = _stranded(problem) if outcome.status == "infeasible" else {}
    advice = _advice(problem)
    left = []
    for t, task in enumerate(instance.tasks):
        if t in placed:
            continue
        reason = set_aside(instance, plan, problem.graph, problem.limits, problem.profiles, t)
        if reason is None:
            reason = _no_cover_reason(
                t, instance, outcome, stranded, people, advice, problem.starts_thinned
            )
        left.append(Unassigned(task.id, reason))
    if problem.starts_thinned:
        return tuple(at_starts_tried(item) for item in left)
    return tuple(left)


def _no_cover_reason(
    t: int,
    instance: Instance,
    outcome: CoverOutcome,
    stranded: Mapping[int, Phrase],
    people: bool,
    advice: Phrase,
    thinned: bool,
) -> Phrase:
    """Why task ``t`` is in no job of a cover that was not found or does not exist
    (``thinned``: over the starts tried only, so not proven for every start)."""
    if t in outcome.uncoverable:
        return Phrase("no_candidate")
    if t in stranded:
        return stranded[t]
    if outcome.status == "infeasible":
        code = "no_cover_candidates" if people else "no_cover"
        blocking = _blocking(instance, outcome, stranded, people)
        proven = "" if thinned else Phrase("cover_proven")
        return Phrase(code, {"blocking": blocking, "advice": advice, "proven": proven})
    return Phrase("cover_not_found")


def _advice(problem: Problem) -> Phrase:
    """What may make a cover exist: the workshop's locks first where there are any, a rule
    switched off (``--min-hours off`` as the example while it is on), or no cover mode."""
    plan = problem.plan
    if plan.locks or plan.forbid_pairs:
        return Phrase("cover_advice_locks")
    on = problem.policy.min_hours is not None
    return Phrase("cover_advice_min_hours" if on else "cover_advice")


def _stranded(problem: Problem) -> dict[int, Phrase]:
    """Tasks no job can hold, whatever the search, with the reason: too long alone, beside
    no task, or never enough hours with the tasks that fit beside it (the searches of
    :mod:`.reasons`, within their share of the time limit)."""
    allowance = Allowance(problem.budget.nodes(REASONS_SHARE), problem.budget.deadline)
    reasons = unassigned_reasons(
        problem.instance,
        problem.policy,
        problem.profiles,
        problem.graph,
        [],
        False,
        {},
        problem.plan,
        allowance,
    )
    index = problem.instance.task_index
    grid = None if problem.expansion is None else problem.expansion.grid

    def alone_a_job(t: int) -> bool:  # then no rule strands it (no least hours in cover)
        if problem.profiles[t].minutes < problem.limits.min_minutes:
            return False  # its minutes are the same at every way
        times = kept_times(problem.instance, problem.policy, problem.profiles, [t], grid)
        return times.slots is not None

    return {
        index[u.task_id]: u.reason
        for u in reasons
        if u.reason.code in NO_JOB
        and not (u.reason.code in ALONE_CODES and alone_a_job(index[u.task_id]))
    }


def _blocking(
    instance: Instance, outcome: CoverOutcome, stranded: Mapping[int, Phrase], people: bool
) -> Phrase | str:
    """The tasks that on their own make covering impossible (nobody can take them, or no
    job can hold them), if any are known; candidates are named only where there are."""
    blocking = sorted({*outcome.uncoverable, *stranded})
    if not blocking:
        return ""
    names = ", ".join(instance.tasks[t].id for t in blocking)
    code = "cover_blocking" if people else "cover_blocking_jobs"
    return Phrase(code, {"tasks": names, "n": len(blocking)})
