"""The editors' usage report in the admin (Reports → Usage): the most viewed and most downloaded
resources and releases over a period, from the daily counters.

Open to whoever holds ``VIEW_PERMISSION`` (editors and network admins: resources/roles.py).
Registered in resources/wagtail_hooks.py.
"""

import datetime

from django.db.models import Q, Sum
from django.utils import timezone
from django.views.generic import TemplateView
from wagtail.admin.auth import permission_denied
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from ..models import UsageCount, UsageKind
from .figures import figures_for

VIEW_PERMISSION = "resources.view_usagecount"
PERIODS = (7, 30, 90, 365)  # days, the first of the period choices offered
DEFAULT_PERIOD = 30


def _totals(rows):
    return rows.annotate(
        views=Sum("count", filter=Q(kind=UsageKind.VIEW), default=0),
        downloads=Sum("count", filter=Q(kind=UsageKind.DOWNLOAD), default=0),
    )


class UsageReportView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "resources/admin/usage_report.html"
    page_title = "Usage"
    header_icon = "view"
    top = 20

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(VIEW_PERMISSION):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def period(self):
        days = self.request.GET.get("days", "")
        return int(days) if days.isdigit() and int(days) in PERIODS else DEFAULT_PERIOD

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        days = self.period()
        since = timezone.localdate() - datetime.timedelta(days=days - 1)  # today is the last day
        counts = UsageCount.objects.filter(day__gte=since).order_by()
        by_resource = _totals(counts.values("page", "page__title"))
        most_viewed = list(by_resource.filter(views__gt=0).order_by("-views", "-downloads", "page__title")[: self.top])
        most_downloaded = list(
            by_resource.filter(downloads__gt=0).order_by("-downloads", "-views", "page__title")[: self.top]
        )
        # Reuse is counted over all time: a grant or an adaptation is a lasting fact, not a visit.
        reuse = figures_for({row["page"] for row in most_viewed + most_downloaded}, self.request)
        for row in most_viewed + most_downloaded:
            row["figures"] = reuse.get(row["page"])
        releases = list(
            _totals(counts.filter(release__isnull=False).values("release", "release__label", "page", "page__title"))
            .order_by("-downloads", "-views", "page__title", "release__label")[: self.top]
        )
        context.update(
            days=days,
            periods=PERIODS,
            since=since,
            top=self.top,
            totals=counts.aggregate(
                views=Sum("count", filter=Q(kind=UsageKind.VIEW), default=0),
                downloads=Sum("count", filter=Q(kind=UsageKind.DOWNLOAD), default=0),
            ),
            most_viewed=most_viewed,
            most_downloaded=most_downloaded,
            releases=releases,
        )
        return context


class UsageReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(VIEW_PERMISSION)
