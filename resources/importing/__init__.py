"""Bulk import of resources from a manifest (``manage.py import_resources``; docs/import.md).

    import_manifest(path, user, *, publish=False, progress=None) -> Result

- ``manifest``: reading a CSV or JSON Lines manifest into rows, every problem with its line;
- ``checks``: checking every row (values, vocabulary, licence, files through the gate, ids,
  permissions; with ``publish``, the screening the publish guard will do) before anything is written;
- ``writer``: writing the rows the way /share/ writes a contribution, then submitting each to the
  review workflow or publishing it.

All or nothing: the manifest is checked and written in one transaction, and when any row has a
problem (or the publish guard refuses one) it is rolled back and the files stored are removed.
The search index is brought up to date once, after the transaction, for every resource written,
and the page cache purged once. New resources of a draft import are made a batch at a time
(``bulk``: the same rows as one by one, each table written once per batch).
"""

import contextlib
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from search.indexing import index_pages, paused

from ..page_cache import purged_once
from ..review.guards import PublishRefused
from ..review.sharing import removing_stored_files_on_failure
from .checks import check_rows
from .manifest import COLUMNS, Problem, read_manifest
from .writer import Outcome, write_plans

__all__ = ["COLUMNS", "Problem", "Result", "import_manifest"]


@dataclass
class Result:
    rows: int = 0
    problems: list = field(default_factory=list)
    outcome: Outcome = field(default_factory=Outcome)

    @property
    def ok(self):
        return not self.problems


class _RolledBack(Exception):
    pass


def _no_progress(total, description):
    return None


def import_manifest(path, user, *, publish=False, progress=_no_progress):
    """Check and write the manifest at ``path`` as ``user``. ``progress(total, description)``
    returns something with ``update(n)`` and ``close()`` (a tqdm bar), or None."""
    path = Path(path)
    rows, problems = read_manifest(path)
    result = Result(rows=len(rows), problems=problems)
    if problems and not rows:
        return result
    # One purge of the page cache for what the rows changed and for the search index's update after
    # the transaction (which says which lists changed), rather than one for each.
    with purged_once():
        try:
            with paused(), removing_stored_files_on_failure([]) as stored, transaction.atomic():
                with _bar(progress, len(rows), "Checking") as bar:
                    plans, row_problems = check_rows(rows, path.parent, user, publish=publish, progress=bar)
                result.problems += row_problems
                if result.problems:
                    raise _RolledBack
                with _bar(progress, len(plans), "Importing") as bar:
                    result.outcome = write_plans(plans, user, stored, publish=publish, progress=bar)
        except _RolledBack:
            return result
        except PublishRefused as refused:
            # Checked before writing, so only what changed in between reaches here: say which row.
            line = next((plan.line for plan in plans if plan.form.instance.pk == getattr(refused.page, "pk", None)), 0)
            result.problems = [Problem(line, f"not publishable: {refused.message}")]
            result.outcome = Outcome()
            return result
        if result.outcome.written:
            index_pages(result.outcome.written)
    return result


@contextlib.contextmanager
def _bar(progress, total, description):
    bar = progress(total, description)
    try:
        yield bar
    finally:
        if bar is not None:
            bar.close()
