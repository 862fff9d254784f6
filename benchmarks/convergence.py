"""What column generation needs to converge, against the share the large path gives it.

Run from the repository root::

    .venv/bin/python benchmarks/convergence.py --lists short:150:2:30 short:250:3:60
        [--budget 200 [400 ...]] [--dive 36] [--out FILE]

Each list (``family:tasks:seed:time limit``, made as ``families.py`` makes it) gets
column generation (:func:`combibaan.solvers.colgen.lp_bound`) from the greedy
proposal with the hours bound as the large path passes it, on ``--budget`` reference
seconds (each list on each budget given). The table shows the rounds, the columns,
the LP over them, the bound proven, whether it converged and the reference seconds
it spent, against the share of the time limit the large path would give it
(``BOUND_SHARE`` of the budget inline, ``BACKGROUND_SHARES[0]`` from
``BACKGROUND_FROM`` tasks; a failed enumeration by ``auto`` before it comes off that
share too, so the real share is at most this).
Where it converges on more than its share, the family benchmark's bound at that
time limit is the hours bound or a looser Farley bound, however good the jobs are.
A bound of "–" with "converged": the LP reached the hours bound, which then stands;
without "converged", the run spent its whole budget and needs more than it shows.

``--dive B`` then dives over the columns (:func:`combibaan.solvers.dive.dive`, as the
large path does next) on ``B`` reference seconds and shows the jobs it finds: how
far the jobs follow the LP as column generation gets more work. Every number but the
CPU seconds depends only on the list and the budgets, not on the machine or its load.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from bench_common import heading, prepare_out
from families import FAMILIES, column_input

from combibaan.solvers import colgen, large
from combibaan.solvers.dive import dive
from combibaan.solvers.hours_bound import hours_bound


def share(tasks: int, time_limit: float) -> float:
    """Reference seconds the large path gives column generation at this time limit."""
    budget = large.USABLE * time_limit
    if tasks >= large.BACKGROUND_FROM:
        return large.BACKGROUND_SHARES[0] * budget
    return large.BOUND_SHARE * budget


def measure(
    family: str, size: int, seed: int, time_limit: float, budget: float, dive_budget: float = 0.0
) -> str:
    graph, adjacency, profs, limits, greedy = column_input(family, size, seed)
    fallback = hours_bound(graph, profs, limits)
    started = time.process_time()
    outcome = colgen.lp_bound(
        adjacency,
        profs,
        limits,
        greedy,
        time.perf_counter() + 10 * budget,
        budget=budget,
        known_bound=fallback,
    )
    cpu = time.process_time() - started
    bound = "–" if outcome.jobs_bound is None else str(outcome.jobs_bound)
    given = share(size, time_limit)
    dived = "–"
    if dive_budget > 0:
        diving = dive(
            adjacency,
            profs,
            limits,
            outcome.pool,
            dive_budget,
            time.perf_counter() + 10 * dive_budget,
        )
        dived = f"{len(diving.jobs)} ({diving.work:.2f} s)"
    return (
        f"| {family} | {size} | {seed} | {fallback} | {outcome.rounds} | {outcome.columns:,} "
        f"| {outcome.lp_value:.2f} | {bound} | {'yes' if outcome.converged else 'no'} "
        f"| {outcome.work:.2f} | {cpu:.2f} | {time_limit:g} s: {given:.1f} "
        f"| {outcome.work / given:.2f} | {dived} |"
    )


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument(
        "--lists",
        nargs="+",
        default=["short:150:2:30", "short:250:3:60"],
        metavar="FAMILY:TASKS:SEED:LIMIT",
        help="lists as family:tasks:seed:time limit, the limit in seconds of the solve "
        f"whose share is shown; family one of {' '.join(FAMILIES)} (default "
        "short:150:2:30 short:250:3:60)",
    )
    p.add_argument(
        "--budget",
        type=float,
        nargs="+",
        default=[200.0],
        help="reference seconds column generation may spend on each list, one run per "
        "budget (default 200)",
    )
    p.add_argument(
        "--dive",
        type=float,
        default=0.0,
        metavar="BUDGET",
        help="then dive over the columns on this many reference seconds and show its jobs",
    )
    p.add_argument("--out", type=Path, help="also write the table here")
    args = p.parse_args()
    if min(args.budget) <= 0:
        p.error("--budget: give a positive number of reference seconds")
    if args.dive < 0:
        p.error("--dive: give a positive number of reference seconds, or leave it out")
    prepare_out(p, args.out)  # before any run
    lines = [
        heading("What column generation needs to converge, against its share"),
        "| family | tasks | seed | hours bound | rounds | columns | LP | bound | converged "
        "| reference s spent | CPU s | its share at the time limit | spent / share "
        "| jobs by a dive over the columns (reference s) |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    runs: list[tuple[str, int, int, float]] = []  # all read first: a typo costs no run
    for item in args.lists:
        try:
            family, size, seed, limit = item.split(":")
            numbers = int(size), int(seed), float(limit)
            if numbers[0] < 1 or numbers[2] <= 0:
                raise ValueError
        except ValueError:
            p.error(
                f"{item}: give family:tasks:seed:time limit (at least 1 task, a positive "
                "limit), e.g. short:150:2:30"
            )
        if family not in FAMILIES:
            p.error(f"{family}: not one of {', '.join(FAMILIES)}")
        runs.append((family, *numbers))
    print("\n".join(lines), flush=True)
    for family, tasks, instance_seed, time_limit in runs:
        for budget in args.budget:
            row = measure(family, tasks, instance_seed, time_limit, budget, args.dive)
            print(row, flush=True)
            lines.append(row)
    if args.out:
        args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
