"""The load test: locust's simulated visitors, participants and reviewers against the production stack
on PostgreSQL.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres .venv/bin/python bench/load.py
    DATABASE_URL=... .venv/bin/python bench/load.py --users 50 --duration 60 --report

DATABASE_URL names a PostgreSQL server (its database is only used to connect): a scratch database of
our own (``commons_load``, ``--database``) is created there, dropped first if a run left one behind
and dropped at the end unless ``--keep`` (the logs and locust's files stay in var/bench/load/ either
way). It is migrated and gets the demo network, extra participant accounts and the collected static
files; then gunicorn (the site's config file, 2 workers) serves it under the production settings,
with the background worker (``manage.py db_worker``, TASKS_BACKEND=database) beside it, as
``make serve`` runs them.

``bench/locustfile.py`` is the scenario; it reads what to visit (real addresses and facet values,
the accounts) from a catalogue this script writes. After locust stops, the worker's queue is waited
for (the screenings of the tools shared during the run). The figures are locust's own statistics,
saved by the locustfile when locust quits (per endpoint: requests, failures, p50, p95), and what the
worker did. They go to var/bench/load.json, and with --report into docs/performance.md between the
``<!-- load -->`` markers. The exit status is 1 when any request failed, the scenario itself raised,
a background task failed or the queue did not drain.
"""

import argparse
import datetime
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ROOT, VAR, say, write_marked_block  # noqa: E402
from pages import Server, manage, production_env  # noqa: E402

SCRATCH = VAR / "load"  # not pages.py's, which its own runs wipe
RESULTS = VAR / "load.json"
CATALOGUE = SCRATCH / "catalogue.json"
LOCUSTFILE = ROOT / "bench" / "locustfile.py"
MARK_START, MARK_END = "<!-- load -->", "<!-- /load -->"
HEADING = "## Load test (locust, PostgreSQL)"
DEMO_PARTICIPANTS = ("grace.lin", "tom.alvarez")
DRAIN_TIMEOUT = 300  # seconds to wait for the worker's queue after the load stops


# The scratch database -----------------------------------------------------------------------------


def scratch_url(server_url, name):
    parts = urlsplit(server_url)
    return urlunsplit((parts.scheme, parts.netloc, f"/{name}", parts.query, ""))


def connect(url, autocommit=True):
    import psycopg  # the postgres extra: imported here so that --help works without it

    parts = urlsplit(url)
    return psycopg.connect(
        host=parts.hostname, port=parts.port or 5432, user=parts.username or None, password=parts.password or None,
        dbname=parts.path.lstrip("/") or "postgres", autocommit=autocommit,
    )


def recreate_database(server_url, name):
    with connect(server_url) as conn:
        # FORCE: a run that was killed may have left gunicorn's or the worker's connections behind.
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def drop_database(server_url, name):
    with connect(server_url) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


# Preparing the site -------------------------------------------------------------------------------

# Run in the site (manage.py shell): the participant accounts the run needs (the demo's two, then as
# many more as it takes for each simulated participant to have their own: locust gives participants
# 6 of every 50 users), and what the simulated people visit, as the demo made it: only public, live
# resources outside the network-only licences, what an anonymous visitor may see.
PREPARE_SCRIPT = r"""
import json
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from contributors.models import ContributorProfile, Organisation
from contributors.roles import PARTICIPANTS, REVIEWERS
from resources.demo.loader import DEMO_PASSWORD
from resources.models import (ChangePackagePage, CollectionPage, LibraryPage, ProtocolPage, Release, ToolPage)
from search import service
from search.engines.base import SearchRequest

EXTRA = %(extra)d
DEMO_PARTICIPANTS = %(demo)r
User = get_user_model()
participants_group = Group.objects.get(name=PARTICIPANTS)
organisations = list(Organisation.objects.order_by("pk"))
participants = list(DEMO_PARTICIPANTS)
for number in range(1, EXTRA + 1):
    username = f"load.participant.{number:02d}"
    user, created = User.objects.get_or_create(
        username=username, defaults={"email": f"{username}@example.org", "first_name": "Load",
                                     "last_name": f"Participant {number:02d}"})
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save()
    user.groups.add(participants_group)
    ContributorProfile.objects.get_or_create(user=user, defaults={
        "display_name": f"Load Participant {number:02d}", "slug": username.replace(".", "-"),
        "role_in_care": "nurse", "organisation": organisations[number %% len(organisations)]})
    participants.append(username)
assert set(participants) <= set(participants_group.user_set.values_list("username", flat=True))

def public(model):
    return model.objects.live().public().filter(licence__network_only=False).order_by("pk")

library = LibraryPage.objects.live().first()
resources = {"tool": public(ToolPage), "change package": public(ChangePackagePage), "protocol": public(ProtocolPage)}
releases = []
for release in Release.objects.published().filter(
        resource__in=[page.pk for pages in resources.values() for page in pages]).prefetch_related("files"):
    releases.append({"url": release.get_absolute_url(),
                     "files": [release_file.get_absolute_url() for release_file in release.files.all()]})
# The facet values with resources behind them, as an anonymous visitor's library lists them.
results = service.search(SearchRequest())
facets = {name: [count.value for count in counts if count.count > 0] for name, counts in results.facets.items()}
reviewers = list(User.objects.filter(groups__name=REVIEWERS, is_active=True).order_by("pk")
                 .values_list("username", flat=True))
print(json.dumps({
    "password": DEMO_PASSWORD,
    "library": library.url,
    "facets": facets,
    "resources": {kind: [page.url for page in pages] for kind, pages in resources.items()},
    "collections": [page.url for page in CollectionPage.objects.live().public().order_by("pk")],
    "people": [profile.get_absolute_url() for profile in ContributorProfile.objects.order_by("pk")],
    "organisations": [organisation.get_absolute_url() for organisation in organisations],
    "releases": releases,
    "participants": participants,
    "reviewers": reviewers,
}))
"""

# What the worker did, and what the run left in the database: read once the queue has drained.
OUTCOME_SCRIPT = r"""
import json
from django.db.models import Count
from django_tasks_db.models import DBTaskResult
from wagtail.models import TaskState
from resources.models import ReviewTask, ScreeningTask

tasks = {}
for row in DBTaskResult.objects.values("task_path", "status").annotate(n=Count("pk")):
    tasks.setdefault(row["task_path"].rsplit(".", 1)[-1], {})[row["status"]] = row["n"]
failed = [{"task": result.task_path, "error": (result.traceback or "")[-1500:]}
          for result in DBTaskResult.objects.filter(status="FAILED").order_by("pk")[:5]]
screening = TaskState.objects.filter(task__in=ScreeningTask.objects.all(), started_at__gte=%(since)r)
review = TaskState.objects.filter(task__in=ReviewTask.objects.filter(name="Review"), finished_at__gte=%(since)r)
print(json.dumps({
    "tasks": tasks,
    "failed_tasks": failed,
    "screenings": dict(screening.values_list("status").annotate(n=Count("pk"))),
    "reviews": dict(review.values_list("status").annotate(n=Count("pk"))),
}))
"""


def prepare(env, users):
    say("preparing the site: migrate, demo, participant accounts, static files")
    # Background work of the preparation (indexing the demo, its mail) runs as it goes: the load
    # starts on a site at rest, and the worker's figures are the load's own.
    env = {**env, "TASKS_BACKEND": "immediate"}
    manage(env, "migrate", "--verbosity", "0")
    manage(env, "load_demo", capture=True)
    manage(env, "collectstatic", "--noinput", "--verbosity", "0")
    extra = max(0, -(-users * 6 // 50) - len(DEMO_PARTICIPANTS))
    script = PREPARE_SCRIPT % {"extra": extra, "demo": DEMO_PARTICIPANTS}
    catalogue = json.loads(manage(env, "shell", "--no-imports", "-c", script, capture=True).strip().splitlines()[-1])
    CATALOGUE.write_text(json.dumps(catalogue, indent=1))
    say(f"  {sum(map(len, catalogue['resources'].values()))} public resources, {len(catalogue['releases'])} "
        f"releases, {len(catalogue['participants'])} participants, reviewers {', '.join(catalogue['reviewers'])}")
    return catalogue


class Worker:
    """``manage.py db_worker``, as scripts/serve.sh starts it; its log goes to a file."""

    def __init__(self, env):
        self.log = SCRATCH / "worker.log"
        command = [sys.executable, str(ROOT / "manage.py"), "db_worker", "--interval", "1", "--no-startup-delay"]
        with self.log.open("w") as log:
            self.process = subprocess.Popen(command, env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
                                            start_new_session=True)

    def stop(self):
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)  # it finishes the task in hand, then stops
        self.process.wait(timeout=60)


def queued(database_url):
    with connect(database_url) as conn:
        return conn.execute(
            "SELECT count(*) FROM django_tasks_database_dbtaskresult WHERE status IN ('READY', 'RUNNING')"
        ).fetchone()[0]


def drain(database_url, worker):
    """Wait until the worker has run everything queued (or DRAIN_TIMEOUT passed); the seconds it took."""
    started = time.monotonic()
    while (waiting := queued(database_url)) and time.monotonic() - started < DRAIN_TIMEOUT:
        if worker.process.poll() is not None:
            raise RuntimeError(f"the worker stopped: {worker.log.read_text()[-2000:]}")
        time.sleep(1)
    if waiting:
        say(f"  {waiting} background tasks still queued after {DRAIN_TIMEOUT} s")
    return round(time.monotonic() - started, 1), waiting


# Running locust -----------------------------------------------------------------------------------


def run_locust(url, args):
    results = SCRATCH / "locust.json"
    command = [
        sys.executable, "-m", "locust", "-f", str(LOCUSTFILE), "--headless", "--host", url,
        "-u", str(args.users), "-r", str(args.spawn_rate), "-t", f"{args.duration}s",
        # Users finish the task in hand when the time is up rather than being cut off mid-request.
        "--stop-timeout", "30", "--only-summary", "--loglevel", "WARNING",
        # The time series (every 2 s), for a closer look; the figures come from LOAD_RESULTS.
        "--csv", str(SCRATCH / "locust"),
    ]
    env = {**os.environ, "LOAD_CATALOGUE": str(CATALOGUE), "LOAD_RESULTS": str(results)}
    say(f"locust: {args.users} users (spawning {args.spawn_rate:g}/s) for {args.duration} s against {url}")
    with (SCRATCH / "locust.log").open("w") as log:
        # locust exits 1 when a request failed: the figures say which, so its status is not an error here.
        subprocess.run(command, env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, check=False)
    if not results.exists():
        raise RuntimeError(f"locust wrote no figures: {(SCRATCH / 'locust.log').read_text()[-3000:]}")
    return json.loads(results.read_text())


# The run ------------------------------------------------------------------------------------------


def measure(args):
    server_url = os.environ.get("DATABASE_URL", "")
    if not server_url.startswith(("postgres://", "postgresql://", "pgsql://")):
        sys.exit("bench/load.py needs DATABASE_URL=postgres://USER@HOST:PORT/NAME naming a PostgreSQL server")
    database_url = scratch_url(server_url, args.database)
    shutil.rmtree(SCRATCH, ignore_errors=True)
    SCRATCH.mkdir(parents=True)
    say(f"scratch database {args.database} on {urlsplit(server_url).hostname}:{urlsplit(server_url).port}")
    recreate_database(server_url, args.database)
    env = {
        **production_env(database_url, SCRATCH),
        # A cache of this run's own: the file cache by default lives in var/cache, which `make serve`
        # fills with pages of another database.
        "CACHE_DIR": str(SCRATCH / "cache"),
        "TASKS_BACKEND": "database",
        # Mail is written to the outbox and sent by the worker, through a backend that sends it nowhere.
        "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
    }
    try:
        catalogue = prepare(env, args.users)
        started = datetime.datetime.now(datetime.UTC)
        worker = Worker(env)
        try:
            site = Server("commons_site.wsgi:application", env, args.workers, SCRATCH)
            try:
                stats = run_locust(site.url, args)
                say("load done; waiting for the worker's queue (screenings of the shared tools)")
                drain_seconds, left = drain(database_url, worker)
            finally:
                site.stop()
        finally:
            worker.stop()
        script = OUTCOME_SCRIPT % {"since": started.isoformat()}
        outcome = json.loads(manage(env, "shell", "--no-imports", "-c", script, capture=True).strip().splitlines()[-1])
    finally:
        if not args.keep:
            drop_database(server_url, args.database)
            # The logs, locust's CSV files and the catalogue stay: they explain a failure.
            for folder in ("media", "static", "cache"):
                shutil.rmtree(SCRATCH / folder, ignore_errors=True)
    figures = {
        "date": started.isoformat(timespec="seconds"),
        "users": args.users, "spawn_rate": args.spawn_rate, "duration_s": args.duration, "workers": args.workers,
        "cpus": os.cpu_count(), "database": "PostgreSQL",
        "participant_accounts": len(catalogue["participants"]),
        **stats, "drain_s": drain_seconds, "still_queued": left, "worker": outcome,
    }
    RESULTS.write_text(json.dumps(figures, indent=1))
    say(f"figures written to {RESULTS.relative_to(ROOT)}; logs in {SCRATCH.relative_to(ROOT)}/")
    return figures


def summary(figures):
    say(f"{'endpoint':<42} {'requests':>8} {'failed':>6} {'p50 ms':>7} {'p95 ms':>7}")
    for row in [*figures["endpoints"], figures["total"]]:
        say(f"{row['method'] + ' ' + row['name']:<42.42} {row['requests']:>8} {row['failures']:>6} "
            f"{row['p50_ms'] or 0:>7.0f} {row['p95_ms'] or 0:>7.0f}")
    for failure in figures["failures"]:
        say(f"  FAILED {failure['occurrences']}x {failure['method']} {failure['name']}: {failure['error'][:300]}")
    for exception in figures["exceptions"]:
        say(f"  the scenario raised ({exception['count']}x): {exception['traceback']}")
    worker = figures["worker"]
    say(f"worker: tasks {worker['tasks']}, screenings {worker['screenings']}, reviews {worker['reviews']}; "
        f"queue drained in {figures['drain_s']} s ({figures['still_queued']} left)")
    for failed in worker["failed_tasks"]:
        say(f"  FAILED task {failed['task']}: {failed['error'][-600:]}")


def report(figures):
    total, worker = figures["total"], figures["worker"]
    screened = sum(worker["screenings"].get(status, 0) for status in ("approved", "rejected"))
    lines = [
        MARK_START,
        f"Measured {figures['date'][:10]} by `bench/load.py` (`bench/locustfile.py`): {figures['users']} locust "
        f"users (spawned at {figures['spawn_rate']}/s) for {figures['duration_s']} s against gunicorn with "
        f"{figures['workers']} sync workers, the production settings and the background worker "
        f"(`manage.py db_worker`) on PostgreSQL (a scratch database with the demo network), all on the same "
        f"{figures['cpus']}-core machine as the load generator. Anonymous visitors (about 84% of users) browse, "
        "filter the library by real facet values, search with a facet and download release files; participants "
        "sign in and share a tool with a PDF; reviewers sign in and approve contributions from the dashboard.",
        "",
        f"**{total['requests']:,} requests, {total['failures']} failed, {total['rate']:.1f} req/s; "
        f"p50 {total['p50_ms']:.0f} ms, p95 {total['p95_ms']:.0f} ms.** The worker finished "
        f"{screened} screenings (of {sum(worker['screenings'].values())} started) and reviewers approved "
        f"{worker['reviews'].get('approved', 0)} contributions (these and the demo's waiting ones); the queue was "
        f"empty {figures['drain_s']:.0f} s "
        f"after the load stopped ({figures['still_queued']} left); failed background tasks: "
        f"{sum(statuses.get('FAILED', 0) for statuses in worker['tasks'].values())}.",
        "",
        "Percentiles are locust's, which rounds times over 100 ms to 10 ms (so a p95 may read a little above the "
        "max).",
        "",
        "| endpoint | requests | failures | p50 | p95 | max |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for row in figures["endpoints"]:
        lines.append(f"| {row['method']} {row['name']} | {row['requests']:,} | {row['failures']} | "
                     f"{row['p50_ms']:.0f} ms | {row['p95_ms']:.0f} ms | {row['max_ms']:.0f} ms |")
    for failure in figures["failures"]:
        lines.append(f"\nFailed {failure['occurrences']}× {failure['method']} {failure['name']}: {failure['error']}")
    lines.append(MARK_END)
    write_marked_block(
        MARK_START, MARK_END, "\n".join(lines), lambda text, block: text.rstrip() + f"\n\n{HEADING}\n\n{block}\n"
    )


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--users", type=int, default=50, help="concurrent locust users (default 50)")
    parser.add_argument("--spawn-rate", type=float, default=10, help="users started per second (default 10)")
    parser.add_argument("--duration", type=int, default=60, help="seconds of load (default 60)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (default 2)")
    parser.add_argument("--database", default="commons_load", help="the scratch database's name")
    parser.add_argument("--report", action="store_true", help="write the figures into docs/performance.md")
    parser.add_argument("--keep", action="store_true", help="keep the scratch database and var/bench/load/")
    args = parser.parse_args(argv)
    figures = measure(args)
    summary(figures)
    if args.report:
        report(figures)
    failed_tasks = sum(statuses.get("FAILED", 0) for statuses in figures["worker"]["tasks"].values())
    if figures["total"]["failures"] or figures["exceptions"] or failed_tasks or figures["still_queued"]:
        sys.exit(1)


if __name__ == "__main__":
    main()
