"""Errors in what the user gave us, collected so that one run reports them all."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from pathlib import Path

from combibaan.model.phrase import Phrase, closest, maybe, mistake, say
from combibaan.texts import render

#: An error message lists at most this many problems, then how many there are in all:
#: a broken 50 MB file must not bury the first, most useful lines under 400,000 others.
MAX_SHOWN = 50


@dataclass(frozen=True)
class Problem:
    """One thing wrong in an input file, located as a spreadsheet shows it (header = row 1).

    ``message`` is a :class:`~combibaan.model.phrase.Phrase` of the ``error`` table, worded
    by :meth:`text` in the run's language (``str()``: Dutch), or plain text passed on as it
    is (a library's own words). ``line`` is for text files whose unit is the line (TOML);
    it is shown only when there is no ``row``. Values from the file are shown as they
    are: whoever prints them to a terminal escapes markup there. ``column`` is the
    column's own name (``days``); ``header`` the file's heading of it (``Dagen``), which
    the message shows, as that is what the user sees in the spreadsheet.
    """

    source: str
    message: Phrase | str
    row: int | None = None
    column: str | None = None
    line: int | None = None
    header: str | None = None

    def text(self, lang: str = "nl") -> str:
        """``tasks.csv, rij 3, kolom 'start': …`` in ``lang``."""
        where = [self.source]
        if self.row is not None:
            where.append(render(mistake("at_row", row=str(self.row)), lang))
        elif self.line is not None:
            where.append(render(mistake("at_line", line=str(self.line)), lang))
        if self.column is not None:
            shown = self.column if self.header is None else self.header
            where.append(render(mistake("at_column", column=shown), lang))
        return f"{', '.join(where)}: {say(self.message, lang)}"

    def __str__(self) -> str:
        return self.text()


class InputWarning(UserWarning):
    """Input that is probably a mistake but may be meant; ``problem`` says where."""

    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        super().__init__(str(problem))


class InputError(Exception):
    """One or more problems in the user's input; the CLI prints them and exits with code 2.

    ``problems`` holds every problem; ``total`` is their number. The message (``str``)
    shows the first :data:`MAX_SHOWN` and then how many more there are.
    """

    def __init__(self, problems: list[Problem] | Problem) -> None:
        self.problems = [problems] if isinstance(problems, Problem) else list(problems)
        self.total = len(self.problems)
        super().__init__("\n".join(self.lines()))

    def shown(self, limit: int = MAX_SHOWN, lang: str = "nl") -> tuple[list[str], str | None]:
        """The first ``limit`` problems in ``lang``, and a line counting the rest (None: none)."""
        rest = self.total - limit
        count = None
        if rest > 0:
            count = render(mistake("more_problems", rest=rest, total=self.total), lang)
        return [p.text(lang) for p in self.problems[:limit]], count

    def lines(self, limit: int = MAX_SHOWN, lang: str = "nl") -> list[str]:
        """The first ``limit`` problems in ``lang``, and a last line counting the rest."""
        shown, rest = self.shown(limit, lang)
        return shown if rest is None else [*shown, rest]


def empty(column: str, hint: str | Phrase) -> Phrase:
    """``start is empty; write the start time, e.g. 07:30``; ``hint`` says what to write
    (a phrase, or the code of one)."""
    return mistake("empty", column=column, hint=mistake(hint) if isinstance(hint, str) else hint)


def source_name(source: object) -> str:
    """How to name an input in a message: the path as given, or a short label."""
    if isinstance(source, str | Path):
        return str(source)
    return "<table>"


def unknown_task_ids(ids: Iterable[str], known: Collection[str]) -> list[Phrase]:
    """A message per id that is no task of the list, with the closest ids as a guess."""
    return [
        mistake(
            "unknown_task",
            task=repr(task_id),
            hint=maybe(closest(task_id, known)),
        )
        for task_id in ids
        if task_id not in known
    ]
