"""Words of the report and the workbook, Dutch by default with English available.

Kept apart from :mod:`combibaan.texts` (the solver's reasons) so that the
report's wording can change without touching what the solver says; the
sentences of the vacancy text live in the templates instead.
"""

from __future__ import annotations

from combibaan.rules import RULES
from combibaan.texts import check_lang, decimal

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
        "time_window": "tijdvenster",
        "legend": "Leveranciers",
        "card": "Baankaart",
        "employer": "Voorgestelde werkgever",
        "cao": "Cao",
        "hours_per_supplier": "Uren per leverancier",
        "competencies": "Nodige vaardigheden",
        "candidate": "Kandidaat",
        "vacancy_open": "geen: vacature",
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
        "equally_good": "even goed: evenveel banen en uren",
        "unknown": "onbekend",
        "none": "geen",
        "off": "uit",
        "no_jobs": "Er is geen baan gevonden die aan alle regels voldoet.",
        "unknown_suppliers": "Niet in de leverancierstabel (sector, cao en doel onbekend)",
        "why_hours": "levert de meeste uren",
        "why_sector_days": "evenveel uren; de eigen sector werkt op meer dagen van de baan",
        "why_sroi": "evenveel uren en sectordagen; het social-returndoel is het minst gehaald",
        "why_own_days": (
            "gelijk in uren, sectordagen en social return; de eigen taken vallen op meer "
            "dagen van de baan"
        ),
        "why_first_start": (
            "gelijk in uren, dagen en social return; de week begint met een taak van deze "
            "leverancier"
        ),
        "why_alphabetical": "gelijk in uren, dagen, social return en begintijd; op alfabet gekozen",
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
        # --- alternatives drawn as timetables, only what differs from the proposal
        "alt_intro": (
            "Per alternatief alleen wat anders is dan het voorstel: de nieuwe banen als "
            "weekrooster, de banen van het voorstel die het opgeeft en de taken die het niet "
            "meer plaatst."
        ),
        "alt_from": "uit {job}",
        "alt_from_key": "uit …",
        "alt_from_means": "de taak zit in het voorstel in die andere baan",
        "alt_new": "nieuw",
        "alt_new_means": "de taak zit in het voorstel in geen baan",
        "alt_plain_means": (
            "Zonder merkteken: zoals in de baan van het voorstel waar de nieuwe baan het "
            "meest op lijkt."
        ),
        "alt_worse": "minder goed dan het voorstel",
        "alt_optimal": "het beste dat genoeg verschilt (bewezen)",
        "alt_same": "Zelfde als in het voorstel",
        "alt_same_none": "Geen baan is dezelfde als in het voorstel",
        "alt_new_job": "Nieuwe baan",
        "alt_like": "Verder zoals {job} van het voorstel",
        "alt_without": "maar zonder",
        "alt_like_none": "Lijkt op geen baan van het voorstel: alle taken zijn nieuw",
        "alt_left_out": "Niet meer in een baan (het voorstel plaatst ze wel)",
        "alt_was_in": "in het voorstel in {job}",
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
        "time_window": "time window",
        "legend": "Suppliers",
        "card": "Job card",
        "employer": "Suggested employer",
        "cao": "Collective agreement (CAO)",
        "hours_per_supplier": "Hours per supplier",
        "competencies": "Competencies needed",
        "candidate": "Candidate",
        "vacancy_open": "none: a vacancy",
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
        "equally_good": "equally good: as many jobs and hours",
        "unknown": "unknown",
        "none": "none",
        "off": "off",
        "no_jobs": "No job meets every rule.",
        "unknown_suppliers": "Not in the suppliers table (sector, CAO and target unknown)",
        "why_hours": "contributes the most hours",
        "why_sector_days": "equal hours; its sector works on more of the job's days",
        "why_sroi": "equal hours and sector days; its social-return target is the least met",
        "why_own_days": (
            "tied on hours, sector days and social return; its own tasks fall on more of the "
            "job's days"
        ),
        "why_first_start": (
            "tied on hours, days and social return; the person's week starts with its task"
        ),
        "why_alphabetical": "tied on hours, days, social return and start; chosen alphabetically",
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
        # --- alternatives drawn as timetables, only what differs from the proposal
        "alt_intro": (
            "For each alternative only what differs from the proposal: its new jobs as "
            "weekly timetables, the proposal's jobs it gives up and the tasks it no longer "
            "places."
        ),
        "alt_from": "from {job}",
        "alt_from_key": "from …",
        "alt_from_means": "the task is in that other job in the proposal",
        "alt_new": "new",
        "alt_new_means": "the task is in no job in the proposal",
        "alt_plain_means": "Unmarked: as in the proposal's job that the new job is most like.",
        "alt_worse": "not as good as the proposal",
        "alt_optimal": "the best that differs enough (proven)",
        "alt_same": "Same as in the proposal",
        "alt_same_none": "No job is the same as in the proposal",
        "alt_new_job": "New job",
        "alt_like": "Otherwise as {job} of the proposal",
        "alt_without": "but without",
        "alt_like_none": "Like no job of the proposal: all its tasks are new",
        "alt_left_out": "No longer in a job (the proposal places them)",
        "alt_was_in": "in {job} in the proposal",
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
        "time_window": "Tijdvenster",
        "chosen_times": "Gekozen tijden",
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
        "candidate": "Kandidaat",
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
        # --- the alternatives sheet: what a job of an alternative changes
        "alt_like": "Lijkt op baan",
        "alt_without": "Zonder taken van die baan",
        "alt_moved": "Taken uit andere banen",
        "alt_added": "Taken in geen baan van het voorstel",
        "alt_left_out": "Niet meer in een baan",
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
        "time_window": "Time window",
        "chosen_times": "Chosen times",
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
        "candidate": "Candidate",
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
        # --- the alternatives sheet: what a job of an alternative changes
        "alt_like": "Most like job",
        "alt_without": "Without tasks of that job",
        "alt_moved": "Tasks from other jobs",
        "alt_added": "Tasks in no job of the proposal",
        "alt_left_out": "No longer in a job",
    },
}


def labels(lang: str) -> dict[str, str]:
    """The label table of one language; an unknown language is an error, not a fallback."""
    check_lang(lang)
    return {**LABELS[lang], **{rule.key: rule.label[lang] for rule in RULES}}


def fmt(value: float, lang: str = "nl", digits: int = 2) -> str:
    """A number as people at the table write it (``25,5``, ``12.345`` in Dutch; ``25.5``,
    ``12,345`` in English): :func:`combibaan.texts.decimal`, rounded to ``digits``."""
    return decimal(round(value, min(digits, 2)), lang)
