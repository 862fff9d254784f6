"""``max_span_hours``: at most this many hours from the first start to the last end of a day."""

from __future__ import annotations

from combibaan.check.base import CheckedJob, Violation, by_day, limit, said


def violations(job: CheckedJob) -> list[Violation]:
    most = limit(job.policy.max_span_hours)
    if most is None:
        return []
    out: list[Violation] = []
    for day, today in by_day(job.slots).items():
        span = max(s.end for s in today) - min(s.start for s in today)
        if span > most:
            message = said(
                "max_span_hours", hours=span / 60, day=day, most=job.policy.max_span_hours
            )
            out.append(Violation("max_span_hours", job.job_id, message))
    return out
