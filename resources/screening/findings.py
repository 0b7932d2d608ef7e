"""What the automated screening reports: one ``Finding`` per problem, in words a nurse or a parent
can act on.

A finding never carries a full identifier: ``masked`` is a short snippet around what was found
with the identifier itself masked (``MRN: ******12``, ``DOB: **/**/2014``), so findings can be
shown in the admin, written to logs, e-mailed and printed as JSON without spreading what they
warn about.

Each finding has a ``severity``: ``"block"`` (the default: an identifier of a patient or a relative,
or a problem with the file) stops the contribution; ``"check"`` (contact details that are usually an
organisation's, such as a clinic's nurse line or a team mailbox) is shown to the participant and the
reviewer without stopping it.
"""

from dataclasses import asdict, dataclass

PAGE_TEXT = "page text"  # ``Finding.file`` for the page's own fields
BLOCK, CHECK = "block", "check"  # ``Finding.severity``

# Every kind the screening reports, with what it is called in a sentence and what to do about it.
KINDS = {
    # protected health information (phi.py)
    "medical-record-number": (
        "a medical record or hospital number",
        "Delete it, or replace it with an obviously made-up value such as XXXXXXX.",
    ),
    "date-of-birth": (
        "a date of birth",
        "Delete it, or replace it with an age range (for example “aged 8–11”).",
    ),
    "phone-number": (
        "a phone number",
        "Delete it. If it is a service's public number that families need, ask a reviewer to confirm it.",
    ),
    "email-address": (
        "an e-mail address",
        "Delete it, or replace it with a team address that is meant to be public.",
    ),
    "postal-address": (
        "a postal address or postcode",
        "Delete it; a town or region is enough to say where the work was done.",
    ),
    "us-social-security-number": ("a US social security number", "Delete it."),
    "age-over-89": (
        "an age over 89",
        "Replace it with “90 or older”: single ages over 89 identify people (HIPAA Safe Harbor).",
    ),
    "device-serial-number": ("a device serial number", "Delete it, or replace it with the device's model."),
    "insurance-number": ("an insurance or member number", "Delete it."),
    "patient-name": (
        "a name in a patient context",
        "Delete it, or replace it with a made-up label such as “Child A”.",
    ),
    # the file itself (resources/files/checks.py)
    "file-type": ("a file that can't be accepted", ""),
    "file-size": ("a file that is too large", ""),
    "image-pixels": ("an image with too many pixels", ""),
    "archive-size": ("a file that unpacks to too much data", ""),
    "unreadable-file": ("a file that could not be fully checked", ""),
    "formula-cell": ("a spreadsheet cell that would run as a formula", ""),
    "timed-out": ("a file that could not be checked in time", ""),
    # licences (licences.py)
    "licence-missing": ("no licence", ""),
    "licence-incompatible": ("a licence that does not fit the source", ""),
}

@dataclass(frozen=True)
class Finding:
    """One problem found by the screening.

    ``file``: the file's name, or ``"page text"`` for the page's own fields. ``kind``: one of
    ``KINDS``. ``location``: where in the file or page (``"page 3"``, ``"sheet Registry row 12"``,
    ``"line 4"``, ``"slide 2 notes"``, ``"field summary"``, ``"whole file"``). ``masked``: a snippet
    with the identifier masked, or ``""`` when there is nothing to quote. ``message``: a complete
    sentence or two for the person who submitted the resource: what was found and what to do.
    ``severity``: ``"block"`` or ``"check"`` (see the module docstring); last and defaulted, so
    findings made before it existed, positionally or by keyword, still mean "block".
    """

    file: str
    kind: str
    location: str
    masked: str
    message: str
    severity: str = BLOCK

    def as_dict(self):
        return asdict(self)


def describe(file, location):
    """``"Page 3 of audit.pdf"``, ``"The summary"`` (page fields), ``"audit.pdf"`` (whole file)."""
    if file == PAGE_TEXT:
        if location.startswith("field "):
            return f"The {location[len('field '):]}"
        return "The page"
    if not location or location == "whole file":
        return file
    return f"{location[0].upper()}{location[1:]} of {file}"


def phi_finding(file, kind, location, masked, severity=BLOCK):
    """A finding for protected health information, with its plain-language message. A "check"
    finding says that it does not stop the contribution and that a reviewer will confirm it."""
    what, advice = KINDS[kind]
    if severity == CHECK:
        message = (
            f"{describe(file, location)} gives {what} ({masked}) that looks like an organisation's own "
            "contact detail. It does not stop the contribution: a reviewer will confirm it is meant to be "
            "public. If it is a person's, delete it."
        )
    else:
        message = f"{describe(file, location)} seems to contain {what} ({masked}). {advice}"
        if file != PAGE_TEXT:
            message += " Then upload the file again."
    return Finding(file=file, kind=kind, location=location, masked=masked, message=message, severity=severity)
