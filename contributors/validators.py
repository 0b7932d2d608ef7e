import re

from django.core.exceptions import ValidationError

ORCID_PATTERN = re.compile(r"^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$")


def orcid_check_digit(base_digits):
    """ISO 7064 11-2 check character over the first 15 digits of an ORCID iD."""
    total = 0
    for digit in base_digits:
        total = (total + int(digit)) * 2
    result = (12 - total % 11) % 11
    return "X" if result == 10 else str(result)


def validate_orcid(value):
    if not ORCID_PATTERN.match(value or ""):
        raise ValidationError(
            "An ORCID iD looks like 0000-0002-1825-0097: four groups of four digits (the last may "
            "end in X).",
            code="invalid_orcid_format",
        )
    digits = value.replace("-", "")
    if orcid_check_digit(digits[:-1]) != digits[-1]:
        raise ValidationError(
            "“%(value)s” is not a valid ORCID iD: its last character does not match the checksum. "
            "Copy it again from your ORCID record.",
            code="invalid_orcid_checksum",
            params={"value": value},
        )


def normalise_orcid(value):
    value = (value or "").strip()
    for prefix in ("https://orcid.org/", "http://orcid.org/", "orcid.org/"):
        if value.lower().startswith(prefix):
            value = value[len(prefix):]
    return value.upper()
