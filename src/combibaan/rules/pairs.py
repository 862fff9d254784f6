"""The tasks as arrays, for the rules' vectorised pair tests (:meth:`.Rule.keep_pairs`).

The pure-Python pair test costs about 6 µs a pair: 73 s and 12.5M tests for 5,000
tasks. With these arrays each task is tested against all later tasks at once, so
memory stays linear in the tasks (one row at a time).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from combibaan.rules.facts import Profile


@dataclass(frozen=True)
class PairArrays:
    """Per task (rows in the order given): the facts the rules compare pairwise."""

    profiles: tuple[Profile, ...]
    minutes: np.ndarray
    supplier: np.ndarray
    #: An index into :attr:`locations` (``None`` is a location of its own index).
    location: np.ndarray
    locations: tuple[str | None, ...]
    #: Minutes needed between two locations, by index.
    travel: np.ndarray
    #: Per day (7 columns): minutes worked, first start, last end, whether worked.
    day: np.ndarray
    first: np.ndarray
    last: np.ndarray
    works: np.ndarray
    #: The week intervals, padded: start, end and whether the column holds a slot.
    starts: np.ndarray
    ends: np.ndarray
    valid: np.ndarray

    @classmethod
    def of(
        cls, profiles: Sequence[Profile], travel: Callable[[str | None, str | None], float]
    ) -> PairArrays:
        locations = tuple(dict.fromkeys(p.location for p in profiles))
        where = {loc: k for k, loc in enumerate(locations)}
        matrix = np.zeros((len(locations), len(locations)))
        for a, here in enumerate(locations):
            for b in range(a + 1, len(locations)):
                matrix[a, b] = matrix[b, a] = travel(here, locations[b])
        day = np.array([p.day_minutes for p in profiles], dtype=np.int64)
        slots = max((len(p.intervals) for p in profiles), default=0)
        starts = np.zeros((len(profiles), slots))
        ends = np.zeros((len(profiles), slots))
        valid = np.zeros((len(profiles), slots), dtype=bool)
        for k, p in enumerate(profiles):
            for s, (a, b) in enumerate(p.intervals):
                starts[k, s], ends[k, s], valid[k, s] = a, b, True
        return cls(
            profiles=tuple(profiles),
            minutes=np.array([p.minutes for p in profiles], dtype=np.int64),
            supplier=np.array([p.supplier for p in profiles]),
            location=np.array([where[p.location] for p in profiles]),
            locations=locations,
            travel=matrix,
            day=day,
            first=np.array([p.day_first for p in profiles], dtype=np.int64),
            last=np.array([p.day_last for p in profiles], dtype=np.int64),
            works=day > 0,
            starts=starts,
            ends=ends,
            valid=valid,
        )
