"""Timetable plots: one block per slot, a colour per supplier, days across and hours down."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import matplotlib

matplotlib.use("Agg", force=True)

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from matplotlib.patches import Rectangle

import combibaan
from combibaan.palette import supplier_styles
from combibaan.plotting import supplier_colours

INDOOR = Path(__file__).resolve().parent.parent / "instances" / "indoor"


@pytest.fixture(autouse=True)
def close_figures() -> Iterator[None]:
    yield
    plt.close("all")


@pytest.fixture(scope="module")
def result() -> combibaan.Result:
    instance = combibaan.read_instance(INDOOR / "tasks.csv", travel=INDOOR / "travel.csv")
    return combibaan.solve(instance, combibaan.Policy(), time_limit=20, workers=1)


def blocks(ax: plt.Axes) -> list[Rectangle]:
    return [p for p in ax.patches if isinstance(p, Rectangle)]


def test_plot_week_draws_every_slot_in_its_suppliers_colour(result: combibaan.Result) -> None:
    job = result.solution.jobs[0]
    ax = combibaan.plot_week(result, job.job_id)
    tasks = [result.instance.task(t) for t in job.task_ids]
    drawn = blocks(ax)
    assert len(drawn) == sum(len(t.slots) for t in tasks)
    colours = supplier_colours(result.instance)
    expected = sorted(colours[t.supplier] for t in tasks for _ in t.slots)
    assert sorted(tuple(b.get_facecolor()) for b in drawn) == expected
    legend = ax.get_legend()
    styles = supplier_styles(result.instance.supplier_names)
    named = [styles[s].key for s in job.suppliers]
    assert [text.get_text() for text in legend.get_texts()] == named
    assert all(name.startswith(s) for name, s in zip(named, job.suppliers, strict=True))
    assert legend.get_title().get_text() == "Leverancier"
    assert [t.get_text() for t in ax.get_xticklabels()] == ["ma", "di", "wo", "do", "vr"]
    bottom, top = ax.get_ylim()
    assert top < bottom  # the morning is at the top
    first = min(s.start for t in tasks for s in t.slots) / 60
    assert top <= first


def test_plot_week_in_english_on_given_axes(result: combibaan.Result) -> None:
    _, ax = plt.subplots()
    job_id = result.solution.jobs[-1].job_id
    assert combibaan.plot_week(result, job_id, ax=ax, lang="en") is ax
    assert ax.get_xticklabels()[0].get_text() == "mon"
    assert "hours per week" in ax.get_title()
    assert ax.get_legend().get_title().get_text() == "Supplier"


def test_colours_are_the_same_in_every_plot_of_an_instance(result: combibaan.Result) -> None:
    seen: dict[tuple[float, ...], str] = {}
    for job in result.solution.jobs:
        ax = combibaan.plot_week(result, job.job_id)
        for patch, text in zip(
            ax.get_legend().get_patches(), ax.get_legend().get_texts(), strict=True
        ):
            colour = tuple(patch.get_facecolor())
            assert seen.setdefault(colour, text.get_text()) == text.get_text()


def test_unknown_job_and_language_are_clear_errors(result: combibaan.Result) -> None:
    with pytest.raises(KeyError, match=r"B99.*B01"):
        combibaan.plot_week(result, "B99")
    with pytest.raises(ValueError, match="lang"):
        combibaan.plot_week(result, "B01", lang="de")


def test_weekend_and_night_slots_are_shown() -> None:
    tasks = pd.DataFrame(
        {
            "task_id": ["N1", "N2"],
            "supplier": ["Securitas", "Asito"],
            "days": ["za,zo", "ma-vr"],
            "start": ["22:00", "06:00"],
            "end": ["06:00", "08:00"],
            "location": ["Hal", "Hal"],
        }
    )
    instance = combibaan.read_instance(tasks)
    result = combibaan.solve(
        instance, combibaan.Policy(min_hours=20, max_hours_per_day=None), time_limit=10, workers=1
    )
    assert result.num_jobs == 1
    ax = combibaan.plot_week(result, "B01", lang="en")
    assert [t.get_text() for t in ax.get_xticklabels()][-2:] == ["sat", "sun"]
    assert max(ax.get_ylim()) >= 30  # 06:00 the next morning is hour 30 of the day it started
    assert len(blocks(ax)) == 2 + 5


def test_plot_jobs_draws_all_jobs_with_one_legend(result: combibaan.Result) -> None:
    fig = combibaan.plot_jobs(result, ncols=2, lang="en")
    drawn = [ax for ax in fig.axes if ax.axison]
    assert len(drawn) == result.num_jobs
    assert all(ax.get_legend() is None for ax in drawn)
    (legend,) = fig.legends
    styles = supplier_styles(result.instance.supplier_names)
    suppliers = {s for job in result.solution.jobs for s in job.suppliers}
    assert {t.get_text() for t in legend.get_texts()} == {styles[s].key for s in suppliers}


def test_plot_jobs_a_subset_and_none(result: combibaan.Result) -> None:
    fig = combibaan.plot_jobs(result, ["B02"])
    assert len([ax for ax in fig.axes if ax.axison]) == 1
    empty = combibaan.plot_jobs(result, [])
    assert "geen banen" in [t.get_text() for ax in empty.axes for t in ax.texts]
    with pytest.raises(ValueError, match="ncols"):
        combibaan.plot_jobs(result, ncols=0)
