"""The count's proof by reduced costs and a MIP (:mod:`combibaan.solvers.count_proof`).

The LP bound can sit above the most jobs (on 80 short tasks: 15.06 against
14); the proof must then lower it to the optimum, never below, and find a
better packing when one exists.
"""

from __future__ import annotations

import itertools
import os
import signal
import threading
import time

import pytest
from conftest import assert_sound
from hypothesis import given, settings
from hypothesis import strategies as st
from test_stages import family_instance

import combibaan
from combibaan.solvers import exact
from combibaan.solvers.colgen import LPStopped, solve_lp
from combibaan.solvers.count_proof import Prices, prices_and_dive, prices_over, prove_count
from combibaan.solvers.ortools.interruptible import run_interruptibly
from combibaan.solvers.ortools.set_packing import StagedPacking

#: The seven lines of the Fano plane: any two meet, so one job at most, while the LP
#: takes a third of each: 7/3.
FANO = [(0, 1, 2), (0, 3, 4), (0, 5, 6), (1, 3, 5), (1, 4, 6), (2, 3, 6), (2, 4, 5)]


#: A set system where the dive, fixing the columns the LP likes in their fixed order,
#: ends at 2 while 3 disjoint columns exist (found by trying random systems).
TIES = [
    (0, 3, 7), (1, 2, 7), (1, 3), (1, 4), (1, 6), (2, 3), (2, 4, 5), (2, 7), (3, 5, 6), (4, 7),
]  # fmt: skip


def test_dives_in_a_random_order_reach_what_the_first_dive_missed() -> None:
    plain = prices_and_dive(TIES, range(8)).jobs
    assert len(plain) == 2 and most_disjoint(TIES) == 3
    prices, again, work, cut = prices_and_dive(TIES, range(8), work_limit=1.0, seed=0)
    assert len(again) == 3 and not cut
    members = [t for c in again for t in c]
    assert len(members) == len(set(members)) and set(again) <= set(TIES)
    assert work > 0 and prices is not None
    assert prices_and_dive(TIES, range(8), work_limit=1.0, seed=0).jobs == again  # seeded


def test_a_deadline_passed_stops_the_lp_and_the_dive_and_says_so() -> None:
    """The first LP and dive keep to the wall clock too (a run with a 20 s limit took
    24 s over 168,120 jobs), and say that the clock cut them, so no proof is claimed."""
    stopped = prices_and_dive(TIES, range(8), work_limit=1.0, deadline=time.perf_counter())
    assert stopped.clock_cut and stopped.prices is None and stopped.jobs == ()
    with pytest.raises(LPStopped):
        solve_lp(TIES, range(8), deadline=time.perf_counter() - 1.0)
    assert not prices_and_dive(TIES, range(8), deadline=time.perf_counter() + 60).clock_cut


def most_disjoint(columns: list[tuple[int, ...]]) -> int:
    """The most pairwise disjoint columns, by trying every subset (small systems only)."""
    for size in range(len(columns), 0, -1):
        for chosen in itertools.combinations(columns, size):
            members = [t for c in chosen for t in c]
            if len(members) == len(set(members)):
                return size
    return 0


def test_the_fano_plane_proves_one_job_where_the_lp_says_two() -> None:
    prices = prices_over(FANO, range(7))
    assert prices is not None and prices.jobs_bound == 2
    proof = prove_count(FANO, prices, incumbent=1, deadline=time.perf_counter() + 30)
    assert proof.jobs_bound == 1 and proof.proven(1) and proof.better is None


def test_a_weak_incumbent_is_replaced_by_the_mip_packing() -> None:
    # Two disjoint Fano planes plus three loose pairs: 2 + 3 jobs at most.
    columns = FANO + [tuple(t + 7 for t in line) for line in FANO] + [(14, 15), (16, 17), (18, 19)]
    prices = prices_over(columns, range(20))
    assert prices is not None and prices.jobs_bound > 5
    proof = prove_count(columns, prices, incumbent=2, deadline=time.perf_counter() + 30)
    assert proof.jobs_bound == 5 and proof.better is not None and len(proof.better) == 5
    members = [t for c in proof.better for t in c]
    assert len(members) == len(set(members))


set_systems = st.lists(
    st.lists(st.integers(0, 9), min_size=1, max_size=4, unique=True).map(
        lambda c: tuple(sorted(c))
    ),
    min_size=1,
    max_size=12,
    unique=True,
)


@settings(max_examples=60, deadline=None)
@given(columns=set_systems, weak=st.booleans())
def test_the_bound_never_falls_below_the_optimum(
    columns: list[tuple[int, ...]], weak: bool
) -> None:
    """On random set systems: proven means optimal, and no bound is ever below the optimum."""
    optimum = most_disjoint(columns)
    prices = prices_over(columns, range(10))
    assert prices is not None and prices.jobs_bound >= optimum
    incumbent = 0 if weak else optimum
    proof = prove_count(columns, prices, incumbent, deadline=time.perf_counter() + 30)
    assert proof.jobs_bound >= optimum
    if proof.better is not None:
        assert len(proof.better) <= optimum
        members = [t for c in proof.better for t in c]
        assert len(members) == len(set(members)) and set(proof.better) <= set(columns)
    if proof.proven(incumbent):
        assert proof.jobs_bound == optimum


def test_the_exact_path_proves_the_count_by_the_mip_first(monkeypatch: pytest.MonkeyPatch) -> None:
    """With the proof first (as on lists of many short tasks), the count is the same as
    CP-SAT's, proven, and the proposal passes the checker."""
    instance = family_instance("short", 40, 3)
    plain = combibaan.solve(instance, time_limit=30, strategy="exact")
    monkeypatch.setattr(exact, "BIG_MODEL", 0)
    first = combibaan.solve(instance, time_limit=30, strategy="exact")
    assert first.jobs_status == "optimal" and plain.jobs_status == "optimal"
    assert len(first.jobs) == len(plain.jobs)
    assert_sound(first)


def test_the_proof_repeats_exactly() -> None:
    """The MIP stops on a node limit, not a clock: the same columns, the same answer."""
    columns = FANO + [tuple(t + 7 for t in line) for line in FANO] + [(14, 15), (16, 17), (18, 19)]
    prices = prices_over(columns, range(20))
    assert prices is not None
    runs = [prove_count(columns, prices, 2, deadline=time.perf_counter() + 30) for _ in range(2)]
    assert runs[0] == runs[1] and not runs[0].clock_cut


def test_ctrl_c_stops_a_native_solve_and_is_reported() -> None:
    """The mechanism CP-SAT and SCIP run under: SIGINT calls the solver's stop, the solve
    returns, and the caller learns it was interrupted (SCIP alone swallowed it)."""
    stopped = threading.Event()

    def solve() -> str:
        return "stopped" if stopped.wait(10) else "ran out"

    threading.Timer(0.3, lambda: os.kill(os.getpid(), signal.SIGINT)).start()
    result, interrupted = run_interruptibly(solve, stopped.set, "test")
    assert (result, interrupted) == ("stopped", True)


def test_where_the_proof_settles_nothing_the_cheapest_columns_are_packed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """CP-SAT over the columns cheapest under the prices finds the packing the hint missed,
    and its choice is read back as columns of the whole model (dear decoys first, so a
    slip between the two numberings would show)."""
    decoys = [(1, 2), (1, 4), (2, 5), (1, 5)]
    pairs = [(0, 1), (2, 3), (4, 5)]
    whole = (0, 1, 2, 3)
    columns = [*decoys, whole, *pairs]
    packing = StagedPacking(columns, [60] * len(columns), [0] * len(columns))
    # Each pair costs 0.9, each decoy 1.25 or more, the four tasks together 1.8.
    prices = Prices({0: 0.1, 1: 0.8, 2: 0.8, 3: 0.1, 4: 0.45, 5: 0.45}, 2.7)
    assert sorted(columns, key=prices.cost)[:3] == pairs
    monkeypatch.setattr(exact, "CHEAPEST_COLUMNS", 3)
    hint = (columns.index(whole),)
    found = exact._cheapest(packing, prices, hint, 10.0, time.perf_counter() + 30, 0)
    assert sorted(columns[k] for k in found.selected) == pairs
    assert found.status == "optimal" and not found.wall_clock_cut
