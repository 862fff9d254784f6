"""``large``: bound by column generation, improve by local search (:mod:`..large`)."""

from __future__ import annotations

from combibaan.solvers.enumeration import Enumeration
from combibaan.solvers.expansion import VariantSource
from combibaan.solvers.large import solve_large
from combibaan.solvers.strategies.base import NOTHING, Outcome, Problem


class Large:
    """A proven bound and the best jobs a deterministic search finds, for any size."""

    name = "large"

    def solve(self, problem: Problem, after: Enumeration = NOTHING) -> Outcome:
        """``after``: an enumeration tried first (by ``auto``); its steps count against the
        budget, in steps, not in seconds, so that the run stays reproducible."""
        source = None
        if problem.flexible and problem.expansion is not None and problem.nodes is not None:
            source = VariantSource(problem.expansion, problem.nodes)
        try:
            found = solve_large(
                problem.graph,
                problem.profiles,
                problem.limits,
                problem.greedy,
                problem.burden,
                started=problem.budget.started,
                deadline=problem.budget.deadline,
                fallback_bound=problem.hours_bound(),
                seed=problem.seed,
                progress=problem.progress,
                accept=problem.plan.accept,
                time_limit=problem.budget.seconds_left(after.nodes),
                source=source,
            )
        except KeyboardInterrupt:
            return Outcome.greedy(problem, after, "lns", interrupted=True)
        # Together-locks are not known to the local search: drop jobs that split a group.
        columns = problem.plan.filter(found.jobs)
        return Outcome(
            columns=columns,
            selected=tuple(range(len(columns))),
            packing_status="feasible",
            jobs_bound=found.jobs_bound,
            jobs_proven_seconds=found.proven_seconds,
            minutes_bound=None,
            interrupted=found.interrupted,
            wall_clock_cut=found.wall_clock_cut or after.wall_clock_cut,
            enumeration=after,
            every_job=False,
            method="lns",
            settled=found.settled,
            pool=tuple(problem.plan.filter(found.pool)),
        )
