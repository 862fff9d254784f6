"""Every rule of a job, in the order the policy lists them. A new rule is one line here."""

from __future__ import annotations

from combibaan.rules import (
    max_days,
    max_gap_hours,
    max_hours,
    max_hours_per_day,
    max_locations,
    max_span_hours,
    max_suppliers,
    min_hours,
    min_hours_per_day,
    travel_minutes,
)
from combibaan.rules.base import Rule

RULES: tuple[Rule, ...] = (
    min_hours.RULE,
    max_hours.RULE,
    max_suppliers.RULE,
    max_hours_per_day.RULE,
    min_hours_per_day.RULE,
    max_span_hours.RULE,
    travel_minutes.RULE,
    max_gap_hours.RULE,
    max_days.RULE,
    max_locations.RULE,
)

#: The keys of the policy, in the order they are echoed.
POLICY_KEYS: tuple[str, ...] = tuple(rule.key for rule in RULES)
BY_KEY: dict[str, Rule] = {rule.key: rule for rule in RULES}
#: The rule behind each obstacle code.
BY_CODE: dict[str, Rule] = {code: rule for rule in RULES for code in rule.codes}
