"""The pages that frame the library: the home page and the library index."""

from django.db import models
from django.db.models import Count, Prefetch, Q
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from ..blocks import RICH_TEXT_FEATURES


def resource_cards(queryset):
    """What a resource card shows, fetched in a fixed number of queries however many cards."""
    from ..protocol_flags import CARD_RELATED
    from .base import tags_prefetch
    from .releases import Release

    # With the protocol's row and its successor, for the currency flags (resources/protocol_flags.py).
    return queryset.select_related("resource_type", "licence", "cover_image", *CARD_RELATED).prefetch_related(
        "conditions",
        tags_prefetch(),
        "cover_image__renditions",
        Prefetch(
            "releases",
            queryset=Release.objects.published().order_by("-release_date", "-pk"),
            to_attr="card_releases",
        ),
    )


class HomePage(Page):
    introduction = RichTextField(features=RICH_TEXT_FEATURES, blank=True)
    featured_collection = models.ForeignKey(
        "resources.CollectionPage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    max_count = 1
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["resources.LibraryPage", "resources.CollectionPage"]

    content_panels = Page.content_panels + [FieldPanel("introduction"), FieldPanel("featured_collection")]

    class Meta:
        verbose_name = "home page"

    def get_context(self, request, *args, **kwargs):
        from ..feeds import feed_links
        from ..visibility import visible_pages
        from .base import ResourcePage
        from .collections import CollectionPage
        from .releases import Release
        from .vocabularies import Condition

        context = super().get_context(request, *args, **kwargs)
        visible = visible_pages(ResourcePage.objects.all(), request)
        featured = self.featured_collection
        if featured and featured.live:
            context["featured_collection"] = featured
            context["featured_items"] = featured.visible_items(request)[:6]
        context["latest_releases"] = (
            Release.objects.published()
            .filter(resource__in=visible.values("pk"))
            .select_related("resource", "resource__resource_type")
            .order_by("-release_date", "-pk")[:6]
        )
        context["conditions"] = Condition.objects.annotate(
            resource_count=Count("resources", filter=Q(resources__in=visible.values("pk")), distinct=True)
        )
        context["collections"] = visible_pages(CollectionPage.objects.all(), request).order_by("title")
        context["feeds"] = feed_links()
        return context


class LibraryPage(Page):
    """The browsable, filterable index of every resource below it."""

    introduction = RichTextField(features=RICH_TEXT_FEATURES, blank=True)

    max_count = 1
    parent_page_types = ["resources.HomePage"]
    subpage_types = ["resources.ToolPage", "resources.ChangePackagePage", "resources.ProtocolPage"]
    content_panels = Page.content_panels + [FieldPanel("introduction")]

    per_page = 12

    class Meta:
        verbose_name = "library"

    def get_context(self, request, *args, **kwargs):
        from search.presentation import results_context

        from ..feeds import feed_links
        from .vocabularies import Condition

        context = super().get_context(request, *args, **kwargs)
        context.update(results_context(request, log_queries=True, per_page=self.per_page))
        # Filtered by one condition, the library offers that condition's feed beside the overall one.
        chosen = request.GET.getlist("condition")
        condition = Condition.objects.filter(slug=chosen[0]).first() if len(chosen) == 1 else None
        context["feeds"] = feed_links(condition)
        return context
