"""Creating and publishing resources through the Wagtail admin, as each role."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset

from resources.models import Licence, ProtocolPage, ResourcePage, ToolPage

from .admin_forms import add_url, resource_form

pytestmark = pytest.mark.django_db


def test_publishing_without_a_licence_is_refused(editor_client, library):
    response = editor_client.post(add_url("toolpage", library), resource_form(**{"action-publish": "publish"}))
    assert response.status_code == 200
    assert "Choose a licence before this resource can be published" in response.content.decode()
    assert not ToolPage.objects.filter(slug="clinic-huddle-card-transition").exists()


def test_a_draft_may_be_saved_without_a_licence(participant_client, library):
    response = participant_client.post(add_url("toolpage", library), resource_form())
    assert response.status_code == 302
    page = ToolPage.objects.get(slug="clinic-huddle-card-transition")
    assert not page.live and page.licence is None
    assert page.owner.username == "grace.lin"


def test_editor_publishes_with_a_licence(editor_client, library, client):
    licence = Licence.objects.get(spdx_id="CC-BY-4.0")
    response = editor_client.post(
        add_url("toolpage", library), resource_form(licence=licence.pk, **{"action-publish": "publish"})
    )
    assert response.status_code == 302
    page = ToolPage.objects.get(slug="clinic-huddle-card-transition")
    assert page.live
    # The resource type defaults from the page type when none is chosen.
    assert page.resource_type.slug == "checklist"
    client.logout()
    public = client.get(page.url)
    assert "A five-minute huddle card" in public.content.decode()


def test_invalid_doi_on_a_protocol_is_shown_and_nothing_saved(editor_client, library):
    data = resource_form(
        "protocolpage",
        slug="transition-protocol",
        citations=inline_formset([{"text": "A paper.", "doi": "not-a-doi"}]),
    )
    response = editor_client.post(add_url("protocolpage", library), data)
    assert response.status_code == 200
    assert "is not a DOI" in response.content.decode()
    assert not ProtocolPage.objects.filter(slug="transition-protocol").exists()


def test_participant_cannot_publish(participant_client, library):
    licence = Licence.objects.get(spdx_id="CC-BY-4.0")
    participant_client.post(
        add_url("toolpage", library), resource_form(licence=licence.pk, **{"action-publish": "publish"})
    )
    page = ToolPage.objects.filter(slug="clinic-huddle-card-transition").first()
    assert page is None or not page.live


def test_participant_cannot_edit_someone_elses_resource(participant_client):
    other = ResourcePage.objects.exclude(owner__username="grace.lin").first()
    response = participant_client.get(reverse("wagtailadmin_pages:edit", args=[other.pk]))
    assert response.status_code in (302, 403)
    assert other.title not in response.content.decode() or response.status_code == 403


def test_participant_cannot_create_pages_outside_the_library(participant_client, home):
    response = participant_client.get(reverse("wagtailadmin_pages:add", args=["resources", "collectionpage", home.pk]))
    assert response.status_code in (302, 403)


def test_resource_base_is_not_creatable(library):
    from resources.models import ChangePackagePage, CollectionPage, HomePage, LibraryPage

    assert not ResourcePage.is_creatable
    assert set(library.specific_class.allowed_subpage_models()) == {ToolPage, ChangePackagePage, ProtocolPage}
    assert ToolPage.allowed_parent_page_models() == [LibraryPage]
    assert CollectionPage.allowed_parent_page_models() == [HomePage]
    assert not ToolPage.allowed_subpage_models()
    assert not ToolPage.can_create_at(library.get_parent())
