"""Readers and writers: everything that touches files lives here.

The readers accept a path (CSV or XLSX; TOML for the policy) or, from Python, a
pandas DataFrame, and report every problem of the user's input in one
:class:`InputError`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from combibaan.io.errors import InputError, Problem
from combibaan.io.policy import read_policy
from combibaan.io.suppliers import read_suppliers
from combibaan.io.tasks import read_tasks
from combibaan.io.travel import read_travel
from combibaan.model.instance import Instance

__all__ = [
    "InputError",
    "Problem",
    "instance_name",
    "read_instance",
    "read_policy",
    "read_suppliers",
    "read_tasks",
    "read_travel",
]

_T = TypeVar("_T")


def read_instance(
    tasks: object,
    travel: object | None = None,
    suppliers: object | None = None,
    name: str | None = None,
) -> Instance:
    """Read tasks, and optionally travel and suppliers, into an :class:`Instance`.

    Each input is a path or a DataFrame. Problems of all files come in one
    :class:`InputError`, so the user can fix everything in one go. A location the
    travel table does not know is fine: the policy's default travel time applies.
    """
    problems: list[Problem] = []
    task_list = _collect(read_tasks, tasks, problems)
    edges = _collect(read_travel, travel, problems)
    supplier_list = _collect(read_suppliers, suppliers, problems)
    if problems:
        raise InputError(problems)
    return Instance(task_list, edges, supplier_list, name or instance_name(tasks))


def _collect(
    reader: Callable[[object], tuple[_T, ...]], source: object, problems: list[Problem]
) -> tuple[_T, ...]:
    """Run one reader, keeping its problems for the joint error instead of stopping."""
    if source is None:
        return ()
    try:
        return reader(source)
    except InputError as error:
        problems.extend(error.problems)
        return ()


def instance_name(tasks: object) -> str:
    """The tasks file's stem, or its folder's name when the file is just ``tasks``/``taken``."""
    if not isinstance(tasks, str | Path):
        return "instance"
    path = Path(tasks)
    if path.stem.lower() in {"tasks", "taken"} and path.resolve().parent.name:
        return path.resolve().parent.name
    return path.stem or "instance"
