"""Scenario sweeps: solve every combination of some policy rules and tabulate the KPIs.

This answers the analysts' questions in one table: what does the two-supplier
rule cost, how much do the hour bounds matter, and how does that differ
between our locations.
"""

from __future__ import annotations

import ast
import multiprocessing
import sys
import tokenize
import warnings
from collections.abc import Mapping, Sequence
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from types import FrameType
from typing import Any

import pandas as pd

from combibaan.analysis.kpis import KPI_KEYS
from combibaan.analysis.runner import ProgressCallback, Run, available_cpus, run_all
from combibaan.model import Instance
from combibaan.rules import BY_KEY, Grid, Policy, expand_grid


def sweep(
    instance: Instance | Mapping[str, Instance],
    grid: Grid,
    base: Policy | None = None,
    *,
    time_limit: float = 10.0,
    seed: int = 0,
    workers: int | None = None,
    scheduler: Any = None,
    progress: ProgressCallback | None = None,
) -> pd.DataFrame:
    """Solve ``instance`` under every combination of ``grid`` on top of ``base``.

    Returns one row per combination, in the order of the grid (the last key
    varies fastest): the grid's rule values (``None``/``<NA>`` where a rule is
    off), then the KPIs of :func:`~combibaan.analysis.kpis.kpis`
    (jobs, job_units, hours_placed, hours_total, share_hours_placed,
    jobs_bound, gap, status, jobs_status, solve_seconds).

    ``instance`` may also be a mapping of names to instances (say, one per
    location); the table then starts with an ``instance`` column.

    ``time_limit`` is per solve. Each solve uses one CP-SAT worker and ``seed``,
    so a row equals ``combibaan.solve(instance, policy, time_limit=...,
    seed=seed, workers=1)`` whichever engine runs it (``solve_seconds`` aside).
    The solves run in up to ``workers`` local processes (default: one per CPU),
    or on a Dask cluster given as ``scheduler`` (``"tcp://host:8786"`` or a
    ``distributed.Client``; needs ``pip install 'combibaan[dask]'``).

    >>> table = combibaan.sweep(                                   # doctest: +SKIP
    ...     instance, {"max_suppliers": [1, 2, 3], "min_hours": [16, 20, 25.5]}, time_limit=5
    ... )
    >>> table.pivot(index="min_hours", columns="max_suppliers", values="jobs")  # doctest: +SKIP

    Local worker processes start by running the caller's main script again
    (``forkserver``/``spawn``). A script that calls ``sweep`` outside an
    ``if __name__ == "__main__":`` block would sweep again in every worker, so
    there the solves run one after another in this process, with a
    ``RuntimeWarning`` that says how to get them in parallel.
    """
    if _worker_starting():
        raise RuntimeError(_WORKER_MESSAGE)
    base = Policy.for_most_jobs(base, "sweep")
    combos = expand_grid(grid, base)
    instances = dict(instance) if isinstance(instance, Mapping) else {"": instance}
    runs = [Run(inst, policy) for inst in instances.values() for _, policy in combos]
    if scheduler is None and workers != 1 and len(runs) > 1 and available_cpus() > 1:
        reason = main_rerun_reason()
        if reason is not None:
            warnings.warn(
                "combibaan.sweep solves one after another in this process: worker processes "
                f"start by running the main script, and {reason}.",
                RuntimeWarning,
                stacklevel=2,
            )
            workers = 1
    try:
        outcomes = run_all(
            runs,
            time_limit=time_limit,
            seed=seed,
            workers=workers,
            scheduler=scheduler,
            progress=progress,
        )
    except BrokenProcessPool as error:
        raise RuntimeError(
            f"a worker process of combibaan.sweep stopped before it could solve ({error}). "
            "If your script calls sweep at its top level, put the call under "
            "'if __name__ == \"__main__\":', or pass workers=1."
        ) from error
    named = isinstance(instance, Mapping)
    rows = []
    results = iter(outcomes)
    for name in instances:
        for values, _ in combos:
            label = {"instance": name} if named else {}
            rows.append({**label, **values, **next(results).kpis})
    keys = list(combos[0][0]) if combos else []
    columns = [*(["instance"] if named else []), *keys, *KPI_KEYS]
    return _typed(pd.DataFrame(rows, columns=columns), keys)


_WORKER_MESSAGE = (
    "combibaan.sweep was called while a worker process of an earlier sweep was starting: the "
    "script calls sweep at its top level, and worker processes run the script again. Put the "
    "call under 'if __name__ == \"__main__\":', or pass workers=1."
)


def _worker_starting() -> bool:
    """Whether this process is a worker still running the parent's main script."""
    return multiprocessing.parent_process() is not None and bool(
        getattr(multiprocessing.current_process(), "_inheriting", False)
    )


def main_rerun_reason() -> str | None:
    """Why worker processes would run this call again, or ``None`` when they would not.

    ``forkserver`` and ``spawn`` workers first run the parent's main module as
    ``__mp_main__``. That is harmless for a notebook or ``python -c`` (no file)
    and for a script whose call lies under ``if __name__ == "__main__":``; it
    repeats the call when the script makes it at its top level, and fails when
    the "script" is not a file (``python - < script.py``).
    """
    main = sys.modules.get("__main__")
    path = getattr(main, "__file__", None)
    if main is None or not path:
        return None
    line = None
    frame: FrameType | None = sys._getframe(1)
    while frame is not None:  # the outermost line of the main module on the way here
        if frame.f_globals is vars(main) and frame.f_code.co_name == "<module>":
            line = frame.f_lineno
        frame = frame.f_back
    if line is None:
        return None  # called after the main module ran (a callback, a thread): not repeated
    guard = "'if __name__ == \"__main__\":'"
    if not Path(path).is_file():
        return f"{path} is no file they can run; run the script from a file to solve in parallel"
    try:
        with tokenize.open(path) as handle:
            tree = ast.parse(handle.read())
    except (OSError, SyntaxError, UnicodeDecodeError, ValueError):
        return f"{path} could not be read to see whether line {line} lies under {guard}"
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and _tests_main(node.test) and node.body:
            last = max(getattr(n, "end_lineno", None) or n.lineno for n in node.body)
            if node.body[0].lineno <= line <= last:
                return None
    return (
        f"{path} calls sweep at its top level (line {line}), so each would sweep again; "
        f"put the call under {guard} to solve in parallel"
    )


def _tests_main(test: ast.expr) -> bool:
    """Whether ``test`` is ``__name__ == "__main__"`` (either way round)."""
    if not (isinstance(test, ast.Compare) and len(test.ops) == 1):
        return False
    if not isinstance(test.ops[0], ast.Eq):
        return False
    sides = [test.left, test.comparators[0]]
    names = [s for s in sides if isinstance(s, ast.Name) and s.id == "__name__"]
    mains = [s for s in sides if isinstance(s, ast.Constant) and s.value == "__main__"]
    return len(names) == 1 and len(mains) == 1


def _typed(table: pd.DataFrame, keys: Sequence[str]) -> pd.DataFrame:
    """Whole-number columns stay whole numbers even where a rule is off or no bound is known."""
    for key in keys:
        if table[key].isna().any():
            whole = key in BY_KEY and BY_KEY[key].bounds.whole
            table[key] = table[key].astype("Int64" if whole else "Float64")
    table["jobs"] = table["jobs"].astype("int64")
    table["jobs_bound"] = table["jobs_bound"].astype("Int64")
    table["gap"] = table["gap"].astype("float64")
    return table
