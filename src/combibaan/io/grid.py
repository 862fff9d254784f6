"""The grid file of a sweep: TOML, one policy rule per line with a list of values.

::

    max_suppliers = [1, 2, 3, "off"]
    min_hours = [12, 16, 20, 25.5]

Every problem is reported at once, naming the file and the rule, as for the
policy file; ``"off"`` switches a rule off, as everywhere else.
"""

from __future__ import annotations

import difflib
import tomllib
from pathlib import Path
from typing import Any

from combibaan.io.errors import InputError, Problem, source_name
from combibaan.model.policy import POLICY_KEYS, Policy, PolicyError, parse_policy_value

_EXAMPLE = 'e.g. max_suppliers = [1, 2, 3] or min_hours = [16, 20, "off"]'


def read_grid(path: str | Path, base: Policy | None = None) -> dict[str, list[Any]]:
    """The rules and values to sweep, checked against ``base`` (default :class:`Policy`).

    A single value counts as a list of one. Raises :class:`InputError` for a
    missing or malformed file, an unknown rule, a value that is not a number or
    ``"off"``, an empty list, or a combination that is no valid policy.
    """
    from combibaan.analysis.sweep import expand_grid

    name = source_name(path)
    document = _load(Path(path), name)
    if not document:
        raise InputError(Problem(name, f"the grid file names no rules; {_EXAMPLE}"))
    problems: list[Problem] = []
    grid: dict[str, list[Any]] = {}
    for key, values in document.items():
        if key not in POLICY_KEYS:
            close = difflib.get_close_matches(key, POLICY_KEYS, n=1)
            hint = f"did you mean {close[0]!r}? " if close else ""
            problems.append(
                Problem(
                    name,
                    f"unknown rule {key!r}; {hint}known rules: {', '.join(POLICY_KEYS)}",
                    None,
                    key,
                )
            )
            continue
        listed = values if isinstance(values, list) else [values]
        if not listed:
            problems.append(Problem(name, f"no values to try; {_EXAMPLE}", None, key))
            continue
        if any(isinstance(v, list | dict) for v in listed):
            problems.append(Problem(name, f"give a flat list of values; {_EXAMPLE}", None, key))
            continue
        try:
            grid[key] = [parse_policy_value(key, value) for value in listed]
        except PolicyError as error:
            problems.append(Problem(name, str(error), None, key))
    if problems:
        raise InputError(problems)
    try:
        expand_grid(grid, base or Policy())
    except PolicyError as error:
        raise InputError(Problem(name, str(error))) from None
    return grid


def _load(path: Path, name: str) -> dict[str, Any]:
    if path.is_dir():
        raise InputError(Problem(name, "this is a folder, not a file; give the grid .toml file"))
    try:
        return tomllib.loads(path.read_bytes().decode("utf-8-sig"))
    except FileNotFoundError:
        raise InputError(Problem(name, "file not found; check the path of the grid file")) from None
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
            Problem(name, f"this is not valid TOML ({error}); write one rule per line, {_EXAMPLE}")
        ) from None
