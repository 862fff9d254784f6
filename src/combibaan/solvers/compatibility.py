"""Which pairs of tasks can share a job: the compatibility graph.

Every rule but the lower bounds (minimum hours per week and per day) only gets
harder as a job grows, so a feasible job is always a clique of this graph.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

import networkx as nx

from combibaan.model import Instance, Policy
from combibaan.solvers.fastgraph import fast_compatibility_graph
from combibaan.solvers.profile import Limits, Profile, clash, fits_alone

#: From this many tasks on the pairs are tested with numpy (:mod:`.fastgraph`).
FAST_FROM = 200


def compatible(p: Profile, q: Profile, limits: Limits, travel: float) -> bool:
    """Whether two tasks (each fitting alone) can be in one job together."""
    if limits.max_suppliers == 1 and p.supplier != q.supplier:
        return False
    if p.minutes + q.minutes > limits.max_minutes:
        return False
    for d in range(7):
        if p.day_minutes[d] and q.day_minutes[d]:
            if p.day_minutes[d] + q.day_minutes[d] > limits.max_day_minutes:
                return False
            span = max(p.day_last[d], q.day_last[d]) - min(p.day_first[d], q.day_first[d])
            if span > limits.max_span_minutes:
                return False
    return not clash(p, q, travel)


def compatibility_graph(
    instance: Instance,
    policy: Policy,
    profiles: list[Profile],
    forbidden: Iterable[Collection[int]] = (),
) -> nx.Graph:
    """Nodes are task indices that fit on their own; edges join tasks that fit together.

    ``forbidden`` pairs of task indices (each two indices, in either order, e.g. the
    frozensets of :attr:`.LockPlan.forbidden`) never get an edge (workshop locks).
    """
    if len(profiles) >= FAST_FROM:  # same edges, vectorised (see fastgraph)
        return fast_compatibility_graph(instance, policy, profiles, forbidden)
    limits = Limits.of(policy)
    banned = {frozenset(pair) for pair in forbidden}
    graph: nx.Graph[int] = nx.Graph()
    fitting = [p for p in profiles if fits_alone(p, limits)]
    graph.add_nodes_from(p.index for p in fitting)
    tasks = instance.tasks
    for i, p in enumerate(fitting):
        for q in fitting[i + 1 :]:
            if banned and frozenset((p.index, q.index)) in banned:
                continue
            travel = instance.travel_between(
                tasks[p.index].location, tasks[q.index].location, policy.travel_minutes
            )
            if compatible(p, q, limits, travel):
                graph.add_edge(p.index, q.index)
    return graph
