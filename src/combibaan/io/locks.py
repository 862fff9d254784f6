"""The locks file: one row per workshop decision, columns ``rule`` and ``task_ids``.

``rule`` is ``together``/``apart``/``exclude``/``keep`` or the Dutch
``samen``/``niet_samen``/``uitsluiten``/``behouden``; ``task_ids`` lists the
tasks separated by ``|`` (or ``,``/``;`` when that is not the file's
delimiter). Every problem is reported with its row and column, all at once, so
that a workshop can fix the file in one go.
"""

from __future__ import annotations

from collections.abc import Callable

from combibaan.io.errors import InputError, Problem, unknown_task_ids
from combibaan.io.parsing import split_list
from combibaan.io.table import Column, read_table, warnings_to
from combibaan.model.instance import Instance
from combibaan.model.locks import MIN_TASKS, RULE_WORDS, Lock, LockError, Locks, RuleName, rule_of
from combibaan.model.phrase import mistake

LOCK_COLUMNS = (
    Column("rule", ("regel", "slot", "lock"), required=True),
    Column("task_ids", ("taken", "tasks", "taak_ids", "task_id", "taak_id"), required=True),
)


def read_locks(
    source: object,
    instance: Instance | None = None,
    *,
    on_warning: Callable[[Problem], object] | None = None,
) -> Locks:
    """Read a locks table (path or DataFrame); with ``instance``, task ids must exist in it.

    Warnings (hidden rows of a workbook) go to ``on_warning``, one :class:`Problem`
    each, also when there are errors; without it they are issued as
    :class:`~combibaan.io.errors.InputWarning`, as :func:`~combibaan.io.read_instance` does.
    """
    return warnings_to(on_warning, lambda: _read_locks(source, instance))


def _read_locks(source: object, instance: Instance | None) -> Locks:
    names = ("locks", "afspraken", "sloten")
    table = read_table(source, LOCK_COLUMNS, what="locks", sheet_names=names)
    problems: list[Problem] = list(table.problems)
    locks: list[Lock] = []
    kept_in: dict[str, int] = {}
    known = instance.task_index if instance is not None else None
    for row in table.rows:
        word = row.text("rule")
        text = row.text("task_ids")
        if word is None:
            hint = mistake("fill_rule", known=", ".join(sorted(RULE_WORDS)))
            problems.extend(table.empty_cell(row, "rule", hint))
            continue
        try:
            rule = rule_of(word)
        except LockError as error:
            problems.extend(table.problem(m, row.number, "rule") for m in error.messages)
            continue
        ids = split_list(text, table.delimiter) if text is not None else ()
        bad = [] if known is None else unknown_task_ids(ids, known)
        for message in bad:
            problems.append(table.problem(message, row.number, "task_ids"))
        if len(ids) < MIN_TASKS[rule]:
            need = mistake("lock_needs", rule=RuleName(rule), need=MIN_TASKS[rule], n=len(ids))
            problems.extend(table.missing(row, "task_ids", need))
            continue
        if rule == "keep":
            for task_id in ids:
                if task_id in kept_in:
                    problems.append(
                        table.problem(
                            mistake("kept_already", task=task_id, row=str(kept_in[task_id])),
                            row.number,
                            "task_ids",
                        )
                    )
                kept_in.setdefault(task_id, row.number)
        if not bad:
            locks.append(Lock(rule, ids, row=row.number))
    if problems:
        raise InputError(sorted(problems, key=lambda p: p.row or 0))
    return Locks(tuple(locks))
