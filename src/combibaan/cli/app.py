"""The ``combibaan`` group, its consoles, and how a mistake in the user's input ends a command.

Nothing from the user is ever read as terminal markup: both consoles print
with markup and emoji codes off, and styles are added as :class:`Text` spans.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from importlib.metadata import PackageNotFoundError, version
from typing import Annotated, Any, ParamSpec, TypeVar

import typer
from rich.console import Console
from rich.text import Text
from typer.core import TyperCommand, TyperGroup

import combibaan
from combibaan.cli.interrupt import Aborted
from combibaan.startup import english
from combibaan.texts import LANGUAGES, cli_text, decimal, error_text

P = ParamSpec("P")
R = TypeVar("R")


def _flags_take_no_value(params: list[Any]) -> list[Any]:
    """A flag shows no value type in ``--help`` (Typer 0.2x would print ``<bool>``)."""
    for param in params:
        if getattr(param, "is_flag", False) and param.metavar is None:
            param.metavar = ""
    return params


class Command(TyperCommand):
    """A command whose ``--help`` lists flags without a value type, whose line in
    ``combibaan --help`` is its docstring's first paragraph on one line (Typer would keep
    the docstring's line breaks there), and whose number options out of their range and
    an unknown ``--lang`` are refused as every other mistake is: ``fout: …`` in the run's
    language, exit code 2 (Typer's own words are English whatever ``--lang`` says)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.short_help is None and self.help:
            self.short_help = " ".join(self.help.split("\n\n")[0].split())

    def get_params(self, ctx: Any) -> list[Any]:
        return _flags_take_no_value(super().get_params(ctx))

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        given = list(args)
        try:
            return list(super().parse_args(ctx, args))
        except typer.BadParameter as error:
            message = _unknown_language(error.param, given) or _out_of_range(error.param, given)
            if message is None:
                raise
            say(err, error_text("label_error", lang_of(given)), "bold red", message)
            raise typer.Exit(2) from None


def _unknown_language(param: Any, args: list[str]) -> str | None:
    """``--lang de``: said as any other bad choice (in Dutch, as no language is known)."""
    if param is None or getattr(param, "name", None) != "lang":
        return None
    choices = error_text("either", "nl", a=", ".join(LANGUAGES[:-1]), b=LANGUAGES[-1])
    given = repr(_value_of(param.opts, args))
    return error_text("choice_flag", "nl", flag="--lang", choices=choices, given=given)


def _out_of_range(param: Any, args: list[str]) -> str | None:
    """What is wrong with a number option's value, in the run's language; ``None`` for an
    option without a range (Typer's message then stands). The range is the option's own
    (``min``/``max``, or its type's in older Typer versions)."""
    if param is None or not getattr(param, "opts", None):
        return None
    low = getattr(param, "min", None)
    high = getattr(param, "max", None)
    if low is None and high is None:
        low = getattr(getattr(param, "type", None), "min", None)
        high = getattr(getattr(param, "type", None), "max", None)
    if low is None and high is None:
        return None
    lang = lang_of(args)
    whole = all(isinstance(b, int) for b in (low, high) if b is not None)
    given = _value_of(param.opts, args)
    values = {
        "option": "/".join(param.opts),
        "value": repr(given),
        "kind": error_text("whole_number" if whole else "a_number", lang),
        "low": "" if low is None else decimal(low, lang),
        "high": "" if high is None else decimal(high, lang),
    }
    code = "range_from" if high is None else "range_to" if low is None else "range"
    message = error_text(code, lang, **values)
    if not whole and "," in given and _is_number(given.replace(",", ".")):
        message += error_text("decimal_point", lang, value=given.replace(",", "."))
    return message


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _value_of(opts: list[str], args: list[str]) -> str:
    """The value given for an option (``--flexible 1.5`` or ``--flexible=1.5``)."""
    for n, arg in enumerate(args):
        name, equals, value = arg.partition("=")
        if name in opts:
            return value if equals else (args[n + 1] if n + 1 < len(args) else "")
    return ""


def lang_of(args: list[str]) -> str:
    """The language a command line asks for before it is parsed (``--lang en``, any case)."""
    return "en" if english(args) else "nl"


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
#: The exit code of a command whose reader went away (``combibaan check … | head``): what a
#: shell reports for a program ended by SIGPIPE (128 + 13), not 1, which ``check`` uses
#: for a violation.
BROKEN_PIPE = 141


class _Console(Console):
    """A console that ends the command quietly with :data:`BROKEN_PIPE` when the pipe it
    writes into is closed."""

    def on_broken_pipe(self) -> None:
        self.quiet = True
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # Python's last flush must not fail again
        raise SystemExit(BROKEN_PIPE)


out = _Console(markup=False, emoji=False, highlight=False)
err = _Console(stderr=True, markup=False, emoji=False, highlight=False)


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


def say(console: Console, label: str, style: str, text: str) -> None:
    """``label: text`` with the label styled and the text printed exactly as it is."""
    console.print(Text.assemble((label, style), " ", text), soft_wrap=True)


def warn(problem: combibaan.Problem, lang: str = "nl") -> None:
    """A warning about the user's input on stderr, in ``lang``; the run goes on."""
    say(err, error_text("label_warning", lang), "yellow", problem.text(lang))


def show_problems(error: combibaan.InputError, lang: str = "nl") -> None:
    """The first problems, then how many there are in all, in ``lang``."""
    shown, rest = error.shown(lang=lang)
    for line in shown:
        say(err, error_text("label_error", lang), "bold red", line)
    if rest is not None:
        err.print(rest, soft_wrap=True)


def user_errors(command: Callable[P, R]) -> Callable[P, R]:
    """Turn a mistake in the user's input into a message and exit code 2, in the language
    of the command's ``--lang`` (Dutch for a command without it)."""

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        given = kwargs.get("lang")
        lang = given if isinstance(given, str) else "nl"
        try:
            return command(*args, **kwargs)
        except combibaan.InputError as error:
            show_problems(error, lang)
            raise typer.Exit(2) from None
        except (combibaan.PolicyError, combibaan.LockError) as error:
            say(err, error_text("label_error", lang), "bold red", error.text(lang))
            raise typer.Exit(2) from None
        except FileExistsError as error:  # the system's own words
            say(err, error_text("label_error", lang), "bold red", str(error))
            raise typer.Exit(2) from None
        except KeyboardInterrupt:
            # While starting or reading, before there is a proposal (a solve returns its
            # own on Ctrl-C).
            err.print(cli_text("interrupted_early", lang), soft_wrap=True)
            raise typer.Exit(130) from None
        except Aborted:
            raise typer.Exit(130) from None  # the handler has said so

    return wrapper
