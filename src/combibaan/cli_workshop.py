"""Command-line pieces for the workshop: lock options, the alternatives table, explain's story.

Kept apart from :mod:`combibaan.cli` so that the main command file stays a
short list of commands; everything here is display or option plumbing over the
API (``read_locks``, ``solve(..., locks=, forbid_pairs=, alternatives=)``,
``explain``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from combibaan.io.errors import InputError, Problem
from combibaan.model.locks import LockError
from combibaan.texts import number

if TYPE_CHECKING:
    from combibaan.model import Instance, Job, Locks
    from combibaan.model.locks import SupplierPair
    from combibaan.result import Result

#: The most alternatives one solve looks for (each may take another time limit).
MAX_ALTERNATIVES = 100

LocksOpt = Annotated[
    Path | None,
    typer.Option(
        "--locks",
        help="Workshop locks: CSV/XLSX with columns rule,task_ids (regel,taken); rules "
        "together/apart/exclude/keep (samen/niet_samen/uitsluiten/behouden), ids separated by |.",
        metavar="FILE",
    ),
]
ForbidPairOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--forbid-pair",
        help="Two suppliers that may not share a job, e.g. 'Securitas|Sodexo'; repeatable.",
        metavar="A|B",
    ),
]
AlternativesOpt = Annotated[
    int,
    typer.Option(
        "--alternatives",
        help="Also look for up to this many different proposals (each drops at least a "
        "third of the jobs of every earlier one).",
        min=0,
        max=MAX_ALTERNATIVES,
        metavar="K",
    ),
]


def read_workshop(
    instance: Instance,
    locks_file: Path | None,
    forbid_pairs: list[str] | None,
    warn: Callable[[object], None],
) -> tuple[Locks | None, tuple[SupplierPair, ...]]:
    """The locks file (checked against the instance) and the forbidden supplier pairs.

    A pair naming an unknown supplier is an :class:`InputError` about ``--forbid-pair``.
    Hidden rows of a locks workbook go to ``warn``, as for the tasks: the command line
    passes its own, since this module sits below :mod:`combibaan.cli`.
    """
    from combibaan.io.locks import read_locks
    from combibaan.io.table import collect_warnings
    from combibaan.solvers.locking import resolve_pairs

    with collect_warnings() as noticed:  # hidden rows of a locks workbook, printed as for tasks
        try:
            locks = read_locks(locks_file, instance) if locks_file is not None else None
        finally:
            for problem in noticed:
                warn(problem)
    try:
        return locks, resolve_pairs(instance, forbid_pairs or ())
    except LockError as error:
        raise InputError(Problem("--forbid-pair", str(error))) from None


def show_alternatives(console: Console, result: Result, *, rows: int | None = None) -> None:
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
        _jobs_text(result.solution.jobs, rows=rows),
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
            _jobs_text(alt.jobs, best, rows=rows),
        )
    console.print(table)


def _jobs_text(
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
