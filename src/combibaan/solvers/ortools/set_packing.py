"""Solve the set-packing model over enumerated jobs with CP-SAT: in stages, or in one sum."""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from ortools.sat.python import cp_model

from combibaan.solvers.ortools.constraints import each_task_at_most_once
from combibaan.solvers.ortools.interruptible import run_interruptibly
from combibaan.solvers.ortools.objective import weights
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
    #: Whether the wall clock stopped the search before its deterministic budget did.
    wall_clock_cut: bool = False
    #: Deterministic time the search used (CP-SAT's own measure of work).
    work: float = 0.0


#: Above this many columns CP-SAT's presolve can use several times the work it is given
#: (25 of 6 units, 23 s past the wall clock, on 80 short tasks; a local-search step over
#: 20,006 jobs of 100 tasks of 15-90 minutes: 31 of 1, 5 s past a 5 s limit), so models
#: that big, where a good solution is what counts, are solved without it.
BIG_MODEL = 20_000


def configure(
    solver: cp_model.CpSolver,
    *,
    deadline: float,
    work: float | None,
    seed: int,
    workers: int,
    presolve: bool = True,
) -> None:
    """Limits and workers such that a run depends on its inputs, not on the machine.

    One worker (``workers`` 0 or 1) is deterministic by itself; more workers run
    CP-SAT's interleaved search, deterministic for a given number of workers.
    Measured on the family benchmark's lists: one worker proves the job count as
    fast as two free-running ones and several times faster than two interleaved.
    ``work`` caps CP-SAT's deterministic time; ``deadline`` (wall clock) is only
    the cap for a slow machine. Without ``presolve``, for models where only a
    good solution counts: on 44k minimal jobs of 80 short tasks CP-SAT's presolve
    spent 25 units of work where 6 were allowed, and 23 s past the wall clock.
    """
    solver.parameters.max_time_in_seconds = max(deadline - time.perf_counter(), 0.01)
    if work is not None:
        solver.parameters.max_deterministic_time = max(work, 0.0)
    solver.parameters.random_seed = seed
    solver.parameters.num_workers = max(workers, 1)
    solver.parameters.interleave_search = workers > 1
    solver.parameters.cp_model_presolve = presolve


def _cut_by_clock(
    solver: cp_model.CpSolver, status: cp_model.CpSolverStatus, work: float | None
) -> bool:
    """Whether a search that did not finish stopped on the wall clock, not on ``work``."""
    if status in (cp_model.OPTIMAL, cp_model.INFEASIBLE):
        return False
    return work is None or solver.deterministic_time < work * 0.999


class _Reporter(cp_model.CpSolverSolutionCallback):
    """Reports each improving solution as (jobs, bound on jobs, seconds)."""

    def __init__(
        self,
        x: list,
        progress: Progress,
        started: float,
        jobs_bound: Callable[[float], int | None],
    ) -> None:
        super().__init__()
        self._x = x
        self._progress = progress
        self._started = started
        self._jobs_bound = jobs_bound

    def on_solution_callback(self) -> None:
        jobs = sum(1 for v in self._x if self.boolean_value(v))
        bound = self.best_objective_bound
        self._progress(
            jobs,
            self._jobs_bound(bound) if math.isfinite(bound) else None,
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
    work: float | None = None,
) -> PackingOutcome:
    """Pick disjoint columns: most jobs, then most minutes, then least burden, in one sum.

    For small models (the local search's steps, the alternatives), where one
    weighted objective is proven as fast as stages; see :class:`StagedPacking`.
    ``constrain(model, x)`` adds constraints over the column variables (the
    workshop's alternatives and what-ifs); the model may then be infeasible,
    reported as status ``infeasible``. Give no ``hint`` that breaks them.
    ``work`` caps CP-SAT's deterministic time (see :func:`configure`); over more than
    :data:`BIG_MODEL` columns CP-SAT runs without presolve.
    """
    started = time.perf_counter()
    model = cp_model.CpModel()
    x = job_variables(model, columns)
    each_task_at_most_once(model, x, columns)
    if constrain is not None:
        constrain(model, x)
    w = weights(minutes, burdens, tasks, tasks_minutes)
    model.maximize(sum(c * v for c, v in zip(w.coefficients, x, strict=True)))
    _hint(model, x, hint)
    solver = cp_model.CpSolver()
    presolve = len(columns) <= BIG_MODEL
    configure(solver, deadline=deadline, work=work, seed=seed, workers=workers, presolve=presolve)
    callback = _Reporter(x, progress, started, w.jobs_bound) if progress else None
    status, interrupted = solve_interruptibly(solver, model, callback)
    cut = _cut_by_clock(solver, status, work) and not interrupted
    used = solver.deterministic_time
    if status == cp_model.INFEASIBLE:
        return PackingOutcome((), None, "infeasible", interrupted, cut, used)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        # No solution, so no objective bound either (CP-SAT then reports 0).
        return PackingOutcome(tuple(hint), None, "unknown", interrupted, cut, used)
    bound = solver.best_objective_bound
    jobs_bound = w.jobs_bound(bound) if math.isfinite(bound) else None
    selected = tuple(k for k, v in enumerate(x) if solver.boolean_value(v))
    if status == cp_model.OPTIMAL:
        return PackingOutcome(selected, len(selected), "optimal", interrupted, cut, used)
    # Stopped before CP-SAT reached the hint's quality: keep the hint.
    if sum(w.coefficients[k] for k in hint) > sum(w.coefficients[k] for k in selected):
        selected = tuple(hint)
    # Stopped early: by the time limit, or by Ctrl-C.
    return PackingOutcome(selected, jobs_bound, "feasible", interrupted, cut, used)


@dataclass(frozen=True)
class StageOutcome:
    """One stage of :class:`StagedPacking`: the columns chosen and what was proven."""

    selected: tuple[int, ...]
    #: ``optimal``, ``feasible``, ``unknown`` or ``infeasible`` (see PackingOutcome).
    status: str
    #: Proven bound on this stage's measure (jobs, or minutes), or None.
    bound: int | None
    interrupted: bool
    wall_clock_cut: bool
    work: float
    #: Seconds since the start of the stage at which it was proven (None: not proven).
    proven_after: float | None = None


class StagedPacking:
    """The set-packing model over enumerated jobs, solved lexicographically in stages.

    Stage 1 maximises the number of jobs and nothing else: the important level
    proves in seconds where one weighted objective (jobs, hours and tie-break
    in one sum) left even the count unproven. Stage 2 fixes that count and
    maximises minutes, capped by a proven bound on minutes so that CP-SAT can
    stop once it reaches it; stage 3 keeps both and adds the tie-break.
    Each stage's constraints stay in the model for the next.
    """

    def __init__(
        self,
        columns: Sequence[tuple[int, ...]],
        minutes: Sequence[int],
        burdens: Sequence[int],
        *,
        constrain: Callable[[cp_model.CpModel, list], None] | None = None,
    ) -> None:
        self.columns = columns
        self.minutes = minutes
        self.burdens = burdens
        self._model = cp_model.CpModel()
        self._x = job_variables(self._model, columns)
        each_task_at_most_once(self._model, self._x, columns)
        if constrain is not None:
            constrain(self._model, self._x)

    def most_jobs(
        self,
        hint: Sequence[int],
        *,
        deadline: float,
        work: float | None,
        seed: int = 0,
        workers: int = 0,
        progress: Progress | None = None,
        jobs_cap: int | None = None,
        presolve: bool = True,
    ) -> StageOutcome:
        """Stage 1: the most jobs; ``bound`` is a proven bound on the number of jobs.

        ``jobs_cap``: a bound on the jobs proven otherwise (:mod:`..count_proof`), added
        for good: CP-SAT stops once it reaches it and never reports a looser bound.
        ``presolve``: see :func:`configure`."""
        if jobs_cap is not None:
            self._model.add(sum(self._x) <= jobs_cap)
        self._model.maximize(sum(self._x))
        return self._run(
            hint,
            deadline=deadline,
            work=work,
            seed=seed,
            workers=workers,
            progress=progress,
            jobs_bound=lambda bound: math.floor(bound + 1e-6),
            measure=len,
            presolve=presolve,
        )

    def most_hours(
        self,
        jobs: int,
        hint: Sequence[int],
        *,
        minutes_cap: int | None,
        deadline: float,
        work: float | None,
        seed: int = 0,
        workers: int = 0,
        progress: Progress | None = None,
        presolve: bool = True,
    ) -> StageOutcome:
        """Stage 2: at least ``jobs`` jobs (added for good), then the most minutes.

        ``minutes_cap`` must be a proven bound on the minutes of any packing with
        that many jobs (e.g. :func:`~.lp_bound.minutes_bound`); CP-SAT then stops
        as soon as it reaches it. ``bound`` is a proven bound on minutes.
        """
        model, x = self._model, self._x
        model.add(sum(x) >= jobs)
        total = sum(m * v for m, v in zip(self.minutes, x, strict=True))
        if minutes_cap is not None:
            model.add(total <= minutes_cap)
        model.maximize(total)
        outcome = self._run(
            hint,
            deadline=deadline,
            work=work,
            seed=seed,
            workers=workers,
            progress=progress,
            jobs_bound=lambda bound: jobs,
            measure=self.minutes_of,
            presolve=presolve,
        )
        if minutes_cap is not None:
            bound = minutes_cap if outcome.bound is None else min(outcome.bound, minutes_cap)
            outcome = replace(outcome, bound=bound)
        return outcome

    def least_burden(
        self,
        hint: Sequence[int],
        *,
        deadline: float,
        work: float | None,
        seed: int = 0,
        workers: int = 0,
        progress: Progress | None = None,
        presolve: bool = True,
    ) -> StageOutcome:
        """Stage 3, after stage 2 proved the hours: the most minutes, then the least burden.

        Hours and tie-break as one sum with exact weights (see :mod:`.objective`),
        hinted with stage 2's packing. Fixing the minutes by a constraint instead
        would, with stage 2's cap, be an equality on a weighted sum: measured
        ten times slower to prove. ``bound`` is a bound on that sum.
        """
        model, x = self._model, self._x
        # No packing holds more jobs than there are tasks in the columns.
        tasks = len({t for column in self.columns for t in column})
        w = weights(self.minutes, self.burdens, tasks, sum(self.minutes))
        scores = [
            m // w.unit * w.per_unit - b for m, b in zip(self.minutes, self.burdens, strict=True)
        ]
        model.maximize(sum(c * v for c, v in zip(scores, x, strict=True)))
        jobs = len(hint)
        return self._run(
            hint,
            deadline=deadline,
            work=work,
            seed=seed,
            workers=workers,
            progress=progress,
            jobs_bound=lambda bound: jobs,
            measure=lambda selected: sum(scores[k] for k in selected),
            presolve=presolve,
        )

    def minutes_of(self, selected: Sequence[int]) -> int:
        """Minutes of these chosen columns."""
        return sum(self.minutes[k] for k in selected)

    def _run(
        self,
        hint: Sequence[int],
        *,
        deadline: float,
        work: float | None,
        seed: int,
        workers: int,
        progress: Progress | None,
        jobs_bound: Callable[[float], int | None],
        measure: Callable[[tuple[int, ...]], int],
        objective_bound: Callable[[float], int] | None = None,
        presolve: bool = True,
    ) -> StageOutcome:
        started = time.perf_counter()
        model, x = self._model, self._x
        model.clear_hints()
        _hint(model, x, hint)
        solver = cp_model.CpSolver()
        configure(
            solver, deadline=deadline, work=work, seed=seed, workers=workers, presolve=presolve
        )
        callback = _Reporter(x, progress, started, jobs_bound) if progress else None
        status, interrupted = solve_interruptibly(solver, model, callback)
        cut = _cut_by_clock(solver, status, work) and not interrupted
        used = solver.deterministic_time
        seconds = time.perf_counter() - started
        if status == cp_model.INFEASIBLE:
            return StageOutcome((), "infeasible", None, interrupted, cut, used, seconds)
        if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            return StageOutcome(tuple(hint), "unknown", None, interrupted, cut, used)
        selected = tuple(k for k, v in enumerate(x) if solver.boolean_value(v))
        if measure(tuple(hint)) > measure(selected):
            selected = tuple(hint)  # stopped before CP-SAT caught up with the hint
        raw = solver.best_objective_bound
        convert = objective_bound or (lambda bound: math.floor(bound + 1e-6))
        bound = convert(raw) if math.isfinite(raw) else None
        if status == cp_model.OPTIMAL:
            return StageOutcome(
                selected, "optimal", measure(selected), interrupted, cut, used, seconds
            )
        proven = seconds if bound is not None and measure(selected) >= bound else None
        return StageOutcome(selected, "feasible", bound, interrupted, cut, used, proven)


def _hint(model: cp_model.CpModel, x: list, hint: Sequence[int]) -> None:
    """A complete hint (every other column off): CP-SAT starts from this packing
    instead of having to repair a partial one."""
    hinted = set(hint)
    for k, var in enumerate(x):
        model.add_hint(var, k in hinted)


def solve_interruptibly(
    solver: cp_model.CpSolver,
    model: cp_model.CpModel,
    callback: cp_model.CpSolverSolutionCallback | None = None,
) -> tuple[cp_model.CpSolverStatus, bool]:
    """``solver.solve`` that Ctrl-C stops like a time limit; also says whether it did
    (see :mod:`.interruptible`). Every CP-SAT solve goes through here: one that
    catches SIGINT itself leaves it at the system's default afterwards, and the
    next Ctrl-C kills Python outright (a notebook's kernel, or the command before
    it can write the proposal)."""
    solver.parameters.catch_sigint_signal = False
    return run_interruptibly(lambda: solver.solve(model, callback), solver.stop_search, "cp-sat")
