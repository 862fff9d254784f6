"""The weekly timetable of a job as geometry: day columns, hour rows, one block per slot.

Positions are percentages of the day column, so the HTML grid scales with
the screen; colours, patterns and short labels come from :mod:`combibaan.palette`.
"""

from __future__ import annotations

from dataclasses import dataclass

from combibaan.model.week import DAY_NAMES, DAY_NAMES_LONG, format_minutes
from combibaan.reporting.cards import JobCard

#: Line heights of block text in report.css: 20 px × 1.2 on screen, 9 pt × 1.15 on paper.
SCREEN_LINE_PX = 24.0
PRINT_LINE_PX = 9 * 96 / 72 * 1.15
PX_PER_MM = 96 / 25.4


@dataclass(frozen=True)
class Band:
    """A stretch of a day column: the time window of a flexible task on a day it is done,
    drawn faintly behind its block so the table sees how far the task could move."""

    task_id: str
    column: int
    start: int
    end: int
    top: float
    height: float

    @property
    def times(self) -> str:
        return f"{format_minutes(self.start)}–{format_minutes(self.end)}"

    @property
    def minutes(self) -> int:
        return self.end - self.start


@dataclass(frozen=True)
class Block(Band):
    """One slot of one task, placed in its day column."""

    supplier: str = ""
    description: str = ""
    location: str | None = None

    @property
    def size(self) -> str:
        """``short`` under an hour (one line: task and supplier label), else ``long``."""
        return "short" if self.minutes < 60 else "long"

    def lines(self, hour: float, line: float, frame: float) -> int:
        """Whole lines of text that fit in the block (``hour`` and ``line`` high, ``frame`` of
        border and padding), so that the description shows whole lines, never half of one."""
        return max(0, int((self.minutes / 60 * hour - frame) // line))


@dataclass(frozen=True)
class Timetable:
    """Columns are days (Monday–Friday always, the weekend when used); rows whole hours."""

    days: tuple[int, ...]
    day_names: tuple[str, ...]
    day_names_long: tuple[str, ...]
    first_hour: int
    last_hour: int
    blocks: tuple[Block, ...]
    #: Smaller hours, for the jobs of an alternative: several fit one screen and one page.
    compact: bool = False
    bands: tuple[Band, ...] = ()

    @property
    def hours(self) -> tuple[int, ...]:
        return tuple(range(self.first_hour, self.last_hour))

    def hour_label(self, hour: int) -> str:
        return f"{hour % 24:02d}:00"

    @property
    def hour_height(self) -> int:
        """Pixels per hour on screen: a long day still fits the projector's height, a short
        one does not blow up; never so small that an hour label does not fit."""
        if self.compact:
            return max(36, min(52, 440 // max(len(self.hours), 1)))
        return max(44, min(72, 640 // max(len(self.hours), 1)))

    @property
    def print_hour_height(self) -> float:
        """Millimetres per hour on A4, so that a job still fits one page however long its day
        (a compact one: a third of a page)."""
        most, day = (8.0, 60) if self.compact else (6.0, 90)
        return round(min(most, day / max(len(self.hours), 1)), 2)

    def description_lines(self, block: Block, marked: bool = False) -> tuple[int, int]:
        """Lines left for the description under the task/time and supplier lines of a block
        (and the line of its mark, when ``marked``): on screen (20 px text) and on paper
        (9 pt), matching report.css."""
        # Six or seven day columns are too narrow for task and times on one line on screen.
        above = (3 if len(self.days) > 5 else 2) + marked
        screen = block.lines(self.hour_height, SCREEN_LINE_PX, 6)
        paper = block.lines(self.print_hour_height * PX_PER_MM, PRINT_LINE_PX, 2)
        return max(0, screen - above), max(0, paper - 2 - marked)


def timetable(card: JobCard, lang: str = "nl", *, compact: bool = False) -> Timetable:
    """The grid of one job: every slot of every task becomes a block; ``compact`` for the
    smaller grid of an alternative's job."""
    slots = [(task, slot) for task in card.tasks for slot in task.slots]
    used = {slot.day for _, slot in slots}
    days = tuple(d for d in range(7) if d < 5 or d in used)
    placed = card.windows
    spans = [(slot.day, slot.start, slot.end) for _, slot in slots]
    spans += [(day, start, end) for _, day, start, end in placed]
    if spans:
        first = min(start for _, start, _ in spans) // 60
        last = -(-max(end for _, _, end in spans) // 60)
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
    bands = tuple(
        Band(
            task_id,
            days.index(day),
            start,
            end,
            100 * (start - first * 60) / span,
            100 * (end - start) / span,
        )
        for task_id, day, start, end in placed
    )
    return Timetable(
        days=days,
        day_names=tuple(DAY_NAMES[lang][d] for d in days),
        day_names_long=tuple(DAY_NAMES_LONG[lang][d] for d in days),
        first_hour=first,
        last_hour=max(last, first + 1),
        blocks=blocks,
        compact=compact,
        bands=bands,
    )
