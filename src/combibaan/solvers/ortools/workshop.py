"""Extra constraints a workshop asks for: different proposals, and what-ifs that place a task.

Both are plain linear constraints over the column variables, added through
``solve_packing(..., constrain=...)`` so that the packing model itself stays as it is.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from ortools.sat.python import cp_model

Constrain = Callable[[cp_model.CpModel, list], None]


def differ_from(earlier: Sequence[Sequence[int]], differ: int) -> Constrain:
    """Each earlier proposal (its chosen columns) must lose at least ``differ`` of its jobs.

    A proposal that keeps all but ``differ - 1`` jobs of an earlier one is the
    same proposal with a cosmetic change; one that drops ``differ`` of them is a
    different way to bundle. With fewer jobs than ``differ`` all must go. The
    new proposal must hold at least one job, so "nothing" is never an alternative.
    """

    def constrain(model: cp_model.CpModel, x: list) -> None:
        for chosen in earlier:
            need = min(differ, len(chosen))
            if chosen:
                model.add(sum(x[k] for k in chosen) <= len(chosen) - need)
        if x:
            model.add(sum(x) >= 1)
        else:
            model.add_bool_or([])  # no columns: no alternative

    return constrain


def require_tasks(columns: Sequence[tuple[int, ...]], tasks: Iterable[int]) -> Constrain:
    """Every task in ``tasks`` is in a chosen job (infeasible if no column holds one)."""
    wanted = set(tasks)

    def constrain(model: cp_model.CpModel, x: list) -> None:
        for task in wanted:
            holding = [x[k] for k, column in enumerate(columns) if task in column]
            if holding:
                model.add_exactly_one(holding)
            else:
                model.add_bool_or([])  # an empty clause: this task cannot be placed

    return constrain


def combine(*parts: Constrain | None) -> Constrain | None:
    """One ``constrain`` from several (``None`` parts skipped)."""
    used = [p for p in parts if p is not None]
    if not used:
        return None

    def constrain(model: cp_model.CpModel, x: list) -> None:
        for part in used:
            part(model, x)

    return constrain
