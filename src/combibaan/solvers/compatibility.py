"""Which pairs of tasks can share a job: the compatibility graph.

Every rule but those judged on a complete job (minimum hours, the longest wait)
only gets harder as a job grows, so a feasible job is always a clique of this
graph. The rules are asked through :class:`~combibaan.rules.Limits`.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence

import networkx as nx
import numpy as np

from combibaan.model import Instance
from combibaan.rules import Limits, Policy, Profile
from combibaan.rules.pairs import PairArrays

#: From this many tasks on the pairs are tested with numpy, a row at a time.
FAST_FROM = 200


def compatibility_graph(
    instance: Instance,
    policy: Policy,
    profiles: list[Profile],
    forbidden: Iterable[Collection[int]] = (),
    task_of: Sequence[int] | None = None,
) -> nx.Graph:
    """Nodes are task indices that fit on their own; edges join tasks that fit together.

    ``forbidden`` pairs of task indices (each two indices, in either order, e.g. the
    frozensets of :attr:`.LockPlan.forbidden`) never get an edge (workshop locks).
    With ``task_of`` the profiles are the variants of flexible tasks
    (:mod:`.expansion`), nodes are variants, and two of one task never share an edge.
    """
    limits = Limits.of(policy)
    banned = {frozenset(pair) for pair in forbidden}
    size = max((p.index for p in profiles), default=-1) + 1
    row = list(task_of) if task_of is not None else list(range(size))
    graph: nx.Graph[int] = nx.Graph()
    fitting = [p for p in profiles if limits.fits_alone(p)]
    graph.add_nodes_from(p.index for p in fitting)
    if len(fitting) >= FAST_FROM:
        edges = _fast_edges(instance, limits, fitting, row)
    else:
        edges = _edges(instance, limits, fitting, row)
    graph.add_edges_from(
        (a, b) for a, b in edges if not banned or frozenset((row[a], row[b])) not in banned
    )
    return graph


def _edges(
    instance: Instance, limits: Limits, fitting: list[Profile], row: list[int]
) -> list[tuple[int, int]]:
    edges = []
    for i, p in enumerate(fitting):
        for q in fitting[i + 1 :]:
            if row[p.index] == row[q.index]:
                continue
            travel = instance.travel_between(p.location, q.location, limits.default_travel)
            if limits.compatible(p, q, travel):
                edges.append((p.index, q.index))
    return edges


def _fast_edges(
    instance: Instance, limits: Limits, fitting: list[Profile], row: list[int]
) -> list[tuple[int, int]]:
    """The same edges, each task against all later ones at once (:meth:`.Limits.keep_pairs`)."""
    arrays = PairArrays.of(
        fitting, lambda a, b: instance.travel_between(a, b, limits.default_travel)
    )
    index = np.array([p.index for p in fitting])
    rows = np.array([row[p.index] for p in fitting])
    sources: list[np.ndarray] = []
    targets: list[np.ndarray] = []
    for i in range(len(fitting) - 1):
        j = np.arange(i + 1, len(fitting))
        j = j[rows[j] != rows[i]]
        j = j[limits.keep_pairs(arrays, i, j)]
        sources.append(np.full(len(j), index[i]))
        targets.append(index[j])
    if not sources:
        return []
    return list(
        zip(np.concatenate(sources).tolist(), np.concatenate(targets).tolist(), strict=True)
    )
