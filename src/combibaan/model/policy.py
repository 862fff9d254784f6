"""The policy: the rules that keep a combination job humane.

A rule whose value is ``None`` is switched off. Values are in hours (as people
at the table speak of them) except ``travel_minutes``; the solver converts
them to whole minutes.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass
from typing import Any

#: The keys of :class:`Policy` in the order they are echoed.
POLICY_KEYS = (
    "min_hours",
    "max_hours",
    "max_suppliers",
    "max_hours_per_day",
    "min_hours_per_day",
    "max_span_hours",
    "travel_minutes",
)

#: Words that switch a rule off, in a TOML file or on the command line.
OFF_WORDS = frozenset({"off", "none", "null", "uit", "geen", "-"})


class PolicyError(ValueError):
    """A policy value that makes no sense (negative hours, min above max, ...)."""


@dataclass(frozen=True)
class Policy:
    """Rules a job must satisfy; ``None`` switches a rule off.

    >>> Policy().max_suppliers
    2
    >>> Policy().replace(max_suppliers=3).max_suppliers
    3
    """

    #: Lowest hours per week of a job (the job agreement counts from small jobs,
    #: but fewer than 20 hours rarely makes a livelihood).
    min_hours: float | None = 20.0
    #: Highest hours per week of a job.
    max_hours: float | None = 36.0
    #: At most this many suppliers contribute tasks to one job (Utrecht workshop: 2).
    max_suppliers: int | None = 2
    #: At most this many hours on any day.
    max_hours_per_day: float | None = 8.0
    #: On a day the person works, at least this many hours (``None``: no lower limit).
    min_hours_per_day: float | None = None
    #: From the first start to the last end of a day at most this many hours.
    max_span_hours: float | None = 10.0
    #: Minutes of travel between two different locations the travel table does not link.
    travel_minutes: float | None = 15.0

    def __post_init__(self) -> None:
        errors: list[str] = []
        for key in POLICY_KEYS:
            value = getattr(self, key)
            if value is None:
                continue
            if isinstance(value, bool) or not isinstance(value, int | float) or math.isnan(value):
                errors.append(f"{key} must be a number or off, got {value!r}")
            elif value < 0:
                errors.append(f"{key} must not be negative, got {value}")
        if not errors:
            if self.max_suppliers is not None and (
                self.max_suppliers < 1 or int(self.max_suppliers) != self.max_suppliers
            ):
                errors.append(
                    f"max_suppliers must be a whole number >= 1, got {self.max_suppliers}"
                )
            for low, high in (
                ("min_hours", "max_hours"),
                ("min_hours_per_day", "max_hours_per_day"),
            ):
                lo, hi = getattr(self, low), getattr(self, high)
                if lo is not None and hi is not None and lo > hi:
                    errors.append(f"{low} ({lo}) is above {high} ({hi})")
            if self.max_hours_per_day is not None and self.max_hours_per_day > 24:
                errors.append(f"max_hours_per_day cannot exceed 24, got {self.max_hours_per_day}")
        if errors:
            raise PolicyError("; ".join(errors))
        if self.max_suppliers is not None:
            object.__setattr__(self, "max_suppliers", int(self.max_suppliers))
        # 0 hours per day at least is the same as no lower limit: echo it as off.
        if self.min_hours_per_day == 0:
            object.__setattr__(self, "min_hours_per_day", None)

    def replace(self, **changes: Any) -> Policy:
        """A copy with some rules changed; unknown names are an error."""
        unknown = set(changes) - set(POLICY_KEYS)
        if unknown:
            raise PolicyError(f"unknown policy rule(s): {', '.join(sorted(unknown))}")
        return dataclasses.replace(self, **changes)

    def to_dict(self) -> dict[str, float | int | None]:
        """Every rule's effective value; ``None`` where the rule is off."""
        return {key: getattr(self, key) for key in POLICY_KEYS}

    @classmethod
    def from_dict(cls, values: dict[str, Any], base: Policy | None = None) -> Policy:
        """Build from plain values, as read from TOML or JSON; ``"off"`` switches a rule off."""
        changes: dict[str, Any] = {}
        for key, value in values.items():
            if key not in POLICY_KEYS:
                raise PolicyError(
                    f"unknown policy rule {key!r}; known rules: {', '.join(POLICY_KEYS)}"
                )
            changes[key] = parse_policy_value(key, value)
        return (base or cls()).replace(**changes)

    # Minutes, as the solver and checker count.
    def minutes(self, key: str) -> int | None:
        """The value of an hours rule in whole minutes (``travel_minutes`` as is)."""
        value = getattr(self, key)
        if value is None:
            return None
        return round(value) if key == "travel_minutes" else round(value * 60)


def parse_policy_value(key: str, value: Any) -> float | int | None:
    """One rule's value from TOML/JSON/CLI text: a number, or an off word."""
    if value is None:
        return None
    if isinstance(value, str):
        text = value.strip().lower()
        if text in OFF_WORDS:
            return None
        try:
            number = float(text.replace(",", "."))
        except ValueError:
            raise PolicyError(f"{key} must be a number or 'off', got {value!r}") from None
        return int(number) if number.is_integer() and key == "max_suppliers" else number
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise PolicyError(f"{key} must be a number or 'off', got {value!r}")
    return value
