"""Releases: what people download and cite.

Wagtail revisions track edits to a page; a release is a published, citable version with files.
Once published a release never changes (its URL and files stay as they were) and newer releases
supersede it. Releases live beside the page, not inside its revisions, so that reverting a page
cannot rewrite a release.
"""

from django import forms
from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable

from ..validators import validate_release_label


class ReleaseLocked(ValidationError):
    """Raised on any attempt to change a published release or its files.

    A message is held as a non-field error, so that every route that reports validation errors
    by field (model forms, Wagtail's admin API) shows it rather than failing on it."""

    def __init__(self, message, *args, **kwargs):
        if isinstance(message, str):
            message = {NON_FIELD_ERRORS: [message]}
        super().__init__(message, *args, **kwargs)


def locked_message(release):
    return (
        f"Release {release.label} was published on {release.published_at:%d %B %Y} and can no longer "
        "be changed. Add a new release instead: it will supersede this one, which stays downloadable."
    )


class ReleaseForm(WagtailAdminModelForm):
    """The admin form: a draft release may be edited, then published once; a published one
    is shown with the reason it cannot be changed."""

    publish_now = forms.BooleanField(
        required=False,
        label="Publish this release now",
        help_text="Published releases can be downloaded and cited, and can never be changed.",
    )

    def clean(self):
        cleaned_data = super().clean()
        if self.instance.pk and self.instance._stored_published_at():
            raise forms.ValidationError(locked_message(self.instance))
        if cleaned_data.get("publish_now"):
            self.screen_files()
        return cleaned_data

    def screen_files(self):
        """Publishing from here skips the contribution workflow, not its screening: the files get
        the same checks (type, size, health information) before anyone can download them."""
        from ..screening.files import screen_file

        formset = self.formsets["files"]
        if not formset.is_valid():
            return
        problems = []
        for form in formset.forms:
            document = form.cleaned_data.get("document")
            if document is None or form.cleaned_data.get("DELETE"):
                continue
            filename = form.cleaned_data.get("filename") or document.filename
            with document.file.open("rb") as handle:
                problems += [finding.message for finding in screen_file(handle, filename=filename)]
        if problems:
            raise forms.ValidationError(
                ["This release was not published: its files need attention first.", *problems]
            )

    def save(self, commit=True):
        release = super().save(commit=commit)
        if commit and self.cleaned_data.get("publish_now"):
            release.publish()
        return release


def page_deletion_message(releases):
    """Why a page deletion that would take ``releases`` with it is refused, and what to do instead."""
    first_of_each = {}
    for release in releases:
        first_of_each.setdefault(release.resource_id, release)
    first_of_each = list(first_of_each.values())
    titles = [f"“{release.resource.title}”" for release in first_of_each[:3]]
    more = len(first_of_each) - len(titles)
    named = ", ".join(titles) + (f" and {more} more" if more else "")
    resources = "resource" if len(first_of_each) == 1 else "resources"
    return (
        f"Nothing was deleted: this would delete the published releases of {named}, which people download "
        f"and cite. Unpublish the {resources} instead: {'it leaves' if resources == 'resource' else 'they leave'} "
        "the library and the releases stay as they were."
    )


def released_document_message(release):
    return (
        f"This file belongs to published release {release.label} of “{release.resource.title}”, which people "
        "download and cite, so it cannot be deleted or replaced. Upload a new file as a new document and add it "
        "to a new release instead."
    )


def published_release_of(document):
    """The published release a document's file belongs to, if any."""
    return ReleaseFile.objects.filter(document_id=document.pk).first_published_release()


def refuse_replacing_released_file(document):
    """Raise ReleaseLocked if ``document`` is about to be saved with another file than the stored
    one while it belongs to a published release. Called from the document's file validation (so
    a form shows it as an error on the file) and before every save (so no route gets past it);
    a document form may also call it from its own clean()."""
    if not document.pk:
        return
    stored = type(document)._base_manager.filter(pk=document.pk).values_list("file", flat=True).first()
    if stored is None or stored == document.file.name:
        return
    release = published_release_of(document)
    if release is not None:
        raise ReleaseLocked(
            f"This file belongs to release {release.label} of “{release.resource.title}”, which is published "
            "and cannot change. Upload the new file as a new document and add it to a new release."
        )


def _undo_refused_page_deletion(collector):
    """What a page deletion writes before Django collects what it takes with it, undone when the
    deletion is refused (outside a transaction nothing else would undo it): Wagtail logs each page
    as deleted first, and treebeard lowers the parent's child count."""
    from wagtail.models import Page, PageLogEntry

    pages = [page for model, instances in collector.data.items() if issubclass(model, Page) for page in instances]
    PageLogEntry.objects.filter(action="wagtail.delete", page_id__in=[page.pk for page in pages]).delete()
    paths = {page.path for page in pages}
    for parent_path in {path[: -Page.steplen] for path in paths} - paths - {""}:
        depth = len(parent_path) // Page.steplen
        children = Page.objects.filter(path__startswith=parent_path, depth=depth + 1).count()
        Page.objects.filter(path=parent_path).update(numchild=children)


def keep_published_releases(collector, field, sub_objs, using):
    """``on_delete`` of a release's resource: draft releases go with their page, published ones
    refuse the deletion. Runs while Django collects what a deletion takes with it, so every route
    (the admin, bulk actions, a parent page's deletion, ``Page.objects.filter(...).delete()``)
    is refused before anything is deleted."""
    published = [release for release in sub_objs if release.published_at is not None]
    if published:
        _undo_refused_page_deletion(collector)
        raise ReleaseLocked(page_deletion_message(published))
    models.CASCADE(collector, field, sub_objs, using)


class ReleaseQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published_at__isnull=False)

    # Queryset deletes and updates skip Release.save() and delete(): refuse them here too, before
    # anything is written, so scripts and bulk actions cannot rewrite or remove a published release.
    def _refuse_if_published(self):
        published = self.published().first()
        if published is not None:
            raise ReleaseLocked(locked_message(published))

    def delete(self):
        self._refuse_if_published()
        return super().delete()

    delete.alters_data = True
    delete.queryset_only = True

    def update(self, **kwargs):
        self._refuse_if_published()
        return super().update(**kwargs)

    update.alters_data = True


class Release(ClusterableModel):
    resource = models.ForeignKey("resources.ResourcePage", on_delete=keep_published_releases, related_name="releases")
    label = models.CharField("version", max_length=20, validators=[validate_release_label])
    release_date = models.DateField(default=timezone.localdate)
    change_notes = models.TextField(help_text="What changed since the previous release, for people who use it.")
    published_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, editable=False, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ReleaseQuerySet.as_manager()

    base_form_class = ReleaseForm
    panels = [
        FieldPanel("resource"),
        FieldPanel("label"),
        FieldPanel("release_date"),
        FieldPanel("change_notes"),
        InlinePanel("files", label="File", min_num=1),
        FieldPanel("publish_now"),
    ]

    class Meta:
        ordering = ["-release_date", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["resource", "label"], name="unique_release_label_per_resource")
        ]

    def __str__(self):
        return f"{self.resource.title} {self.label}"

    @property
    def is_published(self):
        return self.published_at is not None

    def _stored_published_at(self):
        if not self.pk:
            return None
        return Release.objects.filter(pk=self.pk).values_list("published_at", flat=True).first()

    def clean(self):
        super().clean()
        if self._stored_published_at():
            raise ReleaseLocked(locked_message(self))

    def save(self, *args, **kwargs):
        # The model refuses too, not just the form: imports and scripts must not rewrite history.
        if self._stored_published_at():
            raise ReleaseLocked(locked_message(self))
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if self._stored_published_at():
            raise ReleaseLocked(locked_message(self))
        return super().delete(*args, **kwargs)

    def publish(self):
        """Freeze the release: record each file's checksum and the moment it was published."""
        if self.is_published:
            raise ReleaseLocked(locked_message(self))
        files = list(self.files.select_related("document"))
        if not files:
            raise ValidationError("A release needs at least one file before it can be published.")
        for release_file in files:
            release_file.sha256 = release_file.compute_sha256()
            release_file.save()
        self.published_at = timezone.now()
        super().save(update_fields=["published_at"])

    def get_absolute_url(self):
        return reverse("release_detail", args=[self.pk])

    @property
    def superseded_by(self):
        """The next published release of the same resource, if any."""
        return (
            Release.objects.published()
            .filter(resource_id=self.resource_id)
            .filter(
                models.Q(release_date__gt=self.release_date) | models.Q(release_date=self.release_date, pk__gt=self.pk)
            )
            .order_by("release_date", "pk")
            .first()
        )


class ReleaseFileQuerySet(models.QuerySet):
    # The download counter is the one column of a published release's file that moves.
    COUNTERS = frozenset({"download_count"})

    def first_published_release(self):
        """The release (its resource fetched) of the first of these files in a published one."""
        release_file = self.filter(release__published_at__isnull=False).select_related("release__resource").first()
        return release_file.release if release_file else None

    def delete(self):
        release = self.first_published_release()
        if release is not None:
            raise ReleaseLocked(locked_message(release))
        return super().delete()

    delete.alters_data = True
    delete.queryset_only = True

    def update(self, **kwargs):
        if set(kwargs) - self.COUNTERS:
            release = self.first_published_release()
            if release is not None:
                raise ReleaseLocked(locked_message(release))
        return super().update(**kwargs)

    update.alters_data = True


class ReleaseFile(Orderable):
    release = ParentalKey(Release, related_name="files", on_delete=models.CASCADE)
    document = models.ForeignKey("wagtaildocs.Document", on_delete=models.PROTECT, related_name="release_files")
    title = models.CharField(max_length=200, blank=True, help_text="The document's own title if blank.")
    # The name people download it under. Storage may have renamed the stored file to keep it
    # unique ("checklist_a8Xk2.pdf"); the download keeps the name it was given.
    filename = models.CharField(
        "download file name",
        max_length=255,
        blank=True,
        validators=[RegexValidator(r"^[^/\\]+$", "A file name cannot contain slashes.")],
        help_text="The stored file's name if blank.",
    )
    sha256 = models.CharField(max_length=64, blank=True, editable=False)
    # A counter, not part of what was released: updated with a queryset update, never save().
    download_count = models.PositiveIntegerField(default=0, editable=False)

    objects = ReleaseFileQuerySet.as_manager()

    panels = [FieldPanel("document"), FieldPanel("title"), FieldPanel("filename")]

    def __str__(self):
        return self.display_title

    @property
    def display_title(self):
        return self.title or self.document.title

    def compute_sha256(self):
        from ..review.screening import file_sha256  # screening reads the models: imported when used

        return file_sha256(self.document)

    def get_absolute_url(self):
        return reverse("release_file", args=[self.release_id, self.pk, self.filename])

    def save(self, *args, **kwargs):
        if self.release_id and self.release._stored_published_at():
            raise ReleaseLocked(locked_message(self.release))
        if not self.filename:
            self.filename = self.document.filename
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if self.release._stored_published_at():
            raise ReleaseLocked(locked_message(self.release))
        return super().delete(*args, **kwargs)

    class Meta(Orderable.Meta):
        # Ties (rows made without a sort order) in the order they were made, on every database.
        ordering = ["sort_order", "pk"]
