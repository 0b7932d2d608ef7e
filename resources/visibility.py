"""Which pages a person may see. One place, so that lists, detail pages, files and (later) search
agree: live pages only, and pages under a view restriction only for people who pass it."""

from django.db.models import Q
from wagtail.models import Page, PageViewRestriction


def hidden_q(request):
    """A Q matching the pages hidden from this request by view restrictions."""
    hidden = Q()
    restrictions = PageViewRestriction.objects.select_related("page").prefetch_related("groups")
    for restriction in restrictions:
        if not restriction.accept_request(request):
            hidden |= Page.objects.descendant_of_q(restriction.page, inclusive=True)
    return hidden


def visible_pages(queryset, request):
    """Restrict a page queryset to what this request may see."""
    queryset = queryset.live()
    hidden = hidden_q(request)
    return queryset.exclude(hidden) if hidden else queryset


def can_view(page, request):
    """Whether this request may see this page: live, and passes every restriction above it."""
    if not page.live:
        return False
    return all(restriction.accept_request(request) for restriction in page.get_view_restrictions())
