"""E-mail about contributions and reuse, in plain words, to the people each event concerns.

The workflow's e-mails are Wagtail's own notifiers (``wagtail.admin.mail``), subclassed. From
Wagtail they keep who is told (the task's groups, whoever submitted), the account preferences
people set in the admin (``UserProfile.submitted_notifications``, ``approved_notifications``,
``rejected_notifications``: a notifier's ``notification`` names the one it honours), the context
and the per-recipient rendering. What ours change:

- the templates: ``resources/emails/<name>.txt`` and ``<name>_subject.txt``, in plain words
  (override them in a project template folder, as Wagtail's own are overridden);
- the contributor's receipt takes the place of Wagtail's "submitted" mail to administrators (the
  reviewers hear from the task's notifier); the page's owner hears what its submitter hears;
- what Wagtail leaves out: the reviewer's comment when approving with a comment (wagtail#7542),
  and a rejection at a later step telling the people who approved earlier steps (wagtail#10196);
- delivery: each message is written to the outbox (``resources.review.outbox``) instead of being
  sent there and then, so a refusing mail server is logged and retried and never loses a message.

Each message is rendered in its recipient's language, as Wagtail's are, and time zone
(``in_the_locale_of``). ``connect`` (from ``ResourcesConfig.ready``) puts ours in the place of
Wagtail's; its docstring says why that holds whichever app Django readies first.
"""

from contextlib import contextmanager

from django.conf import settings
from django.contrib.auth import get_user_model
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.admin.mail import (
    EmailNotificationMixin,
    GroupApprovalTaskStateSubmissionEmailNotifier,
    Notifier,
    WorkflowStateApprovalEmailNotifier,
    WorkflowStateRejectionEmailNotifier,
    WorkflowStateSubmissionEmailNotifier,
)
from wagtail.admin.utils import get_user_display_name
from wagtail.models import GroupPagePermission, TaskState, WorkflowState
from wagtail.signals import task_submitted, workflow_approved, workflow_rejected, workflow_submitted
from wagtail.users.models import UserProfile

from ..models.reuse import deciders
from ..models.review import PendingMail, ScreeningTask, ScreeningTaskState
from ..models.typed_review import Decision, TypedReviewDecision
from . import outbox
from .screening import blocking, to_check

_muted = False


@contextmanager
def muted():
    """No e-mail from inside this block: the demo loader builds contributions in every state
    without writing to the demo people."""
    global _muted
    previous, _muted = _muted, True
    try:
        yield
    finally:
        _muted = previous


def absolute(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def display_name(user):
    """A person's name as Wagtail shows it; a step nobody took by hand was the screening's."""
    return get_user_display_name(user) if user is not None else "the automated screening"


def authors(workflow_state):
    """Who contributed what is under review: whoever submitted it and the page's owner."""
    page = workflow_state.content_object
    return {workflow_state.requested_by, getattr(page, "owner", None)} - {None}


def for_reviewers(task_state, page):
    """What someone asked to look at a contribution is told: who shared it, where to review it, and
    what the run's screening asks them to confirm (``checks``: it did not stop it)."""
    screening = ScreeningTask.latest(task_state.workflow_state)
    return {
        "submitted_by": display_name(task_state.workflow_state.requested_by),
        "review_url": absolute(reverse("wagtailadmin_pages:edit", args=[page.pk])),
        "checks": to_check(screening.findings) if screening is not None else [],
    }


def templates(name):
    return {"subject": f"resources/emails/{name}_subject.txt", "text": f"resources/emails/{name}.txt"}


@contextmanager
def in_the_locale_of(user):
    """The language and time zone a person chose in their account; without a choice, the site's.
    (Wagtail's ``get_preferred_language`` falls back to the language active now, which in an admin
    request is that of whoever acted, not of the person written to.)"""
    profile = UserProfile.get_for_user(user)
    with translation.override(profile.preferred_language or settings.LANGUAGE_CODE):
        with timezone.override(profile.get_current_time_zone()):
            yield


def write(recipients, template_set, context):
    """One message per person (addresses are never shared), to active users with an address, each
    rendered in that person's language (and time zone) as Wagtail's ``send_emails`` renders it; into
    the outbox."""
    if _muted:
        return
    by_address = {user.email: user for user in recipients if user is not None and user.is_active and user.email}
    context = {
        "settings": settings,
        "site_name": settings.WAGTAIL_SITE_NAME,
        "my_contributions_url": absolute(reverse("my_contributions")),
        **context,
    }
    mails = []
    for address, user in sorted(by_address.items()):
        with in_the_locale_of(user):
            subject = render_to_string(template_set["subject"], {**context, "user": user})
            body = render_to_string(template_set["text"], {**context, "user": user}).strip()
        subject = f"[{settings.WAGTAIL_SITE_NAME}] {' '.join(subject.split())}"[:255]
        mails.append(PendingMail(to=address, subject=subject, body=body))
    if mails:
        outbox.queue(mails)


# Wagtail's notifiers, in plain words and through the outbox ----------------------------------------


class PlainWordsEmailMixin:
    """What ours change in a Wagtail notifier: the template (``template_name``, or
    ``get_template_name`` when it depends on the event) and delivery through the outbox. Recipients,
    the preference check and the context stay Wagtail's."""

    template_name = ""

    def __call__(self, instance=None, **kwargs):
        if _muted:
            return True
        return super().__call__(instance, **kwargs)

    def get_template_name(self, instance, **kwargs):
        return self.template_name

    def get_template_set(self, instance, **kwargs):
        return templates(self.get_template_name(instance, **kwargs))

    def send_emails(self, template_set, context, recipients, **kwargs):
        write(recipients, template_set, context)
        return True


class ContributorsMixin:
    """Wagtail writes to whoever submitted the page unless they took the step themselves; the
    page's owner is told likewise. Wagtail reads "took the step" from the signal's ``user``, which
    is whoever moved the workflow on: for a step the screening took, the submitter, who must still
    hear of it. Who took the step is the task state's ``finished_by``."""

    def get_recipient_users(self, workflow_state, **kwargs):
        acting = workflow_state.current_task_state.finished_by
        recipients = set(super().get_recipient_users(workflow_state, **{**kwargs, "user": acting}))
        owner = getattr(workflow_state.content_object, "owner", None)
        if owner is not None and owner != acting:
            recipients.add(owner)
        return recipients


class ReceiptNotifier(PlainWordsEmailMixin, WorkflowStateSubmissionEmailNotifier):
    """The contributor's receipt, in the place of Wagtail's "submitted" mail to administrators (the
    reviewers hear from ``ReviewRequestNotifier``). When screening has already returned it, the
    screening e-mail says everything, so no receipt. While it is still being screened (in the
    background worker) the receipt waits: the worker sends it with the outcome
    (``resources.review.screening.screen_submission``)."""

    def can_handle(self, workflow_state, **kwargs):
        return (
            super().can_handle(workflow_state, **kwargs)
            and workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
            and not getattr(workflow_state.current_task_state.specific, "is_being_screened", False)
        )

    def get_recipient_users(self, workflow_state, **kwargs):
        return authors(workflow_state)

    def get_template_name(self, workflow_state, **kwargs):
        return "held_receipt" if getattr(workflow_state.current_task_state.specific, "is_held", False) else "submitted"

    def get_context(self, workflow_state, **kwargs):
        context = super().get_context(workflow_state, **kwargs)
        context["task"] = workflow_state.current_task_state.task
        return context


class ReviewRequestNotifier(PlainWordsEmailMixin, GroupApprovalTaskStateSubmissionEmailNotifier):
    """A human step started: its groups are told (Wagtail's recipients), except the contributors,
    who do not review their own work."""

    template_name = "review_requested"

    def get_recipient_users(self, task_state, **kwargs):
        return set(super().get_recipient_users(task_state, **kwargs)) - authors(task_state.workflow_state)

    def get_context(self, task_state, **kwargs):
        context = super().get_context(task_state, **kwargs)
        context.update(for_reviewers(task_state, context["object"]))
        return context


class ChangesRequestedNotifier(PlainWordsEmailMixin, ContributorsMixin, WorkflowStateRejectionEmailNotifier):
    """Returned: by the screening with its findings, or by a reviewer with their comment."""

    template_name = "changes_requested"

    def get_template_name(self, workflow_state, **kwargs):
        returned_by_screening = isinstance(workflow_state.current_task_state.specific, ScreeningTaskState)
        return "screening_failed" if returned_by_screening else self.template_name

    def get_context(self, workflow_state, **kwargs):
        context = super().get_context(workflow_state, **kwargs)
        context["reviewer"] = display_name(context["task_state"].finished_by)
        context["findings"] = getattr(context["task_state"], "findings", [])
        return context


class ReturnedAfterApprovalNotifier(ChangesRequestedNotifier):
    """Everyone who approved an earlier step of this run learns that it came back at a later one
    (wagtail#10196). A run the screening returned has no earlier approvals to speak of."""

    template_name = "returned_after_your_approval"

    def can_handle(self, workflow_state, **kwargs):
        return super().can_handle(workflow_state, **kwargs) and not isinstance(
            workflow_state.current_task_state.specific, ScreeningTaskState
        )

    def get_recipient_users(self, workflow_state, **kwargs):
        approved = workflow_state.task_states.filter(status=TaskState.STATUS_APPROVED)
        approvers = {state.finished_by for state in approved.select_related("finished_by")}
        # A typed review step is finished by whoever approved its last type, but every type's
        # reviewer approved it (resources/models/typed_review.py).
        typed = TypedReviewDecision.objects.filter(task_state__in=approved, state=Decision.APPROVED)
        approvers |= {decision.reviewer for decision in typed.select_related("reviewer")}
        return approvers - authors(workflow_state) - {workflow_state.current_task_state.finished_by, None}


class PublishedNotifier(PlainWordsEmailMixin, ContributorsMixin, WorkflowStateApprovalEmailNotifier):
    """Approved and published, with what the reviewers said when they approved (wagtail#7542)."""

    template_name = "published"

    def get_context(self, workflow_state, **kwargs):
        context = super().get_context(workflow_state, **kwargs)
        approved = (
            workflow_state.task_states.filter(status=TaskState.STATUS_APPROVED)
            .exclude(comment="")
            .select_related("task", "finished_by")
            .order_by("finished_at")
        )
        context["comments"] = [
            {"task": state.task.name, "reviewer": display_name(state.finished_by), "comment": state.comment}
            for state in approved
            if state.finished_by is not None  # the screening's own "passed" note is not a reviewer's comment
        ]
        context["page_url"] = context["page"].full_url
        return context


class HeldForEditorNotifier(PlainWordsEmailMixin, EmailNotificationMixin, Notifier):
    """Screening could not check a file in time (or stopped with an error): the editors (who may
    publish) check it by hand. Called by ``resources.review.screening.screen_submission``; an editor
    who turned off "submitted" mail is not told."""

    notification = "submitted"
    template_name = "held_for_editor"

    def __init__(self):
        super().__init__((ScreeningTaskState,))

    def get_recipient_users(self, task_state, **kwargs):
        publishers = GroupPagePermission.objects.filter(permission__codename="publish_page").values("group")
        editors = get_user_model().objects.filter(groups__in=publishers).distinct()
        return set(editors) - authors(task_state.workflow_state)

    def get_context(self, task_state, **kwargs):
        context = super().get_context(task_state, **kwargs)
        page = task_state.workflow_state.content_object.specific
        held = blocking(task_state.findings)
        context.update(
            page=page,
            held_files=[finding["file"] for finding in held if finding["file"]],
            stopped_with_an_error=any(not finding["file"] for finding in held),
            **for_reviewers(task_state, page),
        )
        return context


notify_held = HeldForEditorNotifier()
receipt_notifier = ReceiptNotifier()
review_request_notifier = ReviewRequestNotifier()
changes_requested_notifier = ChangesRequestedNotifier()
returned_after_approval_notifier = ReturnedAfterApprovalNotifier()
published_notifier = PublishedNotifier()

# Wagtail's receivers (``wagtail.admin.signal_handlers``), by signal, sender and dispatch_uid, and
# the notifier of ours that takes each one's place.
REPLACED = [
    (task_submitted, TaskState, "group_approval_task_submitted_email_notification", review_request_notifier),
    (workflow_submitted, WorkflowState, "workflow_state_submitted_email_notification", receipt_notifier),
    (workflow_rejected, WorkflowState, "workflow_state_rejected_email_notification", changes_requested_notifier),
    (workflow_approved, WorkflowState, "workflow_state_approved_email_notification", published_notifier),
]


def connect():
    """Put our notifiers in the place of Wagtail's, whichever of the two apps Django readies first.

    Django runs each app's ``ready()`` in ``INSTALLED_APPS`` order, and ``wagtail.admin``'s connects
    Wagtail's notifiers. A receiver is keyed by its ``dispatch_uid`` and sender, and ``connect``
    ignores a receiver whose key is taken. So each of ours first disconnects Wagtail's by that key
    (which removes it if ``wagtail.admin`` was readied first) and is then connected under the same
    key (which turns ``wagtail.admin``'s connect into a no-op if it is readied later). Either way ours
    are connected and Wagtail's are not: ``tests/test_workflow_mail.py`` runs both orders.
    """
    outbox.connect()
    for signal, sender, dispatch_uid, notifier in REPLACED:
        signal.disconnect(sender=sender, dispatch_uid=dispatch_uid)
        signal.connect(notifier, sender=sender, dispatch_uid=dispatch_uid)
    workflow_rejected.connect(
        returned_after_approval_notifier, sender=WorkflowState, dispatch_uid="resources_returned_after_approval_email"
    )
    # Typed reviews (resources.review.typed_mail): their reviewers by type, and the types that had approved.
    from .typed_mail import type_approval_returned_notifier, typed_review_request_notifier

    task_submitted.connect(typed_review_request_notifier, sender=TaskState, dispatch_uid="resources_typed_review_email")
    workflow_rejected.connect(
        type_approval_returned_notifier, sender=WorkflowState, dispatch_uid="resources_typed_review_returned_email"
    )


# Reuse requests (not workflow events: no Wagtail notifier or preference covers them) -------------


def notify_reuse_requested(reuse_request):
    write(
        deciders(reuse_request.resource) - {reuse_request.requester},
        templates("reuse_requested"),
        {
            "reuse": reuse_request,
            "requester": display_name(reuse_request.requester),
            "decide_url": absolute(reverse("reuse_requests")),
        },
    )


def notify_reuse_decided(reuse_request):
    write(
        [reuse_request.requester],
        templates("reuse_decided"),
        {
            "reuse": reuse_request,
            "decided_by": display_name(reuse_request.decided_by),
            "page_url": reuse_request.resource.full_url,
        },
    )
