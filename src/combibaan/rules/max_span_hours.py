"""``max_span_hours``: from the first start to the last end of a day at most this many hours.

A set's span on a day is its widest pair's, so the compatibility graph holds the
whole rule and the pricing model needs no term for it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from combibaan.model.numbers import Bounds
from combibaan.rules.base import Obstacle, Rule, hours

if TYPE_CHECKING:
    import numpy as np

    from combibaan.rules.facts import Load, Profile
    from combibaan.rules.pairs import PairArrays


class MaxSpanHours(Rule):
    key = "max_span_hours"
    default = 10.0
    bounds = Bounds(48, note="two_days")
    help = "Most hours from first start to last end of a day."
    label = {
        "nl": "Maximale dagspanne (uren)",
        "en": "Longest working day, first start to last end (hours)",
    }
    codes = ("max_span_hours",)
    precedence = 45
    explain_rank = 30
    step = 1
    texts = {
        "max_span_hours": {
            "nl": "{day} duurt {value} uur van begin tot eind (max {limit})",
            "en": "{day} spans {value} h from start to end (max {limit})",
        }
    }
    count_texts = {
        "max_span_hours": {
            "nl": "{n} {n:rekt|rekken} een dag te ver uit",
            "en": "{n} {n:stretches|stretch} a day too far",
        }
    }
    binding = {"nl": "de dagspanne van {value} uur", "en": "the daily span of {value} h"}
    relax = {"nl": "met een dagspanne van {value} uur", "en": "with a daily span of {value} h"}

    def over(self, before: Load, q: Profile, limit: int) -> bool:
        last, first, q_last, q_first = before.day_last, before.day_first, q.day_last, q.day_first
        for d in q.days:  # a loop, not any(): this runs millions of times
            end = last[d] if last[d] > q_last[d] else q_last[d]
            start = first[d] if first[d] < q_first[d] else q_first[d]
            if end - start > limit:
                return True
        return False

    def obstacle(self, before: Load, q: Profile, limit: int) -> Obstacle | None:
        for d in q.days:
            span = max(before.day_last[d], q.day_last[d]) - min(before.day_first[d], q.day_first[d])
            if span > limit:
                return Obstacle(
                    "max_span_hours", {"value": hours(span), "limit": hours(limit), "day": d}
                )
        return None

    def keep_pairs(self, arrays: PairArrays, i: int, j: np.ndarray, limit: int) -> np.ndarray:
        import numpy as np

        both = arrays.works[i] & arrays.works[j]
        span = np.where(
            both,
            np.maximum(arrays.last[i], arrays.last[j])
            - np.minimum(arrays.first[i], arrays.first[j]),
            0,
        )
        return span.max(axis=1) <= limit

    def relaxations(self, value: float, best_minutes: int | None) -> list[float]:
        return [value + 1, value + 2]


RULE = MaxSpanHours()
