"""The rules of a job: one module per rule, and the policy that sets them.

``RULES`` (in :mod:`.registry`) is the only list of rules; :class:`Limits` is a
policy as the solver applies it. See ``docs/adding-a-rule.md``.
"""

from combibaan.rules.base import Obstacle, Rule
from combibaan.rules.facts import EMPTY, NO_LIMIT, Load, Profile, clash, profiles
from combibaan.rules.limits import Limits
from combibaan.rules.policy import (
    OFF_WORDS,
    Grid,
    Policy,
    PolicyError,
    expand_grid,
    parse_policy_value,
)
from combibaan.rules.registry import BY_CODE, BY_KEY, POLICY_KEYS, RULES

__all__ = [
    "BY_CODE",
    "BY_KEY",
    "EMPTY",
    "NO_LIMIT",
    "OFF_WORDS",
    "POLICY_KEYS",
    "RULES",
    "Grid",
    "Limits",
    "Load",
    "Obstacle",
    "Policy",
    "PolicyError",
    "Profile",
    "Rule",
    "clash",
    "expand_grid",
    "parse_policy_value",
    "profiles",
]
