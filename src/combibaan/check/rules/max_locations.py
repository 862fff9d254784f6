"""``max_locations``: at most this many distinct locations (tasks without one count for none)."""

from __future__ import annotations

from combibaan.check.base import CheckedJob, Violation, said


def violations(job: CheckedJob) -> list[Violation]:
    most = job.policy.max_locations
    places = sorted({t.location for t in job.tasks if t.location})
    if most is None or len(places) <= most:
        return []
    message = said("max_locations", n=len(places), places=tuple(places), most=most)
    return [Violation("max_locations", job.job_id, message)]
