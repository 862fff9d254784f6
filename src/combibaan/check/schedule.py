"""A job's ``schedule``: the times it does its tasks, judged against their windows.

Every job of a ``solution.json`` lists every slot of its tasks (``{task_id, day,
start, end}``, ``day`` as ``ma``…``zo``, an end at or before the start past
midnight). A fixed task's slots must be its own; a flexible task's must be its
fixed slots plus, per window, ``count`` slots of its duration on distinct days
of the window, all at one start within it. The rules are then judged on the
times as scheduled. This is the checker's own reading, independent of the
solver's variants (:mod:`combibaan.model.variants`).
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from combibaan.check.base import DAY, WEEK, Violation, days_said, interval, moment, said
from combibaan.check.document import shown
from combibaan.model.phrase import Phrase
from combibaan.model.task import Task
from combibaan.model.week import DAY_NAMES, Slot, Window

_TIME = re.compile(r"^(\d{1,2}):(\d{2})$")
_DAYS = {name: d for names in DAY_NAMES.values() for d, name in enumerate(names)}


def scheduled_tasks(
    job: Mapping[str, Any], job_id: str, tasks: Sequence[Task]
) -> tuple[list[Task], list[Violation]]:
    """The job's tasks at their scheduled times, and what is wrong with the schedule.

    A job without ``schedule`` (a file from before flexible tasks) keeps its tasks'
    own slots; it is wrong only when one of them is flexible.
    """
    entries = job.get("schedule")
    if entries is None:
        flexible = [t.id for t in tasks if t.windows]
        if flexible:
            return [], [Violation("schedule", job_id, said("schedule_missing", tasks=flexible))]
        return list(tasks), []
    if not isinstance(entries, list):
        return [], [Violation("structure", job_id, said("not_a_list", key="schedule"))]
    by_task: dict[str, list[Slot]] = {t.id: [] for t in tasks}
    out: list[Violation] = []
    unreadable = False
    for n, entry in enumerate(entries):
        slot = _slot(entry, n + 1, by_task)
        if isinstance(slot, Phrase):
            out.append(Violation("schedule", job_id, slot))
            unreadable |= slot.code != "schedule_entry_task"
            continue
        by_task[entry["task_id"]].append(slot)
    if unreadable:  # the rules judged without its times would report what is not there
        return [], [*out, Violation("schedule", job_id, said("schedule_unread"))]
    done: list[Task] = []
    for task in tasks:
        slots = by_task[task.id]
        if not _fits(task, slots):
            out.append(Violation("schedule", job_id, _mismatch(task, slots)))
        done.append(task.scheduled(tuple(slots)) if slots else task)
    return done, out


def _slot(entry: object, n: int, tasks: Mapping[str, object]) -> Slot | Phrase:
    """The entry's slot, or what is wrong with it, naming the field and its value."""
    if not isinstance(entry, Mapping):
        return said("schedule_entry", n=n, entry=shown(entry))
    task_id = entry.get("task_id")
    if not isinstance(task_id, str) or task_id not in tasks:
        return said("schedule_entry_task", n=n, task=shown(task_id))
    day = _DAYS.get(str(entry.get("day", "")).strip().lower())
    if day is None:
        return said("schedule_entry_day", n=n, task=task_id, value=shown(entry.get("day")))
    start, end = _minute(entry.get("start")), _minute(entry.get("end"))
    if start is None or end is None:
        key = "start" if start is None else "end"
        value = shown(entry.get(key))
        return said("schedule_entry_time", n=n, task=task_id, key=key, value=value)
    if end <= start:
        end += DAY
    return Slot(day, start, end)


def _minute(value: object) -> int | None:
    match = _TIME.match(value.strip()) if isinstance(value, str) else None
    if match is None:
        return None
    hours, minutes = int(match[1]), int(match[2])
    return hours * 60 + minutes if hours < 24 and minutes < 60 else None


def _fits(task: Task, slots: list[Slot]) -> bool:
    """Whether the slots are the task's fixed slots plus one choice per window."""
    left = Counter(slots)
    for slot in task.slots:
        if left[slot] == 0:
            return False
        left[slot] -= 1
    # Counted first: the search below tries combinations of the slots, which a long list
    # of surplus slots would make take minutes.
    if left.total() != sum(w.count for w in task.windows):
        return False
    return _windows(list(task.windows), +left)


def _mismatch(task: Task, slots: list[Slot]) -> Phrase:
    """What is wrong with times that do not fit the task, as a user would look: a fixed
    time gone, too many or too few chosen times, and for a task of one window the
    duration, the window and the one start; else the times and the task in general."""
    left = Counter(slots)
    for slot in task.slots:
        if left[slot] == 0:
            return said("schedule_fixed", task=task.id, at=moment(interval(slot)[0]))
        left[slot] -= 1
    chosen = sorted(left.elements())
    wanted = sum(w.count for w in task.windows)
    if len(chosen) != wanted:
        return said("schedule_count", task=task.id, n=len(chosen), wanted=wanted)
    if len(task.windows) == 1:
        (window,) = task.windows
        for slot in chosen:
            at = moment(interval(slot)[0])
            if slot.end - slot.start != window.duration:
                length, duration = _clock(slot.end - slot.start), _clock(window.duration)
                return said(
                    "schedule_duration", task=task.id, at=at, length=length, duration=duration
                )
            if not _starts(window, slot):
                span = f"{_time(window.earliest)}-{_time(window.latest)}"
                return said(
                    "schedule_outside",
                    task=task.id,
                    at=at,
                    window=span,
                    days=days_said(window.days),
                )
        if not set.intersection(*(_starts(window, slot) for slot in chosen)):
            starts = tuple(moment(interval(s)[0]) for s in chosen)
            return said("schedule_start_differs", task=task.id, starts=starts)
    starts = tuple(moment(interval(s)[0]) for s in sorted(slots))
    return said("schedule_off", task=task.id, n=len(slots), starts=starts)


def _placements(window: Window, slot: Slot) -> list[tuple[int, int]]:
    """Where ``slot`` lies in ``window``: (start from a window day's midnight, that day),
    for every day of the window on which its start falls within it."""
    found = []
    for day in window.days:
        start = (slot.day * DAY + slot.start - day * DAY) % WEEK
        if window.earliest <= start <= window.latest - window.duration:
            found.append((start, day))
    return found


def _starts(window: Window, slot: Slot) -> set[int]:
    return {start for start, _ in _placements(window, slot)}


def _clock(minutes: int) -> str:
    """A duration: ``1:30``."""
    return f"{minutes // 60}:{minutes % 60:02d}"


def _time(minutes: int) -> str:
    """A time of day: ``09:00`` (past midnight wraps)."""
    minutes %= DAY
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _windows(windows: list[Window], left: Counter[Slot]) -> bool:
    """Whether ``left`` splits into one choice of each window (a small backtracking)."""
    if not windows:
        return not left
    window, rest = windows[0], windows[1:]
    # Each candidate slot as (window day, start from that day's midnight).
    options: dict[int, list[tuple[int, Slot]]] = {}
    for slot in left:
        if slot.end - slot.start != window.duration:
            continue
        for start, day in _placements(window, slot):
            options.setdefault(start, []).append((day, slot))
    for _, found in sorted(options.items()):
        for chosen in itertools.combinations(found, window.count):
            if len({day for day, _ in chosen}) < window.count:
                continue
            remaining = left.copy()
            remaining.subtract(slot for _, slot in chosen)
            if all(v >= 0 for v in remaining.values()) and _windows(rest, +remaining):
                return True
    return False
