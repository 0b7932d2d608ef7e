"""The load scenario for ``bench/load.py``: a public commons' traffic, run by locust.

Mostly anonymous visitors (home, the library with and without filters, resource pages of each type,
collections, people and organisations, releases and their files, search with a facet), a few
participants who sign in through the site's form and share a tool with a PDF, and reviewers who
sign in, open the Wagtail dashboard and approve contributions awaiting their review.

What to visit comes from the catalogue bench/load.py writes (``LOAD_CATALOGUE``): the demo network's
real addresses, facet values with resources behind them, and the accounts. Requests are named by
endpoint, so locust's figures are per endpoint rather than per URL. A response that is not what the
person should see (a wrong status, a refusal, a share form back with errors, a sign-in that did not
sign in) is a failure with a reason.

    LOAD_CATALOGUE=var/bench/load/catalogue.json locust -f bench/locustfile.py --host http://127.0.0.1:8000
"""

import html
import itertools
import json
import os
import random
import re
import sys
from http.cookiejar import DefaultCookiePolicy
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from locust import between, events, task
from locust.contrib.fasthttp import FastHttpUser

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
# Plain Python and Pillow (no Django): the demo's own writer of small PDFs with real text.
from resources.demo.files import make_pdf  # noqa: E402

CATALOGUE = json.loads(Path(os.environ.get("LOAD_CATALOGUE", "var/bench/load/catalogue.json")).read_text())

# What people type into the search box: the demo network's subjects, a QI acronym, a phrase.
QUERIES = ["clinic", "transition", "huddle", "anaemia", "PDSA", "calprotectin", "checklist", "pre-visit planning",
           "remission", "families", "run chart", "insulin pump", "handout", "medication"]
CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
CSRF_ADMIN = re.compile(r'"CSRF_TOKEN": "([^"]+)"')  # the Wagtail admin's config, which its scripts send
ERRORS = re.compile(r'<ul class="errorlist[^"]*"[^>]*>(.*?)</ul>', re.DOTALL)
# The dashboard's action buttons: /admin/pages/workflow/action/<page>/approve/<task state>/.
APPROVE_BUTTON = re.compile(r'<button data-workflow-action-url="([^"]*/approve/(\d+)/)"\s*>')
# The admin's messages (its templates for new ones, with class="error" too, follow this list).
ADMIN_MESSAGES = re.compile(r'data-w-messages-target="container">(.*?)</ul>', re.DOTALL)
ADMIN_ERROR = re.compile(r'<li class="error">(.*?)</li>', re.DOTALL)


def text_of(fragment, limit=300):
    return html.unescape(re.sub(r"<[^>]+>|\s+", " ", fragment)).strip()[:limit]


# The figures, written when locust quits (``LOAD_RESULTS``) -----------------------------------------
# Locust's CSV statistics are last written when it starts to quit, before the users stopping at the
# end of the run have finished their last requests; these are taken after, so nothing is missed.

_environment = None


@events.init.add_listener
def _keep_environment(environment, **kwargs):
    global _environment
    _environment = environment


@events.quit.add_listener
def _save_figures(exit_code, **kwargs):
    if not os.environ.get("LOAD_RESULTS") or _environment is None:
        return
    stats = _environment.stats

    def figures(entry, method, name):
        return {"method": method, "name": name, "requests": entry.num_requests, "failures": entry.num_failures,
                "p50_ms": entry.get_response_time_percentile(0.5), "p95_ms": entry.get_response_time_percentile(0.95),
                "max_ms": entry.max_response_time, "rate": entry.total_rps}

    entries = sorted(stats.entries.values(), key=lambda entry: (entry.name, entry.method))
    results = {
        "endpoints": [figures(entry, entry.method, entry.name) for entry in entries if entry.num_requests],
        "total": figures(stats.total, "", "Aggregated"),
        "failures": [error.serialize() for error in stats.errors.values()],
        # Errors in this file's own code (a task that raised): the scenario did not run as written.
        "exceptions": [{"count": exception["count"], "traceback": exception["traceback"][-1500:]}
                       for exception in _environment.runner.exceptions.values()],
    }
    Path(os.environ["LOAD_RESULTS"]).write_text(json.dumps(results, indent=1))


class CommonsUser(FastHttpUser):
    """What every simulated person shares: the proxy's header, cookies over plain HTTP, checks."""

    abstract = True
    # The production settings redirect plain HTTP to HTTPS; the proxy in front of a real server says
    # the request came over HTTPS, and so do we.
    default_headers = {"X-Forwarded-Proto": "https", "User-Agent": "commons-load-test (locust)"}

    def on_start(self):
        # The site's cookies are Secure (production settings). TLS ends at the proxy in front of
        # gunicorn, so the browser would send them; locust speaks plain HTTP to gunicorn directly, and
        # a cookie jar by the book would keep them back, leaving every form without its CSRF cookie.
        self.client.cookiejar.set_policy(DefaultCookiePolicy(secure_protocols=("https", "wss", "http")))
        self.origin = "https://" + urlsplit(self.host).netloc

    def get(self, name, url, contains=None, check=None):
        """GET ``url`` as endpoint ``name``; a failure unless it answers 200 (with ``contains``), or
        when ``check(response)`` gives a reason."""
        with self.client.get(url, name=name, catch_response=True) as response:
            if response.status_code != 200:
                response.failure(f"answered {response.status_code}, not 200 ({url})")
            elif contains is not None and contains not in (response.text or ""):
                response.failure(f"the page lacks {contains!r} ({url})")
            elif check is not None and (reason := check(response)):
                response.failure(reason)
            return response

    def post(self, name, url, data, referer, files=None):
        """A form sent as the browser sends it: Origin and Referer, which Django's CSRF check wants on
        HTTPS, and no redirect followed, so the caller judges the answer itself."""
        headers = {"Origin": self.origin, "Referer": self.origin + referer}
        return self.client.post(url, data=data, files=files, name=name, headers=headers, allow_redirects=False,
                                catch_response=True)

    def csrf_token(self, response):
        found = CSRF_INPUT.search(response.text or "") or CSRF_ADMIN.search(response.text or "")
        return found.group(1) if found else None

    def sign_in(self, username):
        form = self.get("sign-in form", "/accounts/login/")
        token = self.csrf_token(form)
        if token is None:
            return False
        data = {"csrfmiddlewaretoken": token, "username": username, "password": CATALOGUE["password"], "next": ""}
        with self.post("sign in (POST)", "/accounts/login/", data, referer="/accounts/login/") as response:
            # Signed in: a redirect away from the form. The form again (200) lists what went wrong.
            if response.status_code == 302 and "/accounts/login/" not in response.headers.get("Location", ""):
                self.username = username
                return True
            errors = ERRORS.findall(response.text or "") or ["no error shown"]
            response.failure(f"{username} was not signed in: {response.status_code}, {text_of(errors[0])}")
        return False


class Visitor(CommonsUser):
    """An anonymous visitor: most of a public commons' traffic (and every crawler's)."""

    weight = 42
    wait_time = between(1, 4)

    @task(10)
    def home(self):
        self.get("home", "/")

    @task(8)
    def library(self):
        self.get("library", CATALOGUE["library"])

    @task(8)
    def library_filtered(self):
        # One or two facets, a value of each that has resources behind it, as a visitor ticks them.
        named = [name for name, values in CATALOGUE["facets"].items() if values]
        facets = random.sample(named, k=random.choice([1, 2]))
        query = urlencode([(facet, random.choice(CATALOGUE["facets"][facet])) for facet in facets])
        self.get("library, filtered", f"{CATALOGUE['library']}?{query}")

    @task(12)
    def resource(self):
        kind = random.choice([kind for kind, urls in CATALOGUE["resources"].items() if urls])
        self.get(f"{kind} page", random.choice(CATALOGUE["resources"][kind]))

    @task(3)
    def collection(self):
        self.get("collection", random.choice(CATALOGUE["collections"]))

    @task(2)
    def people(self):
        self.get("people", "/people/")

    @task(3)
    def person(self):
        self.get("a person", random.choice(CATALOGUE["people"]))

    @task(1)
    def organisations(self):
        self.get("organisations", "/organisations/")

    @task(2)
    def organisation(self):
        self.get("an organisation", random.choice(CATALOGUE["organisations"]))

    @task(4)
    def release(self):
        self.get("release", random.choice(CATALOGUE["releases"])["url"])

    @task(4)
    def download(self):
        url = random.choice([url for release in CATALOGUE["releases"] for url in release["files"]])
        with self.client.get(url, name="release file download", catch_response=True) as response:
            if response.status_code != 200:
                response.failure(f"answered {response.status_code}, not 200 ({url})")
            elif "attachment" not in response.headers.get("Content-Disposition", "") or not response.content:
                response.failure(f"not a file download ({url})")

    @task(8)
    def search(self):
        facet = random.choice([name for name, values in CATALOGUE["facets"].items() if values])
        query = urlencode({"q": random.choice(QUERIES), facet: random.choice(CATALOGUE["facets"][facet])})
        self.get("search, with a facet", f"/search/?{query}")


class Participant(CommonsUser):
    """A network member who signs in, shares a tool with a PDF and follows it on their contributions."""

    weight = 6
    wait_time = between(5, 15)
    accounts = itertools.cycle(CATALOGUE["participants"])
    shared = itertools.count(1)

    def on_start(self):
        super().on_start()
        self.account = next(self.accounts)
        self.signed_in = self.sign_in(self.account)

    @task(3)
    def share(self):
        if not self.signed_in:
            self.signed_in = self.sign_in(self.account)
            return
        data = {}

        def fill(response):
            data.update(self.fill_share_form(response.text or ""))
            return data.pop("missing", None)

        self.get("share form", "/share/", check=fill)
        if not data:
            return
        pdf = make_pdf(data["title"], [
            "Before the huddle: list the young people with a transition visit in the next fortnight.",
            "At the huddle: agree who prepares the summary, who calls the family and who books the adult team.",
            "After the visit: record what was agreed and when the next review is due.",
        ])
        files = {"files": ("transition-huddle-sheet.pdf", pdf, "application/pdf")}
        with self.post("share (POST)", "/share/", data, referer="/share/", files=files) as response:
            location = response.headers.get("Location", "")
            if response.status_code == 302 and "/my/contributions/" in location:
                pass  # saved and submitted: the page it lands on lists it
            elif response.status_code == 400:
                errors = [text_of(error) for error in ERRORS.findall(response.text or "")]
                response.failure(f"the share form came back with errors: {'; '.join(errors) or 'none shown'}")
                return
            else:
                response.failure(f"answered {response.status_code} {location}, not a redirect to my contributions")
                return
        self.get("my contributions", "/my/contributions/", contains=html.escape(data["title"], quote=False))

    @task(1)
    def contributions(self):
        if self.signed_in:
            self.get("my contributions", "/my/contributions/")

    @task(2)
    def browse(self):
        # Signed in, pages are made for the person (never from the anonymous page cache).
        self.get("library (signed in)", CATALOGUE["library"])

    def fill_share_form(self, page):
        """The form's fields as a person fills them in: a checklist-like tool for one condition and
        audience, the licence the form recommends (the one ticked), a type from the form's own list."""
        token = CSRF_INPUT.search(page)
        conditions = re.findall(r'name="conditions" value="(\d+)"', page)
        audiences = re.findall(r'name="audiences" value="(\d+)"', page)
        licence = re.search(r'name="licence" value="(\d+)"[^>]*checked', page) or re.search(
            r'name="licence" value="(\d+)"', page)
        select = re.search(r'<select name="resource_type".*?</select>', page, re.DOTALL)
        types = re.findall(r'<option value="(\d+)"', select.group(0)) if select else []
        found = {"csrf token": token, "conditions": conditions, "audiences": audiences, "licence": licence,
                 "resource_type": types}
        if not all(found.values()):
            return {"missing": f"the share form lacks {', '.join(name for name, value in found.items() if not value)}"}
        number = next(self.shared)
        return {
            "csrfmiddlewaretoken": token.group(1),
            "kind": "tool",
            "title": f"Transition huddle sheet {number} ({self.username})",
            "summary": "A one-page sheet the team fills in at the weekly huddle before a young person's "
                       "transition visit.",
            "conditions": [random.choice(conditions)],
            "audiences": [random.choice(audiences)],
            "phase": "",
            "tags": "transition, huddle",
            "licence": licence.group(1),
            "resource_type": random.choice(types),
            "adapted_from": "",
            "change_notes": "",
            "action": "submit",
        }


class Reviewer(CommonsUser):
    """A reviewer who signs in, opens the Wagtail dashboard and approves what awaits their review."""

    weight = 2
    wait_time = between(3, 8)
    accounts = itertools.cycle(CATALOGUE["reviewers"])
    # Task states a reviewer has taken in this run: two reviewers never approve the same one at once
    # (the second would rightly be told it no longer awaits review). Every user runs in this process.
    claimed = set()

    def on_start(self):
        super().on_start()
        self.signed_in = self.sign_in(next(self.accounts))

    @task
    def review(self):
        if not self.signed_in:
            return
        dashboard = self.get("admin dashboard", "/admin/")
        # Only others' work has an Approve button: the review task offers no approval of one's own
        # contribution (resources/models/review.py ReviewTask.get_actions). The button without
        # data-launch-modal approves at once, as a click on the dashboard does.
        waiting = [(url, state) for url, state in APPROVE_BUTTON.findall(dashboard.text or "")
                   if state not in self.claimed]
        if not waiting:
            return
        url, state = random.choice(waiting)
        self.claimed.add(state)
        token = self.csrf_token(dashboard)
        data = {"csrfmiddlewaretoken": token, "next": "/admin/"}
        with self.post("approve (POST)", url, data, referer="/admin/") as response:
            location = response.headers.get("Location", "")
            if response.status_code != 302 or urlsplit(location).path != "/admin/":
                # A refusal sends the reviewer to the page's editor with the reason; 403: not theirs to act on.
                response.failure(f"approval refused: {response.status_code} {location}")
                return
        # The dashboard they are sent back to says whether it worked: an error message if not (e.g.
        # "not currently awaiting moderation").
        self.get("admin dashboard, after approving", "/admin/", check=self.approval_error)

    @staticmethod
    def approval_error(response):
        messages = ADMIN_MESSAGES.search(response.text or "")
        error = ADMIN_ERROR.search(messages.group(1)) if messages else None
        return f"the approval was not done: {text_of(error.group(1))}" if error else None
