"""Protected health information (PHI) in text, found with regular expressions and libphonenumber, fully offline.

    scan_parts(parts, file_label) -> list[Finding]     # parts: [(location, text)], as resources.files.extract gives
    detect(text) -> list[Detection]                    # one text, offsets into it

What is looked for, and how
---------------------------
Our own engine (``engine.py``) runs every recognizer over the text; ``detect`` keeps the results
scoring at least ``DEFAULT_THRESHOLD`` and, where two claim overlapping text, the higher score.
No language model and no tokenizer: no names or places come from NLP, and nothing is downloaded.
So:

* Our own recognizers (``CueRecognizer``) carry their context *inside* the pattern: a cue such as
  "MRN", "DOB" or "Patient:" must come right before the value (a colon, "#", "is", a line break or a
  short bracketed note like "(dd/mm/yyyy)" may sit between). Only the value is reported, so
  "MRN: 12345678" is masked as "MRN: ******78". Blank form fields ("Name: ______") have no value,
  and generic words ("Patient name") no cue-plus-value, so neither is a finding.
* Identifiers in their other shapes are ``identifiers.py``'s CueRecognizers, some of which look
  for words *near* a distinctive value rather than right before it; phone numbers are
  ``phones.py``'s recognizer (Google's libphonenumber rules via ``phonenumbers``, no network).
* E-mail addresses (their domain checked against tldextract's bundled suffix list, never
  fetched), US social security numbers, UK postcodes and Canadian postal codes are ``standard.py``'s
  recognizers, which follow the rules of Presidio's recognizers of the same names. Their context
  words are matched by the engine: whole words in the 60 characters before a match (same part of
  the file), which raise a weak match (a bare 9-digit number, a postcode) above the reporting
  threshold. Phone numbers, e-mail addresses and dashed SSNs are reported without context.
* Whatever its shape, a match is dropped when it is a format example ("e.g. 12345678", "(example)")
  or follows a label of a reference or code (ISBN, PMID, NCT, GMC, charity no., meeting ID, lot,
  ...): ``context.not_an_identifier``. Each finding gets a severity (``context.severity``): "check"
  for a phone number or e-mail address that is most likely an organisation's, "block" otherwise.

Kinds (``findings.KINDS``) and their rules:

=========================== ===============================================================
medical-record-number       "MRN", "MR#", "medical/health record (number)", "hospital/hosp no",
                            "patient ID/number/ref", "unit (record) number", "UR number", "URN",
                            "case/chart/record number", "EHR ID" + 6-12 digits with up to four
                            letters first, one or two after, spaces, dashes or slashes between
                            ("ABC-1234567", "A-123-4567", "K123456B"); "chart", "record", "case"
                            alone + a value with letters or 7+ digits; an ID with letters and 6+
                            digits near "chart", "record(s)", "notes", "MRN", "EHR" (not NCT, PMC,
                            ...); "NHS (number)" + 10 digits and "CHI (number)" + 10 digits (DDMMYY
                            first) passing the modulus-11 check. Placeholders (one repeated digit,
                            a straight run such as 1234567, XXXXXX), dates and year spans are not.
date-of-birth               "DOB", "D.O.B.", "date of birth", "birth date", "birthday", "born (on|in)"
                            + a date: 12/03/2014, 12-3-14, 12.03.2014, 2014-03-12, 2014/03/12, 12
                            March 2014, 12th of March, 2014, 12-Mar-2014, March 12(th), 2014, March
                            2014, 03/2014, 12032014. The date must be a possible calendar date and
                            not start a range ("born 1 September 2008 or later").
age-over-89                 90-119 after "age(d)" ("aged 93", "Age: 95", "(age 97)") or before
                            "year(s) old", "y/o", "yo", "years of age" ("92-year-old", "91 y/o"),
                            or said of a person ("who is 91", "she turned 95"); not a band
                            ("aged 90 or over", "90+", "90-94"), a summary ("median age 91") or
                            the age of a thing ("100-year-old hospital").
phone-number                ``phones.py``: libphonenumber-valid numbers of ``SCREENING_PHONE_REGIONS``
                            (default US, GB, CA, AU, IE, NZ) or in "+" form of any country, and
                            possible numbers written in their region's own grouping (07700 900123).
email-address               ``standard.EmailRecognizer``; example.com/.org/.net, *.example, *.test,
                            *.invalid (reserved for examples) are not findings.
postal-address              house number (or "4/12") + 1-4 capitalised words + Street/St/Road/...
                            /Highway/Parade/Quay/Row/Walk/...; with its town and a state and
                            postcode or a UK postcode or Eircode, reported whole; "PO Box 123",
                            "Locked Bag", "GPO Box"; a US state code + ZIP ("MA 02115") or "ZIP
                            (code)" + ZIP; ZIP+4 near an address word or state; full UK postcodes
                            ("LS6 2QD") anywhere; Australian state + postcode in that state's range
                            ("NSW 2150"); Eircodes after "Eircode", or near an Irish or address
                            word; UK and Canadian postal codes near an address word.
us-social-security-number   ``standard.UsSsnRecognizer``: 123-45-6789 style always; after "SSN",
                            "SS#", "social security (no)" any layout passing the SSA's rules.
device-serial-number        "serial (no)", "S/N", "SN", "device ID/serial", "UDI", "IMEI" + a
                            code with 2+ digits, near a device word (pump, CGM, transmitter,
                            pacemaker, nebuliser, implant, ...).
insurance-number            "Medicaid/Medicare/Medi-Cal (card/MBI) (ID)", "MBI", "member/subscriber
                            ID", "insurance/health plan (policy) number", "National Insurance
                            number", "IHI", "PPSN", "SIN" + a code with 4+ digits; "policy number"
                            only near an insurance word.
patient-name                Two or three capitalised words (a middle initial allowed, or
                            "Surname, First") right after "Patient:", "Patient name:", "Child:",
                            "Child's name:", "Name of patient:", "Parent/guardian:", "Mother:",
                            "Father:", "Carer:", "Next of kin:" anywhere, or "Name:" at the start of
                            a line or cell; one capitalised word after "First name:", "Surname:" ...;
                            "Dear Mr/Mrs/Ms/Miss/Mx/Master" + a surname. Words that label form
                            fields (Date, Hospital, Number, ...) and placeholder names (Demo, Doe,
                            Bloggs, ...) are not names; a "name" followed by ":" is another label.
=========================== ===============================================================

Tables: a spreadsheet sheet, a CSV file or a Word table arrives as rows "a | b | c" whose first row
is the header. When a later row has as many cells as the header, each cell whose header is a PHI
cue is read as "Header: cell", so a "DOB" column's dates or an "MRN" column's numbers are found
although no row repeats the cue. A plain "Name" or "Age" column counts only when the table is
about patients (another column is a patient cue such as DOB, MRN or "Patient"), so a team list of
names and roles is not a finding (``tables.py``). Masks and snippets: ``masking.py``.

Speed: the whole file is analysed in chunks of about 100 KB (one analyzer call per chunk, not per
row), and the engine is built once per process, on first use, behind a lock.
"""

import bisect
import calendar
import re
import threading
from dataclasses import dataclass

from .context import not_an_identifier, severity
from .engine import PART_SEPARATOR, Analyzer, CueRecognizer
from .findings import phi_finding
from .identifiers import KIND_BY_ENTITY as IDENTIFIER_KINDS
from .identifiers import identifier_recognizers
from .masking import masked_text, snippet
from .names import name_recognizers
from .patterns import (
    COLON_GAP,
    DATE,
    DEAR_CUE,
    DOB_CUE,
    FIELD_NAME_CUE,
    FULL_NAME,
    GAP,
    LOWER,
    MRN_CUE,
    MRN_VALUE,
    NAME_CUE,
    NHS_CUE,
    NHS_VALUE,
    NOT_NAMES,
    ONE_NAME,
    PART_NAME_CUE,
    PERSON,
    PO_BOX,
    STREET,
    TOKEN,
    UPPER,
    US_STATE_ZIP,
    US_ZIP_LABEL,
)
from .phones import phone_recognizer
from .standard import standard_recognizers
from .tables import label_rows

DEFAULT_THRESHOLD = 0.5
THRESHOLDS = {"PHONE_NUMBER": 0.4}  # phones.py scores possible numbers 0.6, valid ones 0.7: report them all
CHUNK_CHARS = 100_000
# PART_SEPARATOR (engine.py): parts never hold an empty line, so no pattern spans two parts.

KIND_BY_ENTITY = {
    "MEDICAL_RECORD_NUMBER": "medical-record-number",
    "DATE_OF_BIRTH": "date-of-birth",
    "PHONE_NUMBER": "phone-number",
    "EMAIL_ADDRESS": "email-address",
    "POSTAL_ADDRESS": "postal-address",
    "UK_POSTCODE": "postal-address",
    "CA_POSTAL_CODE": "postal-address",
    "US_SSN": "us-social-security-number",
    "PATIENT_NAME": "patient-name",
    **IDENTIFIER_KINDS,
}

# -- validators ------------------------------------------------------------------------------------


def _digits(value):
    return "".join(char for char in value if char.isdigit())


def _placeholder_number(digits):
    if len(set(digits)) == 1:
        return True
    return digits in "01234567890123456789" or digits in "98765432109876543210"


def _valid_mrn(value, match):
    return 6 <= len(_digits(value)) <= 10 and not _placeholder_number(_digits(value))


def nhs_checksum_ok(value):
    """The NHS number's modulus-11 check (Presidio's NhsRecognizer has the same rule)."""
    digits = _digits(value)
    if len(digits) != 10 or _placeholder_number(digits):
        return False
    total = sum(int(digit) * weight for digit, weight in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    check = 0 if check == 11 else check
    return check != 10 and check == int(digits[9])


_DATE_RANGE_AFTER = re.compile(r"[ \t,]*(?:(?:or|and)[ \t]+(?:later|after|before|earlier)\b|onwards\b|to[ \t]+\d)")


def _possible_date(value, match):
    """A calendar date that starts no range ("born 1 September 2008 or later" is a rule, not a DOB)."""
    if _DATE_RANGE_AFTER.match(match.string, match.end("value")):
        return False
    if re.fullmatch(r"\d{8}", value):  # 20140312 or 12032014
        return _real_date(value[:4], value[4:6], value[6:]) or _real_date(value[4:], value[2:4], value[:2])
    numbers = [int(n) for n in re.findall(r"\d+", value)]
    if re.fullmatch(r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}", value):
        return _real_date(*numbers)
    if re.fullmatch(r"\d{1,2}/\d{4}", value):
        return 1 <= numbers[0] <= 12 and 1890 <= numbers[1] <= 2100
    if re.fullmatch(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}", value):
        first, second, year = numbers
        if len(str(year)) == 3 or (year >= 100 and not 1890 <= year <= 2100):
            return False
        return (1 <= first <= 31 and 1 <= second <= 12) or (1 <= first <= 12 and 1 <= second <= 31)
    years = [n for n in numbers if n >= 1000]
    days = [n for n in numbers if n < 100]
    return all(1890 <= y <= 2100 for y in years) and all(1 <= d <= 31 for d in days)


def _real_date(year, month, day):
    year, month, day = int(year), int(month), int(day)
    return 1890 <= year <= 2100 and 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


def _plausible_name(value, match):
    words = re.findall(rf"[{UPPER}{LOWER}'\u2019-]+", value)
    if any(word.lower().strip("'\u2019") in NOT_NAMES for word in words):
        return False
    following = match.string[match.end("value") : match.end("value") + 3]
    return not re.match(r"[ \t]*[:(]", following)  # "Name: Hospital Number:" is the next label


def _plausible_street(value, match):
    words = re.findall(rf"[{UPPER}][{LOWER}]+", value)
    return not any(word.lower() in NOT_NAMES for word in words[:-1])


# -- the engine ------------------------------------------------------------------------------------

_engine = None
_engine_lock = threading.Lock()


def get_analyzer():
    """The process's ``engine.Analyzer``, built on first use (compiling the patterns and reading the
    names lexicon take a fraction of a second)."""
    global _engine
    if _engine is None:
        with _engine_lock:
            if _engine is None:
                _engine = build_analyzer()
    return _engine


def build_analyzer():
    """Every recognizer of the screening, and only these (no general-purpose date, URL, IP address
    or card recognizers: each would be a false positive in an improvement tool)."""
    return Analyzer(
        [
            *standard_recognizers(),  # e-mail, US SSN, UK and Canadian postcodes (standard.py)
            phone_recognizer(),  # phones.py: libphonenumber, only where a phone number can be
            *cue_recognizers(),
            *identifier_recognizers(),  # record, CHI, SSN, age, device, insurance, addresses
            *name_recognizers(),  # names in sentences, without a label (names.py)
        ]
    )


def cue_recognizers():
    return [
        CueRecognizer("MEDICAL_RECORD_NUMBER", "MedicalRecordNumber", [MRN_CUE + GAP + MRN_VALUE], _valid_mrn),
        CueRecognizer(
            "MEDICAL_RECORD_NUMBER",
            "NhsNumber",
            [NHS_CUE + GAP + NHS_VALUE],
            lambda value, match: nhs_checksum_ok(value),
        ),
        CueRecognizer("DATE_OF_BIRTH", "DateOfBirth", [DOB_CUE + GAP + DATE], _possible_date),
        CueRecognizer(
            "PATIENT_NAME",
            "PatientName",
            [
                NAME_CUE + COLON_GAP + FULL_NAME,
                FIELD_NAME_CUE + COLON_GAP + FULL_NAME,
                rf"\b{PERSON}['\u2019]s[ \t]+(?:full[ \t]+)?name[ \t]+is[ \t]+" + FULL_NAME,
                PART_NAME_CUE + COLON_GAP + ONE_NAME,
                DEAR_CUE + rf"(?-i:(?P<value>{TOKEN}(?:[ \t]+{TOKEN})?))(?![{LOWER}{UPPER}])",
            ],
            _plausible_name,
        ),
        CueRecognizer(
            "POSTAL_ADDRESS",
            "PostalAddress",
            [STREET, PO_BOX, US_STATE_ZIP, US_ZIP_LABEL],
            lambda value, match: _plausible_street(value, match) if value[:1].isdigit() and " " in value else True,
        ),
    ]


# -- detecting -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Detection:
    kind: str  # a findings.KINDS key
    entity: str  # the recognizer's entity type (KIND_BY_ENTITY)
    start: int
    end: int
    score: float


def detect(text, analyzer=None):
    """Non-overlapping detections in ``text``, in order. Where two recognizers claim overlapping
    text (an NHS number that is also a valid US phone number), the higher score wins. Format
    examples and numbers labelled as references or codes are dropped (``context.not_an_identifier``)."""
    if not text or not text.strip():
        return []
    analyzer = analyzer or get_analyzer()
    kept, taken = [], []
    for result in sorted(analyzer.analyze(text), key=lambda r: (-r.score, -(r.end - r.start), r.start, r.entity)):
        if result.score < THRESHOLDS.get(result.entity, DEFAULT_THRESHOLD):
            continue
        if not_an_identifier(text, result.start, result.end):  # "e.g. 12345678", "ISBN 978-..."
            continue
        if any(result.start < end and start < result.end for start, end in taken):
            continue
        taken.append((result.start, result.end))
        kind = KIND_BY_ENTITY[result.entity]
        kept.append(Detection(kind, result.entity, result.start, result.end, result.score))
    return sorted(kept, key=lambda d: d.start)


# -- scanning a file's parts -----------------------------------------------------------------------


def scan_parts(parts, file_label):
    """Findings for protected health information in ``parts`` (``[(location, text)]``, as
    ``resources.files.extract.ExtractedText.parts``). ``file_label`` is the file's name, or ``"page
    text"``. One finding per identifier, in document order; identical findings (the same masked
    snippet at the same place) are reported once."""
    parts = [(location, text) for location, text in parts if text and text.strip()]
    if not parts:
        return []
    analyzer = get_analyzer()
    texts = label_rows(parts)
    per_part = [[] for _ in parts]
    for first, last in _chunks(texts):
        joined = PART_SEPARATOR.join(texts[first:last])
        starts, offset = [], 0
        for text in texts[first:last]:
            starts.append(offset)
            offset += len(text) + len(PART_SEPARATOR)
        for d in detect(joined, analyzer):
            index = bisect.bisect_right(starts, d.start) - 1
            base = starts[index]
            if d.end - base > len(texts[first + index]):
                continue  # spans two parts: cannot happen with PART_SEPARATOR, but never misplace one
            per_part[first + index].append(Detection(d.kind, d.entity, d.start - base, d.end - base, d.score))
    findings, seen = [], set()
    for (location, _), text, detections in zip(parts, texts, per_part, strict=True):
        if not detections:
            continue
        masked = masked_text(text, detections)
        for d in detections:
            key = (d.kind, location, snippet(masked, d.start, d.end))
            if key in seen:
                continue
            seen.add(key)
            findings.append(phi_finding(file_label, d.kind, location, key[2], severity(d.kind, text, d.start, d.end)))
    return findings


def _chunks(texts):
    """(first, last) index ranges of parts holding about CHUNK_CHARS characters each."""
    first, size = 0, 0
    for index, text in enumerate(texts):
        if size and size + len(text) > CHUNK_CHARS:
            yield first, index
            first, size = index, 0
        size += len(text) + len(PART_SEPARATOR)
    if first < len(texts):
        yield first, len(texts)
