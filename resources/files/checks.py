"""The checks on a file itself: what it is, how big it is, whether it is safe to open.

    check_file(path_or_file, filename=None, *, sha256=None) -> CheckedFile   # .findings, .extracted
    image_findings(handle, filename, formats=("png", "jpeg")) -> list[Finding]
    formula_findings(extracted, filename) -> list[Finding]

The gate (``gate.check_upload`` / ``check_image``) and the publication screening
(``resources.screening.screen_file``, which then reads ``extracted`` for health information) build
on these. The checks, in order; the first three stop at the first problem, since a file that is
too big, of the wrong type or a decompression bomb is not opened any further:

1. Size: at most ``SCREENING_MAX_FILE_MB`` (default 50) megabytes, read from the file system or
   the file object, before anything is read.
2. Type, decided by content, never by name: PNG and JPEG by their signature and Pillow; PDF,
   Word (.docx), Excel (.xlsx), PowerPoint (.pptx), plain text and CSV by ``extract``, which
   refuses executables, HTML or other text posing as a document, old or password-protected
   Office files and anything else (its message becomes the finding). The name must then agree with
   the content: a PDF must end in .pdf, a PNG in .png, and so on (``EXTENSIONS``).
3. Limits inside the file: an image's width x height at most ``WAGTAILIMAGES_MAX_IMAGE_PIXELS``
   (Wagtail's own limit for images); a DOCX/XLSX/PPTX's declared uncompressed size at most
   ``SCREENING_MAX_UNCOMPRESSED_MB`` (default: ``SEARCH_EXTRACT_MAX_UNCOMPRESSED_MB``, 200), with
   the part count and compression ratio ``archives`` allows. Only the ZIP's end record and central
   directory are read.
4. Spreadsheet cells that would run as formulas: a CSV cell, or an XLSX cell stored as text,
   starting with =, +, -, @, a tab or a carriage return and not a plain number (``cells``), each
   finding naming its cell.

When the extraction stopped early (more text than ``SEARCH_EXTRACT_MAX_CHARS`` or pages than
``SEARCH_EXTRACT_MAX_PAGES``, or pages that could not be read), an ``unreadable-file`` finding says
the file was only partly read: screening must not pass what it has not read.

Images are checked for type (by content: never SVG, which can carry script), pixels and damage
only: text inside a picture (a photographed form, a screenshot of a record) is not read, nor is
metadata (EXIF, document properties).

A file the site holds or is receiving (a Django ``File``: an upload, a stored document) has its
text extracted once and kept by SHA-256 (``text.text_of``), so the upload check, the screening
step and search indexing share one parse. A path or a bare stream (the ``screen`` command,
benchmarks) is read directly and nothing is kept.
"""

import struct
import warnings
from dataclasses import dataclass, field

from django.core.files import File

from ..screening.findings import Finding
from . import archives, extract
from .extract import (
    ExtractedText,
    ExtractionFailed,
    ExtractionTimedOut,
    UnsupportedFile,
    extract_text,
    file_extension,
    identify,
    opened,
    setting,
)
from .text import text_of

DEFAULT_MAX_FILE_MB = 50
DEFAULT_MAX_IMAGE_PIXELS = 128_000_000  # Wagtail's default for WAGTAILIMAGES_MAX_IMAGE_PIXELS

# What each kind of content may be called.
EXTENSIONS = {
    "pdf": ("pdf",),
    "docx": ("docx",),
    "xlsx": ("xlsx",),
    "pptx": ("pptx",),
    "txt": ("txt",),
    "csv": ("csv",),
    "png": ("png",),
    "jpeg": ("jpg", "jpeg"),
    "gif": ("gif",),
    "webp": ("webp",),
}
KIND_NAMES = {
    "pdf": "a PDF",
    "docx": "a Word document",
    "xlsx": "an Excel workbook",
    "pptx": "a PowerPoint presentation",
    "txt": "a text file",
    "csv": "a CSV file",
    "png": "a PNG image",
    "jpeg": "a JPEG image",
    "gif": "a GIF image",
    "webp": "a WebP image",
}
# Pillow's name for each image kind image_findings() may accept.
PILLOW_FORMATS = {"png": "PNG", "jpeg": "JPEG", "gif": "GIF", "webp": "WEBP"}
ALLOWED_SUMMARY = (
    "Files can be PDF, Word (.docx), Excel (.xlsx), PowerPoint (.pptx), PNG or JPEG images, plain text "
    "(.txt) or CSV."
)
WHOLE_FILE = "whole file"
TIMED_OUT = "timed-out"  # ``Finding.kind``: reading the file ran out of time


def max_file_bytes():
    return float(setting("SCREENING_MAX_FILE_MB", DEFAULT_MAX_FILE_MB)) * 1024 * 1024


def max_uncompressed_bytes():
    default = extract.current_limits().max_uncompressed_mb
    return float(setting("SCREENING_MAX_UNCOMPRESSED_MB", default)) * 1024 * 1024


def max_image_pixels():
    return int(setting("WAGTAILIMAGES_MAX_IMAGE_PIXELS", DEFAULT_MAX_IMAGE_PIXELS))


def _finding(filename, kind, message, location=WHOLE_FILE, masked=""):
    return Finding(file=filename, kind=kind, location=location, masked=masked, message=message)


@dataclass
class CheckedFile:
    """What ``check_file`` found. ``filename``: the name the file was judged and reported by.
    ``extracted``: its text, or None when it was refused before its text could be used (then
    ``findings`` says why); a file with findings may still have text to read."""

    filename: str
    findings: list[Finding] = field(default_factory=list)
    extracted: ExtractedText | None = None


def check_file(path_or_file, filename=None, *, sha256=None, parse=True):
    """Checks 1 to 4 on one file (a path, or a binary file object such as a Django ``UploadedFile``
    or a Wagtail document's ``file``); ``filename`` is the name to judge and report it by (default:
    the path's or the file object's name). ``sha256``, when the caller has it, saves hashing the
    file again to find its kept text.

    ``parse=False`` does not parse a PDF or Office file: its type is decided by its header or the
    part its ZIP holds (``extract.identify``), and reading it through (formula cells, how much could
    be read) is left to a later screening of it. Plain text and CSV are read either way: that is
    quick and in-process. ``extracted`` is then None for a PDF or Office file."""
    with opened(path_or_file) as (handle, path, size, default_name):
        filename = filename or default_name or "The file"
        refused = _refusal_before_reading(handle, filename, size)
        if refused is not None:
            return CheckedFile(filename, refused)
        try:
            if not parse and (kind := identify(handle, filename)) is not None:
                misnamed = _misnamed(filename, kind)
                return CheckedFile(filename, [misnamed] if misnamed else [])
            if isinstance(handle, File):
                extracted = text_of(handle, filename, sha256=sha256)
            else:
                extracted = extract_text(path if path is not None else handle, filename)
        except UnsupportedFile as error:
            return CheckedFile(filename, [_finding(filename, "file-type", _refusal_message(error))])
        except ExtractionTimedOut as error:
            # Not the file's fault as far as anyone knows: the screening step holds it for an editor.
            message = f"{error} It could not be checked in time, so an editor has to."
            return CheckedFile(filename, [_finding(filename, TIMED_OUT, message)])
        except ExtractionFailed as error:
            message = f"{error} It could not be checked, so it can't be published."
            return CheckedFile(filename, [_finding(filename, "unreadable-file", message)])
        # Markup first: a web page or an SVG drawing is refused whatever it is called, so the
        # message must not suggest renaming it.
        if extracted.kind in ("txt", "csv") and _looks_like_markup(extracted.text):
            kind = "an SVG drawing" if "<svg" in extracted.text[:4096].lower() else "a web page (HTML)"
            message = (
                f"{filename} holds {kind}, not a document, so it can't be accepted. {ALLOWED_SUMMARY} "
                "Save it as a PDF and upload that instead."
            )
            return CheckedFile(filename, [_finding(filename, "file-type", message)])
        findings = []
        misnamed = _misnamed(filename, extracted.kind)
        if misnamed:
            findings.append(misnamed)
        if extracted.truncated:
            findings.append(
                _finding(
                    filename,
                    "unreadable-file",
                    f"Only part of {filename} could be read (it is very long, or some pages could not be "
                    "read), so the rest was not checked for health information. Split it into smaller files, "
                    "or save it again from the program that made it, and upload it again.",
                )
            )
        findings.extend(formula_findings(extracted, filename))
        return CheckedFile(filename, findings, extracted)


def _refusal_before_reading(handle, filename, size):
    """The findings that refuse a file before its text is read (too big, an image that fails its
    checks, a ZIP that would unpack to too much), or None to read it."""
    limit = max_file_bytes()
    if size is not None and size > limit:
        return [
            _finding(
                filename,
                "file-size",
                f"{filename} is {size / 1024 / 1024:,.1f} MB; files can be at most {limit / 1024 / 1024:g} MB. "
                "Make it smaller (for example, compress its pictures or split it) and upload it again.",
            )
        ]
    head = handle.read(16)
    handle.seek(0)
    if _image_kind(head) in ("png", "jpeg"):
        return image_findings(handle, filename)
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        refused = _check_archive(handle, filename)
        handle.seek(0)
        if refused:
            return [refused]
    return None


def formula_findings(extracted, filename):
    """A finding for each cell the extraction noted as one a spreadsheet would run as a formula."""
    findings = []
    for location, cell, lead in extracted.formula_cells:
        sheet = location.rsplit(" row ", 1)[0].removeprefix("sheet ") if location.startswith("sheet ") else ""
        where = f"Cell {cell} on sheet {sheet} of {filename}" if sheet else f"Cell {cell} of {filename}"
        findings.append(
            _finding(
                filename,
                "formula-cell",
                f"{where} starts with {_LEADS.get(lead, repr(lead))} and would run as a formula in a "
                "spreadsheet; remove the leading character or prefix it with an apostrophe.",
                location=location,
            )
        )
    more = extracted.formula_cell_count - len(extracted.formula_cells)
    if more > 0:
        findings.append(
            _finding(
                filename,
                "formula-cell",
                f"{more:,} more cells of {filename} start the same way; fix them all before uploading it again.",
            )
        )
    return findings


_LEADS = {"\t": "a tab", "\r": "a carriage return"}


def _refusal_message(error):
    """``extract``'s refusal, worded for accepting a file rather than search indexing."""
    message = str(error).replace(extract.SUPPORTED_SUMMARY, ALLOWED_SUMMARY)
    message = message.replace("can't be indexed", "can't be accepted")
    return message if ALLOWED_SUMMARY in message else f"{message} {ALLOWED_SUMMARY}"


def _looks_like_markup(text):
    start = text[:1024].lstrip().lower()
    return start.startswith("<!doctype html") or any(tag in start for tag in ("<html", "<script", "<svg"))


def _misnamed(filename, kind):
    extension = file_extension(filename)
    if extension in EXTENSIONS.get(kind, ()):
        return None
    proper = EXTENSIONS[kind][0]
    if not extension:
        what = f"{filename} has no file extension"
    else:
        what = f"{filename} is named as a .{extension} file"
    return _finding(
        filename,
        "file-type",
        f"{what}, but it is {KIND_NAMES[kind]}. Rename it to end in .{proper} and upload it again.",
    )


# -- images ----------------------------------------------------------------------------------------


def _image_kind(head):
    """The image kind the first bytes announce ("png", "jpeg", "gif", "webp", "svg") or None."""
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "gif"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if b"<svg" in head.lower() and head.lstrip()[:1] == b"<":
        return "svg"
    return None


def image_findings(handle, filename, formats=("png", "jpeg")):
    """Findings for an image (a binary file object), refused unless its content is one of
    ``formats`` (``PILLOW_FORMATS`` keys), named to agree, within ``WAGTAILIMAGES_MAX_IMAGE_PIXELS``
    (every frame counted) and readable to the end of its structure. SVG is always refused: it is
    a document that can carry script, not a picture. Text in the picture is not read."""
    from PIL import Image, UnidentifiedImageError

    handle.seek(0)
    kind = _image_kind(handle.read(1024))
    handle.seek(0)
    names = [KIND_NAMES[name].split(" ")[1] for name in formats]  # "a PNG image" -> "PNG"
    allowed = " or ".join([", ".join(names[:-1]), names[-1]] if len(names) > 1 else names)
    if kind == "svg":
        message = (
            f"{filename} is an SVG drawing, which can carry scripts, so it can't be uploaded. Export it as a "
            f"PNG and upload that instead (images can be {allowed})."
        )
        return [_finding(filename, "file-type", message)]
    if kind not in formats:
        message = (
            f"{filename} is not an image that can be uploaded here: images can be {allowed}. Save it in one "
            "of those formats and upload it again."
        )
        return [_finding(filename, "file-type", message)]
    misnamed = _misnamed(filename, kind)
    if misnamed:
        return [misnamed]
    limit = max_image_pixels()
    too_many = (
        f"{filename} has {{pixels}} pixels; images can have at most {limit:,}. Save a smaller version "
        "(for example 2,000 pixels wide) and upload it again."
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        try:
            image = Image.open(handle, formats=[PILLOW_FORMATS[kind]])
        except Image.DecompressionBombError:
            return [_finding(filename, "image-pixels", too_many.format(pixels="far too many"))]
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError, struct.error):
            return [_unreadable_image(filename, kind)]
        with image:
            width, height = image.size
            frames = getattr(image, "n_frames", 1)  # an animation is decoded frame by frame
            if width * height * frames > limit:
                pixels = f"{width:,} × {height:,}" + (f" × {frames:,} frames" if frames > 1 else "")
                return [_finding(filename, "image-pixels", too_many.format(pixels=pixels))]
            try:
                image.verify()
            except Exception:  # Pillow raises many types for damaged data
                return [_unreadable_image(filename, kind)]
    handle.seek(0)
    return []


def _unreadable_image(filename, kind):
    return _finding(
        filename,
        "unreadable-file",
        f"{filename} starts like {KIND_NAMES[kind]} but could not be read: it may be damaged or incomplete. "
        "Save it again from the program that made it and upload it again.",
    )


# -- archives (DOCX, XLSX, PPTX) -------------------------------------------------------------------


def _check_archive(handle, filename):
    """A finding when a ZIP-based file would unpack to too much (``archives``), else None. Damaged
    or non-Office ZIPs are left to ``extract``, which says what is wrong with them."""
    try:
        too_big = archives.unpacking_problem(handle, max_uncompressed_bytes())
    except archives.UNREADABLE:
        return None
    if too_big is None:
        return None
    return _finding(
        filename,
        "archive-size",
        f"{filename} can't be accepted: {too_big} Save it again from the program that made it, or split it, "
        "and upload it again.",
    )
