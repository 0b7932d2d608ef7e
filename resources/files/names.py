"""File names as people will see them: in the admin, on pages, and as the name a download is saved as.

A name is untrusted text. A right-to-left override (U+202E) makes ``invoice\u202efdp.exe`` display
as ``invoiceexe.pdf``; other invisible format characters (zero-width spaces, bidirectional
isolates) and control characters (tabs, newlines, NUL) hide or garble what a file is called; a
path (``../../x``, ``..\\x``) or a leading dot (a hidden file on Unix) is not a name at all.
Every route that accepts a file (Wagtail's document and image forms, /share/) cleans the name
here before anything is judged or stored, so messages, titles and download names agree.
"""

import os
import re
import unicodedata

# Control (Cc), format (Cf: bidirectional overrides and isolates, zero-width characters, soft
# hyphen, BOM), line and paragraph separators (Zl, Zp), and unassigned or private-use code points.
_HIDDEN = {"Cc", "Cf", "Zl", "Zp", "Cn", "Co", "Cs"}
_SPACES = re.compile(r"\s+")
# Embeddings, overrides, isolates and their terminators (LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI).
_BIDI = {"LRE", "RLE", "PDF", "LRO", "RLO", "LRI", "RLI", "FSI", "PDI"}
MAX_LENGTH = 200  # leaves room for the storage's "_a8Xk2" suffix and folder within 255
FALLBACK = "file"


def _visible(text):
    return "".join(char for char in text if unicodedata.category(char) not in _HIDDEN)


def clean_filename(name):
    """``name`` as a plain file name: its last path component (after / or \\), NFC-normalised,
    without control or format characters, leading dots or surrounding spaces, runs of spaces
    made one, and at most ``MAX_LENGTH`` characters (its extension kept). ``"file"`` if nothing
    is left."""
    name = unicodedata.normalize("NFC", str(name or ""))
    name = re.split(r"[/\\]", name)[-1]
    name = _SPACES.sub(" ", _visible(name)).strip().lstrip(". ").rstrip(" ")
    if len(name) > MAX_LENGTH:
        stem, extension = os.path.splitext(name)
        extension = extension[:16]
        name = stem[: MAX_LENGTH - len(extension)].rstrip(" .") + extension
    return name or FALLBACK


def clean_title(title):
    """A title without control characters or bidirectional overrides and isolates (which
    reorder what follows them), spaces collapsed. Other format characters are kept: titles
    may be written in scripts that need zero-width joiners."""
    kept = "".join(
        char
        for char in str(title or "")
        if unicodedata.category(char) not in {"Cc", "Zl", "Zp"} and unicodedata.bidirectional(char) not in _BIDI
    )
    return _SPACES.sub(" ", kept).strip()
