"""Production settings refuse to start half-configured and pass Django's deployment checks; uploads
and downloads are locked down (../shared/anchors.md, security items 6, 8 and 12)."""

import io
import json
import os
import secrets
import subprocess
import sys
from html import unescape
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from resources.demo.files import make_docx, make_pdf

PROJECT = Path(__file__).resolve().parent.parent
DANGEROUS_EXTENSIONS = {"html", "htm", "svg", "exe", "js", "xhtml", "xml", "swf", "php", "bat", "sh"}


def manage(*args, **env):
    """Run manage.py with production settings and the given environment (None removes a name)."""
    return run([sys.executable, "manage.py", *args], **env)


def run(command, **env):
    """Run ``command`` in the project with production settings and ``env`` (None removes a name)."""
    environment = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    environment.pop("DATABASE_URL", None)
    environment.update(DJANGO_SETTINGS_MODULE="commons_site.settings.production")
    for key, value in env.items():
        if value is None:
            environment.pop(key, None)
        else:
            environment[key] = value
    return subprocess.run(
        command, cwd=PROJECT, env=environment, capture_output=True, text=True,
        timeout=120,
    )


def production_key():
    key = secrets.token_urlsafe(48)
    assert len(key) == 64
    return key


def test_production_settings_pass_the_deployment_checks():
    result = manage("check", "--deploy", "--fail-level", "WARNING",
                    SECRET_KEY=production_key(), ALLOWED_HOSTS="commons.example.org")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


@pytest.mark.parametrize(
    "secret_key",
    [None, "", "too-short", "django-insecure-" + "x" * 60],
    ids=["missing", "empty", "short", "django-insecure"],
)
def test_production_refuses_to_start_without_a_real_secret_key(secret_key):
    result = manage("check", "--deploy", SECRET_KEY=secret_key, ALLOWED_HOSTS="commons.example.org")
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "SECRET_KEY must be set to a long random value in production" in result.stderr
    assert "secrets.token_urlsafe" in result.stderr  # and says how to make one


def test_production_refuses_to_start_without_allowed_hosts():
    result = manage("check", SECRET_KEY=production_key(), ALLOWED_HOSTS=None)
    assert result.returncode != 0
    assert "ALLOWED_HOSTS must list the host names" in result.stderr


@pytest.fixture(scope="module")
def production():
    """The settings a production server runs with, read by a process started with a real key and
    host."""
    names = [
        "DEBUG", "WAGTAILDOCS_EXTENSIONS", "WAGTAILDOCS_SERVE_METHOD", "WAGTAILDOCS_BLOCK_EMBEDDED_CONTENT",
        "WAGTAILDOCS_MAX_UPLOAD_SIZE", "WAGTAILIMAGES_MAX_UPLOAD_SIZE", "WAGTAILIMAGES_MAX_IMAGE_PIXELS",
        "WAGTAILIMAGES_EXTENSIONS", "DATA_UPLOAD_MAX_NUMBER_FILES",
    ]
    code = (
        "import json, django; django.setup(); from django.conf import settings; "
        f"print(json.dumps({{name: getattr(settings, name, None) for name in {names!r}}}))"
    )
    result = run([sys.executable, "-c", code], SECRET_KEY=production_key(), ALLOWED_HOSTS="commons.example.org")
    assert result.returncode == 0, result.stderr
    return SimpleNamespace(**json.loads(result.stdout))


def test_documents_are_locked_down_in_production(production):
    extensions = production.WAGTAILDOCS_EXTENSIONS
    assert isinstance(extensions, list) and extensions
    assert "pdf" in extensions and "docx" in extensions and "xlsx" in extensions
    assert not DANGEROUS_EXTENSIONS & {extension.lower() for extension in extensions}
    assert production.WAGTAILDOCS_SERVE_METHOD == "serve_view"
    assert production.WAGTAILDOCS_BLOCK_EMBEDDED_CONTENT is True
    assert 0 < production.WAGTAILDOCS_MAX_UPLOAD_SIZE <= 100 * 1024 * 1024
    assert 0 < production.WAGTAILIMAGES_MAX_UPLOAD_SIZE <= 50 * 1024 * 1024
    assert production.WAGTAILIMAGES_MAX_IMAGE_PIXELS <= 128_000_000
    assert "svg" not in {extension.lower() for extension in production.WAGTAILIMAGES_EXTENSIONS}
    assert production.DATA_UPLOAD_MAX_NUMBER_FILES <= 100
    assert production.DEBUG is False
    # The suite runs with the same document rules.
    assert settings.WAGTAILDOCS_EXTENSIONS == extensions
    assert settings.WAGTAILDOCS_SERVE_METHOD == "serve_view"


# Uploads through the admin, as an editor


SVG_WITH_SCRIPT = b"""<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">
<script>alert(document.cookie)</script><rect width="10" height="10"/></svg>"""


@pytest.mark.django_db
def test_svg_image_upload_is_refused(editor_client):
    before = get_image_model().objects.count()
    response = editor_client.post(reverse("wagtailimages:add"), {
        "title": "Network logo",
        "file": SimpleUploadedFile("logo.svg", SVG_WITH_SCRIPT, content_type="image/svg+xml"),
        "collection": Collection.get_first_root_node().pk,
        "tags": "",
    })
    assert response.status_code == 200
    assert "is an SVG drawing, which can carry scripts" in unescape(response.content.decode())
    assert get_image_model().objects.count() == before


@pytest.mark.django_db
def test_image_with_too_many_pixels_is_refused(editor_client):
    """A tiny file that decompresses into a huge bitmap (an image bomb)."""
    buffer = io.BytesIO()
    Image.new("1", (8000, 6000)).save(buffer, format="PNG")
    assert len(buffer.getvalue()) < 1024 * 1024
    before = get_image_model().objects.count()
    response = editor_client.post(reverse("wagtailimages:add"), {
        "title": "Huge",
        "file": SimpleUploadedFile("huge.png", buffer.getvalue(), content_type="image/png"),
        "collection": Collection.get_first_root_node().pk,
        "tags": "",
    })
    assert response.status_code == 200
    assert "huge.png has 8,000 × 6,000 pixels; images can have at most 40,000,000" in response.content.decode()
    assert get_image_model().objects.count() == before


@pytest.mark.django_db
@pytest.mark.parametrize(
    "filename, content, content_type",
    [
        ("clinic.html", b"<html><script>alert(1)</script></html>", "text/html"),
        ("diagram.svg", SVG_WITH_SCRIPT, "image/svg+xml"),
        ("installer.exe", b"MZ\x90\x00fake", "application/octet-stream"),
    ],
)
def test_dangerous_document_upload_is_refused(editor_client, filename, content, content_type):
    Document = get_document_model()
    before = Document.objects.count()
    response = editor_client.post(reverse("wagtaildocs:add"), {
        "title": "Not allowed",
        "file": SimpleUploadedFile(filename, content, content_type=content_type),
        "collection": Collection.get_first_root_node().pk,
        "tags": "",
    })
    assert response.status_code == 200
    assert f"{filename} " in response.content.decode()
    assert "can't be accepted" in unescape(response.content.decode())
    assert Document.objects.count() == before
    assert not Document.objects.filter(title="Not allowed").exists()


@pytest.mark.django_db
def test_allowed_document_upload_is_saved(editor_client):
    response = editor_client.post(reverse("wagtaildocs:add"), {
        "title": "Huddle agenda",
        "file": SimpleUploadedFile("agenda.docx", make_docx("Huddle agenda", ["Who is due today."])),
        "collection": Collection.get_first_root_node().pk,
        "tags": "",
    })
    assert response.status_code == 302
    assert get_document_model().objects.get(title="Huddle agenda").file_extension == "docx"


# Downloads through Wagtail's own document URL


def _document(filename, content):
    document = get_document_model()(title=filename, collection=Collection.get_first_root_node())
    document.file.save(filename, ContentFile(content), save=False)
    document.save()
    return document


def _served(client, document):
    response = client.get(reverse("wagtaildocs_serve", args=[document.pk, document.filename]))
    assert response.status_code == 200
    body = b"".join(response.streaming_content)
    with document.file.open("rb") as handle:
        assert body == handle.read()
    return response


@pytest.mark.django_db
@pytest.mark.parametrize("filename, content", [
    ("agenda.docx", make_docx("Agenda", ["Item one."])),
    ("notes.txt", b"Plain notes."),
])
def test_document_url_serves_an_attachment_that_cannot_run_code(editor_client, filename, content):
    # An editor: a document in no release and on no page is theirs to open, not the public's
    # (resources/serving.py).
    response = _served(editor_client, _document(filename, content))
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'"


@pytest.mark.django_db
def test_pdf_documents_are_served_as_attachments_too(editor_client):
    """PDFs are attachments too (Wagtail serves them inline unless WAGTAILDOCS_INLINE_CONTENT_TYPES
    is emptied)."""
    response = _served(editor_client, _document("checklist.pdf", make_pdf("Checklist", ["Before clinic."])))
    assert response["Content-Disposition"].startswith("attachment")


def test_a_development_log_line_is_printed_once():
    """With the development settings (DEBUG on) a line from Django's own loggers was printed twice:
    by the console handler Django's default configuration gives the "django" logger, and again by
    the root's."""
    script = (
        "import django, logging; django.setup(); "
        "logging.getLogger('django.request').warning('Not Found: /only-once'); "
        "logging.getLogger('resources').warning('An app line')"
    )
    environment = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    environment.pop("DATABASE_URL", None)
    environment["DJANGO_SETTINGS_MODULE"] = "commons_site.settings.dev"
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=PROJECT, env=environment, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr.count("Not Found: /only-once") == 1, result.stderr
    assert result.stderr.count("An app line") == 1, result.stderr


def _collect_tests_with(tmp_path, **env):
    """A short pytest session of its own (collecting tests/test_settings.py) with ``env``; its
    temporary folders are made under ``tmp_path``."""
    environment = {**os.environ, "TMPDIR": str(tmp_path), **env}
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "--collect-only", "tests/test_settings.py"],
        cwd=PROJECT, env=environment, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_test_session_removes_the_media_folder_it_made(tmp_path):
    _collect_tests_with(tmp_path)
    assert not list(tmp_path.glob("commons-test-media-*")), "the session's media folder was left behind"


def test_a_test_session_keeps_the_media_folder_it_was_given(tmp_path):
    given = tmp_path / "my-media"
    given.mkdir()
    (given / "keep.txt").write_text("mine")
    _collect_tests_with(tmp_path, TEST_MEDIA_ROOT=str(given))
    assert (given / "keep.txt").read_text() == "mine"
