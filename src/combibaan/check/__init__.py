"""An independent checker for ``solution.json``: trust, but verify.

The solver is clever (compatibility graphs, enumeration, CP-SAT); this package is
deliberately plain. It shares no code with :mod:`combibaan.solvers` nor with the
rule modules (from :mod:`combibaan.rules` it takes only the
:class:`~combibaan.rules.Policy` that holds the values): it redoes the interval
arithmetic from the :class:`~combibaan.model.week.Slot` values and computes
travel with its own Dijkstra, so that a bug in the solver's shortcuts or in a
rule cannot hide in the check as well. Every violation is reported, not just the first.

Its words are its own as well: a violation's message is a phrase of
:data:`combibaan.texts.VIOLATIONS`; ``str(violation)`` says it in Dutch,
``violation.text("en")`` in English.

It is laid out like :mod:`combibaan.rules`, so that a new rule finds its check in
the same place: one module per rule of a job in ``check/rules/``, in order in
``check/rules/__init__.py``.

Rule names (``Violation.rule``):

* per job: ``overlap``, ``travel``, ``min_hours``, ``max_hours``, ``max_suppliers``,
  ``max_hours_per_day``, ``min_hours_per_day``, ``max_span_hours``, ``max_gap_hours``,
  ``max_days``, ``max_locations``;
* structure: ``structure``, ``policy``, ``unknown_task``, ``duplicate_task``,
  ``duplicate_job_id``, ``suppliers``, ``hours_per_week``, ``days``, ``unassigned``,
  ``jobs_bound``, ``hours_bound``, ``status``, ``at_window_start``;
* workshop: ``locks``, ``lock_together``, ``lock_apart``, ``lock_exclude``, ``lock_keep``,
  ``forbidden_pair``, ``alternative_duplicate``, ``alternative_delta``,
  ``alternative_better``;
* candidates and cover mode (:mod:`combibaan.check.candidates`): ``candidates``,
  ``candidate_unknown``, ``candidate_twice``, ``candidate_availability``,
  ``candidate_competencies``, ``candidate_eligible``, ``candidate_min_hours``,
  ``candidate_max_hours``, ``only_candidates``, ``cover``.

A file that cannot be read as a solution at all (not JSON, wrong types, NaN) is
no violation but an :class:`~combibaan.io.errors.InputError` from
:func:`load_solution`; :func:`check_solution` given such data from Python
reports it as ``structure`` violations and never raises.
"""

from combibaan.check.base import DAY, DAY_CODES, WEEK, Violation
from combibaan.check.claims import HOURS_TOLERANCE, STATUSES, STOPS
from combibaan.check.document import (
    JOB_KEYS,
    MAX_BYTES,
    MAX_NUMBER,
    SOLUTION_KEYS,
    load_solution,
    shape_problems,
)
from combibaan.check.solution import FIRST_KEYS, check_solution

__all__ = [
    "DAY",
    "DAY_CODES",
    "FIRST_KEYS",
    "HOURS_TOLERANCE",
    "JOB_KEYS",
    "MAX_BYTES",
    "MAX_NUMBER",
    "SOLUTION_KEYS",
    "STATUSES",
    "STOPS",
    "WEEK",
    "Violation",
    "check_solution",
    "load_solution",
    "shape_problems",
]
