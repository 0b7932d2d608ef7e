"""The tasks of the "Contribution review" workflow (``resources.review.ensure_review_workflow``).

1. ``ScreeningTask``: automated, nobody acts on it. It screens the submitted revision (files, health
   information, licence) when it starts and approves or rejects itself with every finding.
2. ``ReviewTask`` twice: reviewers review, then editors approve; the last approval publishes.

Screening runs inside ``start()``, as Wagtail's workflow machinery expects of an automated task
(``WorkflowState.update`` moves on as soon as ``start()`` returns a finished task state). It takes
seconds, not minutes (``docs/performance.md``).
"""

from django.db import models
from wagtail.models import AbstractGroupApprovalTask, Task, TaskState


class ScreeningTaskState(TaskState):
    """A screening run: the findings as data as well as the comment, so that the contributor's page
    can show each one with its file and place."""

    findings = models.JSONField(default=list, blank=True)

    class Meta:
        verbose_name = "screening result"
        verbose_name_plural = "screening results"


class ScreeningTask(Task):
    task_state_class = ScreeningTaskState

    def start(self, workflow_state, user=None):
        from ..review.screening import screen_revision, summary_comment

        task_state = super().start(workflow_state, user=user)
        findings = screen_revision(task_state.revision)
        task_state.findings = [finding.as_dict() for finding in findings]
        task_state.save(update_fields=["findings"])
        comment = summary_comment(findings)
        if findings:
            task_state.reject(update=False, comment=comment)
        else:
            task_state.approve(update=False, comment=comment)
        return task_state

    def get_actions(self, obj, user):
        return []  # automated: no one approves or rejects it by hand

    @classmethod
    def get_description(cls):
        return (
            "Checks the files' types and sizes, looks for protected health information in the text and the "
            "files, and checks the licence against the source of an adaptation. No one acts on it."
        )

    @classmethod
    def screened(cls, workflow_state, revision):
        """Has this revision passed screening in this run of the workflow?"""
        return ScreeningTaskState.objects.filter(
            workflow_state=workflow_state, revision=revision, status=TaskState.STATUS_APPROVED
        ).exists()

    class Meta:
        verbose_name = "automated screening"
        verbose_name_plural = "automated screenings"


class ReviewTask(AbstractGroupApprovalTask):
    """A group's review that only ever starts on screened content.

    A resubmission resumes the workflow at the step that asked for changes, and anyone may have
    edited the resource in between (the contributor, a reviewer tidying it up): if the revision to
    review has not passed screening, the workflow's screening task runs first, and this review
    starts once it passes.
    """

    def start(self, workflow_state, user=None):
        revision = workflow_state.content_object.get_latest_revision()
        screening = (
            ScreeningTask.objects.filter(workflow_tasks__workflow_id=workflow_state.workflow_id, active=True).first()
        )
        if screening is not None and not ScreeningTask.screened(workflow_state, revision):
            return screening.start(workflow_state, user=user)
        return super().start(workflow_state, user=user)

    @classmethod
    def get_description(cls):
        return "Members of the chosen groups approve, approve with a comment, or request changes."

    class Meta:
        verbose_name = "group review"
        verbose_name_plural = "group reviews"
