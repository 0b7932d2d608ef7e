"""A resource's usage figures, for its page, the API and the index: ``figures_for(pages)``.

- **views**: views of its page and of its release pages, by people (docs/usage.md), since
  counting began;
- **downloads**: downloads of the files of its published releases (each file keeps a running
  total);
- **adaptations**: live resources adapted from it that the person asking may see;
- **grants**: reuse requests its owners or an editor granted.

``figures_for`` answers in one query for any number of pages (one subquery per figure), after the
view restrictions are read once per request (``visibility.hidden_q``: two queries, none if the
request already asked). A resource page being rendered asks ``page_figures`` instead, which reads
what the page has loaded anyway and keeps the rest in the cache (below).
"""

from dataclasses import dataclass

from django.db.models import Count, IntegerField, OuterRef, Subquery, Sum
from django.db.models.functions import Coalesce

from ..models import ReleaseFile, ResourcePage, ReuseRequest, UsageCount, UsageKind
from ..page_kept import forget_for_page, kept_for_page
from ..visibility import anonymous_request, visible_pages


@dataclass(frozen=True)
class Figures:
    views: int = 0
    downloads: int = 0
    adaptations: int = 0
    grants: int = 0

    @property
    def uses(self):
        """What "Most used" orders by: views and downloads together."""
        return self.views + self.downloads


def _total(queryset, group_by, value):
    """A subquery: the sum of the field ``value`` over ``queryset``'s rows for the outer page, or
    their number when ``value`` is "pk"."""
    aggregate = Sum(value) if value != "pk" else Count("pk")
    rows = queryset.order_by().values(group_by).annotate(total=aggregate).values("total")
    return Coalesce(Subquery(rows, output_field=IntegerField()), 0)


def _views():
    return _total(UsageCount.objects.filter(page=OuterRef("pk"), kind=UsageKind.VIEW), "page", "count")


def _downloads():
    files = ReleaseFile.objects.filter(release__resource=OuterRef("pk"), release__published_at__isnull=False)
    return _total(files, "release__resource", "download_count")


def release_views(release_ids):
    """{release id: views of its release page} for these releases, in one query (the API's)."""
    rows = (
        UsageCount.objects.filter(kind=UsageKind.VIEW, release_id__in=list(release_ids))
        .order_by()
        .values_list("release_id")
        .annotate(total=Sum("count"))
    )
    return dict(rows)


def figures_for(pages, request=None):
    """{page id: Figures} for ``pages`` (pages or ids); adaptations are those ``request`` may see
    (an anonymous visitor's when None). Pages that are not resources are left out."""
    ids = [getattr(page, "pk", page) for page in pages]
    if not ids:
        return {}
    adaptations = visible_pages(
        ResourcePage.objects.filter(adapted_from=OuterRef("pk")), request or anonymous_request()
    )
    rows = (
        ResourcePage.objects.filter(pk__in=ids)
        .order_by()
        .values_list("pk")
        .annotate(
            views=_views(),
            downloads=_downloads(),
            adaptations=_total(adaptations, "adapted_from", "pk"),
            grants=_total(ReuseRequest.objects.granted().filter(resource=OuterRef("pk")), "resource", "pk"),
        )
    )
    return {pk: Figures(*values) for pk, *values in rows}


# A resource page's views and grants, kept in the default cache under the search index's generation
# (resources/page_kept.py): ``manage.py rollup_usage`` indexes again the resources
# whose figures moved, which moves the generation on, so the page and the "Most used" order show
# the same figures; a decided reuse request forgets its resource's (resources/page_cache.py).
PAGE_FIGURES_SECONDS = 3600
KEPT_AS = "usage-figures"


def forget_page_figures(page_id):
    """A decided reuse request changes its resource's grants (resources/page_cache.py)."""
    forget_for_page(KEPT_AS, page_id)


def _views_and_grants(page_id):
    return (
        ResourcePage.objects.filter(pk=page_id)
        .order_by()
        .values_list(
            _views(),
            _total(ReuseRequest.objects.granted().filter(resource=OuterRef("pk")), "resource", "pk"),
        )
        .first()
    ) or (0, 0)


def page_figures(page, adaptations):
    """The figures of a resource page being rendered: its downloads from the releases it shows (loaded
    with their files), its adaptations from the list it shows (``adaptations``: those the visitor may
    see), and its views and grants from the cache (one query when they are not kept)."""
    views, grants = kept_for_page(KEPT_AS, page.pk, lambda: _views_and_grants(page.pk), PAGE_FIGURES_SECONDS)
    downloads = sum(file.download_count for release in page.published_releases for file in release.files.all())
    return Figures(views=views, downloads=downloads, adaptations=len(adaptations), grants=grants)


def uses_for(page_ids=None):
    """{page id: views + downloads} for these pages (every page when None), leaving out pages
    with neither: what the index holds as ``use_count``. Two grouped queries, which stay cheap
    over the whole library (the rollup asks for all of it)."""
    views = UsageCount.objects.filter(kind=UsageKind.VIEW)
    downloads = ReleaseFile.objects.filter(release__published_at__isnull=False, download_count__gt=0)
    if page_ids is not None:
        page_ids = list(page_ids)
        views, downloads = views.filter(page_id__in=page_ids), downloads.filter(release__resource_id__in=page_ids)
    uses = dict(views.order_by().values_list("page").annotate(total=Sum("count")))
    for page_id, total in downloads.order_by().values_list("release__resource").annotate(total=Sum("download_count")):
        uses[page_id] = uses.get(page_id, 0) + total
    return uses
