"""A rule's terms (:mod:`combibaan.rules.terms`) as CP-SAT constraints over a job's tasks.

One job's tasks are Booleans ``z``; each term (the week's minutes, a day's minutes, the
distinct suppliers, locations or days) becomes the constraints that keep it. The
pricing model (one job, always made) states them outright; the cover model (many job
slots, each used or not) states them only when its slot is used (``active``), since an
unused slot has no tasks and no minimum to reach.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ortools.sat.python import cp_model

from combibaan.rules import Profile
from combibaan.rules.terms import DayMinutes, Term, WeekMinutes


def state_term(
    model: cp_model.CpModel,
    term: Term,
    z: Mapping[int, cp_model.IntVar],
    profiles: Sequence[Profile],
    active: cp_model.IntVar | None = None,
) -> None:
    """``term`` over the tasks ``z`` may choose; lower limits only where ``active`` is true."""
    tasks = list(z)
    if isinstance(term, WeekMinutes):
        minutes = sum(profiles[v].minutes * z[v] for v in tasks)
        if term.low is not None:
            _at_least(model, minutes, term.low, active)
        if term.high is not None and term.high < sum(profiles[v].minutes for v in tasks):
            model.add(minutes <= term.high)
    elif isinstance(term, DayMinutes):
        for d in range(7):
            working = [v for v in tasks if profiles[v].day_minutes[d]]
            if not working:
                continue
            day = sum(profiles[v].day_minutes[d] * z[v] for v in working)
            if term.high is not None and term.high < sum(
                profiles[v].day_minutes[d] for v in working
            ):
                model.add(day <= term.high)
            if term.low:
                works = model.new_bool_var(f"w{d}")
                for v in working:
                    model.add_implication(z[v], works)
                model.add(day >= term.low * works)
    else:
        groups: dict[object, list[int]] = {}
        for v in tasks:
            for value in _values(profiles[v], term.attribute):
                groups.setdefault(value, []).append(v)
        if len(groups) > term.high:
            used = {key: model.new_bool_var(f"{term.attribute}{k}") for k, key in enumerate(groups)}
            for key, members in groups.items():
                for v in members:
                    model.add_implication(z[v], used[key])
            model.add(sum(used.values()) <= term.high)


def _at_least(
    model: cp_model.CpModel,
    expression: cp_model.LinearExpr | int,
    low: int,
    active: cp_model.IntVar | None,
) -> None:
    if active is None:
        model.add(expression >= low)
    else:
        model.add(expression >= low).only_enforce_if(active)


def _values(p: Profile, attribute: str) -> tuple[object, ...]:
    """The values a task has of an attribute a :class:`Distinct` term counts."""
    if attribute == "supplier":
        return (p.supplier,)
    if attribute == "location":
        return () if p.location is None else (p.location,)
    return p.days
