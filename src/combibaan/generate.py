"""Synthetic but plausible task lists, for tests, benchmarks and demos.

Real task lists are confidential, so benchmarks need stand-ins that look like
what suppliers bring to the table: cleaning before and after office hours,
catering around lunch, vending rounds, groundskeeping in daylight, security
from reception to night shifts, and the client's own services. Each task is too
small to be a job on its own (mostly 6-15 hours a week), so the solver has to
combine. Buildings lie on a sparse walking graph, so shortest paths matter.

A benchmark that only measures one kind of list hides what fails on others, so
:func:`generate` draws several families with the same columns: the campus, a
workshop list of short rounds, evening and night work, sites far apart, and
many suppliers with few tasks each (see :data:`FAMILIES`).

Everything is drawn from ``random.Random(seed)``: the same seed gives the same
instance on every machine.
"""

from __future__ import annotations

import math
import os
import random
import tempfile
from collections.abc import Callable
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


# ----------------------------------------------------------------------------- other families

#: The kinds of task list :func:`generate` draws; ``campus`` is the original one.
FAMILIES = ("campus", "short", "night", "remote", "many")


@dataclass(frozen=True)
class Family:
    """How one kind of task list is drawn: its trades, the hours per week of a task
    and the day patterns of a task split over two rows (the rows never share a day)."""

    trades: tuple[Trade, ...]
    min_hours: float = MIN_TASK_HOURS
    max_hours: float = MAX_TASK_HOURS
    split_days: tuple[tuple[str, str], ...] = SPLIT_DAYS


CAMPUS = Family(TRADES)

#: Short tasks come on every kind of day pattern, from one day to six.
SHORT_DAYS = (
    "ma-vr",
    "ma-vr",
    "ma,wo,vr",
    "di,do",
    "ma-za",
    "ma-do",
    "di-vr",
    "ma,do",
    "wo,vr",
    "ma",
    "di",
    "do",
    "vr",
)
SHORT_LENGTHS = (1.0, 1.0, 1.25, 1.5, 1.5, 1.75, 2.0, 2.0)

#: A workshop list of short rounds: every slot 1-2 h, between 06:00 and 20:00.
SHORT = Family(
    (
        Trade(
            ("Schoonmaak Noord", "Schoonmaak Zuid"),
            0.28,
            (
                Shift(
                    ("06:00", "06:30", "07:00", "07:30"),
                    SHORT_LENGTHS,
                    SHORT_DAYS,
                    ("Sanitaire ronde ochtend", "Entree en liften schoonmaken"),
                ),
                Shift(
                    ("10:00", "10:30", "11:00", "13:30", "14:00", "15:00"),
                    SHORT_LENGTHS,
                    SHORT_DAYS,
                    ("Sanitaire ronde overdag", "Pantry's nalopen", "Hygiëneproducten aanvullen"),
                ),
                Shift(
                    ("17:00", "17:30", "18:00"),
                    SHORT_LENGTHS,
                    SHORT_DAYS,
                    ("Sanitaire ronde avond", "Vergaderzalen afnemen"),
                ),
            ),
            ("nauwkeurig", "zelfstandig", "hygiënisch werken", "doorzetter"),
        ),
        Trade(
            ("Catering",),
            0.18,
            (
                Shift(
                    ("07:00", "07:30", "09:00", "09:30"),
                    (1.0, 1.5, 2.0),
                    SHORT_DAYS,
                    ("Koffiecorner openen", "Koffie en thee in vergaderzalen zetten"),
                ),
                Shift(
                    ("11:30", "12:00", "12:30", "13:00", "13:30"),
                    (1.5, 1.5, 2.0),
                    SHORT_DAYS,
                    ("Lunchafwas", "Kassa lunch", "Vaatwerk ophalen uit vergaderzalen"),
                ),
                Shift(
                    ("15:00", "15:30", "16:00"),
                    (1.0, 1.5),
                    SHORT_DAYS,
                    ("Restaurant afsluiten en koelingen controleren",),
                ),
            ),
            ("klantvriendelijk", "hygiënisch werken", "tempo kunnen maken"),
        ),
        Trade(
            ("Automaten",),
            0.14,
            (
                Shift(
                    ("06:30", "07:00", "08:00", "10:00", "14:00", "15:30", "18:00"),
                    (1.0, 1.25, 1.5),
                    SHORT_DAYS,
                    (
                        "Koffieautomaten bijvullen",
                        "Snoep- en drankautomaten bijvullen",
                        "Automaten reinigen en storingen melden",
                    ),
                ),
            ),
            ("nauwkeurig", "zelfstandig", "omgaan met geld"),
        ),
        Trade(
            ("Eigen dienst",),
            0.22,
            (
                Shift(
                    ("08:30", "09:00", "11:00"),
                    (1.0, 1.5, 2.0),
                    SHORT_DAYS,
                    ("Postronde ochtend", "Post sorteren en frankeren"),
                ),
                Shift(
                    ("13:00", "13:30", "15:30", "16:00"),
                    (1.0, 1.5, 2.0),
                    SHORT_DAYS,
                    ("Postronde middag", "Pakketten rondbrengen", "Vergaderzalen klaarzetten"),
                ),
            ),
            ("nauwkeurig", "klantvriendelijk", "tillen en sjouwen"),
        ),
        Trade(
            ("Beveiliging",),
            0.18,
            (
                Shift(
                    ("06:00", "07:00", "08:00"),
                    (1.0, 1.5, 2.0),
                    SHORT_DAYS,
                    ("Receptie openen", "Bezoekers ontvangen in de ochtendspits"),
                ),
                Shift(
                    ("12:00", "12:30", "13:00"),
                    (1.0, 1.5),
                    SHORT_DAYS,
                    ("Lunchaflossing receptie",),
                ),
                Shift(
                    ("16:30", "17:00", "18:00"),
                    (1.5, 2.0),
                    SHORT_DAYS,
                    ("Receptie avond en sleuteluitgifte", "Sluitronde"),
                ),
            ),
            ("klantvriendelijk", "alert", "betrouwbaar"),
        ),
    ),
    min_hours=1.0,
    max_hours=12.0,
)

EVENING_DAYS = (*WEEKDAYS, "ma-za", "di-za")
#: Rows of one task never fall on neighbouring days, so a night slot cannot
#: run into the task's own next slot.
NIGHT_SPLIT_DAYS = (("ma,wo", "vr"), ("ma", "wo,vr"), ("di", "do"), ("di,do", "za"))

#: Evening, night and early-morning work with some day tasks (hospitals, event venues).
NIGHT = Family(
    (
        Trade(
            ("Schoonmaak Noord", "Schoonmaak Zuid"),
            0.28,
            (
                Shift(
                    ("17:30", "18:00", "18:30", "19:00"),
                    (2.5, 3.0, 3.5, 4.0),
                    EVENING_DAYS,
                    (
                        "Kantoren avondschoonmaak",
                        "Collegezalen schoonmaken na de laatste les",
                        "Sanitair en douches reinigen",
                    ),
                ),
                Shift(
                    ("00:00", "01:00"),
                    (3.0, 4.0),
                    ("di-za", "ma-vr", "di,do", "wo,vr", "za,zo"),
                    ("Operatiekamers nachtschoonmaak", "Keukens ontvetten"),
                ),
                Shift(
                    ("05:00", "05:30", "06:00"),
                    (2.0, 2.5, 3.0),
                    WEEKDAYS,
                    ("Vroege ronde entree en liften", "Afval inzamelen voor opening"),
                ),
            ),
            ("nauwkeurig", "zelfstandig", "hygiënisch werken", "fysiek fit"),
        ),
        Trade(
            ("Beveiliging",),
            0.25,
            (
                Shift(
                    ("22:00",),
                    (8.0,),
                    ("za,zo", "vr,za", "vr-zo", "ma,wo", "di,do"),
                    ("Nachtdienst meldkamer", "Nachtronde terrein en gebouwen"),
                ),
                Shift(
                    ("23:00", "22:00", "02:00"),
                    (4.0,),
                    ("ma-vr", "ma-do", "di-vr", "ma,wo,vr", "vr-zo", "di,do"),
                    ("Nachtronde met hond", "Alarmopvolging", "Sluitronde parkeergarage"),
                ),
                Shift(
                    ("18:00", "19:00"),
                    (3.0, 4.0),
                    EVENING_DAYS,
                    ("Avonddienst portier", "Avondronde gebouwen"),
                ),
            ),
            ("alert", "betrouwbaar", "stressbestendig", "klantvriendelijk"),
        ),
        Trade(
            ("Catering Evenementen",),
            0.15,
            (
                Shift(
                    ("19:00", "18:00", "20:00"),
                    (6.0, 5.0, 4.0),
                    ("do,vr", "vr,za", "wo-za", "za", "do-za", "di,do"),
                    (
                        "Bediening bij avondevenementen",
                        "Bar in het congrescentrum",
                        "Opruimen na congressen",
                    ),
                ),
            ),
            ("klantvriendelijk", "tempo kunnen maken", "samenwerken", "flexibel"),
        ),
        Trade(
            ("Bakkerij",),
            0.15,
            (
                Shift(
                    ("04:30", "05:00", "05:30", "06:00"),
                    (3.0, 3.5, 4.0),
                    ("ma-vr", "ma-za", "di-za", "ma,wo,vr"),
                    (
                        "Brood bakken voor het restaurant",
                        "Ontbijt klaarzetten voor de afdelingen",
                        "Broodjes beleggen",
                    ),
                ),
            ),
            ("hygiënisch werken", "nauwkeurig", "vroeg beginnen"),
        ),
        Trade(
            ("Eigen dienst",),
            0.17,
            (
                Shift(
                    ("08:00", "08:30", "09:00"),
                    (3.0, 4.0),
                    WEEKDAYS,
                    ("Facilitaire servicebalie", "Postkamer: post sorteren"),
                ),
                Shift(
                    ("12:30", "13:00"),
                    (3.0, 3.5),
                    FEW_DAYS,
                    ("Vergaderzalen klaarzetten", "Magazijn en kantoorartikelen uitgeven"),
                ),
            ),
            ("nauwkeurig", "klantvriendelijk", "computervaardig"),
        ),
    ),
    split_days=NIGHT_SPLIT_DAYS,
)

#: Many suppliers, one trade each; :func:`generate` picks 12 to 20 of them.
MANY_SUPPLIERS = (
    Trade(
        ("Schoonmaakbedrijf Glans",),
        1.3,
        (
            Shift(("06:00", "06:30"), (2.0, 2.5, 3.0), WEEKDAYS, ("Kantoren ochtendschoonmaak",)),
            Shift(("17:00", "17:30"), (2.5, 3.0), WEEKDAYS, ("Kantoren avondschoonmaak",)),
        ),
        ("nauwkeurig", "zelfstandig", "hygiënisch werken"),
    ),
    Trade(
        ("Helder Schoonmaak",),
        1.2,
        (
            Shift(("06:30", "07:00"), (2.0, 3.0), WEEKDAYS, ("Sanitair en pantry's reinigen",)),
            Shift(("16:00", "18:00"), (2.0, 3.0, 4.0), WEEKDAYS, ("Vloeren machinaal reinigen",)),
        ),
        ("fysiek fit", "hygiënisch werken", "doorzetter"),
    ),
    Trade(
        ("Fris Dagschoonmaak",),
        0.9,
        (
            Shift(
                ("10:00", "11:00", "13:00"),
                (2.0, 2.5, 3.0),
                WEEKDAYS,
                ("Dagschoonmaak sanitair", "Koffiehoeken nalopen"),
            ),
        ),
        ("zelfstandig", "hygiënisch werken", "klantvriendelijk"),
    ),
    Trade(
        ("Catering Smaakvol",),
        1.2,
        (
            Shift(
                ("10:30", "11:00", "11:30"),
                (3.0, 3.5),
                ("ma-vr", "ma-do", "di-vr"),
                ("Lunch uitserveren", "Afwas en spoelkeuken"),
            ),
            Shift(
                ("07:30",), (3.0,), ("ma-vr", "ma,wo,vr"), ("Ontbijt in het bedrijfsrestaurant",)
            ),
        ),
        ("klantvriendelijk", "hygiënisch werken", "tempo kunnen maken"),
    ),
    Trade(
        ("Koffiebar De Boon",),
        0.8,
        (
            Shift(("07:30", "08:00"), (3.0, 3.5), WEEKDAYS, ("Koffiebar ochtend",)),
            Shift(("13:00", "14:00"), (2.5, 3.0), FEW_DAYS, ("Koffiebar middag",)),
        ),
        ("klantvriendelijk", "omgaan met geld", "hygiënisch werken"),
    ),
    Trade(
        ("Beveiliging Waakzaam",),
        1.1,
        (
            Shift(("07:00",), (3.0, 4.0), WEEKDAYS, ("Toegangscontrole hoofdingang",)),
            Shift(("18:00",), (3.0, 4.0), ("ma-vr", "ma,wo,vr", "di,do"), ("Avondronde",)),
            Shift(("22:00",), (8.0,), ("za,zo", "vr,za"), ("Nachtdienst meldkamer",)),
        ),
        ("alert", "betrouwbaar", "stressbestendig"),
    ),
    Trade(
        ("Securo Evenementen",),
        0.6,
        (
            Shift(
                ("17:00", "18:00"),
                (4.0, 5.0),
                ("do,vr", "wo-vr", "di,do"),
                ("Beveiliging bij avondbijeenkomsten",),
            ),
        ),
        ("alert", "klantvriendelijk", "stressbestendig"),
    ),
    Trade(
        ("Receptiediensten Gastvrij",),
        1.0,
        (
            Shift(("08:00", "08:30"), (4.0, 4.5), WEEKDAYS, ("Receptie ochtend",)),
            Shift(("12:30", "13:00"), (4.0, 4.5), WEEKDAYS, ("Receptie middag",)),
        ),
        ("klantvriendelijk", "representatief", "computervaardig"),
    ),
    Trade(
        ("Groenbeheer De Linde",),
        1.0,
        (
            Shift(("07:00", "07:30"), (3.0, 4.0, 5.0), FEW_DAYS, ("Borders schoffelen", "Maaien")),
            Shift(("12:30",), (3.0,), FEW_DAYS, ("Zwerfafval prikken",)),
        ),
        ("fysiek fit", "buiten werken", "veiligheidsbewust"),
        outdoor=True,
    ),
    Trade(
        ("Hoveniers Veldzicht",),
        0.7,
        (Shift(("07:00", "08:00"), (4.0, 5.0), FEW_DAYS, ("Hagen snoeien", "Blad ruimen")),),
        ("fysiek fit", "buiten werken", "rijbewijs B"),
        outdoor=True,
    ),
    Trade(
        ("Automaten Vers",),
        0.7,
        (
            Shift(
                ("07:00", "09:00", "14:00"),
                (2.0, 2.5),
                FEW_DAYS,
                ("Automaten bijvullen", "Automaten reinigen"),
            ),
        ),
        ("nauwkeurig", "rijbewijs B", "omgaan met geld"),
    ),
    Trade(
        ("Glazenwassers Doorzicht",),
        0.6,
        (
            Shift(
                ("07:00", "08:00", "12:30"),
                (3.0, 4.0),
                ("di,do", "ma,wo", "wo", "ma-wo", "do,vr"),
                ("Ramen wassen met de hoogwerker", "Glazen wanden en deuren reinigen"),
            ),
        ),
        ("hoogtebestendig", "fysiek fit", "veiligheidsbewust"),
    ),
    Trade(
        ("Postservice Snel",),
        0.8,
        (
            Shift(("08:00", "08:30"), (2.0, 2.5), WEEKDAYS, ("Post sorteren",)),
            Shift(("13:30", "14:00"), (2.0, 2.5), WEEKDAYS, ("Postronde middag",)),
        ),
        ("nauwkeurig", "zelfstandig", "fietsen"),
    ),
    Trade(
        ("IT Werkplekservice",),
        0.8,
        (
            Shift(
                ("08:30", "09:00"),
                (3.0, 4.0),
                FEW_DAYS,
                ("Laptops uitgeven en innemen", "Werkplekken klaarzetten"),
            ),
            Shift(("13:00",), (3.0,), FEW_DAYS, ("Printers en schermen controleren",)),
        ),
        ("computervaardig", "klantvriendelijk", "nauwkeurig"),
    ),
    Trade(
        ("Eigen dienst Facilitair",),
        1.2,
        (
            Shift(("08:00", "12:00"), (3.0, 4.0), WEEKDAYS, ("Facilitaire servicebalie",)),
            Shift(
                ("07:30", "15:00"),
                (2.0, 2.5, 3.0),
                FEW_DAYS,
                ("Vergaderzalen klaarzetten", "Meubilair verplaatsen"),
            ),
        ),
        ("klantvriendelijk", "zelfstandig", "tillen en sjouwen"),
    ),
    Trade(
        ("Eigen dienst Logistiek",),
        0.8,
        (
            Shift(
                ("07:00", "09:00", "13:00"),
                (3.0, 3.5),
                WEEKDAYS,
                ("Magazijn en kantoorartikelen", "Goederenontvangst"),
            ),
        ),
        ("tillen en sjouwen", "nauwkeurig", "heftruckcertificaat"),
    ),
    Trade(
        ("Afvalservice Rond",),
        0.6,
        (
            Shift(
                ("06:00", "15:00", "16:00"),
                (2.0, 2.5),
                ("ma,wo,vr", "di,do", "ma-vr"),
                ("Afvalstromen scheiden en containers wisselen",),
            ),
        ),
        ("fysiek fit", "veiligheidsbewust", "zelfstandig"),
    ),
    Trade(
        ("Technisch Onderhoud",),
        0.7,
        (
            Shift(
                ("07:00", "07:30", "13:00"),
                (3.0, 4.0),
                FEW_DAYS,
                ("Lampen en kleine reparaties", "Storingsronde installaties"),
            ),
        ),
        ("technisch inzicht", "zelfstandig", "veiligheidsbewust"),
    ),
    Trade(
        ("Linnenservice",),
        0.5,
        (Shift(("08:00", "09:00"), (3.0, 4.0), FEW_DAYS, ("Linnen sorteren en uitgeven",)),),
        ("nauwkeurig", "tempo kunnen maken", "hygiënisch werken"),
    ),
    Trade(
        ("Parkeerbeheer",),
        0.6,
        (
            Shift(("07:00",), (3.0,), WEEKDAYS, ("Parkeergarage en slagbomen ochtend",)),
            Shift(("16:00",), (3.0,), ("ma-vr", "ma-do"), ("Parkeergarage avondspits",)),
        ),
        ("alert", "klantvriendelijk", "betrouwbaar"),
    ),
    Trade(
        ("Reprografie",),
        0.5,
        (
            Shift(
                ("09:00", "10:00", "13:00"),
                (3.0, 4.0),
                ("ma-vr", "ma,wo,vr", "di-do"),
                ("Printwerk en inbinden",),
            ),
        ),
        ("nauwkeurig", "computervaardig", "zelfstandig"),
    ),
)
MANY = Family(MANY_SUPPLIERS, min_hours=3.0, max_hours=12.0)

#: Towns of a regional organisation, 30-60 minutes apart.
SITE_NAMES = ("Zwolle", "Deventer", "Apeldoorn", "Kampen", "Hardenberg", "Almelo", "Enschede")
SITE_BUILDINGS = (
    OUTDOOR_SITE,
    "Hoofdkantoor",
    "Steunpunt",
    "Werkplaats",
    "Bezoekerscentrum",
    "Loods",
    "Archief",
    "Laboratorium",
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


def _building_names(count: int, campus: str | None, outdoor: bool = True) -> list[str]:
    names = [*([OUTDOOR_SITE] if outdoor else []), *BUILDING_NAMES][:count]
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
    return [(min(pair), max(pair), minutes) for pair, minutes in edges.items()]


def _buildings(
    rng: random.Random, n_tasks: int, campuses: int, outdoor: bool = True
) -> tuple[list[list[str]], list[tuple[str, str, int]]]:
    """Building names per campus and the walking/driving edges between them.

    With ``outdoor`` each campus's first place is its outdoor site; a list with no
    outdoor trade gets none (a place no task uses only clutters the travel table).
    """
    per_campus = max(3, min(15, round(n_tasks / 10 / campuses)))
    groups: list[list[str]] = []
    edges: list[tuple[str, str, int]] = []
    for c in range(campuses):
        label = None
        if campuses > 1:
            label = CAMPUS_NAMES[c] if c < len(CAMPUS_NAMES) else f"Campus {c + 1}"
        names = _building_names(per_campus, label, outdoor)
        groups.append(names)
        edges.extend(_campus_graph(rng, names))
    # Campuses: linked from main building to main building, 20-60 minutes by bike or bus.
    main = 1 if outdoor else 0
    for a in range(campuses):
        for b in range(a + 1, campuses):
            if b == a + 1 or rng.random() < 0.5:
                edges.append((groups[a][main], groups[b][main], rng.randint(4, 12) * 5))
    return groups, edges


# ----------------------------------------------------------------------------- tasks


def _slot(rng: random.Random, shift: Shift) -> tuple[str, str, int]:
    start = _minutes(rng.choice(shift.starts))
    length = round(rng.choice(shift.hours) * 60)
    return _clock(start), _clock(start + length), length


def _task_rows(
    rng: random.Random, task_id: str, trade: Trade, location: str, family: Family = CAMPUS
) -> list[dict[str, str]]:
    """One task: one row mostly, sometimes two rows on different days.

    Its hours per week lie within the family's bounds (the campus: 4-25 h), so
    no task is a job on its own and the solver has to combine.
    """
    supplier = rng.choice(trade.suppliers)
    competencies = "|".join(rng.sample(trade.competencies, rng.randint(1, 3)))
    while True:
        first = rng.choice(trade.shifts)
        split = len(trade.shifts) > 1 and rng.random() < 0.15
        if split:
            second = rng.choice([s for s in trade.shifts if s is not first])
            days = rng.choice(family.split_days)
            parts = [(first, days[0]), (second, days[1])]
        else:
            parts = [(first, rng.choice(first.days))]
        rows = []
        total = 0
        for shift, pattern in parts:
            start, end, length = _slot(rng, shift)
            total += length * _day_count(pattern)
            rows.append({"days": pattern, "start": start, "end": end})
        if family.min_hours * 60 <= total <= family.max_hours * 60:
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


def _draw_tasks(
    rng: random.Random,
    n_tasks: int,
    family: Family,
    trade_of: Callable[[int], Trade],
    place_of: Callable[[int], list[str]],
    outdoor: bool = True,
) -> pd.DataFrame:
    """The tasks table: task ``i`` (from 0) of ``trade_of(i)`` in a building of ``place_of(i)``.

    With ``outdoor`` a group's first place is its outdoor site, where outdoor
    trades mostly work and nobody else does. The order of the random draws is
    the campus generator's, so the campus family stays what it always was.
    """
    width = max(3, len(str(n_tasks)))
    rows: list[dict[str, str]] = []
    for i in range(n_tasks):
        trade = trade_of(i)
        group = place_of(i)
        outside = trade.outdoor and rng.random() < 0.6
        location = group[0] if outside else rng.choice(group[1:] if outdoor else group)
        rows.extend(_task_rows(rng, f"T{i + 1:0{width}d}", trade, location, family))
    return pd.DataFrame(rows, columns=list(TASK_COLUMNS))


def _weighted(rng: random.Random, family: Family) -> Callable[[int], Trade]:
    weights = [t.weight for t in family.trades]
    return lambda _: rng.choices(family.trades, weights)[0]


def _sites(
    rng: random.Random, n_tasks: int, sites: int
) -> tuple[list[list[str]], list[tuple[str, str, int]]]:
    """Sites in different towns: a few buildings each with short walks, 30-60 min apart.

    Every two sites are linked directly (by road, from main building to main
    building), so travel between sites is 30-60 minutes plus the walks inside.
    """
    per_site = max(2, min(len(SITE_BUILDINGS) - 1, round(n_tasks / 12 / sites)))
    groups: list[list[str]] = []
    edges: list[tuple[str, str, int]] = []
    for s in range(sites):
        town = SITE_NAMES[s] if s < len(SITE_NAMES) else f"Locatie {s + 1}"
        names = [f"{name} {town}" for name in SITE_BUILDINGS[: per_site + 1]]
        groups.append(names)
        edges.extend(_campus_graph(rng, names))
    for a in range(sites):
        for b in range(a + 1, sites):
            edges.append((groups[a][1], groups[b][1], rng.randint(6, 12) * 5))
    return groups, edges


def _spread(rng: random.Random, n_tasks: int, shares: list[float]) -> list[int]:
    """A group for every task: each group at least one (when there are enough
    tasks), the rest by each group's share times a random factor, in random order."""
    sizes = [share * rng.uniform(0.5, 1.5) for share in shares]
    order = list(range(min(len(shares), n_tasks)))
    order += rng.choices(range(len(shares)), sizes, k=n_tasks - len(order))
    rng.shuffle(order)
    return order


def generate(
    n_tasks: int,
    seed: int = 0,
    *,
    campuses: int | None = None,
    family: str = "campus",
    flexible: float = 0.0,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """An instance of ``n_tasks`` tasks of one kind: the tasks table and the travel table.

    The tasks table follows the input contract (one row per slot; a task on two
    rows shares its ``task_id``); the travel table lists direct links only, so
    travel between far buildings goes over a shortest path. ``family``:

    - ``campus``: cleaning, catering, vending, groundskeeping, security and own
      services on a campus, tasks of 4-25 h a week in slots of 2-8 h;
    - ``short``: a workshop list of short rounds (post, coffee, lunch dishes,
      reception cover, sanitary rounds), every slot 1-2 h between 06:00 and
      20:00, on one to six days, 1-12 h a week, so a job holds many tasks;
    - ``night``: evening cleaning, night security (22:00-06:00, 23:00-03:00),
      event catering to 01:00, an early bakery from 04:30, some day tasks;
    - ``remote``: the campus trades over 3-6 sites (by size) in towns 30-60
      minutes apart, each a few buildings with short walks;
    - ``many``: 12-20 suppliers of many trades, each with few tasks.

    ``campuses`` is the number of campuses (default 1), or for ``remote`` the
    number of sites. ``flexible`` is the share of tasks given a time window instead
    of fixed times (:func:`make_flexible`); the fixed list stays the same.
    """
    if family not in FAMILIES:
        raise ValueError(f"family must be one of {', '.join(FAMILIES)}, got {family!r}")
    if n_tasks < 1:
        raise ValueError(f"n_tasks must be at least 1, got {n_tasks}")
    if campuses is not None and campuses < 1:
        raise ValueError(f"campuses must be at least 1, got {campuses}")
    if not 0.0 <= flexible <= 1.0:
        raise ValueError(f"flexible must be a share from 0 to 1, got {flexible}")
    rng = random.Random(seed)
    if family == "remote":
        sites = campuses or max(3, min(6, round(n_tasks / 50)))
        groups, edges = _sites(rng, n_tasks, sites)
        site_of = _spread(rng, n_tasks, [1.0] * sites)
        tasks = _draw_tasks(
            rng, n_tasks, CAMPUS, _weighted(rng, CAMPUS), lambda i: groups[site_of[i]]
        )
    else:
        kind = {"campus": CAMPUS, "short": SHORT, "night": NIGHT, "many": MANY}[family]
        trades = kind.trades
        if family == "many":
            trades = tuple(rng.sample(MANY_SUPPLIERS, rng.randint(12, 20)))
        outdoor = any(t.outdoor for t in trades)
        groups, edges = _buildings(rng, n_tasks, campuses or 1, outdoor)
        trade_of = _weighted(rng, kind)
        if family == "many":
            trade_of = [
                trades[s] for s in _spread(rng, n_tasks, [t.weight for t in trades])
            ].__getitem__
        tasks = _draw_tasks(rng, n_tasks, kind, trade_of, lambda _: rng.choice(groups), outdoor)
    travel = pd.DataFrame(edges, columns=list(TRAVEL_COLUMNS))
    if flexible:
        tasks = make_flexible(tasks, flexible, random.Random(f"flexible {seed}"))
    return tasks, travel


#: Work that is flexible by nature, by words of its description: it goes first.
FLEXIBLE_WORDS = ("automat", "post", "ramen", "glazen", "groen", "gras", "maai", "blad", "pakket")
#: How far a window opens before the slot and closes after it (minutes), and its limits.
WIDEN = (30, 60, 90, 120, 180)
DAY_WINDOW = (360, 1320)


def make_flexible(tasks: pd.DataFrame, share: float, rng: random.Random) -> pd.DataFrame:
    """``share`` of the tasks (of one row; vending, post, windows and grounds first, as such
    work is flexible) get a window around their slot instead of fixed times: it opens
    30-180 minutes before and closes 30-180 minutes after, within 06:00-22:00 for day
    work, and a task on several days may leave the choice of all but one of them
    (``4x ma-vr``) a third of the time."""
    tasks = tasks.copy()
    rows = tasks.groupby("task_id").size()
    first = tasks.drop_duplicates("task_id").set_index("task_id")["description"]
    single = [t for t in first.index if rows[t] == 1]
    nature = {t for t in single if any(w in str(first[t]).lower() for w in FLEXIBLE_WORDS)}
    by_nature = [t for t in single if t in nature]
    others = [t for t in single if t not in nature]
    rng.shuffle(by_nature)
    rng.shuffle(others)
    wanted = round(share * tasks["task_id"].nunique())
    chosen = set((by_nature + others)[:wanted])
    for column in ("earliest", "latest", "duration"):
        tasks[column] = ""
    for index in tasks.index[tasks["task_id"].isin(chosen)]:
        start, end = _minutes(str(tasks.at[index, "start"])), _minutes(str(tasks.at[index, "end"]))
        if end <= start:
            end += 24 * 60
        earliest, latest = start - rng.choice(WIDEN), end + rng.choice(WIDEN)
        if DAY_WINDOW[0] <= start and end <= DAY_WINDOW[1]:
            earliest, latest = max(earliest, DAY_WINDOW[0]), min(latest, DAY_WINDOW[1])
        earliest = max(earliest, 0)
        days = str(tasks.at[index, "days"])
        count = _day_count(days)
        if count > 1 and rng.random() < 1 / 3:
            days = f"{count - 1}x {days}"
        length = end - start
        tasks.loc[index, ["days", "start", "end"]] = [days, "", ""]
        tasks.loc[index, ["earliest", "latest", "duration"]] = [
            _clock(earliest),
            _clock(latest % (24 * 60)),
            f"{length // 60}:{length % 60:02d}",
        ]
    return tasks


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
