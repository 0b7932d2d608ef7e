import shutil

import pytest
from django.core.management import call_command


def pytest_sessionfinish(session, exitstatus):
    """Remove the media folder the test settings made for this session (never a TEST_MEDIA_ROOT
    someone named: that one is theirs)."""
    from django.conf import settings

    temporary = getattr(settings, "TEMPORARY_MEDIA_ROOT", None)
    if temporary:
        shutil.rmtree(temporary, ignore_errors=True)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the demo network once per test session; each test runs in a transaction that is
    rolled back, so tests may change it freely."""
    with django_db_blocker.unblock():
        call_command("load_demo", verbosity=0, stdout=open("/dev/null", "w"))


@pytest.fixture(autouse=True)
def empty_page_cache():
    """Each test starts with no cached pages and nothing kept from the search index: the database
    (the embedded index with it) is rolled back after a test, the caches are not
    (commons_site/page_cache.py, search.service.related)."""
    from django.core.cache import caches

    from search import service

    caches["pages"].clear()
    service.index_changed()


@pytest.fixture
def library(db):
    from resources.models import LibraryPage

    return LibraryPage.objects.get()


@pytest.fixture
def home(db):
    from resources.models import HomePage

    return HomePage.objects.get()


def login(client, username):
    """``client`` signed in as ``username``; with no username it stays anonymous."""
    from django.contrib.auth import get_user_model

    if username is None:
        return client
    client.force_login(get_user_model().objects.get(username=username))
    return client


@pytest.fixture
def participant_client(client, db):
    return login(client, "grace.lin")


@pytest.fixture
def editor_client(client, db):
    return login(client, "marcus.webb")
