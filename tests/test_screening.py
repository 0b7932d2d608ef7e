"""The publication screening (resources/screening/): PHI in generated PDF, DOCX, XLSX, PPTX and CSV
files, refused files, image and archive limits, the licence matrix, the demo content, the
``screen`` command.

No database. PDFs and Office files go through resources.files.extract's parsing process (~0.2 s each).
"""

import csv
import io
import json
import os
import re
import socket
import subprocess
import sys
import zipfile

import pytest
from django.core.management import call_command
from django.test import override_settings
from PIL import Image

from resources.demo.files import make_docx, make_pdf, make_xlsx
from resources.models import Licence
from resources.screening import Finding, check_licence, phi, screen_file, screen_text
from resources.screening.licences import broken_rules

# -- generated files -------------------------------------------------------------------------------

CLEAN_LINES = [
    "Pre-visit planning: the nurse checks growth, bloods and vaccines three days before clinic.",
    "Name: ____________   DOB: ___/___/______   MRN: __________",
    "Review date 12/03/2025; 212 children, 61 with any flag; Hb 128 g/L.",
]

# kind -> (the line holding the identifier, the identifier itself, what the masked snippet shows)
IDENTIFIERS = {
    "medical-record-number": ("Follow up MRN: 40392871 before the huddle", "40392871", "MRN: ******71"),
    "date-of-birth": ("Date of birth: 14/06/2013 (check the growth chart)", "14/06/2013", "**/**/2013"),
    "phone-number": ("The family can ring the ward on 0113 496 0721 at night", "0113 496 0721", "**21"),
    "email-address": ("Send results to amira.okafor@mailbox.org this week", "amira.okafor@mailbox.org", "a***"),
    "postal-address": ("Home address: 14 Larch Grove, Leeds", "14 Larch Grove", "Grove"),
    "us-social-security-number": ("Insurance form SSN: 512-48-7391 attached", "512-48-7391", "***-**-**91"),
    "patient-name": ("Patient: Amira Okafor, seen on ward 4", "Amira Okafor", "Patient: A**** O*****"),
}


def make_pptx(title, lines):
    from pptx import Presentation
    from pptx.util import Inches

    presentation = Presentation()
    slide = presentation.slides.add_slide(presentation.slide_layouts[5])
    slide.shapes.title.text = title
    for line in lines:
        slide = presentation.slides.add_slide(presentation.slide_layouts[6])
        slide.shapes.add_textbox(Inches(1), Inches(1), Inches(8), Inches(1)).text_frame.text = line
    out = io.BytesIO()
    presentation.save(out)
    return out.getvalue()


def make_csv(rows):
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    return out.getvalue().encode()


# Each format: (file name, bytes holding `lines`, where the last line is reported)
def as_pdf(lines):
    return "notes.pdf", make_pdf("Clinic notes", lines), "page 1"


def as_docx(lines):
    return "notes.docx", make_docx("Clinic notes", lines), f"paragraph {len(lines) + 1}"  # the heading is 1


def as_xlsx(lines):
    rows = ["Item | Note", *(f"Item {n} | {line}" for n, line in enumerate(lines, 1))]
    return "notes.xlsx", make_xlsx("Notes", rows), f"sheet Notes row {len(lines) + 1}"


def as_pptx(lines):
    return "notes.pptx", make_pptx("Clinic notes", lines), f"slide {len(lines) + 1}"  # the title slide is 1


def as_csv(lines):
    rows = [["Item", "Note"], *([f"Item {n}", line] for n, line in enumerate(lines, 1))]
    return "notes.csv", make_csv(rows), f"row {len(lines) + 1}"


FORMATS = [as_pdf, as_docx, as_xlsx, as_pptx, as_csv]


@pytest.mark.parametrize("make", FORMATS, ids=lambda make: make.__name__[3:])
def test_clean_file_has_no_findings(make):
    filename, data, _ = make(CLEAN_LINES)
    assert screen_file(io.BytesIO(data), filename) == []


@pytest.mark.parametrize("make", FORMATS, ids=lambda make: make.__name__[3:])
@pytest.mark.parametrize("kind", IDENTIFIERS)
def test_identifier_is_found_where_it_is_and_masked(kind, make):
    line, identifier, shown = IDENTIFIERS[kind]
    filename, data, location = make([CLEAN_LINES[0], line])

    findings = screen_file(io.BytesIO(data), filename)

    assert [f.kind for f in findings] == [kind]
    finding = findings[0]
    assert (finding.file, finding.location) == (filename, location)
    assert shown in finding.masked
    assert identifier not in finding.masked
    assert re.sub(r"\D", "", identifier) not in re.sub(r"\D", "", finding.masked) or not re.search(r"\d", identifier)
    assert finding.masked in finding.message and filename in finding.message


def test_finding_as_dict_is_what_the_command_prints():
    finding = Finding("a.pdf", "date-of-birth", "page 2", "DOB: **/**/2014", "Page 2 of a.pdf ...")
    assert finding.as_dict() == {
        "file": "a.pdf", "kind": "date-of-birth", "location": "page 2", "masked": "DOB: **/**/2014",
        "message": "Page 2 of a.pdf ...", "severity": "block",
    }


def test_spreadsheet_columns_under_phi_headers_are_found_row_by_row():
    rows = [
        "Registry extract, March",
        "Patient name | DOB | MRN | Diagnosis",
        "Amira Okafor | 2013-06-14 | 40392871 | Crohn's",
        "Leo Lindqvist | 2012-01-30 | 50293847 | UC",
    ]
    findings = screen_file(io.BytesIO(make_xlsx("Registry", rows)), "registry.xlsx")
    assert [(f.kind, f.location, f.masked) for f in findings] == [
        ("patient-name", "sheet Registry row 3", "Patient name: A**** O***** | DOB:…"),
        ("date-of-birth", "sheet Registry row 3", "…A**** O***** | DOB: 2013-**-** | MRN:…"),
        ("medical-record-number", "sheet Registry row 3", "…DOB: 2013-**-** | MRN: ******71 | Crohn's"),
        ("patient-name", "sheet Registry row 4", "Patient name: L** L******** | DOB:…"),
        ("date-of-birth", "sheet Registry row 4", "…L** L******** | DOB: 2012-**-** | MRN:…"),
        ("medical-record-number", "sheet Registry row 4", "…DOB: 2012-**-** | MRN: ******47 | UC"),
    ]


def test_a_team_list_of_names_is_not_patient_context():
    rows = ["Name | Role | Site", "Jonah Price | Nurse lead | Northfield", "Yusuf Ali | QI coach | Eastgate"]
    assert screen_file(io.BytesIO(make_xlsx("Team", rows)), "team.xlsx") == []


def test_nhs_number_needs_its_cue_and_a_valid_check_digit():
    assert [f.masked for f in screen_text("NHS number: 943 476 5919", "body")] == ["NHS number: *** *** **19"]
    assert "medical-record-number" not in [f.kind for f in screen_text("NHS number: 943 476 5918", "body")]
    # Without the cue it is not taken for an NHS number (a bare 10-digit run is still a valid US phone number).
    assert "medical-record-number" not in [f.kind for f in screen_text("Batch 9434765919 of the audit", "body")]


@pytest.mark.parametrize(
    "text, kind, masked",
    [
        ("hospital no. RXH4039287", "medical-record-number", "hospital no. ********87"),
        ("Medical record number\n0040 3928", "medical-record-number", "Medical record number **** **28"),
        ("D.O.B. March 14, 2013", "date-of-birth", "D.O.B. ***** **, 2013"),
        ("DOB (dd/mm/yyyy): 2013-06-14", "date-of-birth", "DOB (dd/mm/yyyy): 2013-**-**"),
        ("Tel: (617) 555-0142", "phone-number", "Tel: (***) ***-**42"),
        ("She lives at 221B Baker Street", "postal-address", "She lives at **** ***** Street"),
        ("Boston, MA 02115", "postal-address", "Boston, MA *****"),
        ("Postcode: LS6 2AB", "postal-address", "Postcode: *** ***"),
        ("Mailing address: K1A 0B1 Ottawa", "postal-address", "Mailing address: *** *** Ottawa"),
        ("SSN 512487391", "us-social-security-number", "SSN *******91"),
        ("Dear Mrs Lindqvist,", "patient-name", "Dear Mrs L********,"),
        ("Parent/guardian: Amara Nwosu", "patient-name", "Parent/guardian: A**** N****"),
        ("Surname: Okafor", "patient-name", "Surname: O*****"),
        ("Patient: Okafor, Amira", "patient-name", "Patient: O*****, A****"),
    ],
)
def test_recognizer_rules(text, kind, masked):
    assert [(f.kind, f.masked) for f in screen_text(text, "body")] == [(kind, masked)]


@pytest.mark.parametrize(
    "text",
    [
        "Name: ______  Date of birth: ______  Hospital number: ______",
        "Patient name | Date of birth | MRN | Diagnosis",
        "Name: Hospital Number:",
        "Patient and Family Advisory Council",
        "Baby's first name: ________  Saturation range set by cardiology: ___% to ___%",
        "Dear Head of Year / Special Educational Needs Coordinator,",
        "Dear Dr Okafor, thank you for the referral.",
        "Children born before 2010 are excluded; born at 24 weeks.",
        "Pediatrics. 2019;143(2):e20183521. doi:10.1542/peds.2018-3521",
        "Data collected 01/02/2023 to 31/01/2024 from 4 sites; target 90% by March 2026.",
        "Write the MRN on the wristband and MRN: 1234567 on the example form.",
        "Send questions to qi-team@example.org.",
        "Reports use the postcode district only (for example LS6), never the full postcode.",
        "Example: 512487391 (a nine-digit count with no SSN cue)",
        "Child: Demo A | Diagnosis: Crohn's",
        "Glucose above 11 mmol/L: phone the paediatric diabetes team the same day.",
    ],
)
def test_near_misses_are_not_findings(text):
    assert screen_text(text, "body") == []


def test_page_fields_are_reported_by_field():
    findings = screen_text("A story from clinic.\nChild's name is Leo Martin and he was born on 3 May 2014.", "summary")
    assert [(f.file, f.kind, f.location, f.masked) for f in findings] == [
        ("page text", "patient-name", "field summary", "Child's name is L** M***** and he was…"),
        ("page text", "date-of-birth", "field summary", "…and he was born on * *** 2014."),
    ]
    assert findings[0].message.startswith("The summary seems to contain a name in a patient context")


# -- the demo content ------------------------------------------------------------------------------


def _strings(value, path=""):
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, f"{path}.{key}")
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            yield from _strings(item, f"{path}[{index}]")


def test_demo_content_has_no_findings():
    """Every string of every demo resource (title, summary, body blocks, steps, measures, notes ...)
    and every line of every release file, scanned as the screening scans them: nothing found."""
    from django.utils.html import strip_tags

    from resources.demo.loader import all_resources

    findings, characters = [], 0
    for _, record in all_resources():
        fields = [(f"field {path}", strip_tags(text)) for path, text in _strings(record) if ".files" not in path]
        characters += sum(len(text) for _, text in fields)
        findings += phi.scan_parts(fields, "page text")
        for release in record["releases"]:
            for file in release["files"]:
                if file["filename"].endswith(".xlsx"):
                    cells = [" | ".join(c.strip() for c in line.split("|") if c.strip()) for line in file["text"]]
                    parts = [(f"sheet {file['title'][:31]} row {n}", text) for n, text in enumerate(cells, 1)]
                else:
                    parts = [(f"line {n}", line) for n, line in enumerate(file["text"], 1)]
                characters += sum(len(text) for _, text in parts)
                findings += phi.scan_parts(parts, file["filename"])
    assert characters > 250_000
    assert findings == []


@pytest.mark.parametrize("filename", ["ibd-population-report-v2-0.xlsx", "ibd-population-report-guide.pdf"])
def test_demo_release_files_pass_end_to_end(filename):
    from resources.demo.files import make_file
    from resources.demo.loader import all_resources

    files = {f["filename"]: f for _, r in all_resources() for rel in r["releases"] for f in rel["files"]}
    record = files[filename]
    data = make_file(filename, record["title"], record["text"])
    assert screen_file(io.BytesIO(data), filename) == []


# -- refused files ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "filename, data, says",
    [
        ("report.pdf", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 200, "Windows executable"),
        ("form.docx", b"<!DOCTYPE html><html><body><p>Patient form</p></body></html>", "HTML page"),
        ("notes.txt", b"<html><script>alert(1)</script></html>", "web page"),
        ("photo.pdf", None, "is a PNG image"),
        ("table.xlsx", "docx", "is a Word document"),
        ("empty.pdf", b"", "is empty"),
    ],
)
def test_disguised_and_unsupported_files_are_refused(filename, data, says):
    if data is None:
        out = io.BytesIO()
        Image.new("RGB", (10, 10)).save(out, format="PNG")
        data = out.getvalue()
    elif data == "docx":
        data = make_docx("Not a workbook", ["Text"])
    findings = screen_file(io.BytesIO(data), filename)
    assert [f.kind for f in findings] == ["file-type"]
    assert says in findings[0].message
    assert findings[0].location == "whole file"


def test_file_over_the_size_limit_is_refused_before_reading(tmp_path):
    path = tmp_path / "big.csv"
    path.write_bytes(b"Item,Note\n" + b"x,MRN: 40392871\n" * 200)
    with override_settings(SCREENING_MAX_FILE_MB=0.001):
        findings = screen_file(path)
    assert [(f.kind, f.file) for f in findings] == [("file-size", "big.csv")]
    assert "at most 0.001 MB" in findings[0].message
    findings = screen_file(path)
    assert {(f.kind, f.masked) for f in findings} == {("medical-record-number", "x | MRN: ******71")}
    assert [f.location for f in findings] == [f"row {n}" for n in range(2, 202)]


def test_text_the_extraction_did_not_reach_is_reported(tmp_path):
    path = tmp_path / "long.csv"
    path.write_bytes(b"Item,Note\n" + b"Bloods,Order before clinic\n" * 500)
    with override_settings(SEARCH_EXTRACT_MAX_CHARS=1000):
        findings = screen_file(path)
    assert [(f.kind, f.location) for f in findings] == [("unreadable-file", "whole file")]
    assert "not checked for health information" in findings[0].message


def _png(width, height):
    out = io.BytesIO()
    Image.new("1", (width, height)).save(out, format="PNG", optimize=True)
    return out.getvalue()


def test_image_over_the_pixel_limit_is_refused():
    data = _png(400, 300)  # a few hundred bytes, 120,000 pixels
    assert len(data) < 2000
    with override_settings(WAGTAILIMAGES_MAX_IMAGE_PIXELS=100_000):
        findings = screen_file(io.BytesIO(data), "chart.png")
    assert [f.kind for f in findings] == ["image-pixels"]
    assert "400 × 300" in findings[0].message
    with override_settings(WAGTAILIMAGES_MAX_IMAGE_PIXELS=200_000):
        assert screen_file(io.BytesIO(data), "chart.png") == []


def test_jpeg_passes_and_a_damaged_image_is_unreadable():
    out = io.BytesIO()
    Image.new("RGB", (64, 48), (200, 80, 40)).save(out, format="JPEG")
    assert screen_file(io.BytesIO(out.getvalue()), "photo.jpg") == []
    damaged = _png(40, 40)[:60]
    assert [f.kind for f in screen_file(io.BytesIO(damaged), "chart.png")] == ["unreadable-file"]


def test_office_file_over_the_uncompressed_limit_is_refused():
    data = make_docx("Handout", ["Short text"])
    with override_settings(SCREENING_MAX_UNCOMPRESSED_MB=0.001):
        findings = screen_file(io.BytesIO(data), "handout.docx")
    assert [f.kind for f in findings] == ["archive-size"]
    assert "unpacks to" in findings[0].message


def test_zip_bomb_is_refused_before_extraction():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"\0" * (5 * 1024 * 1024))
    findings = screen_file(io.BytesIO(out.getvalue()), "bomb.docx")
    assert [f.kind for f in findings] == ["archive-size"]
    assert "decompression bomb" in findings[0].message


# -- licences --------------------------------------------------------------------------------------


def licence(key):
    flags = {  # (commercial, derivatives, share-alike), as in resources/demo/vocabularies.py
        "CC-BY-4.0": (True, True, False),
        "CC-BY-SA-4.0": (True, True, True),
        "CC-BY-NC-4.0": (False, True, False),
        "CC-BY-NC-SA-4.0": (False, True, True),
        "CC-BY-ND-4.0": (True, False, False),
        "CC0-1.0": (True, True, False),
        "network-only": (False, False, False),
    }[key]
    network_only = key == "network-only"
    return Licence(
        name=key, spdx_id="" if network_only else key, network_only=network_only,
        allows_commercial_use=flags[0], allows_derivatives=flags[1], requires_share_alike=flags[2],
    )


CANDIDATES = ["CC-BY-4.0", "CC-BY-SA-4.0", "CC-BY-NC-4.0", "CC-BY-NC-SA-4.0", "CC-BY-ND-4.0", "network-only", "CC0-1.0"]
_ = ()
SA, NC, ND, NET = ("share-alike",), ("non-commercial",), ("no-derivatives",), ("network-only",)
# Rules broken by an adaptation (column) of a source (row), without a reuse grant.
MATRIX = {
    #                  CC-BY      CC-BY-SA  CC-BY-NC  CC-BY-NC-SA  CC-BY-ND  network-only  CC0
    "CC-BY-4.0":       [_,        _,        _,        _,           _,        _,            _],
    "CC-BY-SA-4.0":    [SA,       _,        SA,       SA,          SA,       SA,           SA],
    "CC-BY-NC-4.0":    [NC,       NC,       _,        _,           NC,       _,            NC],
    "CC-BY-NC-SA-4.0": [SA + NC,  SA + NC,  SA,       _,           SA + NC,  SA,           SA + NC],
    "CC-BY-ND-4.0":    [ND,       ND,       ND,       ND,          ND,       ND,           ND],
    "network-only":    [NET + ND + NC, NET + ND + NC, NET + ND, NET + ND, NET + ND + NC, NET + ND, NET + ND + NC],
}
# With a recorded grant: adaptations are allowed, share-alike and non-commercial terms still hold.
MATRIX_WITH_GRANT = {
    "CC-BY-ND-4.0":    [_,        _,        _,        _,           _,        _,            _],
    "network-only":    [NC,       NC,       _,        _,           NC,       _,            NC],
}


@pytest.mark.parametrize("source", MATRIX)
@pytest.mark.parametrize("candidate", CANDIDATES)
def test_licence_matrix(source, candidate):
    expected = MATRIX[source][CANDIDATES.index(candidate)]
    assert tuple(rule.name for rule in broken_rules(licence(candidate), licence(source))) == expected
    findings = check_licence(licence(candidate), licence(source))
    assert all(f.kind == "licence-incompatible" and f.location == "field licence" for f in findings)
    assert bool(findings) == bool(expected)


@pytest.mark.parametrize("source", MATRIX_WITH_GRANT)
@pytest.mark.parametrize("candidate", CANDIDATES)
def test_licence_matrix_with_a_reuse_grant(source, candidate):
    expected = MATRIX_WITH_GRANT[source][CANDIDATES.index(candidate)]
    grant = object()  # the reuse-grant model comes later: any truthy object is a grant for now
    assert tuple(rule.name for rule in broken_rules(licence(candidate), licence(source), grant)) == expected


def test_licence_findings_say_what_to_do():
    assert check_licence(licence("CC-BY-4.0"), None) == []
    [missing] = check_licence(None, licence("CC-BY-4.0"))
    assert (missing.kind, missing.location) == ("licence-missing", "field licence")
    [grant] = check_licence(licence("CC-BY-NC-4.0"), licence("network-only"))  # one grant, not two
    assert "network members only" in grant.message and "does not allow adaptations" in grant.message
    assert "reuse grant" in grant.message
    assert grant.masked == "source Network only, this resource CC-BY-NC-4.0"
    share, commercial = check_licence(licence("CC-BY-4.0"), licence("CC-BY-NC-SA-4.0"))
    assert "exactly the same licence (CC-BY-NC-SA-4.0)" in share.message
    assert "non-commercial licence" in commercial.message


# -- offline ---------------------------------------------------------------------------------------


def test_analyzer_runs_offline_without_touching_the_network(monkeypatch):
    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise OSError("network disabled in this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    analyzer = phi.build_analyzer()  # builds every recognizer, the e-mail one's suffix list included
    text = "Write to amira.okafor@mailbox.org or call +44 113 496 0721."
    assert [d.kind for d in phi.detect(text, analyzer)] == ["email-address", "phone-number"]
    assert attempts == []


def test_screening_works_without_spacy_or_presidio_installed():
    """The engine is ours: with spaCy and Presidio made unimportable, a fresh interpreter builds it
    and finds what it should."""
    code = (
        "import sys\n"
        "class Refuse:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] in ('spacy', 'presidio_analyzer', 'thinc', 'numpy'):\n"
        "            raise ImportError(name)\n"
        "sys.meta_path.insert(0, Refuse())\n"
        "import django; django.setup()\n"
        "from resources.screening import phi\n"
        "print([d.kind for d in phi.detect('MRN: 40392871, SSN 536-22-1234, address LS6 2QD')])\n"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "commons_site.settings.test"}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "['medical-record-number', 'us-social-security-number', 'postal-address']"


def test_context_words_raise_weak_matches_in_the_same_part_only():
    # A bare nine-digit number or a postcode alone is too weak; a context word just before lifts it.
    assert phi.detect("Reference 536221234 in the index") == []
    [ssn] = phi.detect("Social: 536221234")  # "social" is a context word, not a cue
    assert (ssn.kind, ssn.score) == ("us-social-security-number", 0.6)
    [postcode] = phi.detect("Address: k1a 0b1")
    assert (postcode.entity, round(postcode.score, 2)) == ("CA_POSTAL_CODE", 0.65)
    assert phi.detect(f"address{phi.PART_SEPARATOR}K1A0B1") == []  # the word is in the previous part


# -- the command -----------------------------------------------------------------------------------


def test_screen_command_prints_json_lines_and_exits_1_when_something_is_found(tmp_path, capsys):
    bad = tmp_path / "letter.pdf"
    bad.write_bytes(make_pdf("Clinic letter", ["Patient: Amira Okafor", "DOB: 14/06/2013"]))
    good = tmp_path / "notes.csv"
    good.write_bytes(make_csv([["Item", "Note"], ["Bloods", "Order before clinic"]]))
    out, err = io.StringIO(), io.StringIO()

    with pytest.raises(SystemExit) as exit:
        call_command("screen", str(bad), str(good), stdout=out, stderr=err)

    assert exit.value.code == 1
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [(line["file"], line["kind"], line["location"], line["masked"]) for line in lines] == [
        ("letter.pdf", "patient-name", "page 1", "Patient: A**** O*****"),
        ("letter.pdf", "date-of-birth", "page 1", "DOB: **/**/2013"),
    ]
    assert all(set(line) == {"file", "kind", "location", "masked", "message", "severity"} for line in lines)
    assert {line["severity"] for line in lines} == {"block"}
    assert "Amira" not in out.getvalue() and "14/06" not in out.getvalue()
    assert "2 findings in 1 file" in err.getvalue()


def test_screen_command_exits_0_when_clean_and_2_for_a_missing_file(tmp_path):
    good = tmp_path / "notes.csv"
    good.write_bytes(make_csv([["Item", "Note"], ["Bloods", "Order before clinic"]]))
    out, err = io.StringIO(), io.StringIO()
    call_command("screen", str(good), stdout=out, stderr=err)  # returns: exit status 0
    assert out.getvalue() == ""
    assert "nothing found" in err.getvalue()

    with pytest.raises(SystemExit) as exit:
        call_command("screen", str(good), str(tmp_path / "missing.pdf"), stdout=out, stderr=err)
    assert exit.value.code == 2
    assert "missing.pdf: no such file" in err.getvalue()
