"""An instance: the tasks on the table, where they happen and who brings them."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from combibaan.model.task import Task


@dataclass(frozen=True)
class TravelEdge:
    """A direct connection between two locations, in minutes, both ways."""

    origin: str
    destination: str
    minutes: float


@dataclass(frozen=True)
class Supplier:
    """An organisation contributing tasks; the employer's own services count too."""

    name: str
    sector: str | None = None
    cao: str | None = None
    sroi_hours_target: float | None = None


@dataclass(frozen=True)
class Instance:
    """Tasks plus the travel table between their locations.

    Travel between two locations is the shortest path over ``travel``; where no
    path exists the policy's ``travel_minutes`` applies (see :meth:`travel_between`).
    """

    tasks: tuple[Task, ...]
    travel: tuple[TravelEdge, ...] = ()
    suppliers: tuple[Supplier, ...] = ()
    name: str = "instance"

    def __post_init__(self) -> None:
        seen: set[str] = set()
        for task in self.tasks:
            if task.id in seen:
                raise ValueError(f"task id {task.id!r} occurs twice")
            seen.add(task.id)

    def __len__(self) -> int:
        return len(self.tasks)

    @cached_property
    def task_index(self) -> dict[str, int]:
        return {task.id: i for i, task in enumerate(self.tasks)}

    def task(self, task_id: str) -> Task:
        return self.tasks[self.task_index[task_id]]

    @cached_property
    def supplier_names(self) -> tuple[str, ...]:
        """Suppliers in order of first appearance among the tasks, then the rest of the table."""
        names = dict.fromkeys(t.supplier for t in self.tasks)
        names.update(dict.fromkeys(s.name for s in self.suppliers))
        return tuple(names)

    @cached_property
    def unknown_suppliers(self) -> tuple[str, ...]:
        """Suppliers with tasks but no row in the suppliers table (none without a table).

        Without any table everything is simply unknown and there is nothing to warn
        about; with a table, a missing row is most likely a typo worth a warning.
        """
        if not self.suppliers:
            return ()
        known = {s.name for s in self.suppliers}
        return tuple(n for n in dict.fromkeys(t.supplier for t in self.tasks) if n not in known)

    @cached_property
    def locations(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(t.location for t in self.tasks if t.location))

    @cached_property
    def _shortest(self) -> dict[str, dict[str, float]]:
        import networkx as nx  # here, not at the top: ``import combibaan`` stays quick

        graph: nx.Graph[str] = nx.Graph()
        for edge in self.travel:
            old = graph.get_edge_data(edge.origin, edge.destination)
            if old is None or edge.minutes < old["weight"]:
                graph.add_edge(edge.origin, edge.destination, weight=edge.minutes)
        wanted = [loc for loc in self.locations if loc in graph]
        return {loc: nx.single_source_dijkstra_path_length(graph, loc) for loc in wanted}

    def travel_between(self, a: str | None, b: str | None, default: float | None) -> float:
        """Minutes needed between two locations.

        Zero when either is unknown or both are the same; the shortest path in the
        travel table where one exists; else ``default`` (0 when that rule is off).
        """
        if a is None or b is None or a == b:
            return 0.0
        found = self._shortest.get(a, {}).get(b)
        if found is not None:
            return float(found)
        return float(default or 0.0)
