"""A bound on the jobs for every start, where the searches tried thinned starts only.

When a flexible task has too many ways, the searches try its starts on a coarser
step (:mod:`combibaan.model.variants`) and what they prove holds for those starts
only. This bound covers the minutes between them: every task becomes its ranges of
starts (:func:`~combibaan.model.variants.ranges`), each judged the most leniently
over its minutes (:func:`~combibaan.rules.facts.drifting`), so that every job at
any starts is a job of ranges. The most jobs over ranges, proven by the exact
path's count stage over its minimal jobs, bounds the jobs at any starts; where
it meets the count found, that count is proven for every start. It has about as
many ways as the thinned search, so it is as cheap (80 and 150 tasks of the
flexible benchmark: a few seconds), and often as tight.
"""

from __future__ import annotations

from dataclasses import replace

from combibaan.model.variants import MAX_VARIANTS, ranges
from combibaan.rules.facts import drifting
from combibaan.solvers.budget import Budget
from combibaan.solvers.compatibility import compatibility_graph
from combibaan.solvers.enumeration import enumerate_jobs
from combibaan.solvers.exact import count_bound
from combibaan.solvers.strategies.base import Problem

#: Share of the search's time limit kept for this bound when starts are thinned.
EVERY_START_SHARE = 0.2
#: Of that, the share for the minimal jobs over ranges; the count stage gets the rest.
ENUMERATION_SHARE = 0.8


def every_start_bound(problem: Problem, budget: Budget) -> int | None:
    """The most jobs of the tasks ``problem`` searches (its locks kept, its kept jobs
    not counted) at any starts of their windows; ``None`` when the minimal jobs over
    ranges do not fit ``budget`` or the count is not proven in it."""
    instance, plan = problem.instance, problem.plan
    choices = [
        (t, way)
        for t, task in enumerate(instance.tasks)
        if t not in plan.removed
        for way in ranges(task, MAX_VARIANTS)
    ]
    task_of = [t for t, _ in choices]
    profiles = drifting(instance, choices)
    graph = compatibility_graph(instance, problem.policy, profiles, plan.forbidden, task_of)
    accept = plan.accept
    found = enumerate_jobs(
        graph,
        profiles,
        problem.limits,
        max_jobs=problem.max_columns,
        max_nodes=budget.nodes(ENUMERATION_SHARE),
        deadline=budget.deadline,
        minimal=True,
        accept=lambda members: accept(sorted(task_of[v] for v in members)),
        task_of=task_of,
    )
    jobs = list(dict.fromkeys(tuple(sorted(task_of[v] for v in job)) for job in found.jobs))
    return count_bound(
        replace(found, jobs=jobs),
        problem.greedy,
        budget,
        seed=problem.seed,
        workers=problem.workers,
    )
