"""Invitations: an editor or a network admin invites a person by e-mail to an organisation with a
role; the person follows the link, chooses a username and a password, and is signed in.

**The link.** Each time an invitation is sent, a new secret of 32 random bytes is made
(``secrets.token_urlsafe``) and only its SHA-256 is stored; the previous link stops working. The
secret is made in the background task that sends the mail, so it never passes through the task
queue or the database: only the invitee's mailbox holds it. 256 bits cannot be guessed; guessing
is throttled all the same (``views.py``).

**Who may invite whom.** Inviting needs the model permission ``contributors.add_invitation``;
revoking and resending need ``contributors.change_invitation`` (granted in resources/roles.py).
Nobody may invite to a role that may do more than theirs (contributors/grants.py): the model's
``clean()`` refuses it, whichever form or view saves the invitation. Any organisation: editors keep
the directory of every organisation (resources/roles.py), so limiting them to their own would
protect nothing.

**An address that already has an account** is refused when inviting, with what to do instead (a
network admin gives that account the role under Users): an invitation makes a new account, and a
second account for one address would split a person's work in two.
"""

import hashlib
import logging
import re
import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django_tasks import task

from .models import ContributorProfile, Invitation
from .names import split_name
from .roles import ROLE_GROUPS

logger = logging.getLogger(__name__)
DEFAULT_EXPIRY_DAYS = 14


def expiry_days():
    return int(getattr(settings, "INVITATION_EXPIRY_DAYS", DEFAULT_EXPIRY_DAYS))


def new_expiry():
    return timezone.now() + timedelta(days=expiry_days())


def hash_token(token):
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def find(token):
    """The invitation this link's secret belongs to, or None."""
    return Invitation.objects.select_related("organisation", "role", "invited_by").filter(
        token_hash=hash_token(token)
    ).first()


def offered_roles():
    """The network's roles, in order, as the groups an invitation may name."""
    groups = {group.name: group for group in Group.objects.filter(name__in=ROLE_GROUPS)}
    return [groups[name] for name in ROLE_GROUPS if name in groups]


def account_with_email(email):
    return get_user_model().objects.filter(email__iexact=email.strip()).first()


def send_after_commit(invitation):
    """Send (or send again) once the transaction that saved ``invitation`` has committed."""
    pk = invitation.pk
    transaction.on_commit(lambda: send_invitation.enqueue(pk), robust=True)


@task()
def send_invitation(invitation_id):
    """Make a new link for the invitation and mail it; nothing is sent for an invitation that has
    been accepted, revoked or has expired since it was queued."""
    token = secrets.token_urlsafe(32)
    updated = Invitation.objects.pending().filter(pk=invitation_id).update(token_hash=hash_token(token))
    if not updated:
        logger.info("Invitation %s is no longer open: not sent", invitation_id)
        return False
    invitation = Invitation.objects.select_related("organisation", "role", "invited_by").get(pk=invitation_id)
    context = {
        "invitation": invitation,
        "inviter": _person(invitation.invited_by),
        "link": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("invitation", args=[token]),
        "site_name": settings.WAGTAIL_SITE_NAME,
    }
    subject = render_to_string("contributors/emails/invitation_subject.txt", context).strip()
    body = render_to_string("contributors/emails/invitation.txt", context)
    send_mail(subject, body, None, [invitation.email])
    Invitation.objects.filter(pk=invitation_id).update(sent_at=timezone.now())
    return True


def _person(user):
    if user is None:
        return "A network editor"
    profile = ContributorProfile.objects.filter(user=user).first()
    return profile.display_name if profile else (user.get_full_name() or user.get_username())


def revoke(invitation, user):
    Invitation.objects.filter(pk=invitation.pk, accepted_at__isnull=True, revoked_at__isnull=True).update(
        revoked_at=timezone.now(), revoked_by=user
    )
    invitation.refresh_from_db()


def resend(invitation):
    """A new link, valid for another INVITATION_EXPIRY_DAYS; the old link stops working once sent."""
    invitation.expires_at = new_expiry()
    invitation.save(update_fields=["expires_at"])
    send_after_commit(invitation)


# Accepting ---------------------------------------------------------------------------------------

def suggested_name(email):
    """"nadia.farouk@example.org" -> "Nadia Farouk"."""
    local = email.split("@", 1)[0]
    words = [word for word in re.split(r"[._+\-\d]+", local) if word]
    return " ".join(word.capitalize() for word in words) or local


def suggested_username(email):
    """The part of the address before the @, in the characters a username may hold, and not taken."""
    User = get_user_model()
    base = re.sub(r"[^\w.+-]", "", email.split("@", 1)[0].lower())[:140] or "member"
    candidate, number = base, 1
    while User.objects.filter(username__iexact=candidate).exists():
        number += 1
        candidate = f"{base}{number}"
    return candidate


def _unique_slug(display_name):
    base = slugify(display_name)[:140] or "member"
    slug, number = base, 1
    while ContributorProfile.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


class NoLongerOpen(Exception):
    """The invitation was accepted, revoked or expired while the form was filled in."""


class AddressTaken(Exception):
    """An account with the invitation's address was made since it was sent."""


@transaction.atomic
def accept(invitation, *, username, password, display_name, role_in_care):
    """Make the account the invitation offers: the user with its role, a contributor profile in the
    organisation, and the invitation marked accepted. Returns the user."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if not invitation.is_open:
        raise NoLongerOpen
    if account_with_email(invitation.email):
        raise AddressTaken
    family, given = split_name(display_name)
    user = get_user_model()(username=username, email=invitation.email, first_name=given, last_name=family)
    user.set_password(password)
    user.save()
    user.groups.add(invitation.role)
    ContributorProfile.objects.create(
        user=user, display_name=display_name, slug=_unique_slug(display_name), role_in_care=role_in_care,
        organisation=invitation.organisation,
    )
    invitation.accepted_at = timezone.now()
    invitation.accepted_user = user
    invitation.save(update_fields=["accepted_at", "accepted_user"])
    return user
