"""Cell grammars: days, times, numbers and lists as people type them in Dutch or English.

Each parser takes one cell's value and returns the parsed value or raises
:class:`~combibaan.model.phrase.BadValue` with a message (a phrase) that says what to
write instead; the readers turn that into a :class:`~combibaan.io.errors.Problem` with
row and column.
"""

from __future__ import annotations

import datetime as dt
import math
import numbers
import re
import unicodedata
from dataclasses import dataclass

from combibaan.model.numbers import Bounds, user_number
from combibaan.model.phrase import BadValue, Phrase, mistake
from combibaan.model.week import DAY_NAMES_LONG, MINUTES_PER_DAY, format_days

_DAY_WORDS: dict[str, int] = {}
_ENGLISH_WORDS: set[str] = set()
for _day, (_dutch, _english) in enumerate(
    (
        ("ma maa maan maandag", "mon monday"),
        ("di din dins dinsdag", "tue tues tuesday"),
        ("wo woe woen woensdag", "wed weds wednesday"),
        ("do don dond donderdag", "thu thur thurs thursday"),
        ("vr vrij vrijdag", "fri friday"),
        ("za zat zaterdag", "sat saturday"),
        ("zo zon zondag", "sun sunday"),
    )
):
    for _word in (*_dutch.split(), *_english.split()):
        _DAY_WORDS[_word] = _day
    _ENGLISH_WORDS.update(_english.split())

_GROUP_WORDS: dict[str, tuple[int, ...]] = {
    "werkdagen": (0, 1, 2, 3, 4),
    "werkdag": (0, 1, 2, 3, 4),
    "weekdag": (0, 1, 2, 3, 4),
    "weekday": (0, 1, 2, 3, 4),
    "weekdagen": (0, 1, 2, 3, 4),
    "weekdays": (0, 1, 2, 3, 4),
    "weekend": (5, 6),
    "dagelijks": tuple(range(7)),
    "daily": tuple(range(7)),
}

# Phrases with spaces are rewritten before the cell is split into items.
_PHRASES = (
    (re.compile(r"\b(?:elke|iedere|alle)\s+dag(?:en)?\b|\bevery\s*day\b|\ball\s+days\b"), "daily"),
    # "elke werkdag", "iedere maandag", "every weekday": the days themselves.
    (re.compile(r"\b(?:elke|iedere|every)\s+"), ""),
    (
        re.compile(
            r"\s*(?:\bt\s*/\s*m\b|\bt\.m\.|\btot\s+en\s+met\b|\bthrough\b|\bthru\b|\bto\b)\s*"
        ),
        "-",
    ),
    (re.compile(r"\s*[-–—]\s*"), "-"),
)
#: A task that is not done every week: the model is one week that repeats.
_CYCLE = re.compile(
    r"\b(?:on)?even\s+weken\b|\bom\s+de\s+(?:andere\s+)?week\b|\bper\s+\d+\s+weken\b"
    r"|\btwee\s*wekelijks\b|\b(?:bi|fort)nightly\b|\bbiweekly\b|\bevery\s+(?:other|\d+)\s+weeks?\b"
    r"|\b(?:odd|even|alternate)\s+weeks\b|\bmaandelijks\b|\bmonthly\b|\bper\s+maand\b|\ba\s+month\b"
)
#: Days left out of the days before: ``ma-vr behalve wo``, ``(niet op vrijdag)``.
_EXCEPT = re.compile(
    r"[(,;]?\s*\b(?:behalve|uitgezonderd|niet(?:\s+op)?|zonder|excl\.?|exclusief|except"
    r"|not(?:\s+on)?|excluding)(?!\w)"
)
_ITEM_SPLIT = re.compile(r"[,;/+&\s]+|\ben\b|\band\b")

DAYS_HINT = mistake("days_hint")


def cell_text(value: object) -> str | None:
    """A cell as stripped text, ``None`` when empty; whole numbers lose their ``.0``, and a
    time cell its zero seconds (``01:30``, as the workbook shows it, not ``01:30:00``)."""
    if value is None:
        return None
    if isinstance(value, dt.time) and not value.second and not value.microsecond:
        return value.strftime("%H:%M")
    try:
        if isinstance(value, numbers.Integral) and not isinstance(value, bool):
            return str(int(value))
        if isinstance(value, numbers.Real) and not isinstance(value, bool):
            number = float(value)
            if math.isnan(number):
                return None
            if number.is_integer():
                return str(int(number))
        text = str(value).strip()
    except (OverflowError, ValueError):  # a number too long to write out
        return "(a number too long to show)"
    return text or None


def is_number(text: str) -> bool:
    """Whether a cell's text is a number (``5``, ``7,5``): minutes, hours, a sum."""
    try:
        float(text.replace(",", "."))
    except ValueError:
        return False
    return True


def shown(text: str, limit: int = 60) -> str:
    """``text`` quoted for a message, cut short: a message quotes a cell, it does not copy it."""
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


def _day_word(word: str, whole: str) -> int:
    day = _DAY_WORDS.get(word.rstrip("."))
    if day is None:
        inside = mistake("in_value", value=shown(whole.strip()))
        raise BadValue(
            mistake(
                "unknown_day",
                word=shown(word),
                inside=inside if word != whole.strip().lower() else "",
                hint=DAYS_HINT,
            )
        )
    return day


def _every_week(value: str) -> None:
    """Refuse days of a task that is not done every week (``om de week``, ``even
    weken``), with why, rather than as an unknown day ``'even'``."""
    cycle = _CYCLE.search(value.lower())
    if cycle is not None:
        raise BadValue(mistake("days_cycle", words=shown(cycle.group(0)), value=shown(value)))


def parse_days(value: str) -> tuple[int, ...]:
    """``"ma-vr"`` -> ``(0, 1, 2, 3, 4)``.

    A range runs forward through the week, Monday to Sunday. One that runs backwards
    (``do-di``) is an error: it may mean Tuesday to Thursday typed the wrong way
    round just as well as Thursday past the weekend to Tuesday, and the two differ
    by three days a week. The message spells out both.
    """
    _every_week(value)
    text = value.strip().lower()
    but = _EXCEPT.search(text)
    if but is None:
        return tuple(sorted(_day_set(text, value)))
    # "ma-vr behalve wo", "werkdagen (niet op vrijdag)": the days less the others.
    days = _day_set(text[: but.start()], value) - _day_set(text[but.end() :], value)
    if not days:
        raise BadValue(mistake("no_day", value=shown(value), hint=DAYS_HINT))
    return tuple(sorted(days))


def _day_set(text: str, value: str) -> set[int]:
    """The days ``text`` (part of the cell ``value``) names."""
    for pattern, replacement in _PHRASES:
        text = pattern.sub(replacement, text)
    days: set[int] = set()
    items = [item for item in _ITEM_SPLIT.split(text.strip(" ()")) if item]
    if not items:
        raise BadValue(mistake("no_day", value=shown(value), hint=DAYS_HINT))
    for item in items:
        if item in _GROUP_WORDS:
            days.update(_GROUP_WORDS[item])
            continue
        ends = item.split("-")
        if len(ends) == 1:
            days.add(_day_word(item, value))
        elif len(ends) == 2 and all(ends):
            first, last = (_day_word(end, value) for end in ends)
            if last < first:
                raise BadValue(_backwards(item, first, last, ends[0].rstrip(".")))
            days.update(range(first, last + 1))
        else:
            raise BadValue(
                mistake("day_range", item=shown(item), value=shown(value), hint=DAYS_HINT)
            )
    return days


@dataclass(frozen=True)
class _DayName:
    """A day said in full in the message's language (``dinsdag``, ``Tuesday``)."""

    day: int

    def label(self, lang: str = "nl") -> str:
        return DAY_NAMES_LONG[lang][self.day]


def _backwards(item: str, first: int, last: int, word: str) -> Phrase:
    """The message for a range that wraps past Sunday: both readings, spelled out (each
    written in the notation the user typed, Dutch or English day names)."""
    notation = "en" if word in _ENGLISH_WORDS else "nl"
    forward = tuple(range(last, first + 1))
    wrapped = ",".join(
        format_days(tuple(days), notation) for days in (range(first, 7), range(last + 1))
    )
    return mistake(
        "days_backwards",
        item=repr(item),
        forward=repr(format_days(forward, notation)),
        n=len(forward),
        wrapped=repr(wrapped),
        count=7 - first + last + 1,
        first=_DayName(first),
        last=_DayName(last),
    )


_TIME = re.compile(
    r"(?:(?P<date>\d{4}-\d{2}-\d{2})[ T])?(?P<h>\d{1,2})(?:[:.uh](?P<m>\d{2})(?::(?P<s>\d{2}))?)?"
    r"(?:\s*(?:uur|u|h))?(?:\s*(?P<half>[ap])\.?m\.?)?"
)
_COMPACT_TIME = re.compile(r"(?P<h>\d{1,2})(?P<m>\d{2})")
_DECIMAL = re.compile(r"(?P<h>\d{1,2})[.,](?P<d>\d+)")

TIME_HINT = mistake("time_hint")

#: Dates that spreadsheets and Python put before a bare time: Excel's and LibreOffice's
#: day zero (1899-12-30/31), the Mac epoch (1904-01-01) and ``strptime``'s default
#: (1900-01-01). A time cell holding one of these holds just a time.
_ZERO_DATES = frozenset(
    {dt.date(1899, 12, 30), dt.date(1899, 12, 31), dt.date(1900, 1, 1), dt.date(1904, 1, 1)}
)
#: Excel keeps a typed ``24:00`` as the serial 1, which reads back as the next midnight.
_EXCEL_24 = frozenset({dt.datetime(1900, 1, 1), dt.datetime(1904, 1, 2)})


def _impossible(value: object) -> BadValue:
    return BadValue(mistake("impossible_time", value=shown(str(value)), hint=TIME_HINT))


def _a_date(value: dt.date | str) -> BadValue:
    if isinstance(value, str):
        shown = value
    elif isinstance(value, dt.datetime) and value.time() != dt.time(0):
        shown = f"{value:%Y-%m-%d %H:%M}"
    else:
        shown = f"{value:%Y-%m-%d}"
    return BadValue(mistake("date_not_time", date=shown))


def _a_number(shown: str, hours: int, decimals: str) -> BadValue:
    """A decimal where a time belongs: ``7.5`` may be half past seven or 07:50, so ask."""
    readings = []
    if hours == 0 and len(decimals) >= 3:
        # 0.375: Excel's fraction of a day (09:00), exported as a number
        day_minutes = round(float(f"0.{decimals}") * MINUTES_PER_DAY)
        if day_minutes < MINUTES_PER_DAY:
            readings.append(f"{day_minutes // 60:02d}:{day_minutes % 60:02d}")
    as_hours = round(float(f"0.{decimals}") * 60)
    if hours < 24 and as_hours < 60:
        readings.append(f"{hours:02d}:{as_hours:02d}")
    if len(decimals) <= 2 and int(decimals.ljust(2, "0")) < 60 and hours < 24:
        readings.append(f"{hours:02d}:{decimals.ljust(2, '0')}")
    readings = list(dict.fromkeys(readings))
    if not readings:
        return _impossible(shown)
    meant = mistake("either", a=readings[0], b=readings[1]) if len(readings) > 1 else readings[0]
    return BadValue(mistake("decimal_time", value=repr(shown), meant=meant))


def _minutes_of_day(value: object, is_end: bool) -> int:
    """Minutes from midnight, 1440 for ``24:00``; ``ValueError`` when impossible.

    An Excel time (a ``time``, or a fraction of a day ``0 <= x < 1``) is a time; a
    whole number is read as typed (``7`` is 07:00, ``730`` is 07:30); a decimal such
    as ``7.5`` is refused, as is a real date: neither is unambiguously a time.
    """
    if isinstance(value, dt.datetime):
        if is_end and value.replace(tzinfo=None) in _EXCEL_24:
            return MINUTES_PER_DAY
        if value.date() not in _ZERO_DATES:
            raise _a_date(value)
        value = value.time()
    elif isinstance(value, dt.date):
        raise _a_date(value)
    if isinstance(value, dt.time):
        seconds = value.hour * 3600 + value.minute * 60 + value.second + value.microsecond / 1e6
        return round(seconds / 60)
    if isinstance(value, dt.timedelta):
        seconds = value.total_seconds()
        if not 0 <= seconds <= MINUTES_PER_DAY * 60:
            raise BadValue(mistake("duration", value=str(value), hint=TIME_HINT))
        return round(seconds / 60)
    if isinstance(value, numbers.Real) and not isinstance(value, bool):
        try:
            number = float(value)
        except (OverflowError, ValueError):
            number = math.inf
        if not math.isfinite(number) or number < 0:
            raise _impossible(cell_text(value))
        if 0 < number < 1:  # Excel keeps times as fractions of a day.
            return round(number * MINUTES_PER_DAY)
        if not number.is_integer():
            whole, _, decimals = repr(number).partition(".")
            if "e" in decimals or not whole.isdigit():
                raise _impossible(value)
            raise _a_number(repr(number), int(whole), decimals)
        text = str(int(number))
    else:
        text = str(value).strip().lower()
    decimal = _DECIMAL.fullmatch(text)
    if decimal is not None and (len(decimal["d"]) != 2 or "," in text):
        raise _a_number(str(value).strip(), int(decimal["h"]), decimal["d"])
    match = _TIME.fullmatch(text) or _COMPACT_TIME.fullmatch(text)
    if match is None:
        raise _impossible(value)
    parts = match.groupdict()
    if parts.get("date"):
        try:
            day = dt.date.fromisoformat(parts["date"])
        except ValueError:
            raise _impossible(value) from None
        if day not in _ZERO_DATES:
            raise _a_date(str(value).strip())
    hours, minutes = int(parts["h"]), int(parts["m"] or 0)
    seconds = int(parts.get("s") or 0)
    if parts.get("half"):  # 12 AM is midnight, 12 PM noon
        if not 1 <= hours <= 12:
            raise _impossible(value)
        hours = hours % 12 + (12 if parts["half"] == "p" else 0)
    if minutes > 59 or seconds > 59 or hours > 24 or (hours == 24 and minutes + seconds > 0):
        raise _impossible(value)
    return hours * 60 + minutes + round(seconds / 60)


#: ``3x ma-vr``, and as people write it: ``3 keer per week ma-vr``, ``3 van ma-vr``,
#: ``3 dagen uit ma-vr``, ``3 times a week mon-fri``, ``3 days of mon-fri``.
_COUNT = re.compile(
    r"^\s*(?P<k>\d+)\s*(?:(?:[x×]|keer|maal|times|dagen|dag|days|day)\s*"
    r"(?:(?:per|in\s+de|a|per\s+de)\s+week\b|p/?w\b)?\s*(?:van|uit|op|of|from|among)?"
    r"|(?:van|uit|of|from|among)\b)\s*[:,]?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)


def parse_day_choice(value: str) -> tuple[int | None, tuple[int, ...]]:
    """``"3x ma-vr"`` -> ``(3, (0, 1, 2, 3, 4))``: three of these days, the solver's choice;
    plain days give ``None`` (every one of them)."""
    match = _COUNT.match(value)
    if match is None:
        return None, parse_days(value)
    _every_week(value)  # named in the whole cell, not in the days after the count
    count, days = int(match["k"]), parse_days(match["rest"])
    if not 1 <= count <= len(days):
        raise BadValue(
            mistake("day_count", count=str(count), n=len(days), value=shown(value.strip()))
        )
    return count, days


#: Words for hours, after a number (``2 uren``) or a clock (``1:30 uur``).
_HOUR_WORDS = r"(?:h|u|uur|uren|hr|hrs|hour|hours)"
_DURATION_CLOCK = re.compile(
    rf"(?P<h>\d{{1,2}}):(?P<m>\d{{2}})(?::(?P<s>[0-5]\d))?(?:\s*{_HOUR_WORDS})?"
)
_DURATION_UNITS = re.compile(
    rf"(?:(?P<h>\d+(?:[.,]\d+)?)\s*{_HOUR_WORDS}\s*(?:(?:(?<=\s)(?:en|and)\s|[,+&])\s*(?=\d))?)?"
    r"(?:(?P<m>\d+)\s*(?:m|min|mins|minuten|minutes|minute|minuut)?)?"
)
#: Quarters of an hour as people write them: ``½ uur``, ``1½ uur``, ``1 ¾ h``, ``1 1/2 uur``.
_DURATION_FRACTION = re.compile(
    rf"(?:(?P<h>\d+)(?:\s+|(?=[½¼¾])))?(?P<f>[½¼¾]|1/2|1/4|3/4)\s*{_HOUR_WORDS}"
)
_FRACTION_MINUTES = {"½": 30, "¼": 15, "¾": 45, "1/2": 30, "1/4": 15, "3/4": 45}
#: Quarters in a word: ``3 kwartier``, ``drie kwartier``.
_QUARTERS = re.compile(r"(?P<n>\d+|een|twee|drie)\s*kwartier")
_NUMBER_WORDS = {"een": 1, "twee": 2, "drie": 3, "an": 1, "one": 1}
#: Hours and a half: ``2 hours and a half``, ``one and a half hours``.
_AND_A_HALF = re.compile(r"(?P<n>\d+|an|one) hours? and a half|(?P<m>\d+|one) and a half hours?")
#: Durations in words: ``een half uur``, ``anderhalf uur`` (quarters: ``_QUARTERS``).
_DURATION_WORDS = {
    "kwartier": 15,
    "half uur": 30,
    "halfuur": 30,
    "een half uur": 30,
    "een halfuur": 30,
    "half an hour": 30,
    "half hour": 30,
    "a half hour": 30,
    "een uur": 60,
    "an hour": 60,
    "one hour": 60,
    "anderhalf uur": 90,
}

DURATION_HINT = mistake("duration_hint")


def parse_duration(value: object) -> int:
    """A duration in whole minutes: ``1:30``, ``1:30 uur``, ``90m``, ``45 min.``, ``1,5 uur``,
    ``2 uren``, ``1u30``, ``1 uur en 30 minuten``, ``1½ uur``, ``een half uur``, or an Excel
    time or duration cell. A bare number is refused (hours or
    minutes?), as are zero and more than a day."""
    minutes = _duration_minutes(value)
    if not 0 < minutes <= MINUTES_PER_DAY:
        written = cell_text(value) or ""
        if isinstance(value, dt.datetime | dt.timedelta):  # a time cell, as Excel shows it
            written = f"{minutes // 60}:{minutes % 60:02d}"
        raise BadValue(mistake("duration_range", value=shown(written), hint=DURATION_HINT))
    return minutes


def _cell_seconds(value: object) -> int | None:
    """Whole seconds of a time or duration cell (a ``timedelta``, a ``time``, or a
    date-and-time of Excel's first days: a duration cell of a day or more, 25:30 being
    the serial 1.0625, reads back as a day after day zero, and those days count);
    ``None`` for anything else. Rounded to the second, as a serial's float is not exact."""
    if isinstance(value, dt.timedelta):
        return round(value.total_seconds())
    days = excel_days(value)
    if isinstance(value, dt.datetime) and days is not None:
        value = value.time()
    elif isinstance(value, dt.datetime):
        return None
    else:
        days = 0
    if isinstance(value, dt.time):
        exact = value.hour * 3600 + value.minute * 60 + value.second + value.microsecond / 1e6
        return days * MINUTES_PER_DAY * 60 + round(exact)
    return None


def excel_days(value: object) -> int | None:
    """Whole days after Excel's day zero of a date-and-time read from a time cell (in either
    date system: 25:30 is one day and 01:30); ``None`` for anything else, a real date among
    them (beyond the first month)."""
    if not isinstance(value, dt.datetime):
        return None
    for zero in (dt.date(1899, 12, 31), dt.date(1904, 1, 1)):
        days = (value.date() - zero).days
        if -1 <= days <= 31:
            return max(days, 0)
    return None


def _duration_minutes(value: object) -> int:
    seconds = _cell_seconds(value)
    if seconds is not None:
        if seconds % 60:  # 1:30:30 in a time cell, refused as the text is
            typed = f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"
            raise BadValue(mistake("duration_seconds", value=shown(typed)))
        return seconds // 60
    if isinstance(value, numbers.Real) and not isinstance(value, bool):
        # A number cell: a time or duration cell reads back as a time, so 0.5 here is a
        # number as typed (half an hour? 0.5 of a day?), refused as 1.5 and 90 are.
        raise BadValue(
            mistake("duration_unit", value=shown(cell_text(value) or ""), hint=DURATION_HINT)
        )
    written = str(value).strip()
    # ``45 min.``, ``2 u.``: a full stop after a word only abbreviates it.
    text = re.sub(r"(?<=[a-z])\.", "", " ".join(written.lower().split()))
    if text in _DURATION_WORDS:
        return _DURATION_WORDS[text]
    fraction = _DURATION_FRACTION.fullmatch(text)
    if fraction is not None:
        return int(fraction["h"] or 0) * 60 + _FRACTION_MINUTES[fraction["f"]]
    half = _AND_A_HALF.fullmatch(text)
    if half is not None:
        hours = half["n"] or half["m"]
        return 60 * int(_NUMBER_WORDS.get(hours, hours)) + 30
    quarters = _QUARTERS.fullmatch(text)
    if quarters is not None:
        return 15 * int(_NUMBER_WORDS.get(quarters["n"], quarters["n"]))
    clock = _DURATION_CLOCK.fullmatch(text)
    if clock is not None:
        if int(clock["m"]) > 59:
            raise BadValue(mistake("duration_bad", value=shown(written), hint=DURATION_HINT))
        if int(clock["s"] or 0):  # 1:30:30 is not rounded without a word
            raise BadValue(mistake("duration_seconds", value=shown(written)))
        return int(clock["h"]) * 60 + int(clock["m"])
    units = _DURATION_UNITS.fullmatch(text)
    if units is None or not (units["h"] or units["m"]):
        raise BadValue(mistake("duration_bad", value=shown(written), hint=DURATION_HINT))
    if units["h"] is None and text.isdigit():
        raise BadValue(mistake("duration_unit", value=shown(written), hint=DURATION_HINT))
    if (
        units["h"] is not None
        and units["m"] is not None
        and (int(units["m"]) > 59 or not units["h"].isdigit())
    ):
        # 1h90: after hours, minutes run to 59 (as 1:90 is refused); 1,5 uur 30: which?
        raise BadValue(mistake("duration_bad", value=shown(written), hint=DURATION_HINT))
    hours_text = units["h"] or ""
    decimals = re.fullmatch(r"\d+[.,](\d\d|[1-4])", hours_text)
    if decimals is not None and 0 < int(decimals[1].ljust(2, "0")) < 60:
        # 1.45 uur: 1:45 as the times are written (9.30 is 09:30), or 1.45 hours (87 min)?
        # So is 1.3 uur (1:30 or 78 min?); 1,5 uur is half an hour more, as people say;
        # 2,00 uur is 2:00 either way.
        hours_part, _, minutes_part = hours_text.replace(",", ".").partition(".")
        as_clock = f"{int(hours_part)}:{minutes_part.ljust(2, '0')}"
        as_hours = round(float(hours_text.replace(",", ".")) * 60)
        raise BadValue(
            mistake("duration_ambiguous", value=shown(written), clock=as_clock, minutes=as_hours)
        )
    hours = float(hours_text.replace(",", ".")) if hours_text else 0.0
    return round(hours * 60) + int(units["m"] or 0)


def parse_time(value: object, *, is_end: bool = False) -> int:
    """A start or end time in minutes from midnight; ``24:00`` is allowed only as an end."""
    minutes = _minutes_of_day(value, is_end)
    if minutes >= MINUTES_PER_DAY and not is_end:
        raise BadValue(mistake("midnight_start"))
    return minutes


#: Numbers in the tables with no natural limit still have a sane one.
ANY_AMOUNT = Bounds(1e9)
#: What a message calls a number that has no name of its own.
THE_NUMBER = mistake("the_number")


def parse_number(
    value: object, *, name: Phrase | str = THE_NUMBER, bounds: Bounds = ANY_AMOUNT
) -> float:
    """A number in ``bounds`` (default: zero or more); a decimal comma is fine (``7,5``).

    The same check as every rule of the policy (:func:`~combibaan.model.numbers.user_number`):
    ``nan``, ``inf``, ``1e309`` and negative numbers are refused, naming ``name``.
    """
    try:
        return user_number(value, name, bounds)
    except BadValue as error:
        raise BadValue(mistake("number_hint", error=error.message)) from None


def competency_list(text: str, delimiter: str | None) -> tuple[str, ...]:
    """:func:`split_list` for competencies, each as one form: composed Unicode (NFC) and
    one space between words. They are matched between tasks and candidates in any case,
    and "tillen  en sjouwen" (two spaces, or a no-break space from a spreadsheet) or a
    decomposed "hygiënisch" matched nothing, without a word."""
    items = (
        " ".join(unicodedata.normalize("NFC", item).split()) for item in split_list(text, delimiter)
    )
    return tuple(dict.fromkeys(items))


def split_list(text: str, delimiter: str | None) -> tuple[str, ...]:
    """Split a list cell on ``|``, and on ``,``/``;`` unless that is the file's delimiter.

    Items are stripped, empty items dropped and repeats removed, keeping order.
    """
    separators = "|" + "".join(sep for sep in ",;" if sep != delimiter)
    items = (item.strip() for item in re.split(f"[{re.escape(separators)}]", text))
    return tuple(dict.fromkeys(item for item in items if item))
