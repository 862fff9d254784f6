"""``max_gap_hours``: no wait longer than this between tasks on one day.

A wait is measured from the end of all work so far that day, so a long slot
that covers a shorter one leaves no gap behind it.
"""

from __future__ import annotations

from combibaan.check.base import DAY, CheckedJob, Violation, by_day, limit, moment, said


def violations(job: CheckedJob) -> list[Violation]:
    most = limit(job.policy.max_gap_hours)
    if most is None:
        return []
    out: list[Violation] = []
    for day, today in by_day(job.slots).items():
        busy_until = today[0].end
        for s in today[1:]:
            wait = s.start - busy_until
            if wait > most:
                message = said(
                    "max_gap_hours",
                    hours=wait / 60,
                    at=moment(day * DAY + s.start),
                    most=job.policy.max_gap_hours,
                )
                out.append(Violation("max_gap_hours", job.job_id, message))
            busy_until = max(busy_until, s.end)
    return out
