"""``max_gap_hours``: the longest unpaid wait between two consecutive tasks on one day.

Without it a job can hold 07:00-09:30 and 14:00-17:00: a 4.5-hour wait. A task
that fills the wait makes the job acceptable again, so the rule is judged on the
complete job, like the minimum hours. Slots count on the day they start; travel
between the tasks is part of the wait.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from combibaan.model.numbers import Bounds
from combibaan.rules.base import Obstacle, Rule, hours
from combibaan.rules.terms import DayWait, Term

if TYPE_CHECKING:
    from combibaan.rules.facts import Load


class MaxGapHours(Rule):
    key = "max_gap_hours"
    default = None
    bounds = Bounds(24, note="day_hours")
    help = "Longest wait between two consecutive tasks on one day."
    label = {
        "nl": "Langste wachttijd tussen twee taken op een dag (uren)",
        "en": "Longest wait between two tasks on a day (hours)",
    }
    lower = True
    codes = ("max_gap_hours",)
    precedence = 130
    explain_rank = 80
    step = 1
    texts = {
        "max_gap_hours": {
            "nl": "{value} uur wachten tussen twee taken op {day} (max {limit})",
            "en": "a wait of {value} h between two tasks on {day} (max {limit})",
        }
    }
    binding = {
        "nl": "de langste wachttijd van {value} uur",
        "en": "the longest wait of {value} h",
    }
    relax = {"nl": "met max {value} uur wachten", "en": "with a wait of at most {value} h"}

    def short(self, load: Load, limit: int) -> Obstacle | None:
        gap, day = longest_gap(load.slots)
        if gap <= limit:
            return None
        return Obstacle("max_gap_hours", {"value": hours(gap), "limit": hours(limit), "day": day})

    def relaxations(self, value: float, best_minutes: int | None) -> list[float]:
        return [value + 1, value + 2]

    def terms(self, limit: int) -> tuple[Term, ...]:
        return (DayWait(high=limit),)


def longest_gap(slots: tuple[tuple[int, int, int], ...]) -> tuple[int, int]:
    """The longest wait between consecutive slots of one day, and that day (0, 0 if none)."""
    best, best_day = 0, 0
    end_of = dict[int, int]()
    for day, start, end in sorted(slots):
        if day in end_of:
            if start - end_of[day] > best:
                best, best_day = start - end_of[day], day
            end_of[day] = max(end_of[day], end)
        else:
            end_of[day] = end
    return best, best_day


RULE = MaxGapHours()
