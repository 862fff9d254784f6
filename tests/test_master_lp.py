"""The LP over columns (:class:`combibaan.solvers.colgen.MasterLP`): the dive keeps one and
excludes columns as it fixes jobs, which must give the LP over the columns left."""

from __future__ import annotations

import math
import random
import warnings

import pytest
from conftest import assert_sound
from ortools.linear_solver import pywraplp

import combibaan
from combibaan.generate import generate
from combibaan.solvers import colgen
from combibaan.solvers.colgen import MasterLP, solve_lp


@pytest.mark.parametrize("seed", range(6))
def test_excluding_columns_gives_the_lp_over_the_others(seed: int) -> None:
    rng = random.Random(seed)
    columns = sorted({tuple(sorted(rng.sample(range(12), rng.randint(2, 4)))) for _ in range(30)})
    lp = MasterLP(range(12))
    lp.add(columns)
    lp.solve()
    full = lp.nonzeros
    gone = set(rng.sample(range(len(columns)), len(columns) // 2))
    lp.exclude(sorted(gone))
    lp.exclude(sorted(gone))  # twice: nothing changes
    value, _, values = lp.solve()
    kept = [c for k, c in enumerate(columns) if k not in gone]
    assert value == pytest.approx(solve_lp(kept, range(12)).value)
    assert all(values[k] == 0.0 for k in gone)
    assert lp.nonzeros == full - sum(len(columns[k]) for k in gone) == sum(map(len, kept))
    assert lp.work > 0


class _FailsOnce:
    """GLOP as the dive met it once: the solve from the last basis ends ABNORMAL."""

    def __init__(self, solver: pywraplp.Solver) -> None:
        self._solver = solver
        self.failed = False

    def Solve(self) -> int:
        if not self.failed:
            self.failed = True
            return int(pywraplp.Solver.ABNORMAL)
        return int(self._solver.Solve())

    def __getattr__(self, name: str) -> object:
        return getattr(self._solver, name)


@pytest.mark.parametrize("seed", range(3))
def test_a_failed_solve_from_the_last_basis_is_solved_afresh(seed: int) -> None:
    """The same LP in a new GLOP, and the columns added or excluded after it still count."""
    rng = random.Random(seed)
    columns = sorted({tuple(sorted(rng.sample(range(12), rng.randint(2, 4)))) for _ in range(40)})
    first, later = columns[:25], columns[25:]
    lp = MasterLP(range(12))
    lp.add(first)
    lp.solve()
    gone = sorted(rng.sample(range(len(first)), 8))
    lp.exclude(gone)
    failing = _FailsOnce(lp._solver)
    lp._solver = failing
    value, duals, values = lp.solve()
    kept = [c for k, c in enumerate(first) if k not in gone]
    assert failing.failed and lp._solver is not failing
    assert value == pytest.approx(solve_lp(kept, range(12)).value)
    assert all(values[k] == 0.0 for k in gone) and set(duals) == set(range(12))
    lp.add(later)
    lp.exclude([len(first)])
    value, _, values = lp.solve()
    rest = [c for k, c in enumerate(columns) if k not in gone and k != len(first)]
    assert value == pytest.approx(solve_lp(rest, range(12)).value)
    assert len(values) == len(columns) and values[len(first)] == 0.0


@pytest.mark.parametrize("healthy", [0, 1, 4, 12])
def test_when_glop_keeps_failing_the_large_path_ends_with_what_it_has(
    monkeypatch: pytest.MonkeyPatch, healthy: int
) -> None:
    """After ``healthy`` LP solves every one fails, afresh too: column generation, both
    dives and the count's proof stop their phase, and the answer is still sound."""
    solve = colgen.MasterLP.solve
    calls = 0

    def failing(
        self: colgen.MasterLP, deadline: float = math.inf
    ) -> tuple[float, dict[int, float], list[float]]:
        nonlocal calls
        calls += 1
        if calls > healthy:
            raise colgen.LPFailed("GLOP did not solve the restricted master LP")
        return solve(self, deadline)

    monkeypatch.setattr(colgen.MasterLP, "solve", failing)
    tasks, travel = generate(150, 2, family="short")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        instance = combibaan.read_instance(tasks, travel, name="short")
    result = combibaan.solve(instance, time_limit=4, strategy="large", workers=1)
    assert calls > healthy  # the failures were met
    assert_sound(result)
    assert result.num_jobs > 0
