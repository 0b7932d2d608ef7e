"""The tasks of the "Contribution review" workflow (``resources.review.ensure_review_workflow``).

1. ``ScreeningTask``: automated. It screens the submitted revision (files, health information,
   licence) when it starts and approves or rejects itself with every finding. When a file could not
   be checked in time it neither passes nor blames the contributor: it is held, and an editor
   approves it (having checked the file by hand) or returns it.
2. ``ReviewTask`` twice: reviewers review, then editors approve; the last approval publishes.

Approval is bound to what was screened, and no one approves their own work. Both guards live in
the tasks' ``on_action`` (``resources.review.guards``), the one method every route to a workflow
action goes through: the admin's workflow action and editor, and any code that acts on a task.
Publishing a resource by any route is screened too: ``screen_before_publishing`` below.

Screening is background work: ``start()`` records what is to be screened and enqueues
``resources.review.screening.screen_submission``. In production the worker (``manage.py
db_worker``) runs it after the request has answered, and then moves the workflow on itself; until
then the contribution is "Being screened". With the immediate task backend (development, tests)
it runs inside ``start()``, which returns a finished task state as Wagtail's workflow machinery
expects of an automated task. Its time is bounded per submission (``resources.review.screening``).
"""

from django.conf import settings
from django.db import models
from django.db.models.signals import pre_save
from django.dispatch import receiver
from django.utils import timezone
from wagtail.models import AbstractGroupApprovalTask, Task, TaskState
from wagtail.permission_policies.pages import PagePermissionPolicy

from .base import ResourcePage


class ScreeningTaskState(TaskState):
    """A screening run: the findings as data as well as the comment, so that the contributor's page
    can show each one with its file and place; and what it screened, so that approving something
    else is noticed (``resources.review.screening.fingerprint``)."""

    findings = models.JSONField(default=list, blank=True)
    screened = models.JSONField(default=dict, blank=True, help_text="The revision, text and files screened.")
    fingerprint = models.CharField(max_length=64, blank=True, db_index=True)

    class Meta:
        verbose_name = "screening result"
        verbose_name_plural = "screening results"

    @property
    def is_held(self):
        from ..review.screening import is_held

        return self.status == TaskState.STATUS_IN_PROGRESS and bool(self.findings) and is_held(self.findings)

    @property
    def is_being_screened(self):
        """Queued for the worker or being read by it: no outcome yet (a held one has its findings)."""
        return self.status == TaskState.STATUS_IN_PROGRESS and not self.findings


class ScreeningTask(Task):
    task_state_class = ScreeningTaskState

    def start(self, workflow_state, user=None):
        from ..review.screening import digest, fingerprint, screen_submission

        task_state = super().start(workflow_state, user=user)
        page = task_state.revision.as_object()
        # Recorded before screening: a file swapped while it runs no longer matches.
        task_state.screened = fingerprint(page, task_state.revision)
        task_state.fingerprint = digest(task_state.screened)
        task_state.save(update_fields=["screened", "fingerprint"])
        # In production the worker screens it after this request (the task's row commits with it);
        # with the immediate backend (development, tests) it is screened here, before returning.
        screen_submission.enqueue(task_state.pk, user.pk if user is not None else None)
        task_state.refresh_from_db()
        return task_state

    def _held_state(self, obj):
        state = getattr(obj, "current_workflow_task_state", None)
        return state if isinstance(state, ScreeningTaskState) and state.task_id == self.pk and state.is_held else None

    def get_actions(self, obj, user):
        """Nobody acts on a screening, except an editor on one that is held for them."""
        from ..review.guards import authored_by

        state = self._held_state(obj)
        if state is None or not obj.permissions_for_user(user).can_publish():
            return []
        actions = [("reject", "Return to its author", True)]
        if not authored_by(state.workflow_state, user):
            actions.append(("approve", "Checked by hand: send on to review", True))
        return actions

    def user_can_access_editor(self, obj, user):
        return self._held_state(obj) is not None and obj.permissions_for_user(user).can_publish()

    def get_task_states_user_can_moderate(self, user, **kwargs):
        if not PagePermissionPolicy().user_has_permission(user, "publish"):
            return TaskState.objects.none()
        # Held ones only: one still being screened has nothing for an editor to do yet.
        # (A TaskState queryset: Wagtail ORs every task's together for the dashboard.)
        return TaskState.objects.filter(task=self, status=TaskState.STATUS_IN_PROGRESS).exclude(
            screeningtaskstate__findings=[]
        )

    def on_action(self, task_state, user, action_name, **kwargs):
        from ..review.guards import check_approval

        if action_name == "approve":
            check_approval(task_state, user)
        return super().on_action(task_state, user, action_name, **kwargs)

    @classmethod
    def get_description(cls):
        return (
            "Checks the files' types and sizes, looks for protected health information in the text and the "
            "files, and checks the licence against the source of an adaptation. No one acts on it, unless a "
            "file could not be checked in time: then an editor checks it by hand."
        )

    @classmethod
    def latest(cls, workflow_state):
        """This run's latest screening that passed or is held for an editor, or None."""
        return (
            ScreeningTaskState.objects.filter(
                workflow_state=workflow_state, status__in=[TaskState.STATUS_APPROVED, TaskState.STATUS_IN_PROGRESS]
            )
            .order_by("-started_at", "-pk")
            .first()
        )

    @classmethod
    def screened(cls, workflow_state, revision):
        """Has what this revision would publish, exactly as it is now, passed screening in this run?"""
        from ..review.screening import digest, fingerprint

        return ScreeningTaskState.objects.filter(
            workflow_state=workflow_state,
            status=TaskState.STATUS_APPROVED,
            fingerprint=digest(fingerprint(revision.as_object(), revision)),
        ).exists()

    class Meta:
        verbose_name = "automated screening"
        verbose_name_plural = "automated screenings"


def screening_first(workflow_state):
    """The workflow's screening task when what a human step would review has not passed screening
    as it is now (a resubmission, or an edit since): that step starts once screening passes. None
    when it may start now."""
    revision = workflow_state.content_object.get_latest_revision()
    screening = ScreeningTask.objects.filter(
        workflow_tasks__workflow_id=workflow_state.workflow_id, active=True
    ).first()
    if screening is not None and not ScreeningTask.screened(workflow_state, revision):
        return screening
    return None


class ReviewTask(AbstractGroupApprovalTask):
    """A group's review that only ever starts on screened content, and that nobody approves for
    their own work.

    A resubmission resumes the workflow at the step that asked for changes, and anyone may have
    edited the resource in between (the contributor, a reviewer tidying it up): if what the review
    would approve has not passed screening as it is now, the workflow's screening task runs first,
    and this review starts once it passes.
    """

    def start(self, workflow_state, user=None):
        screening = screening_first(workflow_state)
        if screening is not None:
            return screening.start(workflow_state, user=user)
        return super().start(workflow_state, user=user)

    def get_actions(self, obj, user):
        from ..review.guards import authored_by

        actions = super().get_actions(obj, user)
        if actions:
            state = getattr(obj, "current_workflow_state", None)
            if state is not None and authored_by(state, user):
                actions = [action for action in actions if action[0] != "approve"]
        return actions

    def on_action(self, task_state, user, action_name, **kwargs):
        from ..review.guards import check_approval

        if action_name == "approve":
            check_approval(task_state, user)
        return super().on_action(task_state, user, action_name, **kwargs)

    @classmethod
    def get_description(cls):
        return (
            "Members of the chosen groups approve, approve with a comment, or request changes; no one "
            "approves their own contribution or changes."
        )

    class Meta:
        verbose_name = "group review"
        verbose_name_plural = "group reviews"


@receiver(pre_save, dispatch_uid="resources_screen_before_publishing")
def screen_before_publishing(sender, instance, raw=False, **kwargs):
    """Every route that publishes a resource saves it with a new live revision: the editor's
    Publish, bulk actions, the admin API, scheduled publishing and the workflow's last approval.
    Here, where they all meet, what goes live must have passed screening as it is."""
    if raw or not isinstance(instance, ResourcePage):
        return
    from ..review.guards import check_publishable

    check_publishable(instance)


class PendingMail(models.Model):
    """An e-mail waiting to go out: written by ``resources.review.notifications``, sent by
    ``resources.review.outbox``.

    Mail is written here in the same transaction as what it tells about, and sent (then deleted)
    once that transaction has committed: a submission is never undone because a mail server said
    no, and nobody is told about something that was rolled back. What could not be sent stays here,
    with its error, for ``manage.py send_pending_mail`` (run by cron or the worker) to retry.
    """

    to = models.EmailField()
    subject = models.CharField(max_length=255)
    body = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)
    claimed_at = models.DateTimeField(null=True, blank=True, help_text="When a sender took it to send.")
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)

    class Meta:
        ordering = ("created_at", "pk")
        verbose_name = "e-mail waiting to be sent"
        verbose_name_plural = "e-mails waiting to be sent"

    def __str__(self):
        return f"{self.subject} → {self.to}"

    @classmethod
    def max_attempts(cls):
        return int(getattr(settings, "PENDING_MAIL_MAX_ATTEMPTS", 20))
