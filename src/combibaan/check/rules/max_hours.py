"""``max_hours``: at most this many hours a week, summed over the job's slots."""

from __future__ import annotations

from combibaan.check.base import CheckedJob, Violation, limit, said


def violations(job: CheckedJob) -> list[Violation]:
    most = limit(job.policy.max_hours)
    total = sum(s.end - s.start for s in job.slots)
    if most is None or total <= most:
        return []
    message = said("max_hours", hours=total / 60, most=job.policy.max_hours)
    return [Violation("max_hours", job.job_id, message)]
