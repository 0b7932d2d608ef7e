"""Keeping the search index in step with the resources: what changes a resource's document, and
which resources it concerns. Each receiver asks ``search.indexing.enqueue`` to re-index them by id.
Connected in ``ResourcesConfig.ready`` when ``SEARCH_AUTO_UPDATE`` is on."""

from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from search.indexing import enqueue

from ..models import Adoption, Release, ResourcePage


def resources_under(page):
    return list(ResourcePage.objects.descendant_of(page, inclusive=True).values_list("pk", flat=True))


def on_publish_change(sender, instance, **kwargs):
    if isinstance(instance, ResourcePage):
        enqueue([instance.pk])


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
