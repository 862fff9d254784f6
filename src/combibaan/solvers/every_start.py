"""A bound on the jobs for every start, where the searches tried thinned starts only.

When a flexible task has too many ways, the searches try its starts on a coarser
step (:mod:`combibaan.model.variants`) and what they prove holds for those starts
only. This bound covers the minutes between them: every task becomes its ranges of
starts (:func:`~combibaan.model.variants.ranges`), each judged the most leniently
over its minutes (:func:`~combibaan.rules.facts.drifting`), so that every job at
any starts is a job of ranges. The most jobs over ranges bounds the jobs at any
starts; where it meets the count found, that count is proven for every start.
It is proven by the exact path's count stage over the ranges' minimal jobs where
those fit (the search's own enumeration did), else by column generation over the
ranges (the large path's LP bound). It has about as many ways as the thinned
search, so it is about as cheap (80 and 150 tasks of the flexible benchmark: a few
seconds), and often as tight. The exact path leaves it ``EVERY_START_SHARE`` of its
time; the large path only what it leaves on the clock (it stops early once its jobs
meet its own bound over the starts tried, as on campus and night lists).
"""

from __future__ import annotations

from dataclasses import replace

import networkx as nx

from combibaan.model.variants import MAX_VARIANTS, ranges
from combibaan.rules.facts import drifting, first_choice
from combibaan.solvers.budget import Budget
from combibaan.solvers.colgen import lp_bound
from combibaan.solvers.compatibility import compatibility_graph
from combibaan.solvers.enumeration import enumerate_jobs
from combibaan.solvers.exact import count_bound
from combibaan.solvers.expansion import Expansion, VariantSource, task_graph
from combibaan.solvers.large import USABLE
from combibaan.solvers.strategies.base import Problem

#: Share of the search's time limit kept for this bound when starts are thinned.
EVERY_START_SHARE = 0.2
#: Less time than this is not worth starting the bound in (the large path's time left).
MIN_BOUND_SECONDS = 1.0
#: Of that, the share for the minimal jobs over ranges; the count stage gets the rest.
ENUMERATION_SHARE = 0.8
#: Ways per task of the second, finer bound, where the first (at ``MAX_VARIANTS``) leaves
#: room above the count: narrower ranges judge the minutes less leniently. With full
#: job units (``min_hours=25.5``) on 80 campus tasks, 30 % flexible, seeds 2 and 3, the
#: bound at 8 ways stood one above the count (22 of 23, 30 of 31) and at 16 met it.
FINER_RANGES = 16


def every_start_bound(
    problem: Problem, budget: Budget, *, enumerate_first: bool, ways: int = MAX_VARIANTS
) -> int | None:
    """The most jobs of the tasks ``problem`` searches (its locks kept, its kept jobs
    not counted) at any starts of their windows, within ``budget``; ``None`` when
    nothing was proven in it. ``ways``: the ranges per task at most (more: narrower).

    ``enumerate_first``: where the search's own enumeration completed, the minimal jobs
    over ranges and the count stage (exact where they fit); else, or when they do not
    fit, column generation over the ranges (the large path's LP bound, for every start).
    """
    expansion, nodes = _ranges(problem, ways)
    used = 0
    if enumerate_first:
        found, used = _counted(problem, expansion, nodes, budget)
        if found is not None:
            return found
    graph = task_graph(nodes, expansion)
    bound = lp_bound(
        {t: set(graph[t]) for t in graph},
        problem.profiles,
        problem.limits,
        [job for job in problem.greedy if all(t in graph for t in job)],
        budget.deadline,
        budget=USABLE * budget.seconds_left(used),
        known_bound=problem.start_free_bound(),
        source=VariantSource(expansion, nodes),
    )
    return bound.jobs_bound


def _ranges(problem: Problem, ways: int) -> tuple[Expansion, nx.Graph]:
    """The tasks ``problem`` searches as their ranges of starts (at most ``ways`` per
    task), and the graph of those."""
    instance, plan = problem.instance, problem.plan
    choices = [
        (t, way)
        for t, task in enumerate(instance.tasks)
        if t not in plan.removed
        for way in ranges(task, ways)
    ]
    task_of = tuple(t for t, _ in choices)
    profiles = drifting(instance, choices)
    slots = tuple(tuple(d.slot for d in way) for _, way in choices)
    representative = tuple(first_choice(task) for task in instance.tasks)
    expansion = Expansion(profiles, task_of, slots, 1, (), 1, representative)
    graph = compatibility_graph(instance, problem.policy, profiles, plan.forbidden, task_of)
    return expansion, graph


def _counted(
    problem: Problem, expansion: Expansion, nodes: nx.Graph, budget: Budget
) -> tuple[int | None, int]:
    """The count stage over the minimal jobs of ranges (``None``: they do not fit), and
    the enumeration's steps."""
    accept, task_of = problem.plan.accept, expansion.task_of
    found = enumerate_jobs(
        nodes,
        expansion.profiles,
        problem.limits,
        max_jobs=problem.max_columns,
        max_nodes=budget.nodes(ENUMERATION_SHARE),
        deadline=budget.deadline,
        minimal=True,
        accept=lambda members: accept(sorted(task_of[v] for v in members)),
        task_of=task_of,
    )
    if not found.complete:
        return None, found.nodes
    jobs = list(dict.fromkeys(expansion.tasks(job) for job in found.jobs))
    bound = count_bound(
        replace(found, jobs=jobs),
        problem.greedy,
        budget,
        seed=problem.seed,
        workers=problem.workers,
    )
    return bound, found.nodes
