"""One Boolean per candidate job: is this job part of the proposal?"""

from __future__ import annotations

from collections.abc import Sequence

from ortools.sat.python import cp_model


def job_variables(model: cp_model.CpModel, columns: Sequence[tuple[int, ...]]) -> list:
    return [model.new_bool_var(f"job_{k}") for k in range(len(columns))]
