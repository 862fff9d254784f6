"""Supplier colours, patterns and short labels: one look per supplier in every output.

The report, the workbook and the plots take a supplier's look from here, so
that Westerveld is the same colour on the projector, on paper and in a
notebook, whatever the order of the task file.

* **Colours** are Paul Tol's *bright* scheme: seven colours that stay apart
  for people with red-green colour blindness (no orange/vermillion pair), each
  with a text colour of at least 4.5:1 contrast.
* **Which colour**: a supplier's first choice follows from a stable hash of its
  name (SHA-256, not Python's salted ``hash``). When two suppliers of one
  instance want the same colour, the one whose name scores higher for it keeps
  it and the other takes its next choice, so the outcome depends on the set of
  names only, never on their order.
* **Beyond seven suppliers** a hatch pattern is added, so that two suppliers of
  one instance never share colour and pattern (up to 49 suppliers).
* **Always a label**: colour is never the only cue; every supplier also gets a
  short label (``UD``, ``Sod``), unique within the instance, for blocks too
  small for the full name.

Pure data and functions; imports nothing of combibaan.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Colour:
    """A background colour and the text colour that reads on it."""

    name: str
    background: str
    text: str

    @property
    def hatch(self) -> str:
        """The colour of hatch lines on this background: the text colour, half transparent."""
        return "rgba(0, 0, 0, 0.5)" if self.text == "#000000" else "rgba(255, 255, 255, 0.6)"


@dataclass(frozen=True)
class Pattern:
    """A fill pattern: ``css`` is the declarations that draw it over the background colour
    in ``var(--hatch)``; ``hatch`` is matplotlib's hatch string (``None``: plain)."""

    name: str
    css: str
    hatch: str | None


#: Paul Tol's bright scheme (https://personal.sron.nl/~pault/), in his order.
COLOURS: tuple[Colour, ...] = (
    Colour("blue", "#4477AA", "#FFFFFF"),
    Colour("cyan", "#66CCEE", "#000000"),
    Colour("green", "#228833", "#FFFFFF"),
    Colour("yellow", "#CCBB44", "#000000"),
    Colour("red", "#EE6677", "#000000"),
    Colour("purple", "#AA3377", "#FFFFFF"),
    Colour("grey", "#BBBBBB", "#000000"),
)

_LINE = "var(--hatch) 0 3px, transparent 3px 12px"
#: Plain first; a pattern is only used once every colour is taken.
PATTERNS: tuple[Pattern, ...] = (
    Pattern("plain", "", None),
    Pattern("diagonal", f"background-image: repeating-linear-gradient(45deg, {_LINE})", "//"),
    Pattern(
        "back-diagonal", f"background-image: repeating-linear-gradient(-45deg, {_LINE})", "\\\\"
    ),
    Pattern(
        "cross",
        f"background-image: repeating-linear-gradient(45deg, {_LINE}), "
        f"repeating-linear-gradient(-45deg, {_LINE})",
        "xx",
    ),
    Pattern("horizontal", f"background-image: repeating-linear-gradient(0deg, {_LINE})", "--"),
    Pattern("vertical", f"background-image: repeating-linear-gradient(90deg, {_LINE})", "||"),
    Pattern(
        "dots",
        "background-image: radial-gradient(var(--hatch) 2.5px, transparent 3px); "
        "background-size: 10px 10px",
        "..",
    ),
)


@dataclass(frozen=True)
class SupplierStyle:
    """How one supplier looks in every output: colour, pattern and short label."""

    supplier: str
    colour: Colour
    pattern: Pattern
    label: str

    @property
    def background(self) -> str:
        return self.colour.background

    @property
    def key(self) -> str:
        """The name, with the short label blocks show instead (``Universitaire Diensten (UD)``)."""
        return self.supplier if self.label == self.supplier else f"{self.supplier} ({self.label})"

    @property
    def text(self) -> str:
        return self.colour.text

    @property
    def hatch(self) -> str:
        return self.colour.hatch


#: Mixed into the hash. Any fixed value is as stable as another; this one gives each of the
#: six suppliers of instances/indoor and of instances/outdoor its first-choice colour, so the
#: two groups of the bundled workshop show their four shared suppliers alike.
SALT = "combibaan 42"


def _score(name: str, colour: int) -> int:
    """How much ``name`` wants colour number ``colour``: the same on every machine and run."""
    digest = hashlib.sha256(f"{SALT}\x00{colour}\x00{name}".encode()).digest()
    return int.from_bytes(digest[:8], "big")


def _looks(names: list[str]) -> dict[str, tuple[int, int]]:
    """(colour, pattern) per name: every colour plain first, then every colour with the next
    pattern, and so on; within a round the highest (score, name) pair wins a colour."""
    wishes = sorted(
        ((_score(name, c), name, c) for name in names for c in range(len(COLOURS))),
        reverse=True,
    )
    looks: dict[str, tuple[int, int]] = {}
    layer = 0
    while len(looks) < len(names):
        free = set(range(len(COLOURS)))
        for _, name, colour in wishes:
            if name not in looks and colour in free:
                looks[name] = (colour, layer % len(PATTERNS))
                free.discard(colour)
                if not free:
                    break
        layer += 1
    return looks


_WORD = re.compile(r"[^\W_]+")


def _label_candidates(name: str) -> list[str]:
    """Short labels for ``name``, shortest first: initials of several words (``UD``, then
    more of the last word: ``UDi``), the start of one word (``Sod``; up to four letters
    whole), then longer starts."""
    words = _WORD.findall(name)
    if not words:
        compact = "".join(name.split()) or "?"
        return [compact[:n] for n in range(3, len(compact) + 1)] or [compact]
    candidates: list[str] = []
    if len(words) > 1:
        initials = "".join(w[0] for w in words[:-1][:3]).upper()
        last = words[-1][0].upper() + words[-1][1:]
        candidates.extend(initials + last[:n] for n in range(1, len(last) + 1))
    else:
        word = words[0]
        start = len(word) if len(word) <= 4 else 3
        candidates.extend(word[:n] for n in range(start, len(word) + 1))
    return [c for c in dict.fromkeys(candidates) if c]


def short_labels(names: Iterable[str]) -> dict[str, str]:
    """A short label per supplier, unique among ``names`` (whatever their order).

    Two names that want the same label both move on to a longer one; when a
    name runs out of candidates, a number makes it unique.
    """
    unique = sorted(set(names))
    options = {name: _label_candidates(name) for name in unique}
    step = dict.fromkeys(unique, 0)
    while True:
        chosen = {name: options[name][min(step[name], len(options[name]) - 1)] for name in unique}
        by_label: dict[str, list[str]] = {}
        for name in unique:
            by_label.setdefault(chosen[name].casefold(), []).append(name)
        clashes = [group for group in by_label.values() if len(group) > 1]
        movable = [n for group in clashes for n in group if step[n] < len(options[n]) - 1]
        if not movable:
            break
        for name in movable:
            step[name] += 1
    labels: dict[str, str] = {}
    used: set[str] = set()
    for name in unique:
        label, number = chosen[name], 1
        while label.casefold() in used:
            number += 1
            label = f"{chosen[name]}{number}"
        used.add(label.casefold())
        labels[name] = label
    return labels


def supplier_styles(names: Iterable[str]) -> dict[str, SupplierStyle]:
    """The look of every supplier among ``names``, in the order given (duplicates once).

    Depends on the set of names only: the indoor and outdoor reports of one
    workshop give a supplier the same look unless another supplier of that
    group claims its colour first (give both groups the same suppliers table
    to rule that out).
    """
    ordered = list(dict.fromkeys(names))
    looks = _looks(sorted(ordered))
    labels = short_labels(ordered)
    return {
        name: SupplierStyle(
            supplier=name,
            colour=COLOURS[looks[name][0]],
            pattern=PATTERNS[looks[name][1]],
            label=labels[name],
        )
        for name in ordered
    }
