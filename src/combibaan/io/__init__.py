"""Readers and writers: everything that touches files lives here.

The readers accept a path (CSV or XLSX; TOML for the policy) or, from Python, a
pandas DataFrame, and report every problem of the user's input in one
:class:`InputError`.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from combibaan.io.errors import InputError, InputWarning, Problem, source_name
from combibaan.io.policy import read_policy
from combibaan.io.suppliers import SUPPLIER_SHEETS, read_suppliers
from combibaan.io.table import collect_warnings, named_sheet, sheet_titles
from combibaan.io.tasks import read_tasks, spelling_variants
from combibaan.io.travel import TRAVEL_SHEETS, place_problems, read_travel, read_travel_table
from combibaan.model.instance import Instance
from combibaan.model.phrase import mistake

__all__ = [
    "InputError",
    "InputWarning",
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
    *,
    on_warning: Callable[[Problem], object] | None = None,
) -> Instance:
    """Read tasks, and optionally travel and suppliers, into an :class:`Instance`.

    Each input is a path or a DataFrame. Problems of all files come in one
    :class:`InputError`, so the user can fix everything in one go. A task workbook
    with a sheet ``Reistijden`` (``travel``) or ``Leveranciers`` (``suppliers``) gives
    that table where none is given apart, with a note saying so: one workbook is how a
    workshop often brings its lists, and a travel sheet passed over would change the
    jobs without a word. A task location
    the travel table does not know is fine: the policy's default travel time applies.
    A travel table none of whose places is a task location is an error.

    Warnings (hidden rows and columns of a workbook, the sheet read when others hold
    something too, places in the travel table that no task uses, suppliers with tasks
    but no row in the suppliers table, a supplier or place written in several ways)
    go to ``on_warning``, one :class:`Problem` each; without it they are issued as
    :class:`InputWarning` through :mod:`warnings`, so that a notebook shows them. The
    readers' warnings come also when there are errors: an error in a hidden row is
    otherwise hard to find.
    """
    if tasks is None:  # a notebook's variable left empty: not an empty list of tasks
        raise TypeError("tasks: expected a path or a pandas DataFrame, got None")
    problems: list[Problem] = []
    taken: list[Problem] = []
    titles = sheet_titles(tasks) if travel is None or suppliers is None else ()
    if travel is None and (sheet := named_sheet(titles, TRAVEL_SHEETS)) is not None:
        travel = tasks
        taken.append(_sheet_note(tasks, sheet, "travel"))
    if suppliers is None and (sheet := named_sheet(titles, SUPPLIER_SHEETS)) is not None:
        suppliers = tasks
        taken.append(_sheet_note(tasks, sheet, "suppliers"))
    with collect_warnings() as noticed:
        task_list = _collect(read_tasks, tasks, problems)
        travel_table = _collect(read_travel_table, travel, problems)
        supplier_list = _collect(read_suppliers, suppliers, problems)

    def warn(found: list[Problem]) -> None:
        for problem in found:
            if on_warning is not None:
                on_warning(problem)
            else:
                warnings.warn(InputWarning(problem), stacklevel=3)

    warn([*taken, *noticed])
    found: list[Problem] = []
    if travel_table is not None and task_list and not problems:
        errors, found = place_problems(travel_table, task_list)
        problems.extend(errors)
    if problems:
        raise InputError(problems)
    edges = travel_table.edges if travel_table is not None else ()
    instance = Instance(task_list or (), edges, supplier_list or (), name or instance_name(tasks))
    found += spelling_variants(instance.tasks, source_name(tasks))
    found += [
        Problem(source_name(suppliers), mistake("supplier_unlisted", name=repr(name)))
        for name in instance.unknown_suppliers
    ]
    if suppliers is not None and supplier_list == () and instance.tasks:
        # A header without rows: every supplier unknown, said once (the table holds none,
        # so the instance cannot tell it from no table at all).
        found.append(Problem(source_name(suppliers), mistake("suppliers_none")))
    warn(found)
    return instance


def _sheet_note(tasks: object, sheet: str, what: str) -> Problem:
    return Problem(
        source_name(tasks), mistake("sheet_taken", sheet=repr(sheet), what=mistake(f"noun_{what}"))
    )


def _collect(reader: Callable[[object], _T], source: object, problems: list[Problem]) -> _T | None:
    """Run one reader, keeping its problems for the joint error instead of stopping."""
    if source is None:
        return None
    try:
        return reader(source)
    except InputError as error:
        problems.extend(error.problems)
        return None


def instance_name(tasks: object) -> str:
    """The tasks file's stem, or its folder's name when the file is just ``tasks``/``taken``."""
    if not isinstance(tasks, str | Path):
        return "instance"
    path = Path(tasks)
    if path.stem.lower() in {"tasks", "taken"} and path.resolve().parent.name:
        return path.resolve().parent.name
    return path.stem or "instance"
