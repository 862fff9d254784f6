"""The travel table: minutes between two locations, so that a job's day stays walkable."""

from __future__ import annotations

from combibaan.io.errors import InputError, Problem
from combibaan.io.parsing import parse_number
from combibaan.io.table import Column, Table, read_table
from combibaan.model.instance import TravelEdge

TRAVEL_COLUMNS = (
    Column("from", ("van",), required=True),
    Column("to", ("naar",), required=True),
    Column("minutes", ("minuten",), required=True),
)

_EMPTY_HINTS = {
    "from": "write the location the trip starts from",
    "to": "write the location the trip goes to",
    "minutes": "write the travel time in minutes, e.g. 10",
}


def _empty(table: Table, row: int, column: str) -> Problem:
    return table.problem(f"{column} is empty; {_EMPTY_HINTS[column]}", row, column)


def read_travel(source: object) -> tuple[TravelEdge, ...]:
    """Read the travel table (path or DataFrame); each row links two locations both ways.

    A header without rows is an empty table: travel then falls back to the policy.
    """
    table = read_table(
        source,
        TRAVEL_COLUMNS,
        what="travel times",
        sheet_names=("travel", "reistijden", "reistijd"),
    )
    problems: list[Problem] = []
    edges: list[TravelEdge] = []
    for row in table.rows:
        places: list[str] = []
        for column in ("from", "to"):
            text = row.text(column)
            if text is None:
                problems.append(_empty(table, row.number, column))
            else:
                places.append(text)
        minutes: float | None = None
        if row.text("minutes") is None:
            problems.append(_empty(table, row.number, "minutes"))
        else:
            try:
                minutes = parse_number(row.cells["minutes"], what="a number of minutes")
            except ValueError as error:
                problems.append(table.problem(str(error), row.number, "minutes"))
        if len(places) == 2 and minutes is not None:
            edges.append(TravelEdge(places[0], places[1], minutes))
    if problems:
        raise InputError(problems)
    return tuple(edges)
