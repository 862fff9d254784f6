"""Record what the solver answers today, so that a redesign can show it changed nothing.

Run from the repository root (``tests/test_baseline.py`` compares against the file)::

    .venv/bin/python tests/baseline/record.py

Every case is small enough that each stage is proven within seconds, so its
answer does not depend on the machine: the jobs, the hours, the statuses and
the reasons (in both languages) for every task left out, and one explanation.
The explanation gets the same 60 s as the solve, so that its own first solve is proven
too (with less, a tie-break stage could stop on the wall clock of a busy machine).
(Before the redesign each language was a solve of its own; since the reasons are
data, one solve is worded twice, and the recorded file must not change.)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
OUT = HERE / "results.json"

#: The line that starts the what-ifs of an explanation (Dutch, the default).
CHANGES = "Wat het antwoord verandert:"

#: (name, instance, policy changes, use locks)
CASES: list[tuple[str, str, dict[str, Any], bool]] = [
    ("indoor", "indoor", {}, False),
    ("indoor-locks", "indoor", {}, True),
    ("indoor-one-supplier", "indoor", {"max_suppliers": 1}, False),
    ("indoor-day-minimum", "indoor", {"min_hours_per_day": 4}, False),
    ("outdoor", "outdoor", {}, False),
    ("outdoor-tight", "outdoor", {"max_span_hours": 8, "travel_minutes": 30}, False),
    ("n40", "generated/n40", {}, False),
    ("n40-loose", "generated/n40", {"max_span_hours": None, "max_hours_per_day": None}, False),
    ("n40-small-jobs", "generated/n40", {"min_hours": 12, "max_hours": 20}, False),
    ("n80", "generated/n80", {}, False),
    ("short-40", "family:short:40:1", {}, False),
    ("night-40", "family:night:40:1", {}, False),
    ("remote-40", "family:remote:40:1", {}, False),
    ("many-40", "family:many:40:1", {"max_suppliers": 3}, False),
    ("units-40", "family:campus:40:2", {"min_hours": 25.5}, False),
]


def load(where: str) -> tuple[Any, Any]:
    """The instance and (for a bundled one) its locks."""
    import combibaan
    from combibaan.generate import generate

    if where.startswith("family:"):
        _, family, size, seed = where.split(":")
        tasks, travel = generate(int(size), int(seed), family=family)
        return combibaan.read_instance(tasks, travel, name=where), None
    folder = ROOT / "instances" / where
    suppliers = folder / "suppliers.csv"
    instance = combibaan.read_instance(
        folder / "tasks.csv",
        folder / "travel.csv",
        suppliers if suppliers.exists() else None,
    )
    locks_file = folder / "locks.csv"
    return instance, (combibaan.read_locks(locks_file, instance) if locks_file.exists() else None)


def record(name: str, where: str, changes: dict[str, Any], with_locks: bool) -> dict[str, Any]:
    import combibaan
    from combibaan.texts import render

    instance, locks = load(where)
    policy = combibaan.Policy().replace(**changes)
    answers: dict[str, Any] = {"instance": where, "policy": changes, "locks": with_locks}
    result = combibaan.solve(instance, policy, locks=locks if with_locks else None, time_limit=60)
    assert result.jobs_status == "optimal", (name, result.status)
    for lang in ("nl", "en"):
        answers[lang] = {
            "status": result.status,
            "jobs_status": result.jobs_status,
            "jobs": sorted(sorted(job.task_ids) for job in result.solution.jobs),
            "hours": round(result.hours_placed, 2),
            "unassigned": {u.task_id: render(u.reason, lang) for u in result.solution.unassigned},
            "violations": [
                v.rule for v in combibaan.check_solution(instance, result.to_dict(), policy)
            ],
        }
    out = answers["nl"]["unassigned"]
    if out:
        task = sorted(out)[0]
        explanation = combibaan.explain(
            instance, task, policy, locks=locks if with_locks else None, time_limit=60
        )
        lines = explanation.lines()
        # The what-ifs are short solves that a busy machine's wall clock can cut: the story
        # is recorded up to them (tests/test_explain.py covers the what-ifs themselves).
        what_ifs = lines.index(CHANGES) if CHANGES in lines else len(lines)
        answers["explain"] = {"task": task, "text": lines[:what_ifs]}
    return answers


def main() -> int:
    results = {name: record(name, *case) for name, *case in CASES}
    OUT.write_text(json.dumps(results, indent=1, ensure_ascii=False, sort_keys=True) + "\n")
    print(f"wrote {OUT} ({len(results)} cases)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
