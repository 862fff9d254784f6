"""A sweep's table as a CSV file: checked before the sweep, written all at once, never over a
file of the user's (the rules of :mod:`combibaan.io.output`)."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd

from combibaan.analysis.kpis import KPI_KEYS
from combibaan.io import InputError, Problem
from combibaan.io.output import check_output, write_csv, write_files
from combibaan.model.phrase import mistake
from combibaan.rules import POLICY_KEYS


def check_sweep_file(path: str | Path, *, force: bool = False) -> None:
    """Whether :func:`write_sweep` may write ``path``; :class:`InputError` if not.

    Called before the sweep, so that a wrong name costs no solving. A table an
    earlier sweep wrote is replaced while unchanged (or with ``force``); one from
    before combibaan kept a record is recognised by its header.
    """
    target = Path(path)
    if target.is_dir():
        raise InputError(Problem(str(target), mistake("sweep_file_folder")))
    _not_another_file(target)
    check_output(target.parent, [target.name], force=force, legacy=_sweep_table)


def write_sweep(table: pd.DataFrame, path: str | Path, *, force: bool = False) -> pd.DataFrame:
    """Write :func:`~combibaan.analysis.sweep.sweep`'s table to ``path`` as CSV, a rule that
    is off as ``off`` (as in grid and policy files); returns the table as written."""
    target = Path(path)
    _not_another_file(target)
    shown = table.copy()
    for key in (c for c in shown.columns if c in POLICY_KEYS):
        shown[key] = [
            "off" if pd.isna(value) else value for value in shown[key].astype(object).tolist()
        ]
    write_files(
        target.parent,
        {target.name: lambda p: write_csv(shown, p)},
        force=force,
        legacy=_sweep_table,
    )
    return shown


#: Names of other formats: the table is CSV (``results.xlsx`` got CSV text).
OTHER_FORMATS = frozenset({".xlsx", ".xlsm", ".xls", ".ods", ".json", ".html", ".toml"})


def _not_another_file(target: Path) -> None:
    """Refuse a name of another format, and a file that is no sweep's table, even one
    combibaan wrote: ``--out run/solution.json`` replaced a solve's proposal with the
    table, and ``check`` on that folder then failed (``force`` is for a table changed
    since)."""
    if target.suffix.lower() in OTHER_FORMATS:
        raise InputError(Problem(str(target), mistake("sweep_file_csv")))
    if target.is_file() and not _sweep_table(target):
        raise InputError(Problem(str(target), mistake("sweep_file_other")))


def _sweep_table(path: Path) -> bool:
    """Whether ``path`` is a table an earlier sweep wrote (it has every KPI column)."""
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            header = next(csv.reader(handle), [])
    except (OSError, UnicodeDecodeError, csv.Error):
        return False
    return set(KPI_KEYS) <= set(header)
