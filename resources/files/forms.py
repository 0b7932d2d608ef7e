"""Wagtail's document and image forms with the gate on their file field.

``WAGTAILDOCS_DOCUMENT_FORM_BASE`` and ``WAGTAILIMAGES_IMAGE_FORM_BASE`` point here, so every
Wagtail route that builds a document or image form from them runs the gate: add, edit (replacing
the file), the multiple uploader (its upload form; the metadata form that turns a kept upload
into a document has no file field, and the upload it uses passed this gate first, since Wagtail
keeps an upload only when the file itself had no error), the choosers' upload tabs and the
admin API's document and image endpoints.

The gate runs inside the file field, before Wagtail's own image checks: those open the image
with Willow, which reads the header only (a damaged image is accepted and breaks renditions) and
answers an incomplete header with a server error. A refused file is reported as the field's
error; nothing is saved, so nothing is left in storage. File names are cleaned first
(``names.clean_filename``) so that the stored name, the title made from it and every message
agree; titles lose control and bidirectional characters.
"""

from django.forms.fields import FileField
from wagtail.documents.fields import WagtailDocumentField
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

from .gate import REFUSED, check_image, check_upload, refusal
from .names import clean_filename, clean_title


def _clean_name(data):
    if data is not None and hasattr(data, "name") and hasattr(data, "read"):
        data.name = clean_filename(data.name)


class GatedDocumentField(WagtailDocumentField):
    """Wagtail's document field (with its size limit), then the gate, health information included:
    documents uploaded in the admin have no later screening step."""

    def to_python(self, data):
        _clean_name(data)
        file = super().to_python(data)
        if file is not None:
            findings = check_upload(file, file.name, screened_later=False)
            if findings:
                raise refusal(findings)
        return file


class GatedImageField(WagtailImageField):
    """The gate (type by content, no SVG, pixels, damage), then Wagtail's image checks."""

    def to_python(self, data):
        _clean_name(data)
        file = FileField.to_python(self, data)
        if file is not None:
            self.check_image_file_size(file)  # Wagtail's upload size limit before anything is parsed
            findings = check_image(file, file.name)
            if findings:
                raise refusal(findings)
        return super().to_python(data)


def _replacing_published_content(document, user):
    """Why ``user`` may not replace the file of ``document``, or None. A document a live page links
    to is part of what that page publishes: swapping its file would change the page without review.
    Only someone who may publish every such page replaces it; anyone else uploads a new document and
    links it from the page, which then goes through review."""
    from ..serving import linking_pages

    live = [
        page
        for page in linking_pages(document).live()
        if user is None or not page.permissions_for_user(user).can_publish()
    ]
    if not live:
        return None
    titles = ", ".join(f"“{page.title}”" for page in live[:3])
    return (
        f"This file is published on {titles}, so replacing it would change what people download there "
        "without review. Upload the new file as a new document, link it from the page and submit the "
        "page for review."
    )


def _gate_file_field(form, field_class):
    field = form.fields.get("file")
    if field is None or isinstance(field, field_class):
        return
    form.fields["file"] = field_class(
        required=field.required,
        widget=field.widget,
        label=field.label,
        max_length=field.max_length,
        allow_empty_file=field.allow_empty_file,
        disabled=field.disabled,
    )


class GatedDocumentForm(BaseDocumentForm):
    def __init__(self, *args, **kwargs):
        self.user = kwargs.get("user")
        super().__init__(*args, **kwargs)
        _gate_file_field(self, GatedDocumentField)

    def clean(self):
        cleaned_data = super().clean()
        if self.instance.pk and "file" in self.changed_data and not self.has_error("file"):
            refused = _replacing_published_content(self.instance, self.user)
            if refused:
                self.add_error("file", refused)
        return cleaned_data

    def _post_clean(self):
        refused = self.has_error("file", REFUSED)
        super()._post_clean()
        if refused:
            # The refused file never reached the instance, so Wagtail's extension check in
            # Document.clean() judged no file ("File extension “” is not allowed"): say only why
            # the file was refused.
            errors = self.errors["file"]
            errors.data = [error for error in errors.as_data() if error.code == REFUSED]

    def _update_errors(self, errors):
        # The multiple uploader's second step (a title for a kept upload) has no file field; the
        # upload passed the gate when it was sent and is attached after validation, so the model's
        # extension check judged an empty file. Wagtail would raise a server error adding it.
        if "file" not in self.fields and hasattr(errors, "error_dict"):
            errors.error_dict.pop("file", None)
            if not errors.error_dict:
                return
        super()._update_errors(errors)

    def clean_title(self):
        return clean_title(self.cleaned_data["title"])


class GatedImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _gate_file_field(self, GatedImageField)

    def clean_title(self):
        return clean_title(self.cleaned_data["title"])
