"""A policy as the solver applies it: the rules that are on, each with its limit.

Everything the solver asks about rules goes through :class:`Limits`, which only
iterates over :data:`~combibaan.rules.registry.RULES`: adding a rule changes
nothing here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from combibaan.rules.base import Obstacle, Rule
from combibaan.rules.facts import EMPTY, NO_LIMIT, Load, Profile
from combibaan.rules.policy import Policy
from combibaan.rules.registry import RULES
from combibaan.rules.terms import Distinct, Term, WeekMinutes

if TYPE_CHECKING:
    import numpy as np

    from combibaan.rules.pairs import PairArrays

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

    # --- what the solver needs of the totals (computed once: the searches read them per step)

    #: Every rule that is on, as terms of an integer model (:mod:`.terms`).
    terms: tuple[Term, ...]
    #: The fewest minutes a job may have (0 when nothing asks for more).
    min_minutes: int
    #: The most minutes a job may have (:data:`NO_LIMIT` when nothing bounds it).
    max_minutes: int
    #: The most suppliers of one job (:data:`NO_LIMIT` when nothing bounds it).
    max_suppliers: int
    #: Every rule that can keep two tasks apart, in the order reasons name them.
    pairs: Active

    @classmethod
    def of(cls, policy: Policy) -> Limits:
        return _limits(policy)

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

    def keep_pairs(self, arrays: PairArrays, i: int, j: np.ndarray) -> np.ndarray:
        """Which of the tasks ``j`` can share a job with task ``i`` (rows of ``arrays``)."""
        import numpy as np

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
        return first(self.pairs, lambda rule, limit: rule.pair(p, q, limit, travel))

    def add_obstacle(self, load: Load, q: Profile) -> Obstacle | None:
        """Which upper rule breaks when ``q`` joins a job with this load (as :meth:`Load.add`)."""
        return first(self.upper, lambda rule, limit: rule.obstacle(load, q, limit))

    def lower_obstacle(self, load: Load) -> Obstacle | None:
        """Which lower rule a complete set of tasks misses."""
        for rule, limit in self.lower:
            found = rule.short(load, limit)
            if found is not None:
                return found
        return None

    def lower_obstacles(self, load: Load) -> list[Obstacle]:
        """Every lower rule a complete set of tasks misses (a count of what stands in the
        way charged only the first: the weekly minimum, where the daily one failed too)."""
        return [found for rule, limit in self.lower if (found := rule.short(load, limit))]


def first(rules: Active, judge: Callable[[Rule, int], Obstacle | None]) -> Obstacle | None:
    """The obstacle a reason names: that of the first rule by precedence that breaks;
    among rules of one tier (precedence 40-49: the per-day limits), the one on the
    earliest day. Rules after the first one's tier are not asked."""
    found: list[tuple[tuple[int, int, int], Obstacle]] = []
    for rule, limit in rules:
        tier = rule.precedence // 10
        if found and tier != found[0][0][0]:
            break
        obstacle = judge(rule, limit)
        if obstacle is not None:
            found.append(((tier, _day(obstacle), rule.precedence), obstacle))
    return min(found, key=lambda pair: pair[0])[1] if found else None


def _day(obstacle: Obstacle) -> int:
    day = obstacle.values.get("day", 0)
    return day if isinstance(day, int) else 0


@lru_cache(maxsize=64)
def _limits(policy: Policy) -> Limits:
    on = sorted(
        ((rule, limit) for rule in RULES if (limit := rule.limit(policy)) is not None),
        key=lambda active: active[0].precedence,
    )
    upper = tuple(a for a in on if not a[0].lower and not a[0].travel)
    lower = tuple(a for a in on if a[0].lower)
    travel = tuple(a for a in on if a[0].travel)
    terms = tuple(term for rule, limit in upper + lower for term in rule.terms(limit))
    lows = [t.low for t in terms if isinstance(t, WeekMinutes) and t.low is not None]
    highs = [t.high for t in terms if isinstance(t, WeekMinutes) and t.high is not None]
    suppliers = [t.high for t in terms if isinstance(t, Distinct) and t.attribute == "supplier"]
    return Limits(
        upper=upper,
        lower=lower,
        travel=travel,
        default_travel=float(travel[0][1]) if travel else 0.0,
        terms=terms,
        min_minutes=max(lows, default=0),
        max_minutes=min(highs, default=NO_LIMIT),
        max_suppliers=min(suppliers, default=NO_LIMIT),
        pairs=tuple(sorted(upper + travel, key=lambda a: a[0].precedence)),
    )
