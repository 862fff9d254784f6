"""The work behind ``combibaan sweep``: read, sweep with a progress bar, write, show.

Kept out of :mod:`combibaan.cli` so that the command there stays a thin
declaration of options.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pandas as pd
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from combibaan.analysis.kpis import KPI_KEYS
from combibaan.analysis.sweep import sweep
from combibaan.cli_interrupt import Interrupts
from combibaan.io import InputError, Problem, read_instance, read_policy
from combibaan.io.grid import read_grid
from combibaan.io.output import check_output, write_csv, write_files
from combibaan.rules import Policy
from combibaan.texts import number


def run_sweep(
    tasks: Path,
    grid_file: Path,
    out_file: Path,
    *,
    travel: Path | None = None,
    policy_file: Path | None = None,
    time_limit: float = 10.0,
    seed: int = 0,
    workers: int | None = None,
    scheduler: str | None = None,
    force: bool = False,
    quiet: bool = False,
    out: Console,
    err: Console,
) -> pd.DataFrame:
    """Sweep the grid over the instance, write ``out_file`` atomically and print a summary
    (with ``quiet`` only where it was written)."""
    _check_target(out_file, force=force)
    base = read_policy(policy_file) if policy_file else Policy()
    grid = read_grid(grid_file, base)
    instance = read_instance(
        tasks, travel, on_warning=lambda problem: err.print(f"warning: {problem}", markup=False)
    )
    total = len(pd.MultiIndex.from_product(list(grid.values())))
    with Progress(
        TextColumn("Sweeping"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        disable=quiet or not err.is_terminal,
        transient=True,
    ) as bar:
        task = bar.add_task("sweep", total=total)
        try:
            table = sweep(
                instance,
                grid,
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
            raise InputError(Problem("--scheduler", str(error))) from None
    shown = _with_off(table, list(grid))
    with Interrupts(err, saves=True) as interrupts, interrupts.writing():
        write_files(
            out_file.parent,
            {out_file.name: lambda p: write_csv(shown, p)},
            force=force,
            legacy=_sweep_table,
        )
    if not quiet:
        _show(shown, list(grid), instance.name, out)
    out.print(f"Written to {out_file}", soft_wrap=True)
    return table


def _with_off(table: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """Rules switched off read ``off`` in the file, as in the grid and policy files."""
    shown = table.copy()
    for key in keys:
        shown[key] = [
            "off" if pd.isna(value) else value for value in shown[key].astype(object).tolist()
        ]
    return shown


def _check_target(out_file: Path, *, force: bool = False) -> None:
    """Before any work: the table may be written there, replacing only a table of ours.

    A table combibaan recorded is replaced while unchanged (or with ``force``);
    one from before the record is recognised by its header.
    """
    if out_file.is_dir():
        raise InputError(
            Problem(str(out_file), "is a folder; give a file name such as results.csv")
        )
    check_output(out_file.parent, [out_file.name], force=force, legacy=_sweep_table)


def _sweep_table(path: Path) -> bool:
    """Whether ``path`` is a table an earlier sweep wrote (it has every KPI column)."""
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            header = next(csv.reader(handle), [])
    except (OSError, UnicodeDecodeError, csv.Error):
        return False
    return set(KPI_KEYS) <= set(header)


def _show(table: pd.DataFrame, keys: list[str], name: str, out: Console) -> None:
    view = Table(title=f"Sweep — {name}", title_justify="left")
    columns = [*keys, "jobs", "jobs_bound", "hours_placed", "share_hours_placed", "status"]
    headers = {"jobs_bound": "bound", "hours_placed": "hours", "share_hours_placed": "share"}
    for column in columns:
        view.add_column(
            headers.get(column, column), justify="left" if column == "status" else "right"
        )
    for row in table.itertuples(index=False):
        cells: list[Any] = []
        for column in columns:
            value = getattr(row, column)
            if column == "share_hours_placed":
                cells.append(f"{value:.0%}")
            elif isinstance(value, float):
                cells.append(number(round(value, 2)))
            else:
                cells.append("?" if pd.isna(value) else str(value))
        view.add_row(*cells)
    out.print(view)
