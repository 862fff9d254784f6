"""The most jobs for the candidates at hand: "the person comes first".

Each candidate holds at most one job, and a job only of tasks the candidate may do
(available for every slot, the competencies, the listed tasks), within the
candidate's hours and every rule of the policy. The model is cover mode's slot model
(:class:`.cover.SlotModel`, one slot per candidate) with every task in one job at most
instead of exactly one. The most jobs held first (proven, or bounded), then with that
many the most hours in them, within the time left (the person's income; the job
agreement counts hours). Jobs for candidates come before vacancies, and this has a
price in vacancies: on 300 generated tasks with 15 candidates
free all week and able to do anything, 123 jobs in all, 15 of them held, against 136
without candidates (60 s; ``generate --tasks 300 --seed 1``).

:func:`.solve` then packs the tasks left into vacancies beside these jobs, unless only
candidates may hold jobs.

With flexible tasks the model runs over their fixed ways (:mod:`.expansion`), each a
node a candidate may take only when available at that way's times; a task is done
once over all its ways and candidates, so the count is exact over the ways tried. The
jobs found are settled at the ways chosen (:meth:`.Expansion.settle`): the times a
candidate can work, not the tasks' first choice.
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

import networkx as nx
from ortools.sat.python import cp_model

from combibaan.model import Candidate, Instance, Slot, Solution, Unassigned
from combibaan.model.phrase import Phrase
from combibaan.result import Result, Statistics
from combibaan.rules import Limits, Profile
from combibaan.solvers.budget import WORK_PER_SECOND
from combibaan.solvers.cover import Holder, SlotModel
from combibaan.solvers.expansion import Expansion, kept_times
from combibaan.solvers.jobs import numbered_jobs
from combibaan.solvers.ortools.set_packing import configure, solve_interruptibly
from combibaan.solvers.reasons import set_aside
from combibaan.solvers.strategies import Problem

#: Share of the time limit the candidates' jobs may take; the vacancies get the rest.
CANDIDATES_SHARE = 0.3
#: Share of that the most jobs held may take; the most hours in them get the rest.
COUNT_SHARE = 0.6


@dataclass(frozen=True)
class CandidateJobs:
    """The jobs (task indices) for candidates, the candidate (index) holding each, and
    what was proven."""

    jobs: tuple[tuple[int, ...], ...]
    holders: tuple[int, ...]
    #: ``optimal`` (no more jobs for candidates: proven), ``feasible`` or ``unknown``.
    status: str
    #: A proven bound on the number of jobs candidates can hold.
    bound: int
    #: The seconds of the time limit the search counts for (deterministic time).
    work_seconds: float
    wall_clock_cut: bool
    #: Whether Ctrl-C stopped the search (then nothing more is searched).
    interrupted: bool = False
    #: Whether the search proved its jobs the most over thinned starts only (then
    #: ``status`` is ``feasible`` and ``bound`` holds for every start).
    starts_tried: bool = False
    #: The candidate (index) holding each of the workshop's kept jobs, in the order of
    #: ``plan.keep_jobs``; None: a vacancy (nobody free who may do it).
    kept_holders: tuple[int | None, ...] = ()


@dataclass(frozen=True)
class KeptJob:
    """A job the workshop keeps, as the candidates' search sees it: the candidates
    (indices) who may hold it, its minutes a week, and with flexible tasks the ways
    (nodes) each taker would do it at (times that make it a job and that they can work)."""

    takers: frozenset[int]
    minutes: int
    ways: Mapping[int, tuple[int, ...]] = field(default_factory=dict)


def most_candidate_jobs(
    graph: nx.Graph,
    profiles: Sequence[Profile],
    limits: Limits,
    holders: Sequence[Holder],
    *,
    tasks: Sequence[int],
    together: Sequence[frozenset[int]] = (),
    time_limit: float,
    workers: int = 1,
    seed: int = 0,
    task_of: Sequence[int] | None = None,
    kept: Sequence[KeptJob] = (),
) -> CandidateJobs:
    """The most jobs the ``holders`` (one per candidate) can hold among ``tasks``; groups
    in ``together`` go into a job whole or not at all. With ``task_of`` the graph, the
    profiles, ``tasks``, the holders' tasks and the jobs found are nodes, the ways of
    flexible tasks (``together`` stays task indices).

    ``kept``: the workshop's kept jobs, each held by a candidate who may do it or left a
    vacancy. A candidate holding one counts as a job held as any other; among as many
    jobs held, more of the new ones (a kept job is there anyway) come first."""
    usable = sorted(set(graph.nodes) & set(tasks))
    slots = [Holder(h.tasks & set(usable), h.min_minutes, h.max_minutes) for h in holders]
    model = cp_model.CpModel()
    y = {k: model.new_bool_var(f"y{k}") for k in range(len(slots))}
    x = {(t, k): model.new_bool_var(f"x{t}_{k}") for k, s in enumerate(slots) for t in s.tasks}
    z = {(j, k): model.new_bool_var(f"z{j}_{k}") for j, job in enumerate(kept) for k in job.takers}
    slot_model = SlotModel.of(graph, profiles, limits, slots, usable, together, task_of)
    slot_model.state(model, x, y, cover=False)
    for k, slot in enumerate(slots):  # a job held holds a task
        model.add_bool_or([x[t, k] for t in slot.tasks]).only_enforce_if(y[k])
    for k in range(len(slots)):  # one job a candidate, a new one or a kept one
        model.add_at_most_one([y[k], *(var for (_, h), var in z.items() if h == k)])
    for j in range(len(kept)):  # one candidate a kept job
        model.add_at_most_one([var for (i, _), var in z.items() if i == j])
    # Two stages: the most jobs held (what the status proves; among as many, the most new
    # ones), then with those the most hours in them (their income; the job agreement
    # counts hours).
    deadline = time.perf_counter() + max(time_limit, 0.1)
    work = WORK_PER_SECOND * max(time_limit, 0.1)
    new, held = sum(y.values()), sum(y.values()) + sum(z.values())
    weight = len(slots) + 1  # more than the new jobs can ever be
    model.maximize(weight * held + new)
    solver = cp_model.CpSolver()
    configure(solver, deadline=deadline, work=COUNT_SHARE * work, seed=seed, workers=workers)
    status, stopped = solve_interruptibly(solver, model)
    spent = solver.deterministic_time
    cut = not stopped and status not in (cp_model.OPTIMAL, cp_model.INFEASIBLE)
    cut = cut and spent < COUNT_SHARE * work
    # New jobs held are at most all jobs held, whose bound is the objective's over ``weight``.
    bound = min(len(holders), int((solver.best_objective_bound + 1e-6) // weight))
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        nobody = (None,) * len(kept)
        seconds = spent / WORK_PER_SECOND
        return CandidateJobs((), (), "unknown", bound, seconds, cut, stopped, kept_holders=nobody)
    value = round(solver.objective_value)
    count, fresh = divmod(value, weight)
    chosen = {key for key, var in x.items() if solver.boolean_value(var)}
    taken = {key for key, var in z.items() if solver.boolean_value(var)}
    word = "optimal" if status == cp_model.OPTIMAL else "feasible"
    if word == "optimal":  # the new jobs are the most among as many held
        bound = fresh
    if not stopped:  # Ctrl-C: the jobs as found, no hours stage
        model.add(held >= count)
        model.add(new >= fresh)
        kept_minutes = sum(kept[j].minutes * var for (j, _), var in z.items())
        model.maximize(sum(profiles[t].minutes * var for (t, _), var in x.items()) + kept_minutes)
        for key, var in x.items():
            model.add_hint(var, key in chosen)
        for key, var in z.items():
            model.add_hint(var, key in taken)
        second = cp_model.CpSolver()
        left = work - spent
        configure(second, deadline=deadline, work=left, seed=seed, workers=workers)
        fewer, stopped = solve_interruptibly(second, model)
        spent += second.deterministic_time
        if fewer in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            chosen = {key for key, var in x.items() if second.boolean_value(var)}
            taken = {key for key, var in z.items() if second.boolean_value(var)}
        if fewer != cp_model.OPTIMAL and second.deterministic_time < left * 0.999:
            cut = cut or not stopped
    jobs, owners = [], []
    for k in range(len(holders)):
        members = tuple(t for t in usable if (t, k) in chosen)
        if members:
            jobs.append(members)
            owners.append(k)
    holder_of = dict(taken)
    work_seconds = min(time_limit, spent / WORK_PER_SECOND)
    return CandidateJobs(
        tuple(jobs),
        tuple(owners),
        word,
        max(bound, len(jobs)),
        work_seconds,
        cut,
        stopped,
        kept_holders=tuple(holder_of.get(j) for j in range(len(kept))),
    )


def kept_jobs(problem: Problem, candidates: Sequence[Candidate]) -> list[KeptJob]:
    """The workshop's kept jobs (``plan.keep_jobs``) with the candidates who may hold each,
    within the candidate's hours: a job of fixed tasks as it is; with flexible tasks at
    any ways of the expansion that make it a job and that the candidate can work. A keep
    names tasks, not times: judged at its first ways only (07:00), a job a candidate could
    do from 08:00 went to nobody."""
    instance, expansion = problem.instance, problem.expansion
    found = []
    for job in problem.plan.keep_jobs:
        minutes = problem.minutes(job)
        hours_fit = [
            (c.min_hours is None or minutes >= round(c.min_hours * 60))
            and (c.max_hours is None or minutes <= round(c.max_hours * 60))
            for c in candidates
        ]
        flexible = expansion is not None and expansion.flexible
        if not flexible or not any(instance.tasks[t].windows for t in job):
            times = None if expansion is None else expansion.schedule(job)
            tasks = [
                instance.tasks[t] if times is None else instance.tasks[t].scheduled(times[t])
                for t in job
            ]
            takers = frozenset(
                k
                for k, c in enumerate(candidates)
                if hours_fit[k] and all(c.may_do(task) for task in tasks)
            )
            found.append(KeptJob(takers, minutes))
            continue
        assert expansion is not None
        node_of = {  # the ways of the job's tasks, by their times
            (t, tuple(sorted(slots))): v
            for v, (t, slots) in enumerate(zip(expansion.task_of, expansion.slots, strict=True))
            if t in job
        }
        ways = {
            k: nodes_
            for k, c in enumerate(candidates)
            if hours_fit[k] and (nodes_ := _kept_ways(problem, node_of, job, c)) is not None
        }
        found.append(KeptJob(frozenset(ways), minutes, ways))
    return found


def _kept_ways(
    problem: Problem,
    node_of: Mapping[tuple[int, tuple[Slot, ...]], int],
    job: Sequence[int],
    candidate: Candidate,
) -> tuple[int, ...] | None:
    """The nodes at which ``candidate`` can do the kept ``job`` (ways of the expansion,
    ``node_of`` by task and times, that make it a job, on the fewest days), or None."""
    instance, expansion = problem.instance, problem.expansion
    assert expansion is not None

    def fits(t: int, slots: tuple[Slot, ...]) -> bool:
        task = instance.tasks[t]
        if not task.windows:
            return candidate.may_do(task)
        return (t, tuple(sorted(slots))) in node_of and candidate.may_do(task.scheduled(slots))

    times = kept_times(
        instance, problem.policy, problem.profiles, job, expansion.grid, allow=fits
    ).slots
    if times is None:
        return None
    chosen = [node_of.get((t, tuple(sorted(times[t])))) for t in job]
    if any(v is None for v in chosen):
        return None
    return tuple(sorted(v for v in chosen if v is not None))


def jobs_for_candidates(
    problem: Problem, candidates: Sequence[Candidate], seconds: float
) -> CandidateJobs:
    """The most jobs for ``candidates`` among the tasks the locks leave to the search,
    in at most ``seconds`` (deterministic time; the wall clock caps). With flexible
    tasks over their ways, the jobs settled in the expansion at the ways chosen."""
    plan, expansion = problem.plan, problem.expansion
    together = sorted(set(plan.groups.values()), key=sorted)
    kept = kept_jobs(problem, candidates)
    if expansion is None or problem.nodes is None or not expansion.flexible:
        return most_candidate_jobs(
            problem.graph,
            problem.profiles,
            problem.limits,
            holders_of(problem.instance, candidates, expansion),
            tasks=sorted(set(range(len(problem.profiles))) - plan.removed),
            together=together,
            time_limit=seconds,
            workers=problem.workers,
            seed=problem.seed,
            kept=kept,
        )
    found = most_candidate_jobs(
        problem.nodes,
        expansion.profiles,
        problem.limits,
        holders_of(problem.instance, candidates, expansion),
        tasks=[v for v, t in enumerate(expansion.task_of) if t not in plan.removed],
        together=together,
        time_limit=seconds,
        workers=problem.workers,
        seed=problem.seed,
        task_of=expansion.task_of,
        kept=kept,
    )
    found = replace(found, jobs=tuple(expansion.settle(job) for job in found.jobs))
    for job, k in zip(kept, found.kept_holders, strict=True):
        if k is not None and k in job.ways:  # the kept job at times its candidate can work
            expansion.settle(job.ways[k])
    if not problem.starts_thinned:
        return found
    # The search knew only the starts tried: its optimum and bound hold for those. For
    # every start a candidate holds one job at most, and the minutes bound the jobs.
    bound = min(len(candidates), problem.start_free_bound())
    tried = found.status == "optimal"
    status = "feasible" if tried else found.status
    return replace(found, status=status, bound=max(bound, len(found.jobs)), starts_tried=tried)


def candidates_result(
    problem: Problem, candidates: Sequence[Candidate], held: CandidateJobs
) -> Result:
    """Only the candidates' jobs (and the workshop's kept jobs, held by a candidate where
    one was free to): no vacancies. Each at the times it was found with (a flexible
    task's way chosen for its candidate)."""
    plan, instance, expansion = problem.plan, problem.instance, problem.expansion
    kept = plan.keep_jobs
    codes: list[str | None] = [candidates[k].id for k in held.holders]
    codes += [None if k is None else candidates[k].id for k in held.kept_holders]
    schedule = None if expansion is None else expansion.schedule
    columns = [*held.jobs, *kept]
    jobs = numbered_jobs(columns, instance, codes, schedule)
    placed = {t for job in columns for t in job}
    taken = {v for holder in holders_of(instance, candidates, expansion) for v in holder.tasks}
    takers = taken if expansion is None else {expansion.task_of[v] for v in taken}
    left = []
    for t, task in enumerate(instance.tasks):
        if t in placed:
            continue
        reason = set_aside(instance, plan, problem.graph, problem.limits, problem.profiles, t)
        if reason is None:
            reason = Phrase("candidates_busy" if t in takers else "no_candidate")
        left.append(Unassigned(task.id, reason))
    proven = held.status == "optimal"
    seconds = problem.budget.seconds()
    minutes = sum(problem.profiles[t].minutes for t in placed)
    return Result(
        instance=instance,
        policy=problem.policy,
        solution=Solution(jobs, tuple(left)),
        status=held.status,
        jobs_bound=held.bound + len(kept),
        solve_seconds=seconds,
        statistics=Statistics(
            method="candidates",
            tasks=len(instance.tasks),
            compatible_pairs=problem.graph.number_of_edges(),
            columns=len(held.jobs),
            enumeration_complete=False,
            enumeration_seconds=0.0,
            greedy_jobs=0,
            packing_status=held.status,
            jobs_proven_seconds=seconds if proven else None,
            wall_clock_cut=held.wall_clock_cut,
            candidate_status=held.status,
            interrupted=held.interrupted,
        ),
        locks=plan.locks or None,
        forbid_pairs=plan.forbid_pairs,
        jobs_status="optimal" if proven or len(held.jobs) == held.bound else held.status,
        hours_bound=minutes / 60 if proven else None,
        stopped=_stopped(proven, held),
        candidates=tuple(candidates),
        only_candidates=True,
    )


def _stopped(proven: bool, held: CandidateJobs) -> str:
    """How the candidates' search ended (see :data:`combibaan.result.STOPS`)."""
    if proven:
        return "proven"
    if held.interrupted:
        return "interrupted"
    return "starts_tried" if held.starts_tried else "time_limit"


def holders_of(
    instance: Instance, candidates: Sequence[Candidate], expansion: Expansion | None = None
) -> list[Holder]:
    """One job slot per candidate: the tasks it may take (available, competent, listed)
    and its hours per week in minutes. Given the ``expansion``, the nodes it may take
    instead, each judged at its own times: a window says nothing of when the person
    works (not even a window with one way, where nodes are tasks)."""
    if expansion is None:
        ways = list(enumerate(instance.tasks))
    else:
        slots, tasks = expansion.slots, instance.tasks
        ways = [(v, tasks[t].scheduled(slots[v])) for v, t in enumerate(expansion.task_of)]
    return [
        Holder(
            frozenset(v for v, task in ways if c.may_do(task)),
            None if c.min_hours is None else round(c.min_hours * 60),
            None if c.max_hours is None else round(c.max_hours * 60),
        )
        for c in candidates
    ]
