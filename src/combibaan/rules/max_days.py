"""``max_days``: at most this many working days a week (a 20-hour job on six days is no job).

A day counts when a slot of the job starts on it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from combibaan.model.numbers import Bounds
from combibaan.rules.base import Obstacle, Rule
from combibaan.rules.terms import Distinct, Term

if TYPE_CHECKING:
    import numpy as np

    from combibaan.rules.facts import Load, Profile
    from combibaan.rules.pairs import PairArrays


class MaxDays(Rule):
    key = "max_days"
    default = None
    bounds = Bounds(7, low=1, whole=True, note="week_days")
    unit = "count"
    metavar = "N"
    help = "Most working days a week."
    label = {"nl": "Maximaal aantal werkdagen per week", "en": "Most working days a week"}
    codes = ("max_days",)
    precedence = 60
    explain_rank = 60
    step = 1
    texts = {
        "max_days": {
            "nl": "{value} {value:werkdag|werkdagen} per week (max {limit})",
            "en": "{value} working {value:day|days} a week (max {limit})",
        }
    }
    count_texts = {
        "max_days": {
            "nl": "{n} {n:brengt|brengen} de week op te veel werkdagen",
            "en": "{n} {n:adds|add} too many working days",
        }
    }
    binding = {
        "nl": "het maximum van {value} {value:werkdag|werkdagen} per week",
        "en": "the maximum of {value} working {value:day|days} a week",
    }
    relax = {
        "nl": "met max {value} {value:werkdag|werkdagen} per week",
        "en": "with max {value} working {value:day|days}",
    }

    def over(self, before: Load, q: Profile, limit: int) -> bool:
        new = sum(1 for d in q.days if not before.day_minutes[d])
        return new > 0 and sum(1 for worked in before.day_minutes if worked) + new > limit

    def obstacle(self, before: Load, q: Profile, limit: int) -> Obstacle | None:
        days = sum(1 for d in range(7) if before.day_minutes[d] or q.day_minutes[d])
        if days <= limit:
            return None
        return Obstacle("max_days", {"value": days, "limit": limit})

    def keep_pairs(self, arrays: PairArrays, i: int, j: np.ndarray, limit: int) -> np.ndarray:
        return (arrays.works[i] | arrays.works[j]).sum(axis=1) <= limit

    def relaxations(self, value: float, best_minutes: int | None) -> list[float]:
        return [value + 1] if value < 7 else []

    def terms(self, limit: int) -> tuple[Term, ...]:
        return (Distinct("day", limit),)


RULE = MaxDays()
