"""Identifiers in their real shapes (``phi.py``): record numbers with letters and separators, CHI
numbers, US social security numbers after their cue, ages over 89, device serial numbers,
insurance and member numbers, and postal addresses beyond a street line.

    identifier_recognizers() -> [recognizer]    # engine.CueRecognizer each
    KIND_BY_ENTITY                              # the entities these add, and their kinds

Every recognizer is a ``CueRecognizer``: a regex whose ``value`` group is what is reported, and a
validator ``(value, match)`` that may look at the text around the match (``match.string`` is the
analysed text, whose parts are joined by an empty line). Two kinds of context:

* a cue right before the value ("Chart no. ABC-1234567", "Medicaid ID 1234567890", "aged 93");
* words *near* a value whose shape is distinctive but not enough alone: an ID such as
  ``ABC-1234567`` near "chart", "record" or "notes"; a serial number near a device word (pump,
  CGM, pacemaker, ...); an Eircode near an Irish or address word. "Near" is in the same part of
  the file, within ``NEAR_BEFORE`` characters before or ``NEAR_AFTER`` after.

Patterns are compiled with re.IGNORECASE; "(?-i:...)" keeps capitals where they matter (ID
letters, state codes, postcodes).
"""

import calendar
import re

from .engine import CueRecognizer
from .patterns import GAP, STREET_TYPES, TOKEN, US_STATES

KIND_BY_ENTITY = {
    "AGE_OVER_89": "age-over-89",
    "DEVICE_SERIAL_NUMBER": "device-serial-number",
    "INSURANCE_NUMBER": "insurance-number",
}
NEAR_BEFORE, NEAR_AFTER = 60, 40
PART_SEPARATOR = "\n\n"  # phi.PART_SEPARATOR

NUMBER_WORD = r"(?:number|num\b\.?|no\b\.?|nr\b\.?|\#|ID\b|identifier|ref\b\.?|reference)"
_ = r"[ \t]+"  # one or more spaces within a cue


def _near(words, before=NEAR_BEFORE, after=NEAR_AFTER):
    """A test of whether one of ``words`` (a regex) is near the match's value, in the same part."""
    pattern = re.compile(words, re.I)

    def test(match):
        start, end = match.span("value")
        left = match.string[max(0, start - before) : start].rpartition(PART_SEPARATOR)[2]
        right = match.string[end : end + after].partition(PART_SEPARATOR)[0]
        return bool(pattern.search(left) or pattern.search(right))

    return test


def _digits(value):
    return "".join(char for char in value if char.isdigit())


def _placeholder(value):
    """A value that is a placeholder: one repeated character, a straight run (1234567), X's."""
    alnum = "".join(char for char in value.upper() if char.isalnum())
    digits = _digits(value)
    return (
        len(set(alnum)) <= 1
        or set(alnum) <= {"X", "0"}
        or (len(digits) >= 5 and (digits in "01234567890123456789" or digits in "98765432109876543210"))
        or len(set(digits)) == 1
    )


_DATE_OR_YEARS = re.compile(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|(?:19|20)\d\d[/-](?:19|20)?\d\d|\d{4}-\d\d-\d\d")


def _id_value(value, min_digits=6, max_digits=12, strong=True):
    """An identifier's value: enough digits, not a placeholder, not a date or a span of years. A
    value after a weak cue ("chart", "record") must also look like an ID: letters with its digits,
    or at least seven digits."""
    digits = _digits(value)
    if not min_digits <= len(digits) <= max_digits or _placeholder(value) or _DATE_OR_YEARS.fullmatch(value):
        return False
    return strong or bool(re.search(r"[A-Za-z]", value)) or len(digits) >= 7


# -- record numbers --------------------------------------------------------------------------------

# "MRN", "MR#", "medical record (no)", "health record number", "hospital/hosp no", "patient ID/ref",
# "unit (record) number", "UR number"/"URN" (Australia), "case/record/chart number", "EHR/EPR ID".
RECORD_CUE = (
    rf"(?:\bMRN\b\.?|\bMR[ \t]*\#|\bmedical{_}records?(?:{_}{NUMBER_WORD})?|\bhealth{_}records?{_}{NUMBER_WORD}"
    rf"|\b(?:hospital|hosp\b\.?){_}{NUMBER_WORD}|\bpatient{_}{NUMBER_WORD}|\bunit{_}(?:record{_})?{NUMBER_WORD}"
    rf"|\bUR{_}?{NUMBER_WORD}|\bURN\b|\b(?:case|record|chart|casenote|case{_}note)s?{_}{NUMBER_WORD}"
    rf"|\b(?:EHR|EPR|EMR|MPI|EMPI){_}{NUMBER_WORD})"
)
WEAK_RECORD_CUE = r"(?:\bchart\b|\brecord\b|\bcase\b|\bfile\b)"  # the value must look like an ID
ID_VALUE = r"(?-i:(?P<value>(?:[A-Z]{1,4}[ /-]?)?\d(?:[ /-]?\d){4,11}(?:-?[A-Z]{1,2})?))(?![\w/-]*\d|[A-Za-z])"
# An ID with letters in it, no cue: "ABC-1234567", "K1234567", "A123456B", "A-123-4567".
LETTERED_ID = r"(?-i:(?<![\w/.-])(?P<value>[A-Z]{1,4}(?:[-/]?\d){6,12}[A-Z]?)(?![\w/-]))"
RECORD_WORDS = (
    r"\b(?:chart|charts|records?|notes|case[ \t]*notes|MRN|EHR|EPR|EMR|hospital[ \t]+(?:number|no)|patient[ \t]+list"
    r"|clinic[ \t]+list|admission|discharge)\b"
)
# Registrations and citations whose shape is also a lettered ID.
NOT_RECORD_PREFIXES = ("NCT", "PMC", "PMID", "ISBN", "ISSN", "DOI", "GMC", "NMC", "RR", "SN", "CHI", "NHS", "ODS")
CHI_CUE = rf"(?:(?-i:\bCHI\b)(?:{_}{NUMBER_WORD})?|\bcommunity{_}health{_}index(?:{_}{NUMBER_WORD})?)"
CHI_VALUE = r"(?P<value>\d{6}[ -]?\d{4}|\d{3}[ -]?\d{3}[ -]?\d{4})(?![ -]?\d)"


def mod11_ok(digits):
    """The modulus-11 check digit shared by NHS and CHI numbers."""
    total = sum(int(digit) * weight for digit, weight in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    check = 0 if check == 11 else check
    return check != 10 and check == int(digits[9])


def chi_ok(value, match):
    """A CHI number: ten digits, the first six a date of birth (DDMMYY), the last a modulus-11 check."""
    digits = _digits(value)
    if len(digits) != 10 or _placeholder(digits):
        return False
    day, month = int(digits[:2]), int(digits[2:4])
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(2000, month)[1] and mod11_ok(digits)


_near_record_words = _near(RECORD_WORDS)


def _lettered_record(value, match):
    return (
        not value.upper().startswith(NOT_RECORD_PREFIXES)
        and _id_value(value)
        and bool(re.search(r"\d", value))
        and _near_record_words(match)
    )


# -- social security numbers -----------------------------------------------------------------------

SSN_CUE = rf"(?:\bSSN\b|\bSS[ \t]*\#|\bSS{_}(?:no\b\.?|number)|\bsocial{_}security(?:{_}{NUMBER_WORD})?)"
SSN_VALUE = r"(?P<value>\d{3}[- ]?\d{2}[- ]?\d{4})(?![\d-])"


def ssn_ok(value, match):
    """The Social Security Administration's rules: no area 000, 666 or 9xx, no group 00 or serial
    0000; the well-known example numbers are placeholders."""
    digits = _digits(value)
    area, group, serial = digits[:3], digits[3:5], digits[5:]
    return not (
        area in ("000", "666") or area.startswith("9") or group == "00" or serial == "0000"
        or digits in ("123456789", "078051120", "219099999") or _placeholder(digits)
    )


# -- ages over 89 ----------------------------------------------------------------------------------

AGE = r"(?P<value>9\d|1[01]\d)"  # 90 to 119
AGE_PATTERNS = [
    rf"\baged?\b{GAP}(?:of[ \t]+)?{AGE}(?![\d.,]?\d)",  # "aged 93", "Age: 95", "(age 97)"
    rf"(?<![\d.,]){AGE}[ \t]*-?[ \t]*(?:years?|yrs?|yr)[ \t]*-?[ \t]*old\b",  # "92-year-old", "94 years old"
    rf"(?<![\d.,]){AGE}[ \t]*(?:y/o\b|y\.o\.?|yo\b|years[ \t]+of[ \t]+age\b)",  # "91 y/o", "93yo"
    # Said of a person: "his grandmother, who is 91", "she turned 95 in May".
    rf"\b(?:who|she|he)[ \t]+(?:is|was|turned|turns|will[ \t]+be)[ \t]+(?:now[ \t]+)?{AGE}(?![\d.,%]?\d|[ \t]*%)",
]
# A band or a count, not one person's age: "aged 90 or over", "90+", "aged 90-94", "age 92 days".
_AGE_BAND_AFTER = re.compile(
    r"[ \t]*(?:\+|plus\b|or[ \t]+(?:over|older|more|above)\b|and[ \t]+(?:over|older|above|up)\b"
    r"|(?:[-\u2013]|to)[ \t]*\d|(?:days?|weeks?|months?|%|percent|centile|th\b|st\b|mmol|mg|kg|cm))",
    re.I,
)


# "The 100-year-old hospital": an age of a thing, not a person.
_AGE_OF_A_THING = re.compile(
    r"[ \t]*(?:-?[ \t]*(?:years?|yrs?)[ \t]*-?[ \t]*old)[ \t]+(?:\w+[ \t]+)?(?:hospitals?|buildings?|charity|charities"
    r"|institutions?|house|school|church|company|clinic|practice|bridge|tree|tradition|organi[sz]ation|infirmary"
    r"|journal|society|college|university|service)\b",
    re.I,
)
_AGE_SUMMARY_BEFORE = re.compile(r"\b(?:mean|median|average|avg|over|above|under|below|least)[ \t]*$", re.I)


def age_ok(value, match):
    """Not a band ("aged 90 or over"), a summary ("median age 91") or the age of a thing."""
    before = match.string[max(0, match.start() - 20) : match.start()]
    end = match.end("value")
    return not (
        _AGE_BAND_AFTER.match(match.string, end)
        or _AGE_OF_A_THING.match(match.string, end)
        or _AGE_SUMMARY_BEFORE.search(before)
    )


# -- device serial numbers -------------------------------------------------------------------------

SERIAL_CUE = (
    rf"(?:\bserial(?:{_}{NUMBER_WORD})?|\bS/N\b|(?-i:\bSN\b)|\bdevice{_}(?:ID\b|identifier|number|no\b\.?"
    rf"|serial(?:{_}{NUMBER_WORD})?)|\bUDI\b|\bIMEI\b|\b(?:transmitter|pump|sensor|implant){_}(?:ID\b|serial))"
)
SERIAL_VALUE = r"(?-i:(?P<value>[A-Z0-9]+(?:[-/][A-Z0-9]+){0,4}))(?![\w-])"
DEVICE_WORDS = (
    r"\b(?:devices?|pumps?|CGM|sensors?|transmitters?|pacemakers?|defibrillators?|ICD|implants?|implantable"
    r"|cochlear|hearing[ \t]+aids?|nebuli[sz]ers?|inhalers?|(?:glucose[ \t]+)?meters?|glucometers?|monitors?"
    r"|ventilators?|C?PAP|BiPAP|oximeters?|concentrators?|wheelchairs?|infusion|feeding|shunts?|stimulators?"
    r"|VNS|catheters?|insulin|Libre|Dexcom|Omnipod|Medtronic|Tandem|equipment|on[ \t]+loan)\b"
)


_near_device_words = _near(DEVICE_WORDS)


def _serial(value, match):
    alnum = [char for char in value if char.isalnum()]
    return 5 <= len(alnum) <= 25 and len(_digits(value)) >= 2 and not _placeholder(value) and _near_device_words(match)


# -- insurance and member numbers ------------------------------------------------------------------

ID_WORD = r"(?:number|num\b\.?|no\b\.?|nr\b\.?|\#|ID\b|identifier)"  # not "ref": "policy ref QP-12" is a document
INSURANCE_CUE = (
    rf"(?:\b(?:medicaid|medicare|medi-cal|tricare|OHIP|MSP)(?:{_}(?:card|beneficiary|member|recipient|client"
    rf"|health{_}card))?(?:{_}(?:MBI|HICN))?(?:{_}{ID_WORD})?"
    rf"|\bMBI\b|\bHICN\b|\b(?:member|subscriber|beneficiary|enrollee|policyholder){_}{ID_WORD}"
    rf"|\b(?:insurance|insurer|health{_}(?:plan|insurance|card))(?:{_}(?:policy|member|card|ID))?{_}{ID_WORD}"
    rf"|(?-i:\b(?:IHI|PPSN?|NINO|SIN)\b)(?:{_}{ID_WORD})?|\bnational{_}insurance(?:{_}{ID_WORD})?"
    rf"|(?-i:\bNI\b){_}(?:number|no\b\.?))"
)
# "Policy number" alone is as often a document's (a trust policy) as an insurer's: it needs an
# insurance word near it.
POLICY_CUE = rf"\bpolicy{_}{ID_WORD}"
INSURANCE_WORDS = (
    r"\b(?:insurance|insurer|insured|health[ \t]+plan|coverage|cover|payer|payor|claims?|medical[ \t]+aid)\b"
)
# Letters and digits, joined by dashes or slashes; groups of digits may be spaced ("2123 45678 1").
INSURANCE_VALUE = (
    r"(?-i:(?P<value>[A-Z0-9]+(?:[-/][A-Z0-9]+)*(?:[ ]\d+){0,3}(?:[ ][A-Z](?![\w-]))?))(?![\w-])"
)


def _insurance(value, match):
    return _id_value(value, min_digits=4, max_digits=20) and 6 <= sum(c.isalnum() for c in value) <= 22


# -- postal addresses ------------------------------------------------------------------------------

MORE_STREET_TYPES = "Row|Walk|Rise|Hill|Parade|Pde|Esplanade|Quay|Wharf|Hwy|Cres|Tce|Sq|Pl|Pkwy|Trail"
AU_STATES = "NSW|VIC|QLD|SA|WA|TAS|NT|ACT"
UK_POSTCODE = r"(?:[A-PR-UWYZ][A-HK-Y]?\d[A-HJKPSTUW\d]?|GIR)[ \t]\d[ABD-HJLNP-UW-Z]{2}"
EIRCODE = r"(?:[AC-FHKNPRTV-Y]\d{2}|D6W)[ \t]?[0-9AC-FHKNPRTV-Y]{4}"
HOUSE = r"(?:\d{1,5}[A-Za-z]?/)?\d{1,5}[A-Za-z]?(?:[ \t]*[-\u2013][ \t]*\d{1,5}[A-Za-z]?)?"
STREET_LINE = (
    rf"{HOUSE},?[ \t]+(?:[NSEW]\.?[ \t]+)?{TOKEN}(?:[ \t]+{TOKEN}){{0,3}}[ \t]+"
    rf"(?:{STREET_TYPES}|{MORE_STREET_TYPES})\b\.?"
)
# A street line with its town and postcode, reported whole: "12 Larch Street, Parramatta NSW 2150",
# "4 Elm Court, Tacoma, WA 98402-1234", "7 Rowan Way, Leeds LS6 2QD".
FULL_ADDRESS = (
    rf"(?<![\d.,])(?-i:(?P<value>{STREET_LINE},?[ \t]+{TOKEN}(?:[ \t]+{TOKEN}){{0,2}},?[ \t]+"
    rf"(?:(?:{AU_STATES})[ \t]+\d{{4}}|(?:{US_STATES})[ \t]+\d{{5}}(?:-\d{{4}})?|{UK_POSTCODE}|{EIRCODE})))(?![\w-])"
)
SHORT_STREET = rf"(?<![\d.,])(?-i:(?P<value>{HOUSE},?[ \t]+(?:[NSEW]\.?[ \t]+)?{TOKEN}(?:[ \t]+{TOKEN}){{0,3}}" \
    rf"[ \t]+(?:{MORE_STREET_TYPES})\b\.?))"
AU_STATE_POSTCODE = rf"(?-i:\b(?P<value>(?:{AU_STATES})[ \t]+\d{{4}}))(?![\d-])"
UK_FULL_POSTCODE = rf"(?-i:(?<![\w-])(?P<value>{UK_POSTCODE}))(?![\w-])"
EIRCODE_VALUE = rf"(?-i:(?<![\w-])(?P<value>{EIRCODE}))(?![\w-])"
LABELLED_EIRCODE = r"(?-i:(?P<value>[A-Z]\d[\dW][ \t]?[A-Z\d]{4}))(?![\w-])"
ZIP_PLUS_4 = r"(?<![\w.-])(?P<value>\d{5}-\d{4})(?![\w-])"
IRISH_WORDS = (
    r"\b(?:eircode|address|ireland|irish|dublin|cork|galway|limerick|waterford|kilkenny|sligo|kerry|donegal|mayo"
    r"|wexford|wicklow|meath|kildare|louth|clare|tipperary|co\.|county|live|lives|living|moved|home|post)\b"
)
US_ADDRESS_WORDS = rf"\b(?:address|mail|mailing|zip|street|st|road|rd|avenue|ave|lives|home|(?-i:{US_STATES}))\b"
# Australian postcodes by state (Australia Post's ranges).
AU_RANGES = {
    "NSW": [(1000, 2599), (2619, 2899), (2921, 2999)], "ACT": [(200, 299), (2600, 2618), (2900, 2920)],
    "VIC": [(3000, 3999), (8000, 8999)], "QLD": [(4000, 4999), (9000, 9999)], "SA": [(5000, 5999)],
    "WA": [(6000, 6999)], "TAS": [(7000, 7999)], "NT": [(800, 999)],
}


def au_postcode_ok(value, match):
    state, _, code = value.partition(" ")
    return any(low <= int(code) <= high for low, high in AU_RANGES.get(state, ()))


def _near_test(words):
    near = _near(words)
    return lambda value, match: near(match)


def identifier_recognizers():
    cue = CueRecognizer

    near_insurance_words = _near(INSURANCE_WORDS)

    return [
        cue("MEDICAL_RECORD_NUMBER", "RecordNumber", [RECORD_CUE + GAP + ID_VALUE], lambda v, m: _id_value(v)),
        cue("MEDICAL_RECORD_NUMBER", "WeakRecordCue", [WEAK_RECORD_CUE + GAP + ID_VALUE],
            lambda v, m: _id_value(v, strong=False)),
        cue("MEDICAL_RECORD_NUMBER", "RecordNearWords", [LETTERED_ID], _lettered_record),
        cue("MEDICAL_RECORD_NUMBER", "ChiNumber", [CHI_CUE + GAP + CHI_VALUE], chi_ok),
        cue("US_SSN", "SocialSecurityCue", [SSN_CUE + GAP + SSN_VALUE], ssn_ok),
        cue("AGE_OVER_89", "AgeOver89", AGE_PATTERNS, age_ok),
        cue("DEVICE_SERIAL_NUMBER", "DeviceSerial", [SERIAL_CUE + GAP + SERIAL_VALUE], _serial),
        cue("INSURANCE_NUMBER", "InsuranceNumber", [INSURANCE_CUE + GAP + INSURANCE_VALUE], _insurance),
        cue("INSURANCE_NUMBER", "PolicyNumber", [POLICY_CUE + GAP + INSURANCE_VALUE],
            lambda v, m: _insurance(v, m) and near_insurance_words(m)),
        cue("POSTAL_ADDRESS", "FullAddress", [FULL_ADDRESS, SHORT_STREET]),
        cue("POSTAL_ADDRESS", "Postcode", [UK_FULL_POSTCODE]),
        cue("POSTAL_ADDRESS", "AuStatePostcode", [AU_STATE_POSTCODE], au_postcode_ok),
        # After "Eircode" any letters are taken (a mistyped code is still someone's address);
        # unlabelled, only the letters An Post uses, near an Irish or address word.
        cue("POSTAL_ADDRESS", "Eircode", [r"\beircode\b" + GAP + LABELLED_EIRCODE]),
        cue("POSTAL_ADDRESS", "EircodeNearWords", [EIRCODE_VALUE], _near_test(IRISH_WORDS)),
        cue("POSTAL_ADDRESS", "ZipPlus4", [ZIP_PLUS_4], _near_test(US_ADDRESS_WORDS)),
    ]
