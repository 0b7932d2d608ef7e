"""Releases: published ones never change, newer ones supersede them, all stay downloadable."""

import hashlib

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from contributors.names import split_name
from resources.demo.files import make_pdf
from resources.models import Release, ReleaseLocked, ToolPage

from .builders import add_release, make_document

pytestmark = pytest.mark.django_db


@pytest.fixture
def tool():
    return ToolPage.objects.live().filter(releases__isnull=False).first()


def test_published_release_cannot_be_changed_or_deleted(tool):
    release = tool.published_releases[0]
    release.change_notes = "Rewritten history."
    with pytest.raises(ReleaseLocked, match="can no longer be changed"):
        release.save()
    with pytest.raises(ReleaseLocked):
        Release.objects.get(pk=release.pk).delete()
    file = release.files.first()
    with pytest.raises(ReleaseLocked):
        file.title = "Another title"
        file.save()
    assert Release.objects.get(pk=release.pk).change_notes != "Rewritten history."


def test_released_document_file_cannot_be_replaced(tool):
    document = tool.published_releases[0].files.first().document
    document.file.save("replacement.pdf", ContentFile(make_pdf("Replacement", ["Other text"])), save=False)
    with pytest.raises(ReleaseLocked, match="cannot change"):
        document.save()


def test_admin_edit_of_published_release_shows_why(editor_client, tool):
    release = tool.published_releases[0]
    url = reverse("wagtailsnippets_resources_release:edit", args=[release.pk])
    files = release.files.all()
    data = {
        "resource": tool.pk, "label": release.label, "release_date": release.release_date.isoformat(),
        "change_notes": "Changed", "files-TOTAL_FORMS": str(len(files)), "files-INITIAL_FORMS": str(len(files)),
        "files-MIN_NUM_FORMS": "1", "files-MAX_NUM_FORMS": "1000",
    }
    for index, f in enumerate(files):
        data.update({f"files-{index}-id": f.pk, f"files-{index}-document": f.document_id,
                     f"files-{index}-title": f.title, f"files-{index}-ORDER": str(index + 1)})
    response = editor_client.post(url, data)
    assert response.status_code == 200
    assert "can no longer be changed" in response.content.decode()
    assert Release.objects.get(pk=release.pk).change_notes == release.change_notes


def test_new_release_supersedes_and_old_stays_downloadable(client, tool):
    old = tool.published_releases[0]
    old_file = old.files.first()
    old_url = old_file.get_absolute_url()
    new = add_release(tool, "9.0", "2026-11-01", "Version nine text")

    page = client.get(tool.url).content.decode()
    assert "9.0" in page and "Notes for 9.0." in page
    assert old.label in page  # still in the version history

    assert old.superseded_by == new
    detail = client.get(old.get_absolute_url()).content.decode()
    assert "superseded" in detail.lower() and new.get_absolute_url() in detail

    response = client.get(old_url)
    assert response.status_code == 200
    body = b"".join(response.streaming_content)
    assert hashlib.sha256(body).hexdigest() == old_file.sha256
    assert response["Content-Disposition"].startswith("attachment")


def test_publishing_records_checksums_and_needs_files(tool):
    release = add_release(tool, "9.1", "2026-11-02", "Checksummed")  # and publishes it
    file = release.files.get()
    assert file.sha256 == file.compute_sha256() and len(file.sha256) == 64
    empty = Release.objects.create(resource=tool, label="9.2", change_notes="Nothing attached")
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="at least one file"):
        empty.publish()


def test_draft_releases_are_not_public(client, tool):
    draft = add_release(tool, "10.0", "2026-11-03", "Draft text", publish=False)
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert client.get(draft.files.get().get_absolute_url()).status_code == 404
    assert "10.0" not in client.get(tool.url).content.decode()


def test_release_of_an_unpublished_resource_is_not_served(client, tool):
    release = tool.published_releases[0]
    url = release.files.first().get_absolute_url()
    tool.unpublish()
    assert client.get(url).status_code == 404
    assert client.get(release.get_absolute_url()).status_code == 404


def test_citations_name_the_release(client, tool):
    release = tool.published_releases[0]
    bibtex = client.get(tool.url + "cite/bibtex/")
    assert bibtex["Content-Type"].startswith("application/x-bibtex")
    text = bibtex.content.decode()
    assert f"version = {{{release.label}}}" in text and tool.title in text
    ris = client.get(tool.url + "cite/ris/").content.decode()
    assert "TY  - GEN" in ris and f"ET  - {release.label}" in ris and release.get_absolute_url() in ris
    plain = client.get(tool.url + "cite/text/").content.decode()
    assert f"Version {release.label}." in plain
    assert client.get(tool.url + "cite/chicago/").status_code == 404


def test_citations_name_authors_without_their_honorific(client):
    tool = next(
        page for page in ToolPage.objects.live() if any(p.display_name.startswith("Dr ") for p in page.authors)
    )
    doctor = next(person for person in tool.authors if person.display_name.startswith("Dr "))
    given, family = doctor.display_name.removeprefix("Dr ").rsplit(" ", 1)
    bibtex = client.get(tool.url + "cite/bibtex/").content.decode()
    author = next(line for line in bibtex.splitlines() if line.strip().startswith("author ="))
    assert f"{family}, {given}" in author and "Dr" not in author, author
    ris = client.get(tool.url + "cite/ris/").content.decode()
    assert f"AU  - {family}, {given}\r\n" in ris
    plain = client.get(tool.url + "cite/text/").content.decode()
    assert f"{given} {family}" in plain and doctor.display_name not in plain


@pytest.mark.parametrize(
    "display_name, family, given",
    [
        ("Dr Samuel Okafor", "Okafor", "Samuel"),
        ("Dr. Samuel Okafor", "Okafor", "Samuel"),
        ("Prof Ama Mensah-Boateng", "Mensah-Boateng", "Ama"),
        ("Mx Sam Lee", "Lee", "Sam"),
        ("Dame Jane Ellis", "Ellis", "Jane"),
        ("Grace Lin", "Lin", "Grace"),
        ("Maya P.", "P.", "Maya"),
        ("Drew Barton", "Barton", "Drew"),  # a given name that begins like an honorific
        ("Prince", "Prince", ""),
    ],
)
def test_a_name_is_split_without_its_honorific(display_name, family, given):
    assert split_name(display_name) == (family, given)


def release_form(tool, document, publish=True):
    return {
        "resource": tool.pk,
        "label": "9.0",
        "release_date": "2026-11-27",
        "change_notes": "A new version.",
        "files-TOTAL_FORMS": "1",
        "files-INITIAL_FORMS": "0",
        "files-MIN_NUM_FORMS": "1",
        "files-MAX_NUM_FORMS": "1000",
        "files-0-id": "",
        "files-0-document": document.pk,
        "files-0-title": "",
        "files-0-filename": "",
        "files-0-ORDER": "1",
        "publish_now": "on" if publish else "",
    }


def test_publishing_a_release_from_the_admin_screens_its_files(editor_client, tool):
    url = reverse("wagtailsnippets_resources_release:add")
    identifiable = make_document("Clinic list", "Patient: Jamie Rivers, MRN: 48213377, DOB: 14/03/2015")
    response = editor_client.post(url, release_form(tool, identifiable))
    assert response.status_code == 200
    page = response.content.decode()
    assert "This release was not published" in page and "medical record" in page and "48213377" not in page
    assert not Release.objects.filter(resource=tool, label="9.0").exists()

    clean = make_document("Clinic checklist", "Ask about school attendance and sleep at every visit.")
    response = editor_client.post(url, release_form(tool, clean))
    assert response.status_code == 302
    assert Release.objects.get(resource=tool, label="9.0").is_published
