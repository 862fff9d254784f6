"""``report.html``: one self-contained page for the workshop's projector.

No network at all: the CSS is inline, there is no script, and a
Content-Security-Policy forbids loading anything, so the file opens the same
on an offline laptop. Every value from the input goes through jinja2's
autoescaping.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from combibaan.reporting.alternatives import alternative_views
from combibaan.reporting.cards import JobCard, job_cards, unknown_suppliers
from combibaan.reporting.environment import html_environment
from combibaan.reporting.labels import check_lang, fmt, labels
from combibaan.reporting.summary import WEEKS_PER_YEAR, supplier_summaries
from combibaan.reporting.timetable import Timetable, supplier_colours, timetable
from combibaan.reporting.vacancy import TextBlock, vacancy_blocks, vacancy_text
from combibaan.result import Result, _version
from combibaan.rules import POLICY_KEYS
from combibaan.texts import hours_note, jobs_note, render


@dataclass(frozen=True)
class JobView:
    """What the template needs of one job."""

    card: JobCard
    timetable: Timetable
    vacancy: tuple[TextBlock, ...]
    employer_reason: str


def _policy_rows(result: Result, lang: str) -> list[tuple[str, str]]:
    words = labels(lang)
    rows = []
    for key in POLICY_KEYS:
        value = getattr(result.policy, key)
        rows.append((words[key], words["off"] if value is None else fmt(value, lang)))
    return rows


def report_context(result: Result, lang: str = "nl") -> dict[str, Any]:
    """Everything the report template shows, as plain values (handy for tests, too)."""
    check_lang(lang)
    words = labels(lang)
    cards = job_cards(result)
    jobs = [
        JobView(
            card=card,
            timetable=timetable(card, lang),
            vacancy=vacancy_blocks(vacancy_text(result.instance, result.policy, card, lang)),
            employer_reason=words[f"why_{card.employer_reason}"],
        )
        for card in cards
    ]
    unassigned = []
    for item in result.solution.unassigned:
        task = result.instance.task(item.task_id)
        unassigned.append({"task": task, "reason": render(item.reason, lang)})
    share = result.hours_placed / result.hours_total if result.hours_total else 0.0
    return {
        "lang": lang,
        "L": words,
        "result": result,
        "name": result.instance.name,
        "status": words.get(result.status, result.status),
        "jobs_note": jobs_note(
            result.num_jobs, result.jobs_bound, result.jobs_status == "optimal", lang
        ).strip(" ()"),
        "hours_note": hours_note(result.hours_placed, result.hours_bound, lang).strip(" ()"),
        "share": share,
        "policy_rows": _policy_rows(result, lang),
        "colours": supplier_colours(result.instance.supplier_names),
        "jobs": jobs,
        "unassigned": unassigned,
        "suppliers": supplier_summaries(result, cards),
        "unknown_suppliers": unknown_suppliers(result.instance),
        "alternatives": alternative_views(result),
        "weeks_per_year": WEEKS_PER_YEAR,
        "generator": f"combibaan {_version()}",
    }


def render_report(result: Result, lang: str = "nl") -> str:
    """The whole report as one HTML string."""
    context = report_context(result, lang)
    template = html_environment().get_template("report.html.j2")
    return template.render(num=lambda value, digits=2: fmt(value, lang, digits), **context)


def write_report(result: Result, path: str | Path, lang: str = "nl") -> Path:
    """Write ``report.html`` (or any path) in UTF-8."""
    target = Path(path)
    target.write_text(render_report(result, lang), encoding="utf-8")
    return target
