"""Send the e-mail waiting in the outbox (``resources.models.review.PendingMail``).

Mail normally goes out as soon as what it tells about is committed; what a refusing or unreachable
mail server left behind waits in the outbox. Run this every few minutes (cron, a systemd timer or
the worker), e.g. ``*/5 * * * * manage.py send_pending_mail``. Each message is tried at most
``PENDING_MAIL_MAX_ATTEMPTS`` times (default 20); the last error is kept on it, in the admin's
database and in this command's output.
"""

from django.core.management.base import BaseCommand

from resources.models.review import PendingMail
from resources.review.outbox import deliver


class Command(BaseCommand):
    help = "Send e-mail that could not be sent when it was written, and report what still waits."

    def handle(self, *args, **options):
        sent, failed = deliver()
        waiting = PendingMail.objects.count()
        given_up = PendingMail.objects.filter(attempts__gte=PendingMail.max_attempts()).count()
        self.stdout.write(f"Sent {sent}, failed {failed}; {waiting} waiting, of which {given_up} no longer tried.")
        if failed:
            last = PendingMail.objects.exclude(last_error="").order_by("-pk").first()
            self.stderr.write(f"Last error: {last.last_error}" if last else "")
