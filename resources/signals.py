"""Keep released files as they were released, and network-only resources among members."""

from django.contrib.auth.models import Group
from django.db.models.signals import pre_delete, pre_save
from django.dispatch import receiver
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, workflow_approved

from .models.releases import ReleaseLocked


def _published_release_of(document):
    from .models import ReleaseFile

    release_file = (
        ReleaseFile.objects.filter(document_id=document.pk, release__published_at__isnull=False)
        .select_related("release")
        .first()
    )
    return release_file.release if release_file else None


@receiver(pre_save, sender=get_document_model())
def refuse_replacing_released_file(sender, instance, **kwargs):
    if not instance.pk:
        return
    stored = sender.objects.filter(pk=instance.pk).values_list("file", flat=True).first()
    if stored is not None and stored != instance.file.name:
        release = _published_release_of(instance)
        if release is not None:
            raise ReleaseLocked(
                f"This file belongs to release {release.label} of “{release.resource.title}”, which "
                "is published and cannot change. Upload the new file as a new document and add it to "
                "a new release."
            )


@receiver(pre_delete, sender=get_document_model())
def refuse_deleting_released_file(sender, instance, **kwargs):
    release = _published_release_of(instance)
    if release is not None:
        raise ReleaseLocked(
            f"This file belongs to published release {release.label} of “{release.resource.title}” "
            "and cannot be deleted."
        )


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
