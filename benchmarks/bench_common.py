"""Helpers the benchmark scripts share: the machine line, the greedy baseline, peak memory.

Kept free of top-level combibaan imports, so a script that only starts other
processes (``families.py``) stays light itself.
"""

from __future__ import annotations

import os
import platform
import resource
import sys
import time
from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from combibaan.model import Instance
    from combibaan.rules import Policy


def machine() -> list[str]:
    """Where a report was measured: timings only compare on the same machine."""
    try:
        ortools = version("ortools")
    except PackageNotFoundError:
        ortools = "?"
    try:
        ours = version("combibaan")
    except PackageNotFoundError:
        ours = "?"
    return [
        f"- machine: {platform.platform()}, {os.cpu_count()} CPUs ({platform.processor() or '?'})",
        f"- python {platform.python_version()}, ortools {ortools}, combibaan {ours}",
    ]


def run_greedy(instance: Instance, policy: Policy) -> tuple[int, float, float]:
    """Jobs, hours placed and seconds of the greedy baseline (graph included)."""
    from combibaan.rules import Limits, profiles
    from combibaan.solvers.compatibility import compatibility_graph
    from combibaan.solvers.greedy import greedy_jobs

    started = time.perf_counter()
    profs = profiles(instance)
    graph = compatibility_graph(instance, policy, profs)
    jobs = greedy_jobs(graph, profs, Limits.of(policy))
    seconds = time.perf_counter() - started
    hours = sum(profs[t].minutes for job in jobs for t in job) / 60
    return len(jobs), hours, seconds


def peak_mb() -> float:
    """Peak resident memory of this process plus its finished children, in MB.

    The two peaks may have come at different moments, so the sum is an upper
    estimate of what the machine needed at once.
    """
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    if sys.platform == "darwin":  # macOS counts bytes, Linux kilobytes
        return (own + children) / 1024 / 1024
    return (own + children) / 1024
