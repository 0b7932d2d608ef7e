"""Charts and evidence on the site's pages: the series page's chart, its signals in words and the
judgement of each documented change, PNG and SVG downloads; the Evidence section of change package
and tool pages; charts drawn once and kept until what they show changes; query counts that do not
grow with the number of series; and a members-only series never reaching anyone outside the
network, on a page, a download or the page cache's copy."""

import datetime
import re

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from resources.evidence import chart_cache, drawing
from resources.models import Licence, SeriesAnnotation, SeriesPoint

from .builders import make_change_package, make_series, make_tool
from .builders import months as first_days
from .conftest import login
from .html import count_queries, read

pytestmark = pytest.mark.django_db

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

# Twelve months around 60% before the change, twelve around 80% after: a shift up, the desired way.
BEFORE = (58, 62, 60, 59, 61, 63, 57, 60, 62, 58, 61, 59)
AFTER = (78, 81, 80, 79, 82, 80, 83, 79, 81, 80, 78, 82)
CHANGE_DATE = datetime.date(2025, 1, 1)
# Said by the judgement of the change (the chart itself recalculates its median from the change on).
SHIFT_WORDS = "12 points above the median from January 2025"


def months(values):
    """``(ISO date, value)`` for consecutive months from January 2024: ``make_series``'s points."""
    return [(period.isoformat(), value) for period, value in zip(first_days(len(values)), values, strict=True)]


def shifted_series(measure, organisation, **options):
    """A series with a documented change ("Reminder calls") followed by a clear shift up."""
    series = make_series(measure, organisation=organisation, points=months(BEFORE + AFTER), **options)
    SeriesAnnotation.objects.create(
        series=series, date=CHANGE_DATE, text="Reminder calls the day before every visit.", is_change=True,
        change_idea="Reminder calls",
    )
    return series


@pytest.fixture
def public_series(measure, lakeshore):
    return shifted_series(measure, lakeshore, title="Lakeshore clinic, public", visibility="public")


@pytest.fixture
def members_series(measure, northfield):
    return shifted_series(measure, northfield, title="Northfield clinic, members only", visibility="network")


def page_text(response):
    return response.content.decode()


def inline_svg(response):
    html = page_text(response)
    start = html.index('<svg', html.index("Chart</h2>"))
    return html[start:html.index("</svg>", start)]


def inline_svgs(html):
    """The charts in a page (other SVGs, such as the signed-in user bar's icons, are not counted)."""
    return len(re.findall(r'aria-labelledby="chart-[0-9a-f]{10}-title ', html))


# -- the series page ----------------------------------------------------------------------------------


def test_the_series_page_draws_the_chart_and_says_its_signals_and_judgement(client, public_series):
    response = client.get(public_series.get_absolute_url())
    html = page_text(response)
    seen = read(response)

    assert response.status_code == 200
    assert inline_svgs(html) == 1
    assert 'role="img"' in html and "<title id=" in html and "Lakeshore clinic, public</title>" in html
    assert "<script" not in inline_svg(response) and "<style" not in inline_svg(response)
    # The signals in words under the chart, and the change judged.
    assert SHIFT_WORDS in seen
    assert "the desired direction" in seen
    assert "Evidence of improvement after Reminder calls:" in seen
    assert "Change introduced 1 January 2025" in seen
    # The data table stays, for screen readers.
    assert "<table" in html and "<caption>" in html
    # Downloads: the chart twice, the data once.
    for name in ("series_png", "series_svg", "series_csv"):
        assert reverse(name, args=[public_series.pk]) in seen.hrefs


def test_a_signal_on_the_chart_is_said_under_it(client, measure, lakeshore):
    series = make_series(measure, organisation=lakeshore, visibility="public", points=months(BEFORE + AFTER))
    seen = read(client.get(series.get_absolute_url()))

    assert "Signals" in seen
    assert "points above the median from January 2025" in seen.text.split("Signals", 1)[1][:300]
    assert "Evidence of improvement" not in seen, "no documented change, nothing to judge"


def test_a_change_without_evidence_says_why(client, measure, lakeshore):
    series = make_series(measure, organisation=lakeshore, visibility="public", points=months(BEFORE[:6] + AFTER[:3]))
    SeriesAnnotation.objects.create(series=series, date=datetime.date(2024, 7, 1), text="Huddles.", is_change=True)
    seen = read(client.get(series.get_absolute_url()))

    assert "No evidence of improvement after Huddles.: 6 period(s) before the change" in seen


def test_a_series_whose_data_cannot_make_its_chart_says_so_in_words(client, measure, lakeshore):
    # A p chart of numerators larger than their denominators: a rate, not a share.
    series = make_series(measure, organisation=lakeshore, visibility="public",
                         points=(("2025-01-01", 12, 10), ("2025-02-01", 14, 10), ("2025-03-01", 9, 10)))
    assert series.chart_kind == "p"
    response = client.get(series.get_absolute_url())
    seen = read(response)

    assert response.status_code == 200
    assert "The chart chosen for this series cannot be drawn from its data" in seen
    assert "numerator" in seen.text.split("cannot be drawn from its data", 1)[1][:300]
    assert inline_svgs(page_text(response)) == 0
    assert reverse("series_png", args=[series.pk]) not in seen.hrefs
    assert client.get(reverse("series_png", args=[series.pk])).status_code == 404
    assert client.get(reverse("series_svg", args=[series.pk])).status_code == 404
    assert client.get(reverse("series_csv", args=[series.pk])).status_code == 200


# -- downloads ------------------------------------------------------------------------------------------


def test_the_chart_downloads_as_png_and_svg(client, public_series):
    png = client.get(reverse("series_png", args=[public_series.pk]))
    svg = client.get(reverse("series_svg", args=[public_series.pk]))

    assert png.status_code == 200 and png["Content-Type"] == "image/png"
    assert png.content.startswith(PNG_SIGNATURE)
    assert png["Content-Disposition"] == 'attachment; filename="clinic-visits-on-time-lakeshore-clinic-public.png"'
    assert svg.status_code == 200 and svg["Content-Type"].startswith("image/svg+xml")
    assert svg.content.startswith(b"<svg") and b'xmlns="http://www.w3.org/2000/svg"' in svg.content
    assert b"Lakeshore clinic, public</title>" in svg.content
    assert svg["Content-Disposition"].endswith('.svg"')
    # Never kept by a shared cache: a series made members-only stops being served at once.
    assert "no-store" in png["Cache-Control"] and "no-store" in svg["Cache-Control"]


def test_members_only_series_downloads_are_404_outside_the_network(client, members_series):
    for name in ("series_detail", "series_png", "series_svg", "series_csv"):
        assert client.get(reverse(name, args=[members_series.pk])).status_code == 404, name
    tom = login(Client(), "tom.alvarez")  # another centre's member: the network sees it
    assert tom.get(reverse("series_png", args=[members_series.pk])).content.startswith(PNG_SIGNATURE)


def test_a_public_series_of_a_members_only_package_is_404_outside_the_network(client, lakeshore):
    package = make_change_package("Members' package", licence=Licence.objects.get(network_only=True))
    series = shifted_series(package.measures.get(), lakeshore, visibility="public", show_centre=True)

    for name in ("series_detail", "series_png", "series_svg"):
        assert client.get(reverse(name, args=[series.pk])).status_code == 404, name
    assert login(Client(), "tom.alvarez").get(reverse("series_svg", args=[series.pk])).status_code == 200


# -- the Evidence section ---------------------------------------------------------------------------------


def test_a_change_package_shows_its_public_evidence_to_everyone(client, package, public_series, members_series):
    response = client.get(package.url)
    html = page_text(response)
    seen = read(response)

    assert "Evidence" in seen and 'id="centre-evidence-heading"' in html
    assert inline_svgs(html) == 1 and 'role="img"' in html and "Lakeshore clinic, public</title>" in html
    assert SHIFT_WORDS in seen
    assert "Evidence of improvement after Reminder calls:" in seen
    assert public_series.get_absolute_url() in seen.hrefs
    # Members-only data never reaches an anonymous visitor; nor does a centre that chose not to be named.
    assert "Northfield clinic, members only" not in html
    assert members_series.get_absolute_url() not in html
    assert "Lakeshore Paediatrics" not in seen.text.split("Evidence", 1)[1]
    assert "Add your centre's data" not in seen


def test_members_see_the_networks_series_and_centres_and_may_add_their_own(package, measure, public_series,
                                                                           members_series):
    tom = read(login(Client(), "tom.alvarez").get(package.url))  # Lakeshore: another centre than Northfield's
    evidence = tom.text.split("Centres' data for", 1)[1]

    assert "Northfield clinic, members only" in evidence and "Lakeshore clinic, public" in evidence
    assert "Data from Northfield Children's" in evidence or "Data from Northfield" in evidence
    assert "Data from Lakeshore" in evidence
    assert f"{reverse('series_new')}?measure={measure.pk}" in tom.hrefs
    assert tom.link_text(f"{reverse('series_new')}?measure={measure.pk}").startswith("Add your centre's data")


def test_a_centre_named_publicly_is_named_to_everyone(client, measure, package, lakeshore):
    shifted_series(measure, lakeshore, title="Named series", visibility="public", show_centre=True)
    evidence = read(client.get(package.url)).text.split("Centres' data for", 1)[1]

    assert "Data from Lakeshore" in evidence


def test_a_member_with_no_series_yet_is_offered_to_add_data_and_anonymous_visitors_see_no_section(client, package,
                                                                                                  measure):
    anonymous = read(client.get(package.url))
    grace = read(login(Client(), "grace.lin").get(package.url))

    assert "Centres' data for" not in anonymous
    assert "No centre has shared data for this measure yet." in grace
    assert f"{reverse('series_new')}?measure={measure.pk}" in grace.hrefs


def test_a_tool_shows_the_series_of_its_measures_and_those_that_tested_it(client, package, measure, lakeshore):
    linked = make_tool("Visit reminder script")
    linked.measures.set([measure])
    linked.save()
    tested = make_tool("Huddle board")
    other_package = make_change_package("Another package", measures=[("Missed visits", "%", "down")])
    series = make_series(other_package.measures.get(), organisation=lakeshore, title="Tested with the board",
                         visibility="public", points=months(BEFORE + AFTER))
    SeriesAnnotation.objects.create(series=series, date=CHANGE_DATE, text="Board up.", is_change=True,
                                    resource=tested)
    mine = shifted_series(measure, lakeshore, title="Measured series", visibility="public")

    linked_page = read(client.get(linked.url))
    tested_page = read(client.get(tested.url))

    assert "Measured series" in linked_page and mine.get_absolute_url() in linked_page.hrefs
    assert "A measure of Clinic flow change package" in linked_page
    assert "Tested with the board" not in linked_page
    assert "Tested with the board" in tested_page and "A measure of Another package" in tested_page
    assert other_package.url in tested_page.hrefs
    assert "Measured series" not in tested_page
    assert inline_svgs(page_text(client.get(tested.url))) == 1


# -- drawing once -------------------------------------------------------------------------------------------


@pytest.fixture
def drawings(monkeypatch):
    """The charts drawn (SVG and PNG), counted by wrapping the real drawing functions."""
    drawn = []
    real_svg, real_png = drawing.render_svg, drawing.render_png

    def render_svg(chart, **kwargs):
        drawn.append(("svg", kwargs["title"]))
        return real_svg(chart, **kwargs)

    def render_png(chart, **kwargs):
        drawn.append(("png", kwargs["title"]))
        return real_png(chart, **kwargs)

    monkeypatch.setattr(drawing, "render_svg", render_svg)
    monkeypatch.setattr(drawing, "render_png", render_png)
    return drawn


def test_a_chart_is_drawn_once_and_again_only_when_what_it_shows_changes(package, public_series, drawings):
    grace = login(Client(), "grace.lin")  # signed in: the page cache keeps nothing, the page is rendered
    url = public_series.get_absolute_url()

    def draws_on_view(target=url):
        before = len(drawings)
        assert grace.get(target).status_code == 200
        return len(drawings) - before

    assert draws_on_view() == 1
    assert draws_on_view() == 0
    assert draws_on_view(package.url) == 0, "the package's Evidence section uses the same drawing"
    assert cache.get(f"commons-series-chart:{public_series.pk}:{chart_cache.fingerprint(fresh(public_series))}:page")

    SeriesPoint.objects.create(series=public_series, period=datetime.date(2026, 1, 1), value=80)
    assert draws_on_view() == 1, "a new point"
    before_note = chart_cache.fingerprint(fresh(public_series))
    note = SeriesAnnotation.objects.create(series=public_series, date=datetime.date(2025, 6, 1), text="Audit.",
                                           is_change=True)
    assert draws_on_view() == 1, "a new change"
    assert "Audit." in inline_svg(grace.get(url))
    note.delete()
    # Back to what was drawn before the note: that drawing is the one kept under its fingerprint.
    assert chart_cache.fingerprint(fresh(public_series)) == before_note
    assert draws_on_view() == 0
    assert "Audit." not in inline_svg(grace.get(url))
    public_series.chart_kind = "xmr"
    public_series.save()
    assert draws_on_view() == 1, "another kind of chart"
    assert "XmR chart" in read(grace.get(url))
    measure = public_series.measure
    measure.unit = "percent"
    measure.save()
    assert draws_on_view() == 1, "the measure's unit is on the chart's axis"

    assert grace.get(reverse("series_png", args=[public_series.pk])).status_code == 200
    assert grace.get(reverse("series_png", args=[public_series.pk])).status_code == 200
    assert grace.get(reverse("series_svg", args=[public_series.pk])).status_code == 200
    assert [kind for kind, _title in drawings].count("png") == 1, "the PNG is kept too; the SVG is the page's"


def fresh(series):
    from resources.models import Series

    return Series.objects.select_related("measure").prefetch_related("points", "annotations").get(pk=series.pk)


# -- query counts ---------------------------------------------------------------------------------------------


def add_series(measure, organisation, count, visibility="public"):
    for number in range(count):
        shifted_series(measure, organisation, title=f"Series {measure.pk}-{number}", visibility=visibility)


# The most queries a package or tool page with series may make (measured: 36 anonymous, 45 for a
# member, on a page-cache miss; the charts already drawn).
MAX_QUERIES = {None: 38, "tom.alvarez": 47}


@pytest.mark.parametrize("username", MAX_QUERIES)
def test_the_package_page_costs_the_same_with_3_or_6_series(package, measure, lakeshore, northfield, username,
                                                            django_assert_max_num_queries):
    client = login(Client(), username)
    add_series(measure, lakeshore, 3)
    three, response = count_queries(client, package.url)
    assert inline_svgs(page_text(response)) == 3

    add_series(measure, northfield, 3)
    six, response = count_queries(client, package.url)
    assert inline_svgs(page_text(response)) == 6

    assert six == three <= MAX_QUERIES[username]
    with django_assert_max_num_queries(MAX_QUERIES[username]):
        client.get(package.url)


def test_the_tool_page_costs_the_same_with_3_or_6_series(client, package, measure, lakeshore):
    tool = make_tool("Reminder script")
    tool.measures.set([measure])
    tool.save()
    add_series(measure, lakeshore, 3)
    three, response = count_queries(client, tool.url)
    assert inline_svgs(page_text(response)) == 3
    add_series(measure, lakeshore, 3)
    six, response = count_queries(client, tool.url)
    assert inline_svgs(page_text(response)) == 6
    assert six == three <= MAX_QUERIES[None]


# -- the page cache -------------------------------------------------------------------------------------------


def anonymous_get(url):
    response = Client().get(url)
    assert response.status_code == 200
    return response


def test_the_cached_anonymous_page_holds_public_series_only_and_follows_their_changes(package, public_series,
                                                                                      members_series):
    anonymous_get(package.url)
    kept = anonymous_get(package.url)
    assert kept["X-Page-Cache"] == "hit"
    assert "Lakeshore clinic, public" in page_text(kept)
    assert "Northfield clinic, members only" not in page_text(kept)

    # Signed-in members' pages are never kept, and never served from the anonymous copy.
    member = login(Client(), "tom.alvarez").get(package.url)
    assert "X-Page-Cache" not in member and "Northfield clinic, members only" in page_text(member)
    assert "Northfield clinic, members only" not in page_text(anonymous_get(package.url))

    members_series.visibility = "public"
    members_series.save()
    assert "Northfield clinic, members only" in page_text(anonymous_get(package.url))
    anonymous_get(package.url)
    members_series.visibility = "network"
    members_series.save()
    after = anonymous_get(package.url)
    assert after["X-Page-Cache"] == "miss"
    assert "Northfield clinic, members only" not in page_text(after)


def test_the_cached_tool_page_follows_a_note_that_names_it(package, measure, lakeshore):
    tool = make_tool("Tested tool")
    series = make_series(measure, organisation=lakeshore, title="Tested series", visibility="public",
                         points=months(BEFORE + AFTER))
    anonymous_get(tool.url)
    assert "Tested series" not in page_text(anonymous_get(tool.url))

    note = SeriesAnnotation.objects.create(series=series, date=CHANGE_DATE, text="Tried it.", is_change=True,
                                           resource=tool)
    assert "Tested series" in page_text(anonymous_get(tool.url))
    anonymous_get(tool.url)
    note.delete()
    assert "Tested series" not in page_text(anonymous_get(tool.url))


def test_a_package_going_members_only_takes_its_series_off_the_tools_cached_page(package, measure, lakeshore):
    tool = make_tool("Linked tool")
    tool.measures.set([measure])
    tool.save()
    shifted_series(measure, lakeshore, title="Linked series", visibility="public")
    anonymous_get(tool.url)
    assert anonymous_get(tool.url)["X-Page-Cache"] == "hit"

    package.licence = Licence.objects.get(network_only=True)
    package.save_revision().publish()  # publishing under network-only terms restricts it
    response = anonymous_get(tool.url)
    assert "Linked series" not in page_text(response)
    assert "Clinic flow change package" not in page_text(response)


def test_a_centre_renamed_is_renamed_on_the_cached_page(package, measure, lakeshore):
    shifted_series(measure, lakeshore, title="Named series", visibility="public", show_centre=True)
    anonymous_get(package.url)
    assert anonymous_get(package.url)["X-Page-Cache"] == "hit"

    lakeshore.name = "Lakeshore Children's Centre"
    lakeshore.save()
    assert "Data from Lakeshore Children's Centre" in read(anonymous_get(package.url))


def test_the_admins_preview_of_a_package_shows_its_measures_and_no_evidence(package, public_series):
    response = package.make_preview_request()
    html = response.content.decode()

    assert response.status_code == 200
    assert "Clinic visits on time" in html
    assert "Lakeshore clinic, public" not in html, "a preview shows the revision, not the centres' data"
