"""The full story of one task: why it is (not) in a job, and what would change that.

A workshop points at one task ("why is Sodexo's coffee bar left out?") and
wants more than the one-line reason: which tasks it could go with and why the
others cannot, how many feasible jobs hold it, and above all **what would
change the answer**. For that each relaxation that could matter is tried on
its own — one supplier more, a lower minimum (down to what the task can
reach), a longer day, less travel, one lock or forbidden pair dropped — by
solving again with the task required to be in a job. A relaxation is reported
when the task then fits without the proposal losing a job.

On a list with flexible tasks (time windows) the analysis runs over each task's
ways (:mod:`combibaan.solvers.expansion`): two tasks are partners when some way of
each fits together, and the rule named for two that never do is the one that
still stands where the others give way. Moving is a lever too: a fixed task free
to start an hour or two earlier or later, a flexible one with a wider window.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Iterable
from dataclasses import dataclass

from combibaan.analysis.runner import uninterrupted
from combibaan.model import Instance, Job, Lock, Locks, Task
from combibaan.model.locks import LockError, SupplierPair, pair_label, pair_list
from combibaan.model.phrase import Phrase, PhraseError, closest, maybe, mistake
from combibaan.model.variants import more_ways, movable, total_ways, widened
from combibaan.model.week import Window, format_days, format_minutes, format_times
from combibaan.result import Result
from combibaan.rules import RULES, Limits, Policy, profiles
from combibaan.solvers.compatibility import compatibility_graph
from combibaan.solvers.enumeration import enumerate_jobs
from combibaan.solvers.expansion import Ways, expand
from combibaan.solvers.locking import LockPlan, plan_locks
from combibaan.solvers.obstacles import PAIR_ORDER, reach
from combibaan.solvers.reasons import classify_pair
from combibaan.solvers.solve import solve
from combibaan.texts import check_lang, explain_text, render

#: Most seconds one what-if solve may take (the explain command stays interactive).
WHAT_IF_SECONDS = 5.0
#: Ways of the whole list at most for judging partners and counting jobs: flexible tasks
#: get every start where they fit (the list's graph of ways took about 0.7 s at 1,150
#: ways and 2 s at 2,000 in one scratch measurement: 150 generated tasks, 30 % flexible),
#: else their starts on the finest step that does, and what is said holds for those starts.
EXPLAIN_WAYS = 1200
#: How far the task may move in the ``move`` what-ifs: minutes earlier or later.
MOVE_STEPS = (60, 120)


class UnknownTaskError(PhraseError, LookupError):
    """A task id that is not in the instance; the message lists close matches (worded with
    :meth:`text`, ``str()``: Dutch)."""


@dataclass(frozen=True)
class Relaxation:
    """One change that places the task without losing a job."""

    #: The rule changed (a policy key), ``lock``, ``pair``, or ``none`` for no change at all.
    key: str
    #: The change as people say it: "with max 3 suppliers".
    change: str
    job_id: str
    partners: tuple[str, ...]
    jobs: int
    jobs_delta: int
    hours_delta: float
    #: The policy, locks and forbidden pairs under which it was found.
    policy: Policy
    locks: Locks | None = None
    forbid_pairs: tuple[SupplierPair, ...] = ()
    #: The task list it was found on, where the change is to a task (``move``: a window).
    instance: Instance | None = None


@dataclass(frozen=True)
class Explanation:
    """Everything ``combibaan explain`` prints about one task."""

    task: Task
    result: Result
    #: Tasks that could share a job with this one.
    compatible: tuple[str, ...]
    #: The other tasks by the rule that keeps them apart (codes of :data:`PAIR_ORDER`).
    incompatible: dict[str, tuple[str, ...]]
    #: Feasible jobs holding the task (a lower bound when ``feasible_complete`` is false).
    feasible_jobs: int
    feasible_complete: bool
    relaxations: tuple[Relaxation, ...] = ()
    #: Whether partners and jobs were judged over some starts of the flexible tasks only.
    starts_tried: bool = False
    #: Every change tried, as people say it.
    tried: tuple[str, ...] = ()
    lang: str = "nl"

    @property
    def job(self) -> Job | None:
        return next((j for j in self.result.solution.jobs if self.task.id in j.task_ids), None)

    @property
    def reason(self) -> str | None:
        """Why the task is in no job, in the explanation's language (``None``: it is in one)."""
        found = (u for u in self.result.solution.unassigned if u.task_id == self.task.id)
        return next((render(u.reason, self.lang) for u in found), None)

    def lines(self) -> list[str]:
        """The story as plain lines of text, in the explanation's language."""
        lang, task = self.lang, self.task
        out = [
            f"{task.id} — {task.supplier}" + (f": {task.description}" if task.description else "")
        ]
        slots = _slots_text(task, lang)
        location = f" · {task.location}" if task.location else ""
        out.append(
            explain_text("times", lang, slots=slots, hours=task.hours_per_week, location=location)
        )
        if self.compatible:
            out.append(
                explain_text(
                    "compatible", lang, n=len(self.compatible), ids=", ".join(self.compatible)
                )
            )
        else:
            out.append(explain_text("compatible_none", lang))
        if self.incompatible:
            out.append(explain_text("incompatible", lang))
            for code, ids in self.incompatible.items():
                count = render(Phrase(code, {"n": len(ids)}, "count"), lang)
                out.append(f"  {count}: {', '.join(ids)}")
        count = str(self.feasible_jobs)
        if not self.feasible_complete:
            count = explain_text("at_least", lang, n=self.feasible_jobs)
        out.append(explain_text("feasible", lang, task=task.id, n=count))
        if self.starts_tried:
            out.append(explain_text("over_starts_tried", lang))
        job = self.job
        if job is not None:
            partners = [t for t in job.task_ids if t != task.id]
            out.append(
                explain_text(
                    "in_job",
                    lang,
                    job=job.job_id,
                    partners=_with(partners, lang),
                    hours=round(job.hours_per_week, 2),
                )
            )
            if task.windows:
                chosen = format_times(job.slots_of(task.id), lang)
                out.append(explain_text("chosen", lang, task=task.id, times=chosen))
            return out
        out.append(explain_text("out", lang, reason=self.reason or ""))
        out.append(explain_text("changes", lang))
        for r in self.relaxations:
            delta = explain_text("now", lang, n=r.jobs - r.jobs_delta) if r.jobs_delta else ""
            if r.hours_delta:
                delta += explain_text("hours_delta", lang, hours=r.hours_delta)
            out.append(
                explain_text(
                    "change",
                    lang,
                    change=r.change,
                    task=task.id,
                    job=r.job_id,
                    partners=_with(r.partners, lang),
                    jobs=r.jobs,
                    delta=delta,
                )
            )
        if not self.relaxations:
            out.append(
                explain_text("no_changes", lang, task=task.id, tried="; ".join(self.tried) or "-")
            )
        return out

    def __str__(self) -> str:
        return "\n".join(self.lines())


def _slots_text(task: Task, lang: str) -> str:
    """Slots grouped by time of day, then the windows: ``ma-vr 08:30-11:00, za
    10:00-14:00, 3x ma-vr 1:00 tussen 09:00 en 16:00``."""
    days: dict[tuple[int, int], list[int]] = {}
    for slot in task.slots:
        days.setdefault((slot.start, slot.end), []).append(slot.day)
    fixed = [
        f"{format_days(d, lang)} {format_minutes(start)}-{format_minutes(end)}"
        for (start, end), d in sorted(days.items(), key=lambda item: min(item[1]))
    ]
    windows = [
        explain_text(
            "window",
            lang,
            count=f"{w.count}x " if w.count < len(w.days) else "",
            days=format_days(w.days, lang),
            duration=f"{w.duration // 60}:{w.duration % 60:02d}",
            earliest=format_minutes(w.earliest),
            latest=format_minutes(w.latest),
        )
        if w.moves
        else f"{f'{w.count}x ' if w.count < len(w.days) else ''}{format_days(w.days, lang)} "
        f"{format_minutes(w.earliest)}-{format_minutes(w.latest)}"
        for w in task.windows
    ]
    return ", ".join(fixed + windows)


def _with(ids: Iterable[str], lang: str) -> str:
    ids = list(ids)
    return explain_text("with", lang, ids=", ".join(ids)) if ids else ""


def find_task(instance: Instance, task_id: str) -> Task:
    """The task with this id; :class:`UnknownTaskError` listing close matches otherwise."""
    if task_id in instance.task_index:
        return instance.task(task_id)
    by_case = {t.lower(): t for t in instance.task_index}
    if task_id.lower() in by_case:
        return instance.task(by_case[task_id.lower()])
    close = closest(task_id, instance.task_index, n=5, cutoff=0.4)
    raise UnknownTaskError(mistake("unknown_task", task=repr(task_id), hint=maybe(close)))


def explain(
    instance: Instance,
    task_id: str,
    policy: Policy | None = None,
    *,
    locks: Locks | None = None,
    forbid_pairs: Iterable[SupplierPair | str] = (),
    time_limit: float = 10.0,
    lang: str = "nl",
    seed: int = 0,
    workers: int = 0,
) -> Explanation:
    """Explain one task: its partners, its job or reason, and the changes that would place it.

    ``time_limit`` covers the first solve; each what-if gets a share of it (at
    most :data:`WHAT_IF_SECONDS`).
    """
    if not isinstance(task_id, str):
        raise TypeError(f"task_id must be a task's id (a string), got {type(task_id).__name__}")
    check_lang(lang)
    task = find_task(instance, task_id)
    policy = Policy.for_most_jobs(policy, "explain")
    pairs = pair_list(forbid_pairs)
    result = solve(
        instance,
        policy,
        locks=locks,
        forbid_pairs=pairs,
        time_limit=time_limit,
        seed=seed,
        workers=workers,
    )
    uninterrupted(result)
    plan = plan_locks(instance, policy, locks, pairs, profiles(instance))
    ways = _ways(instance, policy, plan)
    v = instance.task_index[task.id]
    compatible, incompatible = _partners(instance, policy, ways, plan, v)
    feasible, complete = _feasible_jobs(ways, policy, plan, v, time_limit)
    thinned = bool(ways.expansion.thinned)
    explanation = Explanation(
        task=task,
        result=result,
        compatible=compatible,
        incompatible=incompatible,
        feasible_jobs=feasible,
        feasible_complete=complete,
        lang=lang,
        starts_tried=thinned,
    )
    if explanation.job is not None:
        return explanation
    candidates = _candidates(instance, policy, plan, ways, v, lang)
    found, tried = _what_ifs(instance, task, result, candidates, time_limit, seed, workers, lang)
    return Explanation(
        task=task,
        result=result,
        compatible=compatible,
        incompatible=incompatible,
        feasible_jobs=feasible,
        feasible_complete=complete,
        relaxations=tuple(found),
        tried=tuple(tried),
        lang=lang,
        starts_tried=thinned,
    )


def _ways(instance: Instance, policy: Policy, plan: LockPlan) -> Ways:
    """Every task as its ways, and the graph of the ways that fit together: every start
    of a flexible task where the list's ways stay within :data:`EXPLAIN_WAYS`, else the
    starts on the finest step that keeps them so. (On the searches' coarser steps alone a
    task fitted beside nobody where the proposal had it in a job.)"""
    limits = Limits.of(policy)
    expansion = expand(instance, limits)
    if expansion.thinned:
        finer = (more_ways(2**k) for k in range(10, 0, -1))
        most = next(
            (m for m in finer if total_ways(instance.tasks, expansion.grid, m) <= EXPLAIN_WAYS),
            None,
        )
        if most is not None:
            expansion = expand(instance, limits, most=most)
    task_of = expansion.task_of
    searchable = [p for p in expansion.profiles if task_of[p.index] not in plan.removed]
    graph = compatibility_graph(instance, policy, searchable, plan.forbidden, task_of)
    return Ways.of_graph(expansion, graph, plan.accept)


def _partners(
    instance: Instance, policy: Policy, ways: Ways, plan: LockPlan, v: int
) -> tuple[tuple[str, ...], dict[str, tuple[str, ...]]]:
    compatible: list[str] = []
    groups: dict[str, list[str]] = {}
    for u, other in enumerate(instance.tasks):
        if u == v:
            continue
        found = classify_pair(instance, policy, ways.expansion.profiles, plan, v, u, ways)
        if found is None:
            compatible.append(other.id)
        else:
            groups.setdefault(found.code, []).append(other.id)
    ordered = {code: tuple(groups[code]) for code in PAIR_ORDER if code in groups}
    return tuple(compatible), ordered


def _feasible_jobs(
    ways: Ways, policy: Policy, plan: LockPlan, v: int, time_limit: float
) -> tuple[int, bool]:
    """Feasible jobs (sets of tasks) that hold task ``v``: enumerated over ``v``'s ways
    and their neighbours only."""
    if any(v in job for job in plan.keep_jobs):
        return 1, True
    mine = [a for a in ways.of[v] if a in ways.graph]
    if not mine:
        return 0, True
    around = set(mine).union(*(ways.graph[a] for a in mine))
    found = enumerate_jobs(
        ways.graph.subgraph(sorted(around)),
        ways.expansion.profiles,
        Limits.of(policy),
        deadline=time.perf_counter() + min(time_limit, WHAT_IF_SECONDS),
        accept=ways.accept,
        task_of=ways.expansion.task_of,
    )
    task_of = ways.expansion.task_of
    holding = {ways.expansion.tasks(job) for job in found.jobs if any(task_of[a] == v for a in job)}
    return len(holding), found.complete


@dataclass(frozen=True)
class _Candidate:
    key: str
    change: str
    policy: Policy
    locks: Locks | None
    pairs: tuple[SupplierPair, ...]
    #: Candidates with the same group stop at the first that adds a job (the smallest
    #: step); of those that only place the task, the first is kept.
    group: str = ""
    #: A changed task list (``move``), else the task list as it is.
    instance: Instance | None = None


def _candidates(
    instance: Instance,
    policy: Policy,
    plan: LockPlan,
    ways: Ways,
    v: int,
    lang: str,
) -> list[_Candidate]:
    """The relaxations worth trying for task ``v``, smallest step first."""
    locks, pairs = plan.locks or None, plan.forbid_pairs
    out = [_Candidate("none", explain_text("relax_none", lang), policy, locks, pairs)]

    mine = [a for a in ways.of[v] if a in ways.graph]
    # A task in no search (too long alone, say) reaches its own minutes: the week a rule
    # would need for it alone (a 40-hour task never got "with max 40 h a week").
    best: int | None = None if v in plan.excluded else instance.tasks[v].minutes_per_week
    if mine:
        best = max(
            reach([a], ways.graph, ways.expansion.profiles, policy, accept=ways.accept).best_minutes
            for a in mine
        )
    for rule in sorted(RULES, key=lambda rule: rule.explain_rank):
        value = rule.value(policy)
        if value is None or rule.relax is None:
            continue
        for relaxed in rule.relaxations(value, best):
            text = render(Phrase(rule.key, {"value": relaxed}, "relax"), lang)
            changed = policy.replace(**{rule.key: relaxed})
            out.append(_Candidate(rule.key, text, changed, locks, pairs, rule.key))
    task = instance.tasks[v]
    for lock in _nearby_locks(instance, policy, ways, plan, v):
        rest = plan.locks.without(lock)
        text = explain_text("relax_lock", lang, value=lock.label(lang))
        out.append(_Candidate("lock", text, policy, rest or None, pairs))
    for pair in pairs:
        if task.supplier in pair:
            text = explain_text("relax_pair", lang, value=pair_label(pair, lang))
            rest_pairs = tuple(p for p in pairs if p != pair)
            out.append(_Candidate("pair", text, policy, locks, rest_pairs))
    # Flexibility as a lever (issue 12), smallest step first: a fixed task free to move,
    # a flexible one with its windows wider at both ends.
    for minutes in MOVE_STEPS:
        moved = movable(task, minutes) or widened(task, minutes)
        if moved is None or moved == task:
            break
        tasks = tuple(moved if t.id == task.id else t for t in instance.tasks)
        moved_list = dataclasses.replace(instance, tasks=tasks)
        text = _move_text(task, moved, lang)
        out.append(_Candidate("move", text, policy, locks, pairs, "move", moved_list))
    return out


def _move_text(task: Task, moved: Task, lang: str) -> str:
    """The move as people say it: where the task may start now, and where it could (an
    opening before midnight said to be on the evening before: 23:30 for a Tuesday task
    is Monday's)."""
    if not task.windows:
        (window,) = moved.windows
        days = tuple(sorted({s.day for s in task.slots}))
        return explain_text(
            "relax_move",
            lang,
            task=task.id,
            earliest=_opening(window.earliest, window.days != days, lang),
            latest=format_minutes(window.last_start),
            start=format_minutes(task.slots[0].start),
        )
    return explain_text(
        "relax_widen",
        lang,
        task=task.id,
        windows=_spans_text(moved.windows, lang, task.windows),
        old=_spans_text(task.windows, lang),
    )


def _spans_text(windows: Iterable[Window], lang: str, before: Iterable[Window] = ()) -> str:
    """The windows' times of day: ``08:00-17:00``, each once; ``before``: the windows these
    were widened from (where the days moved, the opening is on the evening before)."""
    old = list(before)
    spans = dict.fromkeys(
        (w.earliest, w.latest, k < len(old) and w.days != old[k].days)
        for k, w in enumerate(windows)
    )
    return ", ".join(f"{_opening(a, moved, lang)}-{format_minutes(b)}" for a, b, moved in spans)


def _opening(minutes: int, evening_before: bool, lang: str) -> str:
    time = format_minutes(minutes)
    return explain_text("evening_before", lang, time=time) if evening_before else time


def _nearby_locks(
    instance: Instance, policy: Policy, ways: Ways, plan: LockPlan, v: int
) -> list[Lock]:
    """Locks on the task or on a task it could share a job with if there were no locks:
    only those can keep it out."""
    if not plan.locks:
        return []
    near = {instance.tasks[v].id}
    table = ways.expansion.profiles
    for u, other in enumerate(instance.tasks):
        if u != v and classify_pair(instance, policy, table, None, v, u, ways) is None:
            near.add(other.id)
    return [lock for lock in plan.locks if near & set(lock.task_ids)]


def _what_ifs(
    instance: Instance,
    task: Task,
    base: Result,
    candidates: list[_Candidate],
    time_limit: float,
    seed: int,
    workers: int,
    lang: str,
) -> tuple[list[Relaxation], list[str]]:
    """Solve each candidate with the task required; keep those that lose no job. In a
    group (a rule's steps, the moves) a larger step is still tried after one that only
    places the task: an hour's move that placed it hid the two hours' that add a job."""
    per = min(WHAT_IF_SECONDS, max(0.5, time_limit / max(len(candidates), 1)))
    found: list[Relaxation] = []
    tried: list[str] = []
    done: set[str] = set()
    placing: set[str] = set()  # groups with a step that places the task, no job more
    base_minutes = base.hours_placed
    for c in candidates:
        if c.group and c.group in done:
            continue
        tried.append(c.change)
        try:
            r = solve(
                c.instance or instance,
                c.policy,
                locks=c.locks,
                forbid_pairs=c.pairs,
                require=[task.id],
                time_limit=per,
                seed=seed,
                workers=workers,
            )
            uninterrupted(r)
        except LockError:  # e.g. a kept job no longer valid under the changed rules
            continue
        job = next((j for j in r.solution.jobs if task.id in j.task_ids), None)
        if job is None or r.num_jobs < base.num_jobs:
            continue
        if c.group and r.num_jobs == base.num_jobs:
            if c.group in placing:
                continue
            placing.add(c.group)
        elif c.group:
            done.add(c.group)
        found.append(
            Relaxation(
                key=c.key,
                change=c.change,
                job_id=job.job_id,
                partners=tuple(t for t in job.task_ids if t != task.id),
                jobs=r.num_jobs,
                jobs_delta=r.num_jobs - base.num_jobs,
                hours_delta=round(r.hours_placed - base_minutes, 2),
                policy=c.policy,
                locks=c.locks,
                forbid_pairs=c.pairs,
                instance=c.instance,
            )
        )
        if c.key == "none":
            break  # it fits as things are: no relaxation needed
    return found, tried
