"""``min_hours_per_day``: at least this many hours on each day the job works (days off are fine).

A slot past midnight counts on the day it starts, as everywhere in combibaan.
"""

from __future__ import annotations

from combibaan.check.base import CheckedJob, Violation, by_day, limit, said


def violations(job: CheckedJob) -> list[Violation]:
    least = limit(job.policy.min_hours_per_day)
    if least is None:
        return []
    out: list[Violation] = []
    for day, today in by_day(job.slots).items():
        worked = sum(s.end - s.start for s in today)
        if worked < least:
            message = said(
                "min_hours_per_day",
                hours=worked / 60,
                day=day,
                least=job.policy.min_hours_per_day,
            )
            out.append(Violation("min_hours_per_day", job.job_id, message))
    return out
