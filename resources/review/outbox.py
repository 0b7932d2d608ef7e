"""The outbox: e-mail is stored with what it tells about, then sent once that has committed.

Mail never undoes what it tells about. ``queue`` writes each message to ``PendingMail`` in the
current transaction and, once that transaction has committed (``transaction.on_commit``), enqueues
``send_mail_task`` to deliver it: in production the background worker sends it, so no request
waits for a mail server; with the immediate task backend it is sent there and then. What a request
queued and is still unsent when the request ends is enqueued then. A mail server that
refuses a message (or cannot be reached) is logged, and the message stays in the outbox with its
error for ``manage.py send_pending_mail`` (cron or the worker, every few minutes) to retry.

Each message goes out through Wagtail's own ``send_mail`` (``wagtail.admin.mail``), so it has the
sender Wagtail's notifications have (``WAGTAILADMIN_NOTIFICATION_FROM_EMAIL``, else
``DEFAULT_FROM_EMAIL``) and the ``Auto-Submitted: auto-generated`` header that keeps
out-of-office replies away.
"""

import datetime
import logging
import threading

from django.core.mail import get_connection
from django.core.signals import request_finished
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django_tasks import task
from wagtail.admin.mail import send_mail

from ..models.review import PendingMail

logger = logging.getLogger(__name__)

_waiting = threading.local()  # ids this thread queued and has not seen delivered yet
CLAIM_EXPIRES = datetime.timedelta(hours=1)  # a sender that died mid-send lets go after this


def queue(mails):
    """Store ``mails`` (unsaved ``PendingMail``) with the current transaction and deliver them once
    it commits."""
    ids = [mail.pk for mail in PendingMail.objects.bulk_create(mails)]
    _waiting.ids = getattr(_waiting, "ids", []) + ids
    transaction.on_commit(lambda: _deliver_committed(ids), robust=True)


def _deliver_committed(ids):
    handed_over = set(ids)
    _waiting.ids = [pk for pk in getattr(_waiting, "ids", []) if pk not in handed_over]
    send_mail_task.enqueue(ids)


@task()
def send_mail_task(ids):
    """Deliver these outbox messages (``deliver``); what fails waits for ``send_pending_mail``."""
    deliver(ids)


def _failed(mails, error):
    """Keep ``mails`` for the next try, with the error, released for any sender."""
    PendingMail.objects.filter(pk__in=[mail.pk for mail in mails]).update(
        claimed_at=None, attempts=F("attempts") + 1, last_error=str(error)[:2000]
    )


def _log(message, *args, error):
    # A refusal or an unreachable server (smtplib's errors are OSErrors) is the mail server's
    # business, said in one line; anything else is a fault here and gets its traceback.
    logger.warning(message, *args, error, exc_info=not isinstance(error, OSError))


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
    except Exception as error:  # refused, unreachable, bad credentials: all of it waits for the next try
        _log("Could not connect to the mail server; %d message(s) wait in the outbox: %s", len(mails), error=error)
        _failed(mails, error)
        return 0, len(mails)
    try:
        for mail in mails:
            claimed = PendingMail.objects.filter(pk=mail.pk, claimed_at=mail.claimed_at).update(
                claimed_at=timezone.now()
            )
            if not claimed:
                continue  # another sender has it
            try:
                send_mail(mail.subject, mail.body, [mail.to], connection=connection)
            except Exception as error:  # one refused message does not hold back the others
                _log("Could not send %r to %s; it waits in the outbox: %s", mail.subject, mail.to, error=error)
                _failed([mail], error)
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
            send_mail_task.enqueue(ids)
        except Exception:  # never turn a finished response into an error; the command retries
            logger.exception("Delivering the outbox after a request failed")


def connect():
    """Called from ``ResourcesConfig.ready`` (through ``notifications.connect``)."""
    request_finished.connect(_deliver_what_this_request_queued, dispatch_uid="resources_deliver_queued_mail")
