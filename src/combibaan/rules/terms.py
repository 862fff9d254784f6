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


Term = WeekMinutes | DayMinutes | Distinct
