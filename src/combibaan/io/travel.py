"""The travel table: minutes between two locations, so that a job's day stays walkable.

A travel table is easy to get silently wrong: a place spelled differently from the
task list simply never applies, and a pair listed twice leaves one of its times
unused. So the table is checked against itself (a pair twice with different
minutes is an error) and, in :func:`~combibaan.io.read_instance`, against the
tasks' locations (:func:`place_problems`).

It comes as rows ``from, to, minutes``, or as the matrix a spreadsheet keeps: places
across the top, places down the first column, minutes where they meet.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from combibaan.io.errors import InputError, Problem
from combibaan.io.parsing import cell_text, is_number, parse_number
from combibaan.io.table import Column, Grid, Row, Table, read_grid, read_table, warn_user
from combibaan.model.instance import TravelEdge
from combibaan.model.phrase import BadValue, Phrase, maybe, mistake
from combibaan.model.task import Task
from combibaan.rules import BY_KEY

TRAVEL_COLUMNS = (
    Column("from", ("van",), required=True),
    Column("to", ("naar",), required=True),
    Column("minutes", ("minuten",), required=True),
)

#: What to write in an empty cell, by column: a code of the texts' error table.
_EMPTY_HINTS = {"from": "fill_from", "to": "fill_to", "minutes": "fill_minutes"}

#: Places listed by name in one warning, at most.
_MAX_LISTED = 20


@dataclass(frozen=True)
class TravelTable:
    """The edges of a travel table with the spreadsheet row each comes from."""

    source: str
    edges: tuple[TravelEdge, ...]
    rows: tuple[int, ...]


def read_travel(source: object) -> tuple[TravelEdge, ...]:
    """Read the travel table (path or DataFrame); each row links two locations both ways.

    A header without rows is an empty table: travel then falls back to the policy.
    """
    return read_travel_table(source).edges


#: The sheets of a workbook that hold the travel table.
TRAVEL_SHEETS = ("travel", "reistijden", "reistijd")


def read_travel_table(source: object) -> TravelTable:
    """:func:`read_travel`, keeping each edge's row for messages about places."""
    grid = read_grid(source, what="travel", sheet_names=TRAVEL_SHEETS, header_fits=_matrix_header)
    if grid is not None and _is_matrix(grid):
        warn_user(list(grid.notes))
        return _matrix_table(grid)
    table = read_table(source, TRAVEL_COLUMNS, what="travel", sheet_names=TRAVEL_SHEETS)
    problems: list[Problem] = list(table.problems)
    edges: list[TravelEdge] = []
    rows: list[int] = []
    for row in table.rows:
        places: list[str] = []
        for column in ("from", "to"):
            text = row.text(column)
            if text is None:
                problems.extend(_empty(table, row, column))
            else:
                places.append(text)
        minutes: float | None = None
        if row.text("minutes") is None:
            problems.extend(_empty(table, row, "minutes"))
        else:
            try:
                heading, bounds = table.label("minutes"), BY_KEY["travel_minutes"].bounds
                minutes = parse_number(row.cells["minutes"], name=heading, bounds=bounds)
            except BadValue as error:
                problems.append(table.problem(error.message, row.number, "minutes"))
        if len(places) == 2 and minutes is not None:
            edges.append(TravelEdge(places[0], places[1], minutes))
            rows.append(row.number)
    cells = [table.problem("", row, "minutes") for row in rows]
    problems.extend(_conflicts(edges, cells))
    if problems:
        raise InputError(sorted(problems, key=lambda p: p.row or 0))
    return TravelTable(table.source, tuple(edges), tuple(rows))


def _empty(table: Table, row: Row, column: str) -> list[Problem]:
    return table.empty_cell(row, column, _EMPTY_HINTS[column])


def _is_matrix(grid: Grid) -> bool:
    """Places across the top and down the first column: a heading row with at most one of
    the headings of ``from, to, minutes`` (a corner may say ``van``), whose first cell is
    empty or whose places come back down the first column (in any case)."""
    across = {_place_key(h) for h in grid.header[1:]} - {None}
    down = {_place_key(values[0]) for _, values in grid.rows if values} - {None}
    if not across or not down or not _matrix_header(grid.header):
        return False
    if any(is_number(place) for place in across if place) and across != down:
        return False  # places numbered 1, 2, 3 must come back down the first column
    # Its cells are minutes: rows of ``A,B,5`` without a header are no matrix.
    cells = [cell_text(v) for _, values in grid.rows for v in values[1:]]
    filled = [c for c in cells if c is not None]
    if 3 * sum(map(is_number, filled)) < 2 * len(filled):
        return False
    return _place_key(grid.header[0]) is None or bool(across & down)


def _matrix_header(header: Sequence[object]) -> bool:
    """Whether a header row may head a matrix: places across, and at most one heading of
    ``from, to, minutes`` (the rows of a long table are then never read twice). Places
    are names, or all numbers (buildings 1, 2, 3) under an empty corner or a word: a
    row of ``A,B,5`` or ``1,2,5`` is a long table's without its header."""
    long = {_LONG_HEADINGS.get(_place_key(h) or "") for h in header} - {None}
    if len(long) > 1:
        return False
    places = [text for text in map(cell_text, header[1:]) if text is not None]
    numbered = [is_number(place) for place in places]
    if not any(numbered):
        return True
    corner = cell_text(header[0]) if header else None
    return all(numbered) and len(places) >= 2 and (corner is None or not is_number(corner))


#: The headings of a table of rows ``from, to, minutes`` (in any case), to their column.
_LONG_HEADINGS = {
    name: column.name for column in TRAVEL_COLUMNS for name in (column.name, *column.aliases)
}


def _place_key(value: object) -> str | None:
    text = cell_text(value)
    return None if text is None else text.casefold()


def _matrix_table(grid: Grid) -> TravelTable:
    """The edges of a travel matrix: a cell left empty is a pair the table does not give
    (the policy's travel time applies), a 0 between a place and itself is no trip, and
    the pair both ways round must agree (travel goes both ways at the same time)."""
    bounds = BY_KEY["travel_minutes"].bounds
    # A place down the first column is the one across the top, as the top spells it.
    spelled = {text.casefold(): text for text in map(cell_text, grid.header[1:]) if text}
    problems = list(grid.problems)
    edges: list[TravelEdge] = []
    cells: list[Problem] = []
    for number, values in grid.rows:
        origin = cell_text(values[0]) if values else None
        origin = origin if origin is None else spelled.get(origin.casefold(), origin)
        filled = [k for k in range(1, len(values)) if cell_text(values[k]) is not None]
        if origin is None:
            if filled:
                problems.append(Problem(grid.source, mistake("matrix_no_place"), number))
            continue
        for index in filled:
            destination = cell_text(grid.header[index]) if index < len(grid.header) else None
            if destination is None:
                message = mistake("matrix_no_heading", place=repr(origin))
                problems.append(Problem(grid.source, message, number))
                continue
            cell = Problem(grid.source, "", number, destination, header=destination)
            try:
                trip = mistake("trip_between", origin=repr(origin), destination=repr(destination))
                minutes = parse_number(values[index], name=trip, bounds=bounds)
            except BadValue as error:
                problems.append(replace(cell, message=error.message))
                continue
            if origin.casefold() == destination.casefold() and minutes == 0:
                continue
            edges.append(TravelEdge(origin, destination, minutes))
            cells.append(cell)
    problems.extend(_conflicts(edges, cells, matrix=True))
    if problems:
        raise InputError(sorted(problems, key=lambda p: p.row or 0))
    # Each pair once (the matrix usually gives it both ways round, alike).
    kept: dict[frozenset[str], int] = {}
    for k, edge in enumerate(edges):
        kept.setdefault(frozenset((edge.origin, edge.destination)), k)
    chosen = sorted(kept.values())
    return TravelTable(
        grid.source,
        tuple(edges[k] for k in chosen),
        tuple(cells[k].row or grid.header_row for k in chosen),
    )


def _conflicts(
    edges: list[TravelEdge], cells: list[Problem], *, matrix: bool = False
) -> list[Problem]:
    """A pair listed twice (either way round) with different minutes: which one holds?
    ``cells`` locates each edge's minutes (a problem without a message)."""
    first: dict[frozenset[str], tuple[float, Problem]] = {}
    problems = []
    for edge, cell in zip(edges, cells, strict=True):
        pair = frozenset((edge.origin, edge.destination))
        if pair not in first:
            first[pair] = (edge.minutes, cell)
            continue
        minutes, earlier = first[pair]
        if minutes == edge.minutes:
            continue
        message = mistake(
            "trip_twice_matrix" if matrix else "trip_twice",
            origin=edge.origin,
            destination=edge.destination,
            row=str(earlier.row),
            column=repr(earlier.header),
            minutes=minutes,
            here=edge.minutes,
            this=str(cell.row),
        )
        problems.append(replace(cell, message=message))
    return problems


def place_problems(
    travel: TravelTable, tasks: Sequence[Task]
) -> tuple[list[Problem], list[Problem]]:
    """Errors and warnings about the travel table's places against the tasks' locations.

    If no place of the table is a task location, the table does nothing at all: an
    error, as the user surely meant it to apply. Places that no task uses are only
    a warning: a place may be a stop on the way between two buildings. So is a trip from
    a place to itself: one place takes no travel, and the row is not used.
    """
    if not travel.edges:
        return [], []
    itself = [
        Problem(travel.source, mistake("trip_to_itself", place=repr(edge.origin)), row, "to")
        for edge, row in zip(travel.edges, travel.rows, strict=True)
        if edge.origin == edge.destination and edge.minutes > 0
    ]
    errors, warnings = _place_problems(travel, tasks)
    return errors, itself + warnings


def _place_problems(
    travel: TravelTable, tasks: Sequence[Task]
) -> tuple[list[Problem], list[Problem]]:
    locations = list(dict.fromkeys(t.location for t in tasks if t.location))
    known = set(locations)
    rows_of: dict[str, list[int]] = {}
    for edge, row in zip(travel.edges, travel.rows, strict=True):
        for place in (edge.origin, edge.destination):
            rows_of.setdefault(place, [])
            if row not in rows_of[place]:
                rows_of[place].append(row)
    unused = [place for place in rows_of if place not in known]
    if len(unused) < len(rows_of):
        if not unused:
            return [], []
        listed: Phrase | tuple[Phrase, ...] = tuple(
            _place(p, rows_of[p], locations) for p in unused[:_MAX_LISTED]
        )
        if len(unused) > _MAX_LISTED:
            listed = mistake("and", a=listed, b=mistake("more", n=len(unused) - _MAX_LISTED))
        return [], [Problem(travel.source, mistake("places_unused", places=listed))]
    if not locations:
        message = mistake("no_locations")
    else:
        ours = ", ".join(repr(p) for p in list(rows_of)[:5])
        theirs = ", ".join(repr(p) for p in locations[:5])
        message = mistake(
            "no_place_used",
            ours=ours + (", …" if len(rows_of) > 5 else ""),
            theirs=theirs + (", …" if len(locations) > 5 else ""),
        )
    return [Problem(travel.source, message)], []


def _place(place: str, rows: list[int], locations: list[str]) -> Phrase:
    close = [loc for loc in locations if _typo(place, loc)]
    shown = ", ".join(map(str, rows[:5]))
    return mistake(
        "place_rows",
        place=repr(place),
        n=len(rows),
        rows=shown,
        hint=maybe([repr(c) for c in close[:1]]),
    )


def _typo(a: str, b: str) -> bool:
    """Whether ``a`` is ``b`` mistyped: other capitals, or at most two letters wrong.

    Not a likeness score: 'Buitenterrein Zwolle' is no typo of 'Buitenterrein Deventer'.
    """
    a, b = a.casefold(), b.casefold()
    if a == b:
        return True
    if min(len(a), len(b)) < 4 or abs(len(a) - len(b)) > 2:
        return False
    previous = list(range(len(b) + 1))
    for i, char in enumerate(a, start=1):
        current = [i]
        for j, other in enumerate(b, start=1):
            current.append(
                min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char != other))
            )
        previous = current
    return previous[-1] <= 2
