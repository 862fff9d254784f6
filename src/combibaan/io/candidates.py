"""The candidates file: one row per availability window; rows sharing a ``candidate_id``
are further windows of one candidate, as rows sharing a ``task_id`` are slots of one task.

A window is written in the task list's grammar: the days it starts and its start and
end time, an end at or before the start running past midnight (``00:00``-``00:00`` is
the whole day). Hours, competencies and the tasks a candidate may do are the
candidate's, not the window's: a later row may leave them empty, and when it fills them
in, they must agree with the earlier rows.

A candidate is a code, never a person: a file with a column of personal data (a name,
an e-mail address, a date of birth, ...) is refused, and so is a code that looks like
a person's name, without repeating the value in the message.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from combibaan.io.errors import InputError, Problem, unknown_task_ids
from combibaan.io.parsing import competency_list, parse_number, split_list
from combibaan.io.table import (
    DAY_COLUMNS,
    Column,
    Row,
    Table,
    collect_warnings,
    day_cells,
    day_columns,
    read_table,
    warn_user,
    warnings_to,
)
from combibaan.model.candidate import Candidate
from combibaan.model.instance import Instance
from combibaan.model.phrase import BadValue, Phrase, mistake
from combibaan.model.week import MINUTES_PER_DAY, Slot
from combibaan.rules import Policy
from combibaan.rules.max_hours import MaxHours
from combibaan.rules.min_hours import MinHours

CANDIDATE_COLUMNS = (
    Column("candidate_id", ("kandidaat",), required=True),
    Column("days", ("dagen",), required=True, unless_any=DAY_COLUMNS),
    Column("available_from", ("beschikbaar_van",), required=True),
    Column("available_to", ("beschikbaar_tot",), required=True),
    Column("min_hours", ("min_uren",)),
    Column("max_hours", ("max_uren",)),
    Column("competencies", ("competenties",)),
    Column("eligible_task_ids", ("taken",)),
    *day_columns(),
)

SHEET_NAMES = ("candidates", "kandidaten")

#: The fields that rows of one candidate share; a later row may leave them empty.
SHARED_FIELDS = ("min_hours", "max_hours", "competencies", "eligible_task_ids")

#: Hours per week, within the same bounds as the policy's ``min_hours`` and ``max_hours``.
HOUR_BOUNDS = {"min_hours": MinHours.bounds, "max_hours": MaxHours.bounds}

#: What to write in an empty required cell, by column.
_EMPTY_HINTS = {
    "candidate_id": mistake("fill_candidate_id"),
    "days": mistake("fill_window_days"),
    "available_from": mistake("fill_available_from"),
    "available_to": mistake("fill_available_to"),
}

#: Headers of personal data, as words (Dutch and English); a header matches with its words
#: joined by ``_`` or by nothing, after the table's normalisation (lower case, spaces,
#: dashes, full stops and colons as ``_``): ``E-mail``, ``e mail`` and ``email`` alike,
#: ``Tel.`` as ``tel``. A header close to one of these is not told to be renamed to it.
_PERSONAL_WORDS = (
    *("name", "naam", "voornaam", "achternaam", "roepnaam", "tussenvoegsel", "voorletters"),
    *("initialen", "surname", "first name", "last name", "full name", "given name"),
    *("family name", "middle name", "volledige naam", "candidate name", "kandidaat naam"),
    *("naam kandidaat", "e mail", "e mail address", "email address", "e mailadres", "mail"),
    *("telefoon", "telefoonnummer", "telefoon nummer", "tel", "tel nr", "telefoonnr"),
    *("phone", "phone number", "mobiel nr", "geb datum", "geb dat"),
    *("mobile", "mobiel", "mobiel nummer", "mobielnummer", "gsm", "bsn"),
    *("burgerservicenummer", "sofinummer", "geboortedatum", "geboorte datum"),
    *("date of birth", "birth date", "birthdate", "birthday", "dob", "verjaardag"),
    *("adres", "address", "straat", "street", "huisnummer", "postcode", "zip code"),
    *("woonplaats",),
)


def _personal_columns() -> tuple[Column, ...]:
    """One column per personal header, so that two of them in a file are two problems
    (one column with every header as an alias would call them the same column)."""
    seen: set[str] = set()
    columns = []
    for words in _PERSONAL_WORDS:
        parts = words.split()
        forms = [f for f in dict.fromkeys(("_".join(parts), "".join(parts))) if f not in seen]
        seen.update(forms)
        if forms:
            columns.append(Column(forms[0], tuple(forms[1:]), suggested=False))
    return tuple(columns)


PERSONAL_COLUMNS = _personal_columns()
_PERSONAL_NAMES = frozenset(column.name for column in PERSONAL_COLUMNS)

#: A word of a name: letters, maybe joined by a hyphen or an apostrophe (``Anne-Marie``,
#: ``O'Brien``, ``'t``), maybe an initial with its full stop (``J.``).
_NAME_WORD = re.compile(r"['’]?[^\W\d_]+(?:[-'’][^\W\d_]+)*\.?")


def read_candidates(
    source: object,
    instance: Instance | None = None,
    *,
    on_warning: Callable[[Problem], object] | None = None,
    policy: Policy | None = None,
) -> tuple[Candidate, ...]:
    """Read a candidates table (path or DataFrame); with ``instance``, the task ids in
    ``eligible_task_ids`` must exist in it. All problems come in one :class:`InputError`.

    Warnings (hidden rows of a workbook) go to ``on_warning``, one :class:`Problem`
    each, also when there are errors; without it they are issued as
    :class:`~combibaan.io.errors.InputWarning`, as :func:`~combibaan.io.read_instance` does.
    """
    return warnings_to(on_warning, lambda: _read_candidates(source, instance, policy))


@dataclass
class _Draft:
    """A candidate being assembled from its rows, remembering which row set what."""

    id: str
    rows: list[int] = field(default_factory=list)
    windows: list[Slot] = field(default_factory=list)
    shared: dict[str, float | tuple[str, ...]] = field(default_factory=dict)
    set_in: dict[str, int] = field(default_factory=dict)


def _read_candidates(
    source: object, instance: Instance | None, policy: Policy | None
) -> tuple[Candidate, ...]:
    columns = (*CANDIDATE_COLUMNS, *PERSONAL_COLUMNS)
    try:
        table = read_table(source, columns, what="candidates", sheet_names=SHEET_NAMES)
    except InputError as error:
        raise InputError([*_personal_after_all(source, error), *error.problems]) from None
    problems: list[Problem] = [*_personal(table), *table.problems]
    if not table.rows:
        raise InputError([*problems, table.problem(mistake("no_candidates"))])
    known = instance.task_index if instance is not None else None
    drafts: dict[str, _Draft] = {}
    for row in table.rows:
        code = row.text("candidate_id")
        if code is None:
            problems.extend(table.empty_cell(row, "candidate_id", _EMPTY_HINTS["candidate_id"]))
        elif _looks_like_a_name(code):
            problems.append(table.problem(mistake("code_like_name"), row.number, "candidate_id"))
        windows = _row_windows(row, table, problems)
        if code is None:
            continue
        draft = drafts.setdefault(code, _Draft(code))
        draft.rows.append(row.number)
        draft.windows.extend(windows)
        _merge_shared(draft, row, table, problems, known)
    candidates = []
    for draft in drafts.values():
        problems.extend(_hours_apart(draft, table))
        if draft.windows:
            candidates.append(_build(draft))
            problems.extend(_hours_unavailable(candidates[-1], draft, table))
    if problems:
        problems.sort(key=lambda p: p.row or 0)  # stable: a row's cells stay left to right
        raise InputError(problems)
    if policy is not None:
        warn_user([p for c in candidates for p in _hours_outside(c, drafts[c.id], table, policy)])
    return tuple(candidates)


def _personal(table: Table) -> list[Problem]:
    """A problem per column of personal data; its cells are never read into a message."""
    return [
        table.problem(mistake("personal_column"), None, column)
        for column in table.columns
        if column in _PERSONAL_NAMES
    ]


def _personal_after_all(source: object, error: InputError) -> list[Problem]:
    """The personal columns of a file whose header failed (a required column missing):
    the file is read once more for them alone, so that the user learns in the same run
    that the name column cannot stay, rather than after adding the code column."""
    header_failed = any(
        isinstance(p.message, Phrase) and p.message.code in {"missing_column", "same_meaning"}
        for p in error.problems
    )
    if not header_failed:
        return []
    with collect_warnings():  # the first reading gave them already
        try:
            table = read_table(source, PERSONAL_COLUMNS, what="candidates", sheet_names=SHEET_NAMES)
        except InputError:
            return []
    return _personal(table)


def _looks_like_a_name(code: str) -> bool:
    """An e-mail address, or two capitalised words of letters (an initial with its dot
    counts beside one), whatever else the code holds: ``Jan de Vries``, ``de Vries,
    Jan``, ``K02 Fatima Yilmaz``, ``J.de Vries``, and joined up: ``Jan_de_Vries``, ``K01
    Fatima-Yilmaz`` (each capitalised part of a hyphenated word counts); not ``K01``,
    ``kandidaat 3``, ``A-17``, ``Sodexo-1`` or ``Team A 2``. (Only words of letters
    throughout were judged before, so a code beside a name, a comma or an initial's dot
    let the name through.)"""
    if "@" in code:
        return True
    words = [w for w in re.split(r"[\s,;:()\[\]/_]+|(?<=\.)(?=\w)", code) if w]
    named = [w for w in words if _NAME_WORD.fullmatch(w) and w.lstrip("'’")[:1].isupper()]
    full = sum(
        max(1, sum(len(p) >= 2 and p[:1].isupper() for p in w.strip(".'’").split("-")))
        for w in named
        if len(w.strip(".'’")) >= 2
    )
    initial = any(w.endswith(".") and len(w) == 2 for w in named)
    return full >= 2 or (full >= 1 and initial)


def _row_windows(row: Row, table: Table, problems: list[Problem]) -> list[Slot]:
    """The windows of one row (one per day), or none when a cell is wrong; with a column
    per day, a mark is a day at the row's times and times in a day's cell its own."""
    columns = ("days", "available_from", "available_to")
    week = day_cells(row, table, problems)
    timed: list[Slot] = []
    if week is not None:
        marked, timed = week
        given = [c for c in columns[1:] if row.text(c) is not None]
        if timed and given:
            problems.append(table.problem(mistake("day_times_and_row"), row.number, given[0]))
            return []
        if not marked:
            return timed
    cells = table.week_cells(
        row, columns, _EMPTY_HINTS, problems, days=None if week is None else week[0]
    )
    if cells is None:
        return []
    days, start, end = cells
    if end <= start:  # past midnight; 00:00-00:00 is the whole day
        end += MINUTES_PER_DAY
    return [*(Slot(day, start, end) for day in days), *timed]


def _merge_shared(
    draft: _Draft, row: Row, table: Table, problems: list[Problem], known: dict[str, int] | None
) -> None:
    for column in SHARED_FIELDS:
        text = row.text(column)
        if text is None:
            continue
        value: float | tuple[str, ...]
        if column in HOUR_BOUNDS:
            try:
                value = parse_number(
                    row.cells[column], name=table.label(column), bounds=HOUR_BOUNDS[column]
                )
            except BadValue as error:
                problems.append(table.problem(error.message, row.number, column))
                continue
        else:
            listed = competency_list if column == "competencies" else split_list
            value = listed(text, table.delimiter)
            if not value:
                continue
            if column == "eligible_task_ids" and known is not None:
                for message in unknown_task_ids(value, known):
                    problems.append(table.problem(message, row.number, column))
        if column not in draft.shared:
            draft.shared[column] = value
            draft.set_in[column] = row.number
        elif _differs(column, draft.shared[column], value):
            disagree = mistake(
                "candidate_rows_disagree",
                column=table.label(column),
                here=_show(value),
                there=_show(draft.shared[column]),
                row=str(draft.set_in[column]),
            )
            problems.append(table.problem(disagree, row.number, column))


def _differs(column: str, old: float | tuple[str, ...], new: float | tuple[str, ...]) -> bool:
    """Lists in any order; competencies in any case too, as they match."""
    if isinstance(old, tuple) and isinstance(new, tuple):
        if column == "competencies":
            return {c.casefold() for c in old} != {c.casefold() for c in new}
        return set(old) != set(new)
    return old != new


def _show(value: float | tuple[str, ...]) -> float | str:
    """A shared value as a message says it: a number as a number (in the message's
    language), a list as the file writes it."""
    if isinstance(value, tuple):
        return repr("|".join(value))
    return value


def _hours_apart(draft: _Draft, table: Table) -> list[Problem]:
    """``min_hours`` above ``max_hours``, reported on the row that set the later of the two."""
    low, high = draft.shared.get("min_hours"), draft.shared.get("max_hours")
    if not isinstance(low, float) or not isinstance(high, float) or low <= high:
        return []
    column = max(("min_hours", "max_hours"), key=lambda c: draft.set_in[c])
    above = mistake(
        "above",
        key=table.label("min_hours"),
        low=low,
        other=table.label("max_hours"),
        high=high,
    )
    return [table.problem(above, draft.set_in[column], column)]


def _hours_unavailable(candidate: Candidate, draft: _Draft, table: Table) -> list[Problem]:
    """``min_hours`` more than the hours of the week the candidate is available: no job
    could ever be theirs (a typing slip in the hours or the windows)."""
    low = candidate.min_hours
    if low is None or low * 60 <= candidate.available_minutes:
        return []
    hours = round(candidate.available_minutes / 60, 2)
    message = mistake("min_hours_unavailable", candidate=candidate.id, low=low, hours=hours)
    return [table.problem(message, draft.set_in["min_hours"], "min_hours")]


def _hours_outside(
    candidate: Candidate, draft: _Draft, table: Table, policy: Policy
) -> list[Problem]:
    """Hours no job under ``policy`` can give: at most fewer than a job's minimum, or at
    least more than its most. Accepted without a word, such a candidate never got a job.
    A warning, not an error: the policy may be meant to change."""
    low, high = policy.min_hours, policy.max_hours
    if candidate.max_hours is not None and low is not None and candidate.max_hours < low:
        message = mistake(
            "candidate_below_policy", candidate=candidate.id, hours=candidate.max_hours, low=low
        )
        return [table.problem(message, draft.set_in["max_hours"], "max_hours")]
    if candidate.min_hours is not None and high is not None and candidate.min_hours > high:
        message = mistake(
            "candidate_above_policy", candidate=candidate.id, hours=candidate.min_hours, high=high
        )
        return [table.problem(message, draft.set_in["min_hours"], "min_hours")]
    return []


def _build(draft: _Draft) -> Candidate:
    def hours(column: str) -> float | None:
        value = draft.shared.get(column)
        return value if isinstance(value, float) else None

    def names(column: str) -> tuple[str, ...] | None:
        value = draft.shared.get(column)
        return value if isinstance(value, tuple) else None

    return Candidate(
        id=draft.id,
        windows=tuple(sorted(set(draft.windows))),
        min_hours=hours("min_hours"),
        max_hours=hours("max_hours"),
        competencies=names("competencies") or (),
        eligible_task_ids=names("eligible_task_ids"),
        rows=tuple(draft.rows),
    )
