"""Protected health information (PHI) in text, found with Presidio, fully offline.

    scan_parts(parts, file_label) -> list[Finding]     # parts: [(location, text)], as resources.files.extract gives
    detect(text) -> list[Detection]                    # one text, offsets into it

What is looked for, and how
---------------------------
Presidio's analyzer (presidio-analyzer 2.2, from PyPI) runs with ``NoOpNlpEngine``: no spaCy
model, nothing downloaded. Without a model Presidio finds no names or places, and its
LemmaContextAwareEnhancer cannot see context words (it needs tokens). So:

* Our own recognizers (``CueRecognizer``) carry their context *inside* the pattern: a cue such as
  "MRN", "DOB" or "Patient:" must come right before the value (a colon, "#", "is", a line break or a
  short bracketed note like "(dd/mm/yyyy)" may sit between). Only the value is reported, so
  "MRN: 12345678" is masked as "MRN: ******78". Blank form fields ("Name: ______") have no value,
  and generic words ("Patient name") no cue-plus-value, so neither is a finding.
* Identifiers in their other shapes are ``identifiers.py``'s CueRecognizers, some of which look
  for words *near* a distinctive value rather than right before it; phone numbers are
  ``phones.py``'s recognizer (Google's libphonenumber rules via ``phonenumbers``, no network).
* Presidio's own recognizers are used where it has them: e-mail (``EmailRecognizer``, its domain
  checked against tldextract's bundled suffix list, never fetched), US social
  security numbers (``UsSsnRecognizer``), UK postcodes and Canadian postal codes. Their context
  words are matched by ``WindowContextEnhancer``: whole words in the 60 characters before a match
  (same part of the file), which raise a weak match (a bare 9-digit number, a postcode) above the
  reporting threshold. Phone numbers, e-mail addresses and dashed SSNs are reported without context.
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
                            "year(s) old", "y/o", "yo", "years of age" ("92-year-old", "91 y/o");
                            not a band ("aged 90 or over", "90+", "90-94"), a summary ("median
                            age 91") or the age of a thing ("100-year-old hospital").
phone-number                ``phones.py``: libphonenumber-valid numbers of ``SCREENING_PHONE_REGIONS``
                            (default US, GB, CA, AU, IE, NZ) or in "+" form of any country, and
                            possible numbers written in their region's own grouping (07700 900123).
email-address               Presidio EmailRecognizer; example.com/.org/.net, *.example, *.test,
                            *.invalid (reserved for examples) are not findings.
postal-address              house number (or "4/12") + 1-4 capitalised words + Street/St/Road/...
                            /Highway/Parade/Quay/Row/Walk/...; with its town and a state and
                            postcode or a UK postcode or Eircode, reported whole; "PO Box 123",
                            "Locked Bag", "GPO Box"; a US state code + ZIP ("MA 02115") or "ZIP
                            (code)" + ZIP; ZIP+4 near an address word or state; full UK postcodes
                            ("LS6 2QD") anywhere; Australian state + postcode in that state's range
                            ("NSW 2150"); Eircodes after "Eircode", or near an Irish or address
                            word; UK and Canadian postal codes near an address word.
us-social-security-number   Presidio UsSsnRecognizer: 123-45-6789 style always; after "SSN",
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
import logging
import os
import re
import threading
from dataclasses import dataclass

# tldextract (used by Presidio's e-mail recognizer) fetches the Public Suffix List over the network
# unless this is blank; set before anything imports it. EmailRecognizer below also uses its own
# extractor with no URLs and no cache, so no network is touched whatever the environment says.
os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", " ")
# Presidio logs every recognizer it loads, at INFO: keep that out of the site's logs.
logging.getLogger("presidio-analyzer").setLevel(logging.WARNING)

from .context import not_an_identifier, severity  # noqa: E402
from .findings import phi_finding  # noqa: E402
from .identifiers import KIND_BY_ENTITY as IDENTIFIER_KINDS  # noqa: E402
from .identifiers import identifier_recognizers  # noqa: E402
from .masking import masked_text, snippet  # noqa: E402
from .names import name_recognizers  # noqa: E402
from .patterns import (  # noqa: E402
    ADDRESS_WORDS,
    CA_PROVINCES,
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
from .phones import phone_recognizer, phone_regions  # noqa: E402
from .tables import label_rows  # noqa: E402

LANGUAGE = "en"
CUE_SCORE = 0.85  # our recognizers: the cue is part of the match
CONTEXT_BOOST = 0.35  # Presidio recognizers with a context word in the window ...
CONTEXT_MIN_SCORE = 0.6  # ... score at least this
CONTEXT_WINDOW = 60  # characters before a match searched for context words
DEFAULT_THRESHOLD = 0.5
THRESHOLDS = {"PHONE_NUMBER": 0.4}  # PhoneRecognizer scores every valid number 0.4: report them all
CHUNK_CHARS = 100_000
PART_SEPARATOR = "\n\n"  # parts never hold an empty line, so no pattern spans two parts

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
ENTITIES = list(KIND_BY_ENTITY)

_REGEX_FLAGS = re.IGNORECASE | re.MULTILINE

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
    """The process's AnalyzerEngine, built on first use (importing Presidio takes ~2 s)."""
    global _engine
    if _engine is None:
        with _engine_lock:
            if _engine is None:
                _engine = build_analyzer()
    return _engine


def offline_nlp_engine():
    """An NLP engine that needs no downloaded model: Presidio's NoOpNlpEngine where the installed
    version has it, otherwise a SpacyNlpEngine around a blank English pipeline made in code
    (tokenizer only; ``load()``, which would download a model, is never called)."""
    try:
        from presidio_analyzer.nlp_engine import NoOpNlpEngine
    except ImportError:  # presidio-analyzer before NoOpNlpEngine
        return blank_spacy_nlp_engine()
    return NoOpNlpEngine(models=[{"lang_code": LANGUAGE, "model_name": "none"}])


def blank_spacy_nlp_engine():
    import spacy
    from presidio_analyzer.nlp_engine import SpacyNlpEngine

    engine = SpacyNlpEngine(models=[{"lang_code": LANGUAGE, "model_name": "blank"}])
    engine.nlp = {LANGUAGE: spacy.blank(LANGUAGE)}
    return engine


def build_analyzer():
    from presidio_analyzer import AnalyzerEngine, RecognizerRegistry

    recognizers = _presidio_recognizers() + _our_recognizers()
    registry = RecognizerRegistry(supported_languages=[LANGUAGE])
    for recognizer in recognizers:
        registry.add_recognizer(recognizer)
    # Only these recognizers: load_predefined_recognizers() would add ~40 more (every date, URL,
    # IP address, credit card and foreign ID), each a false positive in an improvement tool.
    return AnalyzerEngine(
        registry=registry,
        nlp_engine=offline_nlp_engine(),
        supported_languages=[LANGUAGE],
        context_aware_enhancer=_window_enhancer(),
    )


def _presidio_recognizers():
    import tldextract
    from presidio_analyzer.predefined_recognizers import (
        CaPostalCodeRecognizer,
        EmailRecognizer,
        UkPostcodeRecognizer,
        UsSsnRecognizer,
    )

    regions = phone_regions()
    offline_extract = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None, fallback_to_snapshot=True)

    class OfflineEmailRecognizer(EmailRecognizer):
        """Presidio's e-mail recognizer, its domain check on the bundled suffix list; addresses at
        domains reserved for examples are not reported (those at allowed domains are, as "check":
        context.severity)."""

        def validate_result(self, pattern_text):
            if _example_domain(pattern_text.rpartition("@")[2].lower()):
                return False
            return offline_extract(pattern_text).fqdn != ""

    return [
        OfflineEmailRecognizer(),
        phone_recognizer(regions),  # phones.py: libphonenumber, only where a phone number can be
        UsSsnRecognizer(),
        UkPostcodeRecognizer(context=ADDRESS_WORDS),
        CaPostalCodeRecognizer(context=ADDRESS_WORDS + CA_PROVINCES),
    ]


def _example_domain(domain):
    return domain in ("example.com", "example.org", "example.net") or domain.endswith(
        (".example", ".test", ".invalid", ".localhost", ".example.com", ".example.org", ".example.net")
    )


def _our_recognizers():
    from presidio_analyzer import Pattern, PatternRecognizer, RecognizerResult

    class CueRecognizer(PatternRecognizer):
        """A PatternRecognizer whose patterns include their context: each regex has a cue and a
        ``value`` group, and only the value is reported (score ``CUE_SCORE``). ``validate(value,
        match)`` drops impossible values."""

        def __init__(self, entity, name, patterns, context, validate=None):
            super().__init__(
                supported_entity=entity,
                name=name,
                patterns=[Pattern(f"{name} {n}", regex, CUE_SCORE) for n, regex in enumerate(patterns, 1)],
                context=context,
                supported_language=LANGUAGE,
            )
            self.cue_patterns = [re.compile(regex, _REGEX_FLAGS) for regex in patterns]
            self.validate = validate

        def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
            results = []
            for compiled in self.cue_patterns:
                for match in compiled.finditer(text):
                    start, end = match.span("value")
                    if start == end or (self.validate and not self.validate(match.group("value"), match)):
                        continue
                    results.append(
                        RecognizerResult(
                            entity_type=self.supported_entities[0],
                            start=start,
                            end=end,
                            score=CUE_SCORE,
                            recognition_metadata={
                                RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                                RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                            },
                        )
                    )
            return results

    return [
        CueRecognizer(
            "MEDICAL_RECORD_NUMBER",
            "MedicalRecordNumber",
            [MRN_CUE + GAP + MRN_VALUE],
            ["mrn", "medical record", "hospital number", "patient id"],
            _valid_mrn,
        ),
        CueRecognizer(
            "MEDICAL_RECORD_NUMBER",
            "NhsNumber",
            [NHS_CUE + GAP + NHS_VALUE],
            ["nhs", "nhs number"],
            lambda value, match: nhs_checksum_ok(value),
        ),
        CueRecognizer(
            "DATE_OF_BIRTH",
            "DateOfBirth",
            [DOB_CUE + GAP + DATE],
            ["dob", "date of birth", "born"],
            _possible_date,
        ),
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
            ["patient", "name", "child", "parent", "guardian", "dear"],
            _plausible_name,
        ),
        CueRecognizer(
            "POSTAL_ADDRESS",
            "PostalAddress",
            [STREET, PO_BOX, US_STATE_ZIP, US_ZIP_LABEL],
            ["street", "road", "avenue", "zip", "po box"],
            lambda value, match: _plausible_street(value, match) if value[:1].isdigit() and " " in value else True,
        ),
        *identifier_recognizers(CueRecognizer),  # record, CHI, SSN, age, device, insurance, addresses
    ] + name_recognizers()  # names in sentences, without a label (names.py)


def _window_enhancer():
    from presidio_analyzer.context_aware_enhancers import ContextAwareEnhancer

    class WindowContextEnhancer(ContextAwareEnhancer):
        """Presidio's context rule without NLP tokens: a recognizer's context words, as whole
        words, in the ``CONTEXT_WINDOW`` characters before a match (not crossing into the previous
        part of the file) raise its score by ``CONTEXT_BOOST``, to at least ``CONTEXT_MIN_SCORE``.
        Our CueRecognizers are skipped: their cue is already part of the match."""

        def __init__(self):
            super().__init__(CONTEXT_BOOST, CONTEXT_MIN_SCORE, 0, 0)
            self._patterns = {}

        def _pattern(self, recognizer):
            if recognizer.id not in self._patterns:
                words = sorted({w.lower() for w in recognizer.context or ()}, key=len, reverse=True)
                self._patterns[recognizer.id] = (
                    re.compile(r"\b(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) + r")\b", re.I)
                    if words
                    else None
                )
            return self._patterns[recognizer.id]

        def enhance_using_context(self, text, raw_results, nlp_artifacts, recognizers, context=None):
            from presidio_analyzer import RecognizerResult

            by_id = {r.id: r for r in recognizers}
            for result in raw_results:
                recognizer = by_id.get(result.recognition_metadata.get(RecognizerResult.RECOGNIZER_IDENTIFIER_KEY))
                if recognizer is None or hasattr(recognizer, "cue_patterns"):
                    continue
                pattern = self._pattern(recognizer)
                if pattern is None:
                    continue
                part_start = text.rfind(PART_SEPARATOR, 0, result.start)
                part_start = 0 if part_start == -1 else part_start + len(PART_SEPARATOR)
                start = max(result.start - CONTEXT_WINDOW, part_start)
                if pattern.search(text, start, result.start):
                    result.score = min(
                        self.MAX_SCORE,
                        max(result.score + self.context_similarity_factor, self.min_score_with_context_similarity),
                    )
                    result.recognition_metadata["context_word_found"] = True
            return raw_results

    return WindowContextEnhancer()


# -- detecting -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Detection:
    kind: str  # a findings.KINDS key
    entity: str  # the Presidio entity type
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
    results = analyzer.analyze(text=text, language=LANGUAGE, entities=ENTITIES, score_threshold=0.0)
    kept, taken = [], []
    for result in sorted(results, key=lambda r: (-r.score, -(r.end - r.start), r.start)):
        if result.score < THRESHOLDS.get(result.entity_type, DEFAULT_THRESHOLD):
            continue
        if not_an_identifier(text, result.start, result.end):  # "e.g. 12345678", "ISBN 978-..."
            continue
        if any(result.start < end and start < result.end for start, end in taken):
            continue
        taken.append((result.start, result.end))
        kind = KIND_BY_ENTITY[result.entity_type]
        kept.append(Detection(kind, result.entity_type, result.start, result.end, result.score))
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
