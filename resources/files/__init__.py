"""One gate for file bytes, used by every route that creates or replaces a file.

    from resources.files import check_upload, check_image, clean_filename, text_of

    check_upload(file, filename, *, screened_later) -> list[Finding]  # [] means accept
    check_image(file, filename) -> list[Finding]
    refusal(findings) -> ValidationError                                   # the form error to raise
    clean_filename(name) -> str      # before judging or storing any uploaded file's name
    clean_title(title) -> str
    text_of(file_or_document, filename=None, *, sha256=None) -> ExtractedText   # kept by SHA-256
    sha256_of(file) -> str
    TIMED_OUT                        # the kind of finding for a file that could not be read in time

Everything about a file's bytes lives here, and only here:

- ``gate``: what every route that creates or replaces a file asks before keeping it (/share/,
  Wagtail's document and image forms);
- ``checks``: the checks on the file itself: size, type by content with a name to agree, images
  (pixels, damage, never SVG), archive limits, spreadsheet formula cells;
- ``archives``: the ZIP limits (parts, unpacked size, compression ratio), one implementation for
  ``checks`` and the parsing process;
- ``extract``: sniffing a file's type and reading its text, PDFs and Office files in a limited
  child process (``extract_worker``), with ``opened()``, how a path or file object is read;
  ``cells``: which spreadsheet cells would run as formulas;
- ``text``: the text kept by SHA-256 (``resources.models.FileText``), so the gate, screening and
  search indexing parse a file once;
- ``names``: what a clean file name is; ``forms``: how Wagtail's document and image forms use the
  gate (``WAGTAILDOCS_DOCUMENT_FORM_BASE``, ``WAGTAILIMAGES_IMAGE_FORM_BASE``).

Health information and licences are what a file *says*: ``resources.screening``, which asks this
module for the text.
"""

import importlib

# Imported on first use, not with the package: the sandboxed parsing process imports
# ``resources.files.extract_worker`` (with ``extract``, ``archives`` and ``cells``) without Django,
# and must not load the gate, the checks and their settings.
_EXPORTS = {
    "check_image": "gate", "check_upload": "gate", "refusal": "gate", "TIMED_OUT": "checks",
    "clean_filename": "names", "clean_title": "names",
    "sha256_of": "text", "text_of": "text",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name):
    if name not in _EXPORTS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_EXPORTS[name]}"), name)
