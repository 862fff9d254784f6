"""Everything that speaks OR-Tools CP-SAT: the set-packing model over enumerated jobs."""

from combibaan.solvers.ortools.set_packing import PackingOutcome, solve_packing

__all__ = ["PackingOutcome", "solve_packing"]
