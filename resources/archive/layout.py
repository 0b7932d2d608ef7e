"""The archive's layout: a ZIP holding ``manifest.json``, a JSON Lines file of rows per table under
``data/``, and the stored files under ``media/`` by their storage names.

The manifest says what the archive is (``format`` and ``format_version``), when and by which
schema it was made (the migrations applied), and names every other member with its SHA-256, its
size and, for tables, the number of rows; a restore reads nothing the manifest does not name and
checks every checksum before it writes anything.
"""

import hashlib
import posixpath

from django.db import connection
from django.db.migrations.recorder import MigrationRecorder

FORMAT = "improvement-commons-archive"
# Raise when the layout or the meaning of a member changes; a restore refuses other versions.
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
DATA_PREFIX = "data/"
MEDIA_PREFIX = "media/"
# A manifest of a large commons is a few megabytes; a bigger one is not ours.
MAX_MANIFEST_BYTES = 64 * 1024 * 1024
CHUNK = 1024 * 1024


def data_member(model):
    return f"{DATA_PREFIX}{model._meta.label_lower}.jsonl"


def media_member(name):
    return f"{MEDIA_PREFIX}{name}"


def safe_storage_name(name):
    """Whether ``name`` is a relative path inside the storage (no ``..``, not absolute, no backslash)."""
    if not name or name.startswith("/") or "\\" in name or "\x00" in name:
        return False
    return posixpath.normpath(name) == name and not name.startswith("../") and name != ".."


def applied_migrations():
    """{app label: sorted migration names} applied to this database."""
    applied = {}
    for app, name in MigrationRecorder(connection).applied_migrations():
        applied.setdefault(app, []).append(name)
    return {app: sorted(names) for app, names in sorted(applied.items())}


def sha256_of(handle):
    digest = hashlib.sha256()
    size = 0
    for chunk in iter(lambda: handle.read(CHUNK), b""):
        digest.update(chunk)
        size += len(chunk)
    return digest.hexdigest(), size
