"""Column generation and the dive in a second process, so they and the search share two cores.

The local search and the pricing search are pure Python, each bound to one
core by the interpreter lock. Measured on 5,000 tasks (five campuses): one
pricing round takes about 10 s and the bound needs dozens of rounds, so run one
after the other the search would lose a third of its time. A forked child
inherits the graph without copying it up front; it sends each improved bound
as it is proven, and at the end the bound, the columns and the dive's jobs.

Reproducibility: the child works to a deterministic budget (:mod:`.work_meter`),
so what it sends at the end is the same on every run. The bounds sent on the
way arrive at moments that depend on the machine; they only feed the progress
line, never a decision of the search. The search uses the child's result only
at a fixed point of its own budget, waiting for it there (:meth:`BackgroundBound.result`).

Forking is used only on Linux (elsewhere the caller runs the bound inline): a
``spawn`` start would re-run the caller's main module, which breaks scripts
without a ``__main__`` guard.
"""

from __future__ import annotations

import functools
import multiprocessing as mp
import os
import queue
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from combibaan.rules import Limits, Profile
from combibaan.solvers.colgen import lp_bound
from combibaan.solvers.dive import dive


def available() -> bool:
    """Whether a bound process can be forked and there is a second core for it."""
    return sys.platform == "linux" and (os.cpu_count() or 1) >= 2


@dataclass(frozen=True)
class BoundWork:
    """What the child hands back: the same for the same input and budgets."""

    jobs_bound: int | None
    converged: bool
    #: Column generation's columns and the dive's priced ones.
    pool: tuple[tuple[int, ...], ...]
    dive_jobs: tuple[tuple[int, ...], ...]
    #: Whether the wall clock cut the child short (then it may differ between runs).
    clock_cut: bool


def bound_and_dive(
    adjacency: Mapping[int, set[int]],
    profiles: Sequence[Profile],
    limits: Limits,
    start: Sequence[tuple[int, ...]],
    budgets: tuple[float, float],
    deadline: float,
    accept: Callable[[Sequence[int]], bool] | None = None,
    report: Callable[[int], None] | None = None,
    known_bound: int | None = None,
) -> BoundWork:
    """Column generation within ``budgets[0]``, then the dive within ``budgets[1]``;
    ``known_bound`` as in :func:`~.colgen.lp_bound`."""
    bound = lp_bound(
        adjacency,
        profiles,
        limits,
        start,
        deadline,
        report=report,
        budget=budgets[0],
        known_bound=known_bound,
    )
    pool = [c for c in bound.pool if accept is None or accept(c)]
    dived = dive(adjacency, profiles, limits, pool, budgets[1], deadline, accept=accept)
    return BoundWork(
        bound.jobs_bound,
        bound.converged,
        tuple(dict.fromkeys([*pool, *dived.priced])),
        tuple(dived.jobs),
        bound.clock_cut or dived.clock_cut,
    )


def _work(task: Callable[..., BoundWork], messages: mp.Queue) -> None:
    """The child: ``task`` (a :func:`bound_and_dive` with its arguments bound), each
    improved bound and then the result sent to the parent."""
    try:
        done = task(report=lambda bound: messages.put(("bound", bound)))
        messages.put(("done", done))
    except KeyboardInterrupt:  # Ctrl-C reaches the whole process group; the parent decides
        pass


class BackgroundBound:
    """A running :func:`bound_and_dive`; :meth:`poll` collects the bounds proved so far."""

    def __init__(
        self,
        adjacency: Mapping[int, set[int]],
        profiles: Sequence[Profile],
        limits: Limits,
        start: Sequence[tuple[int, ...]],
        budgets: tuple[float, float],
        deadline: float,
        accept: Callable[[Sequence[int]], bool] | None = None,
        known_bound: int | None = None,
    ) -> None:
        context = mp.get_context("fork")
        self._messages: mp.Queue = context.Queue()
        # A forked child inherits the bound call as it is: nothing is pickled.
        task = functools.partial(
            bound_and_dive,
            adjacency,
            profiles,
            limits,
            list(start),
            budgets,
            deadline,
            accept,
            known_bound=known_bound,
        )
        self._process = context.Process(target=_work, args=(task, self._messages), daemon=True)
        self._process.start()
        #: The best bound seen so far (for the progress line only: its timing varies).
        self.bound: int | None = None
        self.done: BoundWork | None = None
        self.dead = False

    def poll(self) -> bool:
        """Read the queue without waiting; whether the bound improved."""
        return self._read(0.0)

    def result(self, deadline: float) -> BoundWork | None:
        """Wait for the child's result until ``deadline`` (None: it did not come)."""
        while self.done is None and not self.dead and time.perf_counter() < deadline:
            self._read(min(0.2, max(0.0, deadline - time.perf_counter())))
            if self.done is None and not self._process.is_alive():
                self._read(0.0)
                self.dead = self.done is None
        return self.done

    def _read(self, wait: float) -> bool:
        improved = False
        block = wait > 0
        while True:
            try:
                message = self._messages.get(block, wait) if block else self._messages.get_nowait()
            except queue.Empty:
                return improved
            except (EOFError, OSError):
                self.dead = True
                return improved
            block = False
            if message[0] == "done":
                self.done = message[1]
                bound = self.done.jobs_bound
            else:
                bound = message[1]
            if bound is not None and (self.bound is None or bound < self.bound):
                self.bound, improved = bound, True

    def close(self) -> None:
        """Stop the process (it has nothing left to say once :meth:`result` returned)."""
        self.poll()
        if self._process.is_alive():
            self._process.terminate()
        self._process.join(5)
