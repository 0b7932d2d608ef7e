"""What the automated screening task checks, for one submitted revision.

    screen_revision(revision) -> list[Finding]       # [] means it passed

- the page's own text: every text field of the resource and of its inline items (measures,
  citations...), the text of its StreamFields and its tags, for protected health information;
- the files that would be published with it: the files of its unpublished releases and every
  document its StreamFields link to (``resources.screening.files.screen_file``);
- the licence: chosen, and compatible with the source's when it is an adaptation, honouring a
  recorded reuse grant (``resources.models.reuse.grant_for``).

Published releases are not screened again: they were screened when they were published and can
never change.
"""

from django.db import models
from modelcluster.models import get_all_child_relations
from wagtail.documents import get_document_model
from wagtail.fields import StreamField
from wagtail.models import Page

from ..screening.files import screen_file
from ..screening.licences import check_licence
from ..screening.text import screen_fields

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
    document_model = get_document_model()
    linked_ids = set()
    for field in page._meta.concrete_fields:
        if isinstance(field, StreamField):
            for model, object_id, _path, _content_path in field.extract_references(getattr(page, field.name)):
                if issubclass(model, document_model):
                    linked_ids.add(int(object_id))
    seen = {document.pk for document, _name in files}
    files += [
        (document, document.filename)
        for document in document_model.objects.filter(pk__in=linked_ids - seen).order_by("pk")
    ]
    return files


def screen_page(page):
    from ..models import grant_for

    findings = list(screen_fields(page_text(page)))
    for document, filename in documents_to_publish(page):
        with document.file.open("rb") as handle:
            findings.extend(screen_file(handle, filename=filename))
    source = page.adapted_from
    grant = grant_for(source, page) if source is not None else None
    findings.extend(check_licence(page.licence, source.licence if source is not None else None, grant))
    return findings


def screen_revision(revision):
    return screen_page(revision.as_object())


def summary_comment(findings):
    """The task's comment: what the contributor reads in the history and the e-mail."""
    if not findings:
        return "Screening passed: the files, the text and the licence raised no problem."
    lines = [f"Screening found {len(findings)} problem{'s' if len(findings) != 1 else ''} to fix before review:"]
    lines += [f"- {finding.message}" for finding in findings]
    return "\n".join(lines)
