"""Analyses on top of the solver: KPIs, scenario sweeps, sensitivity (and more to come).

The public entry points are re-exported from :mod:`combibaan` (``combibaan.sweep``,
``combibaan.marginal``); this package keeps no imports of its own so that each
analysis module loads only what it needs.
"""
