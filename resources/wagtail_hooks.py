"""Admin screens for what editors manage beside the page tree."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Audience, Condition, Licence, Release, ResourceType


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


class ReleaseViewSet(SnippetViewSet):
    model = Release
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
