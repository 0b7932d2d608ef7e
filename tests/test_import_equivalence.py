"""An imported resource is made of the same rows as the same contribution shared on /share/.

A new resource is made by the import a batch at a time (``resources.importing.bulk``: each table
written once per batch), not by the per-row path of /share/ (``sharing.write_contribution``, the
library's workflow started by Wagtail): here one contribution goes each way, with the same values
and the same file, and every row each made is compared, ids and the slug aside; with the task
queue of production (the screening waits for the worker), then again once the worker has run.
A changed resource keeps the per-row path: a batch mixing both is checked too.
"""

import csv
import io
import json
import re

import pytest
from django.urls import reverse
from taggit.models import Tag
from wagtail.models import Page, PageLogEntry, ReferenceIndex, Revision, TaskState, WorkflowState

from resources.demo.files import make_pdf
from resources.models import ImportedResource, LibraryPage, ResourcePage
from resources.review.screening import fingerprint

from .conftest import login
from .test_worker import database_tasks, run_worker  # noqa: F401 (a fixture)
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


@pytest.mark.usefixtures("database_tasks")
def test_an_imported_resource_has_the_same_rows_as_the_same_contribution_shared(tmp_path, client):
    library = LibraryPage.objects.get()
    before = library.numchild
    shared = share_one(login(client, "grace.lin"))
    imported = import_one(tmp_path)

    library.refresh_from_db()
    assert library.numchild == before + 2 == library.get_children().count()
    assert shared.get_parent().pk == imported.get_parent().pk == library.pk
    assert Page.find_problems() == ([], [], [], [], [])
    # Side by side, each path taken once: the same page, revision, workflow, logs, files and
    # references; both waiting for the worker's screening, then once it has run.
    for moment in ("queued", "screened"):
        shared_rows, imported_rows = rows_of(shared), rows_of(imported)
        for key in shared_rows:
            assert imported_rows[key] == shared_rows[key], (moment, key)
        if moment == "queued":
            assert imported_rows["screening"] == (TaskState.STATUS_IN_PROGRESS, [])
            run_worker()
    assert imported_rows["references"], "the reference index was brought up to date"
    assert imported_rows["screening"][0] == TaskState.STATUS_APPROVED
    assert imported_rows["workflow"][3] == "Review"
    # The fingerprint made from the page in memory is the one the screening task makes from the revision.
    revision = imported.get_latest_revision()
    assert screening_state(imported).screened == fingerprint(revision.as_object(), revision)
    # And the contributor sees both where /share/ sends them, each in the same state.
    html = client.get(reverse("my_contributions")).content.decode()
    entries = [html[html.index(f'id="contribution-{page.pk}"'):] for page in (shared, imported)]
    states = [entry[:entry.index("</p>")] for entry in entries]
    assert all(TITLE in state for state in states) and states[0].split(">", 1)[1] == states[1].split(">", 1)[1]


def screening_state(page):
    state = WorkflowState.objects.get(base_content_type=page.get_base_content_type(), object_id=str(page.pk))
    return TaskState.objects.filter(workflow_state=state).order_by("pk").first().specific


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


# Batches: every kind, new and changed rows together, a failure part way ---------------------------

KINDS = [("tool", {"resource_type": "handout"}), ("protocol", {"scope": "Every clinic visit.",
         "population": "Children under 18."}), ("change package", {"aim": "Halve missed visits in a year."})]


def write_rows(folder, rows, name="manifest.csv"):
    columns = list(dict.fromkeys(column for row in rows for column in row))
    manifest = folder / name
    with manifest.open("w", newline="", encoding="utf-8") as out:
        writer = csv.DictWriter(out, columns)
        writer.writeheader()
        writer.writerows(rows)
    return manifest


def kind_row(folder, number, **overrides):
    kind, extra = KINDS[number % 3]
    name = f"part-{number}.pdf"
    (folder / name).write_bytes(make_pdf(f"Part {number}", CLEAN_PDF_LINES))
    return {
        "id": f"drive/part-{number}", "kind": kind, "title": f"Clinic part {number}", "summary": SUMMARY,
        "body": f"## Before the clinic\n\nStep {number}: agree who fills it in.", "conditions": "jia;ibd",
        "audiences": "nurses;patients", "licence": "CC-BY-4.0", "tags": f"zebra {number};huddle;Alpha",
        "contributors": "tom.alvarez:author;grace.lin:reviewer", "organisations": "northfield-childrens",
        "files": name, "release": "2.0", **extra, **overrides,
    }


def comparable_revision(page):
    """A page's latest revision as stored, and its content as the page's rows now give it.

    Two differences of representation only are set aside: a StreamField's JSON is compared as
    data (PostgreSQL's jsonb gives its keys back in its own order, not the order they were written
    in), and tags as a set, in id order (they have no order; a query without one returns them as
    the database likes)."""
    skip = OWN | {"has_unpublished_changes"}
    revision = {k: _as_data(k, v) for k, v in page.get_latest_revision().content.items() if k not in skip}
    stored = {k: _as_data(k, v) for k, v in type(page).objects.get(pk=page.pk).serializable_data().items()
              if k not in skip}
    return revision, stored


def _as_data(key, value):
    if key == "tagged_items":
        return sorted(value, key=lambda item: item["pk"])
    if isinstance(value, str) and value.startswith("[{"):
        return json.loads(value)
    return value


@pytest.mark.django_db
def test_a_batch_of_every_kind_records_what_wagtail_and_the_screening_would(tmp_path):
    from django.core.management import call_command

    rows = [kind_row(tmp_path, number) for number in range(6)]
    call_command("import_resources", str(write_rows(tmp_path, rows)), "--as", "marcus.webb", "--quiet")

    pages = [ImportedResource.objects.get(external_id=row["id"]).resource.specific for row in rows]
    assert [type(page).__name__ for page in pages[:3]] == ["ToolPage", "ProtocolPage", "ChangePackagePage"]
    for page in pages:
        # The revision holds what the rows hold: every relation, its ids and its order.
        revision, stored = comparable_revision(page)
        assert revision == stored
        assert [tag["tag"] for tag in revision["tagged_items"]] and len(revision["contributor_links"]) == 2
        # The screening's fingerprint is the one it makes from the revision rebuilt (ScreeningTask.start).
        latest = page.get_latest_revision()
        state = screening_state(page)
        assert state.screened == fingerprint(latest.as_object(), latest)
        assert state.revision_id == latest.pk and state.status == TaskState.STATUS_APPROVED
        assert page.current_workflow_state.current_task_state.task.name == "Review"
        actions = list(PageLogEntry.objects.filter(page=page).order_by("pk").values_list("action", flat=True))
        assert actions[:3] == ["wagtail.create", "wagtail.edit", "wagtail.workflow.start"]
        assert [(f.filename, f.document.file_size > 0) for f in page.releases.get(label="2.0").files.all()] == [
            (f"part-{pages.index(page)}.pdf", True)
        ]
        assert ReferenceIndex.get_references_for_object(page).exists()
    assert Page.find_problems() == ([], [], [], [], [])


@pytest.mark.django_db
def test_a_batch_of_new_and_changed_rows_together(tmp_path):
    from django.core.management import call_command

    first = [kind_row(tmp_path, number) for number in range(3)]
    call_command("import_resources", str(write_rows(tmp_path, first)), "--as", "marcus.webb", "--quiet")
    library = LibraryPage.objects.get()
    before = library.numchild

    # Again: the first changed, the second as it was, new ones between them, the third changed too.
    rows = [kind_row(tmp_path, 0, summary="A shorter sheet for the huddle."), kind_row(tmp_path, 10), first[1],
            kind_row(tmp_path, 11), kind_row(tmp_path, 2, tags="huddle")]
    out = io.StringIO()
    call_command("import_resources", str(write_rows(tmp_path, rows)), "--as", "marcus.webb", "--quiet", stdout=out)
    assert "5 rows: 2 resources created, 2 updated (submitted for review), 1 unchanged." in out.getvalue()

    library.refresh_from_db()
    assert library.numchild == before + 2 == library.get_children().count()
    assert Page.find_problems() == ([], [], [], [], [])
    pages = {row["id"]: ImportedResource.objects.get(external_id=row["id"]).resource.specific for row in rows}
    assert ImportedResource.objects.filter(external_id__startswith="drive/part-").count() == 5
    assert pages["drive/part-0"].get_latest_revision().content["summary"] == "A shorter sheet for the huddle."
    assert [tag["tag"] for tag in pages["drive/part-2"].get_latest_revision().content["tagged_items"]] == [
        Tag.objects.get(name="huddle").pk
    ]
    revisions = {key: Revision.objects.filter(object_id=str(page.pk), base_content_type=page.get_base_content_type())
                 .count() for key, page in pages.items()}
    assert revisions == {"drive/part-0": 2, "drive/part-10": 1, "drive/part-1": 1, "drive/part-11": 1,
                         "drive/part-2": 2}
    for key in ("drive/part-10", "drive/part-11"):
        page = pages[key]
        assert page.url_path == f"{library.url_path}{page.slug}/" and page.depth == library.depth + 1
        revision, stored = comparable_revision(page)
        assert revision == stored
        assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS


@pytest.mark.django_db
def test_a_failure_part_way_through_a_batch_leaves_nothing_behind(tmp_path, settings,
                                                                  django_capture_on_commit_callbacks):
    """A file removed from the shared drive after the checks, while the batch is being written:
    the pages, revisions and earlier files of the batch are written by then, and all are undone."""
    from pathlib import Path

    from django.contrib.auth import get_user_model
    from wagtail.documents import get_document_model

    from resources.importing import import_manifest

    rows = [kind_row(tmp_path, number) for number in range(5)]
    manifest = write_rows(tmp_path, rows)

    def media():
        return sorted(str(path) for path in Path(settings.MEDIA_ROOT).rglob("*") if path.is_file())

    def counts():
        return (Page.objects.count(), Revision.objects.count(), PageLogEntry.objects.count(),
                WorkflowState.objects.count(), get_document_model().objects.count(), ImportedResource.objects.count(),
                Tag.objects.count(), media())

    def vanishing(total, description):
        if description == "Importing":
            (tmp_path / "part-3.pdf").unlink()  # after the checks, before the writing
        return None

    before, files_before = counts(), set(media())
    # The storage deletes files once the outer transaction commits (resources/storage.py): here, the test's.
    with pytest.raises(FileNotFoundError), django_capture_on_commit_callbacks(execute=True) as deletes:
        import_manifest(manifest, get_user_model().objects.get(username="marcus.webb"), progress=vanishing)
    removed = [call for call in deletes
               if getattr(getattr(call, "func", None), "__name__", "") == "_delete_unless_referenced"]
    assert len(removed) == 3, "the first three files were stored before the fourth was found missing"
    assert counts()[:-1] == before[:-1]
    assert set(media()) == files_before
