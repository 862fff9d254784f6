"""What splitting a large list by sites would give: each site's tasks solved as a list of
their own, against the bound of the whole list.

Run from the repository root::

    .venv/bin/python benchmarks/sites.py [--lists short:5000:1 units:5000:1]
        [--time-limit 250] [--walk 15] [--out benchmarks/RESULTS-sites.md]

A *site* is a group of locations joined by travel edges of at most ``--walk`` minutes
(the generated campuses, 20-60 minutes apart, fall apart into one site each). Each
site's list is solved with ``combibaan.solve`` on ``--time-limit`` seconds (one worker)
and checked with ``combibaan.check_result``; its jobs together are a proposal for the
whole list (the sites share no task, and the travel table is the whole list's). What
is lost is every job across sites. The whole list's bound is the one ``solve`` falls
back to there (:func:`combibaan.solvers.hours_bound.hours_bound`), so *share* compares
with ``families.py --large``'s runs of the whole list.
"""

from __future__ import annotations

import argparse
import dataclasses
import time
from collections import defaultdict
from pathlib import Path

import networkx as nx
from bench_common import heading, prepare_out
from families import FAMILIES, column_input, family_list

import combibaan
from combibaan.model import Instance
from combibaan.solvers.hours_bound import hours_bound


def sites(instance: Instance, walk: float) -> list[tuple[int, ...]]:
    """Task indices per site, largest site first."""
    graph = nx.Graph()
    graph.add_nodes_from(task.location for task in instance.tasks)
    graph.add_edges_from(
        (edge.origin, edge.destination) for edge in instance.travel if edge.minutes <= walk
    )
    site_of = {
        place: k for k, group in enumerate(nx.connected_components(graph)) for place in group
    }
    members: dict[int, list[int]] = defaultdict(list)
    for i, task in enumerate(instance.tasks):
        members[site_of[task.location]].append(i)
    return sorted((tuple(m) for m in members.values()), key=lambda m: (-len(m), m))


def measure(family: str, size: int, seed: int, limit: float, walk: float) -> list[str]:
    """The report's rows for one list: one per site, then the sum and the whole's bound."""
    instance, policy = family_list(family, size, seed)
    graph, _, profiles, limits, _ = column_input(family, size, seed)
    whole = hours_bound(graph, profiles, limits)
    rows, jobs, bounds, seconds = [], 0, 0, 0.0
    for k, members in enumerate(sites(instance, walk), start=1):
        part = dataclasses.replace(
            instance, tasks=tuple(instance.tasks[i] for i in members), name=f"site {k}"
        )
        started = time.perf_counter()
        result = combibaan.solve(part, policy, time_limit=limit, seed=0, workers=1)
        took = time.perf_counter() - started
        checked = "ok" if not combibaan.check_result(result) else "FAILED"
        bound = result.jobs_bound if result.jobs_bound is not None else 0
        jobs, bounds, seconds = jobs + result.num_jobs, bounds + bound, seconds + took
        rows.append(
            f"| {family} | {size} | {seed} | {k} | {len(members)} | {result.num_jobs} | "
            f"{result.jobs_bound} | {result.jobs_status} | {took:.1f} | {checked} |"
        )
        print(rows[-1], flush=True)
    share = 100 * jobs / whole if whole else 0.0
    rows.append(
        f"| {family} | {size} | {seed} | all | {len(instance.tasks)} | **{jobs}** | "
        f"the sites': {bounds}; the whole list's: {whole} (jobs {share:.1f}% of it) | "
        f"| {seconds:.1f} | |"
    )
    print(rows[-1], flush=True)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=" ".join(__doc__.split("\n\n")[0].split()))
    parser.add_argument(
        "--lists",
        nargs="+",
        default=["short:5000:1", "units:5000:1"],
        help="FAMILY:TASKS:SEED as families.py makes them (default short and units, 5,000)",
    )
    parser.add_argument("--time-limit", type=float, default=250.0, help="seconds per site")
    parser.add_argument("--walk", type=float, default=15.0, help="minutes within a site")
    parser.add_argument("--out", type=Path, help="also write the report as Markdown here")
    args = parser.parse_args()
    if args.time_limit <= 0 or args.walk < 0:
        parser.error("--time-limit must be positive and --walk at least 0")
    prepare_out(parser, args.out)
    lists = []  # all read first: a typo costs no run
    for text in args.lists:
        try:
            family, size, seed = text.split(":")
            numbers = int(size), int(seed)
            if numbers[0] < 1:
                raise ValueError
        except ValueError:
            parser.error(f"{text}: give family:tasks:seed (at least 1 task), e.g. short:5000:1")
        if family not in FAMILIES:
            parser.error(f"{family}: not one of {', '.join(FAMILIES)}")
        lists.append((family, *numbers))
    lines = [
        heading("combibaan: a large list split by sites"),
        f"- each site: time limit {args.time_limit:g} s, solver seed 0, one worker; "
        f"a site: places joined by travel of at most {args.walk:g} min\n",
        "| family | tasks | seed | site | site's tasks | jobs | bound | jobs_status "
        "| seconds | checker |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    print("\n".join(lines), flush=True)
    for family, size, seed in lists:
        lines += measure(family, size, seed, args.time_limit, args.walk)
    if args.out is not None:
        args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
