"""The policy: the rules that keep a combination job humane.

A rule whose value is ``None`` is switched off. Values are in hours (as people
at the table speak of them) except ``travel_minutes``; the solver converts
them to whole minutes.
"""

from __future__ import annotations

import dataclasses
import math
import numbers
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
class Bounds:
    """The sane range of a number the user gives; ``note`` says why the top is where it is."""

    high: float
    low: float = 0.0
    whole: bool = False
    note: str = ""


#: The range of each rule. Beyond it a value is a typo (or ``inf``), never a workshop's wish,
#: and letting it through would overflow when hours become whole minutes.
RULE_BOUNDS: dict[str, Bounds] = {
    "min_hours": Bounds(168, note="the hours in a week"),
    "max_hours": Bounds(168, note="the hours in a week"),
    "max_suppliers": Bounds(1000, low=1, whole=True),
    "max_hours_per_day": Bounds(24, note="the hours in a day"),
    "min_hours_per_day": Bounds(24, note="the hours in a day"),
    "max_span_hours": Bounds(48, note="two days"),
    "travel_minutes": Bounds(1440, note="the minutes in a day"),
}


def user_number(
    value: object,
    name: str,
    bounds: Bounds,
    *,
    alternatives: str = "",
) -> float:
    """The one check every number from the user passes: a number, finite, within ``bounds``.

    Accepts numbers and text (a decimal comma is fine: ``7,5``). ``name`` names the
    value in the message, ``alternatives`` lists other accepted words (`` or 'off'``).
    Raises ``ValueError`` with a message that names the value and what to write.
    """
    shown = _shown(value)
    if isinstance(value, str):
        text = value.strip().replace(" ", "")
        if text.count(",") == 1 and "." not in text:
            text = text.replace(",", ".")
        try:
            number = float(text)
        except ValueError:
            raise ValueError(f"{name} must be a number{alternatives}, got {shown}") from None
    elif isinstance(value, numbers.Real) and not isinstance(value, bool):
        if isinstance(value, numbers.Integral) and abs(int(value)) > bounds.high:
            number = math.copysign(math.inf, int(value))  # no float() of a 400-digit int
        else:
            try:
                number = float(value)
            except (OverflowError, ValueError):
                number = math.inf
    else:
        raise ValueError(f"{name} must be a number{alternatives}, got {shown}")
    if math.isnan(number) or (math.isinf(number) and not _written_in_digits(value)):
        raise ValueError(f"{name} must be a finite number{alternatives}, got {shown}")
    if bounds.whole and math.isfinite(number) and not number.is_integer():
        raise ValueError(f"{name} must be a whole number, got {shown}")
    if number < bounds.low:
        if bounds.whole:
            raise ValueError(
                f"{name} must be a whole number of at least {bounds.low:g}, got {shown}"
            )
        if bounds.low == 0:
            raise ValueError(f"{name} must not be negative, got {shown}")
        raise ValueError(f"{name} must be at least {bounds.low:g}, got {shown}")
    if number > bounds.high:
        note = f" ({bounds.note})" if bounds.note else ""
        raise ValueError(f"{name} must be at most {bounds.high:g}{note}, got {shown}")
    return number


def _written_in_digits(value: object) -> bool:
    """Whether a value read as infinite was written as a huge number (``1e309``), not ``inf``."""
    if isinstance(value, numbers.Integral):
        return True
    text = str(value).strip().lstrip("+-")
    return bool(text) and (text[0].isdigit() or text[0] == ".")


def _shown(value: object) -> str:
    """The value as the user wrote it, cut short when absurdly long."""
    try:
        text = repr(value) if isinstance(value, str) else str(value)
    except ValueError:  # an integer too long to print
        return "an enormous number"
    return text if len(text) <= 40 else text[:39] + "…"


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
            if isinstance(value, bool) or not isinstance(value, int | float):
                errors.append(f"{key} must be a number or off, got {value!r}")
                continue
            try:
                user_number(value, key, RULE_BOUNDS[key], alternatives=" or off")
            except ValueError as error:
                errors.append(str(error))
        if not errors:
            for low, high in (
                ("min_hours", "max_hours"),
                ("min_hours_per_day", "max_hours_per_day"),
            ):
                lo, hi = getattr(self, low), getattr(self, high)
                if lo is not None and hi is not None and lo > hi:
                    errors.append(f"{low} ({lo}) is above {high} ({hi})")
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


def parse_policy_value(key: str, value: Any, name: str | None = None) -> float | int | None:
    """One rule's value from TOML/JSON/CLI text: a number in the rule's range, or an off word.

    Flags, policy files, grid files and ``solution.json`` all come through here, so a
    value is judged the same wherever it is written. ``name`` names the value in the
    message (``--min-hours``); by default the rule's key.
    """
    if value is None:
        return None
    if isinstance(value, str) and value.strip().lower() in OFF_WORDS:
        return None
    bounds = RULE_BOUNDS.get(key, Bounds(math.inf))
    try:
        number = user_number(value, name or key, bounds, alternatives=" or 'off'")
    except ValueError as error:
        raise PolicyError(str(error)) from None
    if bounds.whole or (isinstance(value, int) and not isinstance(value, bool)):
        return int(number)
    return number
