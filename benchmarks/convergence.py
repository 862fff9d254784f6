"""Measure how much work column generation needs to converge, with and without runners-up.

Run from the repository root::

    .venv/bin/python benchmarks/convergence.py [--families short many] [--sizes 150 250]
        [--seeds 3] [--cap 180]

For each generated list (the family benchmark's, :func:`families.family_list`), column
generation (:func:`combibaan.solvers.colgen.lp_bound`) runs from the greedy proposal
without a work budget, as far as it goes within ``--cap`` wall-clock seconds, once
with each number of runners-up per task (:data:`~combibaan.solvers.colgen.RUNNERS_UP`:
the jobs a task's pricing search found cheap before its cheapest, added as columns too).
The work is in reference seconds (:mod:`combibaan.solvers.work_meter`): the same on
every machine, so the comparison is free of the machine's noise; the large path gives
column generation ``BOUND_SHARE`` of its budget (at a 60 s limit, about 16).
"""

from __future__ import annotations

import argparse
import sys
import time

import networkx as nx
from bench_common import machine
from families import FAMILIES, family_list

from combibaan.rules import Limits, profiles
from combibaan.solvers import colgen
from combibaan.solvers.compatibility import compatibility_graph
from combibaan.solvers.greedy import greedy_jobs


def measure(family: str, size: int, seed: int, runners_up: int, cap: float) -> str:
    instance, policy = family_list(family, size, seed)
    limits, profs = Limits.of(policy), profiles(instance)
    graph = compatibility_graph(instance, policy, profs)
    adjacency = {v: set(graph[v]) for v in graph}
    least = max(1, limits.min_minutes)  # as the solver's hours bound, per component
    hours = sum(
        sum(profs[t].minutes for t in component) // least
        for component in nx.connected_components(graph)
    )
    kept = colgen.RUNNERS_UP
    colgen.RUNNERS_UP = runners_up
    try:
        outcome = colgen.lp_bound(
            adjacency,
            profs,
            limits,
            greedy_jobs(graph, profs, limits),
            time.perf_counter() + cap,
            known_bound=hours,
        )
    finally:
        colgen.RUNNERS_UP = kept
    bound = "–" if outcome.jobs_bound is None else str(outcome.jobs_bound)
    done = "yes" if outcome.converged else ("cut" if outcome.clock_cut else "no")
    return (
        f"| {family} | {size} | {seed} | {runners_up} | {outcome.rounds} | {outcome.columns:,} "
        f"| {outcome.work:.1f} | {outcome.seconds:.1f} | {done} | {bound} ({outcome.lp_value:.2f}) "
        f"| {hours} |"
    )


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--families", nargs="+", choices=FAMILIES, default=list(FAMILIES))
    p.add_argument("--sizes", type=int, nargs="+", default=[150, 250])
    p.add_argument("--seeds", type=int, default=3)
    p.add_argument("--runners-up", type=int, nargs="+", default=[0, colgen.RUNNERS_UP])
    p.add_argument("--cap", type=float, default=180.0, help="wall-clock seconds per run")
    args = p.parse_args()
    print("# Column generation: the work to converge\n")
    print("`python benchmarks/convergence.py " + " ".join(sys.argv[1:]) + "`\n")
    print("\n".join(machine()) + "\n")
    print(
        "*work*: reference seconds (the same on every machine); *converged*: no job prices "
        "out, or the bound reached the LP's floor or the hours bound; *hours bound*: the "
        "tasks' hours over the minimum hours, what stands without column generation.\n"
    )
    print(
        "| family | tasks | seed | runners-up | rounds | columns | work | wall s "
        "| converged | bound (LP) | hours bound |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for size in args.sizes:
        for family in args.families:
            for seed in range(1, args.seeds + 1):
                for runners_up in args.runners_up:
                    print(measure(family, size, seed, runners_up, args.cap), flush=True)


if __name__ == "__main__":
    main()
