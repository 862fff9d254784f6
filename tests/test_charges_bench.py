"""benchmarks/charges.py: it times real LP solves and pricing rounds and leaves the solver
as it found it."""

from __future__ import annotations

import pytest
from conftest import load_benchmark

from combibaan.solvers import colgen, expansion


def test_a_list_times_its_lps_and_rounds_and_restores_the_solver() -> None:
    solve, price = colgen.MasterLP.solve, expansion.VariantSource.price
    bench = load_benchmark("charges.py", "charges_bench")
    found = bench.measure("short", 40, 0.5, 1, 5.0)
    assert colgen.MasterLP.solve is solve
    assert expansion.VariantSource.price is price
    assert found["lps"] and found["rounds"]  # the large path priced over the ways
    assert all(cpu >= 0 and charged > 0 for cpu, charged in found["lps"])
    cells = [cell.strip() for cell in bench.row(found).strip("|").split("|")]
    assert cells[0] == "short 40, 50% flexible"
    assert int(cells[1]) == len(found["lps"]) and int(cells[6]) == len(found["rounds"])


def test_an_unreadable_list_is_refused_with_a_message(capsys: pytest.CaptureFixture[str]) -> None:
    bench = load_benchmark("charges.py", "charges_bench")
    with pytest.raises(SystemExit) as stopped:
        bench.main(["--lists", "short-1000"])
    assert stopped.value.code == 2
    assert "family:tasks:share" in capsys.readouterr().err
