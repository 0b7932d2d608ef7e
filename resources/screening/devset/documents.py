"""The documents of the development set: quality-improvement material as teams really write it,
full of numbers that are not identifiers, and staff and organisational details that must not stop
anyone.

    build(doc_type, rng) -> Doc      # DOC_TYPES: the kinds of document

A ``Doc`` is a title and blocks: paragraphs (str) and tables (``Table``; the last column is
"Notes", where teams jot things, and where a seed may go). ``Doc.marks`` records organisational
contact details put in on purpose (a clinic's nurse line, a team mailbox: severity "check"), with
the block (and row) holding each, so labels can say where they are.
"""

from dataclasses import dataclass, field

from .vocab import (
    CLINICS,
    CONDITIONS,
    DOIS,
    LABS,
    MEDICINES,
    MONTHS,
    ORG_DOMAINS,
    ROLES,
    STAFF,
    SURNAMES,
    TEAM_MAILBOXES,
    TRIALS,
    WEEKDAYS,
)


@dataclass
class Table:
    name: str
    header: list
    rows: list  # lists of str, as long as header


@dataclass
class Mark:
    block: int  # index into Doc.blocks
    row: int | None  # data row index for a table, None for a paragraph
    kind: str
    value: str
    phrasing: str
    severity: str
    phrase: str = ""  # the text holding the value


@dataclass
class Doc:
    doc_type: str
    title: str
    blocks: list = field(default_factory=list)
    marks: list = field(default_factory=list)

    def add(self, *paragraphs):
        self.blocks.extend(paragraphs)

    def add_check(self, text, kind, value, phrasing):
        """A paragraph holding an organisation's contact detail ("check", not "block")."""
        self.blocks.append(text)
        self.marks.append(Mark(len(self.blocks) - 1, None, kind, value, phrasing, "check", text))


# -- small pieces ----------------------------------------------------------------------------------


def _date(rng, year=None):
    return f"{rng.randint(1, 28)} {rng.choice(MONTHS)} {year or rng.randint(2023, 2026)}"


def _numeric_date(rng):
    return f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{rng.randint(2023, 2026)}"


def _staff(rng, count):
    return rng.sample(STAFF, count)


def _share(rng):
    denominator = rng.randint(40, 420)
    numerator = rng.randint(denominator // 3, denominator)
    return numerator, denominator, f"{100 * numerator / denominator:.1f}%"


def _nurse_line(rng):
    """A clinic's published line: UK, US, Canadian, Irish or Australian, in the local form."""
    return rng.choice([
        f"0113 392 {rng.randint(1000, 9999)}", f"020 3{rng.randint(100, 999)} {rng.randint(1000, 9999)}",
        f"(617) 355-{rng.randint(1000, 9999)}", f"1-800-{rng.randint(200, 999)}-{rng.randint(1000, 9999)}",
        f"(416) 813-{rng.randint(1000, 9999)}", f"(01) 409 {rng.randint(1000, 9999)}",
        f"(03) 9345 {rng.randint(1000, 9999)}", f"0300 {rng.randint(100, 999)} {rng.randint(1000, 9999)}",
    ])


def add_contacts(doc, rng, clinic):
    """The clinic's nurse line and the team's shared mailbox, as a handout or protocol gives them."""
    line = _nurse_line(rng)
    doc.add_check(
        rng.choice([
            f"Questions? Ring the {clinic} nurse line on {line} (Monday to Friday, 9am to 5pm).",
            f"Nurse advice line: {line}. Out of hours, call the ward.",
            f"If you are worried, call the clinic on {line}; in an emergency call 999 or 911.",
        ]),
        "phone-number", line, "nurse-line",
    )
    if rng.random() < 0.7:
        mailbox = f"{rng.choice(TEAM_MAILBOXES)}@{rng.choice(ORG_DOMAINS)}"
        doc.add_check(
            rng.choice([
                f"Non-urgent questions: {mailbox} (answered within 2 working days).",
                f"Email the team at {mailbox} to change an appointment.",
                f"Send feedback on this handout to {mailbox}.",
            ]),
            "email-address", mailbox, "team-mailbox",
        )


def trap(rng):
    """One sentence full of numbers (or names of staff) that identify nobody."""
    condition, icd, snomed = rng.choice(CONDITIONS)
    n, d, pct = _share(rng)
    staff = rng.choice(STAFF)
    r = rng.randint
    return rng.choice([
        lambda: f"Evidence: see doi:{rng.choice(DOIS)} and https://doi.org/{rng.choice(DOIS)}.",
        lambda: f"Population: children with {condition} (ICD-10 {icd}; SNOMED CT {snomed}).",
        lambda: f"Registered trial {rng.choice(TRIALS)} informed the change ideas in version {r(1, 4)}.{r(0, 9)}.",
        lambda: f"Dose: {rng.choice(MEDICINES)}.",
        lambda: f"Target {rng.choice(LABS)}; {n} of {d} patients ({pct}) met it in {rng.choice(MONTHS)}.",
        lambda: f"Pre-visit planning was done for {n} of {d} visits ({pct}), up from {r(20, 60)}% at baseline.",
        lambda: f"Next huddle: {rng.choice(WEEKDAYS)} {_date(rng)}, 08:15-08:30, room {r(1, 6)}.{r(10, 40)}.",
        lambda: f"Review date {_numeric_date(rng)}; owner {staff} ({rng.choice(ROLES)}).",
        lambda: f"Langley GJ, Moen RD, Nolan KM, et al. The Improvement Guide. 2nd ed. 2009, "
        f"pp. {r(80, 300)}-{r(301, 400)}.",
        lambda: f"Median {r(40, 70)}% over the first {r(12, 20)} weeks; {r(6, 9)} points in a row above it is a shift.",
        lambda: f"Version {r(1, 5)}.{r(0, 9)}.{r(0, 9)}, approved {_date(rng)} by the clinical governance group.",
        lambda: f"Eligible: children born on or after 1 September {r(2005, 2012)} with {condition}.",
        lambda: f"Ask for Dr {rng.choice(SURNAMES)} or bleep {r(2000, 2999)} for a second opinion.",
        lambda: f"Lab values: {rng.choice(LABS)}, {rng.choice(LABS)}, {rng.choice(LABS)}.",
        lambda: f"Age bands 0-4, 5-9, 10-14 and 15-18; {r(3, 12)} patients are 90 or older in the adult cohort.",
        lambda: f"Call volumes: {r(120, 480)} calls in {rng.choice(MONTHS)}, {r(10, 40)}% after 5pm, "
        f"median wait {r(2, 9)} min.",
        lambda: "Blank fields on the form: Patient name: ____________  MRN: __________  DOB: __/__/____",
        lambda: "Fill in: NHS number [          ]   Date of birth (dd/mm/yyyy) __/__/____",
        lambda: "Enter the SSN as 123-45-6789 (example) and the MRN as 8 digits, e.g. 12345678.",
        lambda: f"Thanks to {staff} and the Family Advisory Council for testing the wording with {r(5, 20)} families.",
        lambda: f"Catchment: postcode districts LS6, LS7 and LS16; {r(200, 900)} registered children.",
        lambda: f"HbA1c fell from {r(64, 75)} to {r(55, 63)} mmol/mol (p = 0.0{r(1, 4)}, n = {d}).",
        lambda: "Weight 32.4 kg, height 138.2 cm (0.4th-99.6th centile charts, RCPCH 2013).",
        lambda: f"Kit: lancets 0.3 mm, strips lot 4471-{r(10, 99)}, expiry 03/{r(2026, 2028)}.",
        lambda: f"Further reading: ISBN 978-1-{r(1000, 9999)}-{r(1000, 9999)}-{r(0, 9)}; "
        f"PMID {r(30000000, 39999999)}; PMCID PMC{r(7000000, 9999999)}.",
        lambda: f"Outcome coded with SNOMED CT {rng.choice(['999000011000000103', '1187155004', '892541000000102'])} "
        "(UK extension), reported quarterly.",
        lambda: f"Audit window {_numeric_date(rng)} to {_numeric_date(rng)}; extract run at 2025-07-01 06:00 UTC.",
        lambda: f"Teams meeting ID: {r(100, 999)} {r(100, 999)} {r(100, 999)} {r(100, 999)}, passcode Hq{r(10, 99)}xZ.",
        lambda: f"Registered charity no. {r(1000000, 1199999)}; company no. 0{r(1000000, 9999999)}.",
        lambda: f"Signed off by Dr {staff}, GMC {r(4000000, 7999999)}, on {_date(rng)}.",
        lambda: f"Cost centre {r(1000, 9999)}-{r(100, 999)}; ODS code RR{r(1, 9)}; pump model MMT-{r(1700, 1799)}K.",
    ])()


def _run_chart(rng, weeks):
    median = rng.randint(45, 70)
    rows = []
    for week in range(1, weeks + 1):
        d = rng.randint(30, 60)
        n = min(d, max(0, int(d * (median + rng.randint(-15, 25)) / 100)))
        rows.append([f"Week {week}", str(n), str(d), f"{100 * n / d:.1f}%", f"{median}%", ""])
    return Table("Run chart", ["Week", "Numerator", "Denominator", "Percent", "Median", "Notes"], rows)


def _annotate(rng, table, count=2):
    """Staff notes in a table's Notes column, as teams write them on a run chart."""
    notes = [
        "PDSA 2 started", "new template live", "locum week", "bank holiday", "half term",
        f"{rng.choice(STAFF)} on leave", "EHR downtime 2 h", "data checked by analyst", "change idea 3 tested",
    ]
    for row in rng.sample(table.rows, min(count, len(table.rows))):
        row[-1] = rng.choice(notes)


# -- the documents ---------------------------------------------------------------------------------


def previsit_checklist(rng):
    condition, icd, _ = rng.choice(CONDITIONS)
    clinic = rng.choice(CLINICS)
    doc = Doc("checklist", f"Pre-visit planning checklist - {condition} (v{rng.randint(1, 4)}.{rng.randint(0, 9)})")
    doc.add(
        f"Use this checklist 3 working days before each {condition} visit at {clinic}.",
        "Patient name: ____________________   MRN: ______________   DOB: __/__/____",
        f"1. Check the last {rng.randint(2, 4)} results: {rng.choice(LABS)}; {rng.choice(LABS)}.",
        f"2. Confirm vaccines are up to date (ICD-10 {icd} coded on the problem list).",
        "3. Send the pre-visit questionnaire by text 48 hours before.",
        f"4. Flag anyone with {rng.randint(2, 3)} or more missed visits in 12 months to the huddle.",
        trap(rng),
    )
    table = Table("Checklist", ["Step", "Owner", "Done (Y/N)", "Notes"],
                  [[f"Step {i}", rng.choice(ROLES), "", ""] for i in range(1, rng.randint(6, 10))])
    _annotate(rng, table, 1)
    doc.add(table, trap(rng), f"Author: {rng.choice(STAFF)}, {rng.choice(ROLES)}. Review {_date(rng)}.")
    if rng.random() < 0.4:
        add_contacts(doc, rng, clinic)
    return doc


def huddle_notes(rng):
    staff = _staff(rng, 4)
    doc = Doc("huddle", f"Daily huddle notes - {rng.choice(WEEKDAYS)} {_date(rng)}")
    doc.add(
        f"Present: Dr {staff[0]} (chair), {staff[1]}, {staff[2]} ({rng.choice(ROLES)}), {staff[3]}.",
        f"Clinic list: {rng.randint(12, 30)} booked, {rng.randint(0, 4)} cancellations, "
        f"{rng.randint(0, 3)} interpreters needed.",
        trap(rng),
        f"Safety: {rng.randint(0, 2)} incidents reported last week; "
        f"one Datix (ref {rng.randint(100000, 999999)}) closed.",
        trap(rng),
        f"Actions: {staff[1]} to chase the overdue bloods list; "
        f"{staff[3]} to update the board by {rng.choice(WEEKDAYS)}.",
    )
    for _ in range(rng.randint(2, 10)):
        doc.add(trap(rng))
    return doc


def population_report(rng):
    condition, icd, snomed = rng.choice(CONDITIONS)
    month = rng.choice(MONTHS)
    doc = Doc("population", f"Population report - {condition}, {month} {rng.randint(2024, 2026)}")
    n, d, pct = _share(rng)
    doc.add(
        f"Registry extract run {_numeric_date(rng)} (query version {rng.randint(1, 9)}.{rng.randint(0, 20)}); "
        f"cohort: ICD-10 {icd} or SNOMED CT {snomed}, active in the last 15 months.",
        f"{d} patients; {n} ({pct}) seen in the last 6 months.",
    )
    rows = []
    for band in ("0-4", "5-9", "10-14", "15-18"):
        total = rng.randint(20, 120)
        flagged = rng.randint(0, total // 2)
        rows.append([band, str(total), str(flagged), f"{100 * flagged / total:.1f}%", ""])
    table = Table("By age band", ["Age band", "Patients", "Any flag", "Percent", "Notes"], rows)
    _annotate(rng, table, 1)
    doc.add(table, trap(rng))
    doc.add(_run_chart(rng, rng.randint(8, 26)))
    _annotate(rng, doc.blocks[-1], 2)
    for _ in range(rng.randint(1, 4)):
        doc.add(trap(rng))
    doc.add(f"Prepared by {rng.choice(STAFF)}, data analyst. Figures are counts, not people.")
    return doc


def family_handout(rng):
    condition, _, _ = rng.choice(CONDITIONS)
    clinic = rng.choice(CLINICS)
    topic = rng.choice(["sick days", "starting school", "clinic visits", "your first month"])
    doc = Doc("handout", f"For families: {condition} - {topic}")
    doc.add(
        f"This leaflet is for families of children with {condition} seen at {clinic}.",
        f"Before the visit: write down your questions and bring the "
        f"{rng.choice(['meter', 'inhalers', 'medicines', 'diary'])}.",
        f"Medicine doses are set by your team: for example {rng.choice(MEDICINES)}.",
        f"When to call: if your child is drowsy, vomits more than {rng.randint(2, 3)} times, "
        f"or a reading is above {rng.randint(14, 20)} mmol/L.",
        trap(rng),
    )
    add_contacts(doc, rng, clinic)
    doc.add(
        f"Written with the Family Advisory Council; leaflet version {rng.randint(1, 5)}.{rng.randint(0, 9)}, "
        f"{rng.choice(MONTHS)} {rng.randint(2024, 2026)}."
    )
    return doc


def protocol(rng):
    condition, icd, snomed = rng.choice(CONDITIONS)
    topic = rng.choice(["first 24 hours", "annual review", "transition", "escalation"])
    doc = Doc("protocol", f"Protocol: {condition} - {topic}")
    doc.add(
        f"Scope: children and young people aged 0-18 with {condition} (ICD-10 {icd}; SNOMED CT {snomed}).",
        f"Effective {_date(rng)}; next review {_date(rng, 2027)}. Version {rng.randint(1, 6)}.{rng.randint(0, 9)}.",
    )
    for step in range(1, rng.randint(4, 9)):
        doc.add(f"Step {step}. {trap(rng)}")
    doc.add(
        f"Evidence: {rng.choice(TRIALS)}; doi:{rng.choice(DOIS)}; doi:{rng.choice(DOIS)}.",
        f"Approved by Dr {rng.choice(STAFF)} and {rng.choice(STAFF)} ({rng.choice(ROLES)}).",
    )
    if rng.random() < 0.5:
        add_contacts(doc, rng, rng.choice(CLINICS))
    return doc


def meeting_minutes(rng):
    staff = _staff(rng, 5)
    doc = Doc("minutes", f"Improvement team meeting - minutes, {_date(rng)}")
    doc.add(
        f"Present: {', '.join(staff[:4])}. Apologies: {staff[4]}.",
        f"1. Minutes of the meeting on {_numeric_date(rng)} agreed.",
        f"2. Data: {trap(rng)}",
        f"3. {trap(rng)}",
        f"4. Any other business: the network's learning session is on {_date(rng)} "
        f"(registration code LS-{rng.randint(10, 99)}).",
    )
    actions = Table("Actions", ["No.", "Action", "Owner", "Due", "Notes"], [
        [str(i), rng.choice(["update run chart", "test new script", "draft family leaflet", "audit 20 charts",
                             "share PDSA 3 results"]), rng.choice(staff), _numeric_date(rng), ""]
        for i in range(1, rng.randint(4, 8))
    ])
    _annotate(rng, actions, 1)
    doc.add(actions, f"Signed: {staff[0]} (chair), {_date(rng)}")
    if rng.random() < 0.3:
        add_contacts(doc, rng, rng.choice(CLINICS))
    return doc


def pdsa_cycle(rng):
    n, d, pct = _share(rng)
    topic = rng.choice(["text reminders", "pre-visit huddle", "spacer teaching", "sick-day plan"])
    doc = Doc("pdsa", f"PDSA cycle {rng.randint(1, 6)}: {topic}")
    doc.add(
        f"Plan: test with {rng.randint(3, 10)} families over {rng.randint(1, 3)} weeks; "
        f"predict {rng.randint(50, 80)}% will respond.",
        f"Do: ran {_date(rng)} to {_date(rng)}; {trap(rng)}",
        f"Study: {n} of {d} ({pct}) responded. {trap(rng)}",
        f"Act: adapt; next cycle to add a second reminder at {rng.randint(24, 72)} hours.",
    )
    chart = _run_chart(rng, rng.randint(6, 16))
    _annotate(rng, chart, 2)
    doc.add(chart, f"Team: {', '.join(_staff(rng, 3))}. Coach: {rng.choice(STAFF)}.")
    return doc


DOC_TYPES = {
    "checklist": previsit_checklist,
    "huddle": huddle_notes,
    "population": population_report,
    "handout": family_handout,
    "protocol": protocol,
    "minutes": meeting_minutes,
    "pdsa": pdsa_cycle,
}


def build(doc_type, rng):
    return DOC_TYPES[doc_type](rng)
