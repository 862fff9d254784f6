"""Words of the report and the workbook, Dutch by default with English available.

Kept apart from :mod:`combibaan.texts` (the solver's reasons) so that the
report's wording can change without touching what the solver says; the
sentences of the vacancy text live in the templates instead.
"""

from __future__ import annotations

from combibaan.rules import RULES
from combibaan.texts import LANGUAGES

LABELS: dict[str, dict[str, str]] = {
    "nl": {
        "title": "Combinatiebanen",
        "summary": "Samenvatting",
        "overview": "Overzicht van de banen",
        "times_span": "Tijden",
        "rules_all": "Alle regels",
        "rule_default": "standaard",
        "decisions": "Besluiten van de werkgroep",
        "decisions_none": (
            "Geen besluiten vastgelegd: alle regels staan op de standaard, er zijn geen "
            "afspraken over taken en geen verboden leverancierparen."
        ),
        "policy_changed": "Regels die afwijken van de standaard",
        "locks": "Afspraken over taken",
        "lock_together": "Samen",
        "lock_together_means": "in dezelfde baan, of allemaal niet geplaatst",
        "lock_apart": "Niet samen",
        "lock_apart_means": "nooit twee van deze taken in dezelfde baan",
        "lock_exclude": "Uitsluiten",
        "lock_exclude_means": "blijft buiten elke baan",
        "lock_keep": "Behouden",
        "lock_keep_means": "precies deze taken vormen samen één baan",
        "forbidden_pairs": "Leveranciers nooit samen in één baan",
        "decision": "Afspraak",
        "outcome": "In het voorstel",
        "in_job": "in baan",
        "not_placed": "niet geplaatst",
        "unknown_task": "onbekende taak",
        "key": "Legenda",
        "short_key": "Korte blokken tonen de taak en de afkorting van de leverancier.",
        "dropped": "Banen uit het voorstel die hier niet in zitten",
        "unchanged": "ongewijzigd",
        "jobs": "Banen",
        "job": "Baan",
        "job_units": "Banen (eenheden van 25,5 uur)",
        "job_units_short": "baaneenheden",
        "hours_placed": "Uren geplaatst per week",
        "of_total": "van",
        "bound": "Bewezen maximum aan banen",
        "status": "Status",
        "policy": "Regels",
        "timetable": "Weekrooster",
        "legend": "Leveranciers",
        "card": "Baankaart",
        "employer": "Voorgestelde werkgever",
        "cao": "Cao",
        "hours_per_supplier": "Uren per leverancier",
        "competencies": "Nodige vaardigheden",
        "vacancy": "Vacaturetekst",
        "tasks": "Taken",
        "task": "Taak",
        "supplier": "Leverancier",
        "sector": "Sector",
        "description": "Omschrijving",
        "locations": "Locaties",
        "days": "Dagen",
        "hours_week": "Uren per week",
        "hours_unit": "uur per week",
        "reason": "Reden",
        "unassigned": "Niet geplaatst: blijft bij de eigen medewerkers van de leverancier",
        "unassigned_none": "Alle taken zitten in een baan.",
        "suppliers": "Per leverancier",
        "tasks_placed": "Taken in een baan",
        "hours_in_jobs": "Uren in banen per week",
        "employer_of": "Werkgever (voorstel) van",
        "sroi_target": "Social return: doel uren per jaar",
        "sroi_progress": "Voortgang social return",
        "sroi_credit": "Social return telt voor",
        "sroi_credit_employer": "de werkgever",
        "sroi_credit_employer_means": (
            "alle uren van een baan tellen voor de leverancier die de persoon in dienst "
            "neemt (de voorgestelde werkgever)"
        ),
        "sroi_credit_hours": "elke leverancier naar eigen uren",
        "sroi_credit_hours_means": (
            "elke leverancier telt de uren van zijn eigen taken in de baan, ook als een "
            "andere leverancier de persoon in dienst neemt"
        ),
        "counts_for": "Telt voor social return van",
        "hours_year_unit": "uur per jaar",
        "sroi_credited": "Social return: telt (uren per jaar)",
        "alternatives": "Alternatieven",
        "alternative": "Alternatief",
        "best": "Voorstel",
        "same_as": "zelfde als",
        "new_job": "nieuw",
        "equally_good": "even goed: evenveel banen en uren",
        "unknown": "onbekend",
        "none": "geen",
        "off": "uit",
        "no_jobs": "Er is geen baan gevonden die aan alle regels voldoet.",
        "unknown_suppliers": "Niet in de leverancierstabel (sector, cao en doel onbekend)",
        "why_hours": "levert de meeste uren",
        "why_sector_days": "evenveel uren; de eigen sector werkt op meer dagen van de baan",
        "why_alphabetical": "evenveel uren en dagen; op alfabet gekozen",
        "why_single": "enige leverancier van deze baan",
        "privacy": (
            "Dit overzicht bevat geen namen van personen: alle cijfers gaan over taken, "
            "uren en leveranciers."
        ),
        "year_note": (
            "Uren per jaar = uren per week × {weeks} weken (betaalde uren lopen het hele "
            "jaar door, ook tijdens vakantie)."
        ),
        "generated": "Gemaakt met",
        "optimal": "optimaal (bewezen)",
        "feasible": "geldig, niet bewezen optimaal",
        "infeasible": "onmogelijk",
    },
    "en": {
        "title": "Combination jobs",
        "summary": "Summary",
        "overview": "Overview of the jobs",
        "times_span": "Times",
        "rules_all": "All rules",
        "rule_default": "default",
        "decisions": "Decisions of the workshop",
        "decisions_none": (
            "No decisions recorded: every rule has its default, there are no locks on tasks "
            "and no forbidden supplier pairs."
        ),
        "policy_changed": "Rules changed from the defaults",
        "locks": "Locks on tasks",
        "lock_together": "Together",
        "lock_together_means": "in the same job, or all left out",
        "lock_apart": "Apart",
        "lock_apart_means": "never two of these tasks in the same job",
        "lock_exclude": "Exclude",
        "lock_exclude_means": "stays out of every job",
        "lock_keep": "Keep",
        "lock_keep_means": "exactly these tasks form one job",
        "forbidden_pairs": "Suppliers never together in one job",
        "decision": "Lock",
        "outcome": "In the proposal",
        "in_job": "in job",
        "not_placed": "not placed",
        "unknown_task": "unknown task",
        "key": "Key",
        "short_key": "Short blocks show the task and the supplier's abbreviation.",
        "dropped": "Jobs of the proposal not in this one",
        "unchanged": "unchanged",
        "jobs": "Jobs",
        "job": "Job",
        "job_units": "Job units (25.5 hours each)",
        "job_units_short": "job units",
        "hours_placed": "Hours placed per week",
        "of_total": "of",
        "bound": "Proven most jobs possible",
        "status": "Status",
        "policy": "Rules",
        "timetable": "Weekly timetable",
        "legend": "Suppliers",
        "card": "Job card",
        "employer": "Suggested employer",
        "cao": "Collective agreement (CAO)",
        "hours_per_supplier": "Hours per supplier",
        "competencies": "Competencies needed",
        "vacancy": "Vacancy text",
        "tasks": "Tasks",
        "task": "Task",
        "supplier": "Supplier",
        "sector": "Sector",
        "description": "Description",
        "locations": "Locations",
        "days": "Days",
        "hours_week": "Hours per week",
        "hours_unit": "hours a week",
        "reason": "Reason",
        "unassigned": "Not placed: stays with the supplier's regular staff",
        "unassigned_none": "Every task is in a job.",
        "suppliers": "Per supplier",
        "tasks_placed": "Tasks in a job",
        "hours_in_jobs": "Hours in jobs per week",
        "employer_of": "Suggested employer of",
        "sroi_target": "Social return: target hours per year",
        "sroi_progress": "Social-return progress",
        "sroi_credit": "Social return counts for",
        "sroi_credit_employer": "the employer",
        "sroi_credit_employer_means": (
            "all of a job's hours count for the supplier who employs the person (the "
            "suggested employer)"
        ),
        "sroi_credit_hours": "each supplier by its own hours",
        "sroi_credit_hours_means": (
            "each supplier counts the hours of its own tasks in the job, even when another "
            "supplier employs the person"
        ),
        "counts_for": "Counts for the social return of",
        "hours_year_unit": "hours a year",
        "sroi_credited": "Social return: credited (hours per year)",
        "alternatives": "Alternatives",
        "alternative": "Alternative",
        "best": "Proposal",
        "same_as": "same as",
        "new_job": "new",
        "equally_good": "equally good: as many jobs and hours",
        "unknown": "unknown",
        "none": "none",
        "off": "off",
        "no_jobs": "No job meets every rule.",
        "unknown_suppliers": "Not in the suppliers table (sector, CAO and target unknown)",
        "why_hours": "contributes the most hours",
        "why_sector_days": "equal hours; its sector works on more of the job's days",
        "why_alphabetical": "equal hours and days; chosen alphabetically",
        "why_single": "the job's only supplier",
        "privacy": (
            "This overview holds no personal names: every number is about tasks, hours "
            "and suppliers."
        ),
        "year_note": (
            "Hours per year = hours per week × {weeks} weeks (paid hours continue all "
            "year, holidays included)."
        ),
        "generated": "Made with",
        "optimal": "optimal (proven)",
        "feasible": "valid, not proven optimal",
        "infeasible": "impossible",
    },
}

#: Sheet names of ``proposals.xlsx`` per language (documented in the README).
SHEETS: dict[str, dict[str, str]] = {
    "nl": {
        "jobs": "Banen",
        "vacancies": "Vacatures",
        "timetable": "Rooster",
        "tasks": "Taken",
        "unassigned": "Niet geplaatst",
        "suppliers": "Leveranciers",
        "alternatives": "Alternatieven",
    },
    "en": {
        "jobs": "Jobs",
        "vacancies": "Vacancies",
        "timetable": "Timetable",
        "tasks": "Tasks",
        "unassigned": "Unassigned",
        "suppliers": "Suppliers",
        "alternatives": "Alternatives",
    },
}

#: Column headers of ``proposals.xlsx``: one word for one thing on every sheet, the unit
#: in the header (``Uren per week``), a count named as a count.
COLUMNS: dict[str, dict[str, str]] = {
    "nl": {
        "job": "Baan",
        "jobs": "Banen",
        "task": "Taak",
        "tasks": "Taken",
        "supplier": "Leverancier",
        "suppliers": "Leveranciers",
        "hours_week": "Uren per week",
        "hours_of": "Uren {supplier}",
        "hours": "Uren",
        "job_units": "Baaneenheden",
        "days_count": "Dagen per week",
        "days": "Dagen",
        "day_number": "Dagnummer",
        "day": "Dag",
        "start": "Begin",
        "end": "Einde",
        "first_start": "Vroegste begin",
        "last_end": "Laatste einde",
        "times": "Werktijden",
        "description": "Omschrijving",
        "location": "Locatie",
        "locations": "Locaties",
        "competencies": "Vaardigheden",
        "employer": "Voorgestelde werkgever",
        "cao": "Cao",
        "sector": "Sector",
        "vacancy": "Vacaturetekst",
        "reason": "Reden",
        "tasks_offered": "Taken ingebracht",
        "tasks_placed": "Taken in een baan",
        "hours_offered": "Uren per week ingebracht",
        "hours_placed": "Uren per week in banen",
        "employer_of": "Voorgestelde werkgever van",
        "hours_year": "Uren per jaar in banen",
        "sroi_target": "Social return: doel (uren per jaar)",
        "sroi_credited": "Social return: telt (uren per jaar, {credit})",
        "counts_for": "Telt voor {supplier} (uren per jaar)",
        "sroi_progress": "Social return: voortgang",
        "alternative": "Alternatief",
        "alt_jobs": "Banen in alternatief",
        "alt_hours": "Uren per week in alternatief",
        "delta_jobs": "Verschil banen",
        "delta_hours": "Verschil uren per week",
        "same_as": "Zelfde als baan",
        "credit_employer": "naar werkgever",
        "credit_hours": "naar eigen uren",
    },
    "en": {
        "job": "Job",
        "jobs": "Jobs",
        "task": "Task",
        "tasks": "Tasks",
        "supplier": "Supplier",
        "suppliers": "Suppliers",
        "hours_week": "Hours per week",
        "hours_of": "Hours {supplier}",
        "hours": "Hours",
        "job_units": "Job units",
        "days_count": "Days per week",
        "days": "Days",
        "day_number": "Day number",
        "day": "Day",
        "start": "Start",
        "end": "End",
        "first_start": "Earliest start",
        "last_end": "Latest end",
        "times": "Working times",
        "description": "Description",
        "location": "Location",
        "locations": "Locations",
        "competencies": "Competencies",
        "employer": "Suggested employer",
        "cao": "CAO",
        "sector": "Sector",
        "vacancy": "Vacancy text",
        "reason": "Reason",
        "tasks_offered": "Tasks brought",
        "tasks_placed": "Tasks in a job",
        "hours_offered": "Hours per week brought",
        "hours_placed": "Hours per week in jobs",
        "employer_of": "Suggested employer of",
        "hours_year": "Hours per year in jobs",
        "sroi_target": "Social return: target (hours per year)",
        "sroi_credited": "Social return: credited (hours per year, {credit})",
        "counts_for": "Counts for {supplier} (hours per year)",
        "sroi_progress": "Social return: progress",
        "alternative": "Alternative",
        "alt_jobs": "Jobs in alternative",
        "alt_hours": "Hours per week in alternative",
        "delta_jobs": "Difference in jobs",
        "delta_hours": "Difference in hours per week",
        "same_as": "Same as job",
        "credit_employer": "to the employer",
        "credit_hours": "by own hours",
    },
}


def labels(lang: str) -> dict[str, str]:
    """The label table of one language; an unknown language is an error, not a fallback."""
    check_lang(lang)
    return {**LABELS[lang], **{rule.key: rule.label[lang] for rule in RULES}}


def check_lang(lang: str) -> None:
    if lang not in LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(LANGUAGES)}, got {lang!r}")


def fmt(value: float, lang: str = "nl", digits: int = 2) -> str:
    """A number as people at the table write it: ``25,5`` in Dutch, ``25.5`` in English."""
    text = f"{round(value, digits):.{digits}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if text == "-0":
        text = "0"
    return text.replace(".", ",") if lang == "nl" else text
