"""The text patterns of the health-information screening (``phi.py``): cues, values, names,
addresses and the words that are never part of a patient's name.

Compiled with re.IGNORECASE (cues match "MRN", "mrn", "Mrn"); "(?-i:...)" makes a part case-
sensitive where capitals matter (names, street words, state codes). No pattern nests unbounded
quantifiers over overlapping characters, so matching stays linear.
"""

# Between a cue and its value: spaces, an optional short note in brackets, an optional ":", "#",
# "=" or dash, an optional "is"/"was", and at most one line break (a PDF often puts a label and
# its value on separate lines).
GAP = (
    r"[ \t]*(?:\([^()\n]{0,30}\)[ \t]*)?(?:[:#=\u2013\u2014-]+[ \t]*)?"
    r"(?:(?:is|was)[ \t]+)?(?:\n[ \t]*)?"
)
# A gap that must hold a colon: "Patient: Jane Smith", not "patient Jane Smith".
COLON_GAP = r"[ \t]*(?:\([^()\n]{0,30}\)[ \t]*)?:[ \t]*(?:\n[ \t]*)?"

MRN_CUE = (
    r"(?:\bMRN\b\.?|\bmedical[ \t]+records?(?:[ \t]+(?:number|num\b\.?|no\b\.?|\#))?"
    r"|\bhospital[ \t]+(?:number|num\b\.?|no\b\.?|\#|ID\b)"
    r"|\bpatient[ \t]+(?:ID\b|identifier|number|num\b\.?|no\b\.?|\#)"
    r"|\bunit[ \t]+(?:number|no\b\.?)|\bchart[ \t]+(?:number|no\b\.?|\#))"
    r"(?:[ \t]*(?:number|no\b\.?|\#))?"
)
MRN_VALUE = r"(?P<value>(?-i:[A-Z]{1,3}[ -]?)?\d(?:[ -]?\d){5,9})(?![ -]?\d)"
NHS_CUE = r"\bNHS(?:[ \t]+(?:number|num\b\.?|no\b\.?|\#|ID\b))?"
NHS_VALUE = r"(?P<value>\d{3}[ -]?\d{3}[ -]?\d{4})(?![ -]?\d)"

MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?"
)
ORDINAL = r"(?:st|nd|rd|th)?"
# Dates as people write them: 12/03/2014, 12-3-14, 12.03.2014, 2014-03-12, 2014/03/12, 12 March
# 2014, 12th of March, 2014, 12-Mar-2014, 12 Mar 14, March 12(th), 2014, March 2014, 03/2014, and
# eight digits (12032014, 20140312) that _possible_date reads as a date or rejects.
DATE = (
    r"(?P<value>\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})"
    r"|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}"
    rf"|\d{{1,2}}{ORDINAL}[ \t]+(?:of[ \t]+)?{MONTH},?[ \t]+(?:\d{{4}}|\d{{2}}(?![\d:]))"
    rf"|\d{{1,2}}[-/.]{MONTH}[-/.]?(?:\d{{4}}|\d{{2}})"
    rf"|{MONTH}[ \t]+(?:the[ \t]+)?\d{{1,2}}{ORDINAL},?[ \t]+\d{{4}}"
    rf"|{MONTH}[ \t]+\d{{4}}|\d{{1,2}}/\d{{4}}|\d{{8}})(?![\d/.-]\d)"
)
DOB_CUE = (
    r"(?:\bD\.?O\.?B\b\.?|\bdate[ \t]+of[ \t]+birth\b|\bbirth[ \t]*date\b|\bbirthday\b"
    r"|\bborn\b(?:[ \t]+(?:on|in))?(?:[ \t]+the)?)"
)

UPPER, LOWER = "A-Z\u00c0-\u00d6\u00d8-\u00de", "a-z\u00df-\u00f6\u00f8-\u00ff"
TOKEN = rf"(?:[{UPPER}]['\u2019])?(?:Mc|Mac)?[{UPPER}][{LOWER}]+(?:[-'\u2019][{UPPER}][{LOWER}]+)?"
FULL_NAME = (
    rf"(?-i:(?P<value>{TOKEN}(?:[ \t]+[{UPPER}]\.?)?(?:[ \t]+{TOKEN}){{1,2}}|{TOKEN},[ \t]*{TOKEN}))"
    rf"(?![{LOWER}{UPPER}])"
)
ONE_NAME = rf"(?-i:(?P<value>{TOKEN}))(?![{LOWER}{UPPER}])"
PERSON = r"(?:patient|child|baby|infant|young[ \t]+person|pupil)"
NAME_CUE = (
    # strong cues, anywhere: "Patient:", "Patient name:", "Child's full name:", "Name of patient:",
    # "Parent/guardian:", "Mother:", "Next of kin:"
    rf"(?:\b{PERSON}(?:['\u2019]s|s['\u2019])?(?:[ \t]+(?:full[ \t]+)?name)?"
    rf"|\bname[ \t]+of[ \t]+(?:the[ \t]+)?{PERSON}"
    r"|\bparent(?:[ \t]*(?:/|or|and)[ \t]*(?:guardian|carer))?|\bguardian|\bcarer|\bmother|\bfather|\bmum|\bdad"
    r"|\bnext[ \t]+of[ \t]+kin)(?:['\u2019]s[ \t]+(?:full[ \t]+)?name)?"
)
# "Name:" only as a field label: at the start of a line or of a table cell.
FIELD_NAME_CUE = r"(?:^|(?<=[|;\t]))[ \t]*(?:full[ \t]+)?name"
PART_NAME_CUE = r"\b(?:first|given|last|family|sur|fore)[ \t]*name"
DEAR_CUE = r"\bdear[ \t]+(?-i:Mrs|Mr|Ms|Miss|Mx|Master)\.?[ \t]+"

STREET_TYPES = (
    "Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|Close|Court|Ct|Crescent|Way|Place|Boulevard|Blvd"
    "|Terrace|Gardens|Grove|Square|Mews|Parkway|Circle|Highway"
)
STREET = (
    rf"(?<![\d.,])(?-i:(?P<value>\d{{1,5}}[A-Za-z]?(?:[ \t]*[-\u2013][ \t]*\d{{1,5}}[A-Za-z]?)?,?[ \t]+"
    rf"(?:[NSEW]\.?[ \t]+)?{TOKEN}(?:[ \t]+{TOKEN}){{0,3}}[ \t]+(?:{STREET_TYPES})\b\.?))"
)
PO_BOX = (
    r"(?P<value>\b(?:P\.?[ \t]?O\.?[ \t]*Box|Post[ \t]+Office[ \t]+Box|POB|GPO[ \t]+Box|Locked[ \t]+Bag"
    r"|Private[ \t]+Bag)[ \t]+\d{1,6})\b"
)
US_STATES = (
    "AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|"
    "NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY"
)
US_STATE_ZIP = rf"(?-i:\b(?P<value>(?:{US_STATES})[ \t]+\d{{5}}(?:-\d{{4}})?))(?![\d-])"
US_ZIP_LABEL = r"\bzip(?:[ \t]*code)?" + GAP + r"(?P<value>\d{5}(?:-\d{4})?)(?![\d-])"

ADDRESS_WORDS = [
    "address",
    "postcode",
    "post code",
    "postal code",
    "zip",
    "zip code",
    "lives at",
    "living at",
    "resides",
    "resident at",
    "home",
    "street",
    "road",
    "avenue",
    "lane",
    "drive",
    "close",
    "court",
    "flat",
    "apartment",
    "apt",
]
CA_PROVINCES = [
    "canada",
    "ontario",
    "quebec",
    "alberta",
    "british columbia",
    "manitoba",
    "saskatchewan",
    "nova scotia",
    "new brunswick",
    "newfoundland",
    "prince edward island",
    "code postal",
]

# Capitalised words that label form fields or are placeholders, never (part of) a patient's name.
NOT_NAMES = frozenset(
    """
    a an the and or of for to in on at by with from this that these those yes no not none unknown known
    n/a na nil tbc tbd other same see
    name names first last given family surname forename full middle initial initials title
    patient patients child children childs baby infant young person pupil student parent parents guardian
    carer mother father mum dad kin next relationship contact contacts details information info
    date dates birth dob born age aged sex gender male female weight height bmi
    hospital number no id nhs mrn chi record records medical unit chart ward bed room clinic site
    centre center department dept service services team lead nurse doctor consultant physician
    practice gp school class year teacher address postcode zip code city town county state country
    phone telephone tel mobile email e-mail signature signed sign print printed
    diagnosis condition allergy allergies medication medications medicine dose reason referral
    referred review plan notes note comments comment status type location language interpreter
    insurance consent visit visits appointment admission discharge
    global assessment advisory council group committee network programme program project quality
    improvement care health university form sheet report checklist version page section total
    demo example sample test dummy placeholder fictional anonymous redacted doe bloggs
    monday tuesday wednesday thursday friday saturday sunday
    january february march april may june july august september october november december
    mr mrs ms miss mx master dr
    """.split()
)
