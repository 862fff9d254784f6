"""Scale benchmark: 300, 1,000 and 5,000 tasks against the issue's targets (``run.py --scale``).

Each solve runs in its own process, so its peak memory can be read on its own
(``ru_maxrss`` of the solve process plus its bound process, which run at the
same time, so the sum is an upper estimate of the peak). The greedy baseline
runs in another process over the same compatibility graph. A progress callback
records when the proposal first reached 95 % of the bound proven at that time.

Run as ``python benchmarks/scale.py --one SIZE CAMPUSES SECONDS SEED`` it solves one
instance (generator seed SEED, solver seed 0, one worker, SECONDS the time limit) and
prints one JSON line; ``--greedy SIZE CAMPUSES SECONDS SEED`` runs the greedy baseline
on the same instance instead (SECONDS is not used). :func:`scale_rows` starts both
for each size; ``run.py --scale`` is the way to run the whole benchmark.
"""

from __future__ import annotations

import argparse
import json
import math
import resource
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from combibaan.model import Instance

ROOT = Path(__file__).resolve().parent.parent
GENERATED = ROOT / "instances" / "generated"

#: (tasks, campuses, seconds, target jobs / bound) from the issue.
SCALE = ((300, 1, 60.0, 0.97), (1000, 3, 300.0, 0.95), (5000, 5, 1800.0, 0.95))
#: Peak memory target for the largest size, in MB.
MEMORY_TARGET_MB = 8000


@dataclass(frozen=True)
class ScaleRow:
    tasks: int
    campuses: int
    seconds_limit: float
    target: float
    measured: dict


def _instance(size: int, campuses: int, seed: int) -> Instance:
    import combibaan
    from combibaan.generate import generate

    folder = GENERATED / f"n{size}"
    if campuses == 1 and (folder / "tasks.csv").exists():
        return combibaan.read_instance(folder / "tasks.csv", travel=folder / "travel.csv")
    tasks, travel = generate(size, seed, campuses=campuses)
    return combibaan.read_instance(tasks, travel=travel, name=f"generated n{size} c{campuses}")


def _greedy_one(size: int, campuses: int, seed: int) -> dict:
    from combibaan.rules import Limits, Policy, profiles
    from combibaan.solvers.compatibility import compatibility_graph
    from combibaan.solvers.greedy import greedy_jobs

    instance = _instance(size, campuses, seed)
    policy = Policy()
    started = time.perf_counter()
    profs = profiles(instance)
    graph = compatibility_graph(instance, policy, profs)
    graph_seconds = time.perf_counter() - started
    jobs = greedy_jobs(graph, profs, Limits.of(policy))
    return {
        "greedy_jobs": len(jobs),
        "greedy_seconds": time.perf_counter() - started,
        "graph_seconds": graph_seconds,
        "pairs": graph.number_of_edges(),
    }


def _solve_one(size: int, campuses: int, seconds: float, seed: int) -> dict:
    import combibaan
    from combibaan.rules import Policy

    instance = _instance(size, campuses, seed)
    trace: list[tuple[float, int, int | None]] = []
    result = combibaan.solve(
        instance,
        Policy(),
        time_limit=seconds,
        progress=lambda jobs, bound, at: trace.append((at, jobs, bound)),
    )
    reached = next((at for at, jobs, bound in trace if bound and jobs >= 0.95 * bound), None)
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {
        "name": instance.name,
        "jobs": result.num_jobs,
        "bound": result.jobs_bound,
        "status": result.status,
        "method": result.statistics.method,
        "seconds": result.solve_seconds,
        "first_progress": trace[0][0] if trace else None,
        "seconds_to_95": reached,
        "violations": len(combibaan.check_result(result)),
        "peak_mb": (own + children) / 1024,
    }


def _child(args: list[str]) -> dict:
    done = subprocess.run(
        [sys.executable, __file__, *args], capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def scale_rows(seed: int = 1, sizes: list[int] | None = None) -> list[ScaleRow]:
    rows = []
    for tasks, campuses, seconds, target in SCALE:
        if sizes and tasks not in sizes:
            continue
        print(f"  scale n{tasks} ({campuses} campus(es), {seconds:g} s) …", file=sys.stderr)
        measured = _child(["--one", str(tasks), str(campuses), str(seconds), str(seed)])
        measured |= _child(["--greedy", str(tasks), str(campuses), "0", str(seed)])
        print(f"    {measured}", file=sys.stderr, flush=True)
        rows.append(ScaleRow(tasks, campuses, seconds, target, measured))
    return rows


def scale_table(rows: list[ScaleRow]) -> list[str]:
    header = (
        "| instance | tasks | campuses | time limit s | jobs | bound | jobs / bound | target "
        "| s to 95 % | total s | peak MB | greedy jobs | greedy s | method | checker |"
    )
    lines = [header, "|" + "---|" * header.count(" | ") + "---|"]
    for row in rows:
        m = row.measured
        ratio = m["jobs"] / m["bound"] if m["bound"] else 1.0
        met = ratio >= row.target and m["seconds"] <= row.seconds_limit * 1.05
        if row.tasks == SCALE[-1][0]:
            met = met and m["peak_mb"] < MEMORY_TARGET_MB
        reached = "–" if m["seconds_to_95"] is None else f"{m['seconds_to_95']:.0f}"
        lines.append(
            f"| {m['name']} | {row.tasks} | {row.campuses} | {row.seconds_limit:g} "
            f"| {m['jobs']} | {m['bound']} | {ratio:.1%} "
            f"| ≥ {row.target:.0%} {'met' if met else '**missed**'} "
            f"| {reached} | {m['seconds']:.0f} | {m['peak_mb']:.0f} | {m['greedy_jobs']} "
            f"| {m['greedy_seconds']:.1f} | {m['method']} "
            f"| {'ok' if not m['violations'] else str(m['violations']) + ' violations'} |"
        )
    return lines


def growth(rows: list[ScaleRow]) -> list[str]:
    """How the setup (graph + greedy) grows with size, as a power of the number of tasks."""
    if len(rows) < 2:
        return []
    parts = ", ".join(
        f"n{r.tasks}: {r.measured['greedy_seconds']:.1f} s "
        f"({r.measured['pairs']:,} compatible pairs)"
        for r in rows
    )
    a, b = rows[-2], rows[-1]
    exponent = math.log(b.measured["greedy_seconds"] / a.measured["greedy_seconds"]) / math.log(
        b.tasks / a.tasks
    )
    return [
        f"- time growth: graph + greedy take {parts}; from n{a.tasks} to n{b.tasks} that "
        f"grows like n^{exponent:.1f}. The search then uses the whole time limit unless "
        "the jobs reach the bound."
    ]


def main(argv: list[str] | None = None) -> int:
    """One child run (``--one`` or ``--greedy``), its measurements as one JSON line."""
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        epilog="Normally started by run.py --scale, once per size and mode.",
    )
    metavar = ("SIZE", "CAMPUSES", "SECONDS", "SEED")
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument(
        "--one",
        nargs=4,
        metavar=metavar,
        help="solve one instance of SIZE tasks on CAMPUSES campuses (generator seed SEED; "
        "instances/generated/nSIZE when it exists and CAMPUSES is 1) within SECONDS",
    )
    mode.add_argument(
        "--greedy",
        nargs=4,
        metavar=metavar,
        help="the greedy baseline on the same instance instead (SECONDS is not used)",
    )
    args = parser.parse_args(argv)
    values = args.one or args.greedy
    try:
        size, campuses, seed = int(values[0]), int(values[1]), int(values[3])
        seconds = float(values[2])
    except ValueError:
        parser.error("SIZE, CAMPUSES and SEED must be whole numbers, SECONDS a number")
    if size < 1 or campuses < 1 or (args.one and seconds <= 0):
        parser.error("SIZE and CAMPUSES must be at least 1, SECONDS above 0")
    if args.one:
        found = _solve_one(size, campuses, seconds, seed)
    else:
        found = _greedy_one(size, campuses, seed)
    print(json.dumps(found))
    return 0


if __name__ == "__main__":
    sys.exit(main())
