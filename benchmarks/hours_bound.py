"""The hours bound on each family: hours over the least hours of a job, against the bin
covering bound the large path now falls back to (:mod:`combibaan.solvers.hours_bound`).

Run from the repository root::

    .venv/bin/python benchmarks/hours_bound.py [--families campus units] [--sizes 300 1000]
        [--seed 1] > benchmarks/RESULTS-hours-bound.md

Both bounds per component of the compatibility graph, summed, as the large path takes
them; the seconds are those of the bin covering bound alone (the graph is built first).
"""

from __future__ import annotations

import argparse
import time

import networkx as nx
from bench_common import heading
from families import FAMILIES, column_input

from combibaan.solvers.hours_bound import hours_bound


def measure(family: str, size: int, seed: int) -> str:
    graph, _, profiles, limits, _ = column_input(family, size, seed)
    least = limits.min_minutes
    plain = sum(
        sum(profiles[t].minutes for t in component) // least if least else len(component)
        for component in nx.connected_components(graph)
    )
    started = time.perf_counter()
    bound = hours_bound(graph, profiles, limits)
    seconds = time.perf_counter() - started
    lower = 100 * (plain - bound) / plain if plain else 0.0
    return f"| {family} | {size} | {seed} | {plain} | {bound} | {lower:.1f}% | {seconds:.2f} |"


def main() -> None:
    parser = argparse.ArgumentParser(description=" ".join(__doc__.split("\n\n")[0].split()))
    parser.add_argument(
        "--families",
        nargs="+",
        default=list(FAMILIES),
        choices=FAMILIES,
        help="as families.py makes them (default all)",
    )
    parser.add_argument(
        "--sizes",
        nargs="+",
        type=int,
        default=[300, 1000, 5000],
        help="tasks per list (default 300 1000 5000)",
    )
    parser.add_argument("--seed", type=int, default=1, help="instance seed (default 1)")
    args = parser.parse_args()
    print(heading("combibaan: the hours bound"))
    print("- *hours / least*: per component, the minutes of its tasks over a job's least")
    print("- *bin covering*: the bound `solve` takes, never above the other\n")
    print("| family | tasks | seed | hours / least | bin covering | lower by | seconds |")
    print("|---|---|---|---|---|---|---|")
    for family in args.families:
        for size in args.sizes:
            print(measure(family, size, args.seed), flush=True)


if __name__ == "__main__":
    main()
