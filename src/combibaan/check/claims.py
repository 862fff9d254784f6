"""What a solution says about itself: each job's echoed fields, the unassigned list, status, bounds.

These are checked against the tasks, not trusted: a report or a reader relies on them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from typing import Any

from combibaan.check.base import DAY_CODES, Violation, limit, said
from combibaan.check.document import is_count, is_number, is_text_list, shown
from combibaan.model.task import Task
from combibaan.rules import Policy

STATUSES = ("optimal", "feasible", "infeasible", "unknown")
#: How a run may have ended (``stopped``).
STOPS = ("proven", "starts_tried", "count_proven", "time_limit", "interrupted")
#: Tolerance for ``hours_per_week`` as written in the file (it is rounded there).
HOURS_TOLERANCE = 0.01
#: Hours a week of one job unit of the job agreement (the checker's own copy), and the
#: tolerance for ``job_units`` as written (rounded to three decimals).
JOB_UNIT_HOURS = 25.5
UNITS_TOLERANCE = 0.0015


def field_violations(job: Mapping[str, Any], job_id: str, tasks: list[Task]) -> list[Violation]:
    """The job's echoed fields (suppliers, hours, days, locations, competencies, job units)
    must describe its tasks."""
    out: list[Violation] = []
    suppliers = {t.supplier for t in tasks}
    listed = job.get("suppliers")
    if not is_text_list(listed) or set(listed) != suppliers or len(listed) != len(suppliers):
        message = said("suppliers_differ", listed=repr(listed), actual=repr(sorted(suppliers)))
        out.append(Violation("suppliers", job_id, message))
    minutes = sum(s.end - s.start for t in tasks for s in t.slots)
    hours = job.get("hours_per_week")
    if not is_number(hours) or abs(hours - minutes / 60) > HOURS_TOLERANCE:
        message = said("hours_differ", listed=quoted(hours), hours=minutes / 60)
        out.append(Violation("hours_per_week", job_id, message))
    days = [DAY_CODES[d] for d in sorted({s.day for t in tasks for s in t.slots})]
    listed_days = job.get("days")
    if (
        not is_text_list(listed_days)
        or sorted(listed_days, key=lambda d: DAY_CODES.index(d) if d in DAY_CODES else 99) != days
    ):
        message = said("days_differ", listed=repr(listed_days), actual=repr(days))
        out.append(Violation("days", job_id, message))
    for key, actual in (
        ("locations", {t.location for t in tasks if t.location}),
        ("competencies", {c for t in tasks for c in t.competencies}),
    ):
        listed = job.get(key)
        if key in job and (
            not is_text_list(listed) or set(listed) != actual or len(listed) != len(actual)
        ):
            message = said(
                "listed_differ", key=key, listed=repr(listed), actual=repr(sorted(actual))
            )
            out.append(Violation(key, job_id, message))
    units = job.get("job_units")
    if "job_units" in job and (
        not is_number(units) or abs(units - minutes / 60 / JOB_UNIT_HOURS) > UNITS_TOLERANCE
    ):
        message = said("units_differ", listed=quoted(units), units=minutes / 60 / JOB_UNIT_HOURS)
        out.append(Violation("job_units", job_id, message))
    return out


def summary_violations(
    solution: Mapping[str, Any], n_jobs: int, placed: float, total: float
) -> list[Violation]:
    """The ``summary`` must add up: the jobs listed, the hours they place, the hours of
    every task, and the job units of the hours placed."""
    summary = solution.get("summary")
    if not isinstance(summary, Mapping):
        return []
    out: list[Violation] = []
    for key, actual, tolerance, source in (
        ("jobs", n_jobs, 0.0, "from_jobs"),
        ("hours_placed", placed, HOURS_TOLERANCE, "from_jobs"),
        ("hours_total", total, HOURS_TOLERANCE, "from_tasks"),
        ("job_units", placed / JOB_UNIT_HOURS, 10 * UNITS_TOLERANCE, "from_hours"),
    ):
        listed = summary.get(key)
        if key in summary and (not is_number(listed) or abs(listed - actual) > tolerance):
            shown_actual = (
                actual if key == "jobs" else round(actual, 3 if key == "job_units" else 2)
            )
            message = said(
                "summary_differs",
                key=key,
                listed=quoted(listed),
                source=said(source),
                actual=shown_actual,
            )
            out.append(Violation("summary", None, message))
    return out


def unassigned_violations(
    solution: Mapping[str, Any], known: Mapping[str, Task], assigned: Mapping[str, str]
) -> list[Violation]:
    """Every task not in a job is listed once as unassigned, with a reason."""
    out: list[Violation] = []
    items = solution.get("unassigned")
    if not isinstance(items, list):
        return [Violation("structure", None, said("not_a_list", key="unassigned"))]
    listed: Counter[str] = Counter()
    for item in items:
        if not isinstance(item, Mapping) or "task_id" not in item:
            out.append(Violation("structure", None, said("unassigned_no_id", item=repr(item))))
            continue
        task_id = item["task_id"]
        if not isinstance(task_id, str):
            message = said("unassigned_id_not_text", id=shown(task_id))
            out.append(Violation("structure", None, message))
            continue
        listed[task_id] += 1
        reason = item.get("reason")
        if task_id not in known:
            out.append(
                Violation("unknown_task", None, said("unknown_unassigned", task=repr(task_id)))
            )
        elif task_id in assigned:
            message = said("unassigned_but_placed", task=task_id, job=assigned[task_id])
            out.append(Violation("unassigned", None, message))
        if not isinstance(reason, str) or not reason.strip():
            out.append(Violation("unassigned", None, said("no_reason", task=task_id)))
    for task_id, count in listed.items():
        if count > 1:
            message = said("unassigned_repeated", task=task_id, n=count)
            out.append(Violation("unassigned", None, message))
    for task_id in known:
        if task_id not in assigned and task_id not in listed:
            out.append(Violation("unassigned", None, said("nowhere", task=task_id)))
    return out


def window_start_violations(
    solution: Mapping[str, Any],
    policy: Policy,
    n_jobs: int,
    total: float,
    cover: bool,
    flexible: bool,
) -> list[Violation]:
    """The jobs with every window at its start (``at_window_start``) are one choice of
    times: only where a task has a window, a status like any run's, never more than the
    proven bound nor the jobs found (the search starts from them, unless interrupted),
    and hours that jobs of that many can hold (from none to all the tasks'). Its count
    is not judged in cover mode (a lower bound) or with candidates (the bound is one
    beside the candidates' own jobs, which the other run chose apart)."""
    start = solution.get("at_window_start")
    if not isinstance(start, Mapping):
        return []
    if not flexible:
        return [Violation("at_window_start", None, said("window_start_without_windows"))]
    out: list[Violation] = []
    status = start.get("jobs_status")
    if status not in STATUSES:
        message = said(
            "not_one_of", key="at_window_start.jobs_status", value=shown(status), choices=STATUSES
        )
        out.append(Violation("at_window_start", None, message))
    if solution.get("candidates") or cover:
        return out
    jobs: Any = start.get("jobs")
    hours: Any = start.get("hours")
    bound = solution.get("jobs_bound")
    if is_count(jobs) and is_count(bound) and jobs > bound:
        message = said("window_start_above_bound", n=jobs, bound=bound)
        out.append(Violation("at_window_start", None, message))
    elif is_count(jobs) and jobs > n_jobs and solution.get("stopped") != "interrupted":
        message = said("window_start_above_jobs", n=jobs, found=n_jobs)
        out.append(Violation("at_window_start", None, message))
    if not is_number(hours):
        return out
    if hours > total + HOURS_TOLERANCE:
        message = said("window_start_hours", hours=hours, total=round(total, 2))
        out.append(Violation("at_window_start", None, message))
    elif is_count(jobs):
        least, most = limit(policy.min_hours), limit(policy.max_hours)
        low = jobs * (least or 0) / 60 if jobs else 0.0
        high = jobs * most / 60 if most is not None else (total if jobs else 0.0)
        if not low - HOURS_TOLERANCE <= hours <= high + HOURS_TOLERANCE:
            message = said(
                "window_start_hours_jobs",
                hours=hours,
                n=jobs,
                low=round(low, 2),
                high=round(high, 2),
            )
            out.append(Violation("at_window_start", None, message))
    return out


def status_violations(
    solution: Mapping[str, Any],
    n_jobs: int,
    hours_placed: float,
    cover: bool = False,
    flexible: bool = True,
) -> list[Violation]:
    """What the solution claims about itself: status, bounds and how it stopped. In cover
    mode (``cover``) ``jobs_bound`` is a lower bound: no cover has fewer jobs. Only starts
    of flexible tasks can be thinned (``stopped``: ``starts_tried``)."""
    out: list[Violation] = []
    bound = solution.get("jobs_bound")
    for key, allowed in (("status", STATUSES), ("jobs_status", STATUSES), ("stopped", STOPS)):
        value = solution.get(key)
        if (key == "status" or key in solution) and value not in allowed:
            message = said("not_one_of", key=key, value=shown(value), choices=allowed)
            out.append(Violation("status", None, message))
    if solution.get("stopped") == "starts_tried" and not flexible:
        out.append(Violation("status", None, said("starts_tried_without_windows")))
    out.extend(_status_contradictions(solution, n_jobs, cover))
    hours_bound = solution.get("hours_bound")
    if hours_bound is not None:
        if not is_number(hours_bound):
            message = said("not_a_number", key="hours_bound", value=shown(hours_bound))
            out.append(Violation("hours_bound", None, message))
        elif hours_placed > hours_bound + HOURS_TOLERANCE:
            message = said("hours_above_bound", hours=hours_placed, bound=hours_bound)
            out.append(Violation("hours_bound", None, message))
        elif (
            not cover
            and solution.get("status") == "optimal"
            and hours_bound > hours_placed + HOURS_TOLERANCE
        ):  # optimal proves the hours too: the bound is then the hours placed
            message = said("optimal_below_hours_bound", hours=hours_placed, bound=hours_bound)
            out.append(Violation("hours_bound", None, message))
    if bound is not None and not is_count(bound):
        message = said("not_a_count", key="jobs_bound", value=shown(bound))
        return [*out, Violation("jobs_bound", None, message)]
    # In cover mode the bound is on covers: a run that found none claims no cover.
    found = solution.get("status") in ("optimal", "feasible")
    if bound is not None and (n_jobs < bound and found if cover else n_jobs > bound):
        code = "jobs_below_least" if cover else "jobs_above_bound"
        out.append(Violation("jobs_bound", None, said(code, n=n_jobs, bound=bound)))
    for key in ("status", "jobs_status"):
        if solution.get(key) == "optimal" and n_jobs != bound:
            message = (
                said("optimal_without_bound", key=key, n=n_jobs)
                if bound is None
                else said(
                    "optimal_above_least" if cover else "optimal_below_bound",
                    key=key,
                    n=n_jobs,
                    bound=bound,
                )
            )
            out.append(Violation("jobs_bound", None, message))
    return out


def _status_contradictions(
    solution: Mapping[str, Any], n_jobs: int, cover: bool
) -> list[Violation]:
    """Statuses that cannot all be true: the whole objective proven but not the count, a
    run proven that is not optimal (or the other way round; a cover proven impossible
    is ``proven`` too), jobs where the status says there is no proposal."""
    status, stopped = solution.get("status"), solution.get("stopped")
    out: list[Violation] = []
    jobs_status = solution.get("jobs_status", "optimal")
    if status == "optimal" and jobs_status != "optimal":
        message = said("optimal_count_open", value=shown(jobs_status))
        out.append(Violation("status", None, message))
    proven_ends = ("optimal", "infeasible") if cover else ("optimal",)
    if stopped is not None and (
        (status == "optimal" and stopped != "proven")
        or (stopped == "proven" and status not in proven_ends)
    ):
        message = said("stopped_against_status", stopped=shown(stopped), status=shown(status))
        out.append(Violation("status", None, message))
    if stopped == "count_proven" and (cover or status != "feasible"):
        # The count proven by a search that proves no hours: a proposal, not optimal.
        message = said("stopped_count_proven", status=shown(status))
        out.append(Violation("status", None, message))
    elif stopped == "count_proven" and jobs_status != "optimal":
        message = said("count_proven_open", value=shown(jobs_status))
        out.append(Violation("status", None, message))
    # In cover mode the workshop's kept jobs stand where no cover of the rest exists; no
    # other job does (a whole cover claimed "infeasible" passed).
    echoed = solution.get("locks")
    kept = (
        sum(isinstance(i, Mapping) and i.get("rule") == "keep" for i in echoed)
        if cover and isinstance(echoed, list)
        else 0
    )
    for key, value in (("status", status), ("jobs_status", solution.get("jobs_status"))):
        if value in ("infeasible", "unknown") and n_jobs > kept:
            message = said("jobs_without_solution", key=key, status=shown(value), n=n_jobs)
            out.append(Violation("status", None, message))
    return out


def quoted(value: object) -> object:
    """A value from the file as a message says it: a number as a number (in the language's
    notation), anything else as its repr, cut short."""
    return value if is_number(value) else shown(value)
