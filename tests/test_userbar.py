"""Wagtail's userbar on the public site (commons_site/templatetags/site_userbar.py): shown where it
offers its viewer something beyond the admin link the navigation already gives."""

import pytest
from django.test import RequestFactory
from django.urls import reverse

from resources.models import ToolPage

from .builders import make_tool
from .conftest import login

USERBAR = 'id="wagtail-userbar-template"'


def shows_userbar(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return USERBAR in response.content.decode()


def someone_elses_tool():
    return ToolPage.objects.live().public().exclude(owner__username="grace.lin").order_by("pk").first()


@pytest.mark.django_db
@pytest.mark.parametrize("username, expected", [
    (None, False), ("grace.lin", False), ("samuel.okafor", True), ("marcus.webb", True), ("olivia.chen", True),
])
def test_on_someone_else_s_page_only_those_who_may_edit_it_get_the_userbar(client, username, expected):
    assert shows_userbar(login(client, username), someone_elses_tool().url) is expected


@pytest.mark.django_db
def test_a_participant_gets_the_userbar_on_their_own_page(client):
    own = make_tool("Grace's clinic checklist", owner="grace.lin")
    assert shows_userbar(login(client, "grace.lin"), own.url)
    assert not shows_userbar(login(client, "tom.alvarez"), own.url)


@pytest.mark.django_db
@pytest.mark.parametrize("username, expected", [("grace.lin", False), ("samuel.okafor", True), ("marcus.webb", True)])
def test_off_the_page_tree_those_who_edit_others_pages_get_it(client, username, expected):
    assert shows_userbar(login(client, username), reverse("contributor_list")) is expected


@pytest.mark.django_db
def test_the_admin_preview_keeps_it_for_the_author(client):
    """The preview's userbar carries the accessibility checker an author runs before submitting."""
    own = make_tool("Grace's preview checklist", owner="grace.lin", live=False)
    other = someone_elses_tool()
    login(client, "grace.lin")
    signed_in = RequestFactory().get("/", HTTP_COOKIE=client.cookies.output(header="", sep=";"))
    for page in (own, other):  # the preview is the userbar's, whoever's page it is
        response = page.make_preview_request(original_request=signed_in)
        assert response.status_code == 200
        assert USERBAR in response.content.decode()
