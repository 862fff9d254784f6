"""Measure column generation's pricing: its work, its memo, and how well the meter charges it.

Run from the repository root::

    .venv/bin/python benchmarks/pricing.py [--families short many] [--sizes 150 300]
        [--seed 1] [--budget 10]

For each generated list, column generation (:func:`combibaan.solvers.colgen.lp_bound`)
runs on ``--budget`` reference seconds from the greedy proposal, as the large path
starts it. Every pricing round is timed in CPU seconds of this process, and the
table shows the rounds, the depth-first search's nodes (the whole search's
included), the loads it computed and the share of memo lookups that hit, the
largest round, the CPU seconds, and what :func:`.work_meter.pricing_seconds`
charged for them: the ratio is the check on the meter's rates (the budgets
are fair where it stays near 1). CP-SAT's pricing and the LP are charged by
their own rates and not counted here.
"""

from __future__ import annotations

import argparse
import time

from bench_common import heading
from families import FAMILIES, column_input

from combibaan.solvers import colgen
from combibaan.solvers.work_meter import pricing_seconds


def measure(family: str, size: int, seed: int, budget: float) -> str:
    _, adjacency, profs, limits, greedy = column_input(family, size, seed)
    edges = sum(map(len, adjacency.values()))
    rounds: list[tuple[int, int, float]] = []  # nodes, loads computed, CPU seconds
    memos: list[colgen.LoadMemo] = []
    original = colgen.price

    def timed(*args, memo: colgen.LoadMemo | None = None, **kwargs):  # type: ignore[no-untyped-def]
        memo = colgen.LoadMemo() if memo is None else memo
        if memo not in memos:
            memos.append(memo)
        loads, started = memo.misses, time.process_time()
        try:
            answer = original(*args, memo=memo, **kwargs)
            nodes = answer[2]
        except colgen.PricingStopped as stopped:
            answer, nodes = None, stopped.nodes
        rounds.append((nodes, memo.misses - loads, time.process_time() - started))
        if answer is None:
            raise colgen.PricingStopped(nodes)
        return answer

    colgen.price = timed
    try:
        outcome = colgen.lp_bound(
            adjacency,
            profs,
            limits,
            greedy,
            time.perf_counter() + 10 * budget,
            budget=budget,
        )
    finally:
        colgen.price = original
    nodes = sum(r[0] for r in rounds)
    loads = sum(r[1] for r in rounds)
    cpu = sum(r[2] for r in rounds)
    charged = sum(pricing_seconds(n, m, edges) for n, m, _ in rounds)
    hits = sum(m.hits for m in memos)
    lookups = hits + sum(m.misses for m in memos)
    bound = "–" if outcome.jobs_bound is None else str(outcome.jobs_bound)
    return (
        f"| {family} | {size} | {seed} | {len(rounds)} | {nodes:,} | {loads:,} "
        f"| {hits / max(1, lookups):.0%} | {max((r[0] for r in rounds), default=0):,} "
        f"| {cpu:.2f} | {charged:.2f} | {charged / max(cpu, 1e-9):.2f} "
        f"| {bound} ({outcome.lp_value:.2f}) |"
    )


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--families", nargs="+", choices=FAMILIES, default=list(FAMILIES))
    p.add_argument("--sizes", type=int, nargs="+", default=[150, 300])
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--budget", type=float, default=10.0, help="reference seconds")
    args = p.parse_args()
    print(heading("Column generation's pricing: work, memo and the meter"))
    print(
        "| family | tasks | seed | pricing calls | nodes | loads computed | memo hits "
        "| largest call (nodes) | CPU s | charged s | charged / CPU | bound (LP) |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for size in args.sizes:
        for family in args.families:
            print(measure(family, size, args.seed, args.budget), flush=True)


if __name__ == "__main__":
    main()
