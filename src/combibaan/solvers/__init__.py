"""The solver: compatibility graph, job enumeration, greedy baseline and CP-SAT packing."""

from combibaan.solvers.solve import solve

__all__ = ["solve"]
