"""The gate for file bytes: what every route that creates or replaces a file asks before keeping it.

    check_upload(file, filename, *, screened_later) -> list[Finding]   # documents, /share/
    check_image(file, filename) -> list[Finding]                       # Wagtail images

An empty list means accept; otherwise refuse, showing each finding's ``message`` (``refusal()``
builds the form error). ``filename`` should already be clean (``names.clean_filename``).

Every upload gets this module's file checks (``checks.check_file``): size, type by content with a
name to agree, decompression bombs. Then:

- ``screened_later=False`` (Wagtail's document admin, which has no later screening step): the file
  is read through in the sandboxed parsing process, its spreadsheet formula cells and protected
  health information checked (``resources.screening.screen_file``), before the form answers.
- ``screened_later=True`` (/share/): a PDF or Office file is not parsed in the request; its type
  is decided by its header or the part its ZIP holds, and the workflow's screening step, which runs
  in the background worker, reads it through and reports everything in it with the whole
  contribution. Plain text and CSV are read at once (quick, in-process), so their formula cells
  are refused here.

The text extracted here is kept (``text.text_of``) for the screening step and indexing, unless the
file is refused: a refused file leaves nothing behind, its text included.

``check_image`` checks type by content (PNG, JPEG, GIF or WebP as ``WAGTAILIMAGES_EXTENSIONS``
allows; never SVG), that the name agrees, the pixel limit (``WAGTAILIMAGES_MAX_IMAGE_PIXELS``,
every frame counted) and that the image is not damaged. Text inside an image is not read.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File

from ..screening.files import screen_file
from .checks import EXTENSIONS, PILLOW_FORMATS, TIMED_OUT, check_file, image_findings
from .text import sha256_of

MAX_LISTED = 10  # findings listed in one form error; the rest are counted
REFUSED = "file_refused"  # the code of each form error refusal() makes


def check_upload(file, filename, *, screened_later):
    """Findings that refuse ``file`` (a binary file object, e.g. an ``UploadedFile``)."""
    from resources.models import FileText

    if not isinstance(file, File):
        file = File(file, name=filename)
    sha256 = sha256_of(file)
    known = FileText.objects.filter(sha256=sha256).exists()
    if screened_later:
        findings = check_file(file, filename, sha256=sha256, parse=False).findings
    else:
        findings = screen_file(file, filename, sha256=sha256)
    # The text of a refused file is not kept (it may hold identifiers); a file that ran out of time
    # left no text, and its record lets the screening step hold it at once instead of trying again.
    if not known and any(finding.kind != TIMED_OUT for finding in findings):
        FileText.objects.filter(sha256=sha256).delete()
    file.seek(0)
    return findings


def allowed_image_kinds():
    """The image kinds ``WAGTAILIMAGES_EXTENSIONS`` allows, of those the gate can check (never SVG)."""
    extensions = {extension.lower() for extension in getattr(settings, "WAGTAILIMAGES_EXTENSIONS", ["png", "jpg"])}
    return tuple(kind for kind in PILLOW_FORMATS if extensions & set(EXTENSIONS[kind]))


def check_image(file, filename):
    """Findings that refuse an image upload (a binary file object)."""
    findings = image_findings(file, filename, formats=allowed_image_kinds())
    file.seek(0)
    return findings


def refusal(findings):
    """The form error for refused findings: each message, at most ``MAX_LISTED`` of them."""
    messages = [finding.message for finding in findings[:MAX_LISTED]]
    if len(findings) > MAX_LISTED:
        more = len(findings) - MAX_LISTED
        messages.append(
            f"There {'is' if more == 1 else 'are'} {more} more like these: fix them all, then upload it again."
        )
    return ValidationError([ValidationError(message, code=REFUSED) for message in messages])
