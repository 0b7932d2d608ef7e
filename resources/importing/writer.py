"""Writing checked plans (``checks.Plan``), all in the caller's one transaction.

Each changed row is saved by the same code as /share/ (``sharing.write_contribution``: the page,
its revision, its files as a release), then either submitted to the review workflow
(``sharing.submit_for_review``: screening runs in the worker) or, with ``publish``, its revision
published, which the publish guard screens (``resources.review.guards.check_publishable``), and its
waiting release with it. A refusal by the guard is raised as ``PublishRefused``: the caller rolls
everything back.

What is the same for every row is looked up once (``sharing.KeptLookups``: the library, the
contributions collection, the importer's profile; and the library's workflow, which every new
resource starts), and the reference and search index updates Wagtail queues at each save are
queued once per object at the end (``deferred.deferred_object_updates``).

New resources, when drafts are imported, are made a batch at a time (``bulk.create_resources``:
the same rows, each table written once per batch); a changed resource, a ``--publish`` import, and
a new resource the batch does not take (``bulk.can_create``, ``bulk.base_slug``) go one by one
as above.
"""

from dataclasses import dataclass, field

from ..models import ImportedResource
from ..review.sharing import KeptLookups, pending_release, submit_for_review, write_contribution
from . import bulk
from .deferred import deferred_object_updates

BATCH = 250  # new resources made together: the rows of one batch are held in memory at once


@dataclass
class Outcome:
    created: list = field(default_factory=list)  # page ids
    updated: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)

    @property
    def written(self):
        return self.created + self.updated


def write_plans(plans, user, stored, *, publish=False, progress=None):
    """Write every plan; ``stored`` collects the files written, for the caller to remove if the
    transaction fails (``sharing.removing_stored_files_on_failure``)."""
    outcome = Outcome()
    writer = _Writer(user, stored, publish)
    with deferred_object_updates():
        made = writer.create_new([plan for plan in plans if plan.changed and plan.page is None], progress)
        for plan in plans:
            if id(plan) in made:
                outcome.created.append(made[id(plan)].pk)
                continue
            if plan.changed:
                page = writer.write(plan)
                (outcome.updated if plan.page is not None else outcome.created).append(page.pk)
            else:
                outcome.unchanged.append(plan.page.pk)
            if progress is not None:
                progress.update(1)
    return outcome


class _Writer:
    def __init__(self, user, stored, publish):
        self.user, self.stored, self.publish = user, stored, publish
        self.lookups = KeptLookups()
        self._workflow = None

    def new_page_workflow(self):
        """The workflow a new resource starts: its own page has none yet, so it is the one
        ``Page.get_workflow`` finds on the library or the library's nearest ancestor."""
        if self._workflow is None:
            self._workflow = self.lookups.library().get_workflow()
        return self._workflow

    def create_new(self, plans, progress=None):
        """Make the new resources of ``plans`` in batches (``bulk``) where that path applies;
        ``{id(plan): page}`` for those made."""
        if not plans or self.publish:
            return {}
        workflow = self.new_page_workflow()
        task = bulk.first_task(workflow)
        if not bulk.can_create(workflow, task):
            return {}
        # A title of no letters or digits gives no slug to start from, and Wagtail would make none:
        # such a row goes one by one, as before.
        plans = [plan for plan in plans if bulk.base_slug(plan.form.instance)]
        made = {}
        for start in range(0, len(plans), BATCH):
            batch = plans[start:start + BATCH]
            pages = bulk.create_resources(batch, self.user, self.stored, self.lookups, workflow, task)
            made.update((id(plan), page) for plan, page in zip(batch, pages, strict=True))
            if progress is not None:
                progress.update(len(batch))
        return made

    def write(self, plan):
        page = _write(plan, self.user, self.stored, self.lookups)
        if self.publish:
            _publish(page, self.user)
        elif plan.page is None and (workflow := self.new_page_workflow()) is not None:
            # What ``submit_for_review`` does for a resource with no workflow yet.
            workflow.start(page, self.user)
        else:
            submit_for_review(page, self.user)
        return page


def _write(plan, user, stored, lookups):
    form = plan.form
    uploads = plan.opened_files()
    try:
        form.cleaned_data["files"] = uploads
        form.cleaned_data["remove_files"] = plan.replace_files
        page = write_contribution(
            form, user, stored, release_label=plan.release_label, prepare=plan.prepare, lookups=lookups
        )
    finally:
        for upload in uploads:
            upload.close()
    # A new resource's release was made with this label; an existing one's waiting release may differ.
    release = pending_release(page) if plan.release_label and plan.page is not None else None
    if release is not None and release.label != plan.release_label:
        release.label = plan.release_label
        release.save(update_fields=["label"])
    if plan.page is None:
        ImportedResource.objects.create(external_id=plan.external_id, resource=page)
    else:
        ImportedResource.objects.filter(external_id=plan.external_id).update(resource=page)
    return page


def _publish(page, user):
    """Publish the saved revision (the guard screens it as it goes live) and the files waiting
    with it, as the workflow's last approval does (``signals.publish_pending_releases``)."""
    page.get_latest_revision().publish(user=user, log_action=True)
    for release in page.releases.filter(published_at__isnull=True).order_by("pk"):
        if release.files.exists():
            release.publish()
