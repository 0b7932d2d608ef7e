"""Sharing and reviewing over HTTP, as the people involved do it: what a participant sends to
/share/, the files they upload, the reviewers' workflow actions, the e-mails each person gets, and
what the admin's refusal of someone who may not see a page looks like."""

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from resources.demo.files import make_pdf
from resources.models import Audience, Condition, Licence, ResourceType

TITLE = "Transition huddle sheet"
MRN_PDF_LINES = [
    "Huddle for the transition clinic.",
    "Patient: Jamie Rivers, MRN: 48213377",
    "DOB: 14/03/2015",
]
CLEAN_PDF_LINES = ["Huddle for the transition clinic.", "Patient: Child A, aged 14-16, seen in clinic this week."]


def pdf_upload(name, lines=CLEAN_PDF_LINES):
    """A PDF as the share form receives it; by default one the screening passes."""
    return SimpleUploadedFile(name, make_pdf(TITLE, lines), content_type="application/pdf")


def share_data(**overrides):
    """The share form filled in for a tool, a checklist (no files), with ``overrides``."""
    data = {
        "kind": "tool",
        "title": TITLE,
        "summary": "A one-page sheet the team fills in at the weekly huddle before a young person's transition visit.",
        "conditions": [Condition.objects.get(slug="ibd").pk],
        "audiences": [Audience.objects.order_by("pk").first().pk],
        "phase": "",
        "tags": "transition, huddle",
        "licence": Licence.objects.get(spdx_id="CC-BY-4.0").pk,
        "adapted_from": "",
        "change_notes": "",
        "action": "submit",
    }
    data.update(overrides)
    if data["kind"] == "tool" and "resource_type" not in overrides:
        data["resource_type"] = ResourceType.objects.get(slug="checklist").pk
    return data


def current_task_state(page):
    """The task state of the page's workflow run that is in progress or waiting for changes.
    (Wagtail's ``page.current_workflow_task_state`` is None while the run needs changes.)"""
    state = page.current_workflow_state
    assert state is not None, f"{page.title!r} has no workflow run in progress or needing changes"
    return state.current_task_state


def act(client, page, action, comment=""):
    """``client`` takes the workflow ``action`` ("approve", "reject") on the page's current task."""
    task_state = current_task_state(page)
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, action, task_state.pk))
    response = client.post(url, {"comment": comment})
    assert response.status_code == 302, response.content[:500]
    task_state.refresh_from_db()
    return task_state


def mail_to(mailoutbox, username):
    address = get_user_model().objects.get(username=username).email
    return [message for message in mailoutbox if address in message.to]


def assert_refused(response, secret=None):
    """Wagtail answers a refusal with a redirect to the dashboard (or 403); either way the page's
    content is not shown."""
    assert response.status_code in (302, 403), f"answered {response.status_code}"
    if response.status_code == 302:
        assert response["Location"] in (reverse("wagtailadmin_home"),) or "/login/" in response["Location"]
    if secret:
        assert secret not in response.content.decode()
