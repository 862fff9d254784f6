"""User-facing sentences, Dutch by default with English available.

Code speaks in reason codes and numbers; this is the one place that turns them
into words, so that a translation or a rewording touches one file.
"""

from __future__ import annotations

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
        "nl": "Uitgesloten door een slot ({lock}).",
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
        "nl": "{partners} taak/taken passen ernaast, maar samen halen ze hooguit {best} uur "
        "(minimaal {min_hours}){tail}.",
        "en": "{partners} task(s) fit beside it, but together they reach at most {best} h "
        "(min {min_hours}){tail}.",
    },
    "no_job_rule": {
        "nl": "{partners} taak/taken passen ernaast, maar geen combinatie voldoet{tail}.",
        "en": "{partners} task(s) fit beside it, but no combination meets the rules{tail}.",
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
        "nl": "Kan in {options} baan/banen, maar elk daarvan vraagt een taak die al is "
        "ingedeeld: {competing}.",
        "en": "Could join {options} job(s), but each needs a task already used: {competing}.",
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
    """Hours as people write them: ``20`` not ``20.0``, ``25.5`` stays."""
    return f"{value:g}" if value == round(value, 2) else f"{value:.2f}"


# --- why tasks cannot share a job: each rule adds its words from its module (rules/) ---------

#: An obstacle between tasks, by code.
OBSTACLES: dict[str, dict[str, str]] = {
    "unavailable": {"nl": "doet zelf niet mee", "en": "is out itself"},
    "lock": {"nl": "verboden door {lock}", "en": "forbidden by {lock}"},
}
#: How many other tasks fail beside a task for one reason: ``"14 clash in time"``.
COUNTS: dict[str, dict[str, str]] = {
    "unavailable": {
        "nl": "{n} doen niet mee (slot of te lang)",
        "en": "{n} are out (a lock, or too long)",
    },
    "lock": {"nl": "{n} verboden door een slot", "en": "{n} forbidden by a lock"},
}
#: A rule as the thing that "stands in the way" (``{value}``: its setting).
BINDING: dict[str, dict[str, str]] = {"together": {"nl": "slot {lock}", "en": "lock {lock}"}}
#: A relaxation of a rule, as ``explain`` tries it (``{value}``: the relaxed setting).
RELAXATIONS: dict[str, dict[str, str]] = {}

# --- locks that cannot all hold (solvers/locking.py) -----------------------------------------

CONFLICTS: dict[str, dict[str, str]] = {
    "header": {
        "nl": "Deze sloten kunnen niet samen gelden: {locks}. {why}",
        "en": "These locks cannot all hold together: {locks}. {why}",
    },
    "header_one": {"nl": "{why}", "en": "{why}"},
    "keep_rule": {
        "nl": "Slot {keep} is geen geldige baan: {why}.",
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


def _text(table: dict[str, dict[str, str]], code: str, lang: str, values: dict) -> str:
    if lang not in LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(LANGUAGES)}, got {lang!r}")
    return table[code][lang].format(**values)


def render(phrase: Phrase, lang: str = "nl") -> str:
    """A :class:`~combibaan.model.phrase.Phrase` in words: numbers as people write them, a
    ``day`` index as the day's short name, nested phrases and lists rendered in turn."""
    if lang not in LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(LANGUAGES)}, got {lang!r}")
    template = TABLES[phrase.table][phrase.code][lang]
    return template.format(**{key: _said(key, value, lang) for key, value in phrase.values.items()})


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
        return number(value)
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
        "nl": "Past naast {n} taak/taken: {ids}",
        "en": "Fits beside {n} task(s): {ids}",
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
        "nl": "  - {change}: {task} komt in baan {job}{partners}; {jobs} banen{delta}.",
        "en": "  - {change}: it joins job {job}{partners}; {jobs} jobs{delta}.",
    },
    "now": {"nl": " (nu {n})", "en": " (now {n})"},
    "hours_delta": {"nl": ", {hours} uur ingedeeld", "en": ", {hours} h placed"},
    "no_changes": {
        "nl": "  Geen enkele losse versoepeling plaatst {task} zonder een baan te verliezen "
        "(geprobeerd: {tried}).",
        "en": "  No single relaxation places {task} without losing a job (tried: {tried}).",
    },
    "relax_none": {
        "nl": "zonder wijziging (evenveel banen)",
        "en": "without any change (as many jobs)",
    },
    "relax_lock": {"nl": "zonder slot {value}", "en": "without lock {value}"},
    "relax_pair": {"nl": "zonder {value}", "en": "without {value}"},
}


def explain_text(code: str, lang: str = "nl", **values: object) -> str:
    return _text(EXPLAIN, code, lang, values)


# --- the command line: summary line and Ctrl-C (cli/show.py, cli/interrupt.py) -------------

CLI: dict[str, dict[str, str]] = {
    "jobs": {"nl": "{n} banen", "en": "{n} jobs"},
    "jobs_one": {"nl": "1 baan", "en": "1 job"},
    "jobs_proven": {"nl": " (bewezen maximum)", "en": " (proven maximum)"},
    "jobs_bound": {"nl": " (ten hoogste {bound} mogelijk)", "en": " (at most {bound} possible)"},
    "hours": {"nl": "{hours} uur geplaatst", "en": "{hours} hours placed"},
    "hours_bound": {"nl": " (ten hoogste {bound})", "en": " (at most {bound})"},
    "optimal": {"nl": "optimaal", "en": "optimal"},
    "proven": {"nl": "bewezen", "en": "proven"},
    "infeasible": {"nl": "onmogelijk", "en": "infeasible"},
    "time_limit": {"nl": "gestopt: tijdslimiet", "en": "stopped: time limit"},
    "interrupted": {"nl": "gestopt: onderbroken (Ctrl-C)", "en": "stopped: interrupted (Ctrl-C)"},
    "wall_clock": {
        "nl": " (tijdslimiet van de klok; een herhaling kan verschillen)",
        "en": " (wall-clock limit; a rerun may differ)",
    },
    "seconds": {"nl": "{seconds} s", "en": "{seconds} s"},
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
    # tables cut short on screen (cli/show.py)
    "more_jobs": {"nl": "… en nog {n} banen{where}", "en": "… and {n} more jobs{where}"},
    "more_jobs_one": {"nl": "… en nog 1 baan{where}", "en": "… and 1 more job{where}"},
    "more_tasks": {"nl": "… en nog {n} taken{where}", "en": "… and {n} more tasks{where}"},
    "more_tasks_one": {"nl": "… en nog 1 taak{where}", "en": "… and 1 more task{where}"},
    "more_in": {"nl": "; allemaal in {file}", "en": "; all of them are in {file}"},
    "more_hint": {
        "nl": " (--rows all toont ze allemaal, --out MAP schrijft ze weg)",
        "en": " (--rows all shows them all, --out DIR writes them to files)",
    },
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


def decimal(value: float, lang: str = "nl") -> str:
    """A number as :func:`number` writes it, with a decimal comma in Dutch."""
    text = number(value)
    return text.replace(".", ",") if lang == "nl" else text


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
