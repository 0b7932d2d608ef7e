"""``manage.py daily``: the once-a-day work of the commons (resources/daily.py)."""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from resources.daily import run_daily, schedule_next


class Command(BaseCommand):
    help = "Run the daily jobs: reminders, prompts and flags that depend on the date."

    def add_arguments(self, parser):
        parser.add_argument(
            "--date", type=datetime.date.fromisoformat, help="Run as if today were this day (YYYY-MM-DD)."
        )
        parser.add_argument(
            "--schedule", action="store_true",
            help="Run nothing now: queue the daily job for the background worker at DAILY_JOB_TIME, every "
            "day from then on (a django-tasks schedule; needs TASKS_BACKEND=database).",
        )

    def handle(self, *args, date=None, schedule=False, **options):
        if schedule:
            when = schedule_next()
            if when is None:
                raise CommandError(
                    "This site's tasks backend runs work at once and cannot run it later: schedule "
                    "`manage.py daily` with cron instead (docs/deployment.md), or use TASKS_BACKEND=database."
                )
            if options["verbosity"]:
                self.stdout.write(f"The daily job is queued for {timezone.localtime(when):%Y-%m-%d %H:%M %Z}.")
            return
        done, failed = run_daily(date)
        if options["verbosity"]:
            for path, line in done:
                self.stdout.write(f"{path.rsplit('.', 1)[-1]}: {line or 'done'}")
        if failed:
            raise CommandError(f"{len(failed)} daily job(s) failed: {', '.join(failed)} (see the log).")
