"""The SMPTSP benchmark's ``.dat`` files: fixed tasks, workers who may do some of them.

The shift minimisation personnel task scheduling problem covers every task with the
fewest workers, each doing tasks that do not overlap and that its line allows. A file
holds comment lines (``#``), ``Type = 1``, ``Jobs = n`` and ``n`` lines ``start end``
in minutes (task ``i`` is line ``i``, counted from 0), then ``Qualifications = m`` and
``m`` lines ``c: t1 ... tc``, the tasks worker ``k`` may do.

combibaan reads it as an :class:`~combibaan.model.instance.Instance` with one
:class:`~combibaan.model.candidate.Candidate` per worker:

- task ``i`` becomes ``T{i+1}``, zero-padded by the count (``T0001`` is the file's task
  0 when there are 1,000 to 9,999), of the one supplier ``smptsp``, in one slot. Time
  is half-open, as in the benchmark's own encodings: a task occupies ``[start, end)``,
  so one ending at 600 and one starting at 600 may go to the same worker. Minute 0 is
  Monday 00:00; a task starting at minute 1,440 or later starts on a later day, and one
  running past midnight keeps its start day (as a slot does).
- worker ``k`` becomes ``W{k+1}`` (``W001``), with the tasks of its line as
  ``eligible_task_ids`` (in the line's order). The line already combines the worker's
  shift and skills; its windows are only there to hold those tasks: the span from its
  earliest start to its latest end (in every instance of the benchmark at most a day),
  or where the tasks span more than a day, the fewest consecutive spans of at most a day
  that hold them. A worker with no task gets the whole week.

Every problem of a file is reported at once, with its line, as the other readers do.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from combibaan.io.errors import InputError, Problem, source_name
from combibaan.model.candidate import Candidate
from combibaan.model.instance import Instance
from combibaan.model.phrase import Phrase, mistake
from combibaan.model.task import Task
from combibaan.model.week import MINUTES_PER_DAY, MINUTES_PER_WEEK, Slot

#: The one supplier of every benchmark task.
SUPPLIER = "smptsp"
#: The problem type combibaan reads: the fewest workers that cover every task.
TYPE_FEWEST_WORKERS = 1

_KEY = re.compile(r"^([A-Za-z_]+)\s*=(.*)$")
_TASK = re.compile(r"^([+-]?\d+)\s+([+-]?\d+)$")
_WORKER = re.compile(r"^(\d+)\s*:(.*)$")
#: How much of a wrong line a message quotes.
_SHOWN = 60

#: Where a reader notes a problem: ``at(line, message)``.
_At = Callable[[int | None, Phrase], None]


@dataclass(frozen=True)
class Smptsp:
    """One benchmark instance: its tasks as an instance, its workers as candidates.

    ``name`` is the file's stem (``data_1_23_40_66``), ``problem_type`` the file's
    ``Type`` (always :data:`TYPE_FEWEST_WORKERS`: other types are refused).
    """

    name: str
    problem_type: int
    instance: Instance
    candidates: tuple[Candidate, ...]


def read_smptsp(source: object, *, name: str | None = None) -> Smptsp:
    """Read one ``.dat`` file of the SMPTSP benchmark (see the module's docstring).

    ``source`` is a path (``str`` or :class:`~pathlib.Path`), a file object open for
    reading in text or binary mode (a member of the benchmark's archives, from
    :meth:`tarfile.TarFile.extractfile`), or the file's text itself (a ``str`` with a
    line break). ``name`` names a source that is no path, in messages, and gives the
    instance its name (its stem: ``Data_137/data_1_23_40_66.dat`` names it
    ``data_1_23_40_66``). Raises :class:`~combibaan.io.errors.InputError` with every
    problem of the file.
    """
    label, text = _load(source, name)
    stem = Path(label).stem if name is not None or _is_path(source) else SUPPLIER
    return _parse(text, label, stem)


def _is_path(source: object) -> bool:
    return isinstance(source, Path) or (isinstance(source, str) and "\n" not in source)


def _load(source: object, name: str | None) -> tuple[str, str]:
    """The label messages name the source by, and its text."""
    if isinstance(source, str | Path) and _is_path(source):
        label = name or source_name(source)
        path = Path(source)
        if path.is_dir():
            raise InputError(Problem(label, mistake("dat_folder")))
        try:
            data: object = path.read_bytes()
        except FileNotFoundError:
            raise InputError(Problem(label, mistake("dat_not_found"))) from None
        except OSError as error:
            reason = str(error.strerror or error)
            raise InputError(Problem(label, mistake("cannot_open", reason=reason))) from None
    else:
        label = name or "<smptsp>"
        read = getattr(source, "read", None)
        data = read() if callable(read) else source
    if isinstance(data, bytes):
        try:
            return label, data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise InputError(Problem(label, mistake("not_utf8"))) from None
    if isinstance(data, str):
        return label, data.removeprefix("\ufeff")
    raise TypeError(f"read_smptsp reads a path, a file object or text, not {type(data).__name__}")


def _parse(text: str, label: str, name: str) -> Smptsp:
    lines = text.splitlines()
    entries = [
        (number, line.strip())
        for number, line in enumerate(lines, start=1)
        if line.strip() and not line.lstrip().startswith("#")
    ]
    problems: list[Problem] = []

    def at(line: int | None, message: Phrase) -> None:
        problems.append(Problem(label, message, line=line))

    def fail() -> InputError:
        return InputError(sorted(problems, key=lambda p: p.line or 0))

    kind = _header(entries, 0, "Type", "1", len(lines), at)
    if kind is not None and kind != TYPE_FEWEST_WORKERS:
        at(entries[0][0], mistake("dat_type", given=str(kind)))
    if problems:
        raise fail()
    jobs = _header(entries, 1, "Jobs", mistake("dat_n_tasks"), len(lines), at)
    if jobs is None:
        raise fail()
    # the tasks run up to the next header, or up to a worker's line where that header is missing
    after = next(
        (i for i in range(2, len(entries)) if _KEY.match(entries[i][1]) or ":" in entries[i][1]),
        len(entries),
    )
    task_lines = entries[2:after]
    if len(task_lines) != jobs:
        at(entries[1][0], mistake("dat_jobs_count", n=str(jobs), k=len(task_lines)))
    width = len(str(len(task_lines)))
    ids = [f"T{i + 1:0{width}d}" for i in range(len(task_lines))]
    slots = [_task_slot(line, i, ids[i], at) for i, line in enumerate(task_lines)]
    quals = _header(entries, after, "Qualifications", mistake("dat_n_workers"), len(lines), at)
    if quals is None:
        raise fail()
    worker_lines = entries[after + 1 :]
    if len(worker_lines) != quals:
        at(entries[after][0], mistake("dat_quals_count", n=str(quals), k=len(worker_lines)))
    eligible = [_eligible(line, len(task_lines), at) for line in worker_lines]
    if problems:
        raise fail()
    # every line was read, so nothing is left out here
    placed = [slot for slot in slots if slot is not None]
    lists = [indices for indices in eligible if indices is not None]
    starts, ends = [slot.week_start for slot in placed], [slot.week_end for slot in placed]
    tasks = tuple(
        Task(ids[i], SUPPLIER, (slot,), rows=(task_lines[i][0],)) for i, slot in enumerate(placed)
    )
    width = len(str(len(worker_lines)))
    candidates = tuple(
        Candidate(
            f"W{k + 1:0{width}d}",
            _windows(indices, starts, ends),
            eligible_task_ids=tuple(map(ids.__getitem__, indices)),
            rows=(worker_lines[k][0],),
        )
        for k, indices in enumerate(lists)
    )
    return Smptsp(name, TYPE_FEWEST_WORKERS, Instance(tasks, name=name), candidates)


def _header(
    entries: list[tuple[int, str]], index: int, key: str, example: Phrase | str, ends: int, at: _At
) -> int | None:
    """The count of the line ``key = <count>`` that must stand at ``entries[index]``;
    ``ends`` is the file's last line, where a missing header is noted."""
    if index >= len(entries):
        at(ends or None, mistake("dat_ends", key=key, example=example))
        return None
    number, line = entries[index]
    found = _KEY.match(line)
    if found is None or found[1].casefold() != key.casefold():
        at(number, mistake("dat_expected", key=key, example=example, got=_shown(line)))
        return None
    value = found[2].strip()
    if key == "Type":
        if not value.isdecimal():
            at(number, mistake("dat_type", given=value))
            return None
        return int(value)
    if not value.isdecimal() or int(value) < 1:
        at(number, mistake("whole_at_least", name=key, low=1, shown=_shown(value)))
        return None
    return int(value)


def _task_slot(entry: tuple[int, str], index: int, task_id: str, at: _At) -> Slot | None:
    """Task ``index``'s line ``start end`` as a slot, or None after noting what is wrong."""
    number, line = entry
    found = _TASK.match(line)
    if found is None:
        at(number, mistake("dat_task_line", got=_shown(line)))
        return None
    start, end = int(found[1]), int(found[2])
    task = f"{index} ({task_id})"
    values = {"task": task, "start": str(start), "end": str(end)}
    if start < 0:
        at(number, mistake("dat_task_negative", task=task, start=str(start)))
    elif end <= start:
        at(number, mistake("dat_task_empty", **values))
    elif end - start > MINUTES_PER_DAY:
        at(number, mistake("dat_task_long", minutes=str(end - start), **values))
    elif start >= MINUTES_PER_WEEK:
        at(number, mistake("dat_task_late", task=task, start=str(start), week=MINUTES_PER_WEEK))
    else:
        return _slot(start, end)
    return None


def _slot(start: int, end: int) -> Slot:
    """Minutes from Monday 00:00, ``[start, end)``, as a slot on the day it starts."""
    day, minute = divmod(start, MINUTES_PER_DAY)
    return Slot(day, minute, minute + end - start)


def _eligible(entry: tuple[int, str], tasks: int, at: _At) -> list[int] | None:
    """A worker's line ``c: t1 ... tc`` as task indices, or None after noting what is wrong."""
    number, line = entry
    found = _WORKER.match(line)
    if found is None:
        at(number, mistake("dat_worker_line", got=_shown(line)))
        return None
    said, words = int(found[1]), found[2].split()
    if not all(map(str.isdecimal, words)):
        wrong = next(word for word in words if not word.isdecimal())
        at(number, mistake("dat_task_number", got=_shown(wrong)))
        return None
    indices = list(map(int, words))
    ok = True
    if said != len(indices):
        at(number, mistake("dat_worker_count", said=said, listed=len(indices)))
        ok = False
    if indices and tasks and max(indices) >= tasks:
        shown = tuple(str(i) for i in sorted({i for i in indices if i >= tasks}))
        at(number, mistake("dat_task_range", tasks=shown, n=len(shown), last=str(tasks - 1)))
        ok = False
    if len(set(indices)) != len(indices):
        twice = sorted(i for i, count in Counter(indices).items() if count > 1)
        shown = tuple(str(i) for i in twice)
        at(number, mistake("dat_task_twice", tasks=shown, n=len(shown)))
        ok = False
    return indices if ok else None


def _windows(indices: list[int], starts: list[int], ends: list[int]) -> tuple[Slot, ...]:
    """Windows that hold the tasks ``indices`` (their minutes from Monday 00:00 in ``starts``
    and ``ends``): from the earliest start, each as long as its tasks need and at most a
    day; the whole week when there are none."""
    if not indices:
        return tuple(Slot(day, 0, MINUTES_PER_DAY) for day in range(7))
    first = min(map(starts.__getitem__, indices))
    last = max(map(ends.__getitem__, indices))
    if last - first <= MINUTES_PER_DAY:
        return (_slot(first, last),)
    windows: list[Slot] = []
    ordered = sorted(indices, key=starts.__getitem__)
    first, last = starts[ordered[0]], ends[ordered[0]]
    for i in ordered[1:]:
        if ends[i] - first <= MINUTES_PER_DAY:
            last = max(last, ends[i])
        else:
            windows.append(_slot(first, last))
            first, last = starts[i], ends[i]
    windows.append(_slot(first, last))
    return tuple(windows)


def _shown(text: str) -> str:
    """Text from the file, quoted, and cut short when long."""
    return repr(text if len(text) <= _SHOWN else text[:_SHOWN] + "…")
