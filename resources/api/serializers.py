"""How the API shows everything but a resource itself (``resource_serializers``): vocabularies,
licences, people, organisations, releases and their files, collections.

Addresses are absolute and on the host the caller asked: ``url`` is the page a person reads,
``api_url`` the API's own, ``download_url`` a file through the release's serving route (which
applies the download rules again, whoever follows the link)."""

from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from contributors.models import ContributorProfile, Organisation

from ..models import Licence, Release, ReleaseFile
from ..usage.figures import release_views


def absolute(context, path):
    return context["request"].build_absolute_uri(path)


def api_url(context, name, *args):
    return absolute(context, reverse(f"api:{name}", args=args))


class VocabularySerializer(serializers.Serializer):
    slug = serializers.SlugField(help_text="The value to filter by (e.g. ?type=checklist).")
    name = serializers.CharField()
    description = serializers.CharField()


class ConditionSerializer(VocabularySerializer):
    network_name = serializers.CharField(help_text="The improvement network that serves the condition, if named.")


class PhaseSerializer(serializers.Serializer):
    slug = serializers.CharField(help_text="The value to filter by (?phase=test).")
    name = serializers.CharField()


class LicenceSerializer(serializers.ModelSerializer):
    spdx_id = serializers.CharField(help_text="The SPDX identifier; empty for the network's own terms.")
    filter_value = serializers.SerializerMethodField(help_text="The value to filter resources by (?licence=…).")

    class Meta:
        model = Licence
        fields = [
            "spdx_id", "name", "url", "summary", "allows_commercial_use", "allows_derivatives",
            "requires_share_alike", "requires_attribution", "network_only", "filter_value",
        ]

    def get_filter_value(self, licence) -> str:
        from ..indexing.documents import licence_value

        return licence_value(licence.spdx_id)


class OrganisationSummarySerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField()
    api_url = serializers.SerializerMethodField()

    class Meta:
        model = Organisation
        fields = ["id", "slug", "name", "url", "api_url"]

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, organisation):
        return absolute(self.context, organisation.get_absolute_url())

    @extend_schema_field(OpenApiTypes.URI)
    def get_api_url(self, organisation):
        return api_url(self.context, "organisation-detail", organisation.slug)


class OrganisationSerializer(OrganisationSummarySerializer):
    conditions = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
    resource_count = serializers.IntegerField(help_text="Resources crediting it that you may see.")

    class Meta(OrganisationSummarySerializer.Meta):
        fields = [*OrganisationSummarySerializer.Meta.fields, "kind", "city", "description", "website",
                  "conditions", "resource_count"]


class PersonSummarySerializer(serializers.ModelSerializer):
    name = serializers.CharField(source="display_name")
    url = serializers.SerializerMethodField()
    api_url = serializers.SerializerMethodField()

    class Meta:
        model = ContributorProfile
        fields = ["id", "slug", "name", "url", "api_url"]

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, person):
        return absolute(self.context, person.get_absolute_url())

    @extend_schema_field(OpenApiTypes.URI)
    def get_api_url(self, person):
        return api_url(self.context, "person-detail", person.slug)


class PersonSerializer(PersonSummarySerializer):
    organisation = OrganisationSummarySerializer(allow_null=True)
    orcid_url = serializers.URLField()
    resource_count = serializers.IntegerField(help_text="Resources crediting them that you may see.")

    class Meta(PersonSummarySerializer.Meta):
        # Never the account behind a profile (user name, e-mail): only what their public page shows.
        fields = [*PersonSummarySerializer.Meta.fields, "role_in_care", "organisation", "orcid", "orcid_url", "bio",
                  "resource_count"]


class ReleaseFileSerializer(serializers.ModelSerializer):
    title = serializers.CharField(source="display_title")
    downloads = serializers.IntegerField(
        source="download_count", help_text="Downloads by people since counting began (docs/usage.md)."
    )
    size = serializers.IntegerField(source="document.file_size", allow_null=True, help_text="In bytes.")
    content_type = serializers.CharField(source="document.content_type")
    sha256 = serializers.CharField(help_text="Recorded when the release was published; check a download against it.")
    download_url = serializers.SerializerMethodField()

    class Meta:
        model = ReleaseFile
        fields = ["id", "title", "filename", "size", "content_type", "sha256", "download_url", "downloads"]

    @extend_schema_field(OpenApiTypes.URI)
    def get_download_url(self, release_file):
        return absolute(self.context, release_file.get_absolute_url())


class ReleaseUsageSerializer(serializers.Serializer):
    views = serializers.IntegerField(help_text="Views of the release's page by people.")
    downloads = serializers.IntegerField(help_text="Downloads of its files by people.")


class ReleasesSerializer(serializers.ListSerializer):
    """Releases in a list: their page views are read for all of them in one query."""

    def to_representation(self, data):
        releases = list(data.all() if hasattr(data, "all") else data)
        views = release_views(release.pk for release in releases)
        for release in releases:
            release.api_views = views.get(release.pk, 0)
        return super().to_representation(releases)


class ReleaseSerializer(serializers.ModelSerializer):
    version = serializers.CharField(source="label")
    url = serializers.SerializerMethodField()
    usage = serializers.SerializerMethodField()
    api_url = serializers.SerializerMethodField()
    resource = serializers.SerializerMethodField()
    files = ReleaseFileSerializer(many=True)

    class Meta:
        model = Release
        fields = ["id", "version", "release_date", "published_at", "change_notes", "url", "api_url", "resource",
                  "files", "usage"]
        list_serializer_class = ReleasesSerializer

    @extend_schema_field(ReleaseUsageSerializer)
    def get_usage(self, release):
        views = getattr(release, "api_views", None)
        if views is None:  # one release on its own
            views = release_views([release.pk]).get(release.pk, 0)
        return {"views": views, "downloads": sum(release_file.download_count for release_file in release.files.all())}

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, release):
        return absolute(self.context, release.get_absolute_url())

    @extend_schema_field(OpenApiTypes.URI)
    def get_api_url(self, release):
        return api_url(self.context, "release-detail", release.pk)

    @extend_schema_field(
        {"type": "object", "properties": {"id": {"type": "integer"}, "title": {"type": "string"},
                                          "api_url": {"type": "string", "format": "uri"}}}
    )
    def get_resource(self, release):
        resource = release.resource
        return {
            "id": resource.pk, "title": resource.title, "api_url": api_url(self.context, "resource-detail", resource.pk)
        }
