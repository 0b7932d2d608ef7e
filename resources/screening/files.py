"""Screening one uploaded file before publication.

    screen_file(path_or_file, filename=None, health_information=True) -> list[Finding]  # [] means it passed
    screen_image(handle, filename, formats=("png", "jpeg")) -> list[Finding]

Routes that receive a file call ``resources.files.check_upload`` / ``check_image`` (the gate),
which build on these.

The checks, in order; the first three stop at the first problem, since a file that is too big,
of the wrong type or a decompression bomb is not opened any further:

1. Size: at most ``SCREENING_MAX_FILE_MB`` (default 50) megabytes, read from the file system or
   the file object, before anything is read.
2. Type, decided by content, never by name: PNG and JPEG by their signature and Pillow; PDF,
   Word (.docx), Excel (.xlsx), PowerPoint (.pptx), plain text and CSV by ``search.extract``,
   which refuses executables, HTML or other text posing as a document, old or password-protected
   Office files and anything else (its message becomes the finding). The name must then agree with
   the content: a PDF must end in .pdf, a PNG in .png, and so on (``EXTENSIONS``).
3. Limits inside the file: an image's width x height at most ``WAGTAILIMAGES_MAX_IMAGE_PIXELS``
   (Wagtail's own limit for images); a DOCX/XLSX/PPTX's declared uncompressed size at most
   ``SCREENING_MAX_UNCOMPRESSED_MB`` (default: ``SEARCH_EXTRACT_MAX_UNCOMPRESSED_MB``, 200), with
   at most ``search.extract.MAX_ZIP_MEMBERS`` parts and no part compressed more than
   ``MAX_COMPRESSION_RATIO`` times over. Only the ZIP's end record and central directory are read.
4. Spreadsheet cells that would run as formulas: a CSV cell, or an XLSX cell stored as text,
   starting with =, +, -, @, a tab or a carriage return and not a plain number (``search.cells``),
   each finding naming its cell. Checked with the file itself, whatever ``health_information``.
5. Protected health information in every part of the extracted text (``phi.scan_parts``), each
   finding with its page, sheet and row, slide, paragraph or line. When the extraction stopped
   early (more text than ``SEARCH_EXTRACT_MAX_CHARS`` or pages than ``SEARCH_EXTRACT_MAX_PAGES``,
   or pages that could not be read), an ``unreadable-file`` finding says the file was only partly
   checked: screening must not pass what it has not read.

Images are checked for type (by content: never SVG, which can carry script), pixels and damage
only: text inside a picture (a photographed form, a screenshot of a record) is not read, nor is
metadata (EXIF, document properties).

A file the site holds or is receiving (a Django ``File``: an upload, a stored document) has its
text extracted once and kept by SHA-256 (``resources.files.text_of``), so the upload check, this
screening and search indexing share one parse. A path or a bare stream (the ``screen`` command,
benchmarks) is read directly and nothing is kept.
"""

import os
import struct
import warnings
import zipfile
from contextlib import contextmanager

from django.core.files import File

from search import extract
from search.extract import (
    ExtractionFailed,
    ExtractionTimedOut,
    UnsupportedFile,
    extract_text,
    file_extension,
    setting,
)

from .findings import Finding
from .phi import scan_parts

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
# Pillow's name for each image kind screen_image() may accept.
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


@contextmanager
def _opened(path_or_file):
    """(binary file object, file-system path or None, size in bytes or None, default name)."""
    if isinstance(path_or_file, (str, os.PathLike)):
        path = os.fspath(path_or_file)
        with open(path, "rb") as handle:
            yield handle, path, os.fstat(handle.fileno()).st_size, os.path.basename(path)
        return
    handle = path_or_file
    name = os.path.basename(str(getattr(handle, "name", "") or ""))
    path = handle.temporary_file_path() if hasattr(handle, "temporary_file_path") else None
    size = getattr(handle, "size", None)
    if size is None:
        try:
            position = handle.tell()
            handle.seek(0, os.SEEK_END)
            size = handle.tell()
            handle.seek(position)
        except (AttributeError, OSError, ValueError):
            size = None
    try:
        handle.seek(0)
    except (AttributeError, OSError, ValueError):
        pass
    yield handle, path, size, name


def screen_file(path_or_file, filename=None, health_information=True, sha256=None):
    """Findings for one file (a path, or a binary file object such as a Django ``UploadedFile``
    or a Wagtail document's ``file``); ``filename`` is the name to judge and report it by
    (default: the path's or the file object's name). An empty list means it passed.
    ``health_information=False`` checks the file itself only (checks 1 to 4 and how much of it
    could be read), as an upload form does before the screening step reads it all. ``sha256``,
    when the caller has it, saves hashing the file again to find its kept text."""
    with _opened(path_or_file) as (handle, path, size, default_name):
        filename = filename or default_name or "The file"
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
        if head.startswith((b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")):
            return screen_image(handle, filename)
        if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
            refused = _check_archive(handle, filename)
            handle.seek(0)
            if refused:
                return [refused]
        try:
            if isinstance(handle, File):
                # Imported here: resources.files builds on this module.
                from ..files.text import text_of

                extracted = text_of(handle, filename, sha256=sha256)
            else:
                extracted = extract_text(path if path is not None else handle, filename)
        except UnsupportedFile as error:
            return [_finding(filename, "file-type", _refusal_message(error))]
        except ExtractionTimedOut as error:
            # Not the file's fault as far as anyone knows: the screening step holds it for an editor.
            return [_finding(filename, TIMED_OUT, f"{error} It could not be checked in time, so an editor has to.")]
        except ExtractionFailed as error:
            message = f"{error} It could not be checked, so it can't be published."
            return [_finding(filename, "unreadable-file", message)]
        findings = []
        # Markup first: a web page or an SVG drawing is refused whatever it is called, so the
        # message must not suggest renaming it.
        if extracted.kind in ("txt", "csv") and _looks_like_markup(extracted.text):
            kind = "an SVG drawing" if "<svg" in extracted.text[:4096].lower() else "a web page (HTML)"
            return [
                _finding(
                    filename,
                    "file-type",
                    f"{filename} holds {kind}, not a document, so it can't be accepted. {ALLOWED_SUMMARY} "
                    "Save it as a PDF and upload that instead.",
                )
            ]
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
        if health_information:
            findings.extend(scan_parts(extracted.parts, filename))
        return findings


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
    """search.extract's refusal, worded for screening rather than search indexing."""
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


def screen_image(handle, filename, formats=("png", "jpeg")):
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

_EOCD = b"PK\x05\x06"
_EOCD_SIZE = 22
_MAX_COMMENT = 65535


def _declared_entries(handle):
    """The number of entries the ZIP's end record declares, or None when it can't be found.
    Read from the last 64 KB only, before ``zipfile`` builds an object per entry."""
    handle.seek(0, os.SEEK_END)
    size = handle.tell()
    start = max(0, size - _EOCD_SIZE - _MAX_COMMENT)
    handle.seek(start)
    tail = handle.read()
    position = tail.rfind(_EOCD)
    if position == -1 or len(tail) - position < _EOCD_SIZE:
        return None
    return struct.unpack("<H", tail[position + 10 : position + 12])[0]


def _check_archive(handle, filename):
    """A finding when a ZIP-based file would unpack to too much, else None (damaged or non-Office
    ZIPs are left to ``search.extract``, which says what is wrong with them)."""
    too_big = f"{filename} can't be accepted: "
    advice = " Save it again from the program that made it, or split it, and upload it again."
    entries = _declared_entries(handle)
    if entries is not None and entries != 0xFFFF and entries > extract.MAX_ZIP_MEMBERS:
        return _finding(
            filename,
            "archive-size",
            too_big + f"it holds {entries:,} parts (the limit is {extract.MAX_ZIP_MEMBERS:,})." + advice,
        )
    handle.seek(0)
    try:
        with zipfile.ZipFile(handle) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError, struct.error):
        return None
    if len(members) > extract.MAX_ZIP_MEMBERS:
        return _finding(
            filename,
            "archive-size",
            too_big + f"it holds {len(members):,} parts (the limit is {extract.MAX_ZIP_MEMBERS:,})." + advice,
        )
    limit = max_uncompressed_bytes()
    total = sum(member.file_size for member in members)
    if total > limit:
        return _finding(
            filename,
            "archive-size",
            too_big
            + f"it unpacks to {total / 1024 / 1024:,.0f} MB, more than the {limit / 1024 / 1024:g} MB limit."
            + advice,
        )
    for member in members:
        if member.file_size > extract.RATIO_CHECK_MIN_BYTES:
            ratio = member.file_size / max(member.compress_size, 1)
            if ratio > extract.MAX_COMPRESSION_RATIO:
                return _finding(
                    filename,
                    "archive-size",
                    too_big + f"part of it is compressed {ratio:,.0f} times over, the mark of a decompression "
                    "bomb rather than a document." + advice,
                )
    return None
