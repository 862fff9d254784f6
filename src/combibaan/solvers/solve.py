"""From an instance and a policy to a proposal with a proven bound: the solver pipeline.

1. the compatibility graph (which pairs of tasks can share a job);
2. a greedy proposal, so that there is always an answer and a hint;
3. a strategy (:mod:`.strategies`, one interface): ``exact`` enumerates every
   feasible job and packs them with CP-SAT in stages, the number of jobs first
   (:mod:`.exact`); ``large`` bounds by column generation and improves by local
   search (:mod:`.large`); ``auto`` picks by size;
4. the verdict (what is proven), a reason for every task left out, alternatives.

Searches stop on deterministic budgets derived from the time limit
(:mod:`.budget`), so the same input, policy, seed and workers give the same
proposal; the wall clock is only a cap, and the result says when it cut.
"""

from __future__ import annotations

import math
import numbers
import time
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from combibaan.model import Candidate, Instance, Job, Locks, Solution, Unassigned
from combibaan.model.locks import SupplierPair, pair_list
from combibaan.model.phrase import Phrase
from combibaan.model.variants import EVERY_START, MAX_VARIANTS, more_ways, total_ways
from combibaan.result import AtWindowStart, Result, Statistics
from combibaan.rules import Limits, Policy, profiles
from combibaan.rules.facts import first_choice
from combibaan.solvers.alternatives import find_alternatives, named, to_alternatives
from combibaan.solvers.budget import Budget, reserve
from combibaan.solvers.candidate_jobs import (
    CANDIDATES_SHARE,
    candidates_result,
    jobs_for_candidates,
)
from combibaan.solvers.compatibility import compatibility_graph
from combibaan.solvers.covering import cover_result
from combibaan.solvers.every_start import (
    EVERY_START_SHARE,
    FINER_RANGES,
    MIN_BOUND_SECONDS,
    every_start_bound,
)
from combibaan.solvers.exact import MAX_COLUMNS
from combibaan.solvers.expansion import exact_grid, expand, kept_times, task_graph
from combibaan.solvers.greedy import greedy_jobs
from combibaan.solvers.jobs import numbered_jobs
from combibaan.solvers.locking import LockConflict, LockPlan, plan_locks
from combibaan.solvers.ortools.set_packing import Progress
from combibaan.solvers.ortools.workshop import require_tasks
from combibaan.solvers.reasons import (
    REASONS_SHARE,
    Allowance,
    at_starts_tried,
    unassigned_reasons,
)
from combibaan.solvers.strategies import Outcome, Problem, Strategy, strategy_named
from combibaan.solvers.strategies.base import NOTHING

#: Where the exact path proved its count over the thinned starts but the bound for every
#: start leaves room for more, the list is searched again with this many times the ways
#: (finer starts) in this share of the time limit, and the more jobs kept. 80 campus
#: tasks with windows, seed 1: 40 jobs at 8 ways, 41 (the bound) at 16.
REFINE_WAYS = 2
REFINE_SHARE = 0.4
#: While the bound still leaves room and the starts are still thinned, the search goes on
#: doubling the ways, up to this many times :data:`~combibaan.model.variants.MAX_VARIANTS`
#: and this many ways in all: a window widened 3 hours on 12 tasks with choices of days
#: lost a job at 16 ways (only each window's first and last start tried) that the
#: narrower list had. Where every start fits in as many ways, the last search tries every
#: start: a task of ``3x ma-vr`` in a window of 3.5 h on a one-minute grid (1,410 ways)
#: fitted beside two fixed tasks only at 09:07 or 09:08, which 64 times the ways missed.
REFINE_MOST = 64
REFINE_NODES = 6000
#: ... and only while each search took at most this share of the enumeration steps its
#: budget allows.
REFINE_SMALL = 0.1
#: With flexible tasks, the share of the time limit for the list with every window at its
#: start: the comparison the result reports (what the flexibility buys), and a proposal
#: the flexible search starts from, so that it never ends below it.
AT_START_SHARE = 0.25
#: Wall-clock time kept after the reasons to build the result: a share of the time limit,
#: at most this many seconds.
REASONS_MARGIN_SHARE = 0.02
REASONS_MARGIN_SECONDS = 0.5
#: After Ctrl-C the reasons get this many seconds at most (the tasks not reached then say
#: they were not worked out): on 140 short tasks they took 10-20 s after the press.
REASONS_AFTER_CTRL_C = 1.0


def solve(
    instance: Instance,
    policy: Policy | None = None,
    *,
    locks: Locks | None = None,
    forbid_pairs: Iterable[SupplierPair | str] = (),
    alternatives: int = 0,
    require: Collection[str] = (),
    time_limit: float = 60.0,
    seed: int = 0,
    workers: int = 0,
    max_columns: int = MAX_COLUMNS,
    progress: Progress | None = None,
    strategy: str = "auto",
    candidates: Sequence[Candidate] = (),
    only_candidates: bool = False,
) -> Result:
    """Bundle the instance's tasks into the most jobs the policy allows, or with
    ``policy.cover`` into the fewest jobs that hold every task.

    ``time_limit`` (seconds) covers the whole run. ``workers``: 0 or 1 runs
    CP-SAT with one worker, more run its interleaved parallel search; either
    way the same inputs give the same proposal. Ctrl-C returns the best
    proposal found so far with its bound. ``strategy`` (:mod:`.strategies`):
    ``exact`` enumerates jobs and packs them in stages, ``large`` bounds by
    column generation and improves by local search, ``auto`` picks ``large``
    above ``LARGE_TASKS`` tasks that fit in a job or when the jobs do not fit
    the enumeration's budget (``lns`` is an old name of ``large``).

    Workshop options (see :mod:`.locking`): ``locks`` and ``forbid_pairs``
    (``"Securitas|Sodexo"`` or a pair of names) are kept by every proposal;
    locks that cannot all hold raise :class:`~.locking.LockConflict` naming a
    minimal conflicting set. ``alternatives=K`` adds up to K proposals that
    differ meaningfully (:mod:`.alternatives`), searched in at most another
    ``time_limit`` seconds. ``require`` lists task ids that must be placed (the
    what-ifs of ``explain``); when that is impossible the status is ``infeasible``.

    ``candidates`` (:class:`~combibaan.model.Candidate`): each job is held by a
    distinct candidate who may do all of it, or is a vacancy. In cover mode every job
    is a candidate's (:mod:`.covering`); else the most jobs for candidates come first
    and the most vacancies beside them next, or none with ``only_candidates``. With
    flexible tasks the candidates choose among each task's ways, judged at their times.

    With flexible tasks the list is first solved with every window at its start
    (:func:`at_window_start`, the same candidates and locks), the count the result
    compares with; its proposal is the search's first hint where it places more.

    The reasons for tasks left out are data (:class:`~combibaan.model.phrase.Phrase`);
    they are worded at the edge (``Result.to_dict(lang)``, :func:`combibaan.texts.render`).
    """
    _check_arguments(instance, policy, time_limit, seed, workers)
    method = strategy_named(strategy)
    if only_candidates and not candidates:
        raise ValueError("only_candidates needs candidates")
    if alternatives and policy is not None:
        policy.most_jobs_only("--alternatives")
    forbid_pairs = pair_list(forbid_pairs)
    require = (require,) if isinstance(require, str) else tuple(require)
    budget = Budget.starting_now(time_limit)
    at_start = None
    if any(t.windows for t in instance.tasks):
        # The locks are judged on the list itself first: a conflict is the workshop's
        # to hear about, while a kept job that holds only at times other than the
        # windows' starts just leaves the comparison out.
        rules = policy or Policy()
        grid = exact_grid(instance, Limits.of(rules), _availability(candidates))
        plan_locks(instance, rules, locks, forbid_pairs, grid=grid)
        try:
            at_start = solve(
                at_window_start(instance),
                policy,
                locks=locks,
                forbid_pairs=forbid_pairs,
                require=require,
                time_limit=AT_START_SHARE * time_limit,
                seed=seed,
                workers=workers,
                max_columns=max_columns,
                strategy=strategy,
                candidates=candidates,
                only_candidates=only_candidates,
            )
        except LockConflict:
            at_start = None
        else:
            time_limit -= AT_START_SHARE * time_limit
            if at_start.stopped == "interrupted":  # Ctrl-C: no more search
                time_limit = 0.0

    def problem_of(
        keep: dict[tuple[int, ...], str],
        seconds: float,
        ways: Mapping[tuple[int, ...], tuple[int, ...]] | None = None,
        most: int | None = None,
    ) -> Problem:
        # The work budget is ``seconds``' (the same on every machine); the wall clock still
        # ends at the run's own deadline, however long the window-start solve took.
        start = min(time.perf_counter(), budget.deadline - seconds)
        return _problem(
            instance,
            policy or Policy(),
            locks,
            forbid_pairs,
            require,
            Budget(start, seconds),
            seed,
            workers,
            max_columns,
            progress,
            keep,
            ways or {},
            _availability(candidates),
            most,
        )

    window_start = None
    if at_start is not None:
        window_start = AtWindowStart(at_start.num_jobs, at_start.hours_placed, at_start.jobs_status)
    problem = problem_of({}, time_limit)
    if problem.policy.cover:
        result = cover_result(problem, candidates)
        statistics = _with_grid(result.statistics, problem)
        return replace(result, statistics=statistics, at_window_start=window_start)
    held = None
    if candidates:
        held = jobs_for_candidates(problem, candidates, CANDIDATES_SHARE * time_limit)
        if only_candidates:
            result = candidates_result(problem, candidates, held)
            statistics = _with_grid(result.statistics, problem)
            return replace(result, statistics=statistics, at_window_start=window_start)
        keep = {job: candidates[k].id for job, k in zip(held.jobs, held.holders, strict=True)}
        kept = []
        for job, k in zip(problem.plan.keep_jobs, held.kept_holders, strict=True):
            if k is not None:  # the workshop's job, held by a candidate (at ways they can work)
                keep[job] = candidates[k].id
                kept.append(job)
        left = min(time_limit - held.work_seconds, budget.deadline - time.perf_counter())
        if held.interrupted:  # Ctrl-C: no more search
            left = 0.0
        chosen = {} if problem.expansion is None else problem.expansion.chosen
        ways = {job: chosen[job] for job in (*held.jobs, *kept) if job in chosen}
        problem = problem_of(keep, max(left, 0.0), ways)
    if at_start is not None:
        problem = _from_window_start(problem, at_start)
    if problem.starts_thinned:
        problem = replace(problem, bound_share=EVERY_START_SHARE)
    try:
        outcome = method.solve(problem)
    except KeyboardInterrupt:  # between the strategy's own checks
        outcome = Outcome.greedy(problem, NOTHING, "greedy", interrupted=True)
    finer = None
    if held is None:  # the candidates' jobs are numbered by this expansion's ways

        def finer(times: int | None) -> Problem | None:
            most = EVERY_START if times is None else more_ways(times)
            grid = problem.expansion.grid if problem.expansion is not None else 1
            if total_ways(instance.tasks, grid, most) > REFINE_NODES:
                return None
            found = problem_of({}, REFINE_SHARE * time_limit, most=most)
            return found if at_start is None else _from_window_start(found, at_start)

    problem, outcome, every_start = _for_every_start(problem, outcome, method, finer)
    verdict = _Verdict.of(problem, outcome, None if held is None else held.status, every_start)
    if verdict.jobs_proven_seconds is not None:  # from the start of the run, not the search
        offset = problem.budget.started - budget.started
        verdict = replace(verdict, jobs_proven_seconds=verdict.jobs_proven_seconds + offset)
    solution, interrupted = _proposal(problem, outcome, outcome.selected)
    interrupted = interrupted or (held is not None and held.interrupted)
    others: list = []
    # The large path's columns are its proposal alone: without the other jobs it met,
    # an alternative could only leave jobs out (20 jobs, and three "alternatives" of
    # 12-13 of them).
    wider = replace(outcome, columns=[*outcome.columns, *outcome.pool]) if outcome.pool else outcome
    if alternatives and verdict.status in ("optimal", "feasible") and not interrupted:
        try:
            others = _alternatives(problem, wider, alternatives, time_limit)
        except KeyboardInterrupt:
            interrupted = True
    return Result(
        instance=instance,
        policy=problem.policy,
        solution=solution,
        status=verdict.status,
        jobs_bound=verdict.bound,
        solve_seconds=budget.seconds(),
        statistics=replace(
            _statistics(problem, outcome, verdict, interrupted),
            candidate_status=None if held is None else held.status,
        ),
        locks=problem.plan.locks or None,
        forbid_pairs=problem.plan.forbid_pairs,
        alternatives=to_alternatives(
            others,
            lambda chosen, rank: _proposal(
                problem, wider, chosen, lambda jobs: named(jobs, solution, rank)
            )[0],
            solution,
            # Over thinned starts an alternative is proven for the starts tried only.
            every_job=outcome.every_job and not problem.starts_thinned,
            best_optimal=verdict.status == "optimal",
        ),
        jobs_status="optimal" if verdict.jobs_proven else verdict.status,
        hours_bound=_hours_bound(problem, outcome, solution, verdict.status),
        stopped=verdict.stopped(interrupted),
        candidates=tuple(candidates),
        at_window_start=window_start,
    )


#: The seeds CP-SAT takes (its ``random_seed`` is a 32-bit integer; the command line's
#: ``--seed`` has the same range).
SEED_LOW, SEED_HIGH = -(2**31), 2**31 - 1


def _check_arguments(
    instance: object, policy: object, time_limit: object, seed: object, workers: object
) -> None:
    """A clear error at the call for an argument of the wrong kind, where it would meet a
    deep one far inside (a string as the policy, a DataFrame as the instance, a time
    limit of 0 or infinity, a seed OR-Tools cannot take)."""
    if not isinstance(instance, Instance):
        raise TypeError(
            f"instance must be a combibaan.Instance (combibaan.read_instance reads a file or "
            f"a DataFrame), got {type(instance).__name__}"
        )
    Policy.given(policy)
    check_run(time_limit, seed)
    if isinstance(workers, bool) or not isinstance(workers, numbers.Integral) or workers < 0:
        raise ValueError(f"workers must be a whole number of at least 0, got {workers!r}")


def check_run(time_limit: object, seed: object) -> None:
    """The time limit and the seed of a run, as :func:`solve` and the analyses that run
    it many times take them: a clear error at the call, not one deep in OR-Tools."""
    seconds = float(time_limit) if isinstance(time_limit, numbers.Real) else math.nan
    if isinstance(time_limit, bool) or not (math.isfinite(seconds) and seconds > 0):
        raise ValueError(f"time_limit must be a positive number of seconds, got {time_limit!r}")
    whole = isinstance(seed, numbers.Integral) and not isinstance(seed, bool)
    if not whole or not SEED_LOW <= seed <= SEED_HIGH:  # type: ignore[operator]
        raise ValueError(
            f"seed must be a whole number from {SEED_LOW} to {SEED_HIGH}, got {seed!r}"
        )


def _for_every_start(
    problem: Problem,
    outcome: Outcome,
    method: Strategy,
    finer: Callable[[int | None], Problem | None] | None,
) -> tuple[Problem, Outcome, int | None]:
    """Under thinned starts: the bound for every start (``None``: not computed), and where
    it leaves room for more jobs than found, the search at finer starts (``finer``, the
    problem for it; :func:`_refined`). The problem and outcome to report, and the bound.

    The exact path left its share for the bound; the large path did not (its primal side
    needs the time: 150 short tasks lost a job when it gave a fifth away), so the bound
    gets what the large path left on the clock, if enough. Nothing to prove where the
    jobs already meet the minutes' bound.
    """
    wanted = len(outcome.selected) < problem.start_free_bound()
    if not problem.bound_share or outcome.interrupted:
        return problem, outcome, None
    if not wanted:  # the count is proven for every start; hours may be left there
        if finer is not None:
            problem, outcome, _ = _refined(problem, outcome, method, finer, len(outcome.selected))
        return problem, outcome, None
    limit, large = problem.budget.time_limit, outcome.method == "lns"
    seconds = problem.bound_share * limit
    if large:  # its jobs did not fit the count stage: column generation over ranges
        seconds = problem.budget.deadline - time.perf_counter() - reserve(limit)
        if seconds < MIN_BOUND_SECONDS:
            return problem, outcome, None
    enumerate_first = not large and outcome.enumeration.complete
    ends = min(time.perf_counter() + seconds, problem.budget.deadline)
    every_start, stop = _every_start(problem, enumerate_first, seconds)
    # Where it ran to its wall-clock end, that, not its budget, may have decided it.
    ran_out = not stop and time.perf_counter() >= ends
    outcome = replace(outcome, interrupted=stop, wall_clock_cut=outcome.wall_clock_cut or ran_out)
    if finer is not None and every_start is not None:
        # Finer starts where the bound leaves room; where it proved the count for every
        # start, the hours there (a list whose minutes allow 2 jobs, bound and count 1).
        problem, outcome, every_start = _refined(problem, outcome, method, finer, every_start)
    if large or outcome.interrupted or every_start is None:
        return problem, outcome, every_start
    if len(outcome.selected) >= every_start:
        return problem, outcome, every_start
    # The bound again over narrower ranges (after the finer starts, which find the jobs
    # where there are more: 80 campus tasks, seed 1, found its 41st in the time left).
    if problem.budget.deadline - time.perf_counter() < seconds + reserve(limit):
        return problem, replace(outcome, wall_clock_cut=True), every_start
    ends = time.perf_counter() + seconds
    tighter, stop = _every_start(problem, enumerate_first, seconds, FINER_RANGES)
    ran_out = not stop and time.perf_counter() >= ends
    cut = outcome.wall_clock_cut or ran_out
    outcome = replace(outcome, interrupted=outcome.interrupted or stop, wall_clock_cut=cut)
    if tighter is None:
        return problem, outcome, every_start
    every_start = max(min(every_start, tighter), len(outcome.selected))
    if finer is not None and not stop and len(outcome.selected) >= every_start:
        problem, outcome, _ = _refined(problem, outcome, method, finer, every_start)
    return problem, outcome, every_start


def _refined(
    problem: Problem,
    outcome: Outcome,
    method: Strategy,
    finer: Callable[[int | None], Problem | None],
    bound: int,
) -> tuple[Problem, Outcome, int]:
    """The list searched again at finer starts where the exact path proved its count over
    the starts it tried, and the bound for every start leaves room for jobs that need
    starts between them; the problem and outcome with the most jobs (then hours), and
    the bound for every start (a search over every start that proves its count lowers it
    to that count; proven optimal as well, its proposal is the one kept). First with
    ``REFINE_WAYS`` times the ways, then twice as many each time while the count found
    is proven over the starts tried, the bound still leaves room and the starts are still
    thinned, up to ``REFINE_MOST`` times, and then once at every start; never beyond
    ``REFINE_NODES`` ways (``finer(times)``: the problem, ``times`` ``None`` for every
    start; ``None`` beyond), and only after searches small enough (``REFINE_SMALL``).
    Where the count meets the bound for every start but hours are left that every start
    might place, once at every start for the hours (a small list: a window of 06:00-18:00
    that fits between two fixed tasks only from 10:07 to 10:53, tried every 120 minutes,
    left 10 of 35 hours out).
    Each search runs on a budget of ``REFINE_SHARE`` of the time limit (the same on
    every machine); where the wall clock has not that much left (a slow machine), it is
    skipped and the outcome says the wall clock cut it.
    ``bound``: the bound for every start, which the progress line keeps showing."""
    limit = problem.budget.time_limit
    seconds = REFINE_SHARE * limit
    times: int | None = REFINE_WAYS
    tried = outcome
    while True:
        found = len(outcome.selected)
        counted = tried.jobs_bound is not None and len(tried.selected) >= tried.jobs_bound
        if tried.method == "lns" or tried.interrupted or not counted:
            return problem, outcome, bound
        if found >= bound:  # the count holds for every start: hours may be left there
            if _minutes(problem, outcome) >= problem.start_free_minutes():
                return problem, outcome, bound
            times = None
        elif times is not None and times > REFINE_MOST:
            times = None
        refined = finer(times)
        if refined is None:
            return problem, outcome, bound
        if problem.budget.deadline - time.perf_counter() < seconds + reserve(limit):
            return problem, replace(outcome, wall_clock_cut=True), bound
        if refined.progress is not None:  # the progress line goes on from what was found
            refined = replace(refined, progress=_going_on(refined.progress, found, bound))
        try:
            tried = method.solve(refined)
        except KeyboardInterrupt:
            return problem, replace(outcome, interrupted=True), bound
        every = not refined.starts_thinned
        better = (len(tried.selected), _minutes(refined, tried)) > (
            found,
            _minutes(problem, outcome),
        )
        if better or (every and _proven(tried) and len(tried.selected) == found):
            problem, outcome = refined, tried
        elif tried.interrupted:
            return problem, replace(outcome, interrupted=True), bound
        if every or times is None:  # every start tried: nothing finer, its count a bound
            if every and tried.jobs_bound is not None and not tried.interrupted:
                bound = max(min(bound, tried.jobs_bound), len(outcome.selected))
            return problem, outcome, bound
        # Again only after a small search (counted in steps, the same on every machine):
        # a large list's next search would not fit, and whether it did would be the
        # wall clock's to say.
        if tried.enumeration.nodes > REFINE_SMALL * refined.budget.nodes(1.0):
            return problem, outcome, bound
        times *= 2


def _minutes(problem: Problem, outcome: Outcome) -> int:
    """Minutes a week the outcome's jobs place."""
    return sum(problem.minutes(outcome.columns[k]) for k in outcome.selected)


def _proven(outcome: Outcome) -> bool:
    """Whether every job was listed and the packing proven optimal: hours included, so
    over every start no proposal with as many jobs places more."""
    return outcome.every_job and outcome.packing_status == "optimal" and not outcome.interrupted


def _going_on(shown: Progress, found: int, bound: int) -> Progress:
    """A progress line that goes on from the jobs ``found`` and the ``bound`` shown."""

    def progress(jobs: int, _: int | None, at: float) -> None:
        shown(max(jobs, found), bound, at)

    return progress


def _every_start(
    problem: Problem, enumerated: bool, seconds: float, ways: int = MAX_VARIANTS
) -> tuple[int | None, bool]:
    """The bound on the jobs for every start (:mod:`.every_start`, over at most ``ways``
    ranges per task) in the last ``seconds`` of the run's own time, and whether Ctrl-C
    stopped it; ``enumerated``: whether the search's enumeration completed (then the
    ranges' likely does too)."""
    start = min(time.perf_counter(), problem.budget.deadline - seconds)
    try:
        bound = every_start_bound(
            problem, Budget(start, seconds), enumerate_first=enumerated, ways=ways
        )
        return bound, False
    except KeyboardInterrupt:
        return None, True


def _availability(candidates: Sequence[Candidate]) -> list[int]:
    """The candidates' window times: starts of flexible tasks must meet them too."""
    return [m for c in candidates for w in c.windows for m in (w.start, w.end)]


def at_window_start(instance: Instance) -> Instance:
    """The list with every flexible task fixed at its first choice (each window at its
    start, on its first days): what a model without flexible tasks would solve."""
    tasks = tuple(t.scheduled(first_choice(t)) if t.windows else t for t in instance.tasks)
    return replace(instance, tasks=tasks)


def _from_window_start(problem: Problem, at_start: Result) -> Problem:
    """The problem with the proposal at the windows' starts as its first hint where that
    places more (jobs, then minutes) than the greedy one: the search starts from it.
    Its jobs that touch a kept one are left out (with candidates, theirs at the windows'
    starts may be other jobs than ours)."""
    expansion = problem.expansion
    if expansion is None or not expansion.flexible:
        return problem
    index = problem.instance.task_index
    jobs = [tuple(sorted(index[t] for t in job.task_ids)) for job in at_start.solution.jobs]
    found = problem.plan.filter(jobs)
    if any(expansion.at_first_choice(job) is None for job in found):
        return problem
    ours = (len(problem.greedy), sum(map(problem.minutes, problem.greedy)))
    theirs = (len(found), sum(map(problem.minutes, found)))
    return replace(problem, greedy=found) if theirs > ours else problem


def _problem(
    instance: Instance,
    policy: Policy,
    locks: Locks | None,
    forbid_pairs: Iterable[SupplierPair | str],
    require: Collection[str],
    budget: Budget,
    seed: int,
    workers: int,
    max_columns: int,
    progress: Progress | None,
    keep: Mapping[tuple[int, ...], str],
    ways: Mapping[tuple[int, ...], tuple[int, ...]],
    availability: Sequence[int],
    most: int | None = None,
) -> Problem:
    """Everything the strategies share: the locks checked, the graph, the greedy proposal;
    ``keep``: the candidates' jobs (task indices to code), kept as a lock keeps a job;
    ``ways``: the variants they were found with (the expansion numbers its nodes the
    same every time), so that they keep those times and not their tasks' first choice;
    ``availability``: the candidates' window times, on the grid of the starts tried;
    ``most``: the ways of a thinned task (:func:`.expand`)."""
    limits = Limits.of(policy)
    expansion = expand(instance, limits, availability, most)
    # One way per task: the searches judge the tasks as they are done, which for a task
    # with windows may be another way than its first choice (thinned starts).
    profs = profiles(instance) if expansion.flexible else list(expansion.profiles)
    plan = plan_locks(instance, policy, locks, forbid_pairs, profs, expansion.grid)
    for job in plan.keep_jobs:  # the workshop's: at times that make it a job
        if expansion.flexible and any(instance.tasks[t].windows for t in job):
            times = kept_times(instance, policy, profs, job, expansion.grid).slots
            if times is not None:
                expansion.settle_at(job, times)
    expansion.chosen.update(ways)  # the candidates' jobs, at the ways chosen for them
    if keep:  # the workshop's own kept jobs among them are kept already
        found = [job for job in keep if job not in plan.keep_jobs]
        plan = replace(plan, keep_jobs=(*found, *plan.keep_jobs))
    searchable = [p for p in expansion.profiles if expansion.task_of[p.index] not in plan.removed]
    nodes = compatibility_graph(instance, policy, searchable, plan.forbidden, expansion.task_of)
    greedy = greedy_jobs(nodes, expansion.profiles, limits, expansion.task_of)
    return Problem(
        instance=instance,
        policy=policy,
        limits=limits,
        profiles=profs,
        graph=task_graph(nodes, expansion),
        greedy=plan.filter(expansion.record(greedy)),
        plan=plan,
        required=_required(instance, plan, require),
        budget=budget,
        seed=seed,
        workers=workers,
        max_columns=max_columns,
        progress=progress,
        candidate_of=keep,
        expansion=expansion,
        nodes=nodes,
    )


@dataclass(frozen=True)
class _Verdict:
    """What the outcome proves about the proposal as a whole (kept jobs included)."""

    status: str
    #: Proven bound on the number of jobs.
    bound: int
    #: Whether the number of jobs is proven the most possible.
    jobs_proven: bool
    #: Seconds at which the number of jobs was proven.
    jobs_proven_seconds: float | None
    #: Whether the searches proved the proposal optimal over the starts they tried, which
    #: were thinned (so not over every start; see :mod:`combibaan.model.variants`).
    starts_tried: bool = False
    #: Whether the search ended on its own with the count proven (the large path, which
    #: proves no hours, stops a while after its jobs meet the bound), not at its budget.
    settled: bool = False

    @classmethod
    def of(
        cls,
        problem: Problem,
        outcome: Outcome,
        before: str | None = None,
        every_start: int | None = None,
    ) -> _Verdict:
        """``before``: the status of the candidates' jobs kept in the search (with
        candidates), without which nothing after them is proven; ``every_start``: the
        bound for every start, under thinned starts (:mod:`.every_start`)."""
        kept = len(problem.plan.keep_jobs)
        placed = len(outcome.selected) + kept
        # Both bounds are proven; the packing's is the tighter one once known. Under
        # thinned starts both know only the starts tried: a bound for every start then.
        thinned = problem.starts_thinned
        bound = problem.start_free_bound() if thinned else problem.hours_bound()
        # Whether the bound came in only at the end, with the bound for every start.
        late = thinned and every_start is not None and every_start < bound
        if thinned and every_start is not None:
            bound = min(bound, every_start)
        if outcome.jobs_bound is not None and not thinned:
            bound = min(bound, outcome.jobs_bound)
        bound = max(bound, len(outcome.selected)) + kept
        tried = False  # proven for the starts tried, where those were thinned
        if outcome.packing_status == "infeasible":
            status = "infeasible"
        elif bound == 0 or (outcome.every_job and outcome.packing_status == "optimal"):
            status = "optimal"  # no job possible: nothing else to prove, on either path
        elif placed or bound == 0:
            status = "feasible"
        else:
            status = "unknown"
        if thinned and status == "optimal" and bound > 0:  # no job at any start: proven
            status, tried = "feasible", True
        if before not in (None, "optimal") and status == "optimal":
            status = "feasible"
        proven = status == "optimal" or (status == "feasible" and bound == placed)
        proven = proven and before in (None, "optimal")
        # Proven when the jobs reached the bound (the search's own proof of that count is
        # then as good), or where the bound for every start proved it, now.
        seconds = None if late else outcome.jobs_proven_seconds
        if proven and seconds is None:
            seconds = problem.budget.seconds()
        settled = outcome.settled and proven
        return cls(status, bound, proven, seconds if proven else None, tried, settled)

    def stopped(self, interrupted: bool) -> str:
        """How the run ended: everything proven, Ctrl-C, proven for thinned starts only,
        the count proven where the search ended on its own (the large path stops a while
        after its jobs meet the bound: 5 single-task jobs said "stopped: time limit"
        after 0.0 s of 5), or the time limit (the search's budget)."""
        if self.status == "optimal" or (self.jobs_proven and self.bound == 0):
            return "proven"
        if interrupted:
            return "interrupted"
        if self.starts_tried:
            return "starts_tried"
        return "count_proven" if self.settled else "time_limit"


def _proposal(
    problem: Problem,
    outcome: Outcome,
    chosen: tuple[int, ...],
    rename: Callable[[tuple[Job, ...]], tuple[Job, ...]] = lambda jobs: jobs,
) -> tuple[Solution, bool]:
    """The chosen columns as jobs with a reason for every task left out, and whether
    Ctrl-C cut the reasons short (the proposal is known; only its reasons are not).
    ``rename`` names the jobs before the reasons cite them (an alternative's own ids)."""
    instance, plan = problem.instance, problem.plan
    columns = [*(outcome.columns[k] for k in chosen), *plan.keep_jobs]
    codes = [problem.candidate_of.get(tuple(column)) for column in columns]
    schedule = None if problem.expansion is None else problem.expansion.schedule
    jobs = rename(numbered_jobs(columns, instance, codes, schedule))
    placed = {instance.task_index[t]: job.job_id for job in jobs for t in job.task_ids}
    try:
        unassigned = unassigned_reasons(
            instance,
            problem.policy,
            problem.profiles,
            problem.graph,
            outcome.enumeration.jobs,
            outcome.every_job,
            placed,
            plan,
            _reasons_allowance(problem.budget, outcome.interrupted),
            ways=problem.ways(),
        )
    except KeyboardInterrupt:
        return _without_reasons(jobs, instance), True
    if problem.starts_thinned:
        unassigned = tuple(at_starts_tried(u) for u in unassigned)
    return Solution(jobs, unassigned), outcome.interrupted


def _reasons_allowance(budget: Budget, interrupted: bool = False) -> Allowance:
    """The searches behind the reasons: a share of the time limit in sets (the same on
    every machine), and never past the time limit, less a moment to build the result;
    after Ctrl-C (``interrupted``) at most :data:`REASONS_AFTER_CTRL_C` seconds more."""
    margin = min(REASONS_MARGIN_SHARE * budget.time_limit, REASONS_MARGIN_SECONDS)
    deadline = budget.deadline - margin
    if interrupted:
        deadline = min(deadline, time.perf_counter() + REASONS_AFTER_CTRL_C)
    return Allowance(nodes=budget.nodes(REASONS_SHARE), deadline=deadline)


def _statistics(
    problem: Problem, outcome: Outcome, verdict: _Verdict, interrupted: bool
) -> Statistics:
    statistics = Statistics(
        method=outcome.method,
        tasks=len(problem.instance.tasks),
        compatible_pairs=problem.graph.number_of_edges(),
        columns=len(outcome.columns),
        enumeration_complete=outcome.enumeration.complete,
        enumeration_seconds=outcome.enumeration.seconds,
        greedy_jobs=len(problem.greedy),
        packing_status=outcome.packing_status,
        interrupted=interrupted,
        jobs_proven_seconds=verdict.jobs_proven_seconds,
        wall_clock_cut=outcome.wall_clock_cut,
    )
    return _with_grid(statistics, problem)


def _with_grid(statistics: Statistics, problem: Problem) -> Statistics:
    """With flexible tasks, the starts tried: the grid, and the tasks whose starts were
    thinned beyond it with the coarsest step (the proof holds for the starts tried)."""
    expansion, tasks = problem.expansion, problem.instance.tasks
    if expansion is None or not any(t.windows for t in tasks):
        return statistics
    thinned = tuple(tasks[t].id for t in expansion.thinned)
    return replace(
        statistics,
        start_grid_minutes=expansion.grid,
        thinned_tasks=thinned,
        coarsest_step=expansion.step if thinned else None,
    )


def _alternatives(problem: Problem, outcome: Outcome, count: int, time_limit: float) -> list:
    """Up to ``count`` proposals that differ from the best, in their own time limit."""
    columns, required = outcome.columns, problem.required
    return find_alternatives(
        columns,
        [problem.minutes(c) for c in columns],
        [problem.burden(c) for c in columns],
        outcome.selected,
        count,
        tasks=len(problem.profiles),
        tasks_minutes=sum(p.minutes for p in problem.profiles),
        budget=Budget.starting_now(time_limit),
        seed=problem.seed,
        workers=problem.workers,
        base=require_tasks(columns, required) if required else None,
    )


def _hours_bound(
    problem: Problem, outcome: Outcome, solution: Solution, status: str
) -> float | None:
    """Hours per week no proposal with at least this many jobs can exceed.

    The hours placed when the whole objective is proven; else the LP bound of
    the exact path where there is one, never above the obvious bound: the
    hours of all tasks that fit in some job (plus the locked jobs').
    """
    if status == "optimal":
        return solution.hours_placed
    if status != "feasible":
        return None
    if problem.starts_thinned:  # the graph and the LP know only the starts tried
        minutes = problem.start_free_minutes()
    else:
        obvious = sum(problem.profiles[t].minutes for t in problem.graph.nodes)
        bound = outcome.minutes_bound
        minutes = obvious if bound is None else min(obvious, bound)
    kept = sum(problem.minutes(job) for job in problem.plan.keep_jobs)
    return max((minutes + kept) / 60, solution.hours_placed)


def _without_reasons(jobs: tuple[Job, ...], instance: Instance) -> Solution:
    """The proposal with a plain "not worked out" for every task left out."""
    placed = {t for job in jobs for t in job.task_ids}
    reason = Phrase("not_worked_out")
    left = tuple(Unassigned(t.id, reason) for t in instance.tasks if t.id not in placed)
    return Solution(jobs, left)


def _required(instance: Instance, plan: LockPlan, require: Collection[str]) -> set[int]:
    """Task indices that must be placed; kept tasks are placed already."""
    unknown = [t for t in require if t not in instance.task_index]
    if unknown:
        raise KeyError(f"unknown task id(s) to require: {', '.join(unknown)}")
    kept = {t for job in plan.keep_jobs for t in job}
    return {instance.task_index[t] for t in require} - kept
