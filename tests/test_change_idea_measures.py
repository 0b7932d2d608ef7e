"""A change idea names the package's measures it is meant to move (issue 14: a measure "can be
linked from change ideas and tools"): checked against the package's own measures when the page is
saved, and shown under the idea in the key driver diagram's list."""

import pytest
from django.core.exceptions import ValidationError

from resources.models import ChangePackagePage

from .builders import make_change_package
from .html import visit

MEASURES = (("Clinic visits on time", "%", "up"), ("Did not attend", "%", "down"))


def with_idea(page, measures):
    page.drivers = [("primary_driver", {
        "title": "Reliable clinics",
        "description": "",
        "secondary_drivers": [{"title": "Planned visits", "change_ideas": [
            {"title": "Text reminders two days before", "description": "", "tool": None, "measures": measures},
        ]}],
    })]
    return page


@pytest.mark.django_db
def test_a_change_idea_may_name_only_the_package_s_measures():
    page = make_change_package("Clinic flow package", measures=MEASURES)
    with_idea(page, ["did not ATTEND "]).full_clean()  # names match whatever their case and spaces
    with pytest.raises(ValidationError) as refused:
        with_idea(page, ["Clinic visits on time", "Waiting time"]).full_clean()
    message = " ".join(refused.value.message_dict["drivers"])
    assert "“Waiting time” (change idea “Text reminders two days before”)" in message
    assert "“Clinic visits on time”, “Did not attend”" in message and "Clinic visits on time” (" not in message


@pytest.mark.django_db
def test_the_diagram_says_which_measures_an_idea_moves(client):
    page = with_idea(make_change_package("Clinic flow package", measures=MEASURES), ["Did not attend"])
    page.save_revision().publish()
    seen = visit(client, page.url)
    assert seen.says("Change idea Text reminders two days before")
    assert seen.says("Measured by: Did not attend")


@pytest.mark.django_db
def test_the_demo_s_change_ideas_name_their_measures(client):
    package = ChangePackagePage.objects.live().get(slug="t1d-dka-prevention-change-package")
    named = package.measures_by_idea()["Run a local awareness campaign"]
    assert [measure.name for measure in named] == ["DKA at diagnosis", "Referrals where diabetes was excluded"]
    assert visit(client, package.url).says("Measured by: DKA at diagnosis; Referrals where diabetes was excluded")


@pytest.mark.django_db
def test_an_edited_diagram_is_shown_as_edited_to_someone_signed_in(client, django_user_model):
    """The diagram's HTML is kept by what it shows (resource_tags.key_driver_diagram), and a signed-in
    visitor's page is not the page cache's: a change published is seen at once, never the kept one."""
    client.force_login(django_user_model.objects.create_user("reader", "reader@example.org", "a-long-password-1"))
    page = with_idea(make_change_package("Clinic flow package", measures=MEASURES), ["Did not attend"])
    page.save_revision().publish()
    assert visit(client, page.url).says("Measured by: Did not attend")
    page = ChangePackagePage.objects.get(pk=page.pk)
    with_idea(page, ["Clinic visits on time"]).save_revision().publish()
    seen = visit(client, page.url)
    assert seen.says("Measured by: Clinic visits on time")
    assert not seen.says("Measured by: Did not attend")
