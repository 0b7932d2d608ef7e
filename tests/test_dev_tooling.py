"""The Makefile's test targets for a real server or cluster refuse to run without one, instead of
quietly testing SQLite or skipping every engine-specific test."""

import os
import subprocess
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent


def make(target, **env):
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DATABASE_URL", "OPENSEARCH_URL", "ELASTICSEARCH_URL", "MAKEFLAGS", "MAKELEVEL")
    }
    environment.update(env)
    # A target that does not refuse goes on to install and run a suite: the timeout ends that.
    return subprocess.run(
        ["make", "--no-print-directory", target], cwd=PROJECT, env=environment, capture_output=True, text=True,
        timeout=60,
    )


@pytest.mark.parametrize("database_url", [None, "sqlite:///var/commons.sqlite3"])
def test_make_test_postgres_refuses_without_a_postgresql_database_url(database_url):
    result = make("test-postgres", **({"DATABASE_URL": database_url} if database_url else {}))
    assert result.returncode != 0
    assert "make test-postgres needs DATABASE_URL=postgres://" in result.stdout
    assert "pytest" not in result.stdout + result.stderr, "it went on to run the tests"


def test_make_test_search_refuses_without_a_cluster():
    result = make("test-search")
    assert result.returncode != 0
    assert "make test-search needs OPENSEARCH_URL and/or ELASTICSEARCH_URL" in result.stdout
    assert "pytest" not in result.stdout + result.stderr, "it went on to run the tests"
