"""Workflow e-mail through subclasses of Wagtail's notifiers: they alone are connected whichever app
Django readies first, they honour what people chose in their account (which mail, which language),
and a mail server's refusal is logged and leaves the message in the outbox for the retry."""

import io
from html.parser import HTMLParser

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from wagtail.admin import signal_handlers as wagtail_handlers
from wagtail.admin.mail import EmailNotificationMixin
from wagtail.users.models import UserProfile

from resources.models import ToolPage
from resources.models.review import PendingMail
from resources.review import notifications

from .conftest import login
from .workflow import act, mail_to, pdf_upload, share_data

WAGTAILS = {
    wagtail_handlers.task_submission_email_notifier,
    wagtail_handlers.workflow_submission_email_notifier,
    wagtail_handlers.workflow_approval_email_notifier,
    wagtail_handlers.workflow_rejection_email_notifier,
}


def _user(username):
    return get_user_model().objects.get(username=username)


def shared(client, title):
    response = client.post("/share/", {**share_data(title=title), "files": pdf_upload("sheet.pdf")})
    assert response.status_code == 302, response.content[:300]
    return ToolPage.objects.get(title=title)


# Registration -------------------------------------------------------------------------------------


def connected(signal, sender):
    sync_receivers, async_receivers = signal._live_receivers(sender)
    return sync_receivers + async_receivers


@pytest.mark.parametrize("wagtail_admin_ready_first", [True, False], ids=["wagtail.admin first", "resources first"])
@pytest.mark.django_db
def test_ours_replace_wagtails_notifiers_whichever_app_is_readied_first(wagtail_admin_ready_first, client, mailoutbox):
    for signal, sender, dispatch_uid, _ in notifications.REPLACED:
        signal.disconnect(sender=sender, dispatch_uid=dispatch_uid)
    try:
        # What each AppConfig.ready() does, in the two orders INSTALLED_APPS may give them.
        if wagtail_admin_ready_first:
            wagtail_handlers.register_signal_handlers()
            notifications.connect()
        else:
            notifications.connect()
            wagtail_handlers.register_signal_handlers()

        for signal, sender, _, ours in notifications.REPLACED:
            receivers = connected(signal, sender)
            assert ours in receivers
            assert isinstance(ours, EmailNotificationMixin), "ours are Wagtail's notifiers, subclassed"
            assert not WAGTAILS & set(receivers), f"Wagtail's own notifier is still connected to {signal}"

        # And so a submission brings the contributor our receipt only, not Wagtail's mail as well.
        shared(login(client, "grace.lin"), "Sheet shared after either order")
        receipt = mail_to(mailoutbox, "grace.lin")
        assert [message.subject for message in receipt] == [
            "[Improvement Commons] “Sheet shared after either order” is with the reviewers"
        ]
        assert not any("submitted for moderation" in message.subject for message in mailoutbox)
    finally:
        notifications.connect()


# Account preferences ------------------------------------------------------------------------------


class _AccountForm(HTMLParser):
    """The values the admin's account page would post back as it stands: text fields, ticked
    switches and each list's selected choice."""

    def __init__(self):
        super().__init__()
        self.data = {}
        self._select = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name and name != "csrfmiddlewaretoken" and attrs.get("type") not in ("file", "password"):
            if attrs.get("type") == "checkbox":
                if "checked" in attrs:
                    self.data[name] = "on"
            else:
                self.data[name] = attrs.get("value") or ""
        elif tag == "select":
            self._select = name
        elif tag == "option" and self._select and ("selected" in attrs or self._select not in self.data):
            self.data[self._select] = attrs.get("value") or ""

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None


def change_account(client, **changes):
    """Save the admin's account page (``/admin/account/``) with ``changes``; a value of None turns
    a switch off."""
    page = client.get(reverse("wagtailadmin_account"))
    assert page.status_code == 200
    form = _AccountForm()
    form.feed(page.content.decode())
    data = {**form.data, **changes}
    data = {name: value for name, value in data.items() if value is not None}
    response = client.post(reverse("wagtailadmin_account"), data)
    assert response.status_code == 302, "the account page did not accept the form"


@pytest.mark.django_db
def test_an_editor_who_turned_off_submitted_mail_in_their_account_is_not_asked_to_approve(client, mailoutbox):
    editor = login(Client(), "marcus.webb")
    change_account(editor, **{"notifications-submitted_notifications": None})
    assert UserProfile.get_for_user(_user("marcus.webb")).submitted_notifications is False

    page = shared(login(client, "grace.lin"), "Sheet for a quiet editor")
    act(login(Client(), "samuel.okafor"), page, "approve")
    assert not mail_to(mailoutbox, "marcus.webb")
    asked = mail_to(mailoutbox, "priya.raman")
    assert len(asked) == 1 and "waiting for editorial approval" in asked[0].subject, "the other editors are still asked"


@pytest.mark.django_db
def test_a_contributor_who_turned_off_rejected_mail_is_not_written_to_but_sees_the_comment(client, mailoutbox):
    participant = login(client, "grace.lin")
    change_account(participant, **{"notifications-rejected_notifications": None})
    page = shared(participant, "Sheet for a quiet contributor")
    mailoutbox.clear()
    act(login(Client(), "samuel.okafor"), page, "reject", "Say who fills it in.")
    assert not mail_to(mailoutbox, "grace.lin")
    contributions = participant.get(reverse("my_contributions")).content.decode()
    assert "Say who fills it in." in contributions, "what the reviewer said is still on their contributions page"


# Languages ----------------------------------------------------------------------------------------


@pytest.fixture
def templates_saying_their_language(settings, tmp_path):
    """A project's own versions of two of our e-mails (the way Wagtail's are overridden) that say
    which language and time zone were active while they were rendered."""
    folder = tmp_path / "resources" / "emails"
    folder.mkdir(parents=True)
    for name in ("submitted", "review_requested"):
        (folder / f"{name}.txt").write_text(
            "{% load i18n tz %}{% get_current_language as language %}{% get_current_timezone as zone %}"
            "Rendered in {{ language }}, {{ zone }}."
        )
    engine = settings.TEMPLATES[0]
    settings.TEMPLATES = [{**engine, "DIRS": [tmp_path, *engine["DIRS"]]}, *settings.TEMPLATES[1:]]


@pytest.mark.django_db
def test_each_person_gets_mail_in_the_language_they_chose_not_in_the_language_of_who_acted(
    client, mailoutbox, templates_saying_their_language
):
    participant = login(client, "grace.lin")
    change_account(participant, **{"locale-preferred_language": "fr", "locale-current_time_zone": "Europe/Paris"})
    reviewer = login(Client(), "samuel.okafor")
    change_account(reviewer, **{"locale-preferred_language": "de"})

    page = shared(participant, "Sheet in several languages")
    assert mail_to(mailoutbox, "grace.lin")[0].body == "Rendered in fr, Europe/Paris."
    assert mail_to(mailoutbox, "samuel.okafor")[0].body.startswith("Rendered in de,")
    assert mail_to(mailoutbox, "helen.fraser")[0].body == "Rendered in en-gb, UTC.", "no choice: the site's"

    # Samuel acts in the admin, which speaks German to him; the editors chose nothing, so theirs
    # are in the site's language, not in his.
    mailoutbox.clear()
    act(reviewer, page, "approve")
    asked = mail_to(mailoutbox, "marcus.webb")
    assert len(asked) == 1 and asked[0].body == "Rendered in en-gb, UTC."


# A mail server that refuses -----------------------------------------------------------------------


@pytest.mark.django_db
def test_a_refused_message_is_logged_and_waits_in_the_outbox_while_the_others_go(
    client, mailoutbox, settings, caplog
):
    settings.EMAIL_BACKEND = "tests.mail_backends.RefusingBackend"
    settings.REFUSED_EMAIL_ADDRESSES = [_user("samuel.okafor").email]

    shared(login(client, "grace.lin"), "Sheet for a full mailbox")

    assert "is with the reviewers" in mail_to(mailoutbox, "grace.lin")[0].subject
    assert len(mail_to(mailoutbox, "helen.fraser")) == 1, "one refusal does not hold back the others"
    assert not mail_to(mailoutbox, "samuel.okafor")
    waiting = PendingMail.objects.get(to=_user("samuel.okafor").email, subject__contains="Sheet for a full mailbox")
    assert waiting.attempts == 1 and "Mailbox unavailable" in waiting.last_error
    assert PendingMail.objects.filter(subject__contains="Sheet for a full mailbox").count() == 1
    logged = [record for record in caplog.records if record.name == "resources.review.outbox"]
    assert len(logged) == 1 and logged[0].levelname == "WARNING"
    assert "samuel.okafor@example.org" in logged[0].getMessage() and "waits in the outbox" in logged[0].getMessage()

    # The mailbox has room again: the retry sends it, once.
    settings.REFUSED_EMAIL_ADDRESSES = []
    output = io.StringIO()
    call_command("send_pending_mail", stdout=output)
    assert "Sent 1, failed 0; 0 waiting" in output.getvalue()
    retried = mail_to(mailoutbox, "samuel.okafor")
    assert len(retried) == 1 and "waiting for review" in retried[0].subject
    assert retried[0].extra_headers.get("Auto-Submitted") == "auto-generated", "sent as Wagtail sends its own"
