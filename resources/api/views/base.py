"""What every API view shares: read-only, JSON, conditional GETs, and the Django request (whose
user DRF has set to the caller's token's member) for the site's visibility rules."""

from django.http import Http404
from rest_framework import generics
from rest_framework.exceptions import NotFound
from rest_framework.parsers import JSONParser
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from wagtail.models import PageViewRestriction

from contributors.tokens import PersonalTokenAuthentication

from ..caching import ConditionalGetMixin
from ..errors import exception_handler
from ..pagination import Pagination
from ..throttling import AnonymousRateThrottle, TokenRateThrottle


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
    # Set here, not as DRF's defaults in settings, which Wagtail's admin API relies on.
    authentication_classes = [PersonalTokenAuthentication]
    permission_classes = [AllowAny]  # read-only: what each caller sees is filtered, nothing is refused
    renderer_classes = [JSONRenderer]
    parser_classes = [JSONParser]
    throttle_classes = [AnonymousRateThrottle, TokenRateThrottle]
    pagination_class = Pagination
    # What a 404 says; the same whether the thing is missing, a draft or not visible to the caller,
    # so that nobody learns that a private thing exists.
    not_found_message = "Nothing with this id is visible to you."

    def get_exception_handler(self):
        return exception_handler

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
