import logging

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from resources.demo.loader import DEMO_PASSWORD, DemoLoader, demo_logins
from resources.models import ResourcePage
from resources.oai.records import sync_all
from search import indexing
from search.models import SearchEntry


def search_index_complete():
    return SearchEntry.objects.count() == ResourcePage.objects.live().count()


class Command(BaseCommand):
    help = "Load the demo network (conditions, care centres, people, 60+ resources). Safe to run again."

    def handle(self, *args, **options):
        # Wagtail logs every publish at INFO; sixty of them would bury the sign-in list.
        logging.getLogger("wagtail").setLevel(logging.WARNING)
        # Pages are indexed once at the end, not one by one as they are published.
        with indexing.paused():
            created = DemoLoader(stdout=self.stdout).load()
        if created or not search_index_complete():
            # Build the search index and Wagtail's reference index once, after the bulk load.
            call_command("search_index", "rebuild", "--quiet", stdout=self.stdout)
            call_command("rebuild_references_index", verbosity=0)
        # The OAI-PMH records follow each publish; this catches what the loader changed by update().
        sync_all()
        self.stdout.write("")
        self.stdout.write(f"Demo sign-ins (password for all: {DEMO_PASSWORD}):")
        for group, username, name in demo_logins():
            self.stdout.write(f"  {group:<15} {username:<16} {name}")
        base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        self.stdout.write(f"  Site: {base}/   Admin: {base}/admin/")
        self.stdout.write(
            f"  Try: share at {base}/share/ as grace.lin; review “Transition clinic huddle card” as samuel.okafor; "
            f"answer a reuse request at {base}/my/reuse/ as kenji.watanabe."
        )
