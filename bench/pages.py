"""Page throughput under the production stack, side by side with a Django hello-world.

    .venv/bin/python bench/pages.py                 # demo on SQLite, 2 gunicorn workers, wrk, 10 s a page
    .venv/bin/python bench/pages.py --duration 5 --report   # and write the figures into docs/performance.md

Both servers run gunicorn with the site's config file (commons_site/gunicorn.conf.py) and the same
number of workers, one after the other on the same machine in the same run: the site under the
production settings (a scratch SQLite database with the demo loaded, static files collected,
WhiteNoise) and ``bench/hello.py``, a Django project whose one view returns "Hello". Every request
carries ``X-Forwarded-Proto: https``, as the proxy in front of a real server sends it. The load
comes from wrk (Debian's package: ``apt-get install wrk``), 16 connections on 2 threads by default,
after one warm-up request per page.

Anonymous pages are measured for throughput (req/s; the target is at least 1,000 and within 5x of
hello-world). Signed-in pages are measured for server time (wrk with one connection and a session
cookie of a participant: its latency is the time the server took; the target is at most 50 ms).
Results go to var/bench/pages.json, and with --report into docs/performance.md between the
``<!-- pages:sqlite -->`` or ``<!-- pages:postgresql -->`` markers (DATABASE_URL names PostgreSQL;
the bench then migrates and loads the demo into that database, so name a scratch one).
"""

import argparse
import datetime
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ROOT, VAR, say, write_marked_block  # noqa: E402

SCRATCH = VAR / "pages"
RESULTS = VAR / "pages.json"
TARGET_RATE = 1000
TARGET_FACTOR = 5
TARGET_SIGNED_IN_MS = 50


def markers(database):
    """The markers of this database's block in docs/performance.md: one block per database, so a
    run on PostgreSQL does not replace SQLite's figures."""
    name = database.lower()
    return f"<!-- pages:{name} -->", f"<!-- /pages:{name} -->"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def production_env(database_url, scratch=SCRATCH):
    """The production settings' environment, with media and static files under ``scratch``."""
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="commons_site.settings.production",
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        DATABASE_URL=database_url,
        MEDIA_ROOT=str(scratch / "media"),
        STATIC_ROOT=str(scratch / "static"),
        SEARCH_URL=os.environ.get("SEARCH_URL", "embedded"),
        PYTHONWARNINGS="ignore",
    )
    return env


def manage(env, *args, capture=False):
    command = [sys.executable, str(ROOT / "manage.py"), *args]
    result = subprocess.run(command, env=env, cwd=ROOT, check=True, capture_output=capture, text=True)
    return result.stdout if capture else None


# What is measured ------------------------------------------------------------------------------

PAGES_SCRIPT = r"""
import json
from django.contrib.auth import get_user_model
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.auth import HASH_SESSION_KEY, SESSION_KEY, BACKEND_SESSION_KEY
from contributors.models import ContributorProfile, Organisation
from resources.models import (ChangePackagePage, CollectionPage, LibraryPage, ProtocolPage, Release, Series, ToolPage)
from resources.visibility import visible_pages

def public(model):
    return model.objects.live().public().filter(licence__network_only=False).order_by("pk").first()

library = LibraryPage.objects.live().first()
tool, package, protocol = public(ToolPage), public(ChangePackagePage), public(ProtocolPage)
release = Release.objects.published().filter(resource=tool).order_by("-pk").first()
person = ContributorProfile.objects.filter(user__isnull=False).order_by("pk").first()
organisation = Organisation.objects.order_by("pk").first()
collection = CollectionPage.objects.live().public().order_by("pk").first()
# A change package whose Evidence section draws a public centre's run or control chart.
charted = Series.objects.filter(visibility="public", measure__page__live=True).order_by("pk").first()
charted_package = charted.measure.page
anonymous = [
    ("home", "/"),
    ("library", library.url),
    ("library, filtered", library.url + "?condition=ibd&type=checklist"),
    ("tool", tool.url),
    ("change package", package.url),
    ("change package with charts", charted_package.url),
    ("protocol", protocol.url),
    ("collection", collection.url),
    ("release", f"/releases/{release.pk}/"),
    ("people", "/people/"),
    ("a person", person.get_absolute_url()),
    ("organisations", "/organisations/"),
    ("an organisation", organisation.get_absolute_url()),
    ("sitemap", "/sitemap.xml"),
]
user = get_user_model().objects.get(username="grace.lin")
session = SessionStore()
session[SESSION_KEY] = str(user.pk)
session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
session[HASH_SESSION_KEY] = user.get_session_auth_hash()
session.create()
signed_in = [
    ("home", "/"), ("library", library.url), ("tool", tool.url), ("my contributions", "/my/contributions/"),
    # Charts on pages never kept for the anonymous (a member sees the network's series too).
    ("change package with charts", charted_package.url), ("a data series", charted.get_absolute_url()),
]
print(json.dumps({"anonymous": anonymous, "signed_in": signed_in, "session": session.session_key}))
"""


def prepare(env):
    say("preparing the site: migrate, demo, static files")
    manage(env, "migrate", "--verbosity", "0")
    manage(env, "load_demo", capture=True)
    manage(env, "collectstatic", "--noinput", "--verbosity", "0")
    output = manage(env, "shell", "--no-imports", "-c", PAGES_SCRIPT, capture=True)
    return json.loads(output.strip().splitlines()[-1])


class Server:
    """gunicorn with the site's config file, serving ``app`` with ``workers`` workers. Its log goes to
    a file in the scratch folder: a pipe nobody reads would fill under load and stall gunicorn."""

    def __init__(self, app, env, workers, scratch=SCRATCH):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = scratch / f"gunicorn-{app.partition(':')[0]}.log"
        env = {**env, "PORT": str(self.port), "HOST": "127.0.0.1", "WEB_CONCURRENCY": str(workers)}
        command = [
            sys.executable, "-m", "gunicorn", "-c", str(ROOT / "commons_site" / "gunicorn.conf.py"),
            # No access log under load: a proxy in front logs; writing it here would measure the terminal.
            "--access-logfile", "/dev/null", app,
        ]
        with self.log.open("w") as log:
            self.process = subprocess.Popen(command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL,
                                            stderr=log, start_new_session=True)
        try:
            self._wait_until_listening()
        except BaseException:
            self.stop()  # its own session: nothing else would stop it
            raise

    def _wait_until_listening(self):
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    return
            except OSError:
                if self.process.poll() is not None:
                    raise RuntimeError(f"gunicorn stopped: {self.log.read_text()[-2000:]}") from None
                time.sleep(0.2)
        raise RuntimeError("gunicorn did not start within 60 s")

    def stop(self):
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
        self.process.wait(timeout=40)


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def get(url, cookie=None):
    """One warm-up GET, which must answer 200 itself: a redirect (to sign in, to https) would have
    wrk measure the redirect, not the page."""
    headers = {"X-Forwarded-Proto": "https", **({"Cookie": cookie} if cookie else {})}
    request = urllib.request.Request(url, headers=headers)
    with urllib.request.build_opener(_NoRedirects).open(request, timeout=30) as response:
        if response.status != 200:
            raise RuntimeError(f"{url} answered {response.status}, not 200")
        return response.status


def wrk(url, duration, connections, threads, cookie=None):
    """wrk's figures for ``url``: requests/s, latency p50/p99 in ms, errors."""
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--latency",
               "-H", "X-Forwarded-Proto: https", url]
    if cookie:
        command[-1:-1] = ["-H", f"Cookie: {cookie}"]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    latency = {
        share: _milliseconds(re.search(rf"^\s+{share}%\s+(\S+)", output, re.MULTILINE).group(1)) for share in (50, 99)
    }
    return {
        "rate": rate,
        "p50_ms": latency[50],
        "p99_ms": latency[99],
        "errors": (int(non_2xx.group(1)) if non_2xx else 0)
        + (sum(int(n) for n in socket_errors.groups()) if socket_errors else 0),
    }


def _milliseconds(text):
    number, unit = re.match(r"([\d.]+)(\w+)", text).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def measure(args):
    if shutil.which("wrk") is None:
        sys.exit("bench/pages.py needs wrk: apt-get install wrk")
    shutil.rmtree(SCRATCH, ignore_errors=True)
    SCRATCH.mkdir(parents=True)
    env = production_env(os.environ.get("DATABASE_URL") or f"sqlite:///{SCRATCH / 'site.sqlite3'}")
    pages = prepare(env)
    figures = {
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "workers": args.workers, "connections": args.connections, "duration_s": args.duration,
        "database": "PostgreSQL" if env["DATABASE_URL"].startswith("postgres") else "SQLite",
        "cpus": os.cpu_count(), "anonymous": [], "signed_in": [],
    }

    say("hello-world: a Django view returning 'Hello' on the same gunicorn")
    hello = Server("hello:application", {**env, "PYTHONPATH": str(ROOT / "bench")}, args.workers)
    try:
        get(hello.url + "/")
        figures["hello"] = wrk(hello.url + "/", args.duration, args.connections, args.threads)
    finally:
        hello.stop()
    say(f"  hello-world: {figures['hello']['rate']:,.0f} req/s")

    site = Server("commons_site.wsgi:application", env, args.workers)
    try:
        for name, path in pages["anonymous"]:
            status = get(site.url + path)
            result = {"page": name, "path": path, "status": status,
                      **wrk(site.url + path, args.duration, args.connections, args.threads)}
            figures["anonymous"].append(result)
            say(f"  {name}: {result['rate']:,.0f} req/s, p50 {result['p50_ms']:.1f} ms, errors {result['errors']}")
        cookie = f"sessionid={pages['session']}"
        for name, path in pages["signed_in"]:
            get(site.url + path, cookie)
            result = {"page": name, "path": path, **wrk(site.url + path, args.duration, 1, 1, cookie)}
            figures["signed_in"].append(result)
            say(f"  signed in, {name}: p50 {result['p50_ms']:.1f} ms, p99 {result['p99_ms']:.1f} ms")
    finally:
        site.stop()
    RESULTS.write_text(json.dumps(figures, indent=1))
    if not args.keep:
        shutil.rmtree(SCRATCH, ignore_errors=True)
    return figures


def report(figures):
    hello = figures["hello"]["rate"]
    mark_start, mark_end = markers(figures["database"])
    lines = [
        mark_start,
        f"Measured {figures['date'][:10]} by `bench/pages.py`: gunicorn with {figures['workers']} sync workers "
        f"and the production settings on {figures['database']} (the demo network), wrk with "
        f"{figures['connections']} connections for {figures['duration_s']} s per page on the same "
        f"{figures['cpus']}-core machine, a Django hello-world on the same gunicorn in the same run.",
        "",
        f"Hello-world: **{hello:,.0f} req/s**.",
        "",
        "| anonymous page | req/s | × slower than hello-world | p50 / p99 | errors | ≥ 1,000 req/s and within 5× |",
        "|---|---:|---:|---:|---:|---|",
    ]
    for row in figures["anonymous"]:
        met = row["rate"] >= TARGET_RATE and row["rate"] * TARGET_FACTOR >= hello
        lines.append(f"| {row['page']} (`{row['path']}`) | {row['rate']:,.0f} | {hello / row['rate']:.1f} | "
                     f"{row['p50_ms']:.1f} / {row['p99_ms']:.1f} ms | {row['errors']} | {'yes' if met else 'no'} |")
    lines += ["", "| signed-in page (one connection) | p50 | p99 | ≤ 50 ms |", "|---|---:|---:|---|"]
    for row in figures["signed_in"]:
        met = row["p50_ms"] <= TARGET_SIGNED_IN_MS
        lines.append(f"| {row['page']} (`{row['path']}`) | {row['p50_ms']:.1f} ms | {row['p99_ms']:.1f} ms | "
                     f"{'yes' if met else 'no'} |")
    lines.append(mark_end)
    heading = f"### {figures['database']}"

    def place(text, block):
        section = "## Pages under the production stack"
        if section not in text:
            return text.rstrip() + f"\n\n{section}\n\n{heading}\n\n{block}\n"
        # After the last database's block of the section (or its heading, for the first).
        start = text.index(section)
        ends = [match.end() for match in re.finditer(r"<!-- /pages:\w+ -->", text[start:])]
        at = start + (ends[-1] if ends else len(section))
        return text[:at] + f"\n\n{heading}\n\n{block}" + text[at:]

    write_marked_block(mark_start, mark_end, "\n".join(lines), place)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--duration", type=int, default=10, help="seconds of load per page (default 10)")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers for both servers (default 2)")
    parser.add_argument("--report", action="store_true", help="write the figures into docs/performance.md")
    parser.add_argument("--keep", action="store_true", help="keep the scratch site in var/bench/pages/")
    args = parser.parse_args(argv)
    figures = measure(args)
    if args.report:
        report(figures)


if __name__ == "__main__":
    main()
