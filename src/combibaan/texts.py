"""User-facing sentences, Dutch by default with English available.

Code speaks in reason codes and numbers; this is the one place that turns them
into words, so that a translation or a rewording touches one file.
"""

from __future__ import annotations

LANGUAGES = ("nl", "en")

REASONS: dict[str, dict[str, str]] = {
    "too_long": {
        "nl": "De taak alleen overschrijdt al een regel: {detail}.",
        "en": "The task alone already breaks a rule: {detail}.",
    },
    "isolated": {
        "nl": "{hours} uur per week is te weinig voor een baan (minimaal {min_hours}) "
        "en geen enkele andere taak past ernaast (tijd, reistijd of leverancier).",
        "en": "{hours} hours a week is too little for a job (at least {min_hours}) "
        "and no other task fits beside it (time, travel or supplier).",
    },
    "no_job": {
        "nl": "Past naast {partners} andere taak/taken, maar geen combinatie daarvan "
        "voldoet aan alle regels (uren per week of per dag, dagspanne, leveranciers).",
        "en": "Fits beside {partners} other task(s), but no combination of them "
        "meets every rule (hours per week or per day, daily span, suppliers).",
    },
    "taken": {
        "nl": "Kan in {options} mogelijke baan/banen, maar elk daarvan heeft een taak nodig "
        "die al in {blocking} zit; zo ontstaan er niet meer banen.",
        "en": "Could be in {options} possible job(s), but each needs a task that is "
        "already in {blocking}; that would not create more jobs.",
    },
    "unexplored": {
        "nl": "Niet geplaatst: de zoektocht kon binnen de tijdslimiet niet alle "
        "combinaties met deze taak bekijken.",
        "en": "Not placed: within the time limit the search could not look at every "
        "combination with this task.",
    },
}

LIMIT_DETAILS: dict[str, dict[str, str]] = {
    "max_hours": {
        "nl": "{value} uur per week, meer dan het maximum van {limit}",
        "en": "{value} hours a week, more than the maximum of {limit}",
    },
    "max_hours_per_day": {
        "nl": "{value} uur op één dag, meer dan het maximum van {limit}",
        "en": "{value} hours on one day, more than the maximum of {limit}",
    },
    "max_span_hours": {
        "nl": "een dag van {value} uur van begin tot eind, meer dan het maximum van {limit}",
        "en": "a day of {value} hours from start to end, more than the maximum of {limit}",
    },
}


def number(value: float) -> str:
    """Hours as people write them: ``20`` not ``20.0``, ``25.5`` stays."""
    return f"{value:g}" if value == round(value, 2) else f"{value:.2f}"


def reason_text(code: str, lang: str = "nl", **values: object) -> str:
    if lang not in LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(LANGUAGES)}, got {lang!r}")
    return REASONS[code][lang].format(**values)


def limit_detail(key: str, value: float, limit: float, lang: str = "nl") -> str:
    return LIMIT_DETAILS[key][lang].format(value=number(value), limit=number(limit))
