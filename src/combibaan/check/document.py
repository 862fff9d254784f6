"""Reading ``solution.json`` and the shape of its content: keys, types, sane numbers.

A file that fails here is no solution at all (exit 2), which is a different
answer from a solution that breaks a rule (exit 1). Its problems are phrases of
:data:`combibaan.texts.VIOLATIONS` too, worded in the run's language at the edge.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, TypeGuard

from combibaan.check.base import said
from combibaan.io.errors import InputError, Problem
from combibaan.model.phrase import Phrase
from combibaan.model.task import Task

SOLUTION_KEYS = ("status", "jobs_bound", "policy", "jobs", "unassigned")
JOB_KEYS = ("job_id", "task_ids", "suppliers", "hours_per_week", "days")
#: What each entry of a job's ``schedule`` holds.
SCHEDULE_KEYS = ("task_id", "day", "start", "end")
#: What every echoed candidate holds; its hours, competencies and tasks may be left out.
CANDIDATE_KEYS = ("candidate_id", "windows")

#: Beyond this no number in a solution is hours, a count or seconds: the file is broken.
MAX_NUMBER = 1e12
#: A solution of 5,000 tasks takes a few MB; far beyond that it is something else.
MAX_BYTES = 200 * 10**6


def load_solution(path: str | Path) -> dict[str, Any]:
    """Read ``solution.json``; an :class:`InputError` naming the file when it is unusable.

    Unusable means it cannot be read as a solution at all: not JSON, not an
    object, a missing key, a value of the wrong type (a list where a task id
    belongs, text where hours belong), or a number JSON does not allow (NaN,
    Infinity) or no solution can hold (1e309). The command line exits 2 on
    these. Whether well-formed content keeps the rules is
    :func:`~combibaan.check.check_solution`'s job (exit 1).
    """
    source = str(path)
    file = Path(path)
    if file.exists() and not file.is_file():  # a folder, or /dev/zero: never read without end
        raise InputError(Problem(source, said("not_a_file")))
    try:
        if file.exists() and file.stat().st_size > MAX_BYTES:
            raise InputError(Problem(source, said("too_large", mb=MAX_BYTES // 10**6)))
        # utf-8-sig: a solution saved again by a Windows editor starts with a BOM.
        raw = file.read_bytes()
        if raw.startswith(b"PK\x03\x04"):  # proposals.xlsx given where solution.json belongs
            raise InputError(Problem(source, said("workbook_not_solution")))
        text = raw.decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
        raise InputError(Problem(source, said("unreadable", error=str(reason)))) from None
    try:
        data = json.loads(
            text, parse_constant=_no_constant, parse_float=_finite_float, parse_int=_sane_int
        )
    except _BadNumber as exc:
        raise InputError(Problem(source, exc.phrase)) from None
    except json.JSONDecodeError as exc:
        where = {"line": str(exc.lineno), "column": str(exc.colno)}
        raise InputError(Problem(source, said("not_json", **where, error=exc.msg))) from None
    except (RecursionError, ValueError) as exc:
        raise InputError(Problem(source, said("json_unreadable", error=str(exc)))) from None
    if not isinstance(data, dict):
        raise InputError(Problem(source, said("not_an_object")))
    problems = [
        Problem(source, said("missing_key", key=repr(key)))
        for key in SOLUTION_KEYS
        if key not in data
    ]
    if not problems:
        problems = [Problem(source, message) for message in shape_problems(data)]
    if problems:
        raise InputError(problems)
    return data


class _BadNumber(ValueError):
    """A number in the JSON text that no solution can hold; ``phrase`` says which."""

    def __init__(self, phrase: Phrase) -> None:
        super().__init__(phrase.code)
        self.phrase = phrase


def _no_constant(name: str) -> float:
    raise _BadNumber(said("not_json_number", value=name))


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value) or abs(value) > MAX_NUMBER:
        raise _BadNumber(said("too_large_number", value=text[:30]))
    return value


def _sane_int(text: str) -> int:
    if len(text.lstrip("-")) > 13:
        raise _BadNumber(said("too_large_number", value=text[:30]))
    return int(text)


def shown(value: Any) -> str:
    """A value as a message quotes it: its repr, cut short."""
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def is_text(value: Any) -> bool:
    return isinstance(value, str)


def is_number(value: object) -> TypeGuard[int | float]:
    """A finite number (not a boolean) of a sane size."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    # abs() first: math.isfinite of a 400-digit integer overflows.
    return abs(value) <= MAX_NUMBER and math.isfinite(value)


def is_count(value: Any) -> bool:
    return is_number(value) and value >= 0 and float(value).is_integer()


def is_text_list(value: object) -> TypeGuard[list[str]]:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


def is_bool(value: object) -> TypeGuard[bool]:
    return isinstance(value, bool)


#: What a test expects, as a phrase code (``must_be`` says it).
_EXPECTED: dict[Callable[[Any], bool], str] = {
    is_text: "a_text",
    is_number: "a_number",
    is_count: "a_count",
    is_text_list: "a_text_list",
    is_bool: "a_boolean",
}


def _must_be(where: str, expected: str, value: Any, *, optional: bool = False) -> Phrase:
    """``jobs[2].task_ids[0] must be text, got [1, 2]``, as a phrase."""
    nothing = said("or_null") if optional else ""
    return said(
        "must_be", where=where, expected=said(expected), nothing=nothing, value=shown(value)
    )


def shape_problems(data: Mapping[str, Any]) -> list[Phrase]:
    """Every way ``data`` is not shaped like a ``solution.json``, each naming where.

    Types only (and numbers that no solution can hold): ``jobs[2].task_ids[0]
    must be text, got [1, 2]``. Keys that may be missing here are checked
    by :func:`~combibaan.check.check_solution`, which reports them as violations.
    """
    found: list[Phrase] = []

    def expect(value: Any, where: str, test: Any, *, optional: bool = False) -> None:
        if optional and value is None:
            return
        if not test(value):
            found.append(_must_be(where, _EXPECTED[test], value, optional=optional))

    expect(data.get("status"), "'status'", is_text)
    expect(data.get("jobs_bound"), "'jobs_bound'", is_count, optional=True)
    expect(data.get("hours_bound"), "'hours_bound'", is_number, optional=True)
    expect(data.get("jobs_status"), "'jobs_status'", is_text, optional=True)
    expect(data.get("stopped"), "'stopped'", is_text, optional=True)
    policy = data.get("policy")
    if not isinstance(policy, dict):
        found.append(_must_be("'policy'", "an_object", policy))
    elif "cover" in policy:
        expect(policy["cover"], "policy.cover", is_bool)
    found.extend(_jobs_shape(data.get("jobs"), "jobs", expect))
    found.extend(_unassigned_shape(data.get("unassigned"), "unassigned"))
    locks = data.get("locks")
    if locks is not None:
        if not isinstance(locks, list):
            found.append(_must_be("'locks'", "a_list", locks))
        else:
            for i, lock in enumerate(locks):
                if not isinstance(lock, dict):
                    found.append(_must_be(f"locks[{i}]", "an_object", lock))
                    continue
                expect(lock.get("rule"), f"locks[{i}].rule", is_text)
                found.extend(_text_list_problems(lock.get("task_ids"), f"locks[{i}].task_ids"))
    pairs = data.get("forbidden_pairs")
    if pairs is not None and not (
        isinstance(pairs, list) and all(is_text_list(p) and len(p) == 2 for p in pairs)
    ):
        found.append(_must_be("'forbidden_pairs'", "a_pair_list", pairs))
    if "summary" in data and not isinstance(data["summary"], dict):
        found.append(_must_be("'summary'", "an_object", data["summary"]))
    start = data.get("at_window_start")
    if start is not None and not isinstance(start, dict):
        found.append(_must_be("'at_window_start'", "an_object", start))
    elif start is not None:
        expect(start.get("jobs"), "at_window_start.jobs", is_count)
        expect(start.get("hours"), "at_window_start.hours", is_number)
        expect(start.get("jobs_status"), "at_window_start.jobs_status", is_text)
    if "only_candidates" in data:
        expect(data["only_candidates"], "'only_candidates'", is_bool)
    if data.get("candidates") is not None:
        found.extend(_candidates_shape(data["candidates"], expect))
    others = data.get("alternatives")
    if others is not None:
        if not isinstance(others, list):
            found.append(_must_be("'alternatives'", "a_list", others))
        else:
            for i, item in enumerate(others):
                where = f"alternatives[{i}]"
                if not isinstance(item, dict):
                    found.append(_must_be(where, "an_object", item))
                    continue
                found.extend(_jobs_shape(item.get("jobs"), f"{where}.jobs", expect))
                if "unassigned" in item:
                    found.extend(_unassigned_shape(item["unassigned"], f"{where}.unassigned"))
                for key, test in (
                    ("rank", is_count),
                    ("hours_delta", is_number),
                    ("equally_good", is_bool),
                    ("proven_optimal", is_bool),
                ):
                    expect(item.get(key), f"{where}.{key}", test, optional=True)
                if "summary" in item and not isinstance(item["summary"], dict):
                    found.append(_must_be(f"{where}.summary", "an_object", item["summary"]))
                delta = item.get("jobs_delta")
                if delta is not None and not (is_number(delta) and float(delta).is_integer()):
                    found.append(_must_be(f"{where}.jobs_delta", "a_whole_number", delta))
    return found


def _objects(
    items: Any, where: str, shown_as: str, keys: Sequence[str]
) -> tuple[list[Phrase], list[tuple[str, dict[str, Any]]]]:
    """A list of objects that each hold ``keys``: what is wrong with its shape, and each
    object (with where it is: ``jobs[2]``) for the caller to look into."""
    if not isinstance(items, list):
        return [_must_be(shown_as, "a_list", items)], []
    found: list[Phrase] = []
    objects: list[tuple[str, dict[str, Any]]] = []
    for n, item in enumerate(items):
        at = f"{where}[{n}]"
        if not isinstance(item, dict):
            found.append(_must_be(at, "an_object", item))
            continue
        found.extend(said("misses_key", where=at, key=repr(key)) for key in keys if key not in item)
        objects.append((at, item))
    return found, objects


def _jobs_shape(jobs: Any, where: str, expect: Any) -> list[Phrase]:
    found, objects = _objects(jobs, where, f"'{where}'", JOB_KEYS)
    for at, job in objects:
        if "job_id" in job:
            expect(job["job_id"], f"{at}.job_id", is_text)
        if "hours_per_week" in job:
            expect(job["hours_per_week"], f"{at}.hours_per_week", is_number)
        if "candidate" in job:
            expect(job["candidate"], f"{at}.candidate", is_text, optional=True)
        for key in ("task_ids", "suppliers", "days", "locations", "competencies"):
            if key in job:
                found.extend(_text_list_problems(job[key], f"{at}.{key}"))
        if job.get("schedule") is not None:
            found.extend(_schedule_shape(job["schedule"], f"{at}.schedule"))
    return found


def _schedule_shape(entries: Any, where: str) -> list[Phrase]:
    """A list of objects whose ``task_id``, ``day``, ``start`` and ``end`` are text (their
    values are the check's to judge: an unknown day or task is a violation)."""
    found, objects = _objects(entries, where, where, SCHEDULE_KEYS)
    for at, entry in objects:
        found.extend(
            _must_be(f"{at}.{key}", "a_text", entry[key])
            for key in SCHEDULE_KEYS
            if key in entry and not isinstance(entry[key], str)
        )
    return found


def _candidates_shape(items: Any, expect: Any) -> list[Phrase]:
    """The echoed candidates: a code, windows of a day and two times as text, hours as
    numbers, competencies and tasks as lists of text (the tasks may be null)."""
    found, objects = _objects(items, "candidates", "'candidates'", CANDIDATE_KEYS)
    for at, item in objects:
        if "candidate_id" in item:
            expect(item["candidate_id"], f"{at}.candidate_id", is_text)
        for key in ("min_hours", "max_hours"):
            expect(item.get(key), f"{at}.{key}", is_number, optional=True)
        if "competencies" in item:
            found.extend(_text_list_problems(item["competencies"], f"{at}.competencies"))
        if item.get("eligible_task_ids") is not None:
            where = f"{at}.eligible_task_ids"
            found.extend(_text_list_problems(item["eligible_task_ids"], where))
        windows = item.get("windows", [])
        if not isinstance(windows, list):
            found.append(_must_be(f"{at}.windows", "a_list", windows))
            continue
        for j, window in enumerate(windows):
            if not isinstance(window, dict):
                found.append(_must_be(f"{at}.windows[{j}]", "an_object", window))
                continue
            for key in ("day", "start", "end"):
                expect(window.get(key), f"{at}.windows[{j}].{key}", is_text)
    return found


def _text_list_problems(items: Any, where: str) -> list[Phrase]:
    """A list of texts, or where it is not: ``jobs[0].task_ids[1] must be text, got [1, 2]``."""
    if not isinstance(items, list):
        return [_must_be(where, "a_text_list", items)]
    return [
        _must_be(f"{where}[{n}]", "a_text", item)
        for n, item in enumerate(items)
        if not isinstance(item, str)
    ]


def _unassigned_shape(items: Any, where: str) -> list[Phrase]:
    if not isinstance(items, list):
        return [_must_be(f"'{where}'", "a_list", items)]
    found = []
    for i, item in enumerate(items):
        if not isinstance(item, dict) or "task_id" not in item:
            found.append(_must_be(f"{where}[{i}]", "an_object_with_task_id", item))
        elif not isinstance(item["task_id"], str):
            found.append(_must_be(f"{where}[{i}].task_id", "a_text", item["task_id"]))
    return found


def job_task_lists(jobs: list[Any], known: Mapping[str, Task]) -> list[tuple[str, list[str]]]:
    """Each readable job as ``(job_id, known task ids)``: what locks and alternatives compare."""
    return [
        (
            str(job.get("job_id", f"#{n + 1}")),
            [t for t in job["task_ids"] if isinstance(t, str) and t in known],
        )
        for n, job in enumerate(jobs)
        if isinstance(job, Mapping) and isinstance(job.get("task_ids"), list)
    ]
