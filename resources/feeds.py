"""Atom feeds of new releases: all of them at /feeds/releases/, one condition's at
/feeds/releases/<condition slug>/ (docs/web-interfaces.md).

A feed lists published releases of public resources only (live, under no view restriction), the
newest published first, and is the same for everyone who asks: feed readers do not sign in, and
a feed a member's reader fetched must not carry what only members may see. Each entry links to
the release's page, whose address never changes, and so is also its id; it names the resource's
people (the feed itself is by the commons, for entries that credit nobody).

An entry of a protocol that is no longer current carries the categories ``Superseded`` and ``Review
overdue`` and says so in its summary, naming the successor only when it is public.

The full-page cache keeps a feed like a list page (resources/page_cache.py): publishing a release
or a resource, withdrawing one and renaming a person purge it, and so does the daily job on the
day a protocol's review falls overdue (resources/review/currency.py).
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import Prefetch
from django.http import HttpRequest
from django.urls import reverse
from django.utils.dateformat import format as date_format
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import format_html, linebreaks
from django.utils.safestring import mark_safe

from .addresses import absolute, root_url
from .models import Condition, ContributorRole, LibraryPage, Release, ResourceContributor, ResourcePage
from .protocol_flags import CARD_RELATED, currency_of
from .visibility import anonymous_request

# Entries in a feed: a reader polling every few hours misses nothing from a busy network.
FEED_LENGTH = 50


class ReleaseAtomFeed(Atom1Feed):
    """Atom with every author of an entry (Django's writes one) and a link to the resource."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        handler.addQuickElement("link", "", {"rel": "related", "href": item["resource_link"]})
        for name, uri in item["authors"]:
            handler.startElement("author", {})
            handler.addQuickElement("name", name)
            handler.addQuickElement("uri", uri)
            handler.endElement("author")


@dataclass
class Subject:
    """What a feed is of, and the request it answers (for addresses)."""

    request: HttpRequest
    condition: Condition | None = None


def public_releases():
    """Published releases of resources anyone may see."""
    return Release.objects.published().filter(resource__in=ResourcePage.objects.live().public().values("pk"))


class ReleaseFeed(Feed):
    feed_type = ReleaseAtomFeed

    def get_object(self, request, condition=None):
        # An unknown condition raises DoesNotExist, which the Feed view answers with 404.
        return Subject(request, Condition.objects.get(slug=condition) if condition is not None else None)

    def title(self, subject):
        name = settings.WAGTAIL_SITE_NAME
        return f"New releases for {subject.condition.name} · {name}" if subject.condition else f"New releases · {name}"

    def subtitle(self, subject):
        where = f" for {subject.condition.name}" if subject.condition else ""
        name = settings.WAGTAIL_SITE_NAME
        return f"Each new version of a tool, change package or protocol published in the {name}{where}."

    def link(self, subject):
        """The page a person would browse instead: the home page, or the library by condition."""
        if subject.condition is None:
            return root_url(subject.request) + "/"
        library = LibraryPage.objects.live().public().first()
        if library is None:
            return root_url(subject.request) + "/"
        return f"{library.get_full_url(subject.request)}?condition={subject.condition.slug}"

    def feed_url(self, subject):
        return absolute(subject.request, subject.request.path)

    def feed_guid(self, subject):
        """The feed's id: its own address (its link is a page's, the home page's or the library's)."""
        return self.feed_url(subject)

    def author_name(self):
        return settings.WAGTAIL_SITE_NAME

    def author_link(self, subject):
        return root_url(subject.request) + "/"

    def categories(self, subject):
        return [subject.condition.name] if subject.condition else None

    def items(self, subject):
        releases = public_releases()
        if subject.condition is not None:
            releases = releases.filter(resource__conditions=subject.condition)
        credits = (
            ResourceContributor.objects.exclude(role=ContributorRole.REVIEWER)
            .select_related("contributor")
            .order_by("sort_order", "pk")
        )
        releases = list(
            releases.select_related("resource", *(f"resource__{name}" for name in CARD_RELATED))
            .prefetch_related(
                "resource__conditions",
                Prefetch("resource__contributor_links", queryset=credits, to_attr="feed_credits"),
            )
            .order_by("-published_at", "-pk")[:FEED_LENGTH]
        )
        # The entry methods are given the release alone: the addresses are worked out here.
        request = subject.request
        # Judged as for someone not signed in: a feed is the same for everyone, so a successor is
        # named only when it is public.
        anyone = anonymous_request(address_of=request)
        for release in releases:
            currency = currency_of(release.resource, anyone)  # its protocol fetched above: no query
            release.feed_currency = currency
            successor = currency.successor if currency is not None else None
            release.feed_successor_link = successor.get_full_url(request) if successor is not None else ""
            release.feed_link = absolute(request, release.get_absolute_url())
            release.feed_resource_link = release.resource.get_full_url(request)
            release.feed_authors = [
                (link.contributor.display_name, absolute(request, link.contributor.get_absolute_url()))
                for link in release.resource.feed_credits
            ]
        return releases

    def item_title(self, release):
        return f"{release.resource.title}, version {release.label}"

    def item_description(self, release):
        # Atom's summary is HTML here: every value in it is escaped.
        return format_html(
            '<p>Version {} of <a href="{}">{}</a>, released {}.</p>{}{}',
            release.label,
            release.feed_resource_link,
            release.resource.title,
            date_format(release.release_date, "j F Y"),
            _currency_html(release.feed_currency, release.feed_successor_link),
            mark_safe(linebreaks(release.change_notes, autoescape=True)),  # escaped by linebreaks
        )

    def item_link(self, release):
        return release.feed_link

    def item_pubdate(self, release):
        """The version's own date (the release date its people gave it)."""
        return datetime.datetime.combine(release.release_date, datetime.time.min)

    def item_updateddate(self, release):
        """When it was published in the commons; a published release never changes after."""
        return release.published_at

    def item_categories(self, release):
        """Its conditions, and for a protocol no longer current, ``Superseded`` and ``Review overdue``
        (categories rather than a title prefix: the entry's title names the release, and readers
        filter on categories)."""
        conditions = [condition.name for condition in release.resource.conditions.all()]
        currency = release.feed_currency
        if currency is None:
            return conditions
        return conditions + [flag for flag, shown in (
            (SUPERSEDED, currency.superseded), (REVIEW_OVERDUE, currency.review_overdue)
        ) if shown]

    def item_extra_kwargs(self, release):
        return {"authors": release.feed_authors, "resource_link": release.feed_resource_link}


# The categories of an entry whose protocol is no longer current.
SUPERSEDED = "Superseded"
REVIEW_OVERDUE = "Review overdue"


def _currency_html(currency, successor_link):
    """A protocol's flags (``protocol_flags.Currency``) in an entry's summary."""
    if currency is None:
        return ""
    parts = []
    if currency.superseded:
        if currency.successor is not None:
            title = currency.successor.title
            parts.append(format_html('<p>Superseded by <a href="{}">{}</a>.</p>', successor_link, title))
        else:
            parts.append(format_html("<p>Superseded by a newer protocol.</p>"))
    if currency.review_overdue:
        parts.append(format_html("<p>Review overdue since {}.</p>", date_format(currency.overdue_since, "j F Y")))
    return mark_safe("".join(parts))  # each part escaped by format_html


release_feed = ReleaseFeed()


def feed_links(condition=None):
    """(title, URL) of the feeds a page showing ``condition`` (or everything) offers."""
    links = [("New releases", reverse("release_feed"))]
    if condition is not None:
        links.append((f"New releases for {condition.name}", reverse("condition_release_feed", args=[condition.slug])))
    return links
