"""The public forms for contributors: sharing a resource and asking to reuse one.

Sharing is deliberately short: what it is, who it is for, under which licence, its files. Everything
else (key driver diagrams, citations, transferability) can be added later in the editor.
"""

import copy
from typing import NamedTuple
from urllib.parse import urlsplit

from django import forms
from django.conf import settings
from django.urls import reverse
from taggit.forms import TagField

from .files import check_upload, clean_filename
from .models import (
    ChangePackagePage,
    ImprovementPhase,
    ProtocolPage,
    ResourcePage,
    ReuseRequest,
    ToolPage,
)
from .visibility import visible_pages

# What a blank share form starts as.
DEFAULT_KIND = "tool"


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


class TagsInput(forms.TextInput):
    """The tags as people type them, "huddle, care plan" (taggit's own input would quote the last)."""

    def format_value(self, value):
        if value is not None and not isinstance(value, str):
            value = ", ".join(tag.name for tag in value)
        return super().format_value(value)


def _kind_choices():
    return [(key, kind.label) for key, kind in KINDS.items()]


class ResourceShareForm(forms.ModelForm):
    """What sharing asks of every kind of resource; each kind's form below adds its own fields.

    Fields, limits, choices and validation (the model's ``clean()`` too: a title is one line) come
    from the models; ``Meta`` words them for contributors. Saved with ``save(commit=False)`` by
    ``review.sharing.save_contribution``, which adds the files and the rest of a contribution.
    """

    kind = forms.ChoiceField(
        label="What are you sharing?", choices=_kind_choices, initial=DEFAULT_KIND, widget=forms.RadioSelect
    )
    tags = TagField(
        required=False,
        max_length=500,
        widget=TagsInput(attrs={"list": "tag-suggestions", "autocomplete": "off"}),
        help_text="Words people might search for, separated by commas. Tags others already use are suggested as "
        "you type.",
    )
    # A title or a link, as people know the resource, rather than a list of the whole library.
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

    class Meta:
        model = ResourcePage
        fields = ["title", "summary", "conditions", "audiences", "phase", "tags", "licence", "adapted_from"]
        labels = {"audiences": "Who is it for?", "licence": "How may others reuse it?"}
        help_texts = {
            "title": "The name people will know it by.",
            "summary": "One or two plain sentences: what it is and who it helps (at most 280 characters).",
        }
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 3}),
            "conditions": forms.CheckboxSelectMultiple,
            "audiences": forms.CheckboxSelectMultiple,
            "licence": forms.RadioSelect(),
        }
        error_messages = {"licence": {"required": "Choose a licence so that others know how they may reuse it."}}

    def __init__(self, *args, request, pending_files=(), **kwargs):
        """``request``: the sharer's, for what they may name in "Adapted from" (None where nothing is
        adapted, as in the demo loader). ``pending_files``: files waiting with the resource edited."""
        self.request = request
        self.pending_files = list(pending_files)
        super().__init__(*args, **kwargs)
        self.fields["adapted_from"].widget.attrs["data-resource-finder"] = reverse("search_autocomplete")
        # The model's phases, with the empty choice in words rather than "---------".
        self.fields["phase"].choices = [("", "Not sure / any"), *ImprovementPhase.choices]
        # The recommended licence first, and the open ones before those that keep it in the network.
        licence = self.fields["licence"]
        licence.queryset = licence.queryset.order_by("-recommended", "network_only", "name")
        if self.instance.pk is None:
            # Only a blank form shows the recommendation (a bound one is not read again for it).
            recommended = None if self.is_bound else next((c for c in licence.queryset if c.recommended), None)
            if recommended is not None:
                self.initial["licence"] = recommended.pk
        else:
            # The kind of an existing resource is settled; its other fields are edited here.
            self.initial["kind"] = kind_of(self.instance)
            self.fields["kind"].disabled = True
            if self.instance.adapted_from_id:
                self.initial["adapted_from"] = self.instance.adapted_from.title
        if self.pending_files:
            self.fields["remove_files"] = forms.ModelMultipleChoiceField(
                queryset=type(self.pending_files[0]).objects.filter(pk__in=[f.pk for f in self.pending_files]),
                required=False,
                widget=forms.CheckboxSelectMultiple,
                label="Files waiting to be published with it: tick any to remove",
            )

    @classmethod
    def own_field_names(cls):
        """The fields this kind asks for beyond those every resource does."""
        return [name for name in cls.base_fields if name not in ResourceShareForm.base_fields]

    @property
    def kind_fields(self):
        """Each kind's own fields, as ``(kind, bound fields)``: the page has them all so that people
        may change their mind (share.js shows the chosen kind's; without it, all show). Only this
        form's kind's are checked and saved; another kind's keep what was typed into them. None is
        marked required to the browser, which cannot know the kind that will be sent."""
        sections = []
        for key, kind in KINDS.items():
            fields = []
            for name in kind.form_class.own_field_names():
                shown = copy.copy(self.fields[name] if name in self.fields else kind.form_class.base_fields[name])
                shown.required = False
                fields.append(shown.get_bound_field(self, name))
            sections.append((key, fields))
        return sections

    @property
    def licences(self):
        return list(self.fields["licence"].queryset)

    def clean_adapted_from(self):
        value = self.cleaned_data["adapted_from"].strip()
        if not value:
            return None
        candidates = visible_pages(ResourcePage.objects.all(), self.request)
        if self.instance.pk is not None:
            candidates = candidates.exclude(pk=self.instance.pk)
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
            # What the file is must be acceptable now; reading a PDF or Office file through, and
            # health information in any file, are for the screening step, in the background worker,
            # to report with the whole contribution once it is submitted.
            findings = check_upload(upload, upload.name, screened_later=True)
            problems += [finding.message for finding in findings]
        if problems:
            raise forms.ValidationError(problems)
        return files

    def clean(self):
        cleaned_data = super().clean()
        published = self.instance.pk is not None and self.instance.live
        if published and cleaned_data.get("files") and not cleaned_data.get("change_notes"):
            self.add_error("change_notes", "Say what changed in these files, for the people who already use it.")
        return cleaned_data


class ToolShareForm(ResourceShareForm):
    # The model leaves a tool's type empty to file it as a checklist; sharing asks instead, so that
    # nobody's tool is filed as a checklist without them knowing.
    resource_type = ToolPage._meta.get_field("resource_type").formfield(
        required=True,
        label="Type",
        empty_label="Choose a type",
        help_text="What kind of tool it is. People filter the library by type.",
        error_messages={
            "required": "Choose what kind of tool it is (a checklist, a form, a handout…), so that people "
            "filtering the library by type find it."
        },
    )

    class Meta(ResourceShareForm.Meta):
        model = ToolPage
        fields = [*ResourceShareForm.Meta.fields, "resource_type"]


class ChangePackageShareForm(ResourceShareForm):
    class Meta(ResourceShareForm.Meta):
        model = ChangePackagePage
        fields = [*ResourceShareForm.Meta.fields, "aim"]
        labels = {**ResourceShareForm.Meta.labels, "aim": "Aim"}
        help_texts = {
            **ResourceShareForm.Meta.help_texts,
            "aim": "For a change package: what will improve, by how much, for whom, by when.",
        }
        widgets = {**ResourceShareForm.Meta.widgets, "aim": forms.Textarea(attrs={"rows": 2})}
        error_messages = {
            **ResourceShareForm.Meta.error_messages,
            "aim": {"required": "A change package needs an aim: what will improve, for whom, by when."},
        }


PROTOCOL_NEEDS_THIS = {"required": "A protocol needs this: say it in a sentence or two."}


class ProtocolShareForm(ResourceShareForm):
    class Meta(ResourceShareForm.Meta):
        model = ProtocolPage
        fields = [*ResourceShareForm.Meta.fields, "scope", "population"]
        help_texts = {
            **ResourceShareForm.Meta.help_texts,
            "scope": "For a protocol: what it covers, and what it does not.",
            "population": "For a protocol: which patients it applies to.",
        }
        widgets = {
            **ResourceShareForm.Meta.widgets,
            "scope": forms.Textarea(attrs={"rows": 2}),
            "population": forms.Textarea(attrs={"rows": 2}),
        }
        error_messages = {
            **ResourceShareForm.Meta.error_messages,
            "scope": PROTOCOL_NEEDS_THIS,
            "population": PROTOCOL_NEEDS_THIS,
        }


class Kind(NamedTuple):
    form_class: type[ResourceShareForm]
    label: str
    help_text: str

    @property
    def model(self):
        return self.form_class._meta.model


# What a contributor may share, in their words, and the form (so the page type) for each.
KINDS = {
    "tool": Kind(
        ToolShareForm, "A tool", "A checklist, handout, template, report or form that a team uses in its work."
    ),
    "change_package": Kind(
        ChangePackageShareForm,
        "A change package",
        "An aim with its key drivers, change ideas and measures: how a team improved something.",
    ),
    "protocol": Kind(
        ProtocolShareForm, "A clinical protocol", "Steps of care for a group of patients, with its evidence."
    ),
}


def kind_of(page):
    return next(key for key, kind in KINDS.items() if isinstance(page, kind.model))


def share_form(data=None, files=None, *, page=None, **kwargs):
    """The share form for one resource: the latest revision of ``page`` (being edited) in its
    kind's form, or a new resource in the form of the kind chosen. A blank form is a tool's; with
    the choice missing or unknown, the shared fields alone are checked and the kind field says why.
    ``kwargs``: ``ResourceShareForm``'s."""
    if page is not None:
        instance = page.get_latest_revision_as_object()
        return KINDS[kind_of(instance)].form_class(data, files, instance=instance, **kwargs)
    chosen = KINDS.get(DEFAULT_KIND if data is None else data.get("kind"))
    form_class = chosen.form_class if chosen is not None else ResourceShareForm
    return form_class(data, files, **kwargs)


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
