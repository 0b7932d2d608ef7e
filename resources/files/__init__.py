"""One gate for file bytes, used by every route that creates or replaces a file.

    from resources.files import check_upload, check_image, clean_filename, text_of

    check_upload(file, filename, *, health_information) -> list[Finding]  # [] means accept
    check_image(file, filename) -> list[Finding]
    refusal(findings) -> ValidationError                                   # the form error to raise
    clean_filename(name) -> str      # before judging or storing any uploaded file's name
    clean_title(title) -> str
    text_of(file_or_document, filename=None, *, sha256=None) -> ExtractedText   # kept by SHA-256
    sha256_of(file) -> str

``gate`` says what is checked, ``names`` what a clean name is, ``text`` how text is kept, and
``forms`` how Wagtail's document and image forms use the gate (``WAGTAILDOCS_DOCUMENT_FORM_BASE``,
``WAGTAILIMAGES_IMAGE_FORM_BASE``).
"""

from .gate import check_image, check_upload, refusal
from .names import clean_filename, clean_title
from .text import sha256_of, text_of

__all__ = ["check_image", "check_upload", "clean_filename", "clean_title", "refusal", "sha256_of", "text_of"]
