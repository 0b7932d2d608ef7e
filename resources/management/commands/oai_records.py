from django.core.management.base import BaseCommand

from resources.models import HarvestRecord
from resources.oai.records import sync_all


class Command(BaseCommand):
    help = (
        "Bring the OAI-PMH harvest records up to date with the pages: a record for every public resource and "
        "collection, a deleted record for every one withdrawn. Safe to run at any time; run it after changing "
        "pages by hand in the database (docs/oai-pmh.md)."
    )

    def handle(self, *args, **options):
        moved = sync_all()
        live = HarvestRecord.objects.filter(deleted=False).count()
        deleted = HarvestRecord.objects.filter(deleted=True).count()
        self.stdout.write(f"OAI-PMH records: {live} public, {deleted} deleted ({moved} changed now).")
