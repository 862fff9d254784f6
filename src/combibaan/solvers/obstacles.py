"""Why tasks cannot share a job: the rule that stands in the way, with its numbers.

The compatibility graph and the enumeration only answer yes or no; a workshop
asks *why not*. These functions redo the same arithmetic on the solver's
:class:`~combibaan.rules.Profile` values (through the rule modules) but keep the
rule and the numbers that failed, so that reasons and ``explain`` speak from the model
instead of a generic sentence.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import networkx as nx

from combibaan.model import Instance
from combibaan.model.phrase import Labelled
from combibaan.rules import EMPTY, RULES, Limits, Load, Obstacle, Policy, Profile

#: Sets one search around a task looks at, at most.
REACH_NODES = 20_000

#: Order in which pair obstacles are named: the rules by precedence (the supplier rule
#: first: it decides which tasks are allowed at all, then time, then the limits), then locks.
PAIR_ORDER: tuple[str, ...] = (
    "unavailable",
    "in_set_job",
    *(
        code
        for rule in sorted(RULES, key=lambda rule: rule.precedence)
        if not rule.lower
        for code in rule.codes
    ),
    "lock",
)
#: Each code's place in :data:`PAIR_ORDER`: where several obstacles stand (between the
#: ways of flexible tasks), the one latest in it still stands where the others give way.
PAIR_RANK: dict[str, int] = {code: k for k, code in enumerate(PAIR_ORDER)}


def pair_obstacle(
    instance: Instance, policy: Policy, p: Profile, q: Profile, *, lock: Labelled | None = None
) -> Obstacle | None:
    """Why tasks ``p`` and ``q`` (each fitting alone) cannot share a job; ``None`` if they can.

    ``lock`` names a workshop lock forbidding the pair; it is reported only when
    no rule of the policy already separates them, since only then does it matter.
    """
    limits = Limits.of(policy)
    travel = instance.travel_between(p.location, q.location, limits.default_travel)
    found = limits.pair_obstacle(p, q, travel)
    if found is None and lock is not None:
        return Obstacle("lock", {"lock": lock})
    return found


def job_obstacle(
    instance: Instance, policy: Policy, profiles: Sequence[Profile], members: Sequence[int]
) -> Obstacle | None:
    """Why these tasks together are not a valid job; ``None`` when they are one.

    Used for kept jobs: the workshop fixed them, so they must satisfy the policy
    exactly as a job the solver builds would.
    """
    ids = instance.tasks
    limits = Limits.of(policy)
    for k, i in enumerate(members):
        for j in members[k + 1 :]:
            p, q = profiles[i], profiles[j]
            travel = instance.travel_between(p.location, q.location, limits.default_travel)
            for rule, limit in limits.travel:
                found = rule.pair(p, q, limit, travel)
                if found is not None:
                    values = dict(found.values)
                    values.update(a=ids[i].id, b=ids[j].id)
                    return Obstacle(f"{found.code}_pair", values)
    load = EMPTY
    for i in members:
        found = limits.add_obstacle(load, profiles[i])
        if found is not None:
            return found
        load = load.grow(profiles[i])
    return limits.lower_obstacle(load)


@dataclass(frozen=True)
class Reach:
    """What the best job around one task looks like: found by a bounded search."""

    #: Most minutes of a set of tasks containing the task that keeps every upper limit.
    best_minutes: int
    #: The tasks of that set (task indices).
    best_members: tuple[int, ...]
    #: How often each rule stopped a set from growing or from being a job.
    blockers: Counter[str]
    #: Whether the search looked at every set (else it stopped at its budget).
    complete: bool
    #: Whether some set it looked at is a job (all rules, together-locks included).
    job_found: bool = False
    #: Sets looked at: the work done, the same on every machine.
    nodes: int = 0


def reach(
    start: Sequence[int],
    graph: nx.Graph,
    profiles: Sequence[Profile],
    policy: Policy,
    *,
    accept: Callable[[Sequence[int]], bool] | None = None,
    budget: int = REACH_NODES,
    deadline: float | None = None,
) -> Reach:
    """Search the sets of tasks around ``start`` (a clique of ``graph``) for the best job.

    Counts which rule stops each set: an upper limit when a compatible task
    cannot join, every lower limit it misses or a together-lock when a set cannot
    grow and is still no job. The most frequent one is the rule that "binds most". The
    search stops after ``budget`` sets, or at the wall-clock ``deadline``
    (``time.perf_counter()``), and then says it is not complete.
    """
    limits = Limits.of(policy)
    base = list(start)
    load = Load.of(profiles[base[0]])
    for i in base[1:]:
        grown = load.add(profiles[i], limits)
        if grown is None:
            return Reach(load.minutes, tuple(base), Counter(), True, False)
        load = grown
    common = set(graph.nodes)
    for i in base:
        common &= set(graph[i])
    candidates = sorted(common - set(base))
    blockers: Counter[str] = Counter()
    best = (load.minutes, tuple(base))
    nodes = 0
    job_found = False

    def grow(members: list[int], cands: list[int], current: Load) -> None:
        nonlocal best, nodes, job_found
        nodes += 1
        if nodes > budget:
            raise _Budget
        if deadline is not None and nodes % 512 == 0 and time.perf_counter() > deadline:
            raise _Budget
        if current.minutes > best[0]:
            best = (current.minutes, tuple(members))
        if current.is_job(limits) and (accept is None or accept(members)):
            job_found = True
        extended = False
        for k, c in enumerate(cands):
            grown = current.add(profiles[c], limits)
            if grown is None:
                found = limits.add_obstacle(current, profiles[c])
                blockers[found.code if found else "max_hours"] += 1
                continue
            extended = True
            members.append(c)
            grow(members, [u for u in cands[k + 1 :] if u in graph[c]], grown)
            members.pop()
        if not extended and not current.is_job(limits):
            low = limits.lower_obstacles(current)
            blockers.update([found.code for found in low] or ["together"])
        elif not extended and accept is not None and not accept(members):
            blockers["together"] += 1

    complete = True
    try:
        grow(base, candidates, load)
    except _Budget:
        complete = False
    return Reach(best[0], best[1], blockers, complete, job_found, min(nodes, budget))


class _Budget(Exception):
    pass
