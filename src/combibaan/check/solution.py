"""The walk over one ``solution.json``: each job through every rule, then the document's claims.

This is where the checker's parts meet; each rule and each kind of claim is
judged in its own module, so that the walk stays short and the order is plain.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from combibaan.check.alternatives import alternative_violations
from combibaan.check.base import Cause, CheckedJob, Violation, said
from combibaan.check.candidates import (
    candidate_violations,
    claims_cover,
    cover_violations,
    echoed_candidates,
)
from combibaan.check.claims import (
    field_violations,
    status_violations,
    summary_violations,
    unassigned_violations,
    window_start_violations,
)
from combibaan.check.document import job_task_lists, shown
from combibaan.check.locks import echoed_locks, echoed_pairs, lock_problems, reason_code_problems
from combibaan.check.rules import RULES
from combibaan.check.schedule import scheduled_tasks
from combibaan.check.travel import Travel
from combibaan.model.candidate import Candidate
from combibaan.model.instance import Instance
from combibaan.model.locks import Locks
from combibaan.model.phrase import Phrase
from combibaan.model.task import Task
from combibaan.rules import POLICY_KEYS, Policy

#: The rules every ``solution.json`` names; rules added later are off when a file lacks them.
FIRST_KEYS = (
    "min_hours",
    "max_hours",
    "max_suppliers",
    "max_hours_per_day",
    "min_hours_per_day",
    "max_span_hours",
    "travel_minutes",
)


def _policy_of(solution: Mapping[str, Any]) -> Policy | Phrase:
    """The rules the solution claims, or why they cannot be used."""
    values = solution.get("policy")
    if not isinstance(values, Mapping):
        return said("no_policy")
    missing = tuple(key for key in FIRST_KEYS if key not in values)
    if missing:
        return said("policy_misses", n=len(missing), keys=missing)
    try:
        # A rule newer than the file was off when it was made; so was cover mode.
        rules = {key: values.get(key) for key in POLICY_KEYS}
        return Policy(cover=values.get("cover", False), **rules)
    except (TypeError, ValueError, OverflowError) as exc:  # PolicyError is a ValueError
        return said("policy_unusable", error=Cause(exc))


def check_solution(
    instance: Instance,
    solution: Mapping[str, Any],
    policy: Policy | None = None,
    *,
    locks: Locks | None = None,
    forbid_pairs: Iterable[tuple[str, str]] | None = None,
    candidates: Sequence[Candidate] | None = None,
) -> list[Violation]:
    """Every way ``solution`` breaks the rules for ``instance``; empty when it is sound.

    With ``policy`` ``None`` the policy echoed in the solution is checked against,
    so a solution is judged by the rules it claims to keep; likewise ``locks``,
    ``forbid_pairs`` and ``candidates`` default to the solution's ``locks``,
    ``forbidden_pairs`` and ``candidates`` echo (see :mod:`combibaan.check.locks`
    and :mod:`combibaan.check.candidates`). Cover mode is checked when the policy
    or the solution claims it. Alternative proposals, if any, are checked by the
    same rules.

    A job's rule violations come in the order of the checker's registry
    (:data:`combibaan.check.rules.RULES`), then its echoed fields.
    """
    out: list[Violation] = []
    if policy is None:
        claimed = _policy_of(solution)
        if isinstance(claimed, Phrase):
            return [Violation("policy", None, claimed)]
        policy = claimed
    travel = Travel(instance, policy.travel_minutes)
    known = {t.id: t for t in instance.tasks}

    jobs = solution.get("jobs")
    if not isinstance(jobs, list):
        out.append(Violation("structure", None, said("not_a_list", key="jobs")))
        jobs = []
    job_ids: Counter[str] = Counter()
    assigned: dict[str, str] = {}
    # The tasks at the times their jobs do them (flexible ones settled), for what follows.
    scheduled: dict[str, Task] = dict(known)
    for n, job in enumerate(jobs):
        if not isinstance(job, Mapping):
            out.append(Violation("structure", None, said("job_not_object", where=f"jobs[{n}]")))
            continue
        job_id = str(job.get("job_id", f"#{n + 1}"))
        job_ids[job_id] += 1
        task_ids = job.get("task_ids")
        if not isinstance(task_ids, list) or not task_ids:
            code = "empty_task_ids" if task_ids == [] else "no_task_ids"
            out.append(Violation("structure", job_id, said(code)))
            continue
        tasks: list[Task] = []
        for task_id in task_ids:
            if not isinstance(task_id, str):
                out.append(
                    Violation("structure", job_id, said("task_id_not_text", id=shown(task_id)))
                )
                continue
            if task_id not in known:
                out.append(
                    Violation("unknown_task", job_id, said("unknown_task", task=repr(task_id)))
                )
                continue
            if task_id in assigned:
                where = assigned[task_id]
                out.append(
                    Violation(
                        "duplicate_task",
                        job_id,
                        said("task_in_other_job", task=task_id, job=where)
                        if where != job_id
                        else said("task_twice", task=task_id),
                    )
                )
                continue
            assigned[task_id] = job_id
            tasks.append(known[task_id])
        if not tasks:
            continue
        tasks, problems = scheduled_tasks(job, job_id, tasks)
        out.extend(problems)
        if not tasks:
            continue
        scheduled.update((t.id, t) for t in tasks)
        checked = CheckedJob(job_id, tuple(tasks), policy, travel)
        for rule in RULES:
            out.extend(rule(checked))
        out.extend(field_violations(job, job_id, tasks))

    out.extend(
        Violation("duplicate_job_id", job_id, said("job_id_reused", n=count))
        for job_id, count in job_ids.items()
        if count > 1
    )
    out.extend(unassigned_violations(solution, known, assigned))
    cover = policy.cover or claims_cover(solution)
    flexible = any(t.windows for t in instance.tasks)
    # The hours of a task whatever its schedule (a missing one is reported above already,
    # and counted short it would read as an optimal run below its own hours bound).
    total = sum(t.minutes_per_week for t in instance.tasks) / 60
    in_jobs = sum(known[task_id].minutes_per_week for task_id in assigned) / 60
    out.extend(status_violations(solution, len(jobs), in_jobs, cover, flexible))
    out.extend(summary_violations(solution, len(jobs), in_jobs, total))
    out.extend(window_start_violations(solution, policy, len(jobs), total, cover, flexible))
    out.extend(
        _workshop_violations(
            instance, solution, policy, jobs, scheduled, assigned, locks, forbid_pairs, candidates
        )
    )
    return out


def _workshop_violations(
    instance: Instance,
    solution: Mapping[str, Any],
    policy: Policy,
    jobs: list[Any],
    known: Mapping[str, Task],
    assigned: Mapping[str, str],
    locks: Locks | None,
    forbid_pairs: Iterable[tuple[str, str]] | None,
    candidates: Sequence[Candidate] | None,
) -> list[Violation]:
    """Locks, forbidden supplier pairs, candidates, cover mode and alternative proposals."""
    out: list[Violation] = []
    if locks is None:
        locks, problems = echoed_locks(solution)
        out.extend(Violation("locks", None, p) for p in problems)
    if forbid_pairs is None:
        forbid_pairs, problems = echoed_pairs(solution)
        out.extend(Violation("locks", None, p) for p in problems)
    pairs = tuple(forbid_pairs)
    listed = job_task_lists(jobs, known)
    out.extend(Violation(*p) for p in lock_problems(instance, listed, locks, pairs))
    excluded_ids = locks.excluded if locks is not None else frozenset()
    out.extend(Violation(*p) for p in reason_code_problems(solution, excluded_ids))
    cover = policy.cover or claims_cover(solution)
    if cover:
        excluded = locks.excluded if locks is not None else frozenset()
        out.extend(cover_violations(solution, known, assigned, excluded))
    if candidates is None:
        candidates, problems = echoed_candidates(solution)
        out.extend(Violation("candidates", None, p) for p in problems)
    people = tuple(candidates)
    # Cover mode with candidates has no vacancies either (a job without one passed).
    only = solution.get("only_candidates") is True or (cover and bool(people))
    # A job the workshop keeps stays whether or not a candidate holds it.
    kept = {frozenset(lock.task_ids) for lock in locks.keeps} if locks is not None else set()
    out.extend(candidate_violations(jobs, known, people, only_candidates=only, kept=kept))
    if "alternatives" in solution:

        def proposal(document: Mapping[str, Any]) -> list[Violation]:
            return check_solution(
                instance, document, policy, locks=locks, forbid_pairs=pairs, candidates=people
            )

        out.extend(alternative_violations(instance, solution, listed, proposal, kept))
    return out
