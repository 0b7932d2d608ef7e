"""Text extraction for search indexing, on real generated files.

No database: every test here works on files. PDFs and Office files go through the limited parsing
process, so each such test costs a Python start-up (~0.2 s); plain text and CSV do not.
"""

import io
import subprocess
import sys
import time
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from resources.demo.files import make_docx, make_pdf, make_xlsx
from resources.files import archives, extract
from resources.files.checks import check_file
from resources.files.extract import ExtractedText, ExtractionError, ExtractionFailed, UnsupportedFile, extract_text


def pages_pdf(pages):
    """A PDF of exactly ``pages`` pages, page N starting "Page N marker".

    make_pdf writes the title, a blank line, then each paragraph and a blank line, 44 lines a page:
    so page 1 is the title and 21 paragraphs, and every later page 22 paragraphs.
    """
    paragraphs = []
    for number in range(1, pages + 1):
        if number > 1:
            paragraphs.append(f"Page {number} marker")
        paragraphs.extend(f"Run chart of median time to antibiotics, line {line}" for line in range(21))
    return make_pdf("Page 1 marker", paragraphs)


def make_pptx():
    from pptx import Presentation
    from pptx.util import Inches

    presentation = Presentation()
    slide = presentation.slides.add_slide(presentation.slide_layouts[1])
    slide.shapes.title.text = "Sepsis bundle compliance"
    slide.placeholders[1].text = "Three sites joined in March\nCompliance rose to 82%"
    slide = presentation.slides.add_slide(presentation.slide_layouts[5])
    slide.shapes.title.text = "Results by site"
    table = slide.shapes.add_table(2, 2, Inches(1), Inches(2), Inches(6), Inches(1)).table
    table.cell(0, 0).text, table.cell(0, 1).text = "Site", "Compliance"
    table.cell(1, 0).text, table.cell(1, 1).text = "Riverside", "82%"
    group = slide.shapes.add_group_shape()
    group.shapes.add_textbox(Inches(1), Inches(4), Inches(4), Inches(1)).text_frame.text = "Grouped caption"
    slide.notes_slide.notes_text_frame.text = "Mention the March change of protocol"
    out = io.BytesIO()
    presentation.save(out)
    return out.getvalue()


def make_bomb(declared_mb, member="xl/worksheets/sheet1.xml"):
    """A real ZIP bomb: ``declared_mb`` MB of zeros deflated (~1000:1), streamed in 1 MB chunks."""
    out = io.BytesIO()
    chunk = b"\0" * (1024 * 1024)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        with archive.open(member, "w", force_zip64=False) as stream:
            for _ in range(declared_mb):
                stream.write(chunk)
    return out.getvalue()


@pytest.fixture(scope="module")
def files_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("extract")


def write(directory, name, data):
    path = directory / name
    path.write_bytes(data)
    return path


def assert_consistent(result):
    assert isinstance(result, ExtractedText)
    assert result.text == "\n".join(text for _, text in result.parts)
    assert all(text and text == text.strip() for _, text in result.parts)
    assert "\x00" not in result.text


# -- each format's text and locations --------------------------------------------------------------


def test_pdf_text_comes_out_page_by_page(files_dir):
    path = write(files_dir, "handout.pdf", pages_pdf(2))
    result = extract_text(path)
    assert_consistent(result)
    assert result.kind == "pdf" and not result.truncated
    assert [location for location, _ in result.parts] == ["page 1", "page 2"]
    assert result.parts[0][1].startswith("Page 1 marker")
    assert "Page 2 marker" in result.parts[1][1]
    assert "Run chart of median time to antibiotics, line 20" in result.parts[1][1]


def test_a_sixty_page_pdf_is_read_whole(files_dir):
    path = write(files_dir, "long.pdf", pages_pdf(60))
    result = extract_text(path)
    assert_consistent(result)
    assert len(result.parts) == 60 and not result.truncated
    assert result.parts[-1][0] == "page 60"
    assert "Page 60 marker" in result.parts[-1][1]
    assert "Page 37 marker" in dict(result.parts)["page 37"]


def test_docx_paragraphs_tables_and_headers():
    import docx

    data = make_docx("Discharge checklist", ["First   step:\tcall the GP", "", "Second step"])
    document = docx.Document(io.BytesIO(data))
    table = document.add_table(rows=2, cols=3)
    for cell, text in zip(table.rows[0].cells, ["Site", "Lead", "Start"], strict=True):
        cell.text = text
    merged = table.cell(1, 0).merge(table.cell(1, 1))
    merged.text = "Riverside (both wards)"
    table.cell(1, 2).text = "March"
    document.sections[0].header.paragraphs[0].text = "Confidential draft"
    out = io.BytesIO()
    document.save(out)

    result = extract_text(io.BytesIO(out.getvalue()), filename="checklist.docx")
    assert_consistent(result)
    assert result.kind == "docx"
    parts = dict(result.parts)
    assert parts["paragraph 1"] == "Discharge checklist"
    assert parts["paragraph 2"] == "First step: call the GP"  # whitespace collapsed
    assert "paragraph 3" not in parts  # empty paragraphs are numbered but not kept
    assert parts["paragraph 4"] == "Second step"
    assert parts["table 1 row 1"] == "Site | Lead | Start"
    assert parts["table 1 row 2"] == "Riverside (both wards) | March"  # merged cell once
    assert parts["header"] == "Confidential draft"


def test_xlsx_rows_by_sheet():
    data = make_xlsx(
        "Measures", ["Site | Measure | Rate", "Riverside | Door to needle | 0.85", "Hillcrest | Falls per 1000 | 12"]
    )
    result = extract_text(io.BytesIO(data), filename="measures.xlsx")
    assert_consistent(result)
    assert result.kind == "xlsx"
    assert result.parts == [
        ("sheet Measures row 1", "Site | Measure | Rate"),
        ("sheet Measures row 2", "Riverside | Door to needle | 0.85"),
        ("sheet Measures row 3", "Hillcrest | Falls per 1000 | 12"),
    ]


def test_xlsx_numbers_dates_and_gaps():
    import datetime

    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Audit"
    sheet["A1"], sheet["C1"] = "Audit date", 3.0
    sheet["A12"], sheet["B12"] = datetime.datetime(2026, 3, 14), True
    out = io.BytesIO()
    workbook.save(out)
    result = extract_text(io.BytesIO(out.getvalue()), filename="audit.xlsx")
    assert result.parts == [("sheet Audit row 1", "Audit date | 3"), ("sheet Audit row 12", "2026-03-14 | TRUE")]


def test_pptx_slides_tables_groups_and_notes():
    result = extract_text(io.BytesIO(make_pptx()), filename="deck.pptx")
    assert_consistent(result)
    assert result.kind == "pptx"
    parts = dict(result.parts)
    assert list(parts) == ["slide 1", "slide 2", "slide 2 notes"]
    assert parts["slide 1"] == "Sepsis bundle compliance\nThree sites joined in March\nCompliance rose to 82%"
    assert "Site | Compliance\nRiverside | 82%" in parts["slide 2"]
    assert "Grouped caption" in parts["slide 2"]
    assert parts["slide 2 notes"] == "Mention the March change of protocol"


def test_csv_rows_with_quotes():
    data = b'site,lead,note\r\nRiverside,"Lin, Grace","went live\r\nin March"\r\nHillcrest,Webb,\r\n'
    result = extract_text(io.BytesIO(data), filename="sites.csv")
    assert_consistent(result)
    assert result.kind == "csv"
    assert result.parts == [
        ("row 1", "site | lead | note"),
        ("row 2", "Riverside | Lin, Grace | went live\nin March"),
        ("row 3", "Hillcrest | Webb"),
    ]


def test_csv_by_sniffed_delimiter_without_the_extension():
    data = b"Standort;Rate\nRiverside;0,85\nHillcrest;0,91\n"
    result = extract_text(io.BytesIO(data), filename="export")
    assert result.kind == "csv"
    assert result.parts[1] == ("row 2", "Riverside | 0,85")
    # A .txt that happens to hold commas stays text.
    assert extract_text(io.BytesIO(b"a,b\nc,d\n"), filename="notes.txt").kind == "txt"


def test_txt_lines_are_cleaned_and_keep_their_numbers():
    data = "\ufeffFirst  line\t with tabs\r\n\r\nThird\x07 line\x1b[0m\n   \nfifth \u00a0 line".encode("utf-8")
    result = extract_text(io.BytesIO(data), filename="notes.txt")
    assert_consistent(result)
    assert result.kind == "txt" and not result.truncated
    assert result.parts == [("line 1", "First line with tabs"), ("line 3", "Third line[0m"), ("line 5", "fifth line")]


def test_txt_in_windows_1252_and_utf16():
    text = "Caf\u00e9 \u201cquoted\u201d"
    assert extract_text(io.BytesIO(text.encode("cp1252")), "x.txt").text == text
    assert extract_text(io.BytesIO("Gr\u00fc\u00dfe".encode("utf-16")), "x.txt").text == "Gr\u00fc\u00dfe"


def test_the_content_decides_not_the_name(files_dir):
    path = write(files_dir, "upload.bin", pages_pdf(1))
    assert extract_text(path).kind == "pdf"
    assert extract_text(io.BytesIO(make_xlsx("Sheet", ["a | b"])), filename="report.docx").kind == "xlsx"


def test_uploaded_file_objects_are_read_from_the_start_and_left_where_they_were():
    upload = SimpleUploadedFile("minutes.txt", b"Agenda\nActions")
    upload.read(3)
    result = extract_text(upload)
    assert result.text == "Agenda\nActions"
    assert upload.tell() == 3


# -- refusals --------------------------------------------------------------------------------------

EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00\xb8" + b"\x00" * 40 + b"This program cannot be run"


@pytest.mark.parametrize(
    "filename, data, message",
    [
        ("report.pdf", EXE, "report.pdf is not a PDF: its content looks like a Windows executable."),
        (
            "report.docx",
            b"<!DOCTYPE html>\n<html><body><h1>Sign in</h1></body></html>",
            "report.docx is not a Word document: its content looks like an HTML page.",
        ),
        ("scan.pdf", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "scan.pdf is not a PDF: its content looks like a PNG"),
        ("tool", EXE, "tool can't be indexed: its content looks like a Windows executable. Only PDF,"),
        ("empty.pdf", b"", "empty.pdf is empty."),
        ("legacy.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "legacy.doc is an old-format"),
        ("data.csv", bytes(range(256)) * 4, "data.csv is not a CSV file: its content looks like binary data"),
    ],
)
def test_unsupported_content_is_refused_in_process(filename, data, message, monkeypatch):
    monkeypatch.setattr(subprocess, "Popen", None)  # refused before any parsing process
    with pytest.raises(UnsupportedFile) as caught:
        extract_text(io.BytesIO(data), filename=filename)
    assert str(caught.value).startswith(message)


def test_a_zip_bomb_is_refused_before_it_is_opened(files_dir, monkeypatch):
    path = write(files_dir, "budget.xlsx", make_bomb(300))
    assert path.stat().st_size < 1024 * 1024
    opened = []
    monkeypatch.setattr("openpyxl.load_workbook", lambda *args, **kwargs: opened.append(args))
    with pytest.raises(UnsupportedFile) as caught:
        extract_text(path)
    assert str(caught.value) == "budget.xlsx can't be indexed: it unpacks to 300 MB, more than the 200 MB limit."
    assert not opened


def test_a_small_zip_bomb_is_refused_by_its_compression_ratio():
    message = r"notes\.docx can't be indexed: part of it is compressed [\d,]+ times over"
    with pytest.raises(UnsupportedFile, match=message):
        extract_text(io.BytesIO(make_bomb(20, member="word/document.xml")), filename="notes.docx")


def test_a_plain_zip_named_like_an_office_file_is_refused():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("photos/1.txt", "hello")
    message = r"^slides\.pptx is not a PowerPoint presentation: its content looks like a ZIP archive\.$"
    with pytest.raises(UnsupportedFile, match=message):
        extract_text(io.BytesIO(out.getvalue()), filename="slides.pptx")


def test_a_truncated_pdf_fails_cleanly():
    data = pages_pdf(3)
    message = r"^cut\.pdf could not be read: it looks like a damaged or incomplete PDF\.$"
    with pytest.raises(ExtractionFailed, match=message):
        extract_text(io.BytesIO(data[: len(data) // 2]), filename="cut.pdf")
    with pytest.raises(ExtractionFailed, match="damaged or incomplete PDF"):
        extract_text(io.BytesIO(b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R"), filename="stub.pdf")


def test_a_truncated_docx_fails_cleanly():
    data = make_docx("Title", ["Some text"] * 50)
    with pytest.raises(ExtractionFailed, match=r"^cut\.docx could not be read: it looks like a damaged or incomplete"):
        extract_text(io.BytesIO(data[: len(data) // 2]), filename="cut.docx")


# -- limits ----------------------------------------------------------------------------------------


def test_text_is_capped_at_max_chars(settings, files_dir):
    settings.SEARCH_EXTRACT_MAX_CHARS = 500
    text = extract_text(io.BytesIO((b"word " * 100 + b"\n") * 100), filename="long.txt")
    assert text.truncated and 490 <= len(text.text) <= 500
    assert_consistent(text)

    pdf = extract_text(write(files_dir, "capped.pdf", pages_pdf(3)))
    assert pdf.truncated and 490 <= len(pdf.text) <= 500 and [location for location, _ in pdf.parts] == ["page 1"]
    assert_consistent(pdf)


def test_text_is_capped_before_reading_a_huge_text_file(settings):
    settings.SEARCH_EXTRACT_MAX_CHARS = 10
    result = extract_text(io.BytesIO(b" " * 100 + b"x"), filename="spaces.txt")
    assert result.truncated and result.text == ""  # only the first 44 bytes were read


def test_pages_are_capped_at_max_pages(settings, files_dir):
    settings.SEARCH_EXTRACT_MAX_PAGES = 3
    result = extract_text(write(files_dir, "five.pdf", pages_pdf(5)))
    assert result.truncated and [location for location, _ in result.parts] == ["page 1", "page 2", "page 3"]


def test_the_uncompressed_limit_is_a_setting(settings):
    settings.SEARCH_EXTRACT_MAX_UNCOMPRESSED_MB = 0.01
    with pytest.raises(UnsupportedFile, match=r"more than the 0\.01 MB limit"):
        extract_text(io.BytesIO(make_xlsx("Sheet", ["a | b"] * 200)), filename="small.xlsx")


def many_parts(count):
    """A Word document's skeleton padded with empty parts to ``count`` parts in all."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
        for number in range(count - 2):
            archive.writestr(f"word/media/part{number}.xml", "")
    return out.getvalue()


@pytest.mark.parametrize(
    "filename, make, reason",
    [
        ("budget.xlsx", lambda: make_bomb(300), "it unpacks to 300 MB, more than the 200 MB limit."),
        (
            "notes.docx",
            lambda: many_parts(archives.MAX_ZIP_MEMBERS + 1),
            "it holds 10,001 parts (the limit is 10,000).",
        ),
    ],
)
def test_the_upload_check_and_the_parser_refuse_an_archive_for_the_same_reason(filename, make, reason):
    data = make()
    with pytest.raises(UnsupportedFile) as caught:
        extract_text(io.BytesIO(data), filename=filename)
    assert str(caught.value) == f"{filename} can't be indexed: {reason}"
    [finding] = check_file(io.BytesIO(data), filename).findings
    assert finding.kind == "archive-size"
    assert finding.message == (
        f"{filename} can't be accepted: {reason} Save it again from the program that made it, or split it, "
        "and upload it again."
    )


def test_the_parsing_process_loads_no_django():
    """The worker runs untrusted files in a process started without the site's settings or secrets:
    its modules (extract_worker, extract, archives, cells) must not pull Django in."""
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]); import resources.files.extract_worker; "
        "print(sorted(name for name in sys.modules if name.split('.')[0] in ('django', 'wagtail')))"
    )
    run = subprocess.run(
        [sys.executable, "-I", "-B", "-c", code, extract._PROJECT_ROOT], capture_output=True, text=True, check=True
    )
    assert run.stdout.strip() == "[]"


@pytest.fixture
def spawned(monkeypatch):
    """The parsing processes started during a test."""
    processes = []

    class Recording(subprocess.Popen):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            processes.append(self)

    monkeypatch.setattr(subprocess, "Popen", Recording)
    return processes


def test_a_slow_file_is_stopped_at_the_timeout(settings, files_dir, spawned):
    # 1,500 pages take ~3 s to read here (200 ms of it starting Python and pypdf); the parent
    # kills the process at 0.5 s.
    path = write(files_dir, "slow.pdf", pages_pdf(1500))
    settings.SEARCH_EXTRACT_MAX_PAGES = 5000
    settings.SEARCH_EXTRACT_MAX_CHARS = 10_000_000
    settings.SEARCH_EXTRACT_TIMEOUT = 0.5
    started = time.monotonic()
    with pytest.raises(ExtractionFailed, match=r"^slow\.pdf took longer than 0\.5 seconds to read"):
        extract_text(path)
    assert time.monotonic() - started < 3
    assert len(spawned) == 1 and spawned[0].returncode is not None  # killed and reaped


def test_the_cpu_limit_is_a_backstop(monkeypatch, spawned):
    # The parsing process limits its own CPU time; make it spin with a 1-second budget.
    monkeypatch.setattr(
        extract,
        "_WORKER_BOOT",
        "import json, sys; sys.path.insert(0, sys.argv[1]); from resources.files.extract_worker import _limit_self; "
        "config = json.loads(sys.argv[2]); config['cpu_seconds'] = 1; _limit_self(config)\nwhile True: pass",
    )
    seconds = extract.current_limits().timeout
    with pytest.raises(ExtractionFailed, match=rf"^spin\.pdf needed more than {seconds:g} seconds of processing"):
        extract_text(io.BytesIO(b"%PDF-1.4\n"), filename="spin.pdf")
    assert spawned[0].returncode < 0


def test_a_memory_blow_up_fails_cleanly(settings):
    settings.SEARCH_EXTRACT_MEMORY_MB = 30  # less than pypdf needs to load
    with pytest.raises(ExtractionFailed, match=r"^tight\.pdf needed more than 30 MB of memory to read"):
        extract_text(io.BytesIO(pages_pdf(1)), filename="tight.pdf")


def test_a_crashing_parser_fails_cleanly(monkeypatch):
    monkeypatch.setattr(extract, "_WORKER_BOOT", "import os, signal; os.kill(os.getpid(), signal.SIGSEGV)")
    message = r"^crash\.pdf could not be read: the text extraction stopped unexpectedly\.$"
    with pytest.raises(ExtractionFailed, match=message):
        extract_text(io.BytesIO(b"%PDF-1.4\n"), filename="crash.pdf")


def test_every_refusal_is_an_extraction_error():
    assert issubclass(UnsupportedFile, ExtractionError) and issubclass(ExtractionFailed, ExtractionError)


def _encrypted_pdf(user_password, owner_password):
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pages_pdf(1))))
    # RC4: pypdf needs the optional cryptography package (not installed) for AES.
    writer.encrypt(user_password=user_password, owner_password=owner_password, algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_password_protected_pdfs_are_refused_but_edit_locked_ones_are_read():
    message = r"^locked\.pdf is password-protected; upload a copy without a password\.$"
    with pytest.raises(UnsupportedFile, match=message):
        extract_text(io.BytesIO(_encrypted_pdf("secret", "owner")), filename="locked.pdf")
    result = extract_text(io.BytesIO(_encrypted_pdf("", "owner")), filename="edit-locked.pdf")
    assert result.parts[0][1].startswith("Page 1 marker")


def test_a_macro_enabled_word_file_is_refused_with_advice():
    source = zipfile.ZipFile(io.BytesIO(make_docx("Title", ["Text"])))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for member in source.infolist():
            data = source.read(member)
            if member.filename == "[Content_Types].xml":
                data = data.replace(b"document.main+xml", b"document.macroEnabled.main+xml")
            archive.writestr(member, data)
    with pytest.raises(UnsupportedFile, match=r"^macros\.docm is a Word template or macro-enabled document"):
        extract_text(io.BytesIO(out.getvalue()), filename="macros.docm")
