"""The invitee's page: /invitations/<secret>/ (contributors/invitations.py says how the link is made).

A link that works shows the organisation and the role and the form to make the account. One that
does not changes nothing and says why, as far as that is safe: an unknown link and a revoked one
get the same answer (404), so nobody learns that an invitation existed; an expired one and one
already used (410) say what to do next, which is safe because only the invitee holds the secret.

Guessing is throttled per client address (INVITATION_GUESS_LIMIT unknown links an hour), though
with 256 random bits the secret itself is the guard.
"""

from axes.helpers import get_client_ip_address
from django.conf import settings
from django.contrib.auth import login
from django.core.cache import cache
from django.db import transaction
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from wagtail.log_actions import log

from .forms import AcceptInvitationForm
from .invitations import AddressTaken, NoLongerOpen, accept, find, suggested_name, suggested_username
from .models import InvitationStatus

GUESS_WINDOW_SECONDS = 3600


def _guess_key(request):
    return f"invitation-guesses:{get_client_ip_address(request)}"


def _guess_limit():
    return int(getattr(settings, "INVITATION_GUESS_LIMIT", 20))


def _count_guess(key):
    if not cache.add(key, 1, GUESS_WINDOW_SECONDS):
        try:
            cache.incr(key)
        except ValueError:  # expired between the two calls
            cache.add(key, 1, GUESS_WINDOW_SECONDS)


def _closed(request, template, status, invitation=None):
    return render(request, f"contributors/invitations/{template}.html", {"invitation": invitation}, status=status)


@never_cache
@sensitive_post_parameters("password1", "password2")
def invitation(request, token):
    key = _guess_key(request)
    if cache.get(key, 0) >= _guess_limit():
        return _closed(request, "too_many", 429)
    invitation = find(token)
    status = invitation.status if invitation else None
    if status in (None, InvitationStatus.REVOKED):
        _count_guess(key)
        return _closed(request, "unknown", 404)
    if status == InvitationStatus.ACCEPTED:
        if request.user.is_authenticated and request.user.pk == invitation.accepted_user_id:
            return render(request, "contributors/invitations/welcome.html", {"invitation": invitation})
        return _closed(request, "used", 410, invitation)
    if status == InvitationStatus.EXPIRED:
        return _closed(request, "expired", 410, invitation)

    if request.method == "POST":
        form = AcceptInvitationForm(request.POST, invitation=invitation)
        if form.is_valid():
            data = form.cleaned_data
            try:
                with transaction.atomic():
                    user = accept(
                        invitation, username=data["username"], password=data["password1"],
                        display_name=data["display_name"], role_in_care=data["role_in_care"],
                    )
                    log(instance=invitation, action="commons.invitation.accept", user=user)
            except NoLongerOpen:
                return redirect(request.path)
            except AddressTaken:
                return _closed(request, "address_taken", 409, invitation)
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            # The same address: now it answers with the welcome page for this person only.
            return redirect(request.path)
    else:
        form = AcceptInvitationForm(
            invitation=invitation,
            initial={
                "display_name": suggested_name(invitation.email),
                "username": suggested_username(invitation.email),
            },
        )
    return render(request, "contributors/invitations/accept.html", {"invitation": invitation, "form": form})
