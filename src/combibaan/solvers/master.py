"""The restricted master: an exact packing over the jobs the other heuristics met.

Column generation, the dive and the local search each produce good jobs that
the current proposal does not use. CP-SAT packs them together, the count
first and then the hours with that count fixed (:class:`StagedPacking`),
hinted with the current proposal so it can only gain. Measured at 300 tasks
over column generation's columns: the count reached the bound in under a
second on the campus, night, remote, many and units lists.

One worker and a deterministic work limit: the same columns give the same
jobs on every machine, unless the wall-clock ``deadline`` comes first.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from combibaan.rules import Profile
from combibaan.solvers.ortools.set_packing import StagedPacking
from combibaan.solvers.work_meter import SECONDS_PER_COLUMN, SECONDS_PER_DETERMINISTIC

#: Share of a call's work for the count; the hours get the rest.
COUNT_SHARE = 0.6


@dataclass(frozen=True)
class MasterOutcome:
    jobs: list[tuple[int, ...]]
    #: Reference seconds spent (:mod:`.work_meter`).
    work: float
    clock_cut: bool
    interrupted: bool


def restricted_master(
    columns: Iterable[tuple[int, ...]],
    current: Sequence[tuple[int, ...]],
    profiles: Sequence[Profile],
    burden: Callable[[tuple[int, ...]], int],
    *,
    work: float,
    deadline: float,
    seed: int = 0,
) -> MasterOutcome:
    """The best packing found of ``columns`` and ``current`` within ``work`` reference seconds.

    Never worse in jobs than ``current``, and never fewer hours at the same count.
    """
    listed = list(dict.fromkeys([*current, *columns]))
    spent = len(listed) * SECONDS_PER_COLUMN
    index = {column: k for k, column in enumerate(listed)}
    packing = StagedPacking(
        listed,
        [sum(profiles[t].minutes for t in c) for c in listed],
        [burden(c) for c in listed],
    )
    hint = [index[c] for c in current]
    limit = max(work - spent, 0.0) / SECONDS_PER_DETERMINISTIC
    first = packing.most_jobs(
        hint, deadline=deadline, work=limit * COUNT_SHARE, seed=seed, workers=1
    )
    spent += first.work * SECONDS_PER_DETERMINISTIC
    if first.interrupted or first.wall_clock_cut or first.status not in ("optimal", "feasible"):
        return MasterOutcome(list(current), spent, first.wall_clock_cut, first.interrupted)
    chosen = first.selected
    if len(chosen) == len(current):
        chosen = tuple(hint)  # the same count: let stage 2 start from the current hours
    second = packing.most_hours(
        len(chosen),
        chosen,
        minutes_cap=None,
        deadline=deadline,
        work=max(limit - first.work, 0.0),
        seed=seed,
        workers=1,
    )
    spent += second.work * SECONDS_PER_DETERMINISTIC
    if second.status in ("optimal", "feasible") and not second.wall_clock_cut:
        chosen = second.selected
    jobs = [listed[k] for k in chosen]
    return MasterOutcome(jobs, spent, second.wall_clock_cut, second.interrupted)
