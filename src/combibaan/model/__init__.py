"""The domain model: tasks, slots, suppliers, locations, locks and jobs. No solver, no rules
here (the rules and the policy that sets them are :mod:`combibaan.rules`)."""

from combibaan.model.alternative import Alternative
from combibaan.model.candidate import Candidate
from combibaan.model.instance import Instance, Supplier, TravelEdge
from combibaan.model.job import HOURS_PER_JOB_UNIT, Job, Scheduled, Solution, Unassigned
from combibaan.model.locks import Lock, LockError, Locks
from combibaan.model.numbers import Bounds, user_number
from combibaan.model.task import Task
from combibaan.model.week import MINUTES_PER_DAY, MINUTES_PER_WEEK, Slot, Window

__all__ = [
    "HOURS_PER_JOB_UNIT",
    "MINUTES_PER_DAY",
    "MINUTES_PER_WEEK",
    "Alternative",
    "Bounds",
    "Candidate",
    "Instance",
    "Job",
    "Lock",
    "LockError",
    "Locks",
    "Scheduled",
    "Slot",
    "Solution",
    "Supplier",
    "Task",
    "TravelEdge",
    "Unassigned",
    "Window",
    "user_number",
]
