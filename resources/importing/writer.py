"""Writing checked plans (``checks.Plan``), all in the caller's one transaction.

Each changed row is saved by the same code as /share/ (``sharing.write_contribution``: the page,
its revision, its files as a release), then either submitted to the review workflow
(``sharing.submit_for_review``: screening runs in the worker) or, with ``publish``, its revision
published, which the publish guard screens (``resources.review.guards.check_publishable``), and its
waiting release with it. A refusal by the guard is raised as ``PublishRefused``: the caller rolls
everything back.
"""

from dataclasses import dataclass, field

from ..models import ImportedResource
from ..review.sharing import pending_release, submit_for_review, write_contribution


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
    for plan in plans:
        if plan.changed:
            page = _write(plan, user, stored, publish)
            (outcome.updated if plan.page is not None else outcome.created).append(page.pk)
        else:
            outcome.unchanged.append(plan.page.pk)
        if progress is not None:
            progress.update(1)
    return outcome


def _write(plan, user, stored, publish):
    form = plan.form
    uploads = plan.opened_files()
    try:
        form.cleaned_data["files"] = uploads
        form.cleaned_data["remove_files"] = plan.replace_files
        page = write_contribution(form, user, stored, release_label=plan.release_label, prepare=plan.prepare)
    finally:
        for upload in uploads:
            upload.close()
    release = pending_release(page) if plan.release_label else None
    if release is not None and release.label != plan.release_label:
        release.label = plan.release_label
        release.save(update_fields=["label"])
    if plan.page is None:
        ImportedResource.objects.create(external_id=plan.external_id, resource=page)
    else:
        ImportedResource.objects.filter(external_id=plan.external_id).update(resource=page)
    if publish:
        _publish(page, user)
    else:
        submit_for_review(page, user)
    return page


def _publish(page, user):
    """Publish the saved revision (the guard screens it as it goes live) and the files waiting
    with it, as the workflow's last approval does (``signals.publish_pending_releases``)."""
    page.get_latest_revision().publish(user=user, log_action=True)
    for release in page.releases.filter(published_at__isnull=True).order_by("pk"):
        if release.files.exists():
            release.publish()
