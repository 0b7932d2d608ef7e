"""/api/v1/resources/: the library through the search interface, and one resource."""

from django.db.models import Prefetch
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.generics import GenericAPIView
from rest_framework.response import Response
from rest_framework.utils.urls import remove_query_param, replace_query_param

from search import registry, service

from ...indexing.facets import FACETS, SORTS
from ...models import Release, ResourcePage
from ...models.base import tags_prefetch
from ...protocol_flags import CARD_RELATED
from ...usage.figures import figures_for
from ...visibility import visible_pages
from ..pagination import DEFAULT_PAGE_SIZE
from ..resource_serializers import ResourceDetailSerializer, ResourceListSerializer
from ..search import search_request
from .base import ApiMixin, DetailView, restricted_paths


def list_queryset(queryset):
    """Everything a list item shows, in a fixed number of queries however many items."""
    return queryset.select_related("resource_type", "licence", *CARD_RELATED).prefetch_related(
        "conditions",
        "audiences",
        "organisations",
        tags_prefetch(),
        Prefetch("releases", queryset=Release.objects.published().order_by("-release_date", "-pk"),
                 to_attr="card_releases"),
    )



ResourceSearchPage = inline_serializer("ResourceSearchPage", {
    "count": serializers.IntegerField(help_text="Every result, across pages."),
    "next": serializers.URLField(allow_null=True),
    "previous": serializers.URLField(allow_null=True),
    "results": ResourceListSerializer(many=True),
    "facets": inline_serializer("Facet", {
        "name": serializers.CharField(help_text="The query parameter that filters by it."),
        "title": serializers.CharField(),
        "values": inline_serializer("FacetValue", {
            "value": serializers.CharField(help_text="The value to filter by."),
            "label": serializers.CharField(),
            "count": serializers.IntegerField(
                allow_null=True,
                help_text="Results with this value, given the other facets' filters; null for a yes/no facet on "
                "a fact not everyone may know (e.g. evidence), unticked.",
            ),
            "selected": serializers.BooleanField(),
        }, many=True),
    }, many=True),
    "search": inline_serializer("SearchInfo", {
        "text": serializers.CharField(),
        "sort": serializers.CharField(),
        "relaxed": serializers.BooleanField(
            help_text="Too few resources had every word: these match some of the words, those with the most first."
        ),
        "every_word_count": serializers.IntegerField(help_text="When relaxed: how many (first) had every word."),
        "suggestion": serializers.CharField(help_text="“Did you mean”: the text with unknown words corrected."),
        "degraded": serializers.BooleanField(
            help_text="The search cluster did not answer and the embedded engine did: results may be incomplete."
        ),
    }),
})

SEARCH_PARAMETERS = [
    OpenApiParameter("q", OpenApiTypes.STR, description="Search text, as on /search/ (at most 200 characters)."),
    OpenApiParameter("sort", OpenApiTypes.STR, enum=[sort.name for sort in SORTS],
                     description="Best match (with text) or newest (without) unless given."),
    OpenApiParameter("page", OpenApiTypes.INT, description="1 to 1000."),
    OpenApiParameter("page_size", OpenApiTypes.INT, description=f"{DEFAULT_PAGE_SIZE} unless given; at most 100."),
    *(
        OpenApiParameter(facet.name, OpenApiTypes.STR, many=True, explode=True,
                         description=f"{facet.title}: repeat for several values (any of them matches); "
                                     "several facets narrow together. The values: each facet's counts, or the "
                                     "vocabularies' endpoints.")
        for facet in FACETS
    ),
]


class ResourceList(ApiMixin, GenericAPIView):
    """The resources you may see: search text, facets, sort and pages as on /search/, with the
    counts of each facet's values and, when there is text, highlights of where each matched."""

    serializer_class = ResourceListSerializer

    @extend_schema(operation_id="resources_list", parameters=SEARCH_PARAMETERS,
                   responses=ResourceSearchPage)
    def get(self, request):
        search = search_request(request)
        results = service.search(search)
        found = visible_pages(ResourcePage.objects.filter(pk__in=[hit.page_id for hit in results.hits]),
                              self.http_request)
        pages = {page.pk: page for page in list_queryset(found)}
        # In the engine's order; a hit the index still has but the caller may no longer see is dropped.
        ordered = [pages[hit.page_id] for hit in results.hits if hit.page_id in pages]
        context = {
            **self.get_serializer_context(),
            "restricted_paths": restricted_paths(self.http_request),
            "highlights": {hit.page_id: hit.highlights for hit in results.hits},
            "usage": figures_for(ordered, self.http_request),
        }
        return Response({
            "count": results.total,
            "next": self._page_link(search.page + 1) if search.page * search.per_page < results.total else None,
            "previous": self._page_link(search.page - 1) if search.page > 1 else None,
            "results": ResourceListSerializer(ordered, many=True, context=context).data,
            "facets": [
                {
                    "name": facet.name,
                    "title": facet.title,
                    "values": [
                        {"value": count.value, "label": count.label or count.value, "count": count.count,
                         "selected": count.selected}
                        for count in results.facets.get(facet.name, [])
                    ],
                }
                for facet in registry.facets()
            ],
            "search": {
                "text": search.text, "sort": search.sort, "relaxed": results.relaxed,
                "every_word_count": results.every_word_count, "suggestion": results.suggestion,
                "degraded": results.degraded,
            },
        })

    def _page_link(self, number):
        url = self.request.build_absolute_uri()
        return remove_query_param(url, "page") if number == 1 else replace_query_param(url, "page", number)


class ResourceDetail(DetailView):
    """One resource you may see, whole: body, releases with their files, licence, contributors,
    lineage. Drafts, withdrawn resources and (without a member's token) network-only ones are
    answered 404, alike."""

    serializer_class = ResourceDetailSerializer
    lookup_url_kwarg = "page_id"
    not_found_message = (
        "No resource with this id is visible to you. It may not exist or not be published; a resource shared "
        "only within the network needs a member's token (docs/api.md, “Tokens”)."
    )

    def get_queryset(self):
        return list_queryset(visible_pages(ResourcePage.objects.all(), self.http_request))

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "restricted_paths": restricted_paths(self.http_request)}
