"""The harvest of the demo network by a real OAI-PMH client (Sickle) over HTTP, against a live server.

``live_server`` answers from another thread, so these tests are transactional and end with every
table flushed. As in tests/browser/conftest.py, the session's database (migrated, the demo loaded by
tests/conftest.py) is serialized once here, and each test here
(``django_db(transaction=True, serialized_rollback=True)``) loads that snapshot before it runs.
pytest-django runs transactional tests after the rolled-back ones, so no other test sees the
flushed database. The override applies to this folder only.
"""

from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    from django.db import connections

    with django_db_blocker.unblock():
        for connection in connections.all():
            connection._test_serialized_contents = connection.creation.serialize_db_to_string()


def pytest_collection_modifyitems(items):
    """On PostgreSQL these tests are skipped. A live-server test ends by truncating Django's tables,
    which PostgreSQL refuses while the search app's own vector table
    (search/migrations/0005_postgres_vector_table.py) refers to one of them, empty or not. The
    harvest is an HTTP client's view of the views tests/test_oai.py checks on every database."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return
    here = Path(__file__).parent
    skip = pytest.mark.skip(reason="the live-server harvest runs on SQLite: PostgreSQL refuses its flush")
    for item in items:
        if here in Path(item.path).parents:
            item.add_marker(skip)
