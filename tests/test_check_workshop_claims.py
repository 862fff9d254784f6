"""The checker against lies about locks, pairs, candidates, cover mode and alternatives
that it passed ("every rule holds"): each edit below is one a QA session made to a real
solution of the list in ``tests/data/workshop`` (12 tasks, four suppliers, three places)."""

from __future__ import annotations

import copy
from functools import cache
from pathlib import Path
from typing import Any

import combibaan
from combibaan import Policy

DATA = Path(__file__).resolve().parent / "data" / "workshop"


@cache
def _instance() -> combibaan.Instance:
    return combibaan.read_instance(DATA / "tasks.csv", DATA / "travel.csv")


def _solved(**options: Any) -> dict[str, Any]:
    result = combibaan.solve(_instance(), time_limit=10, workers=1, **options)
    document = result.to_dict("en")
    assert combibaan.check_solution(_instance(), document) == []
    return document


def _said(document: dict[str, Any]) -> list[str]:
    return [v.text("en") for v in combibaan.check_solution(_instance(), document)]


def test_a_forbidden_pair_is_read_in_any_case_and_an_unknown_name_is_refused() -> None:
    document = _solved()
    job = next(j for j in document["jobs"] if len(j["suppliers"]) == 2)
    first, second = job["suppliers"]
    lower = copy.deepcopy(document)
    lower["forbidden_pairs"] = [[first.lower(), second.lower()]]
    assert any("a forbidden pair" in text for text in _said(lower))
    unknown = copy.deepcopy(document)
    unknown["forbidden_pairs"] = [[first, second + "x"]]
    assert any(f"names {second}x, a supplier not in the task list" in t for t in _said(unknown))


def test_a_whole_cover_is_not_infeasible_and_has_a_candidate_for_every_job() -> None:
    cover = _solved(policy=Policy(cover=True, min_hours=None))
    cover.update(status="infeasible", jobs_status="infeasible", jobs_bound=None)
    cover.update(hours_bound=None, stopped="proven")
    assert any("status 'infeasible' (no proposal), but" in text for text in _said(cover))
    people = combibaan.read_candidates(DATA / "cands2.csv", _instance())
    held = _solved(policy=Policy(cover=True, min_hours=None), candidates=people)
    held["jobs"][-1]["candidate"] = None
    assert any("has no candidate" in text for text in _said(held))


def test_an_alternative_holds_no_more_candidates_than_a_best_proposal_proven() -> None:
    people = combibaan.read_candidates(DATA / "cands.csv", _instance())
    document = _solved(candidates=people, alternatives=2)
    assert document["status"] == "optimal" and document["alternatives"]
    job = next(j for j in document["jobs"] if j.get("candidate"))
    job["candidate"] = None
    assert any("held by candidates, more than the" in text for text in _said(document))


def test_an_alternative_drops_a_third_of_the_best_proposal() -> None:
    document = _solved(alternatives=1)
    (alternative,) = document["alternatives"]
    alternative["jobs"] = copy.deepcopy(document["jobs"])  # the same jobs, but one
    alternative["jobs"][-1]["task_ids"] = alternative["jobs"][-1]["task_ids"][:1]
    needed = max(1, -(-len(document["jobs"]) // 3))
    assert needed > 1  # else the one job changed would be enough
    assert any(
        "drops 1 of the best proposal's jobs, where an alternative drops at least" in text
        for text in _said(document)
    )


def test_reason_codes_are_the_tools_and_excluded_means_a_lock() -> None:
    locks = combibaan.read_locks(DATA / "locks.csv", _instance())
    document = _solved(locks=locks, policy=Policy(min_hours=30, max_locations=1))  # more out
    left = {item["task_id"]: item for item in document["unassigned"]}
    assert left["T12"]["reason_code"] == "excluded"
    other = next(t for t, item in left.items() if t != "T12")
    lie = copy.deepcopy(document)
    next(i for i in lie["unassigned"] if i["task_id"] == other)["reason_code"] = "excluded"
    assert any("but no lock excludes it" in text for text in _said(lie))
    hidden = copy.deepcopy(document)
    next(i for i in hidden["unassigned"] if i["task_id"] == "T12")["reason_code"] = "no_job"
    assert any("T12 is excluded by a lock, but listed" in text for text in _said(hidden))
    bogus = copy.deepcopy(document)
    bogus["unassigned"][0]["reason_code"] = "bogus_code"
    assert any("a code the tool does not have" in text for text in _said(bogus))


def test_a_reason_code_beside_a_task_id_that_is_no_text_is_no_crash() -> None:
    """``{"task_id": ["T1"], "reason_code": "excluded"}`` met a set lookup: TypeError."""
    document = _solved()
    for odd in (["T01"], {"a": 1}):
        lie = copy.deepcopy(document)
        lie["unassigned"].append({"task_id": odd, "reason": "x", "reason_code": "excluded"})
        found = combibaan.check_solution(_instance(), lie)
        assert "structure" in {v.rule for v in found}
