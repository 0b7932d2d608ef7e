"""The People screens of the admin (resources/people_admin.py) and the roles granted from the side
that owns the pages (resources/roles.py): an editor sets the conditions an organisation serves and
the public organisation page shows them; only someone allowed to change organisations may."""

import io

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.urls import reverse

from contributors.models import Organisation
from contributors.roles import EDITORS, ROLE_GROUPS
from resources.models import Condition

from .conftest import login
from .html import read, visit

pytestmark = pytest.mark.django_db


def organisation_form(organisation, conditions):
    return {
        "name": organisation.name,
        "slug": organisation.slug,
        "kind": organisation.kind,
        "city": organisation.city,
        "description": organisation.description,
        "website": organisation.website,
        "conditions": [condition.pk for condition in conditions],
    }


def conditions_on_public_page(client, organisation):
    """The condition names listed under "Conditions it serves" on the organisation's page."""
    seen = visit(client, organisation.get_absolute_url())
    return {name for href, name in seen.links if href.startswith("/library/?condition=")}


def edit_url(organisation):
    return reverse("wagtailsnippets_contributors_organisation:edit", args=[organisation.pk])


def test_editor_ticks_a_condition_and_the_organisation_page_lists_it(client):
    organisation = Organisation.objects.get(slug="prairie-childrens")
    served = list(organisation.conditions.all())
    new = Condition.objects.exclude(organisations=organisation).first()
    assert served and new is not None
    login(client, "marcus.webb")

    form = read(client.get(edit_url(organisation)))
    assert "Conditions it serves" in form
    for condition in Condition.objects.all():
        assert condition.name in form

    response = client.post(edit_url(organisation), organisation_form(organisation, [*served, new]), follow=True)
    assert f"Organisation '{organisation.name}' updated." in read(response)
    client.logout()
    assert conditions_on_public_page(client, organisation) == {c.name for c in [*served, new]}


def test_unticking_every_condition_empties_the_list_on_the_page(client):
    organisation = Organisation.objects.get(slug="prairie-childrens")
    assert organisation.conditions.exists()
    login(client, "marcus.webb")
    client.post(edit_url(organisation), organisation_form(organisation, []))
    client.logout()
    seen = visit(client, organisation.get_absolute_url())
    assert "Conditions it serves" not in seen
    assert not organisation.conditions.exists()


def test_edit_form_starts_with_the_conditions_the_organisation_serves(client):
    organisation = Organisation.objects.get(slug="prairie-childrens")
    login(client, "marcus.webb")
    html = client.get(edit_url(organisation)).content.decode()
    for condition in Condition.objects.all():
        box = next(tag for tag in html.split("<input")[1:] if f'value="{condition.pk}"' in tag and "conditions" in tag)
        assert ("checked" in box.split(">")[0]) == organisation.conditions.filter(pk=condition.pk).exists()


def test_a_new_organisation_is_saved_with_its_conditions(client):
    condition = Condition.objects.get(slug="jia")
    login(client, "marcus.webb")
    data = {"name": "Northgate Rheumatology", "slug": "northgate-rheumatology", "kind": "care-centre",
            "city": "Northgate", "description": "", "website": "", "conditions": [condition.pk]}
    client.post(reverse("wagtailsnippets_contributors_organisation:add"), data)
    client.logout()
    organisation = Organisation.objects.get(slug="northgate-rheumatology")
    assert conditions_on_public_page(client, organisation) == {condition.name}


def test_the_organisation_list_filters_by_condition(client):
    condition = Condition.objects.get(slug="jia")
    login(client, "marcus.webb")
    seen = visit(client, reverse("wagtailsnippets_contributors_organisation:list") + f"?conditions={condition.pk}")
    for organisation in Organisation.objects.all():
        assert (organisation.name in seen) == condition.organisations.filter(pk=organisation.pk).exists()


def test_a_participant_may_not_change_the_conditions_of_an_organisation(client):
    organisation = Organisation.objects.get(slug="prairie-childrens")
    served = set(organisation.conditions.all())
    login(client, "grace.lin")
    response = client.post(edit_url(organisation), organisation_form(organisation, []), follow=True)
    assert "Sorry, you do not have permission to access this area." in read(response)
    assert set(organisation.conditions.all()) == served


def test_setup_roles_grants_again_what_was_taken_away():
    editors = Group.objects.get(name=EDITORS)
    change_organisation = Permission.objects.get(content_type__app_label="contributors", codename="change_organisation")
    editors.permissions.remove(change_organisation)

    out = io.StringIO()
    call_command("setup_roles", stdout=out)

    assert editors.permissions.filter(pk=change_organisation.pk).exists()
    for name in ROLE_GROUPS:
        assert f"{name}: " in out.getvalue()
