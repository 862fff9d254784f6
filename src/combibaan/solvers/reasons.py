"""Why a task stayed out: derived from the model, in one or two short sentences.

Checked in this order, so that each task gets the most basic reason that holds:

1. a workshop lock excludes it;
2. alone it already breaks an upper limit (with the numbers);
3. it is in feasible jobs, but each needs a task of a chosen job (which ones);
4. its together-lock group can never form a job (which partner, and why);
5. no task fits beside it, and why the others fail (counted per rule);
6. partners exist, but no combination meets the rules (the rule that binds most);
7. otherwise the search ran out of time before it saw every combination.

Reasons 1, 2, 4 and 5 hold whatever the search did; 6 needs either the full
enumeration or a complete local search around the task (:func:`reach`), so even
the large-instance path gets specific reasons where they are proven.

The searches around tasks share an :class:`Allowance`: a number of sets (the
same on every machine, so a rerun gives the same reasons) and the run's
wall-clock deadline (so that the reasons never take the run past its time
limit). A task whose search no longer fits says so (reason 7), or, where the
enumeration proved that no job exists, says that without the numbers.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field, replace

import networkx as nx

from combibaan.model import Instance, Lock, Unassigned
from combibaan.model.locks import PairName
from combibaan.model.phrase import Phrase
from combibaan.rules import BY_CODE, Limits, Load, Obstacle, Policy, Profile
from combibaan.solvers.expansion import Ways
from combibaan.solvers.locking import LockPlan
from combibaan.solvers.obstacles import (
    PAIR_ORDER,
    PAIR_RANK,
    REACH_NODES,
    Reach,
    job_obstacle,
    pair_obstacle,
    reach,
)
from combibaan.texts import AFTER

#: Pairs an isolated task's reason looks at between two looks at the allowance.
ISOLATED_CHECK = 256
#: Competing tasks named in a "taken" reason before the rest is summed up.
SHOWN_COMPETITORS = 4
#: Above this many tasks an incomplete search skips the per-task reach search (scale).
REACH_MAX_TASKS = 500
#: Share of the time limit the searches behind the reasons may take, counted in sets
#: (:class:`Allowance`): within what the strategies leave.
REASONS_SHARE = 0.1


@dataclass
class Allowance:
    """What the searches around tasks may still spend: sets to look at, and until when."""

    #: Sets all searches together may look at (None: each search its own budget only).
    nodes: int | None = None
    #: The wall-clock moment (``time.perf_counter()``) after which no search starts.
    deadline: float | None = None
    spent: int = 0

    def budget(self) -> int:
        """Sets the next search may look at (0: none)."""
        if self.deadline is not None and time.perf_counter() >= self.deadline:
            return 0
        if self.nodes is None:
            return REACH_NODES
        return max(min(REACH_NODES, self.nodes - self.spent), 0)

    def charge(self, nodes: int) -> None:
        self.spent += nodes


@dataclass(frozen=True)
class _Context:
    instance: Instance
    policy: Policy
    profiles: Sequence[Profile]
    graph: nx.Graph
    options: dict[int, list[tuple[int, ...]]]
    complete: bool
    chosen: dict[int, str]
    plan: LockPlan | None
    allowance: Allowance = field(default_factory=Allowance)
    #: Each task's ways, where tasks have flexible times: the profiles are then one
    #: choice of each, and the searches around a task run over its ways instead.
    ways: Ways | None = None

    @property
    def flexible(self) -> bool:
        return self.ways is not None and self.ways.expansion.flexible

    def reach(self, start: Sequence[int]) -> Reach | None:
        """The search around ``start`` within the allowance; None when none is left (or
        with flexible tasks, for a group of several: their ways are not searched)."""
        budget = self.allowance.budget()
        if budget == 0 or (self.flexible and len(start) > 1):
            return None
        if self.ways is not None and self.flexible:
            return self._reach_ways(self.ways, start[0])
        accept = self.plan.accept if self.plan is not None else None
        found = reach(
            start,
            self.graph,
            self.profiles,
            self.policy,
            accept=accept,
            budget=budget,
            deadline=self.allowance.deadline,
        )
        self.allowance.charge(found.nodes)
        return found

    def _reach_ways(self, ways: Ways, v: int) -> Reach:
        """The search around each way of task ``v`` in turn, as one: complete when each
        is, a job found when one is, the blockers of all."""
        best: Reach | None = None
        blockers: Counter[str] = Counter()
        complete, job_found, nodes = True, False, 0
        for a in (a for a in ways.of[v] if a in ways.graph):
            budget = self.allowance.budget()
            if budget == 0:
                complete = False
                break
            found = reach(
                [a],
                ways.graph,
                ways.expansion.profiles,
                self.policy,
                accept=ways.accept,
                budget=budget,
                deadline=self.allowance.deadline,
            )
            self.allowance.charge(found.nodes)
            blockers.update(found.blockers)
            complete &= found.complete
            job_found |= found.job_found
            nodes += found.nodes
            if best is None or found.best_minutes > best.best_minutes:
                best = found
        members = () if best is None else ways.expansion.tasks(best.best_members)
        minutes = 0 if best is None else best.best_minutes
        return Reach(minutes, members, blockers, complete, job_found, nodes)


def unassigned_reasons(
    instance: Instance,
    policy: Policy,
    profiles: list[Profile],
    graph: nx.Graph,
    columns: Sequence[tuple[int, ...]],
    complete: bool,
    chosen: dict[int, str],
    plan: LockPlan | None = None,
    allowance: Allowance | None = None,
    ways: Ways | None = None,
) -> tuple[Unassigned, ...]:
    """A reason for every task not in a chosen job, as data (worded at the edge).

    ``chosen`` maps the task index of every assigned task to its job id;
    ``complete`` says whether ``columns`` holds every feasible job; ``plan``
    holds the workshop locks, if any; ``allowance`` bounds the searches around
    tasks (default: each search its own budget, no deadline). ``ways`` (with
    flexible tasks) are each task's ways: a pair's obstacle and the search around a
    task run over them (a together group of several is left to the enumeration).
    """
    options: dict[int, list[tuple[int, ...]]] = {}
    for column in columns:
        for task in column:
            options.setdefault(task, []).append(column)
    context = _Context(
        instance,
        policy,
        profiles,
        graph,
        options,
        complete,
        chosen,
        plan,
        allowance or Allowance(),
        ways,
    )
    return tuple(
        Unassigned(instance.tasks[p.index].id, why_not(context, p.index))
        for p in profiles
        if p.index not in chosen
    )


def set_aside(
    instance: Instance,
    plan: LockPlan | None,
    graph: nx.Graph,
    limits: Limits,
    profiles: Sequence[Profile],
    v: int,
) -> Phrase | None:
    """Why task ``v`` is in no job before any search: a lock excludes it, or alone it
    already breaks a rule; ``None`` when neither."""
    if plan is not None and v in plan.excluded:
        task_id = instance.tasks[v].id
        lock = next(lock for lock in plan.locks.of_rule("exclude") if task_id in lock.task_ids)
        return Phrase("excluded", {"lock": lock})
    if v not in graph:
        return Phrase("too_long", {"detail": limits.alone_obstacle(profiles[v]) or ""})
    return None


def why_not(c: _Context, v: int) -> Phrase:
    """The reason task ``v`` is in no chosen job."""
    aside = set_aside(c.instance, c.plan, c.graph, Limits.of(c.policy), c.profiles, v)
    if aside is not None:
        return aside
    if v in c.options:
        return _taken_reason(c, v)
    if c.plan is not None and v in c.plan.groups:
        together = _together_reason(c, v)
        if together is not None:
            return together
    if c.graph.degree(v) == 0:
        return _isolated_reason(c, v)
    return _no_job_reason(c, v)


def _taken_reason(c: _Context, v: int) -> Phrase:
    columns = c.options[v]
    competing: Counter[int] = Counter()
    for column in columns:
        used = [t for t in column if t in c.chosen]
        if not used:  # a job of free tasks only: the search stopped before it saw it
            return Phrase("unexplored")
        competing.update(used)
    ids = c.instance.tasks
    names = [f"{ids[t].id} ({c.chosen[t]})" for t, _ in competing.most_common(SHOWN_COMPETITORS)]
    if len(competing) > SHOWN_COMPETITORS:
        names.append(f"+{len(competing) - SHOWN_COMPETITORS}")
    partners = _set_partners(c, v)
    beside: Phrase | str = ""
    if partners:
        shown = [f"{ids[t].id} ({c.chosen[t]})" for t in partners[:SHOWN_COMPETITORS]]
        if len(partners) > SHOWN_COMPETITORS:
            shown.append(f"+{len(partners) - SHOWN_COMPETITORS}")
        beside = Phrase("taken_set", {"partners": tuple(shown)})
    return Phrase("taken", {"options": len(columns), "competing": tuple(names), "set": beside})


def _set_partners(c: _Context, v: int) -> list[int]:
    """The tasks of jobs set before the search (a keep lock's, a candidate's) that ``v``
    fits beside: its jobs with them were never searched, so "could join 1 job" counted
    none of them (a candidate's four partners went unnamed). Each pair is charged to
    the searches' allowance, as the isolated reason's are."""
    if c.plan is None:
        return []
    found: list[int] = []
    for u in sorted(c.plan.removed - c.plan.excluded):
        if c.allowance.budget() == 0:
            break
        c.allowance.charge(1)
        if u in c.chosen and pair_reason(c, v, u).code == "in_set_job":
            found.append(u)
    return found


def separating_lock(
    plan: LockPlan | None, instance: Instance, a: int, b: int
) -> Lock | PairName | None:
    """The apart lock or forbidden supplier pair that separates two tasks."""
    if plan is None or frozenset((a, b)) not in plan.forbidden:
        return None
    ta, tb = instance.tasks[a], instance.tasks[b]
    lock = plan.lock_of_pair(ta.id, tb.id)
    if lock is not None:
        return lock
    for pair in plan.forbid_pairs:
        if {ta.supplier, tb.supplier} == set(pair):
            return PairName(pair)
    return None


def classify_pair(
    instance: Instance,
    policy: Policy,
    profiles: Sequence[Profile],
    plan: LockPlan | None,
    v: int,
    u: int,
    ways: Ways | None = None,
) -> Obstacle | None:
    """Why ``u`` cannot join ``v`` in a job; ``None`` when the two are compatible.

    ``unavailable`` when ``u`` is in no search at all (excluded, or too long alone);
    ``in_set_job`` when ``u`` sits in a job set before the search (a keep lock's, or a
    candidate's) that ``v`` could otherwise join: beside a candidate's tasks, three
    tasks read "3 are out (a lock, or too long)" with no lock given. With ``ways``
    (flexible tasks) they are compatible when some way of each fits beside some way
    of the other; else the obstacle named is the one latest in
    :data:`PAIR_ORDER` over all pairs of ways: it still stands where the earlier
    ones give way (some starts overlap, the rest leave too little travel time).
    """
    set_job = plan is not None and u in plan.removed
    if plan is not None and u in plan.excluded:
        return Obstacle("unavailable")
    limits = Limits.of(policy)
    if ways is None:
        mine, theirs = [profiles[v]], [profiles[u]] if limits.fits_alone(profiles[u]) else []
    else:
        table = ways.expansion.profiles
        mine = [table[a] for a in ways.fitting(v, limits) or ways.of[v]]
        theirs = [table[b] for b in ways.fitting(u, limits)]
    if not theirs:
        return Obstacle("unavailable")
    lock = separating_lock(plan, instance, v, u)
    found: list[Obstacle] = []
    for p in mine:
        for q in theirs:
            obstacle = pair_obstacle(instance, policy, p, q, lock=lock)
            if obstacle is None:
                return Obstacle("in_set_job") if set_job else None
            found.append(obstacle)
    return max(found, key=lambda o: PAIR_RANK.get(o.code, -1))


def pair_reason(c: _Context, v: int, u: int) -> Obstacle:
    """Why ``v`` and ``u`` share no edge of the graph."""
    found = classify_pair(c.instance, c.policy, c.profiles, c.plan, v, u, c.ways)
    return found or Obstacle("unavailable")


def _isolated_reason(c: _Context, v: int) -> Phrase:
    """Why no task fits beside ``v``: how many others break which rule with it. Each pair
    looked at is charged to the searches' allowance (2,000 tasks that fit with none took
    36 s at a 2 s limit): the pairs left when it is spent are counted as not looked at."""
    others = [p.index for p in c.profiles if p.index != v]
    counts: Counter[str] = Counter()
    looked = 0
    for u in others:
        if looked % ISOLATED_CHECK == 0 and c.allowance.budget() == 0:
            break
        counts[pair_reason(c, v, u).code] += 1
        looked += 1
        if looked % ISOLATED_CHECK == 0:
            c.allowance.charge(ISOLATED_CHECK)
    c.allowance.charge(looked % ISOLATED_CHECK)
    why = tuple(Phrase(code, {"n": counts[code]}, "count") for code in PAIR_ORDER if counts[code])
    if looked < len(others):
        why += (Phrase("unchecked", {"n": len(others) - looked}, "count"),)
    low = Limits.of(c.policy).lower_obstacle(Load.of(c.profiles[v]))
    if not why:  # the only task of the list
        return Phrase("isolated_alone", {"detail": low or ""})
    return Phrase("isolated", {"detail": low or "", "why": why})


#: The codes of the lower rules (a minimum a set misses).
LOWER_CODES = frozenset(code for code, rule in BY_CODE.items() if rule.lower)


def binding_rule(
    blockers: Counter[str],
    policy: Policy,
    skip: Collection[str] = (),
    lock: Lock | None = None,
) -> Phrase | None:
    """The most frequent blocker as the rule that stands in the way, or ``None``.

    ``lock`` is the together lock meant when that is the blocker.
    """
    ranked = [code for code, _ in blockers.most_common() if code not in skip]
    if not ranked:
        return None
    code = ranked[0]
    value = BY_CODE[code].value(policy) if code in BY_CODE else None
    return Phrase(code, {"value": value, "lock": lock or ""}, "binding")


def binding_tail(
    blockers: Counter[str],
    policy: Policy,
    skip: Collection[str] = (),
    lock: Lock | None = None,
) -> Phrase | str:
    """``; mostly <rule> stands in the way`` for the most frequent blocker, or ``""``."""
    rule = binding_rule(blockers, policy, skip, lock)
    return "" if rule is None else Phrase("binding", {"rule": rule})


def together_near(c: _Context, v: int) -> Lock | None:
    """A together lock that holds a task compatible with ``v``."""
    if c.plan is None:
        return None
    near = {c.instance.tasks[u].id for u in c.graph[v]} if v in c.graph else set()
    for lock in c.plan.locks.of_rule("together"):
        if near & set(lock.task_ids):
            return lock
    return None


def _flexible_together_reason(
    c: _Context, v: int, no_job: Callable[[object], Phrase]
) -> Phrase | None:
    """Why the together group of ``v`` (with flexible tasks) is no job: where every job was
    enumerated and none holds ``v`` (the enumeration keeps groups whole), there is none,
    and the rule that stands most in the way around ``v`` says why (the ways of a group
    are not searched here); ``None`` where it may be a job or no rule stands out."""
    if not c.complete:
        return None
    tail = _no_job_reason(c, v).values.get("tail")
    if not isinstance(tail, Phrase):
        return None
    return no_job(Phrase("binding_alone", {"rule": tail.values["rule"]}))


def _no_job_reason(c: _Context, v: int) -> Phrase:
    """Partners exist but no job does: proven by the enumeration or by the local search."""
    if not c.complete and c.graph.number_of_nodes() > REACH_MAX_TASKS:
        # Large instances (local search): the search below costs seconds per task and
        # rarely finishes within its budget there, so it would say "unexplored" anyway.
        return Phrase("unexplored")
    found = c.reach([v])
    partners = c.graph.degree(v)
    if not c.complete and (found is None or found.job_found or not found.complete):
        return Phrase("unexplored")  # a job may exist that the search did not see
    if found is None:  # the enumeration proved that no job exists; no time for the numbers
        return Phrase("no_job_rule", {"partners": partners, "tail": ""})
    limits = Limits.of(c.policy)
    if found.complete and found.best_minutes < limits.min_minutes:
        return Phrase(
            "no_job",
            {
                "partners": partners,
                "best": round(found.best_minutes / 60, 2),
                "min_hours": c.policy.min_hours or 0,
                # What keeps the sets from growing: a lower rule (a day's minimum) only
                # disqualifies a set, and the weekly one is said already.
                "tail": binding_tail(
                    found.blockers, c.policy, skip=LOWER_CODES, lock=together_near(c, v)
                ),
            },
        )
    return Phrase(
        "no_job_rule",
        {
            "partners": partners,
            "tail": binding_tail(found.blockers, c.policy, lock=together_near(c, v)),
        },
    )


def _together_reason(c: _Context, v: int) -> Phrase | None:
    """Why the together group of ``v`` can never be one job; ``None`` if it might."""
    assert c.plan is not None
    tasks = c.instance.tasks
    task_id = tasks[v].id
    group = sorted(c.plan.groups[v])
    lock = next(lk for lk in c.plan.locks.of_rule("together") if task_id in lk.task_ids)
    others = tuple(tasks[t].id for t in group if t != v)

    def no_job(why: object) -> Phrase:
        return Phrase("together_no_job", {"others": others, "lock": lock, "why": why})

    for t in group:
        if t in c.plan.excluded:
            by = next(lk for lk in c.plan.locks.of_rule("exclude") if tasks[t].id in lk.task_ids)
            return Phrase("together_excluded", {"other": tasks[t].id, "lock": lock, "by": by})
    for t in group:
        if t not in c.graph:
            alone = Limits.of(c.policy).alone_obstacle(c.profiles[t])
            return no_job(Phrase("task_obstacle", {"task": tasks[t].id, "why": alone or ""}))
    pairs = [(a, b) for i, a in enumerate(group) for b in group[i + 1 :]]
    pairs.sort(key=lambda ab: v not in ab)  # pairs with v first
    for a, b in pairs:
        if not c.graph.has_edge(a, b):
            return Phrase(
                "together_pair",
                {
                    "others": others,
                    "lock": lock,
                    "a": tasks[a].id,
                    "b": tasks[b].id,
                    "why": pair_reason(c, a, b),
                },
            )
    if c.flexible:
        return _flexible_together_reason(c, v, no_job)
    upper = job_obstacle(c.instance, c.policy, c.profiles, group)
    if upper is not None and not upper.code.startswith("min_"):
        return no_job(upper)
    found = c.reach(group)
    if found is None or found.job_found or (not c.complete and not found.complete):
        return None
    limits = Limits.of(c.policy)
    if found.complete and found.best_minutes < limits.min_minutes:
        return no_job(
            Obstacle(
                "min_hours",
                {
                    "value": round(found.best_minutes / 60, 2),
                    "limit": c.policy.min_hours or 0,
                },
            )
        )
    rule = binding_rule(found.blockers, c.policy, lock=lock)
    if rule is not None:
        return no_job(Phrase("binding_alone", {"rule": rule}))
    return no_job(upper or "")


#: Reasons that hold whatever the starts: a lock, or no search at all.
START_FREE_REASONS = ("excluded", "not_worked_out", "unexplored")


def at_starts_tried(item: Unassigned) -> Unassigned:
    """A task left out whose reason the searches found over thinned starts: said so after
    it (a job may need a start not tried; the code stays the reason's own)."""
    reason = item.reason
    if reason.code in START_FREE_REASONS:
        return item
    caveat = Phrase("starts_tried")
    return replace(item, reason=replace(reason, values={**reason.values, AFTER: caveat}))
