"""``manage.py rollup_usage``: bring the usage figures of the search index and of cached pages up
to date (resources/usage/rollup.py). Run it every few minutes (docs/usage.md)."""

from django.core.management.base import BaseCommand

from resources.usage.rollup import rollup


class Command(BaseCommand):
    help = "Index again the resources whose views or downloads changed since they were last indexed."

    def handle(self, *args, **options):
        updated = rollup()
        if options["verbosity"]:
            self.stdout.write(f"Usage figures: {len(updated)} resource(s) indexed again.")
