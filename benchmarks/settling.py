"""Measure the large path on a flexible list: column generation and the count's settling.

Run from the repository root::

    .venv/bin/python benchmarks/settling.py [--families short] [--sizes 80] [--seeds 1 2 3]
        [--share 0.3] [--time-limit 30]

Each list is ``generate --flexible SHARE`` of a family, solved once (:func:`combibaan.solve`)
while the last column generation (the list with its windows) and the last listing of
the count's settling (:meth:`combibaan.solvers.large._Run.settle_count`) are recorded.
The listing is then run again without a step cap, with and without the search for
fewer working days, to show the steps it needs against those its budget gave it.
Where a list never reaches the settling (its jobs met the bound first), those cells
are empty. The numbers depend only on the work budgets, so they repeat on any machine
that is not cut by the wall clock.
"""

from __future__ import annotations

import argparse
import time
from typing import Any

from bench_common import flexible_list, heading

#: Steps and seconds the uncapped listings may take at most.
MOST_STEPS = 20_000_000
MOST_SECONDS = 600.0


def measure(family: str, size: int, seed: int, share: float, limit: float) -> str:
    import combibaan
    from combibaan.solvers import large

    bounds: list[Any] = []
    listings: list[tuple[Any, tuple[Any, ...], dict[str, Any], Any]] = []
    original_bound, original_settle = large.lp_bound, large._Run.settle_count  # type: ignore[attr-defined]

    def bound(*args, **kwargs):  # type: ignore[no-untyped-def]
        bounds.append(original_bound(*args, **kwargs))
        return bounds[-1]

    def settle(run, *args, **kwargs):  # type: ignore[no-untyped-def]
        source = run.source
        enumerate_ = source.enumerate

        def listed(*inner, **options):  # type: ignore[no-untyped-def]
            found = enumerate_(*inner, **options)
            listings.append((enumerate_, inner, dict(options), found))
            return found

        source.enumerate = listed
        try:
            return original_settle(run, *args, **kwargs)
        finally:
            del source.enumerate

    instance = flexible_list(family, size, seed, share)
    large.lp_bound = bound  # type: ignore[attr-defined]
    large._Run.settle_count = settle  # type: ignore[method-assign]
    try:
        result = combibaan.solve(instance, time_limit=limit)
    finally:
        large.lp_bound = original_bound  # type: ignore[attr-defined]
        large._Run.settle_count = original_settle  # type: ignore[method-assign]
    cells = [family, str(size), str(seed)]
    if bounds:
        last = bounds[-1]
        cells += [
            str(last.rounds),
            "yes" if last.converged else "no",
            f"{last.work:.1f}",
            f"{last.lp_value:.2f}",
        ]
    else:
        cells += ["–"] * 4
    if listings:
        enumerate_, inner, options, found = listings[-1]
        needed = [_uncapped(enumerate_, inner, options, days) for days in (False, True)]
        cells += [
            f"{options['max_nodes']:,}",
            "yes" if found.complete else "no",
            *(f"{n:,}" if n is not None else "more" for n, _ in needed),
            f"{needed[0][1]:,}",
        ]
    else:
        cells += [""] * 5
    proven = "yes" if result.jobs_status == "optimal" else "no"
    cells += [str(result.num_jobs), str(result.jobs_bound), proven]
    return "| " + " | ".join(cells) + " |"


def _uncapped(
    enumerate_: Any, inner: tuple[Any, ...], options: dict[str, Any], days: bool
) -> tuple[int | None, int]:
    """The steps the listing needs (None: more than the caps) and the jobs it lists."""
    options = {
        **options,
        "max_nodes": MOST_STEPS,
        "deadline": time.perf_counter() + MOST_SECONDS,
        "fewest_days": days,
    }
    try:
        found = enumerate_(*inner, **options)
    except TypeError:  # a commit before ``fewest_days``: it always searched for them
        del options["fewest_days"]
        found = enumerate_(*inner, **options)
    return (found.nodes if found.complete else None), len(found.jobs)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--families", nargs="+", default=["short"])
    p.add_argument("--sizes", type=int, nargs="+", default=[80])
    p.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3])
    p.add_argument("--share", type=float, default=0.3, help="share of tasks with a window")
    p.add_argument("--time-limit", type=float, default=30.0)
    args = p.parse_args()
    print(heading("Column generation and the count's settling on flexible lists"))
    print(
        "*rounds*, *converged*, *ref. s*, *LP*: the last column generation (reference "
        "seconds of work); *budget*: the steps the settling's listing was given; "
        "*listed*: whether it finished in them; *steps needed*: the listing again without "
        "a cap, as the settling runs it and with the search for fewer working days; "
        "*jobs listed*: the jobs under the threshold.\n"
    )
    print(
        "| family | tasks | seed | rounds | converged | ref. s | LP | budget | listed "
        "| steps needed | with the days search | jobs listed | jobs | bound | proven |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for size in args.sizes:
        for family in args.families:
            for seed in args.seeds:
                print(measure(family, size, seed, args.share, args.time_limit), flush=True)


if __name__ == "__main__":
    main()
