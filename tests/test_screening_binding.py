"""Approval is bound to what was screened, and nobody approves their own work.

The routes: the workflow action a reviewer or editor presses, the page editor's "Publish", a
revision published from code (bulk actions, scheduled publishing and the workflow's own finish all
come to ``Revision.publish``); and the document editor, through which a participant could replace
a file after screening passed."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import TaskState, WorkflowState

from resources.demo.files import make_pdf
from resources.models import Licence, ToolPage
from resources.review.sharing import pending_files

from .admin_forms import resource_form
from .builders import make_tool
from .conftest import login
from .html import read, visit
from .workflow import MRN_PDF_LINES, TITLE, current_task_state, mail_to, pdf_upload, share_data


def shared(username, title=TITLE, lines=None):
    """``username`` shares a tool with one clean PDF through /share/; it passes screening."""
    client = login(_client(), username)
    files = pdf_upload("huddle-sheet.pdf", lines) if lines else pdf_upload("huddle-sheet.pdf")
    response = client.post("/share/", {**share_data(title=title), "files": files})
    assert response.status_code == 302, response.content[:300]
    page = ToolPage.objects.get(title=title)
    assert current_task_state(page).task.name == "Review"
    return client, page


def _client():
    from django.test import Client

    return Client()


def replace_file(client, page, lines):
    """The contributor swaps the file waiting for review through the admin's document editor."""
    document = pending_files(page)[0].document
    response = client.post(
        reverse("wagtaildocs:edit", args=[document.pk]),
        {
            "title": document.title,
            "file": SimpleUploadedFile("huddle-sheet.pdf", make_pdf(TITLE, lines), content_type="application/pdf"),
            "collection": document.collection_id,
            "tags": "",
        },
    )
    assert response.status_code == 302, read(response).text[:500]
    document.refresh_from_db()
    with document.file.open("rb") as handle:
        assert b"%PDF" in handle.read(8)
    return document


def swap_stored_bytes(page, lines):
    """The file's bytes change where they are stored, past every upload form: an object store
    overwritten by a script, a restored backup, a route nobody thought of. What was screened is
    no longer what would be published."""
    document = pending_files(page)[0].document
    with document.file.storage.open(document.file.name, "wb") as handle:
        handle.write(make_pdf(TITLE, lines))
    return document


def try_action(client, page, action, comment=""):
    task_state = current_task_state(page)
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, action, task_state.pk))
    response = client.post(url, {"comment": comment}, follow=True)
    task_state.refresh_from_db()
    return task_state, read(response)


# 1. Approval is bound to what was screened ------------------------------------------------------


@pytest.mark.django_db
def test_a_file_replaced_after_screening_is_screened_again_before_anyone_approves(mailoutbox):
    grace, page = shared("grace.lin")
    swap_stored_bytes(page, MRN_PDF_LINES)
    mailoutbox.clear()

    reviewer = login(_client(), "samuel.okafor")
    task_state, seen = try_action(reviewer, page, "approve", "Looks fine.")
    assert task_state.status != TaskState.STATUS_APPROVED, "the reviewer never saw this file screened"
    assert "changed after it was screened" in seen.text
    assert "returned to its author" in seen.text

    # Screening ran again on the new file and sent it back to its author with the findings.
    page.refresh_from_db()
    state = page.current_workflow_state
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert "medical record" in state.current_task_state.comment
    to_author = mail_to(mailoutbox, "grace.lin")
    assert len(to_author) == 1 and "needs a few fixes" in to_author[0].subject
    assert "48213377" not in to_author[0].body
    seen = visit(grace, reverse("my_contributions"))
    assert "Changes requested" in seen and "Page 1 of huddle-sheet.pdf" in seen.text

    # Nothing was published, and search does not show the identifiers.
    assert not ToolPage.objects.get(pk=page.pk).live
    found = visit(login(_client(), "samuel.okafor"), "/search/?q=Jamie+Rivers+48213377")
    assert TITLE not in found.text and page.url not in found.hrefs


@pytest.mark.django_db
def test_the_editor_cannot_publish_a_file_replaced_after_the_review(mailoutbox):
    _grace, page = shared("grace.lin")
    reviewer = login(_client(), "samuel.okafor")
    task_state, _seen = try_action(reviewer, page, "approve")
    assert task_state.status == TaskState.STATUS_APPROVED
    assert current_task_state(page).task.name == "Editorial approval"
    swap_stored_bytes(page, MRN_PDF_LINES)

    editor = login(_client(), "marcus.webb")
    task_state, seen = try_action(editor, page, "approve", "Lovely.")
    assert task_state.status != TaskState.STATUS_APPROVED
    assert "changed after it was screened" in seen.text
    page.refresh_from_db()
    assert not page.live
    assert not page.releases.published().exists()
    assert page.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES


@pytest.mark.django_db
def test_a_clean_replacement_is_screened_again_and_waits_for_a_fresh_approval():
    grace, page = shared("grace.lin")
    replace_file(grace, page, ["Huddle for the transition clinic, second version.", "Ten minutes, once a week."])
    reviewer = login(_client(), "samuel.okafor")
    task_state, seen = try_action(reviewer, page, "approve")
    assert task_state.status == TaskState.STATUS_CANCELLED
    assert "screened again and passed" in seen.text
    fresh = current_task_state(page)
    assert fresh.task.name == "Review" and fresh.status == TaskState.STATUS_IN_PROGRESS
    # Now what is waiting is what was screened: the approval goes through.
    task_state, _seen = try_action(reviewer, page, "approve")
    assert task_state.status == TaskState.STATUS_APPROVED
    assert current_task_state(page).task.name == "Editorial approval"


@pytest.mark.django_db
def test_the_model_refuses_an_out_of_date_approval_whatever_the_route():
    """The demo loader and scripts call ``on_action`` directly: the guard lives there."""
    from resources.review.guards import ApprovalRefused

    _grace, page = shared("grace.lin")
    swap_stored_bytes(page, MRN_PDF_LINES)
    task_state = current_task_state(page).specific
    reviewer = get_user("samuel.okafor")
    with pytest.raises(ApprovalRefused):
        task_state.task.specific.on_action(task_state, reviewer, "approve", comment="")
    task_state.refresh_from_db()
    assert task_state.status != TaskState.STATUS_APPROVED
    assert ToolPage.objects.get(pk=page.pk).current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES


def get_user(username):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username=username)


# Publishing without the workflow screens the page text too ---------------------------------------


@pytest.mark.django_db
def test_an_editor_publishing_directly_cannot_publish_identifiers_in_the_page_text(library):
    editor = login(_client(), "marcus.webb")
    licence = Licence.objects.get(spdx_id="CC-BY-4.0").pk
    data = resource_form(summary="Call Jamie Rivers' mother on 0161 496 0123 before the visit.", licence=licence)
    data["action-publish"] = "Publish"
    from .admin_forms import add_url

    response = editor.post(add_url("toolpage", library), data, follow=True)
    seen = read(response)
    page = ToolPage.objects.get(slug="clinic-huddle-card-transition")
    assert not page.live, "nothing with identifiers is published"
    assert "was not published" in seen.text and "seems to contain a phone number" in seen.text
    assert "It is saved as a draft." in seen.text

    # The same page, edited and published from the editor: refused the same way.
    data = resource_form(summary="Call the family on 0161 496 0123 before the visit.", licence=licence)
    data["action-publish"] = "Publish"
    response = editor.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data, follow=True)
    assert "was not published" in read(response).text
    page.refresh_from_db()
    assert not page.live

    # Once the text is clean, it publishes.
    data = resource_form(summary="Call the family before the visit.", licence=licence)
    data["action-publish"] = "Publish"
    editor.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    page.refresh_from_db()
    assert page.live


@pytest.mark.django_db
def test_publishing_a_revision_from_code_is_screened_too():
    from resources.review.guards import PublishRefused

    from .builders import make_tool

    page = make_tool("Clinic flow card", live=False)
    page.summary = "Patient: Jamie Rivers, MRN: 48213377."
    revision = page.save_revision(user=get_user("marcus.webb"))
    with pytest.raises(PublishRefused) as refused:
        revision.publish(user=get_user("marcus.webb"))
    assert "medical record" in str(refused.value)
    assert not ToolPage.objects.get(pk=page.pk).live


# 2. No self-approval ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_reviewer_cannot_approve_their_own_contribution():
    samuel, page = shared("samuel.okafor", title="Samuel's own sheet")
    task_state = current_task_state(page)
    task = task_state.task.specific
    samuel_user = get_user("samuel.okafor")
    assert "approve" not in [name for name, _label, _modal in task.get_actions(page, samuel_user)]
    assert "approve" in [name for name, _label, _modal in task.get_actions(page, get_user("helen.fraser"))]
    task_state, _seen = try_action(samuel, page, "approve")
    assert task_state.status == TaskState.STATUS_IN_PROGRESS
    # Nor does the editor page offer it.
    edit_page = samuel.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk)) not in edit_page
    helen = login(_client(), "helen.fraser")
    task_state, _seen = try_action(helen, page, "approve")
    assert task_state.status == TaskState.STATUS_APPROVED


@pytest.mark.django_db
def test_an_editor_cannot_approve_their_own_at_the_editorial_step():
    marcus, page = shared("marcus.webb", title="Marcus's own sheet")
    try_action(login(_client(), "samuel.okafor"), page, "approve")
    assert current_task_state(page).task.name == "Editorial approval"
    task_state, _seen = try_action(marcus, page, "approve")
    assert task_state.status == TaskState.STATUS_IN_PROGRESS
    with pytest.raises(Exception) as refused:
        task_state.task.specific.on_action(task_state.specific, get_user("marcus.webb"), "approve", comment="")
    assert "someone else in the group approves it" in str(refused.value).lower()
    task_state, _seen = try_action(login(_client(), "priya.raman"), page, "approve")
    assert task_state.status == TaskState.STATUS_APPROVED
    assert ToolPage.objects.get(pk=page.pk).live


@pytest.mark.django_db
def test_no_one_approves_a_revision_they_authored():
    _grace, page = shared("grace.lin")
    samuel = login(_client(), "samuel.okafor")
    # The reviewer tidies the summary up in the editor (a revision of theirs) ...
    latest = page.get_latest_revision_as_object()
    latest.summary = "A one-page sheet for the weekly huddle before a transition visit."
    latest.save_revision(user=get_user("samuel.okafor"))
    task = current_task_state(page).task.specific
    assert "approve" not in [name for name, _label, _modal in task.get_actions(page, get_user("samuel.okafor"))]
    task_state, _seen = try_action(samuel, page, "approve")
    assert task_state.status == TaskState.STATUS_IN_PROGRESS
    # ... so another reviewer approves (after the changed revision is screened again).
    helen = login(_client(), "helen.fraser")
    try_action(helen, page, "approve")
    task_state, _seen = try_action(helen, page, "approve")
    assert task_state.status == TaskState.STATUS_APPROVED


@pytest.mark.django_db
def test_bulk_publishing_from_the_explorer_is_screened_too():
    from .builders import make_tool

    page = make_tool("Clinic flow card", live=False)
    page.summary = "Call Jamie Rivers' mother on 0161 496 0123 before the visit."
    page.save_revision(user=get_user("grace.lin"))
    editor = login(_client(), "marcus.webb")
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish")) + f"?id={page.pk}"
    response = editor.post(url, {"include_descendants": ""}, follow=True)
    assert "was not published" in read(response).text
    assert not ToolPage.objects.get(pk=page.pk).live


@pytest.mark.django_db
def test_a_refused_scheduled_resource_does_not_stop_the_others():
    """Scheduled publishing screens each resource; one that fails is unscheduled and stays a draft,
    and the next one due is published all the same."""
    import datetime

    from django.core.management import call_command
    from django.utils import timezone

    past = timezone.now() - datetime.timedelta(minutes=5)
    flawed = make_tool("Scheduled card with a record number", live=False)
    flawed.summary = "Seen with MRN 48213377 on the ward."
    flawed_revision = flawed.save_revision(user=flawed.owner, approved_go_live_at=past)
    clean = make_tool("Scheduled clean card", live=False)
    clean_revision = clean.save_revision(user=clean.owner, approved_go_live_at=past + datetime.timedelta(seconds=1))

    call_command("publish_scheduled")

    flawed.refresh_from_db()
    clean.refresh_from_db()
    assert not flawed.live and clean.live
    flawed_revision.refresh_from_db()
    assert flawed_revision.approved_go_live_at is None
    assert clean_revision.pk == clean.live_revision_id
