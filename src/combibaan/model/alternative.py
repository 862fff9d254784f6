"""An alternative proposal: another way to bundle, and how it compares with the best.

A workshop wants choices, not one answer: "show me another way to make these
jobs". An alternative differs from the best proposal (and from every earlier
alternative) in a meaningful number of jobs, and says how far it is from the best.
"""

from __future__ import annotations

from dataclasses import dataclass

from combibaan.model.job import Job, Solution, Unassigned


@dataclass(frozen=True)
class Alternative:
    """One further proposal; ``jobs_delta``/``hours_delta`` compare it with the best (<= 0)."""

    #: 1 for the first alternative, 2 for the next, ...
    rank: int
    solution: Solution
    #: ``optimal`` when proven the best among proposals that differ enough from the
    #: earlier ones, ``feasible`` when the search stopped before proving that.
    status: str
    #: Jobs of this proposal minus jobs of the best one.
    jobs_delta: int
    #: Hours placed by this proposal minus hours placed by the best one.
    hours_delta: float
    #: Whether the best proposal is proven optimal and this one equals it in jobs and hours,
    #: so that this one is proven optimal in jobs and hours too.
    proven_optimal: bool = False

    @property
    def jobs(self) -> tuple[Job, ...]:
        return self.solution.jobs

    @property
    def unassigned(self) -> tuple[Unassigned, ...]:
        return self.solution.unassigned

    @property
    def num_jobs(self) -> int:
        return self.solution.num_jobs

    @property
    def hours_placed(self) -> float:
        return self.solution.hours_placed

    @property
    def job_units(self) -> float:
        return self.solution.job_units

    @property
    def equally_good(self) -> bool:
        """As many jobs and hours as the best proposal."""
        return self.jobs_delta == 0 and abs(self.hours_delta) < 1e-9

    def task_sets(self) -> frozenset[frozenset[str]]:
        """The proposal as a set of task sets: what "different" is measured on."""
        return frozenset(frozenset(job.task_ids) for job in self.solution.jobs)
