"""Jobs for candidates in max-jobs mode (solvers/candidate_jobs.py through combibaan.solve):
each candidate rule with a must and a must-not case, brute force on tiny lists, vacancies
beside the candidates' jobs, and every solution through the independent check."""

from __future__ import annotations

import itertools
import random
from functools import cache

import pytest
from conftest import make_instance, make_task, policy, reasons

import combibaan
from combibaan import Candidate, Slot
from combibaan.rules import Limits
from combibaan.rules.facts import profiles as profiles_of
from combibaan.solvers.compatibility import compatibility_graph
from combibaan.solvers.enumeration import enumerate_jobs

RULES = dict(min_hours=None, max_hours=None, max_span_hours=None, max_suppliers=2)
WEEKDAYS = range(5)
FORK = ("heftruck",)


def window(start: str, end: str, days=WEEKDAYS) -> tuple[Slot, ...]:
    def minutes(text: str) -> int:
        hours, mins = text.split(":")
        return int(hours) * 60 + int(mins)

    a, b = minutes(start), minutes(end)
    return tuple(Slot(d, a, b if b > a else b + 24 * 60) for d in days)


def solved(instance, candidates, rules=None, only=True) -> combibaan.Result:
    result = combibaan.solve(
        instance, rules or policy(**RULES), candidates=candidates, only_candidates=only
    )
    assert combibaan.check_result(result) == []
    return result


def held(result: combibaan.Result) -> dict[str, tuple[str, ...]]:
    return {job.candidate: job.task_ids for job in result.solution.jobs if job.candidate}


TWO = make_instance(
    make_task("A", "Asito", "ma-vr 08:00-10:00"),
    make_task("B", "Sodexo", "ma-vr 10:30-12:00", competencies=("heftruck",)),
)


def test_availability_must_hold_every_slot() -> None:
    fits = Candidate("K1", window("07:00", "12:00"), competencies=FORK)
    assert held(solved(TWO, [fits])) == {"K1": ("A", "B")}
    morning = Candidate("K1", window("07:00", "11:00"), competencies=FORK)  # B runs to 12:00
    assert held(solved(TWO, [morning])) == {"K1": ("A",)}
    monday_only = Candidate("K1", window("07:00", "12:00", days=[0]), competencies=FORK)
    assert held(solved(TWO, [monday_only])) == {}


def test_touching_windows_join_and_night_windows_pass_midnight() -> None:
    night = make_instance(make_task("N", "Asito", "ma-vr 23:00-01:00"))
    split = Candidate("K1", window("22:00", "00:00") + window("00:00", "02:00", days=range(1, 6)))
    assert held(solved(night, [split])) == {"K1": ("N",)}
    through = Candidate("K2", window("22:00", "02:00"))
    assert held(solved(night, [through])) == {"K2": ("N",)}
    short = Candidate("K3", window("22:00", "00:30"))
    assert held(solved(night, [short])) == {}


def test_competencies_are_needed() -> None:
    lacking = Candidate("K1", window("07:00", "12:00"))
    assert "B" not in held(solved(TWO, [lacking]))["K1"]
    able = Candidate("K1", window("07:00", "12:00"), competencies=("Heftruck",))
    assert held(solved(TWO, [able]))["K1"] == ("A", "B")


def test_eligible_tasks_limit_the_job() -> None:
    listed = Candidate("K1", window("07:00", "12:00"), eligible_task_ids=("A",))
    assert held(solved(TWO, [listed])) == {"K1": ("A",)}


def test_hours_of_the_candidate() -> None:
    # A is 10 h a week, B 7.5 h: at most 12 h keeps one; at least 15 h needs both.
    at_most = Candidate("K1", window("07:00", "12:00"), max_hours=12, competencies=("heftruck",))
    assert held(solved(TWO, [at_most])) == {"K1": ("A",)}
    at_least = Candidate("K1", window("07:00", "11:00"), min_hours=15)
    assert held(solved(TWO, [at_least])) == {}  # A alone is too little, B out of reach
    enough = Candidate("K1", window("07:00", "12:00"), min_hours=15, competencies=("heftruck",))
    assert held(solved(TWO, [enough])) == {"K1": ("A", "B")}


def test_one_job_per_candidate_and_one_candidate_per_job() -> None:
    clash = make_instance(
        make_task("A", "Asito", "ma-vr 08:00-10:00"),
        make_task("B", "Asito", "ma-vr 08:00-10:00"),
    )
    anyone = window("00:00", "00:00", days=range(7))
    one = solved(clash, [Candidate("K1", anyone)])
    assert one.num_jobs == 1 and one.status == "optimal"
    two = solved(clash, [Candidate("K1", anyone), Candidate("K2", anyone)])
    assert held(two) == {"K1": ("A",), "K2": ("B",)} or held(two) == {"K1": ("B",), "K2": ("A",)}


def test_the_policy_still_applies_to_candidates_jobs() -> None:
    anyone = Candidate("K1", window("00:00", "00:00", days=range(7)), competencies=("heftruck",))
    result = solved(TWO, [anyone], policy(**{**RULES, "min_hours": 20}))
    assert result.num_jobs == 0 and result.status == "optimal"  # 17.5 h at most
    assert {u.reason.code for u in result.solution.unassigned} == {"candidates_busy"}


def test_vacancies_beside_the_candidates_jobs() -> None:
    instance = make_instance(
        make_task("A", "Asito", "ma-vr 08:00-10:00"),
        make_task("B", "Sodexo", "ma-vr 10:30-12:00"),
        make_task("C", "Asito", "ma-vr 14:00-16:00"),
        make_task("D", "Sodexo", "ma-vr 16:30-18:00"),
    )
    morning = Candidate("K1", window("07:00", "12:30"))
    rules = policy(**{**RULES, "min_hours": 15})  # A+B and C+D are 17.5 h each
    result = solved(instance, [morning], rules, only=False)
    assert held(result) == {"K1": ("A", "B")}
    vacancies = [job.task_ids for job in result.solution.jobs if job.candidate is None]
    assert vacancies == [("C", "D")]
    assert result.status == "optimal" and result.statistics.candidate_status == "optimal"
    only = solved(instance, [morning], rules)
    assert only.num_jobs == 1 and only.only_candidates
    reasons = {u.task_id: u.reason.code for u in only.solution.unassigned}
    assert reasons == {"C": "no_candidate", "D": "no_candidate"}
    document = result.to_dict()
    assert [job["candidate"] for job in document["jobs"]] == ["K1", None]
    assert document["candidates"][0]["windows"][0] == {
        "day": "ma",
        "start": "07:00",
        "end": "12:30",
    }
    assert document["only_candidates"] is False
    # As data a vacancy's cell is empty; in the workbook a workshop reads the word.
    assert list(result.jobs_in("nl")["candidate"]) == ["K1", ""]
    from combibaan.reporting.workbook import build_workbook

    sheet = build_workbook(result, "nl")["Banen"]
    header = [c.value for c in sheet[1]]
    column = header.index("Kandidaat")
    assert [row[column] for row in sheet.iter_rows(min_row=2, values_only=True)] == [
        "K1",
        "vacature",
    ]


def test_without_candidates_every_job_is_a_vacancy() -> None:
    result = combibaan.solve(TWO, policy(**RULES))
    assert [job.candidate for job in result.solution.jobs] == [None, None]
    assert result.to_dict()["candidates"] == [] and "candidate" not in result.jobs.columns
    with pytest.raises(ValueError):
        combibaan.solve(TWO, policy(**RULES), only_candidates=True)


# --------------------------------------------------------------------------- brute force


def random_case(seed: int):
    rng = random.Random(seed)
    tasks = []
    for k in range(7):
        start = rng.randrange(6 * 60, 18 * 60, 30)
        end = start + rng.choice((60, 90, 120, 180))
        days = rng.choice(("ma-vr", "ma,wo,vr", "di,do"))
        needs = rng.choice(((), ("schoonmaak",), ("kassa",)))
        spec = f"{days} {start // 60:02d}:{start % 60:02d}-{end // 60:02d}:{end % 60:02d}"
        tasks.append(
            make_task(f"T{k}", rng.choice(("Asito", "Sodexo", "Maas")), spec, competencies=needs)
        )
    candidates = []
    for k in range(3):
        start = rng.randrange(5 * 60, 13 * 60, 60)
        candidates.append(
            Candidate(
                f"K{k}",
                window(
                    f"{start // 60:02d}:00",
                    f"{(start + rng.choice((300, 480, 720))) // 60 % 24:02d}:00",
                ),
                min_hours=rng.choice((None, 5)),
                max_hours=rng.choice((None, 20)),
                competencies=tuple(rng.sample(("schoonmaak", "kassa"), rng.randrange(3))),
            )
        )
    return make_instance(*tasks), candidates


def most_held(instance, candidates, rules) -> int:
    """The most candidates that get a job, by brute force over every feasible job."""
    profiles = profiles_of(instance)
    graph = compatibility_graph(instance, rules, profiles)
    every = enumerate_jobs(graph, profiles, Limits.of(rules))
    assert every.complete
    options = []
    for c in candidates:
        ok = []
        for job in every.jobs:
            tasks = [instance.tasks[t] for t in job]
            hours = sum(t.minutes_per_week for t in tasks) / 60
            if all(c.may_do(t) for t in tasks) and (c.min_hours or 0) <= hours <= (
                c.max_hours or 1e9
            ):
                ok.append(sum(1 << t for t in job))
        options.append(ok)

    @cache
    def best(k: int, used: int) -> int:
        if k == len(candidates):
            return 0
        skip = best(k + 1, used)
        take = max((1 + best(k + 1, used | m) for m in options[k] if not used & m), default=0)
        return max(skip, take)

    return best(0, 0)


@pytest.mark.parametrize("seed", range(10))
def test_most_candidate_jobs_against_brute_force(seed: int) -> None:
    instance, candidates = random_case(seed)
    rules = policy(max_hours_per_day=6, max_span_hours=8, max_suppliers=2)
    result = solved(instance, candidates, rules)
    assert result.status == "optimal"
    assert result.num_jobs == most_held(instance, candidates, rules)
    placed = list(itertools.chain(*held(result).values()))
    assert len(held(result)) == result.num_jobs and len(placed) == len(set(placed))


def test_a_task_beside_a_candidates_job_is_told_so() -> None:
    """E fits beside A, which a candidate holds: it read "1 is out (a lock, or too long)"
    with no lock given. The tasks of a set job that E could not join anyway say why."""
    instance = make_instance(
        make_task("A", "Asito", "ma-vr 08:00-10:00"),
        make_task("B", "Sodexo", "ma-vr 10:30-12:00"),
        make_task("E", "Asito", "ma-vr 11:00-12:30"),  # beside A; over B's time
    )
    morning = Candidate("K1", window("07:00", "12:00"))  # not E's end
    rules = policy(**{**RULES, "min_hours": 15})  # A+B is 17.5 h, and so would E+A be
    result = solved(instance, [morning], rules, only=False)
    assert held(result) == {"K1": ("A", "B")}
    words = reasons(result, "en")["E"]
    assert "1 is in a job already set (a lock's, or a candidate's)" in words, words
    assert "out (a lock" not in words


def test_a_kept_job_is_held_by_a_candidate_free_to_hold_it() -> None:
    """The workshop keeps A alone: it was always a vacancy, even with K2 free and able
    ("1 held by a candidate (proven maximum)" where 2 are possible). In cover mode the
    cover's candidates come first, the kept job takes one left free."""
    pair = make_instance(
        make_task("A", "Asito", "ma-vr 08:00-12:00"), make_task("B", "Sodexo", "ma-vr 13:00-17:00")
    )
    anyone = [Candidate(k, window("07:00", "18:00")) for k in ("K1", "K2")]
    locks = combibaan.Locks.of([("keep", ["A"])])
    rules = policy(max_hours=40)
    for options in ({}, {"only_candidates": True}, {"policy": rules.replace(cover=True)}):
        result = combibaan.solve(
            pair, options.pop("policy", rules), candidates=anyone, locks=locks, **options
        )
        assert combibaan.check_result(result) == []
        assert sorted(held(result).values()) == [("A",), ("B",)], options
        assert result.jobs_status == "optimal"
    # One candidate who may do either: a new job for them first (the kept one is there
    # anyway, as a vacancy), so that two jobs stand and not one.
    result = combibaan.solve(pair, rules, candidates=anyone[:1], locks=locks, only_candidates=True)
    assert held(result) == {"K1": ("B",)} and result.num_jobs == 2
    assert result.jobs_status == "optimal" and combibaan.check_result(result) == []
    # Nobody may do A (a competency): it stays a vacancy, as before.
    fork = make_instance(
        make_task("A", "Asito", "ma-vr 08:00-12:00", competencies=FORK), pair.tasks[1]
    )
    result = combibaan.solve(fork, rules, candidates=anyone, locks=locks)
    assert held(result) == {"K1": ("B",)} or held(result) == {"K2": ("B",)}
    assert [j.candidate for j in result.solution.jobs if j.task_ids == ("A",)] == [None]


def test_a_kept_flexible_job_is_held_at_times_its_candidate_can_work() -> None:
    """A keep names tasks, not times: T0 (30 min between 07:00 and 09:00) was fixed at
    07:00 before the candidates were asked, and K1, who starts at 08:00, held nothing
    ("proven": 0 where 1 is possible)."""
    post = combibaan.Task("T0", "Post", (), windows=(combibaan.Window((0,), 1, 420, 540, 30),))
    late = Candidate("K1", window("08:00", "12:00", days=[0]))
    locks = combibaan.Locks.of([("keep", ["T0"])])
    rules = policy(**RULES)
    for options in ({}, {"only_candidates": True}, {"policy": rules.replace(cover=True)}):
        result = combibaan.solve(
            make_instance(post),
            options.pop("policy", rules),
            candidates=[late],
            locks=locks,
            time_limit=5,
            **options,
        )
        assert combibaan.check_result(result) == []
        (job,) = result.solution.jobs
        assert job.candidate == "K1", options
        assert all(s.slot.start >= 480 for s in job.schedule)
