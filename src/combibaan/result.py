"""The result of a solve: the proposal, what was proven about it, and its tables.

:class:`Result` is data plus DataFrame views, and sits below everything that reads
it: reports (:mod:`combibaan.reporting`), plots (:mod:`combibaan.plotting`), KPIs
(:mod:`combibaan.analysis.kpis`) and the check (:func:`combibaan.check_result`) are
functions that take a result, so that no layer has to reach back up.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from functools import cached_property
from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING, Any, TypedDict

import pandas as pd

from combibaan.model import Candidate, Instance, Job, Solution, Unassigned
from combibaan.model.alternative import Alternative
from combibaan.model.locks import Locks, SupplierPair
from combibaan.model.week import DAY_NAMES, format_minutes
from combibaan.rules import Policy
from combibaan.texts import check_lang, render, stop_note

if TYPE_CHECKING:
    from collections.abc import Mapping
    from pathlib import Path

    from combibaan.io.output import Writer

STATUSES = ("optimal", "feasible", "infeasible", "unknown")
#: How a run ended: everything proven, proven over the starts tried, the count proven by a
#: search that proves no hours (the large path), the time limit (or search budget)
#: reached, or Ctrl-C.
STOPS = ("proven", "starts_tried", "count_proven", "time_limit", "interrupted")


def _version() -> str:
    try:
        return version("combibaan")
    except PackageNotFoundError:  # running from a source tree
        return "0+unknown"


def job_dict(job: Job) -> dict[str, Any]:
    """One job as ``solution.json`` writes it (for the proposal and its alternatives)."""
    return {
        "job_id": job.job_id,
        "task_ids": list(job.task_ids),
        "suppliers": list(job.suppliers),
        "hours_per_week": round(job.hours_per_week, 2),
        "days": [DAY_NAMES["en"][d] for d in job.days],
        "locations": list(job.locations),
        "competencies": list(job.competencies),
        "job_units": round(job.job_units, 3),
        "candidate": job.candidate,
        "schedule": [
            {
                "task_id": s.task_id,
                "day": DAY_NAMES["nl"][s.slot.day],
                "start": format_minutes(s.slot.start),
                "end": format_minutes(s.slot.end),
            }
            for s in job.schedule
        ],
    }


def candidate_dict(candidate: Candidate) -> dict[str, Any]:
    """A candidate as ``solution.json`` echoes it, so that ``check`` needs no other file:
    windows as ``ma 08:00-12:00`` (an end at or before the start runs past midnight)."""
    return {
        "candidate_id": candidate.id,
        "windows": [
            {
                "day": DAY_NAMES["nl"][w.day],
                "start": format_minutes(w.start),
                "end": format_minutes(w.end),
            }
            for w in candidate.windows
        ],
        "min_hours": candidate.min_hours,
        "max_hours": candidate.max_hours,
        "competencies": list(candidate.competencies),
        "eligible_task_ids": (
            None if candidate.eligible_task_ids is None else list(candidate.eligible_task_ids)
        ),
    }


def unassigned_dict(item: Unassigned, lang: str) -> dict[str, Any]:
    """A task left out as ``solution.json`` writes it: the reason in words and its code."""
    return {
        "task_id": item.task_id,
        "reason": render(item.reason, lang),
        "reason_code": item.reason.code,
    }


def alternative_dict(alternative: Alternative, lang: str = "nl") -> dict[str, Any]:
    """An alternative proposal: its jobs in the same shape, and how it compares with the best."""
    return {
        "rank": alternative.rank,
        "status": alternative.status,
        "jobs_delta": alternative.jobs_delta,
        "hours_delta": round(alternative.hours_delta, 2),
        "equally_good": alternative.equally_good,
        "proven_optimal": alternative.proven_optimal,
        "summary": {
            "jobs": alternative.num_jobs,
            "hours_placed": round(alternative.hours_placed, 2),
            "job_units": round(alternative.job_units, 3),
        },
        "jobs": [job_dict(job) for job in alternative.jobs],
        "unassigned": [unassigned_dict(u, lang) for u in alternative.unassigned],
    }


@dataclass(frozen=True)
class Statistics:
    """How the answer was found: useful for benchmarks and for honest reporting."""

    method: str
    tasks: int
    compatible_pairs: int
    columns: int
    enumeration_complete: bool
    enumeration_seconds: float
    greedy_jobs: int
    #: What CP-SAT proved over the columns: ``optimal``, ``feasible`` or ``unknown``.
    packing_status: str = "unknown"
    interrupted: bool = False
    #: Seconds from the start until the number of jobs was proven (None: not proven).
    jobs_proven_seconds: float | None = None
    #: Whether the wall-clock ``time_limit`` cut a search short before its
    #: deterministic budget ran out (then a rerun may differ).
    wall_clock_cut: bool = False
    #: With candidates: whether the most jobs for them were proven (``optimal``), the
    #: stage before the vacancies; ``None`` without candidates.
    candidate_status: str | None = None
    #: With flexible tasks: the minutes between the starts tried where every start counts
    #: (the exact grid), and the flexible tasks whose starts were tried on a coarser
    #: step (up to ``coarsest_step`` minutes): the proof holds for the starts tried.
    start_grid_minutes: int | None = None
    thinned_tasks: tuple[str, ...] = ()
    coarsest_step: int | None = None


@dataclass(frozen=True)
class AtWindowStart:
    """The same list solved with every window fixed at its start (as a model without
    flexible tasks would have it): what the flexibility is measured against."""

    jobs: int
    hours: float
    #: ``optimal`` when that count is proven the most with fixed times.
    jobs_status: str


@dataclass(frozen=True)
class Result:
    """A proposal of jobs with its status and a proven upper bound on the number of jobs.

    ``status`` is ``optimal`` when the whole objective (jobs, then hours, then
    tie-break) is proven optimal, ``feasible`` when a valid proposal is known but
    not proven best, ``infeasible`` when none exists, ``unknown`` when none was
    found in time.
    """

    instance: Instance
    policy: Policy
    solution: Solution
    status: str
    jobs_bound: int | None
    solve_seconds: float
    statistics: Statistics
    #: The workshop's locks and forbidden supplier pairs the proposal keeps (echoed).
    locks: Locks | None = None
    forbid_pairs: tuple[SupplierPair, ...] = ()
    #: Further proposals that differ meaningfully from this one (``solve(alternatives=K)``).
    alternatives: tuple[Alternative, ...] = ()
    #: ``optimal`` once the number of jobs is proven best (hours and tie-break may not be).
    jobs_status: str = "unknown"
    #: A proven upper bound on the hours per week any proposal with this many jobs places.
    hours_bound: float | None = None
    #: How the run ended, one of :data:`STOPS`.
    stopped: str = "time_limit"
    #: The candidates the jobs were built for (echoed), and whether only they hold jobs.
    candidates: tuple[Candidate, ...] = ()
    only_candidates: bool = False
    #: With flexible tasks: the list solved with the windows at their starts.
    at_window_start: AtWindowStart | None = None

    @property
    def num_jobs(self) -> int:
        return self.solution.num_jobs

    @property
    def ended(self) -> str:
        """How the run ended as people are told it (the summary line, the report): the
        status where it says all (``optimal``, ``infeasible``), else ``stopped`` read
        together with the statistics, so that the two can never disagree on screen (a
        result whose statistics say interrupted was interrupted)."""
        if self.status in ("optimal", "infeasible"):
            return self.status
        return "interrupted" if self.statistics.interrupted else self.stopped

    def how_stopped(self, lang: str = "nl") -> str:
        """:attr:`ended` in words, with the wall clock's cut and the thinned starts:
        ``gestopt: tijdslimiet (tijdslimiet van de klok; …)``, as the summary line and
        the report say it."""
        return stop_note(
            self.ended,
            wall_clock_cut=self.statistics.wall_clock_cut,
            thinned=len(self.statistics.thinned_tasks),
            step=self.statistics.coarsest_step or 0,
            jobs_proven=self.jobs_status == "optimal",
            lang=lang,
        )

    @property
    def hours_placed(self) -> float:
        return self.solution.hours_placed

    @property
    def hours_total(self) -> float:
        return sum(task.minutes_per_week for task in self.instance.tasks) / 60

    @property
    def job_units(self) -> float:
        return self.solution.job_units

    @property
    def gap(self) -> float | None:
        """Share of the bound not (yet) reached: 0 when the number of jobs is proven best.

        In cover mode the bound is a lower one: the share of the jobs above it."""
        if self.jobs_bound is None:
            return None
        if self.policy.cover:
            return (self.num_jobs - self.jobs_bound) / self.num_jobs if self.num_jobs else None
        if self.jobs_bound == 0:
            return 0.0
        return (self.jobs_bound - self.num_jobs) / self.jobs_bound

    def to_dict(self, lang: str = "nl") -> dict[str, Any]:
        """The ``solution.json`` document, with the reasons worded in ``lang``."""
        check_lang(lang)
        return {
            "generator": f"combibaan {_version()}",
            "instance": self.instance.name,
            "status": self.status,
            "jobs_status": self.jobs_status,
            "jobs_bound": self.jobs_bound,
            "hours_bound": None if self.hours_bound is None else round(self.hours_bound, 2),
            "stopped": self.stopped,
            "solve_seconds": round(self.solve_seconds, 3),
            "policy": self.policy.to_dict(),
            "summary": {
                "jobs": self.num_jobs,
                "hours_placed": round(self.hours_placed, 2),
                "hours_total": round(self.hours_total, 2),
                "job_units": round(self.job_units, 3),
            },
            "jobs": [job_dict(job) for job in self.solution.jobs],
            "unassigned": [unassigned_dict(u, lang) for u in self.solution.unassigned],
            "locks": self.locks.to_list() if self.locks else [],
            "forbidden_pairs": [list(pair) for pair in self.forbid_pairs],
            "candidates": [candidate_dict(c) for c in self.candidates],
            "only_candidates": self.only_candidates,
            "alternatives": [alternative_dict(a, lang) for a in self.alternatives],
            "at_window_start": None
            if self.at_window_start is None
            else {
                "jobs": self.at_window_start.jobs,
                "hours": round(self.at_window_start.hours, 2),
                "jobs_status": self.at_window_start.jobs_status,
            },
            "statistics": {
                "method": self.statistics.method,
                "columns": self.statistics.columns,
                "enumeration_complete": self.statistics.enumeration_complete,
                "packing_status": self.statistics.packing_status,
                "greedy_jobs": self.statistics.greedy_jobs,
                "interrupted": self.statistics.interrupted,
                "jobs_proven_seconds": (
                    None
                    if self.statistics.jobs_proven_seconds is None
                    else round(self.statistics.jobs_proven_seconds, 3)
                ),
                "wall_clock_cut": self.statistics.wall_clock_cut,
                "candidate_status": self.statistics.candidate_status,
                "start_grid_minutes": self.statistics.start_grid_minutes,
                "thinned_tasks": list(self.statistics.thinned_tasks),
                "coarsest_step": self.statistics.coarsest_step,
            },
        }

    def to_json(self, lang: str = "nl", *, indent: int | None = 2) -> str:
        """:meth:`to_dict` as JSON text; ``lang`` first, as there (``to_json("en")`` wrote
        "en" as the indent when ``indent`` came first, and no valid JSON)."""
        return json.dumps(self.to_dict(lang), indent=indent, ensure_ascii=False)

    @cached_property
    def jobs(self) -> pd.DataFrame:
        """One row per job, the days in English (see :meth:`jobs_in`)."""
        return self.jobs_in("en")

    def jobs_in(self, lang: str) -> pd.DataFrame:
        """One row per job, the days named in ``lang`` (``ma,di`` or ``mon,tue``); with
        candidates, the code of the one holding each job (empty: a vacancy)."""
        check_lang(lang)
        days = DAY_NAMES[lang]
        frame = pd.DataFrame(
            [
                {
                    "job_id": job.job_id,
                    "tasks": "|".join(job.task_ids),
                    "suppliers": "|".join(job.suppliers),
                    "hours_per_week": round(job.hours_per_week, 2),
                    "job_units": round(job.job_units, 3),
                    "days": ",".join(days[d] for d in job.days),
                    "locations": "|".join(job.locations),
                    "competencies": "|".join(job.competencies),
                }
                for job in self.solution.jobs
            ],
            columns=[
                "job_id",
                "tasks",
                "suppliers",
                "hours_per_week",
                "job_units",
                "days",
                "locations",
                "competencies",
            ],
        )
        if self.candidates:
            frame["candidate"] = [job.candidate or "" for job in self.solution.jobs]
        flexible = {t.id for t in self.instance.tasks if t.windows}
        if flexible:
            frame["chosen_times"] = [job.chosen_times(flexible, lang) for job in self.solution.jobs]
        return frame

    @cached_property
    def scheduled(self) -> Instance:
        """The instance at the times the proposal does its tasks: every placed flexible
        task fixed at its chosen times (what reports draw), the rest as they are."""
        if not any(t.windows for t in self.instance.tasks):
            return self.instance
        chosen = {t: job.slots_of(t) for job in self.solution.jobs for t in job.task_ids}
        tasks = tuple(
            t.scheduled(chosen[t.id]) if t.windows and chosen.get(t.id) else t
            for t in self.instance.tasks
        )
        return replace(self.instance, tasks=tasks)

    @cached_property
    def assignments(self) -> pd.DataFrame:
        """One row per task: its job, or empty when it stays with the supplier."""
        job_of = {t: job.job_id for job in self.solution.jobs for t in job.task_ids}
        return pd.DataFrame(
            [
                {
                    "task_id": task.id,
                    "job_id": job_of.get(task.id, ""),
                    "supplier": task.supplier,
                    "hours_per_week": round(task.hours_per_week, 2),
                    "location": task.location or "",
                    "description": task.description,
                }
                for task in self.instance.tasks
            ],
            columns=["task_id", "job_id", "supplier", "hours_per_week", "location", "description"],
        )

    @cached_property
    def unassigned(self) -> pd.DataFrame:
        """One row per task left out, with the reason in Dutch (see :meth:`unassigned_in`)."""
        return self.unassigned_in("nl")

    def unassigned_in(self, lang: str) -> pd.DataFrame:
        """One row per task left out, with the reason in ``lang`` and its code."""
        check_lang(lang)
        return pd.DataFrame(
            [
                {
                    "task_id": u.task_id,
                    "supplier": self.instance.task(u.task_id).supplier,
                    "hours_per_week": round(self.instance.task(u.task_id).hours_per_week, 2),
                    "reason": render(u.reason, lang),
                    "reason_code": u.reason.code,
                }
                for u in self.solution.unassigned
            ],
            columns=["task_id", "supplier", "hours_per_week", "reason", "reason_code"],
        )


class CsvDialect(TypedDict):
    """The keyword arguments of :func:`~combibaan.io.output.write_csv` that spell a CSV file."""

    sep: str
    decimal: str
    bom: bool


#: How the CSV files of a solve are spelled, per ``lang``: as a spreadsheet program set to
#: that language splits a double-clicked file into columns and numbers (Dutch: ``;`` between
#: fields, a decimal comma; English: RFC 4180), with the byte order mark by which Excel
#: recognises UTF-8. ``solution.json`` is the language-neutral record for programs.
CSV_DIALECTS: dict[str, CsvDialect] = {
    "nl": {"sep": ";", "decimal": ",", "bom": True},
    "en": {"sep": ",", "decimal": ".", "bom": True},
}


def write_solution_files(
    result: Result,
    out_dir: str | Path,
    extra: Mapping[str, Writer] | None = None,
    *,
    force: bool = False,
    lang: str = "nl",
) -> list[Path]:
    """Write ``solution.json`` and the CSV files (plus ``extra`` files) into ``out_dir``,
    the reasons and days worded in ``lang`` and the CSV files in its dialect
    (:data:`CSV_DIALECTS`); all or none, as :func:`~combibaan.io.output.write_files`.

    :func:`combibaan.write_result` adds the report and the workbook."""
    # Loaded here: a solve (in a sweep's worker, say) needs no readers and writers.
    from combibaan.io.output import write_csv, write_files

    if lang not in CSV_DIALECTS:
        raise ValueError(f"language must be one of {', '.join(CSV_DIALECTS)}, got {lang!r}")
    dialect = CSV_DIALECTS[lang]
    writers: dict[str, Writer] = {
        "solution.json": lambda p: p.write_text(result.to_json(lang=lang) + "\n", encoding="utf-8"),
        "jobs.csv": lambda p: write_csv(result.jobs_in(lang), p, **dialect),
        "assignments.csv": lambda p: write_csv(result.assignments, p, **dialect),
        "unassigned.csv": lambda p: write_csv(result.unassigned_in(lang), p, **dialect),
    }
    writers.update(extra or {})
    return write_files(out_dir, writers, force=force)
