"""The SMPTSP benchmark's 247 instances, read straight from their xz archives.

Run from the repository root::

    .venv/bin/python benchmarks/smptsp_data.py --list [--set Data_137]   # one row per instance
    .venv/bin/python benchmarks/smptsp_data.py --show data_1_23_40_66    # one instance
    .venv/bin/python benchmarks/smptsp_data.py --verify                  # the reader's self-check

The data folder (the three ``Data_*.tar.xz``, ``instances.csv`` and the results sheet
``vale1410_results2.csv``; its README describes them) is ``--data``, else the environment
variable ``COMBIBAAN_SMPTSP``, else ``../shared/data/smptsp`` beside the repository.
Nothing is unpacked: each instance is read from its archive with
:func:`combibaan.read_smptsp`, one at a time.

``--list`` reads every instance and prints tasks, workers, eligible (worker, task) pairs,
the interval-clique lower bound computed from what combibaan read (the most tasks running
at one moment, half-open) next to ``instances.csv``'s, and the sheet's bounds.
``--verify`` reads every instance and compares everything ``instances.csv`` says about it
(counts, times, the widest worker window, both clique bounds, the file's SHA-256) with what
combibaan read; it also checks that every worker's windows hold its eligible tasks.
Exit code 1 when anything differs.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import os
import sys
import tarfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, fields
from pathlib import Path

import combibaan
from combibaan.io.smptsp import Smptsp
from combibaan.model import MINUTES_PER_DAY, Instance

SETS = ("Data_137", "Data_100", "Data_010")
ENVIRONMENT = "COMBIBAAN_SMPTSP"
REPOSITORY = Path(__file__).resolve().parents[1]
DEFAULT_FOLDER = REPOSITORY.parent / "shared" / "data" / "smptsp"
SHEET = "vale1410_results2.csv"
TABLE = "instances.csv"


def data_folder(given: str | Path | None = None) -> Path:
    """The benchmark's folder: ``given``, else ``$COMBIBAAN_SMPTSP``, else the shared one."""
    chosen = given or os.environ.get(ENVIRONMENT) or DEFAULT_FOLDER
    return Path(chosen).expanduser().resolve()


@dataclass(frozen=True)
class Listed:
    """One row of ``instances.csv``: what the data folder's ``build_tables.py`` computed
    from the file (see the folder's README); ``multiskill_pct`` is empty for Data_100."""

    instance: str
    set: str
    tasks: int
    workers: int
    multiskill_pct: int | None
    min_start: int
    max_end: int
    past_1440: int
    max_task_minutes: int
    max_worker_window: int
    eligible_pairs: int
    clique_lb: int
    clique_lb_closed: int
    sha256: str


@dataclass(frozen=True)
class SheetBounds:
    """One row of the source repository's results sheet: its lower and upper bound on the
    number of workers, with the seconds each took. One instance has no upper bound."""

    instance: str
    lb: int
    lb_seconds: float
    ub: int | None
    ub_seconds: float | None
    remark: str

    @property
    def proven(self) -> bool:
        """Whether the sheet's value is proven optimal: its bounds meet."""
        return self.ub is not None and self.lb == self.ub


#: The columns of ``instances.csv`` that are text; the others are whole numbers.
_TEXT = frozenset({"instance", "set", "sha256"})


def _number(text: str, kind: type[int] | type[float]) -> int | float | None:
    return kind(text) if text.strip() else None


def listed(folder: Path | None = None) -> dict[str, Listed]:
    """``instances.csv`` by instance name, in the file's order."""
    rows: dict[str, Listed] = {}
    with open(data_folder(folder) / TABLE, newline="", encoding="utf-8") as file:
        for row in csv.DictReader(file):
            values: dict[str, object] = {field.name: row[field.name] for field in fields(Listed)}
            for key in values.keys() - _TEXT:
                values[key] = _number(row[key], int)
            rows[row["instance"]] = Listed(**values)  # type: ignore[arg-type]
    return rows


def sheet(folder: Path | None = None) -> dict[str, SheetBounds]:
    """The results sheet by instance name."""
    rows: dict[str, SheetBounds] = {}
    with open(data_folder(folder) / SHEET, newline="", encoding="utf-8") as file:
        for row in csv.DictReader(file):
            rows[row["instance"]] = SheetBounds(
                row["instance"],
                int(row["lb"]),
                float(row["lb_seconds"]),
                _number(row["ub"], int),  # type: ignore[arg-type]
                _number(row["ub_seconds"], float),
                row["remark"],
            )
    return rows


def names(set_name: str, folder: Path | None = None) -> list[str]:
    """The instances of one set, as ``instances.csv`` lists them."""
    return [row.instance for row in listed(folder).values() if row.set == set_name]


def members(set_name: str, folder: Path | None = None) -> Iterator[tuple[str, bytes]]:
    """Each ``.dat`` file of one set's archive, as (its member name, its bytes), one at a
    time and in the archive's order: a pass over a set decompresses its archive once."""
    with tarfile.open(data_folder(folder) / f"{set_name}.tar.xz", "r:xz") as archive:
        for member in archive:
            if member.isfile() and member.name.endswith(".dat"):
                file = archive.extractfile(member)
                if file is not None:
                    yield member.name, file.read()


def instances(set_name: str, folder: Path | None = None) -> Iterator[Smptsp]:
    """Every instance of one set, read one at a time."""
    for member, data in members(set_name, folder):
        yield combibaan.read_smptsp(io.BytesIO(data), name=member)


def read(name: str, folder: Path | None = None) -> Smptsp:
    """One instance by name (``data_1_23_40_66``), from its set's archive."""
    row = listed(folder).get(name)
    if row is None:
        raise KeyError(f"no SMPTSP instance {name!r} in {TABLE}")
    for member, data in members(row.set, folder):
        if Path(member).stem == name:
            return combibaan.read_smptsp(io.BytesIO(data), name=member)
    raise KeyError(f"{name!r} is listed in {TABLE} but not in {row.set}.tar.xz")


def clique_bound(instance: Instance, *, closed: bool = False) -> int:
    """The most tasks running at one moment: no worker does two of them, so at least this
    many workers are needed. Half-open ``[start, end)`` by default (a task ending at 600
    and one starting at 600 do not meet); ``closed`` counts ends as inclusive."""
    events = [(s.week_start, 1) for t in instance.tasks for s in t.slots]
    events += [(s.week_end, -1) for t in instance.tasks for s in t.slots]
    # at one moment, half-open: ends before starts; closed: starts before ends
    events.sort(key=lambda event: (event[0], -event[1] if closed else event[1]))
    running = most = 0
    for _, change in events:
        running += change
        most = max(most, running)
    return most


def summary(smptsp: Smptsp) -> dict[str, int]:
    """What ``instances.csv`` says about an instance, computed from what combibaan read."""
    tasks = smptsp.instance.tasks
    slots = [slot for task in tasks for slot in task.slots]
    spans = [
        max(w.week_end for w in c.windows) - min(w.week_start for w in c.windows)
        for c in smptsp.candidates
        if c.eligible_task_ids
    ]
    return {
        "tasks": len(tasks),
        "workers": len(smptsp.candidates),
        "min_start": min(slot.week_start for slot in slots),
        "max_end": max(slot.week_end for slot in slots),
        "past_1440": sum(slot.week_end > MINUTES_PER_DAY for slot in slots),
        "max_task_minutes": max(slot.minutes for slot in slots),
        "max_worker_window": max(spans, default=0),
        "eligible_pairs": sum(len(c.eligible_task_ids or ()) for c in smptsp.candidates),
        "clique_lb": clique_bound(smptsp.instance),
        "clique_lb_closed": clique_bound(smptsp.instance, closed=True),
    }


def windows_hold_tasks(smptsp: Smptsp) -> list[str]:
    """Workers one of whose eligible tasks lies outside their windows (none, when the
    reader is right): :meth:`~combibaan.model.candidate.Candidate.available` decides."""
    slot_of = {task.id: task.slots[0] for task in smptsp.instance.tasks}
    return [
        candidate.id
        for candidate in smptsp.candidates
        if not all(candidate.available(slot_of[t]) for t in candidate.eligible_task_ids or ())
    ]


def _bounds(bounds: SheetBounds | None) -> tuple[str, str, str]:
    if bounds is None:
        return "–", "–", "–"
    ub = "–" if bounds.ub is None else str(bounds.ub)
    return str(bounds.lb), ub, "yes" if bounds.proven else "no"


HEADER = (
    "| instance | set | tasks | workers | eligible pairs | clique lb | csv clique lb "
    "| sheet lb | sheet ub | proven |"
)


def list_sets(sets: tuple[str, ...], folder: Path) -> int:
    """Read every instance of ``sets``; print one Markdown row each."""
    table, bounds = listed(folder), sheet(folder)
    print(HEADER)
    print("|---" * (HEADER.count("|") - 1) + "|")
    for set_name in sets:
        for smptsp in instances(set_name, folder):
            row = table.get(smptsp.name)
            found = summary(smptsp)
            expected = "–" if row is None else str(row.clique_lb)
            lb, ub, proven = _bounds(bounds.get(smptsp.name))
            print(
                f"| {smptsp.name} | {set_name} | {found['tasks']} | {found['workers']} "
                f"| {found['eligible_pairs']} | {found['clique_lb']} | {expected} "
                f"| {lb} | {ub} | {proven} |",
                flush=True,
            )
    return 0


def show(name: str, folder: Path) -> int:
    """One instance: what combibaan read, ``instances.csv`` and the sheet."""
    smptsp = read(name, folder)
    row = listed(folder)[name]
    found = summary(smptsp)
    print(f"{smptsp.name} ({row.set}), Type {smptsp.problem_type}")
    for key, value in found.items():
        expected = getattr(row, key)
        mark = "" if value == expected else f"  <- {TABLE} says {expected}"
        print(f"  {key}: {value}{mark}")
    bounds = sheet(folder).get(name)
    if bounds is not None:
        lb, ub, proven = _bounds(bounds)
        remark = f", remark {bounds.remark!r}" if bounds.remark else ""
        print(f"  sheet: lb {lb} ({bounds.lb_seconds} s), ub {ub} ({bounds.ub_seconds} s)")
        print(f"  proven optimal: {proven}{remark}")
    first, last = smptsp.instance.tasks[0], smptsp.instance.tasks[-1]
    print(f"  tasks {first.id} {first.slots[0]} … {last.id} {last.slots[0]}")
    worker = smptsp.candidates[0]
    print(
        f"  worker {worker.id}: windows {worker.windows}, "
        f"{len(worker.eligible_task_ids or ())} eligible tasks"
    )
    return 0


def verify(sets: tuple[str, ...], folder: Path) -> int:
    """Read every instance of ``sets`` and compare it with ``instances.csv``; 1 on a
    difference. Prints one line per set and every difference."""
    table, bounds = listed(folder), sheet(folder)
    differences: list[str] = []
    started = time.perf_counter()
    for set_name in sets:
        set_started = time.perf_counter()
        seen: list[str] = []
        for member, data in members(set_name, folder):
            smptsp = combibaan.read_smptsp(io.BytesIO(data), name=member)
            seen.append(smptsp.name)
            row = table.get(smptsp.name)
            if row is None:
                differences.append(f"{member}: not in {TABLE}")
                continue
            found = summary(smptsp)
            found_hash = hashlib.sha256(data).hexdigest()
            differences += [
                f"{smptsp.name}: {key} {value}, {TABLE} {getattr(row, key)}"
                for key, value in [*found.items(), ("sha256", found_hash), ("set", set_name)]
                if value != getattr(row, key)
            ]
            differences += [
                f"{smptsp.name}: an eligible task of {worker} lies outside its windows"
                for worker in windows_hold_tasks(smptsp)
            ]
            if smptsp.name not in bounds:
                differences.append(f"{smptsp.name}: not in {SHEET}")
        missing = sorted(set(names(set_name, folder)) - set(seen))
        differences += [f"{name}: in {TABLE} but not in {set_name}.tar.xz" for name in missing]
        print(
            f"{set_name}: {len(seen)} instances read and compared "
            f"in {time.perf_counter() - set_started:.1f} s",
            flush=True,
        )
    for line in differences:
        print(line)
    total = time.perf_counter() - started
    verdict = "all agree" if not differences else f"{len(differences)} differences"
    print(f"{verdict}; {total:.1f} s in all")
    return 1 if differences else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--list", action="store_true", help="one row per instance")
    action.add_argument("--show", metavar="NAME", help="one instance, e.g. data_1_23_40_66")
    action.add_argument("--verify", action="store_true", help="compare with instances.csv")
    parser.add_argument(
        "--set", action="append", choices=SETS, help="only this set (repeatable; default all)"
    )
    parser.add_argument("--data", help=f"the data folder (default ${ENVIRONMENT}, else shared)")
    args = parser.parse_args(argv)
    folder = data_folder(args.data)
    if not (folder / TABLE).is_file():
        print(f"no SMPTSP data in {folder}: give --data or set {ENVIRONMENT}", file=sys.stderr)
        return 2
    sets = tuple(args.set or SETS)
    if args.show:
        try:
            return show(args.show, folder)
        except KeyError as error:
            print(error.args[0], file=sys.stderr)
            return 2
    return list_sets(sets, folder) if args.list else verify(sets, folder)


if __name__ == "__main__":
    sys.exit(main())
