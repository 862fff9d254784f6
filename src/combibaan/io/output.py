"""Write a result to a folder, all files or none.

Files are first written to a staging folder beside the target and moved in
only once all of them are complete, so an error or Ctrl-C never leaves a
half-written set. Files in the folder that combibaan did not write are never
touched; a file with one of our names that we did not write stops the run.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path

from combibaan.io.errors import InputError, Problem
from combibaan.result import Result

#: Written by every solve; later features add their own files through ``extra``.
SOLUTION_FILES = ("solution.json", "jobs.csv", "assignments.csv", "unassigned.csv")

Writer = Callable[[Path], None]


def write_result(
    result: Result, out_dir: str | Path, extra: Mapping[str, Writer] | None = None
) -> list[Path]:
    """Write ``solution.json`` and the CSV files (plus ``extra`` files) into ``out_dir``."""
    writers: dict[str, Writer] = {
        "solution.json": lambda p: p.write_text(result.to_json() + "\n", encoding="utf-8"),
        "jobs.csv": lambda p: result.jobs.to_csv(p, index=False),
        "assignments.csv": lambda p: result.assignments.to_csv(p, index=False),
        "unassigned.csv": lambda p: result.unassigned.to_csv(p, index=False),
    }
    writers.update(extra or {})
    return write_files(out_dir, writers)


def write_files(
    out_dir: str | Path, writers: Mapping[str, Writer], *, replace: bool = False
) -> list[Path]:
    """Run every writer into a staging folder, then move the files in together.

    ``replace=True`` skips the check for files combibaan did not write, for a
    caller that has checked ownership itself (``combibaan sweep``'s table).
    """
    out = Path(out_dir)
    if not replace:
        _refuse_foreign_files(out, writers)
    out.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".combibaan-", dir=out))
    try:
        for name, write in writers.items():
            write(staging / name)
        targets = []
        for name in writers:
            os.chmod(staging / name, 0o644)
            os.replace(staging / name, out / name)
            targets.append(out / name)
        return targets
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _refuse_foreign_files(out: Path, names: Mapping[str, Writer]) -> None:
    """Stop when ``out`` holds a file with one of our names that an earlier run did not write."""
    if out.exists() and not out.is_dir():
        raise InputError(Problem(str(out), "is a file, not a folder; choose a folder for --out"))
    if not out.exists():
        return
    ours = _written_by_combibaan(out / "solution.json")
    clashing = [name for name in names if (out / name).exists()]
    if clashing and not ours:
        raise InputError(
            Problem(
                str(out),
                f"already holds {', '.join(clashing)} not written by combibaan; "
                "choose an empty or new folder so that nothing of yours is overwritten",
            )
        )


def _written_by_combibaan(path: Path) -> bool:
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(document, dict) and str(document.get("generator", "")).startswith("combibaan")
