"""The checker's own walking times: plain Dijkstra, not the solver's travel matrix."""

from __future__ import annotations

import heapq
import math

from combibaan.model.instance import Instance


class Travel:
    """Shortest walking times over the travel table, computed on demand (plain Dijkstra)."""

    def __init__(self, instance: Instance, default: float | None) -> None:
        self.default = default
        self.graph: dict[str, dict[str, float]] = {}
        for edge in instance.travel:
            for a, b in ((edge.origin, edge.destination), (edge.destination, edge.origin)):
                known = self.graph.setdefault(a, {}).get(b)
                if known is None or edge.minutes < known:
                    self.graph[a][b] = float(edge.minutes)
        self._cache: dict[str, dict[str, float]] = {}

    def _from(self, source: str) -> dict[str, float]:
        if source not in self._cache:
            dist = {source: 0.0}
            heap = [(0.0, source)]
            while heap:
                d, node = heapq.heappop(heap)
                if d > dist[node]:
                    continue
                for nxt, w in self.graph.get(node, {}).items():
                    nd = d + w
                    if nd < dist.get(nxt, math.inf):
                        dist[nxt] = nd
                        heapq.heappush(heap, (nd, nxt))
            self._cache[source] = dist
        return self._cache[source]

    def minutes(self, a: str | None, b: str | None) -> float:
        if a is None or b is None or a == b:
            return 0.0
        found = self._from(a).get(b)
        if found is not None:
            return found
        return float(self.default) if self.default is not None else 0.0
