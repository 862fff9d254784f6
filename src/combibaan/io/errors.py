"""Errors in what the user gave us, collected so that one run reports them all."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """One thing wrong in an input file, located as a spreadsheet shows it (header = row 1)."""

    source: str
    message: str
    row: int | None = None
    column: str | None = None

    def __str__(self) -> str:
        where = [self.source]
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column is not None:
            where.append(f"column '{self.column}'")
        return f"{', '.join(where)}: {self.message}"


class InputError(Exception):
    """One or more problems in the user's input; the CLI prints them and exits with code 2."""

    def __init__(self, problems: list[Problem] | Problem) -> None:
        self.problems = [problems] if isinstance(problems, Problem) else list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def source_name(source: object) -> str:
    """How to name an input in a message: the path as given, or a short label."""
    if isinstance(source, str | Path):
        return str(source)
    return "<table>"
