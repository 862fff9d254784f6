"""The weekly timetable of a job as geometry: day columns, hour rows, one block per slot.

Positions are percentages of the day column, so the HTML grid scales with
the screen; the colours are the Okabe–Ito palette, which stays apart for
colour-blind viewers and on washed-out projectors.
"""

from __future__ import annotations

from dataclasses import dataclass

from combibaan.model.week import DAY_NAMES, DAY_NAMES_LONG, format_minutes
from combibaan.reporting.cards import JobCard

#: (background, text) pairs with at least 4.5:1 contrast; beyond eight they repeat.
PALETTE = (
    ("#E69F00", "#000000"),  # orange
    ("#56B4E9", "#000000"),  # sky blue
    ("#009E73", "#000000"),  # bluish green
    ("#F0E442", "#000000"),  # yellow
    ("#0072B2", "#FFFFFF"),  # blue
    ("#D55E00", "#000000"),  # vermillion
    ("#CC79A7", "#000000"),  # reddish purple
    ("#BBBBBB", "#000000"),  # grey
)


@dataclass(frozen=True)
class Colour:
    background: str
    text: str


def supplier_colours(suppliers: tuple[str, ...]) -> dict[str, Colour]:
    """A fixed colour per supplier for the whole report, in the instance's supplier order."""
    return {
        name: Colour(*PALETTE[i % len(PALETTE)]) for i, name in enumerate(dict.fromkeys(suppliers))
    }


@dataclass(frozen=True)
class Block:
    """One slot of one task, placed in its day column."""

    task_id: str
    supplier: str
    description: str
    location: str | None
    column: int
    start: int
    end: int
    top: float
    height: float

    @property
    def times(self) -> str:
        return f"{format_minutes(self.start)}–{format_minutes(self.end)}"


@dataclass(frozen=True)
class Timetable:
    """Columns are days (Monday–Friday always, the weekend when used); rows whole hours."""

    days: tuple[int, ...]
    day_names: tuple[str, ...]
    day_names_long: tuple[str, ...]
    first_hour: int
    last_hour: int
    blocks: tuple[Block, ...]

    @property
    def hours(self) -> tuple[int, ...]:
        return tuple(range(self.first_hour, self.last_hour))

    def hour_label(self, hour: int) -> str:
        return f"{hour % 24:02d}:00"


def timetable(card: JobCard, lang: str = "nl") -> Timetable:
    """The grid of one job: every slot of every task becomes a block."""
    slots = [(task, slot) for task in card.tasks for slot in task.slots]
    used = {slot.day for _, slot in slots}
    days = tuple(d for d in range(7) if d < 5 or d in used)
    if slots:
        first = min(slot.start for _, slot in slots) // 60
        last = -(-max(slot.end for _, slot in slots) // 60)
    else:
        first, last = 8, 17
    span = max(last - first, 1) * 60
    blocks = tuple(
        Block(
            task_id=task.id,
            supplier=task.supplier,
            description=task.description,
            location=task.location,
            column=days.index(slot.day),
            start=slot.start,
            end=slot.end,
            top=100 * (slot.start - first * 60) / span,
            height=100 * slot.minutes / span,
        )
        for task, slot in sorted(slots, key=lambda ts: (ts[1].day, ts[1].start))
    )
    return Timetable(
        days=days,
        day_names=tuple(DAY_NAMES[lang][d] for d in days),
        day_names_long=tuple(DAY_NAMES_LONG[lang][d] for d in days),
        first_hour=first,
        last_hour=max(last, first + 1),
        blocks=blocks,
    )
