"""Which pages a person may see. One place, so that lists, detail pages, files and search agree:
live pages only, and pages under a view restriction only for people who pass it.

Wagtail's ``PageViewRestriction.accept_request`` asks the database for the user's groups once per
restriction; with one restriction per network-only resource that grows with the library, so the
same rules are applied here with the user's groups fetched once per request.
"""

from django.db.models import Q
from wagtail.models import BaseViewRestriction, Page, PageViewRestriction


def _user_group_ids(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return frozenset()
    if not hasattr(request, "_commons_group_ids"):
        request._commons_group_ids = frozenset(user.groups.values_list("pk", flat=True))
    return request._commons_group_ids


def passes(restriction, request):
    """The rules of ``PageViewRestriction.accept_request``, with groups from ``_user_group_ids``."""
    user = getattr(request, "user", None)
    authenticated = user is not None and user.is_authenticated
    if restriction.restriction_type == BaseViewRestriction.PASSWORD:
        session = getattr(request, "session", None) or {}
        return restriction.id in session.get(restriction.passed_view_restrictions_session_key, [])
    if restriction.restriction_type == BaseViewRestriction.LOGIN:
        return authenticated
    if restriction.restriction_type == BaseViewRestriction.GROUPS:
        if authenticated and user.is_superuser:
            return True
        group_ids = _user_group_ids(request)
        return any(group.pk in group_ids for group in restriction.groups.all())
    return True


def hidden_q(request):
    """A Q matching the pages hidden from this request by view restrictions (computed once per
    request)."""
    cached = getattr(request, "_commons_hidden_q", None)
    if cached is not None:
        return cached
    hidden = Q()
    for restriction in PageViewRestriction.objects.select_related("page").prefetch_related("groups"):
        if not passes(restriction, request):
            hidden |= Page.objects.descendant_of_q(restriction.page, inclusive=True)
    if request is not None:
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
    return all(passes(restriction, request) for restriction in restrictions)
