"""``max_span_hours``: at most this many hours from the first start to the last end of a day."""

from __future__ import annotations

from combibaan.check.base import DAY_CODES, CheckedJob, Violation, by_day, limit


def violations(job: CheckedJob) -> list[Violation]:
    most = limit(job.policy.max_span_hours)
    if most is None:
        return []
    out: list[Violation] = []
    for day, today in by_day(job.slots).items():
        span = max(s.end for s in today) - min(s.start for s in today)
        if span > most:
            out.append(
                Violation(
                    "max_span_hours",
                    job.job_id,
                    f"{span / 60:g} h from first start to last end on {DAY_CODES[day]}, "
                    f"above {job.policy.max_span_hours:g} h",
                )
            )
    return out
