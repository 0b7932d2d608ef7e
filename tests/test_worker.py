"""Background work on the production path: queued in the database by django-tasks-db and done by
its worker command (`manage.py db_worker`, which `make serve` runs), never in the request.

Each test switches TASKS to the database backend as production.py does, does what a person does,
sees that nothing has happened yet, runs the worker once over the queue (--batch) and sees the work
done. Everything this project and Wagtail enqueue passes through here: search indexing, the
password reset mail, Wagtail's reference and search index updates and its file clean-up.
"""

import logging
import re
import signal

import pytest
from django.core import mail
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django_tasks_db.models import DBTaskResult
from wagtail.documents import get_document_model
from wagtail.models import Page
from wagtail.tasks import update_reference_index_task

from resources.models import ToolPage

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def database_tasks(db, monkeypatch):
    """TASKS as in production; the worker's signal handlers and log levels are put back after it.

    The worker checks its database connections between tasks (``close_old_connections``), and
    closes one found inside a transaction. Here the whole test is one transaction, rolled back at
    the end, so that check is left out, as Django's test client leaves it out of every request."""
    monkeypatch.setattr("django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None)
    handlers = {number: signal.getsignal(number) for number in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)}
    loggers = [logging.getLogger(name) for name in ("django_tasks", "django_tasks_db")]
    levels = [logger.level for logger in loggers]
    with override_settings(TASKS=DATABASE_TASKS):
        yield
    for number, handler in handlers.items():
        signal.signal(number, handler)
    for logger, level in zip(loggers, levels, strict=True):
        logger.setLevel(level)


def run_worker():
    """The worker command as an operator runs it, over what is queued, then exits."""
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)


def queued():
    return sorted(DBTaskResult.objects.filter(status="READY").values_list("task_path", flat=True))


def assert_all_done():
    outcomes = {(row.task_path, row.status) for row in DBTaskResult.objects.all()}
    assert outcomes and all(status == "SUCCESSFUL" for _, status in outcomes), outcomes


def search_titles(client, query):
    """The titles of the results the search page lists for ``query``."""
    page = client.get("/search/", {"q": query}).content.decode()
    return re.findall(r'class="result__title"><a [^>]*>([^<]*)</a>', page)


def test_a_published_change_is_searchable_once_the_worker_has_run(client, database_tasks):
    tool = ToolPage.objects.live().order_by("pk").first()
    tool.title = "Zebrafinch bundle checklist"
    tool.save_revision().publish()

    # Published, but the index has not been told yet: the request did not wait for it.
    assert search_titles(client, "zebrafinch") == []
    assert "search.indexing.update_pages_task" in queued()
    # Wagtail's own updates of the page wait in the same queue.
    assert "wagtail.tasks.update_reference_index_task" in queued()

    run_worker()

    assert queued() == []
    assert_all_done()
    assert search_titles(client, "zebrafinch") == ["Zebrafinch bundle checklist"]


def test_the_password_reset_mail_is_sent_by_the_worker(client, database_tasks):
    response = client.post(reverse("wagtailadmin_password_reset"), {"email": "grace.lin@example.org"})
    assert response.status_code == 302
    assert mail.outbox == []
    assert queued() == ["contributors.auth.send_password_reset"]

    run_worker()

    assert_all_done()
    assert [message.to for message in mail.outbox] == [["grace.lin@example.org"]]
    link = next(word for word in mail.outbox[0].body.split() if "/admin/password_reset/confirm/" in word)
    assert 'name="new_password1"' in client.get(link, follow=True).content.decode()


def test_a_deleted_documents_file_is_removed_by_the_worker(database_tasks, django_capture_on_commit_callbacks):
    Document = get_document_model()
    with django_capture_on_commit_callbacks(execute=True):
        document = Document.objects.create(title="Handover sheet", file=ContentFile(b"handover\n", name="handover.txt"))
    storage, name = document.file.storage, document.file.name
    run_worker()  # Wagtail's index updates for the new document
    assert storage.exists(name)

    with django_capture_on_commit_callbacks(execute=True):
        document.delete()
    # The row is gone at once; the file waits for the worker.
    assert storage.exists(name)
    assert "wagtail.tasks.delete_file_from_storage_task" in queued()

    # The worker's delete waits for its own commit too (resources/storage.py).
    with django_capture_on_commit_callbacks(execute=True):
        run_worker()

    assert_all_done()
    assert not storage.exists(name)


def test_a_failing_task_is_recorded_and_the_worker_goes_on(client, database_tasks):
    # A page deleted before the worker reached its update fails that task only; the mail queued
    # after it is still sent.
    update_reference_index_task.enqueue("wagtailcore", "page", str(Page.objects.order_by("-pk").first().pk + 1000))
    client.post(reverse("wagtailadmin_password_reset"), {"email": "grace.lin@example.org"})

    run_worker()

    statuses = dict(DBTaskResult.objects.values_list("task_path", "status"))
    assert statuses == {
        "wagtail.tasks.update_reference_index_task": "FAILED",
        "contributors.auth.send_password_reset": "SUCCESSFUL",
    }
    failed = DBTaskResult.objects.get(status="FAILED")
    assert "DoesNotExist" in failed.exception_class_path
    assert [message.to for message in mail.outbox] == [["grace.lin@example.org"]]
