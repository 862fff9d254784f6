"""Measure the search for a set's ways in a solve of a flexible list: where its steps go.

Run from the repository root::

    .venv/bin/python benchmarks/ways.py [--families short] [--sizes 1000] [--seed 1]
        [--share 0.3] [--time-limit 100] [--patience none]

Each list is ``generate --flexible SHARE`` of a family, solved once (:func:`combibaan.solve`)
while every search for ways (:meth:`combibaan.solvers.enumeration.Witness.find`) is
counted: those that found ways and those that found none, their steps, and the searches
that gave up (:data:`combibaan.solvers.expansion.WAYS_PATIENCE`; ``--patience none``
lets every search run to its end, as before the patience, to see what it would cut).
"""

from __future__ import annotations

import argparse

from bench_common import flexible_list, heading

from combibaan.solvers.expansion import WAYS_PATIENCE

#: Steps above which a search counts as long in the table.
LONG = 64


def measure(
    family: str, size: int, seed: int, share: float, limit: float, patience: int | None
) -> str:
    import combibaan
    from combibaan.solvers import colgen, enumeration, expansion, large

    found: list[int] = []
    none: list[int] = []
    original, kept_patience = enumeration.Witness.find, expansion.WAYS_PATIENCE
    original_bound = colgen.lp_bound  # what the large path calls, by its own name
    gave_up = 0
    bounds: list = []  # column generation's outcomes: the windows' starts, then the windows

    def bound(*args, **kwargs):  # type: ignore[no-untyped-def]
        bounds.append(original_bound(*args, **kwargs))
        return bounds[-1]

    def counted(self, members, *, job, patience=None, domains=None):  # type: ignore[no-untyped-def]
        nonlocal gave_up
        steps, doubts = self.steps, self.gave_up
        way = original(self, members, job=job, patience=patience, domains=domains)
        (found if way is not None else none).append(self.steps - steps)
        gave_up += self.gave_up - doubts
        return way

    instance = flexible_list(family, size, seed, share)
    enumeration.Witness.find = counted  # type: ignore[method-assign]
    expansion.WAYS_PATIENCE = patience  # type: ignore[assignment]
    large.lp_bound = bound  # type: ignore[attr-defined]
    try:
        result = combibaan.solve(instance, time_limit=limit)
    finally:
        enumeration.Witness.find = original  # type: ignore[method-assign]
        expansion.WAYS_PATIENCE = kept_patience
        large.lp_bound = original_bound  # type: ignore[attr-defined]
    rounds, lp = ("–", "–") if not bounds else (bounds[-1].rounds, f"{bounds[-1].lp_value:.1f}")
    total = sum(found) + sum(none)
    long = [s for s in none if s > LONG]
    return (
        f"| {family} | {size} | {seed} | {'none' if patience is None else patience} "
        f"| {len(found):,} | {_quantile(found, 0.5)} | {_quantile(found, 0.99)} "
        f"| {max(found, default=0):,} | {len(none):,} | {len(long) / max(1, len(none)):.0%} "
        f"| {sum(long) / max(1, total):.0%} | {max(none, default=0):,} | {gave_up:,} "
        f"| {rounds} | {lp} | {result.num_jobs} | {result.jobs_bound} |"
    )


def _patience(text: str) -> int | None:
    if text == "none":
        return None
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"a number of steps or 'none', not {text!r}") from None


def _quantile(values: list[int], share: float) -> int:
    ordered = sorted(values)
    return ordered[int(share * (len(ordered) - 1))] if ordered else 0


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--families", nargs="+", default=["short"])
    p.add_argument("--sizes", type=int, nargs="+", default=[1000])
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--share", type=float, default=0.3, help="share of tasks with a window")
    p.add_argument("--time-limit", type=float, default=100.0)
    p.add_argument(
        "--patience",
        type=_patience,
        default=WAYS_PATIENCE,
        help=f"steps, or 'none' (default {WAYS_PATIENCE}, the solver's)",
    )
    args = p.parse_args()
    patience = args.patience
    print(heading("The search for ways: where its steps go"))
    print(
        f"*found*: searches that found ways (median, 99th percentile and most steps); "
        f"*none*: searches that found none; *long*: of those, the share that took more "
        f"than {LONG} steps, and their steps as a share of all steps; *gave up*: "
        f"searches stopped by the patience; *rounds*, *LP*: column generation's rounds "
        f"and the LP's value over its columns, in the solve of the windows.\n"
    )
    print(
        "| family | tasks | seed | patience | found | median | p99 | most | none | long "
        "| long's share of steps | most | gave up | rounds | LP | jobs | bound |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for size in args.sizes:
        for family in args.families:
            row = measure(family, size, args.seed, args.share, args.time_limit, patience)
            print(row, flush=True)


if __name__ == "__main__":
    main()
