"""Admin screens for what editors manage beside the page tree, and the hooks through which the
admin's visibility rule (admin_visibility.py) reaches every route that lists pages or files."""

from django.db.models import Count
from django.shortcuts import redirect
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin import messages
from wagtail.log_actions import LogFormatter
from wagtail.models import Page
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView, DeleteView, SnippetViewSet, SnippetViewSetGroup

from . import release_hooks, serving  # noqa: F401  (their hooks register when imported)
from .admin_views import ResourcePageViewSet, VisibleDocumentsAdminAPIViewSet
from .admin_visibility import CommonsPagePermissionPolicy, documents_visible_in_admin, pages_visible_in_admin
from .evidence.series_admin import SeriesViewSet
from .models import Audience, Condition, Licence, Release, ResourcePage, ResourceType, ReviewType, TypedReviewTask
from .people_admin import PeopleGroup
from .review.currency_report import ProtocolCurrencyMenuItem, ProtocolCurrencyView
from .review.reuse import DECLINED, GRANTED, REQUESTED
from .usage.dashboard import UsageReportMenuItem, UsageReportView

# First, before anything asks for the page policy: every admin listing of pages (explorer, page
# search, the admin API, site history) then leaves out the drafts the reader may not see.
register_permission_policy(Page, CommonsPagePermissionPolicy())


# Wagtail's snippet copy view saves a POST over the object being copied (the form is given the
# original itself), so a "copy" edits it: no copy screens here.
class ConditionViewSet(SnippetViewSet):
    copy_view_enabled = False
    model = Condition
    icon = "pick"
    list_display = ["name", "slug", "network_name"]
    search_fields = ["name"]


class ResourceTypeViewSet(SnippetViewSet):
    copy_view_enabled = False
    model = ResourceType
    icon = "doc-empty"
    list_display = ["name", "slug"]


class AudienceViewSet(SnippetViewSet):
    copy_view_enabled = False
    model = Audience
    icon = "group"
    list_display = ["name", "slug"]


class LicenceViewSet(SnippetViewSet):
    copy_view_enabled = False
    model = Licence
    icon = "key"
    list_display = ["name", "label", "network_only", "recommended"]
    list_filter = ["network_only", "allows_commercial_use", "allows_derivatives", "requires_share_alike"]


class VocabularyGroup(SnippetViewSetGroup):
    menu_label = "Vocabularies"
    menu_icon = "tag"
    menu_order = 300
    items = (ConditionViewSet, ResourceTypeViewSet, AudienceViewSet, LicenceViewSet)


class ReleaseCreateView(CreateView):
    """"Add a release" on a resource's editor links here with ?resource=<id>."""

    def get_initial_form_instance(self):
        release = super().get_initial_form_instance() or self.model()
        resource_id = self.request.GET.get("resource", "")
        if resource_id.isdigit():
            release.resource = ResourcePage.objects.filter(pk=resource_id).first()
        return release


class ReleaseViewSet(SnippetViewSet):
    copy_view_enabled = False
    model = Release
    add_view_class = ReleaseCreateView
    icon = "download"
    menu_label = "Releases"
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["resource", "label", "release_date", "published_at"]
    list_filter = {"release_date": ["gte", "lte"]}
    ordering = ["-release_date", "-pk"]
    search_fields = ["label", "change_notes"]


class ReviewTypeDeleteView(DeleteView):
    """A type with decisions on record is kept (its name is their history): made inactive instead."""

    def form_valid(self, form):
        if self.object.decisions.exists():
            messages.error(
                self.request,
                f"“{self.object}” has review decisions on record, so it can't be deleted. Untick “Active” instead: "
                "reviews that start from now on will not ask for it.",
            )
            return redirect(self.get_success_url())
        # Counted before filtering on the type: filtering first would count only this type's row.
        alone = list(
            TypedReviewTask.objects.annotate(type_count=Count("review_types"))
            .filter(review_types=self.object, type_count=1)
            .values_list("name", flat=True)
        )
        if alone:
            messages.error(
                self.request,
                f"“{self.object}” is the only type of the review step “{alone[0]}”, which would then wait for "
                "nobody. Add another type to that step first (Settings → Workflows → Tasks).",
            )
            return redirect(self.get_success_url())
        return super().form_valid(form)


class ReviewTypeViewSet(SnippetViewSet):
    """The kinds of typed review (resources/models/typed_review.py), beside Workflows in Settings.
    Wagtail's model permission policy: editors and network admins hold the permissions, nobody else."""

    copy_view_enabled = False
    model = ReviewType
    icon = "tasks"
    menu_label = "Review types"
    delete_view_class = ReviewTypeDeleteView
    add_to_settings_menu = True
    list_display = ["name", "group", "active"]
    list_filter = ["active"]


register_snippet(VocabularyGroup)
register_snippet(ReviewTypeViewSet)
register_snippet(PeopleGroup)
register_snippet(ReleaseViewSet)


@hooks.register("construct_document_chooser_queryset")
def hide_files_waiting_for_review(documents, request):
    """Another participant never sees the title of a contribution's file before it is published."""
    return documents_visible_in_admin(request.user, documents)


@hooks.register("construct_page_chooser_queryset")
def hide_others_drafts_from_the_page_chooser(pages, request):
    """The page chooser (browse and search) lists every page, whatever its state: not here."""
    return pages_visible_in_admin(request.user, pages)


@hooks.register("register_admin_viewset")
def register_resource_page_viewset():
    return ResourcePageViewSet()


@hooks.register("register_admin_viewset")
def register_series_viewset():
    return SeriesViewSet()


@hooks.register("construct_admin_api", order=100)  # after wagtail.documents registers its endpoint
def hide_others_draft_files_from_the_admin_api(router):
    router.register_endpoint("documents", VisibleDocumentsAdminAPIViewSet)


class ReuseLogFormatter(LogFormatter):
    """History entries for reuse requests, with what was asked or answered as the comment."""

    def format_comment(self, log_entry):
        data = log_entry.data
        if log_entry.action == REQUESTED:
            organisation = data["organisation"] or "no organisation given"
            return f"{data['requester']} ({organisation}) asks to {data['scope'].lower()}: {data['purpose']}"
        return f"Asked by {data['requester']}. {data['message']}".strip()


@hooks.register("register_log_actions")
def register_reuse_actions(actions):
    for action, words in ((REQUESTED, "Reuse requested"), (GRANTED, "Reuse granted"), (DECLINED, "Reuse declined")):
        actions.register_action(action)(
            type(words.replace(" ", ""), (ReuseLogFormatter,), {"label": words, "message": words})
        )


@hooks.register("register_admin_urls")
def register_usage_report_url():
    return [path("reports/usage/", UsageReportView.as_view(), name="resources_usage_report")]


@hooks.register("register_reports_menu_item")
def register_usage_report_menu_item():
    return UsageReportMenuItem("Usage", reverse("resources_usage_report"), icon_name="view", order=50)


@hooks.register("register_admin_urls")
def register_protocol_currency_url():
    return [path("reports/protocol-currency/", ProtocolCurrencyView.as_view(), name="resources_protocol_currency")]


@hooks.register("register_reports_menu_item")
def register_protocol_currency_menu_item():
    return ProtocolCurrencyMenuItem(
        "Protocol currency", reverse("resources_protocol_currency"), icon_name="time", order=60
    )
