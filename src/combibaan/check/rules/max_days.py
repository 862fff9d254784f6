"""``max_days``: at most this many working days a week (a day counts when a slot starts on it)."""

from __future__ import annotations

from combibaan.check.base import DAY_CODES, CheckedJob, Violation


def violations(job: CheckedJob) -> list[Violation]:
    most = job.policy.max_days
    days = sorted({s.day for s in job.slots})
    if most is None or len(days) <= most:
        return []
    message = f"{len(days)} working days ({', '.join(DAY_CODES[d] for d in days)}), at most {most}"
    return [Violation("max_days", job.job_id, message)]
