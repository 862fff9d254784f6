"""The checker's rules of a job, one plain function each, in the order they report.

The checker's own registry, mirroring :mod:`combibaan.rules.registry` without
using it. A job's violations come rule by rule in this order (overlap and travel
first: tasks that clash are no job at all), and within a rule by pair of tasks or
by day. A new rule is its module here plus one line below.
"""

from __future__ import annotations

from collections.abc import Callable

from combibaan.check.base import CheckedJob, Violation
from combibaan.check.rules import (
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

RuleCheck = Callable[[CheckedJob], list[Violation]]

RULES: tuple[RuleCheck, ...] = (
    travel_minutes.violations,
    min_hours.violations,
    max_hours.violations,
    max_suppliers.violations,
    max_hours_per_day.violations,
    min_hours_per_day.violations,
    max_span_hours.violations,
    max_gap_hours.violations,
    max_days.violations,
    max_locations.violations,
)
