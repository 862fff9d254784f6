"""The grid file of a sweep: TOML, one policy rule per line with a list of values.

::

    max_suppliers = [1, 2, 3, "off"]
    min_hours = [12, 16, 20, 25.5]

Every problem is reported at once, naming the file and the rule, as for the
policy file; ``"off"`` switches a rule off, as everywhere else.
"""

from __future__ import annotations

import math
import re
from pathlib import Path
from typing import Any

from combibaan.io.errors import InputError, Problem, source_name
from combibaan.io.policy import load_toml, unknown_rule, with_lines
from combibaan.model.phrase import mistake
from combibaan.rules import POLICY_KEYS, Policy, PolicyError, expand_grid, parse_policy_value

_EXAMPLE = mistake("grid_example")
#: Each combination is a solve; a grid with more is a typo or a week of computing.
MAX_COMBINATIONS = 10_000


def read_grid(path: str | Path, base: Policy | None = None) -> dict[str, list[Any]]:
    """The rules and values to sweep, checked against ``base`` (default :class:`Policy`).

    A single value counts as a list of one. Raises :class:`InputError` for a
    missing or malformed file, an unknown rule, a value that is not a number or
    ``"off"``, an empty list, or a combination that is no valid policy.
    """
    name = source_name(path)
    document = load_toml(Path(path), name, "grid", _EXAMPLE)
    if not document:
        raise InputError(Problem(name, mistake("grid_no_rules", example=_EXAMPLE)))
    problems: list[Problem] = []
    grid: dict[str, list[Any]] = {}
    for key, values in document.items():
        if key not in POLICY_KEYS:
            problems.append(unknown_rule(name, key))
            continue
        listed = values if isinstance(values, list) else [values]
        if not listed:
            problems.append(Problem(name, mistake("no_values", example=_EXAMPLE), None, key))
            continue
        if any(isinstance(v, list | dict) for v in listed):
            problems.append(Problem(name, mistake("flat_list", example=_EXAMPLE), None, key))
            continue
        parsed = []
        for position, value in enumerate(listed, start=1):
            try:
                parsed.append(parse_policy_value(key, value))
            except PolicyError as error:
                where = mistake("value_of", position=str(position), count=len(listed))
                for message in error.messages:
                    shown = mistake("grid_value", error=message, where=where)
                    problems.append(Problem(name, shown if len(listed) > 1 else message, None, key))
        grid[key] = parsed
    problems += _decimal_commas(Path(path), name, set(grid))
    if problems:
        raise InputError(with_lines(problems, Path(path)))
    combinations = math.prod(len(values) for values in grid.values())
    if combinations > MAX_COMBINATIONS:
        raise InputError(
            Problem(name, mistake("grid_too_big", n=combinations, most=MAX_COMBINATIONS))
        )
    try:
        expand_grid(grid, base or Policy())
    except PolicyError as error:
        raise InputError([Problem(name, message) for message in error.messages]) from None
    return grid


#: A list in a grid line: what stands between its brackets (before a comment).
_LIST = re.compile(r"^\s*(?P<key>[A-Za-z_]+)\s*=\s*\[(?P<inner>[^\]#]*)\]")


def _decimal_commas(path: Path, name: str, keys: set[str]) -> list[Problem]:
    """Lists that mix ", " with a comma between digits: ``[16, 20,5]`` is three values to
    TOML (16, 20 and 5) where a Dutch hand wrote 20.5, and a sweep ran 5 h without a
    word. A list written tight throughout (``[16,20,24]``) is taken as written."""
    try:
        lines = path.read_bytes().decode("utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError):
        return []
    found: list[Problem] = []
    for line in lines:
        listed = _LIST.match(line)
        if listed is None or listed["key"] not in keys:
            continue
        inner = listed["inner"]
        if re.search(r"\d,\d", inner) and re.search(r",\s", inner):
            message = mistake("grid_decimal_comma", value=f"[{inner.strip()}]")
            found.append(Problem(name, message, None, listed["key"]))
    return found
