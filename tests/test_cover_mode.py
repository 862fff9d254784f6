"""Cover mode through combibaan.solve and the command line: every task in a job, the
fewest jobs, a proven lower bound, locks and candidates kept, reasons when no cover
exists, and every solution through the independent check."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import make_instance, make_task, policy, run_cli

import combibaan
from combibaan import Candidate, Locks, Policy, Slot, Task, Window

INDOOR = Path(__file__).resolve().parents[1] / "instances" / "indoor"
TASKS = INDOOR / "tasks.csv"

#: Four tasks: A and B clash, C and D clash; A fits with C or D, B with C or D.
FOUR = make_instance(
    make_task("A", "Asito", "ma-vr 08:00-10:00"),
    make_task("B", "Sodexo", "ma-vr 09:00-11:00"),
    make_task("C", "Asito", "ma-vr 12:00-14:00"),
    make_task("D", "Sodexo", "ma-vr 13:00-15:00"),
)
OFF = policy(cover=True)


def covered(result: combibaan.Result) -> set[str]:
    assert combibaan.check_result(result) == []
    return {t for job in result.solution.jobs for t in job.task_ids}


def test_every_task_in_the_fewest_jobs_with_a_lower_bound() -> None:
    result = combibaan.solve(FOUR, OFF)
    assert covered(result) == {"A", "B", "C", "D"}
    assert result.num_jobs == 2 and result.jobs_bound == 2
    assert result.status == "optimal" and result.jobs_status == "optimal"
    assert result.solution.unassigned == ()
    document = result.to_dict()
    assert document["policy"]["cover"] is True and document["statistics"]["method"] == "cover"


def test_the_rules_still_hold_in_cover_mode() -> None:
    # At most 12 hours a week: no job may hold two tasks of 10 hours.
    result = combibaan.solve(FOUR, policy(cover=True, max_hours=12))
    assert result.num_jobs == 4 and covered(result) == {"A", "B", "C", "D"}
    # At least 15 hours: every task must share a job, and A with C is 20 hours.
    result = combibaan.solve(FOUR, policy(cover=True, min_hours=15))
    assert result.num_jobs == 2 and result.status == "optimal"


@pytest.mark.parametrize("with_candidates", [False, True])
def test_the_longest_wait_holds_in_cover_mode_and_for_candidates(with_candidates: bool) -> None:
    """The wait rule is judged on the whole job (a task in between shortens the wait): the
    slot models state it too. A (07-09) and B (14-17) wait 5 h; with C (09-13) between
    them all three are one job, without C two jobs are needed."""
    a = make_task("A", "Asito", "ma 07:00-09:00")
    b = make_task("B", "Sodexo", "ma 14:00-17:00")
    c = make_task("C", "Asito", "ma 09:00-13:00")
    rules = policy(min_hours=1, max_gap_hours=1)
    everyone = [Candidate(f"K{k}", (Slot(0, 0, 1440),)) for k in (1, 2)]
    people = everyone if with_candidates else []
    apart = combibaan.solve(make_instance(a, b), rules.replace(cover=True), candidates=people)
    assert covered(apart) == {"A", "B"} and apart.num_jobs == 2
    together = combibaan.solve(make_instance(a, b, c), rules.replace(cover=True), candidates=people)
    assert covered(together) == {"A", "B", "C"} and together.num_jobs == 1
    if with_candidates:  # the most jobs for candidates: B, the longer, alone for one of them
        one = combibaan.solve(
            make_instance(a, b), rules, candidates=everyone[:1], only_candidates=True
        )
        assert combibaan.check_result(one) == []
        assert [job.task_ids for job in one.solution.jobs] == [("B",)]


@pytest.mark.parametrize("flexible", [0.0, 0.3])
def test_a_larger_list_is_covered_even_where_the_whole_model_finds_nothing(
    flexible: float,
) -> None:
    """150 generated tasks without candidates: CP-SAT on the whole model may find no cover
    in a short time; the first cover keeps every rule (no minimum hours) and is given
    then, not nothing. With windows too."""
    import warnings

    from combibaan.generate import generate

    tasks, travel = generate(150, 3, flexible=flexible)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # generated travel tables name unused places
        instance = combibaan.read_instance(tasks, travel)
    rules = combibaan.Policy(min_hours=None, cover=True)
    result = combibaan.solve(instance, rules, time_limit=4, workers=1)
    assert result.status in ("optimal", "feasible")
    assert covered(result) == {t.id for t in instance.tasks}
    assert result.jobs_bound is not None and result.num_jobs >= result.jobs_bound
    # A run that found no cover claims none: its lower bound is no violation.
    empty = {**result.to_dict(), "jobs": [], "status": "unknown", "jobs_status": "unknown"}
    jobs_claims = [v for v in combibaan.check_solution(instance, empty) if v.rule == "jobs_bound"]
    assert jobs_claims == []


def test_no_cover_names_the_tasks_that_block_it() -> None:
    lonely = make_instance(*FOUR.tasks, make_task("E", "Maas", "ma 20:00-21:00"))
    result = combibaan.solve(lonely, policy(cover=True, min_hours=15, max_suppliers=1))
    assert result.status == "infeasible" and result.num_jobs == 0
    assert result.jobs_bound is None
    reasons = {u.task_id: u.reason for u in result.solution.unassigned}
    assert set(reasons) == {"A", "B", "C", "D", "E"}
    assert reasons["E"].code in {"isolated", "no_job", "no_job_rule", "too_long"}
    assert reasons["A"].code == "no_cover"
    assert "E" in combibaan.texts.render(reasons["A"], "en")
    assert combibaan.check_result(result) == []


def test_no_cover_under_a_together_lock_names_its_tasks_and_the_lock() -> None:
    """A1 and A2 overlap and must go together: every task got "no cover under these rules;
    switch a rule off (e.g. --min-hours off)", with --min-hours already off."""
    three = make_instance(
        make_task("A1", "Asito", "ma-vr 08:00-12:00"),
        make_task("A2", "Asito", "ma-vr 10:00-14:00"),
        make_task("S1", "Sodexo", "ma-vr 14:00-16:00"),
    )
    rules = policy(cover=True, min_hours=None)
    assert combibaan.solve(three, rules, time_limit=5).num_jobs == 2
    together = Locks.of([("together", ["A1", "A2"])])
    result = combibaan.solve(three, rules, locks=together, time_limit=5)
    assert result.status == "infeasible"
    reasons = {
        u.task_id: combibaan.texts.render(u.reason, "en") for u in result.solution.unassigned
    }
    assert "but A1 and A2 cannot share a job: they overlap" in reasons["A1"]
    assert "A1, A2 fit in no job" in reasons["S1"] and "lift a lock" in reasons["S1"]
    assert "--min-hours off" not in reasons["S1"]  # it is off already
    assert "candidate" not in reasons["S1"]  # "or with no candidate", with none given
    assert combibaan.check_result(result) == []


def test_no_cover_over_thinned_starts_is_proven_for_those_and_names_the_candidates(
    tmp_path: Path,
) -> None:
    """No cover at the starts tried: it said ``stopped: time_limit`` after 8 ms, "(proven)"
    beside the starts' caveat, and pointed at --min-hours that was already off, where the
    candidates' hours are the cause."""
    tasks = tmp_path / "tasks.csv"
    tasks.write_text(
        "task_id,supplier,days,start,end,earliest,latest,duration,location\n"
        "A1,Asito,mon-fri,07:00,11:00,,,,A\n"
        "F1,Selecta,mon-fri,,,09:00,12:00,2:00,B\n"
        "B1,Sodexo,mon-fri,11:00,15:00,,,,A\n"
        'N1,Securitas,"3x mon-fri",,,22:00,04:00,3:00,B\n'
        "P1,Post,tue-fri,08:00,09:00,,,,A\n",
        encoding="utf-8",
    )
    travel = tmp_path / "travel.csv"
    travel.write_text("from,to,minutes\nA,B,5\n", encoding="utf-8")
    people = tmp_path / "people.csv"
    people.write_text(
        "candidate_id,days,available_from,available_to\n"
        "K1,mon-fri,20:00,12:00\nK2,mon-fri,06:00,18:00\nK3,mon-fri,08:00,16:00\n",
        encoding="utf-8",
    )
    instance = combibaan.read_instance(tasks, travel)
    candidates = combibaan.read_candidates(people, instance)
    result = combibaan.solve(
        instance, combibaan.Policy(cover=True, min_hours=None), candidates=candidates, time_limit=10
    )
    assert result.statistics.thinned_tasks
    assert (result.status, result.stopped, result.num_jobs) == ("unknown", "starts_tried", 0)
    reasons = [u.reason for u in result.solution.unassigned]
    assert {r.code for r in reasons} <= {"no_cover_candidates", "no_candidate"}
    said = combibaan.texts.render(reasons[0], "en")
    assert "More availability or another candidate may help" in said and "starts tried" in said
    assert "(proven)" not in said  # for the starts tried only
    assert combibaan.check_result(result) == []


def test_a_task_that_alone_is_a_job_is_not_said_to_fit_in_none() -> None:
    """Without a least number of hours every task alone is a job. Where no cover exists
    (X2 and X3 must go together and overlap; or three overlapping tasks and two people),
    X1 was told "Alone , and no task fits beside it" and named among the tasks that fit
    in no job; it now gets the reason of the cover, naming only what blocks it."""
    x1 = Task("X1", "Asito", (), windows=(Window(tuple(range(5)), 5, 480, 720, 240),))
    x2 = make_task("X2", "Sodexo", "ma-vr 09:00-11:00")
    x3 = make_task("X3", "Maas", "ma-vr 10:00-12:00")
    rules = policy(cover=True, min_hours=None)
    together = Locks.of([("together", ["X2", "X3"])])
    locked = combibaan.solve(make_instance(x1, x2, x3), rules, locks=together, time_limit=5)
    assert locked.status == "infeasible"
    reasons = {u.task_id: u.reason for u in locked.solution.unassigned}
    said = combibaan.texts.render(reasons["X1"], "en")
    assert reasons["X1"].code == "no_cover" and "Alone" not in said
    assert ": X2, X3 fit in no job" in said and "(proven)" in said
    assert combibaan.check_result(locked) == []
    day = tuple(Slot(d, 7 * 60, 13 * 60) for d in range(5))
    two = [Candidate("K1", day), Candidate("K2", day)]
    short = combibaan.solve(make_instance(x1, x2, x3), rules, candidates=two, time_limit=5)
    assert short.status == "infeasible"
    for item in short.solution.unassigned:
        said = combibaan.texts.render(item.reason, "en")
        assert item.reason.code == "no_cover_candidates", said
        assert "fit in no job" not in said and "another candidate may help" in said
    assert combibaan.check_result(short) == []


def test_candidates_hold_every_job_in_cover_mode() -> None:
    morning = tuple(Slot(d, 7 * 60, 12 * 60) for d in range(5))
    afternoon = tuple(Slot(d, 11 * 60, 16 * 60) for d in range(5))
    candidates = [
        Candidate("K1", morning),
        Candidate("K2", morning),
        Candidate("K3", afternoon),
        Candidate("K4", afternoon),
    ]
    result = combibaan.solve(FOUR, OFF, candidates=candidates)
    assert covered(result) == {"A", "B", "C", "D"} and result.num_jobs == 4
    assert sorted(job.candidate for job in result.solution.jobs) == ["K1", "K2", "K3", "K4"]
    # Only mornings: nobody takes C or D, and the output says so.
    result = combibaan.solve(FOUR, OFF, candidates=candidates[:2])
    assert result.status == "infeasible"
    reasons = {u.task_id: u.reason.code for u in result.solution.unassigned}
    assert reasons["C"] == reasons["D"] == "no_candidate"
    assert combibaan.check_result(result) == []


def test_locks_hold_in_cover_mode() -> None:
    locks = Locks.of([("exclude", ["D"]), ("together", ["A", "C"])])
    result = combibaan.solve(FOUR, OFF, locks=locks)
    assert covered(result) == {"A", "B", "C"}
    assert ("A", "C") in [job.task_ids for job in result.solution.jobs]
    assert [u.reason.code for u in result.solution.unassigned] == ["excluded"]
    kept = combibaan.solve(FOUR, OFF, locks=Locks.of([("keep", ["B"])]))
    assert ("B",) in [job.task_ids for job in kept.solution.jobs]
    assert kept.num_jobs == 3 and kept.jobs_bound == 3 and covered(kept) == set("ABCD")


def test_without_a_cover_the_kept_jobs_stand_and_every_other_task_says_why() -> None:
    """No cover exists (E fits beside no task); the kept job A was in no job and in no
    list, and the check failed on the solver's own output."""
    lonely = make_task("E", "Maas", "ma 20:00-21:00")
    kept = combibaan.solve(
        make_instance(*FOUR.tasks[:2], lonely),
        policy(cover=True, min_hours=10, max_suppliers=1),
        locks=Locks.of([("keep", ["A"])]),
    )
    assert kept.status == "infeasible"
    assert [job.task_ids for job in kept.solution.jobs] == [("A",)]
    assert {u.task_id for u in kept.solution.unassigned} == {"B", "E"}
    assert combibaan.check_result(kept) == []


def test_a_window_with_one_way_is_judged_at_that_way_for_candidates() -> None:
    """T1 may only run 11:30-13:30 (its window is its duration); K1 works from 13:00. The
    cover gave K1 the job, judging T1 by its fixed slots (none): "optimal", and the check
    refused it. No cover exists."""
    one_way = Task("T1", "S1", (), windows=(Window((0,), 1, 690, 810, 120),))
    evening = Task("T2", "S1", (Slot(0, 1080, 1140),))
    late = Candidate("K1", (Slot(0, 780, 1320),))
    rules = Policy.without_rules().replace(max_suppliers=2, cover=True)
    result = combibaan.solve(
        combibaan.Instance(tasks=(one_way, evening)), rules, candidates=[late], time_limit=5
    )
    assert result.status == "infeasible" and result.num_jobs == 0
    assert combibaan.check_result(result) == []


def test_the_same_cover_twice() -> None:
    first = combibaan.solve(FOUR, OFF, seed=3)
    again = combibaan.solve(FOUR, OFF, seed=3)
    assert first.solution.jobs == again.solution.jobs


def test_what_is_about_the_most_jobs_refuses_cover_mode() -> None:
    with pytest.raises(combibaan.PolicyError):
        combibaan.solve(FOUR, OFF, alternatives=2)
    with pytest.raises(combibaan.PolicyError):
        combibaan.explain(FOUR, "A", OFF)
    with pytest.raises(combibaan.PolicyError):
        combibaan.marginal(FOUR, OFF)


def test_the_policy_knows_cover_mode() -> None:
    assert combibaan.Policy(cover=True).replace(min_hours=10).cover
    assert combibaan.Policy.from_dict({"cover": True}).cover
    assert "cover" not in combibaan.Policy().to_dict()
    assert combibaan.Policy.without_rules().max_suppliers is None
    with pytest.raises(combibaan.PolicyError):
        combibaan.Policy(cover="yes")  # type: ignore[arg-type]


# ----------------------------------------------------------------------------- the CLI


def test_cli_cover_says_proven_minimum(tmp_path: Path) -> None:
    run = run_cli("solve", TASKS, "--cover", "--min-hours", "off", "-q", "--out", tmp_path / "o")
    assert run.returncode == 0, run.stderr
    assert "bewezen minimum" in run.stdout
    run = run_cli("check", TASKS, tmp_path / "o" / "solution.json")
    assert run.returncode == 0, run.stdout + run.stderr
    document = json.loads((tmp_path / "o" / "solution.json").read_text(encoding="utf-8"))
    assert document["unassigned"] == [] and document["policy"]["cover"] is True


def test_cli_policy_file_asks_cover_mode(tmp_path: Path) -> None:
    (tmp_path / "cover.toml").write_text("cover = true\nmin_hours = 'off'\n", encoding="utf-8")
    run = run_cli("solve", TASKS, "--policy", tmp_path / "cover.toml", "-q", "--lang", "en")
    assert run.returncode == 0 and "proven minimum" in run.stdout
    (tmp_path / "bad.toml").write_text("cover = 'ja'\n", encoding="utf-8")
    run = run_cli("solve", TASKS, "--policy", tmp_path / "bad.toml")
    assert run.returncode == 2 and "bad.toml" in run.stderr and "cover" in run.stderr


def test_cli_candidates_in_both_modes(tmp_path: Path) -> None:
    candidates = INDOOR / "candidates.csv"
    run = run_cli("solve", TASKS, "--candidates", candidates, "--out", tmp_path / "o")
    assert run.returncode == 0, run.stderr
    assert "voor een kandidaat" in run.stdout and "K06" in run.stdout
    assert "candidate" in (tmp_path / "o" / "jobs.csv").read_text(encoding="utf-8-sig")
    assert 'class="candidate">K06' in (tmp_path / "o" / "report.html").read_text(encoding="utf-8")
    run = run_cli("check", TASKS, tmp_path / "o" / "solution.json", "--candidates", candidates)
    assert run.returncode == 0, run.stdout + run.stderr
    run = run_cli("solve", TASKS, "--only-candidates")
    assert run.returncode == 2 and "--candidates" in run.stderr
    run = run_cli("solve", TASKS, "--cover", "--alternatives", "2", "--lang", "en")
    assert run.returncode == 2 and "cover mode" in run.stderr


def test_the_check_reads_the_bound_of_a_cover_as_a_lower_one() -> None:
    result = combibaan.solve(FOUR, OFF)
    document = result.to_dict()
    document.update(status="feasible", jobs_status="feasible", stopped="time_limit")
    document["jobs_bound"] = 1  # 2 jobs above a lower bound of 1: fine
    assert combibaan.check_solution(FOUR, document) == []
    document["jobs_bound"] = 3  # 2 jobs below a proven lower bound of 3: a false claim
    assert [v.rule for v in combibaan.check_solution(FOUR, document)] == ["jobs_bound"]
    document.update(status="optimal", jobs_status="optimal", stopped="proven", jobs_bound=1)
    assert {v.rule for v in combibaan.check_solution(FOUR, document)} == {"jobs_bound"}
