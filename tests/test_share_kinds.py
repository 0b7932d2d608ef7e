"""The share form has one form per kind of resource (resources/forms.py): what each kind asks for,
what it shows when it comes back with errors, and editing a returned contribution in its own
kind's form."""

import html
import re

import pytest
from django.urls import reverse

from resources.models import ChangePackagePage, ProtocolPage, ResourcePage

from .builders import make_tool
from .html import read
from .workflow import share_data


def share(client, **overrides):
    return client.post("/share/", share_data(**overrides))


def control(page_html, name):
    """The opening tag of the form control called ``name``."""
    match = re.search(rf'<(?:input|textarea|select)\b[^>]*\bname="{name}"[^>]*>', page_html)
    assert match, f"no control named {name!r}"
    return match.group(0)


def textarea_text(page_html, name):
    match = re.search(rf'<textarea\b[^>]*\bname="{name}"[^>]*>\n?(.*?)</textarea>', page_html, re.S)
    assert match, f"no text area named {name!r}"
    return html.unescape(match.group(1))


def latest(page):
    return ResourcePage.objects.get(pk=page.pk).specific.get_latest_revision_as_object()


@pytest.mark.django_db
def test_a_change_package_needs_its_aim(participant_client):
    response = share(participant_client, kind="change_package", title="Transition package", resource_type="")
    assert response.status_code == 400
    seen = read(response)
    assert "A change package needs an aim: what will improve, for whom, by when." in seen.text
    assert "Please check 1 field" in seen.text
    assert not ChangePackagePage.objects.filter(title="Transition package").exists()


@pytest.mark.django_db
def test_a_form_sent_back_keeps_what_was_typed_for_another_kind_and_checks_only_the_chosen_one(
    participant_client,
):
    response = share(
        participant_client, kind="protocol", title="Fever protocol", scope="Fever in clinic.",
        aim="Typed before choosing a protocol.",
    )
    assert response.status_code == 400
    page_html = response.content.decode()
    seen = read(response)
    assert "Please check 1 field" in seen.text and "A protocol needs this" in seen.text
    assert "A change package needs an aim" not in seen.text
    assert textarea_text(page_html, "aim") == "Typed before choosing a protocol."
    assert textarea_text(page_html, "scope") == "Fever in clinic."
    assert 'aria-invalid="true"' in control(page_html, "population")
    # The browser cannot know which kind will be sent, so no kind's own field is marked required.
    for name in ("resource_type", "aim", "scope", "population"):
        assert " required" not in control(page_html, name), name
    assert " required" in control(page_html, "title")


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["", "a-poster"])
def test_a_missing_or_unknown_kind_is_asked_for_and_nothing_is_saved(participant_client, kind):
    pages = ResourcePage.objects.count()
    response = share(participant_client, kind=kind, title="Kindless sheet")
    assert response.status_code == 400
    assert "Please check 1 field" in read(response).text
    marked = '<fieldset class="field field--error">\n        <legend>What are you sharing?</legend>'
    assert marked in response.content.decode()
    assert ResourcePage.objects.count() == pages


@pytest.mark.django_db
def test_a_returned_change_package_is_edited_in_its_own_form_and_keeps_its_kind(participant_client):
    assert share(
        participant_client, kind="change_package", title="Huddle package", resource_type="", action="draft",
        aim="Fewer missed transition visits by June.", tags="transition, care plan",
    ).status_code == 302
    package = ChangePackagePage.objects.get(title="Huddle package")
    edit = reverse("edit_contribution", args=[package.pk])

    page_html = participant_client.get(edit).content.decode()
    assert textarea_text(page_html, "aim") == "Fewer missed transition visits by June."
    tags = html.unescape(re.search(r'value="([^"]*)"', control(page_html, "tags")).group(1))
    assert sorted(tags.split(", ")) == ["care plan", "transition"]
    chosen = re.search(r'<input type="radio" name="kind" value="change_package"[^>]*>', page_html).group(0)
    assert "checked" in chosen and "disabled" in chosen

    # Sent as a tool with a tool's type (a changed page, or a crafted post): it stays a change package.
    response = participant_client.post(edit, share_data(
        kind="tool", title="Huddle package", aim="Half as many missed visits by June.", tags=tags, action="draft",
    ))
    assert response.status_code == 302
    saved = latest(package)
    assert isinstance(saved, ChangePackagePage) and saved.aim == "Half as many missed visits by June."
    assert saved.resource_type.slug == "change-package"
    assert sorted(saved.tags.names()) == ["care plan", "transition"]


@pytest.mark.django_db
def test_a_returned_protocol_needs_its_fields_again_and_shows_what_it_adapted(participant_client):
    source = make_tool("Fever pathway for schools", owner="tom.alvarez")
    assert share(
        participant_client, kind="protocol", title="Fever protocol", resource_type="", action="draft",
        scope="Fever in clinic.", population="Children on biologics.", adapted_from=source.title,
    ).status_code == 302
    protocol = ProtocolPage.objects.get(title="Fever protocol")
    edit = reverse("edit_contribution", args=[protocol.pk])

    page_html = participant_client.get(edit).content.decode()
    assert f'value="{source.title}"' in control(page_html, "adapted_from")
    assert textarea_text(page_html, "population") == "Children on biologics."

    response = participant_client.post(edit, share_data(
        kind="protocol", title="Fever protocol", scope="", population="Children on biologics.",
        adapted_from=source.title,
    ))
    assert response.status_code == 400 and "A protocol needs this" in read(response).text
    assert latest(protocol).scope == "Fever in clinic.", "nothing was saved"

    response = participant_client.post(edit, share_data(
        kind="protocol", title="Fever protocol", scope="Fever in clinic and at home.",
        population="Children on biologics.", adapted_from=source.title, action="draft",
    ))
    assert response.status_code == 302
    saved = latest(protocol)
    assert saved.scope == "Fever in clinic and at home." and saved.adapted_from_id == source.pk
