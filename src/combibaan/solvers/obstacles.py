"""Why tasks cannot share a job: the rule that stands in the way, with its numbers.

The compatibility graph and the enumeration only answer yes or no; a workshop
asks *why not*. These functions redo the same arithmetic on the solver's
:class:`~combibaan.solvers.profile.Profile` values but keep the rule and the
numbers that failed, so that reasons and ``explain`` speak from the model
instead of a generic sentence.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import networkx as nx

from combibaan.model import MINUTES_PER_WEEK, Instance, Policy
from combibaan.model.week import DAY_NAMES
from combibaan.solvers.profile import NO_LIMIT, Limits, Load, Profile, clash
from combibaan.texts import number, obstacle_text

#: Order in which pair obstacles are named: the supplier rule first (it decides
#: which tasks are allowed at all), then time, then the limits, then locks.
PAIR_ORDER = (
    "unavailable",
    "suppliers",
    "overlap",
    "travel",
    "max_hours",
    "max_hours_per_day",
    "max_span_hours",
    "lock",
)


@dataclass(frozen=True)
class Obstacle:
    """A rule that stops a pair or set of tasks from being a job, with its numbers."""

    code: str
    values: dict[str, object] = field(default_factory=dict, compare=False)

    def text(self, lang: str = "nl") -> str:
        return obstacle_text(self.code, lang, **self.values)


def _hours(minutes: int) -> str:
    return number(round(minutes / 60, 2))


def _limit_hours(policy: Policy, key: str) -> str:
    return number(getattr(policy, key) or 0)


def _overlap_day(p: Profile, q: Profile, travel: float) -> int:
    for a, b in p.intervals:
        for c, d in q.intervals:
            for shift in (-MINUTES_PER_WEEK, 0, MINUTES_PER_WEEK):
                if b + travel > c + shift and d + shift + travel > a:
                    return (a // (24 * 60)) % 7
    return 0


def _gap(p: Profile, q: Profile) -> int:
    """The shortest wait between the end of one task's slot and the start of the other's."""
    best = MINUTES_PER_WEEK
    for a, b in p.intervals:
        for c, d in q.intervals:
            for shift in (-MINUTES_PER_WEEK, 0, MINUTES_PER_WEEK):
                c2, d2 = c + shift, d + shift
                if c2 >= b:
                    best = min(best, c2 - b)
                elif a >= d2:
                    best = min(best, a - d2)
    return best


def pair_obstacle(
    instance: Instance,
    policy: Policy,
    p: Profile,
    q: Profile,
    *,
    lang: str = "nl",
    lock: str | None = None,
) -> Obstacle | None:
    """Why tasks ``p`` and ``q`` (each fitting alone) cannot share a job; ``None`` if they can.

    ``lock`` names a workshop lock forbidding the pair; it is reported only when
    no rule of the policy already separates them, since only then does it matter.
    """
    limits = Limits.of(policy)
    days = DAY_NAMES[lang]
    if limits.max_suppliers == 1 and p.supplier != q.supplier:
        return Obstacle("suppliers", {"limit": 1})
    if clash(p, q, 0):
        return Obstacle("overlap", {"day": days[_overlap_day(p, q, 0)]})
    travel = instance.travel_between(
        instance.tasks[p.index].location, instance.tasks[q.index].location, policy.travel_minutes
    )
    if clash(p, q, travel):
        return Obstacle("travel", {"gap": _gap(p, q), "need": number(travel)})
    if p.minutes + q.minutes > limits.max_minutes:
        return Obstacle(
            "max_hours",
            {"value": _hours(p.minutes + q.minutes), "limit": _limit_hours(policy, "max_hours")},
        )
    for d in range(7):
        if p.day_minutes[d] and q.day_minutes[d]:
            worked = p.day_minutes[d] + q.day_minutes[d]
            if worked > limits.max_day_minutes:
                return Obstacle(
                    "max_hours_per_day",
                    {
                        "value": _hours(worked),
                        "limit": _limit_hours(policy, "max_hours_per_day"),
                        "day": days[d],
                    },
                )
            span = max(p.day_last[d], q.day_last[d]) - min(p.day_first[d], q.day_first[d])
            if span > limits.max_span_minutes:
                return Obstacle(
                    "max_span_hours",
                    {
                        "value": _hours(span),
                        "limit": _limit_hours(policy, "max_span_hours"),
                        "day": days[d],
                    },
                )
    if lock is not None:
        return Obstacle("lock", {"lock": lock})
    return None


def add_obstacle(load: Load, q: Profile, policy: Policy, lang: str = "nl") -> Obstacle | None:
    """Which upper limit breaks when ``q`` joins a job with this load (as :meth:`Load.add`)."""
    limits = Limits.of(policy)
    suppliers = len(load.suppliers | {q.supplier})
    if suppliers > limits.max_suppliers:
        return Obstacle("suppliers", {"limit": limits.max_suppliers, "count": suppliers})
    if load.minutes + q.minutes > limits.max_minutes:
        return Obstacle(
            "max_hours",
            {"value": _hours(load.minutes + q.minutes), "limit": _limit_hours(policy, "max_hours")},
        )
    days = DAY_NAMES[lang]
    for d in range(7):
        if not q.day_minutes[d]:
            continue
        worked = load.day_minutes[d] + q.day_minutes[d]
        if worked > limits.max_day_minutes:
            return Obstacle(
                "max_hours_per_day",
                {
                    "value": _hours(worked),
                    "limit": _limit_hours(policy, "max_hours_per_day"),
                    "day": days[d],
                },
            )
        span = max(load.day_last[d], q.day_last[d]) - min(load.day_first[d], q.day_first[d])
        if span > limits.max_span_minutes:
            return Obstacle(
                "max_span_hours",
                {
                    "value": _hours(span),
                    "limit": _limit_hours(policy, "max_span_hours"),
                    "day": days[d],
                },
            )
    return None


def lower_obstacle(load: Load, policy: Policy, lang: str = "nl") -> Obstacle | None:
    """Which lower limit a complete set of tasks misses (hours per week, then per day)."""
    limits = Limits.of(policy)
    if load.minutes < limits.min_minutes:
        return Obstacle(
            "min_hours", {"value": _hours(load.minutes), "limit": _limit_hours(policy, "min_hours")}
        )
    if limits.min_day_minutes:
        for d, worked in enumerate(load.day_minutes):
            if 0 < worked < limits.min_day_minutes:
                return Obstacle(
                    "min_hours_per_day",
                    {
                        "value": _hours(worked),
                        "limit": _limit_hours(policy, "min_hours_per_day"),
                        "day": DAY_NAMES[lang][d],
                    },
                )
    return None


def job_obstacle(
    instance: Instance,
    policy: Policy,
    profiles: Sequence[Profile],
    members: Sequence[int],
    lang: str = "nl",
) -> Obstacle | None:
    """Why these tasks together are not a valid job; ``None`` when they are one.

    Used for kept jobs: the workshop fixed them, so they must satisfy the policy
    exactly as a job the solver builds would.
    """
    ids = instance.tasks
    for k, i in enumerate(members):
        for j in members[k + 1 :]:
            found = pair_obstacle(instance, policy, profiles[i], profiles[j], lang=lang)
            if found is not None and found.code in ("overlap", "travel"):
                values = dict(found.values)
                values.update(a=ids[i].id, b=ids[j].id)
                return Obstacle(f"{found.code}_pair", values)
    limits = Limits.of(policy)
    load = _EMPTY
    for i in members:
        found = add_obstacle(load, profiles[i], policy, lang)
        if found is not None:
            return found
        grown = load.add(profiles[i], limits)
        assert grown is not None
        load = grown
    return lower_obstacle(load, policy, lang)


#: A job without tasks, to grow from.
_EMPTY = Load(0, (0,) * 7, (NO_LIMIT,) * 7, (-1,) * 7, frozenset())


def alone_obstacle(p: Profile, policy: Policy, lang: str = "nl") -> Obstacle | None:
    """The upper limit a single task breaks on its own, if any (then it is in no job)."""
    return add_obstacle(_EMPTY, p, policy, lang)


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


def reach(
    start: Sequence[int],
    graph: nx.Graph,
    profiles: Sequence[Profile],
    policy: Policy,
    *,
    accept: Callable[[Sequence[int]], bool] | None = None,
    budget: int = 20_000,
) -> Reach:
    """Search the sets of tasks around ``start`` (a clique of ``graph``) for the best job.

    Counts which rule stops each set: an upper limit when a compatible task
    cannot join, a lower limit or a together-lock when a set cannot grow and is
    still no job. The most frequent one is the rule that "binds most".
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
        if current.minutes > best[0]:
            best = (current.minutes, tuple(members))
        if current.is_job(limits) and (accept is None or accept(members)):
            job_found = True
        extended = False
        for k, c in enumerate(cands):
            grown = current.add(profiles[c], limits)
            if grown is None:
                found = add_obstacle(current, profiles[c], policy)
                blockers[found.code if found else "max_hours"] += 1
                continue
            extended = True
            members.append(c)
            grow(members, [u for u in cands[k + 1 :] if u in graph[c]], grown)
            members.pop()
        if not extended and not current.is_job(limits):
            low = lower_obstacle(current, policy)
            blockers[low.code if low else "together"] += 1
        elif not extended and accept is not None and not accept(members):
            blockers["together"] += 1

    complete = True
    try:
        grow(base, candidates, load)
    except _Budget:
        complete = False
    return Reach(best[0], best[1], blockers, complete, job_found)


class _Budget(Exception):
    pass
