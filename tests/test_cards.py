"""The employer suggestion on a job card: each step decides where the ones before it tie,
the name only where all of them do, and the task file's order never matters."""

from __future__ import annotations

import random

import pytest
from reporting_support import make_result, task, weekdays

from combibaan.model import Instance, Supplier, Task
from combibaan.reporting import job_card, job_cards
from combibaan.reporting.cards import EMPLOYER_STEPS
from combibaan.reporting.labels import labels

H = 60  # minutes per hour


def employer(tasks: tuple[Task, ...], suppliers: tuple[Supplier, ...] = ()) -> tuple[str, str]:
    """The suggested employer of one job holding all ``tasks``, and the step that decided."""
    instance = Instance(tasks=tasks, suppliers=suppliers)
    card = job_cards(make_result(instance, {"B01": [t.id for t in tasks]}))[0]
    return card.employer, card.employer_reason


# In each case below the two suppliers tie on every step before the one tested, and a later
# step (or the alphabet: Alfa before Zeta) would choose the other supplier; so the step
# tested decides, and decides before the later ones.


def test_hours_decide_first() -> None:
    tasks = (
        task("A", "Alfa", weekdays(8 * H, 10 * H)),
        task("Z", "Zeta", weekdays(11 * H, 14 * H)),
    )
    assert employer(tasks) == ("Zeta", "hours")


def test_then_the_social_return_target_furthest_from_met() -> None:
    tasks = (
        task("A", "Alfa", weekdays(8 * H, 10 * H)),
        task("Z", "Zeta", weekdays(11 * H, 13 * H)),
    )
    suppliers = (
        Supplier("Alfa", "catering", None, 1000),
        Supplier("Zeta", "schoonmaak", None, 2000),
    )
    # Nothing met yet for either: the larger target has more hours open.
    assert employer(tasks, suppliers) == ("Zeta", "sroi")
    # A supplier without a target owes nothing: the one with a target goes first.
    unknown = (Supplier("Alfa", "catering", None, None), Supplier("Zeta", "schoonmaak", None, 500))
    assert employer(tasks, unknown) == ("Zeta", "sroi")


def test_the_social_return_step_counts_the_other_jobs_the_supplier_employs() -> None:
    instance = Instance(
        tasks=(
            task("A", "Alfa", weekdays(8 * H, 10 * H)),
            task("Z", "Zeta", weekdays(11 * H, 13 * H)),
            # B02: Zeta's 20 h against Beta's 5 h, so Zeta employs it by its hours.
            task("Z2", "Zeta", weekdays(7 * H, 11 * H)),
            task("B2", "Beta", weekdays(12 * H, 13 * H)),
            # B03: Zeta and Beta tie on hours and days: whom it goes to is itself a tie.
            task("Z3", "Zeta", weekdays(7 * H, 9 * H)),
            task("B3", "Beta", weekdays(10 * H, 12 * H)),
        ),
        suppliers=(
            Supplier("Alfa", "catering", None, 1000),
            Supplier("Zeta", "schoonmaak", None, 2000),
            Supplier("Beta", "groen", None, 1000),
        ),
    )
    settled = make_result(instance, {"B01": ("A", "Z"), "B02": ("Z2", "B2")})
    cards = {card.job_id: card for card in job_cards(settled)}
    assert (cards["B02"].employer, cards["B02"].employer_reason) == ("Zeta", "hours")
    # Zeta's larger target is 52 % met by B02 (20 h × 52 weeks of 2000), Alfa's not at all.
    assert (cards["B01"].employer, cards["B01"].employer_reason) == ("Alfa", "sroi")
    # A job tied itself does not count: without B02, B03 leaves Zeta's target as open as
    # before, and its larger target wins B01.
    tied = make_result(instance, {"B01": ("A", "Z"), "B03": ("Z3", "B3")})
    assert {c.job_id: c.employer for c in job_cards(tied)}["B01"] == "Zeta"
    # job_card on its own sees what job_cards sees when given the proposal.
    alone = job_card(instance, settled.solution.jobs[0], settled.solution.jobs)
    assert alone == cards["B01"]
    assert job_card(instance, settled.solution.jobs[0]).employer == "Zeta"  # no proposal


def test_then_own_tasks_on_more_of_the_jobs_days() -> None:
    # One sector: both cover its five days. Alfa works two of them, Zeta all five.
    tasks = (
        task("A", "Alfa", weekdays(8 * H, 13 * H, (0, 1))),
        task("Z", "Zeta", weekdays(14 * H, 16 * H)),
    )
    suppliers = (Supplier("Alfa", "schoonmaak"), Supplier("Zeta", "schoonmaak"))
    assert employer(tasks, suppliers) == ("Zeta", "own_days")


def test_then_the_task_that_starts_the_persons_week() -> None:
    tasks = (
        task("A", "Alfa", weekdays(10 * H, 12 * H)),
        task("Z", "Zeta", weekdays(6 * H, 8 * H)),
    )
    suppliers = (
        Supplier("Alfa", "schoonmaak", None, 1000),
        Supplier("Zeta", "schoonmaak", None, 1000),
    )
    assert employer(tasks, suppliers) == ("Zeta", "first_start")
    # Earliest in the week, not in the day: Zeta's Monday 10:00 before Alfa's Tuesday 06:00.
    week = (
        task("A", "Alfa", weekdays(6 * H, 8 * H, (1, 2))),
        task("Z", "Zeta", weekdays(10 * H, 12 * H, (0, 3))),
    )
    assert employer(week) == ("Zeta", "first_start")


def test_the_name_decides_only_where_every_step_ties() -> None:
    # Only tasks starting at the same minute tie on the last step: a job no rule allows.
    tasks = (
        task("Z", "zeta", weekdays(8 * H, 10 * H)),
        task("A", "Alfa", weekdays(8 * H, 10 * H)),
    )
    assert employer(tasks) == ("Alfa", "alphabetical")


def test_a_job_of_one_supplier() -> None:
    assert employer((task("A", "Alfa", weekdays(8 * H, 10 * H)),)) == ("Alfa", "single")


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_reason_has_its_words(lang: str) -> None:
    words = labels(lang)
    for code in ("single", *EMPLOYER_STEPS, "alphabetical"):
        assert words[f"why_{code}"].strip(), code


def test_the_suggestion_does_not_depend_on_the_order_of_the_task_file() -> None:
    tasks = [
        # B01: three suppliers tied on hours and sector days; Beta's target is the largest.
        task("A1", "Alfa", weekdays(6 * H, 8 * H)),
        task("B1", "Beta", weekdays(9 * H, 11 * H)),
        task("Z1", "Zeta", weekdays(12 * H, 14 * H)),
        # B02: Alfa employs it by its hours, so Alfa's target is partly met.
        task("A2", "Alfa", weekdays(6 * H, 10 * H)),
        task("Z2", "Zeta", weekdays(11 * H, 12 * H)),
        # B03: one sector, equal days and targets: the first task of the week (Zeta).
        task("A3", "Alfa", weekdays(10 * H, 12 * H)),
        task("C3", "Gamma", weekdays(14 * H, 16 * H)),
        task("Z3", "Zeta", weekdays(7 * H, 9 * H)),
    ]
    suppliers = [
        Supplier("Alfa", "schoonmaak", None, 2000),
        Supplier("Beta", "schoonmaak", None, 3000),
        Supplier("Gamma", "schoonmaak", None, 2000),
        Supplier("Zeta", "schoonmaak", None, 2000),
    ]
    jobs = {"B01": ["A1", "B1", "Z1"], "B02": ["A2", "Z2"], "B03": ["A3", "C3", "Z3"]}

    def suggestions(rng: random.Random | None) -> dict[str, tuple[str, str, list[str]]]:
        shuffled_tasks, shuffled_suppliers = list(tasks), list(suppliers)
        shuffled_jobs = {job_id: list(ids) for job_id, ids in jobs.items()}
        if rng is not None:
            rng.shuffle(shuffled_tasks)
            rng.shuffle(shuffled_suppliers)
            for ids in shuffled_jobs.values():
                rng.shuffle(ids)
            order = list(shuffled_jobs)
            rng.shuffle(order)
            shuffled_jobs = {job_id: shuffled_jobs[job_id] for job_id in order}
        instance = Instance(tasks=tuple(shuffled_tasks), suppliers=tuple(shuffled_suppliers))
        return {
            card.job_id: (card.employer, card.employer_reason, [s.supplier for s in card.shares])
            for card in job_cards(make_result(instance, shuffled_jobs))
        }

    expected = suggestions(None)
    assert expected["B01"][:2] == ("Beta", "sroi")
    assert expected["B02"][:2] == ("Alfa", "hours")
    assert expected["B03"][:2] == ("Zeta", "first_start")
    rng = random.Random(11)
    for _ in range(30):
        assert suggestions(rng) == expected
