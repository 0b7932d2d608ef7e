from django import forms

from .models import Audience, Condition, ImprovementPhase, Licence, ResourceType


class LibraryFilterForm(forms.Form):
    """The library's filters. Every field is optional; an invalid value is simply ignored."""

    SORTS = {"newest": ("-first_published_at", "-pk"), "title": ("title", "pk")}

    condition = forms.ModelChoiceField(
        Condition.objects.all(), to_field_name="slug", required=False, empty_label="Any condition"
    )
    type = forms.ModelChoiceField(
        ResourceType.objects.all(), to_field_name="slug", required=False, empty_label="Any type",
        label="Resource type",
    )
    phase = forms.ChoiceField(
        choices=[("", "Any phase")] + list(ImprovementPhase.choices), required=False, label="Improvement phase"
    )
    audience = forms.ModelChoiceField(
        Audience.objects.all(), to_field_name="slug", required=False, empty_label="Any audience"
    )
    licence = forms.ModelChoiceField(
        Licence.objects.all(), to_field_name="pk", required=False, empty_label="Any licence"
    )
    sort = forms.ChoiceField(
        choices=[("newest", "Newest first"), ("title", "Title A–Z")], required=False, label="Sort by"
    )

    @property
    def valid_values(self):
        """The filters that are valid: one bad value in a hand-edited URL drops only itself."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return self.cleaned_data

    def filter(self, queryset):
        data = self.valid_values
        if data.get("condition"):
            queryset = queryset.filter(conditions=data["condition"])
        if data.get("type"):
            queryset = queryset.filter(resource_type=data["type"])
        if data.get("phase"):
            queryset = queryset.filter(phase=data["phase"])
        if data.get("audience"):
            queryset = queryset.filter(audiences=data["audience"])
        if data.get("licence"):
            queryset = queryset.filter(licence=data["licence"])
        return queryset.order_by(*self.SORTS[data.get("sort") or "newest"])

    @property
    def active_filters(self):
        return [
            (self.fields[name].label or name.title(), value)
            for name, value in self.valid_values.items()
            if value and name != "sort"
        ]
