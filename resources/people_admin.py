"""The People screens of the admin: contributors and organisations, with the conditions an
organisation serves.

They are registered from here rather than from ``contributors``: which conditions an organisation
serves is a relation the resources app owns (``Condition.organisations``), and contributors knows
nothing of resources. The organisation form adds it as "Conditions it serves".
"""

from django import forms
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from contributors.models import ContributorProfile, Organisation

from .models import Condition


class OrganisationForm(WagtailAdminModelForm):
    conditions = forms.ModelMultipleChoiceField(
        queryset=Condition.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Conditions it serves",
        help_text="Shown on the organisation's page, each linking to its resources in the library.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["conditions"].initial = self.instance.conditions.all()

    def _save_m2m(self):
        # Called by save() once the organisation has its primary key (or later, by save_m2m(), when
        # saved with commit=False), so a new organisation gets its conditions too.
        super()._save_m2m()
        self.instance.conditions.set(self.cleaned_data["conditions"])


# Wagtail's snippet copy view saves a POST over the object being copied (the form is given the
# original itself), so a "copy" edits it: no copy screens here.
class OrganisationViewSet(SnippetViewSet):
    copy_view_enabled = False
    model = Organisation
    icon = "home"
    list_display = ["name", "kind", "city"]
    list_filter = ["kind", "conditions"]
    search_fields = ["name", "city"]
    edit_handler = ObjectList([*Organisation.panels, FieldPanel("conditions")], base_form_class=OrganisationForm)


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
