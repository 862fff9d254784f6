"""Cell grammars: days, times, numbers and lists as people type them in Dutch or English.

Each parser takes one cell's value and returns the parsed value or raises
``ValueError`` with a message that says what to write instead; the readers turn
that into a :class:`~combibaan.io.errors.Problem` with row and column.
"""

from __future__ import annotations

import datetime as dt
import math
import numbers
import re

from combibaan.model.week import MINUTES_PER_DAY

_DAY_WORDS: dict[str, int] = {}
for _day, _words in enumerate(
    (
        "ma maa maan maandag mon monday",
        "di din dins dinsdag tue tues tuesday",
        "wo woe woen woensdag wed weds wednesday",
        "do don dond donderdag thu thur thurs thursday",
        "vr vrij vrijdag fri friday",
        "za zat zaterdag sat saturday",
        "zo zon zondag sun sunday",
    )
):
    for _word in _words.split():
        _DAY_WORDS[_word] = _day

_GROUP_WORDS: dict[str, tuple[int, ...]] = {
    "werkdagen": (0, 1, 2, 3, 4),
    "weekdagen": (0, 1, 2, 3, 4),
    "weekdays": (0, 1, 2, 3, 4),
    "weekend": (5, 6),
    "dagelijks": tuple(range(7)),
    "daily": tuple(range(7)),
}

# Phrases with spaces are rewritten before the cell is split into items.
_PHRASES = (
    (re.compile(r"\b(?:elke|iedere|alle)\s+dag(?:en)?\b|\bevery\s*day\b|\ball\s+days\b"), "daily"),
    (
        re.compile(
            r"\s*(?:\bt\s*/\s*m\b|\bt\.m\.|\btot\s+en\s+met\b|\bthrough\b|\bthru\b|\bto\b)\s*"
        ),
        "-",
    ),
    (re.compile(r"\s*[-–—]\s*"), "-"),
)
_ITEM_SPLIT = re.compile(r"[,;/+&\s]+|\ben\b|\band\b")

DAYS_HINT = "write days like ma-vr, ma t/m vr, ma,wo,vr, mon-fri, werkdagen or weekend"


def cell_text(value: object) -> str | None:
    """A cell as stripped text, ``None`` when empty; whole numbers lose their ``.0``."""
    if value is None:
        return None
    if isinstance(value, numbers.Real) and not isinstance(value, bool):
        if isinstance(value, float) and math.isnan(value):
            return None
        if float(value).is_integer():
            return str(int(value))
    text = str(value).strip()
    return text or None


def _day_word(word: str, whole: str) -> int:
    day = _DAY_WORDS.get(word.rstrip("."))
    if day is None:
        inside = f" in {whole.strip()!r}" if word != whole.strip().lower() else ""
        raise ValueError(f"unknown day {word!r}{inside}; {DAYS_HINT}")
    return day


def parse_days(value: str) -> tuple[int, ...]:
    """``"ma-vr"`` -> ``(0, 1, 2, 3, 4)``; ranges may wrap the week (``vr-ma``)."""
    text = value.strip().lower()
    for pattern, replacement in _PHRASES:
        text = pattern.sub(replacement, text)
    days: set[int] = set()
    items = [item for item in _ITEM_SPLIT.split(text) if item]
    if not items:
        raise ValueError(f"no day in {value!r}; {DAYS_HINT}")
    for item in items:
        if item in _GROUP_WORDS:
            days.update(_GROUP_WORDS[item])
            continue
        ends = item.split("-")
        if len(ends) == 1:
            days.add(_day_word(item, value))
        elif len(ends) == 2 and all(ends):
            first, last = (_day_word(end, value) for end in ends)
            days.update((first + i) % 7 for i in range((last - first) % 7 + 1))
        else:
            raise ValueError(f"cannot read the day range {item!r} in {value!r}; {DAYS_HINT}")
    return tuple(sorted(days))


_TIME = re.compile(
    r"(?:\d{4}-\d{2}-\d{2}[ T])?(?P<h>\d{1,2})(?:[:.](?P<m>\d{2})(?::(?P<s>\d{2}))?)?"
    r"(?:\s*(?:uur|u|h))?"
)
_COMPACT_TIME = re.compile(r"(?P<h>\d{1,2})(?P<m>\d{2})")

TIME_HINT = "write a time as HH:MM, e.g. 07:30 (hours 0-23, minutes 0-59; 24:00 only as an end)"


def _minutes_of_day(value: object) -> int:
    """Minutes from midnight, 1440 for ``24:00``; ``ValueError`` when impossible."""
    if isinstance(value, dt.datetime):
        value = value.time()
    if isinstance(value, dt.time):
        seconds = value.hour * 3600 + value.minute * 60 + value.second + value.microsecond / 1e6
        return round(seconds / 60)
    if isinstance(value, numbers.Real) and not isinstance(value, bool):
        number = float(value)
        if 0 < number < 1:  # Excel keeps times as fractions of a day.
            return round(number * MINUTES_PER_DAY)
        # A number cell: 7 is 07:00, 7.3 is what Excel makes of 07.30.
        text = str(int(number)) if number.is_integer() else f"{number:.2f}"
    else:
        text = str(value).strip().lower()
    match = _TIME.fullmatch(text) or _COMPACT_TIME.fullmatch(text)
    if match is None:
        raise ValueError(f"impossible time {str(value)!r}; {TIME_HINT}")
    parts = match.groupdict()
    hours, minutes = int(parts["h"]), int(parts["m"] or 0)
    seconds = int(parts.get("s") or 0)
    if minutes > 59 or seconds > 59 or hours > 24 or (hours == 24 and minutes + seconds > 0):
        raise ValueError(f"impossible time {str(value)!r}; {TIME_HINT}")
    return hours * 60 + minutes + round(seconds / 60)


def parse_time(value: object, *, is_end: bool = False) -> int:
    """A start or end time in minutes from midnight; ``24:00`` is allowed only as an end."""
    minutes = _minutes_of_day(value)
    if minutes >= MINUTES_PER_DAY and not is_end:
        raise ValueError(
            "24:00 is only allowed as an end time; a task that starts at midnight starts at 00:00"
        )
    return minutes


def parse_number(value: object, *, what: str = "a number") -> float:
    """A non-negative number; a decimal comma is fine (``7,5``)."""
    if isinstance(value, numbers.Real) and not isinstance(value, bool):
        number = float(value)
    else:
        text = str(value).strip().replace(" ", "")
        if text.count(",") == 1 and "." not in text:
            text = text.replace(",", ".")
        try:
            number = float(text)
        except ValueError:
            raise ValueError(f"{str(value)!r} is not {what}; write e.g. 12 or 7,5") from None
    if not math.isfinite(number) or number < 0:
        raise ValueError(f"{str(value)!r} is not {what}; it must be zero or more")
    return number


def split_list(text: str, delimiter: str | None) -> tuple[str, ...]:
    """Split a list cell on ``|``, and on ``,``/``;`` unless that is the file's delimiter.

    Items are stripped, empty items dropped and repeats removed, keeping order.
    """
    separators = "|" + "".join(sep for sep in ",;" if sep != delimiter)
    items = (item.strip() for item in re.split(f"[{re.escape(separators)}]", text))
    return tuple(dict.fromkeys(item for item in items if item))
