"""The chosen columns (task indices) as the jobs a proposal names."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from combibaan.model import Instance, Job, Scheduled, Slot
from combibaan.rules.facts import first_choice

#: The slots of every task of a job (task indices) at the times the job does them.
Schedule = Callable[[Sequence[int]], Mapping[int, tuple[Slot, ...]]]


def numbered_jobs(
    columns: Sequence[Sequence[int]],
    instance: Instance,
    candidates: Sequence[str | None] | None = None,
    schedule: Schedule | None = None,
) -> tuple[Job, ...]:
    """Jobs numbered B01, B02, ... in the order of their first task in the input, each
    with the candidate code given beside its column (``None``: a vacancy) and its
    tasks' times (``schedule``; default: each task's first choice, its own slots when fixed)."""
    codes = list(candidates) if candidates is not None else [None] * len(columns)
    jobs = []
    pairs = sorted(zip((tuple(c) for c in columns), codes, strict=True), key=lambda p: p[0])
    for number, (column, code) in enumerate(pairs, start=1):
        tasks = [instance.tasks[t] for t in column]
        if schedule is not None:
            times = schedule(column)
        else:
            times = {t: first_choice(instance.tasks[t]) for t in column}
        scheduled = tuple(
            Scheduled(instance.tasks[t].id, slot) for t in column for slot in sorted(times[t])
        )
        jobs.append(
            Job(
                job_id=f"B{number:02d}",
                task_ids=tuple(t.id for t in tasks),
                suppliers=tuple(dict.fromkeys(t.supplier for t in tasks)),
                minutes_per_week=sum(t.minutes_per_week for t in tasks),
                days=tuple(sorted({s.slot.day for s in scheduled})),
                locations=tuple(dict.fromkeys(t.location for t in tasks if t.location)),
                competencies=tuple(dict.fromkeys(c for t in tasks for c in t.competencies)),
                candidate=code,
                schedule=scheduled,
            )
        )
    return tuple(jobs)
