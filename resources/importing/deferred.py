"""Wagtail's per-save background work, done once per object at the end of an import.

Every save of a page, revision, release, release file or document makes Wagtail queue a task
to update its reference index (``wagtail.signal_handlers.update_reference_index_on_save``), and
every save of a searchable model a task to update Wagtail's own search index
(``modelsearch.signal_handlers.post_save_signal_handler``). A resource saved three times on its
way in queued a task each time, eight or nine per resource, each a row in the worker's queue.

``deferred_object_updates()`` notes what was saved instead and, when the block ends without an
error (inside the import's transaction, so the task commits with what it updates), queues one
task, ``update_objects_task``, that does the same work as those tasks, once for each object.
When the block fails nothing is queued: the transaction is rolled back, and with it what the
tasks would have indexed.
"""

import contextlib

from django.apps import apps
from django.db.models.signals import post_save
from django_tasks import task
from modelsearch import index
from modelsearch.signal_handlers import post_save_signal_handler
from modelsearch.tasks import insert_or_update_object_task
from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import update_reference_index_on_save
from wagtail.tasks import update_reference_index_task


def _key(instance):
    return [instance._meta.app_label, instance._meta.model_name, str(instance.pk)]


@contextlib.contextmanager
def deferred_object_updates():
    """Inside the block, note what Wagtail would queue a reference or search index task for; at its
    end, queue one task for all of it. Not for concurrent use: the search receivers are
    disconnected for the block (the import runs alone in its command)."""
    references, searchable = {}, {}  # dicts as ordered sets
    # The models Wagtail connects each receiver for, by sender (deletes keep their receivers).
    tracked = set(ReferenceIndex.tracked_models)
    indexed = {model for model in index.get_indexed_models() if getattr(model, "search_auto_update", True)}
    receivers = [(update_reference_index_on_save, model) for model in tracked]
    receivers += [(post_save_signal_handler, model) for model in indexed]

    def note(sender, instance, raw=False, **kwargs):
        if raw:
            return
        if sender in tracked:
            references[tuple(_key(instance))] = True
        if sender in indexed:
            searchable[tuple(_key(instance))] = True

    post_save.connect(note, dispatch_uid="resources.importing.deferred")
    disconnected = [(receiver, model) for receiver, model in receivers if post_save.disconnect(receiver, sender=model)]
    try:
        yield
    finally:
        post_save.disconnect(note, dispatch_uid="resources.importing.deferred")
        for receiver, model in disconnected:
            post_save.connect(receiver, sender=model)
    if references or searchable:
        update_objects_task.enqueue(_by_model(references), _by_model(searchable))


def _by_model(keys):
    """``{"app_label.model_name": [pk, ...]}``: compact, for the task queue's JSON (thousands of
    objects for a large import)."""
    grouped = {}
    for app_label, model_name, pk in keys:
        grouped.setdefault(f"{app_label}.{model_name}", []).append(pk)
    return grouped


def _existing(objects):
    """(app label, model, pk) of each object still there (one that was deleted since, a file
    replaced later in the same import, is skipped): one query a model. ``objects``: ``_by_model``'s
    dict, or the ``[app label, model, pk]`` list queued before there was one."""
    if not isinstance(objects, dict):
        objects = _by_model(objects)
    for label, pks in objects.items():
        app_label, model_name = label.split(".", 1)
        model = apps.get_model(app_label, model_name)
        found = set()
        for start in range(0, len(pks), 500):
            found.update(str(pk) for pk in model._base_manager.filter(pk__in=pks[start:start + 500])
                         .values_list("pk", flat=True))
        yield from ((app_label, model_name, pk) for pk in pks if str(pk) in found)


@task()
def update_objects_task(references, searchable):
    """Wagtail's reference index and search index tasks, for each object (``_by_model``)."""
    for app_label, model_name, pk in _existing(references):
        update_reference_index_task.call(app_label, model_name, pk)
    for app_label, model_name, pk in _existing(searchable):
        insert_or_update_object_task.call(app_label, model_name, pk)
