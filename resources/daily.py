"""The daily job (``manage.py daily``): the work the commons does once a day, in one place.

Each job is a function taking the day it runs for and returning one line saying what it did; the
command runs them in order, and one failing does not stop the others (the failure is logged and the
command exits non-zero at the end). Each job remembers what it sent, so a second run the same day
sends nothing twice.

Two ways to run it every day (docs/deployment.md, "The daily job"): cron or a systemd timer calling
``manage.py daily``, or a django-tasks schedule, ``daily_task``, for a site whose background worker
takes its work from the database: ``manage.py daily --schedule`` (which ``make serve`` runs) queues it
for its next time of day, and each run queues the next before it starts on the jobs.
"""

import datetime
import logging

from django.conf import settings
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks import TaskResultStatus, task

logger = logging.getLogger(__name__)

# Dotted paths, so that this module imports none of the jobs' apps until they run.
JOBS = [
    "resources.review.currency.remind_protocol_owners",
    "resources.evidence.adoption_prompts.ask_whether_it_worked",
]


def run_daily(today=None):
    """Run every job for ``today`` (the local date by default). Returns [(path, line or None)] and
    the paths that failed."""
    today = today or timezone.localdate()
    done, failed = [], []
    for path in JOBS:
        try:
            line = import_string(path)(today)
        except Exception:
            logger.exception("Daily job %s failed", path)
            failed.append(path)
        else:
            # Logged too: run by the worker (``daily_task``), nothing prints what each job did.
            logger.info("Daily job %s: %s", path, line or "done")
            done.append((path, line))
    return done, failed


@task()
def daily_task():
    """The daily job as a django-tasks schedule: tomorrow's run is queued first, so that a failing
    job does not end the schedule; then today's jobs run. A failure fails the task (the worker logs
    it and keeps it in the task results), after every job has had its turn."""
    schedule_next()
    _done, failed = run_daily()
    if failed:
        raise RuntimeError(f"Daily job(s) failed: {', '.join(failed)} (see the log).")


def next_run(now=None):
    """The next DAILY_JOB_TIME (local time, "HH:MM") after ``now``."""
    now = timezone.localtime(now)
    at = datetime.time.fromisoformat(settings.DAILY_JOB_TIME)
    when = now.replace(hour=at.hour, minute=at.minute, second=0, microsecond=0)
    return when if when > now else when + datetime.timedelta(days=1)


def waiting_run():
    """When the queued daily task will run, or None if none is waiting (the database backend)."""
    from django_tasks_db.models import DBTaskResult

    waiting = DBTaskResult.objects.filter(task_path=daily_task.module_path, status=TaskResultStatus.READY)
    return waiting.order_by("run_after").values_list("run_after", flat=True).first()


def schedule_next(now=None):
    """Queue the daily task for its next time of day, unless a run is already waiting. Returns when
    it will run; None when the tasks backend cannot run a task later (the immediate backend of
    ``make run``: schedule with cron there). Two processes scheduling at the same moment may queue it
    twice: harmless, as the second run the same day sends nothing twice."""
    backend = daily_task.get_backend()
    if not backend.supports_defer:
        return None
    from django_tasks_db.backend import DatabaseBackend

    if isinstance(backend, DatabaseBackend) and (already := waiting_run()) is not None:
        return already
    when = next_run(now)
    daily_task.using(run_after=when).enqueue()
    return when
