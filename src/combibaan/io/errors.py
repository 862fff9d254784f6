"""Errors in what the user gave us, collected so that one run reports them all."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

#: An error message lists at most this many problems, then how many there are in all:
#: a broken 50 MB file must not bury the first, most useful lines under 400,000 others.
MAX_SHOWN = 50


@dataclass(frozen=True)
class Problem:
    """One thing wrong in an input file, located as a spreadsheet shows it (header = row 1).

    ``line`` is for text files whose unit is the line (TOML); it is shown only when
    there is no ``row``. Everything here is plain text taken from the file as it is:
    whoever prints it to a terminal escapes markup there.
    """

    source: str
    message: str
    row: int | None = None
    column: str | None = None
    line: int | None = None

    def __str__(self) -> str:
        where = [self.source]
        if self.row is not None:
            where.append(f"row {self.row}")
        elif self.line is not None:
            where.append(f"line {self.line}")
        if self.column is not None:
            where.append(f"column '{self.column}'")
        return f"{', '.join(where)}: {self.message}"


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

    def shown(self, limit: int = MAX_SHOWN) -> tuple[list[str], str | None]:
        """The first ``limit`` problems as text, and a line counting the rest (None: none)."""
        rest = self.total - limit
        count = f"… and {rest:,} more: {self.total:,} problems in all" if rest > 0 else None
        return [str(p) for p in self.problems[:limit]], count

    def lines(self, limit: int = MAX_SHOWN) -> list[str]:
        """The first ``limit`` problems as text, and a last line counting the rest."""
        shown, rest = self.shown(limit)
        return shown if rest is None else [*shown, rest]


def source_name(source: object) -> str:
    """How to name an input in a message: the path as given, or a short label."""
    if isinstance(source, str | Path):
        return str(source)
    return "<table>"
