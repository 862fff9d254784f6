"""Helpers the benchmark scripts share: the machine line, the greedy baseline, peak memory.

Kept free of top-level combibaan imports, so a script that only starts other
processes (``families.py``) stays light itself.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import resource
import signal
import subprocess
import sys
import time
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import TYPE_CHECKING, Any

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


def heading(title: str) -> str:
    """A report's first lines: its title, the command that made it, and the machine."""
    command = " ".join(["python", f"benchmarks/{Path(sys.argv[0]).name}", *sys.argv[1:]])
    return f"# {title}\n\n`{command}`\n\n" + "\n".join(machine()) + "\n"


def generate_families() -> tuple[str, ...]:
    """The families ``combibaan generate`` makes (combibaan is imported here)."""
    from combibaan.generate import FAMILIES

    return FAMILIES


def check_family(family: str) -> str | None:
    """Why ``family`` is not one of ``combibaan generate``'s, or None when it is. ``units``
    (``families.py``) is the campus list under another policy, not a family of its own."""
    families = generate_families()
    if family in families:
        return None
    why = f"{family!r} is not a family of combibaan generate ({', '.join(families)})"
    if family == "units":
        why += "; `units` is families.py's campus list under min_hours=25.5, a policy"
    return why


def generate_family(text: str) -> str:
    """An argparse type: one of ``combibaan generate``'s families, else a clean error."""
    why = check_family(text)
    if why:
        raise argparse.ArgumentTypeError(why)
    return text


def prepare_out(parser: argparse.ArgumentParser, out: Path | None) -> None:
    """Create ``--out``'s folder and check it can be written, before any run: a report
    that cannot be written at the end would lose every run measured (``parser.error``)."""
    if out is None:
        return
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        parser.error(f"--out: cannot create the folder {out.parent}: {error}")
    if out.is_dir() or not os.access(out.parent, os.W_OK):
        parser.error(f"--out: cannot write {out}")


def flexible_list(family: str, size: int, seed: int, share: float) -> Instance:
    """``combibaan generate --family FAMILY --flexible SHARE`` as an instance (combibaan
    is imported here, so that a script that only starts other processes stays light)."""
    import warnings

    import combibaan
    from combibaan.generate import generate

    tasks, travel = generate(size, seed, family=family, flexible=share)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # generated travel tables name unused places
        return combibaan.read_instance(tasks, travel, name=f"{family} {size} {seed}")


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


def run_child(command: list[str], timeout: float, data: bytes = b"") -> dict[str, Any]:
    """Run ``command`` in a fresh process (its own session, so that a kill reaches
    everything it started), feed it ``data`` and read the JSON of its last line; killed
    after ``timeout`` seconds. A failure comes back as ``{"error": why}``."""
    posix = os.name == "posix"
    process = subprocess.Popen(
        command,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=Path(__file__).resolve().parent.parent,
        start_new_session=posix,
    )

    def kill() -> None:
        if posix:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
        else:
            process.kill()
        process.communicate()

    try:
        out, err = process.communicate(data, timeout=timeout)
    except subprocess.TimeoutExpired:
        kill()
        return {"error": f"no answer within {timeout:.0f} s, killed"}
    except BaseException:  # Ctrl-C: take the run down with us
        kill()
        raise
    lines = out.decode("utf-8", "replace").strip().splitlines()
    if lines:
        with contextlib.suppress(json.JSONDecodeError):
            found: dict[str, Any] = json.loads(lines[-1])
            return found
    tail = " | ".join(err.decode("utf-8", "replace").strip().splitlines()[-3:]) or "no output"
    if process.returncode and process.returncode < 0:
        name = signal.Signals(-process.returncode).name
        return {"error": f"killed by {name} (out of memory?): {tail}"}
    return {"error": f"exit code {process.returncode}: {tail}"}
