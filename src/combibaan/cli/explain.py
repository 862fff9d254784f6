"""``combibaan explain``: the full story of one task."""

from __future__ import annotations

from typing import Annotated

import typer

import combibaan
from combibaan.cli.app import Command, app, out, user_errors
from combibaan.cli.options import (
    ExplainSeconds,
    ForbidPairOpt,
    LocksOpt,
    PolicyOpt,
    RuleFlags,
    StoryLangOpt,
    TasksArg,
    TravelOpt,
    build_policy,
    lock_error,
    read_inputs,
    read_workshop,
    rule_flags,
)


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
    effective = build_policy(policy, rules or {})
    instance = read_inputs(tasks, travel, lang=lang)
    lock_set, pairs = read_workshop(instance, locks, forbid_pair, lang=lang)
    try:
        story = combibaan.explain(
            instance,
            task,
            effective,
            locks=lock_set,
            forbid_pairs=pairs,
            time_limit=time_limit,
            lang=lang,
        )
    except combibaan.LockError as error:
        raise lock_error(error, locks) from None
    except combibaan.UnknownTaskError as error:  # which file, and which option
        problem = combibaan.Problem(f"--task ({tasks})", error.messages[0])
        raise combibaan.InputError(problem) from None
    for line in story.lines():
        out.print(line, soft_wrap=True)
