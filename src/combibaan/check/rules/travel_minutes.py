"""``travel_minutes`` (with ``overlap``): no two tasks of a job at once, and time to walk between.

Judged on the weekly circle, so that Sunday night meets Monday morning, with the
checker's own walking times (:mod:`combibaan.check.travel`).
"""

from __future__ import annotations

from collections.abc import Iterator

from combibaan.check.base import WEEK, CheckedJob, Violation, interval, moment, said
from combibaan.check.travel import Travel
from combibaan.model.task import Task


def violations(job: CheckedJob) -> list[Violation]:
    """Every overlap and every too short walk between two tasks of the job, and every
    overlap of one task's own times (two windows of a flexible task chosen at once)."""
    out: list[Violation] = []
    for i, a in enumerate(job.tasks):
        out.extend(_pair(job.job_id, a, a, job.travel))
        for b in job.tasks[i + 1 :]:
            out.extend(_pair(job.job_id, a, b, job.travel))
    return out


def _pair(job_id: str, a: Task, b: Task, travel: Travel) -> Iterator[Violation]:
    """``a`` against ``b``; ``b`` may be ``a`` itself: then each pair of its slots once."""
    need = 0.0 if a is b else travel.minutes(a.location, b.location)
    for i, sa in enumerate(a.slots):
        a0, a1 = interval(sa)
        for sb in b.slots[i + 1 :] if a is b else b.slots:
            for shift in (-WEEK, 0, WEEK):  # the week repeats: Sunday night meets Monday
                b0, b1 = (m + shift for m in interval(sb))
                if a0 < b1 and b0 < a1:
                    message = said(
                        "overlap",
                        a=a.id,
                        a_start=moment(a0),
                        a_end=moment(a1),
                        b=b.id,
                        b_start=moment(b0),
                        b_end=moment(b1),
                    )
                    yield Violation("overlap", job_id, message)
                    continue
                if b0 >= a1:
                    first, second, end, start = a, b, a1, b0
                else:
                    first, second, end, start = b, a, b1, a0
                if start - end < need - 1e-9:
                    message = said(
                        "travel",
                        first=first.id,
                        first_place=first.location,
                        end=moment(end),
                        second=second.id,
                        second_place=second.location,
                        start=moment(start),
                        gap=start - end,
                        need=need,
                    )
                    yield Violation("travel", job_id, message)
