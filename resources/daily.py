"""The daily job (``manage.py daily``): the work the commons does once a day, in one place.

Each job is a function taking the day it runs for and returning one line saying what it did; the
command runs them in order, and one failing does not stop the others (the failure is logged and the
command exits non-zero at the end). docs/deployment.md says how to schedule it with cron or django-tasks.
"""

import logging

from django.utils import timezone
from django.utils.module_loading import import_string

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
            done.append((path, import_string(path)(today)))
        except Exception:
            logger.exception("Daily job %s failed", path)
            failed.append(path)
    return done, failed
