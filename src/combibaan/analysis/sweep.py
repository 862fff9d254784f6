"""Scenario sweeps: solve every combination of some policy rules and tabulate the KPIs.

This answers the analysts' questions in one table: what does the two-supplier
rule cost, how much do the hour bounds matter, and how does that differ
between our locations.
"""

from __future__ import annotations

import difflib
import itertools
from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from combibaan.analysis.kpis import KPI_KEYS
from combibaan.analysis.runner import ProgressCallback, Run, run_all
from combibaan.model import Instance, Policy, PolicyError
from combibaan.model.policy import POLICY_KEYS, parse_policy_value

#: ``{"max_suppliers": [1, 2, 3], "min_hours": [16, 20]}``; ``"off"``/``None`` switch a rule off.
Grid = Mapping[str, Any]


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
    off), then the KPIs of :attr:`Result.kpis <combibaan.result.Result.kpis>`
    (jobs, job_units, hours_placed, hours_total, share_hours_placed,
    jobs_bound, gap, status, solve_seconds).

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
    """
    base = base or Policy()
    combos = expand_grid(grid, base)
    instances = dict(instance) if isinstance(instance, Mapping) else {"": instance}
    runs = [Run(inst, policy) for inst in instances.values() for _, policy in combos]
    outcomes = run_all(
        runs,
        time_limit=time_limit,
        seed=seed,
        workers=workers,
        scheduler=scheduler,
        progress=progress,
    )
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


def expand_grid(grid: Grid, base: Policy) -> list[tuple[dict[str, Any], Policy]]:
    """Every combination of the grid as (rule values, policy); wrong keys or values raise.

    A single value (not a list) counts as a one-value list. Each value is read as
    in a policy file, so ``"off"`` switches a rule off.
    """
    if not grid:
        raise PolicyError("the grid is empty; give at least one rule with a list of values")
    choices: dict[str, list[Any]] = {}
    for key, values in grid.items():
        if key not in POLICY_KEYS:
            close = difflib.get_close_matches(str(key), POLICY_KEYS, n=1)
            hint = f"did you mean {close[0]!r}? " if close else ""
            raise PolicyError(
                f"unknown policy rule {key!r} in the grid; {hint}known rules: "
                + ", ".join(POLICY_KEYS)
            )
        listed = list(values) if _is_list(values) else [values]
        if not listed:
            raise PolicyError(f"the grid gives no values for {key!r}; give a list such as [1, 2]")
        choices[key] = [parse_policy_value(key, value) for value in listed]
    combos = []
    for picked in itertools.product(*choices.values()):
        changes = dict(zip(choices, picked, strict=True))
        try:
            policy = base.replace(**changes)
        except PolicyError as error:
            shown = ", ".join(f"{k}={'off' if v is None else v}" for k, v in changes.items())
            raise PolicyError(
                f"the grid combination {shown} is not a valid policy: {error}"
            ) from None
        combos.append(({key: getattr(policy, key) for key in changes}, policy))
    return combos


def _is_list(values: Any) -> bool:
    return isinstance(values, Sequence | set | frozenset) and not isinstance(values, str | bytes)


def _typed(table: pd.DataFrame, keys: Sequence[str]) -> pd.DataFrame:
    """Whole-number columns stay whole numbers even where a rule is off or no bound is known."""
    for key in keys:
        if table[key].isna().any():
            table[key] = table[key].astype("Int64" if key == "max_suppliers" else "Float64")
    table["jobs"] = table["jobs"].astype("int64")
    table["jobs_bound"] = table["jobs_bound"].astype("Int64")
    table["gap"] = table["gap"].astype("float64")
    return table
