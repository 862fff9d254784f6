"""The most jobs over a set of columns by a MIP solver (SCIP), for the count's proof.

CP-SAT finds the most jobs fast but can be slow to prove it when the LP
bound sits just above the optimum: on 80 short tasks (LP 15.06, optimum 14)
it had not proven 14 after 60 s over all 80k jobs, while SCIP over the 3,336
that reduced costs leave (:mod:`..count_proof`) proved it in a few seconds
(``benchmarks/count_proof.py``). Without presolve: on those jobs SCIP took
2.8 s and 8 nodes without it, 9.7 s with it.

SCIP, because it takes a node limit: single-threaded and stopped by a count,
it gives the same answer on every machine. The wall clock only caps it on a
slow one; the caller then takes nothing from it and says a rerun may differ.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass

from ortools.linear_solver import pywraplp

from combibaan.solvers.ortools.interruptible import run_interruptibly

#: Branch-and-bound nodes at most (the 80 short tasks above needed 8).
MAX_NODES = 2000
#: Without presolve: on these models it cost more time than it saved (see above).
#: SCIP must not catch Ctrl-C itself: it would swallow it (see :mod:`.interruptible`).
PARAMETERS = f"presolving/maxrounds = 0\nlimits/totalnodes = {MAX_NODES}\nmisc/catchctrlc = FALSE"


@dataclass(frozen=True)
class MipOutcome:
    """The columns chosen (the best packing found, when stopped by the node limit), and
    whether the solver proved that no packing of them has more."""

    selected: tuple[int, ...]
    optimal: bool
    #: Whether the wall clock stopped the solver before it finished.
    clock_cut: bool


def most_jobs_mip(columns: Sequence[tuple[int, ...]], deadline: float) -> MipOutcome:
    """Disjoint columns, as many as possible, within ``MAX_NODES`` nodes and the
    wall-clock ``deadline``."""
    seconds = deadline - time.perf_counter()
    if seconds <= 0:
        return MipOutcome((), False, True)
    solver = pywraplp.Solver.CreateSolver("SCIP")
    solver.SetNumThreads(1)
    solver.SetSolverSpecificParametersAsString(PARAMETERS)
    solver.SetTimeLimit(max(1, int(seconds * 1000)))
    x = [solver.BoolVar(f"x{k}") for k in range(len(columns))]
    members: dict[int, list[pywraplp.Variable]] = {}
    for k, column in enumerate(columns):
        for task in column:
            members.setdefault(task, []).append(x[k])
    for variables in members.values():
        if len(variables) > 1:
            solver.Add(solver.Sum(variables) <= 1)
    solver.Maximize(solver.Sum(x))
    status, interrupted = run_interruptibly(solver.Solve, solver.InterruptSolve, "scip")
    if interrupted:
        raise KeyboardInterrupt
    chosen = tuple(k for k, v in enumerate(x) if v.solution_value() > 0.5)
    if status == pywraplp.Solver.OPTIMAL:
        return MipOutcome(chosen, True, False)
    # Stopped by the node limit (the same everywhere: its best packing is worth keeping,
    # it may already meet the LP's bound) or by the clock (a rerun may differ: nothing).
    clock_cut = time.perf_counter() >= deadline - 0.05
    kept = chosen if status == pywraplp.Solver.FEASIBLE and not clock_cut else ()
    return MipOutcome(kept, False, clock_cut)
