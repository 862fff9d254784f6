"""The progress line of ``combibaan solve``: it ticks every second, not only when the solver
reports.

The solver calls its ``progress(jobs, bound, seconds)`` callback when it finds a
better proposal or a tighter bound, which can be minutes apart on a large
instance; a line that only moved then would look hung. Here the callback only
stores the numbers, and a :class:`rich.live.Live` redraws the line from a timer:
the elapsed time against the limit, the jobs found, the proven bound and the
gap ``(bound - jobs) / bound``, the share of jobs still to gain at most.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from types import TracebackType

from rich.console import Console
from rich.live import Live
from rich.spinner import Spinner
from rich.text import Text

from combibaan.texts import cli_text, decimal

#: Redraws per second: the clock shows whole seconds, the spinner needs a few frames to turn.
REFRESH_PER_SECOND = 4


def duration(seconds: float, lang: str = "nl") -> str:
    """A duration as people read it on a progress line: ``42 s``, ``3 min 05 s``, ``5 min``,
    ``1 u 02 min``; whole seconds up to two minutes, so that the default 60 s reads ``60 s``."""
    whole = max(0, int(seconds))
    if whole < 120:
        return f"{whole} s"
    minutes, secs = divmod(whole, 60)
    if minutes < 60:
        return f"{minutes} min {secs:02d} s" if secs else f"{minutes} min"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} {'u' if lang == 'nl' else 'h'} {minutes:02d} min"


def progress_text(
    elapsed: float, limit: float, jobs: int | None, bound: int | None, lang: str = "nl"
) -> str:
    """``Oplossen… 12 s van 60 s · 136 banen · ten hoogste 140 · gat 2,9%``.

    ``jobs`` is ``None`` until the solver first reports; ``bound`` until it has
    proven one.
    """
    clock = {"elapsed": duration(elapsed, lang), "limit": duration(limit, lang)}
    parts = [cli_text("solving", lang, **clock)]
    if jobs is None:
        parts.append(cli_text("no_proposal_yet", lang))
        return " · ".join(parts)
    parts.append(cli_text("jobs", lang, n=jobs))
    if bound is None:
        parts.append(cli_text("bound_unknown", lang))
    else:
        gap = (bound - jobs) / bound if bound > 0 else 0.0
        parts.append(cli_text("bound", lang, bound=bound))
        parts.append(cli_text("gap", lang, gap=decimal(round(max(gap, 0.0) * 100, 1), lang) + "%"))
    return " · ".join(parts)


class SolveProgress:
    """A live progress line on ``console`` for one solve (a context manager).

    Pass the instance itself as the solver's ``progress`` callback. ``clock``
    gives the time in seconds (``time.monotonic`` by default; tests pass their own).
    """

    def __init__(
        self,
        console: Console,
        limit: float,
        lang: str = "nl",
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.limit = limit
        self.lang = lang
        self.jobs: int | None = None
        self.bound: int | None = None
        self._clock = clock
        self._started = clock()
        self._spinner = Spinner("dots")
        self._live = Live(
            console=console,
            get_renderable=self._render,
            refresh_per_second=REFRESH_PER_SECOND,
            transient=True,
        )

    def __call__(self, jobs: int, bound: int | None, seconds: float) -> None:
        """The solver's report; only stored (the solver's threads must not wait for drawing)."""
        self.jobs, self.bound = jobs, bound

    def text(self) -> str:
        """The line as it reads now."""
        elapsed = self._clock() - self._started
        return progress_text(elapsed, self.limit, self.jobs, self.bound, self.lang)

    def _render(self) -> Spinner:
        self._spinner.update(text=Text(self.text()))
        return self._spinner

    def __enter__(self) -> SolveProgress:
        self._started = self._clock()
        self._live.start(refresh=True)
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self._live.stop()
