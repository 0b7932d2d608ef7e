"""What every API view shares: read-only, JSON, conditional GETs, and the Django request (whose
user DRF has set to the caller's token's member) for the site's visibility rules."""

from django.http import Http404
from rest_framework import generics
from rest_framework.exceptions import NotFound
from wagtail.models import PageViewRestriction

from ..caching import ConditionalGetMixin
from ..pagination import Pagination


def restricted_paths(http_request):
    """The tree paths of the pages under a view restriction: a page whose path starts with one is
    shown to network members only."""
    cached = getattr(http_request, "_api_restricted_paths", None)
    if cached is None:
        cached = http_request._api_restricted_paths = tuple(
            PageViewRestriction.objects.values_list("page__path", flat=True)
        )
    return cached


class ApiMixin(ConditionalGetMixin):
    pagination_class = Pagination
    # What a 404 says; the same whether the thing is missing, a draft or not visible to the caller,
    # so that nobody learns that a private thing exists.
    not_found_message = "Nothing with this id is visible to you."

    @property
    def http_request(self):
        return self.request._request

    def get_serializer_context(self):
        context = super().get_serializer_context()
        context["http_request"] = self.http_request
        return context


class ListView(ApiMixin, generics.ListAPIView):
    pass


class DetailView(ApiMixin, generics.RetrieveAPIView):
    def get_object(self):
        try:
            return super().get_object()
        except Http404:
            raise NotFound(self.not_found_message) from None
