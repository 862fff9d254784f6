"""Cover mode's lower bound: the Lagrangian bound of the set-covering master problem.

Every cover picks, per job slot ``k``, one set of tasks ``S`` from ``F_k``, the sets the
slot may hold. For any prices ``pi_t >= 0`` on "task ``t`` is covered",

    ``L(pi) = sum_t pi_t + sum_k min(0, 1 - max_{S in F_k} pi(S))``

is at most the number of jobs of any cover (weak duality of the set-covering linear
programme with one "at most one set" row per slot), and it stays valid when ``F_k`` is
replaced by any *superset*. Here ``F_k`` is every set of the slot's eligible tasks that
never run at the same moment: the rules, the together locks and the hour limits are
left out, which only weakens the bound. Good prices come from column generation
(GLOP on the restricted master, new columns from the pricing below), and ``L`` is
evaluated exactly after every round, in integers: the prices are rounded down to
multiples of ``1 / SCALE``, so the bound never rests on a floating-point sum.

Pricing, ``max pi(S)``, is weighted interval scheduling (exact, by dynamic programming)
on the week's circle cut open at the moment the fewest task pieces run through (on the
SMPTSP lists: a moment none does). Each task is one interval on that line: its only
piece when it has one slot a week that does not cross the cut, which makes the pricing
exact. A task with several slots a week (or one crossing the cut) is represented by one
of its pieces, the one that overlaps the most other pieces, and the others are dropped:
two tasks that never clash keep disjoint representatives, so ``F_k`` only grows (a
valid relaxation, weaker than the exact one). The master's columns are the sets the
pricing finds, so column generation converges on the relaxation's own bound.

Slots with the same eligible tasks are one group (the anonymous slots of a cover
without candidates are one group of as many slots as the first cover has).
"""

from __future__ import annotations

import bisect
import time
from collections.abc import Iterable, Mapping, Sequence

from ortools.linear_solver import pywraplp

from combibaan.model.week import MINUTES_PER_WEEK

#: Prices are rounded down to multiples of ``1 / SCALE`` for the exact evaluation.
SCALE = 1 << 20
#: The cost of leaving a task uncovered in the restricted master: keeps it feasible
#: while the first columns do not cover every task (a price never needs to exceed it
#: by much; any price is valid, only the bound's strength depends on it).
ARTIFICIAL = 10.0
#: A column enters the master when its reduced cost is below ``-ENTER``.
ENTER = 1e-9
#: Work units per pricing step (one task through one slot group's dynamic programme)
#: and per simplex iteration and row of the master, so that the bound's share of the
#: budget is counted deterministically. Measured on Data_100, Data_010 and Data_137:
#: 2.5-4M pricing steps a second, 0.15-0.6 s per million iteration-rows (0.25 taken),
#: against the budget's 0.6 units of CP-SAT work a second (:mod:`..budget`).
WORK_PER_STEP = 0.6 / 2_500_000
WORK_PER_ITERATION_ROW = 0.6 * 0.25e-6


class CoveringBound:
    """The bound for covering ``tasks`` by the slots (``eligible``: each slot's tasks),
    raised round by round (:meth:`run`), so that it can take turns with a search.

    ``pieces``: each task's intervals on the week (:func:`.cover_heuristic.week_pieces`);
    ``columns``: (slot, tasks) pairs to start the master from, e.g. a first cover;
    ``at_least``: a bound known already; ``at_most``: where to stop (a cover's jobs).
    """

    def __init__(
        self,
        pieces: Mapping[int, Sequence[tuple[int, int]]],
        tasks: Sequence[int],
        eligible: Sequence[frozenset[int]],
        columns: Iterable[tuple[int, Sequence[int]]],
        *,
        at_least: int,
        at_most: int,
    ) -> None:
        line = _Line(pieces, tasks)
        known = frozenset(line.tasks)
        groups: dict[frozenset[int], int] = {}
        for slot_tasks in eligible:
            chosen = slot_tasks & known
            if chosen:
                groups[chosen] = groups.get(chosen, 0) + 1
        self.pricers = [_Pricer(line, group) for group in groups]
        self.counts = list(groups.values())
        group_of = {group: g for g, group in enumerate(groups)}
        self.master = _Master(len(line.tasks), self.counts)
        for k, members in columns:
            inside = frozenset(members) & known
            g = group_of.get(eligible[k] & known)
            if inside and g is not None:
                self.master.add(g, sorted(line.position[t] for t in inside))
        #: The proven lower bound so far.
        self.value = at_least
        self.at_most = at_most
        self.rounds = 0
        #: The work spent (setting up counts: sorting every group's tasks).
        self.work = sum(pricer.steps for pricer in self.pricers) * WORK_PER_STEP
        #: Whether more rounds cannot raise the bound: it reached ``at_most`` or the
        #: master's value, or the master is solved.
        self.finished = at_least >= at_most

    def run(self, work: float, deadline: float) -> float:
        """Rounds until finished, ``work`` spent or the ``deadline`` (wall clock) passed;
        the work they took."""
        spent = 0.0
        while not self.finished and spent < work and time.perf_counter() < deadline:
            spent += self._round()
        self.work += spent
        return spent

    def _round(self) -> float:
        """One round: solve the master, evaluate ``L`` at its prices, add the columns the
        pricing finds; the work it took."""
        master = self.master
        value, prices, limits = master.solve()
        work = master.iterations() * master.rows * WORK_PER_ITERATION_ROW
        self.rounds += 1
        if value is None:
            self.finished = True
            return work
        weights = [int(p * SCALE) if p > 0 else 0 for p in prices]
        total = sum(weights)  # integers: exact
        entering = []
        for g, pricer in enumerate(self.pricers):
            heaviest, members = pricer.heaviest(weights)
            work += pricer.steps * WORK_PER_STEP
            total += self.counts[g] * min(0, SCALE - heaviest)
            if members and 1 - sum(prices[i] for i in members) - limits[g] < -ENTER:
                entering.append((g, members))
        self.value = max(self.value, -(-total // SCALE))
        self.finished = not entering or self.value >= _ceil(value) or self.value >= self.at_most
        for g, members in entering:
            master.add(g, members)
        return work


def _ceil(value: float) -> int:
    """The master's value rounded up, with room for the simplex's tolerances: only a
    reason to stop, never the bound."""
    return int(-(-(value - 1e-6) // 1))


class _Line:
    """Each task as one interval on the week cut open at its least covered moment: its
    piece there (slots, the part past the cut split off, touching or overlapping pieces
    of one task joined) that overlaps the most pieces of other tasks."""

    def __init__(self, pieces: Mapping[int, Sequence[tuple[int, int]]], tasks: Sequence[int]):
        cut = _least_covered(pieces, tasks)
        self.tasks = list(tasks)
        self.position = {t: i for i, t in enumerate(self.tasks)}
        on_line = [_joined(_rotated(pieces[t], cut)) for t in self.tasks]
        starts = sorted(s for own in on_line for s, _ in own)
        ends = sorted(e for own in on_line for _, e in own)

        def overlapping(piece: tuple[int, int]) -> int:
            return bisect.bisect_left(starts, piece[1]) - bisect.bisect_right(ends, piece[0])

        chosen = [max(own, key=lambda p: (overlapping(p), -p[0])) for own in on_line]
        self.starts = [s for s, _ in chosen]
        self.ends = [e for _, e in chosen]


def _least_covered(pieces: Mapping[int, Sequence[tuple[int, int]]], tasks: Sequence[int]) -> int:
    """A moment of the week that the fewest pieces run through (start before it, end after
    it): where cutting the circle splits the fewest tasks. Any moment gives a valid bound."""
    through_midnight = sum(
        1
        for t in tasks
        if any(e == MINUTES_PER_WEEK for _, e in pieces[t]) and any(s == 0 for s, _ in pieces[t])
    )
    events = sorted((m, d) for t in tasks for s, e in pieces[t] for m, d in ((s, 1), (e, -1)))
    best, moment, running = through_midnight, 0, 0
    for m, d in events:  # the ends at a minute before its starts
        running += d
        if d < 0 and running < best and m < MINUTES_PER_WEEK:
            best, moment = running, m
    return moment


def _rotated(pieces: Sequence[tuple[int, int]], cut: int) -> list[tuple[int, int]]:
    """The pieces with the week starting at ``cut``; one running past its end is split."""
    result = []
    for start, end in pieces:
        start2 = (start - cut) % MINUTES_PER_WEEK
        end2 = start2 + end - start
        if end2 <= MINUTES_PER_WEEK:
            result.append((start2, end2))
        else:
            result.append((start2, MINUTES_PER_WEEK))
            result.append((0, end2 - MINUTES_PER_WEEK))
    return result


def _joined(pieces: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Touching or overlapping pieces of one task as one."""
    result: list[tuple[int, int]] = []
    for start, end in sorted(pieces):
        if result and start <= result[-1][1]:
            result[-1] = (result[-1][0], max(result[-1][1], end))
        else:
            result.append((start, end))
    return result


class _Pricer:
    """The heaviest set of one group's tasks whose intervals on the line never overlap."""

    def __init__(self, line: _Line, group: frozenset[int]) -> None:
        self.order = sorted(
            (line.position[t] for t in group), key=lambda i: (line.ends[i], line.starts[i])
        )
        ends = [line.ends[i] for i in self.order]
        #: Per task (by end): how many tasks end at or before its start.
        self.before = [
            bisect.bisect_right(ends, line.starts[i], 0, j) for j, i in enumerate(self.order)
        ]
        self.steps = len(self.order)

    def heaviest(self, weights: Sequence[int]) -> tuple[int, list[int]]:
        """The heaviest weight and its tasks (positions), by dynamic programming."""
        order, before = self.order, self.before
        best = [0] * (len(order) + 1)
        for j, i in enumerate(order):
            taken = best[before[j]] + weights[i]
            best[j + 1] = taken if taken > best[j] else best[j]
        members = []
        j = len(order)
        while j > 0:
            if best[j] == best[j - 1]:
                j -= 1
            else:
                members.append(order[j - 1])
                j = before[j - 1]
        return best[-1], sorted(members)


class _Master:
    """The restricted master linear programme: fewest sets, every task covered, each
    group at most its number of slots."""

    def __init__(self, tasks: int, counts: Sequence[int]) -> None:
        solver = pywraplp.Solver.CreateSolver("GLOP")
        assert solver is not None
        # Without presolve the simplex starts from the last basis: a few hundred
        # iterations a round instead of thousands.
        solver.SetSolverSpecificParametersAsString("use_preprocessing: false")
        self.solver = solver
        self.cover = [solver.Constraint(1.0, solver.infinity()) for _ in range(tasks)]
        self.limit = [solver.Constraint(-solver.infinity(), float(n)) for n in counts]
        self.rows = tasks + len(counts)
        objective = solver.Objective()
        objective.SetMinimization()
        for row in self.cover:
            slack = solver.NumVar(0.0, solver.infinity(), "")
            row.SetCoefficient(slack, 1.0)
            objective.SetCoefficient(slack, ARTIFICIAL)

    def add(self, group: int, members: Sequence[int]) -> None:
        var = self.solver.NumVar(0.0, self.solver.infinity(), "")
        for i in members:
            self.cover[i].SetCoefficient(var, 1.0)
        self.limit[group].SetCoefficient(var, 1.0)
        self.solver.Objective().SetCoefficient(var, 1.0)

    def solve(self) -> tuple[float | None, list[float], list[float]]:
        """The master's value, the tasks' prices and the groups' (non-positive) prices."""
        status = self.solver.Solve()
        if status != pywraplp.Solver.OPTIMAL:
            return None, [], []
        prices = [max(row.dual_value(), 0.0) for row in self.cover]
        limits = [min(row.dual_value(), 0.0) for row in self.limit]
        return self.solver.Objective().Value(), prices, limits

    def iterations(self) -> int:
        """Simplex iterations of the last solve."""
        return int(self.solver.iterations())
