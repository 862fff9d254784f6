"""Numbers from the user: one check for every value a person types or a file holds.

A rule's hours, a travel time, a supplier's social-return target: each passes
:func:`user_number`, so that ``inf``, ``1e309`` or a stray text is refused the
same way wherever it is written.
"""

from __future__ import annotations

import math
import numbers
import re
from dataclasses import dataclass

from combibaan.model.phrase import BadValue, Phrase, mistake


@dataclass(frozen=True)
class Bounds:
    """The sane range of a number the user gives; ``note`` says why the top is where it is,
    as a code of the texts' ``error`` table (``week_hours``: the hours in a week)."""

    high: float
    low: float = 0.0
    whole: bool = False
    note: str = ""


#: A number with its thousands apart (a space, or the no-break spaces of Dutch exports).
_GROUPED = re.compile(r"[+-]?\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?")


def user_number(value: object, name: Phrase | str, bounds: Bounds, *, off: bool = False) -> float:
    """The one check every number from the user passes: a number, finite, within ``bounds``.

    Accepts numbers and text (a decimal comma is fine: ``7,5``). ``name`` names the
    value in the message; ``off`` adds that the word ``off`` is accepted as well.
    Raises :class:`~combibaan.model.phrase.BadValue` naming the value and what to write.
    """
    shown = _shown(value)
    alternatives = mistake("or_off") if off else ""

    def wrong(code: str, **values: object) -> BadValue:
        return BadValue(mistake(code, name=name, shown=shown, **values))

    if isinstance(value, str):
        text = value.strip()
        if any(c.isspace() for c in text):
            # Spaces only between groups of three digits (1 000): "16, 20" was read as
            # 16.2 and "2 3" as 23, where the user meant two numbers.
            if _GROUPED.fullmatch(text) is None:
                raise wrong("not_a_number", off=alternatives)
            text = "".join(c for c in text if not c.isspace())
        if text.count(",") == 1 and "." not in text:
            text = text.replace(",", ".")
        try:
            number = float(text)
        except ValueError:
            raise wrong("not_a_number", off=alternatives) from None
    elif isinstance(value, numbers.Real) and not isinstance(value, bool):
        if isinstance(value, numbers.Integral) and abs(int(value)) > bounds.high:
            number = math.copysign(math.inf, int(value))  # no float() of a 400-digit int
        else:
            try:
                number = float(value)
            except (OverflowError, ValueError):
                number = math.inf
    else:
        raise wrong("not_a_number", off=alternatives)
    if math.isnan(number) or (math.isinf(number) and not _written_in_digits(value)):
        raise wrong("not_finite", off=alternatives)
    if bounds.whole and math.isfinite(number) and not number.is_integer():
        raise wrong("not_whole")
    if number < bounds.low:
        if bounds.whole:
            raise wrong("whole_at_least", low=bounds.low)
        if bounds.low == 0:
            raise wrong("negative")
        raise wrong("at_least", low=bounds.low)
    if number > bounds.high:
        note = mistake("bound_note", why=mistake(bounds.note)) if bounds.note else ""
        raise wrong("at_most", high=bounds.high, note=note)
    return number


def _written_in_digits(value: object) -> bool:
    """Whether a value read as infinite was written as a huge number (``1e309``), not ``inf``."""
    if isinstance(value, numbers.Integral):
        return True
    text = str(value).strip().lstrip("+-")
    return bool(text) and (text[0].isdigit() or text[0] == ".")


def _shown(value: object) -> Phrase | str:
    """The value as the user wrote it, cut short when absurdly long."""
    try:
        text = repr(value) if isinstance(value, str) else str(value)
    except ValueError:  # an integer too long to print
        return mistake("enormous_number")
    return text if len(text) <= 40 else text[:39] + "…"
