"""The forms of a centre's data series pages (series_views.py): upload, settings, annotations."""

from django import forms
from django.core.exceptions import ValidationError

from ..models import ResourcePage
from ..models.evidence import CHART_KINDS_FOR, ChartKind, Series, SeriesAnnotation, Visibility
from ..visibility import visible_pages
from .uploads import read_series_file

CHOOSE_FOR_ME = ""
VISIBILITY_HELP = (
    "Series are seen by the network's members only unless you choose to publish them. Public series are shown to "
    "everyone, with your centre's name only if you tick the box below."
)


class UploadForm(forms.Form):
    title = forms.CharField(max_length=200, help_text="A short name people will recognise, for example “IBD clinic, "
                                                      "all patients”. It is shown wherever the series is, so leave "
                                                      "your centre's name out unless you choose to show it.")
    file = forms.FileField(
        label="Data file",
        help_text="A CSV or Excel (.xlsx) file. Its first row names the columns: period,value (one number per "
                  "period) or period,numerator,denominator. Periods like 2024-03, Mar 2024 or 2024-03-01.",
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx,text/csv"}),
    )
    chart_kind = forms.ChoiceField(
        label="Chart", required=False,
        choices=[(CHOOSE_FOR_ME, "Choose from the data (a run chart for values; a p or u chart for rates)"),
                 *ChartKind.choices],
    )
    visibility = forms.ChoiceField(
        choices=Visibility.choices, initial=Visibility.NETWORK, widget=forms.RadioSelect, help_text=VISIBILITY_HELP
    )
    show_centre = forms.BooleanField(
        label="Show our centre's name to the public", required=False,
        help_text="Network members always see which centre a series is from.",
    )

    upload = None  # what the file held, once the form is valid

    def clean(self):
        cleaned = super().clean()
        file = cleaned.get("file")
        if file is None:
            return cleaned
        chart_kind = cleaned.get("chart_kind", CHOOSE_FOR_ME)
        upload = read_series_file(file, file.name, chart_kind=chart_kind)
        if not upload.ok:
            raise ValidationError({"file": upload.listed_errors()})
        if chart_kind and chart_kind not in CHART_KINDS_FOR[upload.kind]:
            raise ValidationError({"chart_kind": "p and u charts need the numerator and denominator of each period; "
                                                 "this file has one value per period, so choose a run or XmR chart."})
        self.upload = upload
        return cleaned


class SeriesSettingsForm(forms.ModelForm):
    class Meta:
        model = Series
        fields = ["title", "chart_kind", "visibility", "show_centre"]
        widgets = {"visibility": forms.RadioSelect}
        labels = {"chart_kind": "Chart", "show_centre": "Show our centre's name to the public"}
        help_texts = {"visibility": VISIBILITY_HELP}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        allowed = CHART_KINDS_FOR[self.instance.kind]  # set on upload; only saved series are edited
        self.fields["chart_kind"].choices = [(kind.value, kind.label) for kind in allowed]


class AnnotationForm(forms.ModelForm):
    class Meta:
        model = SeriesAnnotation
        fields = ["date", "text", "is_change", "change_idea", "resource"]
        widgets = {"date": forms.DateInput(attrs={"type": "date"})}
        labels = {"resource": "Resource tested"}

    def __init__(self, *args, request, package=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["date"].help_text = "The day it happened; for a change, the day it began."
        # Only what this person may see can be linked (a draft's title must not show up here).
        resources = self.fields["resource"]
        resources.queryset = visible_pages(ResourcePage.objects.all(), request).order_by("title")
        self.change_ideas = [idea["title"] for idea in package.change_ideas()] if package is not None else []
        if self.change_ideas:
            self.fields["change_idea"].widget.attrs["list"] = "change-ideas"
            self.fields["change_idea"].help_text += " Start typing to choose one of the package's."
