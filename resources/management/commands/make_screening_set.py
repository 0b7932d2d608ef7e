"""python manage.py make_screening_set DIR [--seed N] [--count N]

Writes the screening's labelled development set (``resources.screening.devset``) into DIR: QI
documents in PDF, DOCX, XLSX, PPTX and CSV, each seeded with one identifier or clean, and
DIR/labels.json saying what is where. The same seed writes the same set. Score the screening
against it with ``manage.py screen --evaluate DIR`` (docs/screening.md).
"""

from collections import Counter

from django.core.management.base import BaseCommand

from resources.screening.devset import CLEAN, DEFAULT_SEED, build_set


class Command(BaseCommand):
    help = "Write the labelled development set for the health-information screening into DIR."
    requires_system_checks = []  # writes files only: no database

    def add_arguments(self, parser):
        parser.add_argument("directory", metavar="DIR", help="where to write the files and labels.json")
        parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help=f"random seed (default {DEFAULT_SEED})")
        parser.add_argument("--count", type=int, help="write only the first N files of the set (for quick tests)")

    def handle(self, *args, **options):
        if options["count"] is not None and options["count"] < 1:
            self.stderr.write("--count must be at least 1")
            raise SystemExit(2)
        labels = build_set(options["directory"], seed=options["seed"], count=options["count"])
        files = labels["files"]
        clean = sum(1 for f in files if f["kind"] == CLEAN)
        formats = Counter(f["format"] for f in files)
        self.stdout.write(
            f"Wrote {len(files)} files ({len(files) - clean} seeded, {clean} clean; "
            + ", ".join(f"{n} {fmt.upper()}" for fmt, n in sorted(formats.items()))
            + f") and labels.json to {options['directory']} (seed {options['seed']})."
        )
