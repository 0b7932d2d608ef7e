"""An imported resource is made of the same rows as the same contribution shared on /share/.

The import keeps the per-row path of /share/ (``sharing.write_contribution``, the library's
workflow started by Wagtail), but looks up once what is the same for every row and queues the
reference and search index updates once per object at the end (``resources.importing.writer``,
``resources.importing.deferred``). Here one contribution goes each way, with the same values and
the same file, and every row each made is compared, ids and the slug aside.
"""

import csv
import re

import pytest
from django.urls import reverse
from wagtail.models import Page, PageLogEntry, ReferenceIndex, Revision, TaskState, WorkflowState

from resources.demo.files import make_pdf
from resources.models import ImportedResource, LibraryPage, ResourcePage

from .conftest import login
from .workflow import CLEAN_PDF_LINES, TITLE, pdf_upload, share_data

SUMMARY = "A one-page sheet the team fills in at the weekly huddle before a young person's transition visit."
# Fields that name the row itself or its place, not what it holds; compared apart below.
OWN = {"pk", "id", "page_ptr", "path", "slug", "url_path", "translation_key", "latest_revision",
       "latest_revision_created_at", "draft_title", "first_published_at", "last_published_at", "live_revision"}


def import_one(folder, username="grace.lin"):
    from django.core.management import call_command

    (folder / "huddle.pdf").write_bytes(make_pdf(TITLE, CLEAN_PDF_LINES))
    manifest = folder / "manifest.csv"
    row = {"id": "drive/huddle", "kind": "tool", "title": TITLE, "summary": SUMMARY, "conditions": "ibd",
           "audiences": share_audience_slug(), "resource_type": "checklist", "licence": "CC-BY-4.0",
           "tags": "transition;huddle", "files": "huddle.pdf"}
    with manifest.open("w", newline="", encoding="utf-8") as out:
        writer = csv.DictWriter(out, list(row))
        writer.writeheader()
        writer.writerow(row)
    call_command("import_resources", str(manifest), "--as", username, "--quiet")
    return ImportedResource.objects.get(external_id="drive/huddle").resource.specific


def share_audience_slug():
    from resources.models import Audience

    return Audience.objects.order_by("pk").first().slug


def share_one(client):
    response = client.post("/share/", {**share_data(), "files": pdf_upload("huddle.pdf")})
    assert response.status_code == 302, response.content[:500]
    return ResourcePage.objects.filter(title=TITLE).order_by("-pk").first().specific


def revision_content(page):
    content = dict(page.get_latest_revision().content)
    return {key: value for key, value in content.items() if key not in OWN and not key.startswith("wagtail_")}


def child_rows(content):
    """The revision's inline rows (tags, credits) without their own ids."""
    return {
        key: [{k: v for k, v in item.items() if k not in ("pk", "id", "page", "content_object")} for item in value]
        if isinstance(value, list) and value and isinstance(value[0], dict) else value
        for key, value in content.items()
    }


def rows_of(page):
    revision = page.get_latest_revision()
    state = WorkflowState.objects.get(base_content_type=page.get_base_content_type(), object_id=str(page.pk))
    task_states = [
        (ts.task.name, ts.status, type(ts.specific).__name__, ts.revision_id == revision.pk)
        for ts in TaskState.objects.filter(workflow_state=state).order_by("pk")
    ]
    screening = TaskState.objects.filter(workflow_state=state).order_by("pk").first().specific
    release = page.releases.get()
    files = [
        (f.filename, f.document.title, f.document.file_hash, f.document.collection.name,
         f.document.uploaded_by_user_id, f.document.file_size)
        for f in release.files.select_related("document__collection")
    ]
    logs = [
        (entry.action, entry.user_id, entry.revision_id == revision.pk if entry.revision_id else None,
         {key: value for key, value in entry.data.items() if key != "workflow"}
         | ({"workflow": {k: v for k, v in entry.data["workflow"].items() if k != "task_state_id"}}
            if "workflow" in entry.data else {}))
        for entry in PageLogEntry.objects.filter(page=page).order_by("pk")
    ]
    references = sorted(
        # The content path names an inline row by its id: the shape is compared.
        (ref.to_content_type_id, ref.to_object_id, ref.model_path, re.sub(r"\.\d+\.", ".N.", ref.content_path))
        for ref in ReferenceIndex.get_references_for_object(page)
    )
    return {
        "class": type(page).__name__,
        "page": {
            "depth": page.depth, "parent": page.get_parent().pk, "live": page.live, "owner": page.owner_id,
            "locale": page.locale_id, "has_unpublished_changes": page.has_unpublished_changes,
            "url_path": page.url_path.replace(page.slug, "<slug>"), "content_type": page.content_type_id,
        },
        "revision": child_rows(revision_content(page)),
        "revision user": revision.user_id,
        "revisions": Revision.objects.filter(base_content_type=page.get_base_content_type(),
                                             object_id=str(page.pk)).count(),
        "workflow": (state.workflow_id, state.status, state.requested_by_id, state.current_task_state.task.name),
        "task states": task_states,
        "screened": {key: value for key, value in screening.screened.items() if key not in ("revision", "files")},
        "screened files": [name for _pk, name, _sha in screening.screened["files"]],
        "screened revision is the latest": screening.screened["revision"] == revision.pk,
        "screening": (screening.status, screening.findings),
        "release": (release.label, release.change_notes, release.created_by_id, release.is_published),
        "files": files,
        "logs": logs,
        "references": references,
        "credits": [(link.contributor_id, link.role) for link in page.contributor_links.all()],
        "organisations": sorted(organisation.pk for organisation in page.organisations.all()),
        "tags": sorted(tag.name for tag in page.tags.all()),
    }


@pytest.mark.django_db
def test_an_imported_resource_has_the_same_rows_as_the_same_contribution_shared(tmp_path, client):
    library = LibraryPage.objects.get()
    before = library.numchild
    shared = share_one(login(client, "grace.lin"))
    imported = import_one(tmp_path)

    library.refresh_from_db()
    assert library.numchild == before + 2 == library.get_children().count()
    assert shared.get_parent().pk == imported.get_parent().pk == library.pk
    assert Page.find_problems() == ([], [], [], [], [])
    # Side by side, each path taken once: the same page, revision, workflow, logs, files and references.
    shared_rows, imported_rows = rows_of(shared), rows_of(imported)
    for key in shared_rows:
        assert imported_rows[key] == shared_rows[key], key
    assert imported_rows["references"], "the reference index was brought up to date"
    assert imported_rows["screening"][0] == TaskState.STATUS_APPROVED
    # And the contributor sees it where /share/ sends them.
    response = client.get(reverse("my_contributions"))
    assert response.content.decode().count(TITLE) >= 2


@pytest.mark.django_db
def test_a_batch_of_imported_resources_keeps_the_page_tree_sound(tmp_path):
    from django.core.management import call_command

    rows = []
    for number in range(12):
        name = f"sheet-{number}.pdf"
        (tmp_path / name).write_bytes(make_pdf(f"Sheet {number}", CLEAN_PDF_LINES))
        rows.append({"id": f"drive/sheet-{number}", "kind": "tool", "title": f"Huddle sheet {number % 4}",
                     "summary": SUMMARY, "conditions": "ibd", "resource_type": "checklist",
                     "licence": "CC-BY-4.0", "files": name})
    manifest = tmp_path / "manifest.csv"
    with manifest.open("w", newline="", encoding="utf-8") as out:
        writer = csv.DictWriter(out, list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    library = LibraryPage.objects.get()
    before = library.numchild
    call_command("import_resources", str(manifest), "--as", "marcus.webb", "--quiet")

    library.refresh_from_db()
    assert library.numchild == before + 12 == library.get_children().count()
    assert Page.find_problems() == ([], [], [], [], [])
    pages = [record.resource for record in ImportedResource.objects.filter(external_id__startswith="drive/sheet-")]
    assert len({page.path for page in pages}) == len({page.url_path for page in pages}) == 12
    assert all(page.url_path == f"{library.url_path}{page.slug}/" for page in pages)
    # Every one in the workflow, with its own screening and reference index entries.
    assert WorkflowState.objects.filter(object_id__in=[str(page.pk) for page in pages]).count() == 12
    assert all(ReferenceIndex.get_references_for_object(page).exists() for page in pages)
