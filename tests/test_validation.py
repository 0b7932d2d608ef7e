"""Identifiers people type: a bad one is shown back to them with the reason, and nothing is saved."""

import pytest
from django.urls import reverse

from contributors.models import ContributorProfile
from contributors.validators import orcid_check_digit, validate_orcid
from resources.models import Citation, Licence
from resources.validators import validate_doi

pytestmark = pytest.mark.django_db


def test_orcid_checksum():
    assert orcid_check_digit("000000021825009") == "7"
    validate_orcid("0000-0002-1825-0097")
    validate_orcid("0000-0002-1694-233X")


def test_bad_orcid_is_shown_and_nothing_saved(editor_client):
    url = reverse("wagtailsnippets_contributors_contributorprofile:add")
    before = ContributorProfile.objects.count()
    response = editor_client.post(url, {
        "user": "", "display_name": "Ada Example", "slug": "ada-example", "role_in_care": "nurse",
        "organisation": "", "orcid": "0000-0002-1825-0098", "bio": "", "avatar": "",
    })
    assert response.status_code == 200
    assert "does not match the checksum" in response.content.decode()
    assert ContributorProfile.objects.count() == before


def test_orcid_pasted_as_url_is_stored_bare(editor_client):
    url = reverse("wagtailsnippets_contributors_contributorprofile:add")
    editor_client.post(url, {
        "user": "", "display_name": "Ada Example", "slug": "ada-example", "role_in_care": "nurse",
        "organisation": "", "orcid": "https://orcid.org/0000-0002-1825-0097", "bio": "", "avatar": "",
    })
    assert ContributorProfile.objects.get(slug="ada-example").orcid == "0000-0002-1825-0097"


def licence_form(**overrides):
    data = {
        "name": "Example licence", "spdx_id": "CC-BY-4.0", "url": "", "summary": "Share with credit.",
        "allows_commercial_use": "on", "allows_derivatives": "on", "requires_attribution": "on",
    }
    data.update(overrides)
    return data


def test_unknown_spdx_identifier_is_shown_and_nothing_saved(editor_client):
    url = reverse("wagtailsnippets_resources_licence:add")
    before = Licence.objects.count()
    response = editor_client.post(url, licence_form(name="Made up", spdx_id="CC-BY-5.0"))
    assert "not an SPDX licence identifier we know" in response.content.decode()
    assert Licence.objects.count() == before


def test_spdx_identifiers_are_case_sensitive(editor_client):
    url = reverse("wagtailsnippets_resources_licence:add")
    response = editor_client.post(url, licence_form(name="Lower case", spdx_id="mit"))
    assert "not an SPDX licence identifier we know" in response.content.decode()
    assert not Licence.objects.filter(name="Lower case").exists()


def test_public_licence_needs_identifier_and_network_only_has_none(editor_client):
    url = reverse("wagtailsnippets_resources_licence:add")
    response = editor_client.post(url, licence_form(name="No id", spdx_id=""))
    assert "needs its SPDX identifier" in response.content.decode()
    response = editor_client.post(url, licence_form(name="Confused", spdx_id="MIT", network_only="on"))
    assert "leave the SPDX identifier blank" in response.content.decode()
    assert not Licence.objects.filter(name__in=["No id", "Confused"]).exists()


def test_known_spdx_identifier_fills_in_the_licence_url(editor_client):
    url = reverse("wagtailsnippets_resources_licence:add")
    editor_client.post(url, licence_form(name="MIT for tools", spdx_id="MIT"))
    assert Licence.objects.get(name="MIT for tools").url == "https://opensource.org/license/mit/"


@pytest.mark.parametrize(
    "doi", ["10.1002/ibd.21394", "https://doi.org/10.1542/peds.2012-3011", "doi:10.1016/j.jpeds.2011.01.001"]
)
def test_valid_dois(doi):
    validate_doi(doi)


@pytest.mark.parametrize("doi", ["", "10.12/too-short-prefix", "ibd.21394", "10.1002/has space"])
def test_invalid_dois(doi):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        validate_doi(doi)


def test_citation_doi_is_normalised():
    citation = Citation(text="A paper.", doi="https://doi.org/10.1002/ibd.21394")
    citation.clean_fields(exclude=["page"])
    citation.clean()
    assert citation.doi == "10.1002/ibd.21394"
    assert citation.doi_url == "https://doi.org/10.1002/ibd.21394"
