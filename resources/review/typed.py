"""Typed reviews (``resources.models.typed_review``): deciding for a type, the example types and
the ready-made workflow that uses them, and what the author is shown.

Deciding (``decide``) is where the guards are: the action must name a type still waiting in this
very review, the person must review that type (or be an administrator), and an approval is bound to
what was screened and never of one's own work (``guards.check_approval``, as for every review).
"""

from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from wagtail.admin.utils import get_user_display_name
from wagtail.models import TaskState, Workflow, WorkflowTask

from ..models.typed_review import ACTION, Decision, ReviewType, TypedReviewDecision, TypedReviewTask, may_decide
from ..roles import access_admin, grant_page_permissions
from .guards import Refused, check_approval

TYPED_WORKFLOW_NAME = "Contribution review with typed reviews"
TYPED_REVIEW_NAME = "Typed review"

# The example types made with the typed workflow: (name, its reviewer group, what it checks).
EXAMPLE_TYPES = [
    (
        "Clinical safety",
        "Clinical safety reviewers",
        "Is it clinically accurate and safe: doses, thresholds, escalation and red flags, and does it agree with "
        "current guidance?",
    ),
    (
        "QI method",
        "QI method reviewers",
        "Is the improvement method sound: a clear aim, measures with operational definitions, tests of change, "
        "run or control charts read correctly?",
    ),
    (
        "Licence and reuse",
        "Licence and reuse reviewers",
        "Does the licence cover everything in it (images, adapted material), with attribution, and is any reuse "
        "permission it needs recorded?",
    ),
    (
        "Patient and family language",
        "Patient and family language reviewers",
        "Can patients and families read it: plain words, respectful, no blame, terms explained?",
    ),
]
# What the example groups may do: open the admin, and open (and tidy) resources in the library, as
# the Reviewers role may. Only the groups made here: a group an editor picks keeps its own rights.
EXAMPLE_GROUP_PAGE_PERMISSIONS = ["change_page"]


# Deciding -------------------------------------------------------------------------------------------


def decide(task, task_state, user, action_name, comment=""):
    """Record ``user``'s decision for the type ``action_name`` names ("approve-3", "reject-3") in
    ``task_state``; approve the step when every type has approved, return it to its author when
    this one asks for changes. Raises ``PermissionDenied`` for an action nobody offered this person,
    ``Refused`` (shown as a message) for one that cannot go ahead now."""
    match = ACTION.fullmatch(action_name or "")
    if match is None or task_state.task_id != task.pk:
        raise PermissionDenied("That is not an action of this review.")
    verb, type_id = match[1], int(match[2])
    decision = (
        TypedReviewDecision.objects.select_related("review_type")
        .filter(task_state_id=task_state.pk, review_type_id=type_id)
        .first()
    )
    if decision is None or not may_decide(user, decision.review_type):
        raise PermissionDenied("You do not review that type for this contribution.")
    page = task_state.workflow_state.content_object
    _check_waiting(task_state, decision, page)
    if verb == "approve":
        # Outside the transaction below: when the content changed after screening, this screens it
        # again, keeps that result and refuses.
        check_approval(task_state, user)
    with transaction.atomic():
        # One decision at a time per review, so that two last approvals cannot both miss each other.
        task_state = TaskState.objects.select_for_update().get(pk=task_state.pk)
        decision = TypedReviewDecision.objects.select_related("review_type").get(pk=decision.pk)
        _check_waiting(task_state, decision, page)
        decision.state = Decision.APPROVED if verb == "approve" else Decision.CHANGES_REQUESTED
        decision.reviewer, decision.comment, decision.decided_at = user, comment.strip(), timezone.now()
        decision.save()
        if verb == "reject":
            task_state.reject(user=user, comment=f"{decision.review_type.name}: {decision.comment}".strip())
        else:
            decisions = list(task_state.typed_review_decisions.select_related("review_type", "reviewer"))
            if all(each.state == Decision.APPROVED for each in decisions):
                task_state.approve(user=user, comment=approval_comment(decisions))
    return None


def _check_waiting(task_state, decision, page):
    if task_state.status != TaskState.STATUS_IN_PROGRESS:
        raise Refused(f"“{page.title}” is no longer waiting for this review, so nothing was recorded.", page)
    if decision.state != Decision.PENDING:
        by = get_user_display_name(decision.reviewer) if decision.reviewer else "someone"
        raise Refused(
            f"{decision.review_type.name} of “{page.title}” was already decided ({decision.get_state_display()}, "
            f"by {by}), so nothing was recorded.",
            page,
        )


def approval_comment(decisions):
    """What the reviewers said as they approved, one line per type that said something (the
    published e-mail and the history show it)."""
    return "\n".join(
        f"{each.review_type.name} ({get_user_display_name(each.reviewer)}): {each.comment}"
        for each in decisions
        if each.comment
    )


# What the author sees -------------------------------------------------------------------------------


def decisions_by_task_state(workflow_states):
    """``{task state id: [TypedReviewDecision]}`` for the typed reviews of these runs, in one query."""
    found = {}
    decisions = TypedReviewDecision.objects.filter(task_state__workflow_state__in=workflow_states).select_related(
        "review_type"
    )
    for decision in decisions:
        found.setdefault(decision.task_state_id, []).append(decision)
    return found


def types_to_show(workflow_state, history, decisions):
    """Each type's state in the run's latest typed review: while it runs, once it approved, or when
    it returned the contribution and nothing was resubmitted since. None when there is none (as when
    there is no run: its history is empty)."""
    typed = [ts for ts in history if ts.pk in decisions and ts.status != TaskState.STATUS_CANCELLED]
    if not typed:
        return None
    latest = typed[-1]
    if latest.status == TaskState.STATUS_REJECTED and latest.pk != workflow_state.current_task_state_id:
        return None  # resubmitted since: the earlier decisions no longer stand
    return decisions[latest.pk]


# Setting up -----------------------------------------------------------------------------------------


@transaction.atomic
def ensure_typed_review(screening, editorial, libraries):
    """The typed review step and a workflow ready to use it (screening, typed review, editorial
    approval), offered, not switched on: editors assign the workflow to the library in Settings →
    Workflows. The example types and their groups are made with the step, once: types editors
    change or remove afterwards stay as they left them. The example groups' access to the libraries
    is granted at every setup, like the role groups' (resources/roles.py), because the first setup
    runs before any library exists; it only adds, so a right granted by hand stays."""
    task, created = TypedReviewTask.objects.get_or_create(name=TYPED_REVIEW_NAME)
    if created:
        types = []
        for name, group_name, description in EXAMPLE_TYPES:
            group, _ = Group.objects.get_or_create(name=group_name)
            review_type, _ = ReviewType.objects.get_or_create(
                name=name, defaults={"group": group, "description": description}
            )
            types.append(review_type)
        task.review_types.set(types)
    _grant_example_groups(libraries)
    workflow, created = Workflow.objects.get_or_create(name=TYPED_WORKFLOW_NAME)
    if created:
        for order, step in enumerate([screening, task, editorial]):
            WorkflowTask.objects.create(workflow=workflow, task=step, sort_order=order)
    return workflow


def _grant_example_groups(libraries):
    groups = list(Group.objects.filter(name__in=[group_name for _, group_name, _ in EXAMPLE_TYPES]))
    permissions = access_admin()
    for group in groups:
        group.permissions.add(*permissions)
    grant_page_permissions(groups, EXAMPLE_GROUP_PAGE_PERMISSIONS, libraries)
