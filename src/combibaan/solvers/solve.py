"""From an instance and a policy to a proposal with a proven bound: the solver pipeline.

1. the compatibility graph (which pairs of tasks can share a job);
2. a greedy proposal, so that there is always an answer and a hint;
3. every feasible job enumerated as a column (stopped at a cap or deadline);
4. CP-SAT picks disjoint columns (objective in ``ortools.objective``).

When the full enumeration does not fit, only the minimal jobs are enumerated:
enough to count the most jobs exactly, though hours placed are then not proven
best. When even those do not fit, the greedy proposal and the columns found so
far are packed, and the bound falls back to hours (see :func:`hours_bound`).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Collection, Iterable, Sequence

import networkx as nx

from combibaan.model import Instance, Job, Locks, Policy, Solution
from combibaan.model.locks import SupplierPair
from combibaan.result import Result, Statistics
from combibaan.solvers.alternatives import find_alternatives, to_alternatives
from combibaan.solvers.compatibility import compatibility_graph
from combibaan.solvers.enumeration import Enumeration, enumerate_jobs
from combibaan.solvers.greedy import greedy_jobs
from combibaan.solvers.large import solve_large
from combibaan.solvers.locking import LockPlan, plan_locks
from combibaan.solvers.ortools import PackingOutcome, solve_packing
from combibaan.solvers.ortools.objective import burden
from combibaan.solvers.ortools.set_packing import Progress
from combibaan.solvers.ortools.workshop import require_tasks
from combibaan.solvers.profile import Limits, Profile, profiles
from combibaan.solvers.reasons import unassigned_reasons

#: Columns beyond which enumeration stops (CP-SAT needs about 2 kB per column).
MAX_COLUMNS = 400_000
#: Above this many tasks ``strategy="auto"`` skips enumeration (measured: 150 tasks
#: are proven optimal in about 1 s, 300 not in 30 s; see :mod:`.large`).
LARGE_TASKS = 250


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

    ``time_limit`` (seconds) covers the whole run; ``workers=0`` lets CP-SAT use
    every core. Ctrl-C returns the best proposal found so far with its bound.
    ``strategy``: ``exact`` enumerates jobs (see above), ``large`` bounds by column
    generation and improves by local search (:mod:`.large`), ``auto`` picks
    ``large`` above ``LARGE_TASKS`` tasks that fit in a job (``lns`` is an old
    name of ``large``).

    Workshop options (see :mod:`.locking`): ``locks`` and ``forbid_pairs``
    (``"Securitas|Sodexo"`` or a pair of names) are kept by every proposal;
    locks that cannot all hold raise :class:`~.locking.LockConflict` naming a
    minimal conflicting set. ``alternatives=K`` adds up to K proposals that
    differ meaningfully (:mod:`.alternatives`), searched in at most another
    ``time_limit`` seconds. ``require`` lists task ids that must be placed (the
    what-ifs of ``explain``); when that is impossible the status is ``infeasible``.
    """
    policy = policy or Policy()
    started = time.perf_counter()
    limits = Limits.of(policy)
    profs = profiles(instance)
    plan = plan_locks(instance, policy, locks, forbid_pairs, profs, lang)
    graph = compatibility_graph(instance, policy, plan.searchable(profs), plan.forbidden)
    greedy = plan.filter(greedy_jobs(graph, profs, limits))
    required = _required(instance, plan, require)
    enumeration = Enumeration([], False, 0, 0.0)
    columns: list[tuple[int, ...]] = list(greedy)
    outcome = PackingOutcome(tuple(range(len(greedy))), None)
    interrupted = False
    if strategy not in ("auto", "exact", "large", "lns"):
        raise ValueError(f"strategy must be auto, exact or large, got {strategy!r}")
    large = strategy in ("large", "lns") or (
        strategy == "auto" and graph.number_of_nodes() > LARGE_TASKS
    )
    try:
        if large:
            found = solve_large(
                graph,
                profs,
                limits,
                greedy,
                lambda column: _burden(column, instance),
                started=started,
                deadline=started + time_limit,
                fallback_bound=hours_bound(graph, profs, limits),
                seed=seed,
                progress=progress,
                accept=plan.accept,
            )
            # Together-locks are not known to the local search: drop jobs that split a group.
            columns, interrupted = plan.filter(found.jobs), found.interrupted
            selected = tuple(range(len(columns)))
            outcome = PackingOutcome(selected, found.jobs_bound, "feasible", interrupted)
        else:
            enumeration = _enumerate(
                graph, profs, limits, max_columns, started + time_limit, plan.accept
            )
            columns = list(dict.fromkeys([*enumeration.jobs, *greedy]))
            index = {column: k for k, column in enumerate(columns)}
            outcome = solve_packing(
                columns,
                [sum(profs[t].minutes for t in c) for c in columns],
                [_burden(c, instance) for c in columns],
                tasks=len(profs),
                tasks_minutes=sum(p.minutes for p in profs),
                deadline=started + time_limit,
                seed=seed,
                workers=workers,
                hint=[] if required else [index[g] for g in greedy],
                progress=progress,
                constrain=require_tasks(columns, required) if required else None,
            )
            interrupted = outcome.interrupted
    except KeyboardInterrupt:
        columns, interrupted = list(greedy), True
        outcome = PackingOutcome(tuple(range(len(greedy))), None)

    every_job = enumeration.complete and not enumeration.minimal
    jobs = _jobs([*(columns[k] for k in outcome.selected), *plan.keep_jobs], instance)
    bound = outcome.jobs_bound if enumeration.complete or large else None
    # Both bounds are proven; CP-SAT's is weak (even above the tasks) early in its search.
    hours = hours_bound(graph, profs, limits)
    kept = len(plan.keep_jobs)
    bound = max(hours if bound is None else min(bound, hours), len(jobs) - kept) + kept
    if outcome.status == "infeasible":
        status = "infeasible"
    elif every_job and (outcome.status == "optimal" or bound == 0):
        status = "optimal"
    elif jobs or bound == 0:
        status = "feasible"
    else:
        status = "unknown"

    def solution_of(selected: tuple[int, ...]) -> Solution:
        jobs = _jobs([*(columns[k] for k in selected), *plan.keep_jobs], instance)
        chosen = {instance.task_index[t]: job.job_id for job in jobs for t in job.task_ids}
        unassigned = unassigned_reasons(
            instance, policy, profs, graph, enumeration.jobs, every_job, chosen, lang, plan
        )
        return Solution(jobs, unassigned)

    solution = solution_of(outcome.selected)
    others = find_alternatives(
        columns,
        [sum(profs[t].minutes for t in c) for c in columns],
        [_burden(c, instance) for c in columns],
        outcome.selected,
        alternatives if outcome.status in ("optimal", "feasible") else 0,
        tasks=len(profs),
        tasks_minutes=sum(p.minutes for p in profs),
        deadline=time.perf_counter() + time_limit,
        seed=seed,
        workers=workers,
        base=require_tasks(columns, required) if required else None,
    )
    jobs_proven = status == "optimal" or (status == "feasible" and bound == len(solution.jobs))
    if status == "optimal" or (jobs_proven and bound == 0):
        stopped = "proven"
    elif interrupted:
        stopped = "interrupted"
    else:
        stopped = "time_limit"
    method = "lns" if large else "greedy"
    if enumeration.jobs:
        method = "exact" if every_job else "minimal" if enumeration.complete else "partial"
    return Result(
        instance=instance,
        policy=policy,
        solution=solution,
        status=status,
        jobs_bound=bound,
        solve_seconds=time.perf_counter() - started,
        statistics=Statistics(
            method=method,
            tasks=len(instance.tasks),
            compatible_pairs=graph.number_of_edges(),
            columns=len(columns),
            enumeration_complete=enumeration.complete,
            enumeration_seconds=enumeration.seconds,
            greedy_jobs=len(greedy),
            packing_status=outcome.status,
            interrupted=interrupted,
        ),
        locks=plan.locks or None,
        forbid_pairs=plan.forbid_pairs,
        alternatives=to_alternatives(
            others, solution_of, solution, every_job=every_job, best_optimal=status == "optimal"
        ),
        jobs_status="optimal" if jobs_proven else status,
        hours_bound=_hours_bound(graph, profs, solution, status),
        stopped=stopped,
    )


def _hours_bound(
    graph: nx.Graph, profs: list[Profile], solution: Solution, status: str
) -> float | None:
    """Hours per week no proposal can exceed: all hours of tasks that fit in some job,
    or the hours placed when the whole objective is proven optimal."""
    if status == "optimal":
        return solution.hours_placed
    if status not in ("feasible",):
        return None
    return max(sum(profs[t].minutes for t in graph.nodes) / 60, solution.hours_placed)


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


def _enumerate(
    graph: nx.Graph,
    profs: list[Profile],
    limits: Limits,
    max_columns: int,
    deadline: float,
    accept: Callable[[Sequence[int]], bool] | None = None,
) -> Enumeration:
    """All feasible jobs if they fit in half the time and the cap; else the minimal ones.

    ``accept`` drops jobs that split a together-lock group (see :mod:`.locking`).
    """
    now = time.perf_counter()
    full = enumerate_jobs(
        graph,
        profs,
        limits,
        max_jobs=max_columns,
        deadline=now + (deadline - now) * 0.5,
        accept=accept,
    )
    if full.complete:
        return full
    now = time.perf_counter()
    minimal = enumerate_jobs(
        graph,
        profs,
        limits,
        max_jobs=max_columns,
        deadline=now + (deadline - now) * 0.3,
        minimal=True,
        accept=accept,
    )
    if minimal.complete:
        return minimal
    return full


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
