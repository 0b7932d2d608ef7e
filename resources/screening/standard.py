"""Four common identifiers whose shape alone says much (``phi.py``): e-mail addresses, US social
security numbers, UK postcodes and Canadian postal codes.

    standard_recognizers() -> [recognizer]      # engine.RegexRecognizer subclasses

They follow the rules of presidio-analyzer 2.2's EmailRecognizer, UsSsnRecognizer,
UkPostcodeRecognizer and CaPostalCodeRecognizer (the patterns, scores, validators and context
words this screening used when it ran on Presidio), written here so that Presidio and spaCy need
not be installed. Scores: an e-mail address whose domain has a public suffix scores 1; a US SSN
written 123-45-6789 (one kind of separator) 0.5, any other layout 0.05; a Canadian postal code
0.3 with its space, 0.1 without; a UK postcode 0.1. The ``Analyzer``'s context boost lifts a weak
match with a context word just before it to 0.6 or more, above ``phi``'s threshold of 0.5.
"""

import os
import re

from .engine import Pattern, RegexRecognizer
from .patterns import ADDRESS_WORDS, CA_PROVINCES

# tldextract fetches the Public Suffix List over the network unless this is blank; set before it
# is imported. EmailRecognizer also uses its own extractor with no URLs and no cache, so no network
# is touched whatever the environment says.
os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", " ")

# -- e-mail addresses ------------------------------------------------------------------------------

_LOCAL_CHAR = r"[\w!#$%&'*+/=?^`{|}~-]"  # the local part's characters; dots only inside it
_LOCAL = rf"{_LOCAL_CHAR}(?:[\w.!#$%&'*+/=?^`{{|}}~-]*{_LOCAL_CHAR})?"
_LABEL = r"\w+(?:-+\w+)*"  # a domain label; inner hyphens (punycode "xn--...") allowed
EMAIL = rf"\b{_LOCAL}@{_LABEL}(?:\.{_LABEL})+\b"


def example_domain(domain):
    """Domains reserved for examples (RFC 2606): an address there is nobody's."""
    return domain in ("example.com", "example.org", "example.net") or domain.endswith(
        (".example", ".test", ".invalid", ".localhost", ".example.com", ".example.org", ".example.net")
    )


class EmailRecognizer(RegexRecognizer):
    """An address whose domain ends in a public suffix (tldextract's bundled list, never fetched);
    addresses at domains reserved for examples are not reported (those at allowed domains are, as
    "check": context.severity)."""

    def __init__(self):
        import tldextract

        super().__init__("EMAIL_ADDRESS", "EmailAddress", [Pattern("email", EMAIL, 0.5)], ["email"])
        self._extract = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None, fallback_to_snapshot=True)

    def analyze(self, text):
        return super().analyze(text) if "@" in text else []  # most chunks hold no address: skip the scan

    def validate(self, matched):
        if example_domain(matched.rpartition("@")[2].lower()):
            return False
        return self._extract(matched).fqdn != ""


# -- US social security numbers --------------------------------------------------------------------

_D = "[0-9]"
SSN_PATTERNS = [
    Pattern("ssn 5-4", rf"\b{_D}{{5}}-{_D}{{4}}\b", 0.05),
    Pattern("ssn 3-6", rf"\b{_D}{{3}}-{_D}{{6}}\b", 0.05),
    Pattern("ssn 3-2-4", rf"\b{_D}{{3}}-{_D}{{2}}-{_D}{{4}}\b", 0.05),
    Pattern("ssn 9 digits", rf"\b{_D}{{9}}\b", 0.05),
    Pattern("ssn grouped", rf"\b{_D}{{3}}[- .]{_D}{{2}}[- .]{_D}{{4}}\b", 0.5),
]
SSN_CONTEXT = ["social", "security", "ssn", "ssns", "ssid"]
# Every SSN pattern matches digits and separators, starting and ending with a digit: runs of them,
# found in one pass, are where the five patterns are tried (each alone would scan the whole text).
_NUMBER_RUN = re.compile(r"[0-9][0-9 .-]{7,}[0-9]")
# Published sample numbers (the SSA's 078-05-1120, counting runs), never anyone's.
SAMPLE_SSNS = frozenset({"123456789", "987654320", "078051120"})


class UsSsnRecognizer(RegexRecognizer):
    """Nine digits in the SSN's groups, not impossible under the SSA's rules (no area 000 or 666,
    group 00 or serial 0000), not one repeated digit or a sample number, one kind of separator."""

    def __init__(self):
        super().__init__("US_SSN", "UsSsn", SSN_PATTERNS, SSN_CONTEXT)

    def analyze(self, text, pos=0, endpos=None):
        results = []
        for run in _NUMBER_RUN.finditer(text, pos, len(text) if endpos is None else endpos):
            # One character past the run, so that the patterns' final \b sees what follows it.
            results += super().analyze(text, run.start(), min(run.end() + 1, len(text)))
        return results

    def invalidate(self, matched):
        if len({char for char in matched if char in "-. "}) > 1:
            return True
        digits = "".join(char for char in matched if char.isdigit())
        return (
            len(set(digits)) == 1
            or digits[:3] in ("000", "666")
            or digits[3:5] == "00"
            or digits[5:] == "0000"
            or digits in SAMPLE_SSNS
        )


# -- UK postcodes ----------------------------------------------------------------------------------

# Royal Mail's letters by position: A9, A9A, A99, AA9, AA9A, AA99 outward codes, then a digit and
# two letters (never C, I, K, M, O or V); GIR 0AA is the one exception.
_UK_OUTWARD = r"[A-PR-UWYZ](?:[0-9][A-HJKPSTUW]?|[0-9]{2}|[A-HK-Y][0-9][ABEHMNPRVWXY]?|[A-HK-Y][0-9]{2})"
UK_POSTCODE = rf"\b(?:GIR\s?0AA|{_UK_OUTWARD}\s?[0-9][ABD-HJLNP-UW-Z]{{2}})\b"


class UkPostcodeRecognizer(RegexRecognizer):
    def __init__(self, context=ADDRESS_WORDS):
        super().__init__("UK_POSTCODE", "UkPostcode", [Pattern("uk postcode", UK_POSTCODE, 0.1)], context)


# -- Canadian postal codes -------------------------------------------------------------------------

# Canada Post never uses D, F, I, O, Q or U, nor W or Z as the first letter.
_CA_FIRST, _CA_LETTER = "[ABCEGHJ-NPRSTVXY]", "[ABCEGHJ-NPRSTV-Z]"
CA_POSTAL_CODE = rf"\b{_CA_FIRST}\d{_CA_LETTER} \d{_CA_LETTER}\d\b"
CA_POSTAL_CODE_UNSPACED = rf"\b{_CA_FIRST}\d{_CA_LETTER}\d{_CA_LETTER}\d\b"  # weaker: other codes have this shape


class CaPostalCodeRecognizer(RegexRecognizer):
    def __init__(self, context=ADDRESS_WORDS + CA_PROVINCES):
        super().__init__(
            "CA_POSTAL_CODE",
            "CaPostalCode",
            [
                Pattern("ca postal code", CA_POSTAL_CODE, 0.3),
                Pattern("ca postal code, no space", CA_POSTAL_CODE_UNSPACED, 0.1),
            ],
            context,
        )


def standard_recognizers():
    return [EmailRecognizer(), UsSsnRecognizer(), UkPostcodeRecognizer(), CaPostalCodeRecognizer()]
