"""Wagtail's ``publish_scheduled``, except that one refused resource does not stop the others.

Every publish of a resource is screened (``resources.review.guards.check_publishable``). Wagtail's
command publishes the due revisions one after another with nothing to catch a refusal, so one
resource that fails screening would stop every later one, on every run. Here each due revision of
a resource is published on its own first: a refused one is taken off the schedule, with the reason
logged and the cancellation kept in the page's history, and stays a draft; then Wagtail's command does the rest
(expiring pages, and everything that is not a resource).
"""

import logging

from django.db import transaction
from django.utils import timezone
from wagtail.management.commands import publish_scheduled
from wagtail.models import Revision

from resources.models import ResourcePage
from resources.review.guards import PublishRefused

logger = logging.getLogger(__name__)


class Command(publish_scheduled.Command):
    def handle(self, *args, **options):
        if not options.get("dryrun"):
            self.publish_due_resources()
        super().handle(*args, **options)

    def publish_due_resources(self):
        due = Revision.objects.filter(approved_go_live_at__lt=timezone.now()).order_by("approved_go_live_at")
        for revision in due:
            if not isinstance(revision.content_object, ResourcePage):
                continue
            try:
                with transaction.atomic():
                    revision.publish(log_action="wagtail.publish.scheduled")
            except PublishRefused as refusal:
                # Saved this way, Wagtail records the cancellation in the page's history itself.
                revision = Revision.objects.get(pk=revision.pk)
                revision.approved_go_live_at = None
                revision.save(update_fields=["approved_go_live_at"])
                logger.warning(
                    "Scheduled publishing of %r was refused and unscheduled: %s", revision.object_str, refusal
                )
