"""/sitemap.xml: every public page, at the commons' real address (docs/web-interfaces.md).

Three sections in one file: Wagtail's pages (live and under no view restriction: the home page,
the library, collections and public resources; never a draft, a withdrawn page or a network-only
one), then the people and the organisations, whose pages anyone may open. Every address is absolute
on the Wagtail Site's hostname and port (``resources.addresses``), not the request's Host header.

``lastmod`` is when the page last changed for its visitors: a resource's when it was published or
its latest release was; a person's or organisation's when a public resource crediting them was.
"""

from urllib.parse import urlsplit

from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.db.models import Max, Q
from wagtail.contrib.sitemaps import Sitemap as WagtailSitemap

from contributors.models import ContributorProfile, Organisation

from .addresses import root_url
from .models import ResourcePage


class PageSitemap(WagtailSitemap):
    """Wagtail's own (live, public pages of the request's site, each by ``get_sitemap_urls``),
    with each resource's latest release date fetched in the same query."""

    def items(self):
        return super().items().annotate(latest_release_at=Max("resourcepage__releases__published_at"))


class OnTheSiteAddress:
    """Addresses on the commons' real scheme and host rather than the request's."""

    def __init__(self, request):
        self.request = request

    def get_protocol(self, protocol=None):
        return urlsplit(root_url(self.request)).scheme

    def get_domain(self, site=None):
        return urlsplit(root_url(self.request)).netloc


def _latest_public_resource(path):
    """The latest publication of a public live resource reached by ``path`` (to a ResourcePage)."""
    public = ResourcePage.objects.live().public().values("pk")
    return Max(f"{path}__last_published_at", filter=Q(**{f"{path}__in": public}))


class PersonSitemap(OnTheSiteAddress, Sitemap):
    def items(self):
        return ContributorProfile.objects.annotate(
            latest_resource_at=_latest_public_resource("resource_links__page")
        ).order_by("slug")

    def lastmod(self, person):
        return person.latest_resource_at


class OrganisationSitemap(OnTheSiteAddress, Sitemap):
    def items(self):
        return Organisation.objects.annotate(latest_resource_at=_latest_public_resource("resources")).order_by("slug")

    def lastmod(self, organisation):
        return organisation.latest_resource_at


def sitemap(request):
    sections = {
        "pages": PageSitemap(request),
        "people": PersonSitemap(request),
        "organisations": OrganisationSitemap(request),
    }
    return sitemap_views.sitemap(request, sections)
