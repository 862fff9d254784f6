"""Words as data: what the solver says about a task, without choosing a language.

A reason why a task stayed out, an obstacle between two tasks, a conflict between locks:
the solver returns a :class:`Phrase` (a sentence's code and its numbers), and the edge
(the command line, the report, the workbook, ``solution.json``) renders it in the
language asked for with :func:`combibaan.texts.render`. A report can thus group reasons
by their code instead of parsing sentences. A mistake in the user's input is a phrase
too (:func:`mistake`), carried by a :class:`PhraseError` or an input problem.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import ClassVar, Protocol


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


def mistake(code: str, **values: object) -> Phrase:
    """A mistake in the user's input, as a phrase of the ``error`` table of the texts."""
    return Phrase(code, values, "error")


def maybe(close: list[str]) -> Phrase | str:
    """``; did you mean I13, I31?`` after a name nobody knows; nothing without a guess."""
    return mistake("maybe", names=", ".join(close)) if close else ""


def closest(name: str, known: Iterable[str], n: int = 3, cutoff: float = 0.6) -> list[str]:
    """The known names most like ``name``, for :func:`maybe`: first those that differ only
    in case, spaces, dashes or zeros before a number (``T1`` is ``T01``, ``t-01``), then
    :func:`difflib.get_close_matches`' (which put ``T12``, ``T11`` and ``T10`` before it),
    compared in any case (``x9`` found none of ``X1``, ``X2``, ``X3``)."""
    candidates = list(known)
    folded = _folded(name)
    same = [k for k in candidates if _folded(k) == folded]
    by_case: dict[str, list[str]] = {}
    for k in candidates:
        by_case.setdefault(k.casefold(), []).append(k)
    matches = difflib.get_close_matches(name.casefold(), list(by_case), n=n, cutoff=cutoff)
    like = [k for match in matches for k in by_case[match]]
    return list(dict.fromkeys([*same, *like]))[:n]


def _folded(name: str) -> str:
    return re.sub(r"0+(?=\d)", "", re.sub(r"[\s\-_]+", "", name.casefold()))


#: How a phrase becomes words. :mod:`combibaan.texts` lies above this layer and puts its
#: ``render`` here when it loads, so that an error raised down here speaks as well.
_RENDERERS: list[Callable[[Phrase, str], str]] = []


def use_renderer(render: Callable[[Phrase, str], str]) -> None:
    """Make ``render`` the way every :class:`PhraseError` words its phrases."""
    _RENDERERS[:] = [render]


def say(message: Phrase | str, lang: str = "nl") -> str:
    """A message in words: a phrase rendered in ``lang``, text as it is (a library's own
    words, such as a TOML parser's, are passed on unchanged)."""
    if isinstance(message, str):
        return message
    if not _RENDERERS:  # only before combibaan.texts is loaded: code and values, no words
        return f"{message.code} {dict(message.values)}"
    return _RENDERERS[0](message, lang)


class PhraseError(Exception):
    """An error about the user's input whose message is phrases, worded at the edge.

    ``messages`` are :class:`Phrase` objects (or plain text, passed on as it is), said
    one after the other with ``separator``; :meth:`text` words them in a language,
    ``str()`` in Dutch, the default.
    """

    separator: ClassVar[str] = "\n"

    def __init__(self, *messages: Phrase | str) -> None:
        super().__init__(*messages)
        self.messages = messages

    def text(self, lang: str = "nl") -> str:
        return self.separator.join(say(message, lang) for message in self.messages)

    def __str__(self) -> str:
        return self.text()


class BadValue(PhraseError, ValueError):
    """A value the user wrote that cannot be read: the cell parsers and
    :func:`~combibaan.model.numbers.user_number` raise it, with what to write instead, in
    one ``message`` that a reader puts at the cell's row and column."""

    def __init__(self, message: Phrase | str) -> None:
        super().__init__(message)
        self.message = message
