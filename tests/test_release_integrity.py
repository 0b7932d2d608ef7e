"""A published release and its files never change and never go away, whichever route asks.

Each route (Wagtail's document editor, the snippet screens, bulk actions, page deletion, the shell)
is driven the way a person or a script drives it; afterwards the release's rows are still there,
its file is still on disk and its download still answers with the bytes that were released.
"""

import hashlib
from urllib.parse import urlencode

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import DatabaseError, transaction
from django.db.models import ProtectedError
from django.db.models.signals import pre_save
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, ModelLogEntry, Page, PageLogEntry

from resources.demo.files import make_pdf
from resources.indexing.documents import file_text
from resources.models import FileText, Release, ReleaseFile, ReleaseLocked, ResourcePage

from .builders import add_release, make_document, make_tool
from .conftest import login
from .html import read

pytestmark = pytest.mark.django_db

Document = get_document_model()
UNPUBLISH_INSTEAD = "Unpublish the resource"  # "resource instead" or "resources instead"


@pytest.fixture
def tool():
    """A live tool with one published release, its file written to disk for this test."""
    return make_tool("Transition readiness checklist", releases=1)


@pytest.fixture
def admin_client(client):
    return login(client, "olivia.chen")


def released(tool):
    release = tool.releases.get()
    release_file = release.files.get()
    return release, release_file, release_file.document


def assert_still_released(client, release, release_file):
    """The rows are there, the stored file is on disk, and the public download gives the bytes
    whose checksum was recorded when the release was published."""
    release.refresh_from_db()
    release_file.refresh_from_db()
    assert release.is_published
    document = release_file.document
    assert document.file.storage.exists(document.file.name), "the released file was deleted from disk"
    client.logout()
    response = client.get(release_file.get_absolute_url())
    assert response.status_code == 200
    assert hashlib.sha256(b"".join(response.streaming_content)).hexdigest() == release_file.sha256


def said(response):
    return read(response).text


def pdf_upload(name="replacement.pdf", text="A different file"):
    return SimpleUploadedFile(name, make_pdf("Replacement", [text]), content_type="application/pdf")


def document_form(document, **overrides):
    return {"title": document.title, "collection": document.collection_id, "tags": "", **overrides}


def bulk_url(app_label, model_name, objects, action="delete"):
    query = urlencode({"id": [obj.pk for obj in objects], "next": reverse("wagtailadmin_home")}, doseq=True)
    return reverse("wagtail_bulk_action", args=[app_label, model_name, action]) + "?" + query


# Finding 1: replacing a released file through Wagtail's document editor.


def test_replacing_a_released_file_is_a_form_error_and_keeps_the_file(editor_client, tool):
    release, release_file, document = released(tool)
    stored_name = document.file.name
    response = editor_client.post(
        reverse("wagtaildocs:edit", args=[document.pk]), document_form(document, file=pdf_upload())
    )
    assert response.status_code == 200
    assert "is published and cannot change" in said(response)
    document.refresh_from_db()
    assert document.file.name == stored_name
    assert_still_released(editor_client, release, release_file)


def test_a_released_documents_title_may_still_be_edited(editor_client, tool):
    """Only the file is locked: the document's title is the library's, not the release's."""
    release, release_file, document = released(tool)
    response = editor_client.post(
        reverse("wagtaildocs:edit", args=[document.pk]), document_form(document, title="Renamed in the library")
    )
    assert response.status_code == 302
    document.refresh_from_db()
    assert document.title == "Renamed in the library"
    assert_still_released(editor_client, release, release_file)


def test_replacing_an_unreleased_file_deletes_the_old_one_only_after_commit(
    editor_client, django_capture_on_commit_callbacks
):
    document = make_document("Clinic poster", "Poster text")
    old_name = document.file.name
    storage = document.file.storage
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(
            reverse("wagtaildocs:edit", args=[document.pk]), document_form(document, file=pdf_upload("poster-2.pdf"))
        )
        assert response.status_code == 302
        assert storage.exists(old_name), "the old file went before the new one was committed"
    document.refresh_from_db()
    assert document.file.name != old_name and storage.exists(document.file.name)
    assert not storage.exists(old_name)


def test_a_rolled_back_file_replacement_keeps_the_old_file():
    """Whoever deletes a stored file inside a transaction that then fails (a form's save, a script),
    the file is still there: the delete waits for the commit."""
    document = make_document("Rolled back", "Kept text")
    name = document.file.name
    with pytest.raises(DatabaseError), transaction.atomic():
        document.file.storage.delete(name)
        raise DatabaseError("the save failed")
    assert document.file.storage.exists(name)


def test_a_failed_image_replacement_keeps_the_old_image(client, django_capture_on_commit_callbacks):
    """Wagtail's image editor deletes the old file once the image is saved, and then goes on
    (renditions, the history entry) inside the same transaction; if anything after that fails the
    change is rolled back, and the image must still have its file. (A cover image is not
    release-locked, but it must not break.)"""
    from wagtail.images.tests.utils import get_test_image_file

    Image = get_image_model()
    image = Image.objects.create(
        title="Cover", file=get_test_image_file("cover.png"), collection=Collection.get_first_root_node()
    )
    old_name = image.file.name

    def database_fails(sender, instance, **kwargs):  # stands in for a lost connection or a deadlock
        if instance.action == "wagtail.edit" and str(instance.object_id) == str(image.pk):
            raise DatabaseError("the database went away")

    editor = login(client, "marcus.webb")
    editor.raise_request_exception = False
    pre_save.connect(database_fails, sender=ModelLogEntry)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            response = editor.post(
                reverse("wagtailimages:edit", args=[image.pk]),
                {"title": "Cover", "collection": image.collection_id, "tags": "",
                 "file": SimpleUploadedFile("cover-2.png", get_test_image_file("cover-2.png").file.getvalue())},
            )
    finally:
        pre_save.disconnect(database_fails, sender=ModelLogEntry)
    assert response.status_code == 500
    image.refresh_from_db()
    assert image.file.name == old_name and image.file.storage.exists(old_name)


def test_shell_replacement_of_a_released_file_is_refused_and_the_file_stays(tool, client):
    release, release_file, document = released(tool)
    old_name = document.file.name
    document.file.save("replacement.pdf", ContentFile(make_pdf("Replacement", ["Other"])), save=False)
    with pytest.raises(ReleaseLocked, match="cannot change"):
        document.save()
    assert document.file.storage.exists(old_name)
    assert_still_released(client, release, release_file)


# Finding 2: every delete route.


def test_snippet_delete_of_a_published_release_shows_why(editor_client, tool):
    release, release_file, _ = released(tool)
    url = reverse("wagtailsnippets_resources_release:delete", args=[release.pk])
    assert "can no longer be changed" in said(editor_client.get(url, follow=True))
    response = editor_client.post(url, follow=True)
    assert response.status_code == 200
    assert "can no longer be changed" in said(response)
    assert_still_released(editor_client, release, release_file)


def test_snippet_bulk_delete_of_a_published_release_shows_why(editor_client, tool):
    release, release_file, _ = released(tool)
    draft = add_release(tool, "2.0", "2026-11-01", "Draft text", publish=False)
    response = editor_client.post(bulk_url("resources", "release", [release, draft]), follow=True)
    assert response.status_code == 200
    assert "can no longer be changed" in said(response)
    assert Release.objects.filter(pk=draft.pk).exists(), "nothing is deleted when one release is refused"
    assert_still_released(editor_client, release, release_file)


def test_draft_releases_may_still_be_deleted_in_bulk(editor_client, tool):
    drafts = [add_release(tool, f"3.{n}", "2026-11-01", "Draft", publish=False) for n in range(2)]
    response = editor_client.post(bulk_url("resources", "release", drafts), follow=True)
    assert response.status_code == 200
    assert not Release.objects.filter(pk__in=[d.pk for d in drafts]).exists()


def test_page_delete_of_a_resource_with_published_releases_says_unpublish(editor_client, tool):
    release, release_file, _ = released(tool)
    url = reverse("wagtailadmin_pages:delete", args=[tool.pk])
    response = editor_client.post(url, follow=True)
    assert response.status_code == 200
    assert UNPUBLISH_INSTEAD in said(response)
    assert ResourcePage.objects.filter(pk=tool.pk).exists()
    assert_still_released(editor_client, release, release_file)


def test_bulk_page_delete_of_a_resource_with_published_releases_says_unpublish(admin_client, tool):
    release, release_file, _ = released(tool)
    other = make_tool("Huddle card", releases=0)
    response = admin_client.post(bulk_url("wagtailcore", "page", [tool, other]), follow=True)
    assert response.status_code == 200
    assert UNPUBLISH_INSTEAD in said(response)
    assert Page.objects.filter(pk__in=[tool.pk, other.pk]).count() == 2
    assert_still_released(admin_client, release, release_file)


def test_deleting_a_parent_keeps_its_descendants_releases(admin_client, tool, library):
    release, release_file, _ = released(tool)
    response = admin_client.post(reverse("wagtailadmin_pages:delete", args=[library.pk]), follow=True)
    assert response.status_code == 200
    assert UNPUBLISH_INSTEAD in said(response)
    assert Page.objects.filter(pk=library.pk).exists()
    assert_still_released(admin_client, release, release_file)


def test_admin_api_page_delete_is_refused_with_the_message(editor_client, tool):
    """The admin's own API deletes a page through Wagtail's delete action as well."""
    release, release_file, _ = released(tool)
    response = editor_client.post(
        f"/admin/api/main/pages/{tool.pk}/action/delete/", data="{}", content_type="application/json"
    )
    assert response.status_code == 400
    assert UNPUBLISH_INSTEAD in response.content.decode()
    assert not PageLogEntry.objects.filter(page_id=tool.pk, action="wagtail.delete").exists()
    assert_still_released(editor_client, release, release_file)


def test_a_resource_with_only_draft_releases_deletes_with_them(editor_client):
    tool = make_tool("Draft-only tool")
    draft = add_release(tool, "0.1", "2026-11-01", "Draft text", publish=False)
    release_file = draft.files.get()
    assert "Draft text" in file_text(draft)  # extracted and kept, as indexing leaves it
    response = editor_client.post(reverse("wagtailadmin_pages:delete", args=[tool.pk]), follow=True)
    assert response.status_code == 200
    assert not Page.objects.filter(pk=tool.pk).exists()
    assert not Release.objects.filter(pk=draft.pk).exists()
    assert not ReleaseFile.objects.filter(pk=release_file.pk).exists()


def test_deleting_a_resource_with_extracted_file_text_is_refused_cleanly(editor_client, tool):
    release, release_file, _ = released(tool)
    assert "version 1.0 text" in file_text(release)  # extracted and kept, as indexing leaves it
    response = editor_client.post(reverse("wagtailadmin_pages:delete", args=[tool.pk]), follow=True)
    assert response.status_code == 200
    assert UNPUBLISH_INSTEAD in said(response)
    assert FileText.objects.filter(sha256=release_file.sha256).exists()
    assert_still_released(editor_client, release, release_file)


def test_document_delete_of_a_released_file_shows_why(admin_client, tool):
    release, release_file, document = released(tool)
    url = reverse("wagtaildocs:delete", args=[document.pk])
    assert "prevent it from being deleted" in said(admin_client.get(url))
    response = admin_client.post(url, follow=True)  # a hand-made POST past the screen is refused too
    assert response.status_code == 200
    assert_still_released(admin_client, release, release_file)


def test_bulk_document_delete_of_a_released_file_shows_why(admin_client, tool):
    release, release_file, document = released(tool)
    loose = make_document("Loose sheet", "Nothing released")
    url = bulk_url("wagtaildocs", "document", [document, loose])
    assert "prevent it from being deleted" in said(admin_client.get(url))
    response = admin_client.post(url, follow=True)
    assert response.status_code == 200
    assert Document.objects.filter(pk=loose.pk).exists(), "nothing is deleted when one document is refused"
    assert_still_released(admin_client, release, release_file)


def test_shell_deletes_and_updates_are_refused(client, tool, django_capture_on_commit_callbacks):
    release, release_file, document = released(tool)
    with pytest.raises(ReleaseLocked):
        Release.objects.filter(pk=release.pk).delete()
    with pytest.raises(ReleaseLocked):
        ReleaseFile.objects.filter(pk=release_file.pk).delete()
    with pytest.raises(ReleaseLocked):
        Release.objects.filter(pk=release.pk).update(change_notes="Rewritten history.")
    with pytest.raises(ReleaseLocked):
        ReleaseFile.objects.filter(pk=release_file.pk).update(filename="other.pdf")
    with pytest.raises(ReleaseLocked, match=UNPUBLISH_INSTEAD):
        Page.objects.filter(pk=tool.pk).delete()
    numchild = Page.objects.get(pk=tool.get_parent().pk).numchild
    with pytest.raises(ReleaseLocked, match=UNPUBLISH_INSTEAD):
        Page.objects.get(pk=tool.pk).delete()
    # Nothing the refused deletion wrote first is left behind: no "deleted" entry in the page's
    # history, and the page tree still counts the page among its parent's children.
    assert not PageLogEntry.objects.filter(page_id=tool.pk, action="wagtail.delete").exists()
    assert Page.objects.get(pk=tool.get_parent().pk).numchild == numchild
    with pytest.raises(ProtectedError, match="ReleaseFile.document"):
        Document.objects.filter(pk=document.pk).delete()
    stored_name = document.file.name
    with django_capture_on_commit_callbacks(execute=True):
        document.file.delete(save=False)  # the stored file itself: kept, since its row still names it
    assert document.file.storage.exists(stored_name)
    assert Release.objects.get(pk=release.pk).change_notes == "Notes for 1.0."
    assert_still_released(client, release, release_file)


def test_download_counter_is_still_counted(client, tool):
    """The one column of a published release file that moves: counted with a queryset update.
    (A browser's download: one without a User-Agent is a script's, and not counted: tests/test_usage.py.)"""
    _, release_file, _ = released(tool)
    client.get(release_file.get_absolute_url(), HTTP_USER_AGENT="Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0")
    release_file.refresh_from_db()
    assert release_file.download_count == 1


# Finding 3: the release's own screens.


def release_edit_data(release, **file_changes):
    files = list(release.files.all())
    data = {
        "resource": release.resource_id, "label": release.label, "release_date": release.release_date.isoformat(),
        "change_notes": release.change_notes, "files-TOTAL_FORMS": str(len(files)),
        "files-INITIAL_FORMS": str(len(files)), "files-MIN_NUM_FORMS": "1", "files-MAX_NUM_FORMS": "1000",
    }
    for index, f in enumerate(files):
        data.update({f"files-{index}-id": f.pk, f"files-{index}-document": f.document_id,
                     f"files-{index}-title": f.title, f"files-{index}-filename": f.filename,
                     f"files-{index}-ORDER": str(index + 1)})
        data.update({f"files-{index}-{key}": value for key, value in file_changes.items()})
    return data


@pytest.mark.parametrize("file_changes", [{"title": "Another title"}, {"DELETE": "on"}, {"filename": "other.pdf"}])
def test_editing_a_published_releases_files_shows_why(editor_client, tool, file_changes):
    release, release_file, _ = released(tool)
    url = reverse("wagtailsnippets_resources_release:edit", args=[release.pk])
    response = editor_client.post(url, release_edit_data(release, **file_changes))
    assert response.status_code == 200
    assert "can no longer be changed" in said(response)
    assert_still_released(editor_client, release, release_file)
    assert release_file.title == "" and release_file.filename.endswith(".pdf")


def test_a_release_published_while_being_edited_is_refused_with_a_message(editor_client, tool):
    """Someone publishes the draft while another editor has it open: the late save is refused on
    screen, not with a server error."""
    draft = add_release(tool, "4.0", "2026-11-01", "Draft text", publish=False)
    draft.refresh_from_db()
    data = release_edit_data(draft, title="Late change")
    draft.publish()
    response = editor_client.post(reverse("wagtailsnippets_resources_release:edit", args=[draft.pk]), data)
    assert response.status_code == 200
    assert "can no longer be changed" in said(response)
    assert_still_released(editor_client, draft, draft.files.get())
