"""Words as data: what the solver says about a task, without choosing a language.

A reason why a task stayed out, an obstacle between two tasks, a conflict between locks:
the solver returns a :class:`Phrase` (a sentence's code and its numbers), and the edge
(the command line, the report, the workbook, ``solution.json``) renders it in the
language asked for with :func:`combibaan.texts.render`. A report can thus group reasons
by their code instead of parsing sentences.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Protocol


class Labelled(Protocol):
    """Something named differently per language (a lock, a forbidden supplier pair)."""

    def label(self, lang: str = ...) -> str: ...


@dataclass(frozen=True)
class Phrase:
    """A sentence's ``code`` in one table of :mod:`combibaan.texts` and the values to fill in.

    Values are data: numbers (hours as numbers), text such as task ids, a day index under
    the key ``day``, another :class:`Phrase`, a tuple of these (said as a list), or a
    :class:`Labelled` object.
    """

    code: str
    values: Mapping[str, object] = field(default_factory=dict, hash=False)
    #: The table of :mod:`combibaan.texts` the code belongs to.
    table: str = "reason"
