"""The exact strategy: enumerate every feasible job, then pack them in stages.

1. every feasible job is enumerated as a column, within a step budget; when
   that does not fit, only the minimal jobs (enough to count the most jobs);
2. stage 1: CP-SAT maximises the number of jobs alone, from the greedy proposal;
3. stage 2: with that many jobs, the most hours, capped by the LP bound on
   minutes (:mod:`.ortools.lp_bound`) so that reaching it proves the hours;
4. stage 3: with those jobs and hours, the least burden (the tie-break).

Where stage 2 does not prove the hours, a local search (``polish``, :mod:`.lns`)
takes its proposal on from a share of stage 2's work kept back: repacking a few
jobs at a time finds hours that CP-SAT over a hundred thousand columns did not
(``generate`` short, 100 tasks, seeds 1 and 3, 30 s: 448.75 and 370 hours where
443.75 and 365, the same jobs).

Each stage runs on what the earlier ones left of the deterministic budget
(:mod:`.budget`). The number of jobs is proven when stage 1 is, over either
enumeration; hours and the tie-break only over the full one.
"""

from __future__ import annotations

import heapq
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

import networkx as nx

from combibaan.rules import Limits, Profile
from combibaan.solvers.budget import FULL_SHARE, MINIMAL_SHARE, WORK_PER_SECOND, Budget
from combibaan.solvers.count_proof import Prices, prices_and_dive, prove_count
from combibaan.solvers.enumeration import Enumeration, enumerate_jobs
from combibaan.solvers.lns import SearchOutcome
from combibaan.solvers.ortools.lp_bound import minutes_bound
from combibaan.solvers.ortools.set_packing import (
    BIG_MODEL,
    Progress,
    StagedPacking,
    StageOutcome,
)
from combibaan.solvers.ortools.workshop import Constrain

#: Columns beyond which enumeration stops (CP-SAT needs about 2 kB per column).
MAX_COLUMNS = 400_000
#: Share of the work for stage 1's first try; when that does not prove the count,
#: a share of the time limit for the proof by reduced costs (:mod:`.count_proof`),
#: charged in full whatever it takes, so the later stages' work does not depend on
#: the machine. Stage 1 goes on with the rest if neither proved the count.
COUNT_SHARE = 0.4
PROOF_SHARE = 0.3
#: Above this many columns no LP is solved for the proof (GLOP: about 1 s per 40k).
PROOF_COLUMNS = 200_000
#: Where the proof settles nothing, CP-SAT packs this many of the columns cheapest under
#: its prices (and the dive's), on what is left of its share: on a hospital list of 150
#: tasks (168,120 jobs) the dive found 66 of a bound of 67, too many jobs passed the
#: threshold for the MIP, and CP-SAT over all columns found no 67th in 60 s. Over the
#: 5,000 cheapest it found 67 in 2.4-3.0 units of work (seeds 0-2), over 10,000 in 5,
#: over 20,000 not in 10. Without the bound as a constraint: with it, none of these
#: found 67 in 10 units.
CHEAPEST_COLUMNS = 5_000
#: Share of stage 2's work kept for ``polish`` in case it does not prove the hours (else
#: stage 3 gets it).
POLISH_SHARE = 0.25
#: ``polish(jobs, work, deadline, minutes)``: a search from ``jobs`` for jobs at least as
#: good (the count, then the minutes, then the burden), on ``work`` reference seconds,
#: stopping at ``minutes`` placed.
Polish = Callable[[Sequence[tuple[int, ...]], float, float, int], SearchOutcome]


@dataclass(frozen=True)
class ExactOutcome:
    """The columns, the chosen ones, and what each stage proved."""

    enumeration: Enumeration
    columns: list[tuple[int, ...]]
    selected: tuple[int, ...]
    #: The whole objective: ``optimal``, ``feasible``, ``unknown`` or ``infeasible``.
    status: str
    #: Proven bound on the number of jobs over the columns (None: none proven).
    jobs_bound: int | None
    #: Seconds from the start at which the number of jobs was proven.
    jobs_proven_seconds: float | None
    #: Proven bound on the minutes of a packing with this many jobs (full enumeration only).
    minutes_bound: int | None
    interrupted: bool
    wall_clock_cut: bool

    @property
    def every_job(self) -> bool:
        """Whether the columns hold every feasible job (then bounds cover all proposals)."""
        return self.enumeration.complete and not self.enumeration.minimal


def enumerate_columns(
    graph: nx.Graph,
    profiles: list[Profile],
    limits: Limits,
    budget: Budget,
    *,
    max_columns: int = MAX_COLUMNS,
    accept: Callable[[Sequence[int]], bool] | None = None,
    task_of: Sequence[int] | None = None,
    most_jobs: int | None = None,
) -> Enumeration:
    """All feasible jobs if they fit the step budget and the cap; else the minimal ones.

    The minimal jobs come first: the full search visits every step of theirs and
    more, so when they do not fit, neither would every job, and the rest of the
    time goes to the large path at once (150 short tasks: a quarter of the time
    limit was spent on a full enumeration that could not finish). ``accept``
    drops jobs that split a together-lock group (see :mod:`.locking`); ``task_of``:
    the nodes are ways of doing tasks (:func:`.enumerate_jobs`). The
    result says whether it is complete; an incomplete one holds the minimal
    jobs found so far.

    ``most_jobs``: the caller packs no more jobs than this (``auto`` then takes the
    large path), so the search for every job stops once it finds more, incomplete,
    with the jobs it found: 150 short tasks listed all 299,612 in 3.9 s of a 60 s
    limit, only to go to the large path after them.
    """
    minimal = enumerate_jobs(
        graph,
        profiles,
        limits,
        max_jobs=max_columns,
        max_nodes=budget.nodes(MINIMAL_SHARE),
        deadline=budget.deadline,
        minimal=True,
        accept=accept,
        task_of=task_of,
    )
    if not minimal.complete:
        return minimal
    full = enumerate_jobs(
        graph,
        profiles,
        limits,
        max_jobs=max_columns if most_jobs is None else min(max_columns, most_jobs + 1),
        max_nodes=budget.nodes(FULL_SHARE),
        deadline=budget.deadline,
        accept=accept,
        task_of=task_of,
    )
    nodes, seconds = minimal.nodes + full.nodes, minimal.seconds + full.seconds
    if full.complete or (most_jobs is not None and len(full.jobs) > most_jobs):
        return replace(full, nodes=nodes, seconds=seconds)
    cut = minimal.wall_clock_cut or full.wall_clock_cut
    return replace(minimal, nodes=nodes, seconds=seconds, wall_clock_cut=cut)


def solve_exact(
    enumeration: Enumeration,
    greedy: Sequence[tuple[int, ...]],
    minutes_of: Callable[[tuple[int, ...]], int],
    burden_of: Callable[[tuple[int, ...]], int],
    budget: Budget,
    *,
    seed: int = 0,
    workers: int = 0,
    progress: Progress | None = None,
    constrain: Callable[[Sequence[tuple[int, ...]]], Constrain | None] = lambda columns: None,
    polish: Polish | None = None,
) -> ExactOutcome:
    """Pack the enumerated jobs (and the greedy ones, as the hint) in three stages.

    Stage 2 runs when the count is proven or stage 1 finished its search over
    the columns; stage 3 when the hours are proven. Each gets the work the
    earlier ones left. ``polish`` (over every job, without extra constraints) takes
    stage 2's proposal on where the hours are not proven (see the module).

    ``constrain(columns)`` gives extra constraints over the columns (required
    tasks); the greedy proposal is then no hint, and the model may be infeasible.
    """
    columns = list(dict.fromkeys([*enumeration.jobs, *greedy]))
    index = {column: k for k, column in enumerate(columns)}
    extra = constrain(columns)
    hint = [] if extra is not None else [index[g] for g in greedy]
    minutes = [minutes_of(c) for c in columns]
    packing = StagedPacking(columns, minutes, [burden_of(c) for c in columns], constrain=extra)
    deadline, seed_workers = budget.deadline, {"seed": seed, "workers": workers}
    work = budget.work(enumeration.nodes)
    provable = enumeration.complete and extra is None and len(columns) <= PROOF_COLUMNS
    first, spent, cut = _count_stage(
        packing, hint, budget, enumeration, work, provable, progress, seed_workers
    )
    first = replace(first, work=spent)
    cut = cut or enumeration.wall_clock_cut
    jobs_proven = None
    if first.proven_after is not None and enumeration.complete:
        jobs_proven = budget.seconds()
    if first.interrupted or first.proven_after is None or first.status == "infeasible":
        # An unfinished search keeps the hint (the greedy proposal) when it found nothing.
        status = "feasible" if first.selected else first.status
        return ExactOutcome(
            enumeration,
            columns,
            first.selected,
            status,
            first.bound if enumeration.complete else None,
            jobs_proven,
            None,
            first.interrupted,
            cut,
        )
    jobs = len(first.selected)
    # The count is proven over the columns; over every job only when they hold them all
    # (or all minimal ones): a partial enumeration proves no bound.
    bound = jobs if enumeration.complete else None
    every_job = enumeration.complete and not enumeration.minimal
    presolve = len(columns) <= BIG_MODEL  # see BIG_MODEL
    left = max(work - first.work, 0.0)
    # Where the wall clock has run out, stage 1's proposal stands: stage 2's LP and model
    # alone take seconds over many columns (168,120 jobs: 1.8 and 1.6 s).
    late = ExactOutcome(
        enumeration,
        columns,
        first.selected,
        "feasible",
        bound,
        jobs_proven,
        None,
        False,
        cut or left > 0,
    )
    if time.perf_counter() >= deadline:
        return late
    try:
        cap = minutes_bound(columns, minutes, jobs, deadline) if every_job else None
    except KeyboardInterrupt:
        return replace(late, interrupted=True, wall_clock_cut=cut)
    if time.perf_counter() >= deadline:
        return late
    polishing = polish is not None and every_job and extra is None
    second = packing.most_hours(
        jobs,
        first.selected,
        minutes_cap=cap,
        deadline=deadline,
        work=left * (1 - POLISH_SHARE) if polishing else left,
        progress=progress,
        presolve=presolve,
        **seed_workers,
    )
    cut = cut or second.wall_clock_cut
    minutes_proven = second.bound if every_job else None
    # Stage 2 may end without a proposal of its own (no work left): stage 1's stands.
    found = second.status in ("optimal", "feasible")
    best = second.selected if found else first.selected
    hours_done = found and second.proven_after is not None
    interrupted, spent = second.interrupted, second.work
    if polish is not None and polishing and not (hours_done or interrupted):
        best, searched = _polished(
            polish, columns, minutes, best, (POLISH_SHARE * left, deadline), cap
        )
        cut = cut or searched.wall_clock_cut
        interrupted, spent = searched.interrupted, spent + searched.work
        # Reaching the LP's cap proves the hours as stage 2 would have.
        placed = sum(minutes[k] for k in best)
        hours_done = cap is not None and placed >= cap
        if hours_done:
            minutes_proven = placed
    if interrupted or not hours_done:
        return ExactOutcome(
            enumeration,
            columns,
            best,
            "feasible",
            bound,
            jobs_proven,
            minutes_proven,
            interrupted,
            cut,
        )
    third = packing.least_burden(
        best,
        deadline=deadline,
        work=max(left - spent, 0.0),
        progress=progress,
        presolve=presolve,
        **seed_workers,
    )
    if third.status in ("optimal", "feasible"):
        best = third.selected
    return ExactOutcome(
        enumeration,
        columns,
        best,
        "optimal" if every_job and third.status == "optimal" else "feasible",
        bound,
        jobs_proven,
        minutes_proven,
        third.interrupted,
        cut or third.wall_clock_cut,
    )


def _polished(
    polish: Polish,
    columns: Sequence[tuple[int, ...]],
    minutes: Sequence[int],
    best: tuple[int, ...],
    work_deadline: tuple[float, float],
    cap: int | None,
) -> tuple[tuple[int, ...], SearchOutcome]:
    """Stage 2's proposal (column indices) after ``polish``, where that places more
    minutes, and how the search went."""
    index = {column: k for k, column in enumerate(columns)}
    work, deadline = work_deadline
    most = sum(minutes) if cap is None else cap
    searched = polish([columns[k] for k in best], work, deadline, most)
    better = [index[c] for c in searched.jobs if c in index]
    placed = sum(minutes[k] for k in better)
    if len(better) == len(searched.jobs) and placed > sum(minutes[k] for k in best):
        return tuple(better), searched
    return best, searched


def count_bound(
    enumeration: Enumeration,
    hint: Sequence[tuple[int, ...]],
    budget: Budget,
    *,
    seed: int = 0,
    workers: int = 0,
) -> int | None:
    """The most jobs a packing of ``enumeration``'s columns can hold, as far as stage 1
    proves it within ``budget`` (``hint``: jobs to start from, added as columns);
    ``None`` when the columns are not every job or every minimal one, or nothing is
    proven. The count only: the hours and the tie-break are not asked."""
    if not enumeration.complete:
        return None
    columns = list(dict.fromkeys([*enumeration.jobs, *hint]))
    index = {column: k for k, column in enumerate(columns)}
    zeros = [0] * len(columns)
    first, _, _ = _count_stage(
        StagedPacking(columns, zeros, zeros),
        [index[h] for h in hint],
        budget,
        enumeration,
        budget.work(enumeration.nodes),
        len(columns) <= PROOF_COLUMNS,
        None,
        {"seed": seed, "workers": workers},
    )
    return None if first.interrupted else first.bound


def _count_stage(
    packing: StagedPacking,
    hint: list[int],
    budget: Budget,
    enumeration: Enumeration,
    work: float,
    provable: bool,
    progress: Progress | None,
    seed_workers: dict,
) -> tuple[StageOutcome, float, bool]:
    """Stage 1, the most jobs: CP-SAT, and where it cannot prove them, reduced costs and
    a MIP (:func:`_prove_count`); the outcome, the work charged, and whether the wall
    clock cut something short.

    Over more than ``BIG_MODEL`` columns CP-SAT's presolve alone can take longer
    than the proof (80 short tasks, 80k jobs: 9 s without a solution, against 5 s
    for the proof), so the proof goes first there, and CP-SAT runs without presolve:
    on 143k jobs of a partial enumeration (200 tasks of 15-45 minutes) it ran 184 s of
    a 60 s limit, deaf to Ctrl-C.
    """
    deadline = budget.deadline
    presolve = len(packing.columns) <= BIG_MODEL
    first = StageOutcome(tuple(hint), "feasible", None, False, False, 0.0)
    spent, cut = 0.0, False
    if provable and len(packing.columns) > BIG_MODEL:
        first, cut = _prove_count(packing, first, budget, enumeration.nodes, seed_workers["seed"])
        spent, provable = PROOF_SHARE * work, False
        if first.proven_after is not None or first.interrupted:
            return first, spent, cut
    if time.perf_counter() >= deadline:
        return first, spent, True  # CP-SAT's model alone takes seconds over many columns
    share = COUNT_SHARE * work if provable else max(work - spent, 0.0)
    first = packing.most_jobs(
        first.selected,
        deadline=deadline,
        work=share,
        progress=progress,
        jobs_cap=first.bound,
        presolve=presolve,
        **seed_workers,
    )
    spent, cut = spent + first.work, cut or first.wall_clock_cut
    if first.interrupted or first.status not in ("feasible", "unknown"):
        return first, spent, cut
    if first.proven_after is None and provable:
        first, proof_cut = _prove_count(
            packing, first, budget, enumeration.nodes, seed_workers["seed"]
        )
        spent, cut = spent + PROOF_SHARE * work, cut or proof_cut
        if first.proven_after is None and not first.interrupted:
            if time.perf_counter() >= deadline:
                return first, spent, True
            # Not proven by either: CP-SAT searches on, from its best, with what is left.
            more = packing.most_jobs(
                first.selected,
                deadline=deadline,
                work=max(work - spent, 0.0),
                progress=progress,
                jobs_cap=first.bound,
                presolve=presolve,
                **seed_workers,
            )
            return more, spent + more.work, cut or more.wall_clock_cut
    return first, spent, cut


def _prove_count(
    packing: StagedPacking, first: StageOutcome, budget: Budget, nodes_used: int, seed: int
) -> tuple[StageOutcome, bool]:
    """Stage 1's outcome, proven (and perhaps with more jobs) by reduced costs and a MIP
    where that works within ``PROOF_SHARE`` of the time limit; and whether the wall
    clock cut it short. The columns must hold every job or every minimal one."""
    columns = packing.columns
    started = time.perf_counter()
    share = PROOF_SHARE * budget.seconds_left(nodes_used)  # the same on every machine
    seconds = min(share, budget.deadline - started)
    index = {column: k for k, column in enumerate(columns)}
    selected = first.selected
    try:
        dived = prices_and_dive(
            columns,
            {t for c in columns for t in c},
            work_limit=share / 2,
            seed=seed,
            deadline=started + seconds,
            first_deadline=budget.deadline,
        )
        prices = dived.prices
        if prices is None:
            return first, dived.clock_cut
        if len(dived.jobs) > len(selected):
            selected = tuple(index[c] for c in dived.jobs)
        proof = prove_count(columns, prices, len(selected), started + seconds)
    except KeyboardInterrupt:
        return replace(first, interrupted=True), False
    if proof.better is not None:
        selected = tuple(index[c] for c in proof.better)
    bound = min(proof.jobs_bound, first.bound) if first.bound is not None else proof.jobs_bound
    cut = proof.clock_cut or dived.clock_cut
    if len(selected) < bound and not cut:
        cheapest = _cheapest(packing, prices, selected, share / 2, started + seconds, seed)
        if cheapest.interrupted:
            return replace(first, interrupted=True), False
        cut = cheapest.wall_clock_cut
        if len(cheapest.selected) > len(selected) and not cut:
            selected = cheapest.selected
    proven = time.perf_counter() - started if len(selected) >= bound else None
    status = "feasible" if selected else first.status
    outcome = replace(first, selected=selected, status=status, bound=bound, proven_after=proven)
    return outcome, cut


def _cheapest(
    packing: StagedPacking,
    prices: Prices,
    selected: tuple[int, ...],
    seconds: float,
    deadline: float,
    seed: int,
) -> StageOutcome:
    """The most jobs CP-SAT packs from the ``CHEAPEST_COLUMNS`` columns cheapest under
    ``prices`` and ``selected`` (its hint), on ``seconds`` of the time limit; the
    chosen columns as indices of ``packing``'s."""
    columns = packing.columns
    cheapest = heapq.nsmallest(
        CHEAPEST_COLUMNS, range(len(columns)), key=lambda k: (prices.cost(columns[k]), k)
    )
    kept = sorted(set(cheapest) | set(selected))
    local = {k: i for i, k in enumerate(kept)}
    sub = StagedPacking(
        [columns[k] for k in kept],
        [packing.minutes[k] for k in kept],
        [packing.burdens[k] for k in kept],
    )
    outcome = sub.most_jobs(
        [local[k] for k in selected],
        deadline=deadline,
        work=WORK_PER_SECOND * seconds,
        seed=seed,
        workers=1,
    )
    return replace(outcome, selected=tuple(kept[i] for i in outcome.selected))
