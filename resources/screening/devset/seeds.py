"""The identifiers seeded into the development set: for each kind, several phrasings, each with
several sentences, so that no one sentence is what the set measures.

    KINDS                       # kind -> [(phrasing, make)]
    make(rng) -> Seed           # a sentence holding one identifier, and the identifier as written

Each ``Seed.value`` is the identifier exactly as it appears in ``Seed.text``. Short identifiers
carry a word of their context in the value ("aged 93", not "93"), so that matching a finding
to the value (``evaluate.matches``) cannot be satisfied by any two masked digits nearby.

Every value is invented: phone numbers are in fictional or unassigned-looking ranges, NHS and CHI
numbers pass their check digit (as real ones do) but were drawn at random, SSNs avoid the
never-issued areas (000, 666, 9xx).
"""

from dataclasses import dataclass

from .vocab import (
    FIRST_NAMES,
    MONTHS,
    PERSONAL_DOMAINS,
    RELATIVES,
    STREET_NAMES,
    STREET_TYPES,
    SURNAMES,
    UK_TOWNS,
    US_TOWNS,
)


@dataclass(frozen=True)
class Seed:
    text: str  # the sentence (or table note) that holds the identifier
    value: str  # the identifier as written in text
    kind: str
    phrasing: str
    severity: str = "block"  # a patient's or relative's identifier


def _name(rng):
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}"


def _pick(rng, templates, **values):
    return rng.choice(templates).format(**values)


def _digits(rng, count, first="123456789"):
    return rng.choice(first) + "".join(rng.choice("0123456789") for _ in range(count - 1))


def _letters(rng, count):
    return "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(count))


def mod11_number(rng, first_six=None):
    """Ten digits whose last is the modulus-11 check digit of the first nine (the NHS number's
    rule, and Scotland's CHI number's, whose first six digits are a date of birth)."""
    while True:
        digits = first_six or _digits(rng, 6, "4569" if first_six is None else "0123")
        digits += "".join(rng.choice("0123456789") for _ in range(3))
        total = sum(int(d) * w for d, w in zip(digits, range(10, 1, -1), strict=True))
        check = 11 - total % 11
        check = 0 if check == 11 else check
        if check != 10:
            return digits + str(check)


# -- names -----------------------------------------------------------------------------------------


def patient_labelled(rng):
    name = _name(rng)
    text = _pick(rng, [
        "Patient: {n} - reviewed at the pre-visit huddle, bloods due.",
        "Patient name: {n} (flagged for overdue eye screening)",
        "Child: {n}; plan agreed with the family, follow up in 6 weeks.",
        "Name of patient: {n}. Referred back to the dietitian.",
        "Patient - {n} - missed two appointments in a row.",
    ], n=name)
    return Seed(text, name, "patient-name", "labelled")


def patient_in_sentence(rng):
    name = _name(rng)
    text = _pick(rng, [
        "We called {n} twice before the visit and left a voicemail both times.",
        "Dr Raman agreed that {n} should move to the transition clinic next spring.",
        "The team discussed {n} at length: the pump settings need a second look.",
        "Nurse Whitfield phoned {n} about the new spacer technique.",
        "{n} came in with wheeze for the third time this month.",
        "Follow-up with {n} was booked for the next available slot.",
    ], n=name)
    return Seed(text, name, "patient-name", "in-sentence")


def patient_possessive(rng):
    name = _name(rng)
    relative = rng.choice(RELATIVES)
    text = _pick(rng, [
        "We called {n}'s {r} to rebook the missed appointment.",
        "{n}'s {r} asked whether the school nurse could check levels at lunch.",
        "Following up on {n}'s sensor readings from last week, all within range.",
        "The huddle agreed to chase {n}'s overdue retinal screening.",
    ], n=name, r=relative)
    return Seed(text, name, "patient-name", "possessive")


def patient_title_age(rng):
    surname = rng.choice(SURNAMES)
    age = rng.randint(2, 17)
    title = rng.choice(["Mr.", "Ms.", "Miss", "Master", "Mr", "Ms", "Mx"])
    text = _pick(rng, [
        "{t} {s} (age {a}) attended with new symptoms.",
        "Reviewed {t} {s}, {a} years old, in the afternoon clinic.",
        "{t} {s} (aged {a}) needs a new spacer and a written plan.",
        "Discussed {t} {s} (age {a}): transition readiness score 6 of 10.",
    ], t=title, s=surname, a=age)
    return Seed(text, f"{title} {surname}", "patient-name", "title-and-age")


def patient_seen_admitted(rng):
    name = _name(rng)
    text = _pick(rng, [
        "Seen in clinic: {n}, follow-up of DKA admission.",
        "Admitted {n} overnight with an asthma exacerbation.",
        "Seen today - {n} - weight up 1.2 kg since the last visit.",
        "Discharged {n} home on Thursday with the new plan.",
        "Reviewed in clinic: {n}. Next appointment in 3 months.",
    ], n=name)
    return Seed(text, name, "patient-name", "seen-or-admitted")


def relative_name(rng):
    name = _name(rng)
    relative = rng.choice(RELATIVES)
    phrasing, text = rng.choice([
        ("labelled", f"{relative.capitalize()}: {name} (attends most appointments)"),
        ("labelled", f"Next of kin: {name}, {relative}"),
        ("in-sentence", f"Her {relative}, {name}, works nights, so calls go after 6pm."),
        ("in-sentence", f"Spoke with the {relative} ({name}) about the sick-day rules."),
        ("in-sentence", f"{name} (the boy's {relative}) asked for the clinic letter by post."),
        ("in-sentence", f"His {relative} {name} brings him to clinic on Fridays."),
    ])
    return Seed(text, name, "relative-name", phrasing)


# -- record numbers --------------------------------------------------------------------------------


def mrn_labelled(rng):
    value = rng.choice([_digits(rng, 8), f"{_digits(rng, 4)}-{_digits(rng, 4, '0123456789')}", _digits(rng, 7)])
    text = _pick(rng, [
        "MRN: {v} - results not yet filed.",
        "Follow up MRN {v} before the Thursday huddle.",
        "(MRN {v}) flagged twice in the audit extract.",
        "Medical record number {v} appears in both lists.",
    ], v=value)
    return Seed(text, value, "medical-record-number", "mrn")


def mrn_alphanumeric(rng):
    value = rng.choice([
        f"{_letters(rng, 3)}-{_digits(rng, 7)}", f"{_letters(rng, 2)}{_digits(rng, 7)}",
        f"{_letters(rng, 1)}{_digits(rng, 6)}{_letters(rng, 1)}",
        f"{_letters(rng, 1)}-{_digits(rng, 3)}-{_digits(rng, 4)}",
    ])
    text, phrasing = rng.choice([
        (f"Chart {value} pulled for the audit sample.", "chart"),
        (f"Chart no. {value}: missing consent form.", "chart"),
        (f"Hospital number: {value}", "hospital-number"),
        (f"hosp no {value} - please re-send the letter.", "hospital-number"),
        (f"Patient ID {value} was double-booked.", "patient-id"),
        (f"Record {value} has no growth chart entry.", "record-word"),
        (f"See the notes for {value} (chart review, week 4).", "record-word"),
    ])
    return Seed(text, value, "medical-record-number", phrasing)


def nhs_number(rng):
    digits = mod11_number(rng)
    value = rng.choice([f"{digits[:3]} {digits[3:6]} {digits[6:]}", digits, f"{digits[:3]}-{digits[3:6]}-{digits[6:]}"])
    text = _pick(rng, [
        "NHS number {v} - check the GP registration.",
        "NHS No: {v}",
        "Referral letter quotes NHS {v}; please update.",
    ], v=value)
    return Seed(text, value, "medical-record-number", "nhs")


def chi_number(rng):
    day, month, year = rng.randint(1, 28), rng.randint(1, 12), rng.randint(6, 20)
    value = mod11_number(rng, f"{day:02d}{month:02d}{year:02d}")
    text = _pick(rng, [
        "CHI {v} - letter returned, address changed.",
        "CHI number: {v} (Lothian)",
        "The CHI no. {v} does not match the clinic list.",
    ], v=value)
    return Seed(text, value, "medical-record-number", "chi")


# -- contact details -------------------------------------------------------------------------------


def _phone(rng):
    n4 = lambda: _digits(rng, 4, "0123456789")  # noqa: E731
    n3 = lambda: _digits(rng, 3, "0123456789")  # noqa: E731
    area = rng.choice(["617", "312", "415", "206", "503", "919", "614", "608"])
    ca_area = rng.choice(["416", "604", "613", "514", "403"])
    return rng.choice([
        ("us", f"({area}) {_digits(rng, 3, '2346789')}-{n4()}"),
        ("us", f"{area}-{_digits(rng, 3, '2346789')}-{n4()}"),
        ("uk-landline", f"0113 496 {n4()}"),
        ("uk-landline", f"020 7946 {n4()}"),
        ("uk-landline", f"0161 {_digits(rng, 3, '2345789')} {n4()}"),
        ("uk-mobile", f"07700 900{n3()}"),
        ("uk-mobile", f"07{rng.choice('4589')}{_digits(rng, 2, '0123456789')} {_digits(rng, 6, '123456789')}"),
        ("canada", f"({ca_area}) {_digits(rng, 3, '2346789')}-{n4()}"),
        ("australia", f"04{_digits(rng, 2, '0123456789')} {n3()} {n3()}"),
        ("australia", f"(02) 9{n3()} {n4()}"),
        ("ireland", f"087 {n3()} {n4()}"),
        ("ireland", f"(01) {_digits(rng, 3, '2345678')} {n4()}"),
        ("international", f"+44 7700 900{n3()}"),
        ("international", f"+353 86 {n3()} {n4()}"),
        ("international", f"+61 4{_digits(rng, 2, '0123456789')} {n3()} {n3()}"),
        ("international", f"+1 {ca_area} {_digits(rng, 3, '2346789')} {n4()}"),
    ])


def phone_number(rng):
    phrasing, value = _phone(rng)
    relative = rng.choice(RELATIVES)
    text = _pick(rng, [
        "The family asked us to ring {r} on {v} after 5pm.",
        "Home phone: {v}",
        "{R}'s mobile {v} - text before calling.",
        "Call back on {v} about the missed bloods.",
        "Contact number for the family: {v} (not the landline).",
        "Left a message on {v}, no reply yet.",
    ], v=value, r=relative, R=relative.capitalize())
    return Seed(text, value, "phone-number", phrasing)


def email_address(rng):
    first, surname = rng.choice(FIRST_NAMES), rng.choice(SURNAMES).replace(" ", "").replace("'", "")
    local = rng.choice([f"{first}.{surname}", f"{first[0]}{surname}", f"{surname}{rng.randint(1, 99)}",
                        f"{first}_{surname[:4]}", f"{first}{surname[0]}{rng.randint(70, 99)}"]).lower()
    value = f"{local}@{rng.choice(PERSONAL_DOMAINS)}"
    relative = rng.choice(RELATIVES)
    text = _pick(rng, [
        "Mum's email: {v} - prefers email to letters.",
        "The {r} asked for the plan to be sent to {v}.",
        "Parent e-mail {v} (bounced last time).",
        "Send the clinic letter to {v}, not the school.",
        "Contact: {v}",
    ], v=value, r=relative)
    return Seed(text, value, "email-address", "personal")


# -- dates and ages --------------------------------------------------------------------------------


def date_of_birth(rng):
    year, month, day = rng.randint(2006, 2022), rng.randint(1, 12), rng.randint(1, 28)
    mon = MONTHS[month - 1]
    suffix = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd"}.get(day, "th")
    phrasing, value = rng.choice([
        ("dd/mm/yyyy", f"{day:02d}/{month:02d}/{year}"),
        ("mm/dd/yyyy", f"{month}/{day}/{year}"),
        ("dd-mm-yy", f"{day:02d}-{month:02d}-{year % 100:02d}"),
        ("dd.mm.yyyy", f"{day:02d}.{month:02d}.{year}"),
        ("iso", f"{year}-{month:02d}-{day:02d}"),
        ("day month year", f"{day} {mon} {year}"),
        ("day month year", f"{day}{suffix} {mon[:3]} {year}"),
        ("month day year", f"{mon} {day}, {year}"),
        ("month day year", f"{mon} {day}{suffix} {year}"),
        ("dd-mon-yyyy", f"{day:02d}-{mon[:3]}-{year}"),
        ("month year", f"{mon} {year}"),
    ])
    text = _pick(rng, [
        "DOB: {v}",
        "D.O.B. {v} - check the growth centile.",
        "Date of birth {v}; transition due at 16.",
        "born {v}, diagnosed at 4",
        "Born on {v} at 32 weeks.",
        "(DOB {v}) needs the catch-up vaccine.",
        "Birthday {v} - party clashes with the appointment.",
        "d.o.b.: {v}",
    ], v=value)
    return Seed(text, value, "date-of-birth", phrasing)


def age_over_89(rng):
    age = rng.randint(90, 104)
    relative = rng.choice(["grandmother", "grandfather", "great-grandmother", "great-grandfather", "great-aunt"])
    phrasing, value, text = rng.choice([
        ("relative", f"aged {age}", f"Lives with his {relative}, aged {age}, who does the injections."),
        ("relative", f"{age}-year-old", f"Her {age}-year-old {relative} is the main carer on weekdays."),
        ("relative", f"age {age}", f"Care is shared with the {relative} (age {age}) since the move."),
        ("patient", f"Age: {age}", f"Age: {age}; lives alone, district nurse visits daily."),
        ("patient", f"{age} y/o", f"{age} y/o woman admitted with heart failure, second this year."),
        ("patient", f"aged {age}", f"A man aged {age} was the oldest person in the audit sample."),
        ("patient", f"{age} years old", f"The patient is {age} years old and declined the home visit."),
    ])
    return Seed(text, value, "age-over-89", phrasing)


# -- places ----------------------------------------------------------------------------------------


def postal_address(rng):
    number = rng.randint(2, 240)
    street = f"{number} {rng.choice(STREET_NAMES)} {rng.choice(STREET_TYPES)}"
    town, postcode = rng.choice(UK_TOWNS)
    us_town, state, zip_code = rng.choice(US_TOWNS)
    plus4 = f"{zip_code}-{_digits(rng, 4, '0123456789')}"
    phrasing, value, text = rng.choice([
        ("street", street, f"Moved to {street}, {town} last month; new GP not yet known."),
        ("street", street, f"Home visit booked: {street}, {us_town}, {state}."),
        ("street", f"Flat {rng.randint(1, 20)}, {street}", f"Letters to Flat {street}"),
        ("uk-postcode", postcode, f"Lives in {town}, {postcode}, about 40 minutes from clinic."),
        ("uk-postcode", postcode, f"Postcode {postcode} - outside the catchment."),
        ("us-zip", f"{state} {zip_code}", f"Family relocated to {us_town}, {state} {zip_code} in June."),
        ("zip+4", plus4, f"Mailing address ZIP {plus4}, confirm before posting the meter."),
        ("zip+4", plus4, f"{street}, {us_town} {state} {plus4}"),
        ("po-box", f"PO Box {rng.randint(10, 9999)}", "Letters go to the PO Box {box} in town."),
        ("australia", f"{street}, Parramatta NSW 2150", f"Now at {street}, Parramatta NSW 2150."),
        ("eircode", f"D0{rng.randint(1, 9)} {_letters(rng, 1)}{_digits(rng, 3, '0123456789')}",
         "Eircode {code} (new address, Dublin)."),
    ])
    if phrasing == "street" and value.startswith("Flat"):
        text = f"Letters to {value}, {town} {postcode}."
    elif phrasing == "po-box":
        text = text.format(box=value.split()[-1])
    elif phrasing == "eircode":
        text = text.format(code=value)
    return Seed(text, value, "postal-address", phrasing)


# -- numbers -------------------------------------------------------------------------------------


def device_serial(rng):
    value = rng.choice([
        f"{_letters(rng, 3)}{_digits(rng, 7)}{_letters(rng, 1)}",
        f"{_digits(rng, 4)}-{_digits(rng, 5)}-{_letters(rng, 2)}",
        f"{_digits(rng, 1)}{_letters(rng, 1)}{_digits(rng, 1)}{_letters(rng, 3)}{_digits(rng, 1)}",
        f"SN{_digits(rng, 9)}",
    ])
    text = _pick(rng, [
        "Insulin pump serial no. {v} - replacement ordered.",
        "CGM transmitter S/N: {v}",
        "Pump serial number {v} logged with the manufacturer.",
        "Device ID {v} (nebuliser on loan).",
        "The pacemaker, serial {v}, was checked remotely.",
    ], v=value)
    return Seed(text, value, "device-serial-number", "device")


def insurance_number(rng):
    phrasing, value = rng.choice([
        ("medicaid", _digits(rng, 10)),
        ("member-id", f"{_letters(rng, 3)}{_digits(rng, 9)}"),
        ("medicare-mbi", f"{_digits(rng, 1)}{_letters(rng, 2)}{_digits(rng, 1)}-{_letters(rng, 2)}{_digits(rng, 1)}-"
                         f"{_letters(rng, 2)}{_digits(rng, 2)}"),
        ("policy", f"{_letters(rng, 2)}-{_digits(rng, 6)}-{_digits(rng, 2)}"),
        ("au-medicare", f"{_digits(rng, 4, '23456')} {_digits(rng, 5, '0123456789')} {rng.randint(1, 9)}"),
    ])
    label = {"medicaid": "Medicaid ID", "member-id": "Member ID", "medicare-mbi": "Medicare MBI",
             "policy": "Insurance policy no.", "au-medicare": "Medicare card"}[phrasing]
    text = _pick(rng, [
        "{l} {v} - prior authorisation pending.",
        "{l}: {v}",
        "The {l} {v} was rejected by the payer.",
        "Coverage lapsed ({l} {v}); social work informed.",
    ], l=label, v=value)
    return Seed(text, value, "insurance-number", phrasing)


def ssn(rng):
    area = rng.choice([n for n in range(1, 900) if n != 666])
    group, serial = rng.randint(1, 99), rng.randint(1, 9999)
    phrasing, value = rng.choice([
        ("dashed", f"{area:03d}-{group:02d}-{serial:04d}"),
        ("spaced", f"{area:03d} {group:02d} {serial:04d}"),
        ("bare", f"{area:03d}{group:02d}{serial:04d}"),
    ])
    text = _pick(rng, [
        "SSN: {v}",
        "Social security number {v} on the benefits form.",
        "SS# {v} - do not copy into the registry.",
        "Insurance form lists the SSN {v} for the mother.",
    ], v=value)
    return Seed(text, value, "us-social-security-number", phrasing)


# kind -> the makers, each picked in turn so every phrasing appears
KINDS = {
    "patient-name": [patient_labelled, patient_in_sentence, patient_possessive, patient_title_age,
                     patient_seen_admitted],
    "relative-name": [relative_name],
    "medical-record-number": [mrn_labelled, mrn_alphanumeric, nhs_number, chi_number],
    "phone-number": [phone_number],
    "email-address": [email_address],
    "date-of-birth": [date_of_birth],
    "age-over-89": [age_over_89],
    "postal-address": [postal_address],
    "device-serial-number": [device_serial],
    "insurance-number": [insurance_number],
    "us-social-security-number": [ssn],
}
# How many files of each kind the full set holds (names and record numbers come in most shapes).
PER_KIND = {
    "patient-name": 30,
    "relative-name": 10,
    "medical-record-number": 20,
    "phone-number": 20,
    "email-address": 10,
    "date-of-birth": 15,
    "age-over-89": 10,
    "postal-address": 15,
    "device-serial-number": 8,
    "insurance-number": 8,
    "us-social-security-number": 8,
}
