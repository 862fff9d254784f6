"""The ``combibaan`` command (and ``python -m combibaan``).

The console script points here rather than at the Typer app, so that Ctrl-C
while Python is still importing the app (pandas, OR-Tools: up to a second on
a busy machine) ends quietly with exit code 130 instead of a traceback. Keep
this module free of imports beyond the standard library.
"""

from __future__ import annotations

import itertools
import signal
import sys


def _interrupted(error: BaseException) -> bool:
    """Whether Ctrl-C caused ``error``: a press inside a C extension's import surfaces
    as an ``ImportError`` whose context is the ``KeyboardInterrupt``."""
    seen: BaseException | None = error
    while seen is not None:
        if isinstance(seen, KeyboardInterrupt):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def english(argv: list[str] | None = None) -> bool:
    """Whether the command line asks for English (``--lang en``, ``--lang=EN``, any case)."""
    args = [a.lower() for a in (sys.argv if argv is None else argv)]
    return "--lang=en" in args or any(
        a == "--lang" and b == "en" for a, b in itertools.pairwise(args)
    )


def main() -> None:
    """Import and run the command line; Ctrl-C before it takes over exits 130 quietly."""
    try:
        from combibaan.cli import app

        app()
    except (KeyboardInterrupt, ImportError) as error:
        if not _interrupted(error):
            raise
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second press must not add a traceback
        sys.stderr.write("\ninterrupted (Ctrl-C)\n" if english() else "\nonderbroken (Ctrl-C)\n")
        sys.exit(130)


if __name__ == "__main__":
    main()
