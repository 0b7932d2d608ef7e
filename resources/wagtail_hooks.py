"""Admin screens for what editors manage beside the page tree."""

from django.db.models import Q
from django.http import Http404
from wagtail import hooks
from wagtail.log_actions import LogFormatter
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView, SnippetViewSet, SnippetViewSetGroup

from .models import Audience, Condition, Licence, Release, ReleaseFile, ResourcePage, ResourceType
from .review.reuse import DECLINED, GRANTED, REQUESTED
from .visibility import can_view


class ConditionViewSet(SnippetViewSet):
    model = Condition
    icon = "pick"
    list_display = ["name", "slug", "network_name"]
    search_fields = ["name"]


class ResourceTypeViewSet(SnippetViewSet):
    model = ResourceType
    icon = "doc-empty"
    list_display = ["name", "slug"]


class AudienceViewSet(SnippetViewSet):
    model = Audience
    icon = "group"
    list_display = ["name", "slug"]


class LicenceViewSet(SnippetViewSet):
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


register_snippet(VocabularyGroup)
register_snippet(ReleaseViewSet)


@hooks.register("before_serve_document")
def serve_release_files_only_when_visible(document, request):
    """A document that belongs to a release is served only for a published release of a resource
    the visitor may see, whichever URL asks for it (Wagtail's /documents/ URL included)."""
    release_files = list(ReleaseFile.objects.filter(document=document).select_related("release__resource"))
    if not release_files:
        return None
    if any(rf.release.is_published and can_view(rf.release.resource, request) for rf in release_files):
        return None
    # Files waiting in a draft release are for the people who may edit the resource: its
    # contributor, and the reviewers and editors who screen them.
    user = request.user
    if user.is_authenticated and any(rf.release.resource.permissions_for_user(user).can_edit() for rf in release_files):
        return None
    raise Http404("No such document")


@hooks.register("construct_document_chooser_queryset")
def hide_files_waiting_for_review(documents, request):
    """A file in a draft release is offered only to people who may edit its resource: another
    participant never sees the title of a contribution's file before it is published."""
    waiting = ReleaseFile.objects.filter(release__published_at__isnull=True)
    editable = PagePermissionPolicy().instances_user_has_permission_for(request.user, "change")
    waiting = waiting.exclude(release__resource_id__in=editable.values("pk")).exclude(release__resource__owner=request.user)
    return documents.exclude(pk__in=waiting.values("document_id"))


@hooks.register("construct_explorer_page_queryset")
def participants_see_only_their_own_drafts(parent_page, pages, request):
    """In the admin's page explorer, someone who may not edit others' pages (a participant) sees
    published resources and their own, never another participant's draft."""
    if not PagePermissionPolicy().user_has_permission_for_instance(request.user, "change", parent_page):
        pages = pages.filter(Q(live=True) | Q(owner=request.user))
    return pages


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
        actions.register_action(action)(type(words.replace(" ", ""), (ReuseLogFormatter,), {"label": words, "message": words}))
