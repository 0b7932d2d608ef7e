"""Screening the page's own fields (title, summary, body text, ...) for protected health information.

    screen_text(text, source_label) -> list[Finding]

``source_label`` names the field (``"summary"``, ``"body"``); findings report ``file = "page
text"`` and ``location = "field <source_label>"``. Give plain text: for rich text or a StreamField,
pass the text a reader sees (Wagtail's ``get_text_for_indexing`` or the block's text), with a line
break between paragraphs, so a label and its value stay together ("DOB:" then the date) and
separate paragraphs stay apart.
"""

from .findings import PAGE_TEXT
from .phi import scan_parts


def screen_text(text, source_label):
    """Findings for one page field; an empty list when it holds no identifiers."""
    if not text:
        return []
    return scan_parts([(f"field {source_label}", text)], PAGE_TEXT)


def screen_fields(fields):
    """Findings for several fields at once: ``{"title": ..., "summary": ...}`` (one analyzer pass)."""
    parts = [(f"field {label}", text) for label, text in fields.items() if text]
    return scan_parts(parts, PAGE_TEXT)
