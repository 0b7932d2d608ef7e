"""What keeps the harvest records current (resources/oai/records.py): every change that can make a
page public or not, or change what its record says. Each receiver names the pages concerned and
``records.refresh`` decides, so a receiver that fires for nothing changes nothing.

They run at once, in the transaction of the change: a page published under network-only terms
gets its view restriction from a receiver connected before these (resources/signals.py), and is
not public anyway (its licence says so), so it never gets a record.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from contributors.models import ContributorProfile

from ..models import Condition, HarvestRecord, Licence, Release, ResourcePage, ResourceType
from . import records


def on_published_or_unpublished(sender, instance, **kwargs):
    if isinstance(instance, records.HARVESTED):
        records.refresh(records.with_dependents([instance.pk]))


def on_page_deleted(sender, instance, **kwargs):
    records.withdraw(instance.pk)
    records.refresh(records.with_dependents([instance.pk]) - {instance.pk})


def on_page_moved(sender, instance, **kwargs):
    records.refresh(records.with_dependents(records.subtree(instance)))  # its address, perhaps its visibility


def _restriction_changed(page_id):
    page = Page.objects.filter(pk=page_id).first()
    if page is not None:
        records.refresh(records.with_dependents(records.subtree(page)))


def on_restriction_saved_or_deleted(sender, instance, **kwargs):
    if kwargs.get("raw"):
        return  # loading a fixture or a snapshot: the records come with it
    _restriction_changed(instance.page_id)


def on_restriction_groups_changed(sender, instance, action, **kwargs):
    if action in ("post_add", "post_remove", "post_clear"):
        _restriction_changed(instance.page_id)


def on_release_saved(sender, instance, **kwargs):
    if kwargs.get("raw"):
        return  # loading a fixture or a snapshot: the records come with it
    if instance.published_at is not None:
        records.refresh([instance.resource_id])  # its date and formats


def refreshing_resources_by(lookup):
    """A post_save receiver for a thing a record describes (a condition, type, licence or person):
    it refreshes the records of the resources whose ``lookup`` is that thing."""

    def receiver(sender, instance, **kwargs):
        if kwargs.get("raw"):
            return  # loading a fixture or a snapshot: the records come with it
        records.refresh(ResourcePage.objects.filter(**{lookup: instance}).values_list("pk", flat=True))

    return receiver


def on_condition_deleted(sender, instance, **kwargs):
    # Its resources no longer have it (the relation is gone already): those that had it in their sets.
    had_it = HarvestRecord.objects.filter(sets__spec=f"condition:{instance.slug}")
    records.refresh(had_it.values_list("page_id", flat=True))


ON_CONDITION_SAVED = refreshing_resources_by("conditions")
ON_RESOURCE_TYPE_SAVED = refreshing_resources_by("resource_type")
ON_LICENCE_SAVED = refreshing_resources_by("licence")
ON_PERSON_SAVED = refreshing_resources_by("contributor_links__contributor")


def on_site_saved(sender, instance, **kwargs):
    if kwargs.get("raw"):
        return  # loading a fixture or a snapshot: the records come with it
    records.sync_all()  # every address may have changed


def connect():
    uid = "resources.oai.{}".format
    page_published.connect(on_published_or_unpublished, dispatch_uid=uid("published"))
    page_unpublished.connect(on_published_or_unpublished, dispatch_uid=uid("unpublished"))
    # Deleting a tool deletes its Page row too: Page's post_delete comes for every kind of page.
    post_delete.connect(on_page_deleted, sender=Page, dispatch_uid=uid("page_deleted"))
    post_page_move.connect(on_page_moved, dispatch_uid=uid("moved"))
    post_save.connect(
        on_restriction_saved_or_deleted, sender=PageViewRestriction, dispatch_uid=uid("restriction_saved")
    )
    post_delete.connect(
        on_restriction_saved_or_deleted, sender=PageViewRestriction, dispatch_uid=uid("restriction_deleted")
    )
    m2m_changed.connect(
        on_restriction_groups_changed, sender=PageViewRestriction.groups.through, dispatch_uid=uid("restriction_groups")
    )
    post_save.connect(on_release_saved, sender=Release, dispatch_uid=uid("release_saved"))
    # Module-level references keep these receivers alive (signals hold them weakly).
    post_save.connect(ON_CONDITION_SAVED, sender=Condition, dispatch_uid=uid("condition_saved"))
    post_delete.connect(on_condition_deleted, sender=Condition, dispatch_uid=uid("condition_deleted"))
    post_save.connect(ON_RESOURCE_TYPE_SAVED, sender=ResourceType, dispatch_uid=uid("resource_type_saved"))
    post_save.connect(ON_LICENCE_SAVED, sender=Licence, dispatch_uid=uid("licence_saved"))
    post_save.connect(ON_PERSON_SAVED, sender=ContributorProfile, dispatch_uid=uid("person_saved"))
    post_save.connect(on_site_saved, sender=Site, dispatch_uid=uid("site_saved"))
