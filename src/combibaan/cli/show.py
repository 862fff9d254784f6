"""What ``solve`` prints: the jobs, the tasks left out, the alternatives, one summary line."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from rich.table import Table
from rich.text import Text

from combibaan.cli.app import out
from combibaan.texts import (
    cli_text,
    decimal,
    flexibility_note,
    format_days,
    hours_note,
    jobs_note,
    render,
)

if TYPE_CHECKING:
    from combibaan import Job, Result

#: Rows of each table ``solve`` prints by default; the files hold every row.
SHOWN_ROWS = 25
#: The columns of the tables, by their codes in ``texts.CLI``; those in ``NUMBERS`` align right.
JOB_COLUMNS = (
    "col_job",
    "col_tasks",
    "col_suppliers",
    "col_hours_week",
    "col_days",
    "col_locations",
)
TASK_COLUMNS = ("col_task", "col_supplier", "col_hours_week", "col_reason")
ALTERNATIVE_COLUMNS = (
    "col_proposal",
    "col_jobs",
    "col_hours",
    "col_vs_best",
    "col_status",
    "col_jobs_tasks",
)
NUMBERS = ("col_hours_week", "col_jobs", "col_hours")


def summary_line(result: Result, lang: str = "nl") -> str:
    """The job count and whether it is proven, hours placed against their bound, how it
    stopped, seconds: ``12 banen (bewezen maximum) · 301,5 uur geplaatst (ten hoogste 310) ·
    gestopt: tijdslimiet · 4,2 s``."""
    n, bound = result.num_jobs, result.jobs_bound
    if result.candidates and not result.policy.cover:
        jobs = _held_and_vacancies(result, lang)
    else:
        jobs = cli_text("jobs", lang, n=n)
        jobs += jobs_note(n, bound, result.jobs_status == "optimal", lang, result.policy.cover)
    hours = cli_text("hours", lang, hours=round(result.hours_placed, 2))
    hours += hours_note(result.hours_placed, result.hours_bound, lang)
    how = result.how_stopped(lang)
    seconds = cli_text("seconds", lang, seconds=result.solve_seconds)
    start = result.at_window_start
    flexible = flexibility_note(
        result.num_jobs,
        None if start is None else start.jobs,
        lang,
        status="" if start is None else start.jobs_status,
        cover=result.policy.cover,
    )
    return " · ".join(part for part in (jobs, hours, flexible, how, seconds) if part)


def _held_and_vacancies(result: Result, lang: str) -> str:
    """``5 banen: 2 voor een kandidaat (bewezen maximum), 3 vacatures (bewezen maximum
    daarnaast)``: the candidates' jobs come first, the vacancies are counted beside them."""
    held = sum(job.candidate is not None for job in result.solution.jobs)
    words = cli_text("jobs", lang, n=result.num_jobs) + ": " + cli_text("held", lang, n=held)
    if result.statistics.candidate_status == "optimal":
        words += cli_text("jobs_proven", lang)
    if result.only_candidates:
        return words
    vacancies, bound = result.num_jobs - held, result.jobs_bound
    words += ", " + cli_text("vacancies", lang, n=vacancies)
    if result.jobs_status == "optimal" or (bound is not None and bound == result.num_jobs):
        return words + cli_text("beside_proven", lang)
    return words if bound is None else words + cli_text("beside_bound", lang, bound=bound - held)


def show_result(
    result: Result,
    lang: str = "nl",
    *,
    rows: int | None = SHOWN_ROWS,
    written: Path | None = None,
) -> None:
    """The jobs as a table, the tasks left out, and one summary line.

    Each table shows at most ``rows`` rows (``None``: all) and then says how many
    more there are and where they are: in ``written`` (the ``--out`` folder), or
    how to see them. A 1,000-task run would otherwise scroll 900 lines past.
    """
    jobs = result.solution.jobs
    title = cli_text("jobs_title", lang, name=result.instance.name)
    table = Table(title=title, title_justify="left")
    people = bool(result.candidates)
    _columns(table, (*JOB_COLUMNS, *(("col_candidate",) if people else ())), lang)
    for job in jobs[:rows]:
        table.add_row(
            job.job_id,
            ", ".join(job.task_ids),
            ", ".join(job.suppliers),
            decimal(round(job.hours_per_week, 2), lang),
            format_days(job.days, lang),
            ", ".join(job.locations),
            *((job.candidate or cli_text("vacancy_open", lang),) if people else ()),
        )
    if jobs:
        out.print(table)
        _more(len(jobs), rows, "more_jobs", lang, written, "jobs.csv")
    else:  # an empty table's frame says less than a sentence
        out.print(f"{title}: {cli_text('no_jobs', lang)}", soft_wrap=True)
    unassigned = result.solution.unassigned
    if unassigned:
        left = Table(title=cli_text("unassigned_title", lang), title_justify="left")
        _columns(left, TASK_COLUMNS, lang)
        for item in unassigned[:rows]:
            task = result.instance.task(item.task_id)
            left.add_row(
                task.id,
                task.supplier,
                decimal(round(task.hours_per_week, 2), lang),
                render(item.reason, lang),
            )
        out.print(left)
        _more(len(unassigned), rows, "more_tasks", lang, written, "unassigned.csv")
    out.print(summary_line(result, lang), soft_wrap=True)


def _columns(table: Table, codes: Sequence[str], lang: str) -> None:
    for code in codes:
        table.add_column(cli_text(code, lang), justify="right" if code in NUMBERS else "left")


def _more(
    total: int, rows: int | None, code: str, lang: str, written: Path | None, file: str
) -> None:
    """Under a table cut short: how many rows more, and the file that holds them all."""
    if rows is None or total <= rows:
        return
    where = (
        cli_text("more_in", lang, file=written / file)
        if written is not None
        else cli_text("more_hint", lang)
    )
    text = cli_text(code, lang, n=total - rows, where=where)
    out.print(Text(text, style="dim"), soft_wrap=True)


def show_alternatives(result: Result, lang: str = "nl", *, rows: int | None = None) -> None:
    """A short comparison table: the best proposal and each alternative.

    Each cell lists at most ``rows`` jobs (``None``: all), then how many more.
    """
    if not result.alternatives:
        return
    table = Table(title=cli_text("alternatives_title", lang), title_justify="left")
    _columns(table, ALTERNATIVE_COLUMNS, lang)
    table.add_row(
        cli_text("best", lang),
        str(result.num_jobs),
        decimal(round(result.hours_placed, 2), lang),
        "",
        cli_text(result.status, lang),
        jobs_text(result.solution.jobs, rows=rows),
    )
    best = {frozenset(j.task_ids) for j in result.solution.jobs}
    for alt in result.alternatives:
        delta = cli_text("vs_best", lang, jobs=alt.jobs_delta, hours=round(alt.hours_delta, 2))
        status = "optimal" if alt.proven_optimal else alt.status
        table.add_row(
            f"#{alt.rank}",
            str(alt.num_jobs),
            decimal(round(alt.hours_placed, 2), lang),
            cli_text("equal", lang) if alt.equally_good else delta,
            cli_text(status, lang),
            jobs_text(alt.jobs, best, rows=rows),
        )
    out.print(table)


def jobs_text(
    jobs: Sequence[Job], same: set[frozenset[str]] | None = None, *, rows: int | None = None
) -> Text:
    """Jobs as task lists; those also in the best proposal are dimmed. Never markup.

    Jobs that differ from the best proposal come first, so that a cell cut
    short after ``rows`` jobs still shows what changed.
    """

    def kept(job: Job) -> bool:
        return same is not None and frozenset(job.task_ids) in same

    ordered = sorted(jobs, key=kept)
    text = Text()
    for n, job in enumerate(ordered[:rows]):
        if n:
            text.append(" ")
        text.append("+".join(job.task_ids), style="dim" if kept(job) else "")
    if rows is not None and len(ordered) > rows:
        text.append(f" … (+{len(ordered) - rows})", style="dim")
    return text
