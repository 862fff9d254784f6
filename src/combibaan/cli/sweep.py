"""``combibaan sweep``: solve every combination of a grid of rules, one row per combination."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

import combibaan
from combibaan.cli.app import Command, app, err, out, user_errors, warn
from combibaan.cli.interrupt import Interrupts
from combibaan.cli.options import (
    ForceOpt,
    MessageLangOpt,
    ProcessesOpt,
    SchedulerOpt,
    SweepPolicyOpt,
    SweepQuietOpt,
    SweepSeconds,
    SweepSeedOpt,
    TasksArg,
    TravelOpt,
    read_inputs,
)
from combibaan.texts import cli_text, decimal, mistake

if TYPE_CHECKING:
    import pandas as pd


#: The result columns the table shows after the rules, with their headers' codes in
#: texts.CLI, and the header of the lists' names ("30 min" wider, with --widen-windows); a
#: rule's column is headed by its key, as written in a grid.
HEADERS = {
    "jobs": "col_jobs",
    "jobs_bound": "col_bound",
    "hours_placed": "col_hours",
    "share_hours_placed": "col_share",
    "status": "col_status",
}
KEY_HEADERS = {"instance": "col_widened"}


@app.command(cls=Command)
@user_errors
def sweep(
    tasks: TasksArg,
    grid: Annotated[
        Path,
        typer.Option(
            "--grid",
            help="TOML: one rule per line with values to try, e.g. min_hours = [16, 20].",
            metavar="FILE",
        ),
    ],
    results: Annotated[
        Path, typer.Option("--out", help="CSV file for the table of results.", metavar="FILE")
    ],
    travel: TravelOpt = None,
    policy: SweepPolicyOpt = None,
    time_limit: SweepSeconds = 10.0,
    seed: SweepSeedOpt = 0,
    workers: ProcessesOpt = None,
    scheduler: SchedulerOpt = None,
    force: ForceOpt = False,
    quiet: SweepQuietOpt = False,
    widen_windows: Annotated[
        str | None,
        typer.Option(
            "--widen-windows",
            help="Minutes to widen every time window at both ends, e.g. 0,30,60: each "
            "is a row group of its own (column 'instance').",
            metavar="LIST",
        ),
    ] = None,
    lang: MessageLangOpt = "nl",
) -> None:
    """Solve TASKS for every combination of the grid's rules; one row per combination."""
    combibaan.check_sweep_file(results, force=force)
    base = combibaan.Policy()
    if policy:
        # The file's rules with the grid's first point, checked as one whole: a file's
        # max_hours = 18 goes with a grid of lower minimum hours (alone it was refused
        # against the default 20 h). The grid is then checked against that.
        own = combibaan.read_grid(grid, combibaan.Policy.without_rules())
        try:
            base = combibaan.read_policy(policy, then={k: v[0] for k, v in own.items()})
        except combibaan.PolicyError:
            base = combibaan.read_policy(policy)  # fine alone: the grid is blamed below
    values = combibaan.read_grid(grid, base)
    instance = read_inputs(tasks, travel, lang=lang, quiet=True)
    widths = _widths(widen_windows)
    if any(widths) and not any(task.windows for task in instance.tasks):
        # Every group would be the same list: the sweep would repeat itself without a word.
        warn(combibaan.Problem("--widen-windows", mistake("widen_no_windows")), lang)
    lists: combibaan.Instance | dict[str, combibaan.Instance] = instance
    if widths:
        lists = {f"{m} min": combibaan.widen_windows(instance, m) for m in widths}
    total = len(widths) or 1
    for options in values.values():
        total *= len(options)
    with Progress(
        TextColumn(cli_text("sweeping", lang)),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        disable=quiet or not err.is_terminal,
        transient=True,
    ) as bar:
        task = bar.add_task("sweep", total=total)
        try:
            table = combibaan.sweep(
                lists,
                values,
                base,
                time_limit=time_limit,
                seed=seed,
                workers=workers,
                scheduler=scheduler,
                progress=lambda done, _total: bar.update(task, completed=done),
            )
        except (ConnectionError, ImportError) as error:
            if scheduler is None:
                raise
            message = (
                mistake("scheduler_unreachable", address=repr(scheduler))
                if isinstance(error, ConnectionError)
                else mistake("scheduler_needs_dask")
            )
            raise combibaan.InputError(combibaan.Problem("--scheduler", message)) from None
    with Interrupts(err, lang, saves=True) as interrupts, interrupts.writing():
        shown = combibaan.write_sweep(table, results, force=force)
    if not quiet:
        _show(shown, ["instance"] * bool(widths) + list(values), instance.name, lang)
    out.print(cli_text("written", lang, folder=results), soft_wrap=True)


def _widths(text: str | None) -> list[int]:
    """``"0,30,60"`` -> ``[0, 30, 60]``: whole minutes, 0 to ``combibaan.MAX_WIDEN``, each once."""
    if text is None:
        return []
    widths: list[int] = []
    for item in text.replace(";", ",").split(","):
        item = item.strip()
        # isdigit() alone lets "²" through, which int() refuses.
        if not (item.isascii() and item.isdigit()) or int(item) > combibaan.MAX_WIDEN:
            message = mistake("widen_windows", value=repr(item), most=combibaan.MAX_WIDEN)
            raise combibaan.InputError(combibaan.Problem("--widen-windows", message))
        if int(item) not in widths:
            widths.append(int(item))
    return widths


def _show(table: pd.DataFrame, keys: list[str], name: str, lang: str) -> None:
    import pandas as pd

    view = Table(title=cli_text("sweep_title", lang, name=name), title_justify="left")
    columns = [*keys, *HEADERS]
    for column in columns:
        code = HEADERS.get(column) or KEY_HEADERS.get(column)
        header = cli_text(code, lang) if code else column
        view.add_column(header, justify="left" if column == "status" else "right")
    for row in table.itertuples(index=False):
        cells: list[Any] = []
        for column in columns:
            value = getattr(row, column)
            if column == "share_hours_placed":
                cells.append(f"{value:.0%}")
            elif column == "status" and value != "optimal" and row.jobs_status == "optimal":
                # The hours are not proven, the count is: "geldig" alone would hide that.
                cells.append(cli_text("status_count_proven", lang))
            elif column == "status" or value == "off":
                cells.append(cli_text(value, lang))  # a status, or a rule that is off
            elif isinstance(value, float):
                cells.append(decimal(round(value, 2), lang))
            else:
                cells.append("?" if pd.isna(value) else str(value))
        view.add_row(*cells)
    out.print(view)
