"""Writing an archive of the whole commons (``manage.py export_commons OUT.zip``)."""

import datetime
import hashlib
import io
import json
import os
import zipfile
from contextlib import contextmanager

from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, models, transaction
from django.utils import timezone

from . import ArchiveError, layout, rows, tables


class ExactJSONEncoder(DjangoJSONEncoder):
    """Django's encoder, but times keep their microseconds (it cuts them to milliseconds), so that a
    restored row is the row that was exported."""

    def default(self, o):
        if isinstance(o, (datetime.datetime, datetime.time)):
            return o.isoformat()
        return super().default(o)


@contextmanager
def snapshot():
    """One consistent view of every table, even while people keep working: one transaction, made
    REPEATABLE READ on PostgreSQL (SQLite's read transaction is a snapshot already)."""
    outermost = not connection.in_atomic_block
    with transaction.atomic():
        if outermost and connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        yield


def _file_fields(model):
    return [field for field in rows.columns(model) if isinstance(field, models.FileField)]


def _write_table(archive, model, writer, files):
    """Write ``model``'s rows as JSON Lines; note the stored files they name in ``files``."""
    fields = rows.columns(model)
    file_fields = _file_fields(model)
    member = layout.data_member(model)
    count = 0
    with archive.open(member, "w", force_zip64=True) as raw:
        out = io.TextIOWrapper(raw, encoding="utf-8", newline="\n")
        for obj in model._base_manager.order_by("pk").iterator(chunk_size=2000):
            out.write(json.dumps(writer.row(obj, fields), cls=ExactJSONEncoder, ensure_ascii=False))
            out.write("\n")
            count += 1
            for field in file_fields:
                name = getattr(obj, field.attname).name
                if name:
                    files.setdefault(name, (field.storage, f"{model._meta.verbose_name} {obj.pk}"))
        out.flush()
        out.detach()
    with archive.open(member) as handle:
        sha256, size = layout.sha256_of(handle)
    return {
        "model": model._meta.label_lower,
        "member": member,
        "columns": [field.attname for field in fields],
        "rows": count,
        "size": size,
        "sha256": sha256,
    }


def _write_file(archive, name, storage):
    member = layout.media_member(name)
    with storage.open(name, "rb") as source, archive.open(member, "w", force_zip64=True) as target:
        digest, size = hashlib.sha256(), 0
        for chunk in iter(lambda: source.read(layout.CHUNK), b""):
            digest.update(chunk)
            target.write(chunk)
            size += len(chunk)
    return {"name": name, "member": member, "size": size, "sha256": digest.hexdigest()}


def _check_release_files(files_by_name):
    """A published release's file whose bytes no longer match the checksum recorded when it was
    published would be refused on restore: say so now, while the original can still be found."""
    from resources.models import ReleaseFile

    problems = []
    published = ReleaseFile.objects.filter(release__published_at__isnull=False).exclude(sha256="")
    for release_file in published.select_related("document", "release__resource"):
        entry = files_by_name.get(release_file.document.file.name)
        if entry and entry["sha256"] != release_file.sha256:
            problems.append(
                f"{release_file.document.file.name} (release {release_file.release.label} of "
                f"“{release_file.release.resource.title}”)"
            )
    return problems


def write_archive(path):
    """Write the archive to ``path`` (replaced only once complete) and return its manifest."""
    models_to_write = tables.exported_models()
    partial = f"{path}.partial"
    try:
        with snapshot(), zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            writer = rows.RowWriter()
            files, table_entries = {}, []
            for model in models_to_write:
                table_entries.append(_write_table(archive, model, writer, files))
            missing, file_entries = [], []
            for name, (storage, owner) in sorted(files.items()):
                if not layout.safe_storage_name(name) or not storage.exists(name):
                    missing.append(f"{name} ({owner})")
                    continue
                file_entries.append(_write_file(archive, name, storage))
            if missing:
                raise ArchiveError(
                    "These stored files are named by the database but missing from the media storage, so "
                    "the archive would be incomplete: " + "; ".join(missing) + ". Restore them from another "
                    "copy (or remove the rows naming them), then export again."
                )
            altered = _check_release_files({entry["name"]: entry for entry in file_entries})
            if altered:
                raise ArchiveError(
                    "These files of published releases no longer match the checksum recorded when they were "
                    "published: " + "; ".join(altered) + ". Put the original files back, then export again."
                )
            manifest = {
                "format": layout.FORMAT,
                "format_version": layout.FORMAT_VERSION,
                "created_at": timezone.now().isoformat(),
                "database": connection.vendor,
                "migrations": layout.applied_migrations(),
                "sensitive": (
                    "Holds password hashes, e-mail addresses, API token digests, network-only resources, "
                    "drafts and reuse requests: keep it as safe as the database itself (docs/backup.md)."
                ),
                "tables": table_entries,
                "files": file_entries,
            }
            archive.writestr(layout.MANIFEST, json.dumps(manifest, indent=1, ensure_ascii=False))
        os.replace(partial, path)
    finally:
        if os.path.exists(partial):
            os.remove(partial)
    return manifest
