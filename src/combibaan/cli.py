"""The command line: a thin shell over the Python API.

Every command maps its options onto ``read_instance``, ``Policy`` and
``solve``. Everything is checked before the work starts (numbers by their
ranges, the output folder by a probe), and errors in the user's input are
printed without a traceback and end with exit code 2.

Nothing from the user is ever read as terminal markup: both consoles print
with markup and emoji codes off, and styles are added as :class:`Text` spans.
The heavy parts (pandas, the solver, the reports) are imported by the commands
that need them, so that a mistake is reported at once.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, ParamSpec, TypeAlias, TypeVar

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text
from typer.core import TyperCommand, TyperGroup
from typer.models import OptionInfo

from combibaan.cli_interrupt import Aborted, Interrupts
from combibaan.cli_workshop import (
    AlternativesOpt,
    ForbidPairOpt,
    LocksOpt,
    read_workshop,
    show_alternatives,
)
from combibaan.io.errors import MAX_SHOWN, InputError, Problem
from combibaan.io.output import SOLUTION_FILES, check_folder, check_output
from combibaan.model.locks import LockError
from combibaan.model.week import format_days
from combibaan.rules import RULES, Policy, PolicyError, Rule, parse_policy_value
from combibaan.texts import LANGUAGES, cli_text, decimal, hours_note, jobs_note, number, render

if TYPE_CHECKING:
    from combibaan.model import Instance
    from combibaan.result import Result


def _flags_take_no_value(params: list[Any]) -> list[Any]:
    """A flag shows no value type in ``--help`` (Typer 0.2x would print ``<bool>``)."""
    for param in params:
        if getattr(param, "is_flag", False) and param.metavar is None:
            param.metavar = ""
    return params


class Command(TyperCommand):
    """A command whose ``--help`` lists flags without a value type."""

    def get_params(self, ctx: Any) -> list[Any]:
        return _flags_take_no_value(super().get_params(ctx))


class Group(TyperGroup):
    """The ``combibaan`` group, listing its flags as :class:`Command` does."""

    def get_params(self, ctx: Any) -> list[Any]:
        return _flags_take_no_value(super().get_params(ctx))


app = typer.Typer(
    cls=Group,
    help="Bundle facility tasks of several suppliers into combination jobs.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
out = Console(markup=False, emoji=False, highlight=False)
err = Console(stderr=True, markup=False, emoji=False, highlight=False)

P = ParamSpec("P")
R = TypeVar("R")


def package_version() -> str:
    """The installed version, from the package metadata (``0+unknown`` from a bare source tree)."""
    try:
        return version("combibaan")
    except PackageNotFoundError:
        return "0+unknown"


def _show_version(ctx: typer.Context, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        out.print(f"combibaan {package_version()}", soft_wrap=True)
        raise typer.Exit()


@app.callback()
def main(
    show_version: Annotated[
        bool,
        typer.Option(
            "--version",
            help="Show the version and exit.",
            callback=_show_version,
            is_eager=True,
        ),
    ] = False,
) -> None:
    """Bundle facility tasks of several suppliers into combination jobs."""


#: What ``solve --out`` writes besides :data:`SOLUTION_FILES` (combibaan.reporting's names;
#: a test keeps the two in step), checked before the solve.
REPORT_FILES = ("report.html", "proposals.xlsx")
#: The ranges every number on the command line must lie in.
MAX_SECONDS = 7 * 24 * 3600
MAX_WORKERS = 256
SEED_RANGE = (-(2**31), 2**31 - 1)  # CP-SAT's random_seed is a 32-bit integer
STRATEGIES = ("auto", "exact", "large")


def say(console: Console, label: str, style: str, text: str) -> None:
    """``label: text`` with the label styled and the text printed exactly as it is."""
    console.print(Text.assemble((label, style), " ", text), soft_wrap=True)


def warn(problem: object) -> None:
    """A warning about the user's input on stderr; the run goes on."""
    say(err, "warning:", "yellow", str(problem))


def show_problems(error: InputError) -> None:
    """The first problems (:data:`~combibaan.io.errors.MAX_SHOWN`), then how many in all."""
    for n, line in enumerate(error.lines()):
        if n < MAX_SHOWN:
            say(err, "error:", "bold red", line)
        else:
            err.print(line, soft_wrap=True)


def user_errors(command: Callable[P, R]) -> Callable[P, R]:
    """Turn a mistake in the user's input into a message and exit code 2."""

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except InputError as error:
            show_problems(error)
            raise typer.Exit(2) from None
        except (PolicyError, FileExistsError, LockError) as error:
            say(err, "error:", "bold red", str(error))
            raise typer.Exit(2) from None
        except KeyboardInterrupt:
            # While starting or reading, before there is a proposal (a solve returns its
            # own on Ctrl-C); a command without --lang speaks Dutch.
            lang = kwargs.get("lang")
            err.print(
                cli_text("interrupted_early", lang if isinstance(lang, str) else "nl"),
                soft_wrap=True,
            )
            raise typer.Exit(130) from None
        except Aborted:
            raise typer.Exit(130) from None  # the handler has said so
        except LookupError as error:
            from combibaan.analysis.explain import UnknownTaskError

            if not isinstance(error, UnknownTaskError):
                raise
            say(err, "error:", "bold red", str(error))
            raise typer.Exit(2) from None

    return wrapper


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
    Path | None,
    typer.Option("--travel", help="Travel table: CSV/XLSX from,to,minutes.", metavar="FILE"),
]
SuppliersOpt = Annotated[
    Path | None,
    typer.Option(
        "--suppliers",
        help="Suppliers table: CSV/XLSX supplier, sector, cao, sroi_hours_target (hours per year).",
        metavar="FILE",
    ),
]
PolicyOpt = Annotated[
    Path | None,
    typer.Option(
        "--policy", help="TOML file with a workshop's rules; flags override it.", metavar="FILE"
    ),
]


def _lang(ctx: typer.Context, value: str) -> str:
    """``--lang`` in any case (``EN``, ``Nl``), as the language code the texts use."""
    if ctx.resilient_parsing:
        return value
    lang = value.strip().lower()
    if lang not in LANGUAGES:
        raise typer.BadParameter(f"choose {' or '.join(LANGUAGES)}, not {value!r}")
    return lang


def _complete_lang(incomplete: str) -> list[str]:
    return [lang for lang in LANGUAGES if lang.startswith(incomplete.lower())]


def _lang_option(text: str) -> OptionInfo:
    """``--lang``, with the help text of the command that has it."""
    return typer.Option(
        "--lang",
        help=f"{text} nl or en (any case).",
        metavar="nl|en",
        callback=_lang,
        autocompletion=_complete_lang,
    )


LangOpt: TypeAlias = Annotated[str, _lang_option("Language of reasons and texts:")]
StoryLangOpt: TypeAlias = Annotated[str, _lang_option("Language of the story:")]
SeedOpt = Annotated[
    int,
    typer.Option(
        help="Random seed of the solver.", min=SEED_RANGE[0], max=SEED_RANGE[1], metavar="N"
    ),
]
ForceOpt = Annotated[
    bool,
    typer.Option(
        "--force",
        help="Replace files combibaan wrote here earlier even when they were changed since "
        "(a file combibaan did not write is never replaced).",
    ),
]
QuietOpt = Annotated[
    bool,
    typer.Option(
        "--quiet",
        "-q",
        help="Print only the summary line (and warnings and errors): no tables, no progress line.",
    ),
]
#: Rows of each table ``solve`` prints by default; the files hold every row.
SHOWN_ROWS = 25
RowsOpt = Annotated[
    str,
    typer.Option(
        "--rows",
        help="Rows of each table to show on screen; 'all' shows every row. The files written "
        "with --out always hold them all.",
        metavar="N|all",
    ),
]


def _seconds(text: str) -> OptionInfo:
    """A time limit: a finite number of seconds from 0.1 to a week (``inf``/``nan`` fail)."""
    return typer.Option(help=text, min=0.1, max=MAX_SECONDS, metavar="SECONDS")


SolveSeconds: TypeAlias = Annotated[float, _seconds("Seconds for the whole solve.")]
ExplainSeconds: TypeAlias = Annotated[
    float, _seconds("Seconds for the solve; each what-if gets a share.")
]
SweepSeconds: TypeAlias = Annotated[float, _seconds("Seconds per solve.")]


def _rule_option(rule: Rule) -> OptionInfo:
    """A policy flag; its value is text, so that ``off`` can switch the rule off."""
    return typer.Option(
        f"--{rule.key.replace('_', '-')}",
        help=_rule_help(rule.key, rule.help),
        show_default=False,
        metavar=f"{rule.metavar}|off",
    )


def rule_flags(command: Callable[..., R]) -> Callable[..., R]:
    """Give ``command`` one flag per rule of the registry, where its ``rules`` parameter
    stands; the command receives them as ``rules``, a dict of key to text (``None``: not
    given). A new rule module thus gets its flag on every command that takes rules."""
    signature = inspect.signature(command, eval_str=True)
    parameters = list(signature.parameters.values())
    at = [p.name for p in parameters].index("rules")
    flags = [
        inspect.Parameter(
            rule.key,
            inspect.Parameter.KEYWORD_ONLY,
            default=None,
            annotation=Annotated[str | None, _rule_option(rule)],
        )
        for rule in RULES
    ]
    keyword = [p.replace(kind=inspect.Parameter.KEYWORD_ONLY) for p in parameters[at + 1 :]]

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> R:
        given = {rule.key: kwargs.pop(rule.key, None) for rule in RULES}
        return command(*args, rules=given, **kwargs)

    wrapper.__signature__ = signature.replace(  # type: ignore[attr-defined]
        parameters=[*parameters[:at], *flags, *keyword]
    )
    wrapper.__annotations__ = {
        p.name: p.annotation
        for p in wrapper.__signature__.parameters.values()  # type: ignore[attr-defined]
    }
    return wrapper


#: Where a command takes one flag per rule (see :func:`rule_flags`).
RuleFlags: TypeAlias = dict[str, str | None] | None


def build_policy(policy_file: Path | None, flags: dict[str, str | None]) -> Policy:
    """Defaults, then the TOML file, then the flags given on the command line."""
    from combibaan.io import read_policy

    policy = read_policy(policy_file) if policy_file else Policy()
    changes = {}
    for key, value in flags.items():
        if value is None:
            continue
        changes[key] = parse_policy_value(key, value, name=f"--{key.replace('_', '-')}")
    try:
        return policy.replace(**changes)
    except PolicyError as error:
        given = ", ".join(f"--{key.replace('_', '-')}" for key in changes)
        raise PolicyError(f"{given}: {error}" if given else str(error)) from None


def parse_rows(text: str) -> int | None:
    """``--rows``: a whole number of at least 1, or ``all`` (``None``: no limit)."""
    if text.strip().lower() == "all":
        return None
    try:
        rows = int(text)
    except ValueError:
        rows = 0
    if rows < 1:
        raise PolicyError(f"--rows must be a whole number of at least 1, or all; got {text!r}")
    return rows


def _lock_error(error: LockError, locks: Path | None, lang: str = "nl") -> InputError:
    """Locks that name an unknown task or supplier, or that cannot all hold, as an input
    error on their source (a conflict worded in ``lang``)."""
    from combibaan.solvers.locking import LockConflict

    text = error.text(lang) if isinstance(error, LockConflict) else str(error)
    return InputError(Problem(str(locks) if locks is not None else "--forbid-pair", text))


def read_inputs(
    tasks: Path,
    travel: Path | None = None,
    suppliers: Path | None = None,
    *,
    lang: str = "nl",
    quiet: bool = False,
) -> Instance:
    """The task list and its tables, with a note on a terminal while large files load."""
    from combibaan.io import read_instance

    if quiet or not err.is_terminal:
        return read_instance(tasks, travel, suppliers, on_warning=warn)
    with err.status(cli_text("reading", lang)):
        return read_instance(tasks, travel, suppliers, on_warning=warn)


@app.command(cls=Command)
@user_errors
@rule_flags
def solve(
    tasks: TasksArg,
    travel: TravelOpt = None,
    policy: PolicyOpt = None,
    suppliers: SuppliersOpt = None,
    rules: RuleFlags = None,
    locks: LocksOpt = None,
    forbid_pair: ForbidPairOpt = None,
    alternatives: AlternativesOpt = 0,
    time_limit: SolveSeconds = 60.0,
    seed: SeedOpt = 0,
    workers: Annotated[
        int,
        typer.Option(
            help="CP-SAT threads: 0 or 1 one worker, N an interleaved search on N; "
            "either way a rerun gives the same proposal.",
            min=0,
            max=MAX_WORKERS,
            metavar="N",
        ),
    ] = 0,
    strategy: Annotated[
        str,
        typer.Option(
            help="auto picks by size: exact (every job enumerated, the answer proven) for "
            "smaller lists, large (a proven bound and local search) above; exact or large "
            "forces one.",
            metavar="|".join(STRATEGIES),
            autocompletion=lambda: list(STRATEGIES),
        ),
    ] = "auto",
    lang: LangOpt = "nl",
    out_dir: Annotated[
        Path | None,
        typer.Option(
            "--out",
            help="Folder for solution.json, the CSV files, report.html and proposals.xlsx.",
            metavar="DIR",
        ),
    ] = None,
    force: ForceOpt = False,
    quiet: QuietOpt = False,
    rows: RowsOpt = str(SHOWN_ROWS),
) -> None:
    """Build the most combination jobs from TASKS and show them."""
    if strategy not in STRATEGIES:
        raise PolicyError(f"--strategy must be {', '.join(STRATEGIES)}, got {strategy!r}")
    shown_rows = parse_rows(rows)
    if out_dir is not None:
        check_output(out_dir, (*SOLUTION_FILES, *REPORT_FILES), force=force)
    effective = build_policy(policy, rules or {})
    instance = read_inputs(tasks, travel, suppliers, lang=lang, quiet=quiet)
    _warn_unknown_suppliers(instance, suppliers)
    lock_set, pairs = read_workshop(instance, locks, forbid_pair, warn)
    failure: InputError | None = None
    with Interrupts(err, lang, saves=out_dir is not None) as interrupts:
        try:
            result = _solve_with_progress(
                instance,
                effective,
                time_limit,
                seed,
                workers,
                lang,
                quiet=quiet,
                strategy=strategy,
                locks=lock_set,
                forbid_pairs=pairs,
                alternatives=alternatives,
            )
        except LockError as error:
            raise _lock_error(error, locks, lang) from None
        if out_dir is not None:
            with interrupts.writing():
                failure = _write(result, out_dir, lang, force)
    if quiet:
        out.print(summary_line(result, lang), soft_wrap=True)
    else:
        written = out_dir if out_dir is not None and failure is None else None
        show_result(result, lang, rows=shown_rows, written=written)
        show_alternatives(out, result, rows=shown_rows)
    if failure is not None:
        show_problems(failure)
        raise typer.Exit(2)
    if out_dir is not None and not quiet:
        out.print(f"Written to {out_dir}/", soft_wrap=True)
    if stop_of(result) == "interrupted" or interrupts.presses:
        note = cli_text("written_note", lang, folder=out_dir) if out_dir is not None else ""
        err.print(cli_text("interrupted_note", lang, written=note), soft_wrap=True)
        raise typer.Exit(130)


def _warn_unknown_suppliers(instance: Instance, suppliers: Path | None) -> None:
    from combibaan.reporting.cards import unknown_suppliers

    for name in unknown_suppliers(instance):
        say(
            err,
            "warning:",
            "yellow",
            f"supplier {name!r} has tasks but no row in {suppliers}; "
            "its sector, CAO and target show as unknown",
        )


def _write(result: Result, out_dir: Path, lang: str, force: bool) -> InputError | None:
    """Write the files; a refusal or an OS error comes back as the error to show."""
    from combibaan.reporting import report_writers
    from combibaan.result import write_result

    try:
        write_result(result, out_dir, extra=report_writers(result, lang), force=force, lang=lang)
    except InputError as error:
        return error
    except OSError as error:
        where = error.filename or out_dir
        return InputError(Problem(str(out_dir), f"cannot write {where}: {error.strerror or error}"))
    return None


def _solve_with_progress(
    instance, policy, time_limit, seed, workers, lang, *, quiet: bool = False, **options: Any
) -> Result:
    """Solve, with a progress line on a terminal (stderr) unless ``quiet``; ``options`` hold
    the strategy and workshop options."""
    from combibaan.cli_progress import SolveProgress
    from combibaan.solvers import solve as run_solve

    def run(**progress: Any) -> Result:
        return run_solve(
            instance,
            policy,
            time_limit=time_limit,
            seed=seed,
            workers=workers,
            **progress,
            **options,
        )

    if quiet or not err.is_terminal:
        return run()
    # With alternatives the search may take another time limit (README, Alternatives).
    limit = time_limit * (2 if options.get("alternatives") else 1)
    with SolveProgress(err, limit, lang) as line:
        return run(progress=line)


def stop_of(result: Result) -> str:
    """How the run ended: ``proven``, ``time_limit`` or ``interrupted``.

    ``result.stopped`` as the solver set it, read together with the two older
    signals of the same facts so that they can never disagree on screen: a
    result proven ``optimal`` was proven, one whose statistics say interrupted
    was interrupted.
    """
    if result.status == "optimal":
        return "proven"
    if result.statistics.interrupted:
        return "interrupted"
    return result.stopped


def summary_line(result: Result, lang: str = "nl") -> str:
    """The job count and whether it is proven, hours placed against their bound, how it
    stopped, seconds: ``12 banen (bewezen maximum) · 301,5 uur geplaatst (ten hoogste 310) ·
    gestopt: tijdslimiet · 4,2 s``."""
    n, bound = result.num_jobs, result.jobs_bound
    jobs = cli_text("jobs_one", lang) if n == 1 else cli_text("jobs", lang, n=n)
    jobs += jobs_note(n, bound, result.jobs_status == "optimal", lang)
    hours = cli_text("hours", lang, hours=decimal(round(result.hours_placed, 2), lang))
    hours += hours_note(result.hours_placed, result.hours_bound, lang)
    stop = stop_of(result)
    if result.status == "optimal":
        how = cli_text("optimal", lang)
    elif result.status == "infeasible":
        how = cli_text("infeasible", lang)
    else:
        how = cli_text(stop, lang)
    if result.statistics.wall_clock_cut:
        how += cli_text("wall_clock", lang)
    shown = f"{result.solve_seconds:.1f}"
    seconds = cli_text("seconds", lang, seconds=shown.replace(".", ",") if lang == "nl" else shown)
    return " · ".join((jobs, hours, how, seconds))


def show_result(
    result: Result,
    lang: str = "nl",
    *,
    rows: int | None = SHOWN_ROWS,
    written: Path | None = None,
) -> None:
    """The jobs as a table, the tasks left out, and one summary line.

    Each table shows at most ``rows`` rows (``None``: all) and then says how many
    more there are and where they are: in ``written`` (the ``--out`` folder), or
    how to see them. A 1,000-task run would otherwise scroll 900 lines past.
    """
    jobs = result.solution.jobs
    table = Table(title=f"Combination jobs — {result.instance.name}", title_justify="left")
    for column in ("job", "tasks", "suppliers", "hours/week", "days", "locations"):
        table.add_column(column, justify="right" if column == "hours/week" else "left")
    for job in jobs[:rows]:
        table.add_row(
            job.job_id,
            ", ".join(job.task_ids),
            ", ".join(job.suppliers),
            number(round(job.hours_per_week, 2)),
            format_days(job.days, lang),
            ", ".join(job.locations),
        )
    out.print(table)
    _more(len(jobs), rows, "more_jobs", lang, written, "jobs.csv")
    unassigned = result.solution.unassigned
    if unassigned:
        left = Table(title="Tasks that stay with their supplier", title_justify="left")
        left.add_column("task")
        left.add_column("supplier")
        left.add_column("hours/week", justify="right")
        left.add_column("reason")
        for item in unassigned[:rows]:
            task = result.instance.task(item.task_id)
            left.add_row(
                task.id,
                task.supplier,
                number(round(task.hours_per_week, 2)),
                render(item.reason, lang),
            )
        out.print(left)
        _more(len(unassigned), rows, "more_tasks", lang, written, "unassigned.csv")
    out.print(summary_line(result, lang), soft_wrap=True)


def _more(
    total: int, rows: int | None, code: str, lang: str, written: Path | None, file: str
) -> None:
    """Under a table cut short: how many rows more, and the file that holds them all."""
    if rows is None or total <= rows:
        return
    hidden = total - rows
    where = (
        cli_text("more_in", lang, file=written / file)
        if written is not None
        else cli_text("more_hint", lang)
    )
    if hidden == 1:
        text = cli_text(f"{code}_one", lang, where=where)
    else:
        text = cli_text(code, lang, n=hidden, where=where)
    out.print(Text(text, style="dim"), soft_wrap=True)


@app.command(cls=Command)
@user_errors
@rule_flags
def check(
    tasks: TasksArg,
    solution: Annotated[
        Path,
        typer.Argument(help="A solution.json written by combibaan solve.", metavar="SOLUTION"),
    ],
    travel: TravelOpt = None,
    policy: Annotated[
        Path | None,
        typer.Option(
            "--policy",
            help="Check against this workshop's rules (flags override it) instead of the "
            "rules the solution claims.",
            metavar="FILE",
        ),
    ] = None,
    rules: RuleFlags = None,
    locks: LocksOpt = None,
    forbid_pair: ForbidPairOpt = None,
) -> None:
    """Verify SOLUTION against every rule, independently of the solver; exit 1 on a violation.

    The rules are those the solution claims, unless --policy or a rule flag is
    given: then exactly the rules solve would use with the same options. Locks
    and forbidden pairs default to those echoed in SOLUTION; --locks and
    --forbid-pair check against these instead. A SOLUTION that cannot be read
    as one (not JSON, missing keys, wrong types, NaN) exits 2.
    """
    from combibaan.check import check_solution, load_solution

    flags = rules or {}
    given = policy is not None or any(value is not None for value in flags.values())
    claimed = build_policy(policy, flags) if given else None
    problems: list[Problem] = []
    document: dict[str, Any] = {}
    instance = None
    try:
        document = load_solution(solution)
    except InputError as error:
        problems.extend(error.problems)
    try:
        instance = read_inputs(tasks, travel)
    except InputError as error:
        problems.extend(error.problems)
    if problems or instance is None:
        raise InputError(problems)
    lock_set, pairs = read_workshop(instance, locks, forbid_pair, warn)
    if claimed is not None:
        _note_other_rules(document, claimed)
    violations = check_solution(
        instance,
        document,
        claimed,
        locks=lock_set,
        forbid_pairs=pairs if forbid_pair else None,
    )
    if violations:
        for violation in violations:
            say(out, "violation:", "red", str(violation))
        out.print(f"{len(violations)} violation(s) in {solution}", soft_wrap=True)
        raise typer.Exit(1)
    out.print(f"{solution}: every rule holds", soft_wrap=True)


def _note_other_rules(document: dict[str, Any], rules: Policy) -> None:
    """Say where the rules checked differ from those the solution claims (no violation)."""
    claimed = document.get("policy")
    if not isinstance(claimed, dict):
        return
    differ = [
        f"{key} {claimed.get(key)!r} (checked: {value!r})"
        for key, value in rules.to_dict().items()
        if key in claimed and claimed.get(key) != value
    ]
    if differ:
        say(err, "note:", "yellow", "the solution was made under other rules: " + ", ".join(differ))


@app.command(cls=Command)
@user_errors
@rule_flags
def explain(
    tasks: TasksArg,
    task: Annotated[
        str, typer.Option("--task", help="The task to explain, e.g. I07.", metavar="ID")
    ],
    travel: TravelOpt = None,
    policy: PolicyOpt = None,
    rules: RuleFlags = None,
    locks: LocksOpt = None,
    forbid_pair: ForbidPairOpt = None,
    time_limit: ExplainSeconds = 10.0,
    lang: StoryLangOpt = "nl",
) -> None:
    """Tell the full story of one task: partners, feasible jobs, its job or why not, what would
    change that."""
    from combibaan.analysis.explain import explain as run_explain

    effective = build_policy(policy, rules or {})
    instance = read_inputs(tasks, travel, lang=lang)
    lock_set, pairs = read_workshop(instance, locks, forbid_pair, warn)
    try:
        story = run_explain(
            instance,
            task,
            effective,
            locks=lock_set,
            forbid_pairs=pairs,
            time_limit=time_limit,
            lang=lang,
        )
    except LockError as error:
        raise _lock_error(error, locks, lang) from None
    for line in story.lines():
        out.print(line, soft_wrap=True)


@app.command(cls=Command)
@user_errors
def generate(
    tasks: Annotated[
        int, typer.Option("--tasks", help="Number of tasks.", min=1, max=100_000, metavar="N")
    ],
    out_dir: Annotated[
        Path, typer.Option("--out", help="Folder for tasks.csv and travel.csv.", metavar="DIR")
    ],
    seed: Annotated[
        int,
        typer.Option(
            help="Random seed; the same seed gives the same instance.",
            min=SEED_RANGE[0],
            max=SEED_RANGE[1],
            metavar="N",
        ),
    ] = 0,
    campuses: Annotated[
        int | None,
        typer.Option(
            help="Number of campuses (default 1); with --family remote the number of sites "
            "(default 3-6, by the number of tasks).",
            min=1,
            max=100,
            show_default=False,
            metavar="N",
        ),
    ] = None,
    family: Annotated[
        str,
        typer.Option(
            help="Kind of task list: campus, short, night, remote or many (README).",
            metavar="NAME",
            autocompletion=lambda: ["campus", "short", "night", "remote", "many"],
        ),
    ] = "campus",
    force: Annotated[bool, typer.Option(help="Overwrite existing tasks.csv/travel.csv.")] = False,
) -> None:
    """Write a synthetic but plausible task list, for tests and benchmarks."""
    from combibaan.generate import FAMILIES

    if family not in FAMILIES:
        raise typer.BadParameter(f"choose one of {', '.join(FAMILIES)}", param_hint="'--family'")
    check_folder(out_dir)
    from combibaan.generate import generate as generate_tables
    from combibaan.generate import write_instance

    task_table, travel_table = generate_tables(tasks, seed, campuses=campuses, family=family)
    try:
        written = write_instance(task_table, travel_table, out_dir, overwrite=force)
    except FileExistsError as error:
        if error.errno is None:  # write_instance's own refusal, which names the files
            raise
        raise InputError(Problem(str(out_dir), _os_message(error))) from None
    except OSError as error:
        raise InputError(Problem(str(out_dir), _os_message(error))) from None
    out.print(f"Written {', '.join(str(p) for p in written)}", soft_wrap=True)


def _os_message(error: OSError) -> str:
    """An OS error as a sentence: ``cannot write out/tasks.csv: Permission denied``."""
    where = f" {error.filename}" if error.filename else ""
    return f"cannot write{where}: {error.strerror or error}"


@app.command(cls=Command)
@user_errors
def sweep(
    tasks: TasksArg,
    grid: Annotated[
        Path,
        typer.Option(
            "--grid",
            help="TOML: one rule per line with values to try, e.g. min_hours = [16, 20].",
            metavar="FILE",
        ),
    ],
    results: Annotated[
        Path, typer.Option("--out", help="CSV file for the table of results.", metavar="FILE")
    ],
    travel: TravelOpt = None,
    policy: Annotated[
        Path | None,
        typer.Option(
            "--policy", help="TOML file with the rules the grid does not vary.", metavar="FILE"
        ),
    ] = None,
    time_limit: SweepSeconds = 10.0,
    seed: Annotated[
        int,
        typer.Option(
            help="Random seed of every solve.",
            min=SEED_RANGE[0],
            max=SEED_RANGE[1],
            metavar="N",
        ),
    ] = 0,
    workers: Annotated[
        int | None,
        typer.Option(
            help="Local processes; default one per CPU.", min=1, max=MAX_WORKERS, metavar="N"
        ),
    ] = None,
    scheduler: Annotated[
        str | None,
        typer.Option(
            help="Dask scheduler address (tcp://host:8786) to run on a cluster.",
            metavar="ADDRESS",
        ),
    ] = None,
    force: ForceOpt = False,
    quiet: Annotated[
        bool,
        typer.Option(
            "--quiet",
            "-q",
            help="Print only where the table was written: no table, no progress bar.",
        ),
    ] = False,
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
        force=force,
        quiet=quiet,
        out=out,
        err=err,
    )
