"""User-facing sentences, Dutch by default with English available.

Code speaks in reason codes and numbers; this is the one place that turns them
into words, so that a translation or a rewording touches one file.

A template names its values in braces. A number is written as people write it in
the language (``19,5`` in Dutch, ``19.5`` in English); ``{n:taak|taken}`` says the
first word when ``n`` is one and the second otherwise (Dutch and English share that
rule), so that a sentence agrees with its number: ``{n} {n:taak past|taken passen}``.
``{hours:+}`` writes a number with its sign (``+2,5``).

One rule for thousands in both languages: a number of five digits or more before the
decimal mark is grouped by three (``12.345,5`` in Dutch, ``12,345.5`` in English); one
of four stays together (``2500``, ``1234,5``), as Dutch style guides allow, and English
follows the same rule so that both languages read alike. That is for prose only
(:func:`decimal`, :func:`signed` and the templates); :func:`number` keeps the plain form
a user types back (a default in ``--help``), and machine-readable output (CSV, JSON,
workbook cells) is written without this module.
"""

from __future__ import annotations

from collections.abc import Mapping

from combibaan.model.phrase import Labelled, Phrase, PhraseError, use_renderer
from combibaan.model.phrase import mistake as mistake  # an input error's phrase, for the edge
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
    "isolated_alone": {
        "nl": "Alleen {detail}, en de lijst heeft geen andere taak om ernaast te doen.",
        "en": "Alone {detail}, and the list has no other task to do beside it.",
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
        "taak die al is ingedeeld: {competing}{set}.",
        "en": "Could join {options} {options:job, but it needs|jobs, but each needs} a task "
        "already used: {competing}{set}.",
    },
    "taken_set": {
        "nl": "; ze past ook naast taken van banen die vooraf vaststaan (van een afspraak of "
        "een kandidaat): {partners}",
        "en": "; it also fits beside tasks of jobs set beforehand (a lock's, or a "
        "candidate's): {partners}",
    },
    # said after a reason for a task left out where starts were thinned (solvers/solve.py)
    "starts_tried": {
        "nl": " (Gezocht over de geprobeerde begintijden van de flexibele taken.)",
        "en": " (Searched over the starts tried of the flexible tasks.)",
    },
    "unexplored": {
        "nl": "Niet alle combinaties met deze taak zijn bekeken.",
        "en": "Not every combination with this task was examined.",
    },
    # cover mode (solvers/covering.py)
    "no_candidate": {
        "nl": "Geen kandidaat kan deze taak doen (beschikbaarheid, competenties of takenlijst).",
        "en": "No candidate can do this task (availability, competencies or task list).",
    },
    "candidates_busy": {
        "nl": "Geen kandidaat die deze taak kan doen, krijgt er een baan mee die aan de regels"
        " en zijn uren voldoet naast de andere banen; zonder --only-candidates kan ze in een"
        " vacature.",
        "en": "No candidate who can do this task gets a job with it that keeps the rules and"
        " their hours beside the other jobs; without --only-candidates it may go into a"
        " vacancy.",
    },
    "no_cover": {
        "nl": "Er bestaat geen verdeling die elke taak in een baan plaatst onder deze regels"
        "{proven}{blocking}; {advice}.",
        "en": "No division places every task in a job under these rules{proven}{blocking};"
        " {advice}.",
    },
    "no_cover_candidates": {
        "nl": "Er bestaat geen verdeling die elke taak in een baan van een kandidaat plaatst "
        "onder deze regels{proven}{blocking}. Meer beschikbaarheid of een kandidaat erbij kan "
        "helpen; anders: {advice}.",
        "en": "No division places every task in a job of a candidate under these "
        "rules{proven}{blocking}. More availability or another candidate may help; else "
        "{advice}.",
    },
    # not over thinned starts, where the reason ends with the starts tried instead
    "cover_proven": {"nl": " (bewezen)", "en": " (proven)"},
    "cover_advice_min_hours": {
        "nl": "zet een regel uit (bijv. --min-hours off) of laat --cover weg",
        "en": "switch a rule off (e.g. --min-hours off) or leave out --cover",
    },
    "cover_advice": {
        "nl": "zet een regel uit of laat --cover weg",
        "en": "switch a rule off or leave out --cover",
    },
    "cover_advice_locks": {
        "nl": "laat een afspraak of verboden paar los, zet een regel uit of laat --cover weg",
        "en": "lift a lock or forbidden pair, switch a rule off or leave out --cover",
    },
    "cover_stranded": {
        "nl": "Past in geen enkele baan: geen taak past ernaast en alleen is ze geen baan.",
        "en": "Fits in no job: no task fits beside it, and alone it is no job.",
    },
    "cover_blocking_jobs": {
        "nl": ": {tasks} {n:past|passen} in geen enkele baan",
        "en": ": {tasks} {n:fits|fit} in no job",
    },
    "cover_blocking": {
        "nl": ": {tasks} {n:past|passen} in geen enkele baan of bij geen kandidaat",
        "en": ": {tasks} {n:fits|fit} in no job or with no candidate",
    },
    "cover_not_found": {
        "nl": "Binnen de tijdslimiet is geen verdeling gevonden die elke taak plaatst.",
        "en": "No division placing every task was found within the time limit.",
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
    stays, ``1/3`` is ``0.33``; whole numbers in full (``1234567``, never ``1.23e+06``),
    with a point and no thousands separator: the form a user types back. What rounds to
    nothing is ``0``, never ``-0``."""
    if isinstance(value, int):
        return str(value)
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


#: Digits before the decimal mark from which :func:`decimal` groups them by thousands.
GROUP_FROM_DIGITS = 5


def decimal(value: float, lang: str = "nl") -> str:
    """A number as :func:`number` writes it, in the marks of the language: ``1234,5`` and
    ``12.345,5`` in Dutch, ``1234.5`` and ``12,345.5`` in English (see the module's rule)."""
    whole, point, fraction = number(value).partition(".")
    digits = whole.lstrip("-")
    if digits.isdigit() and len(digits) >= GROUP_FROM_DIGITS:
        whole = whole.removesuffix(digits) + f"{int(digits):,}"
    text = whole + point + fraction
    return text.translate(_DUTCH_MARKS) if lang == "nl" else text


def signed(value: float, lang: str = "nl") -> str:
    """A change as :func:`decimal` writes it, always with its sign: ``+2,5``, ``-1``, ``0``."""
    text = decimal(value, lang)
    return text if text.startswith("-") or text == "0" else "+" + text


# --- why tasks cannot share a job: each rule adds its words from its module (rules/) ---------

#: An obstacle between tasks, by code.
OBSTACLES: dict[str, dict[str, str]] = {
    "unavailable": {"nl": "doet zelf niet mee", "en": "is out itself"},
    "in_set_job": {
        "nl": "zit al in een vaste baan (afspraak of kandidaat)",
        "en": "is in a job already set (a lock's, or a candidate's)",
    },
    "lock": {"nl": "verboden door {lock}", "en": "forbidden by {lock}"},
}
#: How many other tasks fail beside a task for one reason: ``"14 clash in time"``.
COUNTS: dict[str, dict[str, str]] = {
    "unavailable": {
        "nl": "{n} {n:doet|doen} niet mee (afspraak of te lang)",
        "en": "{n} {n:is|are} out (a lock, or too long)",
    },
    "lock": {"nl": "{n} verboden door een afspraak", "en": "{n} forbidden by a lock"},
    "in_set_job": {
        "nl": "{n} {n:zit|zitten} al in een vaste baan (afspraak of kandidaat)",
        "en": "{n} {n:is|are} in a job already set (a lock's, or a candidate's)",
    },
    "unchecked": {
        "nl": "{n} niet bekeken (de tijd voor de redenen was op)",
        "en": "{n} not looked at (the time for the reasons ran out)",
    },
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


def check_lang(lang: str) -> None:
    """An unknown language is an error, not a fallback."""
    if lang not in LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(LANGUAGES)}, got {lang!r}")


def _text(
    table: dict[str, dict[str, str]], code: str, lang: str, values: Mapping[str, object]
) -> str:
    """The template ``code`` of ``table`` in ``lang`` with ``values`` said in that language."""
    check_lang(lang)
    return table[code][lang].format(
        **{key: _Said(key, value, lang) for key, value in values.items()}
    )


def render(phrase: Phrase, lang: str = "nl") -> str:
    """A :class:`~combibaan.model.phrase.Phrase` in words: numbers as people write them, a
    ``day`` index as the day's short name, nested phrases and lists rendered in turn."""
    text = _text(TABLES[phrase.table], phrase.code, lang, phrase.values)
    after = phrase.values.get(AFTER)
    return text + render(after, lang) if isinstance(after, Phrase) else text


#: The key of a phrase's values under which a phrase said after it may come (a caveat).
AFTER = "after"

use_renderer(render)  # errors raised below this layer (a lock, a number) speak through it


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
    if isinstance(value, PhraseError):
        return value.text(lang)
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
    "over_starts_tried": {
        "nl": "(Beoordeeld over de geprobeerde begintijden van de flexibele taken: de lijst "
        "heeft er te veel om ze allemaal te bekijken.)",
        "en": "(Judged over the starts tried of the flexible tasks: the list has too many to "
        "look at them all.)",
    },
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
    "relax_move": {
        "nl": "als {task} kan beginnen tussen {earliest} en {latest} in plaats van om {start}",
        "en": "if {task} could start between {earliest} and {latest} instead of at {start}",
    },
    "relax_widen": {
        "nl": "als {task} kan vallen binnen {windows} in plaats van binnen {old}",
        "en": "if {task} could lie within {windows} instead of within {old}",
    },
    # a widened window's opening moved to the day before (model/variants.around)
    "evening_before": {"nl": "{time} (de avond ervoor)", "en": "{time} (the evening before)"},
    "window": {
        "nl": "{count}{days} {duration} tussen {earliest} en {latest}",
        "en": "{count}{days} {duration} between {earliest} and {latest}",
    },
    "chosen": {
        "nl": "Gekozen tijden voor {task}: {times}.",
        "en": "Times chosen for {task}: {times}.",
    },
}


def explain_text(code: str, lang: str = "nl", **values: object) -> str:
    return _text(EXPLAIN, code, lang, values)


# --- the command line: tables, summary line, Ctrl-C (cli/*.py) --------------------------------

CLI: dict[str, dict[str, str]] = {
    "jobs": {"nl": "{n} {n:baan|banen}", "en": "{n} {n:job|jobs}"},
    "held": {"nl": "{n} voor een kandidaat", "en": "{n} held by a candidate"},
    "vacancies": {"nl": "{n} {n:vacature|vacatures}", "en": "{n} {n:vacancy|vacancies}"},
    "beside_proven": {"nl": " (bewezen maximum daarnaast)", "en": " (proven maximum beside)"},
    "beside_bound": {"nl": " (ten hoogste {bound} daarnaast)", "en": " (at most {bound} beside)"},
    # the progress line's job count when it is one (cli/progress.py); "jobs" says it too
    "jobs_proven": {"nl": " (bewezen maximum)", "en": " (proven maximum)"},
    "jobs_bound": {"nl": " (ten hoogste {bound} mogelijk)", "en": " (at most {bound} possible)"},
    "jobs_proven_least": {"nl": " (bewezen minimum)", "en": " (proven minimum)"},
    "jobs_proven_beside": {
        "nl": " (bewezen maximum naast de kandidaatbanen)",
        "en": " (proven maximum beside the candidates' jobs)",
    },
    "jobs_bound_beside": {
        "nl": " (ten hoogste {bound} naast deze kandidaatbanen)",
        "en": " (at most {bound} beside these candidates' jobs)",
    },
    "jobs_bound_least": {"nl": " (minstens {bound} nodig)", "en": " (at least {bound} needed)"},
    "hours": {"nl": "{hours} uur geplaatst", "en": "{hours} {hours:hour|hours} placed"},
    "hours_bound": {"nl": " (ten hoogste {bound})", "en": " (at most {bound})"},
    # a status (Result.status, an alternative's), as the summary line and the tables say it
    "optimal": {"nl": "optimaal", "en": "optimal"},
    "feasible": {"nl": "geldig", "en": "feasible"},
    "status_count_proven": {"nl": "aantal bewezen", "en": "count proven"},
    "infeasible": {"nl": "onmogelijk", "en": "infeasible"},
    "unknown": {"nl": "onbekend", "en": "unknown"},
    "proven": {"nl": "bewezen", "en": "proven"},
    "time_limit": {"nl": "gestopt: tijdslimiet", "en": "stopped: time limit"},
    "count_proven": {
        "nl": "aantal bewezen; gestopt na een laatste zoektocht naar uren",
        "en": "count proven; stopped after a last search for hours",
    },
    "starts_tried": {
        "nl": "bewezen voor de geprobeerde begintijden",
        "en": "proven for the starts tried",
    },
    "interrupted": {"nl": "gestopt: onderbroken (Ctrl-C)", "en": "stopped: interrupted (Ctrl-C)"},
    "wall_clock": {
        "nl": " (tijdslimiet van de klok; een herhaling kan verschillen)",
        "en": " (wall-clock limit; a rerun may differ)",
    },
    "at_window_start": {
        "nl": "met elk tijdvenster op zijn begin {jobs} {jobs:baan|banen} ({gain} door de "
        "flexibele taken)",
        "en": "with every window at its start {jobs} {jobs:job|jobs} ({gain} from the "
        "flexible tasks)",
    },
    # as many (proven) jobs at the windows' starts: "(0 door de flexibele taken)" read oddly
    "at_window_start_same": {
        "nl": "met elk tijdvenster op zijn begin ook {jobs} {jobs:baan|banen} (de flexibele "
        "taken maken geen baan meer)",
        "en": "with every window at its start also {jobs} {jobs:job|jobs} (the flexible "
        "tasks add no job)",
    },
    "at_window_start_cover_same": {
        "nl": "met elk tijdvenster op zijn begin ook {jobs} {jobs:baan|banen} nodig (de "
        "flexibele taken besparen geen baan)",
        "en": "with every window at its start also {jobs} {jobs:job|jobs} needed (the "
        "flexible tasks save no job)",
    },
    # no proposal at all with every window at its start (cover mode: no cover)
    "at_window_start_none": {
        "nl": "met elk tijdvenster op zijn begin geen voorstel mogelijk",
        "en": "with every window at its start no proposal is possible",
    },
    # cover mode: the fewest jobs, so flexibility saves jobs
    "at_window_start_cover": {
        "nl": "met elk tijdvenster op zijn begin {jobs} {jobs:baan|banen} nodig ({fewer} "
        "minder door de flexibele taken)",
        "en": "with every window at its start {jobs} {jobs:job|jobs} needed ({fewer} fewer "
        "thanks to the flexible tasks)",
    },
    "at_window_start_cover_open": {
        "nl": "met elk tijdvenster op zijn begin {jobs} {jobs:baan|banen} gevonden (niet "
        "bewezen; hooguit {fewer} minder door de flexibele taken)",
        "en": "with every window at its start {jobs} {jobs:job|jobs} found (not proven; at "
        "most {fewer} fewer thanks to the flexible tasks)",
    },
    # the count at the windows' starts is not proven the most: the gain is at most this
    "at_window_start_open": {
        "nl": "met elk tijdvenster op zijn begin {jobs} {jobs:baan|banen} gevonden (niet "
        "bewezen; hooguit {gain} door de flexibele taken)",
        "en": "with every window at its start {jobs} {jobs:job|jobs} found (not proven; at "
        "most {gain} from the flexible tasks)",
    },
    "thinned": {
        "nl": " (begintijden van {n} flexibele {n:taak|taken} met een grovere stap "
        "geprobeerd, tot {step} min; {proof})",
        "en": " (starts of {n} flexible {n:task|tasks} tried on a coarser step, up to "
        "{step} min; {proof})",
    },
    # the coarsest step is a whole day: some tasks were tried at two starts only
    "thinned_ends": {
        "nl": " (begintijden van {n} flexibele {n:taak|taken} met een grovere stap "
        "geprobeerd, sommige alleen op hun vroegste en laatste begintijd; {proof})",
        "en": " (starts of {n} flexible {n:task|tasks} tried on a coarser step, some only "
        "at their earliest and latest start; {proof})",
    },
    # what the proof holds for under thinned starts: those starts, or the count for every
    # start (the bound over ranges of starts met it) and the rest for those
    "proof_tried": {
        "nl": "het bewijs geldt voor die begintijden",
        "en": "the proof holds for those starts",
    },
    "proof_count": {
        "nl": "het aantal banen is bewezen voor elke begintijd, de rest voor die begintijden",
        "en": "the job count is proven for every start, the rest for those starts",
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
    "no_jobs": {
        "nl": "geen; de taken hieronder zeggen waarom",
        "en": "none; the tasks below say why",
    },
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
    "col_candidate": {"nl": "kandidaat", "en": "candidate"},
    "vacancy_open": {"nl": "vacature", "en": "vacancy"},
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
    # combibaan check (cli/check.py), in the language of its --lang; the violations
    # themselves are VIOLATIONS
    "violation_label": {"nl": "overtreding:", "en": "violation:"},
    "note_label": {"nl": "let op:", "en": "note:"},
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
    # combibaan sweep (cli/sweep.py), in the language of its --lang
    "sweeping": {"nl": "Doorrekenen", "en": "Sweeping"},
    "sweep_title": {"nl": "Doorrekening — {name}", "en": "Sweep — {name}"},
    "col_widened": {"nl": "vensters ±", "en": "windows ±"},
    "col_bound": {"nl": "ten hoogste", "en": "bound"},
    "col_share": {"nl": "aandeel", "en": "share"},
}


def cli_text(code: str, lang: str = "nl", **values: object) -> str:
    return _text(CLI, code, lang, values)


def jobs_note(
    jobs: int,
    bound: int | None,
    proven: bool,
    lang: str = "nl",
    cover: bool = False,
    beside: bool = False,
) -> str:
    """After the job count: " (bewezen maximum)" or " (ten hoogste 14 mogelijk)"; in
    cover mode, where the bound is a lower one, " (bewezen minimum)" or " (minstens 12
    nodig)"; ``beside`` candidates' jobs kept first, a bound given those jobs."""
    least = "_least" if cover else "_beside" if beside else ""
    if proven or (bound is not None and bound == jobs):
        return cli_text("jobs_proven" + least, lang)
    return "" if bound is None else cli_text("jobs_bound" + least, lang, bound=bound)


def flexibility_note(
    jobs: int, at_start: int | None, lang: str = "nl", *, status: str, cover: bool = False
) -> str:
    """What the flexible tasks buy: "met elk tijdvenster op zijn begin 32 banen (+8 door de
    flexibele taken)"; nothing without flexible tasks (``at_start`` ``None``). ``status``:
    the jobs status at the starts; where that count is not proven the best (``optimal``),
    a better one may exist there: the gain is then an upper bound, and the note says so;
    ``infeasible``: no proposal there at all. In ``cover`` mode the gain is in jobs fewer
    (the fewest jobs that hold every task)."""
    if at_start is None:
        return ""
    if status == "infeasible":
        return cli_text("at_window_start_none", lang)
    code = "at_window_start_cover" if cover else "at_window_start"
    code += "_same" if status == "optimal" and jobs == at_start else ""
    code += "" if status == "optimal" else "_open"
    return cli_text(
        code, lang, jobs=at_start, gain=signed(jobs - at_start, lang), fewer=at_start - jobs
    )


def hours_note(hours: float, bound: float | None, lang: str = "nl") -> str:
    """After the hours placed: " (bewezen maximum)" or " (ten hoogste 310)"."""
    if bound is None:
        return ""
    if round(bound, 2) <= round(hours, 2):
        return cli_text("jobs_proven", lang)
    return cli_text("hours_bound", lang, bound=decimal(round(bound, 2), lang))


def stop_note(
    how: str,
    *,
    wall_clock_cut: bool,
    thinned: int,
    step: int,
    jobs_proven: bool,
    lang: str = "nl",
) -> str:
    """How a run ended, for the summary line and the report's first figures: ``how``
    (``optimal``, ``infeasible``, ``proven``, ``starts_tried``, ``count_proven``,
    ``time_limit`` or ``interrupted``) in words, then whether the wall clock cut it
    short and how many tasks' starts were thinned (``step``: the coarsest step, minutes)."""
    said = cli_text(how, lang)
    if wall_clock_cut:
        said += cli_text("wall_clock", lang)
    if thinned:
        said += cli_text(
            "thinned_ends" if step >= 24 * 60 else "thinned",  # a day: first and last only
            lang,
            n=thinned,
            step=step,
            proof=cli_text("proof_count" if jobs_proven else "proof_tried", lang),
        )
    return said


# --- combibaan check: what the independent checker finds (check/**) ------------------------
# The checker's own words, apart from the rules' (rules/*.py) as its arithmetic is: a
# Violation's message is a Phrase of this table. Values quoted from the file (a listed
# field, an id that is no text) arrive as their repr; a time of the week is a "moment".

VIOLATIONS: dict[str, dict[str, str]] = {
    # where a violation is (Violation.text); {message} is the violation's own phrase
    "in_job": {"nl": "baan {job}: {message}", "en": "job {job}: {message}"},
    "in_alternative": {
        "nl": "alternatief {rank}: {message}",
        "en": "alternative {rank}: {message}",
    },
    "in_alternative_job": {
        "nl": "alternatief {rank}, baan {job}: {message}",
        "en": "alternative {rank}, job {job}: {message}",
    },
    "moment": {"nl": "{day} {time}", "en": "{day} {time}"},
    "day": {"nl": "{day}", "en": "{day}"},
    # the rules of a job (check/rules/*.py)
    "overlap": {
        "nl": "{a} ({a_start}-{a_end}) overlapt met {b} ({b_start}-{b_end})",
        "en": "{a} ({a_start}-{a_end}) overlaps {b} ({b_start}-{b_end})",
    },
    "travel": {
        "nl": "{first} ({first_place}) eindigt {end}, {second} ({second_place}) begint {start}: "
        "{gap} min ertussen, de reistijd is {need} min",
        "en": "{first} at {first_place} ends {end}, {second} at {second_place} starts {start}: "
        "{gap} min, travel needs {need} min",
    },
    "min_hours": {
        "nl": "{hours} uur per week, minder dan {least} uur",
        "en": "{hours} h per week, below {least} h",
    },
    "max_hours": {
        "nl": "{hours} uur per week, meer dan {most} uur",
        "en": "{hours} h per week, above {most} h",
    },
    "max_suppliers": {
        "nl": "{n} {n:leverancier|leveranciers} ({names}), ten hoogste {most}",
        "en": "{n} {n:supplier|suppliers} ({names}), at most {most}",
    },
    "max_hours_per_day": {
        "nl": "{hours} uur op {day}, meer dan {most} uur",
        "en": "{hours} h on {day}, above {most} h",
    },
    "min_hours_per_day": {
        "nl": "{hours} uur op {day}, minder dan {least} uur",
        "en": "{hours} h on {day}, below {least} h",
    },
    "max_span_hours": {
        "nl": "{hours} uur van het eerste begin tot het laatste einde op {day}, "
        "meer dan {most} uur",
        "en": "{hours} h from first start to last end on {day}, above {most} h",
    },
    "max_gap_hours": {
        "nl": "{hours} uur wachten vóór {at}, meer dan {most} uur",
        "en": "{hours} h waiting before {at}, above {most} h",
    },
    "max_days": {
        "nl": "{n} {n:werkdag|werkdagen} ({days}), ten hoogste {most}",
        "en": "{n} working {n:day|days} ({days}), at most {most}",
    },
    "max_locations": {
        "nl": "{n} {n:locatie|locaties} ({places}), ten hoogste {most}",
        "en": "{n} {n:location|locations} ({places}), at most {most}",
    },
    # the rules the solution claims (check/solution.py)
    "no_policy": {
        "nl": "de oplossing heeft geen object 'policy' met de regels",
        "en": "the solution has no 'policy' object",
    },
    "policy_misses": {
        "nl": "in de regels van de oplossing ('policy') {n:ontbreekt|ontbreken} {keys}",
        "en": "the solution's policy misses {n:the key|the keys} {keys}",
    },
    "policy_unusable": {
        "nl": "de regels van de oplossing ('policy') zijn onbruikbaar: {error}",
        "en": "the solution's policy cannot be used: {error}",
    },
    # the document's structure (check/solution.py, claims.py, alternatives.py)
    "not_a_list": {
        "nl": "'{key}' ontbreekt of is geen lijst",
        "en": "'{key}' is missing or not a list",
    },
    "job_not_object": {"nl": "{where} is geen object", "en": "{where} is not an object"},
    "no_task_ids": {"nl": "heeft geen lijst task_ids", "en": "has no list of task_ids"},
    "empty_task_ids": {
        "nl": "heeft geen taken (task_ids is leeg)",
        "en": "has no tasks (task_ids is empty)",
    },
    "task_id_not_text": {"nl": "taak-id {id} is geen tekst", "en": "task id {id} is not text"},
    "unknown_task": {
        "nl": "taak {task} staat niet in de takenlijst",
        "en": "task {task} is not in the instance",
    },
    "task_in_other_job": {
        "nl": "taak {task} zit al in baan {job}",
        "en": "task {task} is already in job {job}",
    },
    "task_twice": {
        "nl": "taak {task} staat twee keer in deze baan",
        "en": "task {task} is listed twice",
    },
    "job_id_reused": {
        "nl": "dit baannummer komt {n} keer voor",
        "en": "job id used {n} times",
    },
    # a job's echoed fields (check/claims.py)
    "suppliers_differ": {
        "nl": "vermeldt als leveranciers {listed}, maar de taken komen van {actual}",
        "en": "lists {listed}, tasks come from {actual}",
    },
    "hours_differ": {
        "nl": "vermeldt {listed} uur per week, maar de taken tellen op tot {hours} uur",
        "en": "lists {listed} h, tasks sum to {hours} h",
    },
    "days_differ": {
        "nl": "vermeldt als dagen {listed}, maar de taken werken op {actual}",
        "en": "lists {listed}, tasks work on {actual}",
    },
    "listed_differ": {
        "nl": "vermeldt als {key} {listed}, maar de taken hebben {actual}",
        "en": "lists {key} {listed}, the tasks have {actual}",
    },
    "units_differ": {
        "nl": "vermeldt {listed} baaneenheden, maar de uren geven {units:.3f} (uren / 25,5)",
        "en": "lists {listed} job units, the hours give {units:.3f} (hours / 25.5)",
    },
    "summary_differs": {
        "nl": "de samenvatting vermeldt {key} {listed}, maar {source} {actual}",
        "en": "the summary lists {key} {listed}, {source} {actual}",
    },
    "from_jobs": {"nl": "de banen geven", "en": "the jobs give"},
    "from_tasks": {"nl": "de takenlijst geeft", "en": "the task list gives"},
    "from_hours": {"nl": "de geplaatste uren geven", "en": "the hours placed give"},
    # the times a job does its tasks (check/schedule.py)
    "schedule_missing": {
        "nl": "geen 'schedule' met de gekozen tijden van {tasks}",
        "en": "no 'schedule' with the chosen times of {tasks}",
    },
    "schedule_entry": {
        "nl": "regel {n} van 'schedule' is geen object met taak, dag, start en eind: {entry}",
        "en": "entry {n} of 'schedule' is not an object with task, day, start and end: {entry}",
    },
    "schedule_entry_task": {
        "nl": "regel {n} van 'schedule': {task} is geen taak van deze baan",
        "en": "entry {n} of 'schedule': {task} is not a task of this job",
    },
    "schedule_entry_day": {
        "nl": "regel {n} van 'schedule' ({task}): day {value} is geen dag (ma … zo)",
        "en": "entry {n} of 'schedule' ({task}): day {value} is not a day (mon … sun)",
    },
    "schedule_entry_time": {
        "nl": "regel {n} van 'schedule' ({task}): {key} {value} is geen tijd UU:MM "
        "(00:00 tot 23:59)",
        "en": "entry {n} of 'schedule' ({task}): {key} {value} is not a time HH:MM "
        "(00:00 to 23:59)",
    },
    "schedule_unread": {
        "nl": "de regels van deze baan zijn niet beoordeeld: niet elke regel van 'schedule' "
        "is te lezen",
        "en": "this job's rules were not judged: not every entry of 'schedule' could be read",
    },
    "schedule_fixed": {
        "nl": "{task}: de vaste tijd {at} ontbreekt in 'schedule' of is verschoven",
        "en": "{task}: its fixed time {at} is missing from 'schedule' or moved",
    },
    "schedule_count": {
        "nl": "{task} heeft {n} gekozen {n:tijd|tijden} naast de vaste, maar de tijdvensters "
        "vragen er {wanted}",
        "en": "{task} has {n} chosen {n:time|times} besides its fixed ones, where its time "
        "windows ask for {wanted}",
    },
    "schedule_duration": {
        "nl": "{task} op {at} duurt {length}, maar het tijdvenster vraagt {duration}",
        "en": "{task} at {at} takes {length}, where its time window asks for {duration}",
    },
    "schedule_outside": {
        "nl": "{task} op {at} valt buiten het tijdvenster ({window} op {days})",
        "en": "{task} at {at} lies outside its time window ({window} on {days})",
    },
    "schedule_start_differs": {
        "nl": "{task} begint niet elke dag op dezelfde tijd ({starts}), zoals het tijdvenster "
        "vraagt",
        "en": "{task} does not start at the same time each day ({starts}), as its time window asks",
    },
    "schedule_off": {
        "nl": "de {n} {n:tijd|tijden} van {task} (begin {starts}) passen niet bij de vaste "
        "tijden en de tijdvensters van de taak",
        "en": "the {n} {n:time|times} of {task} (starting {starts}) do not match the task's "
        "fixed times and time windows",
    },
    # the tasks left out (check/claims.py)
    "unassigned_no_id": {
        "nl": "onderdeel {item} van 'unassigned' heeft geen task_id",
        "en": "unassigned entry {item} has no task_id",
    },
    "unassigned_id_not_text": {
        "nl": "taak-id {id} in 'unassigned' is geen tekst",
        "en": "unassigned task id {id} is not text",
    },
    "unknown_unassigned": {
        "nl": "niet-ingedeelde taak {task} staat niet in de takenlijst",
        "en": "unassigned task {task} is not in the instance",
    },
    "unassigned_but_placed": {
        "nl": "taak {task} staat bij de niet-ingedeelde taken, maar zit in baan {job}",
        "en": "task {task} is listed as unassigned but is in job {job}",
    },
    "no_reason": {
        "nl": "niet-ingedeelde taak {task} heeft geen reden",
        "en": "unassigned task {task} has no reason",
    },
    "unassigned_repeated": {
        "nl": "taak {task} staat {n} keer bij de niet-ingedeelde taken",
        "en": "task {task} is listed as unassigned {n} times",
    },
    "nowhere": {
        "nl": "taak {task} zit in geen enkele baan en staat niet bij de niet-ingedeelde taken",
        "en": "task {task} is in no job and not listed as unassigned",
    },
    # status, bounds and how the run stopped (check/claims.py)
    "not_one_of": {
        "nl": "{key} {value} is niet één van {choices}",
        "en": "{key} {value} is not one of {choices}",
    },
    "not_a_number": {"nl": "{key} {value} is geen getal", "en": "{key} {value} is not a number"},
    "not_a_count": {
        "nl": "{key} {value} is geen geheel getal van 0 of meer",
        "en": "{key} {value} is not a count",
    },
    "optimal_below_hours_bound": {
        "nl": "status optimal, maar {hours} uur ingedeeld onder de bovengrens van {bound} uur "
        "(optimaal bewijst ook de uren: de grens is dan de uren ingedeeld)",
        "en": "status optimal, but {hours} h placed below the bound {bound} h (optimal proves "
        "the hours too: the bound is then the hours placed)",
    },
    "hours_above_bound": {
        "nl": "{hours} uur ingedeeld, meer dan de bewezen bovengrens van {bound} uur",
        "en": "{hours} h placed, more than the proven bound {bound} h",
    },
    "jobs_above_bound": {
        "nl": "{n} {n:baan|banen}, meer dan de bewezen bovengrens van {bound}",
        "en": "{n} {n:job|jobs}, more than the proven bound {bound}",
    },
    "jobs_below_least": {
        "nl": "{n} {n:baan|banen}, minder dan de bewezen ondergrens van {bound}",
        "en": "{n} {n:job|jobs}, fewer than the proven lower bound {bound}",
    },
    "optimal_above_least": {
        "nl": "{key} optimal, maar {n} {n:baan|banen} terwijl de ondergrens {bound} is",
        "en": "{key} optimal, but {n} {n:job|jobs} while the lower bound is {bound}",
    },
    "optimal_below_bound": {
        "nl": "{key} optimal, maar {n} {n:baan|banen} terwijl de bovengrens {bound} is",
        "en": "{key} optimal, but {n} {n:job|jobs} while the bound is {bound}",
    },
    "optimal_without_bound": {
        "nl": "{key} optimal, maar {n} {n:baan|banen} en geen jobs_bound",
        "en": "{key} optimal, but {n} {n:job|jobs} and no jobs_bound",
    },
    "optimal_count_open": {
        "nl": "status optimal (alles bewezen), maar jobs_status {value} (het aantal banen niet)",
        "en": "status optimal (all proven), but jobs_status {value} (the number of jobs not)",
    },
    "stopped_against_status": {
        "nl": "stopped {stopped} past niet bij status {status}: 'proven' hoort bij optimal",
        "en": "stopped {stopped} does not go with status {status}: 'proven' goes with optimal",
    },
    "stopped_count_proven": {
        "nl": "stopped count_proven past niet bij status {status} (of bij cover mode): het "
        "hoort bij een geldig voorstel waarvan het aantal banen bewezen is",
        "en": "stopped count_proven does not go with status {status} (or with cover mode): "
        "it goes with a feasible proposal whose number of jobs is proven",
    },
    "alternative_status": {
        "nl": "status {value} past niet bij een alternatief: dat is een voorstel, optimal of "
        "feasible",
        "en": "status {value} does not go with an alternative: it is a proposal, optimal or "
        "feasible",
    },
    "alternative_proven": {
        "nl": "proven_optimal is true, maar een alternatief is pas bewezen even goed als het "
        "evenveel banen en uren heeft als een voorstel dat bewezen optimaal is",
        "en": "proven_optimal is true, but an alternative is proven as good only when it has "
        "as many jobs and hours as a proposal proven optimal",
    },
    "window_start_above_bound": {
        "nl": "at_window_start vermeldt {n} {n:baan|banen} met elk tijdvenster op zijn begin, "
        "meer dan de bewezen bovengrens van {bound} (het begin is een van de tijden die "
        "mogen)",
        "en": "at_window_start lists {n} {n:job|jobs} with every window at its start, more "
        "than the proven bound {bound} (the start is one of the times allowed)",
    },
    "window_start_above_jobs": {
        "nl": "at_window_start vermeldt {n} {n:baan|banen} met elk tijdvenster op zijn begin, "
        "meer dan de {found} van het voorstel (het zoeken begint bij die banen)",
        "en": "at_window_start lists {n} {n:job|jobs} with every window at its start, more "
        "than the proposal's {found} (the search starts from those jobs)",
    },
    "window_start_hours_jobs": {
        "nl": "at_window_start vermeldt {hours} uur in {n} {n:baan|banen}, waar die er "
        "samen {low} tot {high} hebben",
        "en": "at_window_start lists {hours} hours in {n} {n:job|jobs}, where that many "
        "hold {low} to {high}",
    },
    "window_start_without_windows": {
        "nl": "at_window_start vermeldt banen met elk tijdvenster op zijn begin, maar geen "
        "taak heeft een tijdvenster",
        "en": "at_window_start lists jobs with every time window at its start, but no task "
        "has a time window",
    },
    "starts_tried_without_windows": {
        "nl": "'stopped' is 'starts_tried' (begintijden van flexibele taken met een grovere "
        "stap geprobeerd), maar geen taak heeft een tijdvenster",
        "en": "'stopped' is 'starts_tried' (starts of flexible tasks tried on a coarser "
        "step), but no task has a time window",
    },
    "window_start_hours": {
        "nl": "at_window_start vermeldt {hours} uur, meer dan de {total} uur van alle taken",
        "en": "at_window_start lists {hours} hours, more than the {total} hours of all tasks",
    },
    "alternative_too_close_best": {
        "nl": "laat {dropped} van de banen van het beste voorstel vallen, waar een "
        "alternatief er minstens {required} laat vallen (een derde, minstens 1)",
        "en": "drops {dropped} of the best proposal's jobs, where an alternative drops at "
        "least {required} (a third, at least 1)",
    },
    "alternative_too_close": {
        "nl": "laat {dropped} van de banen van alternatief {earlier} vallen, waar een "
        "alternatief er minstens {required} laat vallen (een derde van het beste voorstel, "
        "minstens 1)",
        "en": "drops {dropped} of the jobs of alternative {earlier}, where an alternative "
        "drops at least {required} (a third of the best proposal's, at least 1)",
    },
    "alternative_more_held": {
        "nl": "{held} banen met een kandidaat, meer dan de {best} van het beste voorstel, "
        "dat optimaal heet",
        "en": "{held} jobs held by candidates, more than the {best} of the best proposal, "
        "which is said to be optimal",
    },
    "alternative_equally_good": {
        "nl": "equally_good is {value}, maar dat hoort te zeggen of het alternatief evenveel "
        "banen en uren heeft als het voorstel",
        "en": "equally_good is {value}, but it should say whether the alternative has as many "
        "jobs and hours as the proposal",
    },
    "count_proven_open": {
        "nl": "stopped count_proven zegt dat het aantal banen bewezen is, maar jobs_status is "
        "{value}",
        "en": "stopped count_proven says the number of jobs is proven, but jobs_status is {value}",
    },
    "jobs_without_solution": {
        "nl": "{key} {status} (geen voorstel), maar {n} {n:baan|banen}",
        "en": "{key} {status} (no proposal), but {n} {n:job|jobs}",
    },
    # workshop locks and forbidden pairs (check/locks.py)
    "locks_unreadable": {
        "nl": "'locks' moet een lijst van objecten met 'rule' en 'task_ids' zijn",
        "en": "'locks' must be a list of objects with 'rule' and 'task_ids'",
    },
    "locks_error": {
        "nl": "de afspraken in de oplossing ('locks') zijn niet te lezen: {error}",
        "en": "cannot read the echoed locks: {error}",
    },
    "pairs_unreadable": {
        "nl": "'forbidden_pairs' moet een lijst van paren [leverancier, leverancier] zijn",
        "en": "'forbidden_pairs' must be a list of [supplier, supplier] pairs",
    },
    "lock_unknown_tasks": {
        "nl": "afspraak {lock} noemt {n:een onbekende taak|onbekende taken}: {tasks}",
        "en": "lock {lock} names {n:an unknown task|unknown tasks}: {tasks}",
    },
    "forbidden_pair": {
        "nl": "combineert {first} en {second}, een verboden paar",
        "en": "combines {first} and {second}, a forbidden pair",
    },
    "reason_code_unknown": {
        "nl": "{task} staat bij de niet-ingedeelde taken met reason_code {given}, een code "
        "die het programma niet kent",
        "en": "{task} is unassigned with reason_code {given}, a code the tool does not have",
    },
    "reason_excluded_without_lock": {
        "nl": "{task} heet uitgesloten door een afspraak (reason_code {given}), maar geen "
        "afspraak sluit de taak uit",
        "en": "{task} is said to be excluded by a lock (reason_code {given}), but no lock "
        "excludes it",
    },
    "reason_hides_exclude": {
        "nl": "{task} is uitgesloten door een afspraak, maar staat er met reason_code {given}",
        "en": "{task} is excluded by a lock, but listed with reason_code {given}",
    },
    "pair_unknown_supplier": {
        "nl": "het verboden paar {first}|{second} noemt {name}, een leverancier die niet in "
        "de takenlijst staat",
        "en": "the forbidden pair {first}|{second} names {name}, a supplier not in the task list",
    },
    "lock_split": {
        "nl": "afspraak {lock} is gesplitst: {placed}",
        "en": "{lock} is split: {placed}",
    },
    "task_in_job": {"nl": "{task} in {job}", "en": "{task} in {job}"},
    "task_unplaced": {"nl": "{task} niet ingedeeld", "en": "{task} unassigned"},
    "lock_apart": {
        "nl": "bevat {tasks}, uit elkaar gehouden door afspraak {lock}",
        "en": "holds {tasks}, kept apart by {lock}",
    },
    "lock_exclude": {
        "nl": "bevat {task}, uitgesloten door afspraak {lock}",
        "en": "holds {task}, excluded by {lock}",
    },
    "lock_keep": {
        "nl": "afspraak {lock} is niet één baan ({found})",
        "en": "{lock} is not one job ({found})",
    },
    "in_no_job": {"nl": "in geen enkele baan", "en": "in no job"},
    # alternative proposals (check/alternatives.py)
    "alternatives_not_list": {
        "nl": "'alternatives' moet een lijst zijn",
        "en": "'alternatives' must be a list",
    },
    "alternative_no_jobs": {
        "nl": "{where} heeft geen lijst 'jobs'",
        "en": "{where} has no 'jobs' list",
    },
    "alternative_duplicate": {
        "nl": "heeft dezelfde banen als het beste voorstel of een eerder alternatief",
        "en": "has the same jobs as the best proposal or an earlier alternative",
    },
    "alternative_delta": {
        "nl": "vermeldt jobs_delta {listed_jobs} en hours_delta {listed_hours}; "
        "de banen geven {jobs} en {hours}",
        "en": "lists jobs_delta {listed_jobs} and hours_delta {listed_hours}; "
        "its jobs give {jobs} and {hours}",
    },
    "alternative_better": {
        "nl": "{jobs:+} {jobs:baan|banen} en {hours:+} uur tegenover een beste voorstel dat "
        "optimaal heet",
        "en": "{jobs:+} {jobs:job|jobs} and {hours:+} h against a best proposal claimed optimal",
    },
    # candidates and cover mode (check/candidates.py)
    "candidates_not_list": {
        "nl": "'candidates' moet een lijst zijn",
        "en": "'candidates' must be a list",
    },
    "candidate_unreadable": {
        "nl": "{where} is niet te lezen als kandidaat zoals solve die schrijft: {value}",
        "en": "{where} cannot be read as a candidate as solve writes one: {value}",
    },
    "candidate_no_windows": {
        "nl": "kandidaat {candidate} ({where}) heeft geen beschikbaarheid",
        "en": "candidate {candidate} ({where}) has no availability",
    },
    "candidate_window": {
        "nl": "{where} is geen venster met een dag (ma-zo) en een begin- en eindtijd (uu:mm): "
        "{value}",
        "en": "{where} is not a window with a day (ma-zo) and a start and end time (hh:mm): "
        "{value}",
    },
    "candidate_listed_twice": {
        "nl": "kandidaat {candidate} staat {n} keer in 'candidates'",
        "en": "candidate {candidate} is listed {n} times in 'candidates'",
    },
    "candidate_not_text": {
        "nl": "kandidaat {value} is geen tekst",
        "en": "candidate {value} is not text",
    },
    "candidate_unknown": {
        "nl": "kandidaat {candidate} staat niet bij de kandidaten",
        "en": "candidate {candidate} is not among the candidates",
    },
    "candidate_twice": {
        "nl": "kandidaat {candidate} heeft al baan {job}",
        "en": "candidate {candidate} already holds job {job}",
    },
    "candidate_unavailable": {
        "nl": "taak {task} ({slots}) valt buiten de beschikbaarheid van kandidaat {candidate}",
        "en": "task {task} ({slots}) lies outside the availability of candidate {candidate}",
    },
    "candidate_times_unknown": {
        "nl": "taak {task} heeft geen gekozen tijden, dus is niet te zien of kandidaat "
        "{candidate} dan kan",
        "en": "task {task} has no chosen times, so whether candidate {candidate} is "
        "available then cannot be told",
    },
    "span": {"nl": "{start}-{end}", "en": "{start}-{end}"},
    "candidate_lacks": {
        "nl": "taak {task} vraagt {missing}, {n:een competentie|competenties} die kandidaat "
        "{candidate} niet heeft",
        "en": "task {task} needs {missing}, {n:a competency|competencies} candidate "
        "{candidate} lacks",
    },
    "candidate_not_eligible": {
        "nl": "{n:taak|taken} {tasks} {n:staat|staan} niet bij de taken die kandidaat "
        "{candidate} mag doen",
        "en": "{n:task|tasks} {tasks} {n:is|are} not among the tasks candidate {candidate} may do",
    },
    "candidate_min_hours": {
        "nl": "{hours} uur per week, minder dan de {least} uur die kandidaat {candidate} "
        "nodig heeft",
        "en": "{hours} h per week, below the {least} h candidate {candidate} needs",
    },
    "candidate_max_hours": {
        "nl": "{hours} uur per week, meer dan de {most} uur die kandidaat {candidate} kan werken",
        "en": "{hours} h per week, above the {most} h candidate {candidate} can work",
    },
    "no_candidate": {
        "nl": "heeft geen kandidaat, terwijl de oplossing alleen banen voor kandidaten belooft "
        "(only_candidates)",
        "en": "has no candidate, while the solution promises jobs for candidates only "
        "(only_candidates)",
    },
    "cover_task_left": {
        "nl": "taak {task} zit in geen enkele baan, maar in dekkingsmodus (cover) hoort elke "
        "taak in een baan",
        "en": "task {task} is in no job, but in cover mode (cover) every task belongs to a job",
    },
    # a file that is no solution at all (check/document.py): input problems, exit 2
    "not_a_file": {
        "nl": "is geen bestand; geef de solution.json die solve schreef",
        "en": "is not a file; give the solution.json solve wrote",
    },
    "too_large": {
        "nl": "is groter dan {mb} MB; dat is geen solution.json",
        "en": "is larger than {mb} MB; not a solution.json",
    },
    "workbook_not_solution": {
        "nl": "dit is een werkmap (zoals proposals.xlsx), geen oplossing; geef het bestand "
        "solution.json uit dezelfde map",
        "en": "this is a workbook (such as proposals.xlsx), not a solution; give the file "
        "solution.json from the same folder",
    },
    "unreadable": {
        "nl": "het oplossingsbestand is niet te lezen: {error}",
        "en": "cannot read the solution file: {error}",
    },
    "not_json_number": {
        "nl": "bevat {value}, dat JSON niet als getal toestaat",
        "en": "holds {value}, which JSON does not allow as a number",
    },
    "too_large_number": {
        "nl": "bevat {value}, een te groot getal voor een oplossing",
        "en": "holds {value}, too large a number for a solution",
    },
    "not_json": {
        "nl": "geen geldige JSON (regel {line}, kolom {column}): {error}",
        "en": "not valid JSON (line {line}, column {column}): {error}",
    },
    "json_unreadable": {
        "nl": "is niet als JSON te lezen: {error}",
        "en": "cannot be read as JSON: {error}",
    },
    "not_an_object": {
        "nl": "een oplossing moet een JSON-object zijn",
        "en": "a solution must be a JSON object",
    },
    "missing_key": {"nl": "de sleutel {key} ontbreekt", "en": "missing key {key}"},
    "misses_key": {"nl": "{where} mist de sleutel {key}", "en": "{where} misses key {key}"},
    "must_be": {
        "nl": "{where} moet {expected}{nothing} zijn, maar is {value}",
        "en": "{where} must be {expected}{nothing}, got {value}",
    },
    "or_null": {"nl": " of null", "en": " or null"},
    "a_text": {"nl": "tekst", "en": "text"},
    "a_number": {"nl": "een eindig getal", "en": "a finite number"},
    "a_count": {"nl": "een geheel getal van 0 of meer", "en": "a whole number of at least 0"},
    "a_whole_number": {"nl": "een geheel getal", "en": "a whole number"},
    "a_text_list": {"nl": "een lijst van teksten", "en": "a list of texts"},
    "a_list": {"nl": "een lijst", "en": "a list"},
    "a_boolean": {"nl": "true of false", "en": "true or false"},
    "an_object": {"nl": "een object", "en": "an object"},
    "an_object_with_task_id": {"nl": "een object met 'task_id'", "en": "an object with 'task_id'"},
    "a_pair_list": {
        "nl": "een lijst van paren [leverancier, leverancier]",
        "en": "a list of [supplier, supplier] pairs",
    },
}


# --- mistakes in the user's input: readers, policy, locks, command line (io/, rules/, cli/) ---
# A Problem's or an error's message is a Phrase of this table (model.phrase.mistake). Values
# from the user's file arrive as they are (quoted where the sentence quotes them); row and
# line numbers arrive as text, so that they are never grouped by thousands.

ERRORS: dict[str, dict[str, str]] = {
    # where a problem is (io/errors.py), and what the command line puts before it (cli/app.py)
    "at_row": {"nl": "rij {row}", "en": "row {row}"},
    "at_line": {"nl": "regel {line}", "en": "line {line}"},
    "at_column": {"nl": "kolom '{column}'", "en": "column '{column}'"},
    "more_problems": {
        "nl": "… en nog {rest}: {total} problemen in totaal",
        "en": "… and {rest} more: {total} problems in all",
    },
    "label_error": {"nl": "fout:", "en": "error:"},
    "label_warning": {"nl": "waarschuwing:", "en": "warning:"},
    # pieces of sentences: lists, hints
    "and": {"nl": "{a} en {b}", "en": "{a} and {b}"},
    "either": {"nl": "{a} of {b}", "en": "{a} or {b}"},
    "more": {"nl": "nog {n}", "en": "{n} more"},
    "more_rows": {"nl": "nog {n} {n:rij|rijen}", "en": "{n} more {n:row|rows}"},
    "nothing": {"nl": "niets", "en": "nothing"},
    "maybe": {"nl": "; misschien {names}?", "en": "; did you mean {names}?"},
    "mean": {"nl": "misschien {names}? ", "en": "did you mean {names}? "},
    # a number from the user (model/numbers.py); {name} is the rule, flag or column
    "not_a_number": {
        "nl": "{name} moet een getal zijn{off}, niet {shown}",
        "en": "{name} must be a number{off}, got {shown}",
    },
    "not_finite": {
        "nl": "{name} moet een eindig getal zijn{off}, niet {shown}",
        "en": "{name} must be a finite number{off}, got {shown}",
    },
    "not_whole": {
        "nl": "{name} moet een geheel getal zijn, niet {shown}",
        "en": "{name} must be a whole number, got {shown}",
    },
    "whole_at_least": {
        "nl": "{name} moet een geheel getal van minstens {low} zijn, niet {shown}",
        "en": "{name} must be a whole number of at least {low}, got {shown}",
    },
    "negative": {
        "nl": "{name} mag niet negatief zijn, niet {shown}",
        "en": "{name} must not be negative, got {shown}",
    },
    "at_least": {
        "nl": "{name} moet minstens {low} zijn, niet {shown}",
        "en": "{name} must be at least {low}, got {shown}",
    },
    "at_most": {
        "nl": "{name} mag hoogstens {high} zijn{note}, niet {shown}",
        "en": "{name} must be at most {high}{note}, got {shown}",
    },
    "bound_note": {"nl": " ({why})", "en": " ({why})"},
    "week_hours": {"nl": "de uren van een week", "en": "the hours in a week"},
    "day_hours": {"nl": "de uren van een dag", "en": "the hours in a day"},
    "day_minutes": {"nl": "de minuten van een dag", "en": "the minutes in a day"},
    "week_days": {"nl": "de dagen van een week", "en": "the days in a week"},
    "two_days": {"nl": "twee dagen", "en": "two days"},
    "year_hours": {"nl": "uren per jaar", "en": "hours per year"},
    "or_off": {"nl": " of 'uit'", "en": " or 'off'"},
    "enormous_number": {"nl": "een gigantisch getal", "en": "an enormous number"},
    "the_number": {"nl": "het getal", "en": "the number"},
    "number_hint": {
        "nl": "{error}; schrijf bijv. 12 of 7,5",
        "en": "{error}; write e.g. 12 or 7,5",
    },
    "range": {
        "nl": "{option}: {value} is geen {kind} van {low} tot en met {high}",
        "en": "{option}: {value} is not {kind} from {low} to {high}",
    },
    "range_from": {
        "nl": "{option}: {value} is geen {kind} van {low} of meer",
        "en": "{option}: {value} is not {kind} of at least {low}",
    },
    "range_to": {
        "nl": "{option}: {value} is geen {kind} van ten hoogste {high}",
        "en": "{option}: {value} is not {kind} of at most {high}",
    },
    "decimal_point": {
        "nl": "; schrijf een decimaalpunt: {value}",
        "en": "; write a decimal point: {value}",
    },
    "whole_number": {"nl": "geheel getal", "en": "a whole number"},
    "a_number": {"nl": "getal", "en": "a number"},
    "widen_windows": {
        "nl": "{value} is geen aantal minuten van 0 tot {most}; schrijf bijv. 0,30,60",
        "en": "{value} is not a number of minutes from 0 to {most}; write e.g. 0,30,60",
    },
    "widen_no_windows": {
        "nl": "geen taak in de lijst heeft een tijdvenster (vanaf/uiterlijk/duur): verbreden "
        "verandert niets, elke groep rijen is dezelfde",
        "en": "no task of the list has a time window (earliest/latest/duration): widening "
        "changes nothing, every group of rows is the same",
    },
    "scheduler_unreachable": {
        "nl": "de Dask-scheduler op {address} is niet bereikbaar; controleer het adres en of "
        "de scheduler draait",
        "en": "cannot reach the Dask scheduler at {address}; check the address and that the "
        "scheduler is running",
    },
    "scheduler_needs_dask": {
        "nl": "een Dask-cluster vraagt het pakket 'distributed'; installeer het met: "
        "pip install 'combibaan[dask]'",
        "en": "running on a Dask cluster needs the 'distributed' package; install it with: "
        "pip install 'combibaan[dask]'",
    },
    # flexible tasks (solvers/expansion.py): what does not handle them yet
    # the rules of a job (rules/policy.py) and the flags that set them
    "unknown_rules": {
        "nl": "onbekende {n:regel|regels}: {names}",
        "en": "unknown policy {n:rule|rules}: {names}",
    },
    "candidate_below_policy": {
        "nl": "{candidate} werkt ten hoogste {hours} uur per week, minder dan de {low} uur die "
        "een baan volgens het beleid minstens heeft; geen baan kan dan van {candidate} zijn",
        "en": "{candidate} works at most {hours} hours a week, fewer than the {low} hours the "
        "policy asks of a job at least; no job could be theirs",
    },
    "candidate_above_policy": {
        "nl": "{candidate} heeft minstens {hours} uur per week nodig, meer dan de {high} uur "
        "die een baan volgens het beleid hoogstens heeft; geen baan kan dan van {candidate} zijn",
        "en": "{candidate} needs at least {hours} hours a week, more than the {high} hours the "
        "policy allows a job at most; no job could be theirs",
    },
    "min_hours_unavailable": {
        "nl": "{candidate} heeft minstens {low} uur per week nodig, maar is maar {hours} uur"
        " per week beschikbaar; geen baan kan dan van {candidate} zijn",
        "en": "{candidate} needs at least {low} hours a week but is available only {hours}"
        " hours a week; no job could be theirs",
    },
    "cover_not_for": {
        "nl": "{what} gaat over de meeste banen en werkt niet in cover-modus (--cover of"
        " cover = true in het beleid)",
        "en": "{what} is about the most jobs and does not work in cover mode (--cover or"
        " cover = true in the policy)",
    },
    "cover_not_bool": {
        "nl": "cover is true of false, niet {shown}",
        "en": "cover is true or false, not {shown}",
    },
    "above": {
        "nl": "{key} ({low}) is hoger dan {other} ({high})",
        "en": "{key} ({low}) is above {other} ({high})",
    },
    "unknown_rule": {
        "nl": "onbekende regel {key}; {hint}bekende regels: {known}",
        "en": "unknown rule {key}; {hint}known rules: {known}",
    },
    "flags_given": {"nl": "{flags}: {error}", "en": "{flags}: {error}"},
    # the policy and grid files (io/policy.py, io/grid.py, rules/policy.py)
    "policy_file": {"nl": "met de regels", "en": "policy"},
    "grid_file": {"nl": "met het raster", "en": "grid"},
    "toml_folder": {
        "nl": "dit is een map, geen bestand; geef het .toml-bestand {what}",
        "en": "this is a folder, not a file; give the {what} .toml file",
    },
    "toml_not_found": {
        "nl": "bestand niet gevonden; controleer het pad van het bestand {what}",
        "en": "file not found; check the path of the {what} file",
    },
    "not_utf8": {
        "nl": "het bestand is geen UTF-8-tekst; sla het op als UTF-8",
        "en": "the file is not UTF-8 text; save it as UTF-8",
    },
    "first_on_line": {"nl": " (eerst op regel {line})", "en": " (first on line {line})"},
    "toml_table": {"nl": "de tabel [{key}]", "en": "the table [{key}]"},
    "toml_twice": {
        "nl": "{what} staat er twee keer in{first}; houd er één over",
        "en": "{what} is set twice{first}; keep one of them",
    },
    "toml_ends": {
        "nl": "dit is geen geldige TOML: het bestand houdt op midden in een waarde ({what}); "
        "sluit af wat open staat, {example}",
        "en": "this is not valid TOML: the file ends in the middle of a value ({what}); "
        "close what is open, {example}",
    },
    "toml_line": {
        "nl": "deze regel{quoted} is geen geldige TOML ({what}); zet elke instelling op een "
        "eigen regel, {example}",
        "en": "this line{quoted} is not valid TOML ({what}); write one rule per line, {example}",
    },
    "policy_example": {
        "nl": 'bijv. max_suppliers = 2 of min_hours_per_day = "off"',
        "en": 'e.g. max_suppliers = 2 or min_hours_per_day = "off"',
    },
    "policy_not_table": {
        "nl": "'policy' moet een tabel [policy] met regels zijn, {example}",
        "en": "'policy' must be a [policy] table of rules, {example}",
    },
    "policy_twice": {
        "nl": "{key} staat zowel bovenaan als in [policy]; houd er één over",
        "en": "{key} is set both at the top and in [policy]; keep one",
    },
    "policy_invalid": {
        "nl": "{error}; pas de waarden in het bestand aan",
        "en": "{error}; change the values in the file",
    },
    "grid_example": {
        "nl": 'bijv. max_suppliers = [1, 2, 3] of min_hours = [16, 20, "off"]',
        "en": 'e.g. max_suppliers = [1, 2, 3] or min_hours = [16, 20, "off"]',
    },
    "grid_no_rules": {
        "nl": "het rasterbestand noemt geen regels; {example}",
        "en": "the grid file names no rules; {example}",
    },
    "no_values": {
        "nl": "geen waarden om te proberen; {example}",
        "en": "no values to try; {example}",
    },
    "flat_list": {
        "nl": "geef een gewone lijst waarden, zonder lijsten erin; {example}",
        "en": "give a flat list of values; {example}",
    },
    "grid_value": {"nl": "{error}{where}", "en": "{error}{where}"},
    "value_of": {
        "nl": " (waarde {position} van {count})",
        "en": " (value {position} of {count})",
    },
    "grid_decimal_comma": {
        "nl": "{value} lijkt een decimale komma te bevatten, die TOML als twee waarden leest: "
        "schrijf een decimaal getal met een punt (20.5) en zet na elke komma tussen waarden "
        "een spatie",
        "en": "{value} seems to hold a decimal comma, which TOML reads as two values: write "
        "a decimal with a point (20.5) and put a space after each comma between values",
    },
    "grid_too_big": {
        "nl": "het raster geeft {n} combinaties, elk een berekening; ten hoogste {most}: "
        "geef minder waarden per regel",
        "en": "the grid makes {n} combinations, each a solve; at most {most}: give fewer "
        "values per rule",
    },
    "grid_empty": {
        "nl": "het raster is leeg; geef minstens één regel met een lijst waarden",
        "en": "the grid is empty; give at least one rule with a list of values",
    },
    "grid_unknown_rule": {
        "nl": "onbekende regel {key} in het raster; {hint}bekende regels: {known}",
        "en": "unknown policy rule {key} in the grid; {hint}known rules: {known}",
    },
    "grid_no_values": {
        "nl": "het raster geeft geen waarden voor {key}; geef een lijst zoals [1, 2]",
        "en": "the grid gives no values for {key}; give a list such as [1, 2]",
    },
    "grid_invalid": {
        "nl": "de combinatie {combination} uit het raster is geen geldige set regels: {error}",
        "en": "the grid combination {combination} is not a valid policy: {error}",
    },
    # any table (io/table.py); {what} is one of the nouns
    "noun_tasks": {"nl": "taken", "en": "tasks"},
    "noun_locks": {"nl": "afspraken", "en": "locks"},
    "noun_suppliers": {"nl": "leveranciers", "en": "suppliers"},
    "noun_travel": {"nl": "reistijden", "en": "travel times"},
    "table_folder": {
        "nl": "dit is een map, geen bestand; geef het bestand met de {what} (CSV of XLSX) in "
        "die map",
        "en": "this is a folder, not a file; give the {what} file (CSV or XLSX) inside it",
    },
    "table_not_found": {
        "nl": "bestand niet gevonden; controleer het pad en de naam van het bestand met de {what}",
        "en": "file not found; check the path and the file name of the {what} file",
    },
    "cannot_open": {
        "nl": "kan het bestand niet openen ({reason}); controleer de rechten",
        "en": "cannot open the file ({reason}); check its permissions",
    },
    "check_swapped": {
        "nl": "dit lijkt de oplossing en {other} de takenlijst; geef eerst de taken, dan "
        "de oplossing: combibaan check TAKEN OPLOSSING",
        "en": "this looks like the solution and {other} the task list; give the tasks "
        "first, then the solution: combibaan check TASKS SOLUTION",
    },
    "password": {
        "nl": "deze werkmap is beveiligd met een wachtwoord (of is een oud .xls-bestand met een "
        "nieuwe naam); open hem in Excel, haal het wachtwoord weg of sla hem op als .xlsx, en "
        "probeer het opnieuw",
        "en": "this workbook is protected with a password (or is an old .xls file renamed); "
        "open it in Excel, remove the password or save it as .xlsx, and try again",
    },
    "old_xls": {
        "nl": "dit is een oud Excel-bestand (.xls); sla het op als .xlsx of als CSV en probeer "
        "het opnieuw",
        "en": "this is an old Excel .xls file; save it as .xlsx or as CSV and try again",
    },
    "ods": {
        "nl": "dit is een OpenDocument-rekenblad; sla het op als .xlsx of als CSV en probeer het "
        "opnieuw",
        "en": "this is an OpenDocument spreadsheet; save it as .xlsx or as CSV and try again",
    },
    "mixed_encoding": {
        "nl": "dit bestand is gelezen als Windows-1252, maar bevat ook tekst in UTF-8 (de eerste "
        "regel die geen UTF-8 is: {line}); letters met accenten kunnen daardoor als twee "
        "vreemde tekens verschijnen (Ã©); sla het bestand opnieuw op als 'CSV UTF-8'",
        "en": "this file was read as Windows-1252 but also holds UTF-8 text (the first line "
        "that is not UTF-8: {line}); letters with accents may show as two odd characters (Ã©); "
        "save the file again as 'CSV UTF-8'",
    },
    "not_a_workbook": {
        "nl": "dit {suffix}-bestand is geen werkmap: {content}",
        "en": "this {suffix} file is not a workbook: {content}",
    },
    "content_empty": {"nl": "het is leeg", "en": "it is empty"},
    "content_text": {
        "nl": "het bevat tekst (een CSV-bestand met een andere naam?); geef het de extensie .csv",
        "en": "it holds text (a CSV file renamed?); give it the extension .csv",
    },
    "content_other": {
        "nl": "het bevat iets anders; sla de tabel op als .xlsx of als CSV",
        "en": "it holds something else; save the table as .xlsx or as CSV",
    },
    "binary": {
        "nl": "dit is geen CSV- of XLSX-bestand (het bevat binaire gegevens); sla het op als CSV "
        "of XLSX",
        "en": "this is not a CSV or XLSX file (it holds binary data); save it as CSV or XLSX",
    },
    "encoding": {
        "nl": "de tekst is niet te lezen: hij is UTF-8 noch Windows-1252; sla het bestand vanuit "
        "Excel op als 'CSV UTF-8' en probeer het opnieuw",
        "en": "cannot read the text: it is neither UTF-8 nor Windows-1252; save it from Excel "
        "as 'CSV UTF-8' and try again",
    },
    "file_empty": {
        "nl": "geen {what}: het bestand is leeg; het heeft een koprij nodig met de kolommen "
        "{columns}, met daaronder de rijen",
        "en": "no {what}: the file is empty; it needs a header row with the columns {columns} "
        "and one row per line below it",
    },
    "column_or": {"nl": "{name} (of {aliases})", "en": "{name} (or {aliases})"},
    "same_meaning": {
        "nl": "de kolommen {first} en {second} betekenen allebei {known}; verwijder of hernoem "
        "er één",
        "en": "the columns {first} and {second} both mean {known}; remove or rename one of them",
    },
    "missing_column": {
        "nl": "kolom {column} ontbreekt; voeg hem toe aan de koprij (de koprij heeft: {found})",
        "en": "missing column {column}; add it to the header row (the header row has: {found})",
    },
    "empty": {"nl": "{column} is leeg; {hint}", "en": "{column} is empty; {hint}"},
    "excel_error": {
        "nl": "de cel toont de Excel-fout {error}: een formule is mislukt; verbeter de formule, "
        "of typ de waarde in",
        "en": "the cell shows the Excel error {error}: a formula failed; correct the formula, "
        "or type the value",
    },
    # CSV files (io/table.py)
    "quote_swallows": {
        "nl": "de cel tussen aanhalingstekens die hier begint (regel {line} van het bestand) "
        "loopt door over {lines} regels, en regel {offset} ervan lijkt een eigen rij ({part}): "
        "ontbreekt er een sluitend aanhalingsteken? Sluit het aanhalingsteken waar de cel moet "
        "eindigen",
        "en": "the quoted cell that starts here (line {line} of the file) runs on over {lines} "
        "lines, and its line {offset} looks like a row of its own ({part}): is a closing quote "
        "missing? Close the quote where the cell should end",
    },
    "quote_too_long": {
        "nl": "de cel die hier begint (regel {line} van het bestand) is langer dan 131.072 "
        "tekens: een aanhalingsteken dat erin opent, sluit waarschijnlijk nooit en slokt de "
        "rijen erna op",
        "en": "the cell that starts here (line {line} of the file) is longer than 131,072 "
        "characters: a quote that opens in it is probably never closed, and swallows the rows "
        "after it",
    },
    "quote_spaces": {
        "nl": "deze cel (regel {line} van het bestand) heeft spaties na het sluitende "
        "aanhalingsteken; haal ze weg, zodat het scheidingsteken direct na het aanhalingsteken "
        "komt",
        "en": "this cell (line {line} of the file) has spaces after its closing quote; remove "
        "them, so that the quote is followed directly by the delimiter",
    },
    "quote_open": {
        "nl": "hier opent een aanhalingsteken een cel (regel {line} van het bestand) en het "
        "sluit nooit, zodat de cel doorloopt tot het eind van het bestand en elke rij erna "
        "opslokt",
        "en": "a quote opens a cell here (line {line} of the file) and is never closed, so the "
        "cell runs on to the end of the file and swallows every row after it",
    },
    "quote_closes_later": {
        "nl": "hier opent een aanhalingsteken een cel (regel {line} van het bestand) en het "
        "sluit pas op regel {closed}, midden in een cel daar, zodat het de regels ertussen "
        "opslokt",
        "en": "a quote opens a cell here (line {line} of the file) and only closes on line "
        "{closed}, in the middle of a cell there, so it swallows the lines in between",
    },
    "quote_closes_inside": {
        "nl": "hier opent een aanhalingsteken een cel (regel {line} van het bestand) en het "
        "sluit midden in die cel, zodat de cel niet te lezen is",
        "en": "a quote opens a cell here (line {line} of the file) and closes in the middle of "
        "it, so the cell cannot be read",
    },
    "quote_fix": {
        "nl": "{what}; sluit het aanhalingsteken waar de cel moet eindigen, of haal het weg (een "
        'aanhalingsteken in een cel tussen aanhalingstekens wordt dubbel geschreven: "")',
        "en": "{what}; close the quote where the cell should end, or remove it (a quote inside "
        'a quoted cell is written twice: "")',
    },
    "lone_cell": {
        "nl": "deze rij heeft alleen {text}: een kopje tussen groepen taken? Haal de rij weg, "
        "of vul de taak aan (leverancier, dagen en tijden)",
        "en": "this row holds only {text}: a heading between groups of tasks? Remove the row, "
        "or fill in the task (supplier, days and times)",
    },
    "total_row": {
        "nl": "deze rij ({label}) lijkt een rij met totalen en wordt niet gelezen",
        "en": "this row ({label}) looks like a row of totals and is not read",
    },
    "title_rows": {
        "nl": "de koprij is deze rij; {n:rij|rijen} {rows} erboven {n:wordt|worden} niet "
        "gelezen (een titel?)",
        "en": "the header row is this row; {n:row|rows} {rows} above it {n:is|are} not read "
        "(a title?)",
    },
    "columns_ignored": {
        "nl": "{n:kolom|kolommen} {names} {n:wordt|worden} niet gelezen{guess} (de kolommen "
        "die wel gelezen worden staan in de README)",
        "en": "{n:column|columns} {names} {n:is|are} not read{guess} (the columns that are read "
        "are listed in the README)",
    },
    "row_too_wide": {
        "nl": "deze rij heeft {cells} cellen, de koprij maar {width}: waarschijnlijk staat het "
        "scheidingsteken ({delimiter}) in een cel zonder aanhalingstekens, waardoor de cellen "
        "erna verschuiven (rijen met te veel cellen: {rows}); zet zo'n cel tussen "
        "aanhalingstekens, of sla het bestand opnieuw op vanuit Excel",
        "en": "this row has {cells} cells, the header row only {width}: probably the delimiter "
        "({delimiter}) stands in a cell without quotes, which shifts the cells after it (rows "
        "with too many cells: {rows}); put such a cell in quotes, or save the file again from "
        "Excel",
    },
    "mixed_delimiters": {
        "nl": "dit bestand gebruikt zowel {used} als {mixed} als scheidingsteken (de koprij is "
        "gesplitst op '{used}', de rijen eronder op '{mixed}', bijv. rij {row}); sla het "
        "bestand opnieuw op met één scheidingsteken, bijv. vanuit Excel als 'CSV UTF-8', of "
        "verbeter de koprij",
        "en": "this file mixes {used} and {mixed} (the header row is split by '{used}', the "
        "rows below it by '{mixed}', e.g. row {row}); save the file again with one delimiter, "
        "e.g. from Excel as 'CSV UTF-8', or correct the header row",
    },
    # workbooks (io/table.py)
    "damaged": {
        "nl": "kan dit niet openen als Excel-werkmap ({error}); is het bestand beschadigd? Sla "
        "het opnieuw op vanuit Excel als .xlsx, of exporteer het als CSV",
        "en": "cannot open this as an Excel workbook ({error}); is it damaged? Save it again "
        "from Excel as .xlsx, or export it as CSV",
    },
    "no_sheet": {
        "nl": "de werkmap heeft geen blad; voeg er een toe met de tabel",
        "en": "the workbook has no sheet; add one with the table",
    },
    "sheet_missing": {
        "nl": "kan het blad {sheet} niet vinden in de werkmap; is het bestand beschadigd? Sla "
        "het opnieuw op vanuit Excel als .xlsx, of exporteer het als CSV",
        "en": "cannot find the sheet {sheet} inside the workbook; is it damaged? Save it again "
        "from Excel as .xlsx, or export it as CSV",
    },
    "named_sheet_hidden": {
        "nl": "het blad {sheet} is verborgen in deze werkmap; het wordt toch gelezen, omdat de "
        "naam het aanwijst als de tabel met {what}",
        "en": "the sheet {sheet} is hidden in this workbook; it is read all the same, as its "
        "name marks it as the {what} table",
    },
    "all_hidden": {
        "nl": "alle bladen van deze werkmap zijn verborgen; het eerste, {sheet}, wordt gelezen "
        "als de tabel met {what}",
        "en": "every sheet of this workbook is hidden; the first, {sheet}, is read as the "
        "{what} table",
    },
    "first_visible": {"nl": "het eerste zichtbare blad", "en": "the first visible sheet"},
    "first_of_hidden": {
        "nl": "het eerste blad (alle bladen zijn verborgen)",
        "en": "the first sheet (every sheet is hidden)",
    },
    "trip_between": {
        "nl": "de reistijd van {origin} naar {destination}",
        "en": "the travel time from {origin} to {destination}",
    },
    "trip_twice_matrix": {
        "nl": "{origin} - {destination} is hier {here} minuten, maar {destination} - {origin} "
        "in rij {row}, kolom {column} {minutes} minuten; een reis telt in beide richtingen: "
        "maak ze gelijk, of laat één van beide leeg",
        "en": "{origin} - {destination} is {here} minutes here, but {destination} - {origin} in "
        "row {row}, column {column} is {minutes}; a trip counts both ways: make them equal, or "
        "leave one of them empty",
    },
    "day_cell": {
        "nl": "{value} is geen teken voor deze dag en geen tijd; zet een x voor deze dag op "
        "de tijden van de rij, of de tijden zelf, bijv. 07:00-09:00",
        "en": "{value} is no mark for this day and no time; put an x for this day at the "
        "row's times, or the times themselves, e.g. 07:00-09:00",
    },
    "no_day_marked": {
        "nl": "deze rij noemt geen dag; zet een x of de tijden in de kolom van elke dag die "
        "hij geldt ({columns})",
        "en": "this row names no day; put an x or the times in the column of each day it "
        "holds for ({columns})",
    },
    "no_time_cell": {
        "nl": "deze rij geeft geen tijd; schrijf {times} (een vaste tijd, bijv. 07:00-11:00), of "
        "{earliest}, {latest} en {duration} (een tijdvenster, bijv. 09:00, 16:00 en 1:30)",
        "en": "this row gives no time; write {times} (a fixed time, e.g. 07:00-11:00), or "
        "{earliest}, {latest} and {duration} (a time window, e.g. 09:00, 16:00 and 1:30)",
    },
    "fill_times": {
        "nl": "schrijf begin en eind, bijv. 07:00-09:30",
        "en": "write the start and the end, e.g. 07:00-09:30",
    },
    "times_cell": {
        "nl": "{value} is geen begin en eind; schrijf bijv. 07:00-09:00",
        "en": "{value} is no start and end; write e.g. 07:00-09:00",
    },
    "times_and_columns": {
        "nl": "deze rij geeft tijden hier en ook in kolom {column}; laat één van beide leeg",
        "en": "this row gives times here and in column {column} too; leave one of them empty",
    },
    "days_disagree": {
        "nl": "de dagen {days} en de ingevulde dagkolommen ({columns}) zeggen iets anders; "
        "laat één van beide leeg",
        "en": "the days {days} and the day columns filled in ({columns}) disagree; leave one of "
        "them empty",
    },
    "day_times_and_row": {
        "nl": "deze rij geeft tijden in de kolom van een dag en ook in de rij zelf; zet dan "
        "een x in de dagkolommen, of laat de tijden van de rij leeg",
        "en": "this row gives times in a day's column and in the row itself; put an x in the "
        "day columns then, or leave the row's times empty",
    },
    "matrix_no_place": {
        "nl": "deze rij van de reistijdentabel heeft minuten maar geen plaats in de eerste "
        "kolom; schrijf de plaats waar de reis begint",
        "en": "this row of the travel table has minutes but no place in its first column; "
        "write the place the trip starts from",
    },
    "matrix_no_heading": {
        "nl": "deze rij geeft minuten vanaf {place} in een kolom zonder plaats in de koprij; "
        "schrijf de plaats boven de kolom",
        "en": "this row gives minutes from {place} in a column without a place in the header "
        "row; write the place above the column",
    },
    "sheet_taken": {
        "nl": "de {what} komen uit blad {sheet} van deze werkmap, omdat er geen aparte tabel "
        "met {what} is gegeven",
        "en": "the {what} come from sheet {sheet} of this workbook, as no separate {what} "
        "table was given",
    },
    "other_sheets": {
        "nl": "deze werkmap heeft {n} bladen; {sheet}, {how}, wordt gelezen als de tabel met "
        "{what}, maar {others} {m:bevat|bevatten} ook iets; om een ander blad te lezen: {choose}",
        "en": "this workbook has {n} sheets; {sheet}, {how}, is read as the {what} table, but "
        "{others} {m:holds|hold} something too; to read another sheet, {choose}",
    },
    "hidden_sheet": {"nl": "{sheet} (verborgen)", "en": "{sheet} (hidden)"},
    "move_front": {"nl": "zet het vooraan", "en": "move it to the front"},
    "name_sheet": {
        "nl": "noem het {names} (of zet het vooraan)",
        "en": "name it {names} (or move it to the front)",
    },
    "unsaved_formula": {
        "nl": "formule zonder opgeslagen waarde{formula}: open het bestand in Excel en sla het "
        "op, zodat de uitkomsten bij de formules worden bewaard",
        "en": "formula without a saved value{formula}: open the file in Excel and save it, so "
        "that the results are stored with the formulas",
    },
    "merged": {
        "nl": "deze cel hoort bij de samengevoegde cel {ref}, die over meer kolommen loopt; "
        "maak de samenvoeging ongedaan zodat elke kolom een eigen cel heeft (een tussenkop "
        "tussen de rijen: verwijder die)",
        "en": "this cell is part of the merged cell {ref}, which spans several columns; unmerge "
        "it so that each column has its own cell (a heading between the rows: delete it)",
    },
    "hidden_rows": {
        "nl": "{n:rij|rijen} {rows} van blad {sheet} {n:is|zijn} verborgen in de werkmap"
        "{filtered}{more} en {n:wordt|worden} toch gelezen: elke rij telt mee, verborgen of "
        "niet; verwijder de rijen die niet mogen meetellen, of zet ze op een ander blad",
        "en": "{n:row|rows} {rows} of sheet {sheet} {n:is|are} hidden in the workbook"
        "{filtered}{more} and read all the same: every row counts, hidden or not; delete the "
        "rows that should not count, or move them to another sheet",
    },
    "filter_on": {"nl": " (er staat een filter aan)", "en": " (a filter is on)"},
    "maybe_more_rows": {
        "nl": " (en misschien meer verderop: het blad verbergt er te veel om op te noemen)",
        "en": " (and maybe more further down: the sheet hides too many to list)",
    },
    "hidden_columns": {
        "nl": "{n:kolom|kolommen} {columns} van blad {sheet} {n:is|zijn} verborgen in de "
        "werkmap en {n:wordt|worden} toch gelezen; maak {n:hem|ze} zichtbaar om de cellen te "
        "controleren",
        "en": "{n:the column|the columns} {columns} of sheet {sheet} {n:is|are} hidden in the "
        "workbook and read all the same; unhide {n:it|them} to check the cells",
    },
    # the tasks file (io/tasks.py, io/parsing.py)
    "no_tasks": {
        "nl": "geen taken: het bestand heeft een koprij maar geen rijen met taken eronder",
        "en": "no tasks: the file has a header row but no task rows below it",
    },
    "fill_task_id": {
        "nl": "geef elke rij het id van zijn taak (rijen met hetzelfde id zijn tijdvakken van "
        "één taak)",
        "en": "give every row the id of its task (rows with the same id are slots of one task)",
    },
    "fill_days": {
        "nl": "schrijf de dagen van dit tijdvak, bijv. ma-vr",
        "en": "write the days of this slot, e.g. ma-vr",
    },
    "fill_start": {
        "nl": "schrijf de begintijd, bijv. 07:30",
        "en": "write the start time, e.g. 07:30",
    },
    "fill_end": {"nl": "schrijf de eindtijd, bijv. 11:00", "en": "write the end time, e.g. 11:00"},
    # a time window instead of fixed times (io/tasks.py, io/parsing.py)
    "fill_earliest": {
        "nl": "schrijf het begin van het tijdvenster, bijv. 09:00 (of gebruik begin en eind)",
        "en": "write the start of the time window, e.g. 09:00 (or use start and end)",
    },
    "fill_latest": {
        "nl": "schrijf het eind van het tijdvenster, bijv. 16:00 (of gebruik begin en eind)",
        "en": "write the end of the time window, e.g. 16:00 (or use start and end)",
    },
    "fill_duration": {
        "nl": "schrijf hoe lang de taak duurt, bijv. 1:30 of 90m (of gebruik begin en eind)",
        "en": "write how long the task takes, e.g. 1:30 or 90m (or use start and end)",
    },
    "no_time": {
        "nl": "deze rij geeft geen tijd; schrijf {start} en {end} (een vaste tijd, bijv. 07:30 "
        "en 11:00), of {earliest}, {latest} en {duration} (een tijdvenster, bijv. 09:00, 16:00 "
        "en 1:30)",
        "en": "this row gives no time; write {start} and {end} (a fixed time, e.g. 07:30 and "
        "11:00), or {earliest}, {latest} and {duration} (a time window, e.g. 09:00, 16:00 and "
        "1:30)",
    },
    "window_and_times": {
        "nl": "deze rij geeft zowel vaste tijden (begin/eind) als een tijdvenster "
        "(vanaf/uiterlijk/duur); laat één van beide leeg",
        "en": "this row gives both fixed times (start/end) and a time window "
        "(earliest/latest/duration); leave one of them empty",
    },
    "window_too_short": {
        "nl": "de duur ({duration}) past niet in het tijdvenster {earliest}-{latest}",
        "en": "the duration ({duration}) does not fit in the time window {earliest}-{latest}",
    },
    "duration_hint": {
        "nl": "schrijf een duur als 1:30, 90m of 1,5 uur (meer dan 0, hoogstens 24 uur)",
        "en": "write a duration as 1:30, 90m or 1.5h (more than 0, at most 24 hours)",
    },
    "duration_bad": {
        "nl": "{value} is geen duur; {hint}",
        "en": "{value} is not a duration; {hint}",
    },
    "duration_unit": {
        "nl": "{value} zonder eenheid kan uren of minuten zijn; {hint}",
        "en": "{value} without a unit may be hours or minutes; {hint}",
    },
    "duration_seconds": {
        "nl": "{value} heeft seconden; schrijf een duur in hele minuten, bijv. 1:30",
        "en": "{value} has seconds; write a duration in whole minutes, e.g. 1:30",
    },
    "thousands_ambiguous": {
        "nl": "{value} kan een getal met een punt of komma tussen de duizendtallen zijn "
        "({digits}) of een kommagetal; schrijf het zonder scheidingsteken, bijv. {digits}",
        "en": "{value} may be a number with its thousands grouped ({digits}) or a decimal "
        "number; write it without a separator, e.g. {digits}",
    },
    "duration_ambiguous": {
        "nl": "{value} kan {clock} betekenen (zoals tijden als 9.30 gelezen worden) of "
        "{minutes} minuten; schrijf {clock} of {minutes}m",
        "en": "{value} may mean {clock} (as times like 9.30 are read) or {minutes} minutes; "
        "write {clock} or {minutes}m",
    },
    "duration_range": {
        "nl": "de duur {value} ligt niet tussen 0 en 24 uur; {hint}",
        "en": "the duration {value} is not between 0 and 24 hours; {hint}",
    },
    "day_count": {
        "nl": "{value}: {count} van {n} {n:dag|dagen} kan niet; schrijf bijv. 3x ma-vr "
        "(drie van deze dagen, de planner kiest)",
        "en": "{value}: {count} of {n} {n:day|days} is impossible; write e.g. 3x ma-vr "
        "(three of these days, chosen by the solver)",
    },
    "too_many_ways": {
        "nl": "taak {task} heeft met zijn keuzes van dagen {n} manieren om gedaan te worden, ook "
        "met maar twee begintijden per tijdvenster (hoogstens {most}); geef minder keuze in "
        "dagen, bijv. vaste dagen voor een van de tijdvensters",
        "en": "task {task} has {n} ways to be done with its choices of days, even with only "
        "two starts per time window (at most {most}); give less choice of days, e.g. fixed "
        "days for one of the windows",
    },
    "windows_overlap": {
        "nl": "de tijden van taak {task} ({n:rij|rijen} {rows}) overlappen elkaar hoe ze ook "
        "vallen; één persoon kan ze niet alle doen",
        "en": "the times of task {task} ({n:row|rows} {rows}) overlap each other however they "
        "fall; one person cannot do them all",
    },
    "supplier_empty": {
        "nl": "de leverancier ontbreekt; vul de leverancier van taak {task} in",
        "en": "supplier is empty; fill in the supplier of task {task}",
    },
    "same_earliest_latest": {
        "nl": "vanaf en uiterlijk zijn gelijk ({time}); een venster eindigt na zijn begin (een "
        "uiterlijk vóór vanaf loopt over middernacht; de hele dag is 00:00 tot 00:00 of 24:00)",
        "en": "earliest and latest are the same ({time}); a window ends after it starts (a "
        "latest before the earliest runs past midnight; the whole day is 00:00 to 00:00 or "
        "24:00)",
    },
    "same_start_end": {
        "nl": "begin en eind zijn gelijk ({time}); een tijdvak eindigt na zijn begin (een eind "
        "vóór het begin betekent dat het tijdvak over middernacht loopt)",
        "en": "start and end are the same ({time}); a slot ends after it starts (an end before "
        "the start means the slot runs past midnight)",
    },
    "rows_disagree": {
        "nl": "taak {task} heeft hier {here} in kolom {column}, maar {there} in rij {row}; "
        "rijen met dezelfde task_id zijn tijdvakken van één taak en moeten overeenkomen (laat "
        "de cel leeg om de eerdere waarde te herhalen)",
        "en": "task {task} has {column} {here} here but {there} in row {row}; rows with the "
        "same task_id are slots of one task and must agree (leave the cell empty to repeat "
        "the earlier value)",
    },
    "same_row": {"nl": "in dezelfde rij", "en": "in the same row"},
    "from_row": {"nl": "uit rij {row}", "en": "from row {row}"},
    "slots_overlap": {
        "nl": "taak {task}: tijdvak {this} overlapt met tijdvak {other} {where}; de tijdvakken "
        "van één taak mogen niet overlappen, dus verbeter de dagen of tijden of geef een van de "
        "rijen een eigen task_id",
        "en": "task {task}: slot {this} overlaps slot {other} {where}; the slots of one task "
        "cannot overlap, so correct the days or times or give one of the rows its own task_id",
    },
    "days_hint": {
        "nl": "schrijf dagen als ma-vr, ma t/m vr, ma,wo,vr, mon-fri, werkdagen of weekend",
        "en": "write days like ma-vr, ma t/m vr, ma,wo,vr, mon-fri, werkdagen or weekend",
    },
    "in_value": {"nl": " in {value}", "en": " in {value}"},
    "unknown_day": {
        "nl": "onbekende dag {word}{inside}; {hint}",
        "en": "unknown day {word}{inside}; {hint}",
    },
    "days_cycle": {
        "nl": "{words} in {value}: combibaan plant één week die zich herhaalt, dus een taak "
        "die niet elke week gebeurt past er niet in; schrijf de dagen van een gewone week "
        "(bijv. de helft van de uren elke week), of laat de taak weg",
        "en": "{words} in {value}: combibaan plans one week that repeats, so a task that is "
        "not done every week does not fit in it; write the days of an ordinary week (say, "
        "half the hours every week), or leave the task out",
    },
    "no_day": {"nl": "geen dag in {value}; {hint}", "en": "no day in {value}; {hint}"},
    "day_range": {
        "nl": "de reeks dagen {item} in {value} is niet te lezen; {hint}",
        "en": "cannot read the day range {item} in {value}; {hint}",
    },
    "days_backwards": {
        "nl": "de reeks dagen {item} loopt achteruit door de week; schrijf {forward} ({n} "
        "dagen) voor {last} tot en met {first}, of {wrapped} ({count} dagen) voor {first} tot "
        "en met de {last} erna",
        "en": "the day range {item} runs backwards through the week; write {forward} ({n} "
        "days) for {last} to {first}, or {wrapped} ({count} days) for {first} through to the "
        "following {last}",
    },
    "time_hint": {
        "nl": "schrijf een tijd als UU:MM, bijv. 07:30 (uren 0-23, minuten 0-59; 24:00 alleen "
        "als eindtijd)",
        "en": "write a time as HH:MM, e.g. 07:30 (hours 0-23, minutes 0-59; 24:00 only as an end)",
    },
    "impossible_time": {
        "nl": "onmogelijke tijd {value}; {hint}",
        "en": "impossible time {value}; {hint}",
    },
    "date_not_time": {
        "nl": "deze cel bevat een datum ({date}), geen tijd; typ alleen de tijd, bijv. 07:30, "
        "of geef de cel een tijdnotatie (uu:mm)",
        "en": "this cell holds a date ({date}), not a time; type only the time, e.g. 07:30, or "
        "give the cell a time format (hh:mm)",
    },
    "decimal_time": {
        "nl": "{value} is een getal, geen tijd: is {meant} bedoeld? Typ de tijd met een dubbele "
        "punt, als UU:MM",
        "en": "{value} is a number, not a time: did you mean {meant}? Type the time with a "
        "colon, as HH:MM",
    },
    "duration": {
        "nl": "{value} is een tijdsduur, geen tijdstip; {hint}",
        "en": "{value} is a duration, not a time of day; {hint}",
    },
    "midnight_start": {
        "nl": "24:00 mag alleen als eindtijd; een taak die om middernacht begint, begint om 00:00",
        "en": "24:00 is only allowed as an end time; a task that starts at midnight starts at "
        "00:00",
    },
    # the suppliers and travel tables (io/suppliers.py, io/travel.py, io/__init__.py)
    "fill_supplier": {
        "nl": "schrijf de naam van de leverancier",
        "en": "write the supplier's name",
    },
    "supplier_twice": {
        "nl": "leverancier {name} staat al in rij {row}; geef elke leverancier één rij",
        "en": "supplier {name} is already in row {row}; give each supplier one row",
    },
    "spelled_apart": {
        "nl": "{names} verschillen alleen in hoofdletters of spaties en tellen dus als "
        "verschillende namen; schrijf ze gelijk als ze hetzelfde bedoelen",
        "en": "{names} differ only in capitals or spaces and so count as different names; "
        "write them alike if they mean the same",
    },
    "suppliers_none": {
        "nl": "deze tabel heeft een koprij maar geen leveranciers eronder; sector, cao en "
        "SROI-doel staan daarom voor elke leverancier op onbekend",
        "en": "this table has a header row but no suppliers below it; every supplier's "
        "sector, CAO and target show as unknown",
    },
    "supplier_unlisted": {
        "nl": "leverancier {name} heeft taken maar geen rij in deze tabel; sector, cao en "
        "SROI-doel staan daarom op onbekend",
        "en": "supplier {name} has tasks but no row here; its sector, CAO and target show as "
        "unknown",
    },
    "fill_from": {
        "nl": "schrijf de locatie waar de reis begint",
        "en": "write the location the trip starts from",
    },
    "fill_to": {
        "nl": "schrijf de locatie waar de reis heen gaat",
        "en": "write the location the trip goes to",
    },
    "fill_minutes": {
        "nl": "schrijf de reistijd in minuten, bijv. 10",
        "en": "write the travel time in minutes, e.g. 10",
    },
    "trip_twice": {
        "nl": "{origin} - {destination} staat al in rij {row} met {minutes} minuten, hier met "
        "{here}; houd één van de rijen {row} en {this} over (een reis telt in beide "
        "richtingen, dus van-naar en naar-van zijn hetzelfde paar)",
        "en": "{origin} - {destination} is already in row {row} with {minutes} minutes, here "
        "with {here}; keep one of rows {row} and {this} (a trip counts both ways, so from-to "
        "and to-from are the same pair)",
    },
    "place_rows": {
        "nl": "{place} ({n:rij|rijen} {rows}{hint})",
        "en": "{place} ({n:row|rows} {rows}{hint})",
    },
    "trip_to_itself": {
        "nl": "van {place} naar {place}: binnen één plek is geen reistijd, deze rij telt niet "
        "mee (een groot terrein met eigen reistijden: geef de gebouwen elk een eigen naam)",
        "en": "from {place} to {place}: within one place there is no travel, this row does not "
        "count (a large site with its own travel times: give each building a name)",
    },
    "places_unused": {
        "nl": "geen taak heeft als locatie {places}; dat is goed voor een plek onderweg, "
        "controleer anders de spelling tegen de locaties van de taken",
        "en": "no task has its location at {places}; that is fine for a place passed on the "
        "way, otherwise check the spelling against the tasks' locations",
    },
    "no_locations": {
        "nl": "geen taak heeft een locatie, dus de reistijdentabel wordt nooit gebruikt; vul "
        "de kolom locatie (location) van de taken met de plaatsen uit deze tabel, of laat de "
        "tabel weg",
        "en": "no task has a location, so the travel table is never used; fill in the tasks' "
        "location (locatie) column with the places of this table, or leave the table out",
    },
    "no_place_used": {
        "nl": "geen plaats in de reistijdentabel is een locatie van een taak; controleer de "
        "spelling (deze tabel heeft {ours}; de taken hebben {theirs})",
        "en": "no place in the travel table is a task location; check spelling (this table "
        "has {ours}; the tasks have {theirs})",
    },
    # workshop locks and forbidden pairs (model/locks.py, io/locks.py, solvers/locking.py)
    "unknown_lock_rule": {
        "nl": "onbekende regel {word} voor een afspraak; kies uit: {known}",
        "en": "unknown lock rule {word}; use one of: {known}",
    },
    "fill_rule": {"nl": "schrijf een van {known}", "en": "write one of {known}"},
    "lock_row": {"nl": " (rij {row})", "en": " (row {row})"},
    "lock_too_few": {
        "nl": "de regel {rule} vraagt minstens {need} verschillende {need:taak|taken}, niet "
        "{n}{where}",
        "en": "the rule {rule} needs at least {need} different task {need:id|ids}, got {n}{where}",
    },
    "lock_needs": {
        "nl": "de regel {rule} vraagt minstens {need} {need:taak|taken}, gescheiden door '|', "
        "niet {n}",
        "en": "the rule {rule} needs at least {need} task {need:id|ids} separated by '|', got {n}",
    },
    "kept_twice": {
        "nl": "taak {task} zit in twee afspraken 'behouden': {first} en {second}; een taak kan "
        "maar in één vaste baan zitten",
        "en": "task {task} is in two keep locks: {first} and {second}; a task can be in one "
        "kept job only",
    },
    "kept_already": {
        "nl": "taak {task} zit al in de vaste baan van rij {row}; een taak kan maar in één "
        "vaste baan zitten",
        "en": "task {task} is already kept in row {row}; a task can be in one kept job only",
    },
    "lock_without_ids": {
        "nl": "afspraak {lock} heeft een lijst task_ids nodig",
        "en": "lock {lock} needs a list of task_ids",
    },
    "unknown_task": {
        "nl": "taak {task} staat niet in de takenlijst{hint}",
        "en": "task {task} is not in the task list{hint}",
    },
    "lock_unknown_task": {
        "nl": "afspraak {lock}: taak {task} staat niet in de takenlijst{hint}",
        "en": "lock {lock}: task {task} is not in the list{hint}",
    },
    "pair_unreadable": {
        "nl": "een verboden paar is twee verschillende leveranciers met '|' ertussen, bijv. "
        "'Securitas|Sodexo'; niet {given}",
        "en": "a forbidden pair is two different suppliers separated by '|', e.g. "
        "'Securitas|Sodexo'; got {given}",
    },
    "pair_not_two": {
        "nl": "een verboden paar bestaat uit twee leveranciers, niet {given}",
        "en": "a forbidden pair needs two suppliers, got {given}",
    },
    "pair_same": {
        "nl": "een verboden paar bestaat uit twee verschillende leveranciers, niet {given}",
        "en": "a forbidden pair needs two different suppliers, got {given}",
    },
    "pair_unknown_supplier": {
        "nl": "verboden paar {pair}: leverancier {name} staat niet in de takenlijst "
        "(leveranciers: {names}){hint}",
        "en": "forbidden pair {pair}: supplier {name} is not in the task list "
        "(suppliers: {names}){hint}",
    },
    # output folders and files (io/output.py, analysis/sweep_file.py, cli/*.py)
    "foreign_files": {
        "nl": "bevat al {files}, niet door combibaan geschreven; kies een lege of nieuwe map, "
        "zodat er niets wordt overschreven dat niet van combibaan is",
        "en": "already holds {files}, not written by combibaan; choose an empty or new folder "
        "so that nothing of yours is overwritten",
    },
    "changed_files": {
        "nl": "{files} {n:is|zijn} veranderd sinds combibaan {n:het|ze} schreef; --force "
        "vervangt {n:het|ze} (force=True vanuit Python), of kies een andere map zodat er niets "
        "verloren gaat",
        "en": "{files} changed since combibaan wrote {n:it|them}; --force replaces {n:it|them} "
        "(force=True from Python), or choose another folder so that nothing is lost",
    },
    "unknown_files": {
        "nl": "{files} {n:is|zijn} niet te vergelijken met wat combibaan schreef: het register "
        "{record} is niet te lezen ({why}); --force vervangt {n:het|ze} (force=True vanuit "
        "Python), of kies een andere map zodat er niets verloren gaat",
        "en": "{files} cannot be compared with what combibaan wrote: its record {record} "
        "cannot be read ({why}); --force replaces {n:it|them} (force=True from Python), or "
        "choose another folder so that nothing is lost",
    },
    "not_a_folder": {
        "nl": "is een bestand, geen map; kies een map",
        "en": "is a file, not a folder; choose a folder",
    },
    "folder_blocked": {
        "nl": "kan niet worden gemaakt: {file} is een bestand, geen map",
        "en": "cannot be created: {file} is a file, not a folder",
    },
    "cannot_write_in": {
        "nl": "kan niet schrijven in {folder}: {reason}",
        "en": "cannot write in {folder}: {reason}",
    },
    "cannot_write": {
        "nl": "kan {file} niet schrijven: {reason}",
        "en": "cannot write {file}: {reason}",
    },
    "only_candidates_alone": {
        "nl": "werkt alleen samen met --candidates BESTAND",
        "en": "works only together with --candidates FILE",
    },
    "sweep_file_csv": {
        "nl": "de tabel van een sweep is CSV: geef een naam die op .csv eindigt, bijv. "
        "results.csv (Excel opent die ook)",
        "en": "a sweep's table is CSV: give a name ending in .csv, e.g. results.csv (Excel "
        "opens it too)",
    },
    "sweep_file_other": {
        "nl": "bestaat al en is geen tabel van een eerdere sweep; geef een nieuwe bestandsnaam "
        "zoals results.csv",
        "en": "already exists and is no table of an earlier sweep; give a new file name such "
        "as results.csv",
    },
    "sweep_file_folder": {
        "nl": "is een map; geef een bestandsnaam zoals results.csv",
        "en": "is a folder; give a file name such as results.csv",
    },
    "files_exist": {
        "nl": "{files} {n:bestaat|bestaan} al in deze map; kies een andere map, of vervang "
        "{n:het|ze} met --force",
        "en": "{files} already {n:exists|exist} here; choose another folder, or pass --force "
        "to replace {n:it|them}",
    },
    # the command line's own choices (cli/*.py)
    "rows_flag": {
        "nl": "--rows moet een geheel getal van minstens 1 zijn, of all; niet {given}",
        "en": "--rows must be a whole number of at least 1, or all; got {given}",
    },
    "choice_flag": {
        "nl": "{flag} moet {choices} zijn, niet {given}",
        "en": "{flag} must be {choices}, got {given}",
    },
    # the candidates file (io/candidates.py); a message never repeats personal data
    "noun_candidates": {"nl": "kandidaten", "en": "candidates"},
    "no_candidates": {
        "nl": "geen kandidaten: het bestand heeft een koprij maar geen rijen met kandidaten "
        "eronder",
        "en": "no candidates: the file has a header row but no candidate rows below it",
    },
    "fill_candidate_id": {
        "nl": "geef elke rij de anonieme code van zijn kandidaat, bijv. K01 (rijen met dezelfde "
        "code zijn tijdvakken van één kandidaat)",
        "en": "give every row the anonymous code of its candidate, e.g. K01 (rows with the same "
        "code are windows of one candidate)",
    },
    "fill_window_days": {
        "nl": "schrijf de dagen waarop dit tijdvak begint, bijv. ma-vr",
        "en": "write the days this window starts, e.g. ma-vr",
    },
    "fill_available_from": {
        "nl": "schrijf vanaf hoe laat de kandidaat kan werken, bijv. 07:00",
        "en": "write the time from which the candidate can work, e.g. 07:00",
    },
    "fill_available_to": {
        "nl": "schrijf tot hoe laat de kandidaat kan werken, bijv. 13:00 (00:00 tot 00:00 is "
        "de hele dag)",
        "en": "write the time until which the candidate can work, e.g. 13:00 (00:00 to 00:00 "
        "is the whole day)",
    },
    "candidate_rows_disagree": {
        "nl": "hier staat {here} in kolom {column}, maar {there} in rij {row}; rijen met "
        "dezelfde kandidaat zijn tijdvakken van één kandidaat en moeten overeenkomen (laat de "
        "cel leeg om de eerdere waarde te herhalen)",
        "en": "{column} is {here} here but {there} in row {row}; rows with the same "
        "candidate_id are windows of one candidate and must agree (leave the cell empty to "
        "repeat the earlier value)",
    },
    "personal_column": {
        "nl": "deze kolom bevat persoonsgegevens en een kandidatenbestand noemt niemand: "
        "verwijder de kolom en geef elke kandidaat alleen een anonieme code, bijv. K01",
        "en": "this column holds personal data and a candidates file identifies nobody: "
        "remove the column and give each candidate only an anonymous code, e.g. K01",
    },
    "code_like_name": {
        "nl": "deze code lijkt op de naam van een persoon en een kandidatenbestand noemt "
        "niemand: gebruik een anonieme code, bijv. K01",
        "en": "this code looks like a person's name and a candidates file identifies nobody: "
        "use an anonymous code, e.g. K01",
    },
    # the SMPTSP benchmark's .dat files (io/smptsp.py); {task} is the file's number and our id
    "dat_folder": {
        "nl": "dit is een map, geen bestand; geef het .dat-bestand van de benchmark",
        "en": "this is a folder, not a file; give the benchmark's .dat file",
    },
    "dat_not_found": {
        "nl": "bestand niet gevonden; controleer het pad van het .dat-bestand",
        "en": "file not found; check the path of the .dat file",
    },
    "dat_n_tasks": {"nl": "<aantal taken>", "en": "<number of tasks>"},
    "dat_n_workers": {"nl": "<aantal medewerkers>", "en": "<number of workers>"},
    "dat_expected": {
        "nl": "hier hoort de regel '{key} = {example}', niet {got}",
        "en": "expected the line '{key} = {example}' here, got {got}",
    },
    "dat_ends": {
        "nl": "het bestand houdt op waar de regel '{key} = {example}' hoort",
        "en": "the file ends where the line '{key} = {example}' belongs",
    },
    "dat_type": {
        "nl": "combibaan leest alleen 'Type = 1' (zo weinig mogelijk medewerkers die samen "
        "alle taken doen), niet 'Type = {given}'",
        "en": "combibaan reads only 'Type = 1' (the fewest workers who together do every "
        "task), got 'Type = {given}'",
    },
    "dat_jobs_count": {
        "nl": "'Jobs = {n}', maar er {k:volgt|volgen} {k} {k:taakregel|taakregels}",
        "en": "'Jobs = {n}', but {k} task {k:line follows|lines follow}",
    },
    "dat_quals_count": {
        "nl": "'Qualifications = {n}', maar er {k:volgt|volgen} {k} "
        "{k:medewerkerregel|medewerkerregels}",
        "en": "'Qualifications = {n}', but {k} worker {k:line follows|lines follow}",
    },
    "dat_task_line": {
        "nl": "een taakregel is twee gehele getallen, begin en eind in minuten (bijv. "
        "'420 480'), niet {got}",
        "en": "a task line is two whole numbers, its start and end in minutes (e.g. "
        "'420 480'), got {got}",
    },
    "dat_task_negative": {
        "nl": "taak {task} begint voor minuut 0 ({start}); tijden zijn minuten vanaf 0",
        "en": "task {task} starts before minute 0 ({start}); times are minutes from 0",
    },
    "dat_task_empty": {
        "nl": "taak {task} eindigt niet na haar begin ({start} tot {end}); een taak duurt "
        "minstens een minuut",
        "en": "task {task} does not end after it starts ({start} to {end}); a task lasts at "
        "least a minute",
    },
    "dat_task_long": {
        "nl": "taak {task} duurt {minutes} minuten ({start} tot {end}), langer dan een dag; "
        "een taak duurt hoogstens 1440 minuten",
        "en": "task {task} lasts {minutes} minutes ({start} to {end}), more than a day; a "
        "task lasts at most 1440 minutes",
    },
    "dat_task_late": {
        "nl": "taak {task} begint na het eind van de week (minuut {start}; een week heeft "
        "{week} minuten)",
        "en": "task {task} starts after the end of the week (minute {start}; a week has "
        "{week} minutes)",
    },
    "dat_worker_line": {
        "nl": "een medewerkerregel is het aantal taken, een dubbele punt en de taaknummers "
        "(bijv. '3: 0 4 7'), niet {got}",
        "en": "a worker line is the number of tasks, a colon and the task numbers (e.g. "
        "'3: 0 4 7'), got {got}",
    },
    "dat_task_number": {
        "nl": "{got} is geen taaknummer; schrijf de taaknummers als gehele getallen met "
        "spaties ertussen",
        "en": "{got} is not a task number; write the task numbers as whole numbers separated "
        "by spaces",
    },
    "dat_worker_count": {
        "nl": "de regel zegt {said} {said:taak|taken}, maar noemt er {listed}",
        "en": "the line says {said} {said:task|tasks} but lists {listed}",
    },
    "dat_task_range": {
        "nl": "{n:taak|taken} {tasks} {n:bestaat|bestaan} niet: de taken zijn genummerd 0 tot "
        "en met {last}",
        "en": "{n:task|tasks} {tasks} {n:does|do} not exist: the tasks are numbered 0 to {last}",
    },
    "dat_task_twice": {
        "nl": "{n:taak|taken} {tasks} {n:staat|staan} meer dan eens in deze regel; noem elke "
        "taak één keer",
        "en": "{n:task|tasks} {tasks} {n:is|are} listed more than once in this line; list "
        "each task once",
    },
}


def error_text(code: str, lang: str = "nl", **values: object) -> str:
    return _text(ERRORS, code, lang, values)


#: Every table a :class:`~combibaan.model.phrase.Phrase` can name.
TABLES: dict[str, dict[str, dict[str, str]]] = {
    "reason": REASONS,
    "obstacle": OBSTACLES,
    "count": COUNTS,
    "binding": BINDING,
    "relax": RELAXATIONS,
    "conflict": CONFLICTS,
    "explain": EXPLAIN,
    "violation": VIOLATIONS,
    "error": ERRORS,
}
