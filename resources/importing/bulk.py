"""New resources of an import, created together rather than one by one.

    create_resources(plans, user, stored, lookups, workflow, task) -> pages

The per-row path (``writer._Writer.write``: ``sharing.write_contribution``, then the library's
workflow started by Wagtail) spends about 140 SQL queries on each new resource, nearly all of
them Wagtail's per-save work: treebeard's lock and last-child lookups, the slug check, each
``full_clean`` checking every foreign key of a page, a revision, three log entries and two
workflow states, the revision's serialisation re-reading what was just written, and the
screening task's ``revision.as_object()`` rebuilding the page to fingerprint it. Here the same
rows are made for a batch of new resources, each table written with one INSERT per batch:

- tree positions: treebeard's own steps (``MP_AddChildHandler``) for the batch: the library's
  row locked and read once, its last child's path incremented for each page (``_get_path``,
  ``_str2int``), its ``numchild`` raised once; slugs as Wagtail makes them (``slugify`` of the
  title, "-2", "-3"... while a sibling has it), against the siblings read once;
- the page rows, their inline rows (tags, credits: modelcluster's ``commit``) and many-to-many
  rows (conditions, audiences, organisations: Django's ``add``, with its ``m2m_changed``);
- revisions made by Wagtail's own serialisation (``serializable_data()``, as ``save_revision``
  does, of the page as it was just saved, its relations read back from the database in one query
  each for the batch), then ``latest_revision`` and the rest of ``save_revision``'s fields;
- the audit log entries ``add_child``, ``save_revision`` and ``Workflow.start`` write, with the
  same actions, users, revisions and data;
- releases, documents (each file stored first, through the storage, as ``FileField`` does) and
  release files; the ``ImportedResource`` ids;
- the workflow's start: a ``WorkflowState`` and the screening task's ``ScreeningTaskState``, in
  progress, with the fingerprint ``resources.review.screening.fingerprint`` records, computed
  from the page in memory (its text as ``page_text`` reads it, its files' SHA-256) rather than
  from the revision rebuilt, then the screening queued for the worker as ``ScreeningTask.start``
  queues it, and Wagtail's ``task_submitted`` and ``workflow_submitted`` signals.

Every row inserted here gets the ``pre_save`` and ``post_save`` signals ``save()`` would send, so
the receivers see it as they would (the deferred reference and search index updates, the page
cache's purges, the publish guard). What ``full_clean`` checks again at each save was checked
before anything was written (``checks.py``: the share form runs the page's model validation).

``tests/test_import_equivalence.py`` compares every row one resource made here is made of with
the same contribution shared on /share/, and the fingerprint with the one the screening task
computes from the revision. Updated resources, ``--publish`` and anything this module does not
expect (a workflow whose first task is not the screening, a title with no letters for a slug)
keep the per-row path (``writer.py``).
"""

import logging

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connections, router
from django.db.models import AutoField, CharField, F, OuterRef, Prefetch, Subquery, prefetch_related_objects
from django.db.models.functions import Cast
from django.db.models.signals import m2m_changed, post_save, pre_save
from django.utils import timezone
from django.utils.text import slugify
from modelcluster.models import get_all_child_m2m_relations, get_all_child_relations
from treebeard.exceptions import PathOverflow
from wagtail.documents import get_document_model
from wagtail.log_actions import get_active_log_context
from wagtail.log_actions import registry as log_registry
from wagtail.models import Page, PageLogEntry, Revision, TaskState, WorkflowState
from wagtail.signals import task_submitted, workflow_submitted

from ..models import ImportedResource, Release, ReleaseFile, ScreeningTask
from ..review.screening import digest, fingerprint, linked_documents, screen_submission
from ..review.sharing import FIRST_RELEASE_LABEL, FIRST_RELEASE_NOTES, credit_contributor, new_document

# Wagtail's own logger, for the "Page created" and "Page edited" lines it writes at each save.
wagtail_logger = logging.getLogger("wagtail")
LOGGED_ACTIONS = ("wagtail.create", "wagtail.edit", "wagtail.workflow.start")


def can_create(workflow, task):
    """Whether a batch can go this way: the database returns the ids of rows inserted together
    (SQLite, PostgreSQL), and the workflow a new resource starts begins with the screening task,
    whose start is what ``_start_workflows`` reproduces."""
    connection = connections[router.db_for_write(Page)]
    return (
        connection.features.can_return_rows_from_bulk_insert
        and workflow is not None
        and type(task) is ScreeningTask
        and all(log_registry.action_exists(action) for action in LOGGED_ACTIONS)
    )


def first_task(workflow):
    """The task ``Workflow.start`` starts: ``WorkflowState.get_next_task`` for a state with none done."""
    if workflow is None:
        return None
    task = workflow.tasks.filter(active=True).first()
    return task.specific if task is not None else None


def insert(objs, using=None):
    """INSERT new ``objs`` as ``save()`` would, with one statement per table and batch: Django's
    ``bulk_create`` mechanism (``QuerySet._batched_insert``), table by table from the root of a
    multi-table model, each child row given its parent's key as ``Model._save_parents`` does.
    ``bulk_create`` refuses multi-table models because it cannot know that no parent row exists
    yet; every object here is new. Objects of several models sharing a root (a tool, a protocol)
    share its table's statement. ``pre_save`` and ``post_save`` are sent for each."""
    if not objs:
        return objs
    using = using or router.db_for_write(type(objs[0]))
    tables = []  # every table of every model, each after its parents
    for model in dict.fromkeys(type(obj) for obj in objs):
        for table in [*reversed(model._meta.get_parent_list()), model]:
            if table not in tables:
                tables.append(table)
    for obj in objs:
        pre_save.send(sender=type(obj), instance=obj, raw=False, using=using, update_fields=None)
    for table in tables:
        _insert_table(table, [obj for obj in objs if isinstance(obj, table)], using)
    for obj in objs:
        obj._state.adding = False
        obj._state.db = using
        post_save.send(sender=type(obj), instance=obj, created=True, update_fields=None, raw=False, using=using)
    return objs


def _insert_table(table, objs, using):
    opts = table._meta
    fields = [field for field in opts.local_concrete_fields if not field.generated]
    returning = isinstance(opts.pk, AutoField) and opts.pk in fields
    if returning:
        fields.remove(opts.pk)
    for obj in objs:
        for parent, link in opts.parents.items():
            if link is not None:
                setattr(obj, link.attname, obj._get_pk_val(parent._meta))
        obj._prepare_related_fields_for_save(operation_name="bulk_create")
    queryset = table._base_manager.using(using)
    queryset._for_write = True
    rows = queryset._batched_insert(objs, fields, batch_size=None)
    if returning:
        assert len(rows) == len(objs), "the database did not return the new rows' ids"
        for obj, row in zip(objs, rows, strict=True):
            for value, field in zip(row, opts.db_returning_fields, strict=False):
                setattr(obj, field.attname, value)


def update(model, objs, values):
    """``save(update_fields=values)`` for each of ``objs`` (of ``model`` or its subclasses), whose
    new values are already set on them, as one UPDATE for them all: ``values`` maps each field to
    the value or expression (one that finds each row's own) it is given. With the signals
    ``save()`` sends."""
    if not objs:
        return
    using = router.db_for_write(model)
    update_fields = frozenset(values)
    for obj in objs:
        pre_save.send(sender=type(obj), instance=obj, raw=False, using=using, update_fields=update_fields)
    model._base_manager.using(using).filter(pk__in=[obj.pk for obj in objs]).update(**values)
    for obj in objs:
        post_save.send(
            sender=type(obj), instance=obj, created=False, update_fields=update_fields, raw=False, using=using
        )


# The pages ------------------------------------------------------------------------------------


def prepare_page(plan, user, lookups):
    """``write_contribution``'s new page, not yet saved: the form's values and relations (kept on
    the page: it is a modelcluster), its owner, its credits and what the row sets besides."""
    form = plan.form
    page = form.save(commit=False)
    form.save_m2m()
    page.owner, page.live = user, False
    credit_contributor(page, user, lookups)
    plan.prepare(page)
    return page


def look_up_tags(plans):
    """The tags of the whole batch looked up in one query, and each row's tag words that name one
    replaced by it, for ``save_m2m`` to keep on the page: what taggit's ``_to_tag_model_instances``
    finds for each row with a query of its own (it takes tags and words alike; a word no tag has
    yet is left for it to create, as it does). Case-insensitive tags (``TAGGIT_CASE_INSENSITIVE``)
    are matched by the database's rules: taggit is left to it."""
    if getattr(settings, "TAGGIT_CASE_INSENSITIVE", False) or not plans:
        return
    through = _tag_relation(type(plans[0].form.instance))[0]
    if through is None:
        return
    words = sorted({word for plan in plans for word in plan.form.cleaned_data.get("tags") or []
                    if isinstance(word, str)})
    found = {}
    for start in range(0, len(words), 500):
        found.update((tag.name, tag) for tag in through.tag_model().objects.filter(name__in=words[start:start + 500]))
    for plan in plans:
        if plan.form.cleaned_data.get("tags"):
            plan.form.cleaned_data["tags"] = [found.get(word, word) if isinstance(word, str) else word
                                              for word in plan.form.cleaned_data["tags"]]


def base_slug(page):
    """The slug Wagtail would start from for a new page; empty when it would make none."""
    return slugify(page.title, allow_unicode=getattr(settings, "WAGTAIL_ALLOW_UNICODE_SLUGS", True))


def place(pages, library):
    """Give each page its place under the library, as ``add_child`` and ``Page.save`` would one by
    one: treebeard's path and depth, Wagtail's slug, url_path, draft title and locale."""
    node = Page.objects.select_for_update().get(pk=library.pk)  # treebeard locks the parent row too
    depth = node.depth + 1
    last = node.get_last_child() if node.numchild else None
    step = Page._str2int(last.path[-Page.steplen:]) if last is not None else 0
    taken = set(node.get_children().values_list("slug", flat=True))
    max_length = Page._meta.get_field("path").max_length
    for page in pages:
        step += 1
        page.depth, page.path, page.numchild = depth, Page._get_path(node.path, depth, step), 0
        if len(Page._int2str(step)) > Page.steplen or len(page.path) > max_length:
            raise PathOverflow(f"Path overflow under {node.path}")
        # Page._get_autogenerated_slug, against the siblings and the pages placed before this one.
        slug, suffix = base_slug(page), 1
        while slug in taken:
            suffix += 1
            slug = f"{base_slug(page)}-{suffix}"
        taken.add(slug)
        page.slug = slug
        page._cached_parent_obj = library
        page._set_core_field_defaults()  # draft title and locale (the slug is set: no sibling query)
        page.title = page._meta.get_field("title").clean(page.title, page)  # Page.minimal_clean
        page.set_url_path(library)
    Page.objects.filter(pk=node.pk).update(numchild=F("numchild") + len(pages))
    library.numchild = node.numchild + len(pages)


def commit_relations(pages):
    """What ``ClusterableModel.save`` commits after a new page's row: its inline rows (each saved,
    as ``commit`` saves them) and its many-to-many rows (added as Django's ``add`` adds them: one
    bulk insert, between its ``pre_add`` and ``post_add`` signals)."""
    children, through_rows, signals = {}, {}, []
    for page in pages:
        kept = getattr(page, "_cluster_related_objects", {})
        for relation in get_all_child_relations(page):
            name = relation.get_accessor_name()
            if name not in kept:
                continue
            for item in kept.pop(name):
                setattr(item, relation.field.name, page)
                children.setdefault(relation.related_model, []).append(item)
        for field in get_all_child_m2m_relations(page):
            if field.name not in kept:
                continue
            items = kept.pop(field.name)
            if not items:
                continue
            through = field.remote_field.through
            source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
            pk_set = {item.pk for item in items}
            through_rows.setdefault(through, []).extend(
                through(**{f"{source}_id": page.pk, f"{target}_id": pk}) for pk in pk_set
            )
            signals.append((through, page, field.remote_field.model, pk_set))
    for items in children.values():
        insert(items)
    for through, page, target, pk_set in signals:
        m2m_changed.send(sender=through, action="pre_add", instance=page, reverse=False, model=target,
                         pk_set=pk_set, using=router.db_for_write(through))
    for through, rows in through_rows.items():
        through._default_manager.bulk_create(rows)
    for through, page, target, pk_set in signals:
        m2m_changed.send(sender=through, action="post_add", instance=page, reverse=False, model=target,
                         pk_set=pk_set, using=router.db_for_write(through))


def read_back_relations(pages):
    """Each page's relations as the database now holds them, in its order, one query per relation
    for the batch: what ``serializable_data()`` and ``page_text`` read after a save. The tags
    follow the inline tag rows, as they do on the page ``revision.as_object()`` rebuilds."""
    by_class = {}
    for page in pages:
        by_class.setdefault(type(page), []).append(page)
    for model, group in by_class.items():
        names = [relation.get_accessor_name() for relation in get_all_child_relations(model)]
        names += [field.name for field in get_all_child_m2m_relations(model)]
        tag_through, tag_items = _tag_relation(model)
        prefetch_related_objects(group, *[
            Prefetch(name, queryset=tag_through.objects.select_related("tag")) if name == tag_items else name
            for name in names
        ])
        if tag_through is None:
            continue
        for page in group:
            tags = tag_through.tag_model().objects.none()
            tags._result_cache = [item.tag for item in getattr(page, tag_items).all()]
            tags._prefetch_done = True
            page._prefetched_objects_cache["tags"] = tags


def _tag_relation(model):
    """(through model, inline relation name) of a page's ``tags`` (``ClusterTaggableManager``), or
    (None, None)."""
    try:
        through = model._meta.get_field("tags").through
        name = through._meta.get_field("content_object").remote_field.get_accessor_name()
    except Exception:  # no tags, or not kept as inline rows
        return None, None
    return through, name


def save_revisions(pages, user):
    """``save_revision(user=user)`` for each new page: the revision of the page as saved, then the
    page's latest revision, its time, draft title and unpublished changes."""
    page_type = ContentType.objects.get_for_model(Page)
    now = timezone.now()  # the batch's revisions are made in one statement, at one moment
    revisions = []
    for page in pages:
        revisions.append(Revision(
            content_object=page, base_content_type=page_type, user=user, approved_go_live_at=None,
            content=page.serializable_data(), object_str=str(page), created_at=now,
        ))
    insert(revisions)
    for page, revision in zip(pages, revisions, strict=True):
        page.latest_revision_created_at = revision.created_at
        page.draft_title = page.title
        page.latest_revision = revision
        page.has_unpublished_changes = True
        wagtail_logger.info('Page edited: "%s" id=%d revision_id=%d', page.title, page.id, revision.id)
    # Each page's latest revision is the one just made (a new page has no other).
    latest = Revision.objects.filter(base_content_type=page_type, object_id=Cast(OuterRef("pk"), CharField()))
    update(Page, pages, {
        "latest_revision_created_at": now,
        "draft_title": F("title"),
        "latest_revision": Subquery(latest.order_by("-pk").values("pk")[:1]),
        "has_unpublished_changes": True,
    })
    return revisions


def log_entry(page, action, user, revision=None, content_changed=False, data=None):
    """The entry ``wagtail.log_actions.log`` writes for a page (``PageLogEntryManager.log_action``)."""
    context = get_active_log_context()
    return PageLogEntry(
        content_type=ContentType.objects.get_for_model(page, for_concrete_model=False),
        label=page.specific_deferred.get_admin_display_title(),
        action=action,
        timestamp=timezone.now(),
        data=data or {},
        user=user or context.user,
        uuid=context.uuid,
        revision=revision,
        content_changed=content_changed,
        page=page,
    )


# Files ------------------------------------------------------------------------------------------


def store_files(plans, pages, user, stored, lookups):
    """``sharing._store_files`` for new resources: a release of the row's files (its ``release``,
    or 1.0: a new resource has no published release to follow), a document for each file (the
    file written to storage first, noted in ``stored`` for removal if the import fails) and the
    release's files. Returns ``{page: [(document, download name)]}``, in their order."""
    file_field = get_document_model()._meta.get_field("file")
    releases, documents, release_files, files_of = [], [], [], {}
    for plan, page in zip(plans, pages, strict=True):
        files_of[page] = []
        if not plan.files:
            continue
        release = Release(
            resource=page,
            label=plan.release_label or FIRST_RELEASE_LABEL,
            change_notes=plan.form.cleaned_data["change_notes"] or FIRST_RELEASE_NOTES,
            created_by=user,
        )
        releases.append(release)
        for upload in plan.opened_files():
            with upload:
                document, filename = new_document(upload, user, lookups.collection())
                file_field.pre_save(document, add=True)  # what saving does first: the file is stored
                stored.append((document.file.storage, document.file.name))
                document.file = document.file.name  # read from storage from now on, as after a save
            documents.append(document)
            release_files.append(ReleaseFile(release=release, document=document, filename=filename))
            files_of[page].append((document, filename))
    insert(releases)
    insert(documents)
    insert(release_files)
    return files_of


# The workflow ----------------------------------------------------------------------------------


def start_workflows(pages, revisions, files_of, user, workflow, task):
    """``workflow.start(page, user)`` for each page, whose first task is the screening
    (``ScreeningTask.start``): the workflow state and the screening's task state in progress, the
    fingerprint of what it will screen, the signals, the log entry; returns the task states, whose
    screening the caller queues once they are committed with the rest."""
    page_type = ContentType.objects.get_for_model(Page)
    states = [
        WorkflowState(
            content_type=page.get_content_type(), base_content_type=page_type, object_id=str(page.pk),
            workflow=workflow, status=WorkflowState.STATUS_IN_PROGRESS, requested_by=user,
        )
        for page in pages
    ]
    insert(states)
    task_states = []
    for state, page, revision in zip(states, pages, revisions, strict=True):
        task_state = task.get_task_state_class()(workflow_state=state)
        task_state.status = TaskState.STATUS_IN_PROGRESS
        task_state.revision = revision
        task_state.task = task
        # What ``documents_to_publish`` would find: the new release's files (no need to read them
        # back) and the documents its text links to.
        files = files_of[page]
        files = files + linked_documents(page, {document.pk for document, _name in files})
        task_state.screened = fingerprint(page, revision, files)
        task_state.fingerprint = digest(task_state.screened)
        task_states.append(task_state)
    insert(task_states)
    for task_state in task_states:
        task_submitted.send(sender=type(task_state), instance=task_state, user=user)
    for state, task_state in zip(states, task_states, strict=True):
        state.current_task_state = task_state
    current = TaskState.objects.filter(workflow_state=OuterRef("pk")).order_by("-pk").values("pk")[:1]
    update(WorkflowState, states, {"current_task_state": Subquery(current)})
    for state in states:
        workflow_submitted.send(sender=WorkflowState, instance=state, user=user)
    entries = [
        log_entry(page, "wagtail.workflow.start", user, revision=revision, data={
            "workflow": {
                "id": workflow.id,
                "title": workflow.name,
                "status": state.status,
                "next": {"id": task.id, "title": task.name},
                "task_state_id": task_state.id,
            }
        })
        for page, revision, state, task_state in zip(pages, revisions, states, task_states, strict=True)
    ]
    return task_states, entries


def create_resources(plans, user, stored, lookups, workflow, task):
    """Create the new resources of ``plans`` (rows with no resource yet, all checked), in the
    caller's transaction, each a draft submitted to ``workflow`` whose first task is ``task``.
    Returns the pages, in the plans' order."""
    library = lookups.library()
    look_up_tags(plans)
    pages = [prepare_page(plan, user, lookups) for plan in plans]
    place(pages, library)
    insert(pages)
    for page in pages:
        cls = type(page)
        wagtail_logger.info('Page created: "%s" id=%d content_type=%s.%s path=%s', page.title, page.id,
                            cls._meta.app_label, cls.__name__, page.url_path)
    commit_relations(pages)
    read_back_relations(pages)
    revisions = save_revisions(pages, user)
    files_of = store_files(plans, pages, user, stored, lookups)
    insert([ImportedResource(external_id=plan.external_id, resource=page)
            for plan, page in zip(plans, pages, strict=True)])
    task_states, started = start_workflows(pages, revisions, files_of, user, workflow, task)
    entries = []
    for page, revision, start in zip(pages, revisions, started, strict=True):
        entries += [
            log_entry(page, "wagtail.create", user or page.owner, content_changed=True),
            log_entry(page, "wagtail.edit", user, revision=revision, content_changed=True),
            start,
        ]
    insert(entries)
    # ``ScreeningTask.start`` queues the screening of each (the worker's queue commits with them).
    for task_state in task_states:
        screen_submission.enqueue(task_state.pk, user.pk if user is not None else None)
    return pages
