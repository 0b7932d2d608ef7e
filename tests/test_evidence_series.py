"""A centre's data series: uploading real good and bad CSV and XLSX files through the site's form,
who sees a series (a members-only one never reaches anyone outside the network: page, CSV, list),
who may change it, notes of changes, the editors' admin screen, and the list page's query count."""

import datetime
import io
import zipfile
from decimal import Decimal

import openpyxl
import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from contributors.models import Organisation
from resources.evidence import series_charts
from resources.evidence.charts_data import Observation
from resources.evidence.uploads import read_series_file, save_series
from resources.models import Licence, Measure, Series

from .builders import make_change_package, make_series, make_tool
from .conftest import login
from .html import read, squash

pytestmark = pytest.mark.django_db


def change_dates(series):
    """Where the series' limits are recalculated: the dates of its documented changes."""
    return [date for date, _label in series_charts.changes(series)]


def text_of(response):
    """The page's HTML, its white space squashed: for its markup."""
    return squash(response.content.decode())


def words(response):
    """What a reader reads on the page."""
    return read(response).text


def xlsx(rows):
    """A real workbook made by openpyxl, its first sheet holding ``rows``."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def upload(client, measure, content, name="data.csv", **fields):
    data = {"title": "Clinic A", "visibility": "network", "chart_kind": "", **fields,
            "file": SimpleUploadedFile(name, content)}
    return client.post(f"{reverse('series_new')}?measure={measure.pk}", data, follow=True)


# -- uploading -----------------------------------------------------------------------------------------


def test_a_member_uploads_a_csv_and_sees_its_data_table(client, measure, northfield):
    login(client, "grace.lin")
    response = upload(client, measure, b"Period,Value\n2024-01,61\n2024-02,64.5\n2024-03,70\n")

    series = Series.objects.get(measure=measure)
    assert response.redirect_chain[-1][0] == series.get_absolute_url()
    assert (series.organisation, series.kind, series.chart_kind, series.visibility) == (
        northfield, "values", "run", "network"
    )
    assert series.measure_name == "Clinic visits on time" and series.package_id == measure.page_id
    assert [(p.period, p.value) for p in series.points.all()] == [
        (datetime.date(2024, 1, 1), Decimal("61")), (datetime.date(2024, 2, 1), Decimal("64.5")),
        (datetime.date(2024, 3, 1), Decimal("70")),
    ]
    page = text_of(response)
    assert "Saved 3 periods for Clinic visits on time." in words(response)
    assert "<caption>Clinic visits on time: Clinic A, 3 periods</caption>" in page
    assert '<th scope="col">Value (%)</th>' in page
    assert "February 2024</time></th> <td>64.5</td>" in page
    assert "<dt>Improvement is</dt><dd>Up: higher is better</dd>" in page


def test_an_xlsx_with_spreadsheet_dates_and_month_names_becomes_a_p_chart(client, measure):
    login(client, "grace.lin")
    content = xlsx([
        ["period", "numerator", "denominator"],
        [datetime.datetime(2024, 1, 1), 12, 40],
        ["Feb 2024", 15, 41],
        [45352, 18, 40],  # a date cell saved as its serial number: 2024-03-01
        [],  # a blank row is left out
        ["2024-04", 20.5, 40],
    ])
    response = upload(client, measure, content, name="clinic.xlsx")
    series = Series.objects.get(measure=measure)
    assert (series.kind, series.chart_kind) == ("rates", "p")
    assert [p.period for p in series.points.all()] == [datetime.date(2024, m, 1) for m in (1, 2, 3, 4)]
    assert series.points.last().numerator == Decimal("20.5")
    page = text_of(response)
    assert '<th scope="col">Numerator</th> <th scope="col">Denominator</th> <th scope="col">Rate</th>' in page
    assert "<td>12</td> <td>40</td> <td>0.3</td>" in page


def test_a_semicolon_csv_with_a_byte_order_mark_and_decimal_commas(client, measure):
    login(client, "grace.lin")
    upload(client, measure, "\ufeffMonth;Value\n2024-01;12,5\n2024-02;1.234,5\n".encode())
    assert [p.value for p in Series.objects.get(measure=measure).points.all()] == [Decimal("12.5"), Decimal("1234.5")]


def test_missing_months_are_saved_with_a_warning_naming_them(client, measure):
    login(client, "grace.lin")
    response = upload(client, measure, b"period,value\n2024-01,1\n2024-02,2\n2024-05,3\n2024-06,4\n")
    assert Series.objects.get(measure=measure).points.count() == 4
    assert "No data for 2 months between February 2024 (line 3) and May 2024 (line 4)." in words(response)


def test_rates_above_their_denominators_get_a_u_chart_and_a_warning(client, measure):
    login(client, "grace.lin")
    response = upload(client, measure, b"period,numerator,denominator\n2024-01,5,4\n2024-02,3,4\n2024-03,9,4\n")
    assert Series.objects.get(measure=measure).chart_kind == "u"
    assert "Some numerators are larger than their denominators (lines 2, 4)" in words(response)


ZERO_BOMB = "zeros.xml"


def zip_bomb():
    """A workbook-shaped ZIP whose one part unpacks 2 MB of zeros from a few kilobytes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(f"xl/{ZERO_BOMB}", b"\0" * (2 * 1024 * 1024))
    return buffer.getvalue()


BAD_FILES = [
    ("empty", "data.csv", b"", "The submitted file is empty."),  # Django's FileField says so first
    ("only blank lines", "data.csv", b"\n\n", "The file is empty."),
    ("wrong header", "data.csv", b"month,cases,notes\n2024-01,3,x\n",
     "The first line must name the columns “period,value” (one number per period) or "
     "“period,numerator,denominator” (a rate per period). Line 1 says “month,cases,notes”."),
    ("no data", "data.csv", b"period,value\n", "The file has the column names but no data."),
    ("bad date", "data.csv", b"period,value\n2024-01,3\n2024-13,4\n", "Line 3: “2024-13” is not a date."),
    ("ambiguous date", "data.csv", b"period,value\n03/04/2024,3\n",
     "Line 2: “03/04/2024” could mean two different days (day/month or month/day)."),
    ("duplicate period", "data.csv", b"period,value\n2024-01,3\n2024-02,4\nJan 2024,5\n",
     "Line 4: the period January 2024 is given twice (also on line 2). Keep one line per period."),
    ("not a number", "data.csv", b"period,value\n2024-01,3\n2024-02,about 4\n",
     "Line 3: the value “about 4” is not a number."),
    ("empty value", "data.csv", b"period,value\n2024-01,\n", "Line 2: the value is empty."),
    ("zero denominator", "data.csv", b"period,numerator,denominator\n2024-01,3,10\n2024-02,0,0\n",
     "Line 3: the denominator is 0, so there is no rate for February 2024."),
    ("negative count", "data.csv", b"period,numerator,denominator\n2024-01,-3,10\n",
     "Line 2: a numerator or denominator can't be negative"),
    ("extra cells", "data.csv", b"period,value\n2024-01,3,4\n", "Line 2 has 3 cells; the columns are period, value."),
    ("not UTF-8", "data.csv", "period,value\nMärz 2024,3\n".encode("latin-1"), "data.csv is not saved as UTF-8 text."),
    ("old Excel", "data.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "is in the old Excel format (.xls)."),
    ("xlsx with a bad value", "data.xlsx", None, "Row 3: the value “n/a” is not a number."),
    ("zip bomb", "data.xlsx", "bomb", "the mark of a decompression bomb"),
    ("damaged xlsx", "data.xlsx", b"PK\x03\x04" + b"\x00" * 64, "could not be opened as an Excel workbook"),
]


@pytest.mark.parametrize(("name", "filename", "content", "message"), BAD_FILES, ids=[case[0] for case in BAD_FILES])
def test_a_bad_file_is_refused_with_its_line_and_nothing_is_saved(client, measure, name, filename, content, message):
    if content is None:
        content = xlsx([["period", "value"], ["2024-01", 3], ["2024-02", "n/a"]])
    elif content == "bomb":
        content = zip_bomb()
    login(client, "grace.lin")
    response = upload(client, measure, content, name=filename)
    assert response.status_code == 200
    assert message in words(response)
    assert not Series.objects.filter(measure=measure).exists()
    assert "Nothing is saved until the whole file reads correctly" in words(response)


def test_a_numerator_over_its_denominator_is_an_error_when_a_p_chart_is_chosen(client, measure):
    login(client, "grace.lin")
    response = upload(client, measure, b"period,numerator,denominator\n2024-01,3,10\n2024-02,12,10\n", chart_kind="p")
    assert "Line 3: the numerator (12) is larger than the denominator (10). A p chart shows a proportion" in (
        words(response)
    )
    assert not Series.objects.filter(measure=measure).exists()


def test_p_and_u_charts_need_numerators_and_denominators(client, measure):
    login(client, "grace.lin")
    response = upload(client, measure, b"period,value\n2024-01,3\n", chart_kind="u")
    assert "p and u charts need the numerator and denominator of each period" in words(response)
    assert not Series.objects.filter(measure=measure).exists()


@override_settings(EVIDENCE_MAX_UPLOAD_MB=0.001)
def test_a_file_over_the_size_limit_is_refused_before_it_is_read(client, measure):
    login(client, "grace.lin")
    rows = "".join(f"2024-{month:02d}-{day:02d},{day}\n" for month in range(1, 13) for day in range(1, 28))
    response = upload(client, measure, ("period,value\n" + rows).encode())
    assert "a data series file can be at most 0.001 MB" in words(response)
    assert not Series.objects.filter(measure=measure).exists()


def test_every_error_is_listed_with_its_line(measure):
    content = b"period,value\n2024-01,x\n2024-02,y\n2024-02,3\n2024-02,4\n"
    result = read_series_file(io.BytesIO(content), "data.csv")
    assert result.errors == [
        "Line 2: the value “x” is not a number. Write numbers with digits only, like 12 or 12.5.",
        "Line 3: the value “y” is not a number. Write numbers with digits only, like 12 or 12.5.",
        "Line 5: the period February 2024 is given twice (also on line 4). Keep one line per period.",
    ]
    with pytest.raises(ValueError):
        save_series(result, measure=measure, organisation=Organisation.objects.first(), title="Never")
    assert not Series.objects.filter(measure=measure).exists()


def test_uploading_needs_a_centre_and_a_measure_one_may_see(client, measure):
    assert client.get(reverse("series_new")).status_code == 302  # to sign in
    draft = make_change_package("Hidden package", live=False, measures=[("Hidden measure", "%", "up")])
    login(client, "tom.alvarez")
    chooser = client.get(f"{reverse('series_new')}?measure={draft.measures.get().pk}")
    assert "That measure was not found among the change packages you can see." in words(chooser)
    assert "Hidden measure" not in words(chooser)
    assert "Clinic visits on time" in words(chooser)

    get_user_model().objects.create_superuser("root", "root@example.org", "improve-together")
    login(client, "root")  # no contributor profile, so no centre
    response = client.get(f"{reverse('series_new')}?measure={measure.pk}", follow=True)
    assert "Your profile names no centre" in words(response)


# -- who sees a series --------------------------------------------------------------------------------


def _visible(client, series):
    """(page status, CSV status, whether the title is on the page)."""
    page = client.get(series.get_absolute_url())
    csv = client.get(reverse("series_csv", args=[series.pk]))
    return page.status_code, csv.status_code, series.title in words(page)


def test_a_members_only_series_is_never_shown_to_anyone_outside_the_network(client, measure, northfield):
    series = make_series(measure, organisation=northfield, title="Northfield members-only series")
    assert _visible(client, series) == (404, 404, False)
    assert not Series.objects.visible_to(AnonymousUser()).filter(pk=series.pk).exists()

    outsider = get_user_model().objects.create_user("no.role", "no.role@example.org", "improve-together")
    login(client, "no.role")  # signed in, but in none of the network's roles
    assert _visible(client, series) == (404, 404, False)
    assert not Series.objects.visible_to(outsider).filter(pk=series.pk).exists()

    login(client, "tom.alvarez")  # another centre's member: the network sees it
    assert _visible(client, series) == (200, 200, True)
    assert "Northfield Children" in words(client.get(series.get_absolute_url()))  # members see the centre


def test_a_public_series_is_shown_to_everyone_with_the_centre_only_when_it_agreed(client, measure, northfield):
    series = make_series(measure, organisation=northfield, title="Public clinic series", visibility="public")
    assert _visible(client, series) == (200, 200, True)
    page = client.get(series.get_absolute_url())
    assert "Northfield" not in words(page)
    assert "private" in page["Cache-Control"] and "no-cache" in page["Cache-Control"]  # never kept for anyone
    assert client.get(reverse("series_csv", args=[series.pk])).content.decode() == (
        "period,value\r\n2025-01-01,10\r\n2025-02-01,12\r\n2025-03-01,11\r\n"
    )
    series.show_centre = True
    series.save()
    assert "Centre Northfield Children" in words(client.get(series.get_absolute_url()))


def test_no_series_of_a_draft_or_a_network_only_package_is_public(client, northfield):
    draft = make_change_package("Draft package", live=False)
    network_only = make_change_package("Members' package", licence=Licence.objects.get(network_only=True))
    hidden = [
        make_series(draft.measures.get(), organisation=northfield, title="Series of a draft", visibility="public"),
        make_series(network_only.measures.get(), organisation=northfield, title="Series of a members' package",
                    visibility="public"),
    ]
    for series in hidden:
        assert _visible(client, series) == (404, 404, False)
    login(client, "tom.alvarez")
    assert _visible(client, hidden[0]) == (404, 404, False)  # a draft's: never, for anyone outside its centre
    assert _visible(client, hidden[1]) == (200, 200, True)
    editor = get_user_model().objects.get(username="marcus.webb")
    assert list(Series.objects.visible_to(editor).filter(pk__in=[s.pk for s in hidden])) == [hidden[1]]
    login(client, "grace.lin")  # her centre's, though the package is a draft
    assert _visible(client, hidden[0]) == (200, 200, True)


def test_a_series_outlives_its_measure_removed_from_the_package(client, package, measure, northfield):
    series = make_series(measure, organisation=northfield, title="Northfield kept series")
    package.measures = [Measure(kind="outcome", name="A new measure", operational_definition="Counted.")]
    package.save_revision(user=package.owner).publish()

    series.refresh_from_db()
    assert series.measure is None
    assert (series.measure_name, series.package_id, series.points.count()) == ("Clinic visits on time", package.pk, 3)
    login(client, "tom.alvarez")
    assert _visible(client, series) == (404, 404, False)  # its measure is gone: not evidence any more
    login(client, "grace.lin")
    page = words(client.get(series.get_absolute_url()))
    assert "Clinic visits on time (removed from its change package)" in page


def test_visible_to_takes_a_request_or_a_user_alike(rf, measure, northfield):
    series = make_series(measure, organisation=northfield)
    tom = get_user_model().objects.get(username="tom.alvarez")
    request = rf.get("/")
    request.user, request.session = tom, {}
    mine = Series.objects.filter(measure=measure)
    assert list(mine.visible_to(request)) == list(mine.visible_to(tom)) == [series]
    assert not mine.visible_to(AnonymousUser()).exists()


# -- changing a series ------------------------------------------------------------------------------


def test_only_the_centre_and_editors_change_a_series(client, measure, northfield):
    series = make_series(measure, organisation=northfield)
    form = {"title": "Renamed", "chart_kind": "xmr", "visibility": "public", "show_centre": "on"}
    # Another centre's member finds no such series; someone signed out is asked to sign in.
    login(client, "tom.alvarez")
    assert client.post(reverse("series_edit", args=[series.pk]), form).status_code == 404
    assert client.post(reverse("series_delete", args=[series.pk])).status_code == 404
    client.logout()
    for name in ("series_edit", "series_delete"):
        response = client.post(reverse(name, args=[series.pk]), form)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    series.refresh_from_db()
    assert (series.title, series.visibility) == ("Clinic series", "network")

    login(client, "tom.alvarez")
    assert "Change its settings" not in words(client.get(series.get_absolute_url()))
    login(client, "samuel.okafor")  # a reviewer of the same centre
    assert "Change its settings" in words(client.get(series.get_absolute_url()))
    client.post(reverse("series_edit", args=[series.pk]), form)
    series.refresh_from_db()
    assert (series.title, series.chart_kind, series.visibility, series.show_centre) == (
        "Renamed", "xmr", "public", True
    )


def test_a_p_chart_is_refused_for_rates_above_their_denominators(client, measure, northfield):
    series = make_series(measure, organisation=northfield, points=(("2025-01-01", 5, 4), ("2025-02-01", 3, 4)))
    login(client, "grace.lin")
    response = client.post(reverse("series_edit", args=[series.pk]), {
        "title": series.title, "chart_kind": "p", "visibility": "network",
    })
    assert "A p chart needs every numerator within its denominator" in words(response)
    values = make_series(measure, organisation=northfield, title="Values")
    response = client.post(reverse("series_edit", args=[values.pk]), {
        "title": "Values", "chart_kind": "u", "visibility": "network",
    })
    assert "Select a valid choice" in words(response)


def test_notes_mark_changes_and_name_only_resources_the_reader_may_see(client, measure, northfield):
    series = make_series(measure, organisation=northfield, visibility="public")
    tool = make_tool("Huddle board")
    draft = make_tool("Unpublished huddle script", live=False)
    login(client, "grace.lin")
    form = client.get(reverse("annotation_new", args=[series.pk]))
    assert "Huddle board" in words(form) and "Unpublished huddle script" not in words(form)
    client.post(reverse("annotation_new", args=[series.pk]), {
        "date": "2025-02-01", "text": "Daily huddles began.", "is_change": "on",
        "change_idea": "Hold a daily huddle", "resource": tool.pk,
    })
    series.annotations.create(date=datetime.date(2025, 3, 1), text="A note with a draft.", resource_id=draft.pk)
    assert change_dates(series) == [datetime.date(2025, 2, 1)]

    client.logout()
    page = text_of(client.get(series.get_absolute_url()))
    assert "1 February 2025</time>: <strong>Change introduced.</strong> Daily huddles began." in page
    assert "Change idea tested: Hold a daily huddle." in page
    assert f'Resource tested: <a href="{tool.url}">Huddle board</a>' in page
    assert "Unpublished huddle script" not in page and "Remove this note" not in page

    note = series.annotations.get(is_change=True)
    login(client, "tom.alvarez")
    assert client.post(reverse("annotation_delete", args=[series.pk, note.pk])).status_code == 404
    login(client, "grace.lin")
    client.post(reverse("annotation_delete", args=[series.pk, note.pk]))
    assert change_dates(series) == []


def test_observations_for_the_charts(measure, northfield):
    values = make_series(measure, organisation=northfield, points=(("2025-01-01", 10.5), ("2025-02-01", 12)))
    assert values.observations() == [
        Observation(datetime.date(2025, 1, 1), value=10.5), Observation(datetime.date(2025, 2, 1), value=12.0),
    ]
    rates = make_series(measure, organisation=northfield, points=(("2025-01-01", 3, 12),))
    assert rates.observations() == [Observation(datetime.date(2025, 1, 1), value=0.25, numerator=3.0, denominator=12.0)]


# -- the centre's list, the admin, measures ----------------------------------------------------------


def test_the_list_shows_the_centres_series_in_a_fixed_number_of_queries(
    client, measure, northfield, lakeshore, django_assert_max_num_queries
):
    make_series(measure, organisation=lakeshore, title="Lakeshore's own series")
    login(client, "grace.lin")
    make_series(measure, organisation=northfield, title="Northfield series 1")
    # Signing in, the centre, permissions, the navigation, the series with their counts: one query
    # for the series however many there are.
    with django_assert_max_num_queries(13) as few:
        client.get(reverse("series_list"))
    for number in range(2, 10):
        make_series(measure, organisation=northfield, title=f"Northfield series {number}", visibility="public")
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(reverse("series_list"))
    page = text_of(response)
    assert "<caption>Northfield Children" in page
    page = words(response)
    assert "Northfield series 9" in page and "Lakeshore's own series" not in page
    assert "3: Jan 2025 to Mar 2025" in page and "Everyone" in page


def test_editors_read_and_delete_series_in_the_admin_but_never_edit_them(client, measure, northfield):
    series = make_series(measure, organisation=northfield, title="Northfield admin series")
    login(client, "grace.lin")
    assert client.get("/admin/evidence-series/").status_code in (302, 403)
    login(client, "marcus.webb")
    assert "Northfield admin series" in words(client.get("/admin/evidence-series/"))
    inspected = words(client.get(f"/admin/evidence-series/inspect/{series.pk}/"))
    assert "Northfield admin series" in inspected and "Clinic visits on time" in inspected
    assert northfield.name in inspected
    assert client.get(f"/admin/evidence-series/edit/{series.pk}/").status_code == 404
    assert client.get("/admin/evidence-series/new/").status_code == 404
    client.post(f"/admin/evidence-series/delete/{series.pk}/")
    assert not Series.objects.filter(pk=series.pk).exists()


def test_demo_measures_have_units_and_directions_and_tools_link_to_measures():
    cgm = Measure.objects.get(name="CGM use")
    assert (cgm.unit, cgm.desired_direction) == ("%", "up")
    assert Measure.objects.get(name="DKA at diagnosis").desired_direction == "down"
    assert not Measure.objects.filter(unit="").exists()
    tool = make_tool("CGM starter pack")
    tool.measures.set([cgm])
    tool.save_revision().publish()
    assert list(cgm.tools.all()) == [tool.specific]


def test_the_demo_network_has_series_with_and_without_a_change(client):
    """The demo's series are data files read through the upload checks (resources/demo/content/series.yaml)."""
    from resources.evidence.series_charts import shows_improvement

    bayside = Series.objects.get(title="Bayside new diagnoses under 18")
    assert (bayside.kind, bayside.chart_kind, bayside.points.count()) == ("rates", "p", 24)
    assert change_dates(bayside) == [datetime.date(2025, 1, 1)]
    assert bayside.created_by.username == "sofia.marquez"
    before = [o.value for o in bayside.observations() if o.period < datetime.date(2025, 1, 1)]
    after = [o.value for o in bayside.observations() if o.period >= datetime.date(2025, 1, 1)]
    assert sum(after) / len(after) < sum(before) / len(before) - 0.1  # a clear fall in DKA at diagnosis
    assert shows_improvement(bayside)
    assert bayside.annotations.get().resource.slug == "t1d-dka-at-diagnosis-awareness-campaign-pack"
    unmoved = Series.objects.get(title="Lakeshore IBD clinic")  # a documented change, no signal after it
    assert change_dates(unmoved) and not shows_improvement(unmoved)
    steady = Series.objects.get(title="Northfield IBD admissions")
    assert (steady.kind, steady.chart_kind, change_dates(steady)) == ("values", "xmr", [])
    riverbend = Series.objects.get(title="Riverbend rheumatology clinic")
    assert riverbend.points.count() == 20  # its file stops in August 2025

    assert "Centre Bayside" in words(client.get(bayside.get_absolute_url()))  # public, centre named
    northfield = Series.objects.get(title="Northfield IBD clinic, all patients")
    assert client.get(northfield.get_absolute_url()).status_code == 404  # members only
