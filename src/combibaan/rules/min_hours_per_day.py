"""``min_hours_per_day``: on a day the person works, at least this many hours."""

from __future__ import annotations

from typing import TYPE_CHECKING

from combibaan.model.numbers import Bounds
from combibaan.rules.base import Obstacle, Rule, hours
from combibaan.rules.terms import DayMinutes, Term

if TYPE_CHECKING:
    from combibaan.rules.facts import Load


class MinHoursPerDay(Rule):
    key = "min_hours_per_day"
    default = None
    bounds = Bounds(24, note="day_hours")
    help = "Least hours on a day the person works."
    label = {"nl": "Minimaal uren op een werkdag", "en": "Least hours on a working day"}
    lower = True
    at_most = "max_hours_per_day"
    #: 0 hours a day at least is no lower limit: echoed as off.
    zero_is_off = True
    codes = ("min_hours_per_day",)
    precedence = 120
    step = -1
    texts = {
        "min_hours_per_day": {
            "nl": "{value} uur op {day} (minimaal {limit})",
            "en": "{value} h on {day} (min {limit})",
        }
    }
    binding = {
        "nl": "het minimum van {value} uur per werkdag",
        "en": "the minimum of {value} h a working day",
    }
    relax = {
        "nl": "met minimaal {value} uur op een werkdag",
        "en": "with at least {value} h on a working day",
    }

    def short(self, load: Load, limit: int) -> Obstacle | None:
        for d, worked in enumerate(load.day_minutes):
            if 0 < worked < limit:
                return Obstacle(
                    "min_hours_per_day", {"value": hours(worked), "limit": hours(limit), "day": d}
                )
        return None

    def meets(self, load: Load, limit: int) -> bool:
        return all(worked == 0 or worked >= limit for worked in load.day_minutes)

    def relaxations(self, value: float, best_minutes: int | None) -> list[float]:
        """An hour and two less a day, while some minimum is left (a task of 1:30 on the
        weekend beside 20 h on weekdays was told nothing of the 2 h a day that kept it out)."""
        return [less for less in (value - 1, value - 2) if less > 0]

    def terms(self, limit: int) -> tuple[Term, ...]:
        return (DayMinutes(low=limit),)


RULE = MinHoursPerDay()
