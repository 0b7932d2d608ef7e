"""Every route is classified (tests/routes.py), and every route holds when it is visited by an
anonymous visitor, by a participant who does not own the record it names, and by a network admin.

The sweep names a participant's draft everywhere a route takes a page, a document or a release: a
draft whose title, body, tag and file carry one unusual word. Whatever the route, that word never
reaches anyone but the people who may see the draft, and no route answers 500.
"""

import re

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Collection, Site, Task, Workflow

from contributors.models import ContributorProfile, Organisation
from resources.models import Licence
from search.models import SearchQueryLog

from .conftest import login
from .routes import RULES, all_routes, classify, fill
from .world import SECRET, build_world

pytestmark = pytest.mark.django_db

# Routes of the admin that anyone may open: signing in and the files the sign-in page needs.
ADMIN_OPEN = {"sign-in"}
ADMIN_SHELL_OPEN = re.compile(r"^admin/(jsi18n|sprite)/$")
# What a participant may not open at all. Reports are open to everyone with admin access and list
# only what the person may see (the draft check below covers them). The workflow task chooser lists
# task names to anyone; creating a task needs the permission (tests/test_permission_matrix.py).
PARTICIPANT_REFUSED = {
    "users", "workflows", "site settings", "vocabularies and people", "invitations", "series admin",
}
PARTICIPANT_OPEN = re.compile(r"^admin/workflows/task_chooser/")


def test_every_route_is_classified():
    unclassified = [route for route, _pattern in all_routes() if classify(route) is None]
    assert not unclassified, (
        "New routes nobody has classified: add each to tests/routes.py RULES with the kind of object it "
        "exposes, and make sure that kind's guard covers it (docs/security.md):\n" + "\n".join(unclassified)
    )


def test_every_rule_still_names_a_route():
    routes = [route for route, _pattern in all_routes()]
    stale = [rule for rule, _kind in RULES if not any(re.search(rule, route) for route in routes)]
    assert not stale, f"Rules that match no route any more (remove them): {stale}"


@pytest.fixture
def world():
    """tests/world.py's records, and what to put in each placeholder of a route."""
    records = build_world()
    draft, document = records["draft"], records["draft_document"]
    published_release = records["published_release"]
    root_collection = Collection.get_first_root_node()
    first_task = Task.objects.order_by("pk").first()
    log = SearchQueryLog.objects.create(query="huddle", result_count=1, engine="embedded")
    records["values"] = {
        "page_id": draft.pk, "parent_page_id": draft.pk, "page_to_move_id": draft.pk,
        "destination_id": draft.get_parent().pk, "revision_id": draft.latest_revision.pk,
        "content_type_app_name": "resources", "content_type_model_name": "toolpage",
        "app_label": "resources", "model_name": "toolpage", "action_name": "approve",
        "task_state_id": 1, "task_id": first_task.pk, "workflow_state_id": 1,
        "document_id": document.pk, "doc_id": document.pk, "uploaded_file_id": 1,
        "image_id": records["image"].pk, "filter_spec": "original", "name": "missing.png",
        "release_id": published_release.pk, "file_id": records["published_file"].pk,
        "filename": records["published_file"].filename,
        "search_id": log.pk, "position": 1, "request_id": records["reuse_request"].pk,
        "adoption_id": records["draft_adoption"].pk,
        "collection_id": root_collection.pk, "redirect_id": 1, "restriction_id": 1,
        "page_view_restriction_id": 1, "session_id": 1, "object_id": draft.pk,
        "slug": ContributorProfile.objects.order_by("pk").first().slug,
        "condition": "ibd",  # the draft's condition: its feed must not show the draft
        "uidb64": "MQ", "token": "set-password", "action": "delete",
        # Grace's centre's series of a draft change package, titled with the secret word.
        "series_id": records["draft_series"].pk, "annotation_id": records["draft_series_note"].pk,
        "measure_id": records["draft_series"].measure_id,  # a measure of the draft package
    }
    # ``pk`` names a different kind of record on each screen.
    records["pk"] = {
        "users": records["root"].pk, "groups": Group.objects.get(name="Network admins").pk,
        "sites": Site.objects.first().pk, "collections": root_collection.pk,
        "workflows/tasks": first_task.pk, "workflows": Workflow.objects.first().pk,
        "resources/release": records["draft_release"].pk,
        "resources/licence": Licence.objects.order_by("pk").first().pk,
        "contributors/organisation": Organisation.objects.order_by("pk").first().pk,
        "contributors/contributorprofile": ContributorProfile.objects.order_by("pk").first().pk,
        "invitations": records["invitation"].pk,
        "evidence-series": records["draft_series"].pk,
        "api/main/^pages": draft.pk, "api/main/^documents": document.pk, "api/main/^images": records["image"].pk,
    }
    return records


# Routes spelled as regular expressions, and the URL the sweep asks for.
def _regex_urls(world):
    draft = world["draft"]
    revision = draft.latest_revision
    document = world["draft_document"]
    return {
        "revisions_compare": f"/admin/pages/{draft.pk}/revisions/compare/earliest...{revision.pk}/",
        "wagtaildocs_serve": f"/documents/{document.pk}/{document.filename}",
        "wagtail_serve": "/library/",
        "default": "/admin/no-such-screen/",
    }


def sweep_urls(world):
    """``[(route, kind, url)]`` for every GET-able route of the site, filled with the world's ids."""
    regex_urls = _regex_urls(world)
    urls = []
    for route, pattern in all_routes():
        kind = classify(route)
        values = dict(world["values"])
        for prefix, pk in world["pk"].items():
            if f"/{prefix}/" in f"/{route}".replace("snippets/choose/", "snippets/"):
                values["pk"] = pk
        if "(?P" in route or route.endswith("$") or "^((" in route:
            name = pattern.name or pattern.lookup_str.rsplit(".", 1)[-1]
            url = regex_urls.get(name)
        else:
            url = fill(route.replace("^", ""), values)
        if url is not None:
            urls.append((route, kind, url))
    return urls


def _visit(client, url):
    """The response, or the exception a crash raised (the test client re-raises it): a finding
    like a 500, reported with the URL."""
    try:
        return client.get(url)
    except Exception as error:
        return error


def _body(response):
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode("utf-8", "replace")
    return response.content.decode("utf-8", "replace")


def _sweep(client, world, expect):
    problems = []
    urls = sweep_urls(world)
    assert len(urls) > 250, "the sweep should reach nearly every route"
    for route, kind, url in urls:
        response = _visit(client, url)
        if isinstance(response, Exception):
            problems.append(f"{url}: raised {response!r}")
            continue
        body = _body(response)
        if response.status_code >= 500:
            problems.append(f"{url}: {response.status_code}")
            continue
        problem = expect(route, kind, url, response, body)
        if problem:
            problems.append(f"{url} ({kind}): {problem}")
    assert not problems, "\n".join(problems)


def _sent_to_sign_in(response):
    return response.status_code == 302 and "login" in response["Location"]


def test_anonymous_visitors_reach_no_admin_screen_and_no_draft(client, world):
    def expect(route, kind, url, response, body):
        if SECRET in body.lower():
            return "shows the draft"
        if route.startswith("admin/") and kind not in ADMIN_OPEN and not ADMIN_SHELL_OPEN.match(route):
            if not _sent_to_sign_in(response) and response.status_code not in (403, 404, 405):
                return f"answered {response.status_code} instead of the sign-in page"
        return None

    _sweep(client, world, expect)


def test_another_participant_reaches_no_draft_and_no_screen_beyond_their_role(client, world):
    login(client, "tom.alvarez")

    def expect(route, kind, url, response, body):
        if SECRET in body.lower():
            return "shows Grace's draft to Tom"
        if kind in PARTICIPANT_REFUSED and response.status_code == 200 and not PARTICIPANT_OPEN.match(route):
            return "open to a participant"
        return None

    _sweep(client, world, expect)


def test_a_network_admin_gets_no_server_error_and_cannot_touch_an_administrator(client, world):
    login(client, "olivia.chen")
    superuser = world["root"]

    def expect(route, kind, url, response, body):
        if kind == "users" and f"/{superuser.pk}/" in url and re.search(r"/(edit|delete|copy)/", url):
            if response.status_code == 200:
                return "a network admin may open an administrator's account"
        return None

    _sweep(client, world, expect)
