"""A bound on the number of jobs from the tasks' hours alone, before any job is known.

Every job holds between the least and the most minutes a week the policy allows.
The plain bound divides the minutes of all tasks by the least; it assumes the tasks
can be cut to fill every job to exactly its least. They cannot: with tasks of 12 h a
week and jobs of 20-36 h, a job holds two tasks (24 h) or three (36 h), never 20, so
at most half of the tasks make a job, where the plain bound says 60 %. The bound here
is that of *bin covering*: the most groups of tasks, each between a job's least and
most minutes, that the tasks' lengths allow. It is the LP over patterns (a pattern is
how many tasks of each length a group takes), by column generation with an exact
knapsack as pricing; it ignores times, places and suppliers, so it holds for any jobs.

Why it stays honest: the bound is not GLOP's objective but the LP's duals rounded up
to whole numbers and divided by the cheapest pattern under them, which an exact
integer dynamic program finds (Farley's argument: prices under which every pattern
costs at least 1 bound every packing of patterns). GLOP's tolerances, or a stop
before the LP converged, can only make it looser, never wrong.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Collection, Sequence

import networkx as nx
import numpy as np
from ortools.linear_solver import pywraplp

from combibaan.rules import Limits, Profile

#: Rounds of column generation at most: far more than the lists measured need (66 at
#: 5,000 tasks, 23 at 1,000); a bound stopped early is looser, not wrong.
MAX_ROUNDS = 200
#: Cells of the pricing's table, summed over the rounds, at most: keeps a list of
#: thousands of different task lengths to about a second, on every machine alike.
MAX_CELLS = 500_000_000
#: Different task lengths at most: lists timed to the quarter hour have dozens (the
#: families 20-60); hundreds of lengths, as times to the minute give, need thousands of
#: rounds to gain anything, so the plain bound stands there.
MAX_LENGTHS = 400
#: Groups added to the LP a round at most (the cheapest of as many different sums).
PATTERNS_PER_ROUND = 10
#: Prices are rounded up to whole millionths for the exact certificate.
SCALE = 1_000_000


def hours_bound(graph: nx.Graph, profiles: Sequence[Profile], limits: Limits) -> int:
    """A bound on jobs that needs no enumeration: per group of tasks that could ever
    meet (a component of ``graph``), :func:`jobs_by_minutes` of their minutes."""
    return sum(
        jobs_by_minutes([profiles[t].minutes for t in component], limits)
        for component in nx.connected_components(graph)
    )


def jobs_by_minutes(minutes: Collection[int], limits: Limits) -> int:
    """The most jobs tasks of these ``minutes`` a week can make, judged by the hours of
    a job alone: at most their sum over a job's least minutes, and at most the bin
    covering bound (see the module)."""
    least, most = limits.min_minutes, limits.max_minutes
    if least <= 0:
        return len(minutes)
    usable = tuple(sorted(m for m in minutes if 0 < m <= most))
    plain = sum(usable) // least
    if plain == 0:
        return 0
    return min(plain, _covering_bound(usable, least, most, plain))


@functools.lru_cache(maxsize=64)
def _covering_bound(sizes: tuple[int, ...], least: int, most: int, plain: int) -> int:
    """The bin covering bound of ``sizes`` (sorted), each group's sum in [least, most],
    where it is below ``plain`` (else ``plain``: the LP over the patterns found reaches
    it, and nothing lower can be proven; lengths that add up to any number, as random
    ones do, stop there in a few rounds)."""
    # A group that stays at least ``least`` without any one of its tasks holds a smaller
    # group that does too: groups under least + the longest task are enough.
    cap = min(most, least + sizes[-1] - 1)
    if cap < least:
        return 0
    counts = Counter(sizes)
    if len(counts) > MAX_LENGTHS:
        return plain
    lengths = np.array(sorted(counts), dtype=np.int64)
    available = np.array([counts[int(s)] for s in lengths], dtype=np.int64)
    pricing = _Pricing(lengths, available, least, cap)
    solver = pywraplp.Solver.CreateSolver("GLOP")
    rows = [solver.Constraint(0.0, float(n)) for n in available]
    objective = solver.Objective()
    objective.SetMaximization()

    def add(pattern: dict[int, int]) -> None:
        group = solver.NumVar(0.0, solver.infinity(), "")
        objective.SetCoefficient(group, 1.0)
        for kind, times in pattern.items():
            rows[kind].SetCoefficient(group, float(times))

    kind_of = {int(size): kind for kind, size in enumerate(lengths)}
    for group in _greedy_groups(sizes, least, cap):
        add(dict(Counter(kind_of[size] for size in group)))
    prices = np.zeros(len(lengths))
    if solver.NumVariables():
        solver.Solve()
        if objective.Value() >= plain - 1e-6:
            return plain
        prices = np.array([max(0.0, abs(row.dual_value())) for row in rows])
    for _ in range(MAX_ROUNDS):
        if pricing.cells_used > MAX_CELLS:
            break
        found = pricing.cheapest(prices, PATTERNS_PER_ROUND)
        if found is None:
            return 0  # no group of these tasks reaches a job's least minutes
        cost, patterns = found
        if cost >= 1.0 - 1e-9:
            break  # the LP has converged (as far as floating point can tell)
        for pattern in patterns:
            add(pattern)
        if solver.Solve() not in (pywraplp.Solver.OPTIMAL, pywraplp.Solver.FEASIBLE):
            break
        if objective.Value() >= plain - 1e-6:
            return plain  # the LP is at least this: no bound below it
        prices = np.array([max(0.0, abs(row.dual_value())) for row in rows])
    # The certificate, in whole numbers: every pattern costs at least ``cheapest``.
    whole = np.ceil(prices * SCALE).astype(np.int64)
    certified = pricing.cheapest(whole)
    if certified is None or certified[0] <= 0:
        return len(sizes)
    return int(np.dot(available, whole)) // int(certified[0])


def _greedy_groups(sizes: tuple[int, ...], least: int, cap: int) -> set[tuple[int, ...]]:
    """Groups of a quick covering (the longest task left, then the shortest until the group
    reaches ``least``), to start the LP near its end: where the lengths add up to any
    number it then stands at the plain bound at once."""
    groups: set[tuple[int, ...]] = set()
    longest, shortest = len(sizes) - 1, 0
    while longest >= shortest:
        group = [sizes[longest]]
        longest -= 1
        while sum(group) < least and shortest <= longest:
            group.append(sizes[shortest])
            shortest += 1
        if not least <= sum(group) <= cap:
            break
        groups.add(tuple(group))
    return groups


class _Pricing:
    """The cheapest group under given prices: a bounded knapsack over the task lengths,
    each length's count split in powers of two, exact over every sum up to ``cap``."""

    def __init__(self, lengths: np.ndarray, available: np.ndarray, least: int, cap: int) -> None:
        self.least, self.cap = least, cap
        self.items: list[tuple[int, int]] = []  # (length's index, how many)
        for kind, count in enumerate(available.tolist()):
            size, step = int(lengths[kind]), 1
            while count > 0 and step * size <= cap:
                take = min(step, count)
                self.items.append((kind, take))
                count -= take
                step *= 2
        self.weights = [int(lengths[kind]) * take for kind, take in self.items]
        self.cells_used = 0

    def cheapest(
        self, prices: np.ndarray, many: int = 1
    ) -> tuple[float, list[dict[int, int]]] | None:
        """The cost of the cheapest group whose minutes lie in [least, cap] (of ``prices``'
        type: float while searching, whole for the certificate) and the cheapest groups
        of up to ``many`` different sums that cost less than 1 (columns for the LP), or
        None when no group reaches ``least``."""
        whole = prices.dtype.kind == "i"
        dtype = np.int64 if whole else np.float64
        infinity = np.iinfo(np.int64).max // 4 if whole else np.inf
        best = np.full(self.cap + 1, infinity, dtype=dtype)
        best[0] = 0
        took = np.zeros((len(self.items), self.cap + 1), dtype=bool)
        for step, ((kind, take), weight) in enumerate(zip(self.items, self.weights, strict=True)):
            candidate = best[: self.cap + 1 - weight] + prices[kind] * take
            better = candidate < best[weight:]
            best[weight:][better] = candidate[better]
            took[step, weight:][better] = True
        self.cells_used += len(self.items) * (self.cap + 1)
        window = best[self.least :]
        order = np.argsort(window, kind="stable")[:many]
        if window[order[0]] >= infinity:
            return None
        sums = [self.least + int(k) for k in order if k == order[0] or window[k] < 1.0 - 1e-9]
        return window[order[0]].item(), [self._group(took, at) for at in sums]

    def _group(self, took: np.ndarray, at: int) -> dict[int, int]:
        """The group the table's choices make up for the sum ``at``: its count per length."""
        group: Counter[int] = Counter()
        for step in range(len(self.items) - 1, -1, -1):
            if took[step, at]:
                kind, take = self.items[step]
                group[kind] += take
                at -= self.weights[step]
        return dict(group)
