"""Errors in the run's language: every mistake in the user's input is a phrase of the texts'
``error`` table, Dutch by default and English on request, with the same file, row and column.
"""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

import combibaan
from combibaan.io import InputError, Problem, read_policy, read_suppliers, read_tasks
from combibaan.io.suppliers import SROI_BOUNDS
from combibaan.io.tasks import _EMPTY_HINTS as TASK_HINTS
from combibaan.io.travel import _EMPTY_HINTS as TRAVEL_HINTS
from combibaan.model.phrase import say
from combibaan.texts import ERRORS, LANGUAGES, TABLES, error_text

SRC = Path(__file__).resolve().parents[1] / "src" / "combibaan"


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


# ----------------------------------------------------------------------------- the table


def test_the_error_table_is_registered_for_phrases() -> None:
    assert TABLES["error"] is ERRORS


@pytest.mark.parametrize("code", sorted(ERRORS))
def test_every_error_has_both_languages_with_the_same_placeholders(code: str) -> None:
    words = ERRORS[code]
    assert set(words) == set(LANGUAGES), code
    assert all(words[lang].strip() or words[lang] == "" for lang in LANGUAGES)
    assert fields(words["nl"]) == fields(words["en"]), code


def test_every_code_the_code_names_is_in_the_table() -> None:
    """``mistake("code", ...)`` anywhere in the package, and the codes named by data (a
    rule's bound, an empty cell's hint, a table's noun, a TOML file's kind)."""
    named: set[str] = set()
    for path in SRC.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        named.update(re.findall(r'mistake\(\s*"([a-z_]+)"', text))
        named.update(re.findall(r'\bwrong\(\s*"([a-z_]+)"', text))
    named.update(rule.bounds.note for rule in combibaan.RULES if rule.bounds.note)
    named.add(SROI_BOUNDS.note)
    named.update(TASK_HINTS.values())
    named.update(TRAVEL_HINTS.values())
    named.update(f"noun_{what}" for what in ("tasks", "locks", "suppliers", "travel", "candidates"))
    named.update(f"{what}_file" for what in ("policy", "grid"))
    assert len(named) > 100
    assert sorted(named - set(ERRORS)) == []


# ----------------------------------------------------------------------------- the words

#: Words of English that Dutch does not share; none may be in a Dutch error.
ENGLISH = frozenset(
    re.findall(
        r"\w+",
        "row rows column columns line lines must got the file write unknown missing empty "
        "impossible time times should already header number did mean you your with and sheet "
        "cell error warning problems more than at least most give type it its not found "
        "cannot day days supplier task tasks rule rules value values here",
    )
)
#: What a Dutch sentence names as the program does, unquoted: column and rule keys, and the
#: English day names a hint says are accepted too.
NAMES = frozenset(
    re.findall(
        r"\w+",
        "task_id supplier days start end location competencies minutes sroi_hours_target "
        "mon fri max_hours min_hours max_suppliers policy",
    )
)


def english_words(text: str) -> set[str]:
    """English words in ``text``, leaving out what is quoted and the names of columns."""
    bare = re.sub(r"'[^']*'", " ", text)
    words = set(re.findall(r"[a-z]+(?:_[a-z]+)*", bare.lower()))
    return (words - NAMES) & ENGLISH


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def problems_of(reader: object, source: Path) -> list[Problem]:
    with pytest.raises(InputError) as caught:
        reader(source)  # type: ignore[operator]
    return caught.value.problems


TASKS = "task_id,supplier,days,start,end\n"
TYPICAL = {
    "bad time": ("tasks.csv", TASKS + "T1,Asito,ma-vr,7:61,09:00\n", read_tasks),
    "a decimal time": ("tasks.csv", TASKS + "T1,Asito,ma-vr,7.5,09:00\n", read_tasks),
    "unknown day": ("tasks.csv", TASKS + "T1,Asito,mo-fr,07:00,09:00\n", read_tasks),
    "missing column": ("tasks.csv", "task_id,supplier,days,start\nT1,A,ma,7\n", read_tasks),
    "empty cell": ("tasks.csv", TASKS + "T1,Asito,,07:00,09:00\n", read_tasks),
    "duplicate task id": (
        "tasks.csv",
        TASKS + "T1,Asito,ma,07:00,09:00\nT1,Sodexo,di,07:00,09:00\n",
        read_tasks,
    ),
    "duplicate supplier": ("suppliers.csv", "supplier\nAsito\nAsito\n", read_suppliers),
    "bad policy value": ("policy.toml", 'max_hours = 200\nmin_hours = "lots"\n', read_policy),
    "unknown rule": ("policy.toml", "max_hour = 30\n", read_policy),
}


@pytest.mark.parametrize("case", TYPICAL)
def test_no_english_word_in_a_dutch_error(tmp_path: Path, case: str) -> None:
    name, text, reader = TYPICAL[case]
    found = problems_of(reader, write(tmp_path, name, text))
    for problem in found:
        dutch = problem.text().removeprefix(problem.source)
        english = problem.text("en").removeprefix(problem.source)
        assert english_words(dutch) == set(), dutch
        assert english_words(english), english  # the check would see English
        assert dutch != english


def test_the_location_words_are_translated(tmp_path: Path) -> None:
    (problem,) = problems_of(read_tasks, write(tmp_path, "tasks.csv", TYPICAL["bad time"][1]))
    assert str(problem) == problem.text("nl")
    assert problem.text("nl").startswith(f"{tmp_path / 'tasks.csv'}, rij 2, kolom 'start': ")
    assert problem.text("en").startswith(f"{tmp_path / 'tasks.csv'}, row 2, column 'start': ")
    toml = Problem("policy.toml", "a library's own words", line=3, column="max_hours")
    assert toml.text("nl") == "policy.toml, regel 3, kolom 'max_hours': a library's own words"
    assert toml.text("en") == "policy.toml, line 3, column 'max_hours': a library's own words"


def test_values_from_the_file_stay_as_they_are(tmp_path: Path) -> None:
    text = TASKS + "T1,Asito,Mandag en Dinsdag,07:00,09:00\n"
    (problem,) = problems_of(read_tasks, write(tmp_path, "tasks.csv", text))
    assert "onbekende dag 'mandag' in 'Mandag en Dinsdag'" in problem.text("nl")
    assert "unknown day 'mandag' in 'Mandag en Dinsdag'" in problem.text("en")


def test_a_row_number_is_never_grouped_by_thousands(tmp_path: Path) -> None:
    rows = "".join(f"T{i},Asito,ma,07:00,09:00\n" for i in range(12_345))
    path = write(tmp_path, "tasks.csv", TASKS + rows + "TX,Asito,xx,07:00,09:00\n")
    (problem,) = problems_of(read_tasks, path)
    assert "rij 12347," in str(problem) and "row 12347," in problem.text("en")


def test_the_command_lines_labels() -> None:
    assert error_text("label_error") == "fout:" and error_text("label_error", "en") == "error:"
    assert error_text("label_warning") == "waarschuwing:"
    assert error_text("label_warning", "en") == "warning:"


def test_errors_of_python_callers_are_dutch_by_str_and_english_on_request() -> None:
    with pytest.raises(combibaan.PolicyError) as policy:
        combibaan.Policy(max_days=8)
    assert str(policy.value) == "max_days mag hoogstens 7 zijn (de dagen van een week), niet 8"
    assert policy.value.text("en") == "max_days must be at most 7 (the days in a week), got 8"
    with pytest.raises(combibaan.LockError) as lock:
        combibaan.Locks.of([("uitsluiten", [])])
    assert str(lock.value) == "de regel uitsluiten vraagt minstens 1 verschillende taak, niet 0"
    assert lock.value.text("en") == "the rule exclude needs at least 1 different task id, got 0"
    assert say("plain text", "en") == "plain text"  # a library's words pass unchanged
