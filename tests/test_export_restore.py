"""Export and restore (``export_commons`` / ``import_commons``, resources/archive/).

The round trip exports the demo network from the test database, restores it in another process
into a fresh, empty, migrated SQLite database with its own media folder (tests/restore_probe.py),
and compares what visitors get from both, URL by URL: every page in the sitemap, the library,
searches, people and organisations, releases and the bytes of their files, and, for a member,
the network-only resources. Only what must differ between two renderings is normalised: CSRF
tokens and CSP nonces. The restored commons is also exported again, and every table of that
archive must equal the first one's row for row.

Bad archives (not a ZIP, not ours, another format version, a member missing, altered or extra, a
decompression bomb, a file outside the media folder) and a database that is not empty are refused
with a message saying so, and nothing is written.
"""

import io
import json
import os
import re
import subprocess
import sys
import time
import zipfile
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.core.management import CommandError, call_command
from django.test import RequestFactory
from django.urls import reverse
from wagtail.models import Page

from contributors.models import ContributorProfile, Organisation
from resources.archive import ArchiveError, layout, rows, tables
from resources.archive.restore import restore_archive
from resources.models import LibraryPage, Release, ResourcePage
from resources.visibility import visible_pages

# Every test reads the demo network (the module's archive is exported from it).
pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent
MEMBER = "grace.lin"
SEARCHES = ["checklist", "asthma action plan", "transition", "pdsa", "inflamatory bowel"]
# More (username or None, URL) pairs to compare after a restore: the REST API's, for instance.
MORE_REQUESTS = [
    (None, "/feeds/releases/"),
    (None, "/oai/?verb=Identify"),
    (None, "/oai/?verb=ListRecords&metadataPrefix=oai_dc"),
    (None, "/oai/?verb=ListSets"),
]
# What differs between two renderings of the same page: the form's CSRF token, the CSP nonce, the
# time an OAI-PMH response was made, and the suffix file storage adds to an image rendition's name
# when a file of that name is already on disk (renditions are made again after a restore, and an
# earlier test in this process may have left one under the plain name), and in a results page's
# signed click links the id of the search just logged (it comes from a sequence, which PostgreSQL
# does not roll back with an earlier test's transaction) with its signature.
VOLATILE = [
    (re.compile(r"(/search/click/)\d+(/\d+/\d+/\?sig=)[^\"&\s]+"), r"\1…\2…"),
    (re.compile(r"(/media/images/[^\"/]+?)_[A-Za-z0-9]{7}(\.[0-9a-f]{8}\.)"), r"\1\2"),
    (re.compile(r"<responseDate>[^<]+</responseDate>"), "<responseDate>…</responseDate>"),
    (re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]+"'), r'\1…"'),
    (re.compile(r'(nonce=")[^"]+"'), r'\1…"'),
]


@pytest.fixture(scope="module")
def demo_archive(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo network exported once for this module."""
    path = tmp_path_factory.mktemp("archive") / "commons.zip"
    with django_db_blocker.unblock():
        call_command("export_commons", str(path), stdout=io.StringIO())
    return path


def _request_as(username):
    request = RequestFactory().get("/")
    request.user = get_user_model().objects.get(username=username) if username else AnonymousUser()
    return request


def _release_urls(pages):
    urls = []
    for release in Release.objects.published().filter(resource__in=pages).order_by("pk"):
        urls.append(release.get_absolute_url())
    files = []
    for release in Release.objects.published().filter(resource__in=pages).prefetch_related("files").order_by("pk"):
        files.extend(release_file.get_absolute_url() for release_file in release.files.all())
    return urls, files


def _slugs(model):
    return model.objects.order_by("pk").values_list("slug", flat=True)


def requests_to_compare(client):
    """[(username or None, URL)]: pages first, then downloads (which count themselves)."""
    sitemap = client.get("/sitemap.xml").content.decode()
    public = ["/", "/sitemap.xml", *(urlsplit(loc).path for loc in re.findall(r"<loc>(.*?)</loc>", sitemap))]
    public.append(LibraryPage.objects.get().url)
    public += [f"/search/?q={query}" for query in SEARCHES] + ["/search/?q=checklist&sort=newest"]
    public += ["/people/", "/organisations/"]
    public += [reverse("contributor_detail", args=[slug]) for slug in _slugs(ContributorProfile)]
    public += [reverse("organisation_detail", args=[slug]) for slug in _slugs(Organisation)]
    anonymous = visible_pages(ResourcePage.objects.all(), _request_as(None))
    public += [page.url + "cite/bibtex/" for page in anonymous.order_by("pk")[:3]]
    releases, files = _release_urls(anonymous)

    member_only = visible_pages(ResourcePage.objects.all(), _request_as(MEMBER)).exclude(pk__in=anonymous)
    member_releases, member_files = _release_urls(member_only)
    member = [page.url for page in member_only.order_by("pk")] + member_releases
    member += [LibraryPage.objects.get().url, "/search/?q=checklist", "/my/contributions/", "/my/reuse/"]
    # The REST API, as anyone calls it: every list, and every record a visitor may see.
    api = ["/api/v1/", "/api/v1/releases/?page_size=100", "/api/v1/collections/", "/api/v1/organisations/",
           "/api/v1/people/", "/api/v1/licences/", "/api/v1/vocabularies/conditions/",
           "/api/v1/vocabularies/resource-types/", "/api/v1/vocabularies/audiences/", "/api/v1/vocabularies/phases/",
           "/api/v1/resources/?page_size=100", "/api/v1/resources/?q=transition&sort=newest"]
    api += [f"/api/v1/resources/{pk}/" for pk in anonymous.order_by("pk").values_list("pk", flat=True)]
    api += [f"/api/v1/releases/{pk}/" for pk in Release.objects.published().filter(resource__in=anonymous)
            .order_by("pk").values_list("pk", flat=True)]
    api += [f"/api/v1/organisations/{slug}/" for slug in _slugs(Organisation)]
    api += [f"/api/v1/people/{slug}/" for slug in _slugs(ContributorProfile)]
    return (
        [(None, url) for url in dict.fromkeys(public + releases)]
        + [(MEMBER, url) for url in member]
        + [(None, url) for url in api]
        + [(None, url) for url in files]
        + [(MEMBER, url) for url in member_files]
        + MORE_REQUESTS
    ), member_only


def normalised(found):
    text = found["text"]
    if text is not None:
        for pattern, replacement in VOLATILE:
            text = pattern.sub(replacement, text)
    return {**found, "text": text}


def test_every_model_is_exported_rebuilt_or_left_out_on_purpose():
    assert tables.unclassified() == []


@pytest.fixture
def empty_database_url(tmp_path):
    """The address of an empty database of the kind the tests run on, for the restore: a SQLite file,
    or on PostgreSQL a database of its own on the same server (made here, dropped after)."""
    from django.db import connection

    if connection.vendor != "postgresql":
        yield f"sqlite:///{tmp_path / 'restored.sqlite3'}"
        return
    settings = connection.settings_dict
    name = f"{settings['NAME']}_restored"
    with connection._nodb_cursor() as cursor:  # as Django's own test database creation does
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute(f'CREATE DATABASE "{name}"')
    credentials = settings["USER"] + (f":{settings['PASSWORD']}" if settings["PASSWORD"] else "")
    yield f"postgres://{credentials}@{settings['HOST'] or 'localhost'}:{settings['PORT'] or 5432}/{name}"
    with connection._nodb_cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_the_demo_network_restored_into_an_empty_database_looks_the_same(
    client, demo_archive, tmp_path, empty_database_url
):
    from tests.restore_probe import answers

    started = time.monotonic()
    requests, member_only = requests_to_compare(client)
    assert member_only.exists(), "the demo has network-only resources for the member to see"
    assert len(requests) > 250
    requests_file, answers_file = tmp_path / "requests.json", tmp_path / "answers.json"
    requests_file.write_text(json.dumps(requests))
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "commons_site.settings.test",
        "DATABASE_URL": empty_database_url,
        "TEST_MEDIA_ROOT": str(tmp_path / "media"),
    }
    probe = subprocess.Popen(
        [sys.executable, "-m", "tests.restore_probe", str(demo_archive), str(requests_file), str(answers_file),
         str(tmp_path / "again.zip")],
        cwd=ROOT, env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    here = answers(requests)  # while the other process migrates and restores
    output, errors = probe.communicate(timeout=300)
    assert probe.returncode == 0, errors[-3000:]
    restored = json.loads(answers_file.read_text())

    assert restored["password_signs_in"], "the accounts' password hashes came back: people sign in as before"
    assert [found["status"] for found in here].count(200) > 250
    api_answers = [found["status"] for (_, url), found in zip(requests, here, strict=True) if url.startswith("/api/")]
    assert len(api_answers) > 100 and set(api_answers) == {200}
    different = [
        (username, url)
        for (username, url), ours, theirs in zip(requests, here, restored["answers"], strict=True)
        if normalised(ours) != normalised(theirs)
    ]
    assert different == [], f"{len(different)} answers differ after the restore, first: {different[:5]}"
    # Files came back byte for byte (their answers above are the bytes), and everything else too:
    # the restored commons exports to the same rows, table by table.
    first, again = zipfile.ZipFile(demo_archive), zipfile.ZipFile(tmp_path / "again.zip")
    assert first.namelist() == again.namelist()
    assert [name for name in first.namelist() if name != layout.MANIFEST and first.read(name) != again.read(name)] == []
    print(f"round trip of {len(requests)} answers in {time.monotonic() - started:.1f} s")


def test_the_archive_names_every_file_and_table_with_its_checksum(demo_archive):
    with zipfile.ZipFile(demo_archive) as archive:
        manifest = json.loads(archive.read(layout.MANIFEST))
        assert manifest["format"] == layout.FORMAT and manifest["format_version"] == layout.FORMAT_VERSION
        users = next(entry for entry in manifest["tables"] if entry["model"] == "auth.user")
        first_user = json.loads(archive.read(users["member"]).splitlines()[0])
        for entry in manifest["files"]:
            with archive.open(entry["member"]) as handle:
                assert layout.sha256_of(handle) == (entry["sha256"], entry["size"])
    assert {entry["member"] for entry in manifest["tables"] + manifest["files"]} | {layout.MANIFEST} == set(
        zipfile.ZipFile(demo_archive).namelist()
    )
    # An operator's backup restores sign-ins: the password hash is there, never a password.
    assert first_user["password"].startswith("md5$") and "improve-together" not in first_user["password"]
    assert any(entry["name"].startswith("documents/") for entry in manifest["files"])
    assert "password hashes" in manifest["sensitive"]


# Bad archives --------------------------------------------------------------------------------------


def rewrite(source, target, drop=(), replace=None, add=None, manifest=None):
    """A copy of the archive ``source`` with members dropped, replaced or added and its manifest edited."""
    replace, add = replace or {}, add or {}
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for name in old.namelist():
            if name in drop:
                continue
            data = replace.get(name, old.read(name))
            if name == layout.MANIFEST and manifest:
                edited = json.loads(data)
                manifest(edited)
                data = json.dumps(edited)
            new.writestr(name, data)
        for name, data in add.items():
            new.writestr(name, data)
    return target


def _first_document(archive_path):
    with zipfile.ZipFile(archive_path) as archive:
        manifest = json.loads(archive.read(layout.MANIFEST))
    return next(entry for entry in manifest["files"] if entry["name"].startswith("documents/"))


@pytest.fixture
def empty_database(db):
    """The test database emptied inside the test's transaction (rolled back after it), as a fresh
    database would be for every table an archive fills."""
    for model in tables.rebuilt_models() + tables.exported_models():
        rows.delete_all(model)
    assert ResourcePage.objects.count() == 0


def assert_nothing_written():
    assert Page.objects.count() == 0
    assert get_user_model().objects.count() == 0
    assert Release.objects.count() == 0


def _refused(path, message):
    with pytest.raises(CommandError, match=re.escape(message)):
        call_command("import_commons", str(path), stdout=io.StringIO())


def _with_file(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_a_file_that_is_not_a_zip_is_refused(empty_database, tmp_path):
    _refused(_with_file(tmp_path, "notes.zip", b"name,email\n"), "is not a ZIP file")
    assert_nothing_written()


def test_a_zip_that_is_not_ours_is_refused(empty_database, tmp_path):
    other = tmp_path / "report.zip"
    with zipfile.ZipFile(other, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    _refused(other, "is not an archive made by export_commons: it has no manifest.json")
    assert_nothing_written()


def test_another_format_version_is_refused(empty_database, demo_archive, tmp_path):
    newer = rewrite(demo_archive, tmp_path / "v2.zip", manifest=lambda m: m.update(format_version=2))
    _refused(newer, "format version 2; this version of the commons restores version 1 only")
    assert_nothing_written()


def test_an_archive_missing_a_member_is_refused(empty_database, demo_archive, tmp_path):
    document = _first_document(demo_archive)
    incomplete = rewrite(demo_archive, tmp_path / "incomplete.zip", drop={document["member"]})
    _refused(incomplete, f"is incomplete: {document['member']}, listed in its manifest, is missing")
    assert_nothing_written()


def test_an_altered_file_is_refused(empty_database, demo_archive, tmp_path):
    document = _first_document(demo_archive)
    altered = rewrite(demo_archive, tmp_path / "altered.zip", replace={document["member"]: b"%PDF-1.4 changed"})
    _refused(altered, f"{document['member']} does not match the checksum in its manifest")
    assert_nothing_written()


def test_a_released_file_altered_with_its_manifest_is_refused(empty_database, demo_archive, tmp_path):
    import hashlib

    document = _first_document(demo_archive)
    forged = b"%PDF-1.4 not what was published"

    def forge(manifest):
        entry = next(entry for entry in manifest["files"] if entry["name"] == document["name"])
        entry.update(sha256=hashlib.sha256(forged).hexdigest(), size=len(forged))

    altered = rewrite(demo_archive, tmp_path / "forged.zip", replace={document["member"]: forged}, manifest=forge)
    _refused(altered, f"file {document['name']} of release")
    _refused(altered, "is not the file that was published")
    assert_nothing_written()


def test_an_extra_member_is_refused(empty_database, demo_archive, tmp_path):
    extra = rewrite(demo_archive, tmp_path / "extra.zip", add={"media/documents/payload.exe": b"MZ"})
    _refused(extra, "holds media/documents/payload.exe, which its manifest does not list")
    assert_nothing_written()


def test_a_file_outside_the_media_folder_is_refused(empty_database, demo_archive, tmp_path):
    def escape(manifest):
        manifest["files"][0]["name"] = "../../etc/cron.d/job"

    escaping = rewrite(demo_archive, tmp_path / "escape.zip", manifest=escape)
    _refused(escaping, "names a file outside the media storage (../../etc/cron.d/job)")
    assert_nothing_written()


def test_a_decompression_bomb_is_refused(empty_database, tmp_path):
    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(layout.MANIFEST, json.dumps({"format": layout.FORMAT}))
        archive.writestr("data/auth.user.jsonl", b"\0" * (50 * 1024 * 1024))
    _refused(bomb, "the mark of a decompression bomb")
    assert_nothing_written()


def test_a_database_that_already_holds_content_is_refused(db, demo_archive):
    pages_before = Page.objects.count()
    with pytest.raises(ArchiveError, match="This database already holds content"):
        restore_archive(demo_archive)
    assert Page.objects.count() == pages_before



def test_an_archive_of_another_schema_is_refused(empty_database, demo_archive, tmp_path):
    def newer(manifest):
        manifest["migrations"]["resources"].append("9999_from_the_future")

    _refused(rewrite(demo_archive, tmp_path / "newer.zip", manifest=newer), "made by a newer version of the commons")

    def older(manifest):
        manifest["migrations"]["resources"].pop()

    _refused(rewrite(demo_archive, tmp_path / "older.zip", manifest=older), "made by an older version of the commons")
    assert_nothing_written()


def test_an_export_with_a_stored_file_missing_is_refused_and_leaves_no_archive(db, tmp_path):
    from resources.models import ReleaseFile

    document = ReleaseFile.objects.select_related("document").first().document
    stored = Path(document.file.path)
    aside = stored.with_name(stored.name + ".aside")
    stored.rename(aside)  # the media folder is the session's: put back below
    try:
        with pytest.raises(CommandError, match=re.escape(f"{document.file.name} (document {document.pk})")):
            call_command("export_commons", str(tmp_path / "backup.zip"), stdout=io.StringIO())
    finally:
        aside.rename(stored)
    assert list(tmp_path.iterdir()) == []
