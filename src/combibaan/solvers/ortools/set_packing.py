"""Solve the set-packing model over enumerated jobs with CP-SAT."""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ortools.sat.python import cp_model

from combibaan.solvers.ortools.constraints import each_task_at_most_once
from combibaan.solvers.ortools.objective import Weights, weights
from combibaan.solvers.ortools.variables import job_variables

#: Called with (jobs found, proven bound on jobs or None, seconds since start).
Progress = Callable[[int, int | None, float], None]


@dataclass(frozen=True)
class PackingOutcome:
    """Which columns were chosen and what CP-SAT proved about them."""

    selected: tuple[int, ...]
    #: A proven upper bound on the number of jobs over these columns.
    jobs_bound: int | None
    #: ``optimal``, ``feasible`` (stopped early), ``unknown`` (nothing found in time) or
    #: ``infeasible`` (only with extra constraints, see ``constrain``).
    status: str = "unknown"
    interrupted: bool = False


class _Reporter(cp_model.CpSolverSolutionCallback):
    """Reports each improving solution as (jobs, bound on jobs, seconds)."""

    def __init__(self, x: list, w: Weights, progress: Progress, started: float) -> None:
        super().__init__()
        self._x = x
        self._weights = w
        self._progress = progress
        self._started = started

    def on_solution_callback(self) -> None:
        jobs = sum(1 for v in self._x if self.boolean_value(v))
        bound = self.best_objective_bound
        self._progress(
            jobs,
            self._weights.jobs_bound(bound) if math.isfinite(bound) else None,
            time.perf_counter() - self._started,
        )


def solve_packing(
    columns: Sequence[tuple[int, ...]],
    minutes: Sequence[int],
    burdens: Sequence[int],
    *,
    tasks: int,
    tasks_minutes: int,
    deadline: float,
    seed: int = 0,
    workers: int = 0,
    hint: Sequence[int] = (),
    progress: Progress | None = None,
    constrain: Callable[[cp_model.CpModel, list], None] | None = None,
) -> PackingOutcome:
    """Pick disjoint columns: most jobs, then most minutes, then least burden.

    ``constrain(model, x)`` adds constraints over the column variables (the
    workshop's alternatives and what-ifs); the model may then be infeasible,
    reported as status ``infeasible``. Give no ``hint`` that breaks them.
    """
    started = time.perf_counter()
    model = cp_model.CpModel()
    x = job_variables(model, columns)
    each_task_at_most_once(model, x, columns)
    if constrain is not None:
        constrain(model, x)
    w = weights(minutes, burdens, tasks, tasks_minutes)
    model.maximize(sum(c * v for c, v in zip(w.coefficients, x, strict=True)))
    # A complete hint (every other column off): CP-SAT starts from the greedy
    # packing instead of having to repair a partial one.
    hinted = set(hint)
    for k, var in enumerate(x):
        model.add_hint(var, k in hinted)

    solver = cp_model.CpSolver()
    remaining = max(deadline - started, 0.01)
    solver.parameters.max_time_in_seconds = remaining
    solver.parameters.random_seed = seed
    solver.parameters.num_workers = workers
    callback = _Reporter(x, w, progress, started) if progress else None
    status, interrupted = _solve_interruptibly(solver, model, callback)
    if status == cp_model.INFEASIBLE:
        return PackingOutcome((), None, "infeasible", interrupted)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        # No solution, so no objective bound either (CP-SAT then reports 0).
        return PackingOutcome(tuple(hint), None, "unknown", interrupted)
    bound = solver.best_objective_bound
    jobs_bound = w.jobs_bound(bound) if math.isfinite(bound) else None
    selected = tuple(k for k, v in enumerate(x) if solver.boolean_value(v))
    if status == cp_model.OPTIMAL:
        return PackingOutcome(selected, len(selected), "optimal", interrupted)
    # Stopped before CP-SAT reached the hint's quality: keep the hint.
    if sum(w.coefficients[k] for k in hint) > sum(w.coefficients[k] for k in selected):
        selected = tuple(hint)
    # Stopped early: by the time limit, or by Ctrl-C.
    return PackingOutcome(selected, jobs_bound, "feasible", interrupted)


def _solve_interruptibly(
    solver: cp_model.CpSolver, model: cp_model.CpModel, callback: _Reporter | None
) -> tuple[int, bool]:
    """``solver.solve`` that Ctrl-C stops like a time limit; also says whether it did.

    CP-SAT can catch SIGINT itself, but then nobody learns that it did (a local
    search would carry on until its deadline), and afterwards SIGINT is left at
    the operating system's default, so a later Ctrl-C kills Python outright. So
    Python keeps its own handler: the search runs in a helper thread while the
    main thread waits, and the ``KeyboardInterrupt`` raised there stops it.
    """
    solver.parameters.catch_sigint_signal = False
    if threading.current_thread() is not threading.main_thread():
        return solver.solve(model, callback), False  # signals only reach the main thread
    done: dict[str, object] = {}
    finished = threading.Event()

    def search() -> None:
        try:
            done["status"] = solver.solve(model, callback)
        except BaseException as error:  # handed to the caller below
            done["error"] = error
        finally:
            finished.set()

    # Waiting on an Event, not Thread.join: on Python 3.11 a join interrupted by
    # Ctrl-C marks the thread finished while it still runs.
    threading.Thread(target=search, name="cp-sat", daemon=True).start()
    interrupted = False
    try:
        while not finished.wait(0.2):
            pass
    except KeyboardInterrupt:
        interrupted = True
        solver.stop_search()
        finished.wait()
    if "error" in done:
        raise done["error"]  # type: ignore[misc]
    return int(done["status"]), interrupted  # type: ignore[call-overload]
