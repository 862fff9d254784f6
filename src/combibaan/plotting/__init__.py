"""Timetable plots of combination jobs, for notebooks and reports.

Needs matplotlib; :class:`~combibaan.result.Result` imports this package only
when a plot is asked for, so solving never pays for loading matplotlib.
"""

from combibaan.plotting.timetable import plot_jobs, plot_week, supplier_colours

__all__ = ["plot_jobs", "plot_week", "supplier_colours"]
