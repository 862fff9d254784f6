"""Write a run's files to a folder, all files or none, and never over a file of the user's.

This module knows files, not results: :func:`combibaan.result.write_solution_files` and
the reports pass their writers to :func:`write_files`, so that ``io`` stays below
the layers that know a :class:`~combibaan.result.Result`.

Files are first written to a staging folder beside the target and moved in
only once all of them are complete, so an error or Ctrl-C never leaves a
half-written set.

combibaan records what it wrote in ``.combibaan-manifest.json`` in the folder:
the sha256 of every file. A later run replaces a file only when that record
says combibaan wrote it and the file is unchanged since; a file changed since
(say a ``proposals.xlsx`` edited at the table) is replaced only with
``force=True`` (``--force``). A file with one of our names that combibaan never
wrote is never replaced, not even with ``force``. A folder from before the
manifest has no record: there a file counts as combibaan's when the run's
``legacy`` test says so (for ``solve``: the folder's ``solution.json`` names
combibaan as its generator), and as unchanged, since there is nothing to
compare it with; the run then writes the record.

Every argument can be checked before any work starts (:func:`check_output`),
so a wrong ``--out`` costs no solve time; :func:`write_files` checks again
when it writes, in case a file was edited meanwhile.

CSV files are written through :func:`write_csv`: a text cell that starts like
a formula gets a leading apostrophe (:func:`neutral_cell`), the same test the
workbook uses (:func:`looks_like_formula`).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import TYPE_CHECKING, Any

from combibaan.io.errors import InputError, Problem
from combibaan.model.phrase import mistake

if TYPE_CHECKING:
    import pandas as pd

#: Written by every solve; later features add their own files through ``extra``.
SOLUTION_FILES = ("solution.json", "jobs.csv", "assignments.csv", "unassigned.csv")
#: The report and the workbook :func:`combibaan.write_result` adds (``combibaan.reporting``
#: writes them; named here so that a folder is checked without loading the reports).
REPORT_FILES = ("report.html", "proposals.xlsx")
#: Every file :func:`combibaan.write_result` writes.
OUTPUT_FILES = (*SOLUTION_FILES, *REPORT_FILES)
#: The record of what combibaan wrote in a folder.
MANIFEST = ".combibaan-manifest.json"
#: How a cell starts when a spreadsheet would take it for a formula (OWASP's list).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

Writer = Callable[[Path], object]
#: Whether an existing file, unknown to the manifest, was written by combibaan before
#: manifests existed.
Legacy = Callable[[Path], bool]


# ----------------------------------------------------------------------------- cells


def looks_like_formula(text: str) -> bool:
    """Whether a spreadsheet would read ``text`` as a formula (or a DDE command)."""
    return text.startswith(FORMULA_STARTS)


def neutral_cell(value: Any) -> Any:
    """A text that looks like a formula, with a leading apostrophe; anything else as is.

    Numbers are not text and stay numbers (``-3.5`` is written as ``-3.5``).
    """
    if isinstance(value, str) and looks_like_formula(value):
        return "'" + value
    return value


def write_csv(
    frame: pd.DataFrame, path: Path, *, sep: str = ",", decimal: str = ".", bom: bool = False
) -> None:
    """``frame`` as UTF-8 CSV without the index, every formula-like text cell neutralised.

    Lines end in CRLF (RFC 4180): then a cell holding a carriage return is
    quoted too, where with bare LF line ends it would split its row. The
    defaults are RFC 4180; ``sep=";", decimal=","`` is what a spreadsheet
    program set to Dutch splits into columns and numbers when the file is
    double-clicked, and ``bom`` starts the file with the UTF-8 byte order mark
    by which Excel recognises UTF-8 (without it, ``é`` shows as ``Ã©``).
    """
    frame.map(neutral_cell).to_csv(
        path,
        index=False,
        sep=sep,
        decimal=decimal,
        lineterminator="\r\n",
        encoding="utf-8-sig" if bom else "utf-8",
    )


# ----------------------------------------------------------------------------- writing


def write_files(
    out_dir: str | Path,
    writers: Mapping[str, Writer],
    *,
    force: bool = False,
    legacy: Legacy | None = None,
) -> list[Path]:
    """Run every writer into a staging folder, then move the files in together.

    Refuses (:class:`InputError`) as :func:`check_output` does. ``legacy``
    recognises files of an earlier run without a manifest (default: the
    folder's ``solution.json`` was written by combibaan). OS errors (a full
    disk) propagate; nothing is moved in then.
    """
    out = folder_path(out_dir)
    check_output(out, writers, force=force, legacy=legacy)
    created = _missing_folders(out)
    out.mkdir(parents=True, exist_ok=True)
    try:
        staging = Path(tempfile.mkdtemp(prefix=".combibaan-", dir=out))
    except BaseException:
        _remove_empty(created)
        raise
    moved = False
    try:
        digests = {}
        for name, write in writers.items():
            write(staging / name)
            os.chmod(staging / name, 0o644)
            digests[name] = _sha256(staging / name)
        record = _record(out, digests)
        (staging / MANIFEST).write_text(record, encoding="utf-8")
        os.chmod(staging / MANIFEST, 0o644)
        targets = []
        moved = True
        for name in writers:
            os.replace(staging / name, out / name)
            targets.append(out / name)
        # The record last: a crash before it leaves files it does not describe, which the
        # next run refuses (with --force as the way out) rather than trusting them.
        os.replace(staging / MANIFEST, out / MANIFEST)
        return targets
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        if not moved:
            _remove_empty(created)


def check_output(
    out_dir: str | Path,
    names: Iterable[str],
    *,
    force: bool = False,
    legacy: Legacy | None = None,
) -> None:
    """Whether files ``names`` may be written into ``out_dir``; :class:`InputError` if not.

    Writes nothing: the folder must be (or become) a folder we can write in,
    and every existing file with one of ``names`` must be combibaan's and
    unchanged since it was written (changed ones are allowed with ``force``).
    """
    out = folder_path(out_dir)
    check_folder(out)
    if not out.is_dir():
        return
    legacy = legacy or _legacy_solution
    manifest, broken = _read_manifest(out)
    changed: list[str] = []
    foreign: list[str] = []
    for name in names:
        path = out / name
        if not path.exists() and not path.is_symlink():
            continue
        if not path.is_file():
            foreign.append(name)
        elif name in manifest:
            if _sha256(path) != manifest[name]:
                changed.append(name)
        elif (out / MANIFEST).exists() and broken is None:
            foreign.append(name)  # the record is there and does not list it
        elif legacy(path):
            if broken is not None:
                changed.append(name)  # ours by the old test, but nothing to compare with
            # else: from before the manifest, ours, and taken as unchanged
        else:
            foreign.append(name)
    if foreign:
        raise InputError(Problem(str(out), mistake("foreign_files", files=", ".join(foreign))))
    if changed and not force:
        code = "changed_files" if broken is None else "unknown_files"
        files = ", ".join(changed)
        raise InputError(
            Problem(
                str(out),
                mistake(code, n=len(changed), files=files, record=MANIFEST, why=broken or ""),
            )
        )


def check_output_folder(folder: str | Path, *, force: bool = False) -> None:
    """Whether :func:`combibaan.write_result` may write into ``folder``; :class:`InputError`
    if not.

    Writes nothing: called before a long solve, so that a wrong folder costs no
    solve time (a file there that combibaan did not write, one changed since
    without ``force``, a folder that cannot be made).
    """
    check_output(folder, OUTPUT_FILES, force=force)


def folder_path(folder: str | Path) -> Path:
    """``folder`` with ``..`` resolved as written: ``zz/../tasks.csv`` is ``tasks.csv``,
    which the system finds only where ``zz`` exists (else it was made a folder first,
    and a file there was found after the solve)."""
    path = Path(folder)
    return Path(os.path.normpath(path)) if ".." in path.parts else path


def check_folder(folder: str | Path) -> None:
    """Whether ``folder`` is, or can become, a folder we may write in; writes nothing lasting.

    Creates and removes an empty probe folder in it (or in its nearest
    existing parent), which is the only test that also holds for read-only
    file systems and for root.
    """
    path = folder_path(folder)
    if path.exists() and not path.is_dir():
        raise InputError(Problem(str(path), mistake("not_a_folder")))
    existing = path
    while not existing.exists():
        if existing.parent == existing:
            break
        existing = existing.parent
    if existing.exists() and not existing.is_dir():
        raise InputError(Problem(str(path), mistake("folder_blocked", file=str(existing))))
    try:
        probe = tempfile.mkdtemp(prefix=".combibaan-probe-", dir=existing)
    except OSError as error:
        reason = str(error.strerror or error)
        raise InputError(
            Problem(str(path), mistake("cannot_write_in", folder=str(existing), reason=reason))
        ) from None
    os.rmdir(probe)


# ----------------------------------------------------------------------------- the record


def _read_manifest(out: Path) -> tuple[dict[str, str], str | None]:
    """The sha256 per file name recorded in ``out``, and why the record is unusable (or None)."""
    path = out / MANIFEST
    if not path.exists():
        return {}, None
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
        files = document["files"]
        return {str(name): str(entry["sha256"]) for name, entry in files.items()}, None
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        return {}, type(error).__name__ if not str(error) else str(error)


def _record(out: Path, digests: Mapping[str, str]) -> str:
    """The new manifest: earlier entries of files still present, and the files written now."""
    recorded, broken = _read_manifest(out)
    files: dict[str, dict[str, str]] = {}
    if broken is None:
        for name, digest in recorded.items():
            if name not in digests and (out / name).is_file():
                files[name] = {"sha256": digest}
    written = datetime.now(UTC).isoformat(timespec="seconds")
    for name, digest in digests.items():
        files[name] = {"sha256": digest, "written": written}
    document = {
        "generator": f"combibaan {_version()}",
        "about": "Files combibaan wrote in this folder, with their sha256. It replaces "
        "only these, and only while unchanged (--force replaces a changed one).",
        "files": dict(sorted(files.items())),
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def _version() -> str:
    try:
        return version("combibaan")
    except PackageNotFoundError:  # running from a source tree
        return "0+unknown"


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _legacy_solution(path: Path) -> bool:
    """A file of a solve from before manifests: the folder's ``solution.json`` is ours."""
    return _written_by_combibaan(path.parent / "solution.json")


def _written_by_combibaan(path: Path) -> bool:
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(document, dict) and str(document.get("generator", "")).startswith("combibaan")


def _missing_folders(path: Path) -> list[Path]:
    """The folders ``mkdir(parents=True)`` would create, deepest first."""
    missing = []
    while not path.exists() and path.parent != path:
        missing.append(path)
        path = path.parent
    return missing


def _remove_empty(folders: list[Path]) -> None:
    """Undo ``mkdir`` of folders left empty after a failed write."""
    for folder in folders:
        try:
            folder.rmdir()
        except OSError:
            return
