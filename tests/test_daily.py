"""The daily job (resources/daily.py): ``manage.py daily`` runs every job, one failing stops none of
the others; ``manage.py daily --schedule`` makes it a django-tasks schedule on the database backend,
each run queueing the next before its jobs."""

import datetime
import io
import zoneinfo

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from resources import daily

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
ran = []


def first_job(today):
    ran.append(("first", today))
    return "first done"


def failing_job(today):
    ran.append(("failing", today))
    raise RuntimeError("the mail server refused")


def last_job(today):
    ran.append(("last", today))
    return None


@pytest.fixture
def jobs(monkeypatch):
    ran.clear()
    monkeypatch.setattr(daily, "JOBS", [f"{__name__}.first_job", f"{__name__}.failing_job", f"{__name__}.last_job"])
    return ran


def queued():
    return list(DBTaskResult.objects.filter(task_path=daily.daily_task.module_path, status=TaskResultStatus.READY))


def test_the_command_runs_every_job_and_names_the_one_that_failed(db, jobs):
    out = io.StringIO()
    with pytest.raises(CommandError, match=r"1 daily job\(s\) failed: tests.test_daily.failing_job"):
        call_command("daily", date=datetime.date(2026, 3, 2), stdout=out)
    assert [name for name, _day in jobs] == ["first", "failing", "last"]
    assert {day for _name, day in jobs} == {datetime.date(2026, 3, 2)}
    assert out.getvalue().splitlines() == ["first_job: first done", "last_job: done"]


@override_settings(DAILY_JOB_TIME="00:15", TIME_ZONE="Europe/London")
def test_the_next_run_is_the_next_time_of_day():
    london = zoneinfo.ZoneInfo("Europe/London")
    at = datetime.datetime(2026, 6, 1, 0, 10, tzinfo=london)
    assert daily.next_run(at) == datetime.datetime(2026, 6, 1, 0, 15, tzinfo=london)
    assert daily.next_run(at.replace(minute=15)) == datetime.datetime(2026, 6, 2, 0, 15, tzinfo=london)
    assert daily.next_run(at.replace(hour=13)) == datetime.datetime(2026, 6, 2, 0, 15, tzinfo=london)


def test_scheduling_needs_a_backend_that_can_wait(db):
    # The immediate backend of `make run` and the tests runs work at once: cron is the way there.
    with pytest.raises(CommandError, match="schedule `manage.py daily` with cron instead"):
        call_command("daily", schedule=True, stdout=io.StringIO())


@override_settings(TASKS=DATABASE_TASKS)
def test_the_schedule_is_queued_once_however_often_it_is_asked_for(db):
    out = io.StringIO()
    call_command("daily", schedule=True, stdout=out)
    call_command("daily", schedule=True, stdout=io.StringIO())
    (waiting,) = queued()
    assert waiting.run_after == daily.next_run()
    assert out.getvalue().startswith("The daily job is queued for ")


@override_settings(TASKS=DATABASE_TASKS)
def test_each_run_queues_the_next_first_so_a_failing_job_does_not_end_the_schedule(db, jobs):
    with pytest.raises(RuntimeError, match="failing_job"):
        daily.daily_task.call()
    assert [name for name, _day in jobs] == ["first", "failing", "last"]
    (waiting,) = queued()
    assert waiting.run_after == daily.next_run()
    # The run after it finds that one waiting and queues no second.
    with pytest.raises(RuntimeError):
        daily.daily_task.call()
    assert len(queued()) == 1
