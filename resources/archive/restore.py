"""Restoring an archive into an empty database (``manage.py import_commons IN.zip``).

Everything is checked before anything is written: that the file is one of our archives, of this
format version, within the ZIP limits, complete, every member matching its SHA-256, every published
release's file matching the checksum recorded when it was published; then that it was made by the
same schema as this database, and that the database and media storage hold nothing it would
overwrite. Then the
rows go in, in one transaction, with their primary keys; the files are put in storage; the
reference index and the search indexes are rebuilt.
"""

import io
import json
import zipfile
from contextlib import contextmanager

from django.conf import settings
from django.core.cache import caches
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import IntegrityError, connection, transaction
from django.db.migrations.executor import MigrationExecutor

from resources.files import archives

from . import ArchiveError, layout, rows, tables

# An archive of a large commons with its files is tens of gigabytes at most; past this it is not one.
MAX_UNPACKED_BYTES = 500 * 1024**3


@contextmanager
def open_archive(path):
    """The open ZIP and its manifest, once the file is known to be one of our archives."""
    try:
        handle = open(path, "rb")
    except OSError as error:
        raise ArchiveError(f"{path} cannot be read: {error.strerror}.") from None
    with handle:
        too_many = archives.too_many_declared(handle)
        if too_many:
            raise ArchiveError(f"{path} is not an archive of the commons: {too_many}")
        handle.seek(0)
        try:
            archive = zipfile.ZipFile(handle)
        except zipfile.BadZipFile:
            raise ArchiveError(f"{path} is not a ZIP file, so not an archive made by export_commons.") from None
        with archive:
            members = archive.infolist()
            problem = archives.over_limits(members, MAX_UNPACKED_BYTES)
            if problem:
                raise ArchiveError(f"{path} will not be unpacked: {problem}")
            yield archive, read_manifest(path, archive)


def read_manifest(path, archive):
    try:
        info = archive.getinfo(layout.MANIFEST)
    except KeyError:
        raise ArchiveError(
            f"{path} is not an archive made by export_commons: it has no {layout.MANIFEST}."
        ) from None
    if info.file_size > layout.MAX_MANIFEST_BYTES:
        raise ArchiveError(f"{path} is not an archive made by export_commons: its manifest is far too large.")
    try:
        manifest = json.loads(archive.read(info))
    except (ValueError, zipfile.BadZipFile, OSError) as error:
        raise ArchiveError(f"{path} is damaged: its manifest cannot be read ({error}).") from None
    if not isinstance(manifest, dict) or manifest.get("format") != layout.FORMAT:
        raise ArchiveError(f"{path} is not an archive made by export_commons: its manifest is another kind.")
    version = manifest.get("format_version")
    if version != layout.FORMAT_VERSION:
        raise ArchiveError(
            f"{path} is an archive of format version {version}; this version of the commons restores "
            f"version {layout.FORMAT_VERSION} only. Restore it with the version of the commons that made it."
        )
    if not isinstance(manifest.get("tables"), list) or not isinstance(manifest.get("files"), list):
        raise ArchiveError(f"{path} is damaged: its manifest lists no tables or files.")
    return manifest


def _missing(these, those):
    """``app.migration`` names in ``these`` and not in ``those`` ({app: [names]} both)."""
    return sorted(f"{app}.{name}" for app, names in these.items() for name in names if name not in those.get(app, []))


def check_schema(manifest):
    """The database is migrated, and to the same migrations as the database the archive came from."""
    executor = MigrationExecutor(connection)
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        raise ArchiveError("This database is not fully migrated: run `manage.py migrate`, then import again.")
    ours, theirs = layout.applied_migrations(), manifest.get("migrations") or {}
    missing_here, missing_there = _missing(theirs, ours), _missing(ours, theirs)
    if missing_here:
        raise ArchiveError(
            "The archive was made by a newer version of the commons (its database had migrations this one "
            f"does not: {', '.join(missing_here[:5])}). Restore it with that version."
        )
    if missing_there:
        raise ArchiveError(
            "The archive was made by an older version of the commons (this database has migrations it did "
            f"not: {', '.join(missing_there[:5])}). Restore it with the version that made it, then upgrade "
            "with `manage.py migrate`."
        )


def existing_content():
    """What the database already holds beyond what ``migrate`` makes, as words; empty when none."""
    from django.contrib.auth import get_user_model
    from django.contrib.contenttypes.models import ContentType
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Page

    from contributors.models import ContributorProfile, Organisation
    from resources.models import Licence, ResourcePage

    counted = [
        (ResourcePage.objects.count(), "resources"),
        (Page.objects.exclude(content_type=ContentType.objects.get_for_model(Page)).count(), "pages"),
        (get_user_model().objects.count(), "user accounts"),
        (Organisation.objects.count(), "organisations"),
        (ContributorProfile.objects.count(), "people"),
        (Licence.objects.count(), "licences"),
        (get_document_model().objects.count(), "documents"),
        (get_image_model().objects.count(), "images"),
    ]
    return ", ".join(f"{count} {what}" for count, what in counted if count)


def check_empty():
    found = existing_content()
    if found:
        raise ArchiveError(
            f"This database already holds content ({found}). An archive is restored only into an empty "
            "database, so that nothing is overwritten or mixed: create a new database, run "
            "`manage.py migrate`, then import into it."
        )


def _table_entries(manifest):
    """{model: manifest entry} for every table the archive holds, checked against this code's models."""
    models = {model._meta.label_lower: model for model in tables.exported_models()}
    entries = {}
    for entry in manifest["tables"]:
        model = models.get(entry.get("model"))
        if model is None:
            raise ArchiveError(
                f"The archive holds a table this version of the commons does not restore: {entry.get('model')}."
            )
        expected = [field.attname for field in rows.columns(model)]
        if entry.get("columns") != expected:
            raise ArchiveError(
                f"The archive's {model._meta.label} table has other columns than this version of the commons "
                "expects: restore it with the version that made it."
            )
        entries[model] = entry
    return entries


def verify_members(path, archive, manifest):
    """Every member named, present, unaltered (SHA-256), and nothing else in the ZIP."""
    named = [entry.get("member") for entry in manifest["tables"] + manifest["files"]]
    in_zip = archive.namelist()
    if len(set(in_zip)) != len(in_zip):
        raise ArchiveError(f"{path} is not an archive made by export_commons: it names one member twice.")
    unlisted = set(in_zip) - set(named) - {layout.MANIFEST}
    if unlisted:
        raise ArchiveError(
            f"{path} has been altered: it holds {', '.join(sorted(unlisted)[:5])}, which its manifest does not list."
        )
    for entry in manifest["files"]:
        name = entry.get("name")
        if not layout.safe_storage_name(name) or entry.get("member") != layout.media_member(name):
            raise ArchiveError(
                f"{path} has been altered: its manifest names a file outside the media storage ({name})."
            )
    for entry in manifest["tables"] + manifest["files"]:
        member = entry["member"]
        try:
            info = archive.getinfo(member)
        except KeyError:
            raise ArchiveError(f"{path} is incomplete: {member}, listed in its manifest, is missing.") from None
        try:
            with archive.open(info) as handle:
                sha256, size = layout.sha256_of(handle)
        except (zipfile.BadZipFile, OSError, EOFError) as error:  # zipfile checks each member's CRC
            raise ArchiveError(f"{path} is damaged: {member} cannot be read ({error}).") from None
        if sha256 != entry.get("sha256") or size != entry.get("size"):
            raise ArchiveError(
                f"{path} is damaged or has been altered: {member} does not match the checksum in its manifest. "
                "Nothing was restored; use another copy of the archive."
            )


def _rows(archive, entry):
    with archive.open(entry["member"]) as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def check_released_files(archive, entries, manifest):
    """Each file of a published release is the file that was published: its archived bytes match the
    checksum the release recorded then (a second check, beside the manifest's, that an archive
    altered together with its manifest cannot pass)."""
    from wagtail.documents import get_document_model

    from resources.models import Release, ReleaseFile

    by_model = {model._meta.label_lower: entry for model, entry in entries.items()}

    def rows_of(model):
        entry = by_model.get(model._meta.label_lower)
        return _rows(archive, entry) if entry else ()

    published = {row["id"]: row for row in rows_of(Release) if row["published_at"]}
    documents = {row["id"]: row["file"] for row in rows_of(get_document_model())}
    checksums = {entry["name"]: entry["sha256"] for entry in manifest["files"]}
    for row in rows_of(ReleaseFile):
        release = published.get(row["release_id"])
        if release is None or not row["sha256"]:
            continue
        name = documents.get(row["document_id"])
        if checksums.get(name) != row["sha256"]:
            raise ArchiveError(
                f"The archive's file {name} of release {release['label']} is not the file that was published "
                "(its checksum differs from the one recorded at publication). Nothing was restored."
            )


def check_media_free(manifest):
    """No file the archive would put in storage is there already with other bytes."""
    from django.core.files.storage import default_storage

    taken = []
    for entry in manifest["files"]:
        name = entry["name"]
        if default_storage.exists(name):
            with default_storage.open(name, "rb") as handle:
                if layout.sha256_of(handle)[0] != entry["sha256"]:
                    taken.append(name)
    if taken:
        raise ArchiveError(
            f"The media storage already holds other files under names the archive uses ({', '.join(taken[:5])}). "
            "Restore into an empty media folder or bucket (MEDIA_ROOT)."
        )


def _write_files(archive, manifest, written):
    from django.core.files import File
    from django.core.files.storage import default_storage

    for entry in manifest["files"]:
        name = entry["name"]
        if default_storage.exists(name):  # the same bytes (check_media_free)
            continue
        with archive.open(entry["member"]) as handle:
            saved = default_storage.save(name, File(handle, name=name))
        written.append(saved)
        if saved != name:
            raise ArchiveError(f"The media storage stored {name} as {saved}; restore into an empty media storage.")


def _insert_rows(archive, entries):
    reader = rows.RowReader()
    for model in tables.rebuilt_models() + list(reversed(tables.exported_models())):
        rows.delete_all(model)  # what migrate made: Wagtail's welcome page, the roles, the workflow...
    counts = {}
    for model, entry in entries.items():
        fields = rows.columns(model)
        batch = []
        for data in _rows(archive, entry):
            batch.append(reader.values(model, fields, data))
            if len(batch) >= 1000:
                rows.insert(model, fields, batch)
                batch = []
        rows.insert(model, fields, batch)
        counts[model._meta.label] = entry["rows"]
    for sql in connection.ops.sequence_reset_sql(no_style(), list(entries)):
        with connection.cursor() as cursor:
            cursor.execute(sql)
    try:
        connection.check_constraints()
    except IntegrityError as error:
        raise ArchiveError(
            f"The archive's rows refer to rows it does not hold, so it cannot be restored: {error}"
        ) from None
    return counts


def _delete_written(written):
    from django.core.files.storage import default_storage

    for name in written:
        default_storage.delete(name)


def restore_archive(path, rebuild_search=True):
    """Restore the archive at ``path``; returns {model label: rows restored}. Raises ArchiveError,
    having changed nothing, when the archive or the database is not fit."""
    with open_archive(path) as (archive, manifest):
        # The archive is judged whole first, then the database and storage it would go into.
        entries = _table_entries(manifest)
        verify_members(path, archive, manifest)
        check_released_files(archive, entries, manifest)
        check_schema(manifest)
        check_empty()
        check_media_free(manifest)
        written = []
        try:
            with transaction.atomic():
                counts = _insert_rows(archive, entries)
                _write_files(archive, manifest, written)
                call_command("rebuild_references_index", verbosity=0)
        except BaseException:
            _delete_written(written)
            raise
    if "pages" in settings.CACHES:
        caches["pages"].clear()  # pages of whatever this cache served before
    if rebuild_search:
        call_command("search_index", "rebuild", "--quiet", stdout=io.StringIO())
        call_command("update_index", verbosity=0, stdout=io.StringIO())
    return counts
