"""How the API shows a resource: a summary (links between resources), a list item (the search
list, with its highlights) and the whole resource (detail).

The detail's ``body_html`` is the body as the resource page renders it (headings, rich text,
callouts, tables, steps, images, document links); links in it go through the site's own routes,
which apply the visibility and download rules again. Type-specific content (a tool's steps, a change
package's aim, drivers and measures, a protocol's scope, steps and evidence) is structured, under
``details``. The views give the serializers, in their context: ``request`` (DRF's),
``http_request`` (Django's, whose user is the caller), ``restricted_paths`` (the tree paths of
pages under a view restriction) and, in a search, ``highlights`` (id -> fragments).
"""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field, inline_serializer
from rest_framework import serializers

from ..evidence.adoption_summary import marks_of, summarise
from ..models import ChangePackagePage, CollectionPage, ProtocolPage, ResourcePage, ToolPage
from ..protocol_flags import currency_of
from ..usage.figures import Figures, figures_for
from ..visibility import visible_pages
from .serializers import (
    LicenceSerializer,
    OrganisationSummarySerializer,
    PersonSummarySerializer,
    PhaseSerializer,
    ReleaseSerializer,
    VocabularySerializer,
    absolute,
    api_url,
)

KINDS = {ToolPage: "tool", ChangePackagePage: "change-package", ProtocolPage: "protocol"}


class ResourceSummarySerializer(serializers.ModelSerializer):
    kind = serializers.SerializerMethodField(help_text="tool, change-package or protocol.")
    url = serializers.SerializerMethodField()
    api_url = serializers.SerializerMethodField()

    class Meta:
        model = ResourcePage
        fields = ["id", "kind", "title", "summary", "url", "api_url"]

    def get_kind(self, page) -> str:
        return KINDS.get(page.specific_class, "resource")

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, page):
        return absolute(self.context, page.get_url(request=self.context["http_request"]))

    @extend_schema_field(OpenApiTypes.URI)
    def get_api_url(self, page):
        return api_url(self.context, "resource-detail", page.pk)


class LatestReleaseSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    version = serializers.CharField(source="label")
    release_date = serializers.DateField()


class ResourceUsageSerializer(serializers.Serializer):
    views = serializers.IntegerField(help_text="Views of its page and its release pages by people.")
    downloads = serializers.IntegerField(help_text="Downloads of the files of its published releases by people.")
    adaptations = serializers.IntegerField(help_text="Resources adapted from it that you may see.")
    grants = serializers.IntegerField(help_text="Reuse requests granted.")


class CurrencySerializer(serializers.Serializer):
    review_by = serializers.DateField(allow_null=True, help_text="When the protocol should next be reviewed.")
    review_overdue = serializers.BooleanField(help_text="True from the day after review_by, computed each time.")
    overdue_since = serializers.DateField(allow_null=True, help_text="The day after review_by, once it has come.")
    superseded = serializers.BooleanField(help_text="A newer protocol replaces it (said even if you may not see it).")
    superseded_by = serializers.URLField(
        allow_null=True, help_text="The page of the protocol that replaces it, if you may see it."
    )
    superseded_by_api_url = serializers.URLField(allow_null=True)


class AdoptionSerializer(serializers.Serializer):
    centres = serializers.IntegerField(help_text="Centres that say they use it now.")
    worked = serializers.IntegerField(help_text="Centres whose latest answer to “did it work?” is yes.")
    partly = serializers.IntegerField(help_text="… is partly.")
    did_not_work = serializers.IntegerField(help_text="… is no.")
    too_early = serializers.IntegerField(help_text="… is too early to tell.")
    stopped = serializers.IntegerField(help_text="Centres that used it and no longer do.")
    text = serializers.CharField(help_text="The summary as the resource page says it.")
    named_centres = OrganisationSummarySerializer(
        many=True, help_text="Centres using it that agreed to be named; the others are only counted."
    )


class ResourceListSerializer(ResourceSummarySerializer):
    """One resource in a list. Expects ``resources.api.views.resources.list_queryset`` prefetches."""

    resource_type = VocabularySerializer(allow_null=True)
    phase = serializers.SerializerMethodField()
    conditions = VocabularySerializer(many=True)
    audiences = VocabularySerializer(many=True)
    tags = serializers.SerializerMethodField()
    licence = serializers.SerializerMethodField(help_text="SPDX identifier, or “Network only”.")
    organisations = OrganisationSummarySerializer(many=True)
    access = serializers.SerializerMethodField(
        help_text="public: anyone may see it; network: only signed-in members of the network (your token shows it)."
    )
    latest_release = serializers.SerializerMethodField()
    highlights = serializers.SerializerMethodField(
        help_text="In a search with text: fragments where it matched, as HTML with <mark> around each match "
        "(all other text escaped). Empty otherwise."
    )
    usage = serializers.SerializerMethodField(help_text="How much it is used (docs/usage.md).")
    currency = serializers.SerializerMethodField(
        help_text="Protocols only (null for other resources): its review-by date, whether the review is "
        "overdue today, and whether it was superseded, by what (docs/evidence.md)."
    )

    class Meta(ResourceSummarySerializer.Meta):
        fields = [
            *ResourceSummarySerializer.Meta.fields, "resource_type", "phase", "conditions", "audiences", "tags",
            "licence", "organisations", "access", "first_published_at", "last_published_at", "latest_release",
            "highlights", "usage", "currency",
        ]

    @extend_schema_field(CurrencySerializer(allow_null=True))
    def get_currency(self, page):
        currency = currency_of(page, self.context["http_request"])
        if currency is None:
            return None
        successor = currency.successor
        return {
            "review_by": currency.review_by, "review_overdue": currency.review_overdue,
            "overdue_since": currency.overdue_since, "superseded": currency.superseded,
            "superseded_by": absolute(self.context, currency.successor_url) if successor else None,
            "superseded_by_api_url": api_url(self.context, "resource-detail", successor.pk) if successor else None,
        }

    @extend_schema_field(ResourceUsageSerializer)
    def get_usage(self, page):
        figures = self.context.get("usage", {}).get(page.pk)
        if figures is None:  # one resource on its own
            figures = figures_for([page], self.context["http_request"]).get(page.pk, Figures())
        return {
            "views": figures.views, "downloads": figures.downloads,
            "adaptations": figures.adaptations, "grants": figures.grants,
        }

    @extend_schema_field(PhaseSerializer(allow_null=True))
    def get_phase(self, page):
        return {"slug": page.phase, "name": page.get_phase_display()} if page.phase else None

    def get_tags(self, page) -> list[str]:
        return sorted(item.tag.name for item in page.tagged_items.all())

    def get_licence(self, page) -> str | None:
        return page.licence.label if page.licence else None

    def get_access(self, page) -> str:
        restricted = self.context.get("restricted_paths", ())
        return "network" if any(page.path.startswith(path) for path in restricted) else "public"

    @extend_schema_field(LatestReleaseSerializer(allow_null=True))
    def get_latest_release(self, page):
        releases = getattr(page, "card_releases", None)
        return LatestReleaseSerializer(releases[0]).data if releases else None

    def get_highlights(self, page) -> list[str]:
        return self.context.get("highlights", {}).get(page.pk, [])


class CreditSerializer(serializers.Serializer):
    person = PersonSummarySerializer(source="contributor")
    role = serializers.CharField()


class ResourceDetailSerializer(ResourceListSerializer):
    licence = LicenceSerializer(allow_null=True)
    contributors = CreditSerializer(source="credited", many=True, help_text="In citation order.")
    body_html = serializers.SerializerMethodField(help_text="The body as the resource page shows it.")
    releases = ReleaseSerializer(source="published_releases", many=True, help_text="Published releases, newest first.")
    lineage = serializers.SerializerMethodField()
    transferability = serializers.SerializerMethodField()
    details = serializers.SerializerMethodField(help_text="What only this kind of resource has (see docs/api.md).")
    adoption = serializers.SerializerMethodField(help_text="Which centres use it and what they found.")

    class Meta(ResourceListSerializer.Meta):
        fields = [
            *(name for name in ResourceListSerializer.Meta.fields if name != "highlights"),
            "attribution", "contributors", "body_html", "releases", "lineage", "transferability", "details",
            "adoption",
        ]

    def _visible(self, pages):
        """The pages among ``pages`` the caller may see, in the same order."""
        ids = set(visible_pages(ResourcePage.objects.filter(pk__in=[page.pk for page in pages]),
                                self.context["http_request"]).values_list("pk", flat=True))
        return [page for page in pages if page.pk in ids]

    @extend_schema_field(AdoptionSerializer)
    def get_adoption(self, page):
        summary = summarise(marks_of(page.pk))
        return AdoptionSerializer(
            {**summary.as_data(), "named_centres": summary.named}, context=self.context
        ).data

    def get_body_html(self, page) -> str:
        return str(page.body)

    @extend_schema_field(inline_serializer("Lineage", {
        "adapted_from": ResourceSummarySerializer(many=True, help_text="Its sources, nearest first."),
        "adaptations": ResourceSummarySerializer(many=True, help_text="Resources adapted from it."),
    }))
    def get_lineage(self, page):
        adaptations = list(visible_pages(page.adaptations.all(), self.context["http_request"]).order_by("title"))
        return {
            "adapted_from": ResourceSummarySerializer(self._visible(page.adaptation_lineage()), many=True,
                                                      context=self.context).data,
            "adaptations": ResourceSummarySerializer(adaptations, many=True, context=self.context).data,
        }

    @extend_schema_field(OpenApiTypes.OBJECT)
    def get_transferability(self, page):
        return {
            "care_setting": page.care_setting, "centre_size": page.centre_size, "ehr": page.ehr,
            "staff_time": page.staff_time, "resources_needed": page.resources_needed,
        }

    @extend_schema_field(OpenApiTypes.OBJECT)
    def get_details(self, page):
        specific = page.specific
        if isinstance(specific, ToolPage):
            return {"steps": _steps(specific.steps), "time_to_adopt": specific.time_to_adopt,
                    "effort_notes": specific.effort_notes}
        if isinstance(specific, ChangePackagePage):
            return self._change_package(specific)
        if isinstance(specific, ProtocolPage):
            successor = self._visible([specific.superseded_by] if specific.superseded_by else [])
            return {
                "scope": specific.scope, "population": specific.population, "steps": _steps(specific.protocol_steps),
                "effective_date": specific.effective_date, "review_by": specific.review_by,
                "review_overdue": specific.review_overdue,
                "citations": [{"text": c.text, "doi": c.doi, "doi_url": c.doi_url} for c in specific.citations.all()],
                "superseded_by": (
                    ResourceSummarySerializer(successor[0], context=self.context).data if successor else None
                ),
            }
        return {}

    def _change_package(self, page):
        ideas = [idea for idea in page.change_ideas() if idea.get("tool") is not None]
        tools = {tool.pk: tool for tool in self._visible([idea["tool"] for idea in ideas])}

        def idea_data(idea):
            tool = idea.get("tool")
            tool = tools.get(tool.pk) if tool is not None else None  # a tool the caller may not see is not named
            return {"title": idea["title"], "description": idea["description"],
                    "tool": ResourceSummarySerializer(tool, context=self.context).data if tool else None}

        return {
            "aim": page.aim,
            "drivers": [
                {"title": primary.value["title"], "description": primary.value["description"],
                 "secondary_drivers": [{"title": secondary["title"],
                                        "change_ideas": [idea_data(idea) for idea in secondary["change_ideas"]]}
                                       for secondary in primary.value["secondary_drivers"]]}
                for primary in page.drivers
            ],
            "measures": [
                {"kind": m.kind, "name": m.name, "operational_definition": m.operational_definition,
                 "numerator": m.numerator, "denominator": m.denominator, "unit": m.unit,
                 "desired_direction": m.desired_direction or None}
                for m in page.measures.all()
            ],
        }


def _steps(steps):
    return [{"title": step["title"], "text": step["text"]} for step in steps]


class CollectionItemSerializer(serializers.Serializer):
    note = serializers.CharField(help_text="The editor's note: why this resource is here.")
    resource = ResourceSummarySerializer()


class CollectionSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField()
    api_url = serializers.SerializerMethodField()
    introduction_html = serializers.SerializerMethodField()

    class Meta:
        model = CollectionPage
        fields = ["id", "title", "url", "api_url", "introduction_html", "first_published_at", "last_published_at"]

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, collection):
        return absolute(self.context, collection.get_url(request=self.context["http_request"]))

    @extend_schema_field(OpenApiTypes.URI)
    def get_api_url(self, collection):
        return api_url(self.context, "collection-detail", collection.pk)

    def get_introduction_html(self, collection) -> str:
        from wagtail.rich_text import expand_db_html

        return expand_db_html(collection.introduction)


class CollectionDetailSerializer(CollectionSerializer):
    items = serializers.SerializerMethodField(help_text="In the editor's order; only resources you may see.")

    class Meta(CollectionSerializer.Meta):
        fields = [*CollectionSerializer.Meta.fields, "items"]

    @extend_schema_field(CollectionItemSerializer(many=True))
    def get_items(self, collection):
        items = [{"note": item.note, "resource": resource}
                 for item, resource in collection.visible_items(self.context["http_request"])]
        return CollectionItemSerializer(items, many=True, context=self.context).data
