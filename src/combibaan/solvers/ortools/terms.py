"""A rule's terms (:mod:`combibaan.rules.terms`) as CP-SAT constraints over a job's tasks.

One job's tasks are Booleans ``z``; each term (the week's minutes, a day's minutes, the
distinct suppliers, locations or days) becomes the constraints that keep it. The
pricing model (one job, always made) states them outright; the cover model (many job
slots, each used or not) states them only when its slot is used (``active``), since an
unused slot has no tasks and no minimum to reach.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence

from ortools.sat.python import cp_model

from combibaan.rules import Profile
from combibaan.rules.terms import DayMinutes, DayWait, Distinct, Term, WeekMinutes


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
    elif isinstance(term, DayWait):
        _state_wait(model, term.high, z, profiles)
    elif isinstance(term, Distinct):
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


def _state_wait(
    model: cp_model.CpModel,
    high: int,
    z: Mapping[int, cp_model.IntVar],
    profiles: Sequence[Profile],
) -> None:
    """No wait over ``high`` minutes between consecutive slots of a day: where a slot of
    the job ends and a later one starts more than ``high`` after that end, some slot
    of the job starts within ``high`` of the end. ``later[i]``: a slot of the job from
    the ``i``-th start of the day on (forced true by any; free to be false otherwise)."""
    for d in range(7):
        pieces = sorted(
            (start, end, v) for v in z for day, start, end in profiles[v].slots if day == d
        )
        if len(pieces) < 2:
            continue
        starts = [start for start, _, _ in pieces]
        later: list[cp_model.IntVar] = []
        for k, (_, _, v) in enumerate(reversed(pieces)):
            some = model.new_bool_var(f"later{d}_{k}")
            model.add_implication(z[v], some)
            if later:
                model.add_implication(later[-1], some)
            later.append(some)
        later.reverse()
        for _, end, v in pieces:
            i = bisect_right(starts, end + high)
            if i == len(pieces):
                continue
            fillers = {w for _, _, w in pieces[bisect_left(starts, end) : i]}
            model.add_bool_or([z[v].Not(), later[i].Not(), *(z[w] for w in sorted(fillers))])


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
