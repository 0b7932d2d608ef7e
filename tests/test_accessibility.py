"""The pages people fill in and the lists they read, checked for structure (tests/a11y.py); and
the checker itself, on small pages with one mistake each."""

import pytest
from django.urls import reverse

from resources.models import ToolPage

from .a11y import problems
from .conftest import login

pytestmark = pytest.mark.django_db


def check(client, url, method="get", data=None, status=200):
    response = getattr(client, method)(url, data or {})
    assert response.status_code == status
    assert problems(response.content.decode()) == [], url


@pytest.mark.parametrize("url", ["/", "/library/", "/search/?q=checklist", "/people/", "/organisations/"])
def test_public_pages(client, url):
    check(client, url)


def test_a_resource_page(client):
    check(client, ToolPage.objects.live().public().first().url)


def test_the_share_form_and_its_errors(participant_client):
    check(participant_client, "/share/")
    check(participant_client, "/share/", "post", {"title": ""}, status=400)


def test_contributions_reuse_and_editing(client):
    tom = login(client, "tom.alvarez")
    check(tom, reverse("my_contributions"))
    returned = ToolPage.objects.get(slug="infusion-day-welcome-letter")
    check(tom, reverse("edit_contribution", args=[returned.pk]))
    kenji = login(client.__class__(), "kenji.watanabe")
    check(kenji, reverse("reuse_requests"))
    source = ToolPage.objects.get(slug="jia-cjadas10-disease-activity-form")
    check(tom, reverse("request_reuse", args=[source.pk]))


# The checker: each kind of problem is reported, and a sound page has none.

GOOD_BODY = """
<main>
  <h1>Share a resource</h1>
  <h2>About it</h2>
  <h3>Title</h3>
  <label for="title">Title</label><input id="title" name="title">
  <label>Summary <textarea name="summary"></textarea></label>
  <select name="sort" aria-label="Sort by"><option>Newest</option></select>
  <input type="hidden" name="csrf"><input type="submit" value="Share">
  <fieldset><legend>Licence</legend>
    <label><input type="radio" name="licence" value="1"> CC BY</label>
  </fieldset>
  <h2>Files</h2>
  <script>document.write("<h1>not read</h1><input name='x'>")</script>
</main>
"""


def page(body, without=()):
    """A whole page around ``body``, with a header, a nav and a footer but for those ``without``."""
    parts = {
        "header": "<header><a href='/'>Improvement Commons</a></header>",
        "nav": "<nav><a href='/library/'>Library</a></nav>",
        "footer": "<footer>Improvement Commons</footer>",
    }
    shown = {name: "" if name in without else html for name, html in parts.items()}
    return f"<!doctype html><html><body>{shown['header']}{shown['nav']}{body}{shown['footer']}</body></html>"


def test_the_checker_passes_a_sound_page():
    assert problems(page(GOOD_BODY)) == []


@pytest.mark.parametrize(
    "html, expected",
    [
        (page(GOOD_BODY.replace("<h2>Files</h2>", "<h1>Files</h1>")), ["2 h1 headings (one expected)"]),
        (page(GOOD_BODY.replace("<h1>Share a resource</h1>", "")), ["0 h1 headings (one expected)"]),
        (page(GOOD_BODY.replace("<h3>Title</h3>", "<h4>Title</h4>")), ["heading level skips from h2 to h4"]),
        (page(GOOD_BODY.replace('<label for="title">Title</label>', "")), ["input 'title' has no label"]),
        (page(GOOD_BODY.replace(' aria-label="Sort by"', "")), ["select 'sort' has no label"]),
        (
            page(GOOD_BODY.replace("<legend>Licence</legend>", "")),
            ["radio 'licence' is not in a fieldset with a legend"],
        ),
        (
            page(GOOD_BODY.replace("<fieldset><legend>Licence</legend>", "").replace("</fieldset>", "")),
            ["radio 'licence' is not in a fieldset with a legend"],
        ),
        (page(GOOD_BODY.replace("<main>", "<div>").replace("</main>", "</div>")), ["no <main>"]),
        (page(GOOD_BODY, without=["nav"]), ["no <nav>"]),
        (page(GOOD_BODY, without=["header"]), ["no <header>"]),
        (page(GOOD_BODY, without=["footer"]), ["no <footer>"]),
    ],
    ids=[
        "two h1",
        "no h1",
        "skipped level",
        "unlabelled input",
        "unlabelled select",
        "radio without a legend",
        "radio outside a fieldset",
        "no main",
        "no nav",
        "no header",
        "no footer",
    ],
)
def test_the_checker_reports_each_kind_of_problem(html, expected):
    assert problems(html) == expected
