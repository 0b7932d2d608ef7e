"""The contribution lifecycle, over HTTP, as the people involved do it: a participant shares through
/share/, the automated screening returns a file with patient identifiers, the participant replaces
it, a reviewer asks for changes, the participant resubmits, the reviewer and the editor approve, and
the public sees the published resource and its file."""

import pytest
from django.urls import reverse
from wagtail.models import TaskState, WorkflowState

from resources.models import Licence, ToolPage
from resources.review.sharing import pending_files

from .conftest import login
from .html import read, visit
from .workflow import CLEAN_PDF_LINES, MRN_PDF_LINES, TITLE, act, current_task_state, mail_to, pdf_upload, share_data


@pytest.mark.django_db
def test_share_screen_review_resubmit_publish(client, mailoutbox):
    login(client, "grace.lin")
    response = client.post("/share/", {**share_data(), "files": pdf_upload("huddle-sheet.pdf", MRN_PDF_LINES)})
    assert response.status_code == 302
    assert response.url.startswith(reverse("my_contributions"))

    page = ToolPage.objects.get(title=TITLE)
    assert not page.live and page.owner.username == "grace.lin"
    assert [f.filename for f in pending_files(page)] == ["huddle-sheet.pdf"]

    # Screening failed: the participant sees every finding, and is told by e-mail.
    seen = visit(client, reverse("my_contributions"))
    assert "Changes requested" in seen
    assert "medical record" in seen.text and "date of birth" in seen.text
    assert "Page 1 of huddle-sheet.pdf" in seen.text
    assert "48213377" not in seen.text  # findings are masked
    failed = mail_to(mailoutbox, "grace.lin")
    assert len(failed) == 1 and "needs a few fixes" in failed[0].subject
    assert "medical record" in failed[0].body and "48213377" not in failed[0].body
    assert not mail_to(mailoutbox, "samuel.okafor"), "reviewers hear nothing until screening passes"
    assert client.__class__().get(page.url).status_code == 404, "a draft is not public"

    # The participant replaces the file and resubmits: screening passes, reviewers are asked.
    mailoutbox.clear()
    old = pending_files(page)[0]
    response = client.post(
        reverse("edit_contribution", args=[page.pk]),
        {**share_data(), "remove_files": [old.pk], "files": pdf_upload("huddle-sheet.pdf", CLEAN_PDF_LINES)},
    )
    assert response.status_code == 302
    assert [f.pk for f in pending_files(page)] != [old.pk]
    assert current_task_state(page).task.name == "Review"
    seen = visit(client, reverse("my_contributions"))
    assert "In review" in seen
    # The review history says where it stands in plain words, not Wagtail's status code.
    assert "Review: Waiting for a decision" in seen and "Inprogress" not in seen.text
    review_mail = mail_to(mailoutbox, "samuel.okafor")
    assert len(review_mail) == 1 and TITLE in review_mail[0].subject
    submitted = mail_to(mailoutbox, "grace.lin")
    assert submitted == [], "a resubmission after screening is not a new submission"

    # While it is in review the participant cannot change it.
    response = client.get(reverse("edit_contribution", args=[page.pk]))
    assert response.status_code == 302

    # The reviewer asks for changes, with a comment the participant reads on the page and in the e-mail.
    mailoutbox.clear()
    reviewer = login(client.__class__(), "samuel.okafor")
    comment = "Please say how long the huddle takes, so that other teams can plan for it."
    assert act(reviewer, page, "reject", comment).status == TaskState.STATUS_REJECTED
    changes = mail_to(mailoutbox, "grace.lin")
    assert len(changes) == 1 and comment in changes[0].body
    seen = visit(client, reverse("my_contributions"))
    assert "Changes requested" in seen and comment in seen.text
    assert "Review: Changes requested by" in seen

    # The participant resubmits; screening runs again before the review restarts.
    response = client.post(
        reverse("edit_contribution", args=[page.pk]),
        share_data(summary="A one-page sheet for the weekly huddle before a transition visit; it takes ten minutes."),
    )
    assert response.status_code == 302
    assert current_task_state(page).task.name == "Review"
    assert act(reviewer, page, "approve").status == TaskState.STATUS_APPROVED
    assert current_task_state(page).task.name == "Editorial approval"

    # The editor approves with a comment: that publishes, with the file as release 1.0.
    mailoutbox.clear()
    editor = login(client.__class__(), "marcus.webb")
    act(editor, page, "approve", "Lovely and clear: thank you.")
    page.refresh_from_db()
    assert page.live and page.summary.endswith("it takes ten minutes.")
    published = mail_to(mailoutbox, "grace.lin")
    assert len(published) == 1, [m.subject for m in published]
    assert "is published" in published[0].subject and "Lovely and clear: thank you." in published[0].body

    anonymous = client.__class__()
    seen = visit(anonymous, page.url)
    assert TITLE in seen.text and "ten minutes" in seen.text
    release = page.releases.get()
    assert release.is_published and release.label == "1.0"
    download = anonymous.get(release.files.get().get_absolute_url())
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF")
    assert "Published" in visit(client, reverse("my_contributions"))


@pytest.mark.django_db
def test_a_participant_submits_from_the_wagtail_admin_and_screening_runs(client, library, mailoutbox):
    from .admin_forms import add_url, resource_form

    login(client, "grace.lin")
    licence = Licence.objects.get(spdx_id="CC-BY-4.0").pk
    data = resource_form(summary="Call the family on 0161 496 0123 before the visit.", licence=licence)
    data["action-submit"] = "Submit to Contribution review"
    response = client.post(add_url("toolpage", library), data)
    assert response.status_code == 302
    page = ToolPage.objects.get(slug="clinic-huddle-card-transition")
    state = page.current_workflow_state
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert "phone number" in state.current_task_state.comment
    assert "needs a few fixes" in mail_to(mailoutbox, "grace.lin")[0].subject


@pytest.mark.django_db
def test_changing_a_published_resource_goes_through_review_and_its_new_files_become_a_release(client, mailoutbox):
    from .builders import make_tool

    page = make_tool("Published sheet", owner="grace.lin", releases=1, summary="The published summary.")
    login(client, "grace.lin")
    response = client.post(
        reverse("edit_contribution", args=[page.pk]),
        {
            **share_data(title="Published sheet", summary="A better summary."),
            "files": pdf_upload("sheet-v2.pdf", CLEAN_PDF_LINES),
        },
    )
    assert response.status_code == 400, "new files on a published resource need change notes"
    assert "Say what changed" in read(response).text
    response = client.post(
        reverse("edit_contribution", args=[page.pk]),
        {
            **share_data(title="Published sheet", summary="A better summary.", change_notes="Shorter, one page."),
            "files": pdf_upload("sheet-v2.pdf", CLEAN_PDF_LINES),
        },
    )
    assert response.status_code == 302
    assert current_task_state(page).task.name == "Review"
    anonymous = client.__class__()
    seen = visit(anonymous, page.url)
    assert "The published summary." in seen.text and "A better summary." not in seen.text
    assert "sheet-v2.pdf" not in anonymous.get(page.url).content.decode()

    act(login(client.__class__(), "samuel.okafor"), page, "approve")
    act(login(client.__class__(), "marcus.webb"), page, "approve")
    seen = visit(anonymous, page.url)
    assert "A better summary." in seen.text
    latest = page.releases.published().order_by("-published_at").first()
    assert latest.label == "1.1" and latest.change_notes == "Shorter, one page."
    assert [f.filename for f in latest.files.all()] == ["sheet-v2.pdf"]


@pytest.mark.django_db
def test_the_reviewer_finds_the_contributions_files_in_the_editor():
    from django.test import Client

    page = ToolPage.objects.get(slug="transition-clinic-huddle-card")  # in review in the demo network
    reviewer = login(Client(), "samuel.okafor")
    response = reviewer.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    seen = read(response)
    document = page.releases.get().files.get().document
    assert seen.link_text(document.url) == "transition-huddle-card.pdf"
    assert "Draft: published when this resource is approved" in seen.text
    assert reviewer.get(document.url).status_code == 200
    assert Client().get(document.url).status_code == 404
