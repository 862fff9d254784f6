"""``max_hours_per_day``: at most this many hours on each working day.

A slot past midnight counts on the day it starts, as everywhere in combibaan.
"""

from __future__ import annotations

from combibaan.check.base import DAY_CODES, CheckedJob, Violation, by_day, limit


def violations(job: CheckedJob) -> list[Violation]:
    most = limit(job.policy.max_hours_per_day)
    if most is None:
        return []
    out: list[Violation] = []
    for day, today in by_day(job.slots).items():
        worked = sum(s.end - s.start for s in today)
        if worked > most:
            out.append(
                Violation(
                    "max_hours_per_day",
                    job.job_id,
                    f"{worked / 60:g} h on {DAY_CODES[day]}, "
                    f"above {job.policy.max_hours_per_day:g} h",
                )
            )
    return out
