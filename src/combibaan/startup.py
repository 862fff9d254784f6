"""What the ``combibaan`` command needs before anything else loads: whether this process
is the command, the language its line asks for, and a quiet end on Ctrl-C.

Standard library only: the package's ``__init__`` and ``__main__`` use it while
the rest is still loading, where a press of Ctrl-C must not become a traceback.
"""

from __future__ import annotations

import itertools
import os
import signal
import sys


def english(argv: list[str] | None = None) -> bool:
    """Whether the command line asks for English (``--lang en``, ``--lang=EN``, any case)."""
    args = [a.lower() for a in (sys.argv if argv is None else argv)]
    return "--lang=en" in args or any(
        a == "--lang" and b == "en" for a, b in itertools.pairwise(args)
    )


def is_command() -> bool:
    """Whether this process is the ``combibaan`` command (its script or ``python -m
    combibaan``), not a program that imports the package."""
    script = os.path.basename(sys.argv[0]) if sys.argv else ""
    if script.lower().removesuffix(".exe") == "combibaan":
        return True
    args = getattr(sys, "orig_argv", [])
    return any(a == "-m" and b == "combibaan" for a, b in itertools.pairwise(args))


def stop_interrupted() -> None:
    """End the command quietly after Ctrl-C at start-up: a line and exit code 130."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second press must not add a traceback
    sys.stderr.write("\ninterrupted (Ctrl-C)\n" if english() else "\nonderbroken (Ctrl-C)\n")
    sys.exit(130)
