"""Screening one file before publication: the file module's checks, then health information.

    screen_file(path_or_file, filename=None, sha256=None) -> list[Finding]  # [] passed

What the file is, its size, its limits and its spreadsheet formula cells are checked by
``resources.files.checks.check_file``; this adds protected health information in every part of its
text (``phi.scan_parts``), each finding with its page, sheet and row, slide, paragraph or line.
Routes that receive a file call ``resources.files.check_upload`` (the gate), which builds on this.
"""

from ..files.checks import check_file
from .phi import scan_parts


def screen_file(path_or_file, filename=None, sha256=None):
    """Findings for one file (a path, or a binary file object such as a Django ``UploadedFile``
    or a Wagtail document's ``file``); ``filename`` is the name to judge and report it by
    (default: the path's or the file object's name). An empty list means it passed. ``sha256``,
    when the caller has it, saves hashing the file again to find its kept text."""
    checked = check_file(path_or_file, filename, sha256=sha256)
    if checked.extracted is None:
        return checked.findings
    return checked.findings + scan_parts(checked.extracted.parts, checked.filename)
