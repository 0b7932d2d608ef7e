"""Which pages a person may see. One place, so that lists, detail pages, files and search agree:
live pages only, and pages under a view restriction only for people who pass it
(Wagtail's ``PageViewRestriction.accept_request``).

``accept_request`` asks for the user's groups once per restriction; with one restriction per
network-only resource that grows with the library, so the groups are prefetched once per request
and every check reads them from there.
"""

from django.contrib.auth.models import AnonymousUser
from django.db.models import Q, prefetch_related_objects
from django.http import HttpRequest
from wagtail.models import Page, PageViewRestriction


def anonymous_request(address_of=None):
    """A request as from someone not signed in, for what everyone may see (feeds, harvesting,
    figures kept for all). ``address_of``: a real request whose host and path it keeps, so that
    pages' URLs can be worked out from it."""
    request = HttpRequest()
    if address_of is not None:
        request.META, request.path = address_of.META, address_of.path
    request.user, request.session = AnonymousUser(), {}
    return request


def as_request(request_or_user):
    """A request for the rules below, given a request or a bare user. The rules read a request (a
    password restriction lives in the session); a bare user passes none of those, as someone who
    never entered the password."""
    if hasattr(request_or_user, "user"):
        return request_or_user
    request = anonymous_request()
    request.user = request_or_user
    return request


def with_groups_fetched(request):
    """The request, its user's groups fetched once (``request.user.groups.all()`` reads them)."""
    user = request.user
    if user.is_authenticated and not hasattr(request, "_commons_groups_fetched"):
        prefetch_related_objects([getattr(user, "_wrapped", user)], "groups")  # unwrap the lazy user
        request._commons_groups_fetched = True
    return request


def _refused_restrictions(request):
    """The view restrictions this request does not pass (computed once per request)."""
    cached = getattr(request, "_commons_refused_restrictions", None)
    if cached is None:
        with_groups_fetched(request)
        restrictions = PageViewRestriction.objects.select_related("page").prefetch_related("groups")
        cached = [restriction for restriction in restrictions if not restriction.accept_request(request)]
        request._commons_refused_restrictions = cached
    return cached


def hidden_q(request):
    """A Q matching the pages hidden from this request by view restrictions (computed once per
    request)."""
    cached = getattr(request, "_commons_hidden_q", None)
    if cached is not None:
        return cached
    hidden = Q()
    for restriction in _refused_restrictions(request):
        hidden |= Page.objects.descendant_of_q(restriction.page, inclusive=True)
    request._commons_hidden_q = hidden
    return hidden


def visible_pages(queryset, request):
    """Restrict a page queryset to what this request may see."""
    queryset = queryset.live()
    hidden = hidden_q(request)
    return queryset.exclude(hidden) if hidden else queryset


def can_view(page, request):
    """Whether this request may see this page: live, and passes every restriction above it."""
    if page is None or not page.live:
        return False
    restrictions = page.get_view_restrictions().prefetch_related("groups")
    with_groups_fetched(request)
    return all(restriction.accept_request(request) for restriction in restrictions)


def can_view_fetched(page, request):
    """``can_view`` for a page fetched alongside others (a protocol's successor on a card): the
    same rule, read from its ``live`` and tree path and the restrictions this request was already
    refused, so a list asks no query per page."""
    if page is None or not page.live:
        return False
    return not any(page.path.startswith(restriction.page.path) for restriction in _refused_restrictions(request))
