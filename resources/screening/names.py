"""Names of patients and relatives where no label announces them, found offline.

    name_recognizers() -> [NameRecognizer()]       # added to phi.py's recognizers
    find_names(text) -> [NameMatch]                 # the same, without the engine (tests, tuning)

phi.py already finds a name right after a label ("Patient: X", "Mother: X", "Name:" in a patient
table). This module finds the names that stand in sentences, the way teams write notes:

* **Strong cues** (one is enough): a clinical verb right before the name ("we called X", "Admitted
  X", "Seen in clinic: X", "Follow-up with X"); a relative word in apposition ("her father, X,", "the
  mother (X)", "His dad X", "X (the boy's dad)", "X, her mum"); a possessive followed by a relative or
  a clinical noun ("X's mother", "X's sensor readings"); an age ("Miss X (age 14)", "X, 9 years
  old"); a patient verb after the name ("X came in with", "X was admitted"); "Master X"; "patient
  X" or "the child - X -".
* **A weak cue**: a full name whose given name is in the lexicon, in the same sentence (or table
  cell) as words of patient care ("symptoms", "pump", "transition", ...), and nowhere in the text
  in a staff context.

And never in a staff context, whatever the cue: after "Dr", "Nurse", "Prof" or a role word
("our dietitian X"); followed by a role ("X (chair)", "X, data analyst") or by a staff action ("X to
chase ...", "X on leave"); in the scope of a staff label ("Present:", "Apologies:", "Author:",
"Prepared by", "Signed:", "Thanks to", "Actions:", ...); a citation author ("Smith J, Jones K.",
"et al"); an organisation or place ("St Mary's Hospital", "Mary Seacole Ward").

The lexicon (``given_names.txt``, beside this module) is 22,000 given names of 62 locales, made
once from Faker's MIT-licensed lists by ``scripts/make_given_names.py``: see docs/screening.md,
"Names: options measured and chosen". A name outside it is still found after a strong cue when it
is two or more capitalised words, none of them an ordinary word of care or of an organisation.

Everything is regular expressions over the text and set look-ups: ~1 MB of text a second.
"""

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .engine import Result
from .patterns import LOWER, NOT_NAMES, TOKEN, UPPER

ENTITY = "PATIENT_NAME"  # phi.KIND_BY_ENTITY: "patient-name" (a relative's name is reported so too)
STRONG_SCORE = 0.85  # as phi.CUE_SCORE: the context is part of the decision
WEAK_SCORE = 0.6  # above phi.DEFAULT_THRESHOLD (0.5); a labelled name (0.85) wins an overlap
LEXICON = Path(__file__).with_name("given_names.txt")
WINDOW = 80  # characters of context looked at either side of a name

# -- words -----------------------------------------------------------------------------------------

RELATIVE = (
    r"(?:(?:older|younger|big|little|half|step|foster|birth|adoptive|great)[- ]?)*"
    r"(?:mother|father|mum|mom|mam|mummy|dad|daddy|parent|grandmother|grandfather|grandma|grandpa|gran|granny"
    r"|grandad|granddad|nan|nana|nanna|aunt|auntie|aunty|uncle|sister|brother|sibling|son|daughter|cousin"
    r"|niece|nephew|wife|husband|guardian|carer|godmother|godfather|next[ \t]+of[ \t]+kin)"
)
CHILD = r"(?:patient|child|boy|girl|baby|infant|toddler|teenager|young[ \t]+person|pupil|son|daughter)"
# Verbs of care right before a name: "we called X", "Admitted X", "Seen in clinic: X".
CARE_VERB = (
    r"(?:called|phoned|rang|telephoned|texted|messaged|saw|seen|reviewed|(?:re-?)?admitted|discharged|examined"
    r"|assessed|visited|discussed|contacted|weighed|triaged|transferred|treated|booked|admitting"
    r"|(?:followed|following)[ \t]+up(?:[ \t]+(?:with|on))?|follow[ -]?ups?[ \t]+(?:with|for|on)"
    r"|(?:seen|reviewed|discussed|admitted|assessed)[ \t]+(?:in|at|on)[ \t]+(?:the[ \t]+)?"
    r"(?:clinic|ward|ED|A&E|huddle|MDT|today|home)"
    r"|seen[ \t]+today|(?:spoke|spoken|talked)[ \t]+(?:to|with)[ \t]+(?:the[ \t]+)?(?:family|parents)[ \t]+of)"
)
# Verbs of care right after a name: "X came in with wheeze", "X was admitted".
AFTER_VERB = (
    r"(?:came[ \t]+in|presented[ \t]+(?:with|to|at|in)|attended[ \t]+(?:with|clinic|the[ \t]+clinic|ED|A&E"
    r"|an?[ \t]+appointment|for|alone|today|again)|(?:did[ \t]+not|didn't|failed[ \t]+to)[ \t]+attend|DNA"
    r"|missed[ \t]+(?:\w+[ \t]+)?(?:appointments?|visits?|clinics?|doses?|insulin|school|injections?|bloods)"
    r"|(?:was|is|has[ \t]+been|had[ \t]+been|got|will[ \t]+be)[ \t]+(?:re-?admitted|admitted|seen|reviewed"
    r"|discharged|referred|diagnosed|started|transferred|weighed|triaged|unwell|poorly|brought|readmitted"
    r"|in[ \t]+hospital|on[ \t]+the[ \t]+(?:ward|waiting[ \t]+list))"
    r"|had[ \t]+(?:a|an|another|two|three|several)[ \t]+(?:\w+[ \t]+)?(?:hypos?|seizures?|admissions?"
    r"|exacerbations?|episodes?|attacks?|falls?|fits?|infections?)"
    r"|needs[ \t]+(?:a|an|new)[ \t]+(?:new[ \t]+)?(?:spacer|inhaler|pump|sensor|plan|referral|review|prescription)"
    r"|went[ \t]+home|is[ \t]+(?:now[ \t]+)?(?:on|due|overdue)[ \t]+(?:the[ \t]+)?(?:\w+[ \t]+)?"
    r"(?:pump|insulin|inhaler|steroids?|review|bloods|screening|vaccines?|list))"
)
AGE = (
    r"(?:[ \t]*\(\s*(?:(?:age[ds]?|aged|now)[ \t]*\d{1,2}|\d{1,2}[ \t]*(?:y(?:ea)?rs?|y/?o|years?|months?|m/?o)\b)"
    r"[^()\n]{0,20}\)|,?[ \t]+(?:age[ds]?|aged)[ \t]+\d{1,2}\b"
    r"|,[ \t]*\d{1,2}[ \t]*(?:years?[ \t]+old|y/?o\b|yrs?\b|yo\b|months?[ \t]+old|-year-old)"
    # A bare age, as notes give a child's: "Oliver (12) was admitted", "Zainab, 7, missed two appointments".
    r"|[ \t]*\(\s*\d{1,2}\s*\)|,[ \t]*\d{1,2}[ \t]*(?=,))"
)
# What follows a possessive and makes the name a patient's: "X's mother", "X's sensor readings".
CARE_NOUN = (
    r"(?:readings?|results?|bloods?|levels?|screening|appointments?|visits?|admissions?|care"
    r"|medications?|medicines?|insulin|pump|inhalers?|spacer|sensor|diagnosis|symptoms?|weight|height|growth"
    r"|HbA1c|school|notes|records?|referral|treatment|therapy|surgery|operation|scans?|tests?|labs|seizures?"
    r"|asthma|diabetes|epilepsy|condition|health|GP|consultant|hypos?|glucose|sugars|eczema|allerg\w*|wheeze"
    r"|transition|discharge|follow-?up|family|parents|home|bed|cot|obs|vitals|feeds?|dose|doses)"
)
# Words of patient care in the same sentence, in lower case: the weak cue.
CARE_WORD = re.compile(
    r"\b(?:patients?|child(?:ren)?|family|families|parents?|mum|dad|mother|father|symptoms?|wheeze|pump"
    r"|insulin|inhaler|spacer|sensor|bloods|screening|readings|levels|admission|admitted|transition|discharged?"
    r"|diagnosis|diagnosed|medications?|hypos?|seizures?|DKA|exacerbation|appointments?|visits?|follow-?up"
    r"|referral|referred|school|weight|HbA1c|asthma|diabetes|epilepsy|home|overnight|missed|voicemail)\b"
)  # case-sensitive: "Patient and Family Advisory Council" is an organisation, not patient care
TITLE = r"(?:Mr|Mrs|Ms|Miss|Mx|Master|Mstr)"  # a patient or relative may carry these; staff carry STAFF_TITLE
STAFF_TITLE = r"(?:Dr|Doctor|Prof|Professor|Nurse|Sister|Matron|Rev|Revd|Cllr|Councillor|Dame|Sir|Lord|Lady)"
ROLE = (
    r"(?:consultant|registrar|nurse|specialist|dietitian|dietician|psychologist|pharmacist|physio\w*|therapist"
    r"|lead|coordinator|co-ordinator|manager|analyst|chair|co-chair|secretary|administrator|admin|facilitator"
    r"|advisor|adviser|director|officer|fellow|trainee|student|midwife|health[ \t]+visitor|social[ \t]+worker"
    r"|paediatrician|pediatrician|physician|surgeon|doctor|GP|coach|sponsor|champion|member"
    r"|representative|rep|partner|volunteer|scribe|presenter|speaker|author|editor|reviewer|owner|host"
    r"|clinician|practitioner|educator|researcher|scientist|statistician|receptionist|porter|team)"
)
# Labels whose scope (to the end of the sentence) holds staff, not patients.
STAFF_LABEL = re.compile(
    r"(?:\b(?:present|apologies|attendees|attendance|attending|in[ \t]+attendance|authors?|signed|signature"
    r"|owners?|leads?|chair|coach|team|facilitators?|sponsors?|contacts?|minutes|cc|from|presenters?|speakers?"
    r"|actions?|action[ \t]+owner|rota|on[ \t]+call|staff|coordinator|reviewers?|editors?|approvers?)[ \t]*:"
    r"|\b(?:prepared|written|compiled|reviewed|approved|signed(?:[ \t]+off)?|chaired|led|edited|presented|adapted"
    r"|facilitated|produced|developed|designed|coordinated|supervised|minuted|audited|checked|verified"
    r"|updated|owned|funded|supported|sponsored|taken)[ \t]+by\b"
    r"|\b(?:thanks|thank[ \t]+you|with[ \t]+thanks|grateful)[ \t]+to\b|\backnowledg\w*|\bowner\b|\bcontact\b)",
    re.IGNORECASE,
)
# Right after a name: a role, a staff action, a citation's initials.
STAFF_AFTER = re.compile(
    rf"(?:[ \t]*(?:,|\(|-|\u2013|\u2014)[ \t]*(?:the[ \t]+|our[ \t]+|a[ \t]+|an[ \t]+|team[ \t]+)?"
    rf"(?:[\w-]+[ \t]+){{0,3}}?{ROLE}s?\b"
    r"|[ \t]+(?:to|agreed[ \t]+to|volunteered[ \t]+to)[ \t]+(?!be[ \t])[a-z]+"
    r"|[ \t]+(?:on[ \t]+leave|off[ \t]+sick|on[ \t]+holiday|away|covering|cover|led|chaired|presented[ \t]+the"
    r"|facilitated|ran[ \t]+the|reported|noted|suggested|proposed|raised|emailed|circulated|shared|drafted"
    r"|wrote|analysed|analyzed|collected|audited|updated|designed|developed)\b"
    r"|[ \t]+[A-Z]{1,3}\.?(?:,|\.|;|[ \t]+et[ \t]+al|[ \t]+and[ \t]|$)|,?[ \t]+et[ \t]+al\b"
    r"|[ \t]*,[ \t]*[A-Z]{1,3}\.?(?:,|\.|;|$))",
    re.MULTILINE,
)
ORG_WORDS = frozenset(
    """
    hospital hospitals clinic clinics centre center centres unit units practice surgery service services team
    teams trust foundation university school college ward wards house institute council group network
    programme program health medical children's childrens paediatrics pediatrics pharmacy library building
    wing street road avenue lane drive close court crescent way place square park hall campus department
    society association board committee partnership alliance collaborative company ltd inc limited nhs
    infirmary hospice lodge trust's ccg icb region district county city town village
    """.split()
)
# Capitalised words that are not names: the patterns' field words, organisation words, care and QI
# vocabulary, relatives and titles (a name after a cue is never one of these).
STOP = (
    NOT_NAMES
    | ORG_WORDS
    | frozenset(
        """
        i we he she they it you his her their our my your its
        admitted discharged seen reviewed called phoned discussed following follow followed spoke rang saw
        texted messaged visited contacted booked weighed examined assessed triaged treated transferred
        telephoned readmitted met dear head
        transition pathway protocol procedure policy guideline guidance standard operating bundle tool
        checklist template chart data run audit meeting huddle session round list plan register registry
        dashboard system pdsa cycle study act do aim measure measures outcome process balancing change idea
        ideas driver drivers week weeks month months today tomorrow yesterday morning afternoon evening night
        ed a&e mdt icu picu nicu hdu gp ot slt camhs asthma diabetes epilepsy respiratory cardiology
        paediatric pediatric diabetic outpatient outpatients inpatient inpatients emergency acute community
        primary secondary tertiary early help support advice liaison safety safeguarding experience
        reported family families friends friend carers clinician clinicians staff
        mother father mum mom mam dad mummy daddy grandmother grandfather grandma grandpa gran granny
        grandad nan nana aunt auntie uncle sister brother son daughter cousin wife husband partner
        mr mrs ms miss mx master mstr dr doctor prof professor nurse matron sir lady lord dame rev st saint
        north south east west new great upper lower old
        """.split()
    )
)
# Given names that are far more often ordinary capitalised words at the start of a sentence: they
# still count after a strong cue, but never start a name on the weak cue alone.
COMMON_GIVEN = frozenset("will may june april august doctor author hope grace joy faith bill mark page".split())

# -- spans -----------------------------------------------------------------------------------------

PARTICLE = r"(?:van|von|de|der|den|da|di|del|della|dos|das|du|la|le|bin|binti|ibn|al|el|ter|ten)"
# A run of capitalised words (with name particles and middle initials between them), a title with
# its dot allowed, over at most one line break at a time (a PDF wraps lines inside a name); the run
# is split into cue words, title and name below.
_RUN = re.compile(
    rf"(?<![{UPPER}{LOWER}'\u2019-])(?:{TITLE}\.|{STAFF_TITLE}\.|{TOKEN})"
    rf"(?:(?:[ \t]+|[ \t]*\n[ \t]*)"
    rf"(?:(?:{PARTICLE}[ \t]+){{1,2}}{TOKEN}|[{UPPER}]\.(?=[ \t]+[{UPPER}])|{TITLE}\.|{TOKEN}))*"
    rf"(?![{UPPER}{LOWER}])"
)
_WORD = re.compile(rf"(?:{TITLE}|{STAFF_TITLE})(?:\.|(?![{LOWER}]))|{PARTICLE}(?![{LOWER}])|[{UPPER}]\.|{TOKEN}")
_TITLE = re.compile(rf"{TITLE}\.?$")
_STAFF_TITLE = re.compile(rf"{STAFF_TITLE}\.?$")


def _left(pattern):
    # Up to three characters between the cue and the name: spaces, ":", ",", "(", a dash, one line
    # break; never the end of a sentence, a table's cell separator or an empty line (the end of a
    # part). The name starts with a capital.
    gap = r"(?:[ \t:,(\u2013\u2014-]|\n(?!\n)){0,3}"
    return re.compile(rf"(?:{pattern}){gap}(?=(?-i:[{UPPER}]))", re.IGNORECASE)


def _right(pattern):
    return re.compile(rf"^(?:{pattern})", re.IGNORECASE)


# Strong cues before a name: each is searched once over the whole text, and a name that starts
# where a cue ends has it (one search per cue, not one per name: a 10,000-row sheet stays fast).
CUES_BEFORE = [
    ("care-verb", _left(rf"\b{CARE_VERB}(?:[ \t]+(?:home|today|yesterday|overnight|again))?")),
    ("relative", _left(rf"\b(?:(?:her|his|their|the|a|patient['\u2019]s|{CHILD}['\u2019]s)[ \t]+)?{RELATIVE}"
                       r"[ \t]*(?:,|\(|-|\u2013|:)?")),
    ("person-word", _left(rf"\b(?:{CHILD}|\d{{1,2}}[- ]year[- ]old|{CHILD}[ \t]+(?:called|named|known[ \t]+as))"
                          r"[ \t]*(?:-|\u2013|\u2014|\(|,)")),
    ("relative-label", _left(rf"\b{RELATIVE}[ \t]*:")),
    ("named", _left(rf"\b{CHILD}[ \t]+(?:called|named|known[ \t]+as)")),
]
# Strong cues after a name.
CUES_AFTER = [
    ("age", _right(AGE)),
    ("relative", _right(rf"[ \t]*(?:\(|,|-|\u2013)[ \t]*(?:the[ \t]+|her[ \t]+|his[ \t]+|their[ \t]+"
                        rf"|(?:the[ \t]+)?{CHILD}['\u2019]s[ \t]+|patient['\u2019]s[ \t]+)?{RELATIVE}\b")),
    ("possessive", _right(rf"['\u2019]s[ \t]+(?:[\w-]+[ \t]+){{0,2}}?(?:{RELATIVE}|{CARE_NOUN})\b")),
    ("after-verb", _right(rf"[ \t]+(?:\w+[ \t]+)?{AFTER_VERB}\b")),
]
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)|\n| \| ")


@dataclass(frozen=True)
class NameMatch:
    start: int
    end: int
    score: float
    cue: str  # which rule found it (for tests and tuning)


@lru_cache(maxsize=1)
def given_names():
    """The lexicon, lower-cased: a frozenset of ~22,000 given names."""
    lines = LEXICON.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().lower() for line in lines if line.strip() and not line.startswith("#"))


@dataclass
class _Candidate:
    start: int
    end: int
    words: list  # the name's words, titles and cue words stripped
    title: str  # "Mr", "Miss", ... before the name, or ""
    title_start: int  # where the title starts (a cue may stand before it)
    staff: bool  # after a staff title, or the start of an organisation's or a place's name


def _candidates(text):
    """Name-shaped runs of capitalised words, split into a title and the name proper."""
    for run in _RUN.finditer(text):
        words = [(m.start() + run.start(), m.end() + run.start(), m.group()) for m in _WORD.finditer(run.group())]
        title, title_start, staff_title = "", run.start(), False
        # Strip leading cue words, titles and ordinary words: "Admitted Miss Okafor" -> Okafor.
        while words:
            word = words[0][2]
            if _TITLE.match(word):
                title, title_start = word, words[0][0]
            elif _STAFF_TITLE.match(word):
                staff_title = True
            elif word.lower() in STOP:
                title, staff_title = "", False  # a title counts only right before the name
            else:
                break
            words = words[1:]
        # The name ends before the next ordinary word ("Okafor Thursday"); one that names an
        # organisation or a place makes the whole run one ("Mary Seacole Ward", "Riverside Clinic").
        place = False
        for index, (_, _, word) in enumerate(words):
            if word.lower() in STOP:
                place = word.lower() in ORG_WORDS
                words = words[:index]
                break
        while words and (re.fullmatch(r"[A-Z]\.", words[-1][2]) or re.fullmatch(PARTICLE, words[-1][2])):
            words = words[:-1]
        name_words = [w for w in words if not re.fullmatch(PARTICLE, w[2])]
        if not name_words or len(name_words) > 4:
            continue
        start, end = words[0][0], words[-1][1]
        yield _Candidate(start, end, [w[2] for w in name_words], title, title_start, staff_title or place)


def _sentence(text, start, end):
    """(from, to) of the sentence (or table cell, or line) holding text[start:end]."""
    left = max(0, start - 300)
    cut = left
    for match in _SENTENCE_END.finditer(text, left, start):
        cut = match.end()
    after = _SENTENCE_END.search(text, end, end + 300)
    return cut, (after.start() if after else min(len(text), end + 300))


def _staff_context(text, start, end):
    before = text[max(0, start - WINDOW) : start]
    if re.search(rf"\b{STAFF_TITLE}\.?[ \t]*$", before) or re.search(rf"\b{ROLE}s?[ \t]*$", before, re.I):
        return True  # "Dr X", "Nurse X", "our dietitian X"
    if re.search(r"\b(?:St\.?|Saint)[ \t]*$", before):
        return True  # "St Mary's Hospital"
    if re.search(r"\bby[ \t]*$", before) or re.search(rf"\b(?:{'|'.join(ORG_WORDS)})[ \t]*\([ \t]*$", before, re.I):
        return True  # an author ("a report by X"), a service's contact ("the infusion unit (X)")
    if STAFF_AFTER.match(text, end, min(len(text), end + WINDOW)):
        return True  # "X (chair)", "X, data analyst", "X to chase ...", "Smith J,"
    if re.match(r"['\u2019]s?[ \t]+(?:[\w-]+[ \t]+)?(?:team|list|clinic|office|caseload|rota)\b", text[end : end + 40]):
        return True  # "X's team", "X's clinic list": a member of staff's
    sentence_start, _ = _sentence(text, start, end)
    return bool(STAFF_LABEL.search(text, sentence_start, start))  # "Present: A, B, X."


def _cues_before(text):
    """{position where a name may start: the cue before it}."""
    found = {}
    for cue, pattern in CUES_BEFORE:
        for match in pattern.finditer(text):
            found.setdefault(match.end(), cue)
    return found


def _strong_cue(text, candidate, cues_before):
    if candidate.title in ("Master", "Master.", "Mstr", "Mstr."):
        return "master"  # a boy's title: staff never carry it
    cue = cues_before.get(candidate.start) or (candidate.title and cues_before.get(candidate.title_start))
    if cue:
        return cue
    after = text[candidate.end : candidate.end + WINDOW]
    for cue, pattern in CUES_AFTER:
        if pattern.match(after):
            return cue
    return None


def find_names(text):
    """Patients' and relatives' names in ``text`` (see the module docstring), in order."""
    lexicon = given_names()
    cues_before = _cues_before(text)
    # Cheap tests first (a cue, the lexicon); the staff context only for what could be reported.
    possible = []
    for c in _candidates(text):
        first = c.words[0].lower()
        known = first in lexicon and first not in COMMON_GIVEN
        cue = _strong_cue(text, c, cues_before)
        if cue and (known or len(c.words) >= 2 or c.title):
            possible.append((c, cue, STRONG_SCORE))
        elif cue is None and len(c.words) >= 2 and known:
            possible.append((c, "care-sentence", WEAK_SCORE))
        elif len(c.words) >= 2:
            possible.append((c, None, 0.0))  # never reported, but may show a name to be staff
    names = {" ".join(c.words).lower() for c, cue, _ in possible if cue}
    staff = set()
    for c, _, _ in possible:
        key = " ".join(c.words).lower()
        if key in names and (c.staff or _staff_context(text, c.start, c.end)):
            c.staff = True
            # A name seen anywhere in a staff context is staff throughout the text ("Present: Tom
            # Brook" ... "Tom Brook phoned the ward").
            if len(c.words) >= 2:
                staff.add(key)
    found = []
    for c, cue, score in possible:
        if not cue or c.staff or " ".join(c.words).lower() in staff:
            continue
        if cue == "care-sentence":
            sentence = _sentence(text, c.start, c.end)
            if not CARE_WORD.search(text[sentence[0] : c.start] + " " + text[c.end : sentence[1]]):
                continue
        found.append(NameMatch(c.start, c.end, score, cue))
    return found


class NameRecognizer:
    """``find_names`` as a recognizer (``engine.Recognizer``); it judges its own context."""

    name = "NameInContext"
    context = ()

    def __init__(self):
        given_names()  # read the lexicon when the engine is built, not on the first file

    def analyze(self, text):
        return [Result(ENTITY, m.start, m.end, m.score, self.name) for m in find_names(text)]


def name_recognizers():
    """The recognizers of this module (phi.build_analyzer adds them)."""
    return [NameRecognizer()]
