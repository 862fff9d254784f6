"""Tasks: the pieces of work a supplier brings to the table."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from combibaan.model.week import Slot, Window


@dataclass(frozen=True)
class Task:
    """A recurring piece of work of one supplier, done in one or more weekly slots.

    ``slots`` are fixed; ``windows`` are flexible (:class:`Window`: a duration
    somewhere in a window, on some of the days): the solver chooses their times.
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
    windows: tuple[Window, ...] = ()

    def __post_init__(self) -> None:
        if not self.id:
            raise ValueError("a task needs an id")
        if not self.supplier:
            raise ValueError(f"task {self.id} needs a supplier")
        if not self.slots and not self.windows:
            raise ValueError(f"task {self.id} needs at least one slot or window")

    @property
    def flexible(self) -> bool:
        return bool(self.windows)

    @property
    def minutes_per_week(self) -> int:
        """The same wherever the flexible slots land."""
        return sum(s.minutes for s in self.slots) + sum(w.minutes for w in self.windows)

    @property
    def hours_per_week(self) -> float:
        return self.minutes_per_week / 60

    @property
    def days(self) -> tuple[int, ...]:
        """The days on which the task starts a slot, sorted (a flexible task: every day
        its windows allow)."""
        fixed = {s.day for s in self.slots}
        return tuple(sorted(fixed.union(*(w.days for w in self.windows))))

    def scheduled(self, slots: tuple[Slot, ...]) -> Task:
        """The task done at the given times: fixed, its windows settled."""
        return replace(self, slots=tuple(sorted(slots)), windows=())
