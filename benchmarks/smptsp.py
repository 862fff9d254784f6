"""Run the SMPTSP benchmark: combibaan's cover mode against the sheet's bounds and a plain model.

Run from the repository root::

    .venv/bin/python benchmarks/smptsp.py --set Data_137 [--time-limit 60] [--workers 2]
        [--plain] [--plain-time-limit 20] [--write benchmarks/RESULTS-smptsp.md]
    .venv/bin/python benchmarks/smptsp.py --set Data_137 --every 10 --time-limit 20 --plain
    .venv/bin/python benchmarks/smptsp.py --instances data_1_23_40_66 data_8_48_85_33

Each instance (read from its archive with ``smptsp_data``) is solved in cover mode with
every rule off and the benchmark's workers as candidates, and with ``--plain`` also by
the plain CP-SAT assignment model issue 13 compares against: one worker variable per
task whose domain is its eligible workers, a no-overlap over optional intervals per
worker, the number of workers used minimised, and nothing else (no cliques, no hint, no
symmetry breaking). Each side runs in its own process, so its peak memory is its own
and a crash or a hang costs one row. Every cover, of either side, goes through this
script's own verifier (every task in exactly one job, each job held by a distinct known
worker who may do all its tasks, which do not overlap, half-open), and combibaan's also
through ``combibaan.check_solution``. One line per instance goes to stdout as it ends,
then the summary against the issue's targets; ``--write`` also saves them as Markdown.
"""

from __future__ import annotations

import argparse
import io
import json
import math
import os
import shlex
import statistics
import subprocess
import sys
import time
import traceback
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench_common import machine, peak_mb, run_child
from families import margin
from smptsp_data import (
    ENVIRONMENT,
    SETS,
    TABLE,
    Listed,
    SheetBounds,
    data_folder,
    listed,
    members,
    sheet,
)

import combibaan
from combibaan.io.smptsp import Smptsp

ROOT = Path(__file__).resolve().parent.parent
SIDES = ("combibaan", "plain")
#: Issue 13's targets.
SMALL_TASKS = 500
SMALL_SECONDS = 60.0
MATCHED_SHARE = 0.95
MEAN_GAP = 0.05
LB_SHARE = 0.90
#: Findings listed per instance under the table; the rest are counted.
SHOWN_FINDINGS = 3


# ----------------------------------------------------------------------------- the verifier


def cover_findings(smptsp: Smptsp, jobs: Sequence[tuple[str | None, Sequence[str]]]) -> list[str]:
    """Everything wrong with ``jobs`` as a cover of the instance; empty when it is one.

    Written for this script alone, sharing nothing with the solver or the checker: every
    task in exactly one job; each job held by a worker of the file, no worker twice; every
    task of a job on its worker's line; a job's tasks pairwise apart, time half-open
    (``[start, end)``: one ending at 600 and one starting at 600 may share a worker).
    """
    spans = {
        task.id: [(slot.week_start, slot.week_end) for slot in task.slots]
        for task in smptsp.instance.tasks
    }
    lines = {c.id: frozenset(c.eligible_task_ids or ()) for c in smptsp.candidates}
    found: list[str] = []
    held: Counter[str] = Counter()
    holders: Counter[str] = Counter()
    for number, (worker, task_ids) in enumerate(jobs, start=1):
        label = f"job {number} ({worker})"
        if not task_ids:
            found.append(f"{label}: holds no task")
        if worker is None:
            found.append(f"{label}: no worker")
        elif worker not in lines:
            found.append(f"{label}: no such worker")
        else:
            holders[worker] += 1
            outside = [t for t in task_ids if t in spans and t not in lines[worker]]
            if outside:
                found.append(f"{label}: not on the worker's line: {_some(outside)}")
        unknown = [t for t in task_ids if t not in spans]
        if unknown:
            found.append(f"{label}: no such task: {_some(unknown)}")
        held.update(task_ids)
        pieces = sorted((s, e, t) for t in task_ids if t in spans for s, e in spans[t])
        reach, reaching = -1, ""
        for start, end, task in pieces:
            if start < reach:
                found.append(f"{label}: {reaching} and {task} overlap")
            if end > reach:
                reach, reaching = end, task
    found += [f"worker {w} holds {n} jobs" for w, n in holders.items() if n > 1]
    twice = [t for t, n in held.items() if n > 1 and t in spans]
    if twice:
        found.append(f"{len(twice)} task(s) in more than one job: {_some(twice)}")
    missing = [t for t in spans if t not in held]
    if missing:
        found.append(f"{len(missing)} task(s) in no job: {_some(missing)}")
    return found


def _some(items: Sequence[str], most: int = 5) -> str:
    shown = ", ".join(items[:most])
    return shown + (f" and {len(items) - most} more" if len(items) > most else "")


# ----------------------------------------------------------------------------- the two sides


def solve_plain(smptsp: Smptsp, time_limit: float, workers: int, seed: int) -> dict[str, Any]:
    """The plain CP-SAT assignment model (see the module's docstring): what it found, the
    lower bound CP-SAT proved, its status, the cover, and the seconds and memory it took
    (building the model included)."""
    from ortools.sat.python import cp_model

    started = time.perf_counter()
    tasks = smptsp.instance.tasks
    index = {task.id: i for i, task in enumerate(tasks)}
    eligible: list[list[int]] = [[] for _ in tasks]
    for k, candidate in enumerate(smptsp.candidates):
        for task_id in candidate.eligible_task_ids or ():
            eligible[index[task_id]].append(k)
    if not all(eligible):
        return {"found": None, "bound": None, "status": "infeasible", "jobs": []} | _cost(started)
    model = cp_model.CpModel()
    worker = [
        model.new_int_var_from_domain(cp_model.Domain.from_values(ks), f"w{i}")
        for i, ks in enumerate(eligible)
    ]
    used: dict[int, cp_model.IntVar] = {}
    intervals: dict[int, list[cp_model.IntervalVar]] = {}
    for i, (task, ks) in enumerate(zip(tasks, eligible, strict=True)):
        for k in ks:
            chosen = model.new_bool_var(f"a{i}_{k}")
            model.add(worker[i] == k).only_enforce_if(chosen)
            model.add(worker[i] != k).only_enforce_if(~chosen)
            if k not in used:
                used[k] = model.new_bool_var(f"u{k}")
            model.add_implication(chosen, used[k])
            intervals.setdefault(k, []).extend(
                model.new_optional_fixed_size_interval_var(
                    slot.week_start, slot.minutes, chosen, f"i{i}_{k}"
                )
                for slot in task.slots
            )
    for group in intervals.values():
        model.add_no_overlap(group)
    model.minimize(sum(used.values()))
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = time_limit
    solver.parameters.num_workers = max(1, workers)
    solver.parameters.random_seed = seed
    status = solver.solve(model)
    cost = _cost(started)
    word = {
        cp_model.OPTIMAL: "optimal",
        cp_model.FEASIBLE: "feasible",
        cp_model.INFEASIBLE: "infeasible",
    }.get(status, "unknown")
    if word == "infeasible":
        return {"found": None, "bound": None, "status": word, "jobs": []} | cost
    bound = max(0, math.ceil(solver.best_objective_bound - 1e-6))
    if word == "unknown":
        return {"found": None, "bound": bound, "status": word, "jobs": []} | cost
    codes = [c.id for c in smptsp.candidates]
    jobs: dict[str, list[str]] = {}
    for i, task in enumerate(tasks):
        jobs.setdefault(codes[solver.value(worker[i])], []).append(task.id)
    return {"found": len(jobs), "bound": bound, "status": word, "jobs": list(jobs.items())} | cost


def solve_combibaan(smptsp: Smptsp, time_limit: float, workers: int, seed: int) -> dict[str, Any]:
    """combibaan's cover mode with every rule off: what it found, its proven lower bound,
    its status, the cover, the seconds and memory the solve took, and what
    ``check_solution`` says of it."""
    started = time.perf_counter()
    result = combibaan.solve(
        smptsp.instance,
        combibaan.Policy.without_rules(cover=True),
        candidates=smptsp.candidates,
        time_limit=time_limit,
        workers=workers,
        seed=seed,
    )
    cost = _cost(started)
    solved = result.status in ("optimal", "feasible")
    violations = combibaan.check_solution(
        smptsp.instance, result.to_dict(), candidates=smptsp.candidates
    )
    return {
        "found": result.num_jobs if solved else None,
        "bound": result.jobs_bound,
        "status": result.status,
        "jobs": [(job.candidate, list(job.task_ids)) for job in result.solution.jobs],
        "check": [v.text("en") for v in violations],
    } | cost


def _cost(started: float) -> dict[str, float]:
    """Seconds since ``started`` and the process's peak memory so far (MB)."""
    return {"seconds": round(time.perf_counter() - started, 2), "peak_mb": round(peak_mb(), 1)}


SOLVERS: dict[str, Callable[[Smptsp, float, int, int], dict[str, Any]]] = {
    "combibaan": solve_combibaan,
    "plain": solve_plain,
}


def child_main(args: argparse.Namespace) -> int:
    """``--child SIDE MEMBER``: the ``.dat`` bytes on stdin, one JSON line on stdout (an
    error is a line too)."""
    side, member = args.child
    try:
        smptsp = combibaan.read_smptsp(io.BytesIO(sys.stdin.buffer.read()), name=member)
        limit = args.plain_time_limit if side == "plain" else args.time_limit
        found = SOLVERS[side](smptsp, limit, args.workers, args.seed)
    except Exception as error:  # the parent reports it in the instance's row
        traceback.print_exc()
        found = {"error": f"{type(error).__name__}: {error}"}
    print(json.dumps(found), flush=True)
    return 0


def spawn(side: str, member: str, data: bytes, args: argparse.Namespace) -> dict[str, Any]:
    """One side on one instance in a fresh process (its own session, so that a kill
    reaches everything it started); killed after its time limit plus a margin."""
    limit = args.plain_time_limit if side == "plain" else args.time_limit
    command = [
        sys.executable,
        str(Path(__file__).resolve()),
        "--child",
        side,
        member,
        *("--time-limit", str(args.time_limit), "--plain-time-limit", str(args.plain_time_limit)),
        *("--workers", str(args.workers), "--seed", str(args.seed)),
    ]
    timeout = limit + margin(limit)
    return run_child(command, timeout, data)


# ----------------------------------------------------------------------------- one instance


@dataclass
class Run:
    """One instance: what the data's table and the sheet say, and what each side did."""

    row: Listed
    bounds: SheetBounds | None
    sides: dict[str, dict[str, Any]]

    def found(self, side: str) -> int | None:
        return self.sides.get(side, {}).get("found")

    def bound(self, side: str) -> int | None:
        return self.sides.get(side, {}).get("bound")

    def proven(self, side: str) -> bool:
        found, bound = self.found(side), self.bound(side)
        return found is not None and bound is not None and bound >= found

    def seconds(self, side: str) -> float | None:
        return self.sides.get(side, {}).get("seconds")

    def matched(self, side: str) -> bool:
        """Whether the side found as few workers as the best known, or fewer."""
        found, best = self.found(side), self.best_known
        return found is not None and best is not None and found <= best

    def lb_reached(self, side: str) -> bool:
        """Whether the side's lower bound is at least the sheet's."""
        bound = self.bound(side)
        return bound is not None and self.bounds is not None and bound >= self.bounds.lb

    @property
    def best_known(self) -> int | None:
        return None if self.bounds is None else self.bounds.ub

    def findings(self) -> list[str]:
        """Every finding of the verifier and the checker, every error, and bounds that
        contradict each other or the sheet's, each naming its side."""
        out: list[str] = []
        for side, done in self.sides.items():
            if done.get("error"):
                out.append(f"{side}: {done['error']}")
                continue
            out += [f"{side}: {f}" for f in done.get("findings", [])]
            out += [f"{side}, check_solution: {f}" for f in done.get("check", [])]
            found, bound = self.found(side), self.bound(side)
            if found is not None and bound is not None and bound > found:
                out.append(f"{side}: lower bound {bound} above the {found} workers it found")
            if self.bounds is not None:
                if bound is not None and self.bounds.ub is not None and bound > self.bounds.ub:
                    out.append(
                        f"{side}: lower bound {bound} above the sheet's solution ({self.bounds.ub})"
                    )
                if found is not None and self.bounds.proven and found < self.bounds.lb:
                    out.append(
                        f"{side}: {found} workers, below the sheet's proven {self.bounds.lb}"
                    )
        return out


def verify(smptsp: Smptsp, done: dict[str, Any]) -> dict[str, Any]:
    """A side's outcome with the verifier's findings on its cover (and on its count)."""
    if done.get("error") or done.get("found") is None:
        return done
    jobs = [(worker, list(tasks)) for worker, tasks in done["jobs"]]
    findings = cover_findings(smptsp, jobs)
    if len(jobs) != done["found"]:
        findings.append(f"says {done['found']} workers, its cover has {len(jobs)} jobs")
    return {**{k: v for k, v in done.items() if k != "jobs"}, "findings": findings}


# ----------------------------------------------------------------------------- choosing


def choose(args: argparse.Namespace, table: dict[str, Listed]) -> list[Listed]:
    """The instances to run: the sets (in the order given, each by tasks, then name) or
    the names given, at most ``--max-tasks`` tasks, then every ``--every``-th."""
    if args.instances:
        unknown = [name for name in args.instances if name not in table]
        if unknown:
            raise KeyError(f"no SMPTSP instance {', '.join(unknown)} in {TABLE}")
        rows = [table[name] for name in dict.fromkeys(args.instances)]
    else:
        sets = list(dict.fromkeys(args.set or SETS))
        rows = sorted(
            (row for row in table.values() if row.set in sets),
            key=lambda row: (sets.index(row.set), row.tasks, row.instance),
        )
    if args.max_tasks is not None:
        rows = [row for row in rows if row.tasks <= args.max_tasks]
    return rows[:: args.every]


def load(rows: Sequence[Listed], folder: Path) -> dict[str, tuple[str, bytes]]:
    """The ``.dat`` bytes of ``rows`` with their member names, by instance name: each
    set's archive is read once."""
    wanted = {row.instance for row in rows}
    found: dict[str, tuple[str, bytes]] = {}
    for set_name in dict.fromkeys(row.set for row in rows):
        for member, data in members(set_name, folder):
            if Path(member).stem in wanted:
                found[Path(member).stem] = (member, data)
    return found


# ----------------------------------------------------------------------------- the report


def _n(value: object) -> str:
    return "–" if value is None else str(value)


def _s(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}"


def _mb(done: dict[str, Any]) -> str:
    return "–" if "peak_mb" not in done else f"{done['peak_mb']:.0f}"


def _pct(value: float | None, sign: bool = False) -> str:
    return "–" if value is None else f"{value:{'+' if sign else ''}.1%}"


def _share(part: int, whole: int) -> str:
    return f"{part}/{whole}" + (f" ({part / whole:.0%})" if whole else "")


def header(plain: bool) -> list[str]:
    columns = [
        "instance",
        "set",
        "tasks",
        "workers",
        "found",
        "bound",
        "status",
        "s",
        "MB",
        "sheet lb",
        "sheet ub",
        "sheet proven",
        "found − ub",
    ]
    if plain:
        columns += ["plain found", "plain bound", "plain status", "plain s", "plain MB"]
    columns.append("verified")
    return ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]


def line(run: Run, plain: bool) -> str:
    """One instance as a row of the table."""
    ours = run.sides["combibaan"]
    sheet_lb = None if run.bounds is None else run.bounds.lb
    proven = None if run.bounds is None else ("yes" if run.bounds.proven else "no")
    found, best = run.found("combibaan"), run.best_known
    delta: object = None
    if found is not None and best is not None:
        delta = f"{found - best:+d}" if found != best else 0
    cells = [
        run.row.instance,
        run.row.set,
        run.row.tasks,
        run.row.workers,
        _n(found),
        _n(run.bound("combibaan")),
        "error" if ours.get("error") else ours["status"],
        _s(run.seconds("combibaan")),
        _mb(ours),
        _n(sheet_lb),
        _n(best),
        _n(proven),
        _n(delta),
    ]
    if plain:
        other = run.sides.get("plain", {})
        cells += [
            _n(run.found("plain")),
            _n(run.bound("plain")),
            "error" if other.get("error") else other.get("status", "–"),
            _s(run.seconds("plain")),
            _mb(other),
        ]
    findings = run.findings()
    cells.append("ok" if not findings else f"**{len(findings)} findings**")
    return "| " + " | ".join(map(str, cells)) + " |"


@dataclass(frozen=True)
class Measures:
    """What issue 13's targets ask of combibaan on a group of instances."""

    runs: int
    solved: int
    #: Instances with a known solution (a sheet upper bound), solved and at most it.
    known: int
    known_solved: int
    matched: int
    #: Instances the sheet proves, and those combibaan proves too.
    sheet_proven: int
    proven: int
    #: Instances up to :data:`SMALL_TASKS` tasks, and those proven in time.
    small: int
    small_proven: int
    #: ``(found - best known) / best known`` of the solved ones with a known solution.
    gaps: tuple[float, ...]
    #: Instances on the sheet, and those whose lower bound reaches the sheet's.
    with_lb: int
    lb_met: int
    with_findings: int

    @classmethod
    def of(cls, runs: Sequence[Run]) -> Measures:
        known = [run for run in runs if run.best_known is not None]
        proven = [run for run in runs if run.bounds is not None and run.bounds.proven]
        small = [run for run in runs if run.row.tasks <= SMALL_TASKS]
        on_sheet = [run for run in runs if run.bounds is not None]
        side = "combibaan"
        return cls(
            runs=len(runs),
            solved=sum(run.found(side) is not None for run in runs),
            known=len(known),
            known_solved=sum(run.found(side) is not None for run in known),
            matched=sum(run.matched(side) for run in known),
            sheet_proven=len(proven),
            proven=sum(run.proven(side) for run in proven),
            small=len(small),
            small_proven=sum(
                run.proven(side) and (run.seconds(side) or 0) <= SMALL_SECONDS for run in small
            ),
            gaps=tuple(gaps_to_best(runs, side)),
            with_lb=len(on_sheet),
            lb_met=sum(run.lb_reached(side) for run in on_sheet),
            with_findings=sum(bool(run.findings()) for run in runs),
        )

    @property
    def mean_gap(self) -> float | None:
        return statistics.mean(self.gaps) if self.gaps else None


def groups(runs: Sequence[Run], *, total: bool = False) -> list[tuple[str, list[Run]]]:
    """The runs by set, in the order they ran; ``total``: and all of them, when of several."""
    found = [
        (name, [run for run in runs if run.row.set == name])
        for name in dict.fromkeys(run.row.set for run in runs)
    ]
    return [*found, ("all", list(runs))] if total and len(found) > 1 else found


def summary(runs: Sequence[Run]) -> list[str]:
    """Per set, the measures issue 13's targets name."""
    lines = [
        "| set | instances | solved | ≤ best known | proven where the sheet proves "
        f"| ≤ {SMALL_TASKS} tasks proven in ≤ {SMALL_SECONDS:g} s | mean gap to sheet ub "
        "| bound ≥ sheet lb | verified |",
        "|" + "---|" * 9,
    ]
    for set_name, group in groups(runs, total=True):
        m = Measures.of(group)
        lines.append(
            f"| {set_name} | {m.runs} | {_share(m.solved, m.runs)} "
            f"| {_share(m.matched, m.known)} | {_share(m.proven, m.sheet_proven)} "
            f"| {_share(m.small_proven, m.small)} | {_pct(m.mean_gap, sign=True)} "
            f"| {_share(m.lb_met, m.with_lb)} "
            f"| {'ok' if not m.with_findings else f'**{m.with_findings} with findings**'} |"
        )
    return lines


def gaps_to_best(runs: Sequence[Run], side: str) -> list[float]:
    """``(found - best known) / best known`` of every run where both are known."""
    return [
        (found - best) / best
        for run in runs
        if (found := run.found(side)) is not None and (best := run.best_known)
    ]


def targets(runs: Sequence[Run], limit: float) -> list[str]:
    """Issue 13's targets, each ``met`` or ``missed`` with the numbers that decide it, over
    the instances of each set that ran."""
    lines: list[str] = []
    for set_name, group in groups(runs):
        m = Measures.of(group)
        lines.append(
            f"- {set_name} ({m.runs} instance{'s' if m.runs != 1 else ''} run, {limit:g} s each):"
        )
        if set_name == "Data_137":
            checks = [
                ("every instance with a known solution solved", m.known_solved, m.known, 1.0),
                (
                    f"best known matched or beaten on ≥ {MATCHED_SHARE:.0%}",
                    m.matched,
                    m.known,
                    MATCHED_SHARE,
                ),
                ("proven optimal wherever the sheet proves it", m.proven, m.sheet_proven, 1.0),
                (
                    f"up to {SMALL_TASKS} tasks proven optimal in ≤ {SMALL_SECONDS:g} s",
                    m.small_proven,
                    m.small,
                    1.0,
                ),
            ]
        else:
            checks = [
                ("a solution for every instance", m.solved, m.runs, 1.0),
                (
                    f"lower bound at least the sheet's on ≥ {LB_SHARE:.0%}",
                    m.lb_met,
                    m.with_lb,
                    LB_SHARE,
                ),
            ]
        lines += [
            f"  - {what}: {_verdict(whole > 0 and part >= share * whole)}, {_share(part, whole)}"
            for what, part, whole, share in checks
        ]
        if set_name != "Data_137":
            met = m.mean_gap is not None and m.mean_gap <= MEAN_GAP
            lines.append(
                f"  - within {MEAN_GAP:.0%} of the sheet's upper bound on average: "
                f"{_verdict(met)}, mean {_pct(m.mean_gap, sign=True)} over {len(m.gaps)} solved"
            )
    return lines


def _verdict(met: bool) -> str:
    return "met" if met else "missed"


def against_plain(runs: Sequence[Run]) -> list[str]:
    """combibaan beside the plain model: how many more workers the plain model needs
    where both found a cover, and where it found none."""
    lines = [
        "| set | instances | both found | plain found none | plain more / same / fewer "
        "| plain over combibaan: median | mean | max | plain over best known: mean "
        "| proven: combibaan | plain |",
        "|" + "---|" * 11,
    ]
    for set_name, group in groups(runs, total=True):
        both = [
            (ours, other)
            for run in group
            if (ours := run.found("combibaan")) is not None
            and (other := run.found("plain")) is not None
        ]
        more = [(other - ours) / ours for ours, other in both]
        none = sum(
            run.found("plain") is None and run.found("combibaan") is not None for run in group
        )
        order = Counter((other > ours) - (other < ours) for ours, other in both)
        over_best = gaps_to_best(group, "plain")
        lines.append(
            f"| {set_name} | {len(group)} | {len(both)} | {none} "
            f"| {order[1]} / {order[0]} / {order[-1]} "
            f"| {_pct(statistics.median(more) if more else None, sign=True)} "
            f"| {_pct(statistics.mean(more) if more else None, sign=True)} "
            f"| {_pct(max(more) if more else None, sign=True)} "
            f"| {_pct(statistics.mean(over_best) if over_best else None, sign=True)} "
            f"| {sum(run.proven('combibaan') for run in group)} "
            f"| {sum(run.proven('plain') for run in group)} |"
        )
    missing = [run for run in runs if run.found("plain") is None and run.found("combibaan")]
    if missing:
        lines += [
            "",
            "The plain model found no cover for: "
            + ", ".join(
                f"{run.row.instance} ({run.row.tasks} tasks; combibaan {run.found('combibaan')})"
                for run in missing
            )
            + ".",
        ]
    return lines


def findings_list(runs: Sequence[Run]) -> list[str]:
    lines: list[str] = []
    for run in runs:
        found = run.findings()
        if found:
            more = len(found) - SHOWN_FINDINGS
            lines += [f"- {run.row.instance}: {f}" for f in found[:SHOWN_FINDINGS]]
            if more > 0:
                lines.append(f"- {run.row.instance}: and {more} more")
    return lines


def code_line() -> str:
    """The commit measured, and whether the package had changes not committed."""

    def git(*words: str) -> str:
        done = subprocess.run(
            ["git", *words], cwd=ROOT, capture_output=True, text=True, check=False
        )
        return done.stdout.strip() if done.returncode == 0 else ""

    commit = git("rev-parse", "--short", "HEAD") or "?"
    dirty = " with uncommitted changes in src/" if git("status", "--porcelain", "src") else ""
    return f"- code: commit {commit}{dirty}"


def report(
    args: argparse.Namespace,
    runs: Sequence[Run],
    chosen: int,
    stopped: bool,
    seconds: float,
    code: str,
) -> str:
    """The whole report as Markdown; ``code`` is :func:`code_line` read when the run began."""
    executable = Path(sys.executable)
    shown = str(executable.relative_to(ROOT)) if executable.is_relative_to(ROOT) else "python"
    command = shlex.join([shown, "benchmarks/smptsp.py", *args.argv])
    duration = f"{seconds:.0f} s" if seconds < 120 else f"{seconds / 60:.0f} min"
    plain = (
        f"; the plain model {args.plain_time_limit:g} s, the same workers and seed"
        if args.plain
        else ""
    )
    lines = [
        "# combibaan on the SMPTSP benchmark",
        "",
        f"`{command}`",
        "",
        code,
        *machine(),
        f"- each instance: cover mode, every rule off, the workers as candidates; time limit "
        f"{args.time_limit:g} s, CP-SAT workers {max(args.workers, 1)}, seed {args.seed}{plain}; "
        f"each side in its own process; measured {time.strftime('%Y-%m-%d')}, "
        f"{duration} in all",
        f"- {len(runs)} of the {chosen} instances chosen ran",
        "",
    ]
    if stopped:
        lines += ["**Interrupted: only the instances finished so far are in the tables.**", ""]
    lines += [*header(args.plain), *(line(run, args.plain) for run in runs), ""]
    lines += [
        "found: workers in the cover; bound: the proven lower bound; s: wall-clock seconds of "
        "the solve (building the model included); MB: the side's peak memory; sheet lb / ub: "
        "the source repository's results sheet, proven where they meet; found − ub: against "
        "the best known; verified: every cover through the script's verifier (and "
        "combibaan's through check_solution), bounds against each other and the sheet.",
        "",
        "## Summary",
        "",
        *summary(runs),
        "",
        "Issue 13's targets, over the instances that ran:",
        "",
        *targets(runs, args.time_limit),
        "",
    ]
    if args.plain:
        lines += [
            "## combibaan beside the plain model",
            "",
            f"The plain CP-SAT assignment model ({args.plain_time_limit:g} s): one worker "
            "variable per task over its eligible workers, a no-overlap of optional intervals "
            "per worker, the workers used minimised; no cliques, no hint, no symmetry "
            "breaking. 'plain over combibaan': (plain − combibaan) / combibaan workers, "
            "where both found a cover.",
            "",
            *against_plain(runs),
            "",
        ]
    found = findings_list(runs)
    if found:
        lines += ["## Findings", "", *found, ""]
    return "\n".join(lines)


# ----------------------------------------------------------------------------- main


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    chosen = p.add_mutually_exclusive_group()
    chosen.add_argument(
        "--set", action="append", choices=SETS, help="this set (repeatable; default all)"
    )
    chosen.add_argument("--instances", nargs="+", metavar="NAME", help="these instances")
    p.add_argument("--max-tasks", type=int, help="only instances with at most N tasks")
    p.add_argument("--every", type=int, default=1, help="every K-th instance of those chosen")
    p.add_argument("--time-limit", type=float, default=60.0, help="seconds per instance")
    p.add_argument("--workers", type=int, default=2, help="CP-SAT threads (default 2)")
    p.add_argument("--seed", type=int, default=0, help="CP-SAT's random seed")
    p.add_argument("--plain", action="store_true", help="also run the plain CP-SAT model")
    p.add_argument(
        "--plain-time-limit", type=float, default=20.0, help="seconds of the plain model"
    )
    p.add_argument("--write", type=Path, metavar="FILE.md", help="also write the report here")
    p.add_argument("--data", help=f"the data folder (default ${ENVIRONMENT}, else shared)")
    p.add_argument("--child", nargs=2, metavar=("SIDE", "MEMBER"), help=argparse.SUPPRESS)
    return p


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    p = parser()
    args = p.parse_args(argv)
    args.argv = argv
    if args.child:
        return child_main(args)
    if args.every < 1 or (args.max_tasks is not None and args.max_tasks < 1):
        p.error("--every and --max-tasks must be at least 1")
    if args.time_limit <= 0 or args.plain_time_limit <= 0:
        p.error("the time limits must be above 0")
    folder = data_folder(args.data)
    if not (folder / TABLE).is_file():
        print(f"no SMPTSP data in {folder}: give --data or set {ENVIRONMENT}", file=sys.stderr)
        return 2
    try:
        rows = choose(args, listed(folder))
    except KeyError as error:
        print(error.args[0], file=sys.stderr)
        return 2
    bounds = sheet(folder)
    files = load(rows, folder)
    sides = SIDES if args.plain else SIDES[:1]
    code = code_line()
    started = time.perf_counter()
    runs: list[Run] = []
    stopped = False
    print("\n".join(header(args.plain)), flush=True)
    for number, row in enumerate(rows, start=1):
        member, data = files[row.instance]
        print(f"[{number}/{len(rows)}] {row.instance} …", file=sys.stderr, flush=True)
        smptsp = combibaan.read_smptsp(io.BytesIO(data), name=member)
        try:
            done = {side: verify(smptsp, spawn(side, member, data, args)) for side in sides}
        except KeyboardInterrupt:
            print("interrupted: the report covers the instances finished so far", file=sys.stderr)
            stopped = True
            break
        runs.append(Run(row, bounds.get(row.instance), done))
        print(line(runs[-1], args.plain), flush=True)
    text = report(args, runs, len(rows), stopped, time.perf_counter() - started, code)
    print("\n" + text[text.index("## Summary") :] if runs else "no instance ran")
    if args.write:
        args.write.parent.mkdir(parents=True, exist_ok=True)
        temporary = args.write.with_name(f".{args.write.name}.tmp")
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, args.write)
    return 130 if stopped else 0


if __name__ == "__main__":
    sys.exit(main())
