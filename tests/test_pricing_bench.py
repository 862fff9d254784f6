"""benchmarks/pricing.py: it measures real rounds and leaves the solver as it found it."""

from __future__ import annotations

from conftest import load_benchmark

from combibaan.solvers import colgen


def test_a_row_counts_the_rounds_and_charges_their_work() -> None:
    original = colgen.price
    row = load_benchmark("pricing.py", "pricing_bench").measure("short", 40, 1, 1.0)
    assert colgen.price is original
    cells = [cell.strip() for cell in row.strip("|").split("|")]
    family, tasks, seed, calls, nodes, loads = cells[:6]
    assert (family, tasks, seed) == ("short", "40", "1")
    assert int(calls) >= 1
    assert int(nodes.replace(",", "")) >= int(loads.replace(",", "")) > 0
    charged, ratio = float(cells[9]), float(cells[10])
    assert charged > 0 and ratio > 0
