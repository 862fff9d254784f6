"""benchmarks/convergence.py: real column generation, held against the large path's share."""

from __future__ import annotations

import pytest
from conftest import load_benchmark

from combibaan.solvers import large


def test_a_row_reports_the_run_and_the_share_it_is_held_against() -> None:
    bench = load_benchmark("convergence.py", "convergence_bench")
    row = bench.measure("short", 40, 1, 30.0, 5.0)
    cells = [cell.strip() for cell in row.strip("|").split("|")]
    family, tasks, seed, hours, rounds = cells[:5]
    assert (family, tasks, seed) == ("short", "40", "1")
    lp, bound, converged = float(cells[6]), int(cells[7]), cells[8]
    # A converged LP proves its own floor; the bound never exceeds the hours bound.
    assert converged == "yes" and int(rounds) >= 1
    assert bound == int(lp + 1e-6) <= int(hours)
    assert cells[11] == f"30 s: {large.BOUND_SHARE * large.USABLE * 30:.1f}"
    assert cells[13] == "–"  # no dive asked


def test_a_dive_over_the_columns_finds_jobs_within_the_bound() -> None:
    bench = load_benchmark("convergence.py", "convergence_bench")
    row = bench.measure("short", 40, 1, 30.0, 5.0, dive_budget=2.0)
    cells = [cell.strip() for cell in row.strip("|").split("|")]
    jobs, spent = cells[13].split(" (")
    assert 1 <= int(jobs) <= int(cells[7])
    assert 0 < float(spent.removesuffix(" s)")) <= 2.0 * 1.5  # a step may end past its budget


def test_from_the_background_size_the_share_is_the_second_processs() -> None:
    bench = load_benchmark("convergence.py", "convergence_bench")
    inline, background = (
        bench.share(large.BACKGROUND_FROM - 1, 100.0),
        bench.share(large.BACKGROUND_FROM, 100.0),
    )
    assert inline == pytest.approx(large.BOUND_SHARE * large.USABLE * 100.0)
    assert background == pytest.approx(large.BACKGROUND_SHARES[0] * large.USABLE * 100.0)
