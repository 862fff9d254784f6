"""A greedy bundler: the baseline the exact model must beat, and its first hint.

Seeds the tasks with most hours first; grows each seed with the compatible
free task that reaches the minimum hours with the least overshoot (or, before
that, brings it closest), preferring a supplier and a location already in the
job. Afterwards jobs are topped up with tasks still free, to place more hours.
"""

from __future__ import annotations

from collections.abc import Sequence

import networkx as nx

from combibaan.rules import Limits, Load, Profile


def greedy_jobs(
    graph: nx.Graph,
    profiles: list[Profile],
    limits: Limits,
    task_of: Sequence[int] | None = None,
) -> list[tuple[int, ...]]:
    """Jobs of the graph's nodes; with ``task_of`` (flexible tasks as variants,
    :mod:`.expansion`) a task placed takes its other variants out of the running."""
    siblings: dict[int, list[int]] = {}
    if task_of is not None:
        for v in graph.nodes:
            siblings.setdefault(task_of[v], []).append(v)
    free = set(graph.nodes)
    jobs: list[list[int]] = []
    loads: list[Load] = []
    seeds = sorted(graph.nodes, key=lambda v: (-profiles[v].minutes, graph.degree(v), v))
    for seed in seeds:
        if seed not in free:
            continue
        members = [seed]
        load = Load.of(profiles[seed])
        candidates = {u for u in graph[seed] if u in free}
        while not load.is_job(limits) and candidates:
            best = None
            for c in sorted(candidates):
                grown = load.add(profiles[c], limits)
                if grown is None:
                    continue
                score = (
                    0 if grown.is_job(limits) else 1,
                    grown.minutes - limits.min_minutes if grown.is_job(limits) else -grown.minutes,
                    len(grown.suppliers),
                    profiles[c].location != profiles[seed].location,
                )
                if best is None or score < best[0]:
                    best = (score, c, grown)
            if best is None:
                break
            _, chosen, load = best
            members.append(chosen)
            candidates = {u for u in candidates if u != chosen and u in graph[chosen]}
        if load.is_job(limits):
            jobs.append(members)
            loads.append(load)
            free.difference_update(members)
            if task_of is not None:
                free.difference_update(u for m in members for u in siblings[task_of[m]])
    _top_up(jobs, loads, free, graph, profiles, limits, task_of, siblings)
    return [tuple(sorted(job)) for job in jobs]


def _top_up(
    jobs: list[list[int]],
    loads: list[Load],
    free: set[int],
    graph: nx.Graph,
    profiles: list[Profile],
    limits: Limits,
    task_of: Sequence[int] | None,
    siblings: dict[int, list[int]],
) -> None:
    """Add free tasks to existing jobs where every rule still holds, largest first."""
    for task in sorted(free, key=lambda v: (-profiles[v].minutes, v)):
        if task not in free:  # a variant of a task placed meanwhile
            continue
        for k, job in enumerate(jobs):
            if all(task in graph[m] for m in job):
                grown = loads[k].add(profiles[task], limits)
                if grown is not None and grown.is_job(limits):
                    job.append(task)
                    loads[k] = grown
                    free.discard(task)
                    if task_of is not None:
                        free.difference_update(siblings[task_of[task]])
                    break
