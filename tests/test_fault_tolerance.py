"""Bounded work, and nothing lost when a part fails: a mail server that refuses, storage that fails
part way through an upload, too many or too large files, a file that can't be checked in time."""

import io
import socket
import time

import pytest
from django.contrib.auth import get_user_model
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import TaskState, WorkflowState

from resources.models import Release, ToolPage
from resources.models.review import PendingMail
from resources.review.sharing import pending_files

from .conftest import login
from .html import read, visit
from .workflow import current_task_state, mail_to, pdf_upload, share_data


def closed_port():
    """A local port nobody listens on: connecting to it is refused by the operating system."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# Mail ---------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_refusing_mail_server_does_not_undo_a_submission(participant_client, mailoutbox, caplog,
                                                           django_capture_on_commit_callbacks):
    refusing = {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": closed_port(),
        "EMAIL_TIMEOUT": 5,
    }
    with override_settings(**refusing), django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = participant_client.post(
            "/share/", {**share_data(title="Sheet sent while mail is down"), "files": pdf_upload("sheet.pdf")},
            follow=True,
        )
    assert response.status_code == 200
    assert "Thank you: “Sheet sent while mail is down” is with the reviewers." in read(response).text
    assert callbacks, "mail is sent after the submission commits"

    # The submission stands: the reviewers have it, and the mail waits with its error.
    page = ToolPage.objects.get(title="Sheet sent while mail is down")
    assert current_task_state(page).task.name == "Review"
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    waiting = PendingMail.objects.filter(subject__contains="Sheet sent while mail is down")
    assert waiting.filter(to__startswith="samuel").exists()
    assert all(mail.attempts >= 1 and mail.last_error for mail in waiting)
    assert "wait in the outbox" in caplog.text
    assert not mailoutbox

    # Once the mail server answers again, the retry sends everything that waited.
    output = io.StringIO()
    call_command("send_pending_mail", stdout=output)
    assert "Sent" in output.getvalue() and "0 waiting" in output.getvalue()
    assert len(mail_to(mailoutbox, "samuel.okafor")) == 1
    assert "is with the reviewers" in mail_to(mailoutbox, "grace.lin")[0].subject
    assert not PendingMail.objects.filter(subject__contains="Sheet sent while mail is down").exists()


# Storage ------------------------------------------------------------------------------------------


class FailingStorage(FileSystemStorage):
    """A real file system storage whose disk "fills up" after ``allowed`` saves."""

    allowed = 1
    saves = 0

    def _save(self, name, content):
        if FailingStorage.saves >= FailingStorage.allowed:
            raise OSError(28, "No space left on device")
        FailingStorage.saves += 1
        return super()._save(name, content)


@pytest.mark.django_db
def test_storage_failing_mid_upload_leaves_no_half_made_resource(participant_client, tmp_path, settings):
    FailingStorage.saves = 0
    storages = {**settings.STORAGES, "default": {
        "BACKEND": "tests.test_fault_tolerance.FailingStorage", "OPTIONS": {"location": str(tmp_path)},
    }}
    pages, releases, documents = ToolPage.objects.count(), Release.objects.count(), get_document_model().objects.count()
    with override_settings(STORAGES=storages):
        response = participant_client.post("/share/", {
            **share_data(title="Three-file pack"),
            "files": [pdf_upload("one.pdf"), pdf_upload("two.pdf"), pdf_upload("three.pdf")],
        })
    assert response.status_code == 503
    assert "could not be stored just now, so nothing was saved" in read(response).text
    assert FailingStorage.saves == 1, "the first file was stored before the disk filled up"
    assert not ToolPage.objects.filter(title="Three-file pack").exists()
    assert ToolPage.objects.count() == pages
    assert Release.objects.count() == releases
    assert get_document_model().objects.count() == documents
    assert [path for path in tmp_path.rglob("*") if path.is_file()] == [], "no orphan file is left on disk"


# Budgets -------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_share_form_takes_at_most_share_max_files(participant_client, settings):
    settings.SHARE_MAX_FILES = 3
    assert "Up to 3 files at a time." in visit(participant_client, "/share/").text
    started = time.monotonic()
    response = participant_client.post("/share/", {
        **share_data(title="Too many files"),
        "files": [pdf_upload(f"sheet-{number}.pdf") for number in range(4)],
    })
    assert response.status_code == 400
    assert "You chose 4 files; a contribution can have up to 3 at a time." in read(response).text
    assert not ToolPage.objects.filter(title="Too many files").exists()
    assert time.monotonic() - started < 5, "refused before any file is read"

    # Files already waiting with a contribution count too.
    participant_client.post("/share/", {**share_data(title="Two files", action="draft"),
                                        "files": [pdf_upload("a.pdf"), pdf_upload("b.pdf")]})
    page = ToolPage.objects.get(title="Two files")
    response = participant_client.post(reverse("edit_contribution", args=[page.pk]), {
        **share_data(title="Two files"), "files": [pdf_upload("c.pdf"), pdf_upload("d.pdf")],
    })
    assert response.status_code == 400
    assert "You chose 2 files and 2 already waiting with it; a contribution can have up to 3" in read(response).text
    assert len(pending_files(page)) == 2


@pytest.mark.django_db
def test_a_request_over_the_size_cap_is_refused_before_it_is_read(participant_client, settings):
    settings.MAX_REQUEST_MB = 1
    big = SimpleUploadedFile("scan.pdf", b"%PDF-1.4\n" + b"0" * (2 * 1024 * 1024), content_type="application/pdf")
    response = participant_client.post("/share/", {**share_data(title="Huge scan"), "files": big})
    assert response.status_code == 413
    seen = read(response)
    assert "Too much to send at once" in seen.text and "Nothing was saved." in seen.text
    assert "at most 1 MB at a time" in seen.text
    assert not ToolPage.objects.filter(title="Huge scan").exists()
    # The declared length is enough: the body is never read.
    response = participant_client.generic("POST", "/share/", b"tiny", "application/octet-stream",
                                          CONTENT_LENGTH=str(600 * 1024 * 1024))
    assert response.status_code == 413


@pytest.mark.django_db
def test_a_file_that_cannot_be_checked_in_time_waits_for_an_editor(participant_client, settings, mailoutbox):
    settings.SEARCH_EXTRACT_TIMEOUT = 2
    settings.SCREENING_SUBMISSION_SECONDS = 1  # less than one file's limit: the files are held unread
    started = time.monotonic()
    response = participant_client.post("/share/", {**share_data(title="Slow to read"), "files": pdf_upload("slow.pdf")})
    assert response.status_code == 302
    assert time.monotonic() - started < 30
    page = ToolPage.objects.get(title="Slow to read")
    state = page.current_workflow_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS, "not returned to its author: they did nothing wrong"
    held = state.current_task_state.specific
    assert held.task.name == "Automated screening" and held.status == TaskState.STATUS_IN_PROGRESS
    assert [finding["kind"] for finding in held.findings] == ["held-for-editor"]
    assert not page.live
    seen = visit(participant_client, reverse("my_contributions"))
    assert "Waiting for an editor" in seen.text
    assert "waiting for an editor" in mail_to(mailoutbox, "grace.lin")[0].subject
    assert "held for an editor" in mail_to(mailoutbox, "marcus.webb")[0].subject
    assert not mail_to(mailoutbox, "samuel.okafor"), "reviewers are not asked before it is checked"

    # The contributor cannot wave it through; an editor, having checked it by hand, sends it on.
    users = get_user_model().objects.in_bulk(["grace.lin", "marcus.webb"], field_name="username")
    assert held.task.specific.get_actions(page, users["grace.lin"]) == []
    assert "approve" in [name for name, _label, _modal in held.task.specific.get_actions(page, users["marcus.webb"])]
    editor = login(participant_client.__class__(), "marcus.webb")
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", held.pk))
    editor.post(url, {"comment": "Opened it: no patient details."})
    held.refresh_from_db()
    assert held.status == TaskState.STATUS_APPROVED
    assert current_task_state(page).task.name == "Review"
    assert len(mail_to(mailoutbox, "samuel.okafor")) == 1


def crafted_slow_pdf(repeats=200_000):
    """A ~23 KB PDF whose one page holds 200,000 tiny text operations: reading it takes far longer
    than its size suggests (the shape of the 80 KB file that held a worker for 20 s)."""
    import zlib

    stream = zlib.compress(b"BT /F1 1 Tf 1 0 0 1 10 10 Tm (a) Tj ET\n" * repeats, 9)
    page = (
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>"
    )
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        page,
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    pdf, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(pdf))
        pdf += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(pdf)
    pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    pdf += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return pdf


@pytest.mark.django_db
def test_a_crafted_slow_file_is_held_for_an_editor_not_blamed_on_its_contributor(participant_client, settings):
    settings.SEARCH_EXTRACT_TIMEOUT = 2
    started = time.monotonic()
    response = participant_client.post(
        "/share/",
        {
            **share_data(title="Crafted"),
            "files": SimpleUploadedFile("crafted.pdf", crafted_slow_pdf(), content_type="application/pdf"),
        },
    )
    elapsed = time.monotonic() - started
    assert response.status_code == 302, read(response).text[:800]
    page = ToolPage.objects.get(title="Crafted")
    held = page.current_workflow_state.current_task_state.specific
    assert held.task.name == "Automated screening" and held.status == TaskState.STATUS_IN_PROGRESS
    assert [finding["kind"] for finding in held.findings] == ["held-for-editor"]
    assert "Nothing is wrong with what you did" in held.findings[0]["message"]
    assert elapsed < 20, f"one POST held a worker {elapsed:.0f} s"


@pytest.mark.django_db
def test_a_read_that_ran_out_of_time_is_tried_again_later(settings):
    """A time-out may have met a busy server, not a bad file: its record serves the screening that
    follows the upload, and after TIMED_OUT_KEPT the file is read again."""
    import datetime

    from resources.files import text_of
    from resources.files.extract import ExtractionTimedOut
    from resources.models import FileText

    settings.SEARCH_EXTRACT_TIMEOUT = 2
    crafted = crafted_slow_pdf()
    with pytest.raises(ExtractionTimedOut):
        text_of(io.BytesIO(crafted), "crafted.pdf")
    kept = FileText.objects.get(error_type=FileText.TIMED_OUT)

    started = time.monotonic()
    with pytest.raises(ExtractionTimedOut):
        text_of(io.BytesIO(crafted), "crafted.pdf")
    assert time.monotonic() - started < 1, "the screening right after the upload reads the kept answer"

    two_hours_ago = kept.extracted_at - datetime.timedelta(hours=2)
    FileText.objects.filter(pk=kept.pk).update(extracted_at=two_hours_ago)
    started = time.monotonic()
    with pytest.raises(ExtractionTimedOut):
        text_of(io.BytesIO(crafted), "crafted.pdf")
    assert time.monotonic() - started >= 1.5, "read again, not answered from the old record"
    assert FileText.objects.get(pk=kept.pk).extracted_at > two_hours_ago
