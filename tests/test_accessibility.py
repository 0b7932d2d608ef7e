"""The pages people fill in and the lists they read, checked for structure (tests/a11y.py)."""

import pytest
from django.urls import reverse

from resources.models import ToolPage

from .a11y import problems
from .conftest import login

pytestmark = pytest.mark.django_db


def check(client, url, method="get", data=None, status=200):
    response = getattr(client, method)(url, data or {})
    assert response.status_code == status
    assert problems(response.content.decode()) == [], url


@pytest.mark.parametrize("url", ["/", "/library/", "/search/?q=checklist", "/people/", "/organisations/"])
def test_public_pages(client, url):
    check(client, url)


def test_a_resource_page(client):
    check(client, ToolPage.objects.live().public().first().url)


def test_the_share_form_and_its_errors(participant_client):
    check(participant_client, "/share/")
    check(participant_client, "/share/", "post", {"title": ""}, status=400)


def test_contributions_reuse_and_editing(client):
    tom = login(client, "tom.alvarez")
    check(tom, reverse("my_contributions"))
    returned = ToolPage.objects.get(slug="infusion-day-welcome-letter")
    check(tom, reverse("edit_contribution", args=[returned.pk]))
    kenji = login(client.__class__(), "kenji.watanabe")
    check(kenji, reverse("reuse_requests"))
    source = ToolPage.objects.get(slug="jia-cjadas10-disease-activity-form")
    check(tom, reverse("request_reuse", args=[source.pk]))
