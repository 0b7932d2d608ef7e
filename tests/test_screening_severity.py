"""Severity in the workflow: what the screening only asks a reviewer to confirm (an organisation's
phone line or mailbox) never stops a contribution; it is shown to the contributor and to the
reviewers. What blocks still returns the contribution, and the two are listed apart."""

import json

import pytest
from django.core.management import call_command
from django.urls import reverse

from resources.models import ScreeningTaskState, ToolPage

from .conftest import login
from .html import visit
from .workflow import TITLE, current_task_state, mail_to, share_data

pytestmark = pytest.mark.django_db

SERVICE_CONTACTS = (
    "Questions? Ring the IBD nurse helpline on 0161 496 0123 (Monday to Friday, 9 to 5) "
    "or e-mail ibd.team@northfield.nhs.uk."
)


def share(client, summary):
    login(client, "grace.lin")
    response = client.post("/share/", share_data(summary=summary))
    assert response.status_code == 302, response.content[:500]
    return ToolPage.objects.get(title=TITLE)


def test_an_organisations_contact_details_do_not_stop_a_contribution(client, mailoutbox):
    page = share(client, f"A one-page huddle sheet for transition visits. {SERVICE_CONTACTS}")

    # Passed screening, on to the reviewers.
    assert current_task_state(page).task.name == "Review"
    screening = ScreeningTaskState.objects.get(workflow_state=page.current_workflow_state)
    assert {finding["severity"] for finding in screening.findings} == {"check"}
    assert screening.comment.startswith("Screening passed. For the reviewers to confirm")

    # The contributor sees what the reviewers will confirm, and that it does not stop anything.
    seen = visit(client, reverse("my_contributions"))
    assert "In review" in seen
    assert "noted 2 things for the reviewers to confirm" in seen.text
    assert "**** *** **23" in seen.text and "0161 496 0123" not in seen.text
    # The reviewers' e-mail lists them, masked.
    (request,) = mail_to(mailoutbox, "samuel.okafor")
    assert "asks you to confirm 2 things" in request.body
    assert "**** *** **23" in request.body and "0161 496 0123" not in request.body
    # The contributor's receipt says it passed.
    (receipt,) = mail_to(mailoutbox, "grace.lin")
    assert "passed the automatic checks" in receipt.body


def test_what_blocks_returns_it_and_what_is_to_check_is_listed_apart(client):
    page = share(client, f"Patient: Jamie Rivers came to the huddle. {SERVICE_CONTACTS}")

    state = page.current_workflow_state
    assert state.status == state.STATUS_NEEDS_CHANGES
    seen = visit(client, reverse("my_contributions"))
    assert "Changes requested" in seen
    assert "The automatic check found 1 thing to fix" in seen.text
    assert "noted 2 things for the reviewers to confirm" in seen.text
    screening = ScreeningTaskState.objects.get(workflow_state=state)
    assert "Also for the reviewers to confirm" in screening.comment


def test_the_screen_command_exits_1_only_for_what_blocks(tmp_path, capsys):
    contacts = tmp_path / "contacts.txt"
    contacts.write_text(f"Family handout.\n{SERVICE_CONTACTS}\n")
    call_command("screen", str(contacts))  # returns: exit status 0
    printed = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert {finding["severity"] for finding in printed} == {"check"}

    patient = tmp_path / "patient.txt"
    patient.write_text("Huddle notes.\nPatient: Jamie Rivers, MRN: 48213377\n")
    with pytest.raises(SystemExit) as exit:
        call_command("screen", str(patient))
    assert exit.value.code == 1
