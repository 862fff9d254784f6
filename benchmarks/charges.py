"""Check the work meter's charges against the CPU time they stand for, in whole solves.

Run from the repository root::

    .venv/bin/python benchmarks/charges.py [--lists short:150:0.3 short:1000:0] [--time-limit 120]

Each list (``family:tasks:flexible share``, made by ``combibaan generate``) is solved
once on the large path, with two of its pieces timed in CPU seconds of this process:
every GLOP solve of an LP over columns (column generation, the dive, the count's
proof), against :func:`.work_meter.lp_seconds`; and, with flexible tasks, every
pricing round over the tasks' ways, against :func:`.work_meter.pricing_seconds` of
the nodes it reported (the search for ways included, ``expansion._Growth.work``).
A ratio near 1 means the budgets are fair there; below 1 the run gets more than its
budget and ends on the wall clock (``wall_clock_cut``), so a rerun may differ. The
fixed-time pricing is checked by ``pricing.py``; CP-SAT by its deterministic time.
The rates are in reference seconds of the machine they were fitted on, so on a
faster machine every ratio is above 1 by the same factor (``pricing.py`` shows it).
"""

from __future__ import annotations

import argparse
import math
import statistics
import sys
import time
from typing import Any

from bench_common import check_family, flexible_list, machine

DEFAULT_LISTS = (
    "short:150:0.3",
    "campus:300:0.3",
    "short:1000:0.3",
    "night:1000:0.3",
    "short:1000:0",
)


def measure(family: str, size: int, share: float, seed: int, limit: float) -> dict[str, Any]:
    """Solve one list with the LP solves and the pricing rounds over ways timed."""
    import combibaan
    from combibaan.solvers import colgen, expansion
    from combibaan.solvers.work_meter import pricing_seconds

    lps: list[tuple[float, float]] = []  # CPU seconds, charged
    rounds: list[tuple[float, float]] = []
    solve_lp, price = colgen.MasterLP.solve, expansion.VariantSource.price

    def timed_solve(self: colgen.MasterLP, deadline: float = math.inf) -> Any:
        started = time.process_time()
        answer = solve_lp(self, deadline)
        lps.append((time.process_time() - started, self.work))
        return answer

    def timed_price(
        self: expansion.VariantSource, adjacency: Any, *args: Any, **options: Any
    ) -> Any:
        memo = options.get("memo")
        misses = 0 if memo is None else memo.misses
        started = time.process_time()
        answer = price(self, adjacency, *args, **options)
        seconds = time.process_time() - started
        loads = 0 if memo is None else memo.misses - misses
        edges = sum(map(len, adjacency.values()))
        rounds.append((seconds, pricing_seconds(answer[2], loads, edges)))
        return answer

    instance = flexible_list(family, size, seed, share)
    colgen.MasterLP.solve = timed_solve  # type: ignore[method-assign]
    expansion.VariantSource.price = timed_price  # type: ignore[method-assign]
    try:
        result = combibaan.solve(instance, time_limit=limit, strategy="large")
    finally:
        colgen.MasterLP.solve = solve_lp  # type: ignore[method-assign]
        expansion.VariantSource.price = price  # type: ignore[method-assign]
    return {
        "list": f"{family} {size}" + (f", {share:.0%} flexible" if share else ""),
        "lps": lps,
        "rounds": rounds,
        "jobs": result.num_jobs,
        "cut": result.statistics.wall_clock_cut,
    }


def ratio(pairs: list[tuple[float, float]]) -> str:
    cpu = sum(p[0] for p in pairs)
    return f"{sum(p[1] for p in pairs) / cpu:.2f}" if cpu > 0 else "–"


def spread(pairs: list[tuple[float, float]]) -> str:
    """The ratio's 10th-90th percentile over the pieces of at least 0.1 CPU seconds."""
    ratios = sorted(charged / cpu for cpu, charged in pairs if cpu >= 0.1)
    if len(ratios) < 2:
        return "–"
    tenths = statistics.quantiles(ratios, n=10, method="inclusive")
    return f"{tenths[0]:.2f}-{tenths[-1]:.2f} ({len(ratios)})"


def row(found: dict[str, Any]) -> str:
    lps, rounds = found["lps"], found["rounds"]
    cells = [
        found["list"],
        str(len(lps)),
        f"{sum(p[0] for p in lps):.1f}",
        f"{sum(p[1] for p in lps):.1f}",
        ratio(lps),
        spread(lps),
        str(len(rounds)) if rounds else "–",
        f"{sum(p[0] for p in rounds):.1f}" if rounds else "–",
        f"{sum(p[1] for p in rounds):.1f}" if rounds else "–",
        ratio(rounds) if rounds else "–",
        str(found["jobs"]),
        "yes" if found["cut"] else "no",
    ]
    return "| " + " | ".join(cells) + " |"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--lists",
        nargs="+",
        default=list(DEFAULT_LISTS),
        metavar="FAMILY:TASKS:SHARE",
        help="lists to solve, each a family of `combibaan generate`, its tasks and the share "
        f"of them flexible (default {' '.join(DEFAULT_LISTS)})",
    )
    parser.add_argument(
        "--seed", type=int, default=1, help="instance seed of every list (default 1)"
    )
    parser.add_argument(
        "--time-limit",
        type=float,
        default=120.0,
        help="seconds per solve, on the large path (default 120)",
    )
    args = parser.parse_args(argv)
    if args.time_limit <= 0:
        parser.error("--time-limit must be above 0")
    specs = []
    for spec in args.lists:
        try:
            family, size, share = spec.split(":")
            specs.append((family, int(size), float(share)))
        except ValueError:
            parser.error(f"--lists: {spec!r} is not family:tasks:share, e.g. short:1000:0.3")
        why = check_family(family)
        if why:
            parser.error(f"--lists: {spec!r}: {why}")
        if specs[-1][1] < 1 or not 0 <= specs[-1][2] <= 1:
            parser.error(f"--lists: {spec!r}: at least 1 task and a share from 0 to 1")
    print("# The work meter's charges against CPU time\n")
    given = sys.argv[1:] if argv is None else argv
    print(f"`{' '.join(['python benchmarks/charges.py', *given])}`")
    print()
    print(f"- each list: seed {args.seed}, strategy large, time limit {args.time_limit:g} s")
    print(*machine(), sep="\n")
    print()
    print(
        "| list | LP solves | LP CPU s | LP charged s | charged / CPU | solves of 0.1 s and more:"
        " 10th-90th percentile | pricing rounds over ways | CPU s | charged s | charged / CPU"
        " | jobs | wall clock cut |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for family, size, share in specs:
        print(row(measure(family, size, share, args.seed, args.time_limit)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
