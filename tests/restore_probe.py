"""Run in a fresh process by tests/test_export_restore.py: migrate an empty database (DATABASE_URL),
restore an archive into it with ``import_commons``, export the restored commons again, then
answer each URL the test names, as the visitor it names.

    python -m tests.restore_probe ARCHIVE REQUESTS_JSON ANSWERS_JSON RE_EXPORT_ZIP

REQUESTS_JSON is ``[[username or null, url], ...]``; ANSWERS_JSON receives ``{"answers": [...]}``
in the same order (see ``answer``), and whether the demo password signs in.
"""

import io
import json
import os
import sys


def answer(client, url):
    """What a visitor gets at ``url``: status, content type and the body (text, or bytes as latin-1)."""
    response = client.get(url)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    kind = response.get("Content-Type", "")
    text = body.decode("utf-8") if kind.startswith(("text/", "application/xml", "application/json")) else None
    return {"status": response.status_code, "type": kind, "location": response.get("Location", ""),
            "text": text, "bytes": None if text is not None else body.decode("latin-1")}


def answers(requests):
    """Answers to ``[[username, url], ...]``, each visitor with their own client (and session)."""
    from django.contrib.auth import get_user_model
    from django.test import Client

    clients = {}
    found = []
    for username, url in requests:
        if username not in clients:
            clients[username] = Client()
            if username:
                clients[username].force_login(get_user_model().objects.get(username=username))
        found.append(answer(clients[username], url))
    return found


def signs_in(username, password):
    """Whether the sign-in form lets ``username`` in with ``password``."""
    from django.test import Client

    client = Client()
    client.post("/accounts/login/", {"username": username, "password": password})
    return "_auth_user_id" in client.session


def main(archive, requests_path, answers_path, re_export_path):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "commons_site.settings.test")
    import django

    django.setup()
    from django.core.management import call_command
    from django.test.utils import setup_test_environment

    setup_test_environment()  # ALLOWED_HOSTS for the test client, templates rendered as in tests
    quiet = io.StringIO()
    call_command("migrate", verbosity=0, stdout=quiet)
    call_command("import_commons", archive, stdout=quiet)
    # Exported again before any visit: visits count downloads, searches and sign-ins.
    call_command("export_commons", re_export_path, stdout=quiet)
    with open(requests_path) as handle:
        requests = json.load(handle)
    result = {
        "answers": answers(requests),
        "password_signs_in": signs_in("grace.lin", "improve-together"),
    }
    with open(answers_path, "w") as handle:
        json.dump(result, handle)


if __name__ == "__main__":
    main(*sys.argv[1:])
