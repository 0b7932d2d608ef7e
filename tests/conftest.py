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
def empty_caches():
    """Each test starts with empty caches: the database (the embedded index with it) is rolled back
    after a test, the caches are not. So no cached page (commons_site/page_cache.py), nothing kept
    from the search index (search.service.related) and no chart kept for a series whose id a
    rolled-back test used (resources/evidence/chart_cache.py) is seen by the next test."""
    from django.core.cache import caches

    caches["pages"].clear()
    caches["default"].clear()


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


# Centres' data (tests/test_evidence_*.py): a change package with one measure, and two demo centres.


@pytest.fixture
def package(db):
    from .builders import make_change_package

    return make_change_package("Clinic flow change package", measures=[("Clinic visits on time", "%", "up")])


@pytest.fixture
def measure(package):
    return package.measures.get()


@pytest.fixture
def northfield(db):
    from contributors.models import Organisation

    return Organisation.objects.get(slug="northfield-childrens")  # Grace's and Samuel's centre


@pytest.fixture
def lakeshore(db):
    from contributors.models import Organisation

    return Organisation.objects.get(slug="lakeshore-paediatrics")  # Tom's centre
