"""Measure the count's proof by reduced costs and a MIP against CP-SAT on the same jobs.

Run from the repository root::

    .venv/bin/python benchmarks/count_proof.py [--family short] [--size 80] [--seeds 3]
        [--cp-sat-limit 60]

For each generated list: every job is enumerated (as the exact path does),
the LP over them gives the prices, and the table shows how many jobs pass the
reduced-cost threshold for ``floor(LP)`` jobs, the seconds the proof takes
(:func:`combibaan.solvers.count_proof.prove_count`, GLOP included) and the
seconds CP-SAT (one worker) takes to prove the most jobs over all jobs, capped
at ``--cp-sat-limit``. Both answers must agree where both finish.
"""

from __future__ import annotations

import argparse
import time

from bench_common import heading
from families import FAMILIES, family_list

from combibaan.rules import Limits, profiles
from combibaan.solvers.compatibility import compatibility_graph
from combibaan.solvers.count_proof import prices_over, prove_count
from combibaan.solvers.enumeration import enumerate_jobs
from combibaan.solvers.greedy import greedy_jobs
from combibaan.solvers.ortools.set_packing import StagedPacking


def measure(family: str, size: int, seed: int, cp_sat_limit: float) -> str:
    instance, policy = family_list(family, size, seed)
    limits, profs = Limits.of(policy), profiles(instance)
    graph = compatibility_graph(instance, policy, profs)
    greedy = greedy_jobs(graph, profs, limits)
    columns = list(dict.fromkeys([*enumerate_jobs(graph, profs, limits).jobs, *greedy]))
    started = time.perf_counter()
    prices = prices_over(columns, sorted(graph.nodes))
    if prices is None:
        return f"| {family} | {size} | {seed} | {len(columns)} | – | – | – | – | – |"
    proof = prove_count(columns, prices, len(greedy), time.perf_counter() + 600)
    proof_seconds = time.perf_counter() - started
    best = len(proof.better) if proof.better is not None else len(greedy)
    proven = f"{best} of ≤ {proof.jobs_bound}" + (" proven" if best >= proof.jobs_bound else "")
    passing = sum(prices.cost(c) <= prices.threshold(prices.jobs_bound) for c in columns)
    packing = StagedPacking(columns, [0] * len(columns), [0] * len(columns))
    started = time.perf_counter()
    outcome = packing.most_jobs(
        list(range(len(columns) - len(greedy), len(columns))),
        deadline=time.perf_counter() + cp_sat_limit,
        work=None,
        workers=1,
    )
    cp_seconds = time.perf_counter() - started
    cp = f"{len(outcome.selected)} {outcome.status}, {cp_seconds:.1f} s"
    return (
        f"| {family} | {size} | {seed} | {len(columns)} | {prices.total:.2f} | {passing} "
        f"| {proven}, {proof_seconds:.1f} s | {cp} |"
    )


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument(
        "--family",
        choices=FAMILIES,
        default="short",
        help="the list's family, as families.py makes it (default short)",
    )
    p.add_argument("--size", type=int, default=80, help="tasks per list (default 80)")
    p.add_argument("--seeds", type=int, default=3, help="instance seeds 1..K (default 3)")
    p.add_argument(
        "--cp-sat-limit",
        type=float,
        default=60.0,
        help="seconds CP-SAT (one worker) gets to prove the count (default 60)",
    )
    args = p.parse_args()
    if args.size < 1 or args.seeds < 1 or args.cp_sat_limit <= 0:
        p.error("--size and --seeds must be at least 1, --cp-sat-limit above 0")
    print(heading(f"The count's proof against CP-SAT: {args.family}, {args.size} tasks"))
    print("| family | tasks | seed | jobs | LP | jobs under the threshold | proof | CP-SAT |")
    print("|---|---|---|---|---|---|---|---|")
    for seed in range(1, args.seeds + 1):
        print(measure(args.family, args.size, seed, args.cp_sat_limit), flush=True)


if __name__ == "__main__":
    main()
