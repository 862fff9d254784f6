"""Enumerate every feasible job: the columns of the set-packing model.

A depth-first search over the cliques of the compatibility graph, extending a
job only with tasks of higher index so that every set is met once. All upper
limits are checked as the job grows (they can only get worse); the lower
limits decide whether a set counts as a job. The search stops cleanly at a
column cap or a deadline, and says so, so that callers never hang.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple

import networkx as nx

from combibaan.rules import Limits, Load, Profile


@dataclass(frozen=True)
class Enumeration:
    """Feasible jobs as sorted tuples of task indices, and whether the list is complete."""

    jobs: list[tuple[int, ...]]
    complete: bool
    nodes: int
    seconds: float
    #: Whether only minimal jobs were asked for (see :func:`enumerate_jobs`).
    minimal: bool = False
    #: Whether the wall-clock deadline, not a cap, stopped it (a rerun may differ).
    wall_clock_cut: bool = False


class _Stop(Exception):
    pass


def enumerate_jobs(
    graph: nx.Graph,
    profiles: list[Profile],
    limits: Limits,
    *,
    max_jobs: int = 1_000_000,
    max_nodes: int | None = None,
    deadline: float | None = None,
    minimal: bool = False,
    accept: Callable[[Sequence[int]], bool] | None = None,
    prices: Sequence[float] | None = None,
    price_limit: float = math.inf,
    task_of: Sequence[int] | None = None,
    fewest_days: bool = True,
) -> Enumeration:
    """All feasible jobs among the nodes of ``graph``.

    With ``minimal`` a job is not extended once it is feasible: enough to count
    the most jobs (any job can shrink to such a set), and far fewer columns.
    ``accept`` (workshop together-locks) rejects sets that are feasible but not
    allowed; such a set is still extended, since a larger one may be allowed.
    ``max_nodes`` caps the search steps: unlike ``deadline`` (a cap for slow
    machines), it stops at the same place on every machine. With ``prices``
    (one per task, at least 0) only sets whose prices add up to at most
    ``price_limit`` are visited: a set's price only grows as it grows.

    With ``task_of`` the nodes are ways of doing tasks (:mod:`.expansion`; two
    ways of one task share no edge) and the search runs over sets of *tasks*,
    each met once with one combination of its ways that fits
    (:func:`_enumerate_ways`); the jobs come back as those ways, on the fewest working
    days found (the tie-break) unless ``fewest_days`` is False (a count needs none: on
    80 short tasks, 30 % flexible, that search took 29 % of the steps,
    ``benchmarks/settling.py``).
    """
    if task_of is not None and any(t != v for v, t in enumerate(task_of)):
        return _enumerate_ways(
            graph,
            profiles,
            limits,
            task_of,
            max_jobs,
            max_nodes,
            deadline,
            minimal,
            accept,
            prices,
            price_limit,
            fewest_days,
        )
    started = time.perf_counter()
    order = sorted(graph.nodes)
    jobs: list[tuple[int, ...]] = []
    nodes = 0
    clock = {"cut": False}
    price = list(prices) if prices is not None else [0.0] * len(profiles)
    # Plain sets and lists: the graph's own views cost a fifth of the time in lookups.
    adjacency = {v: set(graph[v]) for v in order}
    minutes = [p.minutes for p in profiles]
    supplier = [p.supplier for p in profiles]
    most_suppliers = limits.max_suppliers

    def extend(members: list[int], candidates: list[int], load: Load, room: float) -> None:
        nonlocal nodes
        nodes += 1
        if max_nodes is not None and nodes > max_nodes:
            raise _Stop
        if nodes & 1023 == 0 and deadline is not None and time.perf_counter() > deadline:
            clock["cut"] = True
            raise _Stop
        if load.is_job(limits) and (accept is None or accept(members)):
            jobs.append(tuple(members))
            if len(jobs) >= max_jobs:
                raise _Stop
            if minimal:
                return
        # No superset can keep the lower rules (e.g. reach the minimum hours): prune.
        if limits.lower and _out_of_reach(limits, load.minutes, candidates, minutes, price, room):
            return
        # Candidates are kept under the price limit as they are listed (none with no prices),
        # and, once a job has its most suppliers, to theirs: the others could never join
        # (on 150 short tasks two of three tried did not), and without them the minimum
        # hours are out of reach sooner (80 short tasks: the same jobs in 30 % fewer steps).
        for k, c in enumerate(candidates):
            grown = load.add(profiles[c], limits)
            if grown is None:
                continue
            neighbours = adjacency[c]
            members.append(c)
            later = [u for u in candidates[k + 1 :] if u in neighbours]
            if len(grown.suppliers) >= most_suppliers:
                allowed = grown.suppliers
                later = [u for u in later if supplier[u] in allowed]
            if prices is None:
                extend(members, later, grown, room)
            else:
                left = room - price[c]
                extend(members, [u for u in later if price[u] <= left], grown, left)
            members.pop()

    complete = True
    try:
        for v in order:
            if price[v] > price_limit:
                continue
            left = price_limit - price[v]
            later = sorted(u for u in graph[v] if u > v and price[u] <= left)
            extend([v], later, Load.of(profiles[v]), left)
    except _Stop:
        complete = False
    seconds = time.perf_counter() - started
    return Enumeration(jobs, complete, nodes, seconds, minimal, clock["cut"])


def _out_of_reach(
    limits: Limits,
    have: int,
    candidates: Sequence[int],
    minutes: Sequence[int] | Mapping[int, int],
    price: Sequence[float] | Mapping[int, float],
    room: float,
) -> bool:
    """Whether no superset of a set with ``have`` minutes, grown from ``candidates``
    within ``room`` of price, can keep the lower rules (e.g. reach the minimum hours).

    Where the candidates cost more than the room, the minutes they can add are at
    most those of the cheapest minutes first, the last candidate in part (a
    fractional knapsack). On 150 short tasks, seed 2, under the count's threshold
    (25,880 jobs), this cut the steps to list them from 1.02 million to 0.68 million.
    """
    total = sum(minutes[c] for c in candidates)
    if limits.out_of_reach(have + total):
        return True
    if room == math.inf or sum(price[c] for c in candidates) <= room:
        return False  # without prices the room is endless
    # Prices too small to divide by safely count as free: more reach, never less.
    cost = {c: price[c] if price[c] > TINY_PRICE else 0.0 for c in candidates}
    reach = 0.0
    for c in sorted(candidates, key=lambda c: cost[c] / minutes[c] if minutes[c] else math.inf):
        if cost[c] > room:
            reach += minutes[c] * room / cost[c]
            break
        room -= cost[c]
        reach += minutes[c]
    return limits.out_of_reach(math.floor(have + reach + 1e-9))


#: Below this a price counts as 0 in :func:`_out_of_reach` (a subnormal price over
#: minutes rounds to 0 and would sort among the free ones).
TINY_PRICE = 1e-12


#: Per task, the ways (bit w for way w) that can still be in a witness of the set searched.
Domains = Mapping[int, int]

#: Steps of search for a job's ways on fewer working days (a tie-break, not the count).
DAYS_STEPS = 200


class Way(NamedTuple):
    """A way to do a set of tasks: one node per task, and their load."""

    nodes: tuple[int, ...]
    load: Load


def _enumerate_ways(
    graph: nx.Graph,
    profiles: list[Profile],
    limits: Limits,
    task_of: Sequence[int],
    max_jobs: int,
    max_nodes: int | None,
    deadline: float | None,
    minimal: bool,
    accept: Callable[[Sequence[int]], bool] | None,
    prices: Sequence[float] | None,
    price_limit: float,
    fewest_days: bool,
) -> Enumeration:
    """:func:`enumerate_jobs` over sets of tasks; a set counts when some way of doing
    each of its tasks fits (its *witness*).

    A search over the ways themselves meets a set of tasks once per combination of
    ways, and with ``minimal`` grows a set under the combinations that are not yet
    a job while another already is one: on 80 short tasks, 30 % of them flexible, a
    million jobs of ways were 775 sets of tasks, and the search did not finish.
    Carrying every combination along instead multiplies them (8 ways each of three
    tasks: 512). So a set is met once, with one witness: a grown set first tries
    its parent's witness with a way of the new task, and only when none fits
    searches all ways of its tasks (:meth:`Witness.find`). A set is a job when
    some witness keeps the lower rules too; that witness is the job recorded, as
    nodes. A step is a set met or a way tried in a search, so the step budget
    means about what it does over tasks.

    Each set carries, per member and per candidate, the ways that fit some way of
    every member so far (as bits: its *domains*). A candidate with none left is
    dropped before it is met, a grown set where a member has none left fails without
    a search, and a search for a witness tries only those ways. On 80 short tasks,
    30 % flexible, listing the jobs under the count's price threshold took half the
    steps (0.80 million of 1.53), the same jobs (``benchmarks/settling.py``).
    """
    started = time.perf_counter()
    adjacency = {v: set(graph[v]) for v in graph.nodes}
    search = Witness(adjacency, profiles, limits, task_of, max_nodes, deadline)
    order = sorted(search.ways)
    minutes = {t: profiles[search.ways[t][0]].minutes for t in order}
    supplier = {t: profiles[search.ways[t][0]].supplier for t in order}
    price = {t: 0.0 if prices is None else prices[search.ways[t][0]] for t in order}
    most_suppliers = limits.max_suppliers
    jobs: list[tuple[int, ...]] = []

    def extend(
        members: list[int], candidates: list[int], way: Way, room: float, domains: Domains
    ) -> None:
        search.step()
        job = way if way.load.is_job(limits) else None
        if job is None and limits.lower and not limits.out_of_reach(way.load.minutes):
            # the lower rules may want other times
            job = search.find(members, job=True, domains=domains)
        if job is not None:
            if fewest_days:
                nodes = search.fewest_days(members, job, domains)
            else:
                nodes = tuple(sorted(job.nodes))
            if accept is None or accept(nodes):
                jobs.append(nodes)
                if len(jobs) >= max_jobs:
                    raise _Stop
                if minimal:
                    return
        if limits.lower and _out_of_reach(
            limits, way.load.minutes, candidates, minutes, price, room
        ):
            return
        for k, c in enumerate(candidates):
            members.append(c)
            narrowed = search.narrow(members, domains)
            grown = None if narrowed is None else search.grow(members, way, domains=narrowed)
            if grown is not None:
                assert narrowed is not None
                allowed = grown.load.suppliers
                full = len(allowed) >= most_suppliers
                left = room - price[c]
                around = search.around(narrowed[c])
                later = []
                for u in candidates[k + 1 :]:
                    if price[u] > left or (full and supplier[u] not in allowed):
                        continue
                    ways = domains[u] & around
                    if ways:
                        later.append(u)
                        narrowed[u] = ways
                extend(members, later, grown, left, narrowed)
            members.pop()

    complete = True
    try:
        for t in order:
            if price[t] > price_limit:
                continue
            first = search.find([t], job=False)
            if first is None:
                continue
            left = price_limit - price[t]
            domains = {t: search.way_bits[t]}
            around = search.around(domains[t])
            later = []
            for u in sorted(u for u in search.near[t] if u > t and price[u] <= left):
                ways = search.way_bits[u] & around
                if ways:
                    later.append(u)
                    domains[u] = ways
            extend([t], later, first, left, domains)
    except _Stop:
        complete = False
    seconds = time.perf_counter() - started
    return Enumeration(jobs, complete, search.steps, seconds, minimal, search.cut)


class Witness:
    """Ways of doing a set of tasks that fit together, found by search (see
    :func:`_enumerate_ways`; the pricing over tasks uses it too); counts its steps
    against ``max_nodes`` and the ``deadline``. ``adjacency``: the graph of the ways."""

    def __init__(
        self,
        adjacency: Mapping[int, set[int]],
        profiles: Sequence[Profile],
        limits: Limits,
        task_of: Sequence[int],
        max_nodes: int | None = None,
        deadline: float | None = None,
    ) -> None:
        self.profiles, self.limits = profiles, limits
        self.ways: dict[int, list[int]] = {}
        for v in sorted(adjacency):
            self.ways.setdefault(task_of[v], []).append(v)
        self.adjacency = adjacency
        #: The same as bits (bit u for way u), made when first asked (:meth:`around`).
        self._bits: dict[int, int] = {}
        #: Each task's ways as bits.
        self.way_bits = {t: _as_bits(vs) for t, vs in self.ways.items()}
        #: Per task the tasks some way of which shares an edge with some way of it.
        self.near: dict[int, set[int]] = {t: set() for t in self.ways}
        for v, around in self.adjacency.items():
            self.near[task_of[v]].update(task_of[u] for u in around)
        #: Tasks whose ways differ in their days (only then does a job's witness
        #: have a choice of working days).
        self.day_choice = {
            t for t, vs in self.ways.items() if len({profiles[v].days for v in vs}) > 1
        }
        self.max_nodes, self.deadline = max_nodes, deadline
        self.steps = 0
        self.cut = False
        #: Searches that ran out of patience (:meth:`find`).
        self.gave_up = 0

    def step(self) -> None:
        self.steps += 1
        if self.max_nodes is not None and self.steps > self.max_nodes:
            raise _Stop
        deadline = self.deadline
        if self.steps & 1023 == 0 and deadline is not None and time.perf_counter() > deadline:
            self.cut = True
            raise _Stop

    def narrow(self, members: Sequence[int], domains: Domains) -> dict[int, int] | None:
        """The ways of ``members`` (the last one new) that can still be in a witness:
        ``domains`` (those of the new one already fit some way of each other member) with
        the other members' narrowed to those that fit some way of the new one; ``None``
        when a member has none left (no witness: found without a search)."""
        new = members[-1]
        around = self.around(domains[new])
        narrowed = {new: domains[new]}
        for t in members[:-1]:
            ways = domains[t] & around
            if not ways:
                return None
            narrowed[t] = ways
        return narrowed

    def around(self, ways: int) -> int:
        """The ways (as bits) that share an edge with some of ``ways`` (bits): only those
        can be in a witness with the task whose ways these are."""
        if ways & (ways - 1) == 0:
            return self._around_one(ways.bit_length() - 1)
        around = 0
        for w in members_of(ways):
            around |= self._around_one(w)
        return around

    def _around_one(self, way: int) -> int:
        bits = self._bits.get(way)
        if bits is None:
            bits = self._bits[way] = _as_bits(self.adjacency[way])
        return bits

    def grow(
        self,
        members: list[int],
        way: Way,
        patience: int | None = None,
        domains: Domains | None = None,
    ) -> Way | None:
        """A witness for ``members`` (the last one new): ``way`` (its parent's) with a way
        of the new task, else a search among the ways that can still be in one:
        ``domains`` (:meth:`narrow`) or, without them, those left by :meth:`consistent`
        (``patience``: see :meth:`find`)."""
        new = members[-1]
        for w in self.ways[new] if domains is None else members_of(domains[new]):
            if all(w in self.adjacency[v] for v in way.nodes):
                load = way.load.add(self.profiles[w], self.limits)
                if load is not None:
                    return Way((*way.nodes, w), load)
        if all(len(self.ways[t]) == 1 for t in members[:-1]):
            return None  # the parent had no other way: nothing else to try
        if domains is None:
            domains = self.consistent(members)
            if domains is None:
                return None
        return self.find(members, job=False, patience=patience, domains=domains)

    def consistent(self, members: Sequence[int]) -> dict[int, int] | None:
        """The ways of ``members`` that fit some way of every other member, again until
        none is struck off (arc consistency); ``None`` when a member has none left.
        A step per member and round. Where a set has no witness this mostly shows it
        without a search (the pairs of ways that share no edge decide most such sets)."""
        domains = {t: self.way_bits[t] for t in members}
        changed = True
        while changed:
            changed = False
            around = {}
            for t in members:
                self.step()
                around[t] = self.around(domains[t])
            for t in members:
                ways = domains[t]
                for u in members:
                    if u != t:
                        ways &= around[u]
                if not ways:
                    return None
                if ways != domains[t]:
                    domains[t], changed = ways, True
        return domains

    def find(
        self,
        members: Sequence[int],
        *,
        job: bool,
        patience: int | None = None,
        domains: Domains | None = None,
    ) -> Way | None:
        """Ways for ``members`` that fit together (and with ``job`` keep the lower rules);
        ``None``: there are none, or with ``patience`` none was found in that many steps
        (then :attr:`gave_up` counts it: the answer is not a proof). ``domains``: only
        these ways per member can be in one (:meth:`narrow`)."""
        budget = None if patience is None else [patience]
        found = next(self._all(members, job, None, budget, domains), None)
        if found is None and budget is not None and budget[0] < 0:
            self.gave_up += 1
        return found

    def fewest_days(
        self, members: Sequence[int], job: Way, domains: Domains | None = None
    ) -> tuple[int, ...]:
        """The nodes of a job on fewer working days (the tie-break counts them) when its
        tasks have a choice of days, the fewest found within :data:`DAYS_STEPS` steps of
        search; else ``job``'s."""
        best = job
        if any(t in self.day_choice for t in members):
            budget = [DAYS_STEPS]
            while True:
                fewer = next(
                    self._all(members, True, _count_days(best.load) - 1, budget, domains), None
                )
                if fewer is None:
                    break
                best = fewer
        return tuple(sorted(best.nodes))

    def _all(
        self,
        members: Sequence[int],
        job: bool,
        max_days: int | None,
        budget: list[int] | None = None,
        domains: Domains | None = None,
    ) -> Iterator[Way]:
        """Depth-first over the ways of ``members``: the task with the fewest ways left
        next, and every way that no longer fits the chosen ones struck off at once, so
        that a set with no way fails early (forward checking)."""

        def down(nodes: tuple[int, ...], load: Load | None, left: dict[int, int]) -> Iterator[Way]:
            if not left:
                assert load is not None
                if not job or load.is_job(self.limits):
                    yield Way(nodes, load)
                return
            t = min(left, key=lambda u: (left[u].bit_count(), u))
            rest = {u: ws for u, ws in left.items() if u != t}
            for w in members_of(left[t]):
                self.step()
                if budget is not None:
                    budget[0] -= 1
                    if budget[0] < 0:
                        return
                q = self.profiles[w]
                grown = Load.of(q) if load is None else load.add(q, self.limits)
                if grown is None or (max_days is not None and _count_days(grown) > max_days):
                    continue
                near = self._around_one(w)
                narrowed = {u: ws & near for u, ws in rest.items()}
                if all(narrowed.values()):
                    yield from down((*nodes, w), grown, narrowed)

        ways = self.way_bits if domains is None else domains
        return down((), None, {t: ways[t] for t in members})


def _as_bits(members: Iterable[int]) -> int:
    """A set of small numbers as bits (a loop: ``sum`` over the shifts is quadratic)."""
    bits = 0
    for m in members:
        bits |= 1 << m
    return bits


def _count_days(load: Load) -> int:
    return sum(1 for m in load.day_minutes if m)


def members_of(key: int) -> tuple[int, ...]:
    """The tasks of a set given as bits (bit t for task t), in order."""
    if key & (key - 1) == 0:
        return (key.bit_length() - 1,) if key else ()
    members = []
    while key:
        low = key & -key
        key ^= low
        members.append(low.bit_length() - 1)
    return tuple(members)
