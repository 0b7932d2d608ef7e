"""The editors' dashboard of protocol currency in the admin (Reports → Protocol currency): the live
protocols whose review is overdue, those coming due within ``PROTOCOL_REVIEW_NOTICE_DAYS``, and
those superseded, each with its owner, review-by date, the last reminder sent and links.

Who may open it is decided by Wagtail's page permission policy: people who may publish a page
somewhere (Editors and Network admins, resources/roles.py; administrators), and each sees the
protocols they may publish. Registered in resources/wagtail_hooks.py.
"""


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
from .currency import coming_due, notice_days, notice_horizon

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
        publishable = self.permission_policy.instances_user_has_any_permission_for(self.request.user, ACTIONS)

        def listed(protocols):
            return (
                protocols.filter(pk__in=publishable.values("pk"))
                .select_related("owner", "superseded_by")
                .annotate(last_reminded=Max("reminders__sent_on"))
            )

        # What the daily job reminds people of (review/currency.py), split at today.
        coming = list(listed(coming_due(today)).order_by("review_by", "title"))
        overdue = [protocol for protocol in coming if protocol.review_by < today]
        for protocol in overdue:
            protocol.overdue_days = (today - protocol.review_by).days
        due = [protocol for protocol in coming if protocol.review_by >= today]
        for protocol in due:
            protocol.days_left = (protocol.review_by - today).days
        superseded = ProtocolPage.objects.live().filter(superseded_by__isnull=False)
        context.update(
            today=today,
            horizon=notice_horizon(today),
            notice_days=notice_days(),
            overdue=overdue,
            due=due,
            superseded=list(listed(superseded).order_by("title")),
        )
        return context


class ProtocolCurrencyMenuItem(MenuItem):
    def is_shown(self, request):
        return page_policy().user_has_any_permission(request.user, ACTIONS)
