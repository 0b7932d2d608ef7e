"""python manage.py screen FILE [FILE ...]

Runs the publication screening's file checks (``resources.screening.screen_file``: type by
content, size, image pixels, archive size, protected health information) on files on disk.

Standard output: one JSON object per finding, one per line, with the keys file, kind, location,
masked (the identifier masked, never in full) and message. Standard error: a summary for people.
Exit status: 0 nothing found, 1 something found, 2 a FILE does not exist (nothing is screened).
"""

import json
import os

from django.core.management.base import BaseCommand

from resources.screening import screen_file


class Command(BaseCommand):
    help = (
        "Screen files as they would be screened before publication. Prints one JSON object per finding; "
        "exits 1 when anything is found, 2 when a file does not exist."
    )
    requires_system_checks = []  # works on files only: no database, no need to check the project

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", metavar="FILE", help="files to screen")

    def handle(self, *args, **options):
        paths = options["files"]
        missing = [path for path in paths if not os.path.isfile(path)]
        if missing:
            for path in missing:
                self.stderr.write(f"{path}: no such file")
            raise SystemExit(2)

        flagged = total = 0
        for path in paths:
            findings = screen_file(path, os.path.basename(path))
            for finding in findings:
                self.stdout.write(json.dumps(finding.as_dict(), ensure_ascii=False))
            total += len(findings)
            flagged += bool(findings)
            if options["verbosity"] >= 2:
                self.stderr.write(f"{path}: {len(findings)} finding{'s' if len(findings) != 1 else ''}")

        if total:
            self.stderr.write(
                f"Screened {_count(len(paths), 'file')}: {_count(total, 'finding')} in {_count(flagged, 'file')}. "
                "Each line above says what was found and what to do."
            )
            self.stdout.flush()
            raise SystemExit(1)
        self.stderr.write(f"Screened {_count(len(paths), 'file')}: nothing found.")


def _count(number, word):
    return f"{number:,} {word}{'' if number == 1 else 's'}"
