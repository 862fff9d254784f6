"""The words: plurals that agree with their number, a decimal comma in Dutch, no "slot".

Every sentence is a template of :mod:`combibaan.texts` (rules add theirs on import); these
tests render them the way the solver's phrases and the command line do.
"""

from __future__ import annotations

import re
import string

import pytest

import combibaan  # noqa: F401  (the rules register their words on import)
from combibaan.model.phrase import Phrase
from combibaan.texts import (
    CLI,
    LANGUAGES,
    TABLES,
    cli_text,
    decimal,
    explain_text,
    number,
    plural,
    render,
    signed,
)

EVERY_TABLE = {**{f"phrase:{name}": table for name, table in TABLES.items()}, "cli": CLI}


def templates(lang: str) -> list[tuple[str, str, str]]:
    """(table, code, template) of every sentence in ``lang``."""
    return [
        (name, code, words[lang])
        for name, table in EVERY_TABLE.items()
        for code, words in table.items()
    ]


def reason(code: str, lang: str, table: str = "reason", **values: object) -> str:
    return render(Phrase(code, values, table), lang)


# ----------------------------------------------------------------------------- plurals


@pytest.mark.parametrize(
    ("count", "word"), [(1, "baan"), (1.0, "baan"), (-1, "baan"), (0, "banen"), (2, "banen")]
)
def test_plural_is_singular_for_one_only(count: float, word: str) -> None:
    assert plural(count, "baan", "banen") == word


def test_anything_but_a_number_takes_the_plural() -> None:
    assert plural("minstens 5", "baan", "banen") == "banen"
    assert plural(True, "baan", "banen") == "banen"


@pytest.mark.parametrize(
    ("lang", "one", "three"),
    [
        (
            "nl",
            "Kan in 1 baan, maar die vraagt een taak die al is ingedeeld: I15 (B03).",
            "Kan in 3 banen, maar elk daarvan vraagt een taak die al is ingedeeld: I15 (B03).",
        ),
        (
            "en",
            "Could join 1 job, but it needs a task already used: I15 (B03).",
            "Could join 3 jobs, but each needs a task already used: I15 (B03).",
        ),
    ],
)
def test_a_reason_agrees_with_its_number(lang: str, one: str, three: str) -> None:
    assert reason("taken", lang, options=1, competing=("I15 (B03)",), set="") == one
    assert reason("taken", lang, options=3, competing=("I15 (B03)",), set="") == three


@pytest.mark.parametrize(
    ("lang", "one", "many"),
    [
        ("nl", "1 taak past ernaast", "13 taken passen ernaast"),
        ("en", "1 task fits beside it", "13 tasks fit beside it"),
    ],
)
def test_the_verb_agrees_too(lang: str, one: str, many: str) -> None:
    assert reason("no_job_rule", lang, partners=1, tail="").startswith(one)
    assert reason("no_job_rule", lang, partners=13, tail="").startswith(many)


@pytest.mark.parametrize(
    ("code", "lang", "one", "two"),
    [
        ("overlap", "nl", "1 overlapt in tijd", "2 overlappen in tijd"),
        ("overlap", "en", "1 clashes in time", "2 clash in time"),
        ("max_hours", "nl", "1 maakt de week te lang", "2 maken de week te lang"),
        ("max_span_hours", "en", "1 stretches a day too far", "2 stretch a day too far"),
        ("unavailable", "nl", "1 doet niet mee (afspraak of te lang)", "2 doen niet mee"),
        ("unavailable", "en", "1 is out (a lock, or too long)", "2 are out"),
    ],
)
def test_counts_of_one_and_more(code: str, lang: str, one: str, two: str) -> None:
    assert reason(code, lang, "count", n=1) == one
    assert reason(code, lang, "count", n=2).startswith(two)


def test_a_rule_of_one_is_said_in_the_singular() -> None:
    assert reason("suppliers", "nl", "binding", value=1.0) == "de grens van 1 leverancier"
    assert reason("suppliers", "en", "binding", value=2.0) == "the limit of 2 suppliers"
    assert reason("max_days", "nl", "relax", value=1) == "met max 1 werkdag per week"


def test_the_command_line_counts_too() -> None:
    assert cli_text("jobs", "nl", n=1) == "1 baan"
    assert cli_text("jobs", "en", n=12) == "12 jobs"
    assert cli_text("more_tasks", "nl", n=1, where="") == "… en nog 1 taak"
    assert cli_text("violations", "en", n=1, solution="s.json") == "1 violation in s.json"
    assert cli_text("violations", "nl", n=2, solution="s.json") == "2 overtredingen in s.json"
    assert explain_text("compatible", "nl", n=1, ids="I13") == "Past naast 1 taak: I13"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_placeholder_plurals_are_left(lang: str) -> None:
    for name, code, template in templates(lang):
        assert "(s)" not in template, (name, code)
        assert not re.search(r"\b(baan/banen|taak/taken|\w+/\w+en)\b", template), (name, code)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_template_asks_for_a_known_format(lang: str) -> None:
    """``{n:one|other}``, ``{n:+}``, a Python number format, or nothing."""
    for name, code, template in templates(lang):
        for _, field, spec, _ in string.Formatter().parse(template):
            if field is None or not spec:
                continue
            known = spec == "+" or spec.count("|") == 1 or re.fullmatch(r"[+]?\.\d+[f%]", spec)
            assert known, (name, code, spec)


# ----------------------------------------------------------------------------- numbers


def test_numbers_as_people_write_them() -> None:
    assert number(20.0) == "20"
    assert number(25.5) == "25.5"
    assert number(1 / 3) == "0.33"
    assert number(1234567.0) == "1234567"
    assert number(7) == "7"


def test_dutch_writes_a_decimal_comma_english_a_point() -> None:
    assert decimal(19.5, "nl") == "19,5"
    assert decimal(19.5, "en") == "19.5"
    values = {"partners": 17, "best": 19.5, "min_hours": 25.5, "tail": ""}
    assert "hooguit 19,5 uur (minimaal 25,5)" in reason("no_job", "nl", **values)
    assert "at most 19.5 h (min 25.5)" in reason("no_job", "en", **values)
    assert reason("max_hours", "nl", "obstacle", value=40.5, limit=36.0) == (
        "40,5 uur per week (max 36)"
    )


def test_changes_carry_their_sign() -> None:
    assert signed(2.5, "nl") == "+2,5"
    assert signed(-1, "en") == "-1"
    assert signed(0, "nl") == "0"
    assert cli_text("vs_best", "nl", jobs=-1, hours=-2.5) == "-1 baan, -2,5 uur"
    assert cli_text("vs_best", "en", jobs=2, hours=4.0) == "+2 jobs, +4 h"
    assert explain_text("hours_delta", "nl", hours=56.5) == ", +56,5 uur ingedeeld"


@pytest.mark.parametrize(
    ("value", "nl", "en"),
    [
        (9999, "9999", "9999"),  # four digits stay together
        (1234.5, "1234,5", "1234.5"),
        (10000, "10.000", "10,000"),
        (12345.5, "12.345,5", "12,345.5"),
        (-12345.25, "-12.345,25", "-12,345.25"),
        (1234567.0, "1.234.567", "1,234,567"),
        (0.5, "0,5", "0.5"),
    ],
)
def test_five_digits_and_more_are_grouped_by_thousands(value: float, nl: str, en: str) -> None:
    assert (decimal(value, "nl"), decimal(value, "en")) == (nl, en)


def test_thousands_in_sentences_signs_and_counts() -> None:
    assert signed(12345.5, "nl") == "+12.345,5"
    assert signed(-20000, "en") == "-20,000"
    assert cli_text("hours", "nl", hours=12345.5) == "12.345,5 uur geplaatst"
    assert cli_text("jobs", "en", n=12000) == "12,000 jobs"
    assert cli_text("more_tasks", "nl", n=5000, where="") == "… en nog 5000 taken"
    assert cli_text("more_tasks", "nl", n=50000, where="") == "… en nog 50.000 taken"
    assert cli_text("vs_best", "en", jobs=-1, hours=10500.0) == "-1 job, +10,500 h"


def test_the_plain_number_a_user_types_back_has_no_separator() -> None:
    # ``number`` is what --help shows as a default: typed back, it must parse.
    assert number(12345.5) == "12345.5"
    assert float(number(1234567.0)) == 1234567


def test_what_rounds_to_nothing_has_no_sign() -> None:
    assert number(-0.001) == "0"
    assert signed(-0.004, "nl") == "0"


def test_a_python_number_format_keeps_the_languages_decimal_mark() -> None:
    assert cli_text("seconds", "nl", seconds=4.24) == "4,2 s"
    assert cli_text("seconds", "en", seconds=4.24) == "4.2 s"


def test_an_unknown_language_is_an_error() -> None:
    with pytest.raises(ValueError, match="nl, en"):
        cli_text("jobs", "fr", n=2)


# ----------------------------------------------------------------------------- words


def test_dutch_says_afspraak_for_a_lock() -> None:
    for name, code, template in templates("nl"):
        assert not re.search(r"\bslot(en)?\b", template, re.IGNORECASE), (name, code, template)
    assert reason("excluded", "nl", lock="uitsluiten I21") == (
        "Uitgesloten door een afspraak (uitsluiten I21)."
    )
    assert explain_text("relax_lock", "nl", value="samen I07|I15") == (
        "zonder afspraak samen I07|I15"
    )
