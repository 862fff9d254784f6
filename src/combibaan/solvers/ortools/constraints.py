"""Constraints of the set-packing model."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from ortools.sat.python import cp_model


def each_task_at_most_once(
    model: cp_model.CpModel, x: list, columns: Sequence[tuple[int, ...]]
) -> None:
    """A task is done by one person at most: the jobs containing it exclude each other."""
    containing: dict[int, list] = defaultdict(list)
    for var, column in zip(x, columns, strict=True):
        for task in column:
            containing[task].append(var)
    for variables in containing.values():
        if len(variables) > 1:
            model.add_at_most_one(variables)
