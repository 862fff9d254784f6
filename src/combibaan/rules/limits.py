"""A policy as the solver applies it: the rules that are on, each with its limit.

Everything the solver asks about rules goes through :class:`Limits`, which only
iterates over :data:`~combibaan.rules.registry.RULES`: adding a rule changes
nothing here.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from combibaan.rules.base import Obstacle, Rule
from combibaan.rules.facts import EMPTY, NO_LIMIT, Load, Profile
from combibaan.rules.pairs import PairArrays
from combibaan.rules.policy import Policy
from combibaan.rules.registry import RULES
from combibaan.rules.terms import Distinct, Term, WeekMinutes

Active = tuple[tuple[Rule, int], ...]


@dataclass(frozen=True)
class Limits:
    """The rules that are on, with their limits in the solver's units, by precedence."""

    #: Rules that only get harder as a job grows (checked on every task added).
    upper: Active
    #: Rules judged on a complete job (enough hours, ...).
    lower: Active
    #: Rules judged on pairs with the travel times (no overlap, travel).
    travel: Active
    #: Minutes between locations the travel table does not link.
    default_travel: float

    @classmethod
    def of(cls, policy: Policy) -> Limits:
        return _limits(policy)

    # --- what the solver needs of the totals ----------------------------------------------------

    def terms(self) -> list[Term]:
        """Every rule that is on, as terms of an integer model (:mod:`.terms`)."""
        return [term for rule, limit in self.upper + self.lower for term in rule.terms(limit)]

    @property
    def min_minutes(self) -> int:
        """The fewest minutes a job may have (0 when nothing asks for more)."""
        lows = [t.low for t in self.terms() if isinstance(t, WeekMinutes) and t.low is not None]
        return max(lows, default=0)

    @property
    def max_minutes(self) -> int:
        """The most minutes a job may have (:data:`NO_LIMIT` when nothing bounds it)."""
        highs = [t.high for t in self.terms() if isinstance(t, WeekMinutes) and t.high is not None]
        return min(highs, default=NO_LIMIT)

    @property
    def max_suppliers(self) -> int:
        """The most suppliers of one job (:data:`NO_LIMIT` when nothing bounds it)."""
        highs = [
            t.high for t in self.terms() if isinstance(t, Distinct) and t.attribute == "supplier"
        ]
        return min(highs, default=NO_LIMIT)

    def out_of_reach(self, most_minutes: int) -> bool:
        """Whether no job of at most ``most_minutes`` can keep every lower rule."""
        return any(rule.out_of_reach(most_minutes, limit) for rule, limit in self.lower)

    # --- yes or no ------------------------------------------------------------------------------

    def fits_alone(self, p: Profile) -> bool:
        """Whether the task keeps every upper rule on its own (else it is in no job)."""
        return not any(rule.over(EMPTY, p, limit) for rule, limit in self.upper)

    def compatible(self, p: Profile, q: Profile, travel: float) -> bool:
        """Whether two tasks (each fitting alone) can be in one job together."""
        return Load.of(p).add(q, self) is not None and all(
            rule.pair(p, q, limit, travel) is None for rule, limit in self.travel
        )

    @property
    def pairs(self) -> Active:
        """Every rule that can keep two tasks apart, in the order reasons name them."""
        return tuple(sorted(self.upper + self.travel, key=lambda a: a[0].precedence))

    def keep_pairs(self, arrays: PairArrays, i: int, j: np.ndarray) -> np.ndarray:
        """Which of the tasks ``j`` can share a job with task ``i`` (rows of ``arrays``)."""
        keep = np.ones(len(j), dtype=bool)
        for rule, limit in self.upper + self.travel:  # the costly interval test last
            left = np.flatnonzero(keep)
            if not len(left):
                break
            keep[left[~rule.keep_pairs(arrays, i, j[left], limit)]] = False
        return keep

    # --- why not --------------------------------------------------------------------------------

    def alone_obstacle(self, p: Profile) -> Obstacle | None:
        """The upper rule a single task breaks on its own, if any (then it is in no job)."""
        return self.add_obstacle(EMPTY, p)

    def pair_obstacle(self, p: Profile, q: Profile, travel: float) -> Obstacle | None:
        """Why two tasks (each fitting alone) cannot share a job; ``None`` if they can."""
        return first([rule.pair(p, q, limit, travel) for rule, limit in self.pairs], self.pairs)

    def add_obstacle(self, load: Load, q: Profile) -> Obstacle | None:
        """Which upper rule breaks when ``q`` joins a job with this load (as :meth:`Load.add`)."""
        return first([rule.obstacle(load, q, limit) for rule, limit in self.upper], self.upper)

    def lower_obstacle(self, load: Load) -> Obstacle | None:
        """Which lower rule a complete set of tasks misses."""
        for rule, limit in self.lower:
            found = rule.short(load, limit)
            if found is not None:
                return found
        return None


def first(found: list[Obstacle | None], rules: Active) -> Obstacle | None:
    """The obstacle a reason names: of the lowest precedence; among rules of one tier
    (precedence 40-49: the per-day limits), the one on the earliest day."""
    ranked = [
        ((rule.precedence // 10, _day(obstacle), rule.precedence), obstacle)
        for (rule, _), obstacle in zip(rules, found, strict=True)
        if obstacle is not None
    ]
    return min(ranked, key=lambda pair: pair[0])[1] if ranked else None


def _day(obstacle: Obstacle) -> int:
    day = obstacle.values.get("day", 0)
    return day if isinstance(day, int) else 0


@lru_cache(maxsize=64)
def _limits(policy: Policy) -> Limits:
    on = sorted(
        ((rule, limit) for rule in RULES if (limit := rule.limit(policy)) is not None),
        key=lambda active: active[0].precedence,
    )
    travel = tuple(a for a in on if a[0].travel)
    return Limits(
        upper=tuple(a for a in on if not a[0].lower and not a[0].travel),
        lower=tuple(a for a in on if a[0].lower),
        travel=travel,
        default_travel=float(travel[0][1]) if travel else 0.0,
    )
