"""A file's text, extracted once and kept by the SHA-256 of its content.

    text_of(file_or_document, filename=None, *, sha256=None) -> ExtractedText
    sha256_of(file) -> str

The upload check, the screening step and search indexing all ask for the same file's text; the
first asks ``resources.files.extract`` (the limited parsing process) and the answer, text or refusal, is
kept in ``resources.models.FileText`` under the content's hash, so the others read it back. Limits
are ``resources.files.extract``'s (``SEARCH_EXTRACT_*`` settings); changing one that shapes the result
re-extracts on the next request.
"""

import hashlib

CHUNK = 1024 * 1024


def sha256_of(file):
    """The hex SHA-256 of a binary file object's whole content; its position is left at 0."""
    digest = hashlib.sha256()
    file.seek(0)
    for chunk in iter(lambda: file.read(CHUNK), b""):
        digest.update(chunk)
    file.seek(0)
    return digest.hexdigest()


def text_of(file_or_document, filename=None, *, sha256=None):
    """The ``ExtractedText`` of a Wagtail document or a binary file object (an upload, a stored
    file, any stream), read once per content and then kept. ``filename`` is the name to judge and
    word messages by (default: the document's or the file's name). ``sha256``, when the caller
    knows it (a published release file's recorded hash), saves reading the file to hash it.
    Raises ``resources.files.extract.UnsupportedFile`` or ``ExtractionFailed`` as ``extract_text`` does,
    with the message worded for ``filename``."""
    from wagtail.documents.models import AbstractDocument

    from resources.models import FileText

    if isinstance(file_or_document, AbstractDocument):
        document = file_or_document
        with document.file.open("rb") as handle:
            return text_of(handle, filename or document.filename, sha256=sha256)
    file = file_or_document
    if filename is None:
        filename = str(getattr(file, "name", "") or "").replace("\\", "/").rsplit("/", 1)[-1] or None
    if sha256 is None:
        sha256 = sha256_of(file)
    # A Django upload spooled to disk is parsed from its path (``extract.opened``), not copied again.
    return FileText.extract(file, filename, sha256)
