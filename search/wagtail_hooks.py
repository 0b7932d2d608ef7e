"""The search screens of the admin: the synonyms editors manage, and what people searched for.

Both sit in a "Search" menu. Saving or deleting a synonym drops the cached synonym map (see
search/signals.py), so the next search uses the change at once.
"""

import datetime

from django.db.models import Avg, Count, Exists, Max, OuterRef, Q
from django.db.models.functions import Lower
from django.urls import path, reverse
from django.utils import timezone
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin.auth import permission_denied
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import SearchClick, SearchQueryLog, Synonym

ANALYTICS_PERMISSION = "commons_search.view_searchquerylog"
SEARCH_MENU_HOOK = "register_commons_search_menu_item"


# Wagtail's snippet copy view saves a POST over the object being copied (the form is given the
# original itself), so a "copy" edits it: no copy screens here.
class SynonymViewSet(SnippetViewSet):
    copy_view_enabled = False
    model = Synonym
    icon = "list-ul"
    menu_label = "Synonyms"
    list_display = ["term", "synonyms"]
    search_fields = ["term", "synonyms"]
    # A small table: filtered in the database (icontains), not through Wagtail's search index.
    search_backend_name = None
    ordering = ["term"]


class SearchGroup(SnippetViewSetGroup):
    menu_label = "Search"
    menu_icon = "search"
    menu_order = 320
    items = (SynonymViewSet,)
    submenu_hook = SEARCH_MENU_HOOK  # the analytics report joins the synonyms in this menu


register_snippet(SearchGroup)


def _rate(part, whole):
    return round(100 * part / whole) if whole else None


class SearchAnalyticsView(WagtailAdminTemplateMixin, TemplateView):
    """The most frequent searches of the last days, the searches that found nothing, and how
    often a search led to a click on a result."""

    template_name = "search/admin/analytics.html"
    page_title = "Search analytics"
    header_icon = "search"
    days = 30
    top = 20

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(ANALYTICS_PERMISSION):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        since = timezone.now() - datetime.timedelta(days=self.days)
        searches = SearchQueryLog.objects.filter(created_at__gte=since).annotate(
            clicked=Exists(SearchClick.objects.filter(search=OuterRef("pk")))
        )
        # One row per query, whatever its capitals; the clicks are an EXISTS per search, so a
        # search with several clicks counts once and the average of results is not skewed.
        by_query = searches.values(term=Lower("query"))

        top_queries = list(
            by_query.annotate(
                searches=Count("pk"),
                clicked_searches=Count("pk", filter=Q(clicked=True)),
                average_results=Avg("result_count"),
                last_searched=Max("created_at"),
            ).order_by("-searches", "term")[: self.top]
        )
        for row in top_queries:
            row["click_through"] = _rate(row["clicked_searches"], row["searches"])

        def missed(searches_missed):
            # With the "Did you mean" the site offered (the same query gets the same suggestion
            # until the index changes: the latest is shown).
            return list(
                searches_missed.annotate(
                    searches=Count("pk"), last_searched=Max("created_at"), suggestion=Max("suggestion")
                ).order_by("-searches", "-last_searched", "term")[: self.top]
            )

        totals = searches.aggregate(
            searches=Count("pk"),
            clicked_searches=Count("pk", filter=Q(clicked=True)),
            zero_result_searches=Count("pk", filter=Q(result_count=0)),
            relaxed_searches=Count("pk", filter=Q(relaxed=True)),
        )
        context.update(
            days=self.days,
            top=self.top,
            top_queries=top_queries,
            zero_results=missed(by_query.filter(result_count=0)),
            relaxed_results=missed(by_query.filter(relaxed=True)),
            totals=totals,
            click_through=_rate(totals["clicked_searches"], totals["searches"]),
            zero_rate=_rate(totals["zero_result_searches"], totals["searches"]),
            clicks=SearchClick.objects.filter(search__created_at__gte=since).count(),
        )
        return context


@hooks.register("register_admin_urls")
def register_search_admin_urls():
    return [path("search-analytics/", SearchAnalyticsView.as_view(), name="commons_search_analytics")]


class SearchAnalyticsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(ANALYTICS_PERMISSION)


@hooks.register(SEARCH_MENU_HOOK)
def register_search_analytics_menu_item():
    return SearchAnalyticsMenuItem(
        "Search analytics", reverse("commons_search_analytics"), name="search-analytics", icon_name="view", order=900
    )
