"""``min_hours_per_day``: at least this many hours on each day the job works (days off are fine).

A slot past midnight counts on the day it starts, as everywhere in combibaan.
"""

from __future__ import annotations

from combibaan.check.base import DAY_CODES, CheckedJob, Violation, by_day, limit


def violations(job: CheckedJob) -> list[Violation]:
    least = limit(job.policy.min_hours_per_day)
    if least is None:
        return []
    out: list[Violation] = []
    for day, today in by_day(job.slots).items():
        worked = sum(s.end - s.start for s in today)
        if worked < least:
            out.append(
                Violation(
                    "min_hours_per_day",
                    job.job_id,
                    f"{worked / 60:g} h on {DAY_CODES[day]}, "
                    f"below {job.policy.min_hours_per_day:g} h",
                )
            )
    return out
