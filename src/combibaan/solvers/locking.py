"""Workshop locks in the solver, with as little disruption of the pipeline as possible.

* ``exclude`` and ``keep`` tasks leave the search before the graph is built;
  each ``keep`` lock comes back as a fixed job.
* ``apart`` locks and forbidden supplier pairs remove edges of the
  compatibility graph (no job can then hold both tasks).
* ``together`` groups filter the columns: a job that holds part of a group but
  not all of it is never a candidate.

Because "together" means *the same job or all unassigned*, and every other lock
only removes options, leaving every searchable task unassigned is always
allowed. So locks can only be infeasible through a ``keep``: a kept job that
breaks the policy, or one that another lock contradicts. :func:`plan_locks`
finds a minimal set of conflicting locks with a deletion filter over that exact
feasibility test and raises :class:`LockConflict` naming them.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property

import networkx as nx

from combibaan.model import Instance
from combibaan.model.locks import (
    Lock,
    LockError,
    Locks,
    PairName,
    SupplierPair,
    check_locks,
    pair_list,
    resolve_pairs,
)
from combibaan.model.phrase import Phrase, closest, maybe, mistake
from combibaan.rules import Policy, Profile
from combibaan.solvers.expansion import kept_times
from combibaan.texts import render

#: A lock or a forbidden supplier pair: the items a conflict is made of.
Item = Lock | SupplierPair


class LockConflict(LockError):
    """Locks that cannot all hold.

    ``conflicts`` are disjoint minimal conflicting sets (each infeasible, each
    feasible without any one of its items), found one after the other so that a
    workshop can fix them all in one go; ``items`` is the first of them.
    """

    def __init__(self, phrases: Sequence[Phrase], conflicts: Sequence[Sequence[Item]]) -> None:
        self.phrases = tuple(phrases)
        super().__init__(self.text("nl"))
        self.conflicts = tuple(tuple(c) for c in conflicts)
        self.items = self.conflicts[0]

    def text(self, lang: str = "nl") -> str:
        """Every conflict in words, one per line."""
        return "\n".join(render(phrase, lang) for phrase in self.phrases)


def item_name(item: Item) -> Lock | PairName:
    """A lock or forbidden pair as a phrase names it."""
    return item if isinstance(item, Lock) else PairName(item)


@dataclass(frozen=True)
class LockPlan:
    """The locks translated to task indices, ready for the pipeline."""

    locks: Locks
    forbid_pairs: tuple[SupplierPair, ...]
    #: Task indices excluded by a lock.
    excluded: frozenset[int]
    #: One fixed job (sorted task indices) per keep lock, in lock order.
    keep_jobs: tuple[tuple[int, ...], ...]
    #: Index pairs that may not share a job (apart locks, forbidden supplier pairs).
    forbidden: frozenset[frozenset[int]]
    #: Per task index in a together group: the whole group (overlapping groups merged).
    groups: dict[int, frozenset[int]]

    @cached_property
    def removed(self) -> frozenset[int]:
        """Tasks outside the search: excluded, or in a kept job."""
        return self.excluded | {t for job in self.keep_jobs for t in job}

    def searchable(self, profiles: Sequence[Profile]) -> list[Profile]:
        return [p for p in profiles if p.index not in self.removed]

    def accept(self, members: Sequence[int]) -> bool:
        """Whether a job holds every together group it touches in full."""
        if not self.groups:
            return True
        inside = set(members)
        return all(self.groups[t] <= inside for t in members if t in self.groups)

    def filter(self, columns: Iterable[tuple[int, ...]]) -> list[tuple[int, ...]]:
        """The columns that keep every lock (graph edges already handle apart and pairs)."""
        return [c for c in columns if self.accept(c) and not (self.removed & set(c))]

    def lock_of_pair(self, a: str, b: str) -> Lock | None:
        """The apart lock that separates tasks ``a`` and ``b``, if any."""
        for lock in self.locks.of_rule("apart"):
            if a in lock.task_ids and b in lock.task_ids:
                return lock
        return None


def plan_locks(
    instance: Instance,
    policy: Policy,
    locks: Locks | None = None,
    forbid_pairs: Iterable[SupplierPair | str] = (),
    profiles: Sequence[Profile] | None = None,
    grid: int | None = None,
) -> LockPlan:
    """Check the locks against the instance and the policy and translate them.

    Raises :class:`LockError` for an unknown task or supplier, and
    :class:`LockConflict` (naming a minimal set of locks) when they cannot all hold.
    ``grid``: the starts a kept job's flexible tasks are tried at (default: the exact
    grid of the list and the policy; with candidates their times join it), the same as
    the search's, so that a job kept here is one the search can settle.
    """
    from combibaan.rules import profiles as make_profiles

    check_locks(locks)
    locks = locks or Locks()
    pairs = resolve_pairs(instance, pair_list(forbid_pairs))
    _check_task_ids(instance, locks)
    profs = list(profiles) if profiles is not None else make_profiles(instance)
    items: list[Item] = [*locks, *pairs]
    conflicts: list[list[Item]] = []
    messages: list[Phrase] = []

    def infeasible(chosen: Sequence[Item]) -> Phrase | None:
        return _infeasibility(instance, policy, profs, chosen, grid)

    while infeasible(items) is not None:
        minimal = _deletion_filter(items, infeasible)
        why = infeasible(minimal) or ""
        labels = tuple(item_name(item) for item in minimal)
        header = "header" if len(minimal) > 1 else "header_one"
        conflicts.append(minimal)
        messages.append(Phrase(header, {"locks": labels, "why": why}, "conflict"))
        items = [item for item in items if not any(item is m for m in minimal)]
    if conflicts:
        raise LockConflict(messages, conflicts)
    index = instance.task_index
    forbidden: set[frozenset[int]] = set()
    for lock in locks.of_rule("apart"):
        forbidden.update(frozenset((index[a], index[b])) for a, b in lock.pairs())
    for first, second in pairs:
        left = [i for i, t in enumerate(instance.tasks) if t.supplier == first]
        right = [i for i, t in enumerate(instance.tasks) if t.supplier == second]
        forbidden.update(frozenset((a, b)) for a in left for b in right)
    return LockPlan(
        locks=locks,
        forbid_pairs=pairs,
        excluded=frozenset(index[t] for t in locks.excluded),
        keep_jobs=tuple(tuple(sorted(index[t] for t in lock.task_ids)) for lock in locks.keeps),
        forbidden=frozenset(forbidden),
        groups=_together_groups(locks, index),
    )


def _check_task_ids(instance: Instance, locks: Locks) -> None:
    problems = []
    for lock in locks:
        for task_id in lock.task_ids:
            if task_id not in instance.task_index:
                close = closest(task_id, instance.task_index)
                problems.append(
                    mistake("lock_unknown_task", lock=lock, task=repr(task_id), hint=maybe(close))
                )
    if problems:
        raise LockError(*problems)


def _together_groups(locks: Locks, index: dict[str, int]) -> dict[int, frozenset[int]]:
    """Together locks sharing a task merge: all of them in one job, or none."""
    graph: nx.Graph[int] = nx.Graph()
    for lock in locks.of_rule("together"):
        ids = [index[t] for t in lock.task_ids]
        graph.add_nodes_from(ids)
        graph.add_edges_from(itertools.pairwise(ids))
    groups: dict[int, frozenset[int]] = {}
    for component in nx.connected_components(graph):
        group = frozenset(component)
        groups.update(dict.fromkeys(group, group))
    return groups


# --- infeasibility ----------------------------------------------------------------------------


def _infeasibility(
    instance: Instance,
    policy: Policy,
    profiles: Sequence[Profile],
    items: Sequence[Item],
    grid: int | None = None,
) -> Phrase | None:
    """Why these locks cannot all hold, or ``None`` when they can.

    Exact, given the module's argument: every conflict runs through a kept job.
    """
    locks = [item for item in items if isinstance(item, Lock)]
    pairs = [item for item in items if not isinstance(item, Lock)]
    index = instance.task_index
    keeps = [lock for lock in locks if lock.rule == "keep"]
    for keep in keeps:
        members = [index[t] for t in keep.task_ids]
        found = kept_times(instance, policy, profiles, members, grid).obstacle
        if found is not None:
            return Phrase("keep_rule", {"keep": keep, "why": found}, "conflict")
        kept = set(keep.task_ids)
        suppliers = {instance.tasks[i].supplier for i in members}
        for other in locks:
            if other.rule == "exclude" and kept & set(other.task_ids):
                task = sorted(kept & set(other.task_ids))[0]
                return Phrase(
                    "keep_excluded", {"task": task, "keep": keep, "other": other}, "conflict"
                )
            if other.rule == "apart":
                inside = [t for t in other.task_ids if t in kept]
                if len(inside) >= 2:
                    return Phrase(
                        "keep_apart",
                        {"a": inside[0], "b": inside[1], "keep": keep, "other": other},
                        "conflict",
                    )
            if other.rule == "together" and kept & set(other.task_ids):
                outside = [t for t in other.task_ids if t not in kept]
                if outside:
                    return Phrase(
                        "keep_together",
                        {
                            "other": other,
                            "task": outside[0],
                            "kept": sorted(kept & set(other.task_ids))[0],
                            "keep": keep,
                            "members": keep.task_ids,
                        },
                        "conflict",
                    )
        for pair in pairs:
            if pair[0] in suppliers and pair[1] in suppliers:
                return Phrase(
                    "keep_pair",
                    {"keep": keep, "first": pair[0], "second": pair[1], "other": PairName(pair)},
                    "conflict",
                )
    for i, keep in enumerate(keeps):
        for other in keeps[i + 1 :]:
            shared = sorted(set(keep.task_ids) & set(other.task_ids))
            if shared:
                return Phrase(
                    "keep_together",
                    {
                        "other": other,
                        "task": shared[0],
                        "kept": shared[0],
                        "keep": keep,
                        "members": keep.task_ids,
                    },
                    "conflict",
                )
    return None


def _deletion_filter(
    items: Sequence[Item], infeasible: Callable[[Sequence[Item]], Phrase | None]
) -> list[Item]:
    """A minimal infeasible subset: drop each item whose absence keeps the rest infeasible.

    The classic deletion filter: one pass, each item tested once, and what is
    left is infeasible while every proper subset of it is feasible.
    """
    current = list(items)
    for item in list(items):
        trial = [other for other in current if other is not item]
        if infeasible(trial) is not None:
            current = trial
    return current
