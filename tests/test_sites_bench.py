"""benchmarks/sites.py: a list split by sites, each site solved and checked on its own."""

from __future__ import annotations

import warnings

from conftest import load_benchmark

import combibaan
from combibaan.generate import generate


def test_campuses_fall_apart_into_sites_that_share_no_task() -> None:
    bench = load_benchmark("sites.py", "sites_bench")
    tasks, travel = generate(90, 1, campuses=3, family="campus")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # generated travel tables name unused places
        instance = combibaan.read_instance(tasks, travel)
    split = bench.sites(instance, 15.0)
    assert len(split) == 3
    assert sorted(i for site in split for i in site) == list(range(len(instance.tasks)))
    # Within a site the tasks' places are near; across sites they are not.
    assert len(bench.sites(instance, 1e9)) == 1


def test_the_sum_row_adds_the_sites_jobs_and_holds_them_against_the_whole_bound() -> None:
    bench = load_benchmark("sites.py", "sites_bench")
    rows = bench.measure("units", 40, 1, 5.0, 15.0)
    cells = [[cell.strip() for cell in row.strip("|").split("|")] for row in rows]
    sites, total = cells[:-1], cells[-1]
    assert all(site[-1] == "ok" for site in sites)
    assert total[3] == "all" and int(total[5].strip("*")) == sum(int(s[5]) for s in sites)
    assert "the whole list's" in total[6]
