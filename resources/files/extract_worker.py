"""The parsing process of ``resources.files.extract``: what runs inside the sandbox.

``extract_text`` starts ``python -c _WORKER_BOOT`` with a file's path and the limits; this module
limits its own memory, CPU time, core dumps and file writes, parses the PDF or Office file with
its library and writes one JSON reply to stdout. Nothing here runs in the web process.
"""

import errno
import json
import logging
import sys
import zipfile

from .archives import over_limits
from .extract import (
    _KIND_LABEL,
    ExtractionFailed,
    UnsupportedFile,
    _Collector,
    _label,
    _memory_message,
    _refusal,
)

_REPLY_HEADROOM = 32 * 1024 * 1024


def _limit_self(config):
    """Limits this process; returns a function that lifts the address-space soft limit to the hard
    limit (``_REPLY_HEADROOM`` higher), so a reply can be written once parsing is over."""
    import resource

    def limit(which, soft, hard=None):
        hard = soft if hard is None else hard
        _, current_hard = resource.getrlimit(which)
        if current_hard != resource.RLIM_INFINITY:
            soft, hard = min(soft, current_hard), min(hard, current_hard)
        resource.setrlimit(which, (soft, hard))
        return hard

    memory = config["memory_mb"] * 1024 * 1024
    memory_hard = limit(resource.RLIMIT_AS, memory, memory + _REPLY_HEADROOM)
    # SIGXCPU at the soft limit, SIGKILL one second later: a backstop to the parent's wall clock.
    limit(resource.RLIMIT_CPU, config["cpu_seconds"], config["cpu_seconds"] + 1)
    limit(resource.RLIMIT_CORE, 0)
    limit(resource.RLIMIT_FSIZE, 0)  # writes no files (Python ignores SIGXFSZ; writes fail with EFBIG)
    return lambda: resource.setrlimit(resource.RLIMIT_AS, (memory_hard, memory_hard))


def _import(name):
    """Imports a parsing library under the memory limit, where running out of memory shows up as
    ImportError ("failed to map segment from shared object"), OSError (ENOMEM) or SystemError
    rather than MemoryError: say what it is."""
    import importlib
    import importlib.util

    try:
        return importlib.import_module(name)
    except MemoryError:
        raise
    except Exception as error:  # ImportError, OSError(ENOMEM), even SystemError, by where it hits
        if isinstance(error, ImportError) and importlib.util.find_spec(name.split(".")[0]) is None:
            raise  # not installed: a deployment problem, not this file's
        raise MemoryError(f"importing {name}: {error!r}") from None


def _out_of_memory(error):
    """Whether running out of memory is behind an error (pypdf wraps MemoryError in PdfReadError)."""
    seen = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        if isinstance(error, MemoryError) or isinstance(error, OSError) and error.errno == errno.ENOMEM:
            return True
        error = error.__cause__ or error.__context__
    return False


def _worker_main(config_json):
    """The parsing process: reads ``config["path"]``, writes one JSON reply to stdout."""
    config = json.loads(config_json)
    relax = _limit_self(config)
    logging.basicConfig(level=logging.ERROR, stream=sys.stderr)
    result = failure = None
    try:
        result = _parse(config)
    except MemoryError:
        failure = MemoryError()  # without the traceback, whose frames hold what filled memory
    except Exception as error:
        failure = MemoryError() if _out_of_memory(error) else error
    relax()
    label = _label(config["filename"])
    if failure is None:
        reply = {
            "status": "ok",
            "kind": result.kind,
            "parts": result.parts,
            "truncated": result.truncated,
            "formula_cells": result.formula_cells,
            "formula_cell_count": result.formula_cell_count,
        }
    elif isinstance(failure, MemoryError):
        reply = {"status": "failed", "message": _memory_message(label, config["memory_mb"])}
    elif isinstance(failure, UnsupportedFile):
        reply = {"status": "unsupported", "message": str(failure)}
    elif isinstance(failure, ExtractionFailed):
        reply = {"status": "failed", "message": str(failure)}
    elif isinstance(failure, RecursionError):
        reply = {"status": "failed", "message": f"{label} could not be read: its structure is nested too deeply."}
    else:  # a parser's exception on a damaged file
        logging.getLogger(__name__).error("Extraction failed", exc_info=failure)
        kind = _KIND_LABEL.get(config.get("kind") or config["family"], "file")
        message = f"{label} could not be read: it looks like a damaged or incomplete {kind}."
        reply = {"status": "failed", "message": message}
    sys.stdout.buffer.write(json.dumps(reply).encode("ascii"))
    sys.stdout.flush()


def _parse(config):
    with open(config["path"], "rb") as handle:
        if config["family"] == "pdf":
            config["kind"] = "pdf"
            return _parse_pdf(handle, config)
        kind = _check_zip(handle, config)
        config["kind"] = kind
        handle.seek(0)
        return {"docx": _parse_docx, "xlsx": _parse_xlsx, "pptx": _parse_pptx}[kind](handle, config)


_OFFICE_MARKERS = (("docx", "word/document.xml"), ("xlsx", "xl/workbook.xml"), ("pptx", "ppt/presentation.xml"))
_DOCX_MARGINS = ("header", "first_page_header", "even_page_header", "footer", "first_page_footer", "even_page_footer")


def _check_zip(handle, config):
    """The Office kind of a ZIP file, refusing bombs before any library inflates a byte."""
    label = _label(config["filename"])
    try:
        archive = zipfile.ZipFile(handle)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as error:
        raise ExtractionFailed(
            f"{label} could not be read: it looks like a damaged or incomplete ZIP-based file."
        ) from error
    with archive:
        members = archive.infolist()
        too_big = over_limits(members, config["max_uncompressed_mb"] * 1024 * 1024)
        if too_big:
            raise UnsupportedFile(f"{label} can't be indexed: {too_big}")
        if any(member.flag_bits & 0x1 for member in members):
            raise UnsupportedFile(f"{label} is password-protected; upload a copy without a password.")
        names = set(archive.namelist())
        for kind, marker in _OFFICE_MARKERS:
            if marker in names:
                return kind
        description = "a ZIP archive"
        if "mimetype" in names:
            mimetype = archive.read("mimetype")[:100]
            if mimetype.startswith(b"application/vnd.oasis.opendocument"):
                description = "an OpenDocument file (.odt, .ods or .odp)"
            elif mimetype.startswith(b"application/epub"):
                description = "an EPUB e-book"
        elif "[Content_Types].xml" in names:
            description = "an Office file of a kind that can't be indexed"
        elif "META-INF/MANIFEST.MF" in names:
            description = "a Java archive"
        raise UnsupportedFile(_refusal(config["filename"], description))


def _parse_pdf(handle, config):
    PdfReader = _import("pypdf").PdfReader
    FileNotDecryptedError = _import("pypdf.errors").FileNotDecryptedError

    label = _label(config["filename"])
    reader = PdfReader(handle, strict=False)
    if reader.is_encrypted:
        try:
            unlocked = reader.decrypt("")  # PDFs locked only against editing open with no password
        except _import("pypdf.errors").DependencyError:  # AES needs the optional cryptography package
            raise UnsupportedFile(
                f"{label} is encrypted in a way that can't be read here; upload a copy without a password "
                "or editing restrictions."
            ) from None
        except Exception:
            unlocked = 0
        if not unlocked:
            raise UnsupportedFile(f"{label} is password-protected; upload a copy without a password.")
    collector = _Collector(config["max_chars"])
    try:
        pages = reader.pages
        count = len(pages)
    except FileNotDecryptedError as error:
        raise UnsupportedFile(f"{label} is password-protected; upload a copy without a password.") from error
    failed = 0
    for number in range(1, min(count, config["max_pages"]) + 1):
        try:
            text = pages[number - 1].extract_text()
        except Exception as error:  # one bad page: keep the others, but say the text is incomplete
            if _out_of_memory(error):
                raise
            logging.getLogger(__name__).error("Page %s could not be read", number, exc_info=error)
            failed += 1
            continue
        if not collector.add(f"page {number}", text):
            break
    if count and failed == min(count, config["max_pages"]):
        raise ExtractionFailed(f"{label} could not be read: none of its pages could be read.")
    result = collector.result("pdf")
    result.truncated = result.truncated or failed > 0 or count > config["max_pages"]
    return result


def _parse_docx(handle, config):
    docx = _import("docx")
    Table = _import("docx.table").Table

    try:
        document = docx.Document(handle)
    except ValueError as error:  # python-docx reads only documents, not templates or .docm
        if "is not a Word file" not in str(error):
            raise
        raise UnsupportedFile(
            f"{_label(config['filename'])} is a Word template or macro-enabled document, which can't be "
            "indexed. Save it as a .docx document."
        ) from None
    collector = _Collector(config["max_chars"])
    paragraphs = tables = 0
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            tables += 1
            for row_number, row in enumerate(block.rows, 1):
                if not collector.add(f"table {tables} row {row_number}", _row_text(row.cells)):
                    return collector.result("docx")
        else:
            paragraphs += 1
            if not collector.add(f"paragraph {paragraphs}", block.text):
                return collector.result("docx")
    sections = list(document.sections)
    seen = set()
    for number, section in enumerate(sections, 1):
        where = f"section {number} " if len(sections) > 1 else ""
        for name in _DOCX_MARGINS:
            part = getattr(section, name)
            if part.is_linked_to_previous:
                continue
            text = "\n".join(
                block.text if not isinstance(block, Table) else "\n".join(_row_text(row.cells) for row in block.rows)
                for block in part.iter_inner_content()
            )
            if text.strip() and text not in seen:
                seen.add(text)
                if not collector.add(where + name.replace("_", " "), text):
                    return collector.result("docx")
    return collector.result("docx")


def _row_text(cells):
    seen, texts = set(), []
    for cell in cells:  # a merged cell repeats once per grid column it spans
        if id(cell._tc) in seen:
            continue
        seen.add(id(cell._tc))
        if cell.text.strip():
            texts.append(cell.text)
    return " | ".join(texts)


def _cell_text(value):
    import datetime

    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time() else value.isoformat(sep=" ")
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    return str(value)


def _parse_xlsx(handle, config):
    load_workbook = _import("openpyxl").load_workbook

    workbook = load_workbook(handle, read_only=True, data_only=True)
    collector = _Collector(config["max_chars"])
    try:
        for sheet in workbook.worksheets:
            # Trust the cells, not the declared dimension (which can claim 16,384 columns).
            sheet.reset_dimensions()
            for row in sheet.iter_rows():
                cells = [cell for cell in row if cell.value is not None]
                texts = [_cell_text(cell.value) for cell in cells]
                texts = [text for text in texts if text.strip()]
                location = f"sheet {sheet.title} row {cells[0].row}" if cells else ""
                for cell in cells:  # text cells only: numbers and real formulas are what they seem
                    collector.note_formula(location, cell.coordinate, cell.value)
                if texts and not collector.add(location, " | ".join(texts)):
                    return collector.result("xlsx")
    finally:
        workbook.close()
    return collector.result("xlsx")


def _shape_texts(shapes):
    from pptx.shapes.group import GroupShape

    for shape in shapes:
        if isinstance(shape, GroupShape):
            yield from _shape_texts(shape.shapes)
        elif getattr(shape, "has_text_frame", False) and shape.has_text_frame:
            yield shape.text_frame.text
        elif getattr(shape, "has_table", False) and shape.has_table:
            for row in shape.table.rows:
                yield " | ".join(cell.text for cell in row.cells if cell.text.strip())


def _parse_pptx(handle, config):
    Presentation = _import("pptx").Presentation
    _import("pptx.shapes.group")

    try:
        presentation = Presentation(handle)
    except ValueError as error:  # python-pptx reads .pptx and .pptm, not shows (.ppsx) or templates
        if "is not a PowerPoint file" not in str(error):
            raise
        raise UnsupportedFile(
            f"{_label(config['filename'])} is a PowerPoint show or template, which can't be indexed. "
            "Save it as a .pptx presentation."
        ) from None
    collector = _Collector(config["max_chars"])
    slides = presentation.slides
    for number, slide in enumerate(slides, 1):
        if number > config["max_pages"]:
            collector.truncated = True
            break
        if not collector.add(f"slide {number}", "\n".join(_shape_texts(slide.shapes))):
            break
        if slide.has_notes_slide and slide.notes_slide.notes_text_frame is not None:
            if not collector.add(f"slide {number} notes", slide.notes_slide.notes_text_frame.text):
                break
    return collector.result("pptx")

