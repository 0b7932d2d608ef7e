"""Absolute addresses for what leaves the site as data (JSON-LD, the sitemap, feeds).

They name the commons at its real address, the Wagtail Site answering the request (hostname and
port, set from ``BASE_URL`` by ``load_demo`` or under Settings > Sites), not whatever Host header
the request came with; a page's own ``get_full_url`` does the same.
"""

from wagtail.models import Site


def root_url(request):
    """``scheme://host[:port]`` of the commons, without a trailing slash."""
    site = Site.find_for_request(request)
    if site is None:
        site = Site.objects.filter(is_default_site=True).first()
    if site is None:  # no site set up at all: the request's own address is all there is
        return request.build_absolute_uri("/").rstrip("/")
    return site.root_url


def absolute(request, path):
    """``path`` (as ``reverse`` or ``get_absolute_url`` give it) on the commons' real address."""
    return root_url(request) + path
