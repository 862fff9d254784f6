"""``max_days``: at most this many working days a week (a day counts when a slot starts on it)."""

from __future__ import annotations

from combibaan.check.base import CheckedJob, Violation, days_said, said


def violations(job: CheckedJob) -> list[Violation]:
    most = job.policy.max_days
    days = sorted({s.day for s in job.slots})
    if most is None or len(days) <= most:
        return []
    message = said("max_days", n=len(days), days=days_said(days), most=most)
    return [Violation("max_days", job.job_id, message)]
