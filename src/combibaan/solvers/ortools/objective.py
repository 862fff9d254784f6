"""The lexicographic objective, and its weights as one sum.

In order of importance:
1. as many jobs as possible;
2. with that many jobs, as many hours placed in jobs as possible;
3. then the jobs easiest on the people in them: the smallest sum over jobs of
   (suppliers + locations + working days), so fewer employers and collective
   agreements to reconcile, less travel and fewer trips.

The weights make the order exact: a job is worth more than all hours together,
and an hour-unit more than all tie-breaks together. Small models (a local
search step, an alternative) use the whole sum. The full model solves the
number of jobs on its own first and then hours with the tie-break (see
``StagedPacking``): in one sum, the tie-break kept even the count unproven on
lists other than the generator's campus. A tie-break that itself ranks
suppliers over locations over days proved slower than this plain sum.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass


def burden(suppliers: int, locations: int, days: int) -> int:
    """Tie-break cost of one job; each supplier, location and working day counts one."""
    return suppliers + locations + days


@dataclass(frozen=True)
class Weights:
    """Integer coefficients of the objective and how to read the number of jobs back."""

    coefficients: tuple[int, ...]
    #: Weight of one job in hour-units (above the total of all hour-units).
    per_job: int
    #: Weight of one hour-unit in tie-break units (above any total tie-break).
    per_unit: int
    #: Minutes per hour-unit (the greatest common divisor of the columns' minutes).
    unit: int = 1

    def jobs_bound(self, objective_bound: float) -> int:
        """The most jobs any solution can have when the objective is at most ``objective_bound``.

        A solution with k jobs, W hour-units and tie-break B scores
        ``per_unit * (per_job * k + W) - B`` with ``B < per_unit``, so
        ``per_unit * per_job * k < objective + per_unit``.
        """
        bound = math.floor(objective_bound + 1e-6)
        return (bound + self.per_unit - 1) // (self.per_unit * self.per_job)


def weights(
    minutes: Sequence[int], burdens: Sequence[int], tasks: int, tasks_minutes: int
) -> Weights:
    """Weights for columns with these minutes and burdens.

    A packing holds at most ``tasks`` jobs and ``tasks_minutes`` minutes (the
    totals over all tasks); hours are counted in units of the greatest common
    divisor of the columns' minutes, to keep the numbers small.
    """
    unit = math.gcd(*minutes) or 1
    per_job = tasks_minutes // unit + 1
    per_unit = max(burdens, default=0) * tasks + 1
    coefficients = tuple(
        (per_job + m // unit) * per_unit - b for m, b in zip(minutes, burdens, strict=True)
    )
    return Weights(coefficients, per_job, per_unit, unit)
