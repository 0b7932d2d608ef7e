"""Keep released files as they were released, and network-only resources among members."""

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db.models.signals import pre_delete, pre_save
from django.dispatch import receiver
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, workflow_approved

from .models.releases import (
    Release,
    ReleaseFile,
    ReleaseLocked,
    locked_message,
    published_release_of,
    refuse_replacing_released_file,
    released_document_message,
)

Document = get_document_model()


def _released_file_unchanged(value):
    """A validator on the document's file field: a form that offers a new file for a released
    document (Wagtail's document editor, or any other) shows why on the file field instead of
    failing on save. ``value`` is the field's file, which knows its document."""
    document = getattr(value, "instance", None)
    if document is None:
        return
    try:
        refuse_replacing_released_file(document)
    except ReleaseLocked as refusal:
        # The refused file is not applied: the document in hand keeps its stored file, so what
        # the view does next with it (Wagtail's editor re-reads and saves its size) sees that one.
        document.file = type(document)._base_manager.filter(pk=document.pk).values_list("file", flat=True).get()
        raise ValidationError(refusal.messages) from refusal


def _validate_released_files_in_forms():
    # Field.validators is a cached list that model validation reads; adding ours there (not to
    # _validators, which the field's deconstruction reads) leaves Wagtail's migrations unchanged.
    field = Document._meta.get_field("file")
    if _released_file_unchanged not in field.validators:
        field.validators.append(_released_file_unchanged)


_validate_released_files_in_forms()


@receiver(pre_save, sender=Document)
def refuse_replacing_released_file_on_save(sender, instance, update_fields=None, **kwargs):
    """The last line for scripts and any route that skips validation. The file written for the
    refused change stays unused; the released one is never deleted (see resources.storage)."""
    if update_fields is None or "file" in update_fields:
        refuse_replacing_released_file(instance)


@receiver(pre_delete, sender=Document)
def refuse_deleting_released_file(sender, instance, **kwargs):
    release = published_release_of(instance)
    if release is not None:
        raise ReleaseLocked(released_document_message(release))


# Release.resource's on_delete and the querysets refuse deletions before anything is deleted;
# these receivers are the last line for anything that reaches Django's deletion another way.


@receiver(pre_delete, sender=Release)
def refuse_deleting_published_release(sender, instance, **kwargs):
    if instance.published_at is not None:
        raise ReleaseLocked(locked_message(instance))


@receiver(pre_delete, sender=ReleaseFile)
def refuse_deleting_published_release_file(sender, instance, **kwargs):
    stored = Release.objects.filter(pk=instance.release_id).published().first()
    if stored is not None:
        raise ReleaseLocked(locked_message(stored))


@receiver(page_published)
def restrict_network_only_resources(sender, instance, **kwargs):
    """A resource published under network-only terms is visible to the network's groups only:
    anyone else gets the sign-in page. An existing restriction is left as editors set it, and
    one is never removed here (a licence change to public terms is an editor's decision)."""
    from contributors.roles import ROLE_GROUPS

    from .models import ResourcePage

    if not isinstance(instance, ResourcePage) or instance.licence is None or not instance.licence.network_only:
        return
    if PageViewRestriction.objects.filter(page=instance).exists():
        return
    restriction = PageViewRestriction.objects.create(page=instance, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.set(Group.objects.filter(name__in=ROLE_GROUPS))


@receiver(workflow_approved)
def publish_pending_releases(sender, instance, **kwargs):
    """The files a contributor shared were screened and reviewed with the resource: the approval
    that publishes the resource publishes them too, as its new release."""
    from .models import ResourcePage

    page = instance.content_object.specific
    if not isinstance(page, ResourcePage):
        return
    for release in page.releases.filter(published_at__isnull=True).order_by("pk"):
        if release.files.exists():
            release.release_date = timezone.localdate()  # released today, not when the draft began
            release.save(update_fields=["release_date"])
            release.publish()
