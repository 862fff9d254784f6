"""benchmarks/ways.py: it counts real searches for ways and leaves the solver as it found it."""

from __future__ import annotations

from conftest import load_benchmark

from combibaan.solvers import colgen, enumeration, expansion, large


def test_a_row_counts_the_searches_and_restores_the_solver() -> None:
    original, patience = enumeration.Witness.find, expansion.WAYS_PATIENCE
    bench = load_benchmark("ways.py", "ways_bench")
    row = bench.measure("short", 40, 1, 0.5, 5.0, 1)
    assert enumeration.Witness.find is original
    assert patience == expansion.WAYS_PATIENCE
    assert large.lp_bound is colgen.lp_bound  # type: ignore[attr-defined]
    cells = [cell.strip() for cell in row.strip("|").split("|")]
    assert cells[:4] == ["short", "40", "1", "1"]
    found, none, gave_up = (int(cells[k].replace(",", "")) for k in (4, 8, 12))
    assert found > 0 and none > 0
    assert gave_up > 0  # a patience of one step gives up on some set
    assert int(cells[15]) <= int(cells[16])  # jobs within the bound
