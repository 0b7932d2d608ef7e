"""Export and restore of the whole commons as one ZIP archive (``manage.py export_commons`` and
``manage.py import_commons``; see docs/backup.md).

    export.write_archive(path) -> manifest (dict)          # export.py
    restore.restore_archive(path) -> {model label: rows}   # restore.py
    ArchiveError                                           # every refusal, its message for the operator

What is carried and what is rebuilt is decided per model in ``tables.py``; how a row becomes JSON
and back in ``rows.py``; the archive's layout and its manifest in ``layout.py``.
"""


class ArchiveError(Exception):
    """An archive that cannot be made or restored; the message says why and what to do."""
