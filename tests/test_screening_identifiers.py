"""Identifiers in their real shapes, and severity (resources/screening/identifiers.py, phones.py,
context.py): sentences written for these tests, in shapes and contexts the development set's
generator does not use, and numbers that must never alarm.

No database; the analyzer is built once per process (~1 s).
"""

import io

import pytest
from django.test import override_settings

from resources.demo.files import make_xlsx
from resources.screening import Finding, screen_file, screen_text
from resources.screening.phones import phone_windows

# (sentence, the kind found, the identifier as written: it must not appear in the masked snippet)
FOUND = [
    ("Pt seen today, MR# 00482913, follow-up in 2/52.", "medical-record-number", "00482913"),
    ("UR number 4839217 (Royal Children's).", "medical-record-number", "4839217"),
    ("Her hospital no. is RXH-448291.", "medical-record-number", "RXH-448291"),
    ("Casenotes for T4829173 requested from medical records.", "medical-record-number", "T4829173"),
    ("Scottish patient, CHI no 150412 1007, moved to Leeds.", "medical-record-number", "150412 1007"),
    ("Unit record number: 7788123", "medical-record-number", "7788123"),
    ("Mobile for mum is 07911 123456.", "phone-number", "07911 123456"),
    ("Dad's cell: 415.555.0199", "phone-number", "415.555.0199"),
    ("NZ number for the family: 021 345 6789", "phone-number", "021 345 6789"),
    ("Call grandma on +33 6 12 34 56 78 while she is in France.", "phone-number", "+33 6 12 34 56 78"),
    ("His Indian number +91 98765 43210 is on WhatsApp.", "phone-number", "+91 98765 43210"),
    ("Home: (02) 9876 5432", "phone-number", "(02) 9876 5432"),
    ("Grandad's mobile 07700 900461, not the clinic.", "phone-number", "07700 900461"),
    ("Great-grandfather (101 years old) lives with them.", "age-over-89", "101"),
    ("Patient is a 96yo male with CKD.", "age-over-89", "96yo"),
    ("Age (years): 104", "age-over-89", "104"),
    ("The 97 year old grandmother does the school run.", "age-over-89", "97 year"),
    ("He came with his grandmother, who is 91, and his sister.", "age-over-89", "91"),
    ("She turned 95 in May and still helps with his injections.", "age-over-89", "95"),
    ("Omnipod PDM serial number: PDM4829173X", "device-serial-number", "PDM4829173X"),
    ("Cochlear implant S/N 48-29173-C", "device-serial-number", "48-29173"),
    ("Hearing aid device serial: HA7734921", "device-serial-number", "HA7734921"),
    ("Medi-Cal ID 94827163A", "insurance-number", "94827163A"),
    ("Subscriber ID: XJH884729301", "insurance-number", "XJH884729301"),
    ("National Insurance number AB 48 29 17 C", "insurance-number", "48 29 17"),
    ("Health plan ID: UHC-448291734", "insurance-number", "UHC-448291734"),
    ("They moved to 4/12 Kingfisher Parade, Manly NSW 2095.", "postal-address", "Kingfisher"),
    ("Replies to Locked Bag 2012 please.", "postal-address", "2012"),
    ("Eircode: A65 F4E2", "postal-address", "A65 F4E2"),
    ("The family live near Cork, T12 X5R8, since May.", "postal-address", "T12 X5R8"),
    ("D.O.B 2013/06/14", "date-of-birth", "06/14"),
    ("DOB: 14.6.13", "date-of-birth", "14.6.13"),
    ("Date of birth: 3rd of March, 2015", "date-of-birth", "March"),
    ("born on the 14th of June 2013", "date-of-birth", "June"),
    ("DOB 14062013", "date-of-birth", "14062013"),
    ("social security no. 512-48-7391", "us-social-security-number", "512-48-7391"),
    ("SSN: 512 48 7391", "us-social-security-number", "512 48 7391"),
]

NOT_IDENTIFIERS = [
    "ICD-10 codes E10.9 and J45.909; SNOMED 44054006.",
    "See NCT04567890 and ISRCTN48291035; ACTRN12619000123456.",
    "EudraCT 2019-001234-56 approved.",
    "doi:10.1016/S0140-6736(22)01422-5",
    "ISBN 978-0-19-882744-2",
    "Version 3.2.1 released 2025-03-14 09:30.",
    "Data extract run 14/03/2025 08:15:22 by the analyst.",
    "Extract timestamp 2025-07-01T06:00:00Z",
    "Teams meeting ID: 381 442 917 605 Passcode: a7Bc",
    "Zoom meeting ID 845 2291 7736",
    "Registered charity number 1104829; company number 05829173.",
    "GMC 7048291, NMC 12A3456E",
    "MRN: ______ DOB: __/__/____ NHS no: [          ]",
    "Write the MRN like this, e.g. 48291730.",
    "NHS number 943 476 5919 (example) goes in box 3.",
    "Aged 90 and over: 14 patients; patients aged 95+ get a home visit.",
    "Age groups 90-94 and 95-99 were merged; median age 91 in the heart failure clinic.",
    "The 100-year-old hospital celebrated its centenary.",
    "in her 90s and still driving",
    "Call 999 or 911 in an emergency; NHS 111 out of hours.",
    "Lot 4471-23, expiry 03/2027",
    "Temperature 38.5 C, RR 24, HR 130, SpO2 94%",
    "Patient flow improved from 2019-2020 to 2021-2022.",
    "Chart 3 shows the median; record 12 of 40 was audited.",
    "Serial measurements of HbA1c every 3 months.",
    "Policy number HR-2019-0042 (Trust consent policy) applies.",
    "Bleep 2291 or ext. 44829.",
    "ORCID 0000-0002-1825-0097",
    "SNOMED CT 1187155004 and 999000011000000103",
    "Children born 1 September 2008 or later were eligible.",
    "Insulin pump model MMT-1780K, firmware 4.2.1; 48 pumps on loan.",
    "Approved 12.03.2025 by the committee; next review 12.03.2027.",
    "PMID 34567890, PMCID PMC7483921",
    "Table 2: 1,204 calls, 13,405 texts, 96 complaints.",
    "Cohort of 1,048,291 people; 95% CI 0.82-0.97.",
    "Medicare 2024 rule changes; Medicaid expansion states.",
]

# (sentence, severity): whose a contact detail most likely is
SEVERITY = [
    ("Clinic reception: 0113 392 1234", "check"),
    ("Out-of-hours line 020 3456 7890", "check"),
    ("Freephone 0800 123 4567", "check"),
    ("Book via 0300 123 4567 on weekdays.", "check"),  # a UK "03" number is only ever a service's
    ("Questions: 0113 392 7781 (diabetes nurses, Monday to Friday).", "check"),
    ("For parents: the PALS office is on 0117 342 0000.", "check"),
    ("Dial-in: +44 20 3481 0000 conference ID 482 913 774#", "check"),
    ("Email appointments@northgate.nhs.uk for a new date.", "check"),
    ("Write to improvement@harbourview.org.", "check"),
    ("Team mailbox riversideclinic@gmail.com", "check"),
    ("Contact Dr Lin at grace.lin@lakeshore-cf.ca about the audit.", "check"),
    ("ring mum on 0113 496 0721 after 6.", "block"),
    ("The team rang 07700 900123 twice last week.", "block"),  # the team calls: not its number
    ("Mum's email: jane.doe@nhs.net", "block"),
    ("Send the clinic letter to amira.okafor@gmail.com", "block"),
    ("Call back on 0161 496 0381 about the missed bloods.", "block"),
]


@pytest.mark.parametrize("text, kind, identifier", FOUND)
def test_identifier_in_its_real_shape_is_found_and_masked(text, kind, identifier):
    findings = screen_text(text, "body")
    assert [f.kind for f in findings] == [kind]
    assert identifier not in findings[0].masked
    assert findings[0].severity == "block"


@pytest.mark.parametrize("text", NOT_IDENTIFIERS)
def test_numbers_that_identify_nobody_raise_nothing(text):
    assert screen_text(text, "body") == []


@pytest.mark.parametrize("text, severity", SEVERITY)
def test_an_organisations_contact_detail_is_check_a_persons_is_block(text, severity):
    findings = screen_text(text, "body")
    assert [(f.kind in ("phone-number", "email-address"), f.severity) for f in findings] == [(True, severity)]


def test_check_findings_say_they_do_not_stop_the_contribution():
    finding = screen_text("Nurse advice line: 0113 392 1234.", "body")[0]
    assert finding.severity == "check" and "does not stop" in finding.message
    assert finding.as_dict()["severity"] == "check"


def test_findings_made_without_a_severity_still_block():
    finding = Finding("a.pdf", "phone-number", "page 1", "****", "...")
    assert finding.severity == "block" and finding.as_dict()["severity"] == "block"


@override_settings(SCREENING_ALLOWED_EMAIL_DOMAINS=["ournetwork.net"])
def test_an_allowed_domain_is_shown_as_check():
    assert [f.severity for f in screen_text("Write to jo.bloggs@ournetwork.net", "body")] == ["check"]


def test_ages_over_89_in_a_patient_table_but_not_in_a_count_by_age():
    patients = ["MRN | Age | Ward", "40392871 | 12 | 4", "50293847 | 95 | 7"]
    kinds = [(f.kind, f.location) for f in screen_file(io.BytesIO(make_xlsx("List", patients)), "list.xlsx")]
    assert ("age-over-89", "sheet List row 3") in kinds and ("age-over-89", "sheet List row 2") not in kinds
    counts = ["Age | Patients", "89 | 14", "90 | 11", "95 | 3"]
    assert screen_file(io.BytesIO(make_xlsx("Ages", counts)), "ages.xlsx") == []


def test_the_phone_prefilter_skips_dates_and_short_runs():
    text = "Run 2025-07-01 06:00; 12/03/2025 10:15; HbA1c 58; call 0113 496 0721."
    assert [text[s:e].strip(" .;") for s, e in phone_windows(text)] == ["0113 496 0721"]
