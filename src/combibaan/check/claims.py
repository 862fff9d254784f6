"""What a solution says about itself: each job's echoed fields, the unassigned list, status, bounds.

These are checked against the tasks, not trusted: a report or a reader relies on them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from typing import Any

from combibaan.check.base import DAY_CODES, Violation
from combibaan.check.document import is_count, is_number, is_text_list, shown
from combibaan.model.task import Task

STATUSES = ("optimal", "feasible", "infeasible", "unknown")
#: How a run may have ended (``stopped``).
STOPS = ("proven", "time_limit", "interrupted")
#: Tolerance for ``hours_per_week`` as written in the file (it is rounded there).
HOURS_TOLERANCE = 0.01


def field_violations(job: Mapping[str, Any], job_id: str, tasks: list[Task]) -> list[Violation]:
    """The job's echoed fields (suppliers, hours, days) must describe its tasks."""
    out: list[Violation] = []
    suppliers = {t.supplier for t in tasks}
    listed = job.get("suppliers")
    if not is_text_list(listed) or set(listed) != suppliers or len(listed) != len(suppliers):
        out.append(
            Violation("suppliers", job_id, f"lists {listed!r}, tasks come from {sorted(suppliers)}")
        )
    minutes = sum(s.end - s.start for t in tasks for s in t.slots)
    hours = job.get("hours_per_week")
    if not is_number(hours) or abs(hours - minutes / 60) > HOURS_TOLERANCE:
        out.append(
            Violation(
                "hours_per_week", job_id, f"lists {hours!r} h, tasks sum to {minutes / 60:g} h"
            )
        )
    days = [DAY_CODES[d] for d in sorted({s.day for t in tasks for s in t.slots})]
    listed_days = job.get("days")
    if (
        not is_text_list(listed_days)
        or sorted(listed_days, key=lambda d: DAY_CODES.index(d) if d in DAY_CODES else 99) != days
    ):
        out.append(Violation("days", job_id, f"lists {listed_days!r}, tasks work on {days}"))
    return out


def unassigned_violations(
    solution: Mapping[str, Any], known: Mapping[str, Task], assigned: Mapping[str, str]
) -> list[Violation]:
    """Every task not in a job is listed once as unassigned, with a reason."""
    out: list[Violation] = []
    items = solution.get("unassigned")
    if not isinstance(items, list):
        return [Violation("structure", None, "'unassigned' is missing or not a list")]
    listed: Counter[str] = Counter()
    for item in items:
        if not isinstance(item, Mapping) or "task_id" not in item:
            out.append(Violation("structure", None, f"unassigned entry {item!r} has no task_id"))
            continue
        task_id = item["task_id"]
        if not isinstance(task_id, str):
            out.append(
                Violation("structure", None, f"unassigned task id {shown(task_id)} is not text")
            )
            continue
        listed[task_id] += 1
        reason = item.get("reason")
        if task_id not in known:
            out.append(
                Violation(
                    "unknown_task", None, f"unassigned task {task_id!r} is not in the instance"
                )
            )
        elif task_id in assigned:
            out.append(
                Violation(
                    "unassigned",
                    None,
                    f"task {task_id} is listed as unassigned but is in job {assigned[task_id]}",
                )
            )
        if not isinstance(reason, str) or not reason.strip():
            out.append(Violation("unassigned", None, f"unassigned task {task_id} has no reason"))
    for task_id, count in listed.items():
        if count > 1:
            out.append(
                Violation(
                    "unassigned", None, f"task {task_id} is listed as unassigned {count} times"
                )
            )
    for task_id in known:
        if task_id not in assigned and task_id not in listed:
            out.append(
                Violation(
                    "unassigned", None, f"task {task_id} is in no job and not listed as unassigned"
                )
            )
    return out


def status_violations(
    solution: Mapping[str, Any], n_jobs: int, hours_placed: float
) -> list[Violation]:
    """What the solution claims about itself: status, bounds and how it stopped."""
    out: list[Violation] = []
    status = solution.get("status")
    bound = solution.get("jobs_bound")
    if status not in STATUSES:
        out.append(
            Violation("status", None, f"status {shown(status)} is not one of {', '.join(STATUSES)}")
        )
    jobs_status = solution.get("jobs_status")
    if "jobs_status" in solution and jobs_status not in STATUSES:
        out.append(
            Violation(
                "status",
                None,
                f"jobs_status {shown(jobs_status)} is not one of {', '.join(STATUSES)}",
            )
        )
    stopped = solution.get("stopped")
    if "stopped" in solution and stopped not in STOPS:
        out.append(
            Violation("status", None, f"stopped {shown(stopped)} is not one of {', '.join(STOPS)}")
        )
    hours_bound = solution.get("hours_bound")
    if hours_bound is not None:
        if not is_number(hours_bound):
            out.append(
                Violation("hours_bound", None, f"hours_bound {shown(hours_bound)} is not a number")
            )
        elif hours_placed > hours_bound + HOURS_TOLERANCE:
            out.append(
                Violation(
                    "hours_bound",
                    None,
                    f"{hours_placed:g} h placed, more than the proven bound {hours_bound:g} h",
                )
            )
    if bound is not None and not is_count(bound):
        return [*out, Violation("jobs_bound", None, f"jobs_bound {shown(bound)} is not a count")]
    if bound is not None and n_jobs > bound:
        out.append(
            Violation("jobs_bound", None, f"{n_jobs} jobs, more than the proven bound {bound:g}")
        )
    for key, claim in (("status", status), ("jobs_status", jobs_status)):
        if claim == "optimal" and n_jobs != bound:
            out.append(
                Violation(
                    "jobs_bound",
                    None,
                    f"{key} optimal, but {n_jobs} jobs while the bound is {bound}",
                )
            )
    return out
