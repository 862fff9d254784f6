"""``exact``: enumerate every feasible job, then pack them in stages (:mod:`..exact`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from combibaan.solvers.enumeration import Enumeration
from combibaan.solvers.exact import Polish, enumerate_columns, solve_exact
from combibaan.solvers.expansion import VariantSource
from combibaan.solvers.lns import LocalSearch, SearchOutcome
from combibaan.solvers.ortools.workshop import require_tasks
from combibaan.solvers.strategies.base import NOTHING, Outcome, Problem


class Exact:
    """Every job enumerated, the count proven first (the answer is proven when it fits)."""

    name = "exact"

    def solve(self, problem: Problem) -> Outcome:
        try:
            enumeration = self.enumerate(problem)
        except KeyboardInterrupt:
            return Outcome.greedy(problem, NOTHING, "greedy", interrupted=True)
        return self.pack(problem, enumeration)

    def enumerate(self, problem: Problem, most_jobs: int | None = None) -> Enumeration:
        """Every feasible job within the budget (or the minimal ones, or as many as fit),
        as task indices (with flexible tasks: found over their variants, each set once);
        ``most_jobs``: see :func:`.enumerate_columns`."""
        expansion, nodes = problem.expansion, problem.nodes
        if expansion is None or nodes is None or not expansion.flexible:
            return enumerate_columns(
                problem.graph,
                problem.profiles,
                problem.limits,
                problem.budget,
                max_columns=problem.max_columns,
                accept=problem.plan.accept,
                most_jobs=most_jobs,
            )
        found = enumerate_columns(
            nodes,
            expansion.profiles,
            problem.limits,
            problem.budget,
            max_columns=problem.max_columns,
            accept=problem.node_accept(),
            task_of=expansion.task_of,
            most_jobs=most_jobs,
        )
        return replace(found, jobs=expansion.record(found.jobs))

    def pack(self, problem: Problem, enumeration: Enumeration) -> Outcome:
        """Pack the jobs ``enumeration`` found (the greedy ones as the hint)."""
        required = problem.required
        try:
            found = solve_exact(
                enumeration,
                problem.greedy,
                problem.minutes,
                problem.burden,
                problem.packing_budget(),
                seed=problem.seed,
                workers=problem.workers,
                progress=problem.progress,
                constrain=lambda cols: require_tasks(cols, required) if required else None,
                polish=_polish(problem),
            )
        except KeyboardInterrupt:
            return Outcome.greedy(
                problem, enumeration, _method(enumeration, False), interrupted=True
            )
        return Outcome(
            columns=found.columns,
            selected=found.selected,
            packing_status=found.status,
            jobs_bound=found.jobs_bound,
            jobs_proven_seconds=found.jobs_proven_seconds,
            minutes_bound=found.minutes_bound,
            interrupted=found.interrupted,
            wall_clock_cut=found.wall_clock_cut,
            enumeration=enumeration,
            every_job=found.every_job,
            method=_method(enumeration, found.every_job),
        )


def _polish(problem: Problem) -> Polish:
    """The local search that takes stage 2's proposal on (:func:`.solve_exact`), over the
    same tasks (and ways), keeping the together-locks as the enumeration did."""
    source = None
    if problem.flexible and problem.expansion is not None and problem.nodes is not None:
        source = VariantSource(problem.expansion, problem.nodes)

    def polish(
        jobs: Sequence[tuple[int, ...]], work: float, deadline: float, most: int
    ) -> SearchOutcome:
        search = LocalSearch(
            {v: set(problem.graph[v]) for v in problem.graph},  # only when it runs
            problem.profiles,
            problem.limits,
            jobs,
            problem.burden,
            seed=problem.seed,
            accept=problem.plan.accept,
            source=source,
        )

        def enough() -> bool:
            return sum(map(problem.minutes, search.jobs)) >= most

        return search.run(work, deadline, stop=enough)

    return polish


def _method(enumeration: Enumeration, every_job: bool) -> str:
    """``exact`` over every job, ``minimal`` over the minimal ones, ``partial`` over some."""
    if not enumeration.jobs:
        return "greedy"
    return "exact" if every_job else "minimal" if enumeration.complete else "partial"
