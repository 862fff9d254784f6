"""Run a native solver so that Ctrl-C stops it and Python learns that it did.

CP-SAT and SCIP can catch SIGINT themselves, but then nobody learns that they
did (a local search would carry on until its deadline; SCIP only prints a
line), and CP-SAT leaves SIGINT at the operating system's default, so a later
Ctrl-C kills Python outright. So Python keeps its own handler: the solve runs
in a helper thread while the main thread waits, and the ``KeyboardInterrupt``
raised there asks the solver to stop.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def run_interruptibly(
    solve: Callable[[], T], stop: Callable[[], None], name: str
) -> tuple[T, bool]:
    """``solve()``'s result, and whether Ctrl-C called ``stop()`` on the way.

    ``solve`` must return soon after ``stop`` (the solver then ends as at a
    time limit). Off the main thread, where no signal arrives, it just runs.
    """
    if threading.current_thread() is not threading.main_thread():
        return solve(), False
    results: list[T] = []
    errors: list[BaseException] = []
    finished = threading.Event()

    def work() -> None:
        try:
            results.append(solve())
        except BaseException as error:  # handed to the caller below
            errors.append(error)
        finally:
            finished.set()

    # Waiting on an Event, not Thread.join: on Python 3.11 a join interrupted by
    # Ctrl-C marks the thread finished while it still runs.
    threading.Thread(target=work, name=name, daemon=True).start()
    interrupted = False
    try:
        while not finished.wait(0.2):
            pass
    except KeyboardInterrupt:
        interrupted = True
        stop()
        finished.wait()
    if errors:
        raise errors[0]
    return results[0], interrupted
