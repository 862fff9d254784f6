"""Key figures of a result, shaped for pandas.

:func:`kpis` is a flat Series with the same index for every result, so that
results of different policies or locations stack into one table (the sweep
builds its rows from it). Hours per supplier depend on who is at the table,
so they live in their own table, :func:`supplier_kpis`, one row per supplier,
rather than as a varying set of Series entries.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pandas as pd

if TYPE_CHECKING:
    from combibaan.result import Result

#: The entries of :func:`kpis`, in order.
KPI_KEYS = (
    "jobs",
    "job_units",
    "hours_placed",
    "hours_total",
    "share_hours_placed",
    "jobs_bound",
    "gap",
    "status",
    "jobs_status",
    "solve_seconds",
)

#: The columns of :func:`supplier_kpis`, in order.
SUPPLIER_COLUMNS = (
    "supplier",
    "tasks",
    "tasks_placed",
    "hours_total",
    "hours_placed",
    "share_hours_placed",
    "jobs",
)


def kpis(result: Result) -> pd.Series:
    """The headline numbers of ``result`` as a Series named after the instance.

    ``share_hours_placed`` is a fraction (0..1); ``gap`` is ``None`` when no bound
    is known. ``status`` is ``optimal`` when the whole order (jobs, hours, tie-break) is
    proven, ``jobs_status`` when the job count is (see the README). Only
    ``solve_seconds`` depends on the machine: leave it out when comparing runs.
    """
    values = kpi_values(result)
    return pd.Series(values, index=list(KPI_KEYS), name=result.instance.name, dtype=object)


def kpi_values(result: Result) -> dict[str, Any]:
    """The numbers of :func:`kpis` as a plain dict keyed by :data:`KPI_KEYS` (picklable)."""
    total = result.hours_total
    return {
        "jobs": result.num_jobs,
        "job_units": result.job_units,
        "hours_placed": result.hours_placed,
        "hours_total": total,
        "share_hours_placed": result.hours_placed / total if total else 0.0,
        "jobs_bound": result.jobs_bound,
        "gap": result.gap,
        "status": result.status,
        "jobs_status": result.jobs_status,
        "solve_seconds": result.solve_seconds,
    }


def supplier_kpis(result: Result) -> pd.DataFrame:
    """Per supplier: its tasks and hours, how many of them the jobs take, and in how many jobs.

    Every supplier of the instance has a row, also one whose tasks all stay with
    its own staff: that is where a workshop asks "what about us?".
    """
    placed = {t for job in result.solution.jobs for t in job.task_ids}
    rows = []
    for name in result.instance.supplier_names:
        tasks = [t for t in result.instance.tasks if t.supplier == name]
        hours_total = sum(t.minutes_per_week for t in tasks) / 60
        hours_placed = sum(t.minutes_per_week for t in tasks if t.id in placed) / 60
        rows.append(
            {
                "supplier": name,
                "tasks": len(tasks),
                "tasks_placed": sum(t.id in placed for t in tasks),
                "hours_total": hours_total,
                "hours_placed": hours_placed,
                "share_hours_placed": hours_placed / hours_total if hours_total else 0.0,
                "jobs": sum(name in job.suppliers for job in result.solution.jobs),
            }
        )
    return pd.DataFrame(rows, columns=list(SUPPLIER_COLUMNS))
