"""The review's guards: approval is bound to what was screened, no one approves their own work, and
nothing goes live that has not passed screening as it is.

They are called from the models (``resources.models.review``), not from views, because Wagtail
reaches the same workflow action and the same publish by several routes. A refusal is an
exception with a message for the person (``Refused``); ``resources.review.middleware`` shows it and
sends them back to the page.
"""

from django.db import transaction
from wagtail.models import Revision, TaskState, WorkflowState

from .screening import blocking, digest, fingerprint, screen_page, what_changed


class Refused(Exception):
    """An approval or a publish that cannot go ahead; ``message`` says why and what happens next,
    ``page`` is the page the person is sent back to."""

    def __init__(self, message, page=None):
        super().__init__(message)
        self.message = message
        self.page = page


class ApprovalRefused(Refused):
    pass


class PublishRefused(Refused):
    pass


# Who may approve -----------------------------------------------------------------------------------


def author_ids(workflow_state):
    """Who made what this run would approve: whoever submitted it, the owner of a resource never
    published (it is their contribution), and everyone who saved a revision since the live one."""
    page = workflow_state.content_object
    ids = {workflow_state.requested_by_id}
    if not page.live:
        ids.add(page.owner_id)
    revisions = Revision.objects.filter(
        base_content_type_id=workflow_state.base_content_type_id, object_id=workflow_state.object_id
    )
    if page.live_revision_id:
        revisions = revisions.filter(pk__gt=page.live_revision_id)
    ids.update(revisions.values_list("user_id", flat=True).distinct())
    return ids - {None}


def authored_by(workflow_state, user):
    return user is not None and user.pk in author_ids(workflow_state)


def check_approval(task_state, user):
    """Raise ``ApprovalRefused`` unless ``user`` may approve ``task_state`` now: it is not their
    own work, and what would be published is what the screening saw. When it is not, screening
    runs again (and its result is kept) before the refusal is raised."""
    from ..models import ScreeningTask

    workflow_state = task_state.workflow_state
    page = workflow_state.content_object
    revision = page.get_latest_revision()
    latest = revision.as_object()
    if authored_by(workflow_state, user):
        raise ApprovalRefused(
            f"You can't approve “{latest.title}”: it is your own contribution, or you changed it. Someone "
            "else in the group approves it; you may still request changes.",
            page,
        )
    if not ScreeningTask.objects.filter(workflow_tasks__workflow_id=workflow_state.workflow_id, active=True).exists():
        return
    screening = ScreeningTask.latest(workflow_state)
    now = fingerprint(latest, revision)
    if screening is not None and screening.fingerprint == digest(now):
        return
    changes = what_changed(screening.screened if screening is not None else {}, now)
    outcome = _screen_again(task_state, user, changes)
    raise ApprovalRefused(
        f"“{latest.title}” changed after it was screened ({changes}), so it was not approved. {outcome}", page
    )


def _screen_again(task_state, user, changes):
    """End this step and let the workflow start again where it was: its review only starts on
    screened content (``ReviewTask.start``), so screening runs first. Returns what happened."""
    from ..models import ScreeningTaskState

    with transaction.atomic():
        task_state.cancel(user=user, comment=f"Not approved: {changes} after it was screened. Screened again.")
    workflow_state = WorkflowState.objects.select_related("current_task_state__task").get(
        pk=task_state.workflow_state_id
    )
    current = workflow_state.current_task_state.specific if workflow_state.current_task_state_id else None
    if workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        return "It was screened again and returned to its author with what to fix."
    if isinstance(current, ScreeningTaskState):
        return "It was screened again and is held for an editor: a file could not be checked in time."
    if current is not None and current.status == TaskState.STATUS_IN_PROGRESS:
        return (
            f"It was screened again and passed, and is back at “{current.task.name}”: look at it afresh "
            "before you approve it."
        )
    return "It was screened again."


# What may go live ----------------------------------------------------------------------------------


def check_publishable(page):
    """Called as a resource is saved (``screen_before_publishing``): raise ``PublishRefused`` when
    the save would make live something that has not passed screening as it is."""
    from ..models import ScreeningTaskState

    if not page.live:
        return
    if page._state.adding:
        if page.alias_of_id and type(page).objects.filter(pk=page.alias_of_id, live=True).exists():
            return  # an alias shows what its live source shows, and follows its publishing
        # Otherwise a new resource goes live only by publishing a revision, which is screened:
        # Wagtail's "Publish" on a new page saves it live first, and a copy may be saved live.
        page.live = False
        return
    stored = type(page).objects.filter(pk=page.pk).values_list("live", "live_revision_id").first()
    if stored is not None and stored[0] and stored[1] == page.live_revision_id:
        return  # nothing new goes live
    revision = page.live_revision
    screened = fingerprint(page, revision)
    if (
        revision is not None
        and ScreeningTaskState.objects.filter(status=TaskState.STATUS_APPROVED, fingerprint=digest(screened)).exists()
    ):
        return  # passed screening in its workflow, exactly as it is
    findings = blocking(screen_page(page))  # what only asks a reviewer to confirm does not stop it
    if findings:
        count = len(findings)
        lines = "\n".join(f"- {finding.message}" for finding in findings)
        raise PublishRefused(
            f"“{page.title}” was not published: the automatic check found {count} "
            f"thing{'s' if count != 1 else ''} to fix first. It is saved as a draft.\n{lines}",
            page,
        )
