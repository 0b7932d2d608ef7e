"""Small findings of the trust review: a title with a line break, the preview of a resource not yet
saved, forged search clicks, and a reuse grant borrowed from another organisation."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

from contributors.models import ContributorProfile, Organisation
from contributors.roles import PARTICIPANTS
from resources.models import Licence, ReuseRequest, ReuseStatus, ToolPage
from resources.review.screening import screen_page
from search.models import SearchClick, SearchQueryLog

from .admin_forms import add_url, resource_form
from .builders import make_tool
from .conftest import login
from .html import read, visit
from .workflow import share_data

pytestmark = pytest.mark.django_db

ONE_LINE = "A title is one line"


# A title with a line break ------------------------------------------------------------------------


@pytest.mark.parametrize("title", ["Huddle card\nfor transition visits", "Huddle card\r\nfor transition visits"])
def test_a_title_with_a_line_break_is_refused_in_the_admin_editor(participant_client, library, title):
    response = participant_client.post(add_url("toolpage", library), resource_form(title=title))
    assert response.status_code == 200
    assert ONE_LINE in read(response).text
    assert not ToolPage.objects.filter(slug="clinic-huddle-card-transition").exists()

    draft = make_tool("Grace's huddle card", slug="graces-huddle-card", live=False, owner="grace.lin")
    edit = reverse("wagtailadmin_pages:edit", args=[draft.pk])
    response = participant_client.post(edit, resource_form(title=title, slug="graces-huddle-card"))
    assert response.status_code == 200 and ONE_LINE in read(response).text
    draft.refresh_from_db()
    assert draft.draft_title == "Grace's huddle card"


def test_a_title_with_a_line_break_is_refused_on_the_share_form(participant_client, mailoutbox):
    response = participant_client.post(reverse("share"), share_data(title="Transition huddle\nsheet"))
    assert response.status_code == 400
    assert ONE_LINE in read(response).text
    assert not ToolPage.objects.filter(title__startswith="Transition huddle").exists()
    assert mailoutbox == []


def test_a_copy_cannot_be_given_a_title_with_a_line_break(editor_client, library):
    source = make_tool("Copyable huddle card", slug="copyable-huddle-card")
    response = editor_client.post(
        reverse("wagtailadmin_pages:copy", args=[source.pk]),
        {"new_title": "Copied\nhuddle card", "new_slug": "copied-huddle-card", "new_parent_page": library.pk},
    )
    assert response.status_code == 200 and ONE_LINE in read(response).text
    assert not ToolPage.objects.filter(slug="copied-huddle-card").exists()


# Previewing a resource not saved yet --------------------------------------------------------------


@pytest.mark.parametrize("licence", ["CC-BY-4.0", "CC-BY-ND-4.0"])
def test_a_new_resource_can_be_previewed_before_it_is_saved(participant_client, library, licence):
    url = reverse("wagtailadmin_pages:preview_on_add", args=["resources", "toolpage", library.pk])
    data = resource_form(title="Preview of a huddle card", licence=Licence.objects.get(spdx_id=licence).pk)
    assert participant_client.post(url, data).json()["is_valid"]
    response = participant_client.get(url)
    assert response.status_code == 200
    seen = read(response)
    assert "Preview of a huddle card" in seen.text
    assert "A five-minute huddle card for the clinic team" in seen.text
    assert not ToolPage.objects.filter(slug="clinic-huddle-card-transition").exists()


# Search clicks ------------------------------------------------------------------------------------

SIGNED_CLICK = re.compile(r"^/search/click/(\d+)/(\d+)/(\d+)/\?sig=[\w:-]+$")


def test_a_click_on_a_result_we_showed_is_recorded(client):
    seen = visit(client, "/search/?q=methotrexate")
    first = next(href for href in seen.hrefs if SIGNED_CLICK.match(href))
    search_id, page_id, position = map(int, SIGNED_CLICK.match(first).groups())
    response = client.get(first)
    assert response.status_code == 302
    click = SearchClick.objects.get(search_id=search_id)
    assert (click.page_id, click.position) == (page_id, position)


def test_forged_or_tampered_clicks_are_not_recorded_but_still_lead_to_the_resource(client):
    seen = visit(client, "/search/?q=methotrexate")
    shown = [SIGNED_CLICK.match(href) for href in seen.hrefs if SIGNED_CLICK.match(href)]
    search_id, page_id, position = map(int, shown[0].groups())
    signature = shown[0].group(0).split("?sig=")[1]
    other = next(int(match.group(2)) for match in shown if int(match.group(2)) != page_id)
    forged = [
        f"/search/click/{search_id}/{page_id}/{position}/",  # no signature
        f"/search/click/{search_id}/{page_id}/7/?sig={signature}",  # another position
        f"/search/click/{search_id}/{other}/{position}/?sig={signature}",  # another result
        f"/search/click/{search_id}/{page_id}/{position}/?sig=forged",
        f"/search/click/{search_id}/{page_id}/{position}/?sig={signature}&next=https://evil.example/",
    ]
    for url in forged:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/library/"), f"{url} sent the visitor to {response['Location']}"
    # Only the last one is signed as shown (extra parameters change nothing); the others count for nothing.
    assert SearchClick.objects.filter(search_id=search_id).count() == 1
    log = SearchQueryLog.objects.get(pk=search_id)
    assert list(log.clicks.values_list("page_id", "position")) == [(page_id, position)]


# A reuse grant is for the requester -----------------------------------------------------------------


def participant(username, organisation):
    """A new participant with a contributor profile in ``organisation``."""
    user = get_user_model().objects.create_user(username, f"{username}@example.org", "improve-together")
    user.groups.add(Group.objects.get(name=PARTICIPANTS))
    ContributorProfile.objects.create(
        user=user, display_name=username.replace(".", " ").title(), slug=username.replace(".", "-"),
        role_in_care="nurse", organisation=organisation,
    )
    return user


def licence_findings(page):
    return [finding.message for finding in screen_page(page) if finding.kind == "licence-incompatible"]


@pytest.fixture
def granted_to_org_a():
    """A no-derivatives resource, and a grant to adapt it for Grace (of Northfield, "org A")."""
    source = make_tool("Infusion suite checklist", slug="infusion-suite-checklist", owner="tom.alvarez",
                       licence="CC-BY-ND-4.0")
    grace = get_user_model().objects.get(username="grace.lin")
    organisation = grace.contributor_profile.organisation
    reuse = ReuseRequest.objects.create(resource=source, requester=grace, organisation=organisation, scope="adapt",
                                        purpose="Shorten it for our infusion suite.")
    reuse.decide(get_user_model().objects.get(username="tom.alvarez"), granted=True)
    assert reuse.status == ReuseStatus.GRANTED
    return source, organisation


def test_another_organisations_grant_does_not_let_an_adaptation_through(granted_to_org_a):
    source, org_a = granted_to_org_a
    org_b = Organisation.objects.exclude(pk=org_a.pk).filter(kind="care-centre").first()
    participant("bea.other", org_b)
    grace_profile = ContributorProfile.objects.get(user__username="grace.lin")
    # Bea (org B) names org A on her adaptation and credits Grace: fields any author may fill in.
    adaptation = make_tool("Bea's infusion checklist", owner="bea.other", licence="CC-BY-ND-4.0",
                           adapted_from=source, organisations=[org_a], contributors=[grace_profile], live=False)
    findings = licence_findings(adaptation)
    assert findings and "needs a recorded reuse grant" in findings[0]


def test_the_grant_covers_its_requester_and_their_organisation(granted_to_org_a):
    source, org_a = granted_to_org_a
    graces = make_tool("Grace's infusion checklist", owner="grace.lin", licence="CC-BY-ND-4.0", adapted_from=source,
                    live=False)
    assert licence_findings(graces) == []
    participant("nia.colleague", org_a)
    colleagues = make_tool("Nia's infusion checklist", owner="nia.colleague", licence="CC-BY-ND-4.0",
                           adapted_from=source, live=False)
    assert licence_findings(colleagues) == []


def test_the_share_form_tells_another_organisations_member_they_need_their_own_grant(client, granted_to_org_a):
    source, org_a = granted_to_org_a
    participant("bea.other", Organisation.objects.exclude(pk=org_a.pk).filter(kind="care-centre").first())
    bea = login(client, "bea.other")
    bea.post(reverse("share"), share_data(title="Bea's adapted checklist", adapted_from=source.title))
    page = ToolPage.objects.get(title="Bea's adapted checklist")
    assert page.current_workflow_state.status == page.current_workflow_state.STATUS_NEEDS_CHANGES
    assert "needs a recorded reuse grant" in visit(bea, reverse("my_contributions")).text
