"""Masking what the screening found (``phi.py``), and the short quote a finding shows.

    mask(kind, entity, value) -> str        # the value with its identifying characters as "*"
    masked_text(text, detections) -> str    # every detection in text masked
    snippet(masked, start, end) -> str      # a one-line quote around [start, end) of a masked text

Every mask keeps the length of what it masks, so offsets into a masked text are offsets into the
original.
"""

import re

from .identifiers import MORE_STREET_TYPES
from .patterns import LOWER, STREET_TYPES, UPPER, US_STATES

STREET_WORDS = frozenset(word.lower() for word in (STREET_TYPES + "|" + MORE_STREET_TYPES).split("|"))
STATE_CODES = frozenset(US_STATES.split("|") + ["NSW", "VIC", "QLD", "SA", "WA", "TAS", "NT", "ACT"])


def _mask_keep_last(value, keep=2):
    alnum = [i for i, char in enumerate(value) if char.isalnum()]
    shown = set(alnum[-keep:]) if keep and len(alnum) > keep * 2 else set()
    return "".join(char if (not char.isalnum() or i in shown) else "*" for i, char in enumerate(value))


def _mask_date(value):
    year = re.search(r"(?<!\d)(?:18|19|20|21)\d{2}(?!\d)", value)
    keep = range(year.start(), year.end()) if year else range(0)
    return "".join(char if (not char.isalnum() or i in keep) else "*" for i, char in enumerate(value))


def _mask_email(value):
    local, _, domain = value.rpartition("@")
    labels = domain.split(".")
    masked_domain = ".".join(["*" * len(label) for label in labels[:-1]] + labels[-1:])
    return local[:1] + "*" * (len(local) - 1) + "@" + masked_domain


def _mask_name(value):
    return re.sub(rf"(?<=[{UPPER}{LOWER}])[{LOWER}{UPPER}'\u2019]", "*", value)


def _mask_address(value):
    """Digits and words masked; street words, "PO Box" and a state code before its postcode shown
    (a state is not identifying: HIPAA's Safe Harbor keeps it)."""

    def word(match):
        text = match.group(0)
        if text in STATE_CODES and re.match(r"[ \t]+\d", value[match.end() :]):
            return text
        return text if text.rstrip(".").lower() in STREET_WORDS | {"po", "box"} else "*" * len(text)

    return re.sub(r"[A-Za-z\u00c0-\u00ff]+|\d+", word, value)


def _mask_postcode(value):
    state = re.match(r"([A-Z]{2})[ \t]+\d", value)  # "MA 02115": the state stays
    start = 2 if state else 0
    return value[:start] + "".join("*" if char.isalnum() else char for char in value[start:])


MASKS = {
    "medical-record-number": _mask_keep_last,
    "date-of-birth": _mask_date,
    "phone-number": _mask_keep_last,
    "email-address": _mask_email,
    "us-social-security-number": _mask_keep_last,
    "patient-name": _mask_name,
}


def mask(kind, entity, value):
    if kind == "postal-address":
        return (
            _mask_address(value) if entity == "POSTAL_ADDRESS" and re.search(r"[a-z]", value) else _mask_postcode(value)
        )
    return MASKS.get(kind, _mask_keep_last)(value)



def masked_text(text, detections):
    pieces, position = [], 0
    for d in detections:
        pieces.append(text[position : d.start])
        pieces.append(mask(d.kind, d.entity, text[d.start : d.end]))
        position = d.end
    pieces.append(text[position:])
    return "".join(pieces)


SNIPPET_BEFORE, SNIPPET_AFTER = 24, 12


def snippet(masked, start, end):
    """A short quote of ``masked`` around ``[start, end)``: from the same line (and the line before
    when the value starts its line, where its label usually is), on one line."""
    line_start = masked.rfind("\n", 0, start) + 1
    if line_start > 0 and not masked[line_start:start].strip():
        line_start = masked.rfind("\n", 0, line_start - 1) + 1
    line_end = masked.find("\n", end)
    line_end = len(masked) if line_end == -1 else line_end
    left = max(line_start, start - SNIPPET_BEFORE)
    if left > line_start:
        space = masked.find(" ", left, start)
        left = space + 1 if space != -1 else left
    right = min(line_end, end + SNIPPET_AFTER)
    if right < line_end:
        space = masked.rfind(" ", end, right)
        right = space if space != -1 else right
    quote = re.sub(r"\s+", " ", masked[left:right]).strip()
    return ("…" if left > line_start else "") + quote + ("…" if right < line_end else "")
