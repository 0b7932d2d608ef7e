"""``manage.py daily``: the once-a-day work of the commons (resources/daily.py)."""

import datetime

from django.core.management.base import BaseCommand, CommandError

from resources.daily import run_daily


class Command(BaseCommand):
    help = "Run the daily jobs: reminders, prompts and flags that depend on the date."

    def add_arguments(self, parser):
        parser.add_argument(
            "--date", type=datetime.date.fromisoformat, help="Run as if today were this day (YYYY-MM-DD)."
        )

    def handle(self, *args, date=None, **options):
        done, failed = run_daily(date)
        if options["verbosity"]:
            for path, line in done:
                self.stdout.write(f"{path.rsplit('.', 1)[-1]}: {line or 'done'}")
        if failed:
            raise CommandError(f"{len(failed)} daily job(s) failed: {', '.join(failed)} (see the log).")
