"""A rule as terms of an integer model: the shapes the pricing model knows how to state.

The rules say *what* must hold as data; :mod:`combibaan.solvers.pricing` turns each
shape into CP-SAT constraints, so that OR-Tools stays in the solver layer.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class WeekMinutes:
    """The minutes of all tasks of a job lie within ``[low, high]`` (``None``: no bound)."""

    low: int | None = None
    high: int | None = None


@dataclass(frozen=True)
class DayMinutes:
    """On every day, the minutes worked are at most ``high``; on a day worked at all, at
    least ``low`` (``None``: no bound)."""

    low: int | None = None
    high: int | None = None


@dataclass(frozen=True)
class Distinct:
    """At most ``high`` distinct values of a task attribute: ``supplier``, ``location``
    (tasks without one do not count) or ``day`` (the days a task works)."""

    attribute: str
    high: int


@dataclass(frozen=True)
class DayWait:
    """Between two consecutive slots of a day (by start, on the day each starts) a wait
    of at most ``high`` minutes. Judged on the whole job: a slot in between shortens it."""

    high: int

    def holds(self, slots: tuple[tuple[int, int, int], ...]) -> bool:
        """Whether these slots ((day, start, end), as :class:`.Profile` has them) keep it."""
        end_of: dict[int, int] = {}
        for day, start, end in sorted(slots):
            if day in end_of and start - end_of[day] > self.high:
                return False
            end_of[day] = max(end_of.get(day, end), end)
        return True


Term = WeekMinutes | DayMinutes | Distinct | DayWait
