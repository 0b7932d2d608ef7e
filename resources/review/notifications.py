"""E-mail about contributions and reuse, in plain words, to the people each event concerns.

Wagtail's own workflow e-mails are replaced rather than doubled: ours are connected (in
``ResourcesConfig.ready``, which runs before ``wagtail.admin``'s because ``resources`` comes first
in ``INSTALLED_APPS``) under the ``dispatch_uid`` and sender Wagtail uses
(``wagtail.admin.signal_handlers``), which makes its later ``connect`` a no-op. Ours also cover
what Wagtail's leave out: the reviewer's comment when approving with a comment (wagtail#7542), and
a rejection at a later step telling the people who approved earlier steps (wagtail#10196).

Mail never undoes what it tells about. ``send`` writes each message to the outbox
(``PendingMail``) in the current transaction and delivers it once that transaction has committed
(``transaction.on_commit``); what a request queued and is still unsent when the request ends is
tried then. A refusing mail server is logged and the message stays in the outbox, with its error,
for ``manage.py send_pending_mail`` (cron or the worker, every few minutes) to retry.
"""

import datetime
import logging
import threading
from contextlib import contextmanager

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, get_connection
from django.core.signals import request_finished
from django.db import transaction
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.utils import get_user_display_name
from wagtail.models import AbstractGroupApprovalTask, TaskState, WorkflowState
from wagtail.signals import task_submitted, workflow_approved, workflow_rejected, workflow_submitted
from wagtail.users.models import UserProfile

from ..models.reuse import deciders
from ..models.review import PendingMail

logger = logging.getLogger(__name__)

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


def send(users, subject, template, context, preference=None):
    """One message per person (addresses are never shared), to active users with an address.
    ``preference``: the Wagtail account setting (``submitted_notifications``,
    ``approved_notifications``, ``rejected_notifications``) a person may have turned off."""
    users = {user for user in users if user is not None and user.is_active and user.email}
    if preference and users:
        opted_out = set(
            UserProfile.objects.filter(user__in=users, **{preference: False}).values_list("user_id", flat=True)
        )
        users = {user for user in users if user.pk not in opted_out}
    recipients = sorted(user.email for user in users)
    if _muted or not recipients:
        return
    context = {
        "site_name": settings.WAGTAIL_SITE_NAME,
        "my_contributions_url": absolute(reverse("my_contributions")),
        **context,
    }
    body = render_to_string(f"resources/emails/{template}.txt", context)
    subject = f"[{settings.WAGTAIL_SITE_NAME}] {subject}"[:255]
    queue([PendingMail(to=address, subject=subject, body=body) for address in recipients])


# The outbox ----------------------------------------------------------------------------------------

_waiting = threading.local()  # ids this thread queued and has not seen delivered yet
CLAIM_EXPIRES = datetime.timedelta(hours=1)  # a sender that died mid-send lets go after this


def queue(mails):
    """Store ``mails`` with the current transaction and deliver them once it commits."""
    ids = [mail.pk for mail in PendingMail.objects.bulk_create(mails)]
    _waiting.ids = getattr(_waiting, "ids", []) + ids
    transaction.on_commit(lambda: _deliver_committed(ids), robust=True)


def _deliver_committed(ids):
    delivered = set(ids)
    _waiting.ids = [pk for pk in getattr(_waiting, "ids", []) if pk not in delivered]
    deliver(ids)


def deliver(ids=None):
    """Send what is waiting (``ids``, or everything unsent that has tries left); returns
    ``(sent, failed)``. A message is claimed before it is sent, so two senders never send it twice;
    a failure is logged, kept with its error and released for the next try."""
    pending = PendingMail.objects.filter(Q(claimed_at__isnull=True) | Q(claimed_at__lt=timezone.now() - CLAIM_EXPIRES))
    if ids is not None:
        pending = pending.filter(pk__in=ids)
    else:
        pending = pending.filter(attempts__lt=PendingMail.max_attempts())
    mails = list(pending)
    if not mails:
        return 0, 0
    sent = failed = 0
    connection = get_connection()
    try:
        connection.open()
    except OSError as error:  # refused, unreachable, or an SMTP error (all OSErrors): they wait for the next try
        logger.warning("Could not connect to the mail server; %d message(s) wait in the outbox: %s", len(mails), error)
        PendingMail.objects.filter(pk__in=[mail.pk for mail in mails]).update(
            attempts=F("attempts") + 1, last_error=str(error)[:2000]
        )
        return 0, len(mails)
    try:
        for mail in mails:
            claimed = PendingMail.objects.filter(pk=mail.pk, claimed_at=mail.claimed_at).update(
                claimed_at=timezone.now()
            )
            if not claimed:
                continue  # another sender has it
            try:
                connection.send_messages([EmailMessage(mail.subject, mail.body, to=[mail.to])])
            except OSError as error:
                logger.warning("Could not send %r to %s; it waits in the outbox: %s", mail.subject, mail.to, error)
                PendingMail.objects.filter(pk=mail.pk).update(
                    claimed_at=None, attempts=F("attempts") + 1, last_error=str(error)[:2000]
                )
                failed += 1
            else:
                PendingMail.objects.filter(pk=mail.pk).delete()
                sent += 1
    finally:
        connection.close()
    return sent, failed


def _deliver_what_this_request_queued(**kwargs):
    """Normally ``on_commit`` has sent these already and this finds nothing to do; it catches mail
    queued inside a transaction that is still the caller's when the request ends (a test case's)."""
    ids, _waiting.ids = getattr(_waiting, "ids", []), []
    if ids:
        try:
            deliver(ids)
        except Exception:  # never turn a finished response into an error; the command retries
            logger.exception("Delivering the outbox after a request failed")


def display_name(user):
    """A person's name as Wagtail shows it; a step nobody took by hand was the screening's."""
    return get_user_display_name(user) if user is not None else "the automated screening"


def authors(workflow_state):
    """Who contributed what is under review: whoever submitted it and the page's owner."""
    page = workflow_state.content_object
    return {workflow_state.requested_by, getattr(page, "owner", None)} - {None}


def _page(workflow_state):
    return workflow_state.content_object.specific


# Workflow events ---------------------------------------------------------------------------------


def notify_submitted(sender, instance, user=None, **kwargs):
    """The contributor's receipt. When screening has already returned it, the screening e-mail
    said everything, so no second message."""
    if instance.status != WorkflowState.STATUS_IN_PROGRESS:
        return
    page = _page(instance)
    task_state = instance.current_task_state.specific
    if getattr(task_state, "is_held", False):
        send(authors(instance), f"“{page.title}” is waiting for an editor", "held_receipt", {"page": page})
        return
    send(
        authors(instance), f"“{page.title}” is with the reviewers", "submitted", {"page": page, "task": task_state.task}
    )


def notify_reviewers(sender, instance, user=None, **kwargs):
    """A human step started: tell the members of its groups."""
    task = instance.task.specific
    if not isinstance(task, AbstractGroupApprovalTask):
        return
    page = instance.workflow_state.content_object.specific
    members = get_user_model().objects.filter(groups__in=task.groups.all(), is_active=True).distinct()
    send(
        set(members) - authors(instance.workflow_state),
        f"“{page.title}” is waiting for {task.name.lower()}",
        "review_requested",
        {
            "page": page,
            "task": task,
            "submitted_by": display_name(instance.workflow_state.requested_by),
            "review_url": absolute(reverse("wagtailadmin_pages:edit", args=[page.pk])),
        },
        preference="submitted_notifications",
    )


def notify_rejected(sender, instance, user=None, **kwargs):
    task_state = instance.current_task_state.specific
    page = _page(instance)
    if hasattr(task_state, "findings"):
        send(
            authors(instance),
            f"“{page.title}” needs a few fixes before review",
            "screening_failed",
            {"page": page, "findings": task_state.findings},
            preference="rejected_notifications",
        )
        return
    context = {
        "page": page,
        "task": task_state.task,
        "reviewer": display_name(task_state.finished_by),
        "comment": task_state.comment,
    }
    send(
        authors(instance),
        f"Changes requested on “{page.title}”",
        "changes_requested",
        context,
        "rejected_notifications",
    )
    # Everyone who approved an earlier step of this run learns that it came back (wagtail#10196).
    earlier = {
        state.finished_by
        for state in instance.task_states.filter(status=TaskState.STATUS_APPROVED).select_related("finished_by")
    }
    send(
        earlier - authors(instance) - {task_state.finished_by, None},
        f"“{page.title}” was returned at {task_state.task.name.lower()}",
        "returned_after_your_approval",
        context,
        preference="rejected_notifications",
    )


def notify_approved(sender, instance, user=None, **kwargs):
    page = _page(instance)
    comments = [
        {"task": state.task.name, "reviewer": display_name(state.finished_by), "comment": state.comment}
        for state in instance.task_states.filter(status=TaskState.STATUS_APPROVED)
        .exclude(comment="")
        .select_related("task", "finished_by")
        .order_by("finished_at")
        if state.finished_by is not None  # the screening's own "passed" note is not a reviewer's comment
    ]
    send(
        authors(instance),
        f"“{page.title}” is published",
        "published",
        {"page": page, "page_url": page.full_url, "comments": comments},
        preference="approved_notifications",
    )


def notify_held(task_state):
    """Screening could not check a file in time: the editors check it by hand."""
    from wagtail.models import GroupPagePermission

    page = task_state.workflow_state.content_object.specific
    publishers = GroupPagePermission.objects.filter(permission__codename="publish_page").values("group")
    editors = get_user_model().objects.filter(groups__in=publishers, is_active=True).distinct()
    send(
        set(editors) - authors(task_state.workflow_state),
        f"“{page.title}” is held for an editor: a file could not be checked in time",
        "held_for_editor",
        {
            "page": page,
            "findings": task_state.findings,
            "submitted_by": display_name(task_state.workflow_state.requested_by),
            "review_url": absolute(reverse("wagtailadmin_pages:edit", args=[page.pk])),
        },
        preference="submitted_notifications",
    )


def connect():
    """Called from ``ResourcesConfig.ready`` (see the module's docstring for the dispatch_uids)."""
    request_finished.connect(_deliver_what_this_request_queued, dispatch_uid="resources_deliver_queued_mail")
    workflow_submitted.connect(
        notify_submitted, sender=WorkflowState, dispatch_uid="workflow_state_submitted_email_notification"
    )
    task_submitted.connect(
        notify_reviewers, sender=TaskState, dispatch_uid="group_approval_task_submitted_email_notification"
    )
    workflow_rejected.connect(
        notify_rejected, sender=WorkflowState, dispatch_uid="workflow_state_rejected_email_notification"
    )
    workflow_approved.connect(
        notify_approved, sender=WorkflowState, dispatch_uid="workflow_state_approved_email_notification"
    )


# Reuse requests -----------------------------------------------------------------------------------


def notify_reuse_requested(reuse_request):
    send(
        deciders(reuse_request.resource) - {reuse_request.requester},
        f"{display_name(reuse_request.requester)} asks to reuse “{reuse_request.resource.title}”",
        "reuse_requested",
        {
            "reuse": reuse_request,
            "requester": display_name(reuse_request.requester),
            "decide_url": absolute(reverse("reuse_requests")),
        },
    )


def notify_reuse_decided(reuse_request):
    send(
        [reuse_request.requester],
        f"Your request to reuse “{reuse_request.resource.title}” was {reuse_request.get_status_display().lower()}",
        "reuse_decided",
        {
            "reuse": reuse_request,
            "decided_by": display_name(reuse_request.decided_by),
            "page_url": reuse_request.resource.full_url,
        },
    )
