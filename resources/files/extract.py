"""Text from uploaded files, for the upload checks, the screening for health information and search indexing.

    extract_text(path_or_file, filename=None) -> ExtractedText
    identify(path_or_file, filename=None) -> "pdf" | "docx" | "xlsx" | "pptx" | None   # without parsing
    opened(path_or_file) -> (file object, path, size, name)   # how a path or file object is read

What a file *is* is decided by its content, never by its name: a PDF starts with ``%PDF``; Word,
Excel and PowerPoint files are ZIP archives holding ``word/document.xml``, ``xl/workbook.xml`` or
``ppt/presentation.xml``; plain text and CSV decode as UTF-8 (with or without a BOM; UTF-16 with a
BOM; otherwise Windows-1252/Latin-1) and hold no NUL bytes. The name is used for messages, to tell
CSV from plain text, and to refuse text that pretends to be a document (an HTML error page saved
as ``report.pdf``). Anything else raises ``UnsupportedFile`` with a message fit to show the user.

Untrusted PDFs and Office files are parsed in a separate Python process (``python -I -B -c ...``
calling ``resources.files.extract_worker._worker_main``) that first limits its own address space,
CPU time, file writes and core dumps with ``resource.setrlimit``; the parent kills it when the
wall-clock timeout passes. A crash, a timeout or running out of memory there raises
``ExtractionFailed``; the calling process carries on. ZIP-based files are checked for declared size,
compression ratio, member count (``resources.files.archives``) and encryption before any library
opens them. Plain text and CSV
take a fast path in-process: decoding, a linear delimiter check and ``csv.reader`` over at most
``4 * max_chars`` bytes.

Spreadsheet cells that would run as formulas (``resources.files.cells``) are noted in
``formula_cells`` while CSV and XLSX files are read, for screening to report.

Limits are the module constants below, each overridable by the Django setting named beside it.
Keeping each file's result by its SHA-256, so that it is parsed once, is ``resources.models.FileText``.
"""

import codecs
import csv
import io
import json
import logging
import math
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import unicodedata
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from .cells import MAX_FORMULA_CELLS, column_letter, formula_lead

logger = logging.getLogger(__name__)

MAX_CHARS = 1_000_000  # SEARCH_EXTRACT_MAX_CHARS: text kept, separators included
TIMEOUT = 20  # SEARCH_EXTRACT_TIMEOUT: seconds of wall-clock time for the parsing process
MEMORY_MB = 512  # SEARCH_EXTRACT_MEMORY_MB: address-space limit of the parsing process
MAX_UNCOMPRESSED_MB = 200  # SEARCH_EXTRACT_MAX_UNCOMPRESSED_MB: declared size of a DOCX/XLSX/PPTX
MAX_PAGES = 500  # SEARCH_EXTRACT_MAX_PAGES: PDF pages or PowerPoint slides read

KINDS = ("pdf", "docx", "xlsx", "pptx", "txt", "csv")
SUPPORTED_SUMMARY = (
    "Only PDF, Word (.docx), Excel (.xlsx), PowerPoint (.pptx), plain text and CSV files can be indexed."
)

_SNIFF_BYTES = 8192
_PROJECT_ROOT = str(Path(__file__).resolve().parents[2])


class ExtractionError(Exception):
    """Base class: ``str(error)`` is a complete sentence meant for the person who uploaded the file."""


class UnsupportedFile(ExtractionError):
    """The file is not something we extract text from (or is refused before parsing: empty,
    password-protected, a decompression bomb, text posing as a document)."""


class ExtractionFailed(ExtractionError):
    """The file looked supported, but reading it failed: damaged, too slow, too much memory, or the
    parsing process died."""


class ExtractionTimedOut(ExtractionFailed):
    """Reading the file ran out of time (wall clock or CPU): nothing says the file is bad, only that
    it could not be read within the limit."""


@dataclass
class ExtractedText:
    """``text == "\\n".join(part for _, part in parts)``; every part is non-empty, made of non-empty
    lines with whitespace collapsed. ``truncated`` means the text is incomplete: capped by
    ``MAX_CHARS``/``MAX_PAGES``, or some PDF pages could not be read. ``formula_cells`` holds
    (part location, cell such as "B4", leading character) for the first ``MAX_FORMULA_CELLS`` CSV
    or XLSX text cells a spreadsheet would run as a formula; ``formula_cell_count`` counts them all."""

    text: str
    parts: list[tuple[str, str]]
    kind: str
    truncated: bool = False
    formula_cells: list[tuple[str, str, str]] = field(default_factory=list)
    formula_cell_count: int = 0


# -- limits ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Limits:
    max_chars: int
    timeout: float
    memory_mb: int
    max_uncompressed_mb: float
    max_pages: int


def setting(name, default):
    """A Django setting, or ``default`` where Django is not set up (the extraction worker)."""
    try:
        from django.conf import settings

        if not settings.configured:
            return default
        return getattr(settings, name, default)
    except ImportError:  # pragma: no cover - Django is a dependency; this keeps the worker light
        return default


def current_limits():
    """The limits in force now: module constants, overridden by Django settings when present."""
    return _Limits(
        max_chars=int(setting("SEARCH_EXTRACT_MAX_CHARS", MAX_CHARS)),
        timeout=float(setting("SEARCH_EXTRACT_TIMEOUT", TIMEOUT)),
        memory_mb=int(setting("SEARCH_EXTRACT_MEMORY_MB", MEMORY_MB)),
        max_uncompressed_mb=float(setting("SEARCH_EXTRACT_MAX_UNCOMPRESSED_MB", MAX_UNCOMPRESSED_MB)),
        max_pages=int(setting("SEARCH_EXTRACT_MAX_PAGES", MAX_PAGES)),
    )


# -- normalising and capping -----------------------------------------------------------------------

# After splitting into lines: C0/C1 controls other than whitespace, DEL, lone surrogates, BOM and
# the two non-characters. Tabs and other whitespace are collapsed, not removed.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\ud800-\udfff\ufeff\ufffe\uffff]")
_SPACE = re.compile(r"\s+")


def _clean_line(line):
    return _SPACE.sub(" ", _CONTROL.sub("", line)).strip()


class _Collector:
    """Accumulates (location, text) parts until ``max_chars`` is reached."""

    def __init__(self, max_chars):
        self.max_chars = max_chars
        self.parts = []
        self.length = 0  # of "\n".join(part texts)
        self.truncated = False
        self.formula_cells = []
        self.formula_cell_count = 0

    def note_formula(self, location, cell, value):
        """Notes a cell that would run as a formula (``resources.files.cells``)."""
        lead = formula_lead(value)
        if lead is not None:
            self.formula_cell_count += 1
            if len(self.formula_cells) < MAX_FORMULA_CELLS:
                self.formula_cells.append((location, cell, lead))

    def add(self, location, raw):
        """Adds a part; returns False once the cap is reached (callers stop reading then)."""
        if self.truncated:
            return False
        if not raw:
            return True
        budget = self.max_chars - self.length - (1 if self.parts else 0)
        lines, used = [], 0
        for line in raw.splitlines():
            line = _clean_line(line)
            if not line:
                continue
            cost = len(line) + (1 if lines else 0)
            if used + cost > budget:
                room = budget - used - (1 if lines else 0)
                if room > 0:
                    lines.append(line[:room].rstrip())
                self.truncated = True
                break
            lines.append(line)
            used += cost
        if lines and lines[-1]:
            text = "\n".join(lines)
            self.length += len(text) + (1 if self.parts else 0)
            self.parts.append((location, text))
        return not self.truncated

    def result(self, kind):
        return ExtractedText(
            text="\n".join(text for _, text in self.parts),
            parts=list(self.parts),
            kind=kind,
            truncated=self.truncated,
            formula_cells=list(self.formula_cells),
            formula_cell_count=self.formula_cell_count,
        )


# -- naming things for messages --------------------------------------------------------------------

_EXPECTED = {
    "pdf": "a PDF",
    "docx": "a Word document",
    "docm": "a Word document",
    "doc": "a Word document",
    "xlsx": "an Excel workbook",
    "xlsm": "an Excel workbook",
    "xls": "an Excel workbook",
    "pptx": "a PowerPoint presentation",
    "pptm": "a PowerPoint presentation",
    "ppt": "a PowerPoint presentation",
    "odt": "an OpenDocument text",
    "ods": "an OpenDocument spreadsheet",
    "odp": "an OpenDocument presentation",
    "rtf": "an RTF document",
    "txt": "a text file",
    "csv": "a CSV file",
    "tsv": "a tab-separated file",
}
_TEXT_EXTENSIONS = {"txt", "csv", "tsv", "text", "md", "log"}
_KIND_LABEL = {
    "pdf": "PDF",
    "docx": "Word document",
    "xlsx": "Excel workbook",
    "pptx": "PowerPoint presentation",
    "zip": "Office file",
}

# (offset, signature, description) for content we recognise but do not extract. Signatures of
# three bytes or fewer also need a NUL byte early on, so a text file starting "MZ" stays text.
_SIGNATURES = [
    (0, b"MZ", "a Windows executable"),
    (0, b"\x7fELF", "a Linux executable"),
    (0, b"\xcf\xfa\xed\xfe", "a macOS executable"),
    (0, b"\xce\xfa\xed\xfe", "a macOS executable"),
    (0, b"\xca\xfe\xba\xbe", "a macOS executable or Java class file"),
    (0, b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (0, b"\xff\xd8\xff", "a JPEG image"),
    (0, b"GIF87a", "a GIF image"),
    (0, b"GIF89a", "a GIF image"),
    (0, b"II*\x00", "a TIFF image"),
    (0, b"MM\x00*", "a TIFF image"),
    (0, b"BM", "a BMP image"),
    (8, b"WEBP", "a WebP image"),
    (8, b"AVI ", "a video"),
    (8, b"WAVE", "an audio file"),
    (4, b"ftyp", "a video or audio file"),
    (0, b"ID3", "an audio file"),
    (0, b"OggS", "an audio or video file"),
    (0, b"fLaC", "an audio file"),
    (0, b"\x1f\x8b", "a gzip archive"),
    (0, b"BZh", "a bzip2 archive"),
    (0, b"\xfd7zXZ\x00", "an xz archive"),
    (0, b"Rar!\x1a\x07", "a RAR archive"),
    (0, b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (0, b"SQLite format 3\x00", "an SQLite database"),
    (0, b"%!PS", "a PostScript file"),
    (0, b"{\\rtf", "an RTF document"),
    (0, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "ole2"),
]


def _label(filename):
    return filename or "The file"


def file_extension(filename):
    """A file name's extension, lower case, without the dot ('' if none)."""
    name = (filename or "").rsplit("/", 1)[-1]
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def _refusal(filename, description):
    """``report.pdf is not a PDF: its content looks like a Windows executable.``"""
    if description == "ole2":
        return (
            f"{_label(filename)} is an old-format (.doc, .xls, .ppt) or password-protected Office file, "
            "which can't be indexed. Save it as .docx, .xlsx or .pptx, without a password."
        )
    expected = _EXPECTED.get(file_extension(filename))
    if expected and not description.startswith(expected):
        return f"{_label(filename)} is not {expected}: its content looks like {description}."
    return f"{_label(filename)} can't be indexed: its content looks like {description}. {SUPPORTED_SUMMARY}"


def _sniff_binary(head):
    """"pdf", "zip", or a description of something unsupported; None when it may be text."""
    if head.removeprefix(codecs.BOM_UTF8).lstrip().startswith(b"%PDF"):
        return "pdf"
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")):
        return "zip"
    for offset, signature, description in _SIGNATURES:
        if head[offset:offset + len(signature)] == signature and (len(signature) > 3 or b"\x00" in head[:64]):
            return description
    return None


def _describe_text(text):
    start = text.lstrip()[:1024].lower()
    if start.startswith("<!doctype html") or "<html" in start:
        return "an HTML page"
    if start.startswith("<?xml") or start.startswith("<svg"):
        return "an XML file"
    if start.startswith(("{", "[")):
        return "JSON or similar structured text"
    return "plain text"


# -- plain text and CSV (in-process fast path) -----------------------------------------------------


def _decode(data, complete):
    """Decodes bytes read from a text file; None when they are not text."""
    if data.startswith(codecs.BOM_UTF8):
        encodings = ["utf-8-sig"]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encodings = ["utf-16"]
    elif b"\x00" in data:
        return None
    else:
        # Windows-1252 before Latin-1: "Latin-1" text from Windows uses 0x80-0x9F for quotes
        # and dashes, which Latin-1 would turn into control characters.
        encodings = ["utf-8", "cp1252", "latin-1"]
    for encoding in encodings:
        try:
            text = codecs.getincrementaldecoder(encoding)().decode(data, final=complete)
        except UnicodeDecodeError:
            continue
        if "\x00" in text:
            return None
        sample = text[:65536]
        controls = sum(1 for char in sample if unicodedata.category(char) == "Cc" and not char.isspace())
        if controls > max(8, len(sample) // 50):
            return None
        return text
    return None


_DELIMITERS = (",", ";", "\t", "|")


def _sniff_delimiter(text, preferred=None):
    """A delimiter that splits the first records (at least three, unless the name says CSV) into
    the same number (>1) of fields, or None."""
    sample = text[:16384]
    if len(text) > len(sample):
        sample = sample[: sample.rfind("\n") + 1]  # drop a cut-off last line
    best = None
    for delimiter in ((preferred,) if preferred else ()) + _DELIMITERS:
        try:
            rows = [row for row in list(csv.reader(io.StringIO(sample), delimiter=delimiter))[:20] if row]
        except csv.Error:
            continue
        counts = {len(row) for row in rows}
        if len(counts) == 1 and (width := counts.pop()) > 1 and (preferred or len(rows) >= 3):
            if delimiter == preferred:
                return delimiter
            if best is None or width > best[1]:
                best = (delimiter, width)
    return best and best[0]


def _extract_plain(text, filename, limits, truncated_input):
    extension = file_extension(filename)
    delimiter = None
    if extension in ("csv", "tsv"):
        delimiter = _sniff_delimiter(text, "\t" if extension == "tsv" else ",") or (
            "\t" if extension == "tsv" else ","
        )
    elif extension not in _TEXT_EXTENSIONS and text.count("\n") >= 1:
        delimiter = _sniff_delimiter(text)

    if delimiter:
        collector = _Collector(limits.max_chars)
        try:
            for number, row in enumerate(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), 1):
                for column, cell in enumerate(row, 1):
                    collector.note_formula(f"row {number}", f"{column_letter(column)}{number}", cell)
                if not collector.add(f"row {number}", " | ".join(cell for cell in row if cell.strip())):
                    break
        except csv.Error:
            delimiter = None  # not CSV after all (e.g. a field over csv.field_size_limit): read as text
        else:
            result = collector.result("csv")
            result.truncated = result.truncated or truncated_input
            return result

    collector = _Collector(limits.max_chars)
    for number, line in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), 1):
        if not collector.add(f"line {number}", line):
            break
    result = collector.result("txt")
    result.truncated = result.truncated or truncated_input
    return result


# -- the public entry point ------------------------------------------------------------------------


@contextmanager
def opened(path_or_file):
    """A path or a binary file object, ready to read from its start. Yields (file object, file-system
    path or None, size in bytes or None, name or None): a path is opened and closed again; a file
    object keeps its name, gives the path of an upload Django spooled to disk, and has its position
    put back afterwards."""
    if isinstance(path_or_file, (str, os.PathLike)):
        path = os.fspath(path_or_file)
        with open(path, "rb") as handle:
            yield handle, path, os.fstat(handle.fileno()).st_size, os.path.basename(path)
        return
    handle = path_or_file
    if not hasattr(handle, "read"):
        raise TypeError(f"Expected a path or a binary file object, not {type(handle).__name__}")
    name = os.path.basename(str(getattr(handle, "name", "") or "")) or None
    path = handle.temporary_file_path() if hasattr(handle, "temporary_file_path") else None
    position = size = None
    try:
        position = handle.tell()
        handle.seek(0, os.SEEK_END)  # by seeking, not ``.size``: a stored file's size may cost a request
        size = handle.tell()
        handle.seek(0)
    except (AttributeError, OSError, ValueError):  # not seekable: read it as it comes
        size = getattr(handle, "size", None)
    try:
        yield handle, path, size, name
    finally:
        if position is not None:
            try:
                handle.seek(position)
            except (OSError, ValueError):
                pass


def extract_text(path_or_file, filename=None):
    """The text of a PDF, DOCX, XLSX, PPTX, plain-text or CSV file, as an ``ExtractedText``.

    ``path_or_file`` is a filesystem path or a binary file object (read from its start; its
    position is restored). ``filename`` is the name to judge and report by, defaulting to the
    path's or the file object's name. Raises ``UnsupportedFile`` or ``ExtractionFailed`` (both
    ``ExtractionError``) with a message to show the user.
    """
    limits = current_limits()
    with opened(path_or_file) as (handle, path, _size, default_name):
        filename = filename or default_name
        head = handle.read(_SNIFF_BYTES)
        if isinstance(head, str):
            raise TypeError("extract_text() needs a file opened in binary mode")
        if not head:
            raise UnsupportedFile(f"{_label(filename)} is empty.")

        family = _sniff_binary(head)
        if family in ("pdf", "zip"):
            if path is not None:
                return _run_worker(path, family, filename, limits)
            with tempfile.NamedTemporaryFile(prefix="extract-") as spooled:
                spooled.write(head)
                shutil.copyfileobj(handle, spooled, 1024 * 1024)
                spooled.flush()
                return _run_worker(spooled.name, family, filename, limits)
        if family:
            raise UnsupportedFile(_refusal(filename, family))

        cap = limits.max_chars * 4 + 4
        data = head + handle.read(max(0, cap + 1 - len(head)))
        complete = len(data) <= cap
        text = _decode(data[:cap], complete)
        if text is None:
            raise UnsupportedFile(_refusal(filename, "binary data of an unknown type"))
        if _EXPECTED.get(file_extension(filename)) and file_extension(filename) not in _TEXT_EXTENSIONS:
            raise UnsupportedFile(_refusal(filename, _describe_text(text)))
        return _extract_plain(text, filename, limits, truncated_input=not complete)


def identify(path_or_file, filename=None):
    """What a file is, decided as ``extract_text`` decides it, without parsing a PDF or Office file:
    "pdf" by its header; "docx", "xlsx" or "pptx" by the part its ZIP holds (after the same limits
    on the archive); None for a file that may be plain text or CSV, which ``extract_text`` reads
    in-process anyway. Raises ``UnsupportedFile`` (or ``ExtractionFailed`` for a damaged ZIP) with
    the message ``extract_text`` would give. Cheap: the first bytes and a ZIP's central directory."""
    from .extract_worker import _check_zip

    with opened(path_or_file) as (handle, _path, _size, default_name):
        filename = filename or default_name
        head = handle.read(_SNIFF_BYTES)
        if not head:
            raise UnsupportedFile(f"{_label(filename)} is empty.")
        family = _sniff_binary(head)
        if family == "pdf":
            return "pdf"
        if family == "zip":
            handle.seek(0)
            config = {"filename": filename, "max_uncompressed_mb": current_limits().max_uncompressed_mb}
            return _check_zip(handle, config)
        if family:
            raise UnsupportedFile(_refusal(filename, family))
        return None


# -- the parsing process: parent side --------------------------------------------------------------

_WORKER_BOOT = (
    "import sys; sys.path.insert(0, sys.argv[1]); "
    "from resources.files.extract_worker import _worker_main; _worker_main(sys.argv[2])"
)


def _run_worker(path, family, filename, limits):
    config = {
        "path": os.path.abspath(path),
        "family": family,
        "filename": filename,
        "max_chars": limits.max_chars,
        "max_pages": limits.max_pages,
        "max_uncompressed_mb": limits.max_uncompressed_mb,
        "memory_mb": limits.memory_mb,
        "cpu_seconds": max(1, math.ceil(limits.timeout)) + 1,
    }
    # -I: ignore PYTHON* variables, user site-packages and the current directory; -B: write no
    # bytecode. A minimal environment keeps the parent's secrets out of the parsing process.
    command = [sys.executable, "-I", "-B", "-c", _WORKER_BOOT, _PROJECT_ROOT, json.dumps(config)]
    environment = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C.UTF-8"}
    if "LD_LIBRARY_PATH" in os.environ:  # some Python builds need it to start at all
        environment["LD_LIBRARY_PATH"] = os.environ["LD_LIBRARY_PATH"]
    label = _label(filename)
    try:
        process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=tempfile.gettempdir(),
            env=environment,
        )
    except OSError:  # no usable sys.executable (embedded interpreters), too many processes, ...
        logger.exception("Could not start the text extraction process with %r", sys.executable)
        raise ExtractionFailed(f"{label} could not be read: text extraction is not available right now.") from None
    try:
        try:
            stdout, stderr = process.communicate(timeout=limits.timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.communicate()
            raise ExtractionTimedOut(
                f"{label} took longer than {limits.timeout:g} seconds to read, so its text was not "
                "extracted. It may be damaged or unusually complex."
            ) from None
    finally:
        if process.poll() is None:  # interrupted (KeyboardInterrupt, ...): leave nothing behind
            process.kill()
            process.wait()

    reply = None
    if process.returncode == 0:
        try:
            reply = json.loads(stdout)
        except ValueError:
            reply = None
    if reply is None:
        tail = stderr.decode("utf-8", "replace")[-2000:]
        logger.warning("Text extraction of %r ended with status %s: %s", filename, process.returncode, tail)
        if process.returncode == -signal.SIGXCPU:
            raise ExtractionTimedOut(
                f"{label} needed more than {limits.timeout:g} seconds of processing to read, so its text "
                "was not extracted. It may be damaged or unusually complex."
            )
        if "MemoryError" in tail:
            raise ExtractionFailed(_memory_message(label, limits.memory_mb))
        raise ExtractionFailed(f"{label} could not be read: the text extraction stopped unexpectedly.")
    if stderr:
        level = logging.DEBUG if reply.get("status") == "ok" else logging.WARNING
        logger.log(level, "Text extraction of %r: %s", filename, stderr.decode("utf-8", "replace")[-2000:])
    if reply["status"] == "unsupported":
        raise UnsupportedFile(reply["message"])
    if reply["status"] != "ok":
        raise ExtractionFailed(reply["message"])
    parts = [(location, text) for location, text in reply["parts"]]
    return ExtractedText(
        text="\n".join(text for _, text in parts),
        parts=parts,
        kind=reply["kind"],
        truncated=reply["truncated"],
        formula_cells=[tuple(cell) for cell in reply["formula_cells"]],
        formula_cell_count=reply["formula_cell_count"],
    )


def _memory_message(label, memory_mb):
    return (
        f"{label} needed more than {memory_mb} MB of memory to read, so its text was not extracted. "
        "It may be damaged or unusually complex."
    )
