"""The terminal as people use it (issue 11): --version, shell completion, --lang in any case,
readable --help, --quiet and tables cut short, the progress line that ticks every second,
and sweep from a plain script."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
import threading
import time
from importlib.metadata import version
from pathlib import Path

import pytest
from conftest import INSTANCES, ROOT, combibaan_command, run_cli
from rich.console import Console
from typer.testing import CliRunner

import combibaan
from combibaan.analysis.runner import available_cpus
from combibaan.cli import app
from combibaan.cli.progress import SolveProgress, duration, progress_text
from combibaan.cli.show import SHOWN_ROWS
from combibaan.startup import english

COMMANDS = ("solve", "check", "explain", "generate", "sweep")


def instance_args(name: str) -> list[object]:
    folder = INSTANCES / name
    return [folder / "tasks.csv", "--travel", folder / "travel.csv"]


def table_rows(stdout: str) -> list[str]:
    """The rows of the jobs table: lines that start with a job id cell."""
    return [line for line in stdout.splitlines() if re.match(r"^│ B\d+ ", line)]


# ----------------------------------------------------------------------------- --version


def test_version_comes_from_the_package_metadata() -> None:
    done = run_cli("--version")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"combibaan {version('combibaan')}"


# ----------------------------------------------------------------------------- completion


def _complete(words: str, cword: int) -> list[str]:
    """What bash completion offers, through the protocol the installed script uses."""
    env = {
        **os.environ,
        "_COMBIBAAN_COMPLETE": "complete_bash",
        "COMP_WORDS": words,
        "COMP_CWORD": str(cword),
    }
    done = subprocess.run(
        [combibaan_command()], capture_output=True, text=True, env=env, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.split()


def test_completion_script_and_completions() -> None:
    env = {**os.environ, "_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1"}
    script = subprocess.run(
        [combibaan_command(), "--show-completion", "bash"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert script.returncode == 0, script.stderr
    assert "_COMBIBAAN_COMPLETE=complete_bash" in script.stdout
    assert "complete" in script.stdout and "combibaan" in script.stdout

    assert _complete("combibaan so", 1) == ["solve"]
    assert _complete("combibaan solve x.csv --la", 3) == ["--lang"]
    assert _complete("combibaan solve x.csv --lang ", 4) == ["nl", "en"]
    assert _complete("combibaan solve x.csv --strategy ", 4) == ["auto", "exact", "large"]


def test_completion_options_are_listed_in_the_help() -> None:
    done = CliRunner().invoke(app, ["--help"])
    assert done.exit_code == 0
    assert "--install-completion" in done.output and "--show-completion" in done.output
    assert "--version" in done.output


# ----------------------------------------------------------------------------- --lang, --help


@pytest.mark.parametrize(
    ("lang", "words"),
    [("EN", ("jobs", "optimal")), ("Nl", ("banen", "optimaal")), ("en", ("jobs",))],
)
def test_lang_in_any_case(lang: str, words: tuple[str, ...]) -> None:
    done = run_cli("solve", *instance_args("indoor"), "--time-limit", 10, "--lang", lang, "-q")
    assert done.returncode == 0, done.stderr
    for word in words:
        assert re.search(rf"\b{word}\b", done.stdout), done.stdout


def test_unknown_lang_is_refused_naming_it() -> None:
    done = CliRunner().invoke(app, ["solve", "x.csv", "--lang", "FR"])
    assert done.exit_code == 2
    # as any other bad choice (Typer's English box before), in Dutch: no language is known
    assert "fout: --lang moet nl of en zijn, niet 'FR'" in done.output


def test_ctrl_c_while_importing_speaks_english_in_any_case() -> None:
    assert english(["combibaan", "solve", "x.csv", "--lang", "EN"])
    assert english(["combibaan", "solve", "x.csv", "--LANG=En"])
    assert not english(["combibaan", "solve", "x.csv", "--lang", "nl"])
    assert not english(["combibaan", "solve", "en.csv"])


#: Ctrl-C while the package itself loads (its words, before the command's own handling):
#: an import hook raises it at ``combibaan.texts``, as a press 40 ms in did.
_PRESS_WHILE_LOADING = """
import sys

class Press:
    def find_spec(self, name, path=None, target=None):
        if name == "combibaan.texts":
            raise KeyboardInterrupt
        return None

sys.meta_path.insert(0, Press())
sys.argv[0] = sys.argv[1]
import combibaan
"""


@pytest.mark.parametrize(("script", "quiet"), [("combibaan", True), ("notebook.py", False)])
def test_ctrl_c_while_the_package_loads_ends_the_command_quietly(script: str, quiet: bool) -> None:
    """The command ends with 130 and one line (a traceback through model/ before); a
    program that imports the package gets its KeyboardInterrupt as ever."""
    done = subprocess.run(
        [sys.executable, "-c", _PRESS_WHILE_LOADING, script],
        capture_output=True,
        text=True,
        check=False,
    )
    if quiet:
        assert (done.returncode, done.stderr.strip()) == (130, "onderbroken (Ctrl-C)")
    else:
        assert done.returncode != 0 and "KeyboardInterrupt" in done.stderr


@pytest.mark.parametrize("command", [None, *COMMANDS])
def test_help_shows_readable_value_names(command: str | None) -> None:
    args = ["--help"] if command is None else [command, "--help"]
    done = CliRunner().invoke(app, args, env={"COLUMNS": "200"})
    assert done.exit_code == 0, done.output
    for typed in ("<bool>", "<str>", "<text>", "BOOLEAN", "TEXT", "<list[str]>", "<float"):
        assert typed not in done.output, (typed, done.output)


def test_the_command_list_gives_each_command_one_line_at_full_width() -> None:
    done = CliRunner().invoke(app, ["--help"], env={"COLUMNS": "200"})
    lines = {line.split()[1]: line for line in done.output.splitlines() if line[2:3].isalpha()}
    assert "the fewest jobs that hold every task" in lines["solve"], done.output
    assert "what would change that" in lines["explain"], done.output


def test_solve_help_names_what_each_option_takes() -> None:
    done = CliRunner().invoke(app, ["solve", "--help"], env={"COLUMNS": "200"})
    lines = {line.split()[1]: line for line in done.output.splitlines() if "│ --" in line}
    expected = {
        "--travel": "FILE",
        "--min-hours": "HOURS|off",
        "--max-suppliers": "N|off",
        "--travel-minutes": "MINUTES|off",
        "--forbid-pair": "A|B",
        "--time-limit": "SECONDS",
        "--strategy": "auto|exact|large",
        "--lang": "nl|en",
        "--out": "DIR",
        "--rows": "N|all",
    }
    for option, metavar in expected.items():
        assert metavar in lines[option].split(), lines[option]
    # a flag takes no value: nothing between the option and its help
    assert lines["--force"].split()[2] == "Replace"


# ----------------------------------------------------------------------------- --quiet, --rows


def test_quiet_prints_only_the_summary_line(tmp_path: Path) -> None:
    out = tmp_path / "out"
    args = [*instance_args("indoor"), "--quiet", "--out", out, "--time-limit", 10]
    env_run = subprocess.run(
        [combibaan_command(), "solve", *map(str, args)],
        capture_output=True,
        text=True,
        env={**os.environ, "TTY_COMPATIBLE": "1", "TTY_INTERACTIVE": "1"},  # as on a terminal
        timeout=120,
        check=False,
    )
    assert env_run.returncode == 0, env_run.stderr
    lines = env_run.stdout.splitlines()
    assert len(lines) == 1, env_run.stdout
    assert lines[0].startswith("3 banen (bewezen maximum) · 91,5 uur geplaatst"), lines[0]
    assert " · optimaal · " in lines[0]
    assert env_run.stderr == ""  # no progress line either
    assert (out / "solution.json").is_file() and (out / "report.html").is_file()


def test_a_long_table_is_cut_short_and_says_where_the_rest_is(tmp_path: Path) -> None:
    """n80 has 35 jobs: 25 are shown, then how many more and the file that holds them all."""
    out = tmp_path / "out"
    done = run_cli("solve", *instance_args("generated/n80"), "--time-limit", 20, "--out", out)
    assert done.returncode == 0, done.stderr
    jobs = len((out / "jobs.csv").read_text(encoding="utf-8").splitlines()) - 1
    assert jobs > SHOWN_ROWS
    assert len(table_rows(done.stdout)) == SHOWN_ROWS
    flat = " ".join(done.stdout.split())
    assert f"… en nog {jobs - SHOWN_ROWS} banen; allemaal in {out / 'jobs.csv'}" in flat

    every = run_cli("solve", *instance_args("generated/n80"), "--time-limit", 20, "--rows", "all")
    assert every.returncode == 0, every.stderr
    assert len(table_rows(every.stdout)) == jobs
    assert "en nog" not in every.stdout

    few = run_cli(
        "solve", *instance_args("generated/n80"), "--time-limit", 20, "--rows", 3, "--lang", "en"
    )
    assert len(table_rows(few.stdout)) == 3
    assert f"… and {jobs - 3} more jobs (--rows all shows them all" in " ".join(few.stdout.split())


@pytest.mark.parametrize("rows", ["0", "-2", "many", "2.5"])
def test_bad_rows_are_refused(tmp_path: Path, rows: str) -> None:
    done = CliRunner().invoke(
        app, ["solve", str(INSTANCES / "indoor" / "tasks.csv"), "--rows", rows]
    )
    assert done.exit_code == 2
    assert "--rows" in done.output and rows in done.output


def test_sweep_quiet_prints_only_where_it_wrote(tmp_path: Path) -> None:
    grid = tmp_path / "grid.toml"
    grid.write_text("max_suppliers = [1, 2]\n", encoding="utf-8")
    results = tmp_path / "results.csv"
    args = [*instance_args("indoor"), "--grid", grid, "--out", results, "--workers", 1]
    done = CliRunner().invoke(app, ["sweep", *map(str, args), "--time-limit", "10", "--quiet"])
    assert done.exit_code == 0, done.output
    assert done.output.strip() == f"Opgeslagen in {results}"
    assert len(results.read_text(encoding="utf-8").splitlines()) == 3


# ----------------------------------------------------------------------------- progress line


def test_progress_text() -> None:
    assert progress_text(3.7, 60, None, None) == "Oplossen… 3 s van 60 s · nog geen voorstel"
    assert (
        progress_text(12, 60, 136, 140) == "Oplossen… 12 s van 60 s · 136 banen · "
        "ten hoogste 140 · gat 2,9%"
    )
    assert (
        progress_text(125, 300, 1, None, "en")
        == "Solving… 2 min 05 s of 5 min · 1 job · bound not yet known"
    )
    assert progress_text(5, 10, 7, 7, "en").endswith("bound 7 · gap 0%")
    assert duration(119.9) == "119 s"
    assert duration(3 * 3600 + 65, "nl") == "3 u 01 min"
    assert duration(3 * 3600 + 65, "en") == "3 h 01 min"


def test_the_progress_line_ticks_without_reports() -> None:
    """Nothing reported for two seconds: the elapsed time moves all the same."""
    stream = io.StringIO()
    console = Console(file=stream, force_terminal=True, width=120, color_system=None)
    with SolveProgress(console, 60, "en") as line:
        time.sleep(1.3)
        line(12, 20, 1.2)  # what the solver calls
        time.sleep(1.3)
    shown = stream.getvalue()
    assert "Solving… 0 s of 60 s · no proposal yet" in shown
    assert "Solving… 1 s of 60 s" in shown
    assert "Solving… 2 s of 60 s · 12 jobs · bound 20 · gap 40%" in shown


def _on_a_terminal(args: list[str]) -> tuple[int, str]:
    """Run with stderr on a real pseudo-terminal (stdout a pipe); the exit code and stderr."""
    master, slave = os.openpty()
    process = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=slave)
    os.close(slave)
    seen = bytearray()

    def drain() -> None:
        while True:
            try:
                chunk = os.read(master, 4096)
            except OSError:  # EIO: the process closed the terminal
                return
            if not chunk:
                return
            seen.extend(chunk)

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    process.communicate(timeout=120)
    reader.join(10)
    os.close(master)
    return process.returncode, seen.decode("utf-8", errors="replace")


def test_solve_shows_the_progress_line_only_on_a_terminal(tmp_path: Path) -> None:
    args = [combibaan_command(), "solve", *map(str, instance_args("generated/n300"))]
    args += ["--time-limit", "3", "--strategy", "large"]
    returncode, terminal = _on_a_terminal(args)
    assert returncode == 0, terminal
    assert re.search(r"Oplossen… [123] s van 3 s · \d+ banen · ten hoogste \d+ · gat ", terminal)
    piped = subprocess.run(args, capture_output=True, text=True, timeout=120, check=False)
    assert piped.returncode == 0, piped.stderr
    assert "Oplossen" not in piped.stderr and "Inlezen" not in piped.stderr
    quiet_code, quiet = _on_a_terminal([*args, "--quiet"])
    assert quiet_code == 0 and "Oplossen" not in quiet


# ----------------------------------------------------------------------------- sweep in a script

SWEEP_SCRIPT = """
import combibaan
import combibaan.analysis.runner as runner

processes = runner._run_processes


def in_processes(*args, **kwargs):
    print("worker processes", flush=True)
    return processes(*args, **kwargs)


runner._run_processes = in_processes
instance = combibaan.read_instance({tasks!r}, travel={travel!r})


def main():
    table = combibaan.sweep(instance, {{"max_suppliers": [1, 2, 3]}}, time_limit=10, workers=2)
    print("jobs", table["jobs"].tolist())

"""


def _run_script(tmp_path: Path, body: str) -> subprocess.CompletedProcess:
    folder = INSTANCES / "indoor"
    script = tmp_path / "analysis.py"
    script.write_text(
        SWEEP_SCRIPT.format(tasks=str(folder / "tasks.csv"), travel=str(folder / "travel.csv"))
        + body,
        encoding="utf-8",
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, env=env, timeout=180
    )


def test_sweep_from_a_script_without_a_main_guard(tmp_path: Path) -> None:
    """Worker processes would run the script again: the solves run here, with a warning."""
    done = _run_script(tmp_path, "main()\n")
    assert done.returncode == 0, done.stderr
    assert "jobs [2, 3, 4]" in done.stdout
    assert "worker processes" not in done.stdout
    assert "RuntimeWarning" in done.stderr
    assert "analysis.py calls sweep at its top level" in done.stderr
    assert 'if __name__ == "__main__":' in done.stderr
    assert "BrokenProcessPool" not in done.stderr


def test_sweep_from_a_script_with_a_main_guard_runs_in_parallel(tmp_path: Path) -> None:
    if available_cpus() < 2:
        pytest.skip("one CPU: the sweep runs in this process anyway")
    done = _run_script(tmp_path, 'if __name__ == "__main__":\n    main()\n')
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["worker processes", "jobs [2, 3, 4]"]
    assert "Warning" not in done.stderr


def test_sweep_in_a_starting_worker_says_what_is_wrong(monkeypatch) -> None:
    """The last line of defence: a sweep called while a worker runs the parent's script."""
    import multiprocessing

    monkeypatch.setattr(multiprocessing, "parent_process", lambda: object())
    monkeypatch.setattr(multiprocessing.current_process(), "_inheriting", True, raising=False)
    with pytest.raises(RuntimeError, match=r"__name__ == .__main__."):
        combibaan.sweep(None, {"max_suppliers": [1]})  # type: ignore[arg-type]


def test_an_alternatives_cell_shows_what_changed_first() -> None:
    """A cell of the alternatives table cut short after ``rows`` jobs keeps the new ones."""
    from types import SimpleNamespace

    from combibaan.cli.show import jobs_text

    jobs = [SimpleNamespace(task_ids=ids) for ids in (("A",), ("B", "C"), ("D",), ("E", "F"))]
    best = {frozenset(("A",)), frozenset(("D",))}
    assert jobs_text(jobs, best, rows=2).plain == "B+C E+F … (+2)"  # type: ignore[arg-type]
    assert jobs_text(jobs, best).plain == "B+C E+F A D"  # type: ignore[arg-type]
    assert jobs_text(jobs[:1], rows=2).plain == "A"  # type: ignore[arg-type]


def test_a_closed_pipe_ends_the_command_quietly_with_141(tmp_path: Path) -> None:
    """``combibaan solve … | head`` with the reader gone: the files are written, nothing but
    a clean exit follows (141, as for SIGPIPE), and no 1, which ``check`` keeps for a
    violation."""
    tasks = INSTANCES / "indoor" / "tasks.csv"
    command = [combibaan_command(), "solve", str(tasks), "--out", str(tmp_path / "out")]
    process = subprocess.Popen(
        [*command, "--time-limit", "2", "--rows", "all"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # the reader is gone before the first line
    stderr = process.stderr.read().decode()
    assert process.wait(timeout=120) == 141, stderr
    assert "Traceback" not in stderr and "BrokenPipe" not in stderr
    assert (tmp_path / "out" / "solution.json").exists()
