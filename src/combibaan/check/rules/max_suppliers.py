"""``max_suppliers``: at most this many distinct suppliers among the job's tasks."""

from __future__ import annotations

from combibaan.check.base import CheckedJob, Violation, said


def violations(job: CheckedJob) -> list[Violation]:
    most = job.policy.max_suppliers
    suppliers = sorted({t.supplier for t in job.tasks})
    if most is None or len(suppliers) <= most:
        return []
    message = said("max_suppliers", n=len(suppliers), names=tuple(suppliers), most=most)
    return [Violation("max_suppliers", job.job_id, message)]
