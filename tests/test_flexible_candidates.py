"""Candidates on lists with flexible tasks: the candidates' model chooses each task's
times among its ways, judged against the person's availability at those times; the
kept jobs keep them; the check judges the chosen times; and the count of jobs held
equals a brute force over every minute of every window."""

from __future__ import annotations

import itertools
import json
import random
from pathlib import Path

import pytest
from conftest import assert_sound, run_cli
from test_flexible import every_minute

import combibaan
import combibaan.model.variants as variants_module
from combibaan import Candidate, Slot
from combibaan.check.base import CheckedJob
from combibaan.check.candidates import available_spans, inside
from combibaan.check.rules import RULES
from combibaan.check.travel import Travel
from combibaan.model import Instance, Task, Window
from combibaan.rules import Policy
from combibaan.rules.facts import first_choice

MONDAY = 0


def hour(h: float) -> int:
    return round(h * 60)


#: F may run 09:00-17:00 (two hours), G is 15:00-17:00, H 09:00-11:00 (all Monday). K1
#: works Monday afternoons only: her job is F and G with F between 12:00 and 15:00, not
#: at its first choice (09:00, where it would clash with H besides).
AFTERNOON = Instance(
    (
        Task(
            "F", "Asito", (), location="A", windows=(Window((MONDAY,), 1, hour(9), hour(17), 120),)
        ),
        Task("G", "Sodexo", (Slot(MONDAY, hour(15), hour(17)),), location="A"),
        Task("H", "Maas", (Slot(MONDAY, hour(9), hour(11)),), location="A"),
    )
)
K1 = Candidate("K1", (Slot(MONDAY, hour(12), hour(18)),))
FOUR_HOURS = Policy(min_hours=4, max_hours=None, travel_minutes=15)


def held(result: combibaan.Result) -> dict[str, tuple[str, ...]]:
    return {job.candidate: job.task_ids for job in result.solution.jobs if job.candidate}


def times(job: combibaan.Job, task_id: str) -> list[Slot]:
    return [s.slot for s in job.schedule if s.task_id == task_id]


@pytest.mark.parametrize("only", [False, True])
def test_a_flexible_task_moves_into_the_candidates_afternoon(only: bool) -> None:
    result = combibaan.solve(
        AFTERNOON, FOUR_HOURS, candidates=[K1], only_candidates=only, time_limit=10
    )
    assert_sound(result)
    assert result.status == "optimal"
    assert held(result) == {"K1": ("F", "G")}
    (job,) = [j for j in result.solution.jobs if j.candidate == "K1"]
    (slot,) = times(job, "F")
    assert hour(12) <= slot.start and slot.end <= hour(15)
    # At the windows' starts F runs 09:00-11:00, where K1 does not work.
    assert result.at_window_start is not None
    assert result.at_window_start.jobs == (0 if only else 1)


@pytest.mark.parametrize("only", [False, True])
def test_the_candidates_jobs_under_thinned_starts_claim_the_starts_tried_only(
    monkeypatch: pytest.MonkeyPatch, only: bool
) -> None:
    """With F's starts thinned to 09:00 and 15:00, neither in K1's afternoon beside G,
    the candidates' search finds no job for her and proves that over the starts tried
    only: nothing claims optimal (12:00 would do), and the bound is one job per candidate."""
    monkeypatch.setattr(variants_module, "EXACT_VARIANTS", 0)
    monkeypatch.setattr(variants_module, "MAX_VARIANTS", 2)
    result = combibaan.solve(
        AFTERNOON, FOUR_HOURS, candidates=[K1], only_candidates=only, time_limit=10
    )
    assert_sound(result)
    assert result.statistics.thinned_tasks == ("F",)
    assert result.status == "feasible" and result.statistics.candidate_status != "optimal"
    assert held(result) == {} and result.stopped == "starts_tried"
    if only:
        assert (result.num_jobs, result.jobs_bound, result.jobs_status) == (0, 1, "feasible")


def test_cover_mode_holds_every_task_with_a_flexible_one_in_the_afternoon() -> None:
    """Every task in a candidate's job: K2 works Monday mornings (H), K1 afternoons (G and
    F, which only fits her at 12:00-15:00). At the windows' starts F clashes with H and
    no cover exists."""
    k2 = Candidate("K2", (Slot(MONDAY, hour(8), hour(12)),))
    rules = Policy(min_hours=2, max_hours=None, travel_minutes=15, cover=True)
    result = combibaan.solve(AFTERNOON, rules, candidates=[K1, k2], time_limit=10)
    assert_sound(result)
    assert result.status == "optimal" and result.num_jobs == 2
    assert held(result) == {"K1": ("F", "G"), "K2": ("H",)}
    (job,) = [j for j in result.solution.jobs if j.candidate == "K1"]
    (slot,) = times(job, "F")
    assert hour(12) <= slot.start and slot.end <= hour(15)
    assert result.at_window_start is not None
    assert result.at_window_start.jobs_status == "infeasible"


def test_the_check_judges_the_candidate_at_the_chosen_times() -> None:
    result = combibaan.solve(AFTERNOON, FOUR_HOURS, candidates=[K1], time_limit=10)
    document = result.to_dict()
    job = next(j for j in document["jobs"] if j["candidate"] == "K1")
    entry = next(e for e in job["schedule"] if e["task_id"] == "F")
    entry["start"], entry["end"] = "09:00", "11:00"  # in F's window, not in K1's hours
    rules = [v.rule for v in combibaan.check_solution(AFTERNOON, document)]
    assert rules == ["candidate_availability"]
    del job["schedule"]  # no times at all: nothing to judge K1 by, so not passed
    rules = [v.rule for v in combibaan.check_solution(AFTERNOON, document)]
    assert "schedule" in rules and "candidate_availability" in rules


def test_a_window_with_one_way_is_judged_at_its_times() -> None:
    """A window as long as its task leaves one way (the nodes are then the tasks): K1 does
    not work 09:00-11:00, so F is not hers, nor is G alone (two hours of four)."""
    one_way = Task(
        "F", "Asito", (), location="A", windows=(Window((MONDAY,), 1, hour(9), hour(11), 120),)
    )
    instance = Instance((one_way, AFTERNOON.tasks[1]))
    result = combibaan.solve(
        instance, FOUR_HOURS, candidates=[K1], only_candidates=True, time_limit=10
    )
    assert_sound(result)
    assert held(result) == {}


def test_the_candidates_times_join_the_grid_of_starts() -> None:
    """Every other time is on whole hours, so without K1's 09:40-10:50 the starts tried
    would be 09:00 and 10:00, neither hers; on the grid of 10 minutes 09:50 is."""
    f = Task("F", "Asito", (), location="A", windows=(Window((MONDAY,), 1, hour(9), hour(11), 60),))
    k1 = Candidate("K1", (Slot(MONDAY, 580, 650),))
    rules = Policy(min_hours=1, max_hours=None, travel_minutes=None)
    result = combibaan.solve(
        Instance((f,)), rules, candidates=[k1], only_candidates=True, time_limit=10
    )
    assert_sound(result)
    assert result.statistics.start_grid_minutes == 10
    (job,) = result.solution.jobs
    assert job.candidate == "K1" and times(job, "F") == [Slot(MONDAY, 590, 650)]


def test_vacancies_pack_around_the_candidates_jobs_at_their_times() -> None:
    """H and a second flexible task E make a vacancy beside K1's job; K1's job keeps F
    in the afternoon although the vacancy search starts from the windows' starts."""
    e = Task(
        "E", "Maas", (), location="A", windows=(Window((MONDAY,), 1, hour(11), hour(14), 120),)
    )
    instance = Instance((*AFTERNOON.tasks, e))
    result = combibaan.solve(instance, FOUR_HOURS, candidates=[K1], time_limit=10)
    assert_sound(result)
    assert held(result) == {"K1": ("F", "G")}
    assert {j.task_ids for j in result.solution.jobs if j.candidate is None} == {("H", "E")}
    (job,) = [j for j in result.solution.jobs if j.candidate == "K1"]
    assert times(job, "F")[0].start >= hour(12)


# ----------------------------------------------------------------------------- brute force


def random_case(seed: int) -> tuple[Instance, Policy, list[Candidate]]:
    """Four tasks on Monday and Tuesday mornings, one or two with a narrow window (so that
    the solver tries every start of its grid), and two candidates, times on 5 or 15
    minutes."""
    rng = random.Random(seed)
    grid = rng.choice((5, 15))
    n_flexible = rng.choice((1, 2))
    tasks: list[Task] = []
    for k in range(4):
        supplier = rng.choice(("Asito", "Sodexo", "Maas"))
        location = rng.choice(("A", "B"))
        start = hour(7) + grid * rng.randrange(0, hour(4) // grid)
        length = grid * rng.randrange(max(1, 30 // grid), 150 // grid)
        if k < n_flexible:
            width = length + grid * rng.randrange(1, 4)
            days = rng.choice(((0,), (0, 1)))
            w = Window(days, rng.choice((1, len(days))), start, start + width, length)
            tasks.append(Task(f"T{k}", supplier, (), location=location, windows=(w,)))
        else:
            days = rng.choice(((0,), (1,), (0, 1)))
            end = start + length
            tasks.append(
                Task(f"T{k}", supplier, tuple(Slot(d, start, end) for d in days), location=location)
            )
    candidates = []
    for k in range(2):
        start = hour(6) + grid * rng.randrange(0, hour(4) // grid)
        end = start + grid * rng.randrange(hour(2) // grid, hour(6) // grid)
        days = rng.choice(((0,), (1,), (0, 1)))
        candidates.append(
            Candidate(
                f"K{k + 1}",
                tuple(Slot(d, start, end) for d in days),
                max_hours=rng.choice((None, 3.0, 4.0)),
            )
        )
    policy = Policy(
        min_hours=rng.choice((1, 2)),
        max_hours=None,
        max_span_hours=rng.choice((3, 4, None)),
        travel_minutes=15,
    )
    return Instance(tuple(tasks)), policy, candidates


def brute_force_held(instance: Instance, policy: Policy, candidates: list[Candidate]) -> int:
    """The most candidates that hold a job, every minute of every window tried: per
    candidate the task sets some choice of times makes a job they can do (the checker's
    rules, availability and hours), then the best choice of disjoint sets."""
    travel = Travel(instance, policy.travel_minutes)
    tasks = instance.tasks
    holdable: list[list[frozenset[int]]] = []
    for candidate in candidates:
        spans = available_spans(candidate.windows)
        ways = [[w for w in every_minute(t) if all(inside(s, spans) for s in w)] for t in tasks]
        most = None if candidate.max_hours is None else hour(candidate.max_hours)
        sets = []
        for size in range(1, len(tasks) + 1):
            for subset in itertools.combinations(range(len(tasks)), size):
                minutes = sum(tasks[i].minutes_per_week for i in subset)
                if most is not None and minutes > most:
                    continue
                for combo in itertools.product(*(ways[i] for i in subset)):
                    job = tuple(tasks[i].scheduled(w) for i, w in zip(subset, combo, strict=True))
                    if not any(rule(CheckedJob("J", job, policy, travel)) for rule in RULES):
                        sets.append(frozenset(subset))
                        break
        holdable.append(sets)
    first, second = holdable
    best = int(bool(first) or bool(second))
    if any(not a & b for a in first for b in second):
        best = 2
    return best


#: Seeds, and whether the windows let more candidates hold a job than the first choices
#: (each window at its start) do.
SEEDS = ((10, True), (19, True), (35, True), (18, False))


@pytest.mark.parametrize(("seed", "matters"), SEEDS)
def test_jobs_held_equal_a_brute_force_over_every_minute(seed: int, matters: bool) -> None:
    instance, policy, candidates = random_case(seed)
    result = combibaan.solve(
        instance, policy, candidates=candidates, only_candidates=True, time_limit=10
    )
    assert_sound(result)
    assert result.status == "optimal"
    assert result.statistics.start_grid_minutes is not None
    assert result.statistics.thinned_tasks == ()  # every start of the grid tried: exact
    best = brute_force_held(instance, policy, candidates)
    assert len(held(result)) == best
    at_start = [t.scheduled(first_choice(t)) if t.windows else t for t in instance.tasks]
    fixed = Instance(tuple(at_start))
    assert (brute_force_held(fixed, policy, candidates) < best) == matters
    both = combibaan.solve(instance, policy, candidates=candidates, time_limit=10)
    assert_sound(both)
    assert len(held(both)) == len(held(result))


# ----------------------------------------------------------------------------- the command line

TASKS = (
    "taak;leverancier;dagen;begin;eind;vanaf;uiterlijk;duur\n"
    "F;Asito;ma;;;09:00;17:00;2u\n"
    "G;Sodexo;ma;15:00;17:00;;;\n"
    "H;Maas;ma;09:00;11:00;;;\n"
)
CANDIDATES = "candidate_id,days,available_from,available_to,min_hours,max_hours,competencies\n"


def test_the_command_line_solves_and_checks_a_windowed_list(tmp_path: Path) -> None:
    tasks = tmp_path / "tasks.csv"
    tasks.write_text(TASKS, encoding="utf-8")
    people = tmp_path / "cands.csv"
    people.write_text(CANDIDATES + "K1,ma,12:00,18:00,,,\n", encoding="utf-8")
    rules = ("--min-hours", "4", "--max-hours", "off")
    for only in ((), ("--only-candidates",)):
        out = tmp_path / ("only" if only else "both")
        run = run_cli("solve", tasks, "--candidates", people, *rules, *only, "--out", out)
        assert run.returncode == 0, run.stderr
        document = json.loads((out / "solution.json").read_text(encoding="utf-8"))
        (job,) = [j for j in document["jobs"] if j["candidate"] == "K1"]
        assert job["task_ids"] == ["F", "G"]
        (entry,) = [e for e in job["schedule"] if e["task_id"] == "F"]
        assert entry["day"] == "ma" and entry["start"] >= "12:00" and entry["end"] <= "15:00"
        check = run_cli("check", tasks, out / "solution.json", "--candidates", people, *rules)
        assert check.returncode == 0, check.stdout + check.stderr


KEPT_BETWEEN = """task_id,supplier,days,start,end,earliest,latest,duration,location
F1,Asito,ma-vr,07:00,11:00,,,,A
W1,Maas,ma-vr,,,08:00,16:00,120m,B
F2,Asito,ma-vr,13:30,14:30,,,,A
"""


def test_a_kept_job_is_judged_at_every_start_not_only_the_thinned_ones(tmp_path: Path) -> None:
    """W1 fits between F1 and F2 (10 minutes' travel) only from 11:10 to 11:20, which its
    window tried at 8 ways (every hour) never meets: the keep lock was refused as "not a
    valid job" although the same list without it solves to that very job. And K1, free
    until 13:30, was given no kept job F1|W1, judged at the lock's first times only."""
    (tmp_path / "tasks.csv").write_text(KEPT_BETWEEN, encoding="utf-8")
    (tmp_path / "travel.csv").write_text("from,to,minutes\nA,B,10\n", encoding="utf-8")
    (tmp_path / "locks.csv").write_text("rule,task_ids\nkeep,F1|W1|F2\n", encoding="utf-8")
    files = [tmp_path / "tasks.csv", "--travel", tmp_path / "travel.csv", "--lang", "en"]
    kept = run_cli("solve", *files, "--locks", tmp_path / "locks.csv", "--out", tmp_path / "a")
    assert kept.returncode == 0, kept.stderr
    assert "1 job (proven maximum) · 35 hours placed" in kept.stdout
    checked = run_cli(
        "check",
        files[0],
        tmp_path / "a" / "solution.json",
        *files[1:],
        "--locks",
        tmp_path / "locks.csv",
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    (tmp_path / "locks.csv").write_text("rule,task_ids\nkeep,F1|W1\n", encoding="utf-8")
    (tmp_path / "cands.csv").write_text(
        "candidate_id,days,available_from,available_to\nK1,ma-vr,07:00,13:30\n", encoding="utf-8"
    )
    people = ["--locks", tmp_path / "locks.csv", "--candidates", tmp_path / "cands.csv"]
    held = run_cli("solve", *files, *people, "--out", tmp_path / "b")
    assert held.returncode == 0, held.stderr
    assert "1 job: 1 held by a candidate (proven maximum)" in held.stdout
    solution = json.loads((tmp_path / "b" / "solution.json").read_text(encoding="utf-8"))
    (job,) = [j for j in solution["jobs"] if "W1" in j["task_ids"]]
    assert job["candidate"] == "K1"
    starts = {e["start"] for e in job["schedule"] if e["task_id"] == "W1"}
    assert len(starts) == 1 and "11:10" <= starts.pop() <= "11:30"
    checked = run_cli("check", files[0], tmp_path / "b" / "solution.json", *files[1:], *people)
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_a_kept_job_between_thinned_starts_is_output_at_its_own_times(tmp_path: Path) -> None:
    """On a one-minute grid (7 minutes' travel) W1's 421 starts are thinned to the hour;
    the keep lock holds only at 11:07-11:18. The job was kept, but written at W1's first
    choice (08:00, over F1): the checker found 5 overlaps in the tool's own proposal."""
    (tmp_path / "tasks.csv").write_text(
        KEPT_BETWEEN.replace("13:30,14:30", "13:27,14:27"), encoding="utf-8"
    )
    (tmp_path / "travel.csv").write_text("from,to,minutes\nA,B,7\n", encoding="utf-8")
    (tmp_path / "locks.csv").write_text("rule,task_ids\nkeep,F1|W1|F2\n", encoding="utf-8")
    files = [tmp_path / "tasks.csv", "--travel", tmp_path / "travel.csv", "--lang", "en"]
    locks = ["--locks", tmp_path / "locks.csv"]
    kept = run_cli("solve", *files, *locks, "--out", tmp_path / "out")
    assert kept.returncode == 0, kept.stderr
    assert "1 job (proven maximum) · 35 hours placed" in kept.stdout
    assert "coarser step" in kept.stdout  # the list was thinned
    solution = json.loads((tmp_path / "out" / "solution.json").read_text(encoding="utf-8"))
    (job,) = solution["jobs"]
    starts = {e["start"] for e in job["schedule"] if e["task_id"] == "W1"}
    assert len(starts) == 1 and "11:07" <= starts.pop() <= "11:18"
    checked = run_cli("check", files[0], tmp_path / "out" / "solution.json", *files[1:], *locks)
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_a_keep_lock_no_start_can_hold_is_refused_without_trying_millions(tmp_path: Path) -> None:
    """W1 has two windows of ``3x ma-vr`` on a one-minute grid (36 million ways at every
    start) and no way fits between F1 and F2: the search at every start hung the run for
    minutes; it now looks at as many ways a task as it takes steps, and refuses the lock."""
    (tmp_path / "tasks.csv").write_text(
        "task_id,supplier,days,start,end,earliest,latest,duration,location\n"
        "F1,Asito,ma-vr,07:00,11:00,,,,A\n"
        "W1,Maas,3x ma-vr,,,06:00,23:00,1:07,B\n"
        "W1,Maas,3x ma-vr,,,06:00,23:00,1:03,B\n"
        "F2,Asito,ma-vr,11:01,12:00,,,,A\n",
        encoding="utf-8",
    )
    (tmp_path / "travel.csv").write_text("from,to,minutes\nA,B,7\n", encoding="utf-8")
    (tmp_path / "locks.csv").write_text("rule,task_ids\nkeep,F1|W1|F2\n", encoding="utf-8")
    refused = run_cli(
        "solve",
        tmp_path / "tasks.csv",
        "--travel",
        tmp_path / "travel.csv",
        "--locks",
        tmp_path / "locks.csv",
        "--out",
        tmp_path / "out",
        timeout=60,
    )
    assert refused.returncode == 2, refused.stdout + refused.stderr
    assert "locks.csv" in refused.stderr and "geen geldige baan" in refused.stderr
    assert "Traceback" not in refused.stderr and not (tmp_path / "out").exists()
