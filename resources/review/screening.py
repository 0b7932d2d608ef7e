"""What the automated screening task checks, for one submitted revision.

    screen_page(revision.as_object()) -> list[Finding]       # [] means it passed

- the page's own text: every text field of the resource and of its inline items (measures,
  citations...), the text of its StreamFields and its tags, for protected health information;
- the files that would be published with it: the files of its unpublished releases and every
  document its StreamFields link to (``resources.screening.files.screen_file``);
- the licence: chosen, and compatible with the source's when it is an adaptation, honouring a
  recorded reuse grant (``resources.models.reuse.grant_for``).

Published releases are not screened again: they were screened when they were published and can
never change.

Approval is bound to what was screened: ``fingerprint(page, revision)`` names the revision, the
page's text and the SHA-256 of every file publishing would make available. The screening records
it; approving and publishing recompute it, and anything changed is screened again first
(``resources.models.review``, ``resources.review.guards``).

Screening runs as background work (``screen_submission``, enqueued by ``ScreeningTask.start``):
in production the worker reads the files and text after the request has answered, records the
outcome and moves the workflow on; a screening that fails with an error is held for an editor
rather than left waiting for ever.

Screening is bounded: a submission's files get ``SCREENING_SUBMISSION_SECONDS`` (default 60) in
all, on top of each file's own extraction limit (``SEARCH_EXTRACT_TIMEOUT``). A file that could not
be checked in time is not the contributor's fault: it gets a ``held-for-editor`` finding, and the
contribution waits for an editor instead of going back to its author or passing unread.
"""

import hashlib
import json
import logging
import time

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import models, transaction
from django_tasks import task
from modelcluster.models import get_all_child_relations
from wagtail.documents import get_document_model
from wagtail.fields import StreamField
from wagtail.models import Page

from resources.files import TIMED_OUT
from resources.files.extract import current_limits

from ..screening.files import screen_file
from ..screening.findings import BLOCK, CHECK, Finding
from ..screening.licences import check_licence
from ..screening.text import screen_fields

logger = logging.getLogger(__name__)

# Resource fields that name systems, not people (Page's own fields are skipped whole; its title is read).
NOT_PROSE = {"ehr"}


def _text_fields(instance, exclude_model=None):
    """(name, text) of the instance's own prose fields (not those ``exclude_model`` defines)."""
    for field in instance._meta.concrete_fields:
        if field.model is exclude_model or field.name in NOT_PROSE:
            continue
        if isinstance(field, (models.CharField, models.TextField)) and not field.choices:
            yield field.name, getattr(instance, field.name)


def _stream_text(instance):
    for field in instance._meta.concrete_fields:
        if isinstance(field, StreamField):
            text = "\n".join(str(part) for part in field.get_searchable_content(getattr(instance, field.name)))
            yield field.name, text


def page_text(page):
    """``{field label: text}`` for everything a contributor wrote on the page."""
    fields = {"title": page.title, **dict(_text_fields(page, exclude_model=Page))}
    fields.update(_stream_text(page))
    fields["tags"] = ", ".join(tag.name for tag in page.tags.all())
    for relation in get_all_child_relations(page):
        name = relation.get_accessor_name()
        for number, child in enumerate(getattr(page, name).all(), start=1):
            label = f"{relation.related_model._meta.verbose_name} {number}"
            for field_name, text in _text_fields(child):
                fields[f"{label} {field_name.replace('_', ' ')}"] = text
    return {label.replace("_", " "): text for label, text in fields.items() if text}


def documents_to_publish(page):
    """The documents that publishing this revision would make available: files of releases not yet
    published, and documents linked from its StreamFields."""
    from ..models import ReleaseFile

    files = [
        (release_file.document, release_file.filename)
        for release_file in ReleaseFile.objects.filter(
            release__resource_id=page.pk, release__published_at__isnull=True
        ).select_related("document")
    ]
    return files + linked_documents(page, {document.pk for document, _name in files})


def linked_documents(page, exclude_ids=()):
    """(document, download name) of each document the page's StreamFields link to, by id, but those
    of ``exclude_ids`` (already among its release files). No query when it links none."""
    document_model = get_document_model()
    linked_ids = set()
    for field in page._meta.concrete_fields:
        if isinstance(field, StreamField):
            for model, object_id, _path, _content_path in field.extract_references(getattr(page, field.name)):
                if issubclass(model, document_model):
                    linked_ids.add(int(object_id))
    linked_ids -= set(exclude_ids)
    if not linked_ids:
        return []
    documents = document_model.objects.filter(pk__in=linked_ids).order_by("pk")
    return [(document, document.filename) for document in documents]


HELD = "held-for-editor"  # ``Finding.kind``: a file the screening could not finish in time
DEFAULT_SUBMISSION_SECONDS = 60


def submission_seconds():
    return float(getattr(settings, "SCREENING_SUBMISSION_SECONDS", DEFAULT_SUBMISSION_SECONDS))


def held_finding(filename):
    return Finding(
        file=filename,
        kind=HELD,
        location="whole file",
        masked="",
        message=(
            f"{filename} is held for an editor: it could not be checked in time. Nothing is wrong with "
            "what you did; an editor will check it by hand before it goes any further."
        ),
    )


def error_finding():
    """A screening that failed with an error (ours, not the contributor's): held for an editor."""
    return Finding(
        file="",
        kind=HELD,
        location="whole contribution",
        masked="",
        message=(
            "The automatic check stopped with an error on our side. Nothing is wrong with what you did; "
            "an editor will check it by hand before it goes any further."
        ),
    )


def _field(finding, name, default=None):
    """``finding.name`` of a ``Finding`` or of its stored dict."""
    value = finding.get(name) if isinstance(finding, dict) else getattr(finding, name, None)
    return default if value is None else value


def blocking(findings):
    """The findings that stop a contribution (every one without a severity, as stored before there were any)."""
    return [finding for finding in findings if _field(finding, "severity", BLOCK) != CHECK]


def to_check(findings):
    """The findings shown to the contributor and the reviewers without stopping anything: contact
    details that are usually an organisation's (a clinic's phone line, a team mailbox)."""
    return [finding for finding in findings if _field(finding, "severity", BLOCK) == CHECK]


def is_held(findings):
    """Findings (``Finding`` objects or their dicts) whose only blocking ones say some files await an editor."""
    return {_field(finding, "kind") for finding in blocking(findings)} == {HELD}


def _screen_files_within_budget(files, budget):
    """Findings for each (document, filename), spending at most ``budget`` seconds in all. A file
    is only started when a whole extraction limit still fits, so the total stays within it; one
    that ran into its own limit was not read through, which is held too, not blamed on anyone."""
    per_file = current_limits().timeout
    deadline = time.monotonic() + budget
    findings = []
    for document, filename in files:
        if deadline - time.monotonic() < per_file:
            findings.append(held_finding(filename))
            continue
        with document.file.open("rb") as handle:
            found = screen_file(handle, filename=filename)
        if any(finding.kind == TIMED_OUT for finding in found):
            found = [finding for finding in found if finding.kind != TIMED_OUT] + [held_finding(filename)]
        findings.extend(found)
    return findings


def screen_page(page, budget=None):
    """Every finding for the page as it is: its text, its files to publish and its licence.
    ``budget``: seconds for the files (default ``SCREENING_SUBMISSION_SECONDS``)."""
    from ..models import grant_for

    findings = list(screen_fields(page_text(page)))
    budget = submission_seconds() if budget is None else budget
    findings.extend(_screen_files_within_budget(documents_to_publish(page), budget))
    source = page.adapted_from
    grant = grant_for(source, page) if source is not None else None
    findings.extend(check_licence(page.licence, source.licence if source is not None else None, grant))
    return findings


# What was screened ---------------------------------------------------------------------------------


def file_sha256(document):
    """The SHA-256 of a document's file, read in chunks (the screening fingerprint names each file by it)."""
    digest = hashlib.sha256()
    with document.file.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1024 * 1024), b""):
            digest.update(chunk)
    return digest.hexdigest()


def fingerprint(page, revision, files=None):
    """What screening this revision covers, as data: ``{"revision", "text", "files"}``; each file
    as ``[document id, download name, SHA-256]``. ``page``: the revision's content
    (``revision.as_object()``). ``files``: its ``(document, download name)`` pairs when the caller
    knows them already (the import's batches); else ``documents_to_publish`` finds them."""
    text = json.dumps(page_text(page), sort_keys=True, ensure_ascii=False)
    files = documents_to_publish(page) if files is None else files
    return {
        "revision": revision.pk if revision is not None else None,
        "text": hashlib.sha256(text.encode()).hexdigest(),
        "licence": [page.licence_id, page.adapted_from_id],
        "files": [[document.pk, filename, file_sha256(document)] for document, filename in files],
    }


def digest(screened):
    """One short string for a fingerprint, to store and compare."""
    return hashlib.sha256(json.dumps(screened, sort_keys=True).encode()).hexdigest()


def what_changed(before, after):
    """In words: how ``after`` differs from the ``before`` fingerprint that was screened."""
    changes = []
    if before.get("revision") != after.get("revision"):
        changes.append("a newer version of the page was saved")
    elif before.get("text") != after.get("text"):
        changes.append("its text changed")
    if before.get("licence") != after.get("licence") and before.get("revision") == after.get("revision"):
        changes.append("its licence changed")
    screened = {file_id: (name, sha) for file_id, name, sha in before.get("files", [])}
    now = {file_id: (name, sha) for file_id, name, sha in after.get("files", [])}
    for file_id, (name, sha) in now.items():
        if file_id not in screened:
            changes.append(f"{name} was added")
        elif screened[file_id][1] != sha:
            changes.append(f"{name} was replaced")
    changes += [f"{name} was removed" for file_id, (name, _sha) in screened.items() if file_id not in now]
    return "; ".join(changes) or "it changed"


def summary_comment(findings):
    """The task's comment: what the contributor reads in the history and the e-mail."""
    stops, checks = blocking(findings), to_check(findings)
    confirm = [f"- {finding.message}" for finding in checks]
    if not stops:
        if not checks:
            return "Screening passed: the files, the text and the licence raised no problem."
        return "\n".join(["Screening passed. For the reviewers to confirm (these do not stop it):", *confirm])
    if is_held(findings):
        files = [finding.file for finding in stops if finding.file]
        if len(files) < len(stops):  # ``error_finding``: no file to name
            lines = ["Screening stopped with an error, so it is held for an editor to check by hand."]
        else:
            names = ", ".join(files)
            lines = [f"Screening could not check {names} in time, so it is held for an editor to check by hand."]
    else:
        lines = [f"Screening found {len(stops)} problem{'s' if len(stops) != 1 else ''} to fix before review:"]
        lines += [f"- {finding.message}" for finding in stops]
    if checks:
        lines += ["Also for the reviewers to confirm (these do not stop it):", *confirm]
    return "\n".join(lines)


# The screening step's work, in the background ------------------------------------------------------


@task()
def screen_submission(task_state_id, user_id=None):
    """Screen the revision a ``ScreeningTaskState`` was started for and record the outcome: passed
    (on to review), findings (back to its author), or held for an editor. ``user_id``: who submitted
    it, for the workflow's next step. Does nothing for a run that was cancelled or decided meanwhile."""
    from ..models import ScreeningTaskState

    state = ScreeningTaskState.objects.select_related("revision").filter(pk=task_state_id).first()
    if state is None or not state.is_being_screened:
        return
    try:
        findings = screen_page(state.revision.as_object())
    except Exception:  # never leave a contribution "being screened" for ever: an editor takes it
        logger.exception("Screening task state %s failed; holding it for an editor", task_state_id)
        findings = [error_finding()]
    user = get_user_model().objects.filter(pk=user_id).first() if user_id is not None else None
    with transaction.atomic():
        state = ScreeningTaskState.objects.select_for_update().filter(pk=task_state_id).first()
        if state is not None and state.is_being_screened:
            _record_outcome(state, findings, user)


def _record_outcome(state, findings, user):
    from . import notifications

    workflow_state = state.workflow_state
    # Inside ``start()`` (the immediate backend) Wagtail's ``WorkflowState.update`` moves the
    # workflow on once this returns; afterwards (the worker) the run is waiting here, so this moves it.
    moves_on = workflow_state.current_task_state_id == state.pk
    # The receipt Wagtail's ``workflow_submitted`` would have sent waited for this outcome
    # (``ReceiptNotifier``); a run's first step is its submission (a resumed run has no receipt).
    receipt_due = moves_on and not workflow_state.task_states.exclude(pk=state.pk).exists()
    comment = summary_comment(findings)
    state.findings = [finding.as_dict() for finding in findings]
    if is_held(findings):
        state.comment = comment
        state.save(update_fields=["findings", "comment"])
        notifications.notify_held(state)
        if receipt_due:
            notifications.receipt_notifier(instance=workflow_state, user=user)
        return
    state.save(update_fields=["findings"])
    stops = blocking(findings)
    if stops:
        state.reject(update=False, comment=comment)
    else:
        state.approve(update=False, comment=comment)
    if moves_on:
        workflow_state.refresh_from_db()
        workflow_state.update(user=user)
        if receipt_due and not stops:
            notifications.receipt_notifier(instance=workflow_state, user=user)
