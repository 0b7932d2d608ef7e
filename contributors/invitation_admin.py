"""The admin's Invitations screens (/admin/invitations/): the list, filtered by status; inviting
(the form in contributors/forms.py); each invitation's details with its history; revoking and
resending, each a POST behind a confirmation.

There is no edit, copy or delete screen: an invitation is not changed after it is sent (a wrong one
is revoked and a new one sent), and revoked and accepted ones stay listed as the record of who
invited whom. Every screen asks the permission policy for invitations (contributors/permissions.py):
the list and details need any invitation permission, inviting ``add``, revoking and resending
``change`` on that invitation, which only someone who may give its role holds.
"""

import django_filters
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.timezone import localtime
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import Button, HeaderButton
from wagtail.log_actions import log

from .forms import InvitationForm
from .invitations import expiry_days, new_expiry, resend, revoke, send_after_commit
from .models import Invitation, InvitationStatus
from .roles import ROLE_GROUPS


def _day(field_name):
    def accessor(invitation):
        value = getattr(invitation, field_name)
        return date_format(localtime(value), "j M Y") if value else "—"

    return accessor


class InvitationFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label="Status", choices=InvitationStatus.choices, method="filter_status")
    role = django_filters.ModelChoiceFilter(label="Role", queryset=Group.objects.filter(name__in=ROLE_GROUPS))

    class Meta:
        model = Invitation
        fields = ["organisation", "role"]

    def filter_status(self, queryset, name, value):
        return queryset.with_status(value)


class ActionsMixin:
    """The revoke and resend links for an invitation, for those who may use them."""

    def invitation_actions(self, invitation):
        if not self.permission_policy.user_has_permission_for_instance(self.request.user, "change", invitation):
            return []
        actions = []
        if invitation.status in (InvitationStatus.PENDING, InvitationStatus.EXPIRED):
            actions.append(("Resend", reverse("invitation:resend", args=[invitation.pk]), "mail"))
        if invitation.status == InvitationStatus.PENDING:
            actions.append(("Revoke", reverse("invitation:revoke", args=[invitation.pk]), "cross"))
        return actions


class IndexView(ActionsMixin, generic.IndexView):
    add_item_label = "Invite someone"

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("organisation", "role", "invited_by", "accepted_user")

    def get_edit_url(self, instance):
        return None  # the title links to the details instead

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        for priority, (label, url, icon) in enumerate(self.invitation_actions(instance), start=30):
            buttons.append(Button(label, url=url, icon_name=icon, priority=priority))
        return buttons


class CreateView(generic.CreateView):
    page_title = "Invite someone"
    submit_button_label = "Send invitation"

    def get_initial_form_instance(self):
        # Its expiry is a fact of the invitation, shown and mailed; the link is made when it is sent.
        return Invitation(expires_at=new_expiry())

    def save_instance(self):
        invitation = super().save_instance()
        send_after_commit(invitation)
        return invitation

    def get_success_message(self, instance):
        return (
            f"Invitation sent to {instance.email} to join {instance.organisation} as one of the {instance.role.name}. "
            f"Its link works until {instance.expires_at:%-d %B %Y}."
        )

    def get_success_buttons(self):
        return [messages.button(reverse("invitation:inspect", args=[self.object.pk]), "Details")]


class InspectView(ActionsMixin, generic.InspectView):
    def get_edit_url(self):
        return None

    def get_status_display_value(self):
        return self.object.get_status_display()

    def get_field_display_value(self, field_name, field):
        value = super().get_field_display_value(field_name, field)
        return "—" if value is None else value

    @cached_property
    def header_buttons(self):
        actions = self.invitation_actions(self.object)
        return [HeaderButton(label, url=url, icon_name=icon) for label, url, icon in actions]


class ConfirmView(generic.PermissionCheckedMixin, generic.WagtailAdminTemplateMixin, TemplateView):
    """A confirmation (GET) and the action (POST) on one invitation, for those who hold ``change``
    on it; refused with the reason when the invitation is no longer in a state it applies to."""

    permission_required = "change"
    template_name = "contributors/admin/confirm_invitation_action.html"
    model = Invitation
    header_icon = "mail"

    def setup(self, request, *args, pk, **kwargs):
        super().setup(request, *args, **kwargs)
        self.object = get_object_or_404(Invitation.objects.select_related("organisation", "role"), pk=pk)

    def dispatch(self, request, *args, **kwargs):
        if not self.user_has_permission_for_instance("change", self.object):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return str(self.object)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("invitation:index"), "label": "Invitations"},
            {"url": reverse("invitation:inspect", args=[self.object.pk]), "label": str(self.object)},
            {"url": "", "label": self.page_title},
        ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(invitation=self.object, cancel_url=reverse("invitation:index"), **kwargs)

    def post(self, request, *args, **kwargs):
        if self.object.status not in self.applies_to:
            messages.error(request, f"The invitation for {self.object} is {self.object.get_status_display().lower()}: "
                                    f"there is nothing to {self.page_title.lower()}.")
            return redirect("invitation:index")
        self.act()
        return redirect("invitation:index")


class RevokeView(ConfirmView):
    page_title = "Revoke"
    applies_to = {InvitationStatus.PENDING}
    confirm_label = "Yes, revoke it"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            message=f"Revoke the invitation for {self.object.email} to join {self.object.organisation}? "
                    "Its link stops working at once; you can invite them again later.",
            **kwargs,
        )

    def act(self):
        revoke(self.object, self.request.user)
        log(instance=self.object, action="commons.invitation.revoke", user=self.request.user)
        messages.success(self.request, f"Invitation for {self.object.email} revoked: its link no longer works.")


class ResendView(ConfirmView):
    page_title = "Resend"
    applies_to = {InvitationStatus.PENDING, InvitationStatus.EXPIRED}
    confirm_label = "Yes, send it again"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            message=f"Send the invitation to {self.object.email} again? The new e-mail carries a new link, valid "
                    f"for {expiry_days()} days; the link sent before stops working.",
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        duplicate = (
            Invitation.objects.pending().filter(email=self.object.email, organisation=self.object.organisation)
            .exclude(pk=self.object.pk).exists()
        )
        if duplicate:
            messages.error(request, f"{self.object.email} has a newer invitation to {self.object.organisation} "
                                    "waiting: resend that one instead.")
            return redirect("invitation:index")
        return super().post(request, *args, **kwargs)

    def act(self):
        resend(self.object)
        log(instance=self.object, action="commons.invitation.resend", user=self.request.user)
        messages.success(self.request, f"Invitation sent to {self.object.email} again, with a new link.")


class InvitationViewSet(ModelViewSet):
    model = Invitation
    name = "invitations"
    url_namespace = "invitation"
    icon = "mail"
    menu_label = "Invitations"
    menu_order = 320
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    index_view_class = IndexView
    add_view_class = CreateView
    inspect_view_class = InspectView
    form_fields = ["email", "organisation", "role"]
    list_display = [
        "email", "organisation", "role", Column("status", label="Status", accessor="get_status_display"),
        "invited_by", Column("created_at", label="Invited", accessor=_day("created_at"), sort_key="created_at"),
        # A plain date: the relative "in 13 days" of Wagtail's date column reads oddly for a deadline.
        Column("expires_at", label="Expires", accessor=_day("expires_at"), sort_key="expires_at"),
        Column("accepted_at", label="Accepted", accessor=_day("accepted_at"), sort_key="accepted_at"),
    ]
    filterset_class = InvitationFilterSet
    search_fields = ["email"]
    inspect_view_fields = [
        "email", "organisation", "role", "status", "invited_by", "created_at", "sent_at", "expires_at",
        "accepted_at", "accepted_user", "revoked_at", "revoked_by",
    ]
    def get_form_class(self, for_update=False):
        return InvitationForm

    def get_common_view_kwargs(self, **kwargs):
        # No edit, delete or usage screens (the docstring says why).
        return super().get_common_view_kwargs(edit_url_name=None, delete_url_name=None, usage_url_name=None, **kwargs)

    def get_add_view_kwargs(self, **kwargs):
        return super().get_add_view_kwargs(edit_url_name=None, **kwargs)

    @property
    def revoke_view(self):
        return self.construct_view(RevokeView)

    @property
    def resend_view(self):
        return self.construct_view(ResendView)

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("new/", self.add_view, name="add"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
            path("history/<int:pk>/", self.history_view, name="history"),
            path("history-results/<int:pk>/", self.history_results_view, name="history_results"),
            path("revoke/<int:pk>/", self.revoke_view, name="revoke"),
            path("resend/<int:pk>/", self.resend_view, name="resend"),
        ]
