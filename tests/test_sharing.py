"""Sharing, reuse requests and their rules: who may do what, what bad input gets, who is told."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import PageLogEntry, PageViewRestriction, TaskState, WorkflowState

from resources.models import Licence, ResourcePage, ResourceType, ReuseRequest, ReuseStatus, ToolPage
from resources.review.sharing import pending_files

from .builders import make_tool
from .conftest import login
from .html import count_queries, read, visit
from .workflow import MRN_PDF_LINES, act, assert_refused, current_task_state, mail_to, pdf_upload, share_data


def share(client, **overrides):
    files = overrides.pop("files", None)
    data = share_data(**overrides)
    if files is not None:
        data["files"] = files
    return client.post("/share/", data)


# Sharing ------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_share_form_offers_plain_language_licences_with_a_recommended_default(participant_client):
    seen = visit(participant_client, "/share/")
    assert "Share a resource" in seen
    assert "Creative Commons Attribution 4.0" in seen.text or "CC-BY-4.0" in seen.text
    assert "Recommended" in seen
    assert "Anyone may share and adapt it, for any purpose, as long as they credit the authors." in seen.text
    assert "Only signed-in network members will see it." in seen.text
    html = participant_client.get("/share/").content.decode()
    recommended = Licence.objects.get(recommended=True)
    assert f'value="{recommended.pk}" checked' in html


@pytest.mark.django_db
def test_anonymous_people_are_asked_to_sign_in(client):
    response = client.get("/share/")
    assert response.status_code == 302 and response.url.startswith("/accounts/login/")
    assert client.get(reverse("my_contributions")).status_code == 302


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name, data, says",
    [
        ("report.pdf", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 200, "Windows executable"),
        ("form.docx", b"<!DOCTYPE html><html><body><p>Patient form</p></body></html>", "HTML"),
    ],
)
def test_disguised_files_are_refused_with_a_clear_message_and_nothing_is_saved(participant_client, name, data, says):
    pages, logs = ToolPage.objects.count(), PageLogEntry.objects.count()
    response = share(participant_client, files=SimpleUploadedFile(name, data))
    assert response.status_code == 400
    seen = read(response)
    assert "Nothing has been saved yet" in seen.text and says in seen.text
    assert ToolPage.objects.count() == pages and PageLogEntry.objects.count() == logs


@pytest.mark.django_db
def test_a_tool_shared_without_a_type_comes_back_asking_for_one(participant_client):
    pages = ToolPage.objects.count()
    response = share(participant_client, title="Untyped huddle sheet", resource_type="")
    assert response.status_code == 400
    seen = read(response)
    assert "Nothing has been saved yet" in seen.text
    assert "Choose what kind of tool it is (a checklist, a form, a handout…)" in seen.text
    assert ToolPage.objects.count() == pages, "it was not filed as a checklist behind the sharer's back"

    form = ResourceType.objects.get(slug="form")
    assert share(participant_client, title="Typed huddle sheet", resource_type=form.pk).status_code == 302
    assert ToolPage.objects.get(title="Typed huddle sheet").get_latest_revision_as_object().resource_type == form


@pytest.mark.django_db
@pytest.mark.parametrize("type_sent", ["", "checklist"])
def test_a_protocol_takes_its_type_from_its_kind(participant_client, type_sent):
    # Without share.js every kind's fields show, so a tool's type may come along with a protocol.
    response = share(
        participant_client, kind="protocol", title="Huddle protocol",
        resource_type=ResourceType.objects.get(slug=type_sent).pk if type_sent else "",
        scope="The weekly huddle.", population="Young people moving to adult care.",
    )
    assert response.status_code == 302
    shared = ResourcePage.objects.get(title="Huddle protocol").get_latest_revision_as_object()
    assert shared.resource_type.slug == "protocol"


@pytest.mark.django_db
def test_share_answers_json_for_the_progress_script(participant_client):
    response = participant_client.post("/share/", share_data(title=""), HTTP_ACCEPT="application/json")
    assert response.status_code == 400
    answer = json.loads(response.content)
    assert "This field is required." in answer["form_html"]
    response = participant_client.post(
        "/share/",
        {**share_data(title="Clinic flow sheet"), "files": pdf_upload("sheet.pdf")},
        HTTP_ACCEPT="application/json",
    )
    assert response.status_code == 200
    assert json.loads(response.content)["redirect"].startswith(reverse("my_contributions"))


@pytest.mark.django_db
def test_a_protocol_needs_its_scope_and_population(participant_client):
    response = share(participant_client, kind="protocol", title="Fever protocol")
    assert response.status_code == 400
    assert "A protocol needs this" in read(response).text
    response = share(
        participant_client,
        kind="protocol",
        title="Fever protocol",
        scope="Fever in clinic.",
        population="Children on biologics.",
    )
    assert response.status_code == 302


@pytest.mark.django_db
def test_a_draft_is_saved_without_starting_review(participant_client):
    assert share(participant_client, title="Half-finished checklist", action="draft").status_code == 302
    page = ToolPage.objects.get(title="Half-finished checklist")
    assert page.current_workflow_state is None and not page.live
    seen = visit(participant_client, reverse("my_contributions"))
    assert "Half-finished checklist" in seen and "Draft" in seen


@pytest.mark.django_db
def test_adapted_from_is_found_by_title_or_link(participant_client):
    source = make_tool("Asthma action plan for schools", owner="tom.alvarez")
    assert (
        share(
            participant_client, title="Asthma plan for our school nurses", adapted_from="asthma ACTION plan for schools"
        ).status_code
        == 302
    )
    page = ToolPage.objects.get(title="Asthma plan for our school nurses")
    assert page.get_latest_revision_as_object().adapted_from_id == source.pk
    response = share(participant_client, title="Another", adapted_from="Nothing by this name")
    assert response.status_code == 400 and "No resource in the library has that title" in read(response).text


# Who may do what --------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_participant_cannot_see_edit_approve_or_publish_another_participants_draft(client):
    login(client, "tom.alvarez")
    share(client, title="Tom's private draft", files=pdf_upload("sheet.pdf"))
    page = ToolPage.objects.get(title="Tom's private draft")
    assert current_task_state(page).task.name == "Review"

    grace = login(client.__class__(), "grace.lin")
    assert "Tom's private draft" not in visit(grace, reverse("my_contributions"))
    assert grace.get(reverse("edit_contribution", args=[page.pk])).status_code == 404
    assert "Tom's private draft" not in visit(grace, reverse("wagtailadmin_explore", args=[page.get_parent().pk])).text
    assert_refused(grace.get(reverse("wagtailadmin_pages:edit", args=[page.pk])), secret="Tom's private draft")
    assert_refused(
        grace.get(reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])), secret="Tom's private draft"
    )
    task_state = current_task_state(page)
    grace.post(reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk)), {"comment": ""})
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_IN_PROGRESS
    grace.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), {"action-publish": "1", "title": "Taken over"})
    page.refresh_from_db()
    assert not page.live and page.title == "Tom's private draft"
    file_url = pending_files(page)[0].document.url
    assert grace.get(file_url).status_code == 404, "a draft's files are not anyone's to download"


@pytest.mark.django_db
def test_the_author_cannot_approve_their_own_contribution(participant_client):
    share(participant_client, title="My own tool", files=pdf_upload("sheet.pdf"))
    page = ToolPage.objects.get(title="My own tool")
    task_state = current_task_state(page)
    participant_client.post(
        reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk)), {"comment": ""}
    )
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_IN_PROGRESS
    reviewer = login(participant_client.__class__(), "samuel.okafor")
    assert reviewer.get(pending_files(page)[0].document.url).status_code == 200, "reviewers read the files they review"


@pytest.mark.django_db
def test_screening_result_is_in_the_admin_history(participant_client):
    share(participant_client, title="Logged tool", files=pdf_upload("sheet.pdf"))
    page = ToolPage.objects.get(title="Logged tool")
    entries = PageLogEntry.objects.filter(page=page, action="wagtail.workflow.approve")
    assert [entry.data["comment"] for entry in entries] == [
        "Screening passed: the files, the text and the licence raised no problem."
    ]
    editor = login(participant_client.__class__(), "marcus.webb")
    seen = visit(editor, reverse("wagtailadmin_pages:history", args=[page.pk]))
    assert "Screening passed" in seen.text


@pytest.mark.django_db
def test_my_contributions_makes_the_same_queries_for_one_or_many(participant_client):
    share(participant_client, title="First of many", files=pdf_upload("sheet.pdf"))
    one, _ = count_queries(participant_client, reverse("my_contributions"))
    for number in range(4):
        share(participant_client, title=f"Another contribution {number}", action="draft" if number % 2 else "submit")
    many, response = count_queries(participant_client, reverse("my_contributions"))
    assert many == one
    assert "Another contribution 3" in read(response), "the count is of the list with all five"
    # Session and user; revisions, credits, pages; workflow runs, their steps, screening findings;
    # the library and the person's permission on it; the base template (site, permissions, userbar).
    assert one <= 18, one


# E-mails ------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_rejection_at_the_editorial_step_tells_the_reviewer_who_approved(participant_client, mailoutbox):
    share(participant_client, title="Bounced tool", files=pdf_upload("sheet.pdf"))
    page = ToolPage.objects.get(title="Bounced tool")
    receipt = mail_to(mailoutbox, "grace.lin")
    assert len(receipt) == 1 and "is with the reviewers" in receipt[0].subject
    reviewer = login(participant_client.__class__(), "samuel.okafor")
    act(reviewer, page, "approve", "Fine by me.")
    editors_told = mail_to(mailoutbox, "priya.raman")
    assert len(editors_told) == 1 and "editorial approval" in editors_told[0].subject
    mailoutbox.clear()
    editor = login(participant_client.__class__(), "marcus.webb")
    act(editor, page, "reject", "The title promises more than the sheet does.")
    to_author = mail_to(mailoutbox, "grace.lin")
    to_reviewer = mail_to(mailoutbox, "samuel.okafor")
    assert len(to_author) == 1 and "The title promises more" in to_author[0].body
    assert len(to_reviewer) == 1 and "You approved" in to_reviewer[0].body
    assert "The title promises more" in to_reviewer[0].body


# Reuse requests ---------------------------------------------------------------------------------


def adaptation_data(source, **overrides):
    return share_data(title="Our adapted plan", adapted_from=source.title, **overrides)


@pytest.mark.django_db
def test_adapting_a_no_derivatives_resource_needs_a_grant_and_a_granted_request_lets_it_through(
    participant_client, mailoutbox
):
    source = make_tool("Biologic infusion checklist", owner="tom.alvarez", licence="CC-BY-ND-4.0")
    seen = visit(participant_client, source.url)
    assert reverse("request_reuse", args=[source.pk]) in seen.hrefs

    # Without a grant the screening returns it.
    participant_client.post("/share/", adaptation_data(source))
    page = ToolPage.objects.get(title="Our adapted plan")
    assert page.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert "needs a recorded reuse grant" in visit(participant_client, reverse("my_contributions")).text

    # The participant asks; the source's owner and the editors are told.
    mailoutbox.clear()
    response = participant_client.post(
        reverse("request_reuse", args=[source.pk]),
        {"scope": "adapt", "organisation": "", "purpose": "We will shorten it for our infusion suite."},
    )
    assert response.status_code == 302
    reuse = ReuseRequest.objects.get(resource=source)
    asked = mail_to(mailoutbox, "tom.alvarez")
    assert len(asked) == 1 and "shorten it for our infusion suite" in asked[0].body
    assert mail_to(mailoutbox, "marcus.webb"), "editors may decide too"

    # A stranger cannot decide; the owner grants.
    stranger = login(participant_client.__class__(), "amara.nwosu")
    assert (
        stranger.post(reverse("decide_reuse", args=[reuse.pk]), {f"r{reuse.pk}-decision": "grant"}).status_code == 403
    )
    owner = login(participant_client.__class__(), "tom.alvarez")
    seen = visit(owner, reverse("reuse_requests"))
    assert "shorten it for our infusion suite" in seen.text
    mailoutbox.clear()
    response = owner.post(
        reverse("decide_reuse", args=[reuse.pk]),
        {f"r{reuse.pk}-decision": "grant", f"r{reuse.pk}-message": "Yes, please credit our centre."},
    )
    assert response.status_code == 302
    reuse.refresh_from_db()
    assert reuse.status == ReuseStatus.GRANTED and reuse.decided_by.username == "tom.alvarez"
    told = mail_to(mailoutbox, "grace.lin")
    assert len(told) == 1 and "granted" in told[0].subject and "Yes, please credit our centre." in told[0].body
    assert PageLogEntry.objects.filter(page=source, action="commons.reuse.granted").exists()
    editor = login(owner.__class__(), "marcus.webb")
    assert "Reuse granted" in visit(editor, reverse("wagtailadmin_pages:history", args=[source.pk])).text

    # Resubmitted, the adaptation now passes screening.
    participant_client.post(reverse("edit_contribution", args=[page.pk]), adaptation_data(source))
    assert current_task_state(page).task.name == "Review"


@pytest.mark.django_db
def test_a_declined_request_needs_a_reason_and_is_recorded(participant_client, mailoutbox):
    source = make_tool("Family network newsletter", owner="tom.alvarez", licence="CC-BY-ND-4.0")
    participant_client.post(
        reverse("request_reuse", args=[source.pk]), {"scope": "use", "purpose": "Send it to our families."}
    )
    reuse = ReuseRequest.objects.get(resource=source)
    editor = login(participant_client.__class__(), "marcus.webb")
    response = editor.post(reverse("decide_reuse", args=[reuse.pk]), {f"r{reuse.pk}-decision": "decline"})
    assert response.status_code == 400 and "Say why" in read(response).text
    mailoutbox.clear()
    editor.post(
        reverse("decide_reuse", args=[reuse.pk]),
        {f"r{reuse.pk}-decision": "decline", f"r{reuse.pk}-message": "It is being rewritten."},
    )
    reuse.refresh_from_db()
    assert reuse.status == ReuseStatus.DECLINED
    assert "It is being rewritten." in mail_to(mailoutbox, "grace.lin")[0].body
    assert PageLogEntry.objects.filter(page=source, action="commons.reuse.declined").exists()
    seen = visit(participant_client, reverse("reuse_requests"))
    assert "Declined" in seen and "It is being rewritten." in seen.text


@pytest.mark.django_db
def test_an_openly_licensed_resource_needs_no_request(participant_client):
    source = make_tool("Open checklist", owner="tom.alvarez", licence="CC-BY-4.0")
    assert reverse("request_reuse", args=[source.pk]) not in visit(participant_client, source.url).hrefs
    response = participant_client.get(reverse("request_reuse", args=[source.pk]), follow=True)
    assert response.redirect_chain[-1][0] == source.url
    assert "you may reuse and adapt it under its terms without asking" in read(response).text
    assert not ReuseRequest.objects.filter(resource=source).exists()


@pytest.mark.django_db
def test_network_only_resources_are_not_offered_to_outsiders(client):
    network = Licence.objects.get(network_only=True)
    source = make_tool("Members' registry guide", owner="tom.alvarez", licence=network)
    assert PageViewRestriction.objects.filter(page=source).count() == 1, "publishing restricted it to members"
    assert client.get(reverse("request_reuse", args=[source.pk])).status_code == 302  # sign in first
    response = client.get(source.url)
    assert response.status_code == 302 and "/accounts/login/" in response.url


@pytest.mark.django_db
def test_a_contributions_files_are_not_offered_in_other_participants_document_chooser(client):
    login(client, "tom.alvarez")
    share(client, title="Tom's sheet", files=pdf_upload("toms-unpublished-sheet.pdf"))
    grace = login(client.__class__(), "grace.lin")
    chooser = grace.get(reverse("wagtaildocs_chooser:choose") + "?q=toms")
    assert chooser.status_code == 200
    assert "toms unpublished sheet" not in chooser.content.decode().lower()
    tom_chooser = client.get(reverse("wagtaildocs_chooser:choose") + "?q=toms")
    assert "toms unpublished sheet" in tom_chooser.content.decode().lower()
    reviewer = login(client.__class__(), "samuel.okafor")
    assert (
        "toms unpublished sheet"
        in reviewer.get(reverse("wagtaildocs_chooser:choose") + "?q=toms").content.decode().lower()
    )


@pytest.mark.django_db
def test_credited_contributions_are_listed_but_only_their_own_are_editable(client):
    tom = login(client, "tom.alvarez")
    seen = visit(tom, reverse("my_contributions"))
    credited = (
        ToolPage.objects.filter(contributor_links__contributor__user__username="tom.alvarez", live=True)
        .exclude(owner__username="tom.alvarez")
        .first()
    )
    assert credited is not None and credited.title in seen.text
    assert reverse("edit_contribution", args=[credited.pk]) not in seen.hrefs
    returned = ToolPage.objects.get(slug="infusion-day-welcome-letter")
    assert reverse("edit_contribution", args=[returned.pk]) in seen.hrefs
    assert seen.link_text(reverse("edit_contribution", args=[returned.pk])) == "Edit and resubmit"


@pytest.mark.django_db
def test_people_who_turned_off_a_notification_in_their_account_do_not_get_it(participant_client, mailoutbox):
    from django.contrib.auth import get_user_model
    from wagtail.users.models import UserProfile

    reviewer = get_user_model().objects.get(username="samuel.okafor")
    profile = UserProfile.get_for_user(reviewer)
    profile.submitted_notifications = False
    profile.save()
    share(participant_client, title="Quietly reviewed tool", files=pdf_upload("sheet.pdf"))
    assert not mail_to(mailoutbox, "samuel.okafor")
    assert mail_to(mailoutbox, "helen.fraser"), "the other reviewers are still told"


@pytest.mark.django_db
def test_people_outside_the_network_groups_are_told_why_they_cannot_share(client):
    from django.contrib.auth import get_user_model

    outsider = get_user_model().objects.create_user("visiting.researcher", "v@example.org", "a long passphrase 42")
    client.force_login(outsider)
    response = client.get("/share/")
    assert response.status_code == 403
    assert "ask an editor to add you to the network" in read(response).text


@pytest.mark.django_db
def test_the_contributor_is_told_at_once_when_the_check_finds_something(participant_client):
    response = share(participant_client, title="Quick look", files=pdf_upload("list.pdf", MRN_PDF_LINES))
    seen = visit(participant_client, response.url)
    assert "the automatic check found things to fix first" in seen.text
    response = share(participant_client, title="Clean look", files=pdf_upload("sheet.pdf"))
    assert "is with the reviewers" in visit(participant_client, response.url).text
