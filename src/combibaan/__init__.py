"""combibaan: bundle facility tasks of several suppliers into combination jobs.

The Python API the command line and the notebooks share::

    import combibaan
    instance = combibaan.read_instance("instances/indoor/tasks.csv",
                                       travel="instances/indoor/travel.csv")
    result = combibaan.solve(instance, combibaan.Policy(max_suppliers=2), time_limit=30)
    result.jobs          # a DataFrame, one row per job
    combibaan.check_result(result)  # [] when every rule holds
    combibaan.kpis(result)          # a Series: jobs, hours placed, bound, status, ...
    combibaan.plot_jobs(result)     # every job's week (matplotlib, loaded only here)

    combibaan.sweep(instance, {"max_suppliers": [1, 2, 3]})  # one row per policy
    combibaan.marginal(instance)                             # single changes that add a job

    locks = combibaan.read_locks("instances/indoor/locks.csv", instance)
    result = combibaan.solve(instance, locks=locks, forbid_pairs=["Securitas|Sodexo"],
                             alternatives=3)
    result.alternatives  # other ways to bundle, each compared with the best
    print(combibaan.explain(instance, "I13", lang="en"))  # why (not), and what would change it
"""

from __future__ import annotations

# The words: loaded with the package (it is light), so that an error raised in any layer,
# even from ``combibaan.model`` alone, is worded rather than shown as a code. The command
# loads this before it can catch Ctrl-C (its script imports the package first): a press
# now ends it as one later would, with exit code 130 and no traceback.
try:
    import importlib
    from typing import TYPE_CHECKING, Any

    import combibaan.texts as _texts  # noqa: F401
except KeyboardInterrupt:
    from combibaan.startup import is_command, stop_interrupted

    if not is_command():
        raise
    stop_interrupted()

#: Where each public name lives; loaded on first use so that ``import combibaan``
#: (and the command line's start-up) stays fast: pandas and OR-Tools load only when needed.
_HOMES = {
    "Explanation": "combibaan.analysis.explain",
    "UnknownTaskError": "combibaan.analysis.explain",
    "explain": "combibaan.analysis.explain",
    "kpis": "combibaan.analysis.kpis",
    "supplier_kpis": "combibaan.analysis.kpis",
    "marginal": "combibaan.analysis.marginal",
    "sweep": "combibaan.analysis.sweep",
    "check_sweep_file": "combibaan.analysis.sweep_file",
    "write_sweep": "combibaan.analysis.sweep_file",
    "check_result": "combibaan.analysis.verify",
    "Violation": "combibaan.check",
    "check_solution": "combibaan.check",
    "load_solution": "combibaan.check",
    "InputError": "combibaan.io",
    "InputWarning": "combibaan.io",
    "Problem": "combibaan.io",
    "read_instance": "combibaan.io",
    "read_policy": "combibaan.io",
    "read_grid": "combibaan.io.grid",
    "check_folder": "combibaan.io.output",
    "check_output_folder": "combibaan.io.output",
    "read_locks": "combibaan.io.locks",
    "read_smptsp": "combibaan.io.smptsp",
    "read_candidates": "combibaan.io.candidates",
    "Alternative": "combibaan.model",
    "Candidate": "combibaan.model",
    "Instance": "combibaan.model",
    "Job": "combibaan.model",
    "Lock": "combibaan.model",
    "LockError": "combibaan.model",
    "Locks": "combibaan.model",
    "Slot": "combibaan.model",
    "Task": "combibaan.model",
    "Window": "combibaan.model",
    "widen_windows": "combibaan.model.variants",
    "MAX_WIDEN": "combibaan.model.variants",
    "resolve_pairs": "combibaan.model.locks",
    "plot_jobs": "combibaan.plotting",
    "plot_week": "combibaan.plotting",
    "write_result": "combibaan.reporting",
    "Result": "combibaan.result",
    "Policy": "combibaan.rules",
    "PolicyError": "combibaan.rules",
    "RULES": "combibaan.rules",
    "Rule": "combibaan.rules",
    "parse_policy_value": "combibaan.rules",
    "solve": "combibaan.solvers",
    "LockConflict": "combibaan.solvers.locking",
}

if TYPE_CHECKING:
    from combibaan.analysis.explain import Explanation, UnknownTaskError, explain
    from combibaan.analysis.kpis import kpis, supplier_kpis
    from combibaan.analysis.marginal import marginal
    from combibaan.analysis.sweep import sweep
    from combibaan.analysis.sweep_file import check_sweep_file, write_sweep
    from combibaan.analysis.verify import check_result
    from combibaan.check import Violation, check_solution, load_solution
    from combibaan.io import InputError, InputWarning, Problem, read_instance, read_policy
    from combibaan.io.candidates import read_candidates
    from combibaan.io.grid import read_grid
    from combibaan.io.locks import read_locks
    from combibaan.io.output import check_folder, check_output_folder
    from combibaan.io.smptsp import read_smptsp
    from combibaan.model import (
        Alternative,
        Candidate,
        Instance,
        Job,
        Lock,
        LockError,
        Locks,
        Slot,
        Task,
        Window,
    )
    from combibaan.model.locks import resolve_pairs
    from combibaan.model.variants import MAX_WIDEN, widen_windows
    from combibaan.plotting import plot_jobs, plot_week
    from combibaan.reporting import write_result
    from combibaan.result import Result
    from combibaan.rules import RULES, Policy, PolicyError, Rule, parse_policy_value
    from combibaan.solvers import solve
    from combibaan.solvers.locking import LockConflict


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'combibaan' has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_HOMES])


__all__ = [
    "MAX_WIDEN",
    "RULES",
    "Alternative",
    "Candidate",
    "Explanation",
    "InputError",
    "InputWarning",
    "Instance",
    "Job",
    "Lock",
    "LockConflict",
    "LockError",
    "Locks",
    "Policy",
    "PolicyError",
    "Problem",
    "Result",
    "Rule",
    "Slot",
    "Task",
    "UnknownTaskError",
    "Violation",
    "Window",
    "check_folder",
    "check_output_folder",
    "check_result",
    "check_solution",
    "check_sweep_file",
    "explain",
    "kpis",
    "load_solution",
    "marginal",
    "parse_policy_value",
    "plot_jobs",
    "plot_week",
    "read_candidates",
    "read_grid",
    "read_instance",
    "read_locks",
    "read_policy",
    "read_smptsp",
    "resolve_pairs",
    "solve",
    "supplier_kpis",
    "sweep",
    "widen_windows",
    "write_result",
    "write_sweep",
]
