"""Keeping the search index in step with the resources: what changes a resource's document, and
which resources it concerns. Each receiver asks ``search.indexing.enqueue`` to re-index them by id.
Connected in ``ResourcesConfig.ready`` when ``SEARCH_AUTO_UPDATE`` is on."""

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from search.indexing import enqueue

from ..models import Adoption, ChangePackagePage, Release, ResourcePage, Series, SeriesAnnotation
from .evidence import resources_for_annotation, resources_for_series, resources_for_series_of_packages


def with_evidence_dependents(ids):
    """``ids`` and, for the change packages among them, the resources their series are evidence for:
    who may know that evidence follows the package's state and restrictions (indexing/evidence.py)."""
    ids = set(ids)
    return ids | resources_for_series_of_packages(ChangePackagePage.objects.filter(pk__in=ids).values("pk"))


def resources_under(page):
    return with_evidence_dependents(
        ResourcePage.objects.descendant_of(page, inclusive=True).values_list("pk", flat=True)
    )


def on_publish_change(sender, instance, **kwargs):
    if isinstance(instance, ResourcePage):
        enqueue(with_evidence_dependents([instance.pk]))


def on_page_moved(sender, instance, **kwargs):
    enqueue(resources_under(instance))


def on_restriction_change(sender, instance, **kwargs):
    enqueue(resources_under(instance.page))


def on_restriction_groups_change(sender, instance, action, **kwargs):
    if action in ("post_add", "post_remove", "post_clear"):
        enqueue(resources_under(instance.page))


def on_release_saved(sender, instance, update_fields=None, **kwargs):
    if instance.published_at is not None:
        enqueue([instance.resource_id])


def on_adoption_changed(sender, instance, **kwargs):
    # The document holds how many centres use it ("Most adopted", "Used at a centre").
    enqueue([instance.resource_id])


def on_series_changed(sender, instance, **kwargs):
    # Whether it shows improvement, and who may know it: its package's and tools' ``evidence``. A
    # series' points are saved with it (evidence/uploads.py saves the series after its points).
    enqueue(resources_for_series(instance))


def on_series_deleting(sender, instance, **kwargs):
    # Before its notes go with it: the resources they name must lose the evidence too.
    instance._index_resources = resources_for_series(instance)


def on_series_deleted(sender, instance, **kwargs):
    # What the series counted towards, found before it went (its notes go with it).
    enqueue(getattr(instance, "_index_resources", set()))


def on_series_annotation_changed(sender, instance, **kwargs):
    enqueue(resources_for_annotation(instance))


def connect():
    page_published.connect(on_publish_change, dispatch_uid="resources.index.page_published")
    page_unpublished.connect(on_publish_change, dispatch_uid="resources.index.page_unpublished")
    # Deleting a tool deletes its ResourcePage row too (multi-table inheritance): one receiver.
    # (Indexing removes an id the source no longer gives, as for an unpublished page.)
    post_delete.connect(on_publish_change, sender=ResourcePage, dispatch_uid="resources.index.resource_deleted")
    post_page_move.connect(on_page_moved, dispatch_uid="resources.index.page_moved")
    post_save.connect(
        on_restriction_change, sender=PageViewRestriction, dispatch_uid="resources.index.restriction_saved"
    )
    post_delete.connect(
        on_restriction_change, sender=PageViewRestriction, dispatch_uid="resources.index.restriction_deleted"
    )
    m2m_changed.connect(
        on_restriction_groups_change,
        sender=PageViewRestriction.groups.through,
        dispatch_uid="resources.index.restriction_groups",
    )
    post_save.connect(on_release_saved, sender=Release, dispatch_uid="resources.index.release_saved")
    post_save.connect(on_adoption_changed, sender=Adoption, dispatch_uid="resources.index.adoption_saved")
    post_delete.connect(on_adoption_changed, sender=Adoption, dispatch_uid="resources.index.adoption_deleted")
    post_save.connect(on_series_changed, sender=Series, dispatch_uid="resources.index.series_saved")
    pre_delete.connect(on_series_deleting, sender=Series, dispatch_uid="resources.index.series_deleting")
    post_delete.connect(on_series_deleted, sender=Series, dispatch_uid="resources.index.series_deleted")
    post_save.connect(
        on_series_annotation_changed, sender=SeriesAnnotation, dispatch_uid="resources.index.series_note_saved"
    )
    post_delete.connect(
        on_series_annotation_changed, sender=SeriesAnnotation, dispatch_uid="resources.index.series_note_deleted"
    )
