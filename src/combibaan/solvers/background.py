"""Column generation in a second process, so the bound and the search share two cores.

The local search and the pricing search are pure Python, each bound to one
core by the interpreter lock. Measured on 5,000 tasks (five campuses): one
pricing round takes about 10 s and the bound needs dozens of rounds, so run one
after the other the search would lose a third of its time. A forked child
inherits the graph without copying it up front; it reports each improved
bound through a queue that the search polls between steps.

Forking is used only on Linux (elsewhere the caller runs the bound inline): a
``spawn`` start would re-run the caller's main module, which breaks scripts
without a ``__main__`` guard.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import queue
import sys
import time
from collections.abc import Mapping, Sequence

from combibaan.solvers.colgen import lp_bound
from combibaan.solvers.profile import Limits, Profile


def available() -> bool:
    """Whether a bound process can be forked and there is a second core for it."""
    return sys.platform == "linux" and (os.cpu_count() or 1) >= 2


def _work(
    adjacency: Mapping[int, set[int]],
    profiles: Sequence[Profile],
    limits: Limits,
    start: Sequence[tuple[int, ...]],
    seconds: float,
    messages: mp.Queue,
) -> None:
    try:
        outcome = lp_bound(
            adjacency,
            profiles,
            limits,
            start,
            time.perf_counter() + seconds,
            report=lambda bound: messages.put(("bound", bound)),
        )
        messages.put(("done", outcome.jobs_bound, outcome.converged))
    except KeyboardInterrupt:  # Ctrl-C reaches the whole process group; the parent decides
        pass


class BackgroundBound:
    """A running column generation; :meth:`poll` collects the bounds it proved so far."""

    def __init__(
        self,
        adjacency: Mapping[int, set[int]],
        profiles: Sequence[Profile],
        limits: Limits,
        start: Sequence[tuple[int, ...]],
        seconds: float,
    ) -> None:
        context = mp.get_context("fork")
        self._messages: mp.Queue = context.Queue()
        self._process = context.Process(
            target=_work,
            args=(adjacency, profiles, limits, list(start), seconds, self._messages),
            daemon=True,
        )
        self._process.start()
        self.bound: int | None = None
        self.converged = False
        self.done = False

    def poll(self) -> bool:
        """Read the queue; whether the bound improved."""
        improved = False
        while True:
            try:
                message = self._messages.get_nowait()
            except queue.Empty:
                return improved
            except (EOFError, OSError):
                self.done = True
                return improved
            if message[0] == "done":
                self.done, self.converged = True, bool(message[2])
            bound = message[1]
            if bound is not None and (self.bound is None or bound < self.bound):
                self.bound, improved = bound, True

    def close(self, wait: float = 2.0) -> None:
        """Collect the last bound (waiting up to ``wait`` seconds), then stop the process."""
        ends = time.perf_counter() + wait
        while not self.done and self._process.is_alive() and time.perf_counter() < ends:
            self.poll()
            time.sleep(0.05)
        self.poll()
        if self._process.is_alive():
            self._process.terminate()
        self._process.join(5)
