"""Sensitivity: which single change would add a job? Where to negotiate.

Each candidate is one small, concrete change a workshop could agree on; each is
solved again (briefly) and compared with the proposal as it stands:

* ``task_hour``: one task gets one more hour per shift, either by ending an
  hour later or by starting an hour earlier on each of its days (the two ways
  a supplier can actually stretch a recurring shift; the better of the two is
  reported). A task on five days thus grows by five hours a week. Tried for
  tasks in no job and for their would-be partners (tasks the compatibility
  graph links to them), because only they can form a new job; not for a task a
  lock excludes (it stays out whatever its times);
* ``suppliers``: ``max_suppliers`` one higher. The solver forbids supplier
  pairs rather than permitting single ones, so allowing one particular extra
  supplier in a job cannot be asked; instead the table names the jobs that
  appear, which shows which suppliers would have to agree;
* ``supplier_pair``: one forbidden supplier pair (``forbid_pairs``) allowed again;
* ``rule``: one policy rule relaxed by the step its module declares
  (``min_hours`` −1, ``max_hours`` +1, ``max_span_hours`` +1,
  ``travel_minutes`` −5, ...); rules that are off are skipped;
* ``lock``: one workshop lock lifted, when locks are given and ``solve``
  accepts them.
"""

from __future__ import annotations

import dataclasses
import inspect
import itertools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from combibaan.analysis.runner import Outcome, ProgressCallback, Run, run_all
from combibaan.model import Instance, Slot, Task, Window
from combibaan.model.locks import check_locks, pair_list
from combibaan.model.variants import movable, widen_windows
from combibaan.model.week import MINUTES_PER_DAY, format_minutes
from combibaan.rules import BY_KEY, RULES, Policy

#: The step by which ``rule`` candidates relax each rule (towards more jobs), from the rules.
RULE_STEPS: dict[str, float] = {rule.key: rule.step for rule in RULES if rule.step is not None}

COLUMNS = (
    "change",
    "kind",
    "jobs_before",
    "jobs_after",
    "delta_jobs",
    "delta_hours",
    "new_jobs",
    "status",
    "jobs_status",
)
KIND_ORDER = {
    "rule": 0,
    "suppliers": 1,
    "supplier_pair": 2,
    "lock": 3,
    "task_hour": 4,
    "task_window": 5,
}
#: The ``task_window`` change: a fixed task free to start this many minutes earlier or
#: later; a flexible one's windows this many minutes wider at both ends.
MOVE_MINUTES = 120
WIDEN_MINUTES = 60


@dataclass(frozen=True)
class Candidate:
    """A change to try: a label, its kind, and the run that tries it."""

    change: str
    kind: str
    run: Run
    #: Variants of the same change (e.g. later end, earlier start) share a group; best is kept.
    group: str = ""


def marginal(
    instance: Instance,
    policy: Policy | None = None,
    *,
    time_limit: float = 5.0,
    seed: int = 0,
    workers: int | None = None,
    scheduler: Any = None,
    locks: Any = None,
    forbid_pairs: Sequence[Any] = (),
    keep_all: bool = False,
    progress: ProgressCallback | None = None,
) -> pd.DataFrame:
    """Rank single changes by the jobs (then hours) they would add.

    Returns a DataFrame with columns ``change``, ``kind`` (``task_hour``,
    ``suppliers``, ``supplier_pair``, ``rule``, ``lock``), ``jobs_before``, ``jobs_after``,
    ``delta_jobs``, ``delta_hours`` (hours placed after minus before; for a
    ``task_hour`` change this includes the added hours), ``new_jobs`` (the task
    ids of each new job that takes in a task now in no job, ``+``-joined, ``;``
    between jobs: the re-solve may also reshuffle placed tasks, which is noise
    here), and ``status`` and ``jobs_status`` of the re-solve. Only changes that
    add a job are listed unless ``keep_all``. Sorted by ``delta_jobs``, then
    ``delta_hours``, descending.

    ``locks`` and ``forbid_pairs`` are the workshop's decisions, as for
    ``solve``: every re-solve keeps them, and lifting each one in turn is a
    candidate.

    Every re-solve gets ``time_limit`` seconds and runs like a sweep (one
    CP-SAT worker, ``seed``; ``workers`` local processes or a Dask
    ``scheduler``). A ``delta_jobs`` is exact where the re-solve's ``jobs_status`` is
    ``optimal`` (and the first solve's count was proven), a ``delta_hours`` where its
    ``status`` is; otherwise it is what the time limit found.

    >>> table = combibaan.marginal(instance, Policy(), time_limit=2)  # doctest: +SKIP
    >>> table.head()                                                  # doctest: +SKIP
    """
    policy = Policy.for_most_jobs(policy, "marginal")
    options: dict[str, Any] = {}
    check_locks(locks)
    pairs = list(pair_list(forbid_pairs))
    for name, value in (("locks", locks), ("forbid_pairs", pairs)):
        if value:
            if name not in inspect.signature(_solver()).parameters:
                raise TypeError(f"this version of combibaan.solve does not take {name}")
            options[name] = value
    base = Run(instance, policy, options)
    before = run_all([base], time_limit=time_limit, seed=seed, workers=1, scheduler=scheduler)[0]
    candidates = [
        *_rule_candidates(instance, policy, options),
        *_supplier_candidates(instance, policy, options),
        *_lock_candidates(instance, policy, locks, options),
        *_pair_candidates(instance, policy, pairs, options),
        *(c for c in _task_candidates(instance, policy, before, options) if _locks_hold(c.run)),
    ]
    outcomes = run_all(
        [c.run for c in candidates],
        time_limit=time_limit,
        seed=seed,
        workers=workers,
        scheduler=scheduler,
        progress=progress,
    )
    rows = _best_per_group(
        [_row(c, before, after) for c, after in zip(candidates, outcomes, strict=True)]
    )
    table = pd.DataFrame(rows, columns=[*COLUMNS, "_order"])
    if not keep_all:
        table = table[table["delta_jobs"] > 0]
    table = table.sort_values(
        ["delta_jobs", "delta_hours", "_order", "change"], ascending=[False, False, True, True]
    )
    return table.drop(columns="_order").reset_index(drop=True)


def _solver() -> Any:
    from combibaan.solvers import solve

    return solve


def _locks_hold(run: Run) -> bool:
    """Whether the workshop's locks still hold on a changed list: a task one hour longer
    can break the job a lock keeps (that change is then not one to try; ``marginal``
    raised the lock's conflict for it)."""
    from combibaan.solvers.locking import LockConflict, plan_locks

    try:
        plan_locks(
            run.instance,
            run.policy,
            run.options.get("locks"),
            run.options.get("forbid_pairs", ()),
        )
    except LockConflict:
        return False
    return True


def _rule_candidates(
    instance: Instance, policy: Policy, options: dict[str, Any]
) -> Iterator[Candidate]:
    for key, step in RULE_STEPS.items():
        value = getattr(policy, key)
        if value is None:
            continue
        bounds = BY_KEY[key].bounds
        new = min(max(bounds.low, value + step), bounds.high)
        if new == value:
            continue
        try:
            relaxed = policy.replace(**{key: new})
        except ValueError:  # e.g. min_hours_per_day above a lowered limit: not a relaxation
            continue
        yield Candidate(f"{key} {value:g} → {new:g}", "rule", Run(instance, relaxed, options))


def _supplier_candidates(
    instance: Instance, policy: Policy, options: dict[str, Any]
) -> Iterator[Candidate]:
    if policy.max_suppliers is None or policy.max_suppliers >= BY_KEY["max_suppliers"].bounds.high:
        return
    more = policy.max_suppliers + 1
    yield Candidate(
        f"allow {more} suppliers per job (max_suppliers {policy.max_suppliers} → {more})",
        "suppliers",
        Run(instance, policy.replace(max_suppliers=more), options),
    )


def _lock_candidates(
    instance: Instance, policy: Policy, locks: Any, options: dict[str, Any]
) -> Iterator[Candidate]:
    for lock in locks or ():
        lifted = {**options, "locks": locks.without(lock)}
        yield Candidate(f"lift lock {lock.label()}", "lock", Run(instance, policy, lifted))


def _pair_candidates(
    instance: Instance, policy: Policy, pairs: list[Any], options: dict[str, Any]
) -> Iterator[Candidate]:
    for i, pair in enumerate(pairs):
        rest = {**options, "forbid_pairs": pairs[:i] + pairs[i + 1 :]}
        label = pair if isinstance(pair, str) else "|".join(pair)
        yield Candidate(
            f"allow supplier pair {label}", "supplier_pair", Run(instance, policy, rest)
        )


def _task_candidates(
    instance: Instance, policy: Policy, before: Outcome, options: dict[str, Any]
) -> Iterator[Candidate]:
    # A task the workshop excluded stays out of every job whatever its times: changing
    # them can add no job (lifting its lock is a candidate of its own).
    locks = options.get("locks")
    excluded = locks.excluded if locks else frozenset()
    for task in candidate_tasks(instance, policy, before, excluded):
        for way, slots in longer_shifts(task).items():
            tasks = tuple(
                dataclasses.replace(t, slots=slots) if t.id == task.id else t
                for t in instance.tasks
            )
            longer = dataclasses.replace(instance, tasks=tasks)
            yield Candidate(
                f"task {task.id} ({task.supplier}): one hour longer per shift, {way}",
                "task_hour",
                Run(longer, policy, options),
                group=task.id,
            )
        moved = free_to_move(task)
        if moved is not None:
            change, flexible = moved
            tasks = tuple(flexible if t.id == task.id else t for t in instance.tasks)
            yield Candidate(
                f"task {task.id} ({task.supplier}): {change}",
                "task_window",
                Run(dataclasses.replace(instance, tasks=tasks), policy, options),
                group=f"{task.id} window",
            )


def free_to_move(task: Task) -> tuple[str, Task] | None:
    """Flexibility as a lever: the task with a time window where it now has a fixed time
    (``MOVE_MINUTES`` either way, the same start on each of its days; only for a task
    whose slots all share one time of day), or with its windows ``WIDEN_MINUTES`` wider
    at both ends; and the change in words. ``None`` where neither applies."""
    if task.windows and not task.slots:
        wider = widen_windows(Instance((task,)), WIDEN_MINUTES).tasks[0]
        spans = ", ".join(
            f"{_span(w)} → {_span(v)}" for w, v in zip(task.windows, wider.windows, strict=True)
        )
        return f"time window {WIDEN_MINUTES} min wider at both ends ({spans})", wider
    moved = movable(task, MOVE_MINUTES)
    if moved is None:
        return None
    (window,) = moved.windows
    start = task.slots[0].start
    change = (
        f"free to start between {format_minutes(window.earliest)} and "
        f"{format_minutes(window.last_start)} instead of at {format_minutes(start)}"
    )
    return change, moved


def _span(window: Window) -> str:
    return f"{format_minutes(window.earliest)}-{format_minutes(window.latest)}"


def candidate_tasks(
    instance: Instance, policy: Policy, before: Outcome, excluded: frozenset[str] = frozenset()
) -> list[Task]:
    """Tasks in no job, and the tasks the compatibility graph links to them; none of the
    ``excluded`` ones (a lock keeps them out of every job), nor their partners for them.

    A new job needs at least one task that is now left out, and it can only be
    completed by that task's compatible partners; lengthening a shift keeps the
    slots where they are, so this cheap filter loses little.
    """
    from combibaan.rules import Limits
    from combibaan.solvers.compatibility import compatibility_graph
    from combibaan.solvers.expansion import expand, task_graph

    placed = {t for job in before.jobs for t in job}
    free = [i for i, task in enumerate(instance.tasks) if task.id not in placed | excluded]
    # Over the ways of flexible tasks: two tasks are linked when some two of their ways fit.
    expansion = expand(instance, Limits.of(policy))
    nodes = compatibility_graph(instance, policy, expansion.profiles, (), expansion.task_of)
    graph = task_graph(nodes, expansion)
    wanted = set(free)
    for i in free:
        if i in graph:
            wanted.update(graph.neighbors(i))
    return [instance.tasks[i] for i in sorted(wanted) if instance.tasks[i].id not in excluded]


def longer_shifts(task: Task) -> dict[str, tuple[Slot, ...]]:
    """The task with every slot one hour longer: ``ending later`` and ``starting earlier``.

    A way is left out where a slot would leave its day or run into another slot
    of the same task.
    """
    ways = {
        "ending later": [Slot(s.day, s.start, s.end + 60) for s in task.slots]
        if all(s.end + 60 <= s.start + MINUTES_PER_DAY for s in task.slots)
        else None,
        "starting earlier": [Slot(s.day, s.start - 60, s.end) for s in task.slots]
        if all(s.start >= 60 for s in task.slots)
        else None,
    }
    return {way: tuple(slots) for way, slots in ways.items() if slots and not _overlap(slots)}


def _overlap(slots: list[Slot]) -> bool:
    spans = sorted((s.week_start, s.week_end) for s in slots)
    return any(a_end > b_start for (_, a_end), (b_start, _) in itertools.pairwise(spans))


def _row(candidate: Candidate, before: Outcome, after: Outcome) -> dict[str, Any]:
    old = set(before.jobs)
    placed = {t for job in before.jobs for t in job}
    new_jobs = [job for job in after.jobs if job not in old and not placed.issuperset(job)]
    return {
        "change": candidate.change,
        "kind": candidate.kind,
        "jobs_before": before.kpis["jobs"],
        "jobs_after": after.kpis["jobs"],
        "delta_jobs": after.kpis["jobs"] - before.kpis["jobs"],
        "delta_hours": round(after.kpis["hours_placed"] - before.kpis["hours_placed"], 2),
        "new_jobs": "; ".join("+".join(job) for job in new_jobs),
        "status": after.kpis["status"],
        "jobs_status": after.kpis["jobs_status"],
        "_order": KIND_ORDER[candidate.kind],
        "_group": candidate.group,
    }


def _best_per_group(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Of the variants of one change keep the best; ungrouped rows all stay."""
    best: dict[str, dict[str, Any]] = {}
    kept = []
    for row in rows:
        group = row.pop("_group")
        if not group:
            kept.append(row)
            continue
        score = (row["delta_jobs"], row["delta_hours"])
        if group not in best or score > (best[group]["delta_jobs"], best[group]["delta_hours"]):
            best[group] = row
    return kept + list(best.values())
