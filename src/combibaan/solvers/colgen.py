"""An upper bound on the number of jobs by column generation, valid even when stopped early.

The LP relaxation of the set packing (max sum x_j, each task in at most one
chosen job, 0 <= x_j) over *all* feasible jobs bounds the number of jobs far
tighter than the tasks' hours alone (:mod:`.hours_bound`): on the generated 300-task
instance those give 169 (over the least hours of a job) or 158 (bin covering) where
the optimum is 136. Enumerating all jobs
is what does not scale, so the LP is solved over a growing set of columns
(GLOP), and new jobs are priced by a depth-first search over cliques of the
compatibility graph that looks for the job with the smallest dual sum, first
with a cap per task; once the capped search dries up without proving the
minimum, the whole search (every task to the end, within ``WHOLE_NODES``),
and where that gives up too (dense graphs of short tasks), CP-SAT prices
exactly (:mod:`.pricing`).

Why the bound stays honest: whatever dual values ``y >= 0`` the LP returns, if
every feasible job is known to have a dual sum of at least ``m > 0`` (a
complete search, or CP-SAT's objective bound), then ``y / min(1, m)`` is dual
feasible, so ``sum(y) / min(1, m)`` bounds the LP and thus the number of jobs
(Farley's bound). Nothing relies on the LP solver's optimality or tolerances
beyond the floating-point sum; a round without such an ``m`` yields no bound,
and the best bound of any round is kept.

The rounds, the bound and the columns depend only on the work budget
(:mod:`.work_meter`), not on the machine's speed: GLOP and a one-worker
CP-SAT with a deterministic limit are deterministic.
"""

from __future__ import annotations

import math
import time
from bisect import bisect_right
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple, Protocol

from ortools.linear_solver import linear_solver_pb2, pywraplp

from combibaan.rules import EMPTY, Limits, Load, Profile
from combibaan.solvers.enumeration import members_of
from combibaan.solvers.expansion import JobSource
from combibaan.solvers.pricing import MAX_PAIRS, PricingModel, incompatible_pairs
from combibaan.solvers.work_meter import (
    SECONDS_PER_PAIR,
    SECONDS_PER_PRICING_DETERMINISTIC,
    Meter,
    lp_seconds,
    price_nodes,
    pricing_seconds,
)

#: Dual sums below ``1 - PRICE_EPS`` count as improving columns.
PRICE_EPS = 1e-7
#: Pricing nodes one task may spend on its own cheapest job before only jobs cheaper
#: than the cheapest found so far are looked for (see :func:`price`).
PATIENCE = 1000
#: Pricing nodes one task may spend in all during column generation's search; a task
#: that needs more leaves the proof of the minimum to CP-SAT.
TASK_NODES = 300
#: The per-task cap grows fourfold after each round whose minimum neither search proved,
#: up to this, then goes (measured on 600 tasks of ``units``: CP-SAT's model, with its
#: pairwise constraints, proved nothing there, while a full search takes 0.3 s a round).
MAX_TASK_NODES = 300_000
#: Nodes for the whole search (every task to the end) in a round where the capped one
#: dried up without proving the minimum; when it needs more, it is not tried again and
#: CP-SAT proves instead. On 150 short tasks a whole search took 55-83 k nodes (0.2-0.5 s)
#: where CP-SAT took 0.5 s, and its columns (each task's cheapest job) made the LP
#: converge in fewer rounds.
WHOLE_NODES = 250_000
#: CP-SAT deterministic time for one exact pricing, and the unproven pricings in a row
#: after which it is not tried again.
PRICING_WORK = 5.0
CP_MISSES = 2
#: The memo of loads (:class:`LoadMemo`): at most this many sets (about 1 kB each), and
#: off after this many lookups when fewer than this share of them hit.
MEMO_SIZE = 200_000
MEMO_TRIAL = 200_000
MEMO_HITS = 0.25
#: What the memo returns for a set it has not met (compared by identity).
_UNKNOWN: tuple[Load, bool] = (EMPTY, False)
#: A round "dries up" when it finds fewer new jobs than this share of the tasks.
DRY_SHARE = 0.02
#: Jobs :func:`price` returns per task besides its cheapest: the improving ones it met
#: before a cheaper one replaced them. They cost no nodes (the tree searched is the
#: same), and more columns a round let the LP climb further on the same work (250 short
#: tasks, seed 3, 16 reference seconds: LP 51.15 and bound 60 where one column per task
#: gave 51.04 and 64; scratch runs).
EXTRA_COLUMNS = 3


@dataclass(frozen=True)
class BoundOutcome:
    """The best proven bound on jobs (or None) and how it was reached."""

    jobs_bound: int | None
    lp_value: float
    rounds: int
    columns: int
    #: Whether no further round could lower the bound: no improving job is left (the
    #: LP over all jobs is solved), or the bound reached the floor of the LP value.
    converged: bool
    seconds: float
    #: Every column generated (feasible jobs), in the order found: the restricted master's pool.
    pool: tuple[tuple[int, ...], ...] = ()
    #: Pricing nodes spent, the deterministic measure of the work done.
    nodes: int = 0
    #: Whether the wall clock (``deadline``), not the work budget, stopped it early.
    clock_cut: bool = False
    #: Reference seconds of work spent (see :mod:`.work_meter`).
    work: float = 0.0
    #: The tightest task prices proven: every feasible job's prices add up to at least 1
    #: (a round's duals, scaled by the proven cheapest job), so their sum is a bound (the
    #: lowest sum met); what the count's proof (:mod:`.count_proof`) starts from.
    prices: Mapping[int, float] = field(default_factory=dict)


class Growth(Protocol):
    """How :func:`price` grows sets of tasks that have several ways to be done
    (:class:`~.expansion.VariantSource`); a set is a bit set, bit ``t`` for task ``t``."""

    def start(self, v: int) -> Load | None:
        """The load of task ``v`` alone at some way (``None``: no way fits alone)."""
        ...

    def grow(self, key: int, c: int, load: Load) -> Load | None:
        """The load of the set ``key`` (whose load is ``load``) with task ``c``, at ways
        that fit together; ``None``: there are none."""
        ...

    def is_job(self, key: int, load: Load) -> bool:
        """Whether the set ``key`` is a job at some ways (``load``: at the ways found)."""
        ...

    @property
    def gave_up(self) -> int:
        """How many answers so far were "none" for lack of patience, not proven: those are
        not remembered, and a search that met one did not prove its minimum."""
        ...


class PricingStopped(Exception):
    """The pricing search ran out of wall-clock time or of nodes (``nodes``: searched)."""

    def __init__(self, nodes: int = 0) -> None:
        super().__init__(nodes)
        self.nodes = nodes


class _TaskCap(Exception):
    """One task's search used its nodes (:data:`TASK_NODES`)."""


def price(
    adjacency: Mapping[int, set[int]],
    profiles: Sequence[Profile],
    limits: Limits,
    y: Sequence[float],
    deadline: float,
    cap: float = 1.0,
    max_nodes: int | None = None,
    task_nodes: int | None = None,
    memo: LoadMemo | None = None,
    ways: Growth | None = None,
) -> tuple[float, list[tuple[int, ...]], int, bool]:
    """The smallest dual sum over all feasible jobs (capped at ``cap``), cheap jobs (each
    task's cheapest and up to ``EXTRA_COLUMNS`` it met before), nodes used, and whether
    that smallest sum is exact.

    For every task ``v`` the search looks for the cheapest job whose lowest
    task index is ``v``; together these cover every job. A job is not grown
    once it is feasible (its prefix is then a feasible subset with no larger
    dual sum, as ``y >= 0``), and a branch is cut when its dual sum plus a
    lower bound on completing it (the cheapest tasks that can reach the
    missing minimum hours) cannot beat the bar; a child is judged so before its
    load is computed, as most children are cut there and the load is most of a
    node's cost (the same tree at 1.7-2.5 times the nodes per CPU second on short
    lists, ``benchmarks/RESULTS-pricing-short.md``). The bar starts at ``cap``
    and, after ``PATIENCE`` nodes for one ``v``, drops to the cheapest job found
    for any ``v`` so far: ``v`` may then yield no column of its own, but the
    overall minimum stays exact, and proving it no longer costs a full search
    per task (on short tasks, where a job holds five or six, that was 6 M
    nodes a round). With ``task_nodes`` a task whose search needs more nodes
    is left unfinished: its cheap jobs found so far still count, but the
    minimum is then not exact. Raises :class:`PricingStopped` when ``deadline``
    (perf_counter) passes or the search needs more than ``max_nodes`` nodes.

    The candidates of a node are bit sets, one bit per task in each of two
    orders: by dual value (the order of branching, so the first too dear
    candidate ends the loop) and by dual value per minute (the order of the
    completion bound); a child's candidates are then a few ANDs instead of a
    filtered copy. ``memo`` (:class:`LoadMemo`) keeps the loads of task sets
    between rounds. The tree searched, and so every answer and node count, is
    the same with or without either: they only make it faster
    (``benchmarks/pricing.py`` shows the work and the memo's hits).

    With ``ways`` (:class:`Growth`) tasks have several ways to be done and a set's
    load is that of some ways that fit together: the search stays over sets of
    tasks, and ``ways`` says whether and how a set grows.
    """
    minimum = cap
    found: list[tuple[int, ...]] = []
    nodes = 0
    most = -1 if max_nodes is None else max(4096, max_nodes - max_nodes % 4096)
    # The clock is read every 4,096 nodes, every 256 where a node looks for ways (4,096
    # of those took 3.9 s past the deadline on 1,500 tasks, 30 % flexible).
    every = 4095 if ways is None else 255
    n = len(profiles)
    minutes = [max(1, p.minutes) for p in profiles]
    real = [p.minutes for p in profiles]
    per_minute = [y[t] / minutes[t] for t in range(n)]
    by_dual = sorted(range(n), key=lambda t: (y[t], t))
    by_rate = sorted(range(n), key=lambda t: (per_minute[t], t))
    dual_bit, rate_bit = [0] * n, [0] * n
    for k in range(n):
        dual_bit[by_dual[k]] = 1 << k
        rate_bit[by_rate[k]] = 1 << k
    near_dual: list[int] = [-1] * n  # neighbours as bit sets, made when first needed
    near_rate: list[int] = [-1] * n
    # The tasks of at most m minutes: a prefix of the tasks sorted by minutes.
    by_minutes = sorted(adjacency, key=real.__getitem__)
    sizes = [real[t] for t in by_minutes]
    fit_dual, fit_rate = [0], [0]
    for t in by_minutes:
        fit_dual.append(fit_dual[-1] | dual_bit[t])
        fit_rate.append(fit_rate[-1] | rate_bit[t])
    of_supplier: dict[int, tuple[int, int]] = {}
    for t in adjacency:
        d, r = of_supplier.get(profiles[t].supplier, (0, 0))
        of_supplier[profiles[t].supplier] = (d | dual_bit[t], r | rate_bit[t])
    among: dict[frozenset[int], tuple[int, int]] = {}

    def bits(tasks: Iterable[int]) -> tuple[int, int]:
        """``tasks`` as bit sets in both orders (a loop: sum() is twice as slow here)."""
        in_dual = in_rate = 0
        for u in tasks:
            in_dual |= dual_bit[u]
            in_rate |= rate_bit[u]
        return in_dual, in_rate

    memo = LoadMemo() if memo is None else memo
    loads = memo.loads
    min_minutes, max_minutes = limits.min_minutes, limits.max_minutes
    most_suppliers = limits.max_suppliers
    bar = cap
    patient_until = 0
    given_up = 1 << 62
    best: int | None = None  # the members of the cheapest job so far, as a bit set

    def tick() -> None:
        """Count a node: the budgets, the deadline and the bar's drop go by nodes."""
        nonlocal bar, nodes
        nodes += 1
        if nodes & every == 0 and (nodes == most or time.perf_counter() > deadline):
            raise PricingStopped(nodes)
        if nodes > patient_until and minimum < bar:
            bar = minimum
        if nodes > given_up:
            raise _TaskCap

    def hopeless(cost: float, missing: int, rate: int) -> bool:
        """Whether a set that costs ``cost`` and lacks ``missing`` minutes (> 0) cannot
        become a job below the bar with the candidates ``rate``: the cheapest way to
        cover the missing minutes, each candidate at most once and the last one
        fractionally, is a lower bound on completing it."""
        need = cost
        left = rate
        while left:
            low = left & -left
            left ^= low
            c = by_rate[low.bit_length() - 1]
            if minutes[c] >= missing:
                return need + per_minute[c] * missing >= bar
            need += y[c]
            missing -= minutes[c]
            if need >= bar:
                return True
        return True  # the candidates' minutes together do not reach the minimum

    def search(key: int, cost: float, load: Load, job: bool, dual: int, rate: int) -> None:
        # ``key``: the members (bit t for task t); ``dual`` / ``rate``: the candidates.
        # A child is judged hopeless before its load is computed (most children are,
        # and the load is most of a node's cost), so the root alone is judged here.
        nonlocal bar, best
        if job:
            if cost < bar:
                if best is not None and len(passed_over) < EXTRA_COLUMNS:
                    passed_over.append(best)
                bar, best = cost, key
            return
        room = max_minutes - load.minutes
        suppliers = load.suppliers
        later, passed = dual, 0
        while later:
            low = later & -later
            later ^= low
            c = by_dual[low.bit_length() - 1]
            child = cost + y[c]
            if child >= bar:
                break
            passed |= rate_bit[c]
            fits = bisect_right(sizes, room - real[c])
            if near_dual[c] < 0:
                near_dual[c], near_rate[c] = bits(adjacency[c])
            next_dual = later & near_dual[c] & fit_dual[fits]
            next_rate = rate & ~passed & near_rate[c] & fit_rate[fits]
            # At the most suppliers, only tasks of the job's own suppliers may join.
            joins = profiles[c].supplier
            if len(suppliers) + (joins not in suppliers) >= most_suppliers:
                grown_suppliers = suppliers if joins in suppliers else suppliers | {joins}
                allowed = among.get(grown_suppliers)
                if allowed is None:
                    pairs = [of_supplier.get(s, (0, 0)) for s in grown_suppliers]
                    allowed = among[grown_suppliers] = (
                        sum(d for d, _ in pairs),
                        sum(r for _, r in pairs),
                    )
                next_dual &= allowed[0]
                next_rate &= allowed[1]
            missing = min_minutes - load.minutes - real[c]
            if missing > 0:
                tick()
                if hopeless(child, missing, next_rate):
                    continue
            grown_key = key | 1 << c
            known = loads.get(grown_key, _UNKNOWN)
            if known is _UNKNOWN:
                if ways is None:
                    known = memo.keep(grown_key, load.add(profiles[c], limits), limits)
                else:
                    guesses = ways.gave_up
                    with_c = ways.grow(key, c, load)
                    job = with_c is not None and ways.is_job(grown_key, with_c)
                    if ways.gave_up == guesses:
                        known = memo.keep(grown_key, with_c, limits, job=job)
                    else:  # a guess: not for later rounds
                        known = None if with_c is None else (with_c, job)
            else:
                memo.hits += 1
            if known is None:
                continue
            if missing <= 0:
                tick()
            grown, grown_job = known
            search(grown_key, child, grown, grown_job, next_dual, next_rate)

    exact = True
    doubts = 0 if ways is None else ways.gave_up
    passed_over: list[int] = []  # jobs of this ``v`` a cheaper one replaced
    for v in sorted(adjacency):
        passed_over.clear()
        bar, best, patient_until = cap, None, nodes + PATIENCE
        if task_nodes is not None:
            given_up = nodes + task_nodes
        later_dual, later_rate = bits(u for u in adjacency[v] if u > v)
        alone = Load.of(profiles[v]) if ways is None else ways.start(v)
        if alone is None:
            continue
        job = alone.is_job(limits) if ways is None else ways.is_job(1 << v, alone)
        try:
            tick()
            missing = min_minutes - alone.minutes
            if job or missing <= 0 or not hopeless(y[v], missing, later_rate):
                search(1 << v, y[v], alone, job, later_dual, later_rate)
        except _TaskCap:
            exact = False
        if best is not None:
            found.append(members_of(best))
            minimum = min(minimum, bar)
        found.extend(members_of(key) for key in passed_over)
    memo.end_round()
    if ways is not None and ways.gave_up != doubts:
        exact = False
    return minimum, found, nodes, exact


class LoadMemo:
    """The loads of task sets the pricing search met, kept between its rounds.

    Column generation searches nearly the same trees round after round, so most
    loads can be looked up: 52-79 % of the lookups hit on short 150 and 300, many
    and units (``benchmarks/RESULTS-pricing.md``; loads are computed only for the
    children not judged hopeless first). Where sets are not met again (1,000 short
    tasks: 4 %) the memo only
    costs memory and the garbage collector's time, so it switches itself off
    after :data:`MEMO_TRIAL` lookups below :data:`MEMO_HITS`. A memo belongs to
    one set of profiles and limits; the answers never depend on it.
    """

    def __init__(self) -> None:
        self.loads: dict[int, tuple[Load, bool] | None] = {}
        self.hits = 0
        self.misses = 0
        self.off = False

    def keep(
        self, key: int, load: Load | None, limits: Limits, job: bool | None = None
    ) -> tuple[Load, bool] | None:
        """Remember the load of the set ``key`` (None: it breaks a rule), with whether it
        is a job (``job``, else judged on ``load``), while there is room and the memo pays."""
        self.misses += 1
        known = None if load is None else (load, load.is_job(limits) if job is None else job)
        if not self.off and len(self.loads) < MEMO_SIZE:
            self.loads[key] = known
        return known

    def end_round(self) -> None:
        """Switch off (and free the memory) when too few lookups hit."""
        lookups = self.hits + self.misses
        if not self.off and lookups >= MEMO_TRIAL and self.hits < MEMO_HITS * lookups:
            self.off = True
            self.loads.clear()


class LPFailed(RuntimeError):
    """GLOP solved neither from its last basis nor afresh: whoever asked stops its phase
    with what it has (every bound and packing found before stays valid)."""


class LPStopped(LPFailed):
    """The wall-clock deadline passed before GLOP solved (a rerun on a faster machine may
    get further: whoever asked says the wall clock cut it short)."""


class MasterLP:
    """The LP over a growing set of columns, kept between rounds so that GLOP re-solves
    from its last basis (half the time of a fresh solve at 1,000 tasks and 8,000 columns)."""

    def __init__(self, tasks: Iterable[int]) -> None:
        self._solver = pywraplp.Solver.CreateSolver("GLOP")
        infinity = self._solver.infinity()
        self._rows = {t: self._solver.Constraint(-infinity, 1.0) for t in tasks}
        self._objective = self._solver.Objective()
        self._objective.SetMaximization()
        #: Nonzeros of the columns not excluded.
        self.nonzeros = 0
        #: Reference seconds of the last solve (:func:`.work_meter.lp_seconds`).
        self.work = 0.0
        self._columns: list[pywraplp.Variable] = []
        #: Per column its nonzeros, 0 once excluded (GLOP's work is in the others).
        self._sizes: list[int] = []
        self._lengths: list[int] = []

    def add(self, columns: Iterable[tuple[int, ...]]) -> None:
        for column in columns:
            x = self._solver.NumVar(0.0, self._solver.infinity(), "")
            self._objective.SetCoefficient(x, 1.0)
            for t in column:
                self._rows[t].SetCoefficient(x, 1.0)
            self.nonzeros += len(column)
            self._columns.append(x)
            self._sizes.append(len(column))
            self._lengths.append(len(column))

    def exclude(self, indices: Iterable[int]) -> None:
        """Keep these columns (in the order added) at zero from now on: the dive drops
        the columns that clash with the jobs it fixed, and GLOP goes on from its basis
        (a cold solve of each step's LP took most of the dive at 1,000 tasks)."""
        for k in indices:
            if self._sizes[k]:
                self._columns[k].SetUb(0.0)
                self.nonzeros -= self._sizes[k]
                self._sizes[k] = 0

    def include(self, indices: Iterable[int]) -> None:
        """Undo :meth:`exclude` for these columns (the next dive starts from all of them)."""
        for k in indices:
            if not self._sizes[k]:
                self._columns[k].SetUb(self._solver.infinity())
                self.nonzeros += self._lengths[k]
                self._sizes[k] = self._lengths[k]

    def solve(self, deadline: float = math.inf) -> tuple[float, dict[int, float], list[float]]:
        """The optimum, the tasks' dual values (clipped at zero), the columns' values.

        The LP always has one (x = 0 is feasible, every column holds a task), so where
        GLOP's solve from its last basis fails, the same LP is solved in a fresh GLOP:
        a dive at 300 short tasks met ABNORMAL after 0 iterations, even with
        incrementality off, on an LP a fresh GLOP solved in 176 iterations. Raises
        :class:`LPFailed` when the fresh one fails too, :class:`LPStopped` when the
        wall-clock ``deadline`` stopped it (GLOP's first LP over 168,120 jobs of 150
        short tasks took 4 s, a fifth of a 20 s limit).
        """
        if self._solve(deadline) != pywraplp.Solver.OPTIMAL:
            self._stop_at(deadline)
            self._start_afresh()
            if self._solve(deadline) != pywraplp.Solver.OPTIMAL:
                self._stop_at(deadline)
                raise LPFailed("GLOP did not solve the restricted master LP")
        self.work = lp_seconds(self.nonzeros, self._solver.iterations())
        duals = {t: max(0.0, row.dual_value()) for t, row in self._rows.items()}
        values = [x.solution_value() for x in self._columns]
        return self._objective.Value(), duals, values

    @staticmethod
    def _stop_at(deadline: float) -> None:
        if time.perf_counter() >= deadline:
            raise LPStopped("the wall clock stopped GLOP")

    def _solve(self, deadline: float) -> int:
        if deadline < math.inf:
            left = deadline - time.perf_counter()
            if left <= 0:
                return pywraplp.Solver.NOT_SOLVED
            self._solver.SetTimeLimit(max(1, int(left * 1000)))
        return int(self._solver.Solve())

    def _start_afresh(self) -> None:
        """The same LP (columns excluded included, in the same order) in a new GLOP."""
        model = linear_solver_pb2.MPModelProto()
        self._solver.ExportModelToProto(model)
        solver = pywraplp.Solver.CreateSolver("GLOP")
        if solver.LoadModelFromProto(model):
            raise LPFailed("GLOP could not load the restricted master LP")
        self._solver = solver
        self._objective = solver.Objective()
        self._columns = list(solver.variables())
        rows = solver.constraints()
        self._rows = {t: rows[k] for k, t in enumerate(self._rows)}


class LPSolution(NamedTuple):
    """:func:`solve_lp`'s answer and what it cost."""

    value: float
    #: The tasks' dual values, clipped at zero.
    duals: dict[int, float]
    #: The columns' values, in order.
    values: list[float]
    #: Reference seconds (:func:`.work_meter.lp_seconds`).
    work: float


def solve_lp(
    columns: Sequence[tuple[int, ...]], tasks: Iterable[int], deadline: float = math.inf
) -> LPSolution:
    """The LP over these columns, solved afresh (:class:`LPFailed` if GLOP fails,
    :class:`LPStopped` if the wall-clock ``deadline`` stops it)."""
    lp = MasterLP(tasks)
    lp.add(columns)
    return LPSolution(*lp.solve(deadline), lp.work)


def lp_bound(
    adjacency: Mapping[int, set[int]],
    profiles: Sequence[Profile],
    limits: Limits,
    start: Iterable[tuple[int, ...]],
    deadline: float,
    *,
    report: Callable[[int], None] | None = None,
    budget: float | None = None,
    known_bound: int | None = None,
    source: JobSource | None = None,
) -> BoundOutcome:
    """Column generation until no job prices out, the work budget is spent or the deadline passes.

    ``adjacency`` is the compatibility graph (task index -> compatible tasks,
    only tasks that fit alone); ``start`` are known feasible jobs (e.g. the
    greedy proposal). ``report`` is called with each improved bound.
    ``budget`` (reference seconds, :mod:`.work_meter`) caps the work: with it
    the rounds, the bound and the pool do not depend on the machine's speed,
    unless ``deadline`` comes first (then ``clock_cut``). ``known_bound`` is a
    bound proven otherwise (the hours bound, :mod:`.hours_bound`): once the LP over the
    columns reaches it, no round can prove less, and the rounds stop (on 600
    short tasks that saved most of 99 s, the LP ending at 127.4 against 127).
    ``source`` prices the jobs (:class:`~.expansion.VariantSource`: over flexible
    tasks' variants; CP-SAT then does not price).
    """
    source = JobSource() if source is None else source
    started = time.perf_counter()
    meter = Meter(math.inf if budget is None else budget)
    columns: dict[tuple[int, ...], None] = dict.fromkeys(start)
    best: int | None = None
    rounds = nodes = 0
    lp_value = 0.0
    converged = clock_cut = False
    pricing: PricingModel | None = None
    pairs: int | None = None
    task_nodes: int | None = TASK_NODES
    whole = True  # whether the whole search is still worth a try (see WHOLE_NODES)
    misses = 0
    prices: dict[int, float] = {}
    price_total = math.inf
    master, master_columns = MasterLP(adjacency), 0
    memo = LoadMemo()
    edges = sum(map(len, adjacency.values()))
    while True:
        if time.perf_counter() >= deadline:
            clock_cut = True
            break
        if meter.exhausted:
            break
        rounds += 1
        if columns:
            master.add(list(columns)[master_columns:])
            master_columns = len(columns)
            try:
                lp_value, duals, _ = master.solve()
            except LPFailed:
                break  # the bound proven so far stands
            meter.charge(master.work)
            if known_bound is not None and known_bound <= math.floor(lp_value + 1e-6):
                converged = True  # see ``known_bound``: the pricing would prove nothing new
                break
        else:
            lp_value, duals = 0.0, {}
        y = [duals.get(t, 0.0) for t in range(len(profiles))]
        left = None if budget is None else price_nodes(meter.left)
        loads = memo.misses
        try:
            minimum, found, used, exact = source.price(
                adjacency,
                profiles,
                limits,
                y,
                deadline,
                max_nodes=left,
                task_nodes=task_nodes,
                memo=memo,
            )
        except PricingStopped:
            clock_cut = time.perf_counter() > deadline
            meter.charge(meter.left)
            break
        nodes += used
        meter.charge(pricing_seconds(used, memo.misses - loads, edges))
        # While the capped search still finds plenty of new jobs, the LP has a long way
        # to go and a proof of its minimum would prove little: only look harder once
        # it dries up (measured on 1,000 short tasks: 2 s a round against 20 s).
        dry = sum(1 for job in found if job not in columns) < DRY_SHARE * len(adjacency)
        if dry and not exact and whole:
            # First the whole search, each task to the end, on at most WHOLE_NODES.
            loads = memo.misses
            cap = WHOLE_NODES if left is None else min(WHOLE_NODES, max(1, left - used))
            try:
                minimum, more, spent_nodes, exact = source.price(
                    adjacency, profiles, limits, y, deadline, max_nodes=cap, memo=memo
                )
                cheapest = set(more)
                found = more + [job for job in found if job not in cheapest]
            except PricingStopped as stopped:
                if time.perf_counter() > deadline:
                    clock_cut = True
                    break
                spent_nodes, whole = stopped.nodes, False
            nodes += spent_nodes
            meter.charge(pricing_seconds(spent_nodes, memo.misses - loads, edges))
        lower = minimum if exact else None
        proven = exact
        if pairs is None and not exact and dry:
            pairs = incompatible_pairs(adjacency)
        cp_sat = source.exact_pricing and pairs is not None and pairs <= MAX_PAIRS
        if dry and not exact and cp_sat and pairs is not None and misses < CP_MISSES:
            if pricing is None:
                pricing = PricingModel(adjacency, profiles, limits)
                meter.charge(pairs * SECONDS_PER_PAIR)
            work = max(0.01, min(PRICING_WORK, meter.left / SECONDS_PER_PRICING_DETERMINISTIC))
            floor, more, spent, proven = pricing.cheapest(y, work, deadline)
            meter.charge(spent * SECONDS_PER_PRICING_DETERMINISTIC)
            if time.perf_counter() > deadline:
                clock_cut = True
                break
            misses = 0 if proven else misses + 1
            lower = min(floor, 1.0) if floor > 0 else None
            found += [job for job in more if job not in found]
        if dry and not proven and task_nodes is not None:
            # Neither search proved the minimum: let the depth-first one look further.
            task_nodes = None if task_nodes >= MAX_TASK_NODES else task_nodes * 4
        if lower is not None and lower > 0:
            dual_sum = sum(y[t] for t in adjacency)
            total = dual_sum / min(1.0, lower)
            bound = math.floor(total + 1e-6)
            if total < price_total:  # the tightest prices, for the count's proof
                price_total = total
                prices = {t: y[t] / min(1.0, lower) for t in adjacency if y[t] > 0}
            if best is None or bound < best:
                best = bound
                if report:
                    report(best)
        fresh = [job for job in found if job not in columns]
        if proven and lower is not None and lower >= 1.0 - PRICE_EPS:
            converged = True
            break
        if best is not None and best <= math.floor(lp_value + 1e-6):
            # The LP over all jobs is at least this one's, so no later round can
            # prove a smaller whole number of jobs: the bound is as good as it gets.
            converged = True
            break
        if not fresh and proven:
            break  # only rounding noise is left to price
        columns.update(dict.fromkeys(fresh))
    return BoundOutcome(
        best,
        lp_value,
        rounds,
        len(columns),
        converged,
        time.perf_counter() - started,
        tuple(columns),
        nodes,
        clock_cut,
        meter.spent,
        prices,
    )
