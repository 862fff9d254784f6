"""``max_suppliers``: at most this many distinct suppliers among the job's tasks."""

from __future__ import annotations

from combibaan.check.base import CheckedJob, Violation


def violations(job: CheckedJob) -> list[Violation]:
    most = job.policy.max_suppliers
    suppliers = sorted({t.supplier for t in job.tasks})
    if most is None or len(suppliers) <= most:
        return []
    message = f"{len(suppliers)} suppliers ({', '.join(suppliers)}), at most {most}"
    return [Violation("max_suppliers", job.job_id, message)]
