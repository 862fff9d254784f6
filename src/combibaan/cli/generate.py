"""``combibaan generate``: a synthetic but plausible task list, for tests and benchmarks."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

import combibaan
from combibaan.cli.app import Command, app, out, user_errors
from combibaan.cli.options import GenerateSeedOpt, MessageLangOpt, choice
from combibaan.texts import cli_text, mistake

#: The files generate writes (``combibaan.generate.write_instance``), named when they exist.
FILES = ("tasks.csv", "travel.csv")


@app.command(cls=Command)
@user_errors
def generate(
    tasks: Annotated[
        int, typer.Option("--tasks", help="Number of tasks.", min=1, max=100_000, metavar="N")
    ],
    out_dir: Annotated[
        Path, typer.Option("--out", help="Folder for tasks.csv and travel.csv.", metavar="DIR")
    ],
    seed: GenerateSeedOpt = 0,
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
    flexible: Annotated[
        float,
        typer.Option(
            help="Share of tasks (0-1) given a time window instead of fixed times: vending, "
            "post, windows and grounds first.",
            min=0.0,
            max=1.0,
            metavar="SHARE",
        ),
    ] = 0.0,
    force: Annotated[bool, typer.Option(help="Overwrite existing tasks.csv/travel.csv.")] = False,
    lang: MessageLangOpt = "nl",
) -> None:
    """Write a synthetic but plausible task list, for tests and benchmarks."""
    from combibaan.generate import FAMILIES, write_instance
    from combibaan.generate import generate as generate_tables

    family = choice("--family", family, FAMILIES)
    combibaan.check_folder(out_dir)
    task_table, travel_table = generate_tables(
        tasks, seed, campuses=campuses, family=family, flexible=flexible
    )
    try:
        written = write_instance(task_table, travel_table, out_dir, overwrite=force)
    except FileExistsError as error:
        if error.errno is None:  # write_instance's refusal: the files are there
            raise _files_exist(out_dir) from None
        raise _cannot_write(out_dir, error) from None
    except OSError as error:
        raise _cannot_write(out_dir, error) from None
    files = ", ".join(str(p) for p in written)
    out.print(cli_text("written_files", lang, files=files), soft_wrap=True)


def _files_exist(out_dir: Path) -> combibaan.InputError:
    """``out: tasks.csv and travel.csv already exist here; … --force …``."""
    found = [name for name in FILES if (out_dir / name).exists()] or list(FILES)
    files = mistake("and", a=", ".join(found[:-1]), b=found[-1]) if len(found) > 1 else found[0]
    message = mistake("files_exist", n=len(found), files=files)
    return combibaan.InputError(combibaan.Problem(str(out_dir), message))


def _cannot_write(out_dir: Path, error: OSError) -> combibaan.InputError:
    """An OS error as an input error: ``out: cannot write out/tasks.csv: Permission denied``."""
    where = str(error.filename or out_dir)
    message = mistake("cannot_write", file=where, reason=str(error.strerror or error))
    return combibaan.InputError(combibaan.Problem(str(out_dir), message))
