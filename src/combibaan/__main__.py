"""The ``combibaan`` command (and ``python -m combibaan``).

The console script points here rather than at the Typer app, so that Ctrl-C
while Python is still importing the app (pandas, OR-Tools: up to a second on
a busy machine) ends quietly with exit code 130 instead of a traceback. Keep
this module free of imports beyond the standard library and :mod:`.startup`.
"""

from __future__ import annotations

from combibaan.startup import stop_interrupted


def _interrupted(error: BaseException) -> bool:
    """Whether Ctrl-C caused ``error``: a press inside a C extension's import surfaces
    as an ``ImportError`` whose context is the ``KeyboardInterrupt``."""
    seen: BaseException | None = error
    while seen is not None:
        if isinstance(seen, KeyboardInterrupt):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def main() -> None:
    """Import and run the command line; Ctrl-C before it takes over exits 130 quietly."""
    try:
        from combibaan.cli import app

        app()
    except (KeyboardInterrupt, ImportError) as error:
        if not _interrupted(error):
            raise
        stop_interrupted()


if __name__ == "__main__":
    main()
