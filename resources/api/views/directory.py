"""/api/v1/organisations/, /people/, /licences/, /vocabularies/ and the API's root (/api/v1/).

People and organisations are public, as their pages are; the counts and lists of resources they
carry are of the resources the caller may see. A person's account (user name, e-mail) never shows."""

from django.db.models import Count, Q
from drf_spectacular.utils import extend_schema, extend_schema_field, inline_serializer
from rest_framework import serializers
from rest_framework.generics import GenericAPIView
from rest_framework.response import Response
from rest_framework.reverse import reverse

from contributors.models import ContributorProfile, Organisation

from ...models import Audience, Condition, ImprovementPhase, Licence, ResourcePage, ResourceType
from ...visibility import visible_pages
from ..resource_serializers import ResourceSummarySerializer
from ..serializers import (
    ConditionSerializer,
    LicenceSerializer,
    OrganisationSerializer,
    PersonSerializer,
    PhaseSerializer,
    VocabularySerializer,
)
from .base import ApiMixin, DetailView, ListView


def _visible(http_request):
    return visible_pages(ResourcePage.objects.all(), http_request)


class _WithResources:
    """A detail serializer's list of the resources that credit the person or organisation."""

    resource_filter = ""

    @extend_schema_field(ResourceSummarySerializer(many=True))
    def get_resources(self, obj):
        pages = _visible(self.context["http_request"]).filter(**{self.resource_filter: obj}).distinct()
        return ResourceSummarySerializer(pages.order_by("title"), many=True, context=self.context).data


class OrganisationDetailSerializer(_WithResources, OrganisationSerializer):
    resource_filter = "organisations"
    resources = serializers.SerializerMethodField(help_text="Resources crediting it that you may see, by title.")

    class Meta(OrganisationSerializer.Meta):
        fields = [*OrganisationSerializer.Meta.fields, "resources"]


class PersonDetailSerializer(_WithResources, PersonSerializer):
    resource_filter = "contributor_links__contributor"
    resources = serializers.SerializerMethodField(help_text="Resources crediting them that you may see, by title.")

    class Meta(PersonSerializer.Meta):
        fields = [*PersonSerializer.Meta.fields, "resources"]


def organisations(http_request):
    visible = _visible(http_request).values("pk")
    return Organisation.objects.prefetch_related("conditions").annotate(
        resource_count=Count("resources", filter=Q(resources__in=visible), distinct=True)
    )


def people(http_request):
    visible = _visible(http_request).values("pk")
    return ContributorProfile.objects.select_related("organisation").annotate(
        resource_count=Count("resource_links__page", filter=Q(resource_links__page__in=visible), distinct=True)
    )


class OrganisationList(ListView):
    serializer_class = OrganisationSerializer

    def get_queryset(self):
        return organisations(self.http_request).order_by("name")


class OrganisationDetail(DetailView):
    serializer_class = OrganisationDetailSerializer
    lookup_field = "slug"
    not_found_message = "No organisation has this slug."

    def get_queryset(self):
        return organisations(self.http_request)


class PersonList(ListView):
    serializer_class = PersonSerializer

    def get_queryset(self):
        return people(self.http_request).order_by("display_name")


class PersonDetail(DetailView):
    serializer_class = PersonDetailSerializer
    lookup_field = "slug"
    not_found_message = "No person has this slug."

    def get_queryset(self):
        return people(self.http_request)


class LicenceList(ListView):
    serializer_class = LicenceSerializer
    queryset = Licence.objects.all()


class ConditionList(ListView):
    serializer_class = ConditionSerializer
    queryset = Condition.objects.order_by("name")


class ResourceTypeList(ListView):
    serializer_class = VocabularySerializer
    queryset = ResourceType.objects.order_by("name")


class AudienceList(ListView):
    serializer_class = VocabularySerializer
    queryset = Audience.objects.order_by("name")


class PhaseList(ListView):
    """The improvement phases: fixed by the model for improvement, in its order."""

    serializer_class = PhaseSerializer

    def get_queryset(self):
        return [{"slug": value, "name": label} for value, label in ImprovementPhase.choices]


VOCABULARIES = {
    "conditions": "condition-list",
    "resource_types": "resource-type-list",
    "audiences": "audience-list",
    "phases": "phase-list",
}

ENDPOINTS = {
    "resources": "resource-list",
    "releases": "release-list",
    "collections": "collection-list",
    "measures": "measure-list",
    "series": "series-list",
    "adoptions": "adoption-list",
    "organisations": "organisation-list",
    "people": "person-list",
    "licences": "licence-list",
    "vocabularies": "vocabulary-index",
    **VOCABULARIES,
}


class Root(ApiMixin, GenericAPIView):
    """Where each list is, and where the schema and its documentation are."""

    @extend_schema(responses=inline_serializer("Root", {name: serializers.URLField() for name in
                                                         [*ENDPOINTS, "schema", "docs"]}))
    def get(self, request):
        links = {name: reverse(f"api:{view}", request=request) for name, view in ENDPOINTS.items()}
        links["schema"] = reverse("api-schema", request=request)
        links["docs"] = reverse("api-docs", request=request)
        return Response(links)


class VocabularyIndex(ApiMixin, GenericAPIView):
    """Where each vocabulary is: the words resources are filed under, whose slugs the facets take."""

    @extend_schema(responses=inline_serializer("Vocabularies", {name: serializers.URLField() for name in VOCABULARIES}))
    def get(self, request):
        return Response({name: reverse(f"api:{view}", request=request) for name, view in VOCABULARIES.items()})
