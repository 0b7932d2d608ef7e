"""Keeping the index in step with the site.

The app that owns the documents calls ``enqueue(ids)`` when something they are built from changes
(resources/indexing/receivers.py, connected when SEARCH_AUTO_UPDATE is on). The work runs by id
through django-tasks, so saving a page never waits on a search cluster when a worker backend is
configured; on a laptop the immediate backend runs it straight after the commit.
"""

import contextlib
import contextvars
import logging

from django_tasks import task

from . import registry, service
from .engines.base import EngineUnavailable
from .signals import index_updated

logger = logging.getLogger(__name__)


def index_pages(ids):
    """Index the documents among ``ids`` that the source still gives, and remove the rest, in every engine."""
    ids = set(ids)
    documents = registry.source().documents(ids)
    gone = ids - {document["id"] for document in documents}
    for engine in service.engines_to_write():
        try:
            if documents:
                engine.index(documents)
            if gone:
                engine.remove(gone)
        except EngineUnavailable as exc:
            # The embedded index stays current; a rebuild brings the cluster back in step.
            logger.error("Could not update the %s search index for %s: %s", engine.name, sorted(ids), exc)
    service.index_changed()
    index_updated.send(sender=index_pages, ids=ids)


@task()
def update_pages_task(page_ids):
    index_pages(page_ids)


_paused = contextvars.ContextVar("search_indexing_paused", default=False)


@contextlib.contextmanager
def paused():
    """Skip per-document index updates inside the block: for bulk loads that rebuild once at the end."""
    token = _paused.set(True)
    try:
        yield
    finally:
        _paused.reset(token)


def enqueue(ids):
    ids = sorted(set(ids))
    if ids and not _paused.get():
        update_pages_task.enqueue(ids)

