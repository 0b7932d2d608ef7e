"""Typed reviews in parallel: one workflow step that waits for every kind of review it requires.

Editors keep the kinds of review (``ReviewType``: clinical safety, QI method, licence and reuse,
patient and family language ...), each with the group whose members do it. A ``TypedReviewTask``
names the types it requires; when it starts on a contribution it records one
``TypedReviewDecision`` per type, waiting. Each reviewer acts for their own type(s), with a
comment: the step is approved once every type has approved, and returned to its author as soon as
one type requests changes. A resubmission starts the step again, every type waiting afresh.

Who may act for a type is checked in ``on_action``, the one method every route to a workflow
action reaches (the admin's workflow action and editor, the dashboard's buttons, any code);
``get_actions`` only decides what is offered. The deciding itself lives in
``resources.review.typed``.
"""

import re

from django import forms
from django.conf import settings
from django.contrib.auth.models import Group
from django.db import models
from django.utils.functional import cached_property
from wagtail.forms import TaskStateCommentForm
from wagtail.models import Task, TaskState
from wagtail.signals import task_submitted

from .review import screening_first

# Administrators act for any type (network admins hold every permission; superusers too).
DECIDE_ANY_TYPE = "resources.decide_any_review_type"

# A typed action is named for its verb and the review type's id: "approve-3", "reject-3" (Wagtail's
# workflow action URL takes a slug).
ACTION = re.compile(r"(approve|reject)-(\d+)")


class ReviewType(models.Model):
    name = models.CharField(max_length=100, unique=True)
    description = models.TextField(
        blank=True, help_text="What its reviewers check. They see it when they approve or request changes."
    )
    group = models.ForeignKey(
        Group,
        on_delete=models.PROTECT,
        related_name="review_types",
        verbose_name="reviewer group",
        help_text="Its members do this review. They need access to the admin to review.",
    )
    active = models.BooleanField(
        default=True,
        help_text="Reviews that start from now on ask for active types only. Make a type inactive rather than "
        "deleting it: past decisions keep its name.",
    )

    class Meta:
        ordering = ("name",)
        verbose_name = "review type"
        verbose_name_plural = "review types"
        permissions = [("decide_any_review_type", "Can decide any type of review")]

    def __str__(self):
        return self.name


def reviewer_group_ids(user):
    """The ids of ``user``'s groups, looked up once per request's user object."""
    if not hasattr(user, "_typed_review_group_ids"):
        user._typed_review_group_ids = set(user.groups.values_list("pk", flat=True)) if user.is_authenticated else set()
    return user._typed_review_group_ids


def decides_any_type(user):
    return user.is_authenticated and user.is_active and user.has_perm(DECIDE_ANY_TYPE)


def may_decide(user, review_type):
    """May ``user`` approve or request changes for ``review_type``? Its group's members, and
    administrators for every type."""
    return decides_any_type(user) or review_type.group_id in reviewer_group_ids(user)


class TypedReviewTask(Task):
    review_types = models.ManyToManyField(
        ReviewType,
        related_name="tasks",
        verbose_name="review types",
        help_text="Each of these reviews the contribution at the same time; it moves on when all of them approve.",
    )

    admin_form_fields = Task.admin_form_fields + ["review_types"]
    admin_form_widgets = {"review_types": forms.CheckboxSelectMultiple}

    def required_types(self):
        """The types a review starting now waits for: the active ones. If none is active, all of
        them: a review never passes with nobody having looked."""
        types = list(self.review_types.all())
        return [review_type for review_type in types if review_type.active] or types

    def start(self, workflow_state, user=None):
        """``Task.start``, with the decisions recorded before reviewers are told."""
        screening = screening_first(workflow_state)
        if screening is not None:
            return screening.start(workflow_state, user=user)
        required = self.required_types()
        page = workflow_state.content_object
        locked_by = getattr(page, "locked_by", None)
        if locked_by is not None and not any(may_decide(locked_by, review_type) for review_type in required):
            # As Wagtail's group review does: a lock held by someone who does not review this is released.
            page.locked, page.locked_by, page.locked_at = False, None, None
            page.save(update_fields=["locked", "locked_by", "locked_at"])
        task_state = TaskState(
            workflow_state=workflow_state,
            status=TaskState.STATUS_IN_PROGRESS,
            revision=page.get_latest_revision(),
            task=self,
        )
        task_state.save()
        TypedReviewDecision.objects.bulk_create(
            TypedReviewDecision(task_state=task_state, review_type=review_type) for review_type in required
        )
        task_submitted.send(sender=TaskState, instance=task_state, user=user)
        return task_state

    # What each person is offered --------------------------------------------------------------------

    def _current_state(self, obj):
        state = getattr(obj, "current_workflow_task_state", None)
        return state if state is not None and state.task_id == self.pk else None

    @cached_property
    def _review_group_ids(self):
        # Read once per task object: the editor asks the three questions below for every page it shows.
        return set(self.review_types.values_list("group_id", flat=True))

    def _reviews_here(self, user):
        if not user.is_authenticated:
            return False
        return decides_any_type(user) or bool(self._review_group_ids & reviewer_group_ids(user))

    def user_can_access_editor(self, obj, user):
        return self._reviews_here(user)

    def locked_for_user(self, obj, user):
        return not self._reviews_here(user)

    def user_can_lock(self, obj, user):
        return self._reviews_here(user)

    def get_actions(self, obj, user):
        """For each type still waiting that ``user`` reviews: request changes, and approve unless it
        is their own work (``resources.review.guards.authored_by``)."""
        from ..review.guards import authored_by

        state = self._current_state(obj)
        if state is None or state.status != TaskState.STATUS_IN_PROGRESS or not user.is_authenticated:
            return []
        waiting = [
            decision.review_type
            for decision in state.typed_review_decisions.filter(state=Decision.PENDING).select_related("review_type")
            if may_decide(user, decision.review_type)
        ]
        if not waiting:
            return []
        own = authored_by(state.workflow_state, user)
        actions = []
        for review_type in waiting:
            actions.append((f"reject-{review_type.pk}", f"Request changes ({review_type.name})", True))
            if not own:
                actions.append((f"approve-{review_type.pk}", f"Approve ({review_type.name})", True))
        return actions

    def get_form_for_action(self, action):
        """The comment form, said for the type: what it checks, and a comment required when asking
        for changes (the author needs to know what to change)."""
        match = ACTION.fullmatch(action or "")
        review_type = ReviewType.objects.filter(pk=match[2]).first() if match else None
        if review_type is None:
            return TaskStateCommentForm
        asking_for_changes = match[1] == "reject"
        label = "What should change?" if asking_for_changes else "Comment (optional)"
        help_text = f"{review_type.name}: {review_type.description}".strip().rstrip(":")
        field = forms.CharField(
            label=label, required=asking_for_changes, help_text=help_text, widget=forms.Textarea({"rows": 3})
        )
        return type("TypedReviewCommentForm", (TaskStateCommentForm,), {"comment": field})

    def get_task_states_user_can_moderate(self, user, **kwargs):
        """The reviews with a type waiting for ``user`` (every waiting review for administrators).
        A plain ``TaskState`` queryset: Wagtail ORs every task's together for the dashboard."""
        if not user.is_authenticated:
            return TaskState.objects.none()
        waiting = TypedReviewDecision.objects.filter(state=Decision.PENDING, task_state__task=self)
        if not decides_any_type(user):
            waiting = waiting.filter(review_type__group_id__in=reviewer_group_ids(user))
        return TaskState.objects.filter(
            task=self, status=TaskState.STATUS_IN_PROGRESS, pk__in=waiting.values("task_state_id")
        )

    def on_action(self, task_state, user, action_name, **kwargs):
        from ..review.typed import decide

        return decide(self, task_state, user, action_name, comment=kwargs.get("comment", ""))

    @classmethod
    def get_description(cls):
        return (
            "Several kinds of review at once (for example clinical safety and QI method), each by its own "
            "group. It moves on when every kind approves, and goes back to its author when one asks for changes."
        )

    class Meta:
        verbose_name = "typed review"
        verbose_name_plural = "typed reviews"


class Decision(models.TextChoices):
    PENDING = "pending", "waiting"
    APPROVED = "approved", "approved"
    CHANGES_REQUESTED = "changes_requested", "changes requested"


class TypedReviewDecision(models.Model):
    """One type's decision in one run of a typed review (a task state)."""

    task_state = models.ForeignKey(TaskState, on_delete=models.CASCADE, related_name="typed_review_decisions")
    review_type = models.ForeignKey(ReviewType, on_delete=models.PROTECT, related_name="decisions")
    state = models.CharField(max_length=20, choices=Decision.choices, default=Decision.PENDING)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    comment = models.TextField(blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("review_type__name", "pk")
        constraints = [
            models.UniqueConstraint(fields=["task_state", "review_type"], name="one_decision_per_type_per_review")
        ]
        verbose_name = "typed review decision"
        verbose_name_plural = "typed review decisions"

    def __str__(self):
        return f"{self.review_type}: {self.get_state_display()}"
