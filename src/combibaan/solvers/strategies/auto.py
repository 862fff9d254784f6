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
        # Without an edge every job is one task: the enumeration is the list itself, and
        # the exact path proves what the large path could only search for (300 such
        # tasks: "stopped: time limit" after 0.0 s, the proposal being forced).
        edgeless = problem.graph.number_of_edges() == 0
        if problem.graph.number_of_nodes() > LARGE_TASKS and not edgeless:
            return Large().solve(problem)
        # More jobs than the count's proof takes: the large path, as soon as they are met.
        most = None if problem.required else PROOF_COLUMNS
        try:
            enumeration = Exact().enumerate(problem, most_jobs=most)
        except KeyboardInterrupt:
            return Outcome.greedy(problem, NOTHING, "greedy", interrupted=True)
        # Neither every job nor the minimal ones fit, or so many that neither CP-SAT
        # nor the count's proof gets through them (150 short tasks, 300k jobs: the
        # greedy's 22 jobs after 90 s, where the large path proves 28): the large path.
        too_many = len(enumeration.jobs) > PROOF_COLUMNS
        if (not enumeration.complete or too_many) and not problem.required:
            return Large().solve(problem, after=enumeration)
        return Exact().pack(problem, enumeration)
