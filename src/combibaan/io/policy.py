"""The policy file: TOML with the rules of :class:`~combibaan.model.policy.Policy`.

TOML has no null, so a rule is switched off with the string ``"off"``. Rules may
sit at the top level or in a ``[policy]`` table, so that the same file can later
hold other sections.
"""

from __future__ import annotations

import difflib
import tomllib
from pathlib import Path
from typing import Any

from combibaan.io.errors import InputError, Problem, source_name
from combibaan.model.policy import POLICY_KEYS, Policy, PolicyError, parse_policy_value

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
        raise InputError(problems)
    try:
        return (base or Policy()).replace(**changes)
    except PolicyError as error:
        raise InputError(_blame(name, changes, error)) from None


def load_toml(path: Path, name: str, what: str, example: str) -> dict[str, Any]:
    """A TOML file of rules, every way it can be unreadable turned into an :class:`InputError`.

    ``what`` names the file in messages (``policy``, ``grid``), ``example`` shows a good line.
    """
    if path.is_dir():
        raise InputError(Problem(name, f"this is a folder, not a file; give the {what} .toml file"))
    try:
        return tomllib.loads(path.read_bytes().decode("utf-8-sig"))
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
        raise InputError(
            Problem(name, f"this is not valid TOML ({error}); write one rule per line, {example}")
        ) from None


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
