"""The strategies behind ``solve(strategy=...)``: one class per file behind one interface.

A strategy gets a :class:`Problem` and returns an :class:`Outcome`; names are
checked before any work (:func:`strategy_named`).
"""

from __future__ import annotations

from combibaan.solvers.strategies.auto import LARGE_TASKS, Auto
from combibaan.solvers.strategies.base import Outcome, Problem, Strategy
from combibaan.solvers.strategies.exact import Exact
from combibaan.solvers.strategies.large import Large

#: Every strategy by name; ``lns`` is an old name of ``large``.
STRATEGIES: dict[str, Strategy] = {
    "auto": Auto(),
    "exact": Exact(),
    "large": Large(),
    "lns": Large(),
}
#: The names offered to people (``--strategy``).
NAMES = ("auto", "exact", "large")


def strategy_named(name: str) -> Strategy:
    """The strategy called ``name``; a ``ValueError`` naming the choices otherwise."""
    try:
        return STRATEGIES[name]
    except KeyError:
        raise ValueError(f"strategy must be {', '.join(NAMES)}, got {name!r}") from None


__all__ = [
    "LARGE_TASKS",
    "NAMES",
    "STRATEGIES",
    "Auto",
    "Exact",
    "Large",
    "Outcome",
    "Problem",
    "Strategy",
    "strategy_named",
]
