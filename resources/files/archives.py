"""Limits on ZIP-based files (Word .docx, Excel .xlsx, PowerPoint .pptx): how many parts they hold,
how much they unpack to, and how hard any one part is compressed.

    too_many_declared(handle) -> str | None            # from the ZIP's end record alone
    over_limits(members, max_uncompressed_bytes) -> str | None
    unpacking_problem(handle, max_uncompressed_bytes) -> str | None   # both, opening the ZIP between

Each answer is why the file must not be unpacked, as the end of a sentence ("it holds 12,000 parts
(the limit is 10,000)."), or None. The upload checks (``checks``) turn it into a finding, the parsing
process (``extract_worker``) into a refusal, so both judge a file by the same limits. Nothing here
imports Django: the parsing process uses it.
"""

import os
import struct
import zipfile

# Not settings: deflate tops out near 1030:1 (runs of zeros) while Office XML compresses 5-30:1,
# so 200:1 on any part over 1 MB is a bomb, not a document. Office files have tens to hundreds of
# parts; the cap keeps a crafted central directory from costing much even inside the worker.
MAX_COMPRESSION_RATIO = 200
RATIO_CHECK_MIN_BYTES = 1024 * 1024
MAX_ZIP_MEMBERS = 10_000

_EOCD = b"PK\x05\x06"  # the end of central directory record's signature
_EOCD_SIZE = 22
_MAX_COMMENT = 65535
_ZIP64_ENTRIES = 0xFFFF  # the real count is in the ZIP64 record: left to ``over_limits``


def _too_many_parts(count):
    return f"it holds {count:,} parts (the limit is {MAX_ZIP_MEMBERS:,})."


def declared_entries(handle):
    """The number of entries the ZIP's end record declares, or None when it can't be found (or is
    kept in a ZIP64 record). Reads the last 64 KB only, before ``zipfile`` builds an object per entry."""
    handle.seek(0, os.SEEK_END)
    size = handle.tell()
    handle.seek(max(0, size - _EOCD_SIZE - _MAX_COMMENT))
    tail = handle.read()
    position = tail.rfind(_EOCD)
    if position == -1 or len(tail) - position < _EOCD_SIZE:
        return None
    entries = struct.unpack("<H", tail[position + 10 : position + 12])[0]
    return None if entries == _ZIP64_ENTRIES else entries


def too_many_declared(handle):
    """Why a ZIP whose end record declares more than ``MAX_ZIP_MEMBERS`` parts must not be opened, or None."""
    entries = declared_entries(handle)
    if entries is not None and entries > MAX_ZIP_MEMBERS:
        return _too_many_parts(entries)
    return None


def over_limits(members, max_uncompressed_bytes):
    """Why an archive with ``members`` (``ZipFile.infolist()``) must not be unpacked, or None: more
    than ``MAX_ZIP_MEMBERS`` parts, more than ``max_uncompressed_bytes`` in all, or a part over
    ``RATIO_CHECK_MIN_BYTES`` compressed more than ``MAX_COMPRESSION_RATIO`` times over."""
    if len(members) > MAX_ZIP_MEMBERS:
        return _too_many_parts(len(members))
    total = sum(member.file_size for member in members)
    if total > max_uncompressed_bytes:
        return (
            f"it unpacks to {total / 1024 / 1024:,.0f} MB, more than the "
            f"{max_uncompressed_bytes / 1024 / 1024:g} MB limit."
        )
    for member in members:
        if member.file_size > RATIO_CHECK_MIN_BYTES:
            ratio = member.file_size / max(member.compress_size, 1)
            if ratio > MAX_COMPRESSION_RATIO:
                return (
                    f"part of it is compressed {ratio:,.0f} times over, the mark of a decompression bomb "
                    "rather than a document."
                )
    return None


# What opening a damaged or foreign ZIP may raise (``unpacking_problem`` lets the caller say it).
UNREADABLE = (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError, struct.error)


def unpacking_problem(handle, max_uncompressed_bytes):
    """Why the ZIP in ``handle`` must not be unpacked, or None: its end record first (so a crafted
    central directory is not even read), then its parts. Raises one of ``UNREADABLE`` when it cannot
    be opened as a ZIP at all."""
    why = too_many_declared(handle)
    if why is not None:
        return why
    handle.seek(0)
    with zipfile.ZipFile(handle) as archive:
        members = archive.infolist()
    return over_limits(members, max_uncompressed_bytes)
