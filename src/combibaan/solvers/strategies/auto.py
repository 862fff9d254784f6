"""``auto``: the exact path where its enumeration fits, the large path elsewhere.

Chosen by measurement (``benchmarks/families.py``): up to :data:`LARGE_TASKS`
tasks that fit in a job, every family's count is proven by the exact path; above
it, or when the jobs do not fit the enumeration's budget, the large path does better.
"""

from __future__ import annotations

from combibaan.solvers.exact import PROOF_COLUMNS
from combibaan.solvers.strategies.base import NOTHING, Outcome, Problem
from combibaan.solvers.strategies.exact import Exact
from combibaan.solvers.strategies.large import Large

#: Above this many tasks that fit in a job, ``auto`` skips the enumeration.
LARGE_TASKS = 250


class Auto:
    """Exact when the enumeration fits, else large."""

    name = "auto"

    def solve(self, problem: Problem) -> Outcome:
        if problem.graph.number_of_nodes() > LARGE_TASKS:
            return Large().solve(problem)
        try:
            enumeration = Exact().enumerate(problem)
        except KeyboardInterrupt:
            return Outcome.greedy(problem, NOTHING, "greedy", interrupted=True)
        # Neither every job nor the minimal ones fit, or so many that neither CP-SAT
        # nor the count's proof gets through them (150 short tasks, 300k jobs: the
        # greedy's 22 jobs after 90 s, where the large path proves 28): the large path.
        too_many = enumeration.complete and len(enumeration.jobs) > PROOF_COLUMNS
        if (not enumeration.complete or too_many) and not problem.required:
            return Large().solve(problem, after=enumeration)
        return Exact().pack(problem, enumeration)
