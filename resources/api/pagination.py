"""Pages of results: ``?page=2&page_size=50`` (at most ``API_MAX_PAGE_SIZE``, 100 by default; a
larger size is lowered to it). Every list answers ``{"count", "next", "previous", "results"}``;
``page`` or ``page_size`` that is not a positive whole number is a 400, a page past the last a 404."""

from django.conf import settings
from rest_framework.exceptions import NotFound
from rest_framework.pagination import PageNumberPagination

from .errors import BadQuery

DEFAULT_PAGE_SIZE = 20
MAX_PAGE = 1000  # as /search/ (search.forms.SearchForm)


def max_page_size():
    return getattr(settings, "API_MAX_PAGE_SIZE", 100)


def page_and_size(request):
    """(page, page size) from the query, checked; raises BadQuery naming each bad one."""
    errors = {}
    values = {}
    for name, default, highest in (("page", 1, MAX_PAGE), ("page_size", DEFAULT_PAGE_SIZE, None)):
        raw = request.query_params.get(name, "")
        if raw == "":
            values[name] = default
            continue
        if not raw.isdigit() or int(raw) < 1:
            what = "page size" if name == "page_size" else "page"
            errors[name] = [f"“{raw}” is not a {what}: give a whole number, 1 or more."]
            continue
        if highest is not None and int(raw) > highest:
            errors[name] = [f"Pages go up to {highest}: narrow the query to see results further on."]
            continue
        values[name] = int(raw)
    if errors:
        raise BadQuery(errors)
    return values["page"], min(values["page_size"], max_page_size())


class Pagination(PageNumberPagination):
    page_size = DEFAULT_PAGE_SIZE
    page_size_query_param = "page_size"
    page_size_query_description = "How many results per page: 20 unless given, at most 100 (API_MAX_PAGE_SIZE)."

    def paginate_queryset(self, queryset, request, view=None):
        self.request = request
        page_number, page_size = page_and_size(request)
        paginator = self.django_paginator_class(queryset, page_size)
        if page_number > max(paginator.num_pages, 1):
            raise NotFound(f"There is no page {page_number}: the last page is {max(paginator.num_pages, 1)}.")
        self.page = paginator.page(page_number)
        return list(self.page)

