"""The forms of adoption: "Our centre uses this" and "Did it work?"."""

from django import forms

from ..models import Adoption, AdoptionOutcome, Series


class AdoptionForm(forms.ModelForm):
    """Mark a resource as used at the person's centre. The view gives the unsaved mark its resource,
    centre and person (``instance``); the model's ``clean`` checks the date and the release."""

    class Meta:
        model = Adoption
        fields = ["release", "started_on", "note", "public"]
        widgets = {
            "started_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "note": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, resource, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["release"].queryset = resource.releases.published().order_by("-release_date", "-pk")
        self.fields["release"].empty_label = "No particular version"
        self.fields["release"].label_from_instance = lambda release: f"Version {release.label}"
        self.fields["started_on"].help_text = "The day your centre started using it; today or earlier."


class CheckForm(forms.ModelForm):
    """"Did it work?", answered by the person who marked it or a colleague at the same centre, who
    may link one of the centre's own data series (only theirs: another centre's data is not theirs
    to cite). Without any series, the question is not asked."""

    class Meta:
        model = Adoption
        fields = ["outcome", "outcome_note", "evidence_series"]
        widgets = {"outcome": forms.RadioSelect, "outcome_note": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        outcome = self.fields["outcome"]
        outcome.required = True
        outcome.choices = AdoptionOutcome.choices  # without the blank "not answered"
        outcome.error_messages["required"] = "Choose one answer: yes, partly, no or too early to tell."
        self.fields["outcome_note"].help_text = (
            "Optional: what changed, what you measured, what you would tell another centre."
        )
        centre_series = Series.objects.filter(organisation_id=self.instance.organisation_id, measure__isnull=False)
        if centre_series.exists():
            field = self.fields["evidence_series"]
            field.queryset = centre_series.select_related("package").order_by("measure_name", "title")
            field.empty_label = "No series"
            field.label_from_instance = lambda series: f"{series.title} ({series.measure_name})"
        else:
            del self.fields["evidence_series"]
