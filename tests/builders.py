"""Small, real records for tests: pages in the library, releases with files on disk; and the
resources each kind of visitor may see."""

import datetime
import itertools

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection

from resources.demo.files import make_pdf
from resources.models import (
    Condition,
    LibraryPage,
    Licence,
    Release,
    ReleaseFile,
    ResourceContributor,
    ResourcePage,
    ResourceType,
    ToolPage,
)

_numbers = itertools.count(1)


def months(count, start=datetime.date(2024, 1, 1)):
    """``count`` consecutive months as their first days, from ``start``'s month."""
    first = start.year * 12 + start.month - 1
    return tuple(datetime.date((first + n) // 12, (first + n) % 12 + 1, 1) for n in range(count))


def make_document(title, text, filename=None):
    document = get_document_model()(title=title, collection=Collection.get_first_root_node())
    filename = filename or f"{title.lower().replace(' ', '-').replace(':', '')}.pdf"
    document.file.save(filename, ContentFile(make_pdf(title, [text])), save=False)
    document.save()
    return document


def add_release(page, label, date, text, publish=True):
    release = Release.objects.create(resource=page, label=label, release_date=date, change_notes=f"Notes for {label}.")
    ReleaseFile.objects.create(
        release=release, document=make_document(f"{page.title} {label}", text, f"{page.slug}-{label}.pdf")
    )
    if publish:
        release.publish()
    return release


def make_tool(
    title,
    *,
    slug=None,
    live=True,
    owner="grace.lin",
    licence="CC-BY-4.0",
    summary=None,
    conditions=("ibd",),
    tags=(),
    contributors=(),
    organisations=(),
    releases=0,
    release_dates_from=datetime.date(2026, 1, 1),
    cover_image=None,
    adapted_from=None,
):
    """A ToolPage under the library, made the way the admin makes one (a revision, published if
    ``live``). ``contributors`` are ContributorProfiles; ``releases`` published releases are added,
    a day apart from ``release_dates_from``, each with one PDF."""
    library = LibraryPage.objects.get()
    user = get_user_model().objects.get(username=owner) if owner else None
    page = ToolPage(
        title=title,
        slug=slug or f"test-tool-{next(_numbers)}",
        summary=summary or f"{title}: a summary written for a test.",
        resource_type=ResourceType.objects.get(slug="checklist"),
        phase="change",
        licence=licence if isinstance(licence, Licence) or licence is None else Licence.objects.get(spdx_id=licence),
        owner=user,
        live=live,
        cover_image=cover_image,
        adapted_from=adapted_from,
    )
    page.conditions.set(Condition.objects.filter(slug__in=conditions))
    page.organisations.set(organisations)
    page.tags.set(list(tags))
    page.contributor_links = [ResourceContributor(contributor=person, role="author") for person in contributors]
    library.add_child(instance=page)
    revision = page.save_revision(user=user)
    if live:
        revision.publish()
    page.refresh_from_db()
    for number in range(releases):
        date = release_dates_from + datetime.timedelta(days=number)
        add_release(page, f"1.{number}", date, f"{title} version 1.{number} text.")
    return page


def public_resources():
    """What an anonymous visitor may see: live, and under no view restriction."""
    return ResourcePage.objects.live().public()


def network_only():
    """The live resources under network-only terms (members see them, nobody else), oldest first."""
    return list(ResourcePage.objects.live().filter(licence__network_only=True).order_by("pk"))


def resource_urls():
    """The URL of every resource page, live or not: what tells a resource link from any other."""
    return {page.url for page in ResourcePage.objects.all()}


def make_change_package(
    title, *, live=True, owner="grace.lin", licence="CC-BY-4.0", measures=(("Clinic visits on time", "%", "up"),)
):
    """A ChangePackagePage under the library with ``measures`` ((name, unit, direction), process
    measures), made the way the admin makes one (a revision, published if ``live``)."""
    from resources.models import ChangePackagePage, Measure

    library = LibraryPage.objects.get()
    user = get_user_model().objects.get(username=owner) if owner else None
    page = ChangePackagePage(
        title=title,
        slug=f"test-package-{next(_numbers)}",
        summary=f"{title}: a summary written for a test.",
        aim="Raise on-time visits from 60% to 80% by June 2027.",
        phase="change",
        licence=licence if isinstance(licence, Licence) or licence is None else Licence.objects.get(spdx_id=licence),
        owner=user,
        live=live,
    )
    page.measures = [
        Measure(kind="process", name=name, operational_definition=f"{name}, as counted for a test.", unit=unit,
                desired_direction=direction)
        for name, unit, direction in measures
    ]
    library.add_child(instance=page)
    revision = page.save_revision(user=user)
    if live:
        revision.publish()
    page.refresh_from_db()
    return page


def make_series(measure, *, organisation, title="Clinic series", visibility="network", show_centre=False,
                points=(("2025-01-01", 10), ("2025-02-01", 12), ("2025-03-01", 11))):
    """A centre's series for ``measure``: ``points`` are (ISO date, value) or (ISO date, numerator,
    denominator)."""
    from decimal import Decimal

    from resources.models import Series, SeriesPoint

    rates = len(points[0]) == 3
    series = Series.objects.create(
        measure=measure, organisation=organisation, title=title, kind="rates" if rates else "values",
        chart_kind="p" if rates else "run", visibility=visibility, show_centre=show_centre,
    )
    for period, *numbers in points:
        numbers = [Decimal(str(number)) for number in numbers]
        fields = {"numerator": numbers[0], "denominator": numbers[1]} if rates else {"value": numbers[0]}
        SeriesPoint.objects.create(series=series, period=datetime.date.fromisoformat(period), **fields)
    return series
