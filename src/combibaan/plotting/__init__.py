"""Timetable plots of combination jobs, for notebooks and reports.

Needs matplotlib, and nothing below this package imports it: ``combibaan.plot_week``
and ``combibaan.plot_jobs`` load it when a plot is asked for, so solving never pays
for loading matplotlib.
"""

from combibaan.plotting.timetable import plot_jobs, plot_week, supplier_colours

__all__ = ["plot_jobs", "plot_week", "supplier_colours"]
