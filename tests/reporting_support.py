"""Hand-made results for the reporting tests: no solver, so every number is known in advance."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from combibaan.io import read_instance
from combibaan.model import Instance, Job, Slot, Solution, Supplier, Task, Unassigned
from combibaan.model.phrase import Phrase
from combibaan.result import Result, Statistics
from combibaan.rules import Policy

ROOT = Path(__file__).resolve().parents[1]
INDOOR = ROOT / "instances" / "indoor"

#: The indoor proposal the solver finds with the default policy (see instances/README.md).
INDOOR_JOBS = {"B01": ("I01", "I11"), "B02": ("I02", "I12"), "B03": ("I07", "I15", "I22")}


def make_result(
    instance: Instance,
    jobs: Mapping[str, Sequence[str]],
    reasons: Mapping[str, Phrase] | None = None,
    policy: Policy | None = None,
) -> Result:
    """A result holding exactly ``jobs``; every other task is unassigned, with the reason
    ``reasons`` gives it or "not examined"."""
    built = []
    for job_id, task_ids in jobs.items():
        tasks = [instance.task(t) for t in task_ids]
        built.append(
            Job(
                job_id=job_id,
                task_ids=tuple(task_ids),
                suppliers=tuple(dict.fromkeys(t.supplier for t in tasks)),
                minutes_per_week=sum(t.minutes_per_week for t in tasks),
                days=tuple(sorted({d for t in tasks for d in t.days})),
                locations=tuple(dict.fromkeys(t.location for t in tasks if t.location)),
                competencies=tuple(dict.fromkeys(c for t in tasks for c in t.competencies)),
            )
        )
    placed = {t for task_ids in jobs.values() for t in task_ids}
    said = reasons or {}
    unassigned = tuple(
        Unassigned(t.id, said.get(t.id, Phrase("unexplored")))
        for t in instance.tasks
        if t.id not in placed
    )
    return Result(
        instance=instance,
        policy=policy or Policy(),
        solution=Solution(tuple(built), unassigned),
        status="optimal",
        jobs_bound=len(built),
        solve_seconds=0.1,
        statistics=Statistics("test", len(instance.tasks), 0, 0, True, 0.0, 0),
    )


def indoor_result(suppliers: bool = True) -> Result:
    instance = read_instance(
        INDOOR / "tasks.csv",
        INDOOR / "travel.csv",
        INDOOR / "suppliers.csv" if suppliers else None,
    )
    return make_result(instance, INDOOR_JOBS)


def weekdays(start: int, end: int, days: Sequence[int] = (0, 1, 2, 3, 4)) -> tuple[Slot, ...]:
    """The same slot, in minutes from midnight, on each of ``days``."""
    return tuple(Slot(d, start, end) for d in days)


def task(
    task_id: str,
    supplier: str,
    slots: tuple[Slot, ...],
    description: str = "",
    location: str | None = None,
    competencies: tuple[str, ...] = (),
) -> Task:
    return Task(task_id, supplier, slots, description, location, competencies)


def hostile_result() -> Result:
    """A small result whose input tries HTML and formula injection."""
    instance = Instance(
        tasks=(
            task(
                "T1",
                "=Schoon+BV",
                weekdays(6 * 60, 9 * 60),
                "<script>window.__xss = 1</script>Ramen & deuren",
                "Gebouw <b>A</b>",
                ("@nauwkeurig",),
            ),
            task("T2", "Kantine", weekdays(10 * 60, 13 * 60), "-Lunch uitserveren", "Gebouw B"),
            task("T3", "Kantine", weekdays(15 * 60, 16 * 60, (0,)), "+1 afwas", "Gebouw B"),
        ),
        suppliers=(Supplier("Kantine", "catering", '=HYPERLINK("http://x")', 1000.0),),
        name="hostile",
    )
    # A reason that starts like a formula: it names a task whose id does.
    risky = Phrase("task_obstacle", {"task": "=cmd|' /C calc'!A0", "why": "?"})
    return make_result(instance, {"B01": ("T1", "T2")}, {"T3": risky})
