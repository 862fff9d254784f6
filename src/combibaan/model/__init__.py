"""The domain model: tasks, slots, suppliers, locations, policy and jobs. No solver here."""

from combibaan.model.alternative import Alternative
from combibaan.model.instance import Instance, Supplier, TravelEdge
from combibaan.model.job import HOURS_PER_JOB_UNIT, Job, Solution, Unassigned
from combibaan.model.locks import Lock, LockError, Locks
from combibaan.model.policy import POLICY_KEYS, Policy, PolicyError
from combibaan.model.task import Task
from combibaan.model.week import MINUTES_PER_DAY, MINUTES_PER_WEEK, Slot

__all__ = [
    "HOURS_PER_JOB_UNIT",
    "MINUTES_PER_DAY",
    "MINUTES_PER_WEEK",
    "POLICY_KEYS",
    "Alternative",
    "Instance",
    "Job",
    "Lock",
    "LockError",
    "Locks",
    "Policy",
    "PolicyError",
    "Slot",
    "Solution",
    "Supplier",
    "Task",
    "TravelEdge",
    "Unassigned",
]
