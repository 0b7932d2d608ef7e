"""python manage.py screen FILE [FILE ...]
python manage.py screen --evaluate DIR [--json FILE] [--floor FILE]

Runs the publication screening's file checks (``resources.screening.screen_file``: type by
content, size, image pixels, archive size, protected health information) on files on disk.

Standard output: one JSON object per finding, one per line, with the keys file, kind, location,
masked (the identifier masked, never in full), message and severity ("block", or "check" for an
organisation's contact detail shown for a reviewer to confirm). Standard error: a summary for people.
Exit status: 0 nothing that blocks (findings to check only, or none), 1 something that blocks,
2 a FILE does not exist (nothing is screened).

With ``--evaluate DIR``, screens every file listed in DIR/labels.json (a labelled set, as
``manage.py make_screening_set`` writes it) and prints recall per kind, phrasing and format, false
alarms per format, and each miss and false alarm (masked); ``--json FILE`` writes the figures,
``--floor FILE`` exits 1 when recall or false alarms are worse than that file allows (overall and
per format). Definitions: ``resources.screening.devset.evaluate`` and docs/screening.md.
"""

import json
import os
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from resources.screening import screen_file
from resources.screening.findings import CHECK


class Command(BaseCommand):
    help = (
        "Screen files as they would be screened before publication. Prints one JSON object per finding; "
        "exits 1 when anything is found, 2 when a file does not exist. With --evaluate DIR, scores the "
        "screening against a labelled set."
    )
    requires_system_checks = []  # works on files only: no database, no need to check the project

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="*", metavar="FILE", help="files to screen")
        parser.add_argument("--evaluate", metavar="DIR", help="score the screening against DIR/labels.json")
        parser.add_argument("--json", metavar="FILE", help="with --evaluate: write the figures to FILE")
        parser.add_argument(
            "--floor", metavar="FILE", help="with --evaluate: exit 1 when figures are worse than FILE allows"
        )

    def handle(self, *args, **options):
        if options["evaluate"]:
            if options["files"]:
                raise CommandError("Give either files to screen or --evaluate DIR, not both.", returncode=2)
            return self.evaluate(options["evaluate"], options["json"], options["floor"])
        if options["json"] or options["floor"]:
            raise CommandError("--json and --floor go with --evaluate DIR.", returncode=2)
        paths = options["files"]
        if not paths:
            raise CommandError("Name at least one file to screen, or --evaluate DIR.", returncode=2)
        missing = [path for path in paths if not os.path.isfile(path)]
        if missing:
            for path in missing:
                self.stderr.write(f"{path}: no such file")
            raise SystemExit(2)

        flagged = total = blocking = 0
        for path in paths:
            findings = screen_file(path, os.path.basename(path))
            for finding in findings:
                self.stdout.write(json.dumps(finding.as_dict(), ensure_ascii=False))
            total += len(findings)
            flagged += bool(findings)
            blocking += sum(finding.severity != CHECK for finding in findings)
            if options["verbosity"] >= 2:
                self.stderr.write(f"{path}: {len(findings)} finding{'s' if len(findings) != 1 else ''}")

        if total:
            to_check = total - blocking
            self.stderr.write(
                f"Screened {_count(len(paths), 'file')}: {_count(total, 'finding')} in {_count(flagged, 'file')}"
                + (f", {to_check:,} of them only to check" if to_check else "")
                + ". Each line above says what was found and what to do."
            )
            self.stdout.flush()
            if blocking:
                raise SystemExit(1)
            return
        self.stderr.write(f"Screened {_count(len(paths), 'file')}: nothing found.")

    def evaluate(self, directory, json_path, floor_path):
        # Imported here: the plain screening of files needs none of the set's machinery.
        from resources.screening.devset.evaluate import check_floor, evaluate, load_labels, report_lines

        try:
            load_labels(directory)
            floor = json.loads(Path(floor_path).read_text()) if floor_path else None
        except (OSError, ValueError) as error:
            raise CommandError(str(error)) from None
        report = evaluate(directory)
        for line in report_lines(report):
            self.stdout.write(line)
        figures = report.figures()
        if json_path:
            Path(json_path).parent.mkdir(parents=True, exist_ok=True)
            Path(json_path).write_text(json.dumps(figures, indent=1) + "\n")
            self.stderr.write(f"Figures written to {json_path}.")
        if floor is None:
            return
        failures = check_floor(figures, floor)
        if failures:
            for failure in failures:
                self.stderr.write(f"Worse than {floor_path}: {failure}")
            self.stdout.flush()
            raise SystemExit(1)
        self.stderr.write(f"Recall and false alarms are no worse than {floor_path}.")


def _count(number, word):
    return f"{number:,} {word}{'' if number == 1 else 's'}"
