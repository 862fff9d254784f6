"""No overlap, and time to travel: two tasks of a job never overlap, and between tasks at
different locations lies at least the travel time (the travel table's shortest path, else
``travel_minutes``; switched off, only the table counts).

A pair rule: it holds for a job when it holds for every pair of its tasks, so the
compatibility graph holds it whole.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from combibaan.model import MINUTES_PER_WEEK
from combibaan.model.numbers import Bounds
from combibaan.rules.base import Obstacle, Rule
from combibaan.rules.facts import clash

if TYPE_CHECKING:
    import numpy as np

    from combibaan.rules.facts import Profile
    from combibaan.rules.pairs import PairArrays
    from combibaan.rules.policy import Policy


class TravelMinutes(Rule):
    key = "travel_minutes"
    default = 15.0
    bounds = Bounds(1440, note="day_minutes")
    unit = "minutes"
    metavar = "MINUTES"
    help = "Minutes between two locations the travel table does not link."
    label = {
        "nl": "Reistijd zonder reistabel (minuten)",
        "en": "Travel time without a travel table (minutes)",
    }
    codes = ("overlap", "travel")
    precedence = 20
    explain_rank = 50
    step = -5
    travel = True
    texts = {
        "overlap": {"nl": "ze overlappen in tijd op {day}", "en": "they overlap in time on {day}"},
        "travel": {
            "nl": "er zit {gap} min tussen, reizen kost {need} min",
            "en": "{gap} min between them, travel takes {need} min",
        },
        "overlap_pair": {
            "nl": "{a} en {b} overlappen in tijd op {day}",
            "en": "{a} and {b} overlap in time on {day}",
        },
        "travel_pair": {
            "nl": "tussen {a} en {b} zit {gap} min, reizen kost {need} min",
            "en": "{a} and {b} are {gap} min apart, travel takes {need} min",
        },
    }
    count_texts = {
        "overlap": {
            "nl": "{n} {n:overlapt|overlappen} in tijd",
            "en": "{n} {n:clashes|clash} in time",
        },
        "travel": {"nl": "{n} te ver om op tijd te reizen", "en": "{n} too far to travel in time"},
    }
    relax = {"nl": "met {value} min standaardreistijd", "en": "with {value} min default travel"}

    def limit(self, policy: Policy) -> int:
        """Always on (tasks never overlap); off only drops the default travel time."""
        return super().limit(policy) or 0

    def pair(self, p: Profile, q: Profile, limit: int, travel: float) -> Obstacle | None:
        if clash(p, q, 0):
            return Obstacle("overlap", {"day": _overlap_day(p, q)})
        if clash(p, q, travel):
            return Obstacle("travel", {"gap": _gap(p, q), "need": travel})
        return None

    def keep_pairs(self, arrays: PairArrays, i: int, j: np.ndarray, limit: int) -> np.ndarray:
        import numpy as np

        gap = arrays.travel[arrays.location[i], arrays.location[j]][:, None]
        hit = np.zeros(len(j), dtype=bool)
        for s in range(arrays.starts.shape[1]):
            if not arrays.valid[i, s]:
                continue
            a, b = arrays.starts[i, s], arrays.ends[i, s]
            c, d = arrays.starts[j], arrays.ends[j]
            for shift in (-MINUTES_PER_WEEK, 0, MINUTES_PER_WEEK):
                found = (b + gap > c + shift) & (d + shift + gap > a) & arrays.valid[j]
                hit |= found.any(axis=1)
        return ~hit

    def relaxations(self, value: float, best_minutes: int | None) -> list[float]:
        if not value:
            return []
        return [v for v in sorted({round(value / 2), 0}, reverse=True) if v < value]


def _overlap_day(p: Profile, q: Profile) -> int:
    """The day (0 is Monday) of the first slot of ``p`` that overlaps one of ``q``."""
    for a, b in p.intervals:
        for c, d in q.intervals:
            for shift in (-MINUTES_PER_WEEK, 0, MINUTES_PER_WEEK):
                if b > c + shift and d + shift > a:
                    return (a // (24 * 60)) % 7
    return 0


def _gap(p: Profile, q: Profile) -> int:
    """The shortest wait between the end of one task's slot and the start of the other's."""
    best = MINUTES_PER_WEEK
    for a, b in p.intervals:
        for c, d in q.intervals:
            for shift in (-MINUTES_PER_WEEK, 0, MINUTES_PER_WEEK):
                c2, d2 = c + shift, d + shift
                if c2 >= b:
                    best = min(best, c2 - b)
                elif a >= d2:
                    best = min(best, a - d2)
    return best


RULE = TravelMinutes()
