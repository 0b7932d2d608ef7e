import logging

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from resources.demo.loader import DEMO_PASSWORD, DemoLoader, demo_logins


class Command(BaseCommand):
    help = "Load the demo network (conditions, care centres, people, 60+ resources). Safe to run again."

    def handle(self, *args, **options):
        # Wagtail logs every publish at INFO; sixty of them would bury the sign-in list.
        logging.getLogger("wagtail").setLevel(logging.WARNING)
        created = DemoLoader(stdout=self.stdout).load()
        if created:
            # New pages were indexed as they were published; a rebuild makes the index and the
            # reference index exact after a bulk load.
            call_command("update_index", verbosity=0)
            call_command("rebuild_references_index", verbosity=0)
        self.stdout.write("")
        self.stdout.write("Demo sign-ins (password for all: %s):" % DEMO_PASSWORD)
        for group, username, name in demo_logins():
            self.stdout.write(f"  {group:<15} {username:<16} {name}")
        base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        self.stdout.write(f"  Site: {base}/   Admin: {base}/admin/")
