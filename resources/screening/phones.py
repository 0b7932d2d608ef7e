"""Phone numbers of every country (``phi.py``), with Google's libphonenumber rules (``phonenumbers``).

    phone_regions() -> tuple                 # SCREENING_PHONE_REGIONS, default DEFAULT_PHONE_REGIONS
    phone_windows(text) -> [(start, end)]    # where a phone number can be: the prefilter
    phone_recognizer() -> a recognizer of PHONE_NUMBER (engine.Recognizer)

A number is reported when libphonenumber's matcher finds it *valid* (an assigned range, the
national prefix written where the region needs one) in national form for one of the configured
regions, or in international "+" form for any country. A number that is only *possible* (the right
length, in an unassigned or reserved range such as the UK's 07700 900xxx) is reported too when it
is written exactly as that region groups its numbers ("07700 900123", "(617) 555-0142"): a person
who writes a number in its country's own grouping means a phone number, whatever its range.
"""

import re

from resources.files.extract import setting

from .engine import Result

DEFAULT_PHONE_REGIONS = ("US", "GB", "CA", "AU", "IE", "NZ")
VALID_SCORE = 0.7  # a valid number in a configured region, or in international form
GROUPED_SCORE = 0.6  # a possible number, grouped as its region writes numbers

# Prefilter. libphonenumber's matcher parses every run of digits (dates, lab values, counts) once
# per region, ~10 s for a 10,000-row spreadsheet with three regions, so it is given only runs of 9
# or more digits (7 after a "+"), with a character either side for its own checks. National
# numbers of the default regions have 9 (Irish and New Zealand landlines) to 11 digits with their
# area code; a local number without one is not a valid number to libphonenumber anyway. A date at
# the start of a run is consumed first, so "2025-07-01 06:00" is never a run of ten digits.
_PHONE_RUN = re.compile(
    r"(?P<date>(?<!\d)(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4})(?![\d/.-]\d))"
    r"|(?:\+|(?<![\w.,]))\(?\d[\d \t().\-\u2013/]{5,24}\d(?!\d)"
)
_GROUPS = re.compile(r"\d+")


def phone_regions():
    return tuple(setting("SCREENING_PHONE_REGIONS", DEFAULT_PHONE_REGIONS))


def _runs(text):
    for match in _PHONE_RUN.finditer(text):
        if match.group("date"):
            continue
        digits = sum(char.isdigit() for char in match.group())
        if digits >= 9 or (digits >= 7 and match.group().startswith("+")):
            yield match


def phone_windows(text):
    """Merged (start, end) windows around digit runs that could be phone numbers."""
    windows = []
    for match in _runs(text):
        start, end = max(0, match.start() - 1), min(len(text), match.end() + 1)
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(end, windows[-1][1]))
        else:
            windows.append((start, end))
    return windows


def grouped_number(candidate, regions):
    """Whether ``candidate`` (a run of digits and separators) is a possible phone number of one of
    ``regions`` (or, with "+", of any country) written with exactly that region's digit groups."""
    import phonenumbers

    candidate = candidate.strip(" \t.-/\u2013")
    groups = _GROUPS.findall(candidate)
    if len(groups) < 2:
        return False  # an ungrouped run of digits is a count or a code far more often than a number
    international = candidate.startswith("+")
    for region in (None,) if international else regions:
        try:
            number = phonenumbers.parse(candidate, region)
        except phonenumbers.NumberParseException:
            continue
        if not phonenumbers.is_possible_number(number):
            continue
        style = phonenumbers.PhoneNumberFormat
        style = style.INTERNATIONAL if international else style.NATIONAL
        if _GROUPS.findall(phonenumbers.format_number(number, style)) == groups:
            return True
    return False


class PhoneNumberRecognizer:
    """Phone numbers as the module docstring says, looked for only in ``phone_windows``."""

    name = "PhoneNumber"
    context = ()  # libphonenumber's rules decide; no context boost

    def __init__(self, regions=None):
        self.regions = tuple(regions or phone_regions())

    def analyze(self, text):
        from phonenumbers import Leniency, PhoneNumberMatcher

        results = []
        for start, end in phone_windows(text):
            window = text[start:end]
            found = {}
            for region in self.regions:
                for match in PhoneNumberMatcher(window, region, leniency=Leniency.VALID):
                    found[(start + match.start, start + match.end)] = VALID_SCORE
            for run in _runs(window):
                span = (start + run.start(), start + run.end())
                if any(s < span[1] and span[0] < e for s, e in found):
                    continue
                if grouped_number(run.group(), self.regions):
                    value = run.group()
                    # The run may carry separators at its ends ("(617) 555-0142)." has none,
                    # "0113 496 0721 -" has a space): report the number only.
                    left = len(value) - len(value.lstrip(" \t.-/\u2013"))
                    right = len(value.rstrip(" \t.-/\u2013"))
                    found[(span[0] + left, span[0] + right)] = GROUPED_SCORE
            results += [Result("PHONE_NUMBER", s, e, score, self.name) for (s, e), score in found.items()]
        return results


def phone_recognizer(regions=None):
    return PhoneNumberRecognizer(regions)
