"""The installed ``combibaan`` command, end to end, as a workshop lead would run it."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from conftest import INSTANCES, ROOT, combibaan_command, run_cli

import combibaan
from combibaan.io import InputWarning

SOLUTION_FILES = ("solution.json", "jobs.csv", "assignments.csv", "unassigned.csv")
GOOD_TASKS = "task_id,supplier,days,start,end\nT1,Asito,ma-vr,07:00,10:00\n"


def instance_args(name: str) -> list[str]:
    folder = INSTANCES / name
    return [str(folder / "tasks.csv"), "--travel", str(folder / "travel.csv")]


def solve(tmp_path: Path, name: str, *extra: object, out: str = "out") -> Path:
    folder = tmp_path / out
    done = run_cli("solve", *instance_args(name), "--time-limit", 20, "--out", folder, *extra)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    return folder


def check(name: str, solution: Path) -> subprocess.CompletedProcess:
    folder = INSTANCES / name
    return run_cli("check", folder / "tasks.csv", solution, "--travel", folder / "travel.csv")


def read_solution(folder: Path) -> dict:
    return json.loads((folder / "solution.json").read_text(encoding="utf-8"))


# ----------------------------------------------------------------------------- solve and check


@pytest.mark.parametrize(("name", "jobs"), [("indoor", 3), ("outdoor", 4)])
def test_solve_writes_the_files_and_check_accepts_them(
    tmp_path: Path, name: str, jobs: int
) -> None:
    folder = solve(tmp_path, name)
    for file in SOLUTION_FILES:
        assert (folder / file).is_file(), file
    document = read_solution(folder)
    assert document["status"] == "optimal"
    assert len(document["jobs"]) == document["jobs_bound"] == jobs
    jobs_csv = (folder / "jobs.csv").read_text(encoding="utf-8").splitlines()
    assert len(jobs_csv) == jobs + 1  # header plus one row per job
    done = check(name, folder / "solution.json")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "voldoet aan alle regels" in done.stdout


def test_solving_again_into_our_own_folder_is_fine(tmp_path: Path) -> None:
    folder = solve(tmp_path, "indoor")
    again = solve(tmp_path, "indoor", "--max-suppliers", "3")
    assert again == folder
    assert len(read_solution(folder)["jobs"]) == 4
    # A negative seed is one the option allows (it ended in a traceback from the API).
    solve(tmp_path, "indoor", "--seed", "-5")


def _move_into_first_job(document: dict, task_ids: list[str]) -> None:
    """Rewrite the first job to hold exactly these tasks, keeping the rest consistent."""
    first = document["jobs"][0]
    freed = [t for t in first["task_ids"] if t not in task_ids]
    for job in document["jobs"][1:]:
        job["task_ids"] = [t for t in job["task_ids"] if t not in task_ids]
    document["jobs"] = [first] + [job for job in document["jobs"][1:] if job["task_ids"]]
    document["unassigned"] = [u for u in document["unassigned"] if u["task_id"] not in task_ids]
    document["unassigned"] += [{"task_id": t, "reason": "moved out"} for t in freed]
    first["task_ids"] = task_ids


def test_check_catches_a_tampered_solution(tmp_path: Path) -> None:
    folder = solve(tmp_path, "indoor")
    document = read_solution(folder)
    # I01 and I02 are both Sodexo's lunch service, ma-vr 10:30-13:30.
    _move_into_first_job(document, ["I01", "I02"])
    document["jobs"][0].update(
        suppliers=["Sodexo"], hours_per_week=30, days=["mon", "tue", "wed", "thu", "fri"]
    )
    tampered = tmp_path / "tampered.json"
    tampered.write_text(json.dumps(document), encoding="utf-8")
    done = check("indoor", tampered)
    assert done.returncode == 1
    assert "[overlap]" in done.stdout
    assert "I01" in done.stdout and "I02" in done.stdout
    assert "Traceback" not in done.stderr


def test_check_judges_by_the_policy_the_solution_claims(tmp_path: Path) -> None:
    """The checker judges by the rules the solution claims: tighten them and it objects."""
    folder = solve(tmp_path, "indoor")
    document = read_solution(folder)
    document["policy"]["max_hours"] = 21  # every indoor job is longer
    tampered = tmp_path / "tampered.json"
    tampered.write_text(json.dumps(document), encoding="utf-8")
    done = check("indoor", tampered)
    assert done.returncode == 1
    assert "[max_hours]" in done.stdout


def test_check_against_the_workshops_own_rules(tmp_path: Path) -> None:
    """--policy and the rule flags replace the rules the solution claims; flags beat the file."""
    folder = solve(tmp_path, "indoor", "--max-suppliers", "3")  # 4 jobs, one of 3 suppliers
    solution = folder / "solution.json"
    tasks, travel = INSTANCES / "indoor" / "tasks.csv", INSTANCES / "indoor" / "travel.csv"
    assert check("indoor", solution).returncode == 0  # by the rules it claims

    strict = run_cli("check", tasks, solution, "--travel", travel, "--max-suppliers", "2")
    assert strict.returncode == 1, strict.stdout + strict.stderr
    assert "[max_suppliers]" in strict.stdout
    assert "max_suppliers 3 (gecontroleerd: 2)" in strict.stderr

    policy = write(tmp_path / "workshop.toml", "max_suppliers = 3\n")
    kept = run_cli("check", tasks, solution, "--travel", travel, "--policy", policy)
    assert kept.returncode == 0, kept.stdout
    beaten = run_cli(
        "check", tasks, solution, "--travel", travel, "--policy", policy, "--max-suppliers", "2"
    )
    assert beaten.returncode == 1
    defaults = write(tmp_path / "defaults.toml", "")
    assert (
        run_cli("check", tasks, solution, "--travel", travel, "--policy", defaults).returncode == 1
    )


@pytest.mark.parametrize(
    ("old", "new", "fragment"),
    [
        ('"hours_per_week": 30.0', '"hours_per_week": NaN', "NaN"),
        ('"jobs_bound": 3', '"jobs_bound": NaN', "NaN"),
        ('"task_ids": [', '"task_ids": [["I01", "I11"], ', "jobs[0].task_ids[0]"),
        ('"task_ids": [', '"task_ids": [7, ', "jobs[0].task_ids[0]"),
        ('"jobs_bound": 3', '"jobs_bound": 1e309', "1e309"),
    ],
)
def test_check_refuses_a_malformed_solution(
    tmp_path: Path, old: str, new: str, fragment: str
) -> None:
    """Never "voldoet aan alle regels", never a traceback: exit 2 naming the file and the place."""
    folder = solve(tmp_path, "indoor")
    text = (folder / "solution.json").read_text(encoding="utf-8")
    assert old in text
    broken = write(tmp_path / "broken.json", text.replace(old, new, 1))
    done = check("indoor", broken)
    assert done.returncode == 2, done.stdout
    assert "voldoet aan alle regels" not in done.stdout
    assert "Traceback" not in done.stderr
    assert "broken.json" in done.stderr and fragment in done.stderr


# ----------------------------------------------------------------------------- broken input


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


BROKEN = {
    "unknown day": (
        "task_id,supplier,days,start,end\nT1,Asito,ma-vr,07:00,10:00\nT2,Asito,xx,07:00,10:00\n",
        [],
        ["fout:", "tasks.csv", "rij 3", "'days'", "onbekende dag 'xx'"],
    ),
    "impossible time": (
        "task_id,supplier,days,start,end\nT1,Asito,ma,25:00,10:00\n",
        [],
        ["tasks.csv", "rij 2", "'start'", "onmogelijke tijd '25:00'"],
    ),
    "missing column": (
        "task_id,supplier,days,start\nT1,Asito,ma,07:00\n",
        [],
        ["tasks.csv", "kolom 'end'", "ontbreekt"],
    ),
    "empty file": ("", [], ["tasks.csv"]),
    "two mistakes at once": (
        "task_id,supplier,days,start,end\nT1,Asito,xx,07:00,10:00\nT2,Asito,ma,07:00,99:00\n",
        [],
        ["rij 2", "'days'", "rij 3", "'end'"],
    ),
    "bad flag value": (GOOD_TASKS, ["--max-hours", "abc"], ["--max-hours moet een getal", "abc"]),
    "bad language": (GOOD_TASKS, ["--lang", "fr"], ["fr"]),
}


def assert_refused(done: subprocess.CompletedProcess, fragments: list[str], out: Path) -> None:
    assert done.returncode == 2, done.stdout + done.stderr
    assert "Traceback" not in done.stderr + done.stdout
    for fragment in fragments:
        assert fragment in done.stderr, (fragment, done.stderr)
    assert not out.exists()


@pytest.mark.parametrize("case", BROKEN)
def test_broken_input_is_refused_with_a_located_message(tmp_path: Path, case: str) -> None:
    text, extra, fragments = BROKEN[case]
    tasks = write(tmp_path / "tasks.csv", text)
    out = tmp_path / "out"
    assert_refused(run_cli("solve", tasks, "--out", out, *extra), fragments, out)


def test_the_same_bad_file_in_dutch_by_default_and_in_english_with_lang_en(
    tmp_path: Path,
) -> None:
    """One language per run, errors included: ``fout:`` and Dutch words without --lang,
    ``error:`` and English with ``--lang en`` in any case; the same file, row and column."""
    tasks = write(tmp_path / "tasks.csv", BROKEN["two mistakes at once"][0])
    dutch = run_cli("solve", tasks)
    assert dutch.returncode == 2, dutch.stdout + dutch.stderr
    assert dutch.stderr.splitlines() == [
        f"fout: {tasks}, rij 2, kolom 'days': onbekende dag 'xx'; schrijf dagen als ma-vr, "
        "ma t/m vr, ma,wo,vr, mon-fri, werkdagen of weekend",
        f"fout: {tasks}, rij 3, kolom 'end': onmogelijke tijd '99:00'; schrijf een tijd als "
        "UU:MM, bijv. 07:30 (uren 0-23, minuten 0-59; 24:00 alleen als eindtijd)",
    ]
    for lang in ("en", "EN"):
        english = run_cli("solve", tasks, "--lang", lang)
        assert english.returncode == 2, english.stdout + english.stderr
        assert english.stderr.splitlines() == [
            f"error: {tasks}, row 2, column 'days': unknown day 'xx'; write days like ma-vr, "
            "ma t/m vr, ma,wo,vr, mon-fri, werkdagen or weekend",
            f"error: {tasks}, row 3, column 'end': impossible time '99:00'; write a time as "
            "HH:MM, e.g. 07:30 (hours 0-23, minutes 0-59; 24:00 only as an end)",
        ]


@pytest.mark.parametrize(
    ("command", "options"),
    [
        ("explain", ["--task", "T1"]),
        ("sweep", ["--grid", "grid.toml", "--out", "results.csv"]),
    ],
)
def test_every_command_reports_input_errors_in_its_language(
    tmp_path: Path, command: str, options: list[str]
) -> None:
    tasks = write(tmp_path / "tasks.csv", BROKEN["unknown day"][0])
    write(tmp_path / "grid.toml", "max_suppliers = [1, 2]\n")
    dutch = run_cli(command, tasks, *options, cwd=tmp_path)
    english = run_cli(command, tasks, *options, "--lang", "en", cwd=tmp_path)
    assert dutch.returncode == english.returncode == 2, dutch.stderr + english.stderr
    assert "fout:" in dutch.stderr and "rij 3, kolom 'days': onbekende dag 'xx'" in dutch.stderr
    assert "error:" in english.stderr and "row 3, column 'days': unknown day" in english.stderr


def test_generate_speaks_the_language_of_its_lang(tmp_path: Path) -> None:
    out = tmp_path / "gen"
    assert run_cli("generate", "--tasks", 5, "--out", out).returncode == 0
    dutch = run_cli("generate", "--tasks", 5, "--out", out)
    english = run_cli("generate", "--tasks", 5, "--out", out, "--lang", "en")
    assert dutch.returncode == english.returncode == 2
    assert "fout:" in dutch.stderr and "tasks.csv en travel.csv bestaan al" in dutch.stderr
    assert "error:" in english.stderr and "tasks.csv and travel.csv already exist" in (
        english.stderr
    )
    family = run_cli("generate", "--tasks", 5, "--out", out, "--family", "Huge")
    assert "fout: --family moet campus, short, night, remote of many zijn, niet 'Huge'" in (
        family.stderr
    )


def test_nonexistent_file_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "out"
    done = run_cli("solve", tmp_path / "nothere.csv", "--out", out)
    assert_refused(done, ["nothere.csv"], out)


def test_a_list_without_jobs_says_so_instead_of_an_empty_table(tmp_path: Path) -> None:
    tasks = write(tmp_path / "tasks.csv", GOOD_TASKS)  # 15 hours: no job
    done = run_cli("solve", tasks, "--out", tmp_path / "out", "--time-limit", 5)
    assert done.returncode == 0, done.stderr
    assert ": geen; de taken hieronder zeggen waarom\n" in done.stdout
    assert "┏" in done.stdout.split("zeggen waarom", 1)[1]  # the tasks' table follows


def test_broken_travel_table_is_refused(tmp_path: Path) -> None:
    tasks = write(tmp_path / "tasks.csv", GOOD_TASKS)
    travel = write(tmp_path / "travel.csv", "from,to,minutes\nA,B,5\nA,C,abc\n")
    out = tmp_path / "out"
    done = run_cli("solve", tasks, "--travel", travel, "--out", out)
    assert_refused(done, ["travel.csv", "rij 3", "'minutes'", "moet een getal zijn"], out)


@pytest.mark.parametrize(
    ("toml", "fragments"),
    [
        ("max_suppliers = \n", ["policy.toml", "TOML"]),
        ("max_supplier = 3\n", ["policy.toml", "max_supplier", "max_suppliers"]),
        ('min_hours = "lots"\n', ["policy.toml", "min_hours", "lots"]),
        ("min_hours = 40\n", ["policy.toml", "min_hours"]),  # above the default max of 36
    ],
    ids=["syntax", "unknown rule", "not a number", "min above max"],
)
def test_bad_policy_file_is_refused(tmp_path: Path, toml: str, fragments: list[str]) -> None:
    tasks = write(tmp_path / "tasks.csv", GOOD_TASKS)
    policy = write(tmp_path / "policy.toml", toml)
    out = tmp_path / "out"
    assert_refused(run_cli("solve", tasks, "--policy", policy, "--out", out), fragments, out)


def test_a_policy_file_and_the_flags_are_checked_as_one_whole(tmp_path: Path) -> None:
    """A file's max_hours = 18 goes with --min-hours 12: checked alone against the default
    20 h the file was refused, though the flags override it. A conflict the flags make is
    theirs; a file wrong on its own is the file's, whatever the flags."""
    tasks = write(tmp_path / "tasks.csv", GOOD_TASKS)
    low = write(tmp_path / "low.toml", "max_hours = 18\n")
    done = run_cli("solve", tasks, "--policy", low, "--min-hours", "12", "--out", tmp_path / "a")
    assert done.returncode == 0, done.stderr
    document = json.loads((tmp_path / "a" / "solution.json").read_text(encoding="utf-8"))
    assert (document["policy"]["min_hours"], document["policy"]["max_hours"]) == (12, 18)
    assert_refused(
        run_cli("solve", tasks, "--policy", low, "--out", tmp_path / "b"),
        ["low.toml", "max_hours"],
        tmp_path / "b",
    )
    twenty = write(tmp_path / "twenty.toml", "min_hours = 20\n")
    args = ["solve", tasks, "--policy", twenty, "--max-hours", "18", "--out", tmp_path / "c"]
    assert_refused(run_cli(*args), ["--max-hours"], tmp_path / "c")
    wrong = write(tmp_path / "wrong.toml", "min_hours = 30\nmax_hours = 20\n")
    args = ["solve", tasks, "--policy", wrong, "--max-suppliers", "3", "--out", tmp_path / "d"]
    assert_refused(run_cli(*args), ["wrong.toml", "in het bestand"], tmp_path / "d")


def test_missing_policy_file_is_refused(tmp_path: Path) -> None:
    tasks = write(tmp_path / "tasks.csv", GOOD_TASKS)
    out = tmp_path / "out"
    done = run_cli("solve", tasks, "--policy", tmp_path / "nothere.toml", "--out", out)
    assert_refused(done, ["nothere.toml"], out)


def test_check_with_a_broken_solution_file_exits_2(tmp_path: Path) -> None:
    broken = write(tmp_path / "solution.json", "{not json")
    done = check("indoor", broken)
    assert done.returncode == 2
    assert "solution.json" in done.stderr
    assert "Traceback" not in done.stderr


# ----------------------------------------------------------------------------- policy


def test_policy_file_applies_and_flags_override_it(tmp_path: Path) -> None:
    policy = write(
        tmp_path / "policy.toml",
        'max_suppliers = 3\nmin_hours = 16\nmax_span_hours = "off"\ntravel_minutes = 5\n',
    )
    folder = solve(
        tmp_path, "indoor", "--policy", policy, "--min-hours", "18", "--travel-minutes", "off"
    )
    echoed = read_solution(folder)["policy"]
    assert echoed == {
        "min_hours": 18,  # the flag beats the file
        "max_hours": 36,  # the default, untouched
        "max_suppliers": 3,  # from the file
        "max_hours_per_day": 8,
        "min_hours_per_day": None,
        "max_span_hours": None,  # switched off in the file
        "travel_minutes": None,  # switched off by the flag
        "max_gap_hours": None,  # off by default
        "max_days": None,
        "max_locations": None,
    }
    assert check("indoor", folder / "solution.json").returncode == 0


def test_policy_table_in_a_section(tmp_path: Path) -> None:
    policy = write(tmp_path / "policy.toml", "[policy]\nmax_suppliers = 1\n")
    echoed = read_solution(solve(tmp_path, "outdoor", "--policy", policy))["policy"]
    assert echoed["max_suppliers"] == 1
    assert echoed["min_hours"] == 20


# ----------------------------------------------------------------------------- output folder


def test_out_refuses_a_folder_with_the_users_own_files(tmp_path: Path) -> None:
    out = tmp_path / "mine"
    out.mkdir()
    own = write(out / "jobs.csv", "my,own,data\n1,2,3\n")
    done = run_cli("solve", *instance_args("indoor"), "--time-limit", 10, "--out", out)
    assert done.returncode == 2
    assert "jobs.csv" in done.stderr
    assert "Traceback" not in done.stderr
    assert own.read_text(encoding="utf-8") == "my,own,data\n1,2,3\n"
    assert sorted(p.name for p in out.iterdir()) == ["jobs.csv"]


def test_out_refuses_a_file(tmp_path: Path) -> None:
    target = write(tmp_path / "notafolder", "x")
    done = run_cli("solve", *instance_args("indoor"), "--time-limit", 10, "--out", target)
    assert done.returncode == 2
    assert "notafolder" in done.stderr
    assert target.read_text(encoding="utf-8") == "x"


# ----------------------------------------------------------------------------- generate, lang


def test_generate_then_solve(tmp_path: Path) -> None:
    data = tmp_path / "campus"
    done = run_cli("generate", "--tasks", 30, "--seed", 3, "--out", data)
    assert done.returncode == 0, done.stderr
    tasks, travel = data / "tasks.csv", data / "travel.csv"
    assert tasks.is_file() and travel.is_file()

    again = run_cli("generate", "--tasks", 30, "--seed", 3, "--out", tmp_path / "again")
    assert again.returncode == 0
    assert (tmp_path / "again" / "tasks.csv").read_bytes() == tasks.read_bytes()

    refused = run_cli("generate", "--tasks", 30, "--seed", 4, "--out", data)
    assert refused.returncode == 2
    assert "Traceback" not in refused.stderr
    assert (tmp_path / "again" / "tasks.csv").read_bytes() == tasks.read_bytes()

    out = tmp_path / "result"
    solved = run_cli("solve", tasks, "--travel", travel, "--time-limit", 20, "--out", out)
    assert solved.returncode == 0, solved.stderr
    document = read_solution(out)
    assert len(document["jobs"]) + len(document["unassigned"]) >= 1
    checked = run_cli("check", tasks, out / "solution.json", "--travel", travel)
    assert checked.returncode == 0, checked.stdout


DUTCH = re.compile(r"\b(uur|maar|taken|taak|baan|banen|leveranciers?|minimaal)\b")


def test_lang_en_gives_english_reasons(tmp_path: Path) -> None:
    english = read_solution(solve(tmp_path, "indoor", "--lang", "en", out="en"))
    dutch = read_solution(solve(tmp_path, "indoor", out="nl"))
    en = {u["task_id"]: u["reason"] for u in english["unassigned"]}
    nl = {u["task_id"]: u["reason"] for u in dutch["unassigned"]}
    assert en.keys() == nl.keys() and en
    for task_id, reason in en.items():
        assert reason != nl[task_id]
        assert not DUTCH.search(reason), reason
    assert any(DUTCH.search(reason) for reason in nl.values())


# ----------------------------------------------------------------------------- Ctrl-C


class _Reader(threading.Thread):
    """Collects a pipe's output while the process runs."""

    def __init__(self, stream) -> None:
        super().__init__(daemon=True)
        self.fd = stream.fileno()
        self.data = b""

    @property
    def text(self) -> str:
        return self.data.decode("utf-8", errors="replace")

    def run(self) -> None:
        # os.read returns what is there; a text stream's read(n) would wait for n characters.
        for chunk in iter(lambda: os.read(self.fd, 4096), b""):
            self.data += chunk


def _interrupt(
    args: list[str], started: str, env: dict[str, str], after: float, presses: int = 1
) -> tuple:
    """Start a process, wait for ``started`` on stderr, let it work, then press Ctrl-C
    ``presses`` times in quick succession."""
    process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    out, err = _Reader(process.stdout), _Reader(process.stderr)
    out.start()
    err.start()
    try:
        give_up = time.monotonic() + 120
        while started not in err.text and process.poll() is None and time.monotonic() < give_up:
            time.sleep(0.02)
        assert started in err.text, err.text
        time.sleep(after)
        assert process.poll() is None, "finished before the interrupt"
        for press in range(presses):
            if press:
                time.sleep(0.05)
            if process.poll() is None:
                process.send_signal(signal.SIGINT)
        process.wait(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    out.join(10)
    err.join(10)
    return process.returncode, out.text, err.text


#: rich's TTY_COMPATIBLE makes the pipe count as a terminal, so the command shows its
#: "Inlezen…" (reading) and "Oplossen…" (solving) lines and the test knows where it is.
TERMINAL = {**os.environ, "TTY_COMPATIBLE": "1", "TTY_INTERACTIVE": "1"}


def _solve_args(out: Path, *extra: str) -> list[str]:
    return [
        combibaan_command(),
        "solve",
        *instance_args("generated/n300"),
        "--time-limit",
        "60",
        "--out",
        str(out),
        *extra,
    ]


def _assert_interrupted_and_written(stdout: str, stderr: str, out: Path) -> None:
    """Exit 130 was seen by the caller; here: the proposal was shown, written and holds."""
    assert "Traceback" not in stderr
    assert "Onderbroken (Ctrl-C)" in stderr and str(out) in stderr
    assert "gestopt: onderbroken (Ctrl-C)" in stdout
    document = read_solution(out)
    assert document["statistics"]["interrupted"] is True
    assert document["stopped"] == "interrupted"
    assert document["jobs"]
    assert document["jobs_bound"] >= len(document["jobs"])
    done = check("generated/n300", out / "solution.json")
    assert done.returncode == 0, done.stdout


def test_ctrl_c_returns_the_best_solution_so_far(tmp_path: Path) -> None:
    """SIGINT mid-solve on n300: the best proposal so far is shown and written, exit 130."""
    out = tmp_path / "out"
    returncode, stdout, stderr = _interrupt(_solve_args(out), "Oplossen", TERMINAL, after=3)
    assert returncode == 130, stderr
    _assert_interrupted_and_written(stdout, stderr, out)


def test_ctrl_c_twice_in_quick_succession_keeps_the_proposal(tmp_path: Path) -> None:
    """The second press arrives while the solver finishes up: it only says so."""
    out = tmp_path / "out"
    returncode, stdout, stderr = _interrupt(
        _solve_args(out), "Oplossen", TERMINAL, after=3, presses=2
    )
    assert returncode == 130, stderr
    _assert_interrupted_and_written(stdout, stderr, out)
    assert "Bezig met afronden en opslaan" in stderr or "Bezig met opslaan" in stderr


def test_ctrl_c_three_times_aborts_and_says_so_or_keeps_everything(tmp_path: Path) -> None:
    """A third press while the solver finishes up gives up without saving (and says so);
    when it comes after the solver is done, the files are written whole. Never half."""
    out = tmp_path / "out"
    returncode, _, stderr = _interrupt(
        _solve_args(out, "--lang", "en"), "Solving", TERMINAL, after=3, presses=3
    )
    assert returncode == 130, stderr
    assert "Traceback" not in stderr
    if "Aborted (Ctrl-C): nothing was saved." in stderr:
        assert not out.exists()
    else:
        assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == sorted(
            (*SOLUTION_FILES, "report.html", "proposals.xlsx")
        )
        assert check("generated/n300", out / "solution.json").returncode == 0


@pytest.mark.parametrize("started", ["Inlezen", "Oplossen"])
def test_ctrl_c_right_at_the_start_never_shows_a_traceback(tmp_path: Path, started: str) -> None:
    """Pressed while reading or as solving begins: exit 130 without a traceback, and either
    nothing written or a whole proposal."""
    out = tmp_path / "out"
    returncode, _, stderr = _interrupt(_solve_args(out), started, TERMINAL, after=0)
    assert "Traceback" not in stderr
    assert returncode == 130, stderr
    assert "Onderbroken (Ctrl-C)" in stderr
    if out.exists():
        assert check("generated/n300", out / "solution.json").returncode == 0


@pytest.mark.parametrize("delay", [0.3, 0.6])
def test_ctrl_c_while_starting_ends_quietly(tmp_path: Path, delay: float) -> None:
    """Pressed while Python still imports the command (its console script catches that):
    exit 130 without a traceback. Needs ``import combibaan`` itself to be quick, since
    the console script imports the package before any of our code can catch anything."""
    out = tmp_path / "out"
    process = subprocess.Popen(_solve_args(out), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    time.sleep(delay)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=120)
    assert "Traceback" not in stderr.decode(errors="replace"), stderr
    assert process.returncode == 130
    if out.exists():
        assert check("generated/n300", out / "solution.json").returncode == 0


SCRIPT = """
import json, sys
import combibaan
instance = combibaan.read_instance(sys.argv[1], travel=sys.argv[2])
print("solving", file=sys.stderr, flush=True)
result = combibaan.solve(instance, time_limit=60, strategy="exact", workers=2)
violations = [str(v) for v in combibaan.check_result(result)]
print(json.dumps({"solution": result.to_dict(), "check": violations}))
"""


def test_ctrl_c_in_the_exact_solver_through_the_api() -> None:
    """SIGINT while CP-SAT packs (it catches the signal and stops as at a time limit),
    or on a slow machine while enumerating (Python's KeyboardInterrupt, caught by
    ``solve``): a sound result either way."""
    folder = INSTANCES / "generated" / "n300"
    returncode, stdout, stderr = _interrupt(
        [sys.executable, "-c", SCRIPT, str(folder / "tasks.csv"), str(folder / "travel.csv")],
        "solving",
        {**os.environ, "PYTHONPATH": str(ROOT / "src")},
        after=3,
    )
    assert returncode == 0, stderr
    report = json.loads(stdout)
    assert report["check"] == []
    solution = report["solution"]
    assert solution["statistics"]["interrupted"] is True
    assert solution["jobs_bound"] >= len(solution["jobs"]) > 0


def test_strategy_names_on_the_command_line_are_the_solvers() -> None:
    """The command line lists the strategies without loading OR-Tools; the names agree."""
    from combibaan.cli.options import STRATEGIES
    from combibaan.solvers.strategies import NAMES

    assert STRATEGIES == NAMES


def test_sroi_credit_on_the_command_line(tmp_path: Path) -> None:
    """--sroi-credit hours (in any case) reaches the report and the workbook; a wrong value
    is refused before any solving, naming the choices; the choices are the reporting
    module's."""
    from openpyxl import load_workbook

    from combibaan.cli.options import SROI_CREDITS
    from combibaan.reporting import DEFAULT_SROI_CREDIT
    from combibaan.reporting import SROI_CREDITS as REPORTING_CREDITS

    assert SROI_CREDITS == REPORTING_CREDITS and DEFAULT_SROI_CREDIT == "employer"
    suppliers = str(INSTANCES / "indoor" / "suppliers.csv")
    folder = solve(tmp_path, "indoor", "--suppliers", suppliers, "--sroi-credit", "Hours")
    report = (folder / "report.html").read_text(encoding="utf-8")
    assert 'data-sroi-credit="hours"' in report and "elke leverancier naar eigen uren" in report
    book = load_workbook(folder / "proposals.xlsx")
    headers = [cell.value for cell in book["Leveranciers"][1]]
    assert "Social return: telt (uren per jaar, naar eigen uren)" in headers

    out = tmp_path / "refused"
    done = run_cli("solve", *instance_args("indoor"), "--sroi-credit", "payroll", "--out", out)
    assert_refused(done, ["fout: --sroi-credit moet employer of hours zijn, niet 'payroll'"], out)
    done = run_cli(
        "solve", *instance_args("indoor"), "--sroi-credit", "payroll", "--out", out, "--lang", "en"
    )
    assert_refused(done, ["error: --sroi-credit must be employer or hours, got 'payroll'"], out)


def testone_workbook_with_a_travel_sheet_is_solved_and_checked_with_it(tmp_path: Path) -> None:
    from test_io_other import one_workbook

    book = one_workbook(tmp_path / "werkplaats.xlsx")
    done = run_cli("solve", book, "--time-limit", 10, "--out", tmp_path / "out")
    assert done.returncode == 0, done.stderr
    assert "de reistijden komen uit blad 'Reistijden'" in done.stderr
    assert read_solution(tmp_path / "out")["jobs"] == []  # 30 minutes apart, 40 away
    checked = run_cli("check", book, tmp_path / "out" / "solution.json")
    assert checked.returncode == 0 and "voldoet aan alle regels" in checked.stdout


def test_a_supplier_missing_from_the_suppliers_table_is_warned_about(tmp_path: Path) -> None:
    """A supplier with tasks but no row in --suppliers: a warning naming both, from the
    command line and from Python alike; the run goes on."""
    table = tmp_path / "suppliers.csv"
    rows = INSTANCES.joinpath("indoor", "suppliers.csv").read_text(encoding="utf-8").splitlines()
    table.write_text("\n".join(r for r in rows if not r.startswith("Asito,")) + "\n")
    tasks, travel = INSTANCES / "indoor" / "tasks.csv", INSTANCES / "indoor" / "travel.csv"
    done = run_cli("solve", tasks, "--travel", travel, "--suppliers", table, "--time-limit", 5)
    assert done.returncode == 0
    assert f"waarschuwing: {table}: leverancier 'Asito' heeft taken maar geen rij" in done.stderr
    with pytest.warns(InputWarning, match="'Asito' heeft taken maar geen rij"):
        instance = combibaan.read_instance(tasks, travel, table)
    assert instance.unknown_suppliers == ("Asito",)


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (
            ["generate", "--flexible", "1.5"],
            "fout: --flexible: '1.5' is geen getal van 0 tot en met 1",
        ),
        (
            ["generate", "--flexible", "0,3"],
            "fout: --flexible: '0,3' is geen getal van 0 tot en met 1; schrijf een "
            "decimaalpunt: 0.3",
        ),
        (
            ["generate", "--tasks", "abc", "--lang", "EN"],
            "error: --tasks: 'abc' is not a whole number",
        ),
        (
            ["solve", "tasks.csv", "--time-limit=-1"],
            "fout: --time-limit: '-1' is geen getal van 0,1",
        ),
    ],
)
def test_a_number_option_out_of_its_range_is_said_in_the_run_language(
    tmp_path: Path, args: list[str], words: str
) -> None:
    """Typer's own message ("Input should be less than or equal to 1") was English in a
    box, whatever --lang said; now as every other mistake: ``fout: …``, exit code 2."""
    if args[0] == "generate":
        args = [*args, "--out", str(tmp_path / "out")]
    done = run_cli(*args, cwd=tmp_path)
    assert done.returncode == 2, done.stderr
    assert words in done.stderr
    assert "Input should" not in done.stderr and not (tmp_path / "out").exists()
