"""The suppliers table: sector, collective agreement and social-return target per supplier.

Optional: it answers the questions a combination job raises (which CAO, whose
SROI target) rather than shaping the jobs themselves.
"""

from __future__ import annotations

import re

from combibaan.io.errors import InputError, Problem
from combibaan.io.parsing import parse_number
from combibaan.io.table import Column, read_table
from combibaan.model.instance import Supplier
from combibaan.model.numbers import Bounds
from combibaan.model.phrase import BadValue, mistake

#: Hours per year a supplier owes: ten million is some five thousand full-time jobs.
SROI_BOUNDS = Bounds(10_000_000, note="year_hours")

#: A number written with thousands grouped: 1.300, 2,080, 1.000.000.
_THOUSANDS = re.compile(r"\d{1,3}(?:[.,]\d{3})+")

SUPPLIER_COLUMNS = (
    Column("supplier", ("leverancier",), required=True),
    Column("sector", ()),
    Column("cao", ()),
    # Hours per YEAR the supplier owes under its social-return clause.
    Column("sroi_hours_target", ("sroi_uren", "sroi_uren_per_jaar", "sroi_hours_per_year")),
)


#: The sheets of a workbook that hold the suppliers table.
SUPPLIER_SHEETS = ("suppliers", "leveranciers")


def read_suppliers(source: object) -> tuple[Supplier, ...]:
    """Read the suppliers table (path or DataFrame); a supplier may appear only once."""
    table = read_table(source, SUPPLIER_COLUMNS, what="suppliers", sheet_names=SUPPLIER_SHEETS)
    problems: list[Problem] = list(table.problems)
    suppliers: list[Supplier] = []
    first_row: dict[str, int] = {}
    for row in table.rows:
        name = row.text("supplier")
        if name is None:
            problems.extend(table.empty_cell(row, "supplier", "fill_supplier"))
            continue
        if name in first_row:
            problems.append(
                table.problem(
                    mistake("supplier_twice", name=repr(name), row=str(first_row[name])),
                    row.number,
                    "supplier",
                )
            )
            continue
        first_row[name] = row.number
        target: float | None = None
        written = row.text("sroi_hours_target")
        if written is not None and _THOUSANDS.fullmatch(written.strip()):
            # 1.300 (Dutch) and 1,040 (English) group thousands, yet a decimal comma reads
            # 1,3 as 1.3: which is meant cannot be told, and hours a year are whole anyway.
            digits = re.sub(r"[.,]", "", written.strip())
            grouped = mistake("thousands_ambiguous", value=repr(written.strip()), digits=digits)
            problems.append(table.problem(grouped, row.number, "sroi_hours_target"))
        elif written is not None:
            try:
                heading = table.label("sroi_hours_target")
                cell = row.cells["sroi_hours_target"]
                target = parse_number(cell, name=heading, bounds=SROI_BOUNDS)
            except BadValue as error:
                problems.append(table.problem(error.message, row.number, "sroi_hours_target"))
        suppliers.append(Supplier(name, row.text("sector"), row.text("cao"), target))
    if problems:
        raise InputError(sorted(problems, key=lambda p: p.row or 0))
    return tuple(suppliers)
