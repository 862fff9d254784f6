"""The strategy for instances too large to enumerate: an LP bound, a dive, an exact master,
local search.

Enumerating every job takes 48k columns at 300 tasks and does not finish at
1,000, while column generation proves the LP bound, tight on every list small
enough to check. The primal side is built from the same LP: a dive
(:mod:`.dive`) fixes the jobs the LP likes and re-prices around them, a
restricted master (:mod:`.master`) packs every job met so far exactly, and
the large-neighbourhood search (:mod:`.lns`) improves hours and count piece
by piece, taking turns with the master. Measured at 300 tasks (seed 1 of
each family): the dive or the master reached the bound on all six families,
where the local search alone stayed 3-10 % below it.

Reproducible: the time limit is turned into a budget of reference seconds
(:mod:`.work_meter`) that every phase draws on by counting its work, so the
same instance, policy and seed give the same jobs however fast the machine
is. The wall clock only cuts a phase short on a slow or busy machine
(``wall_clock_cut``); a phase may take ``CAP_FACTOR`` times its budget, or its
share of the wall-clock time left if that is more, first.

Order: up to ``BACKGROUND_FROM`` tasks column generation first (capped at
``BOUND_SHARE`` of the budget; the progress line then shows a meaningful gap
early), the dive, the master, then the search with the master again between
its rounds. From ``BACKGROUND_FROM`` tasks column generation and the dive run
in a second process (:mod:`.background`) while the search runs here; the
search takes their result at a fixed point of its own budget.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import networkx as nx

from combibaan.rules import Limits, Profile
from combibaan.solvers.background import BackgroundBound, available
from combibaan.solvers.budget import reserve
from combibaan.solvers.colgen import lp_bound
from combibaan.solvers.count_proof import (
    MAX_COLUMNS,
    Prices,
    priced_over,
    prices_and_dive,
    prove_count,
)
from combibaan.solvers.dive import dive
from combibaan.solvers.expansion import JobSource
from combibaan.solvers.lns import LocalSearch
from combibaan.solvers.master import restricted_master
from combibaan.solvers.ortools.set_packing import Progress
from combibaan.solvers.work_meter import ENUMERATION_NODES_PER_SECOND, SECONDS_PER_COLUMN

#: Share of the time limit turned into a budget of reference seconds: the rest is
#: for the graph before, the report after, and a machine a little slower than ours.
USABLE = 0.8
#: Shares of the budget: column generation, the dive, every call of the master together
#: (the search gets the rest). The master's 0.2 was 0.1 until 250 short tasks, seed 2,
#: showed the first call one job short of the bound at 0.1 and on it at 0.2 (54, proven
#: in 17 s of a 60 s limit); no other count of the families or of the lists with windows
#: fell, and 150 short tasks with windows, seed 3, gained one (``RESULTS-families*.md`` and
#: ``RESULTS-flexible-*.md``, measured at 398750a, against 91ac135).
BOUND_SHARE = 0.4
DIVE_SHARE = 0.3
MASTER_SHARE = 0.2
#: Share of the budget for settling the count (:meth:`_Run.settle_count`): the enumeration
#: under the threshold (the MIP after it has the same share as its wall-clock cap).
PROOF_SHARE = 0.25
#: The highest threshold tried: a packing with one job more than found would leave this
#: much of the prices unused; above it, too many jobs pass (150 short tasks: 1.06 let
#: 18,083 of millions through).
MAX_THRESHOLD = 1.5
#: Calls of the master: after the dive, and between the search's rounds.
MASTER_CALLS = 3
#: Columns the master packs at most (its pool is cut in order of preference).
MASTER_COLUMNS = 60_000
#: From this many tasks the bound and the dive run in a second process.
BACKGROUND_FROM = 1500
#: Shares of the budget for the second process: bound, then dive (the search runs meanwhile).
BACKGROUND_SHARES = (0.45, 0.15)
#: With the jobs equal to the bound, search this many more steps (for hours), then stop.
IDLE_STEPS = 1500
#: A phase's wall-clock cap, as a multiple of its budget (reference seconds).
CAP_FACTOR = 2.0
#: Jobs met on the way kept for alternatives (:attr:`LargeOutcome.pool`).
POOL_JOBS = 1_500


@dataclass(frozen=True)
class LargeOutcome:
    jobs: list[tuple[int, ...]]
    #: Proven upper bound on jobs from column generation, or None if none was proven.
    jobs_bound: int | None
    interrupted: bool
    lp_converged: bool
    search_steps: int
    #: Whether the wall clock cut a phase short before its budget ran out (a rerun
    #: may then differ); False means the jobs depend only on the input, policy and seed.
    wall_clock_cut: bool = False
    #: Seconds from the start until the jobs first reached a proven bound (None: never).
    proven_seconds: float | None = None
    #: Whether the search ended on its own (:meth:`_Run.enough`), not at its budget.
    settled: bool = False
    #: Other jobs met on the way (column generation's, the dives', the search's): at
    #: most ``POOL_JOBS``, for alternatives.
    pool: tuple[tuple[int, ...], ...] = ()


class _Run:
    """The state the phases share: the search, the deterministic bound, the pool of columns."""

    def __init__(
        self,
        search: LocalSearch,
        fallback_bound: int,
        total: float,
        started: float,
        deadline: float,
        progress: Progress | None,
        source: JobSource | None = None,
        seed: int = 0,
    ) -> None:
        self.search = search
        self.seed = seed
        self.source = JobSource() if source is None else source
        self.fallback = fallback_bound
        self.total = total
        self.spent = 0.0
        self.started = started
        self.deadline = deadline
        self.progress = progress
        #: The bound the decisions use (deterministic), and the one shown (may be earlier).
        self.proven: int | None = None
        self.shown: int | None = None
        self.pool: list[tuple[int, ...]] = []
        self.cut = False
        self.idle = 0
        self.last_jobs = len(search.jobs)
        #: When the jobs first reached a proven bound: the count was proven then.
        self.proven_at: float | None = None
        #: Whether :meth:`enough` ended the search (jobs at the bound, hours searched).
        self.settled = False

    def bound(self) -> int:
        return self.fallback if self.proven is None else min(self.proven, self.fallback)

    def show(self, jobs: int | None = None) -> None:
        """Report jobs and bound (and note when they first meet: the count is proven)."""
        shown = [b for b in (self.fallback, self.proven, self.shown) if b is not None]
        count = len(self.search.jobs) if jobs is None else jobs
        seconds = time.perf_counter() - self.started
        if self.proven_at is None and len(self.search.jobs) >= min(shown):
            self.proven_at = seconds
        if self.progress:
            self.progress(count, max(min(shown), count), seconds)

    def on_shown_bound(self, bound: int) -> None:
        self.shown = bound if self.shown is None else min(self.shown, bound)
        self.show()

    def cap(self, budget: float) -> float:
        """The wall-clock cap of a phase with this budget: ``CAP_FACTOR`` times the
        budget, or the phase's share of the wall-clock time left if that is more.

        The share matters when the budget is a small part of the time limit (or
        the machine is slow): a phase is then not cut while the deadline is far.
        """
        now = time.perf_counter()
        left = max(self.total - self.spent, budget, 1e-9)
        share = budget / left * (self.deadline - now)
        return min(self.deadline, now + max(CAP_FACTOR * budget + 1.0, share))

    def enough(self) -> bool:
        """Stop when the jobs reached the (deterministic) bound and hours had their steps."""
        jobs = len(self.search.jobs)
        if jobs != self.last_jobs:
            self.last_jobs, self.idle = jobs, 0
        self.idle += 1
        self.settled = jobs >= self.bound() and self.idle > IDLE_STEPS
        return self.settled

    def offer(self, jobs: Sequence[tuple[int, ...]]) -> None:
        if self.search.offer(jobs):
            self.show()

    def past_deadline(self) -> bool:
        """Whether the wall clock has passed the run's cap (then no phase starts: building
        the master's model or the LP of the prices took seconds past it on 1,000 short
        tasks at a 10 s limit); the run was then cut short."""
        if time.perf_counter() < self.deadline:
            return False
        self.cut = True
        return True

    def master(self, extra: Sequence[tuple[int, ...]] = ()) -> None:
        """The restricted master over the pool and the jobs the search met, if it can gain."""
        current = self.search.jobs
        if len(current) >= self.bound() or self.past_deadline():
            return
        columns = list(dict.fromkeys([*extra, *self.search.seen, *self.pool]))[:MASTER_COLUMNS]
        work = MASTER_SHARE * self.total / MASTER_CALLS
        found = restricted_master(
            columns,
            current,
            self.search.profiles,
            self.search.burden,
            work=work,
            deadline=self.cap(work),
        )
        self.spent += found.work
        self.cut |= found.clock_cut
        if found.interrupted:
            raise KeyboardInterrupt
        self.offer(found.jobs)

    def settle_count(
        self,
        graph: nx.Graph,
        limits: Limits,
        proven: Prices | None,
        accept: Callable[[Sequence[int]], bool] | None = None,
        unused: float = 0.0,
    ) -> None:
        """Settle the count between the jobs found and the bound (:mod:`.count_proof`).

        Where every feasible job's prices add up to at least 1, a packing with
        more jobs than found uses only jobs priced at most ``threshold(found +
        1)``, and where the bound sits just above the jobs found, few jobs pass:
        they are enumerated (minimal ones suffice) on ``PROOF_SHARE`` of the
        budget, and a MIP over them either finds a packing with more jobs or
        proves that none exists, which brings the bound down. ``proven`` are
        such prices (from column generation); the duals of the LP over the
        pool are usually tighter but hold for the pool only: with them, the MIP
        can find more jobs but prove nothing, and they are used where they let
        fewer jobs through. Measured on 150 short tasks: 18,083 jobs under the
        LP's threshold, and 32 jobs found where the search had stopped at 31
        (the bound). ``accept`` (together-locks) keeps the jobs the workshop
        allows; the prices ignore it, which only lets more jobs through.
        ``unused``: the bound's share column generation did not need (it stopped at
        a bound it could not lower), added to this one, as the count is then what is
        left to settle: 80 short tasks, 30 % flexible, seed 3, listed 50,448 jobs in
        0.95 million steps where the share alone allowed 0.57.
        """
        found = len(self.search.jobs)
        if found >= self.bound() or self.past_deadline():
            return
        tasks = sorted(graph.nodes)
        prices: Prices | None = None
        if self.pool:
            prices, work = priced_over(self.pool, tasks)
            self.spent += work
        proves = proven is not None and (
            prices is None or proven.threshold(found + 1) <= prices.threshold(found + 1)
        )
        if proves:
            prices = proven
        if prices is None or found >= prices.jobs_bound:
            return
        if prices.threshold(found + 1) > MAX_THRESHOLD:
            return  # far from the bound: too many jobs would pass
        budget = PROOF_SHARE * self.total + unused
        listed = self.source.enumerate(
            graph,
            self.search.profiles,
            limits,
            max_jobs=MAX_COLUMNS + 1,  # more: no MIP would finish (count_proof)
            max_nodes=max(1, int(budget * ENUMERATION_NODES_PER_SECOND)),
            deadline=self.cap(budget),
            minimal=True,
            accept=accept,
            prices=[prices.of.get(v, 0.0) for v in range(len(self.search.profiles))],
            price_limit=prices.threshold(found + 1),
            fewest_days=False,  # the count's; the jobs offered get theirs (_on_fewest_days)
        )
        self.spent += listed.nodes / ENUMERATION_NODES_PER_SECOND
        self.cut |= listed.wall_clock_cut
        self.pool += listed.jobs
        if not listed.complete:
            return
        # Dives on the LP over them first (on up to the share again): where one meets the
        # bound, no MIP is needed. Half the share was one random dive on 150 short tasks,
        # seed 2, at a 30 s limit: 31 jobs, and the MIP after it found neither 32 nor
        # a proof in 16 s; the whole share found 32 (the bound) at 12 s.
        deadline = self.cap(budget)
        dived = prices_and_dive(
            listed.jobs, tasks, work_limit=budget, seed=self.seed, deadline=deadline
        )
        self.spent += dived.work
        self.cut |= dived.clock_cut
        self.offer(self._on_fewest_days(dived.jobs, limits))
        found = len(self.search.jobs)
        if found >= self.bound():
            return
        proof = prove_count(listed.jobs, prices, found, self.cap(budget))
        self.spent += len(listed.jobs) * SECONDS_PER_COLUMN
        self.cut |= proof.clock_cut
        if proof.better is not None:
            self.offer(self._on_fewest_days(proof.better, limits))
        if proves and proof.jobs_bound < self.bound():
            self.proven = proof.jobs_bound
            self.show()

    def _on_fewest_days(
        self, jobs: Sequence[tuple[int, ...]], limits: Limits
    ) -> list[tuple[int, ...]]:
        """``jobs`` of the count's listing (found without the search for fewer working
        days) recorded at their ways on the fewest days found, as the search offers them:
        a set met nowhere else would keep ways on more days than needed."""
        self.spent += self.source.on_fewest_days(jobs, limits) / ENUMERATION_NODES_PER_SECOND
        return list(jobs)

    def search_rounds(self, calls: int) -> bool:
        """The search on what is left of the budget, with the master between its rounds;
        whether Ctrl-C stopped it."""
        for round_ in range(calls):
            share = max(self.total - self.spent, 0.0) / (calls - round_)
            outcome = self.search.run(share, self.cap(share), report=self.show, stop=self.enough)
            self.spent += outcome.work
            self.cut |= outcome.wall_clock_cut
            if outcome.interrupted:
                return True
            if round_ < calls - 1 and not self.enough():
                self.master()
        return False


def solve_large(
    graph: nx.Graph,
    profiles: Sequence[Profile],
    limits: Limits,
    start: Sequence[tuple[int, ...]],
    burden: Callable[[tuple[int, ...]], int],
    *,
    started: float,
    deadline: float,
    fallback_bound: int,
    seed: int = 0,
    progress: Progress | None = None,
    accept: Callable[[Sequence[int]], bool] | None = None,
    time_limit: float | None = None,
    source: JobSource | None = None,
) -> LargeOutcome:
    """Bound by column generation; dive, pack and search for the most jobs within the bound.

    ``time_limit`` (default ``deadline - started``) sets the deterministic
    budget; give it exactly, as the user did, so that the budget does not
    depend on when the run started. ``fallback_bound`` (e.g. the hours
    bound) is used until a better one is proven. ``accept`` (together-locks)
    limits the jobs the search may build; the bound ignores it, which only
    makes it looser, never wrong. ``source`` (:class:`~.expansion.VariantSource`, with
    flexible tasks) is where the searches get their jobs; everything else speaks of
    tasks. With variants everything runs in this process (the second one would keep
    the variants it chose to itself).
    """
    source = JobSource() if source is None else source
    adjacency = {v: set(graph[v]) for v in graph}
    seconds = round(deadline - started, 3) if time_limit is None else time_limit
    search = LocalSearch(
        adjacency, profiles, limits, start, burden, seed=seed, accept=accept, source=source
    )
    # The caller still explains the tasks left out and writes the result after this.
    cap = deadline - reserve(seconds)
    run = _Run(search, fallback_bound, USABLE * seconds, started, cap, progress, source, seed)
    run.show()
    converged = interrupted = False
    background = None
    try:
        if len(adjacency) >= BACKGROUND_FROM and available() and source.exact_pricing:
            budgets = (BACKGROUND_SHARES[0] * run.total, BACKGROUND_SHARES[1] * run.total)
            background = BackgroundBound(
                adjacency, profiles, limits, start, budgets, run.deadline, accept, fallback_bound
            )
            converged, interrupted = _with_background(run, background, sum(budgets))
        else:
            converged, interrupted = _inline(run, graph, adjacency, profiles, limits, accept)
    except KeyboardInterrupt:
        interrupted = True
    finally:
        if background is not None:
            background.close()
    # A bound the second process sent before its result (a cut run) is proven all the same.
    bound = run.proven if run.proven is not None else run.shown
    cut = run.cut and not interrupted
    run.show()
    # Ended on its own: the jobs at the bound, and the hours searched on (or no task that
    # shares a job with another: nothing to search).
    settled = (run.settled or not search.has_moves) and not interrupted
    settled = settled and len(search.jobs) >= run.bound()
    mine = set(search.jobs)
    met = [job for job in dict.fromkeys([*run.pool, *search.seen]) if job not in mine]
    return LargeOutcome(
        search.jobs,
        bound,
        interrupted,
        converged,
        search.steps,
        cut,
        run.proven_at,
        settled,
        tuple(met[:POOL_JOBS]),
    )


def _inline(
    run: _Run,
    graph: nx.Graph,
    adjacency: dict[int, set[int]],
    profiles: Sequence[Profile],
    limits: Limits,
    accept: Callable[[Sequence[int]], bool] | None,
) -> tuple[bool, bool]:
    """Bound, dive, master and search one after the other; (converged, interrupted)."""

    def on_bound(bound: int) -> None:
        run.proven = bound if run.proven is None else min(run.proven, bound)
        run.show()

    share = BOUND_SHARE * run.total
    bound = lp_bound(
        adjacency,
        profiles,
        limits,
        run.search.jobs,
        run.cap(share),
        report=on_bound,
        budget=share,
        known_bound=run.fallback,
        source=run.source,
    )
    run.spent += bound.work
    run.cut |= bound.clock_cut
    run.pool = [c for c in bound.pool if accept is None or accept(c)]
    dived: list[tuple[int, ...]] = []
    if len(run.search.jobs) < run.bound():
        budget = DIVE_SHARE * run.total
        outcome = dive(
            adjacency,
            profiles,
            limits,
            run.pool,
            budget,
            run.cap(budget),
            accept=accept,
            source=run.source,
        )
        run.spent += outcome.work
        run.cut |= outcome.clock_cut
        run.pool += outcome.priced
        dived = outcome.jobs
        if not outcome.clock_cut:
            run.offer(outcome.jobs)
    run.master(dived)
    proven = Prices(bound.prices, sum(bound.prices.values())) if bound.prices else None
    # Converged: it stopped at a bound it could not lower, short of its share.
    unused = max(share - bound.work, 0.0) if bound.converged else 0.0
    run.settle_count(graph, limits, proven, accept, unused)
    return bound.converged, run.search_rounds(MASTER_CALLS - 1)


def _with_background(run: _Run, background: BackgroundBound, join: float) -> tuple[bool, bool]:
    """Search while the second process bounds and dives, take its result at ``join``
    reference seconds of search, then master and search; (converged, interrupted).

    Until ``join`` the bound only feeds the progress line, so when it arrives
    changes nothing in the jobs.
    """

    def show_only() -> bool:
        if background.poll() and background.bound is not None:
            run.on_shown_bound(background.bound)
        return False

    outcome = run.search.run(join, run.cap(join), report=run.show, stop=show_only)
    # The second process ran for ``join`` meanwhile: its budget counts, not the search's.
    run.spent += join
    run.cut |= outcome.wall_clock_cut
    if outcome.interrupted:
        return False, True
    done = background.result(run.deadline)
    if done is None:
        run.cut = True
        return False, False
    run.proven = done.jobs_bound
    run.cut |= done.clock_cut
    run.pool = list(done.pool)
    if not done.clock_cut:
        run.offer(done.dive_jobs)
    run.show()
    run.master(done.dive_jobs)
    return done.converged, run.search_rounds(MASTER_CALLS - 1)
