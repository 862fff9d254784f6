"""Cover mode's fast pieces: the cliques of tasks running at once, and a first cover.

The cover model (:mod:`.cover`) needs, per job slot, the sets of its tasks that run at
one moment (at most one of each set in a job), and CP-SAT needs a good first cover to
start from: without one it finds none in time on the larger SMPTSP lists. Both are
sweeps over the week, in ``O(n log n)`` per slot rather than pairwise.
"""

from __future__ import annotations

import bisect
import heapq
import random
from collections.abc import Iterable, Mapping, Sequence

import networkx as nx

from combibaan.model.week import MINUTES_PER_WEEK
from combibaan.rules import Limits, Load, Profile


def week_pieces(p: Profile) -> list[tuple[int, int]]:
    """The task's intervals on the week ``[0, MINUTES_PER_WEEK)``: one that runs past the
    end of the week (Sunday night) is cut in two."""
    pieces = []
    for start, end in p.intervals:
        shift = start - start % MINUTES_PER_WEEK
        start, end = start - shift, end - shift
        pieces.append((start, min(end, MINUTES_PER_WEEK)))
        if end > MINUTES_PER_WEEK:
            pieces.append((0, end - MINUTES_PER_WEEK))
    return pieces


def at_once(
    pieces: Mapping[int, Sequence[tuple[int, int]]], tasks: Iterable[int]
) -> list[frozenset[int]]:
    """The sets of ``tasks`` running at one moment that no other moment's set holds: the
    maximal cliques of their interval graph (half-open time), in order of time."""
    events: list[tuple[int, int, int]] = []
    for t in tasks:
        for start, end in pieces[t]:
            events.append((start, 1, t))
            events.append((end, 0, t))  # an end before a start at the same minute
    events.sort()
    active: dict[int, int] = {}
    cliques: list[frozenset[int]] = []
    seen: set[frozenset[int]] = set()
    grown = False
    for _, is_start, t in events:
        if is_start:
            active[t] = active.get(t, 0) + 1
            grown = True
            continue
        if grown and len(active) > 1:
            clique = frozenset(active)
            if clique not in seen:
                seen.add(clique)
                cliques.append(clique)
        grown = False
        active[t] -= 1
        if not active[t]:
            del active[t]
    return cliques


def first_cover(
    graph: nx.Graph,
    profiles: Sequence[Profile],
    limits: Limits,
    eligible: Sequence[frozenset[int]],
    max_minutes: Sequence[int | None],
    *,
    simple: bool,
    rng: random.Random | None = None,
) -> dict[int, int]:
    """Task -> slot of a first cover, greedily: again and again the slot that may take the
    most of the tasks still open takes them, until no slot takes any. Tasks left over try
    to push a clashing task into another job, else are missing from the answer.

    When only time clashes keep tasks apart (``simple``: one interval a task, no rule but
    the candidates' hours) "most" is the most minutes, tasks few slots may hold weighing
    a little more (weighted interval scheduling): a tight cover keeps every job busy
    from one task to the next. Otherwise it is the most tasks, earliest end first.
    With ``rng`` the weights are shaken a little, for another cover (restarts: on
    Data_137 some reach the lower bound where the plain one is one job above).
    """
    pieces = {t: week_pieces(profiles[t]) for t in graph.nodes}
    ends = {t: max(e for _, e in pieces[t]) for t in pieces}
    order = [sorted(tasks, key=lambda t: (ends[t], t)) for tasks in eligible]
    holding: dict[int, int] = {}
    for tasks in eligible:
        for t in tasks:
            holding[t] = holding.get(t, 0) + 1
    scarcity, noise = (1.0, 0.0) if rng is None else (rng.choice((0.5, 1.0, 2.0)), NOISE)
    weight = {
        t: profiles[t].minutes
        * (1 + scarcity / holding.get(t, 1))
        * (1 + (noise * rng.random() if rng is not None else 0.0))
        for t in sorted(pieces)
    }
    open_tasks = set(graph.nodes)

    def best_set(k: int) -> tuple[float, list[int]]:
        if simple and max_minutes[k] is None:
            return _heaviest(order[k], open_tasks, pieces, weight)
        if simple:
            chosen = _by_end(order[k], open_tasks, pieces, profiles, max_minutes[k])
        else:
            chosen = _greedy_set(order[k], open_tasks, graph, profiles, limits, max_minutes[k])
        return sum(weight[t] for t in chosen), chosen

    heap = [(-float("inf"), len(eligible[k]), k) for k in range(len(eligible)) if eligible[k]]
    heapq.heapify(heap)
    members: dict[int, list[int]] = {}
    while heap and open_tasks:
        _, size, k = heapq.heappop(heap)
        value, chosen = best_set(k)
        if not chosen:
            continue
        if heap and value < -heap[0][0]:
            heapq.heappush(heap, (-value, size, k))  # values only shrink: lazy greedy
            continue
        members[k] = chosen
        open_tasks.difference_update(chosen)
    cover = {t: k for k, ts in members.items() for t in ts}
    for t in sorted(open_tasks):
        _push_in(t, cover, members, graph, profiles, limits, eligible, max_minutes)
    return cover


#: How much restarts shake the weights (measured on Data_137 and Data_010: 0.1 finds
#: better covers than none or 0.3).
NOISE = 0.1


def _heaviest(
    order: Sequence[int],
    open_tasks: set[int],
    pieces: Mapping[int, Sequence[tuple[int, int]]],
    weight: Mapping[int, float],
) -> tuple[float, list[int]]:
    """Weighted interval scheduling (``order``: by end): the heaviest set of open tasks
    that do not clash, by dynamic programming."""
    spans = [(pieces[t][0], t) for t in order if t in open_tasks]
    ends = [end for (_, end), _ in spans]
    best = [0.0] * (len(spans) + 1)
    for j, ((start, _), t) in enumerate(spans):
        before = bisect.bisect_right(ends, start, 0, j)
        best[j + 1] = max(best[j], best[before] + weight[t])
    chosen = []
    j = len(spans)
    while j > 0:
        (start, _), t = spans[j - 1]
        if best[j] == best[j - 1]:
            j -= 1
            continue
        chosen.append(t)
        j = bisect.bisect_right(ends, start, 0, j - 1)
    return best[-1], chosen[::-1]


def _by_end(
    order: Sequence[int],
    open_tasks: set[int],
    pieces: Mapping[int, Sequence[tuple[int, int]]],
    profiles: Sequence[Profile],
    most: int | None,
) -> list[int]:
    """Interval scheduling, earliest end first, within the slot's most minutes."""
    chosen: list[int] = []
    free_from = -1
    minutes = 0
    for t in order:
        if t not in open_tasks:
            continue
        ((start, end),) = pieces[t]
        if start >= free_from and (most is None or minutes + profiles[t].minutes <= most):
            chosen.append(t)
            free_from = end
            minutes += profiles[t].minutes
    return chosen


def _greedy_set(
    order: Sequence[int],
    open_tasks: set[int],
    graph: nx.Graph,
    profiles: Sequence[Profile],
    limits: Limits,
    most: int | None,
) -> list[int]:
    """Earliest end first, each task beside every task taken and within every rule."""
    chosen: list[int] = []
    load: Load | None = None
    for t in order:
        if t not in open_tasks or not all(m in graph[t] for m in chosen):
            continue
        grown = Load.of(profiles[t]) if load is None else load.add(profiles[t], limits)
        if grown is not None and (most is None or grown.minutes <= most):
            chosen.append(t)
            load = grown
    return chosen


def _fits(
    t: int,
    tasks: Sequence[int],
    graph: nx.Graph,
    profiles: Sequence[Profile],
    limits: Limits,
    most: int | None,
) -> bool:
    if not all(m in graph[t] for m in tasks):
        return False
    load: Load | None = Load.of(profiles[t])
    for m in tasks:
        load = load.add(profiles[m], limits) if load is not None else None
    return load is not None and (most is None or load.minutes <= most)


def _push_in(
    t: int,
    cover: dict[int, int],
    members: dict[int, list[int]],
    graph: nx.Graph,
    profiles: Sequence[Profile],
    limits: Limits,
    eligible: Sequence[frozenset[int]],
    max_minutes: Sequence[int | None],
) -> None:
    """Place ``t`` in a job it fits, else in one where the only task in its way moves to
    another job (one step of an ejection chain); else leave it out."""
    holding = [k for k in members if t in eligible[k]]
    for k in holding:
        if _fits(t, members[k], graph, profiles, limits, max_minutes[k]):
            members[k].append(t)
            cover[t] = k
            return
    for k in holding:
        clash = [m for m in members[k] if m not in graph[t]]
        if len(clash) != 1:
            continue
        rest = [m for m in members[k] if m != clash[0]]
        if not _fits(t, rest, graph, profiles, limits, max_minutes[k]):
            continue
        (c,) = clash
        for j in members:
            if (
                j != k
                and c in eligible[j]
                and _fits(c, members[j], graph, profiles, limits, max_minutes[j])
            ):
                members[j].append(c)
                cover[c] = j
                members[k] = [*rest, t]
                cover[t] = k
                return
