from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from ..blocks import RICH_TEXT_FEATURES


class CollectionPage(Page):
    """An editor-curated, ordered set of resources with an introduction."""

    introduction = RichTextField(features=RICH_TEXT_FEATURES)
    cover_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    parent_page_types = ["resources.HomePage"]
    subpage_types = []

    search_fields = Page.search_fields + [index.SearchField("introduction")]
    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("cover_image"),
        InlinePanel("items", label="Resource", heading="Resources, in order"),
    ]

    class Meta:
        verbose_name = "collection"

    def visible_items(self, request):
        """The collection's items whose resources this request may see, in the editor's order."""
        from ..visibility import visible_pages
        from .base import ResourcePage
        from .site_pages import resource_cards

        visible = visible_pages(ResourcePage.objects.filter(collection_items__collection=self), request)
        resources = {page.pk: page for page in resource_cards(visible)}
        return [
            (item, resources[item.resource_id])
            for item in self.items.order_by("sort_order", "pk")
            if item.resource_id in resources
        ]

    def get_context(self, request, *args, **kwargs):
        from .. import jsonld

        context = super().get_context(request, *args, **kwargs)
        context["items"] = self.visible_items(request)
        if self.pk is not None:
            context["structured_data"] = jsonld.collection_data(self, request, context["items"])
        return context


class CollectionItem(Orderable):
    collection = ParentalKey(CollectionPage, related_name="items", on_delete=models.CASCADE)
    resource = models.ForeignKey(
        "resources.ResourcePage", on_delete=models.CASCADE, related_name="collection_items"
    )
    note = models.TextField("editor's note", blank=True, help_text="Why this resource is here.")

    panels = [FieldPanel("resource"), FieldPanel("note")]

    class Meta(Orderable.Meta):
        # Ties (rows made without a sort order) in the order they were made, on every database.
        ordering = ["sort_order", "pk"]
