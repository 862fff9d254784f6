"""Benchmark the solver on several kinds of task lists, against the targets of issue 8.

Run from the repository root::

    .venv/bin/python benchmarks/families.py [--families campus short ...] [--sizes 40 80 ...]
        [--seeds 3] [--time-limit 60] [--strategy auto] [--workers 0] [--out FILE]
    .venv/bin/python benchmarks/families.py --large [--out FILE]   # 1,000 and 5,000 tasks

A solver that proves its optimum on one generator can still fail on another
kind of list, so every family of :func:`combibaan.generate.generate` is
measured (plus ``units``: the campus list under ``min_hours=25.5``). Each run
generates its instance, solves it and checks it in a fresh process, so its peak
memory is its own and a crash, a kill or a timeout costs one row, not the
report. Finished runs go to a JSON-lines file as they end; the same command
started again reuses those made by the same code (a hash of ``src/combibaan``),
so a stopped benchmark picks up where it left off. See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shlex
import statistics
import sys
import time
import traceback
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from bench_common import machine, peak_mb, run_child, run_greedy

if TYPE_CHECKING:
    import networkx as nx

    from combibaan.model import Instance
    from combibaan.rules import Limits, Policy, Profile

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "src" / "combibaan"

#: Every family of the generator, and ``units``: the campus under ``min_hours=UNITS_HOURS``.
FAMILIES = ("campus", "short", "night", "remote", "many", "units")
UNITS_HOURS = 25.5
SIZES = (40, 80, 150, 250, 300)
#: ``--large``: tasks and the time limit of each run (one instance seed per family).
LARGE = {1000: 300.0, 5000: 1800.0}

#: What each family is, for the report.
LEGEND = {
    "campus": "`generate`'s campus: 6 trades, tasks of 4–25 h a week in slots of 2–8 h",
    "short": "short rounds (post, coffee, lunch dishes, reception, sanitary), slots 1–2 h "
    "within 06:00–20:00 on 1–6 days, 1–12 h a week",
    "night": "evening cleaning, night security, event catering to 01:00, bakery from 04:30, "
    "some day tasks",
    "remote": "the campus trades on 3–6 sites 30–60 min apart, a few buildings each",
    "many": "12–20 suppliers of many trades, few tasks each, 3–12 h a week",
    "units": f"the campus list with `min_hours = {UNITS_HOURS:g}` (full job units)",
}


@dataclass(frozen=True)
class Target:
    """A row of issue 8's target table: the count proven within ``seconds``, or a share of
    the bound reached within ``seconds`` (and below ``memory_mb``)."""

    seconds: float
    share: float | None = None
    memory_mb: float | None = None

    def text(self) -> str:
        if self.share is None:
            return f"count proven, median ≤ {self.seconds:g} s"
        memory = f", < {self.memory_mb / 1000:g} GB" if self.memory_mb else ""
        return f"≥ {self.share:.0%} of the bound within {self.seconds:g} s{memory}"


TARGETS = {
    40: Target(10.0),
    80: Target(10.0),
    150: Target(10.0),
    250: Target(60.0),
    300: Target(60.0, 0.97),
    1000: Target(300.0, 0.97),
    5000: Target(1800.0, 0.96, 8000.0),
}


def campuses_for(size: int) -> int | None:
    """Campuses of the campus-like families at a size: one up to 300 tasks, as in
    ``run.py --scale`` 3 at 1,000 and 5 at 5,000 (remote picks its own sites)."""
    if size >= 5000:
        return 5
    if size >= 1000:
        return 3
    return None


def margin(limit: float) -> float:
    """Seconds a run may take beyond its time limit before it is killed: generating,
    reading, the graph before the clock, the greedy baseline and the checker."""
    return max(120.0, 0.5 * limit)


# ----------------------------------------------------------------------------- one run


def family_list(family: str, size: int, seed: int) -> tuple[Instance, Policy]:
    """One generated list of ``family`` and the policy it is measured under (combibaan is
    imported here, so that the parent process stays light)."""
    import combibaan
    from combibaan.generate import generate
    from combibaan.rules import Policy

    kind = "campus" if family == "units" else family
    tasks, travel = generate(size, seed, campuses=campuses_for(size), family=kind)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # generated travel tables name unused places
        instance = combibaan.read_instance(tasks, travel, name=f"{family} n{size} seed {seed}")
    return instance, Policy(min_hours=UNITS_HOURS) if family == "units" else Policy()


class ColumnInput(NamedTuple):
    """A list as column generation gets it (``pricing.py``, ``convergence.py``)."""

    graph: nx.Graph
    adjacency: dict[int, set[int]]
    profiles: list[Profile]
    limits: Limits
    greedy: list[tuple[int, ...]]


def column_input(family: str, size: int, seed: int) -> ColumnInput:
    """One list of ``family``: its compatibility graph, profiles, limits and the greedy
    proposal column generation starts from, as the large path builds them."""
    from combibaan.rules import Limits, profiles
    from combibaan.solvers.compatibility import compatibility_graph
    from combibaan.solvers.greedy import greedy_jobs

    instance, policy = family_list(family, size, seed)
    limits, profs = Limits.of(policy), profiles(instance)
    graph = compatibility_graph(instance, policy, profs)
    adjacency = {v: set(graph[v]) for v in graph}
    return ColumnInput(graph, adjacency, profs, limits, greedy_jobs(graph, profs, limits))


def run_one(family: str, size: int, seed: int, limit: float, strategy: str, workers: int) -> dict:
    """Generate, solve, check and run the greedy baseline on one instance (in the child)."""
    import combibaan

    started = time.perf_counter()
    instance, policy = family_list(family, size, seed)
    generated = time.perf_counter() - started
    started = time.perf_counter()
    result = combibaan.solve(
        instance, policy, time_limit=limit, seed=0, workers=workers, strategy=strategy
    )
    seconds = time.perf_counter() - started
    memory = peak_mb()  # the solve's peak, before the checker and the greedy add their own
    violations = combibaan.check_result(result)
    greedy_jobs, greedy_hours, greedy_seconds = run_greedy(instance, policy)
    stats = result.statistics
    return {
        "tasks": len(instance.tasks),
        "hours_total": round(result.hours_total, 2),
        "jobs": result.num_jobs,
        "bound": result.jobs_bound,
        "gap": result.gap,
        "status": result.status,
        "jobs_status": result.jobs_status,
        "jobs_proven_seconds": stats.jobs_proven_seconds,
        "hours_placed": round(result.hours_placed, 2),
        "hours_bound": result.hours_bound,
        "stopped": result.stopped,
        "wall_clock_cut": stats.wall_clock_cut,
        "method": stats.method,
        "seconds": round(seconds, 3),
        "solve_seconds": round(result.solve_seconds, 3),
        "generate_seconds": round(generated, 3),
        "peak_mb": round(memory, 1),
        "violations": len(violations),
        "first_violation": str(violations[0]) if violations else None,
        "tasks_per_job": round(
            sum(len(job.task_ids) for job in result.solution.jobs) / max(1, result.num_jobs), 2
        ),
        "greedy_jobs": greedy_jobs,
        "greedy_hours": round(greedy_hours, 2),
        "greedy_seconds": round(greedy_seconds, 3),
    }


def child_main(args: argparse.Namespace) -> int:
    """``--child FAMILY SIZE SEED``: one run, one JSON line on stdout (an error is a line too)."""
    family, size, seed = args.child[0], int(args.child[1]), int(args.child[2])
    limit = time_limit(args, size)
    try:
        found = run_one(family, size, seed, limit, args.strategy, args.workers)
    except Exception as error:  # the parent reports it as the run's row
        traceback.print_exc()
        found = {"error": f"{type(error).__name__}: {error}"}
    print(json.dumps(found), flush=True)
    return 0


def spawn(key: dict) -> dict:
    """One run in a fresh process (its own session, so a kill reaches its helpers too)."""
    command = [
        sys.executable,
        str(Path(__file__).resolve()),
        "--child",
        key["family"],
        str(key["size"]),
        str(key["seed"]),
        "--time-limit",
        str(key["time_limit"]),
        "--strategy",
        key["strategy"],
        "--workers",
        str(key["workers"]),
    ]
    timeout = key["time_limit"] + margin(key["time_limit"])
    return run_child(command, timeout)


# ----------------------------------------------------------------------------- the plan


def code_hash() -> str:
    """A hash of the package's source: runs are reused only for the code that made them."""
    digest = hashlib.sha256()
    for path in sorted(SOURCE.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".j2", ".css"):
            digest.update(str(path.relative_to(SOURCE)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def time_limit(args: argparse.Namespace, size: int) -> float:
    if args.time_limit is not None:
        return args.time_limit
    return LARGE.get(size, 60.0) if args.large else 60.0


def plan(args: argparse.Namespace, code: str) -> list[dict]:
    """Every run as the key it is stored and reused under."""
    return [
        {
            "family": family,
            "size": size,
            "seed": seed,
            "time_limit": time_limit(args, size),
            "strategy": args.strategy,
            "workers": args.workers,
            "code": code,
        }
        for family in args.families
        for size in args.sizes
        for seed in range(1, args.seeds + 1)
    ]


def load_runs(path: Path | None) -> dict[str, dict]:
    """Successful runs of earlier starts, by key (a broken last line is skipped)."""
    found: dict[str, dict] = {}
    if path is None or not path.exists():
        return found
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            record = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(record, dict) and "key" in record and not record.get("error"):
            found[json.dumps(record["key"], sort_keys=True)] = record
    return found


def run_all(args: argparse.Namespace, keys: list[dict]) -> tuple[list[dict], bool]:
    """Every run of the plan, reusing stored ones; stops early (and says so) on Ctrl-C."""
    stored = {} if args.fresh else load_runs(args.runs)
    records: list[dict] = []
    for number, key in enumerate(keys, start=1):
        label = (
            f"[{number}/{len(keys)}] {key['family']} n{key['size']} seed {key['seed']} "
            f"({key['time_limit']:g} s)"
        )
        earlier = stored.get(json.dumps(key, sort_keys=True))
        if earlier is not None:
            records.append(earlier)
            print(f"{label}: reused from {args.runs}", file=sys.stderr, flush=True)
            continue
        print(f"{label} …", file=sys.stderr, flush=True)
        started = time.perf_counter()
        try:
            found = spawn(key)
        except KeyboardInterrupt:
            print("interrupted: the report covers the runs finished so far", file=sys.stderr)
            return records, True
        record = {"key": key, "wall_seconds": round(time.perf_counter() - started, 1), **found}
        records.append(record)
        if args.runs is not None:
            args.runs.parent.mkdir(parents=True, exist_ok=True)
            with args.runs.open("a", encoding="utf-8") as handle:
                handle.write(json.dumps(record) + "\n")
        print(f"{label}: {describe(record)}", file=sys.stderr, flush=True)
    return records, False


def describe(record: dict) -> str:
    if record.get("error"):
        return f"ERROR {record['error']}"
    proven = record["jobs_proven_seconds"]
    count = f"jobs_status {record['jobs_status']}"
    when = f" at {proven:.1f} s" if proven is not None else ""
    return (
        f"{record['jobs']} jobs, bound {record['bound']}, {count}{when}, "
        f"{record['seconds']:.1f} s, {record['peak_mb']:.0f} MB, greedy {record['greedy_jobs']}"
        + ("" if not record["violations"] else f", {record['violations']} VIOLATIONS")
    )


# ----------------------------------------------------------------------------- the report


@dataclass(frozen=True)
class Cell:
    """The runs of one family at one size."""

    family: str
    size: int
    limit: float
    runs: list[dict]
    errors: list[dict]

    @property
    def proven(self) -> int:
        return sum(r["jobs_status"] == "optimal" for r in self.runs)

    def median_proven_seconds(self) -> float | None:
        """Median seconds to the proven count, an unproven run counting as never."""
        if not self.runs:
            return None
        times = sorted(
            r["jobs_proven_seconds"]
            if r["jobs_status"] == "optimal" and r["jobs_proven_seconds"] is not None
            else float("inf")
            for r in self.runs
        )
        middle = statistics.median(times)
        return None if middle == float("inf") else middle

    def share(self, run: dict) -> float:
        return 1.0 if not run["bound"] else run["jobs"] / run["bound"]


def cells(records: list[dict]) -> list[Cell]:
    grouped: dict[tuple[str, int], list[dict]] = {}
    for record in records:
        grouped.setdefault((record["key"]["family"], record["key"]["size"]), []).append(record)
    return [
        Cell(
            family,
            size,
            group[0]["key"]["time_limit"],
            [r for r in group if not r.get("error")],
            [r for r in group if r.get("error")],
        )
        for (family, size), group in grouped.items()
    ]


def spread(values: list[float], digits: int = 0) -> str:
    """``median (min–max)``, or the one value when they agree."""
    if not values:
        return "–"
    shown = [f"{v:.{digits}f}" for v in (statistics.median(values), min(values), max(values))]
    return shown[0] if shown[1] == shown[2] else f"{shown[0]} ({shown[1]}–{shown[2]})"


def median_max(values: list[float], form: str) -> str:
    """``median (max …)``, or the median alone when the largest looks the same."""
    if not values:
        return "–"
    middle, top = form.format(statistics.median(values)), form.format(max(values))
    return middle if middle == top else f"{middle} (max {top})"


def table(found: list[Cell]) -> list[str]:
    header = (
        "| family | tasks | runs | jobs | bound | gap | count proven | s to proven count "
        "| total s | wall clock cut | peak MB | greedy jobs | jobs / greedy | method | checker |"
    )
    lines = [header, "|" + "---|" * header.count(" | ") + "---|"]
    for cell in found:
        runs = cell.runs
        gap = median_max([r["gap"] for r in runs if r["gap"] is not None], "{:.1%}")
        proven_at = cell.median_proven_seconds()
        total = median_max([r["seconds"] for r in runs], "{:.1f}")
        ratios = [r["jobs"] / r["greedy_jobs"] for r in runs if r["greedy_jobs"]]
        broken = sum(r["violations"] for r in runs)
        checker = "ok" if runs and not broken else ("–" if not runs else f"**{broken} violations**")
        count = f"{len(runs)}" + (f" + {len(cell.errors)} failed" if cell.errors else "")
        # A run the wall clock cut may differ when repeated (runs of older code lack it).
        cut = sum(bool(r.get("wall_clock_cut")) for r in runs)
        lines.append(
            f"| {cell.family} | {cell.size} | {count} "
            f"| {spread([r['jobs'] for r in runs])} "
            f"| {spread([r['bound'] for r in runs if r['bound'] is not None])} | {gap} "
            f"| {cell.proven}/{len(runs)} "
            f"| {'–' if proven_at is None else f'{proven_at:.1f}'} | {total} "
            f"| {cut}/{len(runs)} "
            f"| {max((r['peak_mb'] for r in runs), default=0):.0f} "
            f"| {spread([r['greedy_jobs'] for r in runs])} "
            f"| {'–' if not ratios else f'{statistics.median(ratios):.2f}'} "
            f"| {', '.join(sorted({r['method'] for r in runs})) or '–'} | {checker} |"
        )
    return lines


def verdict(cell: Cell) -> str | None:
    """The cell against its target: ``met``/``missed`` and the numbers that decide it."""
    target = TARGETS.get(cell.size)
    if target is None:
        return None
    if cell.errors or not cell.runs:
        return f"missed ({len(cell.errors)} failed)"
    if target.share is None:  # the median, a seed not proven counting as never
        proven_at = cell.median_proven_seconds()
        if proven_at is not None and proven_at <= target.seconds:
            return f"met ({cell.proven}/{len(cell.runs)}, {proven_at:.1f} s)"
        shown = "not proven" if proven_at is None else f"{proven_at:.1f} s"
        return f"missed ({cell.proven}/{len(cell.runs)} proven, median {shown})"
    share = statistics.median(cell.share(r) for r in cell.runs)
    seconds = max(r["seconds"] for r in cell.runs)
    memory = max(r["peak_mb"] for r in cell.runs)
    met = share >= target.share and seconds <= target.seconds * 1.05
    if target.memory_mb is not None:
        met = met and memory < target.memory_mb
    return f"{'met' if met else 'missed'} ({share:.1%}, {seconds:.0f} s, {memory:.0f} MB)"


def targets(found: list[Cell]) -> list[str]:
    sizes = sorted({c.size for c in found if c.size in TARGETS})
    if not sizes:
        return []
    families = list(dict.fromkeys(c.family for c in found))
    by = {(c.family, c.size): c for c in found}
    header = "| family | " + " | ".join(f"{s} tasks" for s in sizes) + " |"
    lines = [
        "Issue 8's targets: "
        + "; ".join(f"{s} tasks: {TARGETS[s].text()}" for s in sizes)
        + ". Medians over the instance seeds; an unproven run counts as never proven.",
        "",
        header,
        "|" + "---|" * (len(sizes) + 1),
    ]
    for family in families:
        row = [verdict(by[(family, s)]) if (family, s) in by else None for s in sizes]
        lines.append(f"| {family} | " + " | ".join(v or "–" for v in row) + " |")
    return lines


def report(args: argparse.Namespace, records: list[dict], stopped: bool) -> str:
    found = cells(records)
    # What the runs took, so that a report of reused runs says how long they ran.
    seconds = sum(r.get("wall_seconds", 0.0) for r in records)
    limits = sorted({c.limit for c in found}) or [time_limit(args, s) for s in args.sizes]
    executable = Path(sys.executable)
    shown = str(executable.relative_to(ROOT)) if executable.is_relative_to(ROOT) else "python"
    command = shlex.join([shown, "benchmarks/families.py", *args.argv])
    units = "units" in args.families
    seeds = "seed 1" if args.seeds == 1 else f"seeds 1–{args.seeds}"
    duration = f"{seconds:.0f} s" if seconds < 120 else f"{seconds / 60:.0f} min"
    lines = [
        "# combibaan benchmark families",
        "",
        f"`{command}`",
        "",
        *machine(),
        "- policy: the default (20–36 h a week, at most 2 suppliers, 8 h a day, 10 h span, "
        "15 min travel)"
        + (f"; `units`: the same with `min_hours = {UNITS_HOURS:g}`" if units else ""),
        f"- each run: time limit {', '.join(f'{v:g}' for v in limits)} s, solver seed 0, "
        f"strategy {args.strategy}, CP-SAT workers {max(args.workers, 1)}, in its own process; "
        f"instance {seeds}; measured {time.strftime('%Y-%m-%d')}, {duration} in all",
        "",
        *(f"- `{f}`: {LEGEND[f]}" for f in args.families),
        "",
    ]
    if stopped:
        lines += ["**Interrupted: only the runs finished so far are in the tables.**", ""]
    lines += [*table(found), ""]
    verdicts = targets(found)
    if verdicts:
        lines += [*verdicts, ""]
    failed = [r for r in records if r.get("error")]
    broken = [r for r in records if not r.get("error") and r["violations"]]
    if failed or broken:
        lines.append("Failed runs and checker findings:")
        lines.append("")
        for r in failed:
            key = r["key"]
            lines.append(f"- {key['family']} n{key['size']} seed {key['seed']}: {r['error']}")
        for r in broken:
            key = r["key"]
            lines.append(
                f"- {key['family']} n{key['size']} seed {key['seed']}: {r['violations']} "
                f"violation(s), the first: {r['first_violation']}"
            )
        lines.append("")
    return "\n".join(lines)


# ----------------------------------------------------------------------------- main


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--families", nargs="+", choices=FAMILIES, default=list(FAMILIES))
    p.add_argument("--sizes", type=int, nargs="+", help="tasks per instance (default 40 … 300)")
    p.add_argument("--seeds", type=int, help="instance seeds 1..K (default 3, --large 1)")
    p.add_argument(
        "--time-limit",
        type=float,
        help="seconds per solve (default 60; --large: 300 at 1,000 tasks, 1,800 at 5,000)",
    )
    p.add_argument("--strategy", default="auto", help="passed to combibaan.solve")
    p.add_argument(
        "--workers",
        type=int,
        default=0,
        help="CP-SAT threads: 0 or 1 one worker, N an interleaved search on N",
    )
    p.add_argument(
        "--large", action="store_true", help="1,000 and 5,000 tasks, one seed per family"
    )
    p.add_argument("--out", type=Path, help="also write the report as Markdown here")
    p.add_argument(
        "--runs",
        type=Path,
        help="JSON lines of every run, reused when started again "
        "(default: next to --out, as NAME.runs.jsonl)",
    )
    p.add_argument("--fresh", action="store_true", help="run everything again, reuse nothing")
    p.add_argument("--child", nargs=3, metavar=("FAMILY", "SIZE", "SEED"), help=argparse.SUPPRESS)
    return p


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    p = parser()
    args = p.parse_args(argv)
    args.argv = argv
    if args.child:
        return child_main(args)
    args.sizes = args.sizes or (sorted(LARGE) if args.large else list(SIZES))
    args.seeds = args.seeds or (1 if args.large else 3)
    if args.seeds < 1 or any(s < 1 for s in args.sizes):
        p.error("--sizes and --seeds must be at least 1")
    if args.time_limit is not None and args.time_limit <= 0:
        p.error("--time-limit must be above 0")
    if args.runs is None and args.out is not None:
        args.runs = args.out.with_name(args.out.stem + ".runs.jsonl")
    records, stopped = run_all(args, plan(args, code_hash()))
    text = report(args, records, stopped)
    print(text)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        temporary = args.out.with_name(f".{args.out.name}.tmp")
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, args.out)
    return 130 if stopped else 0


if __name__ == "__main__":
    sys.exit(main())
