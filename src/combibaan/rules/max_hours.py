"""``max_hours``: a job has at most this many hours a week."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from combibaan.model.numbers import Bounds
from combibaan.rules.base import Obstacle, Rule, hours
from combibaan.rules.terms import Term, WeekMinutes

if TYPE_CHECKING:
    import numpy as np

    from combibaan.rules.facts import Load, Profile
    from combibaan.rules.pairs import PairArrays


class MaxHours(Rule):
    key = "max_hours"
    default = 36.0
    bounds = Bounds(168, note="week_hours")
    help = "Most hours per week of a job."
    label = {"nl": "Maximaal uren per week", "en": "Most hours per week"}
    codes = ("max_hours",)
    precedence = 30
    step = 1
    texts = {
        "max_hours": {
            "nl": "{value} uur per week (max {limit})",
            "en": "{value} h a week (max {limit})",
        }
    }
    count_texts = {
        "max_hours": {
            "nl": "{n} {n:maakt|maken} de week te lang",
            "en": "{n} {n:makes|make} the week too long",
        }
    }
    binding = {
        "nl": "het maximum van {value} uur per week",
        "en": "the maximum of {value} h a week",
    }
    relax = {"nl": "met max {value} uur per week", "en": "with max {value} h a week"}

    def over(self, before: Load, q: Profile, limit: int) -> bool:
        return before.minutes + q.minutes > limit

    def obstacle(self, before: Load, q: Profile, limit: int) -> Obstacle | None:
        total = before.minutes + q.minutes
        if total <= limit:
            return None
        return Obstacle("max_hours", {"value": hours(total), "limit": hours(limit)})

    def keep_pairs(self, arrays: PairArrays, i: int, j: np.ndarray, limit: int) -> np.ndarray:
        return arrays.minutes[i] + arrays.minutes[j] <= limit

    def terms(self, limit: int) -> tuple[Term, ...]:
        return (WeekMinutes(high=limit),)

    def relaxations(self, value: float, best_minutes: int | None) -> list[float]:
        """The week just long enough for the most a set around the task reaches: only a
        task too long alone reaches past the limit (a search keeps under it)."""
        if best_minutes is None or best_minutes <= value * 60:
            return []
        needed = math.ceil(best_minutes / 60)
        return [needed] if needed <= self.bounds.high else []


RULE = MaxHours()
