"""File storage that deletes a file only once nothing can still need it.

Wagtail's document and image editors delete the old file *before* they save the new one
(``BaseDocumentForm.save``, ``BaseImageForm.save``); if the save is then refused (a released file)
or fails, the row still points at a file that is gone. Here a delete asked for inside a
transaction waits for the commit, so a rolled-back change keeps its file; and at that moment a
file that a row still names (a document, an image, a rendition) is kept. A file that belongs to a
published release is never deleted while its document exists.
"""

import logging
from functools import partial

from django.apps import apps
from django.core.files.storage import FileSystemStorage
from django.db import models, transaction

logger = logging.getLogger(__name__)


def _file_fields():
    return [
        (model, field)
        for model in apps.get_models()
        if not model._meta.proxy
        for field in model._meta.concrete_fields
        if isinstance(field, models.FileField)
    ]


def file_is_referenced(name):
    """Whether any row still names the stored file ``name``."""
    return any(model._base_manager.filter(**{field.attname: name}).exists() for model, field in _file_fields())


def _refuse_if_released(name):
    from wagtail.documents import get_document_model

    from .models.releases import (
        ReleaseLocked,
        published_release_of,
        released_document_message,
    )

    for document in get_document_model()._base_manager.filter(file=name):
        release = published_release_of(document)
        if release is not None:
            raise ReleaseLocked(released_document_message(release))


class DeleteAfterCommitMixin:
    """Mix into any Django storage (local disk, S3-compatible) to defer its deletes."""

    def delete(self, name):
        if not name:
            return super().delete(name)
        if transaction.get_connection().in_atomic_block:
            # The change that asked for the delete may still be refused or rolled back.
            transaction.on_commit(partial(self._delete_unless_referenced, name), robust=True)
            return
        _refuse_if_released(name)
        super().delete(name)

    def _delete_unless_referenced(self, name):
        if file_is_referenced(name):
            logger.warning("Kept %s: a row still names it after the change that deleted it was committed.", name)
            return
        super().delete(name)


class TransactionalFileSystemStorage(DeleteAfterCommitMixin, FileSystemStorage):
    pass
