"""The policy file: TOML with the rules of :class:`~combibaan.model.policy.Policy`.

TOML has no null, so a rule is switched off with the string ``"off"``. Rules may
sit at the top level or in a ``[policy]`` table, so that the same file can later
hold other sections.
"""

from __future__ import annotations

import dataclasses
import re
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from combibaan.io.errors import InputError, Problem, source_name
from combibaan.model.phrase import Phrase, mistake
from combibaan.rules import POLICY_KEYS, Policy, PolicyError, parse_policy_value
from combibaan.rules.policy import unknown_rule as rule_phrase

_EXAMPLE = mistake("policy_example")


def read_policy(
    path: str | Path, base: Policy | None = None, *, then: Mapping[str, Any] | None = None
) -> Policy:
    """The policy in ``path``: ``base`` (default :class:`Policy`) with the file's rules applied,
    then the rules in ``then`` (e.g. the command line's flags; parsed values).

    The whole is checked once, so that a file's ``max_hours = 18`` may go with a flag's
    lower minimum (checked alone against the default 20 h, it was refused). Where the
    file is fine on its own and ``then`` breaks it, :class:`PolicyError` is raised for
    the caller to blame ``then``; a file wrong on its own is blamed by line.
    """
    name = source_name(path)
    values = _load(Path(path), name)
    problems: list[Problem] = []
    changes: dict[str, Any] = {}
    for key, value in values.items():
        if key == "cover":
            if isinstance(value, bool):
                changes[key] = value
            else:
                problems.append(
                    Problem(name, mistake("cover_not_bool", shown=repr(value)), None, key)
                )
            continue
        if key not in POLICY_KEYS:
            problems.append(unknown_rule(name, key))
            continue
        try:
            changes[key] = parse_policy_value(key, value)
        except PolicyError as error:
            problems.extend(Problem(name, message, None, key) for message in error.messages)
    if problems:
        raise InputError(with_lines(problems, Path(path)))
    start = base or Policy()
    try:
        return start.replace(**{**changes, **(then or {})})
    except PolicyError as error:
        if then:
            try:
                start.replace(**changes)
            except PolicyError:
                pass  # wrong on its own: blamed by line below
            else:
                raise
        raise InputError(with_lines(_blame(name, changes, error), Path(path))) from None


def with_lines(problems: list[Problem], path: Path) -> list[Problem]:
    """The problems about a key, each with the line where the file sets that key."""
    try:
        lines = path.read_bytes().decode("utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError):
        return problems
    first: dict[str, int] = {}
    for number, line in enumerate(lines, start=1):
        found = _TOML_KEY.match(line)
        if found and not line.lstrip().startswith("["):
            first.setdefault(_bare(found["key"]), number)
    return [
        dataclasses.replace(p, line=first.get(p.column)) if p.column and p.line is None else p
        for p in problems
    ]


def _bare(key: str) -> str:
    return key.strip().strip("\"'")


def load_toml(path: Path, name: str, what: str, example: Phrase) -> dict[str, Any]:
    """A TOML file of rules, every way it can be unreadable turned into an :class:`InputError`.

    ``what`` names the file in messages (``policy``, ``grid``: the code ``policy_file`` or
    ``grid_file`` of the texts' error table), ``example`` shows a good line.
    """
    kind = mistake(f"{what}_file")
    if path.is_dir():
        raise InputError(Problem(name, mistake("toml_folder", what=kind)))
    text = ""
    try:
        text = path.read_bytes().decode("utf-8-sig")
        return tomllib.loads(text)
    except FileNotFoundError:
        raise InputError(Problem(name, mistake("toml_not_found", what=kind))) from None
    except OSError as error:
        reason = str(error.strerror or error)
        raise InputError(Problem(name, mistake("cannot_open", reason=reason))) from None
    except UnicodeDecodeError:
        raise InputError(Problem(name, mistake("not_utf8"))) from None
    except tomllib.TOMLDecodeError as error:
        raise InputError(_toml_problem(name, text, str(error), example)) from None


_TOML_PLACE = re.compile(
    r"^(?P<what>.*) \(at (?:line (?P<line>\d+), column \d+|end of document)\)$"
)
_TOML_KEY = re.compile(r"""^\s*(?:\[\s*)?(?P<key>[A-Za-z0-9_.\-"' ]+?)\s*(?:=|\])""")


def _toml_problem(name: str, text: str, error: str, example: Phrase) -> Problem:
    """A TOML syntax error as a sentence: the line, what is wrong with it, and what to write.

    tomllib says ``Cannot overwrite a value (at line 3, column 6)``; a workshop needs
    ``line 3: 'max_hours' is set twice (first on line 1); keep one``.
    """
    place = _TOML_PLACE.match(error)
    what = place["what"] if place else error
    number = int(place["line"]) if place and place["line"] else None
    lines = text.splitlines()
    shown = lines[number - 1].strip() if number and number <= len(lines) else ""
    if number is not None and what.startswith(("Cannot overwrite", "Cannot declare")):
        found = _TOML_KEY.match(shown)
        key = _bare(found["key"]) if found else shown
        earlier = next(
            (
                i
                for i, line in enumerate(lines[: number - 1], start=1)
                if (m := _TOML_KEY.match(line)) and _bare(m["key"]) == key
            ),
            None,
        )
        first = mistake("first_on_line", line=str(earlier)) if earlier else ""
        twice = mistake("toml_table", key=key) if shown.startswith("[") else repr(key)
        return Problem(name, mistake("toml_twice", what=twice, first=first), line=number)
    quoted = f" ({shown!r})" if shown else ""
    if number is None:
        return Problem(name, mistake("toml_ends", what=what.lower(), example=example))
    return Problem(
        name,
        mistake("toml_line", quoted=quoted, what=what.lower(), example=example),
        line=number,
    )


def unknown_rule(name: str, key: str) -> Problem:
    """A key that is no policy rule, with the closest rule as a hint."""
    return Problem(name, rule_phrase(key), None, key)


def _load(path: Path, name: str) -> dict[str, Any]:
    """The rules in the file, from the top level and the ``[policy]`` table."""
    document = load_toml(path, name, "policy", _EXAMPLE)
    values: dict[str, Any] = {}
    table = document.pop("policy", None)
    if table is not None and not isinstance(table, dict):
        raise InputError(
            Problem(name, mistake("policy_not_table", example=_EXAMPLE), None, "policy")
        )
    values.update(document)
    for key, value in (table or {}).items():
        if key in values:
            raise InputError(Problem(name, mistake("policy_twice", key=repr(key)), None, key))
        values[key] = value
    return values


def _blame(name: str, changes: dict[str, Any], error: PolicyError) -> list[Problem]:
    """Attribute a rejected policy to the keys that are wrong on their own, where possible."""
    all_off = Policy.without_rules()
    problems: list[Problem] = []
    for key, value in changes.items():
        try:
            all_off.replace(**{key: value})
        except PolicyError as own:
            problems.extend(Problem(name, message, None, key) for message in own.messages)
    return problems or [Problem(name, mistake("policy_invalid", error=error))]
