"""Numbers from the user: one check for every value a person types or a file holds.

A rule's hours, a travel time, a supplier's social-return target: each passes
:func:`user_number`, so that ``inf``, ``1e309`` or a stray text is refused the
same way wherever it is written.
"""

from __future__ import annotations

import math
import numbers
from dataclasses import dataclass


@dataclass(frozen=True)
class Bounds:
    """The sane range of a number the user gives; ``note`` says why the top is where it is."""

    high: float
    low: float = 0.0
    whole: bool = False
    note: str = ""


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
