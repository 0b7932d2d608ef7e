"""Automated screening before publication: protected health information in page text and files,
file type and size limits, licence compatibility with an adapted source.

    from resources.screening import check_licence, screen_file, screen_text

Each returns a list of ``Finding`` (``findings.py``); an empty list means nothing was found.
Importing this package is cheap: Presidio (about a second to import) is loaded on the first scan.
"""

from .files import screen_file
from .findings import Finding
from .licences import check_licence
from .text import screen_fields, screen_text

__all__ = ["Finding", "check_licence", "screen_fields", "screen_file", "screen_text"]
