"""The policy file: TOML with the rules of :class:`~combibaan.model.policy.Policy`.

TOML has no null, so a rule is switched off with the string ``"off"``. Rules may
sit at the top level or in a ``[policy]`` table, so that the same file can later
hold other sections.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
import tomllib
from pathlib import Path
from typing import Any

from combibaan.io.errors import InputError, Problem, source_name
from combibaan.rules import POLICY_KEYS, Policy, PolicyError, parse_policy_value

_EXAMPLE = 'e.g. max_suppliers = 2 or min_hours_per_day = "off"'


def read_policy(path: str | Path, base: Policy | None = None) -> Policy:
    """The policy in ``path``: ``base`` (default :class:`Policy`) with the file's rules applied."""
    name = source_name(path)
    values = _load(Path(path), name)
    problems: list[Problem] = []
    changes: dict[str, Any] = {}
    for key, value in values.items():
        if key not in POLICY_KEYS:
            problems.append(unknown_rule(name, key))
            continue
        try:
            changes[key] = parse_policy_value(key, value)
        except PolicyError as error:
            problems.append(Problem(name, str(error), None, key))
    if problems:
        raise InputError(with_lines(problems, Path(path)))
    try:
        return (base or Policy()).replace(**changes)
    except PolicyError as error:
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


def load_toml(path: Path, name: str, what: str, example: str) -> dict[str, Any]:
    """A TOML file of rules, every way it can be unreadable turned into an :class:`InputError`.

    ``what`` names the file in messages (``policy``, ``grid``), ``example`` shows a good line.
    """
    if path.is_dir():
        raise InputError(Problem(name, f"this is a folder, not a file; give the {what} .toml file"))
    text = ""
    try:
        text = path.read_bytes().decode("utf-8-sig")
        return tomllib.loads(text)
    except FileNotFoundError:
        raise InputError(
            Problem(name, f"file not found; check the path of the {what} file")
        ) from None
    except OSError as error:
        raise InputError(
            Problem(
                name, f"cannot open the file ({error.strerror or error}); check its permissions"
            )
        ) from None
    except UnicodeDecodeError:
        raise InputError(Problem(name, "the file is not UTF-8 text; save it as UTF-8")) from None
    except tomllib.TOMLDecodeError as error:
        raise InputError(_toml_problem(name, text, str(error), example)) from None


_TOML_PLACE = re.compile(
    r"^(?P<what>.*) \(at (?:line (?P<line>\d+), column \d+|end of document)\)$"
)
_TOML_KEY = re.compile(r"""^\s*(?:\[\s*)?(?P<key>[A-Za-z0-9_.\-"' ]+?)\s*(?:=|\])""")


def _toml_problem(name: str, text: str, error: str, example: str) -> Problem:
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
        first = f" (first on line {earlier})" if earlier else ""
        what = f"the table [{key}]" if shown.startswith("[") else repr(key)
        return Problem(name, f"{what} is set twice{first}; keep one of them", line=number)
    quoted = f" ({shown!r})" if shown else ""
    if number is None:
        return Problem(
            name,
            f"this is not valid TOML: the file ends in the middle of a value ({what.lower()}); "
            f"close what is open, {example}",
        )
    return Problem(
        name,
        f"this line{quoted} is not valid TOML ({what.lower()}); write one rule per line, {example}",
        line=number,
    )


def unknown_rule(name: str, key: str) -> Problem:
    """A key that is no policy rule, with the closest rule as a hint."""
    close = difflib.get_close_matches(key, POLICY_KEYS, n=1)
    hint = f"did you mean {close[0]!r}? " if close else ""
    return Problem(
        name, f"unknown rule {key!r}; {hint}known rules: {', '.join(POLICY_KEYS)}", None, key
    )


def _load(path: Path, name: str) -> dict[str, Any]:
    """The rules in the file, from the top level and the ``[policy]`` table."""
    document = load_toml(path, name, "policy", _EXAMPLE)
    values: dict[str, Any] = {}
    table = document.pop("policy", None)
    if table is not None and not isinstance(table, dict):
        raise InputError(
            Problem(name, "'policy' must be a [policy] table of rules, " + _EXAMPLE, None, "policy")
        )
    values.update(document)
    for key, value in (table or {}).items():
        if key in values:
            raise InputError(
                Problem(
                    name, f"{key!r} is set both at the top and in [policy]; keep one", None, key
                )
            )
        values[key] = value
    return values


def _blame(name: str, changes: dict[str, Any], error: PolicyError) -> list[Problem]:
    """Attribute a rejected policy to the keys that are wrong on their own, where possible."""
    all_off = Policy(**dict.fromkeys(POLICY_KEYS))
    problems = []
    for key, value in changes.items():
        try:
            all_off.replace(**{key: value})
        except PolicyError as own:
            problems.append(Problem(name, str(own), None, key))
    return problems or [Problem(name, f"{error}; change the values in the file")]
