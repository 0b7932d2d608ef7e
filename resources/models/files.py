"""The text read from files, kept by the SHA-256 of their content (see ``resources.files``)."""

import datetime
from dataclasses import asdict

from django.db import models
from django.utils import timezone

from ..files.extract import (
    KINDS,
    ExtractedText,
    ExtractionFailed,
    ExtractionTimedOut,
    UnsupportedFile,
    current_limits,
    extract_text,
    file_extension,
)


class FileText(models.Model):
    """What ``resources.files.extract`` answered for one file's content, kept under the content's SHA-256 so
    that a file is parsed once, whoever asks (an upload check, the screening step, indexing).

    It knows nothing of who holds the file: any number of documents may share one row. A row holds
    the extractor's answer as it gave it: the parts (``text`` joins them), whether the text is
    incomplete, the spreadsheet cells that would run as formulas, or the refusal or failure and its
    message. Messages are stored worded for a placeholder name and re-worded for the name asked
    about, so a refusal reads the same as if the file had been parsed under that name.

    Only the name's extension changes what the extractor answers (CSV or plain text; a refusal's
    wording), and only for plain text and refusals: a row made under another extension is used
    for a PDF or Office file's text, and re-extracted otherwise. A row made under other limits
    (``SEARCH_EXTRACT_*``) that shape the result is re-extracted too.
    """

    UNSUPPORTED = "unsupported"
    FAILED = "failed"
    TIMED_OUT = "timed-out"
    # A read that ran out of time may have met a busy server rather than a bad file: its answer
    # serves the screening that follows the upload, and later requests try again.
    TIMED_OUT_KEPT = datetime.timedelta(hours=1)
    # The placeholder file name extraction runs under; messages are re-worded from it.
    NAME = "\u27e8file\u27e9"
    # Limits that change what a successful extraction returns (time and memory only decide failures).
    SHAPING_LIMITS = ("max_chars", "max_pages", "max_uncompressed_mb")

    sha256 = models.CharField(max_length=64, unique=True)
    extension = models.CharField(max_length=20, blank=True, help_text="The extension of the name it was read under.")
    kind = models.CharField(max_length=8, blank=True)
    parts = models.JSONField(default=list, help_text="[location, text] pairs, as the extractor returned them.")
    truncated = models.BooleanField(default=False)
    formula_cells = models.JSONField(default=list)
    formula_cell_count = models.PositiveIntegerField(default=0)
    error_type = models.CharField(
        max_length=12,
        blank=True,
        choices=[(UNSUPPORTED, "unsupported file"), (FAILED, "extraction failed"), (TIMED_OUT, "ran out of time")],
    )
    error = models.TextField(blank=True, help_text="Why no text could be extracted, if so.")
    limits = models.JSONField(default=dict, help_text="The extraction limits it was read under.")
    extracted_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return self.sha256

    @property
    def text(self):
        return "\n".join(text for _location, text in self.parts)

    @classmethod
    def extract(cls, source, filename, sha256):
        """``extract_text(source, filename)`` for content whose hash is ``sha256``: the kept answer
        when it still applies, else a fresh extraction, kept. Returns an ``ExtractedText`` or
        raises ``UnsupportedFile``/``ExtractionFailed`` as the extractor does."""
        extension = file_extension(filename)[:20]
        limits = asdict(current_limits())
        kept = cls.objects.filter(sha256=sha256).first()
        if kept is None or not kept.applies_to(extension, limits):
            kept = cls._extracted(source, sha256, extension, limits)
        return kept.answer(filename)

    @classmethod
    def _extracted(cls, source, sha256, extension, limits):
        values = {
            "extension": extension,
            "limits": limits,
            "kind": "",
            "parts": [],
            "truncated": False,
            "formula_cells": [],
            "formula_cell_count": 0,
            "error_type": "",
            "error": "",
        }
        try:
            result = extract_text(source, cls._placeholder(extension))
        except UnsupportedFile as error:
            values.update(error_type=cls.UNSUPPORTED, error=str(error))
        except ExtractionFailed as error:
            failure = cls.TIMED_OUT if isinstance(error, ExtractionTimedOut) else cls.FAILED
            values.update(error_type=failure, error=str(error))
        else:
            values.update(
                kind=result.kind,
                parts=[list(part) for part in result.parts],
                truncated=result.truncated,
                formula_cells=[list(cell) for cell in result.formula_cells],
                formula_cell_count=result.formula_cell_count,
            )
        kept, _created = cls.objects.update_or_create(sha256=sha256, defaults=values)
        return kept

    @classmethod
    def _placeholder(cls, extension):
        return f"{cls.NAME}.{extension}" if extension else cls.NAME

    def applies_to(self, extension, limits):
        """Whether this answer is what extracting now, under a name with ``extension``, would give."""
        if any(self.limits.get(name) != limits[name] for name in self.SHAPING_LIMITS):
            return False
        if self.error_type in (self.FAILED, self.TIMED_OUT) and self.limits != limits:
            return False  # it may have run out of time or memory that it now has
        if self.error_type == self.TIMED_OUT and timezone.now() - self.extracted_at > self.TIMED_OUT_KEPT:
            return False
        parsed_document = not self.error_type and self.kind in KINDS and self.kind not in ("txt", "csv")
        return parsed_document or self.extension == extension

    def answer(self, filename):
        if self.error_type:
            message = self.error.replace(self._placeholder(self.extension), filename or "The file")
            error_class = {self.UNSUPPORTED: UnsupportedFile, self.TIMED_OUT: ExtractionTimedOut}
            raise error_class.get(self.error_type, ExtractionFailed)(message)
        return ExtractedText(
            text=self.text,
            parts=[(location, text) for location, text in self.parts],
            kind=self.kind,
            truncated=self.truncated,
            formula_cells=[tuple(cell) for cell in self.formula_cells],
            formula_cell_count=self.formula_cell_count,
        )
