"""The editors' dashboard of protocol currency in the admin (Reports → Protocol currency): the live
protocols whose review is overdue, those coming due within ``PROTOCOL_REVIEW_NOTICE_DAYS``, and
those superseded, each with its owner, review-by date, the last reminder sent and links.

Who may open it is decided by Wagtail's page permission policy: people who may publish a page
somewhere (Editors and Network admins, resources/roles.py; administrators), and each sees the
protocols they may publish. Registered in resources/wagtail_hooks.py.
"""

import datetime

from django.db.models import Max
from django.utils import timezone
from django.utils.functional import cached_property
from django.views.generic import TemplateView
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic import PermissionCheckedMixin
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page
from wagtail.permissions import policy_registry

from ..models import ProtocolPage
from .currency import notice_days

# Whoever may publish may see what is due: the people the reminders go to.
ACTIONS = ["publish"]


def page_policy():
    # The registered policy (resources/admin_visibility.py's), asked when a request comes.
    return policy_registry.get_by_type(Page)


class ProtocolCurrencyView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "resources/admin/protocol_currency.html"
    page_title = "Protocol currency"
    header_icon = "time"
    any_permission_required = ACTIONS

    @cached_property
    def permission_policy(self):
        return page_policy()

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        horizon = today + datetime.timedelta(days=notice_days())
        publishable = self.permission_policy.instances_user_has_any_permission_for(self.request.user, ACTIONS)
        protocols = (
            ProtocolPage.objects.live()
            .filter(pk__in=publishable.values("pk"))
            .select_related("owner", "superseded_by")
            .annotate(last_reminded=Max("reminders__sent_on"))
        )
        current = protocols.filter(superseded_by__isnull=True, review_by__isnull=False)
        overdue = list(current.filter(review_by__lt=today).order_by("review_by", "title"))
        for protocol in overdue:
            protocol.overdue_days = (today - protocol.review_by).days
        due = list(current.filter(review_by__gte=today, review_by__lte=horizon).order_by("review_by", "title"))
        for protocol in due:
            protocol.days_left = (protocol.review_by - today).days
        context.update(
            today=today,
            horizon=horizon,
            notice_days=notice_days(),
            overdue=overdue,
            due=due,
            superseded=list(protocols.filter(superseded_by__isnull=False).order_by("title")),
        )
        return context


class ProtocolCurrencyMenuItem(MenuItem):
    def is_shown(self, request):
        return page_policy().user_has_any_permission(request.user, ACTIONS)
