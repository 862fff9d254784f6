"""User-facing sentences, Dutch by default with English available.

Code speaks in reason codes and numbers; this is the one place that turns them
into words, so that a translation or a rewording touches one file.

A template names its values in braces. A number is written as people write it in
the language (``19,5`` in Dutch, ``19.5`` in English); ``{n:taak|taken}`` says the
first word when ``n`` is one and the second otherwise (Dutch and English share that
rule), so that a sentence agrees with its number: ``{n} {n:taak past|taken passen}``.
``{hours:+}`` writes a number with its sign (``+2,5``).
"""

from __future__ import annotations

from collections.abc import Mapping

from combibaan.model.phrase import Labelled, Phrase
from combibaan.model.week import DAY_NAMES
from combibaan.model.week import format_days as format_days  # days in words, for the edge

LANGUAGES = ("nl", "en")

REASONS: dict[str, dict[str, str]] = {
    "not_worked_out": {
        "nl": "Niet ingedeeld; de reden is niet uitgezocht omdat de berekening werd onderbroken.",
        "en": "Not placed; the reason was not worked out because the run was interrupted.",
    },
    "excluded": {
        "nl": "Uitgesloten door een afspraak ({lock}).",
        "en": "Excluded by a lock ({lock}).",
    },
    "too_long": {
        "nl": "Breekt alleen al een regel: {detail}.",
        "en": "Alone it already breaks a rule: {detail}.",
    },
    "isolated": {
        "nl": "Alleen {detail}, en geen taak past ernaast: {why}.",
        "en": "Alone {detail}, and no task fits beside it: {why}.",
    },
    "no_job": {
        "nl": "{partners} {partners:taak past|taken passen} ernaast, maar samen halen ze "
        "hooguit {best} uur (minimaal {min_hours}){tail}.",
        "en": "{partners} {partners:task fits|tasks fit} beside it, but together they reach "
        "at most {best} h (min {min_hours}){tail}.",
    },
    "no_job_rule": {
        "nl": "{partners} {partners:taak past|taken passen} ernaast, maar geen combinatie "
        "voldoet{tail}.",
        "en": "{partners} {partners:task fits|tasks fit} beside it, but no combination meets "
        "the rules{tail}.",
    },
    "binding": {
        "nl": "; vooral {rule} staat in de weg",
        "en": "; mostly {rule} stands in the way",
    },
    "binding_alone": {
        "nl": "vooral {rule} staat in de weg",
        "en": "mostly {rule} stands in the way",
    },
    "taken": {
        "nl": "Kan in {options} {options:baan, maar die|banen, maar elk daarvan} vraagt een "
        "taak die al is ingedeeld: {competing}.",
        "en": "Could join {options} {options:job, but it needs|jobs, but each needs} a task "
        "already used: {competing}.",
    },
    "unexplored": {
        "nl": "Niet alle combinaties met deze taak zijn binnen de tijdslimiet bekeken.",
        "en": "Not every combination with this task was examined within the time limit.",
    },
    "together_excluded": {
        "nl": "Moet samen met {other} ({lock}), maar {other} is uitgesloten ({by}).",
        "en": "Must go with {other} ({lock}), but {other} is excluded ({by}).",
    },
    "together_pair": {
        "nl": "Moet samen met {others} ({lock}), maar {a} en {b} passen niet in één baan: {why}.",
        "en": "Must go with {others} ({lock}), but {a} and {b} cannot share a job: {why}.",
    },
    "task_obstacle": {"nl": "{task}: {why}", "en": "{task}: {why}"},
    "together_no_job": {
        "nl": "Moet samen met {others} ({lock}), maar geen baan met die taken voldoet: {why}.",
        "en": "Must go with {others} ({lock}), but no job with those tasks meets the rules: {why}.",
    },
}


def number(value: float) -> str:
    """Hours as people write them, at most two decimals: ``20`` not ``20.0``, ``25.5``
    stays, ``1/3`` is ``0.33``; whole numbers in full (``1234567``, never ``1.23e+06``)."""
    if isinstance(value, int):
        return str(value)
    return f"{value:.2f}".rstrip("0").rstrip(".")


def decimal(value: float, lang: str = "nl") -> str:
    """A number as :func:`number` writes it, with a decimal comma in Dutch."""
    text = number(value)
    return text.replace(".", ",") if lang == "nl" else text


def signed(value: float, lang: str = "nl") -> str:
    """A change as :func:`decimal` writes it, always with its sign: ``+2,5``, ``-1``, ``0``."""
    text = decimal(value, lang)
    return text if text.startswith("-") or text == "0" else "+" + text


# --- why tasks cannot share a job: each rule adds its words from its module (rules/) ---------

#: An obstacle between tasks, by code.
OBSTACLES: dict[str, dict[str, str]] = {
    "unavailable": {"nl": "doet zelf niet mee", "en": "is out itself"},
    "lock": {"nl": "verboden door {lock}", "en": "forbidden by {lock}"},
}
#: How many other tasks fail beside a task for one reason: ``"14 clash in time"``.
COUNTS: dict[str, dict[str, str]] = {
    "unavailable": {
        "nl": "{n} {n:doet|doen} niet mee (afspraak of te lang)",
        "en": "{n} {n:is|are} out (a lock, or too long)",
    },
    "lock": {"nl": "{n} verboden door een afspraak", "en": "{n} forbidden by a lock"},
}
#: A rule as the thing that "stands in the way" (``{value}``: its setting).
BINDING: dict[str, dict[str, str]] = {
    "together": {"nl": "de afspraak {lock}", "en": "the lock {lock}"}
}
#: A relaxation of a rule, as ``explain`` tries it (``{value}``: the relaxed setting).
RELAXATIONS: dict[str, dict[str, str]] = {}

# --- locks that cannot all hold (solvers/locking.py) -----------------------------------------

CONFLICTS: dict[str, dict[str, str]] = {
    "header": {
        "nl": "Deze afspraken kunnen niet samen gelden: {locks}. {why}",
        "en": "These locks cannot all hold together: {locks}. {why}",
    },
    "header_one": {"nl": "{why}", "en": "{why}"},
    "keep_rule": {
        "nl": "Afspraak {keep} is geen geldige baan: {why}.",
        "en": "Lock {keep} is not a valid job: {why}.",
    },
    "keep_excluded": {
        "nl": "{task} zit in {keep}, maar {other} sluit het uit.",
        "en": "{task} is kept by {keep}, but {other} excludes it.",
    },
    "keep_apart": {
        "nl": "{a} en {b} zitten samen in {keep}, maar {other} houdt ze uit elkaar.",
        "en": "{a} and {b} are both in {keep}, but {other} keeps them apart.",
    },
    "keep_pair": {
        "nl": "{keep} combineert {first} en {second}, maar dat is een {other}.",
        "en": "{keep} combines {first} and {second}, but that is a {other}.",
    },
    "keep_together": {
        "nl": "{other} wil {task} in dezelfde baan als {kept}, maar {keep} bevat precies "
        "{members}.",
        "en": "{other} wants {task} in the same job as {kept}, but {keep} holds exactly {members}.",
    },
}


def _text(
    table: dict[str, dict[str, str]], code: str, lang: str, values: Mapping[str, object]
) -> str:
    """The template ``code`` of ``table`` in ``lang`` with ``values`` said in that language."""
    if lang not in LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(LANGUAGES)}, got {lang!r}")
    return table[code][lang].format(
        **{key: _Said(key, value, lang) for key, value in values.items()}
    )


def render(phrase: Phrase, lang: str = "nl") -> str:
    """A :class:`~combibaan.model.phrase.Phrase` in words: numbers as people write them, a
    ``day`` index as the day's short name, nested phrases and lists rendered in turn."""
    return _text(TABLES[phrase.table], phrase.code, lang, phrase.values)


def plural(count: object, one: str, other: str) -> str:
    """``one`` when ``count`` is one (or minus one), else ``other``: the rule Dutch and English
    share. Anything but a number (a list of ids, "minstens 5") takes ``other``."""
    if isinstance(count, int | float) and not isinstance(count, bool) and abs(count) == 1:
        return one
    return other


#: A Dutch number from Python's format: decimal comma, and a point between thousands.
_DUTCH_MARKS = str.maketrans({".": ",", ",": "."})


class _Said:
    """One value of a template, said in the template's language: ``{key:one|other}`` picks
    a word by it, ``{key:+}`` signs it, a format of Python's (``{key:.1f}``) writes it with
    the language's decimal mark; a value that is no number is said as it is."""

    def __init__(self, key: str, value: object, lang: str) -> None:
        self.key, self.value, self.lang = key, value, lang

    def __format__(self, spec: str) -> str:
        if "|" in spec:
            one, other = spec.split("|", 1)
            return plural(self.value, one, other)
        value = self.value
        if not spec or not isinstance(value, int | float) or isinstance(value, bool):
            return _said(self.key, value, self.lang)
        if spec == "+":
            return signed(value, self.lang)
        text = format(value, spec)
        return text.translate(_DUTCH_MARKS) if self.lang == "nl" else text


def _said(key: str, value: object, lang: str) -> str:
    if isinstance(value, Phrase):
        return render(value, lang)
    if isinstance(value, tuple | list):
        return ", ".join(_said(key, item, lang) for item in value)
    if isinstance(value, str):
        return value
    if key == "day" and isinstance(value, int):
        return DAY_NAMES[lang][value]
    if isinstance(value, float | int) and not isinstance(value, bool):
        return decimal(value, lang)
    if hasattr(value, "label"):
        labelled: Labelled = value
        return labelled.label(lang)
    return str(value)


# --- combibaan explain (analysis/explain.py) --------------------------------------------------

EXPLAIN: dict[str, dict[str, str]] = {
    "times": {
        "nl": "Tijden: {slots} · {hours} uur per week{location}",
        "en": "Times: {slots} · {hours} h a week{location}",
    },
    "compatible": {
        "nl": "Past naast {n} {n:taak|taken}: {ids}",
        "en": "Fits beside {n} {n:task|tasks}: {ids}",
    },
    "compatible_none": {"nl": "Past naast geen enkele taak.", "en": "Fits beside no other task."},
    "incompatible": {"nl": "Past niet naast:", "en": "Does not fit beside:"},
    "feasible": {
        "nl": "Mogelijke banen met {task}: {n}",
        "en": "Feasible jobs with {task}: {n}",
    },
    "at_least": {"nl": "minstens {n}", "en": "at least {n}"},
    "in_job": {
        "nl": "In het voorstel: baan {job}{partners}, {hours} uur per week.",
        "en": "In the proposal: job {job}{partners}, {hours} h a week.",
    },
    "with": {"nl": " (met {ids})", "en": " (with {ids})"},
    "out": {"nl": "Niet ingedeeld: {reason}", "en": "Not placed: {reason}"},
    "changes": {"nl": "Wat het antwoord verandert:", "en": "What would change the answer:"},
    "change": {
        "nl": "  - {change}: {task} komt in baan {job}{partners}; {jobs} {jobs:baan|banen}{delta}.",
        "en": "  - {change}: it joins job {job}{partners}; {jobs} {jobs:job|jobs}{delta}.",
    },
    "now": {"nl": " (nu {n})", "en": " (now {n})"},
    "hours_delta": {"nl": ", {hours:+} uur ingedeeld", "en": ", {hours:+} h placed"},
    "no_changes": {
        "nl": "  Geen enkele losse versoepeling plaatst {task} zonder een baan te verliezen "
        "(geprobeerd: {tried}).",
        "en": "  No single relaxation places {task} without losing a job (tried: {tried}).",
    },
    "relax_none": {
        "nl": "zonder wijziging (evenveel banen)",
        "en": "without any change (as many jobs)",
    },
    "relax_lock": {"nl": "zonder afspraak {value}", "en": "without lock {value}"},
    "relax_pair": {"nl": "zonder {value}", "en": "without {value}"},
}


def explain_text(code: str, lang: str = "nl", **values: object) -> str:
    return _text(EXPLAIN, code, lang, values)


# --- the command line: tables, summary line, Ctrl-C (cli/*.py) --------------------------------

CLI: dict[str, dict[str, str]] = {
    "jobs": {"nl": "{n} {n:baan|banen}", "en": "{n} {n:job|jobs}"},
    # the progress line's job count when it is one (cli/progress.py); "jobs" says it too
    "jobs_proven": {"nl": " (bewezen maximum)", "en": " (proven maximum)"},
    "jobs_bound": {"nl": " (ten hoogste {bound} mogelijk)", "en": " (at most {bound} possible)"},
    "hours": {"nl": "{hours} uur geplaatst", "en": "{hours} {hours:hour|hours} placed"},
    "hours_bound": {"nl": " (ten hoogste {bound})", "en": " (at most {bound})"},
    # a status (Result.status, an alternative's), as the summary line and the tables say it
    "optimal": {"nl": "optimaal", "en": "optimal"},
    "feasible": {"nl": "geldig", "en": "feasible"},
    "infeasible": {"nl": "onmogelijk", "en": "infeasible"},
    "unknown": {"nl": "onbekend", "en": "unknown"},
    "proven": {"nl": "bewezen", "en": "proven"},
    "time_limit": {"nl": "gestopt: tijdslimiet", "en": "stopped: time limit"},
    "interrupted": {"nl": "gestopt: onderbroken (Ctrl-C)", "en": "stopped: interrupted (Ctrl-C)"},
    "wall_clock": {
        "nl": " (tijdslimiet van de klok; een herhaling kan verschillen)",
        "en": " (wall-clock limit; a rerun may differ)",
    },
    "seconds": {"nl": "{seconds:.1f} s", "en": "{seconds:.1f} s"},
    "finishing": {
        "nl": "Bezig met afronden{saving}… (nog een keer Ctrl-C breekt af zonder op te slaan)",
        "en": "Finishing{saving}… (press Ctrl-C once more to abort without saving)",
    },
    "and_saving": {"nl": " en opslaan", "en": " and saving"},
    "saving": {"nl": "Bezig met opslaan…", "en": "Saving…"},
    "aborted": {
        "nl": "Afgebroken (Ctrl-C): er is niets opgeslagen.",
        "en": "Aborted (Ctrl-C): nothing was saved.",
    },
    "interrupted_note": {
        "nl": "Onderbroken (Ctrl-C): dit is het beste voorstel tot dan toe{written}.",
        "en": "Interrupted (Ctrl-C): this is the best proposal found so far{written}.",
    },
    "written_note": {"nl": ", opgeslagen in {folder}", "en": ", written to {folder}"},
    "written": {"nl": "Opgeslagen in {folder}", "en": "Written to {folder}"},
    "written_files": {"nl": "Geschreven: {files}", "en": "Written: {files}"},
    "interrupted_early": {
        "nl": "Onderbroken (Ctrl-C); er is niets opgeslagen.",
        "en": "Interrupted (Ctrl-C); nothing was saved.",
    },
    # the progress line while reading and solving (cli/progress.py)
    "reading": {"nl": "Inlezen…", "en": "Reading…"},
    "solving": {"nl": "Oplossen… {elapsed} van {limit}", "en": "Solving… {elapsed} of {limit}"},
    "no_proposal_yet": {"nl": "nog geen voorstel", "en": "no proposal yet"},
    "bound_unknown": {"nl": "grens nog onbekend", "en": "bound not yet known"},
    "bound": {"nl": "ten hoogste {bound}", "en": "bound {bound}"},
    "gap": {"nl": "gat {gap}", "en": "gap {gap}"},
    # the tables of solve (cli/show.py)
    "jobs_title": {"nl": "Combinatiebanen — {name}", "en": "Combination jobs — {name}"},
    "unassigned_title": {
        "nl": "Taken die bij hun leverancier blijven",
        "en": "Tasks that stay with their supplier",
    },
    "alternatives_title": {"nl": "Alternatieven", "en": "Alternatives"},
    "col_job": {"nl": "baan", "en": "job"},
    "col_jobs": {"nl": "banen", "en": "jobs"},
    "col_task": {"nl": "taak", "en": "task"},
    "col_tasks": {"nl": "taken", "en": "tasks"},
    "col_supplier": {"nl": "leverancier", "en": "supplier"},
    "col_suppliers": {"nl": "leveranciers", "en": "suppliers"},
    "col_hours": {"nl": "uren", "en": "hours"},
    "col_hours_week": {"nl": "uur/week", "en": "hours/week"},
    "col_days": {"nl": "dagen", "en": "days"},
    "col_locations": {"nl": "locaties", "en": "locations"},
    "col_reason": {"nl": "reden", "en": "reason"},
    "col_proposal": {"nl": "voorstel", "en": "proposal"},
    "col_vs_best": {"nl": "t.o.v. beste", "en": "vs best"},
    "col_status": {"nl": "status", "en": "status"},
    "col_jobs_tasks": {"nl": "banen (taken)", "en": "jobs (tasks)"},
    "best": {"nl": "beste", "en": "best"},
    "equal": {"nl": "even goed", "en": "equal"},
    "vs_best": {
        "nl": "{jobs:+} {jobs:baan|banen}, {hours:+} uur",
        "en": "{jobs:+} {jobs:job|jobs}, {hours:+} h",
    },
    # tables cut short on screen (cli/show.py)
    "more_jobs": {
        "nl": "… en nog {n} {n:baan|banen}{where}",
        "en": "… and {n} more {n:job|jobs}{where}",
    },
    "more_tasks": {
        "nl": "… en nog {n} {n:taak|taken}{where}",
        "en": "… and {n} more {n:task|tasks}{where}",
    },
    "more_in": {"nl": "; allemaal in {file}", "en": "; all of them are in {file}"},
    "more_hint": {
        "nl": " (--rows all toont ze allemaal, --out MAP schrijft ze weg)",
        "en": " (--rows all shows them all, --out DIR writes them to files)",
    },
    # combibaan check (cli/check.py), which speaks Dutch (it has no --lang)
    "violations": {
        "nl": "{n} {n:overtreding|overtredingen} in {solution}",
        "en": "{n} {n:violation|violations} in {solution}",
    },
    "every_rule_holds": {
        "nl": "{solution}: voldoet aan alle regels",
        "en": "{solution}: every rule holds",
    },
    "other_rules": {
        "nl": "de oplossing is gemaakt onder andere regels: {rules}",
        "en": "the solution was made under other rules: {rules}",
    },
    "other_rule": {
        "nl": "{key} {claimed} (gecontroleerd: {checked})",
        "en": "{key} {claimed} (checked: {checked})",
    },
    "off": {"nl": "uit", "en": "off"},
    # combibaan sweep (cli/sweep.py), which speaks Dutch (it has no --lang)
    "sweeping": {"nl": "Doorrekenen", "en": "Sweeping"},
    "sweep_title": {"nl": "Doorrekening — {name}", "en": "Sweep — {name}"},
    "col_bound": {"nl": "ten hoogste", "en": "bound"},
    "col_share": {"nl": "aandeel", "en": "share"},
}


def cli_text(code: str, lang: str = "nl", **values: object) -> str:
    return _text(CLI, code, lang, values)


def jobs_note(jobs: int, bound: int | None, proven: bool, lang: str = "nl") -> str:
    """After the job count: " (bewezen maximum)" or " (ten hoogste 14 mogelijk)"."""
    if proven or (bound is not None and bound == jobs):
        return cli_text("jobs_proven", lang)
    return "" if bound is None else cli_text("jobs_bound", lang, bound=bound)


def hours_note(hours: float, bound: float | None, lang: str = "nl") -> str:
    """After the hours placed: " (bewezen maximum)" or " (ten hoogste 310)"."""
    if bound is None:
        return ""
    if round(bound, 2) <= round(hours, 2):
        return cli_text("jobs_proven", lang)
    return cli_text("hours_bound", lang, bound=decimal(round(bound, 2), lang))


#: Every table a :class:`~combibaan.model.phrase.Phrase` can name.
TABLES: dict[str, dict[str, dict[str, str]]] = {
    "reason": REASONS,
    "obstacle": OBSTACLES,
    "count": COUNTS,
    "binding": BINDING,
    "relax": RELAXATIONS,
    "conflict": CONFLICTS,
    "explain": EXPLAIN,
}
