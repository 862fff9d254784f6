"""The command line: a thin shell over the Python API.

Every command maps its options onto ``read_instance``, ``Policy`` and
``solve``; errors in the user's input are printed without a traceback and end
with exit code 2.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from combibaan.analysis.explain import UnknownTaskError
from combibaan.analysis.explain import explain as run_explain
from combibaan.check import check_solution, load_solution
from combibaan.cli_workshop import (
    AlternativesOpt,
    ForbidPairOpt,
    LocksOpt,
    read_workshop,
    show_alternatives,
)
from combibaan.generate import generate as generate_tables
from combibaan.generate import write_instance
from combibaan.io import InputError, read_instance, read_policy
from combibaan.io.output import write_result
from combibaan.model import Policy, PolicyError
from combibaan.model.locks import LockError
from combibaan.model.policy import POLICY_KEYS, parse_policy_value
from combibaan.model.week import format_days
from combibaan.reporting import report_writers, unknown_suppliers
from combibaan.result import Result
from combibaan.solvers import solve as run_solve
from combibaan.texts import number

app = typer.Typer(
    help="Bundle facility tasks of several suppliers into combination jobs.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console()
err = Console(stderr=True)

F = TypeVar("F", bound=Callable[..., Any])


def user_errors(command: F) -> F:
    """Turn a mistake in the user's input into a message and exit code 2."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except InputError as error:
            for problem in error.problems:
                err.print(f"[bold red]error:[/] {problem}", highlight=False, soft_wrap=True)
            raise typer.Exit(2) from None
        except (PolicyError, FileExistsError, LockError, UnknownTaskError) as error:
            err.print(f"[bold red]error:[/] {error}", highlight=False, soft_wrap=True)
            raise typer.Exit(2) from None
        except KeyboardInterrupt:
            # Only before the solver has a proposal (it returns that on Ctrl-C itself).
            err.print("interrupted (Ctrl-C)", highlight=False)
            raise typer.Exit(130) from None

    return wrapper  # type: ignore[return-value]


_DEFAULTS = Policy()


def _rule_help(key: str, text: str) -> str:
    default = getattr(_DEFAULTS, key)
    shown = "off" if default is None else number(default)
    return escape(f"{text} [default: {shown}; 'off' switches the rule off]")


TasksArg = Annotated[
    Path,
    typer.Argument(
        help="Task list: CSV or XLSX, English or Dutch headers.",
        show_default=False,
        metavar="TASKS",
    ),
]
TravelOpt = Annotated[
    Path | None, typer.Option("--travel", help="Travel table: CSV/XLSX from,to,minutes.")
]
SuppliersOpt = Annotated[
    Path | None,
    typer.Option(
        "--suppliers",
        help="Suppliers table: CSV/XLSX supplier, sector, cao, sroi_hours_target (hours per year).",
    ),
]
PolicyOpt = Annotated[
    Path | None,
    typer.Option("--policy", help="TOML file with a workshop's rules; flags override it."),
]


def _rule_option(key: str, text: str) -> Any:
    """The type of a policy flag: text, so that ``off`` can switch the rule off."""
    return Annotated[str | None, typer.Option(help=_rule_help(key, text), show_default=False)]


MinHours = _rule_option("min_hours", "Least hours per week of a job.")
MaxHours = _rule_option("max_hours", "Most hours per week of a job.")
MaxSuppliers = _rule_option("max_suppliers", "Most suppliers contributing to one job.")
MaxHoursPerDay = _rule_option("max_hours_per_day", "Most hours on any day.")
MinHoursPerDay = _rule_option("min_hours_per_day", "Least hours on a day the person works.")
MaxSpanHours = _rule_option("max_span_hours", "Most hours from first start to last end of a day.")
TravelMinutes = _rule_option(
    "travel_minutes", "Minutes between two locations the travel table does not link."
)


def build_policy(policy_file: Path | None, flags: dict[str, str | None]) -> Policy:
    """Defaults, then the TOML file, then the flags given on the command line."""
    policy = read_policy(policy_file) if policy_file else Policy()
    changes = {}
    for key, value in flags.items():
        if value is None:
            continue
        try:
            changes[key] = parse_policy_value(key, value)
        except PolicyError:
            raise PolicyError(
                f"--{key.replace('_', '-')} must be a number or 'off', got {value!r}"
            ) from None
    return policy.replace(**changes)


@app.command()
@user_errors
def solve(
    tasks: TasksArg,
    travel: TravelOpt = None,
    policy: PolicyOpt = None,
    suppliers: SuppliersOpt = None,
    min_hours: MinHours = None,
    max_hours: MaxHours = None,
    max_suppliers: MaxSuppliers = None,
    max_hours_per_day: MaxHoursPerDay = None,
    min_hours_per_day: MinHoursPerDay = None,
    max_span_hours: MaxSpanHours = None,
    travel_minutes: TravelMinutes = None,
    locks: LocksOpt = None,
    forbid_pair: ForbidPairOpt = None,
    alternatives: AlternativesOpt = 0,
    time_limit: Annotated[float, typer.Option(help="Seconds for the whole solve.", min=0.1)] = 60.0,
    seed: Annotated[int, typer.Option(help="Random seed of the solver.")] = 0,
    workers: Annotated[int, typer.Option(help="Solver threads; 0 uses every core.", min=0)] = 0,
    lang: Annotated[str, typer.Option(help="Language of reasons and texts: nl or en.")] = "nl",
    out_dir: Annotated[
        Path | None,
        typer.Option(
            "--out",
            help="Folder for solution.json, the CSV files, report.html and proposals.xlsx.",
        ),
    ] = None,
) -> None:
    """Build the most combination jobs from TASKS and show them."""
    if lang not in ("nl", "en"):
        raise PolicyError(f"--lang must be nl or en, got {lang!r}")
    flags = {key: value for key, value in locals().items() if key in POLICY_KEYS}
    effective = build_policy(policy, flags)
    instance = read_instance(tasks, travel, suppliers)
    for name in unknown_suppliers(instance):
        err.print(
            f"[yellow]warning:[/] supplier {escape(name)!r} has tasks but no row in "
            f"{escape(str(suppliers))}; its sector, CAO and target show as unknown",
            highlight=False,
            soft_wrap=True,
        )
    lock_set, pairs = read_workshop(instance, locks, forbid_pair)
    result = _solve_with_progress(
        instance,
        effective,
        time_limit,
        seed,
        workers,
        lang,
        locks=lock_set,
        forbid_pairs=pairs,
        alternatives=alternatives,
    )
    if out_dir is not None:
        write_result(result, out_dir, extra=report_writers(result, lang))
    show_result(result, lang)
    show_alternatives(out, result)
    if out_dir is not None:
        out.print(f"Written to {out_dir}/", highlight=False)


def _solve_with_progress(
    instance, policy, time_limit, seed, workers, lang, **workshop: Any
) -> Result:
    """Solve, with a spinner on a terminal; ``workshop`` holds locks, pairs and alternatives."""
    if not err.is_terminal:
        return run_solve(
            instance,
            policy,
            time_limit=time_limit,
            seed=seed,
            workers=workers,
            lang=lang,
            **workshop,
        )
    with err.status("Solving…") as status:

        def progress(jobs: int, bound: int | None, seconds: float) -> None:
            shown = "?" if bound is None else bound
            status.update(f"Solving… {seconds:.1f} s, {jobs} jobs found, bound {shown}")

        return run_solve(
            instance,
            policy,
            time_limit=time_limit,
            seed=seed,
            workers=workers,
            lang=lang,
            progress=progress,
            **workshop,
        )


def show_result(result: Result, lang: str = "nl") -> None:
    """The jobs as a table, the tasks left out, and one summary line."""
    table = Table(title=f"Combination jobs — {result.instance.name}", title_justify="left")
    for column in ("job", "tasks", "suppliers", "hours/week", "days", "locations"):
        table.add_column(column, justify="right" if column == "hours/week" else "left")
    for job in result.solution.jobs:
        table.add_row(
            job.job_id,
            ", ".join(job.task_ids),
            ", ".join(job.suppliers),
            number(round(job.hours_per_week, 2)),
            format_days(job.days, lang),
            ", ".join(job.locations),
        )
    out.print(table)
    if result.solution.unassigned:
        left = Table(title="Tasks that stay with their supplier", title_justify="left")
        left.add_column("task")
        left.add_column("supplier")
        left.add_column("hours/week", justify="right")
        left.add_column("reason")
        for item in result.solution.unassigned:
            task = result.instance.task(item.task_id)
            left.add_row(task.id, task.supplier, number(round(task.hours_per_week, 2)), item.reason)
        out.print(left)
    share = result.hours_placed / result.hours_total if result.hours_total else 0.0
    out.print(
        f"{result.num_jobs} jobs ({result.job_units:.2f} job units), "
        f"{number(round(result.hours_placed, 2))} of {number(round(result.hours_total, 2))} "
        f"hours placed ({share:.0%}), proven bound {result.jobs_bound} jobs, "
        f"status {result.status}, {result.solve_seconds:.2f} s",
        highlight=False,
    )


@app.command()
@user_errors
def check(
    tasks: TasksArg,
    solution: Annotated[
        Path, typer.Argument(help="A solution.json written by combibaan solve.", metavar="SOLUTION")
    ],
    travel: TravelOpt = None,
    locks: LocksOpt = None,
    forbid_pair: ForbidPairOpt = None,
) -> None:
    """Verify SOLUTION against every rule, independently of the solver; exit 1 on a violation.

    Locks and forbidden pairs default to those echoed in SOLUTION; --locks and
    --forbid-pair check against these instead.
    """
    instance = read_instance(tasks, travel)
    lock_set, pairs = read_workshop(instance, locks, forbid_pair)
    violations = check_solution(
        instance,
        load_solution(solution),
        locks=lock_set,
        forbid_pairs=pairs if forbid_pair else None,
    )
    if violations:
        for violation in violations:
            shown = escape(str(violation))
            out.print(f"[red]violation:[/] {shown}", highlight=False, soft_wrap=True)
        out.print(f"{len(violations)} violation(s) in {solution}", highlight=False)
        raise typer.Exit(1)
    out.print(f"{solution}: every rule holds", highlight=False)


@app.command()
@user_errors
def explain(
    tasks: TasksArg,
    task: Annotated[str, typer.Option("--task", help="The task to explain, e.g. I07.")],
    travel: TravelOpt = None,
    policy: PolicyOpt = None,
    min_hours: MinHours = None,
    max_hours: MaxHours = None,
    max_suppliers: MaxSuppliers = None,
    max_hours_per_day: MaxHoursPerDay = None,
    min_hours_per_day: MinHoursPerDay = None,
    max_span_hours: MaxSpanHours = None,
    travel_minutes: TravelMinutes = None,
    locks: LocksOpt = None,
    forbid_pair: ForbidPairOpt = None,
    time_limit: Annotated[
        float, typer.Option(help="Seconds for the solve; each what-if gets a share.", min=0.1)
    ] = 10.0,
    lang: Annotated[str, typer.Option(help="Language of the story: nl or en.")] = "nl",
) -> None:
    """Tell the full story of one task: partners, feasible jobs, its job or why not, what would
    change that."""
    if lang not in ("nl", "en"):
        raise PolicyError(f"--lang must be nl or en, got {lang!r}")
    flags = {key: value for key, value in locals().items() if key in POLICY_KEYS}
    effective = build_policy(policy, flags)
    instance = read_instance(tasks, travel)
    lock_set, pairs = read_workshop(instance, locks, forbid_pair)
    story = run_explain(
        instance,
        task,
        effective,
        locks=lock_set,
        forbid_pairs=pairs,
        time_limit=time_limit,
        lang=lang,
    )
    for line in story.lines():
        out.print(escape(line), highlight=False, soft_wrap=True)


@app.command()
@user_errors
def generate(
    tasks: Annotated[int, typer.Option("--tasks", help="Number of tasks.", min=1)],
    out_dir: Annotated[Path, typer.Option("--out", help="Folder for tasks.csv and travel.csv.")],
    seed: Annotated[
        int, typer.Option(help="Random seed; the same seed gives the same instance.")
    ] = 0,
    campuses: Annotated[int, typer.Option(help="Number of campuses.", min=1)] = 1,
    force: Annotated[bool, typer.Option(help="Overwrite existing tasks.csv/travel.csv.")] = False,
) -> None:
    """Write a synthetic but plausible campus instance, for tests and benchmarks."""
    task_table, travel_table = generate_tables(tasks, seed, campuses=campuses)
    written = write_instance(task_table, travel_table, out_dir, overwrite=force)
    out.print(f"Written {', '.join(str(p) for p in written)}", highlight=False)


@app.command()
@user_errors
def sweep(
    tasks: TasksArg,
    grid: Annotated[
        Path,
        typer.Option(
            "--grid", help="TOML: one rule per line with values to try, e.g. min_hours = [16, 20]."
        ),
    ],
    results: Annotated[Path, typer.Option("--out", help="CSV file for the table of results.")],
    travel: TravelOpt = None,
    policy: Annotated[
        Path | None,
        typer.Option("--policy", help="TOML file with the rules the grid does not vary."),
    ] = None,
    time_limit: Annotated[float, typer.Option(help="Seconds per solve.", min=0.1)] = 10.0,
    seed: Annotated[int, typer.Option(help="Random seed of every solve.")] = 0,
    workers: Annotated[
        int | None, typer.Option(help="Local processes; default one per CPU.", min=1)
    ] = None,
    scheduler: Annotated[
        str | None,
        typer.Option(help="Dask scheduler address (tcp://host:8786) to run on a cluster."),
    ] = None,
) -> None:
    """Solve TASKS for every combination of the grid's rules; one row per combination."""
    from combibaan.cli_sweep import run_sweep

    run_sweep(
        tasks,
        grid,
        results,
        travel=travel,
        policy_file=policy,
        time_limit=time_limit,
        seed=seed,
        workers=workers,
        scheduler=scheduler,
        out=out,
        err=err,
    )
