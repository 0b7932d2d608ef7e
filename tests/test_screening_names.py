"""Names of patients and relatives in sentences (resources/screening/names.py), through the real
screening (``screen_text``, ``scan_parts``): names and phrasings of our own, none from the
development set's word lists or templates, and staff, organisation and citation sentences that
must never stop anyone.

No database; the analyzer is built once per process (~2 s).
"""

import pytest

from resources.screening import screen_text
from resources.screening.names import find_names, given_names
from resources.screening.phi import scan_parts

# (sentence, the name that must come out masked)
PATIENTS = [
    ("Jamie Rowntree was admitted on Tuesday with a chest infection.", "Rowntree"),
    ("Kwabena Asante did not attend his last two appointments.", "Asante"),
    ("We phoned Lucy Hargreaves after the missed bloods.", "Hargreaves"),
    ("Rang Tomasz Zielinski's mum to move the appointment to Friday.", "Zielinski"),
    ("Mohammed, 15 months old, was weighed at the drop-in.", "Mohammed"),
    ("The 7-year-old - Ellie Fairbairn - had two hypos overnight.", "Fairbairn"),
    ("Follow-up for Oscar Lindholm is in the transition clinic.", "Lindholm"),
    ("Siddharth Rao's HbA1c has come down to 54 mmol/mol.", "Rao"),
    ("Discharged home: Maya Goldberg, with a written asthma plan.", "Goldberg"),
    ("Master Pryce, 6, needs a new spacer before school starts.", "Pryce"),
    # Not in the lexicon: found on a strong cue because it is two capitalised words.
    ("We called Xochitl Quiroga-Ybarra twice about the pump download.", "Quiroga"),
]
RELATIVES = [
    ("Her stepdad, Gareth Pryce, is happy to do the overnight checks.", "Pryce"),
    ("Aisha Bello (mum) asked for the letter in Hausa.", "Bello"),
    ("Grandma Rosa Esposito collects her from school on Wednesdays.", "Esposito"),
    ("Seen with dad (Pawel Nowak), who translated for the family.", "Nowak"),
    ("Mrs Adebayo (the girl's grandmother) will bring the pump to clinic.", "Adebayo"),
]
# Each must raise no name finding.
STAFF_AND_PLACES = [
    "Present: Fiona Gallacher (chair), Rahul Mehta, Joanne Pike (dietitian), Sam Oduya.",
    "Apologies: Kirsty Bell. Minutes taken by Grace Oduya.",
    "Author: Daniel Kerr, clinical nurse specialist. Next review March 2027.",
    "Prepared by Hannah Yoon, data analyst, for the diabetes network.",
    "Signed: Gregor Lind (clinical lead), 4 June 2025",
    "Dr Olivia Brandt discussed the pump settings with the team.",
    "Nurse specialist Fatima Noor ran the spacer teaching session for families.",
    "Thanks to Ruth Abara and the parent advisory group for testing the leaflet with families.",
    "Langley GJ, Moen RD, Nolan KM, Nolan TW, Norman CL, Provost LP. The Improvement Guide. 2009.",
    "Smith J, Jones K, Patel R. Reducing admissions for asthma in children. BMJ Qual Saf 2020.",
    "Referrals go to St Mary's Hospital children's ward or to Riverside Clinic.",
    "Actions: Owen Price to chase the overdue bloods list by Friday; Lena Voss to update the board.",
    "Coach: Leah Martins. Team: Ben Ashworth, Carla Ruiz.",
    "We presented the run chart at Alder Hey Children's Hospital and Great Ormond Street.",
    "Review date 01/09/2026; owner Priti Shah (pharmacist).",
    "Mary Seacole Ward piloted the new discharge checklist with 40 families.",
    "Jo Baxter, parent partner, co-designed the sick-day plan with families.",
    "Ask for Dr Castillo or Nurse Imogen Reyes if a child is drowsy.",
    "With thanks to the Florence Nightingale Foundation for funding the transition work.",
    "Edited by Marcus Webb; reviewed by Anita Desai (consultant paediatrician).",
    "Emma Lowe led the clinic redesign and presented the data to the board.",
    "Contact the transition coordinator, Peter Olsen, through the team mailbox.",
    "Patient Experience Team: Maria Lopez, Sunil Gupta.",
    "Daniel Kerr on leave; clinic covered by the registrar.",
    "The Patient Reported Outcome Measures were sent to 120 families in March.",
    "Adapted by Jonah Price and Yusuf Ali with the Patient and Family Advisory Council.",
    "Questions go to the day-case infusion unit (Claire Dubois) or the IBD nurses.",
]


def _name_findings(text):
    return [f for f in screen_text(text, "body") if f.kind == "patient-name"]


@pytest.mark.parametrize(("sentence", "name"), PATIENTS + RELATIVES)
def test_a_patients_or_relatives_name_in_a_sentence_is_found_and_masked(sentence, name):
    findings = _name_findings(sentence)
    assert findings, sentence
    assert all(name not in f.masked for f in findings)  # the name is never quoted in clear
    assert any(f"{name[0]}{'*' * (len(name) - 1)}" in f.masked for f in findings)


@pytest.mark.parametrize("sentence", STAFF_AND_PLACES)
def test_staff_organisations_and_citations_raise_no_name(sentence):
    assert _name_findings(sentence) == []


def test_a_name_in_a_tables_notes_column_is_found_but_a_staff_note_is_not():
    parts = [
        ("table 2 row 1", "Week | Numerator | Denominator | Notes"),
        ("table 2 row 2", "Week 3 | 31 | 40 | Rang Ifeoma Chukwu, left a voicemail"),
        ("table 2 row 3", "Week 4 | 28 | 40 | Tom Hardacre on leave"),
        ("table 2 row 4", "Week 5 | 30 | 40 | PDSA 2 started"),
    ]
    findings = [f for f in scan_parts(parts, "run-chart.xlsx") if f.kind == "patient-name"]
    assert [f.location for f in findings] == ["table 2 row 2"]
    assert "Chukwu" not in findings[0].masked


def test_a_patient_tables_name_column_is_still_found():
    parts = [
        ("sheet Clinic list row 1", "Name | DOB | Notes"),
        ("sheet Clinic list row 2", "Harriet Moss | 02/05/2016 | spacer given"),
    ]
    kinds = {f.kind for f in scan_parts(parts, "clinic-list.xlsx")}
    assert {"patient-name", "date-of-birth"} <= kinds


def test_a_name_given_as_staff_anywhere_in_the_text_is_staff_throughout():
    text = "Present: Tomas Becker, Ana Ruiz.\n\nAna Ruiz reviewed the pump downloads with the families."
    assert find_names(text) == []


def test_a_name_wrapped_across_two_lines_of_a_pdf_is_found_whole():
    text = "Spoke with the grandad (Wiremu\nTakerei) about the sick-day rules."
    [match] = find_names(text)
    assert text[match.start : match.end] == "Wiremu\nTakerei"


def test_the_lexicon_is_large_multicultural_and_holds_no_field_words():
    names = given_names()
    assert len(names) > 15_000
    assert {"kwame", "siobhan", "priya", "mateo", "ngozi", "kenji", "fatima"} <= names
    assert not {"patient", "clinic", "nurse", "present", "team", "review"} & names


@pytest.mark.parametrize(
    "text",
    [
        "Oliver (12) was admitted on 3 March with a flare.",
        "Oliver, 12, was admitted on 3 March.",
        "Zainab, 7, missed two appointments in a row.",
    ],
)
def test_a_name_with_a_bare_age_is_a_childs(text):
    assert [finding.kind for finding in screen_text(text, "summary")] == ["patient-name"]


def test_a_name_column_beside_clinical_columns_is_a_list_of_patients():
    registry = [
        ("row 1", "Name | Age | Last visit | HbA1c"),
        ("row 2", "Oliver Grant | 12 | 03/03/2025 | 58"),
        ("row 3", "Amira Haddad | 15 | 12/02/2025 | 71"),
    ]
    assert [finding.location for finding in scan_parts(registry, "registry.csv")] == ["row 2", "row 3"]
    # The same names in a staff list (a Role column) or an age-band count are nobody's identifiers.
    staff = [("row 1", "Name | Role | Last visit"), ("row 2", "Oliver Grant | Nurse specialist | 03/03/2025")]
    assert scan_parts(staff, "staff.csv") == []
    bands = [("row 1", "Age | Patients | HbA1c median"), ("row 2", "12 | 40 | 58")]
    assert scan_parts(bands, "bands.csv") == []
