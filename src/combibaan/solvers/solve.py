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

from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass

from combibaan.model import Instance, Job, Locks, Solution, Unassigned
from combibaan.model.locks import SupplierPair
from combibaan.model.phrase import Phrase
from combibaan.result import Result, Statistics
from combibaan.rules import Limits, Policy, profiles
from combibaan.solvers.alternatives import find_alternatives, named, to_alternatives
from combibaan.solvers.budget import Budget
from combibaan.solvers.compatibility import compatibility_graph
from combibaan.solvers.exact import MAX_COLUMNS
from combibaan.solvers.greedy import greedy_jobs
from combibaan.solvers.locking import LockPlan, plan_locks
from combibaan.solvers.ortools.set_packing import Progress
from combibaan.solvers.ortools.workshop import require_tasks
from combibaan.solvers.reasons import Allowance, unassigned_reasons
from combibaan.solvers.strategies import Outcome, Problem, strategy_named
from combibaan.solvers.strategies.base import NOTHING

#: Share of the time limit the searches behind the reasons may take, counted in sets
#: (:class:`~combibaan.solvers.reasons.Allowance`): within what the strategies leave.
REASONS_SHARE = 0.1
#: Wall-clock time kept after the reasons to build the result: a share of the time limit,
#: at most this many seconds.
REASONS_MARGIN_SHARE = 0.02
REASONS_MARGIN_SECONDS = 0.5


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
) -> Result:
    """Bundle the instance's tasks into the most jobs the policy allows.

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

    The reasons for tasks left out are data (:class:`~combibaan.model.phrase.Phrase`);
    they are worded at the edge (``Result.to_dict(lang)``, :func:`combibaan.texts.render`).
    """
    method = strategy_named(strategy)
    problem = _problem(
        instance,
        policy or Policy(),
        locks,
        forbid_pairs,
        require,
        time_limit,
        seed,
        workers,
        max_columns,
        progress,
    )
    try:
        outcome = method.solve(problem)
    except KeyboardInterrupt:  # between the strategy's own checks
        outcome = Outcome.greedy(problem, NOTHING, "greedy", interrupted=True)
    verdict = _Verdict.of(problem, outcome)
    solution, interrupted = _proposal(problem, outcome, outcome.selected)
    others: list = []
    if alternatives and verdict.status in ("optimal", "feasible") and not interrupted:
        try:
            others = _alternatives(problem, outcome, alternatives, time_limit)
        except KeyboardInterrupt:
            interrupted = True
    return Result(
        instance=instance,
        policy=problem.policy,
        solution=solution,
        status=verdict.status,
        jobs_bound=verdict.bound,
        solve_seconds=problem.budget.seconds(),
        statistics=_statistics(problem, outcome, verdict, interrupted),
        locks=problem.plan.locks or None,
        forbid_pairs=problem.plan.forbid_pairs,
        alternatives=to_alternatives(
            others,
            lambda chosen, rank: _proposal(
                problem, outcome, chosen, lambda jobs: named(jobs, solution, rank)
            )[0],
            solution,
            every_job=outcome.every_job,
            best_optimal=verdict.status == "optimal",
        ),
        jobs_status="optimal" if verdict.jobs_proven else verdict.status,
        hours_bound=_hours_bound(problem, outcome, solution, verdict.status),
        stopped=verdict.stopped(interrupted),
    )


def _problem(
    instance: Instance,
    policy: Policy,
    locks: Locks | None,
    forbid_pairs: Iterable[SupplierPair | str],
    require: Collection[str],
    time_limit: float,
    seed: int,
    workers: int,
    max_columns: int,
    progress: Progress | None,
) -> Problem:
    """Everything the strategies share: the locks checked, the graph, the greedy proposal."""
    budget = Budget.starting_now(time_limit)
    limits = Limits.of(policy)
    profs = profiles(instance)
    plan = plan_locks(instance, policy, locks, forbid_pairs, profs)
    graph = compatibility_graph(instance, policy, plan.searchable(profs), plan.forbidden)
    return Problem(
        instance=instance,
        policy=policy,
        limits=limits,
        profiles=profs,
        graph=graph,
        greedy=plan.filter(greedy_jobs(graph, profs, limits)),
        plan=plan,
        required=_required(instance, plan, require),
        budget=budget,
        seed=seed,
        workers=workers,
        max_columns=max_columns,
        progress=progress,
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

    @classmethod
    def of(cls, problem: Problem, outcome: Outcome) -> _Verdict:
        kept = len(problem.plan.keep_jobs)
        placed = len(outcome.selected) + kept
        # Both bounds are proven; the packing's is the tighter one once known.
        bound = problem.hours_bound()
        if outcome.jobs_bound is not None:
            bound = min(bound, outcome.jobs_bound)
        bound = max(bound, len(outcome.selected)) + kept
        if outcome.packing_status == "infeasible":
            status = "infeasible"
        elif outcome.every_job and (outcome.packing_status == "optimal" or bound == 0):
            status = "optimal"
        elif placed or bound == 0:
            status = "feasible"
        else:
            status = "unknown"
        proven = status == "optimal" or (status == "feasible" and bound == placed)
        seconds = outcome.jobs_proven_seconds
        if proven and seconds is None:
            seconds = problem.budget.seconds()
        return cls(status, bound, proven, seconds if proven else None)

    def stopped(self, interrupted: bool) -> str:
        """How the run ended: everything proven, Ctrl-C, or the time limit."""
        if self.status == "optimal" or (self.jobs_proven and self.bound == 0):
            return "proven"
        return "interrupted" if interrupted else "time_limit"


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
    jobs = rename(_jobs([*(outcome.columns[k] for k in chosen), *plan.keep_jobs], instance))
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
            _reasons_allowance(problem.budget),
        )
    except KeyboardInterrupt:
        return _without_reasons(jobs, instance), True
    return Solution(jobs, unassigned), outcome.interrupted


def _reasons_allowance(budget: Budget) -> Allowance:
    """The searches behind the reasons: a share of the time limit in sets (the same on
    every machine), and never past the time limit, less a moment to build the result."""
    margin = min(REASONS_MARGIN_SHARE * budget.time_limit, REASONS_MARGIN_SECONDS)
    return Allowance(nodes=budget.nodes(REASONS_SHARE), deadline=budget.deadline - margin)


def _statistics(
    problem: Problem, outcome: Outcome, verdict: _Verdict, interrupted: bool
) -> Statistics:
    return Statistics(
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
