"""Workshop locks: the reader, the solver honouring each rule, the checker verifying them,
and infeasible combinations named by a minimal conflicting set."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import openpyxl
import pytest
from conftest import INSTANCES, assert_sound, groups, read, reasons, run_cli

import combibaan
from combibaan import InputError, Lock, LockConflict, LockError, Locks
from combibaan.io.locks import read_locks
from combibaan.model.locks import parse_supplier_pair
from combibaan.model.phrase import closest, say

INDOOR = INSTANCES / "indoor"
INDOOR_ARGS = (INDOOR / "tasks.csv", "--travel", INDOOR / "travel.csv")


@pytest.fixture(scope="module")
def indoor() -> combibaan.Instance:
    return read("indoor")


def solve(instance: combibaan.Instance, *pairs: tuple[str, list[str]], **options: object):
    options.setdefault("time_limit", 10)
    result = combibaan.solve(instance, locks=Locks.of(pairs), **options)  # type: ignore[arg-type]
    assert_sound(result)
    return result


def job_of(result: combibaan.Result, task_id: str) -> str | None:
    return next((j.job_id for j in result.solution.jobs if task_id in j.task_ids), None)


def reason_of(result: combibaan.Result, task_id: str) -> str:
    """Why the task stayed out, in English."""
    return reasons(result, "en")[task_id]


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


# ----------------------------------------------------------------------------- model


def test_rule_words_in_both_languages() -> None:
    assert Lock("samen", ("A", "B")).rule == "together"
    assert Lock("niet_samen", ("A", "B")).rule == "apart"
    assert Lock("Niet samen", ("A", "B")).rule == "apart"
    assert Lock("uitsluiten", ("A",)).rule == "exclude"
    assert Lock("BEHOUDEN", ("A",)).rule == "keep"
    with pytest.raises(LockError, match="onbekende regel 'maybe' voor een afspraak") as caught:
        Lock("maybe", ("A", "B"))
    assert caught.value.text("en").startswith("unknown lock rule 'maybe'")
    with pytest.raises(LockError, match="de regel samen vraagt minstens 2") as caught:
        Lock("together", ("A", "A"))
    assert "the rule together needs at least 2" in caught.value.text("en")
    with pytest.raises(LockError, match="twee afspraken 'behouden'") as caught:
        Locks.of([("keep", ["A", "B"]), ("keep", ["B", "C"])])
    assert "is in two keep locks: keep A|B and keep B|C" in caught.value.text("en")
    assert "behouden A|B en behouden B|C" in str(caught.value)


def test_lock_labels_name_the_row() -> None:
    lock = Lock("keep", ("I01", "I11"), row=4)
    assert lock.label() == "keep I01|I11 (row 4)"
    assert lock.label("nl") == "behouden I01|I11 (rij 4)"


def test_supplier_pairs() -> None:
    assert parse_supplier_pair("Securitas | Sodexo") == ("Securitas", "Sodexo")
    assert parse_supplier_pair("Securitas;Sodexo") == ("Securitas", "Sodexo")  # README
    for bad in ("Securitas", "Sodexo|sodexo", "a|b|c", "a;b|c"):
        with pytest.raises(LockError):
            parse_supplier_pair(bad)


# ----------------------------------------------------------------------------- reader


def test_read_english_and_dutch(tmp_path: Path, indoor: combibaan.Instance) -> None:
    english = write(
        tmp_path / "en.csv",
        "rule,task_ids\ntogether,I07|I15\napart,I02|I12\nexclude,I21\nkeep,I01|I11\n",
    )
    dutch = write(
        tmp_path / "nl.csv",
        "Regel;Taken\nsamen;I07|I15\nniet_samen;I02,I12\nuitsluiten;I21\nbehouden;I01|I11\n",
    )
    locks = read_locks(english, indoor)
    assert locks == read_locks(dutch, indoor)
    assert [lock.rule for lock in locks] == ["together", "apart", "exclude", "keep"]
    assert [lock.row for lock in locks] == [2, 3, 4, 5]
    assert locks.excluded == {"I21"}
    assert locks.kept == {"I01", "I11"}


def test_read_xlsx(tmp_path: Path, indoor: combibaan.Instance) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["regel", "taken"])
    sheet.append(["samen", "I07|I15"])
    workbook.save(tmp_path / "locks.xlsx")
    assert read_locks(tmp_path / "locks.xlsx", indoor) == Locks.of([("together", ["I07", "I15"])])
    # A sheet of notes first: the sheet named "afspraken" (the tool's own word) is read.
    notes = openpyxl.Workbook()
    notes.active.append(["Workshop 12 maart"])
    named = notes.create_sheet("Afspraken")
    named.append(["regel", "taken"])
    named.append(["apart", "I07|I15"])
    notes.save(tmp_path / "workshop.xlsx")
    assert read_locks(tmp_path / "workshop.xlsx", indoor) == Locks.of([("apart", ["I07", "I15"])])


def test_reader_reports_every_problem_with_row_and_column(
    tmp_path: Path, indoor: combibaan.Instance
) -> None:
    path = write(
        tmp_path / "locks.csv",
        "rule,task_ids\n"
        "together,I07\n"  # row 2: too few ids
        "sometimes,I01|I02\n"  # row 3: unknown rule
        "apart,I01|I99\n"  # row 4: unknown task
        "keep,I01|I11\n"  # row 5: fine
        "keep,I11|I12\n"  # row 6: I11 kept twice
        ",I01|I02\n",  # row 7: no rule
    )
    with pytest.raises(InputError) as caught:
        read_locks(path, indoor)
    found = {(p.row, p.column): say(p.message) for p in caught.value.problems}
    assert set(found) == {
        (2, "task_ids"),
        (3, "rule"),
        (4, "task_ids"),
        (6, "task_ids"),
        (7, "rule"),
    }
    assert "minstens 2" in found[2, "task_ids"]
    assert "sometimes" in found[3, "rule"] and "samen" in found[3, "rule"]
    assert "I99" in found[4, "task_ids"] and "I09" in found[4, "task_ids"]  # a close match
    assert "rij 5" in found[6, "task_ids"]
    english = [p.text("en") for p in caught.value.problems]
    assert "row 6, column 'task_ids': task I11 is already kept in row 5" in english[3]


def test_empty_locks_file_is_no_locks(tmp_path: Path, indoor: combibaan.Instance) -> None:
    assert not read_locks(write(tmp_path / "l.csv", "rule,task_ids\n"), indoor)


def test_shipped_example_locks_work(indoor: combibaan.Instance) -> None:
    locks = read_locks(INDOOR / "locks.csv", indoor)
    result = combibaan.solve(indoor, locks=locks, forbid_pairs=["Securitas|Sodexo"], time_limit=10)
    assert_sound(result)
    assert result.status == "optimal"


# ----------------------------------------------------------------------------- each rule holds


def test_together_puts_tasks_in_one_job(indoor: combibaan.Instance) -> None:
    result = solve(indoor, ("together", ["I07", "I15"]))
    assert job_of(result, "I07") is not None
    assert job_of(result, "I07") == job_of(result, "I15")


def test_together_that_cannot_form_a_job_leaves_all_out(indoor: combibaan.Instance) -> None:
    result = solve(indoor, ("together", ["I01", "I02"]))  # both 10:30-13:30
    assert job_of(result, "I01") is None and job_of(result, "I02") is None
    reason = reason_of(result, "I01")
    assert "I02" in reason and "overlap" in reason.lower()


def test_apart_splits_the_best_job(indoor: combibaan.Instance) -> None:
    assert frozenset({"I01", "I11"}) in groups(combibaan.solve(indoor, time_limit=10))
    result = solve(indoor, ("apart", ["I01", "I11"]))
    assert job_of(result, "I01") is None or job_of(result, "I01") != job_of(result, "I11")


def test_exclude_keeps_tasks_out_with_the_lock_as_reason(indoor: combibaan.Instance) -> None:
    result = solve(indoor, ("exclude", ["I11", "I12"]))
    assert job_of(result, "I11") is None and job_of(result, "I12") is None
    assert "exclude I11|I12" in reason_of(result, "I11")


def test_keep_is_one_untouched_job(indoor: combibaan.Instance) -> None:
    result = solve(indoor, ("keep", ["I02", "I12"]), ("keep", ["I18", "I15"]))
    assert {frozenset({"I02", "I12"}), frozenset({"I15", "I18"})} <= groups(result)


def test_forbidden_pair_never_shares_a_job(indoor: combibaan.Instance) -> None:
    free = combibaan.solve(indoor, time_limit=10)
    assert any({"Sodexo", "Asito"} <= set(j.suppliers) for j in free.solution.jobs)
    result = combibaan.solve(indoor, forbid_pairs=["sodexo|ASITO"], time_limit=10)
    assert_sound(result)
    assert result.forbid_pairs == (("Sodexo", "Asito"),)
    assert not any({"Sodexo", "Asito"} <= set(j.suppliers) for j in result.solution.jobs)


def test_unknown_supplier_or_task_is_a_lock_error(indoor: combibaan.Instance) -> None:
    with pytest.raises(LockError, match="Sodexo"):
        combibaan.solve(indoor, forbid_pairs=["Sodex|Asito"])
    with pytest.raises(LockError, match="I99"):
        combibaan.solve(indoor, locks=Locks.of([("exclude", ["I99"])]))
    # ``I1`` is ``I01`` written short: that guess comes first (it was left out for I13,
    # I11 and I12, the close matches by letters).
    with pytest.raises(LockError) as caught:
        combibaan.solve(indoor, locks=Locks.of([("exclude", ["I1"])]))
    assert "did you mean I01, " in caught.value.text("en")


def test_the_closest_names_put_the_same_name_written_otherwise_first() -> None:
    known = ["T01", "T02", "T10", "T11", "T12", "t-03"]
    assert closest("T1", known) == ["T01", "T12", "T11"]
    assert closest("T 3", known)[0] == "t-03"
    assert closest("X", known) == []
    # In any case: ``x9`` got no guess among X1-X3, where ``X9`` got all three.
    ids = ["F1", "X1", "X2", "X3"]
    assert closest("x9", ids, cutoff=0.4) == closest("X9", ids, cutoff=0.4) == ["X3", "X2", "X1"]


def test_solution_json_echoes_locks_and_pairs(indoor: combibaan.Instance) -> None:
    locks = Locks.of([("together", ["I07", "I15"]), ("exclude", ["I21"])])
    result = combibaan.solve(indoor, locks=locks, forbid_pairs=["Securitas|Sodexo"], time_limit=10)
    document = json.loads(result.to_json())
    assert document["locks"] == [
        {"rule": "together", "task_ids": ["I07", "I15"]},
        {"rule": "exclude", "task_ids": ["I21"]},
    ]
    assert document["forbidden_pairs"] == [["Securitas", "Sodexo"]]


# ----------------------------------------------------------------------------- the checker


def test_checker_catches_every_broken_lock(indoor: combibaan.Instance) -> None:
    result = combibaan.solve(indoor, time_limit=10)
    document = result.to_dict()
    b01 = next(j for j in document["jobs"] if set(j["task_ids"]) == {"I01", "I11"})
    document["locks"] = [
        {"rule": "together", "task_ids": ["I01", "I03"]},  # I03 is unassigned
        {"rule": "apart", "task_ids": ["I01", "I11"]},
        {"rule": "exclude", "task_ids": ["I11"]},
        {"rule": "keep", "task_ids": ["I01"]},  # B01 holds I11 too
    ]
    document["forbidden_pairs"] = [["Asito", "Sodexo"]]
    rules = {(v.rule, v.job_id) for v in combibaan.check_solution(indoor, document)}
    job = b01["job_id"]
    assert rules == {
        ("lock_together", None),
        ("lock_apart", job),
        ("lock_exclude", job),
        ("lock_keep", job),
        ("forbidden_pair", job),
    }


def test_checker_takes_locks_given_instead_of_the_echo(indoor: combibaan.Instance) -> None:
    document = combibaan.solve(indoor, time_limit=10).to_dict()
    assert combibaan.check_solution(indoor, document) == []
    found = combibaan.check_solution(
        indoor, document, locks=Locks.of([("apart", ["I01", "I11"])]), forbid_pairs=()
    )
    assert [v.rule for v in found] == ["lock_apart"]


def test_checker_reports_an_unreadable_echo(indoor: combibaan.Instance) -> None:
    document = combibaan.solve(indoor, time_limit=10).to_dict()
    broken = copy.deepcopy(document)
    broken["locks"] = [{"rule": "sometimes", "task_ids": ["I01", "I02"]}]
    assert [v.rule for v in combibaan.check_solution(indoor, broken)] == ["locks"]


# ----------------------------------------------------------------------------- conflicts


def conflict(instance: combibaan.Instance, *pairs: tuple[str, list[str]], **options: object):
    with pytest.raises(LockConflict) as caught:
        combibaan.solve(instance, locks=Locks.of(pairs), **options)  # type: ignore[arg-type]
    return caught.value


def rows(error: LockConflict) -> list[tuple[str, tuple[str, ...]]]:
    return [
        (item.rule, item.task_ids) if isinstance(item, Lock) else ("pair", item)
        for item in error.items
    ]


def test_keep_breaking_the_policy_names_the_rule(indoor: combibaan.Instance) -> None:
    error = conflict(indoor, ("exclude", ["I21"]), ("keep", ["I02"]))
    assert rows(error) == [("keep", ("I02",))]
    assert "15 h a week (min 20)" in error.text("en")
    error = conflict(indoor, ("keep", ["I01", "I02"]))
    assert "I01 and I02 overlap" in error.text("en")


def test_keep_and_exclude(indoor: combibaan.Instance) -> None:
    error = conflict(
        indoor, ("together", ["I07", "I15"]), ("keep", ["I01", "I11"]), ("exclude", ["I11"])
    )
    assert rows(error) == [("keep", ("I01", "I11")), ("exclude", ("I11",))]


def test_keep_and_apart(indoor: combibaan.Instance) -> None:
    error = conflict(indoor, ("apart", ["I11", "I01", "I05"]), ("keep", ["I01", "I11"]))
    assert rows(error) == [("apart", ("I11", "I01", "I05")), ("keep", ("I01", "I11"))]


def test_keep_and_forbidden_pair(indoor: combibaan.Instance) -> None:
    error = conflict(
        indoor, ("keep", ["I01", "I11"]), forbid_pairs=["Westerveld|Maas", "Asito|Sodexo"]
    )
    assert rows(error) == [("keep", ("I01", "I11")), ("pair", ("Asito", "Sodexo"))]


def test_together_spanning_two_kept_jobs(indoor: combibaan.Instance) -> None:
    error = conflict(
        indoor,
        ("keep", ["I01", "I11"]),
        ("keep", ["I02", "I12"]),
        ("together", ["I11", "I12"]),
    )
    assert len(error.items) == 2
    assert ("together", ("I11", "I12")) in rows(error)
    assert "same job" in error.text("en")


def test_every_disjoint_conflict_is_named(indoor: combibaan.Instance) -> None:
    error = conflict(
        indoor,
        ("keep", ["I01", "I11"]),
        ("together", ["I11", "I03"]),
        ("keep", ["I02"]),
        ("exclude", ["I21"]),
    )
    assert [len(c) for c in error.conflicts] == [1, 2]
    assert "I21" not in error.text("en")


def test_contradictions_that_are_not_infeasible(indoor: combibaan.Instance) -> None:
    """Together means "same job or all unassigned", so these only keep the group out."""
    result = solve(indoor, ("together", ["I01", "I11"]), ("exclude", ["I11"]))
    assert job_of(result, "I01") is None
    assert "excluded" in reason_of(result, "I01") and "I11" in reason_of(result, "I01")
    result = solve(indoor, ("together", ["I01", "I11"]), ("apart", ["I01", "I11"]))
    assert job_of(result, "I01") is None
    assert "apart I01|I11" in reason_of(result, "I01")


# ----------------------------------------------------------------------------- command line


def test_cli_solve_with_locks_and_check(tmp_path: Path) -> None:
    out = tmp_path / "out"
    done = run_cli(
        "solve",
        *INDOOR_ARGS,
        "--locks",
        INDOOR / "locks.csv",
        "--forbid-pair",
        "Securitas|Sodexo",
        "--forbid-pair",
        "Maas|Westerveld",
        "--out",
        out,
        "--time-limit",
        10,
    )
    assert done.returncode == 0, done.stderr
    document = json.loads((out / "solution.json").read_text(encoding="utf-8"))
    assert len(document["locks"]) == 4
    assert document["forbidden_pairs"] == [["Securitas", "Sodexo"], ["Maas", "Westerveld"]]
    checked = run_cli("check", *INDOOR_ARGS[:1], out / "solution.json", *INDOOR_ARGS[1:])
    assert checked.returncode == 0, checked.stdout
    stricter = write(tmp_path / "strict.csv", "regel,taken\nuitsluiten,I01\n")
    checked = run_cli("check", INDOOR / "tasks.csv", out / "solution.json", "--locks", stricter)
    assert checked.returncode == 1
    assert "[lock_exclude]" in checked.stdout


def test_cli_conflicting_locks_exit_2_naming_rows(tmp_path: Path) -> None:
    path = write(tmp_path / "l.csv", "rule,task_ids\nexclude,I21\nkeep,I01|I11\napart,I11|I01\n")
    done = run_cli("solve", *INDOOR_ARGS, "--locks", path, "--lang", "en")
    assert done.returncode == 2
    assert "row 3" in done.stderr and "row 4" in done.stderr and "row 2" not in done.stderr


def test_cli_bad_locks_file_and_pair_exit_2(tmp_path: Path) -> None:
    path = write(tmp_path / "l.csv", "rule,task_ids\nsamen,I01|I0l\n")
    done = run_cli("solve", *INDOOR_ARGS, "--locks", path)
    assert done.returncode == 2
    assert "fout:" in done.stderr and "rij 2" in done.stderr and "I0l" in done.stderr
    done = run_cli("solve", *INDOOR_ARGS, "--forbid-pair", "Securitas")
    assert done.returncode == 2 and "fout: --forbid-pair: een verboden paar" in done.stderr
    done = run_cli("solve", *INDOOR_ARGS, "--forbid-pair", "Securitas", "--lang", "en")
    assert done.returncode == 2 and "error: --forbid-pair: a forbidden pair" in done.stderr


def test_a_bad_locks_file_and_a_bad_pair_are_told_at_once(tmp_path: Path) -> None:
    """The pair's unknown supplier came only on the next run, after the file was fixed."""
    locks = tmp_path / "locks.csv"
    locks.write_text("rule,tasks\nsamen,I07|NOPE\n", encoding="utf-8")
    out = tmp_path / "out"
    args = ["solve", INSTANCES / "indoor" / "tasks.csv", "--locks", locks]
    done = run_cli(*args, "--forbid-pair", "A|B", "--out", out, "--lang", "en")
    assert done.returncode == 2
    assert "locks.csv, row 2" in done.stderr and "'NOPE'" in done.stderr
    assert "--forbid-pair" in done.stderr and "supplier 'A'" in done.stderr
    assert not out.exists()
