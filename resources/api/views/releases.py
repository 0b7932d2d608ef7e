"""/api/v1/releases/ and /api/v1/collections/: published releases of resources you may see, with
their files; collections you may see, with the items whose resources you may see."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view

from ...models import CollectionPage, Release, ResourcePage
from ...visibility import visible_pages
from ..errors import BadQuery
from ..resource_serializers import CollectionDetailSerializer, CollectionSerializer
from ..serializers import ReleaseSerializer
from .base import DetailView, ListView


def visible_releases(http_request):
    resources = visible_pages(ResourcePage.objects.all(), http_request)
    return (
        Release.objects.published()
        .filter(resource__in=resources.values("pk"))
        .select_related("resource")
        .prefetch_related("files__document")
    )


@extend_schema_view(get=extend_schema(parameters=[
    OpenApiParameter("resource", OpenApiTypes.INT, description="Only the releases of the resource with this id."),
]))
class ReleaseList(ListView):
    """Published releases, the latest published first. Draft releases, and releases of drafts,
    withdrawn resources and resources you may not see, are never listed."""

    serializer_class = ReleaseSerializer

    def get_queryset(self):
        releases = visible_releases(self.http_request).order_by("-published_at", "-pk")
        resource = self.request.query_params.get("resource")
        if resource is not None:
            if not resource.isdigit():
                raise BadQuery({"resource": [f"“{resource}” is not a resource id: give a whole number."]})
            releases = releases.filter(resource_id=int(resource))
        return releases


class ReleaseDetail(DetailView):
    serializer_class = ReleaseSerializer
    lookup_url_kwarg = "release_id"
    not_found_message = "No published release with this id is visible to you."

    def get_queryset(self):
        return visible_releases(self.http_request)


class CollectionList(ListView):
    """Collections you may see (their items: each collection's own endpoint)."""

    serializer_class = CollectionSerializer

    def get_queryset(self):
        return visible_pages(CollectionPage.objects.all(), self.http_request).order_by("title")


class CollectionDetail(DetailView):
    """A collection and its items in the editor's order: only items whose resource you may see."""

    serializer_class = CollectionDetailSerializer
    lookup_url_kwarg = "page_id"
    not_found_message = "No collection with this id is visible to you."

    def get_queryset(self):
        return visible_pages(CollectionPage.objects.all(), self.http_request)
