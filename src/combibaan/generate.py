"""Synthetic but plausible campus instances, for tests, benchmarks and demos.

Real task lists are confidential, so benchmarks need stand-ins that look like
what suppliers bring to the table: cleaning before and after office hours,
catering around lunch, vending rounds, groundskeeping in daylight, security
from reception to night shifts, and the client's own services. Each task is too
small to be a job on its own (mostly 6-15 hours a week), so the solver has to
combine. Buildings lie on a sparse walking graph, so shortest paths matter.

Everything is drawn from ``random.Random(seed)``: the same seed gives the same
instance on every machine.
"""

from __future__ import annotations

import math
import os
import random
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

TASK_COLUMNS = (
    "task_id",
    "supplier",
    "description",
    "days",
    "start",
    "end",
    "location",
    "competencies",
)
TRAVEL_COLUMNS = ("from", "to", "minutes")

#: Per-task hours per week are kept within these bounds.
MIN_TASK_HOURS = 4.0
MAX_TASK_HOURS = 25.0

BUILDING_NAMES = (
    "Hoofdgebouw",
    "Bibliotheek",
    "Collegezalen",
    "Laboratorium",
    "Restaurant",
    "Sporthal",
    "Kantoren Oost",
    "Kantoren West",
    "Studentenhuis",
    "Werkplaats",
    "Congrescentrum",
    "Onderwijsgebouw",
    "Parkeergarage",
    "Kas",
    "Archief",
)
CAMPUS_NAMES = ("Noord", "Zuid", "Centrum", "Oost", "West")
OUTDOOR_SITE = "Buitenterrein"


@dataclass(frozen=True)
class Shift:
    """A kind of slot a trade works: possible starts, lengths (hours) and day patterns."""

    starts: tuple[str, ...]
    hours: tuple[float, ...]
    days: tuple[str, ...]
    descriptions: tuple[str, ...]


@dataclass(frozen=True)
class Trade:
    """A supplier sector: its supplier names, how often it shows up, its shifts and skills."""

    suppliers: tuple[str, ...]
    weight: float
    shifts: tuple[Shift, ...]
    competencies: tuple[str, ...]
    outdoor: bool = False


WEEKDAYS = ("ma-vr",) * 5 + ("ma-do", "di-vr", "ma,wo,vr", "ma,di,do")
FEW_DAYS = ("ma,wo,vr", "di,do", "ma,do", "di-do", "ma-wo", "wo,vr", "ma-vr")

TRADES = (
    Trade(
        ("Schoonmaak Noord", "Schoonmaak Zuid"),
        0.30,
        (
            Shift(
                ("06:00", "06:00", "06:30", "07:00"),
                (2.0, 2.5, 3.0),
                WEEKDAYS,
                (
                    "Kantoren en werkplekken stofzuigen en afnemen",
                    "Sanitaire ruimtes reinigen en aanvullen",
                    "Entree en trappenhuizen dweilen",
                    "Pantry's en koffiehoeken schoonmaken",
                ),
            ),
            Shift(
                ("16:00", "16:30", "17:00", "17:30", "18:00"),
                (2.0, 2.5, 3.0, 3.5, 4.0),
                WEEKDAYS,
                (
                    "Collegezalen opruimen en schoonmaken",
                    "Afval inzamelen en containers legen",
                    "Sanitair en douches reinigen",
                    "Laboratoria vloeren reinigen",
                ),
            ),
        ),
        ("nauwkeurig", "zelfstandig", "hygiënisch werken", "fysiek fit", "doorzetter"),
    ),
    Trade(
        ("Catering",),
        0.15,
        (
            Shift(
                ("07:30", "08:00"),
                (3.0, 3.5),
                ("ma-vr", "ma-vr", "ma-do", "di-vr"),
                (
                    "Ontbijtbuffet opbouwen en afruimen",
                    "Koffiecorner bemannen",
                    "Broodjes beleggen in de keuken",
                ),
            ),
            Shift(
                ("10:00", "10:30", "11:00", "11:30"),
                (3.0,),
                ("ma-vr", "ma-vr", "ma-do", "ma,wo,vr", "di-vr"),
                (
                    "Lunch uitserveren aan de balie",
                    "Kassa in het restaurant",
                    "Afwas en spoelkeuken",
                    "Vaatwerk ophalen uit vergaderzalen",
                    "Saladebar aanvullen",
                ),
            ),
            Shift(
                ("09:30",),
                (4.0, 5.0),
                ("ma-vr", "ma,wo,vr", "di-do"),
                ("Lunch voorbereiden en uitserveren", "Catering van vergaderingen verzorgen"),
            ),
        ),
        ("klantvriendelijk", "hygiënisch werken", "tempo kunnen maken", "samenwerken"),
    ),
    Trade(
        ("Automaten",),
        0.08,
        (
            Shift(
                ("07:00", "08:00", "09:00", "10:00"),
                (2.0, 2.5, 3.0),
                FEW_DAYS,
                (
                    "Koffie- en snoepautomaten bijvullen",
                    "Automaten reinigen en storingen melden",
                    "Voorraad automaten aanvullen vanuit het magazijn",
                ),
            ),
        ),
        ("nauwkeurig", "zelfstandig", "rijbewijs B", "omgaan met geld"),
    ),
    Trade(
        ("Groen Oost", "Groen West"),
        0.15,
        (
            Shift(
                ("07:00", "07:30", "08:00"),
                (3.0, 4.0, 4.0, 5.0),
                FEW_DAYS,
                (
                    "Borders schoffelen en onkruid wieden",
                    "Gras maaien en kanten steken",
                    "Hagen en heesters snoeien",
                ),
            ),
            Shift(
                ("12:30",),
                (3.0, 3.5),
                FEW_DAYS,
                (
                    "Blad blazen en ruimen",
                    "Zwerfafval prikken op het terrein",
                    "Bankjes en fietsenstallingen schoonhouden",
                ),
            ),
        ),
        ("fysiek fit", "buiten werken", "zelfstandig", "rijbewijs B", "veiligheidsbewust"),
        outdoor=True,
    ),
    Trade(
        ("Beveiliging",),
        0.15,
        (
            Shift(
                ("07:00",),
                (4.0, 3.0),
                WEEKDAYS,
                ("Receptie en bezoekersregistratie", "Toegangscontrole hoofdingang"),
            ),
            Shift(
                ("12:00", "13:00"),
                (3.0, 4.0),
                ("ma-vr", "ma,wo,vr", "di,do"),
                ("Middagdienst beveiligingsbalie", "Sleuteluitgifte en pasjes"),
            ),
            Shift(
                ("18:00",),
                (4.0, 3.0),
                ("ma-vr", "ma-do", "ma,wo,vr", "di,do"),
                ("Avondronde en sluitronde gebouwen", "Avonddienst portier"),
            ),
            Shift(
                ("22:00",),
                (8.0,),
                ("za,zo", "vr,za", "vr-zo"),
                ("Nachtdienst meldkamer", "Nachtronde terrein en gebouwen"),
            ),
        ),
        ("klantvriendelijk", "alert", "betrouwbaar", "stressbestendig"),
    ),
    Trade(
        ("Eigen dienst",),
        0.17,
        (
            Shift(
                ("08:00", "08:30"),
                (2.0, 3.0),
                WEEKDAYS,
                ("Postkamer: post sorteren en frankeren", "Magazijn en kantoorartikelen uitgeven"),
            ),
            Shift(
                ("13:00", "13:30"),
                (2.0, 2.5),
                WEEKDAYS,
                ("Postronde langs de gebouwen", "Pakketten rondbrengen"),
            ),
            Shift(
                ("12:00", "13:00"),
                (3.0, 4.0),
                ("ma-vr", "ma,wo,vr", "di,do", "ma-do"),
                ("Facilitaire servicebalie", "Telefoon en meldingen facilitair"),
            ),
            Shift(
                ("07:30", "15:00"),
                (2.0, 2.5, 3.0),
                FEW_DAYS,
                ("Vergaderzalen klaarzetten", "Meubilair verplaatsen bij evenementen"),
            ),
        ),
        ("nauwkeurig", "klantvriendelijk", "zelfstandig", "computervaardig", "tillen en sjouwen"),
    ),
)

#: Day patterns for tasks split over two rows: the rows never share a day.
SPLIT_DAYS = (
    ("ma,wo", "vr"),
    ("di,do", "vr"),
    ("ma-wo", "do"),
    ("ma,di", "do,vr"),
    ("ma", "wo,vr"),
    ("di", "do"),
)


def _minutes(text: str) -> int:
    hours, minutes = text.split(":")
    return int(hours) * 60 + int(minutes)


def _clock(minutes: int) -> str:
    minutes %= 24 * 60
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _day_count(pattern: str) -> int:
    order = ("ma", "di", "wo", "do", "vr", "za", "zo")
    count = 0
    for part in pattern.split(","):
        if "-" in part:
            first, last = (order.index(p) for p in part.split("-"))
            count += (last - first) % 7 + 1
        else:
            count += 1
    return count


# ----------------------------------------------------------------------------- buildings


def _building_names(count: int, campus: str | None) -> list[str]:
    names = [OUTDOOR_SITE, *BUILDING_NAMES][:count]
    names += [f"Gebouw {i}" for i in range(len(names) + 1, count + 1)]
    return [f"{name} {campus}" if campus else name for name in names]


def _campus_graph(rng: random.Random, names: list[str]) -> list[tuple[str, str, int]]:
    """Walking links between a campus's buildings: a spanning tree plus some shortcuts.

    Buildings get random spots on a square that grows with their number; a link
    takes 3 minutes (door to door) plus a minute per 60 metres, at most 15.
    """
    side = 300 * math.sqrt(len(names))
    spots = {name: (rng.uniform(0, side), rng.uniform(0, side)) for name in names}

    def walk(a: str, b: str) -> int:
        return min(15, 3 + round(math.dist(spots[a], spots[b]) / 60))

    edges: dict[frozenset[str], int] = {}
    for i, name in enumerate(names[1:], start=1):  # link each to its nearest earlier building
        near = min(names[:i], key=lambda other: math.dist(spots[name], spots[other]))
        edges[frozenset((name, near))] = walk(name, near)
    for name in names:  # some links to the nearest neighbours give shortcuts
        others = sorted(
            (o for o in names if o != name), key=lambda o: math.dist(spots[name], spots[o])
        )
        for other in others[:2]:
            if rng.random() < 0.5:
                edges.setdefault(frozenset((name, other)), walk(name, other))
    return [(*sorted(pair), minutes) for pair, minutes in edges.items()]


def _buildings(
    rng: random.Random, n_tasks: int, campuses: int
) -> tuple[list[list[str]], list[tuple[str, str, int]]]:
    """Building names per campus and the walking/driving edges between them."""
    per_campus = max(3, min(15, round(n_tasks / 10 / campuses)))
    groups: list[list[str]] = []
    edges: list[tuple[str, str, int]] = []
    for c in range(campuses):
        label = None
        if campuses > 1:
            label = CAMPUS_NAMES[c] if c < len(CAMPUS_NAMES) else f"Campus {c + 1}"
        names = _building_names(per_campus, label)
        groups.append(names)
        edges.extend(_campus_graph(rng, names))
    # Campuses: linked from main building to main building, 20-60 minutes by bike or bus.
    for a in range(campuses):
        for b in range(a + 1, campuses):
            if b == a + 1 or rng.random() < 0.5:
                edges.append((groups[a][1], groups[b][1], rng.randint(4, 12) * 5))
    return groups, edges


# ----------------------------------------------------------------------------- tasks


def _slot(rng: random.Random, shift: Shift) -> tuple[str, str, int]:
    start = _minutes(rng.choice(shift.starts))
    length = round(rng.choice(shift.hours) * 60)
    return _clock(start), _clock(start + length), length


def _task_rows(
    rng: random.Random, task_id: str, trade: Trade, location: str
) -> list[dict[str, str]]:
    """One task: one row mostly, sometimes two rows on different days, 4-25 h a week."""
    supplier = rng.choice(trade.suppliers)
    competencies = "|".join(rng.sample(trade.competencies, rng.randint(1, 3)))
    while True:
        first = rng.choice(trade.shifts)
        split = len(trade.shifts) > 1 and rng.random() < 0.15
        if split:
            second = rng.choice([s for s in trade.shifts if s is not first])
            days = rng.choice(SPLIT_DAYS)
            parts = [(first, days[0]), (second, days[1])]
        else:
            parts = [(first, rng.choice(first.days))]
        rows = []
        total = 0
        for shift, pattern in parts:
            start, end, length = _slot(rng, shift)
            total += length * _day_count(pattern)
            rows.append({"days": pattern, "start": start, "end": end})
        if MIN_TASK_HOURS * 60 <= total <= MAX_TASK_HOURS * 60:
            break
    description = rng.choice(first.descriptions)
    return [
        {
            "task_id": task_id,
            "supplier": supplier,
            "description": description,
            **row,
            "location": location,
            "competencies": competencies,
        }
        for row in rows
    ]


def generate(
    n_tasks: int, seed: int = 0, *, campuses: int = 1
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """A campus instance of ``n_tasks`` tasks: the tasks table and the travel table.

    The tasks table follows the input contract (one row per slot; a task on two
    rows shares its ``task_id``); the travel table lists direct links only, so
    travel between far buildings goes over a shortest path.
    """
    if n_tasks < 1:
        raise ValueError(f"n_tasks must be at least 1, got {n_tasks}")
    if campuses < 1:
        raise ValueError(f"campuses must be at least 1, got {campuses}")
    rng = random.Random(seed)
    groups, edges = _buildings(rng, n_tasks, campuses)
    width = max(3, len(str(n_tasks)))
    weights = [t.weight for t in TRADES]
    rows: list[dict[str, str]] = []
    for i in range(1, n_tasks + 1):
        trade = rng.choices(TRADES, weights)[0]
        campus = rng.choice(groups)
        outside = trade.outdoor and rng.random() < 0.6
        location = campus[0] if outside else rng.choice(campus[1:])
        rows.extend(_task_rows(rng, f"T{i:0{width}d}", trade, location))
    tasks = pd.DataFrame(rows, columns=list(TASK_COLUMNS))
    travel = pd.DataFrame(edges, columns=list(TRAVEL_COLUMNS))
    return tasks, travel


# ----------------------------------------------------------------------------- writing


def write_instance(
    tasks_df: pd.DataFrame, travel_df: pd.DataFrame, out_dir: Path, *, overwrite: bool = False
) -> tuple[Path, Path]:
    """Write ``tasks.csv`` and ``travel.csv`` (UTF-8, ``,``) into ``out_dir``.

    Each file goes to a temporary file in the same folder first and is then
    renamed over the target, so a crash never leaves half a file behind. Existing
    files are kept unless ``overwrite`` is set.
    """
    out_dir = Path(out_dir)
    targets = (out_dir / "tasks.csv", out_dir / "travel.csv")
    existing = [str(p) for p in targets if p.exists()]
    if existing and not overwrite:
        raise FileExistsError(
            f"{' and '.join(existing)} already exist(s); "
            "choose another folder, or pass overwrite=True (--force on the command line) "
            "to replace them"
        )
    out_dir.mkdir(parents=True, exist_ok=True)
    for frame, target in zip((tasks_df, travel_df), targets, strict=True):
        fd, temp = tempfile.mkstemp(prefix=f".{target.stem}-", suffix=".tmp", dir=out_dir)
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
                frame.to_csv(handle, index=False)
            # mkstemp makes the file private (0600); data files are meant to be shared.
            os.chmod(temp, target.stat().st_mode & 0o777 if target.exists() else 0o644)
            os.replace(temp, target)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
    return targets
