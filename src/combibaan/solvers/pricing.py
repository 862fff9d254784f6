"""Exact pricing by CP-SAT, for the rounds where the depth-first search gives up.

Column generation (:mod:`.colgen`) needs, each round, the job with the
smallest dual sum. The depth-first search finds it fast on sparse graphs (a
campus: a few thousand nodes per round), but on dense ones (short tasks, a
job of five or six among 200 compatible tasks) proving the minimum near 1
took minutes per round, while CP-SAT proves it in under a second (measured on
the ``short`` family at 300 tasks: 0.1-0.6 s against 15-150 s). The model: a
boolean per task, no two incompatible tasks together, and every rule's terms
(:meth:`.Rule.terms`); a rule without terms leaves the model a relaxation, and
the jobs it finds are checked against every rule before they are used.

Its objective bound is a valid lower bound on the cheapest job even when the
solve stops at its work limit: dual values are rounded down to integers, so
the scaled bound never exceeds the true minimum.
"""

from __future__ import annotations

import math
import time
from collections.abc import Mapping, Sequence

from ortools.sat.python import cp_model

from combibaan.rules import Limits, Load, Profile
from combibaan.solvers.ortools.terms import state_term

#: Dual values are scaled by this before rounding down to integers.
SCALE = 10**6
#: Above this many incompatible pairs the model is not built (it would not fit in memory).
MAX_PAIRS = 400_000


def incompatible_pairs(adjacency: Mapping[int, set[int]]) -> int:
    """How many pairs of tasks the model would have to forbid."""
    n = len(adjacency)
    return n * (n - 1) // 2 - sum(len(a) for a in adjacency.values()) // 2


class PricingModel:
    """The pricing problem over one compatibility graph, built once and re-solved per round."""

    def __init__(
        self, adjacency: Mapping[int, set[int]], profiles: Sequence[Profile], limits: Limits
    ) -> None:
        model = cp_model.CpModel()
        tasks = sorted(adjacency)
        z = {v: model.new_bool_var(f"z{v}") for v in tasks}
        for k, u in enumerate(tasks):
            for v in tasks[k + 1 :]:
                if v not in adjacency[u]:
                    model.add_bool_or([z[u].Not(), z[v].Not()])
        for term in limits.terms:
            state_term(model, term, z, profiles)
        self._model = model
        self._z = z
        self._profiles = profiles
        self._limits = limits

    def cheapest(
        self, y: Sequence[float], work: float, deadline: float
    ) -> tuple[float, list[tuple[int, ...]], float, bool]:
        """A lower bound on the smallest dual sum of any job, the jobs found below 1, the
        deterministic time used, and whether the bound is the minimum (proven optimal).
        With one worker and a ``work`` limit the answer does not depend on the
        machine's speed, unless ``deadline`` (wall clock) comes first. A bound of
        ``inf``: there is no job at all.
        """
        scaled = {v: math.floor(max(0.0, y[v]) * SCALE) for v in self._z}
        self._model.minimize(sum(c * self._z[v] for v, c in scaled.items() if c))
        solver = cp_model.CpSolver()
        solver.parameters.num_workers = 1
        solver.parameters.max_deterministic_time = work
        solver.parameters.max_time_in_seconds = max(0.01, deadline - time.perf_counter())
        solver.parameters.catch_sigint_signal = False
        collector = _Collector(self._z, y)
        status = solver.solve(self._model, collector)
        used = solver.deterministic_time
        if status == cp_model.INFEASIBLE:
            return math.inf, [], used, True
        if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            return 0.0, [], used, False
        jobs = [job for job in collector.jobs if self._valid(job)]
        optimal = status == cp_model.OPTIMAL
        return solver.best_objective_bound / SCALE, jobs, used, optimal

    def _valid(self, job: tuple[int, ...]) -> bool:
        """Whether ``job`` passes the same load rules as every other column (a safeguard)."""
        load: Load | None = Load.of(self._profiles[job[0]])
        for t in job[1:]:
            load = load.add(self._profiles[t], self._limits) if load else None
        return load is not None and load.is_job(self._limits)


class _Collector(cp_model.CpSolverSolutionCallback):
    """Keeps every solution CP-SAT passes on the way whose dual sum is below 1."""

    def __init__(self, z: Mapping[int, cp_model.IntVar], y: Sequence[float]) -> None:
        super().__init__()
        self._z = z
        self._y = y
        self.jobs: list[tuple[int, ...]] = []

    def on_solution_callback(self) -> None:
        job = tuple(v for v, var in self._z.items() if self.boolean_value(var))
        if job and sum(self._y[v] for v in job) < 1.0 and job not in self.jobs:
            self.jobs.append(job)
