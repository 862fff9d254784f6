"""From an instance and a policy to a proposal with a proven bound: the solver pipeline.

1. the compatibility graph (which pairs of tasks can share a job);
2. a greedy proposal, so that there is always an answer and a hint;
3. a strategy: ``exact`` enumerates every feasible job and packs them with
   CP-SAT in stages, the number of jobs first (:mod:`.exact`); ``large`` bounds
   by column generation and improves by local search (:mod:`.large`).

Searches stop on deterministic budgets derived from the time limit
(:mod:`.budget`), so the same input, policy, seed and workers give the same
proposal; the wall clock is only a cap, and the result says when it cut.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

import networkx as nx

from combibaan.model import Instance, Job, Locks, Solution, Unassigned
from combibaan.model.locks import SupplierPair
from combibaan.result import Result, Statistics
from combibaan.rules import Limits, Policy, Profile, profiles
from combibaan.solvers.alternatives import find_alternatives, to_alternatives
from combibaan.solvers.budget import Budget
from combibaan.solvers.compatibility import compatibility_graph
from combibaan.solvers.enumeration import Enumeration
from combibaan.solvers.exact import MAX_COLUMNS, ExactOutcome, enumerate_columns, solve_exact
from combibaan.solvers.greedy import greedy_jobs
from combibaan.solvers.large import solve_large
from combibaan.solvers.locking import LockPlan, plan_locks
from combibaan.solvers.ortools.objective import burden
from combibaan.solvers.ortools.set_packing import Progress
from combibaan.solvers.ortools.workshop import require_tasks
from combibaan.solvers.reasons import unassigned_reasons
from combibaan.texts import reason_text

#: Above this many tasks ``strategy="auto"`` skips enumeration (see :mod:`.large`).
LARGE_TASKS = 250
STRATEGIES = ("auto", "exact", "large", "lns")


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
    lang: str = "nl",
    max_columns: int = MAX_COLUMNS,
    progress: Progress | None = None,
    strategy: str = "auto",
) -> Result:
    """Bundle the instance's tasks into the most jobs the policy allows.

    ``time_limit`` (seconds) covers the whole run. ``workers``: 0 or 1 runs
    CP-SAT with one worker, more run its interleaved parallel search; either
    way the same inputs give the same proposal. Ctrl-C returns the best
    proposal found so far with its bound. ``strategy``: ``exact`` enumerates
    jobs (see above), ``large`` bounds by column generation and improves by
    local search (:mod:`.large`), ``auto`` picks ``large`` above
    ``LARGE_TASKS`` tasks that fit in a job or when the jobs do not fit the
    enumeration's budget (``lns`` is an old name of ``large``).

    Workshop options (see :mod:`.locking`): ``locks`` and ``forbid_pairs``
    (``"Securitas|Sodexo"`` or a pair of names) are kept by every proposal;
    locks that cannot all hold raise :class:`~.locking.LockConflict` naming a
    minimal conflicting set. ``alternatives=K`` adds up to K proposals that
    differ meaningfully (:mod:`.alternatives`), searched in at most another
    ``time_limit`` seconds. ``require`` lists task ids that must be placed (the
    what-ifs of ``explain``); when that is impossible the status is ``infeasible``.
    """
    if strategy not in STRATEGIES:
        raise ValueError(f"strategy must be auto, exact or large, got {strategy!r}")
    policy = policy or Policy()
    budget = Budget.starting_now(time_limit)
    limits = Limits.of(policy)
    profs = profiles(instance)
    plan = plan_locks(instance, policy, locks, forbid_pairs, profs, lang)
    graph = compatibility_graph(instance, policy, plan.searchable(profs), plan.forbidden)
    greedy = plan.filter(greedy_jobs(graph, profs, limits))
    required = _required(instance, plan, require)
    large = strategy in ("large", "lns") or (
        strategy == "auto" and graph.number_of_nodes() > LARGE_TASKS
    )
    enumeration = Enumeration([], False, 0, 0.0)
    exact: ExactOutcome | None = None
    columns: list[tuple[int, ...]] = list(greedy)
    selected = tuple(range(len(greedy)))
    packing_status, jobs_bound, jobs_proven, minutes_bound = "unknown", None, None, None
    interrupted = cut = False
    try:
        if not large:
            enumeration = enumerate_columns(
                graph, profs, limits, budget, max_columns=max_columns, accept=plan.accept
            )
            # Neither every job nor the minimal ones fit: the large path does better.
            large = strategy == "auto" and not enumeration.complete and not required
        if large:
            found = solve_large(
                graph,
                profs,
                limits,
                greedy,
                lambda column: _burden(column, instance),
                started=budget.started,
                deadline=budget.deadline,
                fallback_bound=hours_bound(graph, profs, limits),
                seed=seed,
                progress=progress,
                accept=plan.accept,
                # What a tried enumeration left, counted in steps, not in seconds.
                time_limit=budget.seconds_left(enumeration.nodes),
            )
            # Together-locks are not known to the local search: drop jobs that split a group.
            columns, interrupted = plan.filter(found.jobs), found.interrupted
            selected = tuple(range(len(columns)))
            packing_status, jobs_bound = "feasible", found.jobs_bound
            cut = found.wall_clock_cut or enumeration.wall_clock_cut
        else:
            exact = solve_exact(
                enumeration,
                greedy,
                lambda c: sum(profs[t].minutes for t in c),
                lambda c: _burden(c, instance),
                budget,
                seed=seed,
                workers=workers,
                progress=progress,
                constrain=lambda cols: require_tasks(cols, required) if required else None,
            )
            columns, selected, packing_status = exact.columns, exact.selected, exact.status
            jobs_bound, jobs_proven = exact.jobs_bound, exact.jobs_proven_seconds
            minutes_bound, interrupted = exact.minutes_bound, exact.interrupted
            cut = exact.wall_clock_cut
    except KeyboardInterrupt:
        columns, selected, interrupted = list(greedy), tuple(range(len(greedy))), True
        packing_status, jobs_bound, jobs_proven, minutes_bound = "unknown", None, None, None

    every_job = exact is not None and exact.every_job
    kept = len(plan.keep_jobs)
    placed = len(selected) + kept
    # Both bounds are proven; the packing's is the tighter one once known.
    bound = hours_bound(graph, profs, limits)
    if jobs_bound is not None:
        bound = min(bound, jobs_bound)
    bound = max(bound, len(selected)) + kept
    if packing_status == "infeasible":
        status = "infeasible"
    elif every_job and (packing_status == "optimal" or bound == 0):
        status = "optimal"
    elif placed or bound == 0:
        status = "feasible"
    else:
        status = "unknown"
    jobs_ok = status == "optimal" or (status == "feasible" and bound == placed)
    if jobs_ok and jobs_proven is None:
        jobs_proven = budget.seconds()

    def solution_of(chosen_columns: tuple[int, ...]) -> Solution:
        jobs = _jobs([*(columns[k] for k in chosen_columns), *plan.keep_jobs], instance)
        chosen = {instance.task_index[t]: job.job_id for job in jobs for t in job.task_ids}
        unassigned = unassigned_reasons(
            instance, policy, profs, graph, enumeration.jobs, every_job, chosen, lang, plan
        )
        return Solution(jobs, unassigned)

    try:
        solution = solution_of(selected)
    except KeyboardInterrupt:
        # The proposal is known; only the reasons (which can take a while) are not.
        interrupted = True
        solution = _without_reasons(
            _jobs([*(columns[k] for k in selected), *plan.keep_jobs], instance), instance, lang
        )
    others = []
    if alternatives and status in ("optimal", "feasible") and not interrupted:
        try:
            others = _alternatives(
                columns,
                selected,
                alternatives,
                profs,
                instance,
                required,
                seed,
                workers,
                Budget.starting_now(time_limit),
            )
        except KeyboardInterrupt:
            interrupted = True
    if status == "optimal" or (jobs_ok and bound == 0):
        stopped = "proven"
    elif interrupted:
        stopped = "interrupted"
    else:
        stopped = "time_limit"
    method = "lns" if large else "greedy"
    if enumeration.jobs and not large:
        method = "exact" if every_job else "minimal" if enumeration.complete else "partial"
    return Result(
        instance=instance,
        policy=policy,
        solution=solution,
        status=status,
        jobs_bound=bound,
        solve_seconds=budget.seconds(),
        statistics=Statistics(
            method=method,
            tasks=len(instance.tasks),
            compatible_pairs=graph.number_of_edges(),
            columns=len(columns),
            enumeration_complete=enumeration.complete,
            enumeration_seconds=enumeration.seconds,
            greedy_jobs=len(greedy),
            packing_status=packing_status,
            interrupted=interrupted,
            jobs_proven_seconds=jobs_proven if jobs_ok else None,
            wall_clock_cut=cut,
        ),
        locks=plan.locks or None,
        forbid_pairs=plan.forbid_pairs,
        alternatives=to_alternatives(
            others, solution_of, solution, every_job=every_job, best_optimal=status == "optimal"
        ),
        jobs_status="optimal" if jobs_ok else status,
        hours_bound=_hours_bound(
            graph,
            profs,
            solution,
            status,
            minutes_bound,
            sum(profs[t].minutes for job in plan.keep_jobs for t in job),
        ),
        stopped=stopped,
    )


def _alternatives(
    columns: list[tuple[int, ...]],
    selected: tuple[int, ...],
    count: int,
    profs: list[Profile],
    instance: Instance,
    required: set[int],
    seed: int,
    workers: int,
    budget: Budget,
) -> list:
    """Up to ``count`` proposals that differ from the best, in their own time limit."""
    return find_alternatives(
        columns,
        [sum(profs[t].minutes for t in c) for c in columns],
        [_burden(c, instance) for c in columns],
        selected,
        count,
        tasks=len(profs),
        tasks_minutes=sum(p.minutes for p in profs),
        budget=budget,
        seed=seed,
        workers=workers,
        base=require_tasks(columns, required) if required else None,
    )


def _hours_bound(
    graph: nx.Graph,
    profs: list[Profile],
    solution: Solution,
    status: str,
    minutes_bound: int | None,
    kept_minutes: int,
) -> float | None:
    """Hours per week no proposal with at least this many jobs can exceed.

    The hours placed when the whole objective is proven; else the LP bound of
    the exact path where there is one, never above the obvious bound: the
    hours of all tasks that fit in some job. ``kept_minutes``: the locked jobs'.
    """
    if status == "optimal":
        return solution.hours_placed
    if status != "feasible":
        return None
    obvious = sum(profs[t].minutes for t in graph.nodes)
    minutes = obvious if minutes_bound is None else min(obvious, minutes_bound)
    return max((minutes + kept_minutes) / 60, solution.hours_placed)


def _without_reasons(jobs: tuple[Job, ...], instance: Instance, lang: str) -> Solution:
    """The proposal with a plain "not worked out" for every task left out."""
    placed = {t for job in jobs for t in job.task_ids}
    reason = reason_text("not_worked_out", lang)
    left = tuple(Unassigned(t.id, reason) for t in instance.tasks if t.id not in placed)
    return Solution(jobs, left)


def _required(instance: Instance, plan: LockPlan, require: Collection[str]) -> set[int]:
    """Task indices that must be placed; kept tasks are placed already."""
    unknown = [t for t in require if t not in instance.task_index]
    if unknown:
        raise KeyError(f"unknown task id(s) to require: {', '.join(unknown)}")
    kept = {t for job in plan.keep_jobs for t in job}
    return {instance.task_index[t] for t in require} - kept


def hours_bound(graph: nx.Graph, profs: list[Profile], limits: Limits) -> int:
    """A bound that needs no enumeration: per group of tasks that could ever meet,
    their hours divided by the minimum hours of a job."""
    bound = 0
    for component in nx.connected_components(graph):
        minutes = sum(profs[t].minutes for t in component)
        bound += len(component) if limits.min_minutes == 0 else minutes // limits.min_minutes
    return bound


def _burden(column: tuple[int, ...], instance: Instance) -> int:
    tasks = [instance.tasks[t] for t in column]
    return burden(
        len({t.supplier for t in tasks}),
        len({t.location for t in tasks if t.location}),
        len({d for t in tasks for d in t.days}),
    )


def _jobs(columns: list[tuple[int, ...]], instance: Instance) -> tuple[Job, ...]:
    """Jobs numbered B01, B02, ... in the order of their first task in the input."""
    jobs = []
    for number, column in enumerate(sorted(columns), start=1):
        tasks = [instance.tasks[t] for t in column]
        jobs.append(
            Job(
                job_id=f"B{number:02d}",
                task_ids=tuple(t.id for t in tasks),
                suppliers=tuple(dict.fromkeys(t.supplier for t in tasks)),
                minutes_per_week=sum(t.minutes_per_week for t in tasks),
                days=tuple(sorted({d for t in tasks for d in t.days})),
                locations=tuple(dict.fromkeys(t.location for t in tasks if t.location)),
                competencies=tuple(dict.fromkeys(c for t in tasks for c in t.competencies)),
            )
        )
    return tuple(jobs)
