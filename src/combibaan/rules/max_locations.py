"""``max_locations``: at most this many distinct locations in one job.

Tasks without a location do not count.
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


class MaxLocations(Rule):
    key = "max_locations"
    default = None
    bounds = Bounds(1000, low=1, whole=True)
    unit = "count"
    metavar = "N"
    help = "Most distinct locations in one job."
    label = {"nl": "Maximaal aantal locaties per baan", "en": "Most locations per job"}
    codes = ("max_locations",)
    precedence = 70
    explain_rank = 70
    step = 1
    texts = {
        "max_locations": {
            "nl": "{value} {value:locatie|locaties} (max {limit})",
            "en": "{value} {value:location|locations} (max {limit})",
        }
    }
    count_texts = {
        "max_locations": {
            "nl": "{n} op een andere locatie (max 1)",
            "en": "{n} at another location (max 1)",
        }
    }
    binding = {
        "nl": "de grens van {value} {value:locatie|locaties} per baan",
        "en": "the limit of {value} {value:location|locations} a job",
    }
    relax = {
        "nl": "met max {value} {value:locatie|locaties}",
        "en": "with max {value} {value:location|locations}",
    }

    def over(self, before: Load, q: Profile, limit: int) -> bool:
        return (
            q.location is not None
            and q.location not in before.locations
            and len(before.locations) >= limit
        )

    def obstacle(self, before: Load, q: Profile, limit: int) -> Obstacle | None:
        places = before.locations if q.location is None else before.locations | {q.location}
        if len(places) <= limit:
            return None
        return Obstacle("max_locations", {"value": len(places), "limit": limit})

    def keep_pairs(self, arrays: PairArrays, i: int, j: np.ndarray, limit: int) -> np.ndarray:
        import numpy as np

        if limit >= 2:
            return np.ones(len(j), dtype=bool)
        nowhere = np.array([place is None for place in arrays.locations])
        here, there = arrays.location[i], arrays.location[j]
        return (there == here) | nowhere[here] | nowhere[there]

    def relaxations(self, value: float, best_minutes: int | None) -> list[float]:
        return [value + 1]

    def terms(self, limit: int) -> tuple[Term, ...]:
        return (Distinct("location", limit),)


RULE = MaxLocations()
