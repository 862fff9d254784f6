"""The week of a combination job as a timetable: days across, hours down.

"The person comes first": the first question about a proposed job is what the
person's week looks like. One column per day, one block per task slot,
coloured by supplier, so that gaps, early starts and changes of employer
during a day are visible at a glance. Colours, hatches and short labels come
from :mod:`combibaan.palette`, so a supplier looks the same as in report.html.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

import matplotlib.pyplot as plt
from matplotlib.colors import to_rgba
from matplotlib.patches import Patch, Rectangle

from combibaan.model.week import DAY_NAMES, format_minutes
from combibaan.palette import SupplierStyle, supplier_styles

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from combibaan.model import Instance, Job
    from combibaan.result import Result

#: Words on the plots, per language.
LABELS = {
    "nl": {
        "hours": "uur per week",
        "time": "tijd",
        "supplier": "Leverancier",
        "none": "geen banen",
    },
    "en": {"hours": "hours per week", "time": "time", "supplier": "Supplier", "none": "no jobs"},
}


def supplier_colours(instance: Instance) -> dict[str, tuple[float, float, float, float]]:
    """One colour per supplier of the instance (RGBA), the same as in report.html."""
    return {
        name: to_rgba(style.background)
        for name, style in supplier_styles(instance.supplier_names).items()
    }


def _edge(style: SupplierStyle) -> tuple[float, float, float, float]:
    """The edge colour of a block, which matplotlib also draws the hatch in: white around a
    plain block, the text colour (half transparent) across a hatched one."""
    if style.pattern.hatch is None:
        return to_rgba("white")
    return to_rgba(style.text, 0.55)


def plot_week(result: Result, job_id: str, ax: Axes | None = None, lang: str = "nl") -> Axes:
    """Draw the weekly timetable of one job and return the axes.

    Monday to Friday are always shown, the weekend only when the job works then.
    ``lang`` (``"nl"`` or ``"en"``) sets day names and labels.

    >>> ax = combibaan.plot_week(result, "B01")  # doctest: +SKIP
    >>> ax.figure.savefig("B01.png")             # doctest: +SKIP
    """
    words = _words(lang)
    job = _job(result, job_id)
    if ax is None:
        _, ax = plt.subplots(figsize=(7, 4.5))
    _draw(result, job, ax, words, lang, times=True)
    ax.legend(
        handles=_handles(job.suppliers, supplier_styles(result.instance.supplier_names)),
        title=words["supplier"],
        loc="upper left",
        bbox_to_anchor=(1.01, 1.0),
        fontsize=8,
        title_fontsize=8,
        frameon=False,
    )
    return ax


def _draw(
    result: Result, job: Job, ax: Axes, words: dict[str, str], lang: str, *, times: bool
) -> None:
    """The blocks, axes and title of one job's week; ``times`` writes clock times in the blocks."""
    styles = supplier_styles(result.instance.supplier_names)
    tasks = job.tasks_in(result.instance)
    slots = [(task, slot) for task in tasks for slot in task.slots]
    windows = job.window_spans(result.instance)
    days = range(max(5, max(s.day for _, s in slots) + 1))
    first = math.floor(min([s.start for _, s in slots] + [w[2] for w in windows]) / 60)
    last = math.ceil(max([s.end for _, s in slots] + [w[3] for w in windows]) / 60)
    for _, day, start, end in windows:  # a flexible task's window, faint behind its block
        ax.add_patch(
            Rectangle(
                (day - 0.46, start / 60),
                0.92,
                (end - start) / 60,
                facecolor=(0, 0, 0, 0.04),
                edgecolor="0.55",
                linestyle="--",
                linewidth=0.8,
            )
        )
    for task, slot in slots:
        style = styles[task.supplier]
        height = slot.minutes / 60
        ax.add_patch(
            Rectangle(
                (slot.day - 0.42, slot.start / 60),
                0.84,
                height,
                facecolor=to_rgba(style.background),
                edgecolor=_edge(style),
                hatch=style.pattern.hatch,
                linewidth=1,
            )
        )
        # The supplier's short label too, so that colour is never the only cue.
        label = f"{task.id} {style.label}"
        if times and height >= 1:
            label += f"\n{format_minutes(slot.start)}–{format_minutes(slot.end)}"
        text = ax.text(
            slot.day,
            (slot.start + slot.end) / 120,
            label,
            ha="center",
            va="center",
            fontsize=7,
            color=style.text,
        )
        if style.pattern.hatch is not None:
            text.set_bbox({"facecolor": style.background, "edgecolor": "none", "pad": 1})
    ax.set_xlim(-0.5, len(days) - 0.5)
    ax.set_xticks(list(days), [DAY_NAMES[lang][d] for d in days])
    ax.xaxis.tick_top()
    ax.set_ylim(last, first)  # morning at the top, as in a diary
    hours = range(first, last + 1)
    step = 1 if len(hours) <= 14 else 2
    ax.set_yticks(list(hours)[::step], [format_minutes(h * 60) for h in hours][::step])
    ax.set_ylabel(words["time"])
    ax.grid(axis="y", color="0.9", linewidth=0.8)
    ax.set_axisbelow(True)
    ax.set_title(
        f"{job.job_id}: {job.hours_per_week:.4g} {words['hours']}\n{' + '.join(job.suppliers)}",
        fontsize=9,
        pad=20,
    )


def plot_jobs(
    result: Result,
    job_ids: Sequence[str] | None = None,
    *,
    ncols: int = 3,
    lang: str = "nl",
    size: tuple[float, float] = (4.2, 3.4),
) -> Figure:
    """Draw the week of several jobs (default: all) side by side, with one shared legend.

    ``size`` is the width and height of one panel in inches.

    >>> fig = combibaan.plot_jobs(result, lang="en")  # doctest: +SKIP
    """
    words = _words(lang)
    if ncols < 1:
        raise ValueError(f"ncols must be at least 1, got {ncols}")
    if isinstance(job_ids, str):  # one job's id, not its characters ("B01": no job "B")
        job_ids = [job_ids]
    ids = [job.job_id for job in result.solution.jobs] if job_ids is None else list(job_ids)
    jobs = [_job(result, job_id) for job_id in ids]
    if not jobs:
        fig, ax = plt.subplots(figsize=size)
        ax.set_axis_off()
        ax.text(0.5, 0.5, words["none"], ha="center", va="center")
        return fig
    cols = min(ncols, len(jobs))
    rows = math.ceil(len(jobs) / cols)
    fig, axes = plt.subplots(
        rows, cols, figsize=(size[0] * cols, size[1] * rows), squeeze=False, layout="constrained"
    )
    flat = axes.ravel()
    for ax, job in zip(flat, jobs, strict=False):
        _draw(result, job, ax, words, lang, times=False)
    for ax in flat[len(jobs) :]:
        ax.set_axis_off()
    shown = list(dict.fromkeys(s for job in jobs for s in job.suppliers))
    fig.legend(
        handles=_handles(shown, supplier_styles(result.instance.supplier_names)),
        title=words["supplier"],
        loc="outside right upper",
        fontsize=8,
        title_fontsize=8,
        frameon=False,
    )
    return fig


def _handles(suppliers: Sequence[str], styles: Mapping[str, SupplierStyle]) -> list[Patch]:
    """Legend entries: colour and pattern, and the name with the short label the blocks
    show (``Universitaire Diensten (UD)``), as in the report's key."""
    return [
        Patch(
            facecolor=to_rgba(styles[name].background),
            edgecolor=_edge(styles[name]),
            hatch=styles[name].pattern.hatch,
            label=styles[name].key,
        )
        for name in suppliers
    ]


def _words(lang: str) -> dict[str, str]:
    if lang not in LABELS:
        raise ValueError(f"lang must be one of {', '.join(LABELS)}, got {lang!r}")
    return LABELS[lang]


def _job(result: Result, job_id: str) -> Job:
    for job in result.solution.jobs:
        if job.job_id == job_id:
            return job
    known = ", ".join(job.job_id for job in result.solution.jobs) or "none"
    raise KeyError(f"no job {job_id!r} in this result; its jobs: {known}")
