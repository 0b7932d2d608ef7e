"""Validators for identifiers that people type in and others rely on."""

import re

from django.core.exceptions import ValidationError

from .spdx import KNOWN_LICENCES

# Crossref's recommended pattern covers the DOIs in use today: "10." + registrant + "/" + suffix.
DOI_PATTERN = re.compile(r"^10\.\d{4,9}/[-._;()/:<>\[\]A-Za-z0-9]+$")
DOI_PREFIXES = ("https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi:")


def normalise_doi(value):
    """Strip the resolver prefixes people paste along with a DOI."""
    value = (value or "").strip()
    for prefix in DOI_PREFIXES:
        if value.lower().startswith(prefix):
            return value[len(prefix):]
    return value


def validate_doi(value):
    if not DOI_PATTERN.match(normalise_doi(value)):
        raise ValidationError(
            "“%(value)s” is not a DOI. A DOI starts with 10., then a number, a slash and the "
            "item's own part, for example 10.1002/ibd.21394.",
            code="invalid_doi",
            params={"value": value},
        )


def validate_spdx_identifier(value):
    if value not in KNOWN_LICENCES:
        raise ValidationError(
            "“%(value)s” is not an SPDX licence identifier we know. Use one such as CC-BY-4.0 or "
            "CC-BY-NC-SA-4.0 (identifiers are case-sensitive), or mark the licence as network-only.",
            code="unknown_spdx",
            params={"value": value},
        )


RELEASE_LABEL_PATTERN = re.compile(r"^[0-9A-Za-z][0-9A-Za-z.\-]{0,19}$")


def validate_release_label(value):
    if not RELEASE_LABEL_PATTERN.match(value):
        raise ValidationError(
            "A release label is a short version such as 1.0, 2.1 or 2025-03: letters, digits, dots "
            "and hyphens, starting with a letter or digit.",
            code="invalid_release_label",
        )
