"""Every option of the command line, each defined once, and the inputs they name.

An option that several commands share is one ``Annotated`` type here; where
the commands word it differently, a small factory takes the help text. The
rule flags are not written out at all: :func:`rule_flags` makes one per rule
of the registry, so a new rule module gets its flag on every command that
takes rules.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeAlias, TypeVar

import typer
from rich.markup import escape
from typer.models import OptionInfo

import combibaan
from combibaan.cli.app import err, warn
from combibaan.texts import LANGUAGES, cli_text, mistake, number

if TYPE_CHECKING:
    from combibaan import Instance, Locks, Policy, Rule

R = TypeVar("R")

#: The ranges every number on the command line must lie in.
MAX_SECONDS = 7 * 24 * 3600
MAX_WORKERS = 256
SEED_RANGE = (-(2**31), 2**31 - 1)  # CP-SAT's random_seed is a 32-bit integer
#: The strategies ``--strategy`` offers (``combibaan.solvers.strategies.NAMES``, which a
#: test keeps in step: importing it would load OR-Tools before ``--help`` could answer).
STRATEGIES = ("auto", "exact", "large")
#: What ``--sroi-credit`` offers (``combibaan.reporting.SROI_CREDITS``, which a test keeps
#: in step: the command line imports only combibaan's public names).
SROI_CREDITS = ("employer", "hours")
#: The most alternatives one solve looks for (each may take another time limit).
MAX_ALTERNATIVES = 100

# ----------------------------------------------------------------------------- inputs

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


def _policy_option(text: str) -> OptionInfo:
    return typer.Option("--policy", help=text, metavar="FILE")


PolicyOpt: TypeAlias = Annotated[
    Path | None, _policy_option("TOML file with a workshop's rules; flags override it.")
]
CheckPolicyOpt: TypeAlias = Annotated[
    Path | None,
    _policy_option(
        "Check against this workshop's rules (flags override it) instead of the rules the "
        "solution claims."
    ),
]
SweepPolicyOpt: TypeAlias = Annotated[
    Path | None, _policy_option("TOML file with the rules the grid does not vary.")
]
LocksOpt = Annotated[
    Path | None,
    typer.Option(
        "--locks",
        help="Workshop locks: CSV/XLSX with columns rule,task_ids (regel,taken); rules "
        "together/apart/exclude/keep (samen/niet_samen/uitsluiten/behouden), ids separated by |.",
        metavar="FILE",
    ),
]


def _candidates_option(text: str) -> OptionInfo:
    """``--candidates``, with the help text of the command that has it."""
    return typer.Option(
        "--candidates",
        help="Candidates: CSV/XLSX, one availability window a row, with columns candidate_id, "
        "days, available_from, available_to (kandidaat, dagen, beschikbaar_van, "
        "beschikbaar_tot) and optionally min_hours, max_hours, competencies, eligible_task_ids "
        f"(min_uren, max_uren, competenties, taken). {text}",
        metavar="FILE",
    )


CheckCandidatesOpt: TypeAlias = Annotated[
    Path | None,
    _candidates_option(
        "Check the jobs' candidates against this file instead of those the solution echoes."
    ),
]
ForbidPairOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--forbid-pair",
        help="Two suppliers that may not share a job, e.g. 'Securitas|Sodexo'; repeatable.",
        metavar="A|B",
    ),
]

# ----------------------------------------------------------------------------- the run


def _seed_option(text: str) -> OptionInfo:
    return typer.Option(help=text, min=SEED_RANGE[0], max=SEED_RANGE[1], metavar="N")


SeedOpt: TypeAlias = Annotated[int, _seed_option("Random seed of the solver.")]
SweepSeedOpt: TypeAlias = Annotated[int, _seed_option("Random seed of every solve.")]
GenerateSeedOpt: TypeAlias = Annotated[
    int, _seed_option("Random seed; the same seed gives the same instance.")
]


def _seconds(text: str) -> OptionInfo:
    """A time limit: a finite number of seconds from 0.1 to a week (``inf``/``nan`` fail)."""
    return typer.Option(help=text, min=0.1, max=MAX_SECONDS, metavar="SECONDS")


SolveSeconds: TypeAlias = Annotated[float, _seconds("Seconds for the whole solve.")]
ExplainSeconds: TypeAlias = Annotated[
    float, _seconds("Seconds for the solve; each what-if gets a share.")
]
SweepSeconds: TypeAlias = Annotated[float, _seconds("Seconds per solve.")]
WorkersOpt = Annotated[
    int,
    typer.Option(
        help="CP-SAT threads: 0 or 1 one worker, N an interleaved search on N; "
        "either way a rerun gives the same proposal.",
        min=0,
        max=MAX_WORKERS,
        metavar="N",
    ),
]
ProcessesOpt = Annotated[
    int | None,
    typer.Option(
        "--workers",
        help="Local processes; default one per CPU.",
        min=1,
        max=MAX_WORKERS,
        metavar="N",
    ),
]
SchedulerOpt = Annotated[
    str | None,
    typer.Option(
        help="Dask scheduler address (tcp://host:8786) to run on a cluster.", metavar="ADDRESS"
    ),
]
StrategyOpt = Annotated[
    str,
    typer.Option(
        help="auto picks by size: exact (every job enumerated, the answer proven) for "
        "smaller lists, large (a proven bound and local search) above; exact or large "
        "forces one.",
        metavar="|".join(STRATEGIES),
        autocompletion=lambda: list(STRATEGIES),
    ),
]
AlternativesOpt = Annotated[
    int,
    typer.Option(
        "--alternatives",
        help="Also look for up to this many different proposals (each drops at least a "
        "third of the jobs of every earlier one).",
        min=0,
        max=MAX_ALTERNATIVES,
        metavar="K",
    ),
]

# ----------------------------------------------------------------------------- output


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


LangOpt: TypeAlias = Annotated[str, _lang_option("Language of reasons, texts and errors:")]
StoryLangOpt: TypeAlias = Annotated[str, _lang_option("Language of the story:")]
CheckLangOpt: TypeAlias = Annotated[str, _lang_option("Language of the violations and notes:")]
MessageLangOpt: TypeAlias = Annotated[str, _lang_option("Language of messages and errors:")]
ForceOpt = Annotated[
    bool,
    typer.Option(
        "--force",
        help="Replace files combibaan wrote here earlier even when they were changed since "
        "(a file combibaan did not write is never replaced).",
    ),
]


SroiCreditOpt = Annotated[
    str,
    typer.Option(
        "--sroi-credit",
        help="Whose social return a job's hours count for in report.html and proposals.xlsx: "
        "employer (all hours for the supplier who employs the person) or hours (each "
        "supplier its own task hours).",
        metavar="|".join(SROI_CREDITS),
        autocompletion=lambda: list(SROI_CREDITS),
    ),
]


def _quiet_option(text: str) -> OptionInfo:
    return typer.Option("--quiet", "-q", help=text)


QuietOpt: TypeAlias = Annotated[
    bool,
    _quiet_option(
        "Print only the summary line (and warnings and errors): no tables, no progress line."
    ),
]
SweepQuietOpt: TypeAlias = Annotated[
    bool, _quiet_option("Print only where the table was written: no table, no progress bar.")
]
RowsOpt = Annotated[
    str,
    typer.Option(
        "--rows",
        help="Rows of each table to show on screen; 'all' shows every row. The files written "
        "with --out always hold them all.",
        metavar="N|all",
    ),
]


def parse_rows(text: str) -> int | None:
    """``--rows``: a whole number of at least 1, or ``all`` (``None``: no limit)."""
    if text.strip().lower() == "all":
        return None
    try:
        rows = int(text)
    except ValueError:
        rows = 0
    if rows < 1:
        raise combibaan.PolicyError(mistake("rows_flag", given=repr(text)))
    return rows


def choice(flag: str, value: str, choices: tuple[str, ...]) -> str:
    """One of ``choices`` in any case, as ``--lang`` (``EXACT`` is ``exact``); a
    :class:`~combibaan.PolicyError` naming the flag and the choices otherwise."""
    picked = value.strip().lower()
    if picked not in choices:
        said = mistake("either", a=", ".join(choices[:-1]), b=choices[-1])
        raise combibaan.PolicyError(
            mistake("choice_flag", flag=flag, choices=said, given=repr(value))
        )
    return picked


# ----------------------------------------------------------------------------- rules


def _flag(key: str) -> str:
    return f"--{key.replace('_', '-')}"


def _rule_option(rule: Rule) -> OptionInfo:
    """A policy flag; its value is text, so that ``off`` can switch the rule off."""
    shown = "off" if rule.default is None else number(rule.default)
    return typer.Option(
        _flag(rule.key),
        help=escape(f"{rule.help} [default: {shown}; 'off' switches the rule off]"),
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
        for rule in combibaan.RULES
    ]
    keyword = [p.replace(kind=inspect.Parameter.KEYWORD_ONLY) for p in parameters[at + 1 :]]

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> R:
        given = {rule.key: kwargs.pop(rule.key, None) for rule in combibaan.RULES}
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
    """Defaults, then the TOML file, then the flags given on the command line (checked as
    one whole: a file's ``max_hours = 18`` goes with ``--min-hours 12``)."""
    changes = {
        key: combibaan.parse_policy_value(key, value, name=_flag(key))
        for key, value in flags.items()
        if value is not None
    }
    try:
        if policy_file:
            return combibaan.read_policy(policy_file, then=changes)
        return combibaan.Policy().replace(**changes)
    except combibaan.PolicyError as error:
        if not changes:
            raise
        given = ", ".join(_flag(key) for key in changes)
        raise combibaan.PolicyError(mistake("flags_given", flags=given, error=error)) from None


# ----------------------------------------------------------------------------- reading


def read_inputs(
    tasks: Path,
    travel: Path | None = None,
    suppliers: Path | None = None,
    *,
    lang: str = "nl",
    quiet: bool = False,
) -> Instance:
    """The task list and its tables, with a note on a terminal while large files load;
    warnings (hidden rows, unknown places and suppliers) go to stderr, in ``lang``."""
    on_warning = functools.partial(warn, lang=lang)
    if quiet or not err.is_terminal:
        return combibaan.read_instance(tasks, travel, suppliers, on_warning=on_warning)
    with err.status(cli_text("reading", lang)):
        return combibaan.read_instance(tasks, travel, suppliers, on_warning=on_warning)


def read_workshop(
    instance: Instance,
    locks_file: Path | None,
    forbid_pairs: list[str] | None,
    *,
    lang: str = "nl",
) -> tuple[Locks | None, tuple[tuple[str, str], ...]]:
    """The locks file (checked against the instance) and the forbidden supplier pairs.

    A pair naming an unknown supplier is an input error about ``--forbid-pair``;
    hidden rows of a locks workbook are warned about (in ``lang``), as for the tasks.
    """
    locks = None
    problems: list[combibaan.Problem] = []
    if locks_file is not None:
        try:
            locks = combibaan.read_locks(
                locks_file, instance, on_warning=functools.partial(warn, lang=lang)
            )
        except combibaan.InputError as error:  # said with the pairs' mistakes, in one go
            problems += error.problems
    pairs: tuple[tuple[str, str], ...] = ()
    try:
        pairs = combibaan.resolve_pairs(instance, forbid_pairs or ())
    except combibaan.LockError as error:
        problems += lock_error(error, None).problems
    if problems:
        raise combibaan.InputError(problems)
    return locks, pairs


def lock_error(error: combibaan.LockError, locks: Path | None) -> combibaan.InputError:
    """Locks that cannot all hold (or name what is not there), as an input error on their
    source: the locks file, or ``--forbid-pair``; the edge words it in the run's language."""
    messages = error.phrases if isinstance(error, combibaan.LockConflict) else error.messages
    where = str(locks) if locks is not None else "--forbid-pair"
    return combibaan.InputError([combibaan.Problem(where, message) for message in messages])


def read_people(
    instance: Instance, candidates: Path | None, *, lang: str = "nl", policy: Policy | None = None
) -> tuple[combibaan.Candidate, ...]:
    """The candidates file (checked against the instance's task ids), or none; hidden rows
    of a workbook, and hours no job under ``policy`` can give, are warned about in
    ``lang``, as for the tasks."""
    if candidates is None:
        return ()
    return combibaan.read_candidates(
        candidates, instance, on_warning=functools.partial(warn, lang=lang), policy=policy
    )
