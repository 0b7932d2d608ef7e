"""Admin screens for what editors manage beside the page tree."""

from django.http import Http404
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView, SnippetViewSet, SnippetViewSetGroup

from .models import Audience, Condition, Licence, Release, ReleaseFile, ResourcePage, ResourceType
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
    raise Http404("No such document")
