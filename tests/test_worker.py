"""Background work on the production path: queued in the database by django-tasks-db and done by
its worker command (`manage.py db_worker`, which `make serve` runs), never in the request.

Each test switches TASKS to the database backend as production.py does, does what a person does,
sees that nothing has happened yet, runs the worker once over the queue (--batch) and sees the work
done. Everything this project and Wagtail enqueue passes through here: the screening of a
contribution (its files read, health information looked for, the workflow moved on), the workflow's
e-mail, search indexing, the password reset mail, Wagtail's reference and search index updates and
its file clean-up.
"""

import hashlib
import logging
import os
import re
import signal

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django_tasks_db.models import DBTaskResult
from wagtail.documents import get_document_model
from wagtail.models import Page
from wagtail.tasks import update_reference_index_task

from resources.models import FileText, ScreeningTask, ScreeningTaskState, ToolPage
from resources.review.sharing import pending_files

from .conftest import login
from .html import visit
from .workflow import MRN_PDF_LINES, TITLE, current_task_state, pdf_upload, share_data

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


# A contribution screened by the worker -------------------------------------------------------------


@pytest.fixture
def work_through(django_capture_on_commit_callbacks):
    """Run the worker until nothing is queued, as its loop does: what a task enqueues once its own
    transaction commits (the workflow's e-mail) is done on a later round. (The test is one
    transaction, so commits are played here.)"""

    def work():
        for _round in range(5):
            with django_capture_on_commit_callbacks(execute=True):
                run_worker()
            if not queued():
                return
        raise AssertionError(f"still queued: {queued()}")

    return work


def share_with_worker(client, lines=None):
    """A participant shares a tool with a PDF and submits it; returns (page, the response)."""
    login(client, "grace.lin")
    upload = pdf_upload("huddle-sheet.pdf", lines) if lines else pdf_upload("huddle-sheet.pdf")
    response = client.post("/share/", {**share_data(), "files": upload})
    assert response.status_code == 302, response.content[:500]
    return ToolPage.objects.get(title=TITLE), response


def addressed_to(username):
    address = f"{username}@example.org"
    return [message.subject for message in mail.outbox if address in message.to]


def kept_text(page):
    with pending_files(page)[0].document.file.open("rb") as handle:
        return FileText.objects.filter(sha256=hashlib.sha256(handle.read()).hexdigest()).first()


def test_a_shared_tool_is_screened_by_the_worker_and_then_reaches_the_reviewers(client, database_tasks, work_through):
    page, response = share_with_worker(client)

    # The request answered without reading the PDF or screening anything: it is waiting for the worker.
    state = current_task_state(page).specific
    assert isinstance(state, ScreeningTaskState) and state.is_being_screened
    assert kept_text(page) is None
    assert "resources.review.screening.screen_submission" in queued()
    followed = visit(client, response.url)
    assert "being checked automatically" in followed.text
    assert "Being screened" in followed and "reading its files and text" in followed.text
    assert "Automated screening: Being checked" in followed
    assert mail.outbox == [], "no receipt or review request before the outcome"
    # Nothing for an editor to act on yet: it is not held, only waiting.
    editor = get_user_model().objects.get(username="marcus.webb")
    assert not ScreeningTask.objects.get().get_task_states_user_can_moderate(editor).exists()
    assert "Edit and submit" not in followed.text

    work_through()

    assert_all_done()
    assert current_task_state(page).task.name == "Review"
    assert "Huddle for the transition clinic" in kept_text(page).text
    seen = visit(client, reverse("my_contributions"))
    assert "In review" in seen and "Automated screening: Approved" in seen
    assert any(TITLE in subject for subject in addressed_to("samuel.okafor")), "the reviewers are asked"
    (receipt,) = [message for message in mail.outbox if "grace.lin@example.org" in message.to]
    assert "passed the automatic checks" in receipt.body


def test_findings_from_the_worker_return_the_contribution_to_its_author(client, database_tasks, work_through):
    page, _ = share_with_worker(client, MRN_PDF_LINES)
    assert current_task_state(page).specific.is_being_screened

    work_through()

    assert_all_done()
    seen = visit(client, reverse("my_contributions"))
    assert "Changes requested" in seen and "medical record" in seen.text
    assert "48213377" not in seen.text
    (returned,) = [message for message in mail.outbox if "grace.lin@example.org" in message.to]
    assert "needs a few fixes" in returned.subject
    assert not addressed_to("samuel.okafor"), "reviewers hear nothing until screening passes"


def test_a_screening_that_fails_with_an_error_is_held_for_an_editor(client, database_tasks, work_through):
    page, _ = share_with_worker(client)
    # The file is lost from storage before the worker reads it (a real fault, not a stand-in).
    document = pending_files(page)[0].document
    os.remove(document.file.path)

    work_through()

    state = current_task_state(page).specific
    assert state.is_held and not state.is_being_screened
    assert "stopped with an error" in state.comment
    seen = visit(client, reverse("my_contributions"))
    assert "Waiting for an editor" in seen.text
    editor = get_user_model().objects.get(username="marcus.webb")
    assert ScreeningTask.objects.get().get_task_states_user_can_moderate(editor).get().pk == state.pk
    assert addressed_to("marcus.webb"), "the editors are told"


def test_the_worker_leaves_a_cancelled_screening_alone(client, database_tasks, work_through):
    page, _ = share_with_worker(client)
    state = current_task_state(page).specific
    page.current_workflow_state.cancel(user=get_user_model().objects.get(username="grace.lin"))

    work_through()

    state.refresh_from_db()
    assert state.status == "cancelled" and state.findings == []
    assert_all_done()
