"""Protocol currency (docs/evidence.md): the daily reminders about review-by dates, the overdue and
superseded flags wherever a protocol is listed or read, and the editors' report.

The demo's protocols are used as they are, with their review-by dates and successors set here; the
reminders run through ``manage.py daily --date`` and the mail through the outbox, delivered when the
job's transaction commits."""

import datetime
import io
import xml.etree.ElementTree as ET

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from resources.models import CollectionItem, CollectionPage, ProtocolPage, ProtocolReminder, ReminderKind
from resources.review.currency import remind_protocol_owners

from .builders import add_release
from .conftest import login
from .html import count_queries, read, visit
from .workflow import mail_to

pytestmark = pytest.mark.django_db

ANAEMIA = "ibd-anaemia-screening-and-iron-replacement-protocol"  # public; Tom Alvarez is an author
DRUG_MONITORING = "ibd-proactive-anti-tnf-therapeutic-drug-monitoring-protocol"  # public
UVEITIS = "jia-uveitis-screening-schedule-protocol"  # public; Tom is not credited
NETWORK_ONLY = "t1d-diabetes-technology-offer-protocol"  # members only

DAY = datetime.date(2027, 3, 31)
ATOM = "{http://www.w3.org/2005/Atom}"


def protocol(slug):
    return ProtocolPage.objects.get(slug=slug)


def only(**review_by):
    """Every protocol current and with no review date, but those named (slug with _ for -)."""
    ProtocolPage.objects.update(review_by=None, superseded_by=None)
    for name, day in review_by.items():
        ProtocolPage.objects.filter(slug=name.replace("_", "-")).update(review_by=day)


def supersede(old, new):
    ProtocolPage.objects.filter(pk=protocol(old).pk).update(superseded_by=protocol(new))


@pytest.fixture
def run_daily(django_capture_on_commit_callbacks, mailoutbox):
    """Run ``manage.py daily --date day``; returns the mail it sent (delivered once it committed)."""

    def run(day):
        mailoutbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            call_command("daily", date=day, stdout=io.StringIO())
        return list(mailoutbox)

    return run


def days(n):
    return datetime.timedelta(days=n)


def long_date(day):
    return f"{day.day} {day:%B %Y}"


# Reminders ---------------------------------------------------------------------------------------


def test_a_protocol_is_reminded_once_coming_due_once_overdue_then_every_30_days(run_daily, mailoutbox):
    only(**{ANAEMIA.replace("-", "_"): DAY})
    title = protocol(ANAEMIA).title

    assert run_daily(DAY - days(31)) == [], "31 days ahead is outside the notice window"

    sent = run_daily(DAY - days(30))
    to_tom = mail_to(sent, "tom.alvarez")
    assert len(to_tom) == 1, "an author with an account is told"
    assert "coming due" in to_tom[0].subject
    assert title in to_tom[0].body and f"review by {long_date(DAY)} (in 30 days)" in to_tom[0].body
    assert protocol(ANAEMIA).full_url in to_tom[0].body
    assert len(mail_to(sent, "marcus.webb")) == 1, "an editor is told"
    assert len(mail_to(sent, "olivia.chen")) == 1, "a network admin may publish it too"
    assert not mail_to(sent, "samuel.okafor"), "a credited reviewer does not keep the protocol"
    assert not mail_to(sent, "grace.lin"), "nor does a participant it does not credit"

    assert run_daily(DAY - days(30)) == [], "the same day again sends nothing"
    assert run_daily(DAY - days(1)) == []
    assert run_daily(DAY) == [], "due today is not yet overdue"

    sent = run_daily(DAY + days(1))
    to_tom = mail_to(sent, "tom.alvarez")
    assert len(to_tom) == 1 and "overdue" in to_tom[0].subject
    assert f"overdue since {long_date(DAY + days(1))}" in to_tom[0].body
    assert mail_to(sent, "marcus.webb")
    assert run_daily(DAY + days(1)) == []
    assert run_daily(DAY + days(30)) == [], "29 days after the last reminder"
    assert mail_to(run_daily(DAY + days(31)), "tom.alvarez"), "30 days after the last, again"

    reminders = ProtocolReminder.objects.filter(page=protocol(ANAEMIA)).order_by("sent_on")
    assert [(r.kind, r.sent_on) for r in reminders] == [
        (ReminderKind.DUE, DAY - days(30)),
        (ReminderKind.OVERDUE, DAY + days(1)),
        (ReminderKind.OVERDUE, DAY + days(31)),
    ]
    assert all(r.review_by == DAY and r.recipients >= 3 for r in reminders)

    # Reviewed: a new date starts afresh, with one notice when it comes due.
    ProtocolPage.objects.filter(slug=ANAEMIA).update(review_by=DAY + days(60))
    assert run_daily(DAY + days(29)) == [], "60 days ahead is outside the window"
    assert mail_to(run_daily(DAY + days(30)), "tom.alvarez")


def test_one_digest_per_person_naming_what_concerns_them(run_daily):
    only(**{ANAEMIA.replace("-", "_"): DAY, UVEITIS.replace("-", "_"): DAY - days(5)})
    anaemia, uveitis = protocol(ANAEMIA), protocol(UVEITIS)

    sent = run_daily(DAY)
    to_marcus = mail_to(sent, "marcus.webb")
    assert len(to_marcus) == 1, "one digest per editor, not one per protocol"
    body = to_marcus[0].body
    assert anaemia.title in body and uveitis.title in body
    assert "1 protocol review overdue, 1 coming due" in to_marcus[0].subject
    # The overdue one under "Overdue", the other under "Due for review".
    assert body.index("Overdue:") < body.index(uveitis.title) < body.index("Due for review") < body.index(anaemia.title)

    to_tom = mail_to(sent, "tom.alvarez")
    assert len(to_tom) == 1
    assert anaemia.title in to_tom[0].body and uveitis.title not in to_tom[0].body, "only the protocols they keep"
    assert all(len(message.to) == 1 for message in sent), "addresses are never shared"


def test_superseded_withdrawn_and_undated_protocols_are_not_reminded(run_daily):
    only(**{ANAEMIA.replace("-", "_"): DAY, UVEITIS.replace("-", "_"): DAY})
    supersede(ANAEMIA, DRUG_MONITORING)
    protocol(UVEITIS).unpublish()
    assert run_daily(DAY + days(1)) == []
    assert remind_protocol_owners(DAY + days(1)) == "no protocol reviews to remind anyone of"


def test_a_page_kept_in_the_cache_is_purged_the_day_its_review_falls_overdue(client, run_daily):
    today = timezone.localdate()
    only(**{ANAEMIA.replace("-", "_"): today + days(10)})
    page = protocol(ANAEMIA)
    library = f"{page.get_parent().url}?type={page.resource_type.slug}"
    assert "Review overdue" not in visit(client, page.url)
    assert "Review overdue" not in visit(client, library)
    # The date passes without an edit (as midnight does): the kept pages still say it is current...
    ProtocolPage.objects.filter(pk=page.pk).update(review_by=today - days(1))
    assert "Review overdue" not in visit(client, page.url)
    # ... until the daily job, which sees it overdue for the first time and purges them.
    run_daily(today)
    assert f"Review overdue since {long_date(today)}" in visit(client, page.url)
    assert f"Review overdue since {long_date(today)}" in visit(client, library)


# Flags -------------------------------------------------------------------------------------------


def overdue_and_superseded():
    """The anaemia protocol overdue and superseded by the (public) drug monitoring protocol."""
    today = timezone.localdate()
    only(**{ANAEMIA.replace("-", "_"): today - days(10)})
    supersede(ANAEMIA, DRUG_MONITORING)
    return protocol(ANAEMIA), protocol(DRUG_MONITORING), today - days(9)


def test_the_protocol_page_says_since_when_its_review_is_overdue(client):
    page, successor, since = overdue_and_superseded()
    seen = visit(client, page.url)
    assert f"Review overdue since {long_date(since)}" in seen
    assert seen.link_text(successor.url) == successor.title


def test_cards_in_the_library_and_a_collection_flag_overdue_and_superseded(client):
    page, successor, since = overdue_and_superseded()
    library = visit(client, f"{page.get_parent().url}?type={page.resource_type.slug}")
    assert f"Review overdue since {long_date(since)}" in library
    assert f"Superseded by {successor.title}" in library
    assert successor.url in library.hrefs
    # The successor itself is current: flagged once only (its own card says nothing).
    assert library.text.count("Superseded by") == 1 and library.text.count("Review overdue since") == 1

    collection = CollectionPage.objects.live().public().first()
    CollectionItem.objects.create(collection=collection, resource=page, note="", sort_order=99)
    seen = visit(client, collection.url)
    assert f"Review overdue since {long_date(since)}" in seen
    assert f"Superseded by {successor.title}" in seen


def test_search_results_flag_overdue_and_superseded(client):
    page, successor, since = overdue_and_superseded()
    seen = visit(client, f"/search/?q={page.title}")
    assert page.title in seen
    assert f"Review overdue since {long_date(since)}" in seen
    assert f"Superseded by {successor.title}" in seen


def test_a_members_only_successor_is_named_to_members_only(client):
    only()
    supersede(ANAEMIA, NETWORK_ONLY)
    page, successor = protocol(ANAEMIA), protocol(NETWORK_ONLY)
    url = f"{page.get_parent().url}?type={page.resource_type.slug}"
    seen = visit(client, url)
    assert "Superseded" in seen
    assert successor.title not in seen and successor.url not in seen.hrefs
    login(client, "grace.lin")
    seen = visit(client, url)
    assert f"Superseded by {successor.title}" in seen and successor.url in seen.hrefs


def test_flags_cost_no_query_per_card(client):
    """The library's protocols with no flag, then all overdue and superseded: the same queries."""
    only()
    page = protocol(ANAEMIA)
    url = f"{page.get_parent().url}?type={page.resource_type.slug}"
    login(client, "grace.lin")  # a member: the members-only successor is named too
    plain, response = count_queries(client, url)
    assert "Superseded" not in read(response)
    yesterday = timezone.localdate() - days(1)
    ProtocolPage.objects.update(review_by=yesterday)
    for old in ProtocolPage.objects.exclude(slug=NETWORK_ONLY):
        ProtocolPage.objects.filter(pk=old.pk).update(superseded_by=protocol(NETWORK_ONLY))
    flagged, response = count_queries(client, url)
    assert read(response).text.count("Superseded by") >= 5
    # At most the view restrictions and their groups, once, for the successors' visibility.
    assert flagged <= plain + 2


# The API and the feeds ---------------------------------------------------------------------------


def test_the_api_gives_review_dates_and_the_visible_successor(client, django_assert_max_num_queries):
    page, successor, since = overdue_and_superseded()
    detail = client.get(f"/api/v1/resources/{page.pk}/").json()
    assert detail["currency"] == {
        "review_by": (since - days(1)).isoformat(), "review_overdue": True, "overdue_since": since.isoformat(),
        "superseded": True, "superseded_by": f"http://testserver{successor.url}",
        "superseded_by_api_url": f"http://testserver/api/v1/resources/{successor.pk}/",
    }
    assert detail["details"]["review_overdue"] is True

    with django_assert_max_num_queries(25):
        listed = client.get(f"/api/v1/resources/?type={page.resource_type.slug}&page_size=100").json()
    by_id = {item["id"]: item for item in listed["results"]}
    assert by_id[page.pk]["currency"]["superseded_by"] == f"http://testserver{successor.url}"
    assert by_id[successor.pk]["currency"]["review_overdue"] is False
    assert by_id[successor.pk]["currency"]["superseded"] is False

    tool = client.get("/api/v1/resources/?type=checklist").json()["results"][0]
    assert tool["currency"] is None

    # A members-only successor: superseded, but not named to an anonymous caller.
    supersede(ANAEMIA, NETWORK_ONLY)
    currency = client.get(f"/api/v1/resources/{page.pk}/").json()["currency"]
    assert currency["superseded"] is True and currency["superseded_by"] is None


def test_the_release_feed_marks_entries_of_protocols_no_longer_current(client):
    page, successor, since = overdue_and_superseded()
    add_release(successor, "9.0", timezone.localdate(), "The drug monitoring protocol, its latest version.")
    add_release(page, "9.0", timezone.localdate(), "The anaemia protocol, its latest version.")
    feed = ET.fromstring(client.get(reverse("release_feed")).content)
    entries = {entry.findtext(f"{ATOM}title"): entry for entry in feed.iter(f"{ATOM}entry")}
    entry = entries[f"{page.title}, version 9.0"]
    categories = {category.get("term") for category in entry.iter(f"{ATOM}category")}
    assert {"Superseded", "Review overdue"} <= categories
    summary = entry.findtext(f"{ATOM}summary")
    assert f"Review overdue since {long_date(since)}" in summary
    assert successor.title in summary
    current = entries[f"{successor.title}, version 9.0"]
    assert not {"Superseded", "Review overdue"} & {c.get("term") for c in current.iter(f"{ATOM}category")}


# The editors' report -----------------------------------------------------------------------------

REPORT = "/admin/reports/protocol-currency/"


def test_the_report_lists_overdue_coming_due_and_superseded_protocols(client, django_assert_max_num_queries):
    today = timezone.localdate()
    only(**{ANAEMIA.replace("-", "_"): today - days(3), UVEITIS.replace("-", "_"): today + days(12)})
    supersede(DRUG_MONITORING, ANAEMIA)
    call_command("daily", date=today, stdout=io.StringIO())
    login(client, "marcus.webb")
    client.get(REPORT)  # warm: the site root and the admin's menus
    with django_assert_max_num_queries(20):
        response = client.get(REPORT)
    seen = read(response)
    text = seen.text
    overdue = text[text.index("Review overdue ("):text.index("Review due within")]
    due = text[text.index("Review due within"):text.index("Superseded (")]
    superseded = text[text.index("Superseded ("):]
    assert protocol(ANAEMIA).title in overdue and "Overdue by 3 days" in overdue
    assert long_date(today) in overdue, "the day the reminder went"
    assert protocol(UVEITIS).title in due and "Due in 12 days" in due
    assert protocol(DRUG_MONITORING).title in superseded and protocol(ANAEMIA).title in superseded
    assert reverse("wagtailadmin_pages:edit", args=[protocol(UVEITIS).pk]) in seen.hrefs
    assert protocol(UVEITIS).url in seen.hrefs


def test_the_report_asks_no_query_per_protocol(client):
    login(client, "marcus.webb")
    only(**{UVEITIS.replace("-", "_"): timezone.localdate() - days(3)})
    one, response = count_queries(client, REPORT)
    assert read(response).text.count("Overdue by") == 1
    ProtocolPage.objects.update(review_by=timezone.localdate() - days(3))
    supersede(ANAEMIA, UVEITIS)
    every, response = count_queries(client, REPORT)
    assert read(response).text.count("Overdue by") == ProtocolPage.objects.live().count() - 1
    assert every == one


def test_the_report_shows_the_owner(client):
    only(**{ANAEMIA.replace("-", "_"): timezone.localdate() - days(3)})
    ProtocolPage.objects.filter(slug=ANAEMIA).update(owner=get_user_model().objects.get(username="grace.lin"))
    login(client, "marcus.webb")
    overdue = visit(client, REPORT).text
    assert f"{protocol(ANAEMIA).title} · view live Grace Lin" in overdue


@pytest.mark.parametrize("username, allowed", [
    ("grace.lin", False), ("samuel.okafor", False), ("helen.fraser", False),
    ("marcus.webb", True), ("olivia.chen", True),
])
def test_only_people_who_may_publish_open_the_report(client, username, allowed):
    only(**{UVEITIS.replace("-", "_"): timezone.localdate() - days(1)})
    login(client, username)
    response = client.get(REPORT)
    title = protocol(UVEITIS).title
    if allowed:
        assert response.status_code == 200 and title in read(response)
    else:
        assert response.status_code in (302, 403) and title not in response.content.decode()
    reports_menu = client.get("/admin/").content.decode()
    assert (REPORT in reports_menu) is allowed


def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = client.get(REPORT)
    assert response.status_code == 302 and "login" in response["Location"]
