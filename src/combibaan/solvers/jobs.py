"""The chosen columns (task indices) as the jobs a proposal names."""

from __future__ import annotations

from collections.abc import Sequence

from combibaan.model import Instance, Job


def numbered_jobs(
    columns: Sequence[Sequence[int]],
    instance: Instance,
    candidates: Sequence[str | None] | None = None,
) -> tuple[Job, ...]:
    """Jobs numbered B01, B02, ... in the order of their first task in the input, each
    with the candidate code given beside its column (``None``: a vacancy)."""
    codes = list(candidates) if candidates is not None else [None] * len(columns)
    jobs = []
    pairs = sorted(zip((tuple(c) for c in columns), codes, strict=True), key=lambda p: p[0])
    for number, (column, code) in enumerate(pairs, start=1):
        tasks = [instance.tasks[t] for t in column]
        jobs.append(
            Job(
                job_id=f"B{number:02d}",
                task_ids=tuple(t.id for t in tasks),
                suppliers=tuple(dict.fromkeys(t.supplier for t in tasks)),
                minutes_per_week=sum(t.minutes_per_week for t in tasks),
                days=tuple(sorted({d for t in tasks for d in t.days})),
                locations=tuple(dict.fromkeys(t.location for t in tasks if t.location)),
                competencies=tuple(dict.fromkeys(c for t in tasks for c in t.competencies)),
                candidate=code,
            )
        )
    return tuple(jobs)
