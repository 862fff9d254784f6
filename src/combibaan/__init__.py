"""combibaan: bundle facility tasks of several suppliers into combination jobs.

The Python API the command line and the notebooks share::

    import combibaan
    instance = combibaan.read_instance("instances/indoor/tasks.csv",
                                       travel="instances/indoor/travel.csv")
    result = combibaan.solve(instance, combibaan.Policy(max_suppliers=2), time_limit=30)
    result.jobs          # a DataFrame, one row per job
    result.check()       # [] when every rule holds
"""

from combibaan.check import Violation, check_solution
from combibaan.io import InputError, read_instance, read_policy
from combibaan.model import Instance, Job, Policy, PolicyError, Slot, Task
from combibaan.result import Result
from combibaan.solvers import solve

__all__ = [
    "InputError",
    "Instance",
    "Job",
    "Policy",
    "PolicyError",
    "Result",
    "Slot",
    "Task",
    "Violation",
    "check_solution",
    "read_instance",
    "read_policy",
    "solve",
]
