"""``report.html``: one self-contained page for the workshop's projector and for paper.

No network at all: the CSS is inline, there is no script, and a
Content-Security-Policy forbids loading anything, so the file opens the same
on an offline laptop. Every value from the input goes through jinja2's
autoescaping. The page opens on an overview of all jobs and the workshop's
decisions; each job follows on a page of its own when printed (A4).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from combibaan.model import Task
from combibaan.model.week import format_minutes
from combibaan.palette import PATTERNS, supplier_styles
from combibaan.reporting.alternatives import AlternativeJob, AlternativeView, alternative_views
from combibaan.reporting.cards import JobCard, job_card, job_cards
from combibaan.reporting.environment import html_environment
from combibaan.reporting.labels import fmt, labels
from combibaan.reporting.summary import (
    DEFAULT_SROI_CREDIT,
    WEEKS_PER_YEAR,
    check_sroi_credit,
    job_credit,
    supplier_summaries,
)
from combibaan.reporting.timetable import Timetable, timetable
from combibaan.reporting.vacancy import (
    TextBlock,
    days_phrase,
    vacancy_blocks,
    vacancy_text,
    when_lines,
    window_line,
)
from combibaan.result import Result, _version
from combibaan.rules import POLICY_KEYS, Policy
from combibaan.texts import (
    check_lang,
    flexibility_note,
    hours_note,
    jobs_note,
    render,
    signed,
)


@dataclass(frozen=True)
class TaskLine:
    """A task as the list beside the timetable shows it: what, who, where and when."""

    task: Task
    when: tuple[str, ...]


@dataclass(frozen=True)
class JobView:
    """What the template needs of one job."""

    number: int
    card: JobCard
    timetable: Timetable
    tasks: tuple[TaskLine, ...]
    vacancy: tuple[TextBlock, ...]
    employer_reason: str
    days: str
    times: str
    #: Hours per week each supplier may count for its social return (employer first).
    credit: tuple[tuple[str, float], ...]


@dataclass(frozen=True)
class PolicyRow:
    label: str
    value: str
    default: str
    changed: bool


@dataclass(frozen=True)
class LockedTask:
    """A task named by a lock, and the job it ended up in (``None``: not placed)."""

    task_id: str
    task: Task | None
    job_id: str | None


@dataclass(frozen=True)
class LockView:
    rule: str
    meaning: str
    tasks: tuple[LockedTask, ...]


@dataclass(frozen=True)
class Mark:
    """How a task of an alternative's job differs from the proposal: taken ``from`` another
    of its jobs, or ``new`` (in none of them); ``text`` says so in words, as the badge does."""

    kind: str
    text: str


@dataclass(frozen=True)
class AlternativeJobView:
    """A job of an alternative that the proposal does not have, drawn as a small week."""

    number: int
    item: AlternativeJob
    card: JobCard
    timetable: Timetable
    tasks: tuple[TaskLine, ...]
    #: The mark of each task that is not where the proposal's most similar job has it.
    marks: dict[str, Mark]
    days: str


@dataclass(frozen=True)
class LeftOutTask:
    """A task the proposal places in ``job_id`` and the alternative leaves out."""

    task: Task
    job_id: str


@dataclass(frozen=True)
class AlternativeSection:
    """One alternative as the report shows it: a short header, then only what differs."""

    number: int
    view: AlternativeView
    status: str
    jobs: tuple[AlternativeJobView, ...]
    left_out: tuple[LeftOutTask, ...]


def _value(value: float | None, lang: str) -> str:
    return labels(lang)["off"] if value is None else fmt(value, lang)


def _policy_rows(policy: Policy, lang: str) -> list[PolicyRow]:
    words = labels(lang)
    default = Policy()
    return [
        PolicyRow(
            label=words[key],
            value=_value(getattr(policy, key), lang),
            default=_value(getattr(default, key), lang),
            changed=getattr(policy, key) != getattr(default, key),
        )
        for key in POLICY_KEYS
    ]


def _lock_views(result: Result, lang: str) -> list[LockView]:
    words = labels(lang)
    job_of = {t: job.job_id for job in result.solution.jobs for t in job.task_ids}
    known = {task.id: task for task in result.instance.tasks}
    return [
        LockView(
            rule=words[f"lock_{lock.rule}"],
            meaning=words[f"lock_{lock.rule}_means"],
            tasks=tuple(LockedTask(t, known.get(t), job_of.get(t)) for t in lock.task_ids),
        )
        for lock in result.locks or ()
    ]


def _in_time_order(tasks: tuple[Task, ...]) -> tuple[Task, ...]:
    """Tasks as the day runs: earliest start first, then the first day they work."""
    return tuple(
        sorted(
            tasks,
            key=lambda t: (min((s.start for s in t.slots), default=0), min(t.days, default=0)),
        )
    )


def _times(card: JobCard) -> str:
    """Earliest start to latest end over the week (``06:00–13:30``)."""
    slots = [slot for task in card.tasks for slot in task.slots]
    if not slots:
        return ""
    start = min(slot.start for slot in slots)
    end = max(slot.end for slot in slots)
    return f"{format_minutes(start)}–{format_minutes(end)}"


def _windows_of(result: Result, task_id: str, lang: str) -> tuple[str, ...]:
    """A placed flexible task's windows, under its chosen times: how far it could move."""
    word = labels(lang)["time_window"]
    return tuple(f"{word}: {window_line(w, lang)}" for w in result.instance.task(task_id).windows)


def _job_view(result: Result, number: int, card: JobCard, lang: str, sroi_credit: str) -> JobView:
    words = labels(lang)
    return JobView(
        number=number,
        card=card,
        timetable=timetable(card, lang),
        tasks=tuple(
            TaskLine(t, when_lines((t,), lang) + _windows_of(result, t.id, lang))
            for t in _in_time_order(card.tasks)
        ),
        vacancy=vacancy_blocks(vacancy_text(result.instance, result.policy, card, lang)),
        employer_reason=words[f"why_{card.employer_reason}"],
        days=days_phrase(card.job.days, lang),
        times=_times(card),
        credit=tuple(job_credit(card, sroi_credit).items()),
    )


def _marks(item: AlternativeJob, lang: str) -> dict[str, Mark]:
    """The tasks of an alternative's job that differ from the job of the proposal it is like."""
    words = labels(lang)
    marks = {task: Mark("from", words["alt_from"].format(job=job)) for task, job in item.moved}
    marks.update({task: Mark("new", words["alt_new"]) for task in item.added})
    return marks


def _alternative_status(view: AlternativeView, lang: str) -> str:
    """The solver's word on an alternative; ``optimal`` alone means the best of those that
    differ enough, as good as the proposal only when proven so."""
    words = labels(lang)
    if view.proven_optimal:
        return words["optimal"]
    if view.status == "optimal":
        return words["alt_optimal"]
    return words.get(view.status, view.status) if view.status else ""


def _alternative_sections(result: Result, lang: str) -> list[AlternativeSection]:
    sections = []
    placed_in = {t: job.job_id for job in result.solution.jobs for t in job.task_ids}
    for number, view in enumerate(alternative_views(result), start=1):
        jobs = []
        for index, item in enumerate(view.changed, start=1):
            card = job_card(result.instance, item.job)
            jobs.append(
                AlternativeJobView(
                    number=index,
                    item=item,
                    card=card,
                    timetable=timetable(card, lang, compact=True),
                    tasks=tuple(
                        TaskLine(t, when_lines((t,), lang)) for t in _in_time_order(card.tasks)
                    ),
                    marks=_marks(item, lang),
                    days=days_phrase(item.job.days, lang),
                )
            )
        sections.append(
            AlternativeSection(
                number=number,
                view=view,
                status=_alternative_status(view, lang),
                jobs=tuple(jobs),
                left_out=tuple(
                    LeftOutTask(result.instance.task(t), placed_in[t]) for t in view.left_out
                ),
            )
        )
    return sections


def report_context(
    result: Result, lang: str = "nl", *, sroi_credit: str = DEFAULT_SROI_CREDIT
) -> dict[str, Any]:
    """Everything the report template shows, as plain values (handy for tests, too);
    ``sroi_credit`` as in :func:`~combibaan.reporting.summary.supplier_summaries`."""
    check_lang(lang)
    check_sroi_credit(sroi_credit)
    words = labels(lang)
    cards = job_cards(result)
    jobs = [
        _job_view(result, number, card, lang, sroi_credit)
        for number, card in enumerate(cards, start=1)
    ]
    unassigned = []
    for item in result.solution.unassigned:
        task = result.instance.task(item.task_id)
        unassigned.append({"task": task, "reason": render(item.reason, lang)})
    share = result.hours_placed / result.hours_total if result.hours_total else 0.0
    policy_rows = _policy_rows(result.policy, lang)
    return {
        "lang": lang,
        "L": words,
        "result": result,
        "name": result.instance.name,
        "status": words.get(result.status, result.status),
        "stopped": _stopped(result, lang),
        "jobs_note": jobs_note(
            result.num_jobs,
            result.jobs_bound,
            result.jobs_status == "optimal",
            lang,
            result.policy.cover,
            bool(result.candidates) and not result.policy.cover,
        ).strip(" ()"),
        "hours_note": hours_note(result.hours_placed, result.hours_bound, lang).strip(" ()"),
        "flexibility_note": flexibility_note(
            result.num_jobs,
            None if result.at_window_start is None else result.at_window_start.jobs,
            lang,
            status="" if result.at_window_start is None else result.at_window_start.jobs_status,
            cover=result.policy.cover,
        ),
        "share": share,
        "policy_rows": policy_rows,
        "policy_changes": [row for row in policy_rows if row.changed],
        "locks": _lock_views(result, lang),
        "forbid_pairs": list(result.forbid_pairs),
        "styles": supplier_styles(result.instance.supplier_names),
        "patterns": PATTERNS,
        "jobs": jobs,
        "unassigned": unassigned,
        "suppliers": supplier_summaries(result, cards, sroi_credit=sroi_credit),
        "sroi_credit": {
            "key": sroi_credit,
            "value": words[f"sroi_credit_{sroi_credit}"],
            "means": words[f"sroi_credit_{sroi_credit}_means"],
            "default": words[f"sroi_credit_{DEFAULT_SROI_CREDIT}"],
            "changed": sroi_credit != DEFAULT_SROI_CREDIT,
        },
        "unknown_suppliers": result.instance.unknown_suppliers,
        "alternatives": _alternative_sections(result, lang),
        "job_numbers": {view.card.job_id: view.number for view in jobs},
        "weeks_per_year": WEEKS_PER_YEAR,
        "generator": f"combibaan {_version()}",
    }


def _stopped(result: Result, lang: str) -> str:
    """How the run stopped, as the summary line says it, where the status does not say it
    all (a time limit, Ctrl-C, the wall clock, thinned starts); else nothing."""
    statistics = result.statistics
    if result.ended in ("optimal", "infeasible") and not (
        statistics.wall_clock_cut or statistics.thinned_tasks
    ):
        return ""
    return result.how_stopped(lang)


def render_report(
    result: Result, lang: str = "nl", *, sroi_credit: str = DEFAULT_SROI_CREDIT
) -> str:
    """The whole report as one HTML string; ``sroi_credit`` says whose social return a
    job's hours count for (``employer`` or ``hours``)."""
    context = report_context(result, lang, sroi_credit=sroi_credit)
    template = html_environment().get_template("report.html.j2")
    return template.render(
        num=lambda value, digits=2: fmt(value, lang, digits),
        signed=lambda value: signed(round(value, 2), lang),
        **context,
    )


def write_report(
    result: Result, path: str | Path, lang: str = "nl", *, sroi_credit: str = DEFAULT_SROI_CREDIT
) -> Path:
    """Write ``report.html`` (or any path) in UTF-8."""
    target = Path(path)
    target.write_text(render_report(result, lang, sroi_credit=sroi_credit), encoding="utf-8")
    return target
