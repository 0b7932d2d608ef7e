from django.core.management.base import BaseCommand, CommandError

from resources.archive import ArchiveError
from resources.archive.export import write_archive


class Command(BaseCommand):
    help = (
        "Write the whole commons (content, revisions, releases and their files, people and their accounts, "
        "roles, workflow states, reuse grants) to one ZIP archive, for backup or moving to a new server. "
        "The archive is as sensitive as the database: see docs/backup.md."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="Where to write the archive, e.g. commons-2026-12-05.zip")

    def handle(self, path, **options):
        try:
            manifest = write_archive(path)
        except ArchiveError as error:
            raise CommandError(str(error)) from None
        rows = sum(entry["rows"] for entry in manifest["tables"])
        size = sum(entry["size"] for entry in manifest["files"])
        self.stdout.write(
            f"Wrote {path}: {rows:,} rows from {len(manifest['tables'])} tables and "
            f"{len(manifest['files']):,} files ({size / 1024 / 1024:,.1f} MB)."
        )
        self.stdout.write("It holds password hashes and network-only content: store it as safely as the database.")
