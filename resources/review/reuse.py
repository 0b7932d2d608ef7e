"""Asking for and deciding reuse, with the audit log entry and the e-mails each one needs."""

from django.db import transaction
from wagtail.log_actions import log

from ..models import ReuseRequest
from . import notifications

REQUESTED = "commons.reuse.requested"
GRANTED = "commons.reuse.granted"
DECLINED = "commons.reuse.declined"


def may_decide(user, reuse_request):
    return ReuseRequest.objects.decidable_by(user).filter(pk=reuse_request.pk).exists()


def _log(reuse_request, action, user):
    log(
        instance=reuse_request.resource.specific,
        action=action,
        user=user,
        data={
            "reuse_request": reuse_request.pk,
            "requester": reuse_request.requester.get_username(),
            "organisation": str(reuse_request.organisation or ""),
            "scope": reuse_request.get_scope_display(),
            "purpose": reuse_request.purpose,
            "message": reuse_request.decision_message,
        },
    )


def request_reuse(form, resource, user):
    with transaction.atomic():
        reuse_request = form.save(commit=False)
        reuse_request.resource = resource
        reuse_request.requester = user
        reuse_request.save()
        _log(reuse_request, REQUESTED, user)
    notifications.notify_reuse_requested(reuse_request)
    return reuse_request


def decide_reuse(reuse_request, user, granted, message):
    with transaction.atomic():
        reuse_request.decide(user, granted, message)
        _log(reuse_request, GRANTED if granted else DECLINED, user)
    notifications.notify_reuse_decided(reuse_request)
    return reuse_request
