"""Ctrl-C during ``combibaan solve``: the first press stops the search, later ones cannot lose
what it found.

The solver returns its best proposal when a ``KeyboardInterrupt`` reaches it
during the search. Python's own handler would raise one on every press, so a
second press while the solver finishes up (reasons, alternatives) or while
the files are written would throw the proposal away. While a
:class:`Interrupts` is active:

* while solving, the first press raises ``KeyboardInterrupt`` (the search
  stops); the second only says that the proposal is being finished and saved;
  the third aborts: it says so and raises :class:`Aborted`, and nothing is
  written;
* while writing, every press only says "saving…": the writing takes seconds,
  and the staged files are moved in all at once.

Outside (start-up, reading) Ctrl-C keeps Python's behaviour and the command
ends with exit code 130.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType, TracebackType
from typing import Any

from rich.console import Console
from rich.text import Text

from combibaan.texts import cli_text

#: Presses while solving at which the run gives up without saving.
ABORT_PRESS = 3


class Aborted(BaseException):
    """Ctrl-C pressed again and again: the user gave up on the proposal; nothing is written.

    A ``BaseException`` like ``KeyboardInterrupt``, so that no ``except
    Exception`` on the way swallows it, and unlike it, so that the solver does
    not take it for the first press.
    """


class Interrupts:
    """A SIGINT handler for the solve and write phases of one command (a context manager)."""

    def __init__(self, console: Console, lang: str = "nl", *, saves: bool = True) -> None:
        self.console = console
        self.lang = lang
        #: Whether the run writes files (only then does a message speak of saving).
        self.saves = saves
        #: How often Ctrl-C was pressed while this was active.
        self.presses = 0
        self._phase = "solving"
        self._previous: Any = None
        self._pid = os.getpid()
        self._installed = False
        self._unraisable: Any = None

    def __enter__(self) -> Interrupts:
        # Signal handlers can only be set in the main thread (tests may call from others).
        if threading.current_thread() is threading.main_thread():
            self._previous = signal.signal(signal.SIGINT, self._handle)
            self._installed = True
            self._unraisable = sys.unraisablehook
            sys.unraisablehook = self._quiet_interrupt
        return self

    def _quiet_interrupt(self, unraisable: Any) -> None:
        """A press that lands in a callback Python cannot raise from (an import lock's, at
        start-up) is already counted: Python would print "Exception ignored in ..." and a
        traceback for it, so say nothing; anything else as before."""
        if isinstance(unraisable.exc_value, KeyboardInterrupt):
            return
        self._unraisable(unraisable)

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self._installed:
            signal.signal(signal.SIGINT, self._previous)
            sys.unraisablehook = self._unraisable
            self._installed = False

    @contextmanager
    def writing(self) -> Iterator[None]:
        """While the files are written, a press only says that they are being saved."""
        before, self._phase = self._phase, "writing"
        try:
            yield
        finally:
            self._phase = before

    def _handle(self, signum: int, frame: FrameType | None) -> None:
        if os.getpid() != self._pid:
            # A forked helper (the background bound) inherits this handler: there Ctrl-C
            # keeps its usual meaning and the parent decides.
            raise KeyboardInterrupt
        self.presses += 1
        if self._phase == "solving" and self.presses == 1:
            raise KeyboardInterrupt
        if self._phase == "solving" and self.presses >= ABORT_PRESS:
            self._say(cli_text("aborted", self.lang))
            raise Aborted
        if self._phase == "writing":
            self._say(cli_text("saving", self.lang))
        else:
            saving = cli_text("and_saving", self.lang) if self.saves else ""
            self._say(cli_text("finishing", self.lang, saving=saving))

    def _say(self, text: str) -> None:
        self.console.print(Text(text, style="yellow"), soft_wrap=True)
