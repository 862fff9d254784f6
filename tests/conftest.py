"""Shared builders for the solver, optimality, property and CLI tests.

Tasks are written the way people write them in the task list
(``make_task("A1", "Asito", "ma-vr 07:00-10:00", location="Educatorium")``) and
parsed with :mod:`combibaan.io.parsing`, so the tests read like the workshop.
"""

from __future__ import annotations

import importlib.util
import random
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from types import ModuleType

import pytest

import combibaan
from combibaan.io.parsing import parse_days, parse_time
from combibaan.model import MINUTES_PER_DAY, MINUTES_PER_WEEK, Instance, Slot, Task, Window
from combibaan.model.instance import TravelEdge
from combibaan.result import Result
from combibaan.rules import Policy
from combibaan.texts import render

# A suite started in the background (``pytest &`` from a script) inherits SIGINT ignored,
# and so does every process it starts: the Ctrl-C tests would then press a key nobody
# listens to. Ctrl-C is restored, for this process and the ones it starts.
if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)

ROOT = Path(__file__).resolve().parent.parent
INSTANCES = ROOT / "instances"

#: Every rule off: tests switch on the one rule they are about.
ALL_OFF = Policy(
    min_hours=None,
    max_hours=None,
    max_suppliers=None,
    max_hours_per_day=None,
    min_hours_per_day=None,
    max_span_hours=None,
    travel_minutes=None,
)


# ----------------------------------------------------------------------------- builders


def slots(spec: str) -> tuple[Slot, ...]:
    """``"ma-vr 07:00-10:00; za 22:00-02:00"`` -> slots; an end before the start passes midnight."""
    result: list[Slot] = []
    for part in spec.split(";"):
        days, times = part.strip().rsplit(" ", 1)
        start_text, end_text = times.split("-")
        start, end = parse_time(start_text), parse_time(end_text, is_end=True)
        if end <= start:
            end += MINUTES_PER_DAY
        result.extend(Slot(day, start, end) for day in parse_days(days))
    return tuple(sorted(result))


def make_task(
    task_id: str, supplier: str, spec: str, *, location: str | None = None, **fields: object
) -> Task:
    return Task(task_id, supplier, slots(spec), location=location, **fields)  # type: ignore[arg-type]


def make_instance(
    *tasks: Task, travel: Iterable[tuple[str, str, float]] = (), name: str = "test"
) -> Instance:
    return Instance(tuple(tasks), tuple(TravelEdge(a, b, m) for a, b, m in travel), name=name)


def policy(**rules: object) -> Policy:
    """Every rule off except the ones given."""
    return ALL_OFF.replace(**rules)


def read(name: str) -> Instance:
    """An instance shipped in ``instances/`` (tasks.csv plus travel.csv)."""
    folder = INSTANCES / name
    return combibaan.read_instance(folder / "tasks.csv", travel=folder / "travel.csv")


# ----------------------------------------------------------------------------- assertions


def assert_sound(result: Result) -> None:
    """What every result must satisfy, whatever the instance, policy or time limit."""
    assert combibaan.check_result(result) == []
    assert combibaan.check_solution(result.instance, result.to_dict()) == []
    placed = [t for job in result.solution.jobs for t in job.task_ids]
    left = [u.task_id for u in result.solution.unassigned]
    assert len(placed) == len(set(placed)), "a task is in two jobs"
    assert sorted(placed + left) == sorted(t.id for t in result.instance.tasks)
    assert all(render(u.reason, "nl").strip() for u in result.solution.unassigned)
    assert result.jobs_bound is not None and result.jobs_bound >= result.num_jobs
    if result.status == "optimal":
        assert result.jobs_bound == result.num_jobs


def solve_checked(instance: Instance, rules: Policy, **options: object) -> Result:
    options.setdefault("time_limit", 20.0)
    result = combibaan.solve(instance, rules, **options)  # type: ignore[arg-type]
    assert_sound(result)
    return result


def groups(result: Result) -> set[frozenset[str]]:
    """The jobs as sets of task ids, to compare without caring for order or numbering."""
    return {frozenset(job.task_ids) for job in result.solution.jobs}


def minutes_placed(result: Result) -> int:
    return sum(job.minutes_per_week for job in result.solution.jobs)


# ----------------------------------------------------------------------------- random instances

SUPPLIERS = ("Asito", "Sodexo", "Maas", "Securitas")
LOCATIONS = ("L1", "L2", "L3", "L4")
#: Not in any travel table: only the default travel time applies.
FAR = "Elders"
STARTS = (0, 5, 6, 6.25, 7, 9, 10, 10.25, 11, 12.5, 13, 13.75, 14, 16, 17, 19, 21, 22, 23)
LENGTHS = (1, 1.5, 2, 2.75, 3, 4, 5, 6, 8)
#: Day patterns: the working week, single days, and the weekend running into Monday.
DAY_PATTERNS = ((0, 1, 2, 3, 4), (0, 2, 4), (1, 3), (0,), (6,), (5, 6), (6, 0), None)


def _overlapping(a: Slot, b: Slot) -> bool:
    return any(
        a.week_start < b.week_end + shift and b.week_start + shift < a.week_end
        for shift in (-MINUTES_PER_WEEK, 0, MINUTES_PER_WEEK)
    )


def random_task(rng: random.Random, task_id: str, suppliers: tuple[str, ...]) -> Task:
    """One task of one or two slot patterns that never overlap each other (times may pass
    midnight, also on Sunday night)."""
    while True:
        result: list[Slot] = []
        for _ in range(1 if rng.random() < 0.75 else 2):
            kind = rng.random()
            if kind < 0.15:  # a night shift, often Sunday night into Monday
                days = rng.choice(((6,), (6,), (5, 6), (4,)))
                start, length = rng.choice((20, 21, 22, 23)), rng.choice((4, 6, 8))
            elif kind < 0.3:  # an early morning, often on Monday
                days = rng.choice(((0,), (0,), (0, 1, 2, 3, 4), (0, 2)))
                start, length = rng.choice((4, 5, 5.5, 6)), rng.choice((2, 3, 4))
            else:
                days = rng.choice(DAY_PATTERNS) or rng.sample(range(7), rng.randint(1, 4))
                start, length = rng.choice(STARTS), rng.choice(LENGTHS)
            start = round(start * 60)
            end = start + round(length * 60)
            result.extend(Slot(d, start, end) for d in days)
        clash = any(_overlapping(a, b) for i, a in enumerate(result) for b in result[i + 1 :])
        if not clash:
            break
    location = rng.choice((*LOCATIONS, FAR, None))
    return Task(task_id, rng.choice(suppliers), tuple(sorted(result)), location=location)


def random_instance(rng: random.Random, n_tasks: int) -> Instance:
    suppliers = SUPPLIERS[: rng.randint(1, len(SUPPLIERS))]
    tasks = [random_task(rng, f"T{i}", suppliers) for i in range(1, n_tasks + 1)]
    pairs = [(a, b) for i, a in enumerate(LOCATIONS) for b in LOCATIONS[i + 1 :]]
    travel = [(a, b, rng.choice((0, 3, 10, 20, 45))) for a, b in pairs if rng.random() < 0.5]
    return make_instance(*tasks, travel=travel, name="random")


def with_windows(rng: random.Random, instance: Instance, share: float = 0.35) -> Instance:
    """``instance`` with about ``share`` of its tasks of one time pattern made flexible: the
    same duration in a window up to 2 h earlier and 3 h later, on as many days as before
    out of up to two more."""
    tasks = []
    for task in instance.tasks:
        times = {(s.start, s.end) for s in task.slots}
        if len(times) == 1 and rng.random() < share:
            ((start, end),) = times
            days = sorted({s.day for s in task.slots})
            pool = tuple(sorted(set(days) | set(rng.sample(range(7), rng.randint(0, 2)))))
            earliest = max(0, start - rng.choice((0, 30, 60, 120)))
            latest = end + rng.choice((0, 30, 60, 180))
            window = Window(pool, len(days), earliest, latest, end - start)
            task = replace(task, slots=(), windows=(window,))
        tasks.append(task)
    return replace(instance, tasks=tuple(tasks))


def random_policy(rng: random.Random) -> Policy:
    while True:
        try:
            return Policy(
                min_hours=rng.choice((None, 6, 10, 12, 15, 20)),
                max_hours=rng.choice((None, 20, 24, 30, 36)),
                max_suppliers=rng.choice((None, 1, 2, 2, 3)),
                max_hours_per_day=rng.choice((None, 4, 6, 8, 10)),
                min_hours_per_day=rng.choice((None, None, 2, 3)),
                max_span_hours=rng.choice((None, 6, 8, 10, 12)),
                travel_minutes=rng.choice((None, 0, 5, 15, 30)),
                max_gap_hours=rng.choice((None, None, None, 2, 4)),
                max_days=rng.choice((None, None, None, 3, 5)),
                max_locations=rng.choice((None, None, None, 1, 2)),
            )
        except combibaan.PolicyError:  # a minimum above its maximum: draw again
            continue


# ----------------------------------------------------------------------------- command line


def combibaan_command() -> str:
    """The installed console script, preferring the one beside this interpreter."""
    beside = Path(sys.executable).parent / "combibaan"
    if beside.exists():
        return str(beside)
    found = shutil.which("combibaan")
    if found is None:
        pytest.skip("the combibaan command is not installed")
    return found


def run_cli(
    *args: object, cwd: Path | None = None, timeout: float = 120
) -> subprocess.CompletedProcess:
    return subprocess.run(
        [combibaan_command(), *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=timeout,
        check=False,
    )


def reasons(result: Result, lang: str = "nl") -> dict[str, str]:
    """Why each task left out stayed out, in ``lang``."""
    return {u.task_id: render(u.reason, lang) for u in result.solution.unassigned}


BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


def load_benchmark(filename: str, name: str) -> ModuleType:
    """A script of ``benchmarks/`` as a module; it imports its neighbours (``families``,
    ``bench_common``, ...) by name."""
    sys.path.insert(0, str(BENCHMARKS))
    try:
        spec = importlib.util.spec_from_file_location(name, BENCHMARKS / filename)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module  # dataclasses look their module up
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(BENCHMARKS))
    return module
