"""``combibaan solve``: read, solve with a progress line, write the files, show the jobs.

Everything is checked before the work starts (numbers by their ranges, the
output folder by a probe), so that a mistake costs no solve time.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

import combibaan
from combibaan.cli.app import Command, app, err, out, show_problems, user_errors
from combibaan.cli.interrupt import Interrupts
from combibaan.cli.options import (
    SROI_CREDITS,
    STRATEGIES,
    AlternativesOpt,
    ForbidPairOpt,
    ForceOpt,
    LangOpt,
    LocksOpt,
    PolicyOpt,
    QuietOpt,
    RowsOpt,
    RuleFlags,
    SeedOpt,
    SolveSeconds,
    SroiCreditOpt,
    StrategyOpt,
    SuppliersOpt,
    TasksArg,
    TravelOpt,
    WorkersOpt,
    build_policy,
    choice,
    lock_error,
    parse_rows,
    read_inputs,
    read_people,
    read_workshop,
    rule_flags,
)
from combibaan.cli.progress import SolveProgress
from combibaan.cli.show import SHOWN_ROWS, show_alternatives, show_result, summary_line
from combibaan.texts import cli_text, mistake

if TYPE_CHECKING:
    from combibaan import Instance, Policy, Result


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
    workers: WorkersOpt = 0,
    strategy: StrategyOpt = "auto",
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
    sroi_credit: SroiCreditOpt = "employer",
    cover: Annotated[
        bool,
        typer.Option(
            "--cover",
            help="Place every task, in the fewest jobs (cover mode); also cover = true in a"
            " policy file.",
        ),
    ] = False,
    candidates: Annotated[
        Path | None,
        typer.Option(
            "--candidates",
            help="The candidates (CSV/XLSX): each job is held by one who may do all of it.",
            metavar="FILE",
        ),
    ] = None,
    only_candidates: Annotated[
        bool,
        typer.Option(
            "--only-candidates", help="Only jobs a candidate holds: no vacancies (--candidates)."
        ),
    ] = False,
) -> None:
    """Build the most combination jobs from TASKS and show them (--cover: the fewest jobs
    that hold every task)."""
    # Choices in any case, as --lang: EXACT and Hours mean exact and hours.
    strategy = choice("--strategy", strategy, STRATEGIES)
    sroi_credit = choice("--sroi-credit", sroi_credit, SROI_CREDITS)
    shown_rows = parse_rows(rows)
    if out_dir is not None:
        combibaan.check_output_folder(out_dir, force=force)
    if only_candidates and candidates is None:
        raise combibaan.InputError(
            combibaan.Problem("--only-candidates", mistake("only_candidates_alone"))
        )
    effective = build_policy(policy, rules or {})
    if cover:
        effective = effective.replace(cover=True)
    instance = read_inputs(tasks, travel, suppliers, lang=lang, quiet=quiet)
    lock_set, pairs = read_workshop(instance, locks, forbid_pair, lang=lang)
    people = read_people(instance, candidates, lang=lang, policy=effective)
    failure: combibaan.InputError | None = None
    with Interrupts(err, lang, saves=out_dir is not None) as interrupts:
        try:
            result = _solve_with_progress(
                instance,
                effective,
                lang,
                quiet=quiet,
                time_limit=time_limit,
                seed=seed,
                workers=workers,
                strategy=strategy,
                locks=lock_set,
                forbid_pairs=pairs,
                alternatives=alternatives,
                candidates=people,
                only_candidates=only_candidates,
            )
        except combibaan.LockError as error:
            raise lock_error(error, locks) from None
        if out_dir is not None:
            with interrupts.writing():
                failure = _write(result, out_dir, lang, force, sroi_credit)
    if quiet:
        out.print(summary_line(result, lang), soft_wrap=True)
    else:
        written = out_dir if out_dir is not None and failure is None else None
        show_result(result, lang, rows=shown_rows, written=written)
        show_alternatives(result, lang, rows=shown_rows)
    if failure is not None:
        show_problems(failure, lang)
        raise typer.Exit(2)
    if out_dir is not None and not quiet:
        out.print(cli_text("written", lang, folder=f"{out_dir}/"), soft_wrap=True)
    if result.ended == "interrupted" or interrupts.presses:
        note = cli_text("written_note", lang, folder=out_dir) if out_dir is not None else ""
        err.print(cli_text("interrupted_note", lang, written=note), soft_wrap=True)
        raise typer.Exit(130)


def _write(
    result: Result, out_dir: Path, lang: str, force: bool, sroi_credit: str
) -> combibaan.InputError | None:
    """Write the files; a refusal or an OS error comes back as the error to show."""
    try:
        combibaan.write_result(result, out_dir, lang=lang, force=force, sroi_credit=sroi_credit)
    except combibaan.InputError as error:
        return error
    except OSError as error:
        where = str(error.filename or out_dir)
        reason = str(error.strerror or error)
        problem = combibaan.Problem(
            str(out_dir), mistake("cannot_write", file=where, reason=reason)
        )
        return combibaan.InputError(problem)
    return None


def _solve_with_progress(
    instance: Instance, policy: Policy, lang: str, *, quiet: bool, **options: Any
) -> Result:
    """Solve, with a progress line on a terminal (stderr) unless ``quiet``; ``options`` are
    :func:`combibaan.solve`'s."""
    if quiet or not err.is_terminal:
        return combibaan.solve(instance, policy, **options)
    # With alternatives the search may take another time limit (README, Alternatives).
    limit = options["time_limit"] * (2 if options.get("alternatives") else 1)
    with SolveProgress(err, limit, lang) as line:
        return combibaan.solve(instance, policy, progress=line, **options)
