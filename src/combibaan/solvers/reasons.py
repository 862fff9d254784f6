"""Why a task stayed out: derived from the compatibility graph and the columns."""

from __future__ import annotations

from collections.abc import Sequence

import networkx as nx

from combibaan.model import Instance, Policy, Unassigned
from combibaan.solvers.profile import Limits, Profile
from combibaan.texts import limit_detail, number, reason_text


def _too_long_detail(p: Profile, policy: Policy, limits: Limits, lang: str) -> str:
    if p.minutes > limits.max_minutes:
        return limit_detail("max_hours", p.minutes / 60, policy.max_hours or 0, lang)
    worst = max(p.day_minutes)
    if worst > limits.max_day_minutes:
        return limit_detail("max_hours_per_day", worst / 60, policy.max_hours_per_day or 0, lang)
    span = max(p.day_last[d] - p.day_first[d] for d in range(7) if p.day_last[d] >= 0)
    return limit_detail("max_span_hours", span / 60, policy.max_span_hours or 0, lang)


def unassigned_reasons(
    instance: Instance,
    policy: Policy,
    profiles: list[Profile],
    graph: nx.Graph,
    columns: Sequence[tuple[int, ...]],
    complete: bool,
    chosen: dict[int, str],
    lang: str = "nl",
) -> tuple[Unassigned, ...]:
    """A reason for every task not in a chosen job.

    ``chosen`` maps the task index of every assigned task to its job id;
    ``complete`` says whether ``columns`` holds every feasible job.
    """
    limits = Limits.of(policy)
    options: dict[int, list[tuple[int, ...]]] = {}
    for column in columns:
        for task in column:
            options.setdefault(task, []).append(column)
    result = []
    for p in profiles:
        if p.index in chosen:
            continue
        task = instance.tasks[p.index]
        if p.index not in graph:
            text = reason_text("too_long", lang, detail=_too_long_detail(p, policy, limits, lang))
        elif p.index in options and (blocking := _blocking(options[p.index], chosen)):
            text = reason_text(
                "taken", lang, options=len(options[p.index]), blocking=", ".join(blocking)
            )
        elif not complete or p.index in options:
            text = reason_text("unexplored", lang)
        elif graph.degree(p.index) == 0:
            text = reason_text(
                "isolated",
                lang,
                hours=number(p.minutes / 60),
                min_hours=number(policy.min_hours or 0),
            )
        else:
            text = reason_text("no_job", lang, partners=graph.degree(p.index))
        result.append(Unassigned(task.id, text))
    return tuple(result)


def _blocking(columns: list[tuple[int, ...]], chosen: dict[int, str]) -> list[str]:
    """The chosen jobs that hold a task every one of these columns would need."""
    return sorted({chosen[t] for column in columns for t in column if t in chosen})
