"""The large path's own clock: work counted in deterministic units, not read off the wall.

Two runs of the same instance must give the same jobs, so no decision of the
large path may depend on how fast the machine happens to be. Every piece of
work is therefore counted in units that do not vary between runs (search
nodes, LP nonzeros and simplex iterations, CP-SAT's deterministic time) and
converted to *reference seconds*: the CPU time it took on the machine the
rates below were measured on (2 cores, Python 3.11, OR-Tools 9.15; CPU time
of the process, as the machine was shared). The time limit becomes a budget
of reference seconds (:mod:`.large`); the wall clock stays only as a cap that
cuts a run short on a slower or busier machine, and the outcome says when it
did. ``benchmarks/pricing.py`` and ``benchmarks/charges.py`` hold the rates
against the CPU time they stand for.
"""

from __future__ import annotations

from dataclasses import dataclass

#: The pricing search (:func:`.colgen.price`): a node, a load computed (not found in the
#: memo), and per round a neighbour of a task (its bit sets are made anew). Most nodes
#: are children judged hopeless before their load is computed, so a node is cheap and a
#: load (with the loop over its children) dear. Fitted by least squares (scratch code)
#: on the 18 lists ``benchmarks/pricing.py`` runs (six families, 150-1,000 tasks), as
#: CPU time on a machine 1.18 times as fast as the reference (see the LP's rates). The
#: script's output there (``RESULTS-pricing.md``): 1.30-1.32 times the CPU time on
#: short lists, where pricing is most of a run, and 0.66-1.87 on the others, whose
#: pricing takes 0.01-5 s. The earlier rates (4 us a node, 4.5 us a load), from before
#: children were judged first, charged the short lists 1.2-1.95 times their time
#: (``RESULTS-pricing-short.md``).
SECONDS_PER_PRICE_NODE = 1.6e-6
SECONDS_PER_PRICE_LOAD = 2e-5
SECONDS_PER_PRICE_EDGE = 2e-7
#: A GLOP solve of the LP over the columns (:func:`lp_seconds`): per nonzero, and per
#: nonzero and simplex iteration (a pivot prices every column); nonzeros of the columns
#: in play (the dive's excluded ones not counted). Fitted on 192 solves in whole runs
#: (column generation, the dive, the count's proof; short, campus and night at 150 to
#: 1,000 tasks, with and without windows), as 3.4 us and 4.5 ns of CPU time on a machine
#: that ran ``benchmarks/pricing.py`` 1.18 times as fast as the reference; checked by
#: ``benchmarks/charges.py``. Nonzeros alone (8 us each) charged a solve of 1,000 short
#: tasks and 88k nonzeros a third of its time.
SECONDS_PER_LP_NONZERO = 4e-6
SECONDS_PER_LP_PIVOT_NONZERO = 5.3e-9
#: The search for a set's ways with flexible tasks (``expansion._Growth``), besides the
#: pricing's nodes and loads: per call (a set grown or started) and per step of the
#: search. Fitted as the LP's rates were, on 50 pricing rounds (short at 150 and 1,000
#: tasks, campus at 300, night at 1,000, 30 % flexible), where one node per call and per
#: step (the earlier fit, on 80 and 150 short tasks) charged 0.54-0.69 of the CPU time;
#: checked by ``benchmarks/charges.py``.
SECONDS_PER_WAYS_CALL = 2.4e-5
SECONDS_PER_WAYS_STEP = 6e-6
#: Seconds per incompatible pair when the CP-SAT pricing model is built (3-5 us).
SECONDS_PER_PAIR = 4e-6
#: Seconds per unit of CP-SAT's deterministic time in the pricing model (1.1-1.3).
SECONDS_PER_PRICING_DETERMINISTIC = 1.3
#: A search step (:mod:`.lns`), fitted over 1,000 steps of four families at 80-300 tasks
#: (campus, night, many: 4 ms a step; short: 0.1-0.5 s): a fixed cost, per
#: enumeration node, per column, and per unit of CP-SAT's deterministic time.
SECONDS_PER_STEP = 0.0025
ENUMERATION_NODES_PER_SECOND = 150_000.0
SECONDS_PER_COLUMN = 5e-5
SECONDS_PER_DETERMINISTIC = 0.45


def pricing_seconds(nodes: int, loads: int, edges: int) -> float:
    """Reference seconds of a pricing round: ``nodes`` searched, ``loads`` computed, over a
    graph whose tasks have ``edges`` neighbours in all."""
    return (
        nodes * SECONDS_PER_PRICE_NODE
        + loads * SECONDS_PER_PRICE_LOAD
        + edges * SECONDS_PER_PRICE_EDGE
    )


def lp_seconds(nonzeros: int, iterations: int) -> float:
    """Reference seconds of a GLOP solve over ``nonzeros`` that took ``iterations``
    simplex iterations (GLOP is deterministic: the same LP, the same count)."""
    return nonzeros * (SECONDS_PER_LP_NONZERO + iterations * SECONDS_PER_LP_PIVOT_NONZERO)


def price_nodes(seconds: float) -> int:
    """The most nodes a pricing round may search on ``seconds`` of budget (at least 1)."""
    return max(1, int(seconds / SECONDS_PER_PRICE_NODE))


@dataclass
class Meter:
    """Reference seconds to spend, and spent so far."""

    total: float
    spent: float = 0.0

    @property
    def left(self) -> float:
        return self.total - self.spent

    @property
    def exhausted(self) -> bool:
        return self.spent >= self.total

    def charge(self, seconds: float) -> None:
        self.spent += seconds
