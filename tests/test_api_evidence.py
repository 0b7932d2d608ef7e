"""The learning loop in the API and search (docs/api.md, docs/evidence.md "Evidence in the API and
search"): /api/v1/measures/, /api/v1/series/, /api/v1/adoptions/ with the site's visibility rules,
and the "with evidence of improvement" filter on /search/, /library/ and /api/v1/resources/, on the
demo network's series (resources/demo/content/series.yaml)."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from contributors.models import Organisation
from contributors.tokens import create_token
from resources.indexing import evidence as index_evidence
from resources.indexing.access import keys_for_request
from resources.models import Adoption, Measure, ResourcePage, Series

from .builders import make_change_package, make_series, make_tool
from .conftest import login
from .html import visit

pytestmark = pytest.mark.django_db


def token(username="tom.alvarez"):
    return create_token(get_user_model().objects.get(username=username), "Tests")[1]


def get(path, secret=None, **params):
    headers = {"HTTP_AUTHORIZATION": f"Token {secret}"} if secret else {}
    return Client().get(path, params, **headers)


def titles(body):
    return {item["title"] for item in body["results"]}


def series(title):
    return Series.objects.get(title=title)


PUBLIC = {"Bayside new diagnoses under 18", "Eastgate young adults transferred", "Lakeshore IBD clinic",
          "Riverbend rheumatology clinic"}
NETWORK = {"Kingsbridge diabetes clinic", "Northfield IBD clinic, pre-visit planning",
           "Northfield IBD clinic, all patients", "Northfield IBD admissions"}


@pytest.fixture
def hidden():
    """A series of a draft package, a public series of a network-only package, and a member's token."""
    northfield = Organisation.objects.get(slug="northfield-childrens")
    draft = make_change_package("Zebrafinch draft package", live=False)
    restricted = ResourcePage.objects.get(slug="ibd-anaemia-reduction-change-package")
    return {
        "draft": make_series(draft.measures.get(), organisation=northfield, title="Zebrafinch draft series",
                             visibility="public"),
        "restricted": make_series(restricted.specific.measures.first(), organisation=northfield,
                                  title="Zebrafinch anaemia series", visibility="public", show_centre=True),
        "token": token(),
    }


# /api/v1/series/ ------------------------------------------------------------------------------------


def test_anonymous_callers_see_public_series_of_public_packages_only(hidden):
    body = get("/api/v1/series/", page_size=100).json()
    assert titles(body) == PUBLIC
    for item in body["results"]:
        assert get(item["api_url"]).status_code == 200
    for title in [*NETWORK, "Zebrafinch draft series", "Zebrafinch anaemia series"]:
        response = get(f"/api/v1/series/{series(title).pk}/")
        assert response.status_code == 404, title
        assert response.json()["detail"].startswith("No data series with this id is visible to you.")


def test_a_members_token_shows_network_series_too_but_never_a_drafts(hidden):
    body = get("/api/v1/series/", hidden["token"], page_size=100).json()
    assert titles(body) == PUBLIC | NETWORK | {"Zebrafinch anaemia series"}
    assert get(f"/api/v1/series/{series('Kingsbridge diabetes clinic').pk}/", hidden["token"]).status_code == 200
    assert get(f"/api/v1/series/{hidden['draft'].pk}/", hidden["token"]).status_code == 404
    # The session cookie of a signed-in browser says nothing: only a token does.
    member = login(Client(), "tom.alvarez")
    assert member.get(f"/api/v1/series/{series('Kingsbridge diabetes clinic').pk}/").status_code == 404


def test_the_centre_is_named_where_the_site_names_it(hidden):
    listed = {item["title"]: item for item in get("/api/v1/series/", page_size=100).json()["results"]}
    assert listed["Bayside new diagnoses under 18"]["centre"]["slug"] == "bayside-diabetes-centre"
    assert listed["Eastgate young adults transferred"]["centre"] is None  # public, centre not named
    eastgate = series("Eastgate young adults transferred")
    assert get(f"/api/v1/series/{eastgate.pk}/").json()["centre"] is None
    member = get(f"/api/v1/series/{eastgate.pk}/", hidden["token"]).json()
    assert member["centre"]["name"] == eastgate.organisation.name
    # Nor can a centre not named be found by filtering on it.
    assert get("/api/v1/series/", organisation="eastgate-university-childrens").json()["count"] == 0
    assert get("/api/v1/series/", hidden["token"], organisation="eastgate-university-childrens").json()["count"] == 1


def test_a_series_in_full_with_its_chart_and_the_judgement_of_its_change():
    bayside = series("Bayside new diagnoses under 18")
    body = get(f"/api/v1/series/{bayside.pk}/").json()
    assert (body["kind"], body["chart_kind"], body["points"], body["unit"], body["desired_direction"]) == (
        "rates", "p", 24, "%", "down")
    assert body["measure"]["name"] == "DKA at diagnosis"
    assert body["package"]["title"] == bayside.package.title
    assert body["data"][0] == {"period": "2024-01-01", "value": 9 / 22, "numerator": 9.0, "denominator": 22.0}
    (note,) = body["annotations"]
    assert note["is_change"] and note["date"] == "2025-01-01"
    campaign = ResourcePage.objects.get(slug="t1d-dka-at-diagnosis-awareness-campaign-pack")
    assert note["resource"]["title"] == campaign.title
    chart = body["chart"]
    assert chart["kind"] == "p" and len(chart["phases"]) == 2
    first, second = chart["phases"]
    assert (first["first_period"], first["last_period"], second["first_period"]) == (
        "2024-01-01", "2024-12-01", "2025-01-01")
    assert len(first["lower"]) == len(first["upper"]) == 12
    assert first["centre"] == pytest.approx(75 / 214)  # Σ numerators / Σ denominators of 2024
    (change,) = body["changes"]
    assert change["improved"] is True and change["reason"] == ""
    assert change["change_idea"] == "Run a local awareness campaign"
    assert any("shift down, the desired direction" in signal["text"] for signal in change["signals"])
    assert body["chart_error"] == "" and body["csv_url"].endswith(f"/evidence/series/{bayside.pk}.csv")


def test_a_change_without_a_signal_says_why(hidden):
    lakeshore = get(f"/api/v1/series/{series('Lakeshore IBD clinic').pk}/").json()
    (change,) = lakeshore["changes"]
    assert change["improved"] is False
    assert change["reason"] == "No special-cause signal in the desired direction after the change."
    steady = get(f"/api/v1/series/{series('Northfield IBD admissions').pk}/", hidden["token"]).json()
    assert steady["changes"] == [] and steady["chart"]["kind"] == "xmr"
    assert [note["is_change"] for note in steady["annotations"]] == [False]


def test_a_note_s_resource_is_named_only_to_those_who_may_see_it(hidden):
    network_tool = ResourcePage.objects.live().filter(licence__network_only=True).first()
    eastgate = series("Eastgate young adults transferred")
    eastgate.annotations.create(date=datetime.date(2025, 6, 1), text="Tried the members' tool.", resource=network_tool)
    notes = get(f"/api/v1/series/{eastgate.pk}/").json()["annotations"]
    assert notes[-1]["text"] == "Tried the members' tool." and notes[-1]["resource"] is None
    notes = get(f"/api/v1/series/{eastgate.pk}/", hidden["token"]).json()["annotations"]
    assert notes[-1]["resource"]["id"] == network_tool.pk


def test_series_filters(hidden):
    ssfr = Measure.objects.get(name="Sustained steroid-free remission")
    assert titles(get("/api/v1/series/", measure=ssfr.pk).json()) == {"Lakeshore IBD clinic"}
    assert titles(get("/api/v1/series/", hidden["token"], measure=ssfr.pk).json()) == {
        "Lakeshore IBD clinic", "Northfield IBD clinic, all patients"}
    package = ssfr.page_id
    assert len(titles(get("/api/v1/series/", hidden["token"], package=package).json())) == 4
    assert titles(get("/api/v1/series/", organisation="riverbend-childrens").json()) == {
        "Riverbend rheumatology clinic"}
    for parameter, value in (("measure", "x"), ("package", "-1"), ("organisation", "nowhere")):
        response = get("/api/v1/series/", **{parameter: value})
        assert response.status_code == 400 and parameter in response.json()["errors"]


# /api/v1/measures/ ----------------------------------------------------------------------------------


def test_measures_count_the_series_the_caller_may_see(hidden):
    ssfr = Measure.objects.get(name="Sustained steroid-free remission")
    anonymous = get(f"/api/v1/measures/{ssfr.pk}/").json()
    assert (anonymous["name"], anonymous["kind"], anonymous["unit"], anonymous["desired_direction"]) == (
        "Sustained steroid-free remission", "outcome", "%", "up")
    assert anonymous["operational_definition"].startswith("A patient is in sustained steroid-free remission")
    assert anonymous["package"]["id"] == ssfr.page_id
    assert anonymous["series_count"] == 1
    assert get(f"/api/v1/measures/{ssfr.pk}/", hidden["token"]).json()["series_count"] == 2
    assert get(anonymous["series_api_url"]).json()["count"] == 1
    listed = get("/api/v1/measures/", package=ssfr.page_id).json()
    assert [item["name"] for item in listed["results"]] == list(
        ssfr.page.measures.values_list("name", flat=True))


def test_measures_of_a_draft_or_members_only_package_are_hidden(hidden):
    for measure in (hidden["draft"].measure, hidden["restricted"].measure):
        assert get(f"/api/v1/measures/{measure.pk}/").status_code == 404
    every = {item["id"] for item in get("/api/v1/measures/", page_size=100).json()["results"]}
    assert hidden["draft"].measure_id not in every and hidden["restricted"].measure_id not in every
    assert get(f"/api/v1/measures/{hidden['restricted'].measure_id}/", hidden["token"]).status_code == 200
    assert get(f"/api/v1/measures/{hidden['draft'].measure_id}/", hidden["token"]).status_code == 404


# /api/v1/adoptions/ ---------------------------------------------------------------------------------


def test_adoption_marks_name_only_the_centres_that_agreed(hidden):
    marks = get("/api/v1/adoptions/", page_size=100).json()["results"]
    demo = Adoption.objects.filter(resource__in=ResourcePage.objects.live().public())
    assert len(marks) == demo.count() and len(marks) >= 9
    by_centre = {}
    for item in marks:
        assert set(item) == {"id", "resource", "centre", "in_use", "started_on", "stopped_on", "version",
                             "outcome", "answered_on", "evidence_series"}  # never a note or who marked it
        by_centre.setdefault(item["centre"]["slug"] if item["centre"] else None, []).append(item)
    unnamed = Adoption.objects.filter(public=False, pk__in=[item["id"] for item in marks])
    assert len(by_centre[None]) == unnamed.count() >= 2
    assert "kingsbridge-community-paediatrics" not in by_centre and "prairie-childrens" not in by_centre
    assert get("/api/v1/adoptions/", organisation="kingsbridge-community-paediatrics").json()["count"] == 0
    riverbend = by_centre["riverbend-childrens"][0]
    assert (riverbend["in_use"], riverbend["stopped_on"], riverbend["outcome"]) == (False, "2025-09-01", "partly")
    assert get("/api/v1/adoptions/", in_use="false").json()["count"] == 1


def test_a_marks_series_is_shown_to_those_who_may_see_it(hidden):
    bayside = Adoption.objects.get(organisation__slug="bayside-diabetes-centre")
    planning = Adoption.objects.get(organisation__slug="northfield-childrens",
                                    resource__slug="ibd-pre-visit-planning-checklist")
    anonymous = {item["id"]: item for item in get("/api/v1/adoptions/", page_size=100).json()["results"]}
    assert anonymous[bayside.pk]["evidence_series"]["title"] == "Bayside new diagnoses under 18"
    assert anonymous[planning.pk]["evidence_series"] is None  # a members-only series
    member = {item["id"]: item for item in get("/api/v1/adoptions/", hidden["token"], page_size=100).json()["results"]}
    assert member[planning.pk]["evidence_series"]["title"] == "Northfield IBD clinic, pre-visit planning"


def test_marks_of_a_resource_no_one_may_see_are_never_listed(hidden):
    draft = make_tool("Zebrafinch draft tool", live=False)
    centre = Organisation.objects.get(slug="northfield-childrens")
    Adoption.objects.create(resource=draft, organisation=centre, public=True, started_on=datetime.date(2025, 1, 1))
    for secret in (None, hidden["token"]):
        body = get("/api/v1/adoptions/", secret, page_size=100).json()
        assert draft.pk not in {item["resource"]["id"] for item in body["results"]}
        assert get("/api/v1/adoptions/", secret, resource=draft.pk).json()["count"] == 0


# Query counts ----------------------------------------------------------------------------------------


def test_the_lists_and_a_series_take_a_fixed_number_of_queries(hidden, django_assert_max_num_queries):
    bayside = series("Bayside new diagnoses under 18")
    for path in ("/api/v1/series/", "/api/v1/measures/", "/api/v1/adoptions/"):
        for secret in (None, hidden["token"]):
            # The token, its member's groups and permissions, visibility, the count and the page: about 10
            # with 2 items or 100 (no query per item).
            with django_assert_max_num_queries(10):
                assert get(path, secret, page_size=100).status_code == 200
    for secret in (None, hidden["token"]):
        with django_assert_max_num_queries(12):  # the series, its points, notes and their resources
            assert get(f"/api/v1/series/{bayside.pk}/", secret).status_code == 200


# "With evidence of improvement" --------------------------------------------------------------------


# Public series showing improvement: their packages and the tools their changes name.
PUBLIC_EVIDENCE = {
    "t1d-dka-prevention-change-package", "t1d-dka-at-diagnosis-awareness-campaign-pack",
    "transition-to-adult-care-change-package", "adolescent-transition-readiness-checklist-t1d-and-fontan",
    "jia-inactive-disease-and-uveitis-screening-change-package", "jia-cjadas10-disease-activity-form",
}
# Members-only series showing improvement (Kingsbridge, Northfield); Lakeshore's public change shows none.
MEMBERS_EVIDENCE = {
    "t1d-technology-equity-change-package", "t1d-cgm-start-checklist",
    "ibd-steroid-free-remission-change-package", "ibd-pre-visit-planning-checklist",
}


def slugs(ids):
    return set(ResourcePage.objects.filter(pk__in=ids).values_list("slug", flat=True))


def test_the_api_filters_by_evidence_as_the_caller_may_know_it(hidden):
    anonymous = get("/api/v1/resources/", evidence="yes", page_size=100).json()
    assert slugs(item["id"] for item in anonymous["results"]) == PUBLIC_EVIDENCE
    member = get("/api/v1/resources/", hidden["token"], evidence="yes", page_size=100).json()
    assert slugs(item["id"] for item in member["results"]) == PUBLIC_EVIDENCE | MEMBERS_EVIDENCE
    (facet,) = [facet for facet in member["facets"] if facet["name"] == "evidence"]
    assert facet["values"] == [{"value": "yes", "label": "With evidence of improvement",
                                "count": len(PUBLIC_EVIDENCE | MEMBERS_EVIDENCE), "selected": True}]
    # A key typed by hand finds nothing.
    assert get("/api/v1/resources/", evidence="public").status_code == 400


@pytest.mark.parametrize("path", ["/search/", "/library/"])
def test_the_search_page_and_the_library_filter_by_evidence(client, path):
    urls = {slug: ResourcePage.objects.get(slug=slug).url for slug in PUBLIC_EVIDENCE | MEMBERS_EVIDENCE}

    def listed(visitor):
        return {slug for slug, url in urls.items() if url in visit(visitor, f"{path}?evidence=yes").hrefs}

    assert "With evidence of improvement" in visit(client, path).text
    assert listed(client) == PUBLIC_EVIDENCE
    assert listed(login(Client(), "tom.alvarez")) == PUBLIC_EVIDENCE | MEMBERS_EVIDENCE


def test_network_series_are_known_to_the_role_groups_not_to_any_account():
    """``authenticated`` would tell someone signed in but in no role, who may not see the series."""
    package = ResourcePage.objects.get(slug="ibd-steroid-free-remission-change-package").specific
    keys = set(index_evidence.evidence_keys(package))
    assert "public" not in keys and "authenticated" not in keys
    member = get_user_model().objects.get(username="tom.alvarez")
    nobody = get_user_model().objects.create_user("no.role", password="x")
    request = type("Request", (), {"user": member, "session": {}})()
    assert keys & keys_for_request(request)
    request.user = nobody
    assert not keys & keys_for_request(request)


def test_evidence_is_indexed_again_when_a_series_or_its_notes_change(client):
    tool = make_tool("Evidence reindex huddle card")
    package = make_change_package("Evidence reindex package", measures=(("Huddles held", "%", "up"),))
    centre = Organisation.objects.get(slug="riverbend-childrens")
    months = [datetime.date(2024, month, 1) for month in range(1, 13)] + [
        datetime.date(2025, month, 1) for month in range(1, 13)]
    points = [(month.isoformat(), 20 if month.year == 2024 else 80, 100) for month in months]
    made = make_series(package.measures.get(), organisation=centre, title="Huddles", visibility="public",
                       points=points)

    def with_evidence():
        body = get("/api/v1/resources/", evidence="yes", page_size=100).json()
        return {item["id"] for item in body["results"]} & {tool.pk, package.pk}

    assert with_evidence() == set()
    note = made.annotations.create(date=datetime.date(2025, 1, 1), text="Huddles began.", is_change=True,
                                   resource=tool)
    assert with_evidence() == {tool.pk, package.pk}
    made.visibility = "network"
    made.save()
    assert with_evidence() == set()
    made.visibility = "public"
    made.save()
    note.delete()
    assert with_evidence() == set()
    made.annotations.create(date=datetime.date(2025, 1, 1), text="Again.", is_change=True, resource=tool)
    assert with_evidence() == {tool.pk, package.pk}
    made.delete()
    assert with_evidence() == set()


# "Did it work?" with the centre's series -------------------------------------------------------------


def test_the_answer_may_link_one_of_the_centre_s_own_series(client):
    tool = make_tool("Series-linked adoption tool")
    grace = get_user_model().objects.get(username="grace.lin")
    centre = grace.contributor_profile.organisation
    mark = Adoption.objects.create(resource=tool, organisation=centre, marked_by=grace,
                                   started_on=datetime.date(2025, 1, 1))
    login(client, "grace.lin")
    page = client.get(f"/my/adoptions/{mark.pk}/check/").content.decode()
    own = Series.objects.filter(organisation=centre)
    assert all(series.title in page for series in own)
    assert "Bayside new diagnoses under 18" not in page  # another centre's
    planning = own.get(title="Northfield IBD clinic, pre-visit planning")
    other = series("Bayside new diagnoses under 18")
    refused = client.post(f"/my/adoptions/{mark.pk}/check/", {"outcome": "yes", "evidence_series": other.pk})
    assert refused.status_code == 400
    client.post(f"/my/adoptions/{mark.pk}/check/", {"outcome": "yes", "evidence_series": planning.pk})
    mark.refresh_from_db()
    assert (mark.outcome, mark.evidence_series) == ("yes", planning)


def test_a_public_series_of_a_members_only_package_is_evidence_for_members_only(hidden):
    package = ResourcePage.objects.get(slug="ibd-anaemia-reduction-change-package").specific
    measure = package.measures.get(name="Anaemia at most recent haemoglobin")  # lower is better
    months = [datetime.date(2024 + n // 12, n % 12 + 1, 1) for n in range(24)]
    points = [(month.isoformat(), 40 if month.year == 2024 else 10, 100) for month in months]
    made = make_series(measure, organisation=Organisation.objects.get(slug="westmoor-childrens"),
                       title="Anaemia falling", visibility="public", show_centre=True, points=points)
    made.annotations.create(date=datetime.date(2025, 1, 1), text="Standing order set.", is_change=True)
    from resources.indexing.access import keys_for_page

    # Public as the series is, only those who pass the package's restriction may know of it.
    keys = set(index_evidence.evidence_keys(package))
    assert keys and "public" not in keys and keys <= set(keys_for_page(package))
    anonymous = get("/api/v1/resources/", evidence="yes", page_size=100).json()
    assert package.pk not in {item["id"] for item in anonymous["results"]}
    member = get("/api/v1/resources/", hidden["token"], evidence="yes", page_size=100).json()
    assert package.pk in {item["id"] for item in member["results"]}
