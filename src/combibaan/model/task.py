"""Tasks: the pieces of work a supplier brings to the table."""

from __future__ import annotations

from dataclasses import dataclass, field

from combibaan.model.week import Slot


@dataclass(frozen=True)
class Task:
    """A recurring piece of work of one supplier, done in one or more weekly slots.

    ``rows`` keeps the spreadsheet rows the task came from, so that later
    messages can point the user back to their own file.
    """

    id: str
    supplier: str
    slots: tuple[Slot, ...]
    description: str = ""
    location: str | None = None
    competencies: tuple[str, ...] = ()
    rows: tuple[int, ...] = field(default=(), compare=False)

    def __post_init__(self) -> None:
        if not self.id:
            raise ValueError("a task needs an id")
        if not self.supplier:
            raise ValueError(f"task {self.id} needs a supplier")
        if not self.slots:
            raise ValueError(f"task {self.id} needs at least one slot")

    @property
    def minutes_per_week(self) -> int:
        return sum(s.minutes for s in self.slots)

    @property
    def hours_per_week(self) -> float:
        return self.minutes_per_week / 60

    @property
    def days(self) -> tuple[int, ...]:
        """The days on which the task starts a slot, sorted."""
        return tuple(sorted({s.day for s in self.slots}))
