"""``min_hours``: a job has at least this many hours a week (judged on the whole job)."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from combibaan.model.numbers import Bounds
from combibaan.rules.base import Obstacle, Rule, hours
from combibaan.rules.terms import Term, WeekMinutes

if TYPE_CHECKING:
    from combibaan.rules.facts import Load


class MinHours(Rule):
    key = "min_hours"
    default = 20.0
    bounds = Bounds(168, note="week_hours")
    help = "Least hours per week of a job."
    label = {"nl": "Minimaal uren per week", "en": "Least hours per week"}
    lower = True
    at_most = "max_hours"
    codes = ("min_hours",)
    precedence = 110
    explain_rank = 20
    step = -1
    texts = {
        "min_hours": {
            "nl": "{value} uur per week (minimaal {limit})",
            "en": "{value} h a week (min {limit})",
        }
    }
    binding = {
        "nl": "het minimum van {value} uur per week",
        "en": "the minimum of {value} h a week",
    }
    relax = {"nl": "met minimaal {value} uur per week", "en": "with at least {value} h a week"}

    def short(self, load: Load, limit: int) -> Obstacle | None:
        if load.minutes >= limit:
            return None
        return Obstacle("min_hours", {"value": hours(load.minutes), "limit": hours(limit)})

    def meets(self, load: Load, limit: int) -> bool:
        return load.minutes >= limit

    def out_of_reach(self, most_minutes: int, limit: int) -> bool:
        return most_minutes < limit

    def relaxations(self, value: float, best_minutes: int | None) -> list[float]:
        if best_minutes is None:
            return []
        level = math.floor(best_minutes / 30) / 2  # down to the half hour
        return [level] if 0 < level < value else []

    def terms(self, limit: int) -> tuple[Term, ...]:
        return (WeekMinutes(low=limit),)


RULE = MinHours()
