"""The policy: the setting of every rule that keeps a combination job humane.

The rules themselves live in :mod:`combibaan.rules` (one module each); the policy
is their settings, with each rule's default, range and validation taken from its
module, so that a new rule needs no change here. A rule whose value is ``None``
is switched off. Values are in hours (as people at the table speak of them)
except minutes and counts; the solver converts them to whole minutes.
"""

from __future__ import annotations

import dataclasses
import difflib
import itertools
import math
import numbers
from collections.abc import Mapping, Sequence
from typing import Any

from combibaan.model.numbers import Bounds, user_number
from combibaan.model.phrase import BadValue, Phrase, PhraseError, mistake
from combibaan.rules.registry import BY_KEY, POLICY_KEYS, RULES

#: Words that switch a rule off, in a TOML file or on the command line.
OFF_WORDS = frozenset({"off", "none", "null", "uit", "geen", "-"})
#: ``{"max_suppliers": [1, 2, 3], "min_hours": [16, 20]}``; ``"off"``/``None`` switch a rule off.
Grid = Mapping[str, Any]


class PolicyError(PhraseError, ValueError):
    """A policy value that makes no sense (negative hours, min above max, ...).

    Its messages are phrases, said one after the other with ``;`` by :meth:`text` in a
    language (``str()``: Dutch).
    """

    separator = "; "


def _unknown(keys: set[str]) -> PolicyError:
    return PolicyError(mistake("unknown_rules", n=len(keys), names=", ".join(sorted(keys))))


class Policy:
    """The setting of every rule a job must satisfy; ``None`` switches a rule off.

    Immutable; read a rule as an attribute (``policy.max_suppliers``). ``cover``
    is not a rule but the question asked of the rules: ``False`` (the default) asks
    for the most jobs, ``True`` for the fewest jobs that hold every task
    (:mod:`combibaan.solvers.cover`).

    >>> Policy().max_suppliers
    2
    >>> Policy().replace(max_suppliers=3).max_suppliers
    3
    """

    __slots__ = ("_values", "cover")
    _values: dict[str, float | int | None]
    cover: bool

    def __init__(self, *, cover: bool = False, **values: Any) -> None:
        if not isinstance(cover, bool):
            raise PolicyError(mistake("cover_not_bool", shown=repr(cover)))
        unknown = set(values) - set(POLICY_KEYS)
        if unknown:
            raise _unknown(unknown)
        settled = {rule.key: values.get(rule.key, rule.default) for rule in RULES}
        for key, value in settled.items():  # 'uit' / 'off', as the messages offer it
            if isinstance(value, str) and value.strip().lower() in OFF_WORDS:
                settled[key] = None
        errors: list[Phrase | str] = []
        for rule in RULES:
            value = settled[rule.key]
            if value is None:
                continue
            if isinstance(value, bool) or not isinstance(value, numbers.Real):
                shown, off = repr(value), mistake("or_off")
                errors.append(mistake("not_a_number", name=rule.key, shown=shown, off=off))
                continue
            # numpy's numbers as Python's (np.int64(3) was "not a number", and a policy
            # echoes its values into JSON)
            value = int(value) if isinstance(value, numbers.Integral) else float(value)
            settled[rule.key] = value
            try:
                user_number(value, rule.key, rule.bounds, off=True)
            except BadValue as error:
                errors.extend(error.messages)
        if not errors:
            for rule in RULES:
                low, high = settled[rule.key], settled.get(rule.at_most or "")
                if low is not None and high is not None and low > high:
                    errors.append(
                        mistake("above", key=rule.key, low=low, other=rule.at_most, high=high)
                    )
        if errors:
            raise PolicyError(*errors)
        for rule in RULES:
            value = settled[rule.key]
            if value is not None and rule.bounds.whole:
                settled[rule.key] = int(value)
            if rule.zero_is_off and value == 0:
                settled[rule.key] = None
        object.__setattr__(self, "_values", settled)
        object.__setattr__(self, "cover", cover)

    def most_jobs_only(self, what: str) -> None:
        """Refuse cover mode where only the most jobs make sense (``what``: explain,
        marginal, sweep, alternatives compare with the most jobs possible)."""
        if self.cover:
            raise PolicyError(mistake("cover_not_for", what=what))

    @classmethod
    def given(cls, policy: object) -> Policy:
        """``policy`` as passed to the API (``None``: the default policy); a clear error
        for anything else (a string met an AttributeError deep inside)."""
        if policy is None:
            return cls()
        if not isinstance(policy, cls):
            raise TypeError(
                f"policy must be a combibaan.Policy (e.g. Policy(min_hours=16)), "
                f"got {type(policy).__name__}"
            )
        return policy

    @classmethod
    def for_most_jobs(cls, policy: object, what: str) -> Policy:
        """:meth:`given` for an analysis of the most jobs (:meth:`most_jobs_only`)."""
        found = cls.given(policy)
        found.most_jobs_only(what)
        return found

    @classmethod
    def without_rules(cls, *, cover: bool = False) -> Policy:
        """Every rule off: only tasks at the same moment stay apart (the SMPTSP's problem
        with ``cover=True``)."""
        return cls(cover=cover, **dict.fromkeys(POLICY_KEYS))

    def __getattr__(self, name: str) -> Any:
        try:
            return self._values[name]
        except (KeyError, AttributeError):
            raise AttributeError(f"a policy has no rule {name!r}") from None

    def __setattr__(self, name: str, value: object) -> None:
        raise dataclasses.FrozenInstanceError("a policy cannot be changed; use policy.replace(...)")

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, Policy)
            and self._values == other._values
            and self.cover == other.cover
        )

    def __hash__(self) -> int:
        return hash((tuple(self._values.items()), self.cover))

    def __repr__(self) -> str:
        shown = ", ".join(f"{key}={value!r}" for key, value in self._values.items())
        return f"Policy({shown}{', cover=True' if self.cover else ''})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (dict(self._values), self.cover))

    def replace(self, **changes: Any) -> Policy:
        """A copy with some rules (or ``cover``) changed; unknown names are an error."""
        cover = changes.pop("cover", self.cover)
        unknown = set(changes) - set(POLICY_KEYS)
        if unknown:
            raise _unknown(unknown)
        return Policy(cover=cover, **{**self._values, **changes})

    def to_dict(self) -> dict[str, Any]:
        """Every rule's effective value (``None`` where the rule is off), and
        ``"cover": True`` in cover mode (absent otherwise, as before cover mode)."""
        return {**self._values, "cover": True} if self.cover else dict(self._values)

    def rules_dict(self) -> dict[str, float | int | None]:
        """Every rule's effective value; ``None`` where the rule is off."""
        return dict(self._values)

    @classmethod
    def from_dict(cls, values: dict[str, Any], base: Policy | None = None) -> Policy:
        """Build from plain values, as read from TOML or JSON; ``"off"`` switches a rule off
        and ``cover`` is true or false."""
        changes: dict[str, Any] = {}
        for key, value in values.items():
            if key == "cover":
                changes[key] = value
                continue
            if key not in POLICY_KEYS:
                raise PolicyError(unknown_rule(key))
            changes[key] = parse_policy_value(key, value)
        return (base or cls()).replace(**changes)

    def minutes(self, key: str) -> int | None:
        """A rule's value in the solver's units: whole minutes for hours, else as is."""
        return BY_KEY[key].limit(self) if self._values[key] is not None else None


def _rebuild(values: dict[str, Any], cover: bool = False) -> Policy:
    return Policy(cover=cover, **values)


def parse_policy_value(key: str, value: Any, name: str | None = None) -> float | int | None:
    """One rule's value from TOML/JSON/CLI text: a number in the rule's range, or an off word.

    Flags, policy files, grid files and ``solution.json`` all come through here, so a
    value is judged the same wherever it is written. ``name`` names the value in the
    message (``--min-hours``); by default the rule's key.
    """
    if value is None:
        return None
    if isinstance(value, str) and value.strip().lower() in OFF_WORDS:
        return None
    bounds = BY_KEY[key].bounds if key in BY_KEY else Bounds(math.inf)
    try:
        number = user_number(value, name or key, bounds, off=True)
    except BadValue as error:
        raise PolicyError(*error.messages) from None
    if bounds.whole or (isinstance(value, int) and not isinstance(value, bool)):
        return int(number)
    return number


def expand_grid(grid: Grid, base: Policy) -> list[tuple[dict[str, Any], Policy]]:
    """Every combination of the grid as (rule values, policy); wrong keys or values raise.

    A single value (not a list) counts as a one-value list. Each value is read as
    in a policy file, so ``"off"`` switches a rule off.
    """
    if not grid:
        raise PolicyError(mistake("grid_empty"))
    choices: dict[str, list[Any]] = {}
    for key, values in grid.items():
        if key not in POLICY_KEYS:
            raise PolicyError(unknown_rule(str(key), "grid_unknown_rule"))
        listed = list(values) if _is_list(values) else [values]
        if not listed:
            raise PolicyError(mistake("grid_no_values", key=repr(key)))
        choices[key] = [parse_policy_value(key, value) for value in listed]
    combos = []
    for picked in itertools.product(*choices.values()):
        changes = dict(zip(choices, picked, strict=True))
        try:
            policy = base.replace(**changes)
        except PolicyError as error:
            shown = ", ".join(f"{k}={'off' if v is None else v}" for k, v in changes.items())
            raise PolicyError(mistake("grid_invalid", combination=shown, error=error)) from None
        combos.append(({key: getattr(policy, key) for key in changes}, policy))
    return combos


def unknown_rule(key: str, code: str = "unknown_rule") -> Phrase:
    """A key that is no rule of the policy, with the closest rule as a hint."""
    close = difflib.get_close_matches(key, POLICY_KEYS, n=1)
    hint = mistake("mean", names=repr(close[0])) if close else ""
    return mistake(code, key=repr(key), hint=hint, known=", ".join(POLICY_KEYS))


def _is_list(values: Any) -> bool:
    return isinstance(values, Sequence | set | frozenset) and not isinstance(values, str | bytes)
