"""The checker's view of workshop locks: plain set arithmetic on the jobs in ``solution.json``.

Like the rest of :mod:`combibaan.check` this shares no code with the solvers: it
reads the job lists as written and verifies each lock and forbidden supplier
pair directly, so a bug in the solver's lock handling cannot hide here too.

Rule names (``Violation.rule``): ``lock_together``, ``lock_apart``,
``lock_exclude``, ``lock_keep``, ``forbidden_pair``, ``locks`` (an echo
that cannot be read, or a lock naming an unknown task or supplier) and
``unassigned`` (a reason code the tool has not, or ``excluded`` where no lock
excludes the task).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import Any

from combibaan.check.base import Cause, said
from combibaan.check.document import shown
from combibaan.model.instance import Instance
from combibaan.model.locks import Lock, LockError, Locks
from combibaan.model.phrase import Phrase
from combibaan.texts import REASONS

Pair = tuple[str, str]
#: A broken lock or pair: ``(rule, job_id, message)``.
Broken = tuple[str, str | None, Phrase]


def echoed_locks(solution: Mapping[str, Any]) -> tuple[Locks | None, list[Phrase]]:
    """The locks a solution says it keeps, and problems reading them."""
    items = solution.get("locks")
    if items is None:
        return None, []
    if not isinstance(items, list) or not all(isinstance(i, Mapping) for i in items):
        return None, [said("locks_unreadable")]
    try:
        return Locks.from_list(items), []
    except (LockError, TypeError, ValueError) as exc:  # a malformed echo, never a crash
        return None, [said("locks_error", error=Cause(exc))]


def echoed_pairs(solution: Mapping[str, Any]) -> tuple[tuple[Pair, ...], list[Phrase]]:
    """The forbidden supplier pairs a solution says it keeps, and problems reading them."""
    items = solution.get("forbidden_pairs")
    if items is None:
        return (), []
    pairs = []
    for item in items if isinstance(items, list) else [items]:
        if (
            not isinstance(item, list)
            or len(item) != 2
            or not all(isinstance(n, str) for n in item)
        ):
            return (), [said("pairs_unreadable")]
        pairs.append((item[0], item[1]))
    return tuple(pairs), []


def lock_problems(
    instance: Instance,
    jobs: Sequence[tuple[str, Sequence[str]]],
    locks: Locks | None,
    pairs: Iterable[Pair],
) -> list[Broken]:
    """Every lock or forbidden pair the jobs break, as ``(rule, job_id, message)``.

    ``jobs`` are ``(job_id, task_ids)`` with known task ids only.
    """
    out: list[Broken] = []
    job_of = {t: job_id for job_id, ids in jobs for t in ids}
    members = {job_id: set(ids) for job_id, ids in jobs}
    known = set(instance.task_index)
    for lock in locks or ():
        unknown = [t for t in lock.task_ids if t not in known]
        if unknown:
            message = said("lock_unknown_tasks", lock=lock, n=len(unknown), tasks=tuple(unknown))
            out.append(("locks", None, message))
            continue
        out.extend(_one_lock(lock, job_of, members))
    # Names in any case, as the command line takes them ("asito|sodexo"); a name no task
    # has is a claim about a supplier that is not there (an echo "Sodexoo" passed).
    supplier = {t.id: t.supplier.casefold() for t in instance.tasks}
    names = set(supplier.values())
    for first, second in pairs:
        unknown = [name for name in (first, second) if name.casefold() not in names]
        if unknown:
            message = said("pair_unknown_supplier", first=first, second=second, name=unknown[0])
            out.append(("locks", None, message))
            continue
        for job_id, ids in jobs:
            suppliers = {supplier[t] for t in ids if t in supplier}
            if first.casefold() in suppliers and second.casefold() in suppliers:
                message = said("forbidden_pair", first=first, second=second)
                out.append(("forbidden_pair", job_id, message))
    return out


def _one_lock(
    lock: Lock, job_of: Mapping[str, str], members: Mapping[str, set[str]]
) -> list[Broken]:
    ids = lock.task_ids
    if lock.rule == "together":
        placements = {job_of.get(t) for t in ids}
        if len(placements) > 1:
            placed = tuple(
                said("task_in_job", task=t, job=job_of[t])
                if t in job_of
                else said("task_unplaced", task=t)
                for t in ids
            )
            return [("lock_together", None, said("lock_split", lock=lock, placed=placed))]
        return []
    if lock.rule == "apart":
        out: list[Broken] = []
        for job_id, tasks in members.items():
            inside = tuple(t for t in ids if t in tasks)
            if len(inside) > 1:
                out.append(("lock_apart", job_id, said("lock_apart", tasks=inside, lock=lock)))
        return out
    if lock.rule == "exclude":
        return [
            ("lock_exclude", job_of[t], said("lock_exclude", task=t, lock=lock))
            for t in ids
            if t in job_of
        ]
    # keep: exactly these tasks form one job
    where = sorted({job_of[t] for t in ids if t in job_of})
    if len(where) != 1 or members[where[0]] != set(ids):
        # Ids only, the same in every language: "B01: I01, I11; B02: I07".
        jobs = "; ".join(f"{j}: {', '.join(sorted(members[j]))}" for j in where)
        found = jobs or said("in_no_job")
        only = where[0] if len(where) == 1 else None
        return [("lock_keep", only, said("lock_keep", lock=lock, found=found))]
    return []


def reason_code_problems(solution: Mapping[str, Any], excluded: Collection[str]) -> list[Broken]:
    """A task left out says why by a code (``reason_code``, for grouping): one the tool
    has, and ``excluded`` exactly for the tasks an exclude lock holds (a task no lock
    excludes passed as "excluded by a lock", and an invented code passed too)."""
    items = solution.get("unassigned")
    out: list[Broken] = []
    for item in items if isinstance(items, list) else ():
        if not isinstance(item, Mapping) or "reason_code" not in item:
            continue
        task_id, code = item.get("task_id"), item["reason_code"]
        if not isinstance(task_id, str):
            continue  # said as the list's structure already
        if not isinstance(code, str) or code not in REASONS:
            out.append(
                ("unassigned", None, said("reason_code_unknown", task=task_id, given=shown(code)))
            )
        elif (code == "excluded") != (task_id in excluded):
            key = "reason_excluded_without_lock" if code == "excluded" else "reason_hides_exclude"
            out.append(("unassigned", None, said(key, task=task_id, given=code)))
    return out
