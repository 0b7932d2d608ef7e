from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import ContributorProfile, Organisation


# Wagtail's snippet copy view saves a POST over the object being copied (the form is given the
# original itself), so a "copy" edits it: no copy screens here.
class OrganisationViewSet(SnippetViewSet):
    copy_view_enabled = False
    model = Organisation
    icon = "home"
    list_display = ["name", "kind", "city"]
    list_filter = ["kind", "conditions"]
    search_fields = ["name", "city"]


class ContributorViewSet(SnippetViewSet):
    copy_view_enabled = False
    model = ContributorProfile
    icon = "user"
    menu_label = "Contributors"
    list_display = ["display_name", "role_in_care", "organisation"]
    list_filter = ["role_in_care", "organisation"]
    search_fields = ["display_name"]


class PeopleGroup(SnippetViewSetGroup):
    menu_label = "People"
    menu_icon = "group"
    menu_order = 310
    items = (ContributorViewSet, OrganisationViewSet)


register_snippet(PeopleGroup)
