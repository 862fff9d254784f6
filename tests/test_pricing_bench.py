"""benchmarks/pricing.py: it measures real rounds and leaves the solver as it found it."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from combibaan.solvers import colgen

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


def load_script() -> ModuleType:
    """The script as a module; it imports its neighbours (``families``, ...) by name."""
    sys.path.insert(0, str(BENCHMARKS))
    try:
        spec = importlib.util.spec_from_file_location("pricing_bench", BENCHMARKS / "pricing.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(BENCHMARKS))
    return module


def test_a_row_counts_the_rounds_and_charges_their_work() -> None:
    original = colgen.price
    row = load_script().measure("short", 40, 1, 1.0)
    assert colgen.price is original
    cells = [cell.strip() for cell in row.strip("|").split("|")]
    family, tasks, seed, calls, nodes, loads = cells[:6]
    assert (family, tasks, seed) == ("short", "40", "1")
    assert int(calls) >= 1
    assert int(nodes.replace(",", "")) >= int(loads.replace(",", "")) > 0
    charged, ratio = float(cells[9]), float(cells[10])
    assert charged > 0 and ratio > 0
