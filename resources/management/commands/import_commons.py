from django.core.management.base import BaseCommand, CommandError

from resources.archive import ArchiveError
from resources.archive.restore import restore_archive


class Command(BaseCommand):
    help = (
        "Restore an archive made by export_commons into an EMPTY, migrated database (and empty media "
        "storage), then rebuild the reference and search indexes. Refuses, changing nothing, when the "
        "archive is damaged, altered or of another version, or the database already holds content."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="The archive made by export_commons")

    def handle(self, path, **options):
        try:
            counts = restore_archive(path)
        except ArchiveError as error:
            raise CommandError(f"Nothing was restored. {error}") from None
        self.stdout.write(f"Restored {sum(counts.values()):,} rows from {path}; the search index is rebuilt.")
        for label in ("resources.ResourcePage", "auth.User", "resources.Release", "wagtaildocs.Document"):
            if label in counts:
                self.stdout.write(f"  {label}: {counts[label]:,}")
