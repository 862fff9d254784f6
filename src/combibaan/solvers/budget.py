"""How a time limit becomes work budgets that do not depend on the machine's speed.

The same input, policy, seed and workers must give the same proposal on every
run: in a workshop, re-running after a small change must not reshuffle the
jobs nobody touched. So searches stop on deterministic budgets (enumeration
steps, CP-SAT's deterministic time), derived from the time limit alone. The
wall clock stays as a cap that only cuts a run short on a slow or busy
machine; results say when it did.

The rates were measured on the family benchmark (2 cores, one CP-SAT worker):
enumeration takes 70-200k steps a second, and CP-SAT does 0.4-1.1 units of
deterministic time a second on the packing models, mostly above 0.6. The
budgets sit near the low end, so that on such a machine the budgets, not the
clock, usually end the run; ``Statistics.wall_clock_cut`` says when not.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

#: Enumeration steps per second of time limit (measured 70-200k).
NODES_PER_SECOND = 100_000
#: CP-SAT deterministic time per second of time limit (measured 0.37-1.1, mostly above 0.6).
WORK_PER_SECOND = 0.6
#: Shares of the time limit for enumerating every job, then only the minimal ones.
FULL_SHARE = 0.25
MINIMAL_SHARE = 0.15


#: Wall-clock time a search leaves its caller (reasons, result) at the end of the time
#: limit: a share of it, at most this many seconds.
RESERVE_SHARE = 0.05
RESERVE_SECONDS = 3.0


def reserve(time_limit: float) -> float:
    """Wall-clock seconds a search keeps back for its caller at the end of ``time_limit``."""
    return min(RESERVE_SHARE * time_limit, RESERVE_SECONDS)


@dataclass(frozen=True)
class Budget:
    """A run's time limit, as a wall-clock cap and as machine-independent work."""

    started: float
    time_limit: float
    #: Wall-clock seconds kept back before the end (:func:`reserve`): the cap comes that
    #: much earlier, the work stays that of the whole limit.
    kept: float = 0.0

    @classmethod
    def starting_now(cls, time_limit: float) -> Budget:
        return cls(time.perf_counter(), time_limit)

    @property
    def deadline(self) -> float:
        """The wall-clock cap."""
        return self.started + self.time_limit - self.kept

    def nodes(self, share: float) -> int:
        """Enumeration steps for ``share`` of the time limit."""
        return max(1000, int(NODES_PER_SECOND * self.time_limit * share))

    def seconds_left(self, nodes_used: int = 0) -> float:
        """The time limit less what ``nodes_used`` enumeration steps count for: the same
        on every machine, unlike the seconds the steps took."""
        return max(self.time_limit - nodes_used / NODES_PER_SECOND, 0.0)

    def work(self, nodes_used: int = 0) -> float:
        """CP-SAT's deterministic time for what the enumeration left of the limit."""
        return WORK_PER_SECOND * self.seconds_left(nodes_used)

    def seconds(self) -> float:
        """Wall-clock seconds since the start."""
        return time.perf_counter() - self.started
