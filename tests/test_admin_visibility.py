"""Inside the admin, a participant sees published resources and their own or credited drafts only,
whichever route asks: the explorer, page search, the admin API, the page and document choosers,
the reports and the tag suggestions. Reviewers, editors and admins see every draft, as before."""

import datetime
import json

import pytest
from django.urls import reverse

from contributors.models import ContributorProfile
from resources.admin_visibility import pages_visible_in_admin
from resources.models import ResourcePage

from .builders import add_release, make_tool
from .conftest import login
from .html import read
from .workflow import assert_refused

pytestmark = pytest.mark.django_db

# Tom's draft's title (and its file's) holds SECRET, its tag SECRET_TAG; the searches below ask for
# "zephyr", which is nowhere in the demo data, so a page that only repeats the query shows neither.
SECRET = "unfinished zephyr asthma"
SECRET_TAG = "zephyrous"


@pytest.fixture
def toms_draft():
    """Another participant's draft, with a tag nobody else uses and a file waiting in a draft release."""
    page = make_tool(
        "Tom's unfinished zephyr asthma card", slug="toms-zephyr-card", live=False, owner="tom.alvarez",
        tags=("zephyrous",),
    )
    add_release(page, "0.1", datetime.date(2026, 2, 1), "Zephyr card text.", publish=False)
    return page


@pytest.fixture
def credited_draft():
    """A draft Tom owns that credits Grace as an author: she sees it, though Wagtail lets only Tom edit it."""
    grace = ContributorProfile.objects.get(user__username="grace.lin")
    return make_tool("Shared quokka transition card", slug="shared-quokka-card", live=False, owner="tom.alvarez",
                     contributors=[grace])


@pytest.fixture
def graces_draft():
    return make_tool("Grace's own wombat card", slug="graces-wombat-card", live=False, owner="grace.lin")


def text_of(response):
    if response["Content-Type"].startswith("application/json"):
        return json.dumps(response.json())
    return response.content.decode()


def shows(client, url, word):
    if url.startswith("/admin/api/") and "?" in url and "search=" not in url:
        return any(word.lower() in json.dumps(item).lower() for item in api_items(client, url))
    response = client.get(url, follow=True)
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    return word.lower() in text_of(response).lower()


def api_items(client, url):
    """Every item of an admin API listing, 20 at a time (its most)."""
    items, total = [], None
    while total is None or len(items) < total:
        response = client.get(f"{url}&offset={len(items)}")
        assert response.status_code == 200, f"{url} answered {response.status_code}"
        total = response.json()["meta"]["total_count"]
        page = response.json()["items"]
        items += page
        if not page:
            break
    return items


def admin_surfaces(library):
    """Every admin list a participant may open that names pages, documents or tags, with what
    would show Tom's draft there."""
    lists = [
        reverse("wagtailadmin_explore", args=[library.pk]),
        reverse("wagtailadmin_explore", args=[library.pk]) + "?q=zephyr&search_all=1",
        reverse("wagtailadmin_explore_root"),
        reverse("wagtailadmin_pages:search") + "?q=zephyr",
        reverse("wagtailadmin_pages:search_results") + "?q=zephyr",
        reverse("wagtailadmin_pages:type_use", args=["resources", "toolpage"]),
        f"/admin/api/main/pages/?child_of={library.pk}&for_explorer=1",
        f"/admin/api/main/pages/?descendant_of={library.pk}",
        "/admin/api/main/pages/?search=zephyr",
        "/admin/api/main/documents/?limit=20",
        reverse("wagtailadmin_choose_page"),
        reverse("wagtailadmin_choose_page_child", args=[library.pk]),
        reverse("wagtailadmin_choose_page_search") + "?q=zephyr",
        reverse("wagtaildocs_chooser:choose") + "?q=zephyr",
        reverse("wagtaildocs_chooser:choose_results") + "?q=zephyr",
        reverse("wagtailadmin_reports:site_history"),
        reverse("wagtailadmin_reports:page_types_usage"),
        reverse("wagtailadmin_reports:workflow"),
        reverse("wagtailadmin_reports:workflow_tasks"),
        "/admin/",
    ]
    tags = [
        reverse("wagtailadmin_tag_autocomplete") + "?term=zeph",
        reverse("wagtailadmin_tag_model_autocomplete", args=["taggit", "tag"]) + "?term=zeph",
    ]
    return [(url, SECRET) for url in lists] + [(url, SECRET_TAG) for url in tags]


def test_the_rule_in_one_place(toms_draft, credited_draft, graces_draft):
    from django.contrib.auth import get_user_model

    users = get_user_model().objects
    grace_sees = pages_visible_in_admin(users.get(username="grace.lin"))
    assert not grace_sees.filter(pk=toms_draft.pk).exists()
    assert grace_sees.filter(pk=credited_draft.pk).exists() and grace_sees.filter(pk=graces_draft.pk).exists()
    assert grace_sees.filter(pk=ResourcePage.objects.live().first().pk).exists()
    for name in ("tom.alvarez", "samuel.okafor", "marcus.webb", "olivia.chen"):
        assert pages_visible_in_admin(users.get(username=name)).filter(pk=toms_draft.pk).exists(), name


def test_a_participant_finds_no_trace_of_another_participants_draft_in_any_admin_list(
    participant_client, library, toms_draft
):
    leaks = [url for url, secret in admin_surfaces(library) if shows(participant_client, url, secret)]
    assert leaks == [], "these show Tom's draft to Grace"


def test_a_participant_cannot_open_another_participants_draft_by_its_address(participant_client, toms_draft):
    pk, home = toms_draft.pk, reverse("wagtailadmin_home")
    urls = [
        reverse("wagtailadmin_explore", args=[pk]),
        reverse("wagtailadmin_explore_results", args=[pk]),
        reverse("wagtailadmin_pages:edit", args=[pk]),
        reverse("wagtailadmin_pages:view_draft", args=[pk]),
        reverse("wagtailadmin_pages:preview_on_edit", args=[pk]),
        reverse("wagtailadmin_pages:history", args=[pk]),
        reverse("wagtailadmin_pages:revisions_index", args=[pk]),
        reverse("wagtailadmin_pages:workflow_history", args=[pk]),
        reverse("wagtailadmin_pages:usage", args=[pk]),
        reverse("wagtailadmin_pages:copy", args=[pk]),
        reverse("wagtailadmin_pages:move", args=[pk]),
        reverse("wagtailadmin_pages:delete", args=[pk]),
        reverse("wagtailadmin_pages:unpublish", args=[pk]),
        reverse("wagtailadmin_pages:set_privacy", args=[pk]),
        reverse("wagtailadmin_pages:move_confirm", args=[pk, toms_draft.get_parent().pk]),
        reverse("wagtailadmin_pages:revisions_compare", args=[pk, "earliest", "latest"]),
        reverse("wagtailadmin_choose_page_child", args=[pk]),
        f"/admin/api/main/pages/{pk}/",
        f"/admin/api/main/pages/?child_of={pk}&for_explorer=1",
        f"/admin/api/main/documents/{toms_draft.releases.get().files.get().document_id}/",
    ]
    answered = {}
    for url in urls:
        response = participant_client.get(url)
        # Some views send her on to another (revisions to history): that one must refuse her too.
        while response.status_code == 302 and response["Location"] not in (home, url):
            response = participant_client.get(response["Location"])
        # (The admin API answers 400, "parent page doesn't exist", for a child_of it cannot see.)
        refused = response.status_code in (400, 403, 404) or response.get("Location") == home
        if not refused or SECRET in text_of(response).lower():
            answered[url] = (response.status_code, SECRET in text_of(response).lower())
    assert answered == {}, "these show Tom's draft to Grace, or do not refuse her"


def test_a_participant_sees_published_resources_and_their_own_and_credited_drafts(
    participant_client, library, credited_draft, graces_draft
):
    listing = read(participant_client.get(reverse("wagtailadmin_explore", args=[library.pk]) + "?q=card&search_all=1"))
    assert "Shared quokka transition card" in listing and "Grace's own wombat card" in listing
    live = ResourcePage.objects.live()
    live = live.filter(owner__username="tom.alvarez").first() or live.first()
    assert shows(participant_client, f"/admin/api/main/pages/{live.pk}/", live.title)
    assert shows(participant_client, reverse("wagtailadmin_choose_page_search") + "?q=quokka", "quokka")
    # Seeing a credited draft is not editing it: Wagtail leaves that to its owner.
    assert_refused(participant_client.get(reverse("wagtailadmin_pages:edit", args=[credited_draft.pk])))


@pytest.mark.parametrize("username", ["samuel.okafor", "marcus.webb", "olivia.chen"])
def test_reviewers_editors_and_admins_still_see_every_draft(client, library, toms_draft, username):
    login(client, username)
    for url, secret in [
        (reverse("wagtailadmin_explore", args=[library.pk]) + "?q=zephyr&search_all=1", SECRET),
        (reverse("wagtailadmin_pages:search") + "?q=zephyr", SECRET),
        (f"/admin/api/main/pages/{toms_draft.pk}/", SECRET),
        (f"/admin/api/main/pages/?child_of={library.pk}&for_explorer=1", SECRET),
        (reverse("wagtailadmin_choose_page_search") + "?q=zephyr", SECRET),
        (reverse("wagtaildocs_chooser:choose") + "?q=zephyr", SECRET),
        (reverse("wagtailadmin_tag_autocomplete") + "?term=zeph", SECRET_TAG),
        (reverse("wagtailadmin_explore", args=[toms_draft.pk]), SECRET),
    ]:
        assert shows(client, url, secret), f"{url} hides Tom's draft from {username}"


def test_share_form_suggests_tags_of_published_resources_only(participant_client, toms_draft, graces_draft):
    graces_draft.tags.add("wombatish")
    graces_draft.save()
    page = participant_client.get(reverse("share")).content.decode()  # suggestions are a <datalist>
    assert "zephyrous" not in page
    assert "wombatish" in page  # her own draft's tag
    live_tag = ResourcePage.objects.live().filter(tagged_items__isnull=False).first().tags.first().name
    assert live_tag in page
