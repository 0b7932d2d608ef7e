"""Adoption (docs/evidence.md, "Adoption"): a member marks a resource as used at their centre, stops,
answers "did it work?" (asked by the daily job after ADOPTION_CHECK_AFTER_DAYS); the resource page,
the API, the library's sort and filter and /my/adoptions/ show it, each to whom it may be shown."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from contributors.models import ContributorProfile
from resources.evidence.adoption_summary import marks_of, summarise
from resources.models import Adoption, AdoptionOutcome, Release

from .builders import make_tool, resource_urls
from .conftest import login
from .html import count_queries, read, visit

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
NORTHFIELD, LAKESHORE = "Northfield Children's Hospital", "Lakeshore Paediatrics"


def user(username):
    return get_user_model().objects.get(username=username)


def centre(username):
    return ContributorProfile.objects.get(user__username=username).organisation


def mark(username, page, *, days_ago=0, public=False, **fields):
    return Adoption.objects.create(
        resource=page, organisation=centre(username), marked_by=user(username),
        started_on=TODAY - datetime.timedelta(days=days_ago), public=public, **fields,
    )


@pytest.fixture
def tool(db):
    return make_tool("Adoption huddle checklist", releases=2)


def mark_url(page):
    return reverse("adoption_mark", args=[page.pk])


# Marking ------------------------------------------------------------------------------------------


def test_a_member_marks_their_centre_and_everyone_sees_the_summary(client, tool):
    release = tool.releases.published().order_by("-release_date").first()
    login(client, "grace.lin")
    before = visit(client, tool.url)
    assert before.says("No centre has said it uses this yet.")
    assert before.says("Our centre uses this")

    response = client.post(
        mark_url(tool),
        {"release": release.pk, "started_on": (TODAY - datetime.timedelta(days=3)).isoformat(),
         "note": "On every ward round.", "public": "on"},
    )

    assert response.status_code == 302 and response["Location"] == tool.url
    adoption = Adoption.objects.get(resource=tool)
    assert (adoption.organisation, adoption.marked_by, adoption.release) == (centre("grace.lin"), user("grace.lin"),
                                                                             release)
    seen = read(client.get(tool.url))
    assert seen.says(f"Marked: {centre('grace.lin')} uses “{tool.title}”. In 90 days we will ask you")
    started = adoption.started_on
    assert seen.says(f"Used at your centre since {started.day} {started:%B %Y} (version {release.label})")
    assert seen.says("Used at 1 centre.")

    anonymous = Client()
    public = visit(anonymous, tool.url)
    assert public.says("Used at 1 centre.") and centre("grace.lin").get_absolute_url() in public.hrefs
    assert "Used at your centre" not in public.text
    assert "csrfmiddlewaretoken" not in anonymous.get(tool.url).content.decode()
    assert public.says("Sign in to say your centre uses it.")


def test_a_colleague_sees_the_centre_already_uses_it_and_cannot_mark_it_twice(client, tool):
    first = mark("grace.lin", tool)
    login(client, "samuel.okafor")  # also at Northfield

    seen = visit(client, tool.url)
    assert seen.says(f"Used at your centre since {first.started_on.day}")
    assert not seen.says("Our centre uses this"), "no second mark for the same centre"

    response = client.post(mark_url(tool), {"started_on": TODAY.isoformat()}, follow=True)
    assert read(response).says(f"{NORTHFIELD} already uses this")
    assert Adoption.objects.filter(resource=tool).count() == 1
    with pytest.raises(IntegrityError), transaction.atomic():
        mark("samuel.okafor", tool)


def test_a_centre_that_did_not_agree_is_counted_but_never_named(client, tool):
    mark("grace.lin", tool, public=True)
    mark("tom.alvarez", tool, public=False)

    for viewer in (None, "tom.alvarez", "marcus.webb"):
        seen = visit(login(Client(), viewer), tool.url)
        assert seen.says("Used at 2 centres.")
        assert centre("grace.lin").get_absolute_url() in seen.hrefs
        assert centre("tom.alvarez").get_absolute_url() not in seen.hrefs

    data = client.get(f"/api/v1/resources/{tool.pk}/").json()["adoption"]
    assert data["centres"] == 2 and data["text"] == "Used at 2 centres."
    assert [named["name"] for named in data["named_centres"]] == [NORTHFIELD]
    assert LAKESHORE not in str(data)


@pytest.mark.parametrize(
    "change, error",
    [
        ({"started_on": (TODAY + datetime.timedelta(days=1)).isoformat()}, "The start date is in the future"),
        ({"release": "other"}, "Select a valid choice"),
        ({"release": "draft"}, "Select a valid choice"),
    ],
)
def test_a_mark_in_the_future_or_for_another_resource_s_release_is_refused(client, tool, change, error):
    other = make_tool("Another adoption tool", releases=1)
    draft = Release.objects.create(resource=tool, label="9.0", change_notes="Not released.")
    releases = {"other": other.releases.get().pk, "draft": draft.pk}
    data = {"started_on": TODAY.isoformat(), **change}
    if "release" in data:
        data["release"] = releases[data["release"]]

    response = login(client, "grace.lin").post(mark_url(tool), data)

    assert response.status_code == 400 and read(response).says(error)
    assert not Adoption.objects.filter(resource=tool).exists()  # (the demo's own marks are elsewhere)


def test_the_model_checks_the_release_belongs_to_the_resource(tool):
    other = make_tool("A third adoption tool", releases=1)
    adoption = Adoption(resource=tool, organisation=centre("grace.lin"), release=other.releases.get())
    with pytest.raises(Exception, match="Choose one of this resource's released versions"):
        adoption.full_clean()


def test_a_person_without_a_centre_cannot_mark(client, tool):
    profile = ContributorProfile.objects.get(user__username="tom.alvarez")
    profile.organisation = None
    profile.save()
    login(client, "tom.alvarez")

    assert visit(client, tool.url).says("Your profile does not name a centre, so you cannot mark this as used.")
    response = client.post(mark_url(tool), {"started_on": TODAY.isoformat()}, follow=True)
    assert read(response).says("Your profile does not name a centre, so there is no centre to mark this for.")
    assert not Adoption.objects.filter(resource=tool).exists()  # (the demo's own marks are elsewhere)


def test_anonymous_visitors_cannot_mark_and_posts_need_the_csrf_token(tool):
    response = Client().post(mark_url(tool), {"started_on": TODAY.isoformat()})
    assert response.status_code == 302 and "login" in response["Location"]

    strict = login(Client(enforce_csrf_checks=True), "grace.lin")
    assert strict.post(mark_url(tool), {"started_on": TODAY.isoformat()}).status_code == 403
    assert not Adoption.objects.filter(resource=tool).exists()  # (the demo's own marks are elsewhere)


def test_a_resource_the_person_may_not_see_is_a_404(client):
    draft = make_tool("Unpublished adoption tool", live=False)
    response = login(client, "tom.alvarez").post(mark_url(draft), {"started_on": TODAY.isoformat()})
    assert response.status_code == 404 and draft.title not in response.content.decode()
    assert client.get(mark_url(draft)).status_code == 404
    assert not Adoption.objects.filter(resource=draft).exists()


# Stopping ----------------------------------------------------------------------------------------


def test_the_centre_stops_and_the_summary_follows(client, tool):
    adoption = mark("grace.lin", tool, days_ago=30)
    login(client, "samuel.okafor")  # a colleague may keep the centre's mark current

    response = client.post(reverse("adoption_stop", args=[adoption.pk]))

    assert response.status_code == 302 and response["Location"] == tool.url
    adoption.refresh_from_db()
    assert adoption.stopped_on == TODAY
    seen = visit(client, tool.url)
    assert seen.says("Not in use at any centre now.") and seen.says("Our centre uses this")


def test_another_centre_cannot_stop_yours_but_an_editor_can(client, tool):
    adoption = mark("grace.lin", tool)
    stop = reverse("adoption_stop", args=[adoption.pk])

    assert login(client, "tom.alvarez").post(stop).status_code == 404
    assert Client().post(stop).status_code == 302  # to sign in
    assert login(Client(), "grace.lin").get(stop).status_code == 405, "POST only"
    adoption.refresh_from_db()
    assert adoption.stopped_on is None

    assert login(Client(), "marcus.webb").post(stop).status_code == 302
    adoption.refresh_from_db()
    assert adoption.stopped_on == TODAY


# "Did it work?" -----------------------------------------------------------------------------------


def test_only_the_marker_or_a_colleague_answers(tool):
    adoption = mark("grace.lin", tool, days_ago=120)
    check = reverse("adoption_check", args=[adoption.pk])

    assert Client().get(check).status_code == 302
    for outsider in ("tom.alvarez", "marcus.webb"):
        assert login(Client(), outsider).post(check, {"outcome": "no"}).status_code == 404
    colleague = login(Client(), "samuel.okafor")
    assert read(colleague.get(check)).says(f"Did “{tool.title}” work?")
    assert colleague.post(check, {"outcome_note": "No answer chosen"}).status_code == 400

    response = colleague.post(check, {"outcome": "yes", "outcome_note": "Readmissions fell."})

    assert response.status_code == 302 and response["Location"] == reverse("my_adoptions")
    adoption.refresh_from_db()
    assert (adoption.outcome, adoption.outcome_note, adoption.answered_on) == ("yes", "Readmissions fell.", TODAY)


def test_the_summary_counts_centres_by_their_latest_answer(tool):
    mark("grace.lin", tool, public=True, outcome=AdoptionOutcome.YES, answered_on=TODAY)
    mark("tom.alvarez", tool, outcome=AdoptionOutcome.PARTLY, answered_on=TODAY)
    stopped = mark("helen.fraser", tool, outcome=AdoptionOutcome.NO, answered_on=TODAY)
    stopped.stop()
    mark("olivia.chen", tool, outcome=AdoptionOutcome.TOO_EARLY, answered_on=TODAY)

    summary = summarise(marks_of(tool.pk))

    assert summary.text == "Used at 3 centres; 1 reports it worked, 1 partly, 1 that it did not."
    assert (summary.too_early, summary.stopped) == (1, 1)
    assert visit(Client(), tool.url).says(summary.text)


def test_the_check_is_on_the_page_when_it_is_due(client, tool):
    login(client, "grace.lin")
    recent = mark("grace.lin", tool, days_ago=89)
    assert not visit(client, tool.url).says(f"Did it work at {NORTHFIELD}?")
    recent.started_on = TODAY - datetime.timedelta(days=90)
    recent.save()

    seen = visit(client, tool.url)
    assert seen.says(f"Did it work at {NORTHFIELD}?")
    response = client.post(reverse("adoption_check", args=[recent.pk]), {"outcome": "partly", "next": tool.url})
    assert response["Location"] == tool.url
    assert visit(client, tool.url).says("Used at 1 centre; 1 reports it partly worked.")


def asked(mailoutbox):
    """The "did it work?" questions among the daily job's mail."""
    return [mail for mail in mailoutbox if "Did “" in mail.subject]


def test_the_daily_job_asks_once_after_the_period_and_again_after_too_early(tool, mailoutbox,
                                                                             django_capture_on_commit_callbacks):
    due = mark("grace.lin", tool, days_ago=90)
    mark("tom.alvarez", tool, days_ago=89)  # not yet
    make_stopped = mark("helen.fraser", tool, days_ago=200)
    make_stopped.stop()

    def daily(day):
        with django_capture_on_commit_callbacks(execute=True):
            call_command("daily", date=day, stdout=open("/dev/null", "w"))
        # The daily job's other work (protocol review reminders) mails too: keep the questions.
        mailoutbox[:] = asked(mailoutbox)

    daily(TODAY)
    assert [mail.to for mail in mailoutbox] == [[user("grace.lin").email]]
    mail = mailoutbox[0]
    assert f"Did “{tool.title}” work at {NORTHFIELD}?" in mail.subject
    check_url = reverse("adoption_check", args=[due.pk])
    assert check_url in mail.body and tool.title in mail.body
    due.refresh_from_db()
    assert due.asked_on == TODAY

    daily(TODAY)
    daily(TODAY + datetime.timedelta(days=1))
    assert len(mailoutbox) == 2 and mailoutbox[1].to == [user("tom.alvarez").email], "once each"

    # The e-mailed link: "too early" is asked again a period after the answer.
    login(Client(), "grace.lin").post(check_url, {"outcome": "too-early"})
    daily(TODAY + datetime.timedelta(days=89))
    assert len(mailoutbox) == 2
    daily(TODAY + datetime.timedelta(days=90))
    assert len(mailoutbox) == 3 and "too early to tell" in mailoutbox[2].body
    daily(TODAY + datetime.timedelta(days=91))
    assert len(mailoutbox) == 3


def test_the_daily_job_reads_the_period_from_the_settings(tool, settings, mailoutbox,
                                                          django_capture_on_commit_callbacks):
    settings.ADOPTION_CHECK_AFTER_DAYS = 30
    mark("grace.lin", tool, days_ago=30)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("daily", date=TODAY, stdout=open("/dev/null", "w"))
    assert len(asked(mailoutbox)) == 1


# /my/adoptions/ ------------------------------------------------------------------------------------


def test_my_adoptions_lists_the_centre_s_marks_with_their_state(client, tool):
    other = make_tool("Second adoption tool")
    hidden = make_tool("Withdrawn adoption tool")
    mark("grace.lin", tool, days_ago=100, public=True, asked_on=TODAY)
    mark("samuel.okafor", other, outcome=AdoptionOutcome.YES, answered_on=TODAY).stop()
    mark("grace.lin", hidden)
    hidden.unpublish()
    mark("tom.alvarez", make_tool("Lakeshore's tool"))

    seen = visit(login(client, "grace.lin"), reverse("my_adoptions"))

    assert seen.says(f"{tool.title}") and seen.says("Named publicly.")
    assert seen.says(f"Asked whether it worked on {TODAY.day} {TODAY:%b %Y}: not answered yet.")
    assert seen.says(f"{other.title}") and seen.says("Did it work? Yes, it worked")
    assert hidden.title not in seen.text, "a resource she may no longer see is left out"
    assert "Lakeshore's tool" not in seen.text
    assert visit(login(Client(), "tom.alvarez"), reverse("my_adoptions")).says("Lakeshore's tool")


def test_my_adoptions_query_count_does_not_grow_with_marks(client):
    login(client, "grace.lin")
    mark("grace.lin", make_tool("Counted adoption tool 1"))
    few, _ = count_queries(client, reverse("my_adoptions"))
    for number in range(2, 7):
        mark("grace.lin", make_tool(f"Counted adoption tool {number}"))
    many, response = count_queries(client, reverse("my_adoptions"))
    assert read(response).says("Counted adoption tool 6")
    assert many <= few


# The resource page: cache and queries --------------------------------------------------------------


def test_a_mark_purges_the_anonymous_page(client, tool):
    client.get(tool.url)
    assert client.get(tool.url)["X-Page-Cache"] == "hit"
    mark("grace.lin", tool, public=True)
    response = client.get(tool.url)
    assert response["X-Page-Cache"] == "miss" and read(response).says("Used at 1 centre.")


def test_a_renamed_centre_is_named_anew_on_the_pages_it_uses(client, tool):
    """The page keeps its marks between renders (page_marks): renaming the centre forgets them."""
    mark("grace.lin", tool, public=True)
    assert visit(client, tool.url).says(NORTHFIELD)
    organisation = centre("grace.lin")
    organisation.name = "Northfield Children's Hospital and Clinics"
    organisation.save()
    assert visit(client, tool.url).says("Northfield Children's Hospital and Clinics")


@pytest.mark.parametrize("viewer", [None, "grace.lin"])
def test_the_resource_page_query_count_does_not_grow_with_marks(tool, viewer):
    client = login(Client(), viewer)
    mark("grace.lin", tool, public=True)
    few, _ = count_queries(client, tool.url)
    for username in ("tom.alvarez", "helen.fraser", "olivia.chen"):
        mark(username, tool, public=True)
    many, response = count_queries(client, tool.url)
    assert read(response).says("Used at 4 centres.")
    assert many <= few


# The library: sort and filter ----------------------------------------------------------------------


def test_most_adopted_sort_and_used_at_a_centre_filter(client):
    most, some, none = (make_tool(f"Adoption sorted tool {name}") for name in ("most", "some", "none"))
    for username in ("grace.lin", "tom.alvarez", "helen.fraser"):
        mark(username, most)
    stopping = mark("grace.lin", some)
    mark("tom.alvarez", some)

    ours = {most.url, some.url, none.url}  # the demo's own marks sort among them: compare these three

    def listed(url):
        return [href for href in dict.fromkeys(visit(client, url).hrefs) if href in resource_urls() and href in ours]

    assert listed("/library/?sort=adopted")[:2] == [most.url, some.url]
    assert listed("/search/?sort=adopted")[:2] == [most.url, some.url]
    assert set(listed("/library/?adoption=used")) == {most.url, some.url}
    seen = visit(client, "/library/")
    assert "Most adopted" in seen and "Used at a centre" in seen

    stopping.stop()
    Adoption.objects.get(resource=some, organisation=centre("tom.alvarez")).stop()
    assert set(listed("/library/?adoption=used")) == {most.url}, "indexed again when a mark stops"
    assert none.url not in listed("/library/?adoption=used")

    api = client.get("/api/v1/resources/?adoption=used&sort=adopted&page_size=100").json()
    assert [item["id"] for item in api["results"] if item["id"] in (most.pk, some.pk, none.pk)] == [most.pk]


def test_the_centre_organisations_exist():
    """The demo people the tests mark with work at four different centres."""
    names = {centre(name).name for name in ("grace.lin", "tom.alvarez", "helen.fraser", "olivia.chen")}
    assert len(names) == 4 and {NORTHFIELD, LAKESHORE} <= names
