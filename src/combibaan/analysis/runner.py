"""Many independent solves, run here, in local processes, or on a Dask cluster.

Sweeps and the sensitivity analysis both ask the same thing: solve this list
of (instance, policy) pairs and give back small, comparable outcomes in the
order asked. Every solve runs with one CP-SAT worker and a fixed seed, so an
outcome depends only on its inputs, not on which engine or machine ran it (as
long as the solve finishes within its time limit; a solve cut off by the clock
can stop at a different point on a busier machine).

Engines:

* in this process, one after the other, when one process is asked for;
* a local :class:`~concurrent.futures.ProcessPoolExecutor` (the default), at
  most one process per CPU, started with ``forkserver`` where the platform has
  it (``spawn`` elsewhere) so that it is safe from a Jupyter kernel's threads;
* an existing Dask cluster, given as ``"tcp://host:8786"`` or a
  ``distributed.Client``. The cluster's workers need combibaan installed.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from typing import Any

from combibaan.model import Instance
from combibaan.rules import Policy

#: Called as ``progress(done, total)`` each time a solve finishes.
ProgressCallback = Callable[[int, int], None]


@dataclass(frozen=True)
class Run:
    """One solve to do; ``options`` are further keyword arguments of ``solve`` (e.g. locks)."""

    instance: Instance
    policy: Policy
    options: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Outcome:
    """What a solve sends back: its KPIs and the task ids of each job (small and picklable)."""

    kpis: dict[str, Any]
    jobs: tuple[tuple[str, ...], ...]


def solve_one(
    instance: Instance,
    policy: Policy,
    time_limit: float,
    seed: int,
    options: dict[str, Any] | None = None,
) -> Outcome:
    """Solve with one CP-SAT worker, which makes the answer reproducible for a seed."""
    from combibaan.analysis.kpis import kpi_values
    from combibaan.solvers import solve

    result = solve(instance, policy, time_limit=time_limit, seed=seed, workers=1, **(options or {}))
    uninterrupted(result)
    return Outcome(
        kpis=kpi_values(result), jobs=tuple(job.task_ids for job in result.solution.jobs)
    )


def uninterrupted(result: Any) -> None:
    """Raise :class:`KeyboardInterrupt` where Ctrl-C cut ``result`` short: ``solve`` returns
    its best so far, but an analysis must not go on to the next solve and report the
    cut one as a normal row (a sweep ran its 1,000 points to the end and exited 0)."""
    if result.statistics.interrupted:
        raise KeyboardInterrupt


def available_cpus() -> int:
    """CPUs this process may use (the affinity mask where the platform knows it)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def run_all(
    runs: Sequence[Run],
    *,
    time_limit: float,
    seed: int = 0,
    workers: int | None = None,
    scheduler: Any = None,
    progress: ProgressCallback | None = None,
) -> list[Outcome]:
    """Solve every run and return the outcomes in the order of ``runs``.

    ``workers`` is the number of local processes (default: one per CPU, never
    more than there are CPUs or runs); ``1`` solves in this process. With
    ``scheduler`` (an address or a ``distributed.Client``) the runs go to that
    Dask cluster instead and ``workers`` is ignored.
    """
    from combibaan.solvers.solve import check_run  # the solver loads when first used

    check_run(time_limit, seed)
    if workers is not None and (isinstance(workers, bool) or not isinstance(workers, int)):
        raise ValueError(f"workers must be a whole number of at least 1, got {workers!r}")
    if workers is not None and workers < 1:
        raise ValueError(f"workers must be at least 1, got {workers}")
    for run in runs:
        if not isinstance(run.instance, Instance):
            raise TypeError(
                "instance must be a combibaan.Instance (combibaan.read_instance reads a file "
                f"or a DataFrame), got {type(run.instance).__name__}"
            )
    if scheduler is not None:
        return _run_dask(runs, time_limit, seed, scheduler, progress)
    processes = min(workers or available_cpus(), available_cpus(), len(runs))
    if processes <= 1:
        return _run_here(runs, time_limit, seed, progress)
    return _run_processes(runs, time_limit, seed, processes, progress)


def _run_here(
    runs: Sequence[Run], time_limit: float, seed: int, progress: ProgressCallback | None
) -> list[Outcome]:
    outcomes = []
    for done, run in enumerate(runs, start=1):
        outcomes.append(solve_one(run.instance, run.policy, time_limit, seed, run.options))
        if progress:
            progress(done, len(runs))
    return outcomes


def _run_processes(
    runs: Sequence[Run],
    time_limit: float,
    seed: int,
    processes: int,
    progress: ProgressCallback | None,
) -> list[Outcome]:
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    if context.get_start_method() == "forkserver":
        context.set_forkserver_preload(["combibaan.analysis.runner", "combibaan.solvers"])
    outcomes: list[Outcome | None] = [None] * len(runs)
    with ProcessPoolExecutor(max_workers=processes, mp_context=context) as pool:
        futures = {
            pool.submit(solve_one, run.instance, run.policy, time_limit, seed, run.options): i
            for i, run in enumerate(runs)
        }
        try:
            for done, future in enumerate(as_completed(futures), start=1):
                outcomes[futures[future]] = future.result()
                if progress:
                    progress(done, len(runs))
        except BaseException:  # an error or Ctrl-C: do not wait for the solves not yet started
            pool.shutdown(wait=False, cancel_futures=True)
            raise
    return [o for o in outcomes if o is not None]


def _run_dask(
    runs: Sequence[Run],
    time_limit: float,
    seed: int,
    scheduler: Any,
    progress: ProgressCallback | None,
) -> list[Outcome]:
    client, own = _dask_client(scheduler)
    from distributed import as_completed as dask_completed

    try:
        # Send each distinct instance once, not once per policy.
        shared = {id(run.instance): run.instance for run in runs}
        remote = {key: client.scatter(inst, hash=False) for key, inst in shared.items()}
        futures = {
            client.submit(
                solve_one,
                remote[id(run.instance)],
                run.policy,
                time_limit,
                seed,
                run.options,
                pure=False,
            ): i
            for i, run in enumerate(runs)
        }
        outcomes: list[Outcome | None] = [None] * len(runs)
        for done, future in enumerate(dask_completed(list(futures)), start=1):
            outcomes[futures[future]] = future.result()
            if progress:
                progress(done, len(runs))
        return [o for o in outcomes if o is not None]
    finally:
        if own:
            client.close()


def _dask_client(scheduler: Any) -> tuple[Any, bool]:
    """The client to use, and whether we opened it (and so must close it)."""
    try:
        from distributed import Client
    except ImportError as error:
        raise ImportError(
            "running on a Dask cluster needs the 'distributed' package; "
            "install it with: pip install 'combibaan[dask]'"
        ) from error
    if isinstance(scheduler, Client):
        return scheduler, False
    if isinstance(scheduler, str):
        try:
            return Client(scheduler, timeout="30s"), True
        except (OSError, TimeoutError, ValueError) as error:  # ValueError: no address
            raise ConnectionError(
                f"cannot reach the Dask scheduler at {scheduler!r} ({error}); "
                "check the address and that the scheduler is running"
            ) from error
    raise TypeError(
        "scheduler must be an address such as 'tcp://host:8786' or a distributed.Client, "
        f"got {type(scheduler).__name__}"
    )
