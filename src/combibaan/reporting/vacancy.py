"""Vacancy texts written from what the work asks, not from a job title.

The facts (what, when, where, which competencies, who employs) are gathered
here from the job's tasks; the sentences live in the templates
``vacancy_nl.txt.j2`` and ``vacancy_en.txt.j2``. The text uses two light marks
only: a line starting with ``## `` is a heading and one starting with ``- `` a
list item, so the same text serves the workbook (as is) and the HTML report
(parsed by :func:`vacancy_blocks`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from combibaan.model import Instance, Task, Window
from combibaan.model.week import DAY_NAMES_LONG, day_runs, format_minutes
from combibaan.reporting.cards import JobCard
from combibaan.reporting.environment import text_environment
from combibaan.reporting.labels import fmt
from combibaan.rules import Policy
from combibaan.texts import check_lang

_WORDS = {
    "nl": {
        "through": "t/m",
        "and": "en",
        "window": "{count}{days} {duration} ergens tussen {earliest} en {latest}",
        "of": "{count} van ",
    },
    "en": {
        "through": "to",
        "and": "and",
        "window": "{count}{days} {duration} sometime between {earliest} and {latest}",
        "of": "{count} of ",
    },
}


@dataclass(frozen=True)
class Leg:
    """Travel between two locations that follow each other on some working day."""

    origin: str
    destination: str
    minutes: float


@dataclass(frozen=True)
class VacancyFacts:
    """What the vacancy text says, already formatted for one language."""

    hours: str
    job_units: str
    days_per_week: int
    activities: tuple[str, ...]
    when: tuple[str, ...]
    locations: tuple[str, ...]
    legs: tuple[Leg, ...]
    competencies: tuple[str, ...]
    suppliers: tuple[str, ...]
    employer: str
    cao: str | None


@dataclass(frozen=True)
class TextBlock:
    """A piece of the vacancy text: ``heading``, ``paragraph`` or ``list`` (with ``items``)."""

    kind: str
    text: str = ""
    items: tuple[str, ...] = ()


def _clean(text: str) -> str:
    """One line of user text: newlines and runs of spaces collapsed, so it cannot fake a heading."""
    return re.sub(r"\s+", " ", text).strip()


def join_words(words: list[str] | tuple[str, ...], lang: str) -> str:
    """``a, b en c`` / ``a, b and c``."""
    words = list(words)
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} {_WORDS[lang]['and']} {words[-1]}"


def days_phrase(days: tuple[int, ...] | list[int], lang: str = "nl") -> str:
    """``maandag t/m vrijdag``; runs of three or more days become a range."""
    names = DAY_NAMES_LONG[lang]
    parts: list[str] = []
    for first, last in day_runs(days):
        if last - first >= 2:
            parts.append(f"{names[first]} {_WORDS[lang]['through']} {names[last]}")
        else:
            parts.extend(names[d] for d in range(first, last + 1))
    return join_words(parts, lang)


def day_intervals(tasks: tuple[Task, ...], day: int) -> tuple[tuple[int, int], ...]:
    """The working blocks of one day, touching slots merged (a person sees one stretch)."""
    spans = sorted((s.start, s.end) for t in tasks for s in t.slots if s.day == day)
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return tuple(merged)


def times_phrase(intervals: tuple[tuple[int, int], ...], lang: str = "nl") -> str:
    """``06:00–09:00 en 10:30–13:30``."""
    return join_words([f"{format_minutes(a)}–{format_minutes(b)}" for a, b in intervals], lang)


def when_lines(tasks: tuple[Task, ...], lang: str = "nl") -> tuple[str, ...]:
    """One line per distinct daily pattern: ``maandag t/m vrijdag 06:00–09:00 en 11:00–14:00``;
    then the time windows of flexible tasks not yet placed (``3 van maandag t/m vrijdag
    1:00 ergens tussen 09:00 en 16:00``)."""
    patterns: dict[tuple[tuple[int, int], ...], list[int]] = {}
    for day in sorted({s.day for t in tasks for s in t.slots}):
        patterns.setdefault(day_intervals(tasks, day), []).append(day)
    ordered = sorted(patterns.items(), key=lambda item: item[1][0])
    fixed = tuple(
        f"{days_phrase(days, lang)} {times_phrase(spans, lang)}" for spans, days in ordered
    )
    return fixed + tuple(window_line(w, lang) for t in tasks for w in t.windows)


def window_line(window: Window, lang: str = "nl") -> str:
    """A flexible slot in words: ``3 van maandag t/m vrijdag 1:00 ergens tussen 09:00 en 16:00``."""
    words = _WORDS[lang]
    some = len(window.days) > window.count
    count = words["of"].format(count=window.count) if some else ""
    if not window.moves:  # its days are the only choice: 2 van maandag t/m woensdag 09:00-13:00
        times = f"{format_minutes(window.earliest)}-{format_minutes(window.latest)}"
        return f"{count}{days_phrase(window.days, lang)} {times}"
    return words["window"].format(
        count=count,
        days=days_phrase(window.days, lang),
        duration=f"{window.duration // 60}:{window.duration % 60:02d}",
        earliest=format_minutes(window.earliest),
        latest=format_minutes(window.latest),
    )


def travel_legs(instance: Instance, tasks: tuple[Task, ...], policy: Policy) -> tuple[Leg, ...]:
    """Moves between different locations within a day, each pair once, in order of appearance."""
    legs: dict[frozenset[str], Leg] = {}
    for day in range(7):
        visits = sorted(
            (s.start, t.location) for t in tasks for s in t.slots if s.day == day and t.location
        )
        for (_, here), (_, there) in pairwise(visits):
            if here == there or frozenset((here, there)) in legs:
                continue
            minutes = instance.travel_between(here, there, policy.travel_minutes)
            legs[frozenset((here, there))] = Leg(here, there, minutes)
    return tuple(legs.values())


def vacancy_facts(
    instance: Instance, policy: Policy, card: JobCard, lang: str = "nl"
) -> VacancyFacts:
    """Everything a vacancy needs, from the job's tasks."""
    check_lang(lang)
    several_places = len(card.locations) > 1
    activities: list[str] = []
    # In the order the week runs: a reader pictures the work as it comes.
    by_time = sorted(card.tasks, key=lambda t: min((s.day, s.start) for s in t.slots))
    for task in by_time:
        what = _clean(task.description) or task.id
        if several_places and task.location:
            what = f"{what} ({_clean(task.location)})"
        activities.append(what)
    return VacancyFacts(
        hours=fmt(card.hours_per_week, lang),
        job_units=fmt(card.job_units, lang),
        days_per_week=len(card.job.days) or len({d for t in card.tasks for d in t.days}),
        activities=tuple(dict.fromkeys(activities)),
        when=when_lines(card.tasks, lang),
        locations=tuple(_clean(loc) for loc in card.locations),
        legs=travel_legs(instance, card.tasks, policy),
        competencies=tuple(_clean(c) for c in card.competencies),
        suppliers=tuple(_clean(s.supplier) for s in card.shares),
        employer=_clean(card.employer),
        cao=_clean(card.cao) if card.cao else None,
    )


def vacancy_text(instance: Instance, policy: Policy, card: JobCard, lang: str = "nl") -> str:
    """The vacancy as plain text with ``## `` headings and ``- `` items."""
    facts = vacancy_facts(instance, policy, card, lang)
    template = text_environment().get_template(f"vacancy_{lang}.txt.j2")
    text = template.render(
        f=facts,
        join=lambda words: join_words(words, lang),
        fmt=lambda value: fmt(value, lang),
    )
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


def vacancy_blocks(text: str) -> tuple[TextBlock, ...]:
    """Split a vacancy text into headings, paragraphs and lists for the HTML report."""
    blocks: list[TextBlock] = []
    items: list[str] = []
    for raw in text.splitlines():
        line = raw.strip()
        if line.startswith("- "):
            items.append(line[2:])
            continue
        if items:
            blocks.append(TextBlock("list", items=tuple(items)))
            items = []
        if not line:
            continue
        if line.startswith("## "):
            blocks.append(TextBlock("heading", line[3:]))
        else:
            blocks.append(TextBlock("paragraph", line))
    if items:
        blocks.append(TextBlock("list", items=tuple(items)))
    return tuple(blocks)


def plain_text(text: str) -> str:
    """The vacancy without the heading marks, for a spreadsheet cell."""
    return "\n".join(line[3:] if line.startswith("## ") else line for line in text.splitlines())
