"""Keeping the index in step with the site.

Receivers (connected in SearchConfig.ready, when SEARCH_AUTO_UPDATE is on) enqueue work by page
id through django-tasks, so saving a page never waits on a search cluster when a worker backend
is configured; on a laptop the immediate backend runs it straight after the commit.
"""

import contextlib
import contextvars
import logging

from django.db.models.signals import m2m_changed, post_delete, post_save
from django_tasks import task
from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from resources.models import Release, ResourcePage

from . import service
from .documents import build, searchable_pages
from .engines.base import EngineUnavailable

logger = logging.getLogger(__name__)


def index_pages(page_ids):
    """Index the live resources among ``page_ids`` and remove the rest, in every engine."""
    page_ids = set(page_ids)
    live = {page.pk: page for page in searchable_pages().filter(pk__in=page_ids)}
    documents = [build(page) for page in live.values()]
    gone = page_ids - set(live)
    for engine in service.engines_to_write():
        try:
            if documents:
                engine.index(documents)
            if gone:
                engine.remove(gone)
        except EngineUnavailable as exc:
            # The embedded index stays current; a rebuild brings the cluster back in step.
            logger.error("Could not update the %s search index for pages %s: %s", engine.name, sorted(page_ids), exc)


@task()
def update_pages_task(page_ids):
    index_pages(page_ids)


_paused = contextvars.ContextVar("search_indexing_paused", default=False)


@contextlib.contextmanager
def paused():
    """Skip per-page index updates inside the block: for bulk loads that rebuild once at the end."""
    token = _paused.set(True)
    try:
        yield
    finally:
        _paused.reset(token)


def enqueue(page_ids):
    page_ids = sorted(set(page_ids))
    if page_ids and not _paused.get():
        update_pages_task.enqueue(page_ids)


def resources_under(page):
    return list(ResourcePage.objects.descendant_of(page, inclusive=True).values_list("pk", flat=True))


# Receivers

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


def connect():
    page_published.connect(on_publish_change, dispatch_uid="search.page_published")
    page_unpublished.connect(on_publish_change, dispatch_uid="search.page_unpublished")
    # Deleting a tool deletes its ResourcePage row too (multi-table inheritance): one receiver.
    # (index_pages removes an id it no longer finds live, as for an unpublished page.)
    post_delete.connect(on_publish_change, sender=ResourcePage, dispatch_uid="search.resource_deleted")
    post_page_move.connect(on_page_moved, dispatch_uid="search.page_moved")
    post_save.connect(on_restriction_change, sender=PageViewRestriction, dispatch_uid="search.restriction_saved")
    post_delete.connect(on_restriction_change, sender=PageViewRestriction, dispatch_uid="search.restriction_deleted")
    m2m_changed.connect(
        on_restriction_groups_change,
        sender=PageViewRestriction.groups.through,
        dispatch_uid="search.restriction_groups",
    )
    post_save.connect(on_release_saved, sender=Release, dispatch_uid="search.release_saved")
