"""What ``solve`` prints: the jobs, the tasks left out, the alternatives, one summary line."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from rich.table import Table
from rich.text import Text

from combibaan.cli.app import out
from combibaan.texts import cli_text, decimal, format_days, hours_note, jobs_note, number, render

if TYPE_CHECKING:
    from combibaan import Job, Result

#: Rows of each table ``solve`` prints by default; the files hold every row.
SHOWN_ROWS = 25


def stop_of(result: Result) -> str:
    """How the run ended: ``proven``, ``time_limit`` or ``interrupted``.

    ``result.stopped`` as the solver set it, read together with the two older
    signals of the same facts so that they can never disagree on screen: a
    result proven ``optimal`` was proven, one whose statistics say interrupted
    was interrupted.
    """
    if result.status == "optimal":
        return "proven"
    if result.statistics.interrupted:
        return "interrupted"
    return result.stopped


def summary_line(result: Result, lang: str = "nl") -> str:
    """The job count and whether it is proven, hours placed against their bound, how it
    stopped, seconds: ``12 banen (bewezen maximum) · 301,5 uur geplaatst (ten hoogste 310) ·
    gestopt: tijdslimiet · 4,2 s``."""
    n, bound = result.num_jobs, result.jobs_bound
    jobs = cli_text("jobs_one", lang) if n == 1 else cli_text("jobs", lang, n=n)
    jobs += jobs_note(n, bound, result.jobs_status == "optimal", lang)
    hours = cli_text("hours", lang, hours=decimal(round(result.hours_placed, 2), lang))
    hours += hours_note(result.hours_placed, result.hours_bound, lang)
    if result.status == "optimal":
        how = cli_text("optimal", lang)
    elif result.status == "infeasible":
        how = cli_text("infeasible", lang)
    else:
        how = cli_text(stop_of(result), lang)
    if result.statistics.wall_clock_cut:
        how += cli_text("wall_clock", lang)
    shown = f"{result.solve_seconds:.1f}"
    seconds = cli_text("seconds", lang, seconds=shown.replace(".", ",") if lang == "nl" else shown)
    return " · ".join((jobs, hours, how, seconds))


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
    table = Table(title=f"Combination jobs — {result.instance.name}", title_justify="left")
    for column in ("job", "tasks", "suppliers", "hours/week", "days", "locations"):
        table.add_column(column, justify="right" if column == "hours/week" else "left")
    for job in jobs[:rows]:
        table.add_row(
            job.job_id,
            ", ".join(job.task_ids),
            ", ".join(job.suppliers),
            number(round(job.hours_per_week, 2)),
            format_days(job.days, lang),
            ", ".join(job.locations),
        )
    out.print(table)
    _more(len(jobs), rows, "more_jobs", lang, written, "jobs.csv")
    unassigned = result.solution.unassigned
    if unassigned:
        left = Table(title="Tasks that stay with their supplier", title_justify="left")
        left.add_column("task")
        left.add_column("supplier")
        left.add_column("hours/week", justify="right")
        left.add_column("reason")
        for item in unassigned[:rows]:
            task = result.instance.task(item.task_id)
            left.add_row(
                task.id,
                task.supplier,
                number(round(task.hours_per_week, 2)),
                render(item.reason, lang),
            )
        out.print(left)
        _more(len(unassigned), rows, "more_tasks", lang, written, "unassigned.csv")
    out.print(summary_line(result, lang), soft_wrap=True)


def _more(
    total: int, rows: int | None, code: str, lang: str, written: Path | None, file: str
) -> None:
    """Under a table cut short: how many rows more, and the file that holds them all."""
    if rows is None or total <= rows:
        return
    hidden = total - rows
    where = (
        cli_text("more_in", lang, file=written / file)
        if written is not None
        else cli_text("more_hint", lang)
    )
    if hidden == 1:
        text = cli_text(f"{code}_one", lang, where=where)
    else:
        text = cli_text(code, lang, n=hidden, where=where)
    out.print(Text(text, style="dim"), soft_wrap=True)


def show_alternatives(result: Result, *, rows: int | None = None) -> None:
    """A short comparison table: the best proposal and each alternative.

    Each cell lists at most ``rows`` jobs (``None``: all), then how many more.
    """
    if not result.alternatives:
        return
    table = Table(title="Alternatives", title_justify="left")
    for column in ("proposal", "jobs", "hours", "vs best", "status", "jobs (tasks)"):
        table.add_column(column, justify="right" if column in ("jobs", "hours") else "left")
    table.add_row(
        "best",
        str(result.num_jobs),
        number(round(result.hours_placed, 2)),
        "",
        result.status,
        jobs_text(result.solution.jobs, rows=rows),
    )
    best = {frozenset(j.task_ids) for j in result.solution.jobs}
    for alt in result.alternatives:
        delta = f"{alt.jobs_delta:+d} jobs, {alt.hours_delta:+g} h"
        status = "optimal" if alt.proven_optimal else alt.status
        table.add_row(
            f"#{alt.rank}",
            str(alt.num_jobs),
            number(round(alt.hours_placed, 2)),
            "equal" if alt.equally_good else delta,
            status,
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
