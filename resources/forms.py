"""The public forms for contributors: sharing a resource and asking to reuse one.

Sharing is deliberately short: what it is, who it is for, under which licence, its files. Everything
else (key driver diagrams, citations, transferability) can be added later in the editor.
"""

from urllib.parse import urlsplit

from django import forms
from django.conf import settings
from django.urls import reverse
from taggit.utils import parse_tags

from .files import check_upload, clean_filename
from .models import (
    Audience,
    ChangePackagePage,
    Condition,
    ImprovementPhase,
    Licence,
    ProtocolPage,
    ResourcePage,
    ResourceType,
    ReuseRequest,
    ToolPage,
)
from .models.base import validate_one_line_title
from .screening.files import TIMED_OUT
from .visibility import visible_pages

# What a contributor may share, in their words, and the page type each becomes.
KINDS = {
    "tool": (ToolPage, "A tool", "A checklist, handout, template, report or form that a team uses in its work."),
    "change_package": (
        ChangePackagePage,
        "A change package",
        "An aim with its key drivers, change ideas and measures: how a team improved something.",
    ),
    "protocol": (ProtocolPage, "A clinical protocol", "Steps of care for a group of patients, with its evidence."),
}


def kind_of(page):
    return next(key for key, (model, _label, _help) in KINDS.items() if isinstance(page, model))


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input (Django's documented pattern)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, (list, tuple)):
            return [single(item, initial) for item in data if item]
        return [single(data, initial)] if data else []


class LicenceChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, licence):
        return licence.name


class ShareForm(forms.Form):
    kind = forms.ChoiceField(
        label="What are you sharing?",
        choices=[(key, label) for key, (_model, label, _help) in KINDS.items()],
        initial="tool",
        widget=forms.RadioSelect,
    )
    title = forms.CharField(
        max_length=255, validators=[validate_one_line_title], help_text="The name people will know it by."
    )
    summary = forms.CharField(
        max_length=280,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="One or two plain sentences: what it is and who it helps (at most 280 characters).",
    )
    # Required for a tool (see clean()): the other kinds take their type from their kind.
    resource_type = forms.ModelChoiceField(
        ResourceType.objects.all(), required=False, label="Type", empty_label="Choose a type",
        help_text="What kind of tool it is. People filter the library by type.",
    )
    aim = forms.CharField(
        label="Aim", required=False, widget=forms.Textarea(attrs={"rows": 2}),
        help_text="For a change package: what will improve, by how much, for whom, by when.",
    )
    scope = forms.CharField(
        required=False, widget=forms.Textarea(attrs={"rows": 2}),
        help_text="For a protocol: what it covers, and what it does not.",
    )
    population = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="For a protocol: which patients it applies to.",
    )
    conditions = forms.ModelMultipleChoiceField(
        Condition.objects.all(), required=False, widget=forms.CheckboxSelectMultiple, label="Conditions"
    )
    audiences = forms.ModelMultipleChoiceField(
        Audience.objects.all(), required=False, widget=forms.CheckboxSelectMultiple, label="Who is it for?"
    )
    phase = forms.ChoiceField(
        label="Improvement phase", required=False, choices=[("", "Not sure / any")] + list(ImprovementPhase.choices)
    )
    tags = forms.CharField(
        required=False,
        max_length=500,
        widget=forms.TextInput(attrs={"list": "tag-suggestions", "autocomplete": "off"}),
        help_text="Words people might search for, separated by commas. Tags others already use are suggested as "
        "you type.",
    )
    licence = LicenceChoiceField(
        Licence.objects.order_by("-recommended", "network_only", "name"),
        widget=forms.RadioSelect,
        empty_label=None,
        label="How may others reuse it?",
        error_messages={"required": "Choose a licence so that others know how they may reuse it."},
    )
    adapted_from = forms.CharField(
        label="Adapted from (optional)",
        required=False,
        max_length=500,
        widget=forms.TextInput(attrs={"list": "adapted-from-suggestions", "autocomplete": "off"}),
        help_text="If you built it from another resource in the library, its title or link. Start typing its title "
        "to find it.",
    )
    files = MultipleFileField(
        label="Files (optional)",
        required=False,
        widget=MultipleFileInput(attrs={"accept": ".pdf,.docx,.xlsx,.pptx,.png,.jpg,.jpeg,.txt,.csv"}),
        help_text="PDF, Word, Excel, PowerPoint, PNG, JPEG, plain text or CSV; several at once if you like. Remove "
        "patient details first: they are looked for, and a file that has them is sent back to you.",
    )
    change_notes = forms.CharField(
        label="What changed",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="For new files on something already published: what is different for people who use it.",
    )

    def __init__(self, *args, request, page=None, pending_files=(), **kwargs):
        self.request = request
        self.page = page
        self.pending_files = list(pending_files)
        super().__init__(*args, **kwargs)
        self.fields["adapted_from"].widget.attrs["data-resource-finder"] = reverse("search_autocomplete")
        recommended = next((licence for licence in self.fields["licence"].queryset if licence.recommended), None)
        if recommended is not None and not self.is_bound and "licence" not in self.initial:
            self.initial["licence"] = recommended.pk
        if page is not None:
            # The kind of an existing resource is settled; its other fields are edited here.
            self.fields["kind"].disabled = True
        if self.pending_files:
            self.fields["remove_files"] = forms.ModelMultipleChoiceField(
                queryset=type(self.pending_files[0]).objects.filter(pk__in=[f.pk for f in self.pending_files]),
                required=False,
                widget=forms.CheckboxSelectMultiple,
                label="Files waiting to be published with it: tick any to remove",
            )

    @property
    def licences(self):
        return list(self.fields["licence"].queryset)

    def clean_tags(self):
        return parse_tags(self.cleaned_data["tags"])

    def clean_adapted_from(self):
        value = self.cleaned_data["adapted_from"].strip()
        if not value:
            return None
        candidates = visible_pages(ResourcePage.objects.all(), self.request)
        if self.page is not None:
            candidates = candidates.exclude(pk=self.page.pk)
        path = urlsplit(value).path if "/" in value else ""
        if path:
            found = candidates.filter(url_path__endswith="/" + path.strip("/").rsplit("/", 1)[-1] + "/")
        else:
            found = candidates.filter(title__iexact=value)
        found = list(found.select_related("licence")[:6])
        if len(found) == 1:
            return found[0]
        if not found:
            raise forms.ValidationError(
                "No resource in the library has that title or link. Copy the title exactly as it appears on its "
                "page, or paste the page's link."
            )
        matches = "; ".join(page.title for page in found[:5])
        raise forms.ValidationError(
            f"Several resources match: paste the link of the one you adapted. Matches: {matches}."
        )

    def clean_files(self):
        files = self.cleaned_data["files"]
        if len(files) > settings.DATA_UPLOAD_MAX_NUMBER_FILES:
            raise forms.ValidationError(f"Upload at most {settings.DATA_UPLOAD_MAX_NUMBER_FILES} files at a time.")
        problems = []
        for upload in files:
            # The name it is stored and downloaded under, without hidden characters or a path.
            upload.name = clean_filename(upload.name)
            # The file itself must be acceptable now; health information in it is for the screening
            # step to report, with every finding, once the whole contribution is submitted. A file
            # that could not be read in time is not refused: the screening step holds it for an editor.
            findings = check_upload(upload, upload.name, health_information=False)
            problems += [finding.message for finding in findings if finding.kind != TIMED_OUT]
        if problems:
            raise forms.ValidationError(problems)
        return files

    def clean(self):
        cleaned_data = super().clean()
        kind = cleaned_data.get("kind") or (kind_of(self.page) if self.page is not None else None)
        if kind == "protocol":
            for name in ("scope", "population"):
                if not cleaned_data.get(name):
                    self.add_error(name, "A protocol needs this: say it in a sentence or two.")
        if kind == "change_package" and not cleaned_data.get("aim"):
            self.add_error("aim", "A change package needs an aim: what will improve, for whom, by when.")
        if kind == "tool" and not cleaned_data.get("resource_type") and "resource_type" not in self.errors:
            # Left empty, the model would file it as a checklist without telling the sharer.
            self.add_error(
                "resource_type",
                "Choose what kind of tool it is (a checklist, a form, a handout…), so that people "
                "filtering the library by type find it.",
            )
        if (
            self.page is not None
            and self.page.live
            and cleaned_data.get("files")
            and not cleaned_data.get("change_notes")
        ):
            self.add_error("change_notes", "Say what changed in these files, for the people who already use it.")
        return cleaned_data


class ReuseRequestForm(forms.ModelForm):
    class Meta:
        model = ReuseRequest
        fields = ["scope", "organisation", "purpose"]
        widgets = {"scope": forms.RadioSelect, "purpose": forms.Textarea(attrs={"rows": 4})}


class ReuseDecisionForm(forms.Form):
    decision = forms.ChoiceField(choices=[("grant", "Grant"), ("decline", "Decline")], widget=forms.RadioSelect)
    message = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="For the person who asked: conditions of the grant, or why not.",
    )

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("decision") == "decline" and not cleaned_data.get("message"):
            self.add_error("message", "Say why, so that they can ask again differently or look elsewhere.")
        return cleaned_data
