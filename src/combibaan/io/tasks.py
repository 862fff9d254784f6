"""The tasks file: one row per task slot; rows sharing a ``task_id`` are one task.

Users split a task over rows when it runs at different times on different days,
so a later row may leave supplier, location and competencies empty; when it
fills them in, they must agree with the earlier rows.

A row gives fixed times (``start``, ``end``) or a time window (``earliest``,
``latest``, ``duration``: the solver chooses the start, the same on each day);
``days`` may leave the choice of days too (``3x ma-vr``: three of these days).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from itertools import combinations

from combibaan.io.errors import InputError, Problem
from combibaan.io.parsing import (
    competency_list,
    parse_day_choice,
    parse_duration,
    parse_time,
)
from combibaan.io.table import (
    DAY_COLUMNS,
    TIME_RANGE,
    Column,
    Row,
    Table,
    day_cells,
    day_columns,
    read_table,
)
from combibaan.model.instance import Instance
from combibaan.model.phrase import BadValue, mistake
from combibaan.model.task import Task
from combibaan.model.variants import MAX_TASK_WAYS, fewest_ways, grid_minutes, variants
from combibaan.model.week import MINUTES_PER_DAY, MINUTES_PER_WEEK, Slot, Window, format_slot

#: The cells of a time window; a row with any of them is a window row.
WINDOW_COLUMNS = ("earliest", "latest", "duration")
TASK_COLUMNS = (
    Column(
        "task_id",
        ("taak_id", "taak", "taaknummer", "taak_nummer", "taaknr", "taak_nr", "taakcode"),
        required=True,
    ),
    Column("supplier", ("leverancier",), required=True),
    Column(
        "description", ("omschrijving", "beschrijving", "taakomschrijving", "taak_omschrijving")
    ),
    Column("days", ("dagen", "dag", "day"), required=True, unless_any=DAY_COLUMNS),
    Column(
        "start",
        ("begin", "van", "begintijd", "starttijd", "start_time"),
        required=True,
        unless=WINDOW_COLUMNS,
        unless_any=("times",),
    ),
    Column(
        "end",
        ("eind", "einde", "tot", "eindtijd", "end_time"),
        required=True,
        unless=WINDOW_COLUMNS,
        unless_any=("times",),
    ),
    # Start and end in one cell, as lists often write them: ``07:00-09:00``.
    Column("times", ("tijd", "tijden", "werktijd", "werktijden", "time")),
    Column("earliest", ("vanaf",)),
    Column("latest", ("uiterlijk",)),
    Column("duration", ("duur",)),
    Column("location", ("locatie", "gebouw", "plaats", "building")),
    Column("competencies", ("competenties", "vaardigheden", "skills")),
    *day_columns(),
)

#: The fields that rows of one task share; a later row may leave them empty.
SHARED_FIELDS = ("supplier", "location", "competencies")

#: What to write in an empty required cell, by column: a code of the texts' error table.
_EMPTY_HINTS = {
    "task_id": "fill_task_id",
    "days": "fill_days",
    "start": "fill_start",
    "end": "fill_end",
    "earliest": "fill_earliest",
    "latest": "fill_latest",
    "duration": "fill_duration",
}


@dataclass
class _Draft:
    """A task being assembled from its rows, remembering which row set what."""

    id: str
    rows: list[int] = field(default_factory=list)
    shared: dict[str, object] = field(default_factory=dict)
    set_in: dict[str, int] = field(default_factory=dict)
    description: str = ""
    slots: list[tuple[Slot, int]] = field(default_factory=list)
    windows: list[Window] = field(default_factory=list)
    unreadable: frozenset[str] = frozenset()  # columns of its rows the table reported


def read_tasks(source: object) -> tuple[Task, ...]:
    """Read the tasks file (path or DataFrame); all problems come in one :class:`InputError`."""
    table = read_table(source, TASK_COLUMNS, what="tasks", sheet_names=("tasks", "taken"))
    if not table.rows:
        raise InputError(table.problem(mistake("no_tasks")))
    problems: list[Problem] = list(table.problems)
    drafts: dict[str, _Draft] = {}
    for row in table.rows:
        lone = _lone_cell(row)
        if lone is not None:
            # "Schoonmaak" between groups of tasks: one message, not one per empty cell.
            column, text = lone
            problems.append(
                table.problem(mistake("lone_cell", text=repr(text)), row.number, column)
            )
            continue
        task_id = row.text("task_id")
        if task_id is None:
            problems.extend(_empty(table, row, "task_id"))
        slots, windows = _row_times(row, table, problems)
        if task_id is None:
            continue
        draft = drafts.setdefault(task_id, _Draft(task_id))
        draft.rows.append(row.number)
        draft.unreadable |= row.flagged
        draft.slots.extend((slot, row.number) for slot in slots)
        draft.windows.extend(windows)
        draft.description = draft.description or row.text("description") or ""
        _merge_shared(draft, row, table, problems)
    tasks = []
    for draft in drafts.values():
        if "supplier" not in draft.shared and "supplier" not in draft.unreadable:
            problems.append(
                table.problem(
                    mistake("supplier_empty", task=repr(draft.id)), draft.rows[0], "supplier"
                )
            )
        problems.extend(_overlaps(draft, table))
        if (draft.slots or draft.windows) and "supplier" in draft.shared:
            task = _build(draft)
            fewest = fewest_ways(task)
            if fewest > MAX_TASK_WAYS:
                # 3x ma-zo in three windows: 35 choices of days each, 42,875 together.
                many = mistake("too_many_ways", task=repr(task.id), n=fewest, most=MAX_TASK_WAYS)
                problems.append(table.problem(many, draft.rows[0], "days"))
            elif task.windows and not variants(task, grid_minutes(Instance((task,)))).choices:
                rows = sorted(set(draft.rows))
                shown = ", ".join(str(r) for r in rows)
                overlap = mistake("windows_overlap", task=repr(task.id), n=len(rows), rows=shown)
                problems.append(table.problem(overlap, draft.rows[0]))
            tasks.append(task)
    if problems:
        problems.sort(key=lambda p: p.row or 0)  # stable: a row's cells stay left to right
        raise InputError(problems)
    return tuple(tasks)


def _lone_cell(row: Row) -> tuple[str, str] | None:
    """The column and text of a row whose only filled cell is its id or description (a
    heading between groups of tasks, or a task begun and not filled in); None otherwise."""
    if row.flagged:
        return None
    lone = None
    for column in row.cells:
        text = row.text(column)
        if text is None:
            continue
        if lone is not None or column not in ("task_id", "description"):
            return None
        lone = (column, text)
    return lone


def _empty(table: Table, row: Row, column: str) -> list[Problem]:
    return table.empty_cell(row, column, _EMPTY_HINTS[column])


def _row_times(row: Row, table: Table, problems: list[Problem]) -> tuple[list[Slot], list[Window]]:
    """The fixed slots of one row (one per day) or its window; nothing when a cell is
    wrong (its problems are added to ``problems``)."""
    if row.text("times") is not None:
        split = _split_times(row, table, problems)
        if split is None:
            return [], []
        row = split
    # A file of windows only (no start or end column) asks for a window on every row.
    windows_only = not {"start", "end", "times"} & set(table.columns)
    window_row = windows_only or any(row.text(c) is not None for c in WINDOW_COLUMNS)
    columns = WINDOW_COLUMNS if window_row else ("start", "end")
    no_time = not window_row and row.text("start") is None and row.text("end") is None
    week = day_cells(row, table, problems)
    if week is not None:
        marked, timed = week
        if timed and (window_row or not no_time):
            # Times in a day's cell and in the row: which hold?
            column = next(c for c in (*WINDOW_COLUMNS, "start", "end") if row.text(c))
            problems.append(table.problem(mistake("day_times_and_row"), row.number, column))
            return [], []
        if not marked:
            return timed, []
    # A file that gives fixed times in one cell (``Tijd``) asks for that cell.
    one_cell = "times" in table.columns and not {"start", "end"} & set(table.columns)
    windows = any(c in table.columns for c in WINDOW_COLUMNS)
    if no_time and (one_cell or windows):
        # Either way would do: the message names both, as the file heads their columns.
        names = {c: repr(table.label(c)) for c in ("start", "end", "times", *WINDOW_COLUMNS)}
        if not windows:
            problems.extend(table.empty_cell(row, "times", "fill_times"))
        else:
            message = mistake("no_time_cell" if one_cell else "no_time", **names)
            problems.extend(table.missing(row, "times" if one_cell else "start", message))
        if week is None:
            _days(row, table, problems)
        return [], []
    if window_row:
        for column in ("start", "end"):
            if row.text(column) is not None:
                problems.append(table.problem(mistake("window_and_times"), row.number, column))
                return [], []
    choice = _days(row, table, problems) if week is None else (None, week[0])
    times: dict[str, int] = {}
    for column in columns:
        if row.text(column) is None:
            problems.extend(_empty(table, row, column))
            continue
        value = row.cells.get(column)
        try:
            if column == "duration":
                times[column] = parse_duration(value)
            else:
                times[column] = parse_time(value, is_end=column in ("end", "latest"))
        except BadValue as error:
            problems.append(table.problem(error.message, row.number, column))
    if choice is None or len(times) < len(columns):
        return [], []
    count, days = choice
    if window_row:
        earliest, latest, duration = (times[c] for c in WINDOW_COLUMNS)
        if latest == earliest != 0:  # 09:00 to 09:00 is a slip; 00:00 to 00:00 a whole day
            same = mistake("same_earliest_latest", time=row.text("earliest"))
            problems.append(table.problem(same, row.number, "latest"))
            return [], []
        if latest <= earliest:
            latest += MINUTES_PER_DAY
        if duration > latest - earliest:
            message = mistake(
                "window_too_short",
                duration=row.text("duration"),
                earliest=row.text("earliest"),
                latest=row.text("latest"),
            )
            problems.append(table.problem(message, row.number, "duration"))
            return [], []
        return [], [Window(days, count or len(days), earliest, latest, duration)]
    start, end = times["start"], times["end"]
    if start == end:
        problems.append(
            table.problem(mistake("same_start_end", time=row.text("start")), row.number, "end")
        )
        return [], []
    if end < start:
        end += MINUTES_PER_DAY
    if count is not None and count < len(days):  # fixed times on some of the days
        return [], [Window(days, count, start, end, end - start)]
    return [Slot(day, start, end) for day in days], []


def _split_times(row: Row, table: Table, problems: list[Problem]) -> Row | None:
    """The row with its ``times`` cell (``07:00-09:00``) as start and end, or None when
    that cell cannot be read or the row gives times in other columns too."""
    for column in ("start", "end", *WINDOW_COLUMNS):
        if row.text(column) is not None:
            both = mistake("times_and_columns", column=repr(table.label(column)))
            problems.append(table.problem(both, row.number, "times"))
            return None
    text = row.text("times") or ""
    span = TIME_RANGE.fullmatch(text)
    try:
        if span is None:
            raise BadValue(mistake("times_cell", value=repr(text)))
        parse_time(span["start"])
        parse_time(span["end"], is_end=True)
    except BadValue as error:
        problems.append(table.problem(error.message, row.number, "times"))
        return None
    return replace(row, cells={**row.cells, "start": span["start"], "end": span["end"]})


def _days(
    row: Row, table: Table, problems: list[Problem]
) -> tuple[int | None, tuple[int, ...]] | None:
    """How many of which days (``None`` count: every one), or ``None`` when the cell is wrong."""
    if row.text("days") is None:
        problems.extend(_empty(table, row, "days"))
        return None
    try:
        return parse_day_choice(str(row.cells.get("days")))
    except BadValue as error:
        problems.append(table.problem(error.message, row.number, "days"))
        return None


def _merge_shared(draft: _Draft, row: Row, table: Table, problems: list[Problem]) -> None:
    for column in SHARED_FIELDS:
        text = row.text(column)
        if text is None:
            continue
        value: object = text
        if column == "competencies":
            value = competency_list(text, table.delimiter)
            if not value:
                continue
        if column not in draft.shared:
            draft.shared[column] = value
            draft.set_in[column] = row.number
        elif _differs(column, draft.shared[column], value):
            problems.append(
                table.problem(
                    mistake(
                        "rows_disagree",
                        task=repr(draft.id),
                        column=table.label(column),
                        here=_show(value),
                        there=_show(draft.shared[column]),
                        row=str(draft.set_in[column]),
                    ),
                    row.number,
                    column,
                )
            )


def _differs(column: str, old: object, new: object) -> bool:
    if column == "competencies" and isinstance(old, tuple) and isinstance(new, tuple):
        return {c.casefold() for c in old} != {c.casefold() for c in new}  # any order, case
    return old != new


def _show(value: object) -> str:
    if isinstance(value, tuple):
        return repr("|".join(value))
    return repr(value)


def _overlaps(draft: _Draft, table: Table) -> list[Problem]:
    """One problem per pair of rows whose slots overlap, on the cyclic week."""
    problems: list[Problem] = []
    reported: set[tuple[int, int]] = set()
    for (a, row_a), (b, row_b) in combinations(draft.slots, 2):
        if (row_a, row_b) in reported or not _overlap(a, b):
            continue
        reported.add((row_a, row_b))
        where = mistake("same_row") if row_a == row_b else mistake("from_row", row=str(row_a))
        overlap = mistake(
            "slots_overlap", task=repr(draft.id), this=_SlotName(b), other=_SlotName(a), where=where
        )
        problems.append(table.problem(overlap, row_b))
    return problems


@dataclass(frozen=True)
class _SlotName:
    """A slot as a message says it, with the day's name in the message's language."""

    slot: Slot

    def label(self, lang: str = "nl") -> str:
        return format_slot(self.slot, lang)


def _overlap(a: Slot, b: Slot) -> bool:
    return any(
        a.week_start < b.week_end + shift and b.week_start + shift < a.week_end
        for shift in (-MINUTES_PER_WEEK, 0, MINUTES_PER_WEEK)
    )


def _build(draft: _Draft) -> Task:
    competencies = draft.shared.get("competencies", ())
    assert isinstance(competencies, tuple)
    location = draft.shared.get("location")
    return Task(
        id=draft.id,
        supplier=str(draft.shared["supplier"]),
        slots=tuple(sorted(slot for slot, _ in draft.slots)),
        windows=tuple(draft.windows),
        description=draft.description,
        location=str(location) if location is not None else None,
        competencies=competencies,
        rows=tuple(draft.rows),
    )


def spelling_variants(tasks: tuple[Task, ...], source: str) -> list[Problem]:
    """Warnings for suppliers and places written in several ways (``Asito``, ``asito``):
    each spelling is a supplier or place of its own, which counts twice towards the most
    suppliers of a job and puts travel between a building and itself."""
    found: list[Problem] = []
    for column, names in (
        ("supplier", [t.supplier for t in tasks]),
        ("location", [t.location for t in tasks if t.location is not None]),
    ):
        spellings: dict[str, list[str]] = {}
        for name in dict.fromkeys(names):
            spellings.setdefault(" ".join(name.casefold().split()), []).append(name)
        for variants_of in spellings.values():
            if len(variants_of) > 1:
                listed = ", ".join(repr(n) for n in variants_of)
                found.append(Problem(source, mistake("spelled_apart", names=listed), None, column))
    return found
