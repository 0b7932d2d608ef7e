"""Personal API tokens: making one, recognising it on a request, revoking it.

A token's secret is ``PREFIX`` followed by 43 random URL-safe characters (256 bits). The database
holds its SHA-256 only, so a copy of the database lets nobody call the API as a member; a lookup
by that digest finds the token without comparing secrets one by one. ``PersonalTokenAuthentication``
is the REST API's way in (``Authorization: Token <secret>`` or ``Bearer <secret>``); it answers a
revoked, unknown or malformed token with 401 and a message saying what to do.
"""

import hashlib
import secrets
from datetime import timedelta

from django.utils import timezone
from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.exceptions import AuthenticationFailed

from .models import PersonalToken

PREFIX = "ict_"  # "improvement commons token": lets secret scanners and people recognise one
KEYWORDS = ("token", "bearer")
# ``last_used_at`` is written at most this often per token: not a database write per API call.
LAST_USED_RESOLUTION = timedelta(minutes=5)
TOKENS_PAGE = "/my/tokens/"


def digest(secret):
    return hashlib.sha256(secret.encode()).hexdigest()


def create_token(user, name):
    """A new token for ``user``: (the saved token, its secret). The secret is not kept anywhere."""
    secret = PREFIX + secrets.token_urlsafe(32)
    token = PersonalToken.objects.create(
        user=user, name=name, prefix=secret[: len(PREFIX) + 4], secret_sha256=digest(secret)
    )
    return token, secret


def revoke(token):
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])


class PersonalTokenAuthentication(BaseAuthentication):
    """``Authorization: Token <secret>`` (or ``Bearer <secret>``) -> (the member, their token).
    No Authorization header: nobody in particular (the API then answers as to an anonymous caller)."""

    def authenticate(self, request):
        parts = get_authorization_header(request).split()
        if not parts or parts[0].lower().decode("latin-1") not in KEYWORDS:
            return None
        if len(parts) != 2:
            raise AuthenticationFailed(
                "The Authorization header should be “Token <your token>”, with the token and nothing else after it."
            )
        try:
            secret = parts[1].decode("ascii")
        except UnicodeDecodeError:
            raise AuthenticationFailed(
                "This token is not one the commons issued: check that it was copied whole."
            ) from None
        token = PersonalToken.objects.select_related("user").filter(secret_sha256=digest(secret)).first()
        if token is None:
            raise AuthenticationFailed(
                "This token is not one the commons issued: check that it was copied whole, "
                f"or create a new one at {TOKENS_PAGE}."
            )
        if token.revoked_at is not None:
            raise AuthenticationFailed(
                f"This token was revoked on {token.revoked_at:%d %B %Y}. Create a new one at {TOKENS_PAGE}."
            )
        if not token.user.is_active:
            raise AuthenticationFailed("The account this token belongs to is no longer active.")
        now = timezone.now()
        if token.last_used_at is None or now - token.last_used_at > LAST_USED_RESOLUTION:
            PersonalToken.objects.filter(pk=token.pk).update(last_used_at=now)
        return token.user, token

    def authenticate_header(self, request):
        # A WWW-Authenticate header makes a refusal 401 (with none, DRF answers 403).
        return 'Token realm="api"'
