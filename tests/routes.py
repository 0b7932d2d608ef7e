"""The route inventory: every URL the site answers, classified by what it exposes.

Wagtail exposes several routes to the same object (edit, copy, bulk actions, choosers, the admin
API, reports), and a guard written on one view leaves its siblings open. So every route is named
here with the kind of object it reaches; ``tests/test_route_inventory.py`` fails when a route
appears that no rule names (a new app, a Wagtail upgrade) until someone decides which guard covers
it, and sweeps every route as each kind of visitor. ``docs/security.md`` says where each guard lives.
"""

import re

from django.urls import URLPattern, URLResolver, get_resolver

# (pattern of the route as Django spells it, what it exposes); the first rule that matches wins.
RULES = [
    (r"^admin/(users|groups)/", "users"),
    (r"^admin/bulk/", "bulk actions"),
    (r"^admin/api/main/\^pages/", "pages"),
    (r"^admin/api/main/\^documents/", "documents"),
    (r"^admin/api/main/\^images/", "images"),
    (r"^admin/(pages|choose-page)/", "pages"),
    (r"^admin/documents/", "documents"),
    (r"^admin/images/", "images"),
    (r"^admin/snippets/(choose/)?resources/release/", "releases"),
    (r"^admin/snippets/", "vocabularies and people"),
    (r"^admin/workflows/", "workflows"),
    (r"^admin/invitations/", "invitations"),
    (r"^admin/evidence-series/", "series admin"),  # editors: read and delete (resources/evidence/series_admin.py)
    # Reports (site history, usage, protocol currency, search analytics): each checks its own permission.
    (r"^admin/(reports|search-analytics)/", "reports"),
    (r"^admin/tag-autocomplete/", "tags"),
    (r"^admin/(sites|collections|redirects|forms|embeds)/", "site settings"),
    (r"^admin/(login|logout|password_reset)/|^accounts/|^_util/|^documents/authenticate_with_password/|^invitations/",
     "sign-in"),
    (
        r"^admin/($|\^\.\*/\$$|account/|dismissibles/|editing-sessions/|block-preview/|jsi18n/|sprite/|test404/"
        r"|failwhale/|choose-(external|email|phone|anchor)-link/)",
        "admin shell",
    ),
    (r"^documents/|^releases/<int:release_id>/files/|^media/", "files"),
    (r"^releases/", "releases"),
    (r"^search/", "search"),
    (r"^\^?api/", "api"),
    # A centre's adoption marks: its people and editors, 404 for a resource one may not see
    # (resources/evidence/adoption_views.py, tests/test_adoption.py).
    (r"^my/adoptions/|^resources/<int:page_id>/adoption/", "adoptions"),
    (r"^(share|my|resources)/", "member pages"),
    # Centres' data series, their page, CSV, and chart as PNG and SVG: visible_to or the centre's members,
    # else 404 (resources/evidence/series_views.py).
    (r"^evidence/series/", "data series"),
    # Feeds of public releases only, the same for everyone (resources/feeds.py).
    (r"^(people|organisations|feeds)/|^sitemap\.xml$|^favicon\.ico$|^\^\(\(", "public pages"),
    (r"^oai/$", "harvesting"),  # OAI-PMH: public records only (resources/oai/, tests/test_oai.py)
    # The view beacon: POST only, the same empty answer whatever it is sent (resources/usage/views.py).
    (r"^usage/", "usage figures"),
]


def all_routes():
    """``[(route, URLPattern)]`` for every URL pattern, the route spelled with its prefixes."""

    def walk(patterns, prefix):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern))
            elif isinstance(pattern, URLPattern):
                yield prefix + str(pattern.pattern), pattern

    return list(walk(get_resolver().url_patterns, ""))


def classify(route):
    for rule, kind in RULES:
        if re.search(rule, route):
            return kind
    return None


# What to put in each placeholder of a route, by name; ``samples`` (tests/test_route_inventory.py)
# supplies the ids of real records, and ``pk`` depends on the kind of object the route names.
_PLACEHOLDER = re.compile(r"<(?:(\w+):)?(\w+)>")


def fill(route, values):
    """The route with its placeholders filled from ``values`` (None when a value is missing)."""
    missing = []

    def value(match):
        name = match.group(2)
        if name not in values:
            missing.append(name)
            return ""
        return str(values[name])

    url = "/" + _PLACEHOLDER.sub(value, route)
    return None if missing else url
