"""``combibaan check``: verify a solution against every rule, independently of the solver."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

import combibaan
from combibaan.cli.app import Command, app, err, out, say, user_errors
from combibaan.cli.options import (
    CheckCandidatesOpt,
    CheckLangOpt,
    CheckPolicyOpt,
    ForbidPairOpt,
    LocksOpt,
    RuleFlags,
    TasksArg,
    TravelOpt,
    build_policy,
    read_inputs,
    read_people,
    read_workshop,
    rule_flags,
)
from combibaan.texts import cli_text, decimal, mistake

#: A task list's file names: with a .json first, the arguments were given the wrong way round.
_TABLES = (".csv", ".xlsx", ".xlsm", ".xls")


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
    policy: CheckPolicyOpt = None,
    rules: RuleFlags = None,
    locks: LocksOpt = None,
    forbid_pair: ForbidPairOpt = None,
    candidates: CheckCandidatesOpt = None,
    lang: CheckLangOpt = "nl",
) -> None:
    """Verify SOLUTION against every rule, independently of the solver; exit 1 on a violation.

    The rules are those the solution claims, unless --policy or a rule flag is
    given: then exactly the rules solve would use with the same options. Locks
    and forbidden pairs default to those echoed in SOLUTION; --locks and
    --forbid-pair check against these instead, as --candidates does for the
    candidates who hold jobs. A SOLUTION that cannot be read as one (not JSON,
    missing keys, wrong types, NaN) exits 2. Every line is in the language of
    --lang (Dutch by default).
    """
    if tasks.suffix.lower() == ".json" and solution.suffix.lower() in _TABLES:
        raise combibaan.InputError(
            combibaan.Problem(str(tasks), mistake("check_swapped", other=str(solution)))
        )
    flags = rules or {}
    given = policy is not None or any(value is not None for value in flags.values())
    claimed = build_policy(policy, flags) if given else None
    problems: list[combibaan.Problem] = []
    document: dict[str, Any] = {}
    instance = None
    try:
        document = combibaan.load_solution(solution)
    except combibaan.InputError as error:
        problems.extend(error.problems)
    try:
        instance = read_inputs(tasks, travel, lang=lang)
    except combibaan.InputError as error:
        problems.extend(error.problems)
    if problems or instance is None:
        raise combibaan.InputError(problems)
    lock_set, pairs = read_workshop(instance, locks, forbid_pair, lang=lang)
    people = None if candidates is None else read_people(instance, candidates, lang=lang)
    if claimed is not None:
        _note_other_rules(document, claimed, lang)
    violations = combibaan.check_solution(
        instance,
        document,
        claimed,
        locks=lock_set,
        forbid_pairs=pairs if forbid_pair else None,
        candidates=people,
    )
    if violations:
        label = cli_text("violation_label", lang)
        for violation in violations:
            say(out, label, "red", violation.text(lang))
        summary = cli_text("violations", lang, n=len(violations), solution=solution)
        out.print(summary, soft_wrap=True)
        raise typer.Exit(1)
    out.print(cli_text("every_rule_holds", lang, solution=solution), soft_wrap=True)


def _note_other_rules(document: dict[str, Any], rules: combibaan.Policy, lang: str) -> None:
    """Say where the rules checked differ from those the solution claims (no violation)."""
    claimed = document.get("policy")
    if not isinstance(claimed, dict):
        return
    differ = [
        cli_text(
            "other_rule",
            lang,
            key=key,
            claimed=_setting(claimed.get(key), lang),
            checked=_setting(value, lang),
        )
        for key, value in rules.to_dict().items()
        if key in claimed and claimed.get(key) != value
    ]
    if differ:
        note = cli_text("other_rules", lang, rules=", ".join(differ))
        say(err, cli_text("note_label", lang), "yellow", note)


def _setting(value: object, lang: str) -> str:
    """A rule's setting as the note says it: a number as ``lang`` writes it, or off."""
    if value is None:
        return cli_text("off", lang)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return decimal(value, lang)
    return repr(value)
