"""The LP over columns (:class:`combibaan.solvers.colgen.MasterLP`): the dive keeps one and
excludes columns as it fixes jobs, which must give the LP over the columns left."""

from __future__ import annotations

import random

import pytest

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
