"""The strategy for instances too large to enumerate: an LP bound, then local search.

Measured on the generated instances (default policy, 2 cores): enumerating
every job takes 48k columns at 300 tasks and does not finish at 1,000, while
column generation proves the LP bound in 0.3 s (300 tasks: 136, the optimum)
and 5 s (1,000 tasks: 501, where hours / minimum hours give 570), and the
large-neighbourhood search from the greedy proposal reaches 136 in 5 s and
486 of 501 (97 %) in 40 s. The compatibility graph is one connected component
on these instances, even with three campuses (evening and morning shifts meet
across campuses), so splitting by components alone does not help; the search
works on neighbourhoods instead.

Order: up to 1,500 tasks the bound first (seconds; the progress line then
shows a meaningful gap early), capped at a share of the time, then the search.
Above that the bound runs in a second process for the whole time while the
search runs here (:mod:`.background`). The search stops at the time limit, or
a while after the jobs equal the bound (hours may still improve).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import networkx as nx

from combibaan.solvers.background import BackgroundBound, available
from combibaan.solvers.colgen import lp_bound
from combibaan.solvers.lns import improve
from combibaan.solvers.ortools.set_packing import Progress
from combibaan.solvers.profile import Limits, Profile

#: Share of the time the bound may take before the search starts.
BOUND_SHARE = 0.4
#: From this many tasks the bound runs in a second process (see :mod:`.background`).
BACKGROUND_FROM = 1500
#: Search steps between two looks at the background bound.
POLL_STEPS = 20
#: With the jobs equal to the bound, search this many more steps (for hours), then stop.
IDLE_STEPS = 1500


@dataclass(frozen=True)
class LargeOutcome:
    jobs: list[tuple[int, ...]]
    #: Proven upper bound on jobs from column generation, or None if none was proven.
    jobs_bound: int | None
    interrupted: bool
    lp_converged: bool
    search_steps: int


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
) -> LargeOutcome:
    """Bound by column generation, then improve ``start`` by large-neighbourhood search.

    ``fallback_bound`` (e.g. the hours bound) is shown until a better one is proven.
    ``accept`` (together-locks) limits the jobs the search may build; the bound
    ignores it, which only makes it looser, never wrong.
    """
    adjacency = {v: set(graph[v]) for v in graph}
    state: dict[str, int | None] = {"jobs": len(start), "proven": None}

    def show() -> None:
        if progress:
            proven = state["proven"]
            bound = fallback_bound if proven is None else min(proven, fallback_bound)
            progress(state["jobs"] or 0, bound, time.perf_counter() - started)

    def on_bound(bound: int) -> None:
        proven = state["proven"]
        state["proven"] = bound if proven is None else min(proven, bound)
        show()

    def on_jobs(jobs: int) -> None:
        state["jobs"] = jobs
        show()

    show()
    background = None
    converged = False
    try:
        if len(adjacency) >= BACKGROUND_FROM and available():
            background = BackgroundBound(
                adjacency, profiles, limits, start, deadline - time.perf_counter()
            )
        else:
            now = time.perf_counter()
            outcome = lp_bound(
                adjacency,
                profiles,
                limits,
                start,
                now + (deadline - now) * BOUND_SHARE,
                report=on_bound,
            )
            converged = outcome.converged
    except KeyboardInterrupt:
        return LargeOutcome(list(start), state["proven"], True, False, 0)

    last = {"jobs": len(start), "steps": 0}

    def enough() -> bool:
        # Called once per step: collect bounds from the background, and count
        # steps since the number of jobs last changed.
        last["steps"] += 1
        if background is not None and last["steps"] % POLL_STEPS == 0 and background.poll():
            on_bound(background.bound)  # type: ignore[arg-type]
        jobs = state["jobs"] or 0
        if jobs != last["jobs"]:
            last["jobs"], last["steps"] = jobs, 0
        proven = state["proven"]
        target = fallback_bound if proven is None else min(proven, fallback_bound)
        return jobs >= target and last["steps"] > IDLE_STEPS

    try:
        search = improve(
            adjacency,
            profiles,
            limits,
            start,
            burden,
            deadline,
            seed=seed,
            report=on_jobs,
            stop=enough,
            accept=accept,
        )
    finally:
        if background is not None:
            background.close()
            if background.bound is not None:
                on_bound(background.bound)
            converged = background.converged
    return LargeOutcome(search.jobs, state["proven"], search.interrupted, converged, search.steps)
