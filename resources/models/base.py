"""The resource base: the fields every shareable item carries, whatever its type."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import prefetch_related_objects
from django.http import Http404, HttpResponse
from django.utils.functional import cached_property
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.forms.pages import CopyForm
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from ..blocks import BodyBlock
from ..panels import ReleasesPanel
from .vocabularies import ImprovementPhase


class ResourceTag(TaggedItemBase):
    content_object = ParentalKey(
        "resources.ResourcePage", related_name="tagged_items", on_delete=models.CASCADE
    )


def tags_prefetch():
    """Prefetch resources' tags with their names in one query (``tagged_items__tag`` takes two);
    ``tag_names`` reads them from there."""
    return models.Prefetch("tagged_items", queryset=ResourceTag.objects.select_related("tag"))


class ContributorRole(models.TextChoices):
    AUTHOR = "author", "Author"
    ADAPTER = "adapter", "Adapter"
    REVIEWER = "reviewer", "Reviewer"


class ResourceContributor(Orderable):
    """A person credited on a resource, in the order they should be cited."""

    page = ParentalKey("resources.ResourcePage", related_name="contributor_links", on_delete=models.CASCADE)
    contributor = models.ForeignKey(
        "contributors.ContributorProfile", on_delete=models.PROTECT, related_name="resource_links"
    )
    role = models.CharField(max_length=20, choices=ContributorRole.choices, default=ContributorRole.AUTHOR)

    panels = [FieldRowPanel([FieldPanel("contributor"), FieldPanel("role")])]

    def __str__(self):
        return f"{self.contributor} ({self.get_role_display()})"

    class Meta(Orderable.Meta):
        # Ties (rows made without a sort order) in the order they were made, on every database.
        ordering = ["sort_order", "pk"]


class CareSetting(models.TextChoices):
    OUTPATIENT = "outpatient", "Outpatient clinic"
    INPATIENT = "inpatient", "Inpatient ward"
    HOME = "home", "Home and family"
    COMMUNITY = "community", "Community and school"
    MIXED = "mixed", "Several settings"


class CentreSize(models.TextChoices):
    SMALL = "small", "Small centre (under 200 patients with the condition)"
    MEDIUM = "medium", "Medium centre (200–600 patients)"
    LARGE = "large", "Large centre (over 600 patients)"
    ANY = "any", "Any size"


ONE_LINE_TITLE = "A title is one line: take out the line break and keep it on a single line."


def validate_one_line_title(value):
    """A title is shown in lists, headings, e-mail subjects and citations, none of which can hold a
    line break (an e-mail subject with one cannot be sent at all)."""
    if value and len(value.splitlines()) > 1:
        raise ValidationError(ONE_LINE_TITLE, code="multi_line_title")


class ResourceCopyForm(CopyForm):
    """Wagtail's copy form, with the same rule for the copy's new title."""

    def clean_new_title(self):
        title = self.cleaned_data["new_title"]
        validate_one_line_title(title)
        return title


class ResourcePageForm(WagtailAdminPageForm):
    """Drafts may be saved without a licence; submitting or publishing needs one."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "licence" in self.fields:
            self.fields["licence"].error_messages["required"] = (
                "Choose a licence before this resource can be published, so others know how they "
                "may reuse it."
            )


class ResourcePage(RoutablePageMixin, Page):
    """Shared fields of tools, change packages and protocols.

    Concrete (multi-table) rather than abstract, and not creatable itself: the library filters and
    lists every kind of resource in one query, and tags, contributors and releases hang off one
    table instead of one copy per type.
    """

    summary = models.TextField(
        max_length=280, help_text="One or two plain sentences: what it is and who it helps."
    )
    body = StreamField(BodyBlock(), blank=True)
    conditions = ParentalManyToManyField("resources.Condition", blank=True, related_name="resources")
    resource_type = models.ForeignKey(
        "resources.ResourceType", null=True, blank=True, on_delete=models.PROTECT, related_name="resources"
    )
    phase = models.CharField(
        "improvement phase", max_length=20, choices=ImprovementPhase.choices, blank=True
    )
    audiences = ParentalManyToManyField("resources.Audience", blank=True, related_name="resources")
    tags = ClusterTaggableManager(through=ResourceTag, blank=True)
    licence = models.ForeignKey(
        "resources.Licence", null=True, blank=False, on_delete=models.PROTECT, related_name="resources"
    )
    attribution = models.TextField(
        blank=True, help_text="How people reusing this should credit it, e.g. “Developed by … at …”."
    )
    organisations = ParentalManyToManyField(
        "contributors.Organisation", blank=True, related_name="resources"
    )
    cover_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    adapted_from = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="adaptations",
        help_text="The resource this one was adapted from, if any.",
    )

    # Transferability: what another team needs to know before adopting it.
    care_setting = models.CharField(max_length=20, choices=CareSetting.choices, blank=True)
    centre_size = models.CharField(max_length=20, choices=CentreSize.choices, blank=True)
    ehr = models.CharField(
        "electronic health record", max_length=200, blank=True,
        help_text="Which EHR it was built in or for, and what it needs from it.",
    )
    staff_time = models.CharField(max_length=200, blank=True, help_text="e.g. “10 minutes per visit for a nurse”.")
    resources_needed = models.TextField(blank=True)

    # Set on each resource type: the resource type slug filled in when none is chosen.
    default_resource_type = None

    base_form_class = ResourcePageForm
    copy_form_class = ResourceCopyForm
    is_creatable = False
    parent_page_types = ["resources.LibraryPage"]
    subpage_types = []

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.FilterField("phase"),
        index.FilterField("resource_type"),
        index.FilterField("licence"),
    ]

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("cover_image"),
        FieldPanel("body"),
    ]
    classification_panels = [
        FieldPanel("resource_type"),
        FieldPanel("phase"),
        FieldPanel("conditions", widget=forms.CheckboxSelectMultiple),
        FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
        FieldPanel("tags"),
    ]
    people_panels = [
        InlinePanel("contributor_links", label="Contributors", heading="Contributors, in citation order"),
        FieldPanel("organisations"),
    ]
    reuse_panels = [
        FieldPanel("licence"),
        FieldPanel("attribution"),
        FieldPanel("adapted_from"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("care_setting"), FieldPanel("centre_size")]),
                FieldPanel("ehr"),
                FieldPanel("staff_time"),
                FieldPanel("resources_needed"),
            ],
            heading="Transferability",
        ),
    ]

    class Meta:
        verbose_name = "resource"

    @classmethod
    def build_edit_handler(cls, extra_tabs=()):
        """The editor's tabs; resource types add theirs between content and classification."""
        return TabbedInterface(
            [
                ObjectList(cls.content_panels, heading="Content"),
                *extra_tabs,
                ObjectList(cls.classification_panels, heading="Classification"),
                ObjectList(cls.people_panels, heading="People"),
                ObjectList(cls.reuse_panels, heading="Licence and reuse"),
                ObjectList([ReleasesPanel(heading="Releases")], heading="Releases"),
                ObjectList(cls.promote_panels, heading="Promote"),
                ObjectList(cls.settings_panels, heading="Settings"),
            ]
        )

    def clean(self):
        super().clean()
        # Here rather than on a form: the admin editor, the share form and any code that saves a
        # revision (save_revision validates) all pass through the model's clean().
        try:
            validate_one_line_title(self.title)
        except ValidationError as error:
            raise ValidationError({"title": error}) from None
        if self.resource_type_id is None and self.default_resource_type:
            from .vocabularies import ResourceType

            self.resource_type = ResourceType.objects.filter(slug=self.default_resource_type).first()

    @cached_property
    def published_releases(self):
        """Published releases, newest first, with their files."""
        if self.pk is None:  # a new resource, previewed before it is first saved
            return []
        return list(
            self.releases.published()
            .prefetch_related("files__document")
            .order_by("-release_date", "-pk")
        )

    @property
    def reuse_needs_permission(self):
        """Whether reusing it needs its people's permission (a reuse request): its licence keeps it
        within the network, or allows no adapted versions."""
        licence = self.licence
        return licence is not None and (licence.network_only or not licence.allows_derivatives)

    @property
    def latest_release(self):
        return self.published_releases[0] if self.published_releases else None

    @cached_property
    def credited(self):
        return list(self.contributor_links.select_related("contributor__organisation").order_by("sort_order", "pk"))

    @property
    def authors(self):
        return [link.contributor for link in self.credited if link.role != ContributorRole.REVIEWER]

    def get_sitemap_urls(self, request=None):
        """As Wagtail's, but modified also when its latest release was published (the page shows
        it): the sitemap fetches that date with the pages (``latest_release_at``)."""
        urls = super().get_sitemap_urls(request)
        if "latest_release_at" in self.__dict__:
            released = self.latest_release_at
        else:
            released = self.latest_release.published_at if self.latest_release else None
        for url in urls:
            url["lastmod"] = max(filter(None, [url.get("lastmod"), released]), default=None)
        return urls

    def adaptation_lineage(self):
        """The chain of sources this resource was adapted from, nearest first."""
        lineage, seen, source = [], {self.pk}, self.adapted_from
        while source is not None and source.pk not in seen:
            lineage.append(source)
            seen.add(source.pk)
            source = source.adapted_from
        return lineage

    def get_context(self, request, *args, **kwargs):
        from .. import jsonld
        from ..evidence.adoption_summary import page_context as adoption_context
        from ..usage.counting import views_counted
        from ..usage.figures import page_figures
        from ..visibility import visible_pages

        context = super().get_context(request, *args, **kwargs)
        if self.pk is not None and not getattr(request, "is_preview", False):
            # Read by the page and its structured data alike: fetched once. (Not in a preview,
            # whose relations are the revision's, held on the page, not the rows.)
            prefetch_related_objects([self], "conditions", "audiences", "organisations", tags_prefetch())
        lineage = self.adaptation_lineage()
        visible = set(
            visible_pages(ResourcePage.objects.filter(pk__in=[page.pk for page in lineage]), request).values_list(
                "pk", flat=True
            )
        )
        context["lineage"] = [page for page in lineage if page.pk in visible]
        if self.pk is None:
            # The admin's preview of a resource not saved yet: nothing adapts it, nothing is indexed.
            context["adaptations"], context["related"] = ResourcePage.objects.none(), []
            return context
        context["adaptations"] = list(visible_pages(self.adaptations.all(), request).order_by("title"))
        context["related"] = self.related_resources(request)
        # isBasedOn names the source only if the visitor may see it, as "Adapted from" does.
        lineage = context["lineage"]
        source = lineage[0] if lineage and lineage[0].pk == self.adapted_from_id else None
        context["structured_data"] = jsonld.resource_data(self, request, source=source)
        if not getattr(request, "is_preview", False):  # the admin's preview counts nothing
            context["usage"] = page_figures(self, context["adaptations"])
            context["count_views"] = views_counted()
            context.update(adoption_context(self, request))
            context["evidence"] = self.evidence_section(request)
        return context

    def evidence_section(self, request):
        """The page's Evidence section (resources/evidence/evidence_section.py), or None: the
        resource types that have centres' data series say which."""
        return None

    def related_resources(self, request, limit=4):
        """Resources like this one that the visitor may see, best first (from the search engine)."""
        from search import service

        from ..visibility import visible_pages
        from .site_pages import resource_cards

        ids = service.related(self.pk, request, limit=limit)
        # Checked again here: the index (and what is kept from it) may lag a change of visibility.
        visible = visible_pages(ResourcePage.objects.filter(pk__in=ids), request)
        pages = {page.pk: page for page in resource_cards(visible)}
        return [pages[pk] for pk in ids if pk in pages]

    @path("cite/<str:style>/", name="cite")
    def cite(self, request, style):
        from ..citations import CITATION_STYLES

        if style not in CITATION_STYLES:
            raise Http404("Unknown citation style")
        formatter, content_type, extension = CITATION_STYLES[style]
        response = HttpResponse(formatter(self, self.latest_release, request), content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="{self.slug}.{extension}"'
        return response
