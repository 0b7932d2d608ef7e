"""Invitations (contributors/invitations.py): an editor invites someone by e-mail to an
organisation with a role; the invitee follows the link, chooses a username and a password, and is
signed in with that role in that organisation. Links that do not work change nothing; nobody
invites to a role that may do more than theirs; only editors and network admins reach the screens."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from contributors.grants import may_grant
from contributors.invitations import hash_token
from contributors.models import ContributorProfile, Invitation, Organisation
from contributors.roles import EDITORS, NETWORK_ADMINS, PARTICIPANTS, REVIEWERS, ROLE_GROUPS

from .conftest import login
from .html import read, visit

pytestmark = pytest.mark.django_db
User = get_user_model()
ADD_URL = "/admin/invitations/new/"
INDEX_URL = "/admin/invitations/"
PASSWORD = "Ward-rounds-at-nine-42"


@pytest.fixture
def organisation():
    return Organisation.objects.order_by("pk").first()


def role(name):
    return Group.objects.get(name=name)


def invite(client, capture, email="nadia.farouk@example.org", organisation=None, group=PARTICIPANTS):
    """Post the admin's invitation form; the mail goes once the transaction commits."""
    organisation = organisation or Organisation.objects.order_by("pk").first()
    with capture(execute=True):
        return client.post(ADD_URL, {"email": email, "organisation": organisation.pk, "role": role(group).pk})


def link_in(message):
    match = re.search(r"https?://\S+/invitations/([\w-]+)/", message.body)
    assert match, f"no invitation link in:\n{message.body}"
    return match.group(0), match.group(1)


def accept_form(**changes):
    return {
        "display_name": "Dr Nadia Farouk", "role_in_care": "nurse", "username": "nadia.farouk",
        "password1": PASSWORD, "password2": PASSWORD, **changes,
    }


def make_invitation(organisation, email="lena.ortiz@example.org", group=PARTICIPANTS, token="a" * 43, **fields):
    return Invitation.objects.create(
        email=email, organisation=organisation, role=fields.pop("role", None) or role(group),
        invited_by=User.objects.get(username="marcus.webb"),
        expires_at=fields.pop("expires_at", timezone.now() + timedelta(days=14)), token_hash=hash_token(token),
        **fields,
    )


def unchanged_accounts():
    return User.objects.count(), ContributorProfile.objects.count()


# The whole journey ------------------------------------------------------------------------------

def test_an_editor_invites_a_participant_who_accepts_and_signs_in(client, organisation,
                                                                  django_capture_on_commit_callbacks):
    login(client, "marcus.webb")
    response = invite(client, django_capture_on_commit_callbacks, organisation=organisation)
    assert response.status_code == 302, read(response).text
    invitation = Invitation.objects.get(email="nadia.farouk@example.org")
    assert invitation.invited_by.username == "marcus.webb" and invitation.sent_at is not None

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["nadia.farouk@example.org"]
    assert "Marcus" in message.subject
    url, token = link_in(message)
    assert organisation.name in message.body and "Participants" in message.body
    assert f"{invitation.expires_at:%-d %B %Y}" in message.body
    # Only a hash of the link's secret is kept.
    assert token not in str(list(Invitation.objects.values_list()))

    client.logout()
    page = visit(client, f"/invitations/{token}/")
    assert organisation.name in page and "Participants" in page and "nadia.farouk@example.org" in page
    assert 'value="nadia.farouk"' in client.get(f"/invitations/{token}/").content.decode()

    response = client.post(f"/invitations/{token}/", accept_form())
    assert response.status_code == 302
    welcome = visit(client, response["Location"])
    assert "Welcome, Dr Nadia Farouk" in welcome and "Where to go next" in welcome

    user = User.objects.get(username="nadia.farouk")
    assert user.email == "nadia.farouk@example.org"
    assert list(user.groups.values_list("name", flat=True)) == [PARTICIPANTS]
    assert user.contributor_profile.organisation == organisation
    assert user.contributor_profile.display_name == "Dr Nadia Farouk"
    invitation.refresh_from_db()
    assert invitation.accepted_user == user and invitation.accepted_at is not None

    client.logout()
    signed_in = client.post("/accounts/login/", {"username": "nadia.farouk", "password": PASSWORD})
    assert signed_in.status_code == 302 and int(client.session["_auth_user_id"]) == user.pk
    assert client.get("/admin/").status_code == 200  # participants use the admin for their drafts


def test_the_list_shows_pending_and_accepted_invitations_and_filters_by_status(client, organisation,
                                                                               django_assert_max_num_queries):
    accepted = make_invitation(organisation, email="accepted.one@example.org", token="b" * 43,
                               accepted_at=timezone.now())
    pending = make_invitation(organisation, email="pending.one@example.org", token="c" * 43)
    login(client, "marcus.webb")
    visit(client, INDEX_URL)  # fills the admin's caches
    with CaptureQueriesContext(connection) as two_rows:
        visit(client, INDEX_URL)
    for number in range(8):
        make_invitation(organisation, email=f"more.{number}@example.org", token=f"{number}" * 43,
                        role=role(NETWORK_ADMINS if number % 2 else REVIEWERS))
    with django_assert_max_num_queries(len(two_rows) + 2):  # one per role the rows name, at most
        page = visit(client, INDEX_URL)
    assert re.search(r"accepted\.one@example\.org\b.{0,200}?\bAccepted\b", page.text)
    assert re.search(r"pending\.one@example\.org\b.{0,200}?\bPending\b", page.text)

    only_pending = visit(client, f"{INDEX_URL}?status=pending")
    assert pending.email in only_pending and accepted.email not in only_pending
    only_accepted = visit(client, f"{INDEX_URL}?status=accepted")
    assert accepted.email in only_accepted and pending.email not in only_accepted
    found = visit(client, f"{INDEX_URL}?q=pending.one")
    assert pending.email in found and accepted.email not in found


# Links that do not work --------------------------------------------------------------------------

@pytest.mark.parametrize("state, status, says", [
    ("expired", 410, "This invitation has expired"),
    ("revoked", 404, "This invitation link does not work"),
    ("used", 410, "This invitation has been accepted"),
    ("unknown", 404, "This invitation link does not work"),
])
def test_a_link_that_does_not_work_says_why_and_changes_nothing(client, organisation, state, status, says):
    token = "d" * 43
    fields = {
        "expired": {"expires_at": timezone.now() - timedelta(minutes=1)},
        "revoked": {"revoked_at": timezone.now()},
        "used": {"accepted_at": timezone.now()},
    }
    if state != "unknown":
        make_invitation(organisation, token=token, **fields[state])
    before = unchanged_accounts()

    assert says in visit(client, f"/invitations/{token}/", status=status)
    response = client.post(f"/invitations/{token}/", accept_form())
    assert response.status_code == status and says in read(response)
    assert unchanged_accounts() == before
    assert not User.objects.filter(username="nadia.farouk").exists()


def test_unknown_and_revoked_links_get_the_same_answer(client, organisation):
    make_invitation(organisation, token="e" * 43, revoked_at=timezone.now())
    revoked = client.get(f"/invitations/{'e' * 43}/")
    unknown = client.get(f"/invitations/{'f' * 43}/")
    assert (revoked.status_code, read(revoked).text) == (unknown.status_code, read(unknown).text)


def test_guessing_links_is_paused_after_the_limit(client, settings):
    settings.INVITATION_GUESS_LIMIT = 3
    cache.delete("invitation-guesses:127.0.0.1")  # what other tests tried
    for number in range(3):
        assert client.get(f"/invitations/guess-{number}/").status_code == 404
    assert "Too many invitation links tried" in visit(client, "/invitations/guess-9/", status=429)


def test_a_weak_or_mismatched_password_is_refused_and_makes_no_account(client, organisation):
    make_invitation(organisation, token="g" * 43)
    before = unchanged_accounts()
    weak = read(client.post(f"/invitations/{'g' * 43}/", accept_form(password1="password", password2="password")))
    assert "This password is too common" in weak
    mismatch = read(client.post(f"/invitations/{'g' * 43}/", accept_form(password2=PASSWORD + "x")))
    assert "The two passwords differ" in mismatch
    taken = read(client.post(f"/invitations/{'g' * 43}/", accept_form(username="Grace.Lin")))
    assert "That username is taken" in taken
    assert unchanged_accounts() == before


def test_a_link_works_once(client, organisation):
    make_invitation(organisation, token="h" * 43)
    assert client.post(f"/invitations/{'h' * 43}/", accept_form()).status_code == 302
    client.logout()
    before = unchanged_accounts()
    again = client.post(f"/invitations/{'h' * 43}/", accept_form(username="someone.else"))
    assert again.status_code == 410 and "This invitation has been accepted" in read(again)
    assert unchanged_accounts() == before


def test_an_account_made_for_the_address_meanwhile_stops_acceptance(client, organisation):
    make_invitation(organisation, email="lena.ortiz@example.org", token="i" * 43)
    User.objects.create_user("lena", "Lena.Ortiz@example.org", "x")
    before = unchanged_accounts()
    response = client.post(f"/invitations/{'i' * 43}/", accept_form(username="lena.o"))
    assert response.status_code == 409 and "There is already an account with this address" in read(response)
    assert unchanged_accounts() == before


# Who may invite whom -----------------------------------------------------------------------------

def test_an_editor_is_offered_no_role_above_their_own(client):
    login(client, "marcus.webb")
    form = client.get(ADD_URL).context["form"]
    offered = [label for value, label in form.fields["role"].choices if value]
    assert offered == [PARTICIPANTS, REVIEWERS, EDITORS]


def test_an_editor_cannot_invite_a_network_admin_by_a_direct_post(client, django_capture_on_commit_callbacks):
    login(client, "marcus.webb")
    response = invite(client, django_capture_on_commit_callbacks, email="new.boss@example.org", group=NETWORK_ADMINS)
    assert response.status_code == 200
    assert "You cannot invite someone as one of the Network admins" in read(response)
    assert not Invitation.objects.filter(email="new.boss@example.org").exists()
    assert mail.outbox == []


def test_the_model_refuses_escalation_whatever_saves_it(organisation):
    invitation = Invitation(
        email="new.boss@example.org", organisation=organisation, role=role(NETWORK_ADMINS),
        invited_by=User.objects.get(username="marcus.webb"), expires_at=timezone.now() + timedelta(days=1),
    )
    with pytest.raises(ValidationError, match="Ask a network admin"):
        invitation.full_clean()


def test_who_may_give_which_role():
    editor, admin = User.objects.get(username="marcus.webb"), User.objects.get(username="olivia.chen")
    participant = User.objects.get(username="grace.lin")
    assert [name for name in ROLE_GROUPS if may_grant(editor, role(name))] == [PARTICIPANTS, REVIEWERS, EDITORS]
    assert all(may_grant(admin, role(name)) for name in ROLE_GROUPS)
    assert [name for name in ROLE_GROUPS if may_grant(participant, role(name))] == [PARTICIPANTS]


def test_a_network_admin_invites_a_network_admin(client, django_capture_on_commit_callbacks):
    login(client, "olivia.chen")
    response = invite(client, django_capture_on_commit_callbacks, email="new.boss@example.org", group=NETWORK_ADMINS)
    assert response.status_code == 302
    assert Invitation.objects.get(email="new.boss@example.org").role.name == NETWORK_ADMINS
    assert len(mail.outbox) == 1


def test_an_editor_cannot_revoke_or_resend_a_network_admins_invitation(client, organisation):
    invitation = make_invitation(organisation, email="new.boss@example.org", group=NETWORK_ADMINS)
    login(client, "marcus.webb")
    # Wagtail answers a refusal in the admin with a redirect to the dashboard and a message.
    revoke_url, resend_url = f"{INDEX_URL}revoke/{invitation.pk}/", f"{INDEX_URL}resend/{invitation.pk}/"
    for response in (client.get(revoke_url), client.post(revoke_url), client.post(resend_url)):
        assert response.status_code in (302, 403) and response.get("Location", "/admin/") == "/admin/"
    listed = visit(client, INDEX_URL)
    assert invitation.email in listed and revoke_url not in listed.hrefs
    invitation.refresh_from_db()
    assert invitation.revoked_at is None and mail.outbox == []


@pytest.mark.parametrize("username", ["grace.lin", "samuel.okafor", None])
def test_participants_reviewers_and_visitors_reach_no_invitation_screen(client, organisation, username,
                                                                          django_capture_on_commit_callbacks):
    invitation = make_invitation(organisation)
    login(client, username)
    urls = [INDEX_URL, f"{INDEX_URL}results/", ADD_URL, f"{INDEX_URL}inspect/{invitation.pk}/",
            f"{INDEX_URL}history/{invitation.pk}/", f"{INDEX_URL}revoke/{invitation.pk}/",
            f"{INDEX_URL}resend/{invitation.pk}/"]
    for url in urls:
        response = client.get(url)
        assert response.status_code in (302, 403), f"{url} answered {response.status_code}"
        assert invitation.email not in response.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(ADD_URL, {"email": "x@example.org", "organisation": organisation.pk, "role": role(PARTICIPANTS).pk})
        client.post(f"{INDEX_URL}revoke/{invitation.pk}/")
        client.post(f"{INDEX_URL}resend/{invitation.pk}/")
    assert not Invitation.objects.filter(email="x@example.org").exists()
    invitation.refresh_from_db()
    assert invitation.revoked_at is None and mail.outbox == []
    # Not in their admin menu either.
    if username:
        assert INDEX_URL not in client.get("/admin/").content.decode()


# Duplicates, existing accounts, revoking and resending --------------------------------------------

def test_a_second_pending_invitation_for_the_same_address_and_organisation_is_refused(
    client, organisation, django_capture_on_commit_callbacks
):
    login(client, "marcus.webb")
    assert invite(client, django_capture_on_commit_callbacks, organisation=organisation).status_code == 302
    again = invite(client, django_capture_on_commit_callbacks, email="Nadia.Farouk@Example.org",
                   organisation=organisation)
    assert again.status_code == 200
    assert "already has an invitation to" in read(again) and "Resend or revoke it" in read(again)
    assert Invitation.objects.filter(email="nadia.farouk@example.org").count() == 1
    # Another organisation is another invitation.
    other = Organisation.objects.exclude(pk=organisation.pk).first()
    assert invite(client, django_capture_on_commit_callbacks, organisation=other).status_code == 302
    assert len(mail.outbox) == 2


def test_an_address_with_an_account_is_refused_with_what_to_do(client, django_capture_on_commit_callbacks):
    login(client, "marcus.webb")
    grace = User.objects.get(username="grace.lin")
    response = invite(client, django_capture_on_commit_callbacks, email=grace.email.upper())
    page = read(response)
    assert response.status_code == 200 and "There is already an account with this address (grace.lin)" in page
    assert "a network admin can give that account this role" in page
    assert not Invitation.objects.filter(email=grace.email.lower()).exists() and mail.outbox == []


def test_revoking_asks_first_then_the_link_stops_working(client, organisation, django_capture_on_commit_callbacks):
    login(client, "marcus.webb")
    invite(client, django_capture_on_commit_callbacks, organisation=organisation)
    _url, token = link_in(mail.outbox[0])
    invitation = Invitation.objects.get(email="nadia.farouk@example.org")

    assert f"{INDEX_URL}revoke/{invitation.pk}/" in visit(client, INDEX_URL).hrefs
    confirm = visit(client, f"{INDEX_URL}revoke/{invitation.pk}/")
    assert "Its link stops working at once" in confirm
    invitation.refresh_from_db()
    assert invitation.revoked_at is None  # asking changes nothing

    client.post(f"{INDEX_URL}revoke/{invitation.pk}/")
    invitation.refresh_from_db()
    assert invitation.revoked_at is not None and invitation.revoked_by.username == "marcus.webb"
    assert "Revoked" in visit(client, f"{INDEX_URL}?status=revoked")
    client.logout()
    assert client.get(f"/invitations/{token}/").status_code == 404


def test_resending_sends_a_new_link_and_the_old_one_stops_working(client, organisation,
                                                                  django_capture_on_commit_callbacks):
    login(client, "marcus.webb")
    invite(client, django_capture_on_commit_callbacks, organisation=organisation)
    _url, old_token = link_in(mail.outbox[0])
    invitation = Invitation.objects.get(email="nadia.farouk@example.org")
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now() - timedelta(days=1))

    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"{INDEX_URL}resend/{invitation.pk}/")
    assert len(mail.outbox) == 2
    _url, new_token = link_in(mail.outbox[1])
    assert new_token != old_token
    client.logout()
    assert client.get(f"/invitations/{old_token}/").status_code == 404
    assert "Join" in visit(client, f"/invitations/{new_token}/")


def test_the_invitation_pages_are_never_kept_by_a_cache(client, organisation):
    make_invitation(organisation, token="j" * 43)
    response = client.get(f"/invitations/{'j' * 43}/")
    assert "no-store" in response["Cache-Control"] or "private" in response["Cache-Control"]
