"""An independent checker for ``solution.json``: trust, but verify.

The solver is clever (compatibility graphs, enumeration, CP-SAT); this module is
deliberately plain. It shares no code with :mod:`combibaan.solvers`: it redoes
the interval arithmetic from the :class:`~combibaan.model.week.Slot` values and
computes travel with its own Dijkstra, so that a bug in the solver's shortcuts
cannot hide in the check as well. Every violation is reported, not just the first.

Rule names (``Violation.rule``):

* per job: ``overlap``, ``travel``, ``min_hours``, ``max_hours``, ``max_suppliers``,
  ``max_hours_per_day``, ``min_hours_per_day``, ``max_span_hours``, ``max_gap_hours``,
  ``max_days``, ``max_locations``;
* structure: ``structure``, ``policy``, ``unknown_task``, ``duplicate_task``,
  ``duplicate_job_id``, ``suppliers``, ``hours_per_week``, ``days``, ``unassigned``,
  ``jobs_bound``, ``hours_bound``, ``status``.

A file that cannot be read as a solution at all (not JSON, wrong types, NaN) is
no violation but an :class:`~combibaan.io.errors.InputError` from
:func:`load_solution`; :func:`check_solution` given such data from Python
reports it as ``structure`` violations and never raises.
"""

from __future__ import annotations

import heapq
import json
import math
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeGuard

from combibaan.check_locks import echoed_locks, echoed_pairs, lock_problems
from combibaan.io.errors import InputError, Problem
from combibaan.model.instance import Instance
from combibaan.model.locks import Locks
from combibaan.model.task import Task
from combibaan.model.week import Slot
from combibaan.rules import POLICY_KEYS, Policy, PolicyError

WEEK = 7 * 24 * 60
DAY = 24 * 60
DAY_CODES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
STATUSES = ("optimal", "feasible", "infeasible", "unknown")
#: How a run may have ended (``stopped``).
STOPS = ("proven", "time_limit", "interrupted")
SOLUTION_KEYS = ("status", "jobs_bound", "policy", "jobs", "unassigned")
JOB_KEYS = ("job_id", "task_ids", "suppliers", "hours_per_week", "days")

#: The rules every ``solution.json`` names; rules added later are off when a file lacks them.
FIRST_KEYS = (
    "min_hours",
    "max_hours",
    "max_suppliers",
    "max_hours_per_day",
    "min_hours_per_day",
    "max_span_hours",
    "travel_minutes",
)

#: Tolerance for ``hours_per_week`` as written in the file (it is rounded there).
HOURS_TOLERANCE = 0.01


@dataclass(frozen=True)
class Violation:
    """One broken rule: which rule, in which job (``None`` for the whole solution), and why."""

    rule: str
    job_id: str | None
    message: str
    #: The rank of the alternative proposal this is about (``None``: the main proposal).
    alternative: int | None = None

    def __str__(self) -> str:
        where = f"job {self.job_id}: " if self.job_id is not None else ""
        if self.alternative is not None:
            prefix = f"alternative {self.alternative}"
            where = f"{prefix}, {where}" if where else f"{prefix}: "
        return f"[{self.rule}] {where}{self.message}"


# ----------------------------------------------------------------------------- loading


def load_solution(path: str | Path) -> dict[str, Any]:
    """Read ``solution.json``; an :class:`InputError` naming the file when it is unusable.

    Unusable means it cannot be read as a solution at all: not JSON, not an
    object, a missing key, a value of the wrong type (a list where a task id
    belongs, text where hours belong), or a number JSON does not allow (NaN,
    Infinity) or no solution can hold (1e309). The command line exits 2 on
    these. Whether well-formed content keeps the rules is
    :func:`check_solution`'s job (exit 1).
    """
    source = str(path)
    file = Path(path)
    if file.exists() and not file.is_file():  # a folder, or /dev/zero: never read without end
        raise InputError(Problem(source, "is not a file; give the solution.json solve wrote"))
    try:
        if file.exists() and file.stat().st_size > MAX_BYTES:
            raise InputError(
                Problem(source, f"is larger than {MAX_BYTES // 10**6} MB; not a solution.json")
            )
        # utf-8-sig: a solution saved again by a Windows editor starts with a BOM.
        text = file.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
        raise InputError(Problem(source, f"cannot read the solution file: {reason}")) from None
    try:
        data = json.loads(
            text, parse_constant=_no_constant, parse_float=_finite_float, parse_int=_sane_int
        )
    except _BadNumber as exc:
        raise InputError(Problem(source, f"holds {exc}")) from None
    except json.JSONDecodeError as exc:
        raise InputError(
            Problem(source, f"not valid JSON (line {exc.lineno}, column {exc.colno}): {exc.msg}")
        ) from None
    except (RecursionError, ValueError) as exc:
        raise InputError(Problem(source, f"cannot be read as JSON: {exc}")) from None
    if not isinstance(data, dict):
        raise InputError(Problem(source, "a solution must be a JSON object"))
    problems = [Problem(source, f"missing key {key!r}") for key in SOLUTION_KEYS if key not in data]
    if not problems:
        problems = [Problem(source, message) for message in shape_problems(data)]
    if problems:
        raise InputError(problems)
    return data


#: Beyond this no number in a solution is hours, a count or seconds: the file is broken.
MAX_NUMBER = 1e12
#: A solution of 5,000 tasks takes a few MB; far beyond that it is something else.
MAX_BYTES = 200 * 10**6


class _BadNumber(ValueError):
    """A number in the JSON text that no solution can hold."""


def _no_constant(name: str) -> float:
    raise _BadNumber(f"{name}, which JSON does not allow as a number")


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value) or abs(value) > MAX_NUMBER:
        raise _BadNumber(f"{text[:30]}, too large a number for a solution")
    return value


def _sane_int(text: str) -> int:
    if len(text.lstrip("-")) > 13:
        raise _BadNumber(f"{text[:30]}, too large a number for a solution")
    return int(text)


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _is_text(value: Any) -> bool:
    return isinstance(value, str)


def _is_number(value: object) -> TypeGuard[int | float]:
    """A finite number (not a boolean) of a sane size."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    # abs() first: math.isfinite of a 400-digit integer overflows.
    return abs(value) <= MAX_NUMBER and math.isfinite(value)


def _is_count(value: Any) -> bool:
    return _is_number(value) and value >= 0 and float(value).is_integer()


def _is_text_list(value: object) -> TypeGuard[list[str]]:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


_EXPECTED: dict[Callable[[Any], bool], str] = {
    _is_text: "text",
    _is_number: "a finite number",
    _is_count: "a whole number of at least 0",
    _is_text_list: "a list of texts",
}


def shape_problems(data: Mapping[str, Any]) -> list[str]:
    """Every way ``data`` is not shaped like a ``solution.json``, each naming where.

    Types only (and numbers that no solution can hold): ``jobs[2].task_ids[0]
    must be text, got [1, 2]``. Keys that may be missing here are checked
    by :func:`check_solution`, which reports them as violations.
    """
    found: list[str] = []

    def expect(value: Any, where: str, test: Any, *, optional: bool = False) -> None:
        if optional and value is None:
            return
        if not test(value):
            nothing = " or null" if optional else ""
            found.append(f"{where} must be {_EXPECTED[test]}{nothing}, got {_shown(value)}")

    expect(data.get("status"), "'status'", _is_text)
    expect(data.get("jobs_bound"), "'jobs_bound'", _is_count, optional=True)
    expect(data.get("hours_bound"), "'hours_bound'", _is_number, optional=True)
    expect(data.get("jobs_status"), "'jobs_status'", _is_text, optional=True)
    expect(data.get("stopped"), "'stopped'", _is_text, optional=True)
    if not isinstance(data.get("policy"), dict):
        found.append(f"'policy' must be an object, got {_shown(data.get('policy'))}")
    found.extend(_jobs_shape(data.get("jobs"), "jobs", expect))
    found.extend(_unassigned_shape(data.get("unassigned"), "unassigned"))
    locks = data.get("locks")
    if locks is not None:
        if not isinstance(locks, list):
            found.append(f"'locks' must be a list, got {_shown(locks)}")
        else:
            for i, lock in enumerate(locks):
                if not isinstance(lock, dict):
                    found.append(f"locks[{i}] must be an object, got {_shown(lock)}")
                    continue
                expect(lock.get("rule"), f"locks[{i}].rule", _is_text)
                found.extend(_text_list_problems(lock.get("task_ids"), f"locks[{i}].task_ids"))
    pairs = data.get("forbidden_pairs")
    if pairs is not None and not (
        isinstance(pairs, list) and all(_is_text_list(p) and len(p) == 2 for p in pairs)
    ):
        found.append(
            f"'forbidden_pairs' must be a list of [supplier, supplier] pairs, got {_shown(pairs)}"
        )
    others = data.get("alternatives")
    if others is not None:
        if not isinstance(others, list):
            found.append(f"'alternatives' must be a list, got {_shown(others)}")
        else:
            for i, item in enumerate(others):
                where = f"alternatives[{i}]"
                if not isinstance(item, dict):
                    found.append(f"{where} must be an object, got {_shown(item)}")
                    continue
                found.extend(_jobs_shape(item.get("jobs"), f"{where}.jobs", expect))
                if "unassigned" in item:
                    found.extend(_unassigned_shape(item["unassigned"], f"{where}.unassigned"))
                for key, test in (("rank", _is_count), ("hours_delta", _is_number)):
                    expect(item.get(key), f"{where}.{key}", test, optional=True)
                delta = item.get("jobs_delta")
                if delta is not None and not (_is_number(delta) and float(delta).is_integer()):
                    found.append(f"{where}.jobs_delta must be a whole number, got {_shown(delta)}")
    return found


def _jobs_shape(jobs: Any, where: str, expect: Any) -> list[str]:
    if not isinstance(jobs, list):
        return [f"'{where}' must be a list, got {_shown(jobs)}"]
    found: list[str] = []
    for i, job in enumerate(jobs):
        at = f"{where}[{i}]"
        if not isinstance(job, dict):
            found.append(f"{at} must be an object, got {_shown(job)}")
            continue
        found.extend(f"{at} misses key {key!r}" for key in JOB_KEYS if key not in job)
        if "job_id" in job:
            expect(job["job_id"], f"{at}.job_id", _is_text)
        if "hours_per_week" in job:
            expect(job["hours_per_week"], f"{at}.hours_per_week", _is_number)
        for key in ("task_ids", "suppliers", "days", "locations", "competencies"):
            if key in job:
                found.extend(_text_list_problems(job[key], f"{at}.{key}"))
    return found


def _text_list_problems(items: Any, where: str) -> list[str]:
    """A list of texts, or where it is not: ``jobs[0].task_ids[1] must be text, got [1, 2]``."""
    if not isinstance(items, list):
        return [f"{where} must be a list of texts, got {_shown(items)}"]
    return [
        f"{where}[{n}] must be text, got {_shown(item)}"
        for n, item in enumerate(items)
        if not isinstance(item, str)
    ]


def _unassigned_shape(items: Any, where: str) -> list[str]:
    if not isinstance(items, list):
        return [f"'{where}' must be a list, got {_shown(items)}"]
    found = []
    for i, item in enumerate(items):
        if not isinstance(item, dict) or "task_id" not in item:
            found.append(f"{where}[{i}] must be an object with 'task_id', got {_shown(item)}")
        elif not isinstance(item["task_id"], str):
            found.append(f"{where}[{i}].task_id must be text, got {_shown(item['task_id'])}")
    return found


# ----------------------------------------------------------------------------- travel


class _Travel:
    """Shortest walking times over the travel table, computed on demand (plain Dijkstra)."""

    def __init__(self, instance: Instance, default: float | None) -> None:
        self.default = default
        self.graph: dict[str, dict[str, float]] = {}
        for edge in instance.travel:
            for a, b in ((edge.origin, edge.destination), (edge.destination, edge.origin)):
                known = self.graph.setdefault(a, {}).get(b)
                if known is None or edge.minutes < known:
                    self.graph[a][b] = float(edge.minutes)
        self._cache: dict[str, dict[str, float]] = {}

    def _from(self, source: str) -> dict[str, float]:
        if source not in self._cache:
            dist = {source: 0.0}
            heap = [(0.0, source)]
            while heap:
                d, node = heapq.heappop(heap)
                if d > dist[node]:
                    continue
                for nxt, w in self.graph.get(node, {}).items():
                    nd = d + w
                    if nd < dist.get(nxt, math.inf):
                        dist[nxt] = nd
                        heapq.heappush(heap, (nd, nxt))
            self._cache[source] = dist
        return self._cache[source]

    def minutes(self, a: str | None, b: str | None) -> float:
        if a is None or b is None or a == b:
            return 0.0
        found = self._from(a).get(b)
        if found is not None:
            return found
        return float(self.default) if self.default is not None else 0.0


# ----------------------------------------------------------------------------- job rules


def _interval(slot: Slot) -> tuple[int, int]:
    """Minutes from Monday 00:00; a Sunday-night end lies past the end of the week."""
    return slot.day * DAY + slot.start, slot.day * DAY + slot.end


def _fmt(minute: int) -> str:
    minute %= WEEK
    day, rest = divmod(minute, DAY)
    return f"{DAY_CODES[day]} {rest // 60:02d}:{rest % 60:02d}"


def _pair_violations(job_id: str, a: Task, b: Task, travel: _Travel) -> Iterable[Violation]:
    """Overlap and travel between two tasks' slots, on the weekly circle."""
    need = travel.minutes(a.location, b.location)
    for sa in a.slots:
        a0, a1 = _interval(sa)
        for sb in b.slots:
            for shift in (-WEEK, 0, WEEK):  # the week repeats: Sunday night meets Monday
                b0, b1 = (m + shift for m in _interval(sb))
                if a0 < b1 and b0 < a1:
                    yield Violation(
                        "overlap",
                        job_id,
                        f"{a.id} ({_fmt(a0)}-{_fmt(a1)}) overlaps {b.id} ({_fmt(b0)}-{_fmt(b1)})",
                    )
                    continue
                if b0 >= a1:
                    first, second, end, start = a, b, a1, b0
                else:
                    first, second, end, start = b, a, b1, a0
                if start - end < need - 1e-9:
                    yield Violation(
                        "travel",
                        job_id,
                        f"{first.id} at {first.location} ends {_fmt(end)}, {second.id} at "
                        f"{second.location} starts {_fmt(start)}: {start - end} min, "
                        f"travel needs {need:g} min",
                    )


def _limit(value: float | None) -> int | None:
    """An hours rule in whole minutes, so that 20.0 h and 1200 min compare exactly."""
    return None if value is None else round(value * 60)


def _job_rule_violations(
    job_id: str, tasks: list[Task], policy: Policy, travel: _Travel
) -> list[Violation]:
    out: list[Violation] = []
    for i, a in enumerate(tasks):
        for b in tasks[i + 1 :]:
            out.extend(_pair_violations(job_id, a, b, travel))

    slots = [s for t in tasks for s in t.slots]
    total = sum(s.end - s.start for s in slots)
    low, high = _limit(policy.min_hours), _limit(policy.max_hours)
    if low is not None and total < low:
        out.append(
            Violation(
                "min_hours", job_id, f"{total / 60:g} h per week, below {policy.min_hours:g} h"
            )
        )
    if high is not None and total > high:
        out.append(
            Violation(
                "max_hours", job_id, f"{total / 60:g} h per week, above {policy.max_hours:g} h"
            )
        )

    suppliers = sorted({t.supplier for t in tasks})
    if policy.max_suppliers is not None and len(suppliers) > policy.max_suppliers:
        out.append(
            Violation(
                "max_suppliers",
                job_id,
                f"{len(suppliers)} suppliers ({', '.join(suppliers)}), "
                f"at most {policy.max_suppliers}",
            )
        )

    day_max, day_min = _limit(policy.max_hours_per_day), _limit(policy.min_hours_per_day)
    span_max = _limit(policy.max_span_hours)
    for day in range(7):
        today = [s for s in slots if s.day == day]
        if not today:
            continue
        worked = sum(s.end - s.start for s in today)
        span = max(s.end for s in today) - min(s.start for s in today)
        name = DAY_CODES[day]
        if day_max is not None and worked > day_max:
            out.append(
                Violation(
                    "max_hours_per_day",
                    job_id,
                    f"{worked / 60:g} h on {name}, above {policy.max_hours_per_day:g} h",
                )
            )
        if day_min is not None and worked < day_min:
            out.append(
                Violation(
                    "min_hours_per_day",
                    job_id,
                    f"{worked / 60:g} h on {name}, below {policy.min_hours_per_day:g} h",
                )
            )
        if span_max is not None and span > span_max:
            out.append(
                Violation(
                    "max_span_hours",
                    job_id,
                    f"{span / 60:g} h from first start to last end on {name}, "
                    f"above {policy.max_span_hours:g} h",
                )
            )
    out.extend(_week_shape_violations(job_id, tasks, policy))
    return out


def _week_shape_violations(job_id: str, tasks: list[Task], policy: Policy) -> list[Violation]:
    """The humane-week rules: waits between tasks, working days, locations."""
    out: list[Violation] = []
    slots = sorted((s for t in tasks for s in t.slots), key=lambda s: (s.day, s.start))
    gap_max = _limit(policy.max_gap_hours)
    if gap_max is not None:
        for day in range(7):
            today = [s for s in slots if s.day == day]
            busy_until = today[0].end if today else 0
            for s in today[1:]:
                wait = s.start - busy_until
                if wait > gap_max:
                    out.append(
                        Violation(
                            "max_gap_hours",
                            job_id,
                            f"{wait / 60:g} h waiting before {_fmt(day * DAY + s.start)}, "
                            f"above {policy.max_gap_hours:g} h",
                        )
                    )
                busy_until = max(busy_until, s.end)
    days = sorted({s.day for s in slots})
    if policy.max_days is not None and len(days) > policy.max_days:
        out.append(
            Violation(
                "max_days",
                job_id,
                f"{len(days)} working days ({', '.join(DAY_CODES[d] for d in days)}), "
                f"at most {policy.max_days}",
            )
        )
    places = sorted({t.location for t in tasks if t.location})
    if policy.max_locations is not None and len(places) > policy.max_locations:
        out.append(
            Violation(
                "max_locations",
                job_id,
                f"{len(places)} locations ({', '.join(places)}), at most {policy.max_locations}",
            )
        )
    return out


def _field_violations(job: Mapping[str, Any], job_id: str, tasks: list[Task]) -> list[Violation]:
    """The job's echoed fields (suppliers, hours, days) must describe its tasks."""
    out: list[Violation] = []
    suppliers = {t.supplier for t in tasks}
    listed = job.get("suppliers")
    if not _is_text_list(listed) or set(listed) != suppliers or len(listed) != len(suppliers):
        out.append(
            Violation("suppliers", job_id, f"lists {listed!r}, tasks come from {sorted(suppliers)}")
        )
    minutes = sum(s.end - s.start for t in tasks for s in t.slots)
    hours = job.get("hours_per_week")
    if not _is_number(hours) or abs(hours - minutes / 60) > HOURS_TOLERANCE:
        out.append(
            Violation(
                "hours_per_week", job_id, f"lists {hours!r} h, tasks sum to {minutes / 60:g} h"
            )
        )
    days = [DAY_CODES[d] for d in sorted({s.day for t in tasks for s in t.slots})]
    listed_days = job.get("days")
    if (
        not _is_text_list(listed_days)
        or sorted(listed_days, key=lambda d: DAY_CODES.index(d) if d in DAY_CODES else 99) != days
    ):
        out.append(Violation("days", job_id, f"lists {listed_days!r}, tasks work on {days}"))
    return out


# ----------------------------------------------------------------------------- entry point


def _policy_of(solution: Mapping[str, Any]) -> Policy:
    values = solution.get("policy")
    if not isinstance(values, Mapping):
        raise PolicyError("the solution has no 'policy' object")
    missing = [key for key in FIRST_KEYS if key not in values]
    if missing:
        raise PolicyError(f"the solution's policy misses {', '.join(missing)}")
    try:
        # A rule newer than the file was off when it was made.
        return Policy(**{key: values.get(key) for key in POLICY_KEYS})
    except (TypeError, ValueError, OverflowError) as exc:  # PolicyError is a ValueError
        raise PolicyError(f"the solution's policy cannot be used: {exc}") from None


def check_solution(
    instance: Instance,
    solution: Mapping[str, Any],
    policy: Policy | None = None,
    *,
    locks: Locks | None = None,
    forbid_pairs: Iterable[tuple[str, str]] | None = None,
) -> list[Violation]:
    """Every way ``solution`` breaks the rules for ``instance``; empty when it is sound.

    With ``policy`` ``None`` the policy echoed in the solution is checked against,
    so a solution is judged by the rules it claims to keep; likewise ``locks``
    and ``forbid_pairs`` default to the solution's ``locks`` and
    ``forbidden_pairs`` echo (see :mod:`combibaan.check_locks`). Alternative
    proposals, if any, are checked by the same rules.
    """
    out: list[Violation] = []
    if policy is None:
        try:
            policy = _policy_of(solution)
        except PolicyError as exc:
            return [Violation("policy", None, str(exc))]
    travel = _Travel(instance, policy.travel_minutes)
    known = {t.id: t for t in instance.tasks}

    jobs = solution.get("jobs")
    if not isinstance(jobs, list):
        out.append(Violation("structure", None, "'jobs' is missing or not a list"))
        jobs = []
    job_ids: Counter[str] = Counter()
    assigned: dict[str, str] = {}
    for n, job in enumerate(jobs):
        if not isinstance(job, Mapping):
            out.append(Violation("structure", None, f"jobs[{n}] is not an object"))
            continue
        job_id = str(job.get("job_id", f"#{n + 1}"))
        job_ids[job_id] += 1
        task_ids = job.get("task_ids")
        if not isinstance(task_ids, list) or not task_ids:
            out.append(Violation("structure", job_id, "has no list of task_ids"))
            continue
        tasks: list[Task] = []
        for task_id in task_ids:
            if not isinstance(task_id, str):
                out.append(Violation("structure", job_id, f"task id {_shown(task_id)} is not text"))
                continue
            if task_id not in known:
                out.append(
                    Violation("unknown_task", job_id, f"task {task_id!r} is not in the instance")
                )
                continue
            if task_id in assigned:
                where = assigned[task_id]
                out.append(
                    Violation(
                        "duplicate_task",
                        job_id,
                        f"task {task_id} is already in job {where}"
                        if where != job_id
                        else f"task {task_id} is listed twice",
                    )
                )
                continue
            assigned[task_id] = job_id
            tasks.append(known[task_id])
        if not tasks:
            continue
        out.extend(_job_rule_violations(job_id, tasks, policy, travel))
        out.extend(_field_violations(job, job_id, tasks))

    out.extend(
        Violation("duplicate_job_id", job_id, f"job id used {count} times")
        for job_id, count in job_ids.items()
        if count > 1
    )
    out.extend(_unassigned_violations(solution, known, assigned))
    placed = sum(s.end - s.start for task_id in assigned for s in known[task_id].slots) / 60
    out.extend(_status_violations(solution, len(jobs), placed))
    out.extend(_workshop_violations(instance, solution, policy, jobs, known, locks, forbid_pairs))
    return out


def _workshop_violations(
    instance: Instance,
    solution: Mapping[str, Any],
    policy: Policy,
    jobs: list[Any],
    known: Mapping[str, Task],
    locks: Locks | None,
    forbid_pairs: Iterable[tuple[str, str]] | None,
) -> list[Violation]:
    """Locks, forbidden supplier pairs and alternative proposals."""
    out: list[Violation] = []
    if locks is None:
        locks, problems = echoed_locks(solution)
        out.extend(Violation("locks", None, p) for p in problems)
    if forbid_pairs is None:
        forbid_pairs, problems = echoed_pairs(solution)
        out.extend(Violation("locks", None, p) for p in problems)
    forbid_pairs = tuple(forbid_pairs)
    listed = _job_task_lists(jobs, known)
    out.extend(Violation(*p) for p in lock_problems(instance, listed, locks, forbid_pairs))
    if "alternatives" in solution:
        out.extend(_alternative_violations(instance, solution, policy, listed, locks, forbid_pairs))
    return out


def _job_task_lists(jobs: list[Any], known: Mapping[str, Task]) -> list[tuple[str, list[str]]]:
    return [
        (
            str(job.get("job_id", f"#{n + 1}")),
            [t for t in job["task_ids"] if isinstance(t, str) and t in known],
        )
        for n, job in enumerate(jobs)
        if isinstance(job, Mapping) and isinstance(job.get("task_ids"), list)
    ]


def _alternative_violations(
    instance: Instance,
    solution: Mapping[str, Any],
    policy: Policy,
    best_jobs: list[tuple[str, list[str]]],
    locks: Locks | None,
    forbid_pairs: tuple[tuple[str, str], ...],
) -> list[Violation]:
    """Each alternative keeps every rule, differs from all before it and is no better than
    the best when that is proven optimal; its deltas match its jobs."""
    items = solution.get("alternatives")
    if not isinstance(items, list):
        return [Violation("structure", None, "'alternatives' must be a list")]
    out: list[Violation] = []
    known = {t.id: t for t in instance.tasks}
    seen = [frozenset(frozenset(ids) for _, ids in best_jobs)]
    best_minutes = _minutes_of(best_jobs, known)
    for n, item in enumerate(items, start=1):
        if not isinstance(item, Mapping) or not isinstance(item.get("jobs"), list):
            out.append(Violation("structure", None, f"alternatives[{n - 1}] has no 'jobs' list"))
            continue
        rank = item.get("rank", n)
        own = {
            "policy": solution.get("policy"),
            "status": "feasible",
            "jobs_bound": solution.get("jobs_bound"),
            "jobs": item["jobs"],
            "unassigned": item.get("unassigned", []),
        }
        found = check_solution(instance, own, policy, locks=locks, forbid_pairs=forbid_pairs)
        out.extend(Violation(v.rule, v.job_id, v.message, rank) for v in found)
        listed = _job_task_lists(item["jobs"], known)
        sets = frozenset(frozenset(ids) for _, ids in listed)
        if sets in seen:
            out.append(
                Violation(
                    "alternative_duplicate",
                    None,
                    "has the same jobs as the best proposal or an earlier alternative",
                    rank,
                )
            )
        seen.append(sets)
        jobs_delta = len(listed) - len(best_jobs)
        hours_delta = (_minutes_of(listed, known) - best_minutes) / 60
        claimed_hours = item.get("hours_delta", hours_delta)
        if (
            item.get("jobs_delta", jobs_delta) != jobs_delta
            or not _is_number(claimed_hours)
            or abs(claimed_hours - hours_delta) > HOURS_TOLERANCE
        ):
            out.append(
                Violation(
                    "alternative_delta",
                    None,
                    f"lists jobs_delta {item.get('jobs_delta')!r} and hours_delta "
                    f"{item.get('hours_delta')!r}; its jobs give {jobs_delta} and "
                    f"{hours_delta:g}",
                    rank,
                )
            )
        if solution.get("status") == "optimal" and (jobs_delta, hours_delta) > (0, 1e-9):
            out.append(
                Violation(
                    "alternative_better",
                    None,
                    f"{jobs_delta:+d} jobs and {hours_delta:+g} h against a best proposal "
                    "claimed optimal",
                    rank,
                )
            )
    return out


def _minutes_of(jobs: list[tuple[str, list[str]]], known: Mapping[str, Task]) -> int:
    return sum(s.end - s.start for _, ids in jobs for t in ids for s in known[t].slots)


def _unassigned_violations(
    solution: Mapping[str, Any], known: Mapping[str, Task], assigned: Mapping[str, str]
) -> list[Violation]:
    out: list[Violation] = []
    items = solution.get("unassigned")
    if not isinstance(items, list):
        return [Violation("structure", None, "'unassigned' is missing or not a list")]
    listed: Counter[str] = Counter()
    for item in items:
        if not isinstance(item, Mapping) or "task_id" not in item:
            out.append(Violation("structure", None, f"unassigned entry {item!r} has no task_id"))
            continue
        task_id = item["task_id"]
        if not isinstance(task_id, str):
            out.append(
                Violation("structure", None, f"unassigned task id {_shown(task_id)} is not text")
            )
            continue
        listed[task_id] += 1
        reason = item.get("reason")
        if task_id not in known:
            out.append(
                Violation(
                    "unknown_task", None, f"unassigned task {task_id!r} is not in the instance"
                )
            )
        elif task_id in assigned:
            out.append(
                Violation(
                    "unassigned",
                    None,
                    f"task {task_id} is listed as unassigned but is in job {assigned[task_id]}",
                )
            )
        if not isinstance(reason, str) or not reason.strip():
            out.append(Violation("unassigned", None, f"unassigned task {task_id} has no reason"))
    for task_id, count in listed.items():
        if count > 1:
            out.append(
                Violation(
                    "unassigned", None, f"task {task_id} is listed as unassigned {count} times"
                )
            )
    for task_id in known:
        if task_id not in assigned and task_id not in listed:
            out.append(
                Violation(
                    "unassigned", None, f"task {task_id} is in no job and not listed as unassigned"
                )
            )
    return out


def _status_violations(
    solution: Mapping[str, Any], n_jobs: int, hours_placed: float
) -> list[Violation]:
    """What the solution claims about itself: status, bounds and how it stopped."""
    out: list[Violation] = []
    status = solution.get("status")
    bound = solution.get("jobs_bound")
    if status not in STATUSES:
        out.append(
            Violation(
                "status", None, f"status {_shown(status)} is not one of {', '.join(STATUSES)}"
            )
        )
    jobs_status = solution.get("jobs_status")
    if "jobs_status" in solution and jobs_status not in STATUSES:
        out.append(
            Violation(
                "status",
                None,
                f"jobs_status {_shown(jobs_status)} is not one of {', '.join(STATUSES)}",
            )
        )
    stopped = solution.get("stopped")
    if "stopped" in solution and stopped not in STOPS:
        out.append(
            Violation("status", None, f"stopped {_shown(stopped)} is not one of {', '.join(STOPS)}")
        )
    hours_bound = solution.get("hours_bound")
    if hours_bound is not None:
        if not _is_number(hours_bound):
            out.append(
                Violation("hours_bound", None, f"hours_bound {_shown(hours_bound)} is not a number")
            )
        elif hours_placed > hours_bound + HOURS_TOLERANCE:
            out.append(
                Violation(
                    "hours_bound",
                    None,
                    f"{hours_placed:g} h placed, more than the proven bound {hours_bound:g} h",
                )
            )
    if bound is not None and not _is_count(bound):
        return [*out, Violation("jobs_bound", None, f"jobs_bound {_shown(bound)} is not a count")]
    if bound is not None and n_jobs > bound:
        out.append(
            Violation("jobs_bound", None, f"{n_jobs} jobs, more than the proven bound {bound:g}")
        )
    for key, claim in (("status", status), ("jobs_status", jobs_status)):
        if claim == "optimal" and n_jobs != bound:
            out.append(
                Violation(
                    "jobs_bound",
                    None,
                    f"{key} optimal, but {n_jobs} jobs while the bound is {bound}",
                )
            )
    return out
