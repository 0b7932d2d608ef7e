"""Where each of a person's contributions stands, for ``/my/contributions/``.

A fixed number of queries whatever the number of contributions: the pages, their latest workflow
runs, those runs' steps, and the decisions of their typed reviews.
"""

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from wagtail.admin.utils import get_user_display_name
from wagtail.models import Page, Revision, TaskState, WorkflowState
from wagtail.permission_policies.pages import PagePermissionPolicy

from ..models import ResourcePage, ScreeningTaskState
from .screening import blocking, to_check
from .typed import decisions_by_task_state, types_to_show

DRAFT = "draft"
SCREENING = "screening"
IN_REVIEW = "in-review"
CHANGES_REQUESTED = "changes-requested"
PUBLISHED = "published"

LABELS = {
    DRAFT: "Draft",
    SCREENING: "Being screened",
    IN_REVIEW: "In review",
    CHANGES_REQUESTED: "Changes requested",
    PUBLISHED: "Published",
}

# A step of the review history in plain words ("Review: Waiting for a decision"), not Wagtail's
# status codes. Cancelled steps are not shown.
BEING_CHECKED = "being_checked"  # a screening the background worker has not finished
STEP_LABELS = {
    BEING_CHECKED: "Being checked",
    TaskState.STATUS_IN_PROGRESS: "Waiting for a decision",
    TaskState.STATUS_APPROVED: "Approved",
    TaskState.STATUS_REJECTED: "Changes requested",
    TaskState.STATUS_SKIPPED: "Skipped",
}


@dataclass
class Step:
    name: str
    status: str
    by: str
    at: object
    comment: str

    @property
    def label(self):
        return STEP_LABELS.get(self.status, self.status.replace("_", " ").capitalize())


@dataclass
class Contribution:
    page: ResourcePage
    state: str
    detail: str = ""
    comment: str = ""
    findings: list = field(default_factory=list)  # what the screening returned it for
    checks: list = field(default_factory=list)  # what the screening asks the reviewers to confirm
    steps: list = field(default_factory=list)
    unsubmitted_changes: bool = False
    editable_by_user: bool = False  # their own, or they may edit any resource
    being_screened: bool = False  # waiting for the background worker's outcome
    review_types: list = None  # each type's TypedReviewDecision in a typed review (typed.types_to_show)

    @property
    def label(self):
        return LABELS[self.state]

    @property
    def can_edit(self):
        # Screening and review lock the resource; the reviewers have it.
        return self.editable_by_user and self.state not in (SCREENING, IN_REVIEW)


def contributed_page_ids(user):
    """Resources the person owns, is credited on, or has saved a revision of."""
    revised = Revision.objects.filter(user=user, base_content_type=_page_content_type())
    revised_ids = {int(object_id) for object_id in revised.values_list("object_id", flat=True).distinct()}
    linked = ResourcePage.objects.filter(Q(owner=user) | Q(contributor_links__contributor__user=user))
    return revised_ids | set(linked.values_list("pk", flat=True))


def _page_content_type():
    # Revisions and workflow runs of every page name the base Page model.
    return ContentType.objects.get_for_model(Page)


def _step(task_state, findings):
    by = get_user_display_name(task_state.finished_by) if task_state.finished_by else ""
    at = task_state.finished_at or task_state.started_at
    status = task_state.status
    if status == TaskState.STATUS_IN_PROGRESS and task_state.pk in findings and not findings[task_state.pk]:
        status = BEING_CHECKED
    return Step(task_state.task.name, status, by, at, task_state.comment)


def contributions_for(user, library):
    """``library``: the library page, whose permissions say whether the person may edit any resource."""
    ids = contributed_page_ids(user)
    pages = list(
        ResourcePage.objects.filter(pk__in=ids)
        .select_related("content_type", "licence")
        .order_by("-latest_revision_created_at", "-pk")
    )
    states = {}
    runs = WorkflowState.objects.filter(
        base_content_type=_page_content_type(), object_id__in=[str(page.pk) for page in pages]
    ).exclude(status=WorkflowState.STATUS_CANCELLED)
    for state in runs.order_by("created_at", "pk"):
        states[int(state.object_id)] = state  # the latest run wins
    task_states = {}
    for task_state in (
        TaskState.objects.filter(workflow_state__in=list(states.values()))
        .select_related("task", "finished_by")
        .order_by("started_at", "pk")
    ):
        task_states.setdefault(task_state.workflow_state_id, []).append(task_state)
    # Screening runs, with their findings: {task state id: findings}.
    findings = dict(
        ScreeningTaskState.objects.filter(workflow_state__in=list(states.values())).values_list("pk", "findings")
    )
    typed = decisions_by_task_state(list(states.values()))
    may_edit_any = library is not None and PagePermissionPolicy().user_has_permission_for_instance(
        user, "change", library
    )
    contributions = []
    for page in pages:
        state = states.get(page.pk)
        history = task_states.get(state.pk, []) if state else []
        contribution = _contribution(page, state, history, findings, may_edit_any or page.owner_id == user.pk)
        contribution.review_types = types_to_show(state, history, typed)
        contributions.append(contribution)
    return contributions


def _checks_passed(history, findings):
    """What the run's latest passed screening asked the reviewers to confirm."""
    passed = [ts for ts in history if ts.pk in findings and ts.status == TaskState.STATUS_APPROVED]
    return to_check(findings[passed[-1].pk]) if passed else []


def _contribution(page, state, history, findings, editable):
    steps = [_step(task_state, findings) for task_state in history if task_state.status != TaskState.STATUS_CANCELLED]
    if state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS:
        current = next((ts for ts in reversed(history) if ts.pk == state.current_task_state_id), None)
        screening = current is not None and current.pk in findings
        if screening and findings[current.pk]:
            # Held: a file could not be checked (in time, or at all), so an editor checks it by hand.
            return Contribution(
                page,
                SCREENING,
                detail="Waiting for an editor: the automatic check could not finish, so an editor checks it by "
                "hand. There is nothing you need to do.",
                steps=steps,
                editable_by_user=editable,
            )
        if screening:
            # Queued for the background worker, or being read by it.
            return Contribution(
                page,
                SCREENING,
                detail="The automatic check is reading its files and text (file types and sizes, health "
                "information, licence). This usually takes a minute or two: reload this page to see the result.",
                steps=steps,
                editable_by_user=editable,
                being_screened=True,
            )
        return Contribution(
            page,
            IN_REVIEW,
            detail=f"At “{current.task.name}”" if current else "",
            checks=_checks_passed(history, findings),
            steps=steps,
            editable_by_user=editable,
        )
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        current = next((ts for ts in reversed(history) if ts.pk == state.current_task_state_id), None)
        returned = findings.get(current.pk, []) if current else []
        return Contribution(
            page,
            CHANGES_REQUESTED,
            detail=f"Returned at “{current.task.name}”" if current else "",
            comment=current.comment if current else "",
            findings=blocking(returned),
            checks=to_check(returned),
            steps=steps,
            editable_by_user=editable,
        )
    if page.live:
        return Contribution(
            page,
            PUBLISHED,
            steps=steps,
            unsubmitted_changes=page.has_unpublished_changes,
            editable_by_user=editable,
        )
    return Contribution(page, DRAFT, steps=steps, editable_by_user=editable)
