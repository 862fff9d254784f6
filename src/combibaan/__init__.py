"""combibaan: bundle facility tasks of several suppliers into combination jobs.

The Python API the command line and the notebooks share::

    import combibaan
    instance = combibaan.read_instance("instances/indoor/tasks.csv",
                                       travel="instances/indoor/travel.csv")
    result = combibaan.solve(instance, combibaan.Policy(max_suppliers=2), time_limit=30)
    result.jobs          # a DataFrame, one row per job
    result.check()       # [] when every rule holds
    result.kpis          # a Series: jobs, hours placed, bound, status, ...

    combibaan.sweep(instance, {"max_suppliers": [1, 2, 3]})  # one row per policy
    combibaan.marginal(instance)                             # single changes that add a job

    locks = combibaan.read_locks("instances/indoor/locks.csv", instance)
    result = combibaan.solve(instance, locks=locks, forbid_pairs=["Securitas|Sodexo"],
                             alternatives=3)
    result.alternatives  # other ways to bundle, each compared with the best
    print(combibaan.explain(instance, "I13", lang="en"))  # why (not), and what would change it
"""

from combibaan.analysis.explain import Explanation, UnknownTaskError, explain
from combibaan.analysis.marginal import marginal
from combibaan.analysis.sweep import sweep
from combibaan.check import Violation, check_solution
from combibaan.io import InputError, read_instance, read_policy
from combibaan.io.locks import read_locks
from combibaan.model import (
    Alternative,
    Instance,
    Job,
    Lock,
    LockError,
    Locks,
    Policy,
    PolicyError,
    Slot,
    Task,
)
from combibaan.result import Result
from combibaan.solvers import solve
from combibaan.solvers.locking import LockConflict

__all__ = [
    "Alternative",
    "Explanation",
    "InputError",
    "Instance",
    "Job",
    "Lock",
    "LockConflict",
    "LockError",
    "Locks",
    "Policy",
    "PolicyError",
    "Result",
    "Slot",
    "Task",
    "UnknownTaskError",
    "Violation",
    "check_solution",
    "explain",
    "marginal",
    "read_instance",
    "read_locks",
    "read_policy",
    "solve",
    "sweep",
]
