"""The checker's view of candidates and cover mode: plain interval and set arithmetic.

Like the rest of :mod:`combibaan.check` this shares no code with the solver nor
with :mod:`combibaan.model.candidate`'s own test of which tasks a candidate may do:
it takes a candidate's windows as data (:class:`~combibaan.model.week.Slot`
values, read again from the solution's echo when no candidates are given) and
redoes the availability here, so that a slip in the solver's reading of a window
cannot hide in the check as well.

A job held by a candidate must keep what the candidate can do: a known code, one
job per candidate, every slot inside their availability, every competency a task
needs, only tasks on their list (when they have one), and their hours per week. A
flexible task is judged at the times its job's ``schedule`` gives it (the tasks come
in settled, :mod:`combibaan.check.schedule`); one whose times no schedule settles
cannot be judged, and is not passed.
With ``only_candidates`` every job has a candidate; in cover mode every task is in
a job.

Rule names (``Violation.rule``): ``candidates`` (an echo that cannot be read),
``candidate_unknown``, ``candidate_twice``, ``candidate_availability``,
``candidate_competencies``, ``candidate_eligible``, ``candidate_min_hours``,
``candidate_max_hours``, ``only_candidates`` and ``cover``; a job's ``candidate``
that is no text is a ``structure`` violation.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import Any

from combibaan.check.base import DAY, WEEK, Violation, interval, limit, moment, said
from combibaan.check.document import is_number, is_text_list, shown
from combibaan.model.candidate import Candidate
from combibaan.model.phrase import Phrase
from combibaan.model.task import Task
from combibaan.model.week import Slot

#: The days a window of the echo starts, as ``solution.json`` writes them.
WINDOW_DAYS = ("ma", "di", "wo", "do", "vr", "za", "zo")
_TIME = re.compile(r"(\d{1,2}):(\d{2})")

Span = tuple[int, int]


# ----------------------------------------------------------------------------- the echo


def echoed_candidates(solution: Mapping[str, Any]) -> tuple[tuple[Candidate, ...], list[Phrase]]:
    """The candidates a solution says it was made for, and problems reading them.

    Absent or ``null`` is none at all (a solution from before candidates). An item
    that cannot be read is left out and said; a code listed twice counts once.
    """
    items = solution.get("candidates")
    if items is None:
        return (), []
    if not isinstance(items, list):
        return (), [said("candidates_not_list")]
    problems: list[Phrase] = []
    read: dict[str, Candidate] = {}
    times: dict[str, int] = {}
    for n, item in enumerate(items):
        candidate = _echoed(item, f"candidates[{n}]")
        if isinstance(candidate, Phrase):
            problems.append(candidate)
            continue
        times[candidate.id] = times.get(candidate.id, 0) + 1
        read.setdefault(candidate.id, candidate)
    problems.extend(
        said("candidate_listed_twice", candidate=code, n=count)
        for code, count in times.items()
        if count > 1
    )
    return tuple(read.values()), problems


def _echoed(item: object, where: str) -> Candidate | Phrase:
    """One echoed candidate, or why it cannot be read (naming the field)."""
    if not isinstance(item, Mapping):
        return said("candidate_unreadable", where=where, value=shown(item))

    def unreadable(key: str) -> Phrase:
        return said("candidate_unreadable", where=f"{where}.{key}", value=shown(item.get(key)))

    code = item.get("candidate_id")
    if not isinstance(code, str) or not code:
        return unreadable("candidate_id")
    hours = {key: item.get(key) for key in ("min_hours", "max_hours")}
    for key, value in hours.items():
        if value is not None and not is_number(value):
            return unreadable(key)
    competencies = item.get("competencies", [])
    if not is_text_list(competencies):
        return unreadable("competencies")
    eligible = item.get("eligible_task_ids")
    if eligible is not None and not is_text_list(eligible):
        return unreadable("eligible_task_ids")
    windows = item.get("windows")
    if not isinstance(windows, list):
        return unreadable("windows")
    if not windows:
        return said("candidate_no_windows", candidate=code, where=where)
    slots = []
    for n, window in enumerate(windows):
        slot = _window(window)
        if slot is None:
            return said("candidate_window", where=f"{where}.windows[{n}]", value=shown(window))
        slots.append(slot)
    return Candidate(
        id=code,
        windows=tuple(slots),
        min_hours=_hours(hours["min_hours"]),
        max_hours=_hours(hours["max_hours"]),
        competencies=tuple(competencies),
        eligible_task_ids=None if eligible is None else tuple(eligible),
    )


def _hours(value: object) -> float | None:
    return float(value) if is_number(value) else None


def _window(window: object) -> Slot | None:
    """``{"day": "ma", "start": "22:00", "end": "06:00"}`` as a slot; an end at or before
    the start runs past midnight (``00:00``-``00:00`` is the whole day)."""
    if not isinstance(window, Mapping) or window.get("day") not in WINDOW_DAYS:
        return None
    start, end = _minute(window.get("start")), _minute(window.get("end"))
    if start is None or end is None or start == DAY:
        return None
    if end <= start:
        end += DAY
    return Slot(WINDOW_DAYS.index(window["day"]), start, end)


def _minute(text: object) -> int | None:
    """``"07:30"`` as 450; ``"24:00"`` is the end of the day; anything else ``None``."""
    match = _TIME.fullmatch(text) if isinstance(text, str) else None
    if match is None:
        return None
    hours, minutes = int(match[1]), int(match[2])
    if minutes > 59 or hours > 24 or (hours == 24 and minutes):
        return None
    return hours * 60 + minutes


# ----------------------------------------------------------------------------- availability


def _on_the_week(start: int, end: int) -> list[Span]:
    """A stretch of minutes from Monday 00:00 as pieces within one week: what runs past
    Sunday midnight goes on from Monday 00:00."""
    if end <= WEEK:
        return [(start, end)]
    return [(start, WEEK), (0, end - WEEK)]


def available_spans(windows: Iterable[Slot]) -> list[Span]:
    """A candidate's windows as stretches of the week, touching and overlapping ones
    joined, so that a slot across two windows that meet is inside."""
    pieces = sorted(piece for w in windows for piece in _on_the_week(*interval(w)))
    joined: list[Span] = []
    for start, end in pieces:
        if joined and start <= joined[-1][1]:
            joined[-1] = (joined[-1][0], max(joined[-1][1], end))
        else:
            joined.append((start, end))
    return joined


def inside(slot: Slot, spans: Sequence[Span]) -> bool:
    """Whether ``slot`` lies wholly inside the stretches (each piece of a slot that runs
    past Sunday midnight on its own side of the week)."""
    return all(
        any(a <= start and end <= b for a, b in spans)
        for start, end in _on_the_week(*interval(slot))
    )


# ----------------------------------------------------------------------------- the jobs


def candidate_violations(
    jobs: Sequence[Any],
    known: Mapping[str, Task],
    candidates: Sequence[Candidate],
    *,
    only_candidates: bool,
    kept: Collection[frozenset[str]] = (),
) -> list[Violation]:
    """Every way the jobs' candidates break what a candidate can do, job by job; with
    ``only_candidates`` every job has one, but a job the workshop keeps (``kept``: the
    tasks of each keep lock)."""
    out: list[Violation] = []
    by_code = {c.id: c for c in candidates}
    holds: dict[str, str] = {}
    for n, job in enumerate(jobs):
        if not isinstance(job, Mapping) or not isinstance(job.get("task_ids"), list):
            continue  # said as structure already
        job_id = str(job.get("job_id", f"#{n + 1}"))
        code = job.get("candidate")
        if code is None:
            if only_candidates and frozenset(map(str, job["task_ids"])) not in kept:
                out.append(Violation("only_candidates", job_id, said("no_candidate")))
            continue
        if not isinstance(code, str):
            message = said("candidate_not_text", value=shown(code))
            out.append(Violation("structure", job_id, message))
            continue
        if code not in by_code:
            message = said("candidate_unknown", candidate=repr(code))
            out.append(Violation("candidate_unknown", job_id, message))
            continue
        if code in holds:
            message = said("candidate_twice", candidate=code, job=holds[code])
            out.append(Violation("candidate_twice", job_id, message))
        else:
            holds[code] = job_id
        ids = dict.fromkeys(t for t in job["task_ids"] if isinstance(t, str) and t in known)
        tasks = [known[t] for t in ids]
        out.extend(_held(job_id, tasks, by_code[code]))
    return out


def _held(job_id: str, tasks: Sequence[Task], candidate: Candidate) -> list[Violation]:
    """What a known candidate cannot do of the job: times, competencies, tasks, hours."""
    out: list[Violation] = []
    code = candidate.id
    spans = available_spans(candidate.windows)
    for task in tasks:
        if task.windows:  # no schedule settled its times (said as ``schedule``)
            message = said("candidate_times_unknown", task=task.id, candidate=code)
            out.append(Violation("candidate_availability", job_id, message))
            continue
        outside = [s for s in task.slots if not inside(s, spans)]
        if outside:
            slots = tuple(_span(s) for s in outside)
            message = said("candidate_unavailable", task=task.id, slots=slots, candidate=code)
            out.append(Violation("candidate_availability", job_id, message))
    has = {c.casefold() for c in candidate.competencies}
    for task in tasks:
        missing = tuple(repr(c) for c in task.competencies if c.casefold() not in has)
        if missing:
            message = said(
                "candidate_lacks", task=task.id, missing=missing, n=len(missing), candidate=code
            )
            out.append(Violation("candidate_competencies", job_id, message))
    if candidate.eligible_task_ids is not None:
        allowed = set(candidate.eligible_task_ids)
        others = tuple(t.id for t in tasks if t.id not in allowed)
        if others:
            message = said("candidate_not_eligible", tasks=others, n=len(others), candidate=code)
            out.append(Violation("candidate_eligible", job_id, message))
    minutes = sum(s.end - s.start for t in tasks for s in t.slots)
    least, most = limit(candidate.min_hours), limit(candidate.max_hours)
    if least is not None and minutes < least:
        message = said(
            "candidate_min_hours", hours=minutes / 60, least=candidate.min_hours, candidate=code
        )
        out.append(Violation("candidate_min_hours", job_id, message))
    if most is not None and minutes > most:
        message = said(
            "candidate_max_hours", hours=minutes / 60, most=candidate.max_hours, candidate=code
        )
        out.append(Violation("candidate_max_hours", job_id, message))
    return out


def _span(slot: Slot) -> Phrase:
    start, end = interval(slot)
    return said("span", start=moment(start), end=moment(end))


# ----------------------------------------------------------------------------- cover mode


def claims_cover(solution: Mapping[str, Any]) -> bool:
    """Whether the solution says it was made in cover mode (``"cover": true`` in its policy)."""
    policy = solution.get("policy")
    return isinstance(policy, Mapping) and policy.get("cover") is True


def cover_violations(
    solution: Mapping[str, Any],
    known: Mapping[str, Task],
    assigned: Mapping[str, str],
    excluded: Collection[str] = (),
) -> list[Violation]:
    """In cover mode every task is in a job, unless a lock excludes it, or the solution
    says no cover exists (``infeasible``) or none was found (``unknown``)."""
    if solution.get("status") not in ("optimal", "feasible"):
        return []
    return [
        Violation("cover", None, said("cover_task_left", task=task_id))
        for task_id in known
        if task_id not in assigned and task_id not in excluded
    ]
