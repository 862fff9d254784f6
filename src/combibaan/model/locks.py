"""Workshop locks: decisions the people at the table take before (re)solving.

A workshop changes its mind live ("these two belong together", "never put
these in one job", "leave that one out", "this job is agreed, do not touch
it"). Locks record those decisions as plain data, independent of any solver,
so that the solver can honour them, the checker can verify them and the output
can echo them.

Rules (Dutch names accepted):

* ``together`` (``samen``): the tasks end up in the same job, or all stay unassigned;
* ``apart`` (``niet_samen``): no two of the tasks share a job;
* ``exclude`` (``uitsluiten``): the tasks stay out of every job;
* ``keep`` (``behouden``): exactly these tasks form one job, untouched by the solver.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from combibaan.model.phrase import PhraseError, closest, maybe, mistake

if TYPE_CHECKING:
    from combibaan.model.instance import Instance

#: The rules in the order they are documented and echoed.
RULES = ("together", "apart", "exclude", "keep")

#: Every word accepted for a rule, lower case, mapped to the rule.
RULE_WORDS: dict[str, str] = {
    "together": "together",
    "samen": "together",
    "apart": "apart",
    "niet_samen": "apart",
    "niet samen": "apart",
    "exclude": "exclude",
    "uitsluiten": "exclude",
    "keep": "keep",
    "behouden": "keep",
}

#: Dutch rule names, for messages in Dutch.
RULE_NAMES_NL = {
    "together": "samen",
    "apart": "niet_samen",
    "exclude": "uitsluiten",
    "keep": "behouden",
}

#: How many task ids each rule needs at least.
MIN_TASKS = {"together": 2, "apart": 2, "exclude": 1, "keep": 1}


class LockError(PhraseError, ValueError):
    """Locks that make no sense on their own or for the instance (unknown rule or task, ...);
    each message is a phrase, worded with :meth:`text` (``str()``: Dutch)."""


@dataclass(frozen=True)
class RuleName:
    """A lock's rule as a message names it: ``together`` in English, ``samen`` in Dutch."""

    rule: str

    def label(self, lang: str = "en") -> str:
        return RULE_NAMES_NL[self.rule] if lang == "nl" else self.rule


def rule_of(word: str) -> str:
    """The rule a word means (``"samen"`` -> ``"together"``); :class:`LockError` if none."""
    rule = RULE_WORDS.get(" ".join(word.strip().lower().replace("-", "_").split()))
    if rule is None:
        known = ", ".join(sorted(RULE_WORDS))
        raise LockError(mistake("unknown_lock_rule", word=repr(word), known=known))
    return rule


@dataclass(frozen=True)
class Lock:
    """One decision of the workshop about some tasks.

    ``row`` is the spreadsheet row the lock came from (header = row 1), so that
    messages point the user back to their own file; it plays no part in equality.
    """

    rule: str
    task_ids: tuple[str, ...]
    row: int | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "rule", rule_of(self.rule))
        ids = tuple(dict.fromkeys(str(t).strip() for t in self.task_ids if str(t).strip()))
        object.__setattr__(self, "task_ids", ids)
        need = MIN_TASKS[self.rule]
        if len(ids) < need:
            where = mistake("lock_row", row=str(self.row)) if self.row is not None else ""
            raise LockError(
                mistake(
                    "lock_too_few", rule=RuleName(self.rule), need=need, n=len(ids), where=where
                )
            )

    def label(self, lang: str = "en") -> str:
        """The lock as people read it: ``keep I01|I11 (row 4)``; Dutch ``behouden ... (rij 4)``."""
        rule = RULE_NAMES_NL[self.rule] if lang == "nl" else self.rule
        text = f"{rule} {'|'.join(self.task_ids)}"
        if self.row is not None:
            text += f" ({'rij' if lang == 'nl' else 'row'} {self.row})"
        return text

    def pairs(self) -> Iterator[tuple[str, str]]:
        """Every pair of the lock's tasks, for the pairwise rules."""
        ids = self.task_ids
        for i, a in enumerate(ids):
            for b in ids[i + 1 :]:
                yield a, b

    def to_dict(self) -> dict[str, object]:
        """The echo in ``solution.json``: rule and task ids (and the row when known)."""
        out: dict[str, object] = {"rule": self.rule, "task_ids": list(self.task_ids)}
        if self.row is not None:
            out["row"] = self.row
        return out


@dataclass(frozen=True)
class Locks:
    """All locks of a run; a task may be in at most one ``keep`` lock."""

    locks: tuple[Lock, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "locks", tuple(self.locks))
        kept: dict[str, Lock] = {}
        for lock in self.keeps:
            for task_id in lock.task_ids:
                if task_id in kept:
                    raise LockError(
                        mistake("kept_twice", task=task_id, first=kept[task_id], second=lock)
                    )
                kept[task_id] = lock

    @classmethod
    def of(cls, pairs: Iterable[tuple[str, Iterable[str]]]) -> Locks:
        """From ``(rule, task ids)`` pairs: ``Locks.of([("samen", ["I01", "I11"])])``."""
        return cls(tuple(Lock(rule, tuple(ids)) for rule, ids in pairs))

    def __iter__(self) -> Iterator[Lock]:
        return iter(self.locks)

    def __len__(self) -> int:
        return len(self.locks)

    def __bool__(self) -> bool:
        return bool(self.locks)

    def of_rule(self, rule: str) -> tuple[Lock, ...]:
        rule = rule_of(rule)
        return tuple(lock for lock in self.locks if lock.rule == rule)

    @property
    def keeps(self) -> tuple[Lock, ...]:
        return self.of_rule("keep")

    @property
    def excluded(self) -> frozenset[str]:
        return frozenset(t for lock in self.of_rule("exclude") for t in lock.task_ids)

    @property
    def kept(self) -> frozenset[str]:
        return frozenset(t for lock in self.keeps for t in lock.task_ids)

    @property
    def task_ids(self) -> frozenset[str]:
        """Every task id any lock names."""
        return frozenset(t for lock in self.locks for t in lock.task_ids)

    def touching(self, task_id: str) -> tuple[Lock, ...]:
        """The locks that name ``task_id``."""
        return tuple(lock for lock in self.locks if task_id in lock.task_ids)

    def without(self, lock: Lock) -> Locks:
        """These locks minus one (the first equal one): for what-if questions."""
        rest = list(self.locks)
        rest.remove(lock)
        return Locks(tuple(rest))

    def to_list(self) -> list[dict[str, object]]:
        return [lock.to_dict() for lock in self.locks]

    @classmethod
    def from_list(cls, items: Iterable[dict[str, object]]) -> Locks:
        """The inverse of :meth:`to_list`, for a ``solution.json`` echo."""
        locks = []
        for item in items:
            ids = item.get("task_ids", ())
            if isinstance(ids, str) or not isinstance(ids, Iterable):
                raise LockError(mistake("lock_without_ids", lock=repr(item)))
            row = item.get("row")
            locks.append(
                Lock(str(item.get("rule", "")), tuple(str(t) for t in ids), row=_int_or_none(row))
            )
        return cls(tuple(locks))


def _int_or_none(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


#: A pair of suppliers that may not share a job, in the order given.
SupplierPair = tuple[str, str]


def pair_list(pairs: Iterable[SupplierPair | str]) -> tuple[SupplierPair | str, ...]:
    """The forbidden pairs as given; one ``"Securitas|Sodexo"`` is one pair (as a string
    is iterable, it was read as pairs ``'S'``, ``'e'``, ...). Anything else than text or
    a pair of texts is refused here, naming the argument, not deep in the solver."""
    if isinstance(pairs, str):
        return (pairs,)
    wrong = "forbid_pairs must be pairs such as ('Securitas', 'Sodexo') or 'Securitas|Sodexo', got"
    if not isinstance(pairs, Iterable):
        raise TypeError(f"{wrong} {type(pairs).__name__}")
    out: list[SupplierPair | str] = []
    for pair in pairs:
        if isinstance(pair, str):
            out.append(pair)
            continue
        names = tuple(pair) if isinstance(pair, Iterable) else None
        if names is None or not all(isinstance(name, str) for name in names):
            raise TypeError(f"{wrong} {pair!r}")
        out.append(names)  # type: ignore[arg-type]  # two names: resolve_pairs says so
    return tuple(out)


def check_locks(locks: object) -> None:
    """``locks`` as the solver takes them: ``None`` or :class:`Locks` (a path or a list of
    tuples failed deep in the solver)."""
    if locks is not None and not isinstance(locks, Locks):
        raise TypeError(
            f"locks must be a combibaan.Locks (combibaan.read_locks reads a file), "
            f"got {type(locks).__name__}"
        )


def parse_supplier_pair(text: str) -> SupplierPair:
    """``"Securitas|Sodexo"`` -> ``("Securitas", "Sodexo")``; two different names needed."""
    parts = [p.strip() for p in text.replace(";", "|").split("|")]
    parts = [p for p in parts if p]
    if len(parts) != 2 or parts[0].lower() == parts[1].lower():
        raise LockError(mistake("pair_unreadable", given=repr(text)))
    return parts[0], parts[1]


def pair_label(pair: SupplierPair, lang: str = "en") -> str:
    word = "verboden paar" if lang == "nl" else "forbidden pair"
    return f"{word} {pair[0]}|{pair[1]}"


@dataclass(frozen=True)
class PairName:
    """A forbidden supplier pair as a reason names it, in the language it is said in."""

    pair: SupplierPair

    def label(self, lang: str = "en") -> str:
        return pair_label(self.pair, lang)


def resolve_pairs(
    instance: Instance, forbid_pairs: Iterable[SupplierPair | str]
) -> tuple[SupplierPair, ...]:
    """Supplier pairs with the instance's spelling (case-insensitive); unknown names fail."""
    names = {name.lower(): name for name in instance.supplier_names}
    out: list[SupplierPair] = []
    for raw in forbid_pairs:
        pair = parse_supplier_pair(raw) if isinstance(raw, str) else tuple(raw)
        if len(pair) != 2:
            raise LockError(mistake("pair_not_two", given=repr(raw)))
        resolved = []
        for name in pair:
            found = names.get(str(name).strip().lower())
            if found is None:
                close = closest(str(name), instance.supplier_names)
                raise LockError(
                    mistake(
                        "pair_unknown_supplier",
                        pair="|".join(pair),
                        name=repr(name),
                        names=", ".join(instance.supplier_names),
                        hint=maybe(close),
                    )
                )
            resolved.append(found)
        if resolved[0] == resolved[1]:
            raise LockError(mistake("pair_same", given=repr(raw)))
        key = (resolved[0], resolved[1])
        if key not in out and key[::-1] not in out:
            out.append(key)
    return tuple(out)
