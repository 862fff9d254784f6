"""benchmarks/settling.py: real column generation reported, the solver left as it was."""

from __future__ import annotations

from conftest import load_benchmark

from combibaan.solvers import colgen, large


def test_a_row_reports_the_last_column_generation_and_restores_the_solver() -> None:
    settle = large._Run.settle_count
    bench = load_benchmark("settling.py", "settling_bench")
    row = bench.measure("short", 40, 2, 0.5, 5.0)
    assert large.lp_bound is colgen.lp_bound  # type: ignore[attr-defined]
    assert large._Run.settle_count is settle
    cells = [cell.strip() for cell in row.strip("|").split("|")]
    assert len(cells) == 15 and cells[:3] == ["short", "40", "2"]
    assert int(cells[3]) > 0 and cells[4] in ("yes", "no") and float(cells[6]) > 0
    assert int(cells[12]) <= int(cells[13])  # jobs within the bound
