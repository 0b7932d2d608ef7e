"""Helpers for the results pages (/search/ and the library): page links for results that are not
a Django Paginator page, facet options worth showing, and links that add or remove filters."""

from django import template
from django.core.paginator import EmptyPage, Paginator
from django.http import QueryDict

from .. import registry

register = template.Library()


@register.simple_tag
def result_pages(current, page_count):
    """A Django ``Page`` standing for page ``current`` of ``page_count`` pages of results, so that
    includes/pagination.html can draw its links; None when ``current`` is past the end."""
    try:
        return Paginator(range(max(1, page_count)), 1).page(current)
    except EmptyPage:
        return None


@register.simple_tag
def page_range(page_obj):
    """Page numbers around the current one, with ``Paginator.ELLIPSIS`` for the gaps."""
    return list(page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=1, on_ends=1))


@register.simple_tag
def page_link(filter_query, number):
    """The query string of page ``number`` of a filtered list, keeping its filters."""
    query = QueryDict(filter_query or "", mutable=True)
    query.pop("page", None)
    if number != 1:
        query["page"] = number
    return _as_query_string(query) or "?"


@register.filter
def shown_options(counts):
    """The facet values worth a checkbox: those that match something, and those already chosen (an
    option without a count, of a ``by_access`` facet, is offered only when it matches something)."""
    return [option for option in counts if option.count or option.selected or option.count is None]


@register.filter
def selected_options(counts):
    return [option for option in counts if option.selected]


@register.filter
def has_filters(form):
    """Whether any facet value is chosen."""
    return any(form.facet_values.values())


@register.simple_tag
def without_filters(filter_query):
    """The query string with every facet value removed (the search text and sort stay); "" if
    nothing is left, so that templates can write ``{{ action }}{% without_filters … %}``."""
    query = QueryDict(filter_query or "", mutable=True)
    for facet in registry.facets():
        query.pop(facet.name, None)
    query.pop("page", None)
    return _as_query_string(query)


@register.simple_tag
def without_filter(filter_query, facet, value):
    """The query string with one facet value removed."""
    query = QueryDict(filter_query or "", mutable=True)
    query.setlist(facet, [kept for kept in query.getlist(facet) if kept != value])
    query.pop("page", None)
    return _as_query_string(query)


def _as_query_string(query):
    encoded = query.urlencode()
    return f"?{encoded}" if encoded else ""
