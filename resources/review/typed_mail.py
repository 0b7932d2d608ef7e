"""E-mail for typed reviews (``resources.models.typed_review``), in the manner of
``resources.review.notifications``: Wagtail's notifier machinery (the "submitted" and "rejected"
account preferences), our templates, the outbox.

- When a typed review starts, each reviewer is told which of their types it waits for (one message
  per person, however many of their types it needs). Wagtail's group-review mail does not cover
  this task, which has no groups of its own.
- When one type returns it, those who had already approved their type in that review learn that
  it came back (as ``ReturnedAfterApprovalNotifier`` does for earlier steps). The author hears
  from the usual "changes requested" mail, which names the type in its comment.
"""

from django.contrib.auth import get_user_model
from wagtail.admin.mail import EmailNotificationMixin, Notifier
from wagtail.models import TaskState

from ..models.typed_review import Decision, TypedReviewDecision, TypedReviewTask
from .notifications import PlainWordsEmailMixin, ReturnedAfterApprovalNotifier, authors, for_reviewers, write


class TypedReviewRequestNotifier(PlainWordsEmailMixin, EmailNotificationMixin, Notifier):
    notification = "submitted"
    template_name = "typed_review_requested"

    def __init__(self):
        super().__init__((TaskState,))

    def can_handle(self, task_state, **kwargs):
        return super().can_handle(task_state, **kwargs) and isinstance(task_state.task.specific, TypedReviewTask)

    def _types_by_reviewer(self, task_state):
        """{reviewer: their review types this review waits for}, worked out once per task state (the
        recipients and the messages both read it)."""
        if not hasattr(task_state, "_types_by_reviewer"):
            task_state._types_by_reviewer = self._find_types_by_reviewer(task_state)
        return task_state._types_by_reviewer

    def _find_types_by_reviewer(self, task_state):
        decisions = TypedReviewDecision.objects.filter(task_state=task_state).select_related("review_type")
        types_by_group = {}
        for decision in decisions:
            types_by_group.setdefault(decision.review_type.group_id, []).append(decision.review_type)
        members = get_user_model().objects.filter(groups__in=list(types_by_group)).prefetch_related("groups")
        found = {}
        for user in members:
            for group in user.groups.all():
                for review_type in types_by_group.get(group.pk, []):
                    found.setdefault(user, set()).add(review_type)
        return found

    def get_recipient_users(self, task_state, **kwargs):
        return set(self._types_by_reviewer(task_state)) - authors(task_state.workflow_state)

    def get_context(self, task_state, **kwargs):
        context = super().get_context(task_state, **kwargs)
        page = task_state.workflow_state.content_object.specific
        context.update(task_state=task_state, page=page, task=task_state.task, **for_reviewers(task_state, page))
        return context

    def send_emails(self, template_set, context, recipients, **kwargs):
        types = self._types_by_reviewer(context["task_state"])
        for user in recipients:
            names = [review_type.name for review_type in sorted(types[user], key=lambda each: each.name)]
            write([user], template_set, {**context, "review_types": names})
        return True


class TypeApprovalReturnedNotifier(ReturnedAfterApprovalNotifier):
    """``ReturnedAfterApprovalNotifier`` (the "rejected" preference, the reviewer and comment, never
    the authors or whoever returned it) within the returned typed review: its own approvals, each
    told which of their types they approved. The earlier steps' approvers hear from the parent."""

    template_name = "typed_review_returned"

    def can_handle(self, workflow_state, **kwargs):
        # The parent's refusal of a screening's return changes nothing here: a typed review's task
        # state is a plain TaskState (TypedReviewTask.start).
        return super().can_handle(workflow_state, **kwargs) and isinstance(
            workflow_state.current_task_state.task.specific, TypedReviewTask
        )

    def _approvals(self, workflow_state):
        """The approvals in the returned review, read once per workflow state (the recipients and
        the messages both read them)."""
        if not hasattr(workflow_state, "_typed_approvals"):
            workflow_state._typed_approvals = list(TypedReviewDecision.objects.filter(
                task_state=workflow_state.current_task_state, state=Decision.APPROVED
            ).select_related("review_type", "reviewer"))
        return workflow_state._typed_approvals

    def get_recipient_users(self, workflow_state, **kwargs):
        approvers = {decision.reviewer for decision in self._approvals(workflow_state)}
        return approvers - authors(workflow_state) - {workflow_state.current_task_state.finished_by, None}

    def get_context(self, workflow_state, **kwargs):
        context = super().get_context(workflow_state, **kwargs)
        returned = TypedReviewDecision.objects.filter(
            task_state=context["task_state"], state=Decision.CHANGES_REQUESTED
        ).select_related("review_type").first()
        context["workflow_state"] = workflow_state
        context["returned_type"] = returned.review_type.name if returned else ""
        if returned:
            # The type's own comment, without the "<type>: " its author reads in the task state's.
            context["comment"] = returned.comment
        return context

    def send_emails(self, template_set, context, recipients, **kwargs):
        approved = {}
        for decision in self._approvals(context["workflow_state"]):
            approved.setdefault(decision.reviewer, []).append(decision.review_type.name)
        for user in recipients:
            write([user], template_set, {**context, "approved_types": sorted(approved.get(user, []))})
        return True


typed_review_request_notifier = TypedReviewRequestNotifier()
type_approval_returned_notifier = TypeApprovalReturnedNotifier()
