"""The settings a security reviewer checks first: sign-in throttling (django-axes), a password
reset that does not reveal who has an account, the Content-Security-Policy header, and production
refusing a weak SECRET_KEY or a wildcard host."""

import pytest
from django.conf import settings
from django.core import mail
from django.test import RequestFactory
from django.urls import reverse
from django_tasks.signals import task_enqueued

from .html import read
from .test_settings import manage, production_key

PASSWORD = "improve-together"
PAUSED = "Sign-in paused"


# Sign-in throttling


def sign_in(client, url, username, password):
    """The sign-in form posted; a successful sign-in is followed to the home page (the same for both
    sign-in pages, and not the admin's dashboard, which has nothing to do with signing in)."""
    response = client.post(url, {"username": username, "password": password, "next": "/"})
    return client.get(response["Location"]) if response.status_code == 302 else response


def fail_until_paused(client, url, username):
    """Wrong passwords up to the limit; returns the answers."""
    return [sign_in(client, url, username, "not-the-password") for _ in range(settings.AXES_FAILURE_LIMIT)]


@pytest.mark.django_db
def test_wrong_passwords_pause_sign_in_for_that_person_only(client):
    url = reverse("login")
    answers = fail_until_paused(client, url, "grace.lin")
    # Until the limit, the usual "did not work" answer.
    assert all("Sign-in did not work" in read(answer).text for answer in answers[:-1])
    paused = answers[-1]
    assert paused.status_code == 429
    page = read(paused).text
    assert PAUSED in page and "grace.lin" in page and "Try again in 15 minutes" in page
    # Now even the right password is refused...
    again = sign_in(client, url, "grace.lin", PASSWORD)
    assert again.status_code == 429 and PAUSED in read(again).text
    assert "_auth_user_id" not in client.session
    # ...on the admin's sign-in page too,
    admin_again = sign_in(client, reverse("wagtailadmin_login"), "grace.lin", PASSWORD)
    assert admin_again.status_code == 429 and "_auth_user_id" not in client.session
    # while someone else at the same address signs in as usual.
    other = sign_in(client, url, "tom.alvarez", PASSWORD)
    assert other.status_code == 200 and PAUSED not in read(other).text
    assert client.session["_auth_user_id"] == str(other.context["user"].pk)


@pytest.mark.django_db
def test_the_admin_sign_in_is_throttled_too(client):
    url = reverse("wagtailadmin_login")
    answers = fail_until_paused(client, url, "olivia.chen")
    assert answers[-1].status_code == 429 and PAUSED in read(answers[-1]).text
    assert sign_in(client, url, "olivia.chen", PASSWORD).status_code == 429
    assert "_auth_user_id" not in client.session
    assert sign_in(client, url, "marcus.webb", PASSWORD).status_code == 200
    assert "_auth_user_id" in client.session


@pytest.mark.django_db
def test_a_good_sign_in_clears_earlier_mistakes(client):
    url = reverse("login")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        sign_in(client, url, "grace.lin", "not-the-password")
    assert sign_in(client, url, "grace.lin", PASSWORD).status_code == 200
    client.logout()
    # A fresh allowance: one more mistake does not pause the account.
    assert sign_in(client, url, "grace.lin", "not-the-password").status_code == 200
    assert sign_in(client, url, "grace.lin", PASSWORD).status_code == 200


def test_axes_backend_comes_first():
    assert settings.AUTHENTICATION_BACKENDS[0] == "axes.backends.AxesStandaloneBackend"
    assert settings.MIDDLEWARE[-1] == "axes.middleware.AxesMiddleware"


# Password reset: the same work and the same answer for every address


@pytest.fixture
def handed_off():
    """The password reset tasks enqueued, in order."""
    seen = []

    def receiver(sender, task_result, **kwargs):
        if task_result.task.name == "send_password_reset":
            seen.append(task_result.args or task_result.kwargs)

    task_enqueued.connect(receiver)
    yield seen
    task_enqueued.disconnect(receiver)


@pytest.mark.django_db
@pytest.mark.parametrize("address", ["grace.lin@example.org", "nobody-here@example.org"])
def test_the_reset_request_does_no_address_dependent_work_before_answering(address, handed_off):
    """Called the way the server calls it: the view answers, and only when the server closes the
    response (after its last byte) is the mail handed off, for every address."""
    from django.contrib.auth import get_user_model
    from django.contrib.messages.storage.fallback import FallbackStorage
    from django.contrib.sessions.backends.db import SessionStore

    from contributors.auth import PasswordResetView

    User = get_user_model()
    assert User.objects.filter(email="grace.lin@example.org").exists()
    request = RequestFactory().post("/admin/password_reset/", {"email": address})
    request._dont_enforce_csrf_checks = True
    request.session = SessionStore()
    request._messages = FallbackStorage(request)
    response = PasswordResetView.as_view()(request)
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_password_reset_done")
    assert handed_off == [] and mail.outbox == []
    response.close()
    assert len(handed_off) == 1 and handed_off[0]["email"] == address


@pytest.mark.django_db
def test_known_and_unknown_addresses_get_the_same_answer(client, handed_off):
    url = reverse("wagtailadmin_password_reset")
    known = client.post(url, {"email": "grace.lin@example.org"})
    unknown = client.post(url, {"email": "nobody-here@example.org"})
    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    assert known.content == unknown.content
    assert [job["email"] for job in handed_off] == ["grace.lin@example.org", "nobody-here@example.org"]
    # The task sent the one real mail, with a link that works.
    assert [message.to for message in mail.outbox] == [["grace.lin@example.org"]]
    link = next(word for word in mail.outbox[0].body.split() if "/admin/password_reset/confirm/" in word)
    # An invalid or expired link answers 200 too, without the form: the form is what shows it works.
    assert 'name="new_password1"' in client.get(link, follow=True).content.decode()
    done = read(client.get(known["Location"])).text
    assert "emailed to you if an account exists for this address" in done


# Content-Security-Policy


def policy(response):
    header = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


@pytest.mark.django_db
def test_public_pages_allow_only_the_sites_own_scripts(client):
    directives = policy(client.get("/"))
    assert directives["default-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert "'unsafe-inline'" not in directives["script-src"] and "'unsafe-eval'" not in directives["script-src"]
    assert "'unsafe-inline'" not in directives["style-src"]
    assert directives["frame-ancestors"] == ["'self'"]


@pytest.mark.django_db
def test_a_template_nonce_is_in_the_header():
    """A template that needs an inline script uses {{ CSP_NONCE }}; the header then names it."""
    from django.http import HttpResponse
    from django.template import engines

    from contributors.csp import CSPMiddleware

    template = engines["django"].from_string('<script nonce="{{ CSP_NONCE }}">1</script>')
    request = RequestFactory().get("/")

    def view(request):
        return HttpResponse(template.render({"CSP_NONCE": request.csp_nonce}, request))

    response = CSPMiddleware(view)(request)
    nonce = response.content.decode().split('nonce="')[1].split('"')[0]
    assert f"'nonce-{nonce}'" in policy(response)["script-src"]


@pytest.mark.django_db
def test_admin_pages_carry_the_policy_with_the_admins_inline_scripts_allowed(client):
    from .conftest import login

    login(client, "marcus.webb")
    response = client.get(reverse("wagtailadmin_explore_root"))
    assert response.status_code == 200
    directives = policy(response)
    assert directives["default-src"] == ["'self'"] and directives["object-src"] == ["'none'"]
    # Wagtail's inline scripts carry no nonce, and a nonce would switch 'unsafe-inline' off.
    assert "'unsafe-inline'" in directives["script-src"]
    assert not any(source.startswith("'nonce-") for source in directives["script-src"])
    assert "'unsafe-eval'" not in directives["script-src"]
    # The sign-in page of the admin is an admin page as well.
    assert "Content-Security-Policy" in client.get(reverse("wagtailadmin_login"))


# Production refuses a weak SECRET_KEY or a wildcard host


@pytest.mark.parametrize("secret_key, reason", [
    ("a" * 64, "too few different characters"),
    ("ab" * 40, "too few different characters"),
    ("changeme-" + production_key(), "placeholder"),
    ("my-secret-key-" + production_key(), "placeholder"),
    ("django-insecure-" + production_key(), "placeholder"),
    ("dev-only-insecure-key-never-use-in-production", "development"),
], ids=["one-character", "two-characters", "changeme", "my-secret-key", "django-insecure", "dev-only"])
def test_production_refuses_a_weak_secret_key(secret_key, reason):
    result = manage("check", SECRET_KEY=secret_key, ALLOWED_HOSTS="commons.example.org")
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "SECRET_KEY" in result.stderr and reason in result.stderr
    assert "secrets.token_urlsafe" in result.stderr


@pytest.mark.parametrize("hosts", ["*", "commons.example.org,*", ".", ".org", "*.example.org"])
def test_production_refuses_a_wildcard_host(hosts):
    result = manage("check", SECRET_KEY=production_key(), ALLOWED_HOSTS=hosts)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "ALLOWED_HOSTS" in result.stderr and "wildcard" in result.stderr


def test_production_accepts_named_hosts_and_their_subdomains():
    result = manage("check", SECRET_KEY=production_key(), ALLOWED_HOSTS="commons.example.org,.commons.example.org")
    assert result.returncode == 0, result.stderr
