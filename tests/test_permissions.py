"""The four roles in the admin (contributors/roles.py), and the admin views that must refuse
people who cannot edit a page (revisions, history, preview, copy)."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

from contributors.roles import EDITORS, NETWORK_ADMINS, PARTICIPANTS, REVIEWERS
from resources.models import Condition, Licence, ResourcePage, ToolPage

from .admin_forms import add_url, resource_form
from .builders import make_tool
from .conftest import login
from .html import read
from .workflow import assert_refused

pytestmark = pytest.mark.django_db

User = get_user_model()
SLUG = "clinic-huddle-card-transition"  # the slug admin_forms.resource_form uses
DRAFT_WORDS = "unfinished asthma"  # in the title of Tom's draft (toms_draft)


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


@pytest.fixture
def toms_draft():
    """A draft by another participant, Tom Alvarez."""
    return make_tool("Tom's unfinished asthma card", slug="toms-unfinished-card", live=False, owner="tom.alvarez")


@pytest.fixture
def toms_live_page():
    """A live resource by Tom, with the fields the admin form in admin_forms.py fills in."""
    return make_tool("Clinic huddle card for transition visits", slug=SLUG, live=True, owner="tom.alvarez")


def test_role_groups_exist_with_their_people():
    for group, username in [
        (PARTICIPANTS, "grace.lin"), (REVIEWERS, "samuel.okafor"), (EDITORS, "marcus.webb"),
        (NETWORK_ADMINS, "olivia.chen"),
    ]:
        assert User.objects.get(username=username).groups.filter(name=group).exists()


def test_anonymous_visitor_is_sent_to_the_admin_sign_in(client, toms_live_page):
    for url in ["/admin/", edit_url(toms_live_page), reverse("wagtailsnippets_resources_licence:list")]:
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("wagtailadmin_login"))


# Participants


def test_participant_opens_the_admin(participant_client):
    response = participant_client.get("/admin/")
    assert response.status_code == 200
    assert "Improvement Commons" in response.content.decode()


def test_participant_creates_a_draft_and_keeps_editing_it(participant_client, library, client):
    response = participant_client.post(add_url("toolpage", library), resource_form())
    assert response.status_code == 302
    page = ToolPage.objects.get(slug=SLUG)
    assert not page.live and page.owner.username == "grace.lin"
    editor = participant_client.get(edit_url(page))
    assert editor.status_code == 200
    assert "Clinic huddle card for transition visits" in editor.content.decode()
    response = participant_client.post(edit_url(page), resource_form(title="Huddle card, second draft"))
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.draft_title == "Huddle card, second draft" and not page.live


def test_participant_cannot_publish_even_their_own_draft(participant_client, library, client):
    licence = Licence.objects.get(spdx_id="CC-BY-4.0")
    participant_client.post(add_url("toolpage", library), resource_form(licence=licence.pk))
    page = ToolPage.objects.get(slug=SLUG)
    participant_client.post(edit_url(page), resource_form(licence=licence.pk, **{"action-publish": "publish"}))
    page.refresh_from_db()
    assert not page.live and page.first_published_at is None
    client.logout()
    assert client.get("/library/" + SLUG + "/").status_code == 404


def test_participant_cannot_edit_other_peoples_pages(participant_client, toms_live_page):
    demo_page = ResourcePage.objects.exclude(pk=toms_live_page.pk).live().first()
    for page in (toms_live_page, demo_page):
        assert_refused(participant_client.get(edit_url(page)))
    revisions = toms_live_page.revisions.count()
    response = participant_client.post(edit_url(toms_live_page), resource_form(title="Taken over"))
    assert_refused(response)
    toms_live_page.refresh_from_db()
    assert toms_live_page.revisions.count() == revisions
    assert toms_live_page.draft_title == "Clinic huddle card for transition visits"


def test_participant_cannot_open_the_licence_snippets(participant_client):
    assert_refused(participant_client.get(reverse("wagtailsnippets_resources_licence:list")))
    assert_refused(participant_client.get(reverse("wagtailsnippets_resources_licence:add")))
    before = Licence.objects.count()
    response = participant_client.post(
        reverse("wagtailsnippets_resources_licence:add"),
        {"name": "Participant's licence", "spdx_id": "MIT", "summary": "Anything goes."},
    )
    assert_refused(response)
    assert Licence.objects.count() == before


def test_participant_cannot_see_another_participants_draft(participant_client, toms_draft):
    assert_refused(participant_client.get(edit_url(toms_draft)), secret=DRAFT_WORDS)
    # Nor on the public site, where a draft does not exist.
    response = participant_client.get("/library/toms-unfinished-card/")
    assert response.status_code == 404
    assert DRAFT_WORDS not in response.content.decode()


# Advisory-style checks: views that show a page's content or history refuse people who cannot
# edit it (revision compare, history, preview, view draft), and copying it is refused.


def _advisory_requests(page):
    revision = page.latest_revision
    return {
        "history": ("get", reverse("wagtailadmin_pages:history", args=[page.pk]), None),
        "history results": ("get", reverse("wagtailadmin_pages:history_results", args=[page.pk]), None),
        "revision view": ("get", reverse("wagtailadmin_pages:revisions_view", args=[page.pk, revision.pk]), None),
        "revision compare": (
            "get",
            reverse("wagtailadmin_pages:revisions_compare", args=[page.pk, "earliest", "latest"]),
            None,
        ),
        "revision compare by id": (
            "get",
            reverse("wagtailadmin_pages:revisions_compare", args=[page.pk, revision.pk, revision.pk]),
            None,
        ),
        "view draft": ("get", reverse("wagtailadmin_pages:view_draft", args=[page.pk]), None),
        "preview (get)": ("get", reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk]), None),
        "preview (post)": (
            "post",
            reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk]),
            resource_form(title=page.title, slug=page.slug),
        ),
        "workflow history": ("get", reverse("wagtailadmin_pages:workflow_history", args=[page.pk]), None),
    }


ADVISORY_VIEWS = [
    "history", "history results", "revision view", "revision compare", "revision compare by id", "view draft",
    "preview (get)", "preview (post)", "workflow history",
]


@pytest.mark.parametrize("view", ADVISORY_VIEWS)
def test_views_of_a_page_refuse_participants_who_cannot_edit_it(participant_client, toms_draft, view):
    method, url, data = _advisory_requests(toms_draft)[view]
    response = getattr(participant_client, method)(url, data) if data else getattr(participant_client, method)(url)
    assert_refused(response, secret=DRAFT_WORDS)


@pytest.mark.parametrize("view", ["history", "revision view", "revision compare", "view draft", "preview (get)"])
def test_views_of_a_page_open_for_its_owner(client, toms_draft, view):
    """The refusals above are about permission: the page's owner gets the same views."""
    login(client, "tom.alvarez")
    method, url, _ = _advisory_requests(toms_draft)[view]
    if view == "preview (get)":
        client.post(url, resource_form(title=toms_draft.title, slug=toms_draft.slug))
    response = client.get(url)
    assert response.status_code == 200
    assert DRAFT_WORDS in read(response), f"{view}: the owner does not see the draft"


@pytest.mark.parametrize("query", ["", "?fields=*", "?fields=summary,body"])
def test_admin_pages_api_does_not_reveal_a_draft_to_participants_who_cannot_edit_it(
    participant_client, toms_draft, query
):
    """The explorer and the admin pages API show page titles across the library (Wagtail's design;
    see the report), never the draft's content."""
    response = participant_client.get(f"/admin/api/main/pages/{toms_draft.pk}/{query}")
    assert response.status_code in (200, 400, 403, 404)
    assert toms_draft.summary not in response.content.decode()


def test_participant_cannot_copy_a_page_they_cannot_edit(participant_client, toms_draft, library):
    url = reverse("wagtailadmin_pages:copy", args=[toms_draft.pk])
    assert_refused(participant_client.get(url), secret=DRAFT_WORDS)
    response = participant_client.post(url, {
        "new_title": "My copy of Tom's card", "new_slug": "my-copy-of-toms-card", "new_parent_page": library.pk,
        "copy_subpages": "", "publish_copies": "", "alias": "",
    })
    assert_refused(response)
    assert not ResourcePage.objects.filter(slug="my-copy-of-toms-card").exists()


def test_participant_cannot_copy_a_live_demo_page(participant_client, library):
    page = ResourcePage.objects.live().first()
    response = participant_client.post(reverse("wagtailadmin_pages:copy", args=[page.pk]), {
        "new_title": "Copied", "new_slug": "copied-demo-page", "new_parent_page": library.pk,
    })
    assert_refused(response)
    assert not ResourcePage.objects.filter(slug="copied-demo-page").exists()


# Reviewers


def test_reviewer_edits_any_resource_but_cannot_publish(client, toms_live_page):
    login(client, "samuel.okafor")
    demo_page = ResourcePage.objects.exclude(pk=toms_live_page.pk).live().first()
    response = client.get(edit_url(demo_page))
    assert response.status_code == 200 and demo_page.title in response.content.decode()

    licence = Licence.objects.get(spdx_id="CC-BY-4.0")
    response = client.post(edit_url(toms_live_page), resource_form(title="Reviewed huddle card", licence=licence.pk))
    assert response.status_code == 302
    page = ToolPage.objects.get(pk=toms_live_page.pk)
    assert page.draft_title == "Reviewed huddle card" and page.has_unpublished_changes
    assert page.latest_revision.user.username == "samuel.okafor"

    client.post(edit_url(page), resource_form(title="Reviewed and published?", licence=licence.pk,
                                              **{"action-publish": "publish"}))
    page.refresh_from_db()
    assert page.title == "Clinic huddle card for transition visits"  # the live version is unchanged
    assert page.draft_title == "Reviewed and published?"
    client.logout()
    public = client.get(page.url).content.decode()
    assert "Clinic huddle card for transition visits" in public and "Reviewed" not in public


def test_reviewer_cannot_publish_from_the_publish_or_unpublish_views(client, toms_live_page):
    login(client, "samuel.okafor")
    response = client.post(reverse("wagtailadmin_pages:unpublish", args=[toms_live_page.pk]))
    assert_refused(response)
    assert ToolPage.objects.get(pk=toms_live_page.pk).live


# Editors


def test_editor_publishes_a_reviewed_draft(editor_client, toms_live_page, client):
    licence = Licence.objects.get(spdx_id="CC-BY-4.0")
    response = editor_client.post(
        edit_url(toms_live_page),
        resource_form(title="Huddle card, reviewed", licence=licence.pk, **{"action-publish": "publish"}),
    )
    assert response.status_code == 302
    page = ToolPage.objects.get(pk=toms_live_page.pk)
    assert page.live and page.title == "Huddle card, reviewed" and not page.has_unpublished_changes
    assert "Huddle card, reviewed" in client.get(page.url).content.decode()


def test_editor_creates_a_licence_and_a_condition(editor_client):
    response = editor_client.post(reverse("wagtailsnippets_resources_licence:add"), {
        "name": "MIT licence for tools", "spdx_id": "MIT", "url": "", "summary": "Use it freely, keep the notice.",
        "allows_commercial_use": "on", "allows_derivatives": "on", "requires_attribution": "on",
    }, follow=True)  # as a browser does: the admin's listing shows (and uses up) its message
    assert response.redirect_chain and "MIT licence for tools" in response.content.decode()
    assert Licence.objects.get(name="MIT licence for tools").spdx_id == "MIT"

    response = editor_client.post(reverse("wagtailsnippets_resources_condition:add"), {
        "name": "Cystic fibrosis", "slug": "cystic-fibrosis", "description": "Children with CF.",
        "network_name": "CF Learning Network",
    }, follow=True)
    assert response.redirect_chain and "Cystic fibrosis" in response.content.decode()
    condition = Condition.objects.get(slug="cystic-fibrosis")
    assert condition.network_name == "CF Learning Network"
    # The new condition is a library filter as soon as a published resource carries it (filters
    # list only values that match something).
    assert "Cystic fibrosis" not in editor_client.get("/library/").content.decode()
    page = ResourcePage.objects.live().public().order_by("pk").first().specific
    page.conditions.add(condition)
    page.save_revision().publish()
    library = editor_client.get("/library/").content.decode()
    assert re.search(
        r'value="cystic-fibrosis">\s*<label[^>]*>Cystic fibrosis <span class="count">\(1\)</span>', library
    )


def test_editor_cannot_add_users(editor_client):
    assert_refused(editor_client.get(reverse("wagtailusers_users:index")))
    assert_refused(editor_client.get(reverse("wagtailusers_users:add")))
    response = editor_client.post(reverse("wagtailusers_users:add"), {
        "username": "sneaky", "email": "sneaky@example.org", "first_name": "S", "last_name": "N",
        "password1": "a-long-password-2026", "password2": "a-long-password-2026",
    })
    assert_refused(response)
    assert not User.objects.filter(username="sneaky").exists()


# Network admins


def test_network_admin_adds_a_user_to_a_role(client):
    login(client, "olivia.chen")
    index = client.get(reverse("wagtailusers_users:index"))
    assert index.status_code == 200 and "grace.lin" in index.content.decode()
    participants = Group.objects.get(name=PARTICIPANTS)
    response = client.post(reverse("wagtailusers_users:add"), {
        "username": "nadia.farouk", "email": "nadia.farouk@example.org", "first_name": "Nadia",
        "last_name": "Farouk", "password1": "improve-together-2026", "password2": "improve-together-2026",
        "groups": [participants.pk],
    })
    assert response.status_code == 302
    user = User.objects.get(username="nadia.farouk")
    assert list(user.groups.values_list("name", flat=True)) == [PARTICIPANTS]
    assert not user.is_superuser
    # The new participant can sign in to the admin and start a resource.
    client.force_login(user)
    assert client.get("/admin/").status_code == 200


# Only administrators (superusers) make or change administrators: network admins hold every
# permission, and Wagtail's user form would otherwise let them tick "Administrator".


def user_form(username, **extra):
    return {
        "username": username, "email": f"{username}@example.org", "first_name": "New", "last_name": "Person",
        "password1": "a long enough passphrase 42", "password2": "a long enough passphrase 42",
        "groups": [Group.objects.get(name=PARTICIPANTS).pk], **extra,
    }


def test_a_network_admin_adds_people_but_cannot_make_an_administrator(client):
    admin = login(client, "olivia.chen")
    assert not User.objects.get(username="olivia.chen").is_superuser
    form = admin.get(reverse("wagtailusers_users:add")).content.decode()
    assert 'name="is_superuser"' not in form
    response = admin.post(reverse("wagtailusers_users:add"), user_form("new.person", is_superuser="on"))
    assert response.status_code == 302
    created = User.objects.get(username="new.person")
    assert not created.is_superuser and created.groups.filter(name=PARTICIPANTS).exists()

    admin.post(
        reverse("wagtailusers_users:edit", args=[created.pk]),
        {**user_form("new.person"), "is_superuser": "on", "is_active": "on"},
    )
    created.refresh_from_db()
    assert not created.is_superuser


def test_a_network_admin_cannot_change_or_delete_an_administrator(client):
    root = User.objects.create_superuser("root.admin", "root@example.org", "another long passphrase 42")
    admin = login(client, "olivia.chen")
    assert admin.get(reverse("wagtailusers_users:edit", args=[root.pk])).status_code in (302, 403)
    admin.post(reverse("wagtailusers_users:edit", args=[root.pk]), {**user_form("root.admin"), "is_active": "on"})
    assert admin.post(reverse("wagtailusers_users:delete", args=[root.pk])).status_code in (302, 403)
    root.refresh_from_db()
    assert root.check_password("another long passphrase 42") and root.is_superuser and root.email == "root@example.org"

    superuser_client = client.__class__()
    superuser_client.force_login(root)
    assert 'name="is_superuser"' in superuser_client.get(reverse("wagtailusers_users:add")).content.decode()
