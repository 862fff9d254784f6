"""Alternative proposals: each keeps every rule, is new, and says honestly how it compares.

The rules of a proposal are checked by the caller's check (passed in), so that
this module does not import the entry point that imports it. That check holds the
best proposal's candidates: a job of an alternative that names a candidate keeps
the same candidate rules, and ``only_candidates`` and cover mode hold for it too.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection, Mapping
from typing import Any

from combibaan.check.base import Violation, said
from combibaan.check.claims import HOURS_TOLERANCE, quoted, summary_violations
from combibaan.check.document import is_number, job_task_lists
from combibaan.model.instance import Instance
from combibaan.model.task import Task

#: Every violation of one proposal (a document with ``jobs`` and ``unassigned``).
ProposalCheck = Callable[[Mapping[str, Any]], list[Violation]]


def alternative_violations(
    instance: Instance,
    solution: Mapping[str, Any],
    best_jobs: list[tuple[str, list[str]]],
    check: ProposalCheck,
    kept: Collection[frozenset[str]] = (),
) -> list[Violation]:
    """Each alternative keeps every rule, differs from all before it (by a third of the
    best's jobs at least, one at the least, not counting the jobs it must keep: the
    workshop's, ``kept``, and the candidates') and is no better than the best when that
    is proven optimal, candidates' jobs first; its deltas match its jobs."""
    items = solution.get("alternatives")
    if not isinstance(items, list):
        return [Violation("structure", None, said("alternatives_not_list"))]
    out: list[Violation] = []
    known = {t.id: t for t in instance.tasks}
    fixed = {*kept, *_held_sets(solution.get("jobs"))}
    seen = [frozenset(frozenset(ids) for _, ids in best_jobs)]
    free = len(seen[0] - fixed)
    required = max(1, math.ceil(free / 3))
    best_held = len(_held_sets(solution.get("jobs")))
    best_minutes = _minutes_of(best_jobs, known)
    flexible = any(t.windows for t in instance.tasks)
    for n, item in enumerate(items, start=1):
        if not isinstance(item, Mapping) or not isinstance(item.get("jobs"), list):
            out.append(
                Violation(
                    "structure", None, said("alternative_no_jobs", where=f"alternatives[{n - 1}]")
                )
            )
            continue
        rank = item.get("rank", n)
        own = {
            "policy": solution.get("policy"),
            "status": "feasible",
            "jobs_bound": solution.get("jobs_bound"),
            "jobs": item["jobs"],
            "unassigned": item.get("unassigned", []),
            "only_candidates": solution.get("only_candidates", False),
        }
        out.extend(Violation(v.rule, v.job_id, v.message, rank) for v in check(own))
        listed = job_task_lists(item["jobs"], known)
        sets = frozenset(frozenset(ids) for _, ids in listed)
        if sets in seen:
            out.append(
                Violation("alternative_duplicate", None, said("alternative_duplicate"), rank)
            )
        elif not flexible:  # with windows a job may return at other times: a new column
            for before, earlier in enumerate(seen):
                dropped = len(earlier - fixed - sets)
                if dropped < min(required, len(earlier - fixed)):
                    code = "alternative_too_close" if before else "alternative_too_close_best"
                    message = said(code, dropped=dropped, required=required, earlier=before)
                    out.append(Violation("alternative_duplicate", None, message, rank))
                    break
        seen.append(sets)
        held = len(_held_sets(item["jobs"]))
        if solution.get("status") == "optimal" and held > best_held:
            message = said("alternative_more_held", held=held, best=best_held)
            out.append(Violation("alternative_better", None, message, rank))
        jobs_delta = len(listed) - len(best_jobs)
        hours_delta = (_minutes_of(listed, known) - best_minutes) / 60
        claimed_hours = item.get("hours_delta", hours_delta)
        if (
            item.get("jobs_delta", jobs_delta) != jobs_delta
            or not is_number(claimed_hours)
            or abs(claimed_hours - hours_delta) > HOURS_TOLERANCE
        ):
            message = said(
                "alternative_delta",
                listed_jobs=quoted(item.get("jobs_delta")),
                listed_hours=quoted(item.get("hours_delta")),
                jobs=jobs_delta,
                hours=hours_delta,
            )
            out.append(Violation("alternative_delta", None, message, rank))
        if solution.get("status") == "optimal" and (jobs_delta, hours_delta) > (0, 1e-9):
            message = said("alternative_better", jobs=jobs_delta, hours=hours_delta)
            out.append(Violation("alternative_better", None, message, rank))
        # Its own claims, as the best proposal's are checked: the summary adds up, the
        # status is one a proposal can have, "equally good" means no delta at all.
        placed = _minutes_of(listed, known) / 60
        total = sum(t.minutes_per_week for t in known.values()) / 60
        summary = summary_violations(item, len(listed), placed, total)
        out.extend(Violation(v.rule, v.job_id, v.message, rank) for v in summary)
        status = item.get("status", "feasible")
        if status not in ("optimal", "feasible"):
            message = said("alternative_status", value=quoted(status))
            out.append(Violation("status", None, message, rank))
        equal = jobs_delta == 0 and abs(hours_delta) <= HOURS_TOLERANCE
        if "equally_good" in item and item["equally_good"] is not equal:
            message = said("alternative_equally_good", value=quoted(item["equally_good"]))
            out.append(Violation("alternative_delta", None, message, rank))
        # "Proven as good": as good as a best proposal that is proven optimal.
        if item.get("proven_optimal") is True and not (
            equal and solution.get("status") == "optimal"
        ):
            out.append(Violation("alternative_delta", None, said("alternative_proven"), rank))
    return out


def _held_sets(jobs: object) -> set[frozenset[str]]:
    """The task sets of the jobs a candidate holds."""
    if not isinstance(jobs, list):
        return set()
    return {
        frozenset(t for t in job["task_ids"] if isinstance(t, str))
        for job in jobs
        if isinstance(job, Mapping)
        and isinstance(job.get("task_ids"), list)
        and job.get("candidate") is not None
    }


def _minutes_of(jobs: list[tuple[str, list[str]]], known: Mapping[str, Task]) -> int:
    """Minutes a week of the jobs' tasks, a flexible task's windows included (wherever
    they land: the duration on as many days as chosen)."""
    return sum(known[t].minutes_per_week for _, ids in jobs for t in ids)
