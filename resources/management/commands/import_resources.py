"""``manage.py import_resources MANIFEST --as USERNAME [--publish] [--quiet]``: see docs/import.md."""

import sys

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from resources.importing import import_manifest


class Command(BaseCommand):
    help = (
        "Import resources from a CSV or JSON Lines manifest naming files on disk (docs/import.md). Every row is "
        "checked first; if any has a problem, nothing is imported and every problem is listed with its line."
    )

    def add_arguments(self, parser):
        parser.add_argument("manifest", help="the manifest: a .csv or .jsonl file; file paths in it are relative to it")
        parser.add_argument("--as", dest="username", required=True,
                            help="the user the resources are imported as: their drafts, their submissions")
        parser.add_argument("--publish", action="store_true",
                            help="publish directly rather than submit for review (for users who may publish)")
        parser.add_argument("--quiet", action="store_true", help="no progress bar")

    def handle(self, manifest, username, publish, quiet, **options):
        user = get_user_model().objects.filter(username=username, is_active=True).first()
        if user is None:
            raise CommandError(f"There is no active user “{username}”: name the account to import as with --as.")
        show = not quiet and sys.stderr.isatty()

        def progress(total, description):
            return tqdm(total=total, desc=description, unit="row", file=sys.stderr, disable=not show, leave=False)

        result = import_manifest(manifest, user, publish=publish, progress=progress)
        if not result.ok:
            for problem in sorted(result.problems, key=lambda problem: problem.line):
                self.stdout.write(str(problem))
            count = len(result.problems)
            raise CommandError(
                f"{count} problem{'s' if count != 1 else ''} in {manifest}: nothing was imported. Fix "
                f"{'them' if count != 1 else 'it'} and run the import again."
            )
        outcome = result.outcome
        done = "published" if publish else "submitted for review"
        self.stdout.write(self.style.SUCCESS(
            f"{result.rows} rows: {len(outcome.created)} resources created, {len(outcome.updated)} updated "
            f"({done}), {len(outcome.unchanged)} unchanged."
        ))
