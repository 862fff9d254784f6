"""``max_hours_per_day``: at most this many hours on each working day.

A slot past midnight counts on the day it starts, as everywhere in combibaan.
"""

from __future__ import annotations

from combibaan.check.base import CheckedJob, Violation, by_day, limit, said


def violations(job: CheckedJob) -> list[Violation]:
    most = limit(job.policy.max_hours_per_day)
    if most is None:
        return []
    out: list[Violation] = []
    for day, today in by_day(job.slots).items():
        worked = sum(s.end - s.start for s in today)
        if worked > most:
            message = said(
                "max_hours_per_day", hours=worked / 60, day=day, most=job.policy.max_hours_per_day
            )
            out.append(Violation("max_hours_per_day", job.job_id, message))
    return out
