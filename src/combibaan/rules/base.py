"""What a rule of a job is: one class per rule, declaring everything about it once.

A rule module subclasses :class:`Rule` and says, in one place, its policy key,
default, unit and sane range; how it judges a growing job (:meth:`Rule.over`),
a complete job (:meth:`Rule.short`) and a pair of tasks at once
(:meth:`Rule.keep_pairs`); the obstacle it reports, as a code with numbers; its
words in Dutch and English; how it is relaxed; and the terms of the pricing
model. The solver, the flags, the labels, the sweeps and the explanations
iterate over :data:`combibaan.rules.RULES` instead of naming rules. The checker
(:mod:`combibaan.check`) keeps its own copy of every rule on purpose.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from combibaan.model.numbers import Bounds
from combibaan.model.phrase import Phrase
from combibaan.rules.facts import Load
from combibaan.texts import BINDING, COUNTS, OBSTACLES, RELAXATIONS, render

if TYPE_CHECKING:
    import numpy as np

    from combibaan.rules.facts import Profile
    from combibaan.rules.pairs import PairArrays
    from combibaan.rules.policy import Policy
    from combibaan.rules.terms import Term


@dataclass(frozen=True)
class Obstacle(Phrase):
    """A rule that stops a pair or set of tasks from being a job, with its numbers.

    Values are data: hours as numbers, ``day`` as a day index (0 is Monday); the
    words come from :meth:`text` (or :func:`combibaan.texts.render`) at the edge.
    """

    table: str = "obstacle"

    def text(self, lang: str = "nl") -> str:
        return render(self, lang)


def hours(minutes: int) -> float:
    """Minutes as the hours an obstacle names (two decimals at most)."""
    return round(minutes / 60, 2)


class Rule:
    """One rule of a job. Subclass it in a module of its own and add it to the registry.

    The default methods make a rule that never breaks; a rule overrides the ones
    that apply to it: an *upper* rule (it only gets harder as a job grows, so a
    feasible job's every subset also keeps it) overrides :meth:`over` and
    :meth:`obstacle`; a *lower* rule (judged on a complete job, e.g. enough hours)
    sets ``lower = True`` and overrides :meth:`short`.

    Every rule must only get harder as a job's intervals grow, its daily spans widen
    and its waits lengthen: the bound for every start of flexible tasks judges ranges
    of starts by the most lenient facts over the range
    (:func:`combibaan.rules.facts.drifting`), and is a bound only because of that.
    """

    #: The policy key, as in a policy file and ``solution.json``.
    key: ClassVar[str]
    #: The value of :class:`~combibaan.rules.Policy` when nobody says otherwise (``None``: off).
    default: ClassVar[float | None] = None
    #: The sane range; beyond it a value is a typo, never a workshop's wish.
    bounds: ClassVar[Bounds]
    #: ``hours`` (the solver counts whole minutes), ``minutes`` or ``count``.
    unit: ClassVar[str] = "hours"
    #: The flag's help text and value name on the command line (English, like all help).
    help: ClassVar[str]
    metavar: ClassVar[str] = "HOURS"
    #: The rule's name in the report's and workbook's policy table.
    label: ClassVar[dict[str, str]]
    #: Judged on the complete job only (it may hold again when a job grows).
    lower: ClassVar[bool] = False
    #: The policy key this rule's value may not exceed (``min_hours`` ≤ ``max_hours``).
    at_most: ClassVar[str | None] = None
    #: A setting of 0 means the same as off (and is echoed as off).
    zero_is_off: ClassVar[bool] = False
    #: Its setting is the default travel time between locations the travel table does not
    #: link (the one rule that judges pairs with the instance's travel times).
    travel: ClassVar[bool] = False
    #: The obstacle codes this rule reports, in the order reasons list them.
    codes: ClassVar[tuple[str, ...]] = ()
    #: Where the rule's obstacles come among the others (lower first). Rules of one tier of
    #: ten (the per-day limits: 40-49) are named by the earliest day that breaks.
    precedence: ClassVar[int] = 100
    #: Where the rule comes in ``explain``'s list of what-ifs (lower first).
    explain_rank: ClassVar[int] = 100
    #: One step that relaxes the rule towards more jobs (``marginal``); ``None``: not tried.
    step: ClassVar[float | None] = None
    #: Words, by obstacle code: the obstacle, how many tasks it keeps out, the rule as
    #: what stands in the way (``{value}``), and a relaxation (``{value}``), in nl and en.
    texts: ClassVar[dict[str, dict[str, str]]] = {}
    count_texts: ClassVar[dict[str, dict[str, str]]] = {}
    binding: ClassVar[dict[str, str] | None] = None
    relax: ClassVar[dict[str, str] | None] = None

    def __init_subclass__(cls) -> None:
        super().__init_subclass__()
        OBSTACLES.update(cls.texts)
        COUNTS.update(cls.count_texts)
        if cls.binding is not None:
            for code in cls.codes:
                BINDING[code] = cls.binding
        if cls.relax is not None:
            RELAXATIONS[cls.key] = cls.relax

    # --- the policy ---------------------------------------------------------------------------

    def value(self, policy: Policy) -> float | None:
        """The rule's setting in ``policy`` (``None``: off)."""
        found: float | None = getattr(policy, self.key)
        return found

    def limit(self, policy: Policy) -> int | None:
        """The setting in the solver's units (whole minutes, or a count); ``None``: off."""
        found = self.value(policy)
        if found is None:
            return None
        return round(found * 60) if self.unit == "hours" else round(found)

    # --- judging ------------------------------------------------------------------------------

    def over(self, before: Load, q: Profile, limit: int) -> bool:
        """Whether adding task ``q`` to a job with totals ``before`` breaks the rule: the
        question the enumeration asks millions of times, so a rule answers it from the
        totals without building the grown job. By default, :meth:`obstacle` as yes or no."""
        return self.obstacle(before, q, limit) is not None

    def obstacle(self, before: Load, q: Profile, limit: int) -> Obstacle | None:
        """Why ``q`` cannot join a job with totals ``before`` under this rule, with numbers."""
        return None

    def short(self, load: Load, limit: int) -> Obstacle | None:
        """Why a complete job with totals ``load`` misses this (lower) rule; ``None``: it holds."""
        return None

    def meets(self, load: Load, limit: int) -> bool:
        """Whether a complete job keeps this (lower) rule: :meth:`short` as yes or no; a
        rule overrides it where the enumeration needs speed."""
        return self.short(load, limit) is None

    def out_of_reach(self, most_minutes: int, limit: int) -> bool:
        """Whether no job of at most ``most_minutes`` can keep this (lower) rule: lets the
        enumeration stop growing a set early."""
        return False

    def pair(self, p: Profile, q: Profile, limit: int, travel: float) -> Obstacle | None:
        """Why tasks ``p`` and ``q`` (each fitting alone) cannot share a job under this rule;
        ``travel`` is the minutes needed between their locations."""
        if self.lower:
            return None
        return self.obstacle(Load.of(p), q, limit)

    def keep_pairs(self, arrays: PairArrays, i: int, j: np.ndarray, limit: int) -> np.ndarray:
        """Which tasks ``j`` (rows of ``arrays``) may share a job with task ``i``: a boolean
        mask. This default asks :meth:`over` pair by pair; a rule overrides it with a
        vectorised form where the compatibility graph of thousands of tasks needs speed."""
        import numpy as np

        start = Load.of(arrays.profiles[i])
        return np.array([not self.over(start, arrays.profiles[k], limit) for k in j], dtype=bool)

    # --- what a workshop can change -----------------------------------------------------------

    def relaxations(self, value: float, best_minutes: int | None) -> list[float]:
        """Values worth trying in ``explain`` to place one task, smallest step first.

        ``best_minutes``: the most minutes a set of tasks around the task reaches
        under the upper rules (``None`` when it is in no search).
        """
        return []

    def terms(self, limit: int) -> tuple[Term, ...]:
        """The rule as terms of the pricing model (:mod:`combibaan.rules.terms`); a rule
        without terms leaves the pricing a relaxation, and its jobs are checked after."""
        return ()
