"""``max_hours_per_day``: at most this many hours on any day."""

from __future__ import annotations

from typing import TYPE_CHECKING

from combibaan.model.numbers import Bounds
from combibaan.rules.base import Obstacle, Rule, hours
from combibaan.rules.terms import DayMinutes, Term

if TYPE_CHECKING:
    import numpy as np

    from combibaan.rules.facts import Load, Profile
    from combibaan.rules.pairs import PairArrays


class MaxHoursPerDay(Rule):
    key = "max_hours_per_day"
    default = 8.0
    bounds = Bounds(24, note="day_hours")
    help = "Most hours on any day."
    label = {"nl": "Maximaal uren per dag", "en": "Most hours per day"}
    codes = ("max_hours_per_day",)
    precedence = 40
    explain_rank = 40
    step = 1
    texts = {
        "max_hours_per_day": {
            "nl": "{value} uur op {day} (max {limit})",
            "en": "{value} h on {day} (max {limit})",
        }
    }
    count_texts = {
        "max_hours_per_day": {
            "nl": "{n} {n:maakt|maken} een dag te lang",
            "en": "{n} {n:makes|make} a day too long",
        }
    }
    binding = {
        "nl": "het maximum van {value} uur per dag",
        "en": "the maximum of {value} h a day",
    }
    relax = {"nl": "met max {value} uur per dag", "en": "with max {value} h a day"}

    def over(self, before: Load, q: Profile, limit: int) -> bool:
        worked, adds = before.day_minutes, q.day_minutes
        for d in q.days:  # noqa: SIM110 (a loop, not any(): this runs millions of times)
            if worked[d] + adds[d] > limit:
                return True
        return False

    def obstacle(self, before: Load, q: Profile, limit: int) -> Obstacle | None:
        for d in q.days:
            worked = before.day_minutes[d] + q.day_minutes[d]
            if worked > limit:
                return Obstacle(
                    "max_hours_per_day", {"value": hours(worked), "limit": hours(limit), "day": d}
                )
        return None

    def keep_pairs(self, arrays: PairArrays, i: int, j: np.ndarray, limit: int) -> np.ndarray:
        import numpy as np

        both = arrays.works[i] & arrays.works[j]
        load = np.where(both, arrays.day[i] + arrays.day[j], 0)
        return load.max(axis=1) <= limit

    def relaxations(self, value: float, best_minutes: int | None) -> list[float]:
        return [value + step for step in (1, 2) if value + step <= 24]

    def terms(self, limit: int) -> tuple[Term, ...]:
        return (DayMinutes(high=limit),)


RULE = MaxHoursPerDay()
