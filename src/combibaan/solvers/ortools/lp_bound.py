"""A proven bound on the minutes of any packing with at least k jobs, from the LP relaxation.

CP-SAT's own bound on minutes, once the number of jobs is fixed, stays far
above even the minutes of all tasks (measured on the family benchmark), so
it can never prove the hours. The LP relaxation over every feasible job
(max sum m_j x_j, each task in at most one job, sum x_j >= k, 0 <= x_j <= 1)
is solved by GLOP in well under a second and, on most lists measured, equals
the optimum. It is valid only when the columns hold *every* feasible job.

Why it stays honest: the bound is not GLOP's objective value but a dual
solution made feasible by construction. For any y_t >= 0 (tasks) and z >= 0
(the count), u_j = max(0, m_j - sum_{t in j} y_t + z) makes (y, z, u) dual
feasible, so sum(y) - k z + sum(u) bounds the LP and thus every packing. The
LP solver's tolerances can only make the bound looser, never wrong.
"""

from __future__ import annotations

import math
import time
from collections.abc import Sequence

from ortools.linear_solver import pywraplp


def minutes_bound(
    columns: Sequence[tuple[int, ...]],
    minutes: Sequence[int],
    jobs: int,
    deadline: float = math.inf,
) -> int | None:
    """The most minutes any packing of at least ``jobs`` of these columns can hold.

    None when the LP could not be solved (then use a weaker bound), also when the
    wall-clock ``deadline`` came first (over 168,120 jobs the LP takes seconds).
    """
    if not columns:
        return 0
    solver = pywraplp.Solver.CreateSolver("GLOP")
    if solver is None:
        return None
    # Coefficients one by one: building expressions with operators costs seconds
    # at tens of thousands of columns.
    x = [solver.NumVar(0.0, 1.0, "") for _ in columns]
    infinity = solver.infinity()
    rows: dict[int, pywraplp.Constraint] = {}
    count = solver.Constraint(jobs, infinity)
    objective = solver.Objective()
    objective.SetMaximization()
    for var, column, m in zip(x, columns, minutes, strict=True):
        count.SetCoefficient(var, 1)
        objective.SetCoefficient(var, m)
        for task in column:
            row = rows.get(task)
            if row is None:
                row = rows[task] = solver.Constraint(-infinity, 1)
            row.SetCoefficient(var, 1)
    left = deadline - time.perf_counter()
    if left <= 0:
        return None
    if left < math.inf:
        solver.SetTimeLimit(max(1, int(left * 1000)))
    if solver.Solve() not in (pywraplp.Solver.OPTIMAL, pywraplp.Solver.FEASIBLE):
        return None
    # Signs differ between LP solvers' conventions: the magnitude is what a
    # dual of a <= row (maximising) or a >= row means here; any value >= 0 is safe.
    y = {task: abs(row.dual_value()) for task, row in rows.items()}
    z = abs(count.dual_value())
    bound = sum(y.values()) - jobs * z
    for column, m in zip(columns, minutes, strict=True):
        bound += max(0.0, m - sum(y[t] for t in column) + z)
    # Summing floats may lose a little: stay on the safe side before rounding down.
    return math.floor(bound * (1 + 1e-9) + 1e-6)
