"""``max_hours``: at most this many hours a week, summed over the job's slots."""

from __future__ import annotations

from combibaan.check.base import CheckedJob, Violation, limit


def violations(job: CheckedJob) -> list[Violation]:
    most = limit(job.policy.max_hours)
    total = sum(s.end - s.start for s in job.slots)
    if most is None or total <= most:
        return []
    message = f"{total / 60:g} h per week, above {job.policy.max_hours:g} h"
    return [Violation("max_hours", job.job_id, message)]
