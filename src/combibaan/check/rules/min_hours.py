"""``min_hours``: at least this many hours a week, summed over the job's slots."""

from __future__ import annotations

from combibaan.check.base import CheckedJob, Violation, limit, said


def violations(job: CheckedJob) -> list[Violation]:
    least = limit(job.policy.min_hours)
    total = sum(s.end - s.start for s in job.slots)
    if least is None or total >= least:
        return []
    message = said("min_hours", hours=total / 60, least=job.policy.min_hours)
    return [Violation("min_hours", job.job_id, message)]
