"""The command line: a thin shell over the Python API (``import combibaan``).

Each command is one module (``solve``, ``check``, ``explain``, ``generate``,
``sweep``) that maps its options onto the same functions a notebook calls;
``options`` defines every option once (the rule flags from the rules'
registry), ``show`` prints results, ``app`` holds the group and turns a mistake
in the user's input into a message and exit code 2. An import contract keeps
the command line on the public API: nothing here imports the internals.

The heavy parts (pandas, the solver, the reports) load when a command needs
them, so that ``--help`` and a mistake are answered at once.
"""

from combibaan.cli.app import app

# isort: off
# Each command module registers its command; ``--help`` lists them in this order.
from combibaan.cli import solve, check, explain, generate, sweep
# isort: on

__all__ = ["app", "check", "explain", "generate", "solve", "sweep"]
