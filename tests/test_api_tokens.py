"""Personal API tokens (contributors/tokens.py, /my/tokens/): a member makes one and sees its
secret once, the database keeps only its SHA-256, the token lets the API see what the member may
see, and revoking it shuts that door."""

import hashlib
import re

import pytest
from django.urls import reverse

from contributors.models import PersonalToken

from .builders import network_only
from .conftest import login

pytestmark = pytest.mark.django_db

SECRET = re.compile(r"ict_[A-Za-z0-9_-]{43}")


def make_token(client, name="Weekly registry sync"):
    response = client.post(reverse("personal_tokens"), {"name": name})
    assert response.status_code == 201
    return response, SECRET.search(response.content.decode()).group(0)


def test_the_page_is_for_signed_in_members_only(client):
    response = client.get("/my/tokens/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert client.post("/my/tokens/", {"name": "x"}).status_code == 302
    assert not PersonalToken.objects.exists()


def test_a_member_makes_a_token_sees_it_once_and_the_api_knows_them_by_it(client):
    login(client, "grace.lin")
    response, secret = make_token(client)
    page = response.content.decode()
    assert "Copy it now: this is the only time it is shown." in page
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]

    token = PersonalToken.objects.get(user__username="grace.lin")
    assert token.name == "Weekly registry sync" and token.secret_sha256 == hashlib.sha256(secret.encode()).hexdigest()
    stored = [str(value) for value in PersonalToken.objects.filter(pk=token.pk).values().get().values()]
    assert not any(secret in value for value in stored), "the secret itself is never stored"

    listing = client.get("/my/tokens/").content.decode()
    assert secret not in listing and token.prefix in listing
    assert "Weekly registry sync" in listing and "Never" in listing

    client.logout()  # the API ignores the session: only the token says who is asking
    private = network_only()[0]
    assert client.get(f"/api/v1/resources/{private.pk}/").status_code == 404
    for keyword in ("Token", "Bearer"):
        seen = client.get(f"/api/v1/resources/{private.pk}/", HTTP_AUTHORIZATION=f"{keyword} {secret}")
        assert seen.status_code == 200 and seen.json()["title"] == private.title
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_revoking_a_token_refuses_it_from_then_on(client):
    login(client, "grace.lin")
    _response, secret = make_token(client)
    token = PersonalToken.objects.get(user__username="grace.lin")
    response = client.post(reverse("revoke_personal_token", args=[token.pk]), follow=True)
    page = response.content.decode()
    assert "is revoked: anything using it can no longer reach the API." in page
    assert "Revoked" in page and "Revoke “Weekly registry sync”" not in page
    refused = client.get("/api/v1/resources/", HTTP_AUTHORIZATION=f"Token {secret}")
    assert refused.status_code == 401
    assert refused.json()["detail"].startswith("This token was revoked on ")
    assert refused["WWW-Authenticate"] == 'Token realm="api"'


def test_nobody_revokes_another_members_token(client):
    login(client, "grace.lin")
    _response, secret = make_token(client)
    token = PersonalToken.objects.get(user__username="grace.lin")
    login(client, "tom.alvarez")
    assert client.post(reverse("revoke_personal_token", args=[token.pk])).status_code == 404
    assert client.get(reverse("revoke_personal_token", args=[token.pk])).status_code == 405
    token.refresh_from_db()
    assert token.revoked_at is None
    assert "Weekly registry sync" not in client.get("/my/tokens/").content.decode()


def test_a_name_is_needed_and_malformed_headers_are_explained(client):
    login(client, "grace.lin")
    response = client.post(reverse("personal_tokens"), {"name": ""})
    assert response.status_code == 400 and "This field is required." in response.content.decode()
    assert not PersonalToken.objects.exists()
    client.logout()
    split = client.get("/api/v1/resources/", HTTP_AUTHORIZATION="Token two parts")
    assert split.status_code == 401 and "with the token and nothing else after it" in split.json()["detail"]


def test_an_inactive_members_token_is_refused(client):
    login(client, "grace.lin")
    _response, secret = make_token(client)
    PersonalToken.objects.get().user.__class__.objects.filter(username="grace.lin").update(is_active=False)
    refused = client.get("/api/v1/resources/", HTTP_AUTHORIZATION=f"Token {secret}")
    assert refused.status_code == 401 and "no longer active" in refused.json()["detail"]
