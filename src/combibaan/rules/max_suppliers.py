"""``max_suppliers``: at most this many suppliers contribute tasks to one job."""

from __future__ import annotations

from typing import TYPE_CHECKING

from combibaan.model.numbers import Bounds
from combibaan.rules.base import Obstacle, Rule
from combibaan.rules.terms import Distinct, Term

if TYPE_CHECKING:
    import numpy as np

    from combibaan.rules.facts import Load, Profile
    from combibaan.rules.pairs import PairArrays


class MaxSuppliers(Rule):
    key = "max_suppliers"
    default = 2
    bounds = Bounds(1000, low=1, whole=True)
    unit = "count"
    metavar = "N"
    help = "Most suppliers contributing to one job."
    label = {"nl": "Maximaal leveranciers per baan", "en": "Most suppliers per job"}
    codes = ("suppliers",)
    precedence = 10
    explain_rank = 10
    texts = {
        "suppliers": {
            "nl": "{count} {count:leverancier|leveranciers} (max {limit})",
            "en": "{count} {count:supplier|suppliers} (max {limit})",
        }
    }
    count_texts = {
        "suppliers": {
            "nl": "{n} van een andere leverancier (max 1)",
            "en": "{n} of another supplier (max 1)",
        }
    }
    binding = {
        "nl": "de grens van {value} {value:leverancier|leveranciers}",
        "en": "the limit of {value} {value:supplier|suppliers}",
    }
    relax = {
        "nl": "met max {value} {value:leverancier|leveranciers}",
        "en": "with max {value} {value:supplier|suppliers}",
    }

    def over(self, before: Load, q: Profile, limit: int) -> bool:
        return q.supplier not in before.suppliers and len(before.suppliers) >= limit

    def obstacle(self, before: Load, q: Profile, limit: int) -> Obstacle | None:
        count = len(before.suppliers | {q.supplier})
        if count <= limit:
            return None
        return Obstacle("suppliers", {"limit": limit, "count": count})

    def keep_pairs(self, arrays: PairArrays, i: int, j: np.ndarray, limit: int) -> np.ndarray:
        import numpy as np

        if limit >= 2:
            return np.ones(len(j), dtype=bool)
        return arrays.supplier[j] == arrays.supplier[i]

    def relaxations(self, value: float, best_minutes: int | None) -> list[float]:
        return [value + 1]

    def terms(self, limit: int) -> tuple[Term, ...]:
        return (Distinct("supplier", limit),)


RULE = MaxSuppliers()
