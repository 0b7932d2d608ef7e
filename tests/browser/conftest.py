"""Real-browser tests: Playwright drives Debian's chromium against a live server.

Run them with `make test-browser` (or `pytest -m browser tests/browser` once the `browser` extra is
installed); the default `pytest`/`make test` leaves them out (`-m 'not browser'` in pyproject.toml).

The database
------------
The suite loads the demo network once per session (tests/conftest.py) and runs each test in a
transaction that is rolled back. A live server answers the browser from another thread, so
these tests are transactional instead (pytest-django's ``live_server`` asks for
``transactional_db``): what the browser creates is committed, and the test can check it through
the ORM. A transactional test empties every table when it ends, so the demo must come back before
the next one. Django's own answer is a serialized rollback: when the browser tests start, the
database (the demo, as loaded for the session) is serialized once; each browser test
(``serialized_rollback=True``) loads that snapshot before it runs, and is flushed after.
pytest-django runs transactional tests after all the rolled-back ones, so in a session that
mixes them (``pytest -m ''``), no other test ever sees the emptied database.

The SQLite test database lives in memory: the live server thread shares the test's connection
(Django's LiveServerThread does this), so it sees the same data.
"""

import importlib.util
import os
import time
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
HAS_PLAYWRIGHT = importlib.util.find_spec("playwright") is not None

if not HAS_PLAYWRIGHT:
    # The `browser` extra is not installed (a plain `make test`, which deselects these tests
    # anyway): don't import them, so that the default suite needs no Playwright.
    collect_ignore_glob = ["test_*.py"]


def pytest_report_header(config):
    if not HAS_PLAYWRIGHT:
        return "browser tests: not collected (Playwright is missing; `make test-browser` installs it)"
    return f"browser tests: chromium at {CHROMIUM}" + ("" if Path(CHROMIUM).exists() else " (missing)")


# What every browser test module sets as its `pytestmark` (see the module docstring).
BROWSER_TEST = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The session's database (migrated, with the demo loaded by tests/conftest.py), snapshotted
    for the serialized rollback of each browser test."""
    from django.db import connections

    with django_db_blocker.unblock():
        for connection in connections.all():
            connection._test_serialized_contents = connection.creation.serialize_db_to_string()


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no chromium at {CHROMIUM} (apt-get install chromium, or set CHROMIUM)")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an asyncio event loop in the test's thread, and Django refuses
    # database calls from a thread with a running loop. The calls made here are ordinary
    # synchronous ones (the database setup, the tests' own checks, the flush after each test), so
    # allow them while the browser is open.
    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    """A fresh browser tab (no cookies) whose relative URLs go to the live server."""
    from django.core.cache import cache

    # Nothing cached by an earlier test (its pages are gone) may leak into this one.
    cache.clear()
    context = browser.new_context(base_url=live_server.url, locale="en-GB")
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    # Let every request the page started be answered before the tab closes: a request still being
    # served would hold the shared in-memory database while the test's data is flushed ("database
    # table is locked"), which a loaded machine makes likely (the usage beacon, Swagger UI's fetches).
    try:
        page.wait_for_load_state("networkidle", timeout=10_000)
    except Exception:  # a page that never settles still has its tab closed; the flush says the rest
        pass
    context.close()


def sign_in(page, username, password="improve-together"):
    """Signs in the way a person does: the sign-in page, its form, the button."""
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    from playwright.sync_api import expect

    expect(page.get_by_role("button", name="Sign out")).to_be_visible()


@pytest.fixture
def participant_page(page):
    sign_in(page, "grace.lin")
    return page


def wait_until(condition, timeout=10.0):
    """Waits for something the live server does on its own (a request the browser sends without
    Playwright seeing it) to show in the database; fails after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"still not true after {timeout:g} s: {condition}")
        time.sleep(0.05)
