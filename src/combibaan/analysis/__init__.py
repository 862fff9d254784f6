"""Analyses on top of the solver: KPIs, the check of a result, scenario sweeps, sensitivity.

The public entry points are re-exported from :mod:`combibaan` (``combibaan.kpis``,
``combibaan.check_result``, ``combibaan.sweep``, ``combibaan.marginal``); this package
keeps no imports of its own so that each analysis module loads only what it needs.
"""
