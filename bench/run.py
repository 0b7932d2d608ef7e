#!/usr/bin/env python
"""The search benchmark: synthetic resources at several sizes, each engine in its own scratch
database, a fixed query set timed warm, bulk indexing timed, results in docs/performance.md.

    .venv/bin/python bench/run.py --sizes 1000 --engines sqlite postgres opensearch stock
    .venv/bin/python bench/run.py --report        # only rewrite docs/performance.md from var/bench/results/

Engines: ``sqlite`` and ``postgres`` are the embedded engine (search/engines/database.py) on a scratch
SQLite file / a scratch PostgreSQL database; ``opensearch`` is the cluster engine
(search/engines/cluster.py) on a local node (scripts/opensearch.sh); ``stock`` is Wagtail's own
database search backend on SQLite (bench/stockapp), the baseline. See bench/README.md.

Each (size, engine) runs in a child process (this script with --worker) so that each gets fresh
settings: DJANGO_SETTINGS_MODULE=bench.settings, DATABASE_URL and SEARCH_URL point at the scratch
stores. Results go to var/bench/results/<size>-<engine>.json; the report is built from all of them.
"""

import argparse
import datetime
import glob
import json
import os
import platform
import shutil
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

from common import (
    AUTOCOMPLETES,
    ENGINE_LABELS,
    ENGINES,
    INDEX_BATCH,
    OPENSEARCH_PREFIX,
    PAGE_BATCH,
    PER_PAGE,
    RELATED,
    RESULTS,
    ROOT,
    SEARCHES,
    VAR,
    say,
)
from report import write_report

if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def stock_query(key, text):
    """The stock backend's equivalent of a query: terms ANDed as the embedded engine does, the
    phrase as a Phrase, the synonym spelled out as an Or (the stock backend has no synonyms)."""
    from wagtail.search.query import Or, Phrase, PlainText

    if key == "phrase":
        return Phrase(text.strip('"'))
    if key == "pdsa":
        return Or([PlainText("PDSA"), Phrase("plan-do-study-act"), Phrase("plan do study act")])
    return PlainText(text, operator="and")


# Worker: one engine, one size, in its own process -----------------------------------------------


class Timeout(Exception):
    pass


class Guard:
    """Stops a query after ``seconds``: SQLite via sqlite3's interrupt(), PostgreSQL by
    statement_timeout (set once per connection); OpenSearch has the engine's own 2.5 s timeout."""

    def __init__(self, seconds):
        self.seconds = seconds
        self.timer = None

    def __enter__(self):
        from django.db import connection

        if connection.vendor == "sqlite":
            connection.ensure_connection()
            self.timer = threading.Timer(self.seconds, connection.connection.interrupt)
            self.timer.start()
        return self

    def __exit__(self, kind, exc, tb):
        if self.timer:
            self.timer.cancel()
        if exc is not None:
            message = str(exc).lower()
            if "interrupted" in message or "statement timeout" in message:
                raise Timeout(str(exc)) from exc
        return False


def _step(number):
    """A treebeard path step: 4 base-36 digits, 0-9A-Z."""
    alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    digits = ""
    for _ in range(4):
        number, remainder = divmod(number, 36)
        digits = alphabet[remainder] + digits
    if number:
        raise ValueError("more than 36**4 - 1 children")
    return digits


def create_pages(count):
    """``count`` minimal live wagtailcore.Page rows under the root, bulk-created with computed
    materialised paths (SearchEntry's primary key is a OneToOne to Page). Returns their ids."""
    import uuid

    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction
    from django.db.models import F
    from django.utils import timezone
    from wagtail.models import Locale, Page

    root = Page.get_first_root_node()
    last = (
        Page.objects.filter(depth=root.depth + 1, path__startswith=root.path)
        .order_by("-path").values_list("path", flat=True).first()
    )
    first = int(last[-4:], 36) + 1 if last else 1
    content_type = ContentType.objects.get_for_model(Page)
    locale = Locale.get_default()
    now = timezone.now()
    ids = []
    with transaction.atomic():
        for start in range(0, count, PAGE_BATCH):
            pages = []
            for number in range(first + start, first + min(count, start + PAGE_BATCH)):
                slug = f"bench-{number}"
                pages.append(Page(
                    title=f"Bench resource {number}", draft_title=f"Bench resource {number}", slug=slug,
                    path=root.path + _step(number), depth=root.depth + 1, numchild=0,
                    url_path=f"{root.url_path}{slug}/", content_type=content_type, locale=locale,
                    translation_key=uuid.uuid4(), live=True, has_unpublished_changes=False,
                    first_published_at=now, last_published_at=now,
                ))
            ids += [page.pk for page in Page.objects.bulk_create(pages)]
        Page.objects.filter(pk=root.pk).update(numchild=F("numchild") + count)
    if len(ids) != count or None in ids:
        raise RuntimeError("bulk_create did not return the page ids")
    return ids


def index_documents(engine, ids, seed):
    """engine.index() in batches of INDEX_BATCH; only index() is timed, not document generation."""
    from generate import document

    from search import vocabulary
    from search.engines.database import DatabaseEngine

    spent = 0.0
    for start in range(0, len(ids), INDEX_BATCH):
        documents = [document(i, seed=seed, page_id=ids[i]) for i in range(start, min(len(ids), start + INDEX_BATCH))]
        started = time.perf_counter()
        engine.index(documents)
        spent += time.perf_counter() - started
        if not isinstance(engine, DatabaseEngine):
            # On a site the embedded index is written too, and with it the vocabulary that query
            # understanding reads (typos, spellings): fill it, untimed, so the cluster's queries
            # are understood as on a site.
            texts = ("title", "summary", "body", "file_text")
            vocabulary.update({}, {doc["id"]: vocabulary.terms_of([*(doc[f] for f in texts), *doc["tags"]])
                                   for doc in documents})
    return spent


def rebuild_documents(engine, ids, seed):
    """engine.rebuild() over all documents (the bulk path of `search_index rebuild`); the time spent
    generating documents inside the generator is measured and subtracted."""
    from generate import document

    generating = 0.0

    def documents():
        nonlocal generating
        for i in range(len(ids)):
            began = time.perf_counter()
            doc = document(i, seed=seed, page_id=ids[i])
            generating += time.perf_counter() - began
            yield doc

    began = time.perf_counter()
    engine.rebuild(documents())
    return time.perf_counter() - began - generating


def load_stock(count, seed):
    """BenchResource rows (bulk_create, not timed), then Wagtail's backend add_bulk in batches of
    INDEX_BATCH (timed). Returns (ids, seconds)."""
    from generate import document
    from wagtail.search.backends import get_search_backend

    from bench.stockapp.models import BenchResource

    backend = get_search_backend()
    ids, spent = [], 0.0
    for start in range(0, count, INDEX_BATCH):
        rows = []
        for i in range(start, min(count, start + INDEX_BATCH)):
            doc = document(i, seed=seed)
            rows.append(BenchResource(
                title=doc["title"], summary=doc["summary"], body=doc["body"], tags=" ".join(doc["tags"]),
                file_text=doc["file_text"], condition=doc["condition"][0], type=doc["type"],
                public="public" in doc["access"],
            ))
        rows = BenchResource.objects.bulk_create(rows)
        ids += [row.pk for row in rows]
        started = time.perf_counter()
        backend.add_bulk(BenchResource, rows)
        spent += time.perf_counter() - started
    return ids, spent


def engine_calls(engine_name, engine, ids):
    """[(key, kind, facets, callable returning a match count or a number of results)]."""
    from search import service
    from search.engines.base import SearchRequest

    public = frozenset({"public"})
    calls = []
    if engine_name == "stock":
        from bench.stockapp.models import BenchResource

        for key, text, filters, _ in SEARCHES:
            stock_filters = {facet: values[0] for facet, values in filters.items()}
            query = stock_query(key, text)

            def run(query=query, stock_filters=stock_filters):
                return len(list(BenchResource.objects.filter(public=True, **stock_filters).search(query)[:PER_PAGE]))

            calls.append((key, "search", False, run))
        for key, prefix, _ in AUTOCOMPLETES:
            def complete(prefix=prefix):
                return len(list(BenchResource.objects.filter(public=True).autocomplete(prefix)[:8]))

            calls.append((key, "autocomplete", False, complete))
        return calls

    for facets in (True, False):
        for key, text, filters, _ in SEARCHES:
            request = SearchRequest(text=text, filters=filters, per_page=PER_PAGE, access=public, with_facets=facets)
            # As the search page asks: understood, and with the relaxed second pass when it applies.
            calls.append((key, "search", facets, lambda request=request: service.search_with(engine, request).total))
    for key, prefix, _ in AUTOCOMPLETES:
        calls.append((key, "autocomplete", False, lambda prefix=prefix: len(engine.autocomplete(prefix, public))))
    related_id = ids[len(ids) // 2]
    for key, _ in RELATED:
        calls.append((key, "related", False, lambda: len(engine.related(related_id, public))))
    return calls


def measure(calls, repeat, timeout, query_budget, run_budget):
    """Round 0 is cold (kept apart), rounds 1..repeat warm, all queries round-robin. A query that
    times out is not asked again; one whose time so far exceeds ``query_budget`` stops repeating
    after its first warm sample; past ``run_budget`` nothing more is asked."""
    results = {
        (key, facets): {"key": key, "kind": kind, "facets": facets, "cold_ms": None, "samples_ms": [],
                        "matches": None, "timeout": False, "error": None, "note": None, "_spent": 0.0}
        for key, kind, facets, _ in calls
    }
    started = time.monotonic()
    for round_number in range(repeat + 1):
        for key, _kind, facets, function in calls:
            entry = results[(key, facets)]
            if entry["timeout"] or entry["error"] or entry["note"]:
                continue
            if time.monotonic() - started > run_budget:
                entry["note"] = (
                    f"run budget of {run_budget:.0f} s used up after {len(entry['samples_ms'])} warm samples"
                )
                continue
            begun = time.perf_counter()
            try:
                with Guard(timeout):
                    matches = function()
            except Timeout:
                entry["timeout"] = True
                entry["_spent"] += time.perf_counter() - begun
                continue
            except Exception as exc:  # noqa: BLE001 - recorded, the run goes on
                entry["error"] = f"{type(exc).__name__}: {exc}"[:300]
                continue
            elapsed = time.perf_counter() - begun
            entry["_spent"] += elapsed
            if round_number == 0:
                entry["cold_ms"] = elapsed * 1000
                entry["matches"] = matches
            else:
                entry["samples_ms"].append(elapsed * 1000)
                if entry["_spent"] > query_budget and round_number < repeat:
                    entry["note"] = (f"repeats stopped after {len(entry['samples_ms'])} warm sample(s): "
                                     f"query budget {query_budget:.0f} s")
    for entry in results.values():
        entry["spent_s"] = round(entry.pop("_spent"), 3)
    return list(results.values())


def versions(engine_name, engine):
    import sqlite3

    import django
    import wagtail
    from django.db import connection

    found = {"python": platform.python_version(), "django": django.get_version(), "wagtail": wagtail.__version__,
             "sqlite": sqlite3.sqlite_version, "database": connection.vendor}
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            found["postgresql"] = cursor.fetchone()[0]
    if engine_name == "opensearch":
        info = engine.gateway.client.info()
        found["opensearch"] = info["version"]["number"]
        found["opensearch_heap"] = os.environ.get("OPENSEARCH_JAVA_OPTS", "")
    return found


def store_size(engine_name, engine):
    from django.conf import settings
    from django.db import connection

    if engine_name == "opensearch":
        stats = engine.gateway.client.indices.stats(index=engine.alias, metric="store")
        return stats["_all"]["primaries"]["store"]["size_in_bytes"]
    if connection.vendor == "sqlite":
        return os.path.getsize(settings.DATABASES["default"]["NAME"])
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_database_size(current_database())")
        return cursor.fetchone()[0]


def code_versions(args):
    """sha256 (first 12 hex digits) and mtime of the engine code a run measured."""
    import hashlib

    files = ["search/engines/database.py", "search/engines/cluster.py", "search/text.py"]
    if args.embedded_class:
        files.append(args.embedded_class.partition(":")[0].replace(".", "/") + ".py")
    found = {}
    for name in files:
        path = ROOT / name
        if path.exists():
            found[name] = {
                "sha256": hashlib.sha256(path.read_bytes()).hexdigest()[:12],
                "mtime": datetime.datetime.fromtimestamp(path.stat().st_mtime, datetime.UTC).isoformat(
                    timespec="seconds"
                ),
            }
    return found


def worker(args):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    sys.path.insert(0, str(ROOT / "bench"))
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from search import service

    name, size = args.engine, args.size
    result = {"engine": name, "label": ENGINE_LABELS[name], "size": size, "seed": args.seed,
              "started": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
              "repeat": args.repeat, "timeout_s": args.timeout, "per_page": PER_PAGE, "index_batch": INDEX_BATCH,
              "variant": args.variant, "embedded_class": args.embedded_class, "code": code_versions(args)}
    begun = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    result["migrate_s"] = round(time.perf_counter() - begun, 1)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"SET statement_timeout = {int(args.timeout * 1000)}")

    extra = {}
    if name == "stock":
        engine = None
        ids, seconds = load_stock(size, args.seed)
    else:
        if args.embedded_class and name in ("sqlite", "postgres"):
            import importlib

            module, _, attribute = args.embedded_class.partition(":")
            engine = getattr(importlib.import_module(module), attribute)()
        elif name in ("sqlite", "postgres"):
            engine = service.embedded_engine()
        else:
            engine = service.configured_engine()
        expected = {"sqlite": "sqlite", "postgres": "postgresql"}.get(name)
        if expected and connection.vendor != expected:
            raise SystemExit(f"{name}: DATABASE_URL is {connection.vendor}, not {expected}")
        if name == "opensearch":
            for index in engine.gateway.get_alias(f"{engine.prefix}-resources*"):
                engine.gateway.delete_index(index)  # a previous benchmark's index
            ids = list(range(1, size + 1))  # the cluster needs no pages
        else:
            begun = time.perf_counter()
            ids = create_pages(size)
            extra["create_pages_s"] = round(time.perf_counter() - begun, 2)
        seconds = index_documents(engine, ids, args.seed)
        begun = time.perf_counter()
        if name == "opensearch":
            engine.gateway.refresh(engine.alias)
            extra["refresh_s"] = round(time.perf_counter() - begun, 2)
            # index() asks for refresh=wait_for on every bulk request (it is the per-page update
            # path); rebuild() is the bulk path: chunks without waiting, one refresh, alias swap.
            rebuild_seconds = rebuild_documents(engine, ids, args.seed)
            extra["rebuild_s"] = round(rebuild_seconds, 3)
            extra["rebuild_rate"] = round(size / rebuild_seconds, 1)
            extra["refresh_writes"] = engine.refresh_writes
        elif name == "postgres":
            with connection.cursor() as cursor:  # what autovacuum does shortly after a bulk load
                cursor.execute("SET statement_timeout = 0")
                cursor.execute("VACUUM ANALYZE")
                cursor.execute(f"SET statement_timeout = {int(args.timeout * 1000)}")
            extra["vacuum_analyze_s"] = round(time.perf_counter() - begun, 2)
    result["indexing"] = {"documents": size, "seconds": round(seconds, 3), "rate": round(size / seconds, 1), **extra}
    result["versions"] = versions(name, engine)
    if name != "stock":
        result["store_bytes"] = store_size(name, engine)
    result["load_before_queries"] = os.getloadavg()
    calls = engine_calls(name, engine, ids)
    result["queries"] = measure(calls, args.repeat, args.timeout, args.query_budget, args.run_budget)
    result["load_after_queries"] = os.getloadavg()
    if name == "opensearch" and not args.keep:
        for index in engine.gateway.get_alias(f"{engine.prefix}-resources*"):
            engine.gateway.delete_index(index)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=1, default=str))
    print(f"{name} {size}: indexed at {result['indexing']['rate']:.0f}/s, results in {out}", flush=True)


# Orchestrator: services, scratch stores, one worker per run -----------------------------------


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_quiet(threshold, max_wait, poll=30):
    """Until the 1-minute load average is below ``threshold`` or ``max_wait`` seconds pass.
    Returns (quiet, waited seconds, load)."""
    begun = time.monotonic()
    while True:
        load = os.getloadavg()[0]
        if load < threshold:
            return True, time.monotonic() - begun, load
        if time.monotonic() - begun >= max_wait:
            return False, time.monotonic() - begun, load
        say(f"load average {load:.2f} >= {threshold}: waiting")
        time.sleep(poll)


class Postgres:
    """A throwaway server like .ci/run's: initdb into var/bench/pg, pg_ctl on a free port."""

    def __init__(self):
        bins = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda path: int(Path(path).parent.name))
        if not bins:
            raise SystemExit("PostgreSQL is not installed (apt-get install postgresql)")
        self.bin = bins[-1]
        self.dir = VAR / "pg"
        self.data = self.dir / "data"
        self.port = free_port()
        self.as_postgres = os.geteuid() == 0  # initdb refuses root, as in .ci/run

    def _run(self, *command):
        if self.as_postgres:
            command = ["su", "postgres", "-c", " ".join(f"'{part}'" for part in command)]
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)

    def start(self):
        self.dir.mkdir(parents=True, exist_ok=True)
        if self.as_postgres:
            shutil.chown(self.dir, "postgres")
        if not (self.data / "PG_VERSION").exists():
            self._run(f"{self.bin}/initdb", "-D", str(self.data), "-A", "trust", "-U", "postgres")
        options = f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1"
        self._run(f"{self.bin}/pg_ctl", "-D", str(self.data), "-o", options, "-l", str(self.dir / "log"), "-w", "start")
        say(f"PostgreSQL started on port {self.port}")

    def stop(self):
        self._run(f"{self.bin}/pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")
        say("PostgreSQL stopped")

    def recreate(self, name):
        import psycopg

        with psycopg.connect(f"postgresql://postgres@127.0.0.1:{self.port}/postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
            conn.execute(f'CREATE DATABASE "{name}"')
        return f"postgres://postgres@127.0.0.1:{self.port}/{name}"


class OpenSearch:
    """scripts/opensearch.sh; a node that was already running is used and left running."""

    def __init__(self, heap):
        self.heap = heap
        self.started_here = False
        self.url = None

    def start(self):
        env = {**os.environ, "OPENSEARCH_JAVA_OPTS": f"-Xms{self.heap} -Xmx{self.heap}"}
        status = subprocess.run(["bash", "scripts/opensearch.sh", "status"], cwd=ROOT, capture_output=True, text=True)
        if status.returncode == 0:
            say("OpenSearch already running (started elsewhere): using it, leaving it running")
        else:
            self.started_here = True
        out = subprocess.run(["bash", "scripts/opensearch.sh", "start"], cwd=ROOT, env=env, capture_output=True,
                             text=True)
        if out.returncode != 0:
            raise RuntimeError(f"OpenSearch did not start: {out.stderr[-2000:]}")
        self.url = out.stdout.strip().splitlines()[-1] + "/" + OPENSEARCH_PREFIX
        say(f"OpenSearch at {self.url}")

    def stop(self):
        if self.started_here:
            subprocess.run(["bash", "scripts/opensearch.sh", "stop"], cwd=ROOT, check=False)
            say("OpenSearch stopped")


def stock_skip_reason(size, timeout):
    """Why the stock baseline is not run at ``size``, judging by its results at smaller sizes."""
    for path in sorted(RESULTS.glob("*-stock.json")):
        data = json.loads(path.read_text())
        if data.get("skipped") or data["size"] >= size:
            continue
        slow = [q for q in data["queries"] if q["timeout"] or (q["cold_ms"] or 0) > 10_000]
        if slow:
            worst = max(slow, key=lambda q: (q["timeout"], q["cold_ms"] or 0))
            took = f"> {timeout:.0f} s (stopped)" if worst["timeout"] else f"{worst['cold_ms'] / 1000:.0f} s"
            return (f"at {data['size']:,} resources the stock backend took {took} for '{worst['key']}' "
                    f"({len(slow)} of {len(data['queries'])} queries over 10 s); its ranked search grows with "
                    f"the number of matches, so {size:,} was not attempted")
    return None


def orchestrate(args):
    VAR.mkdir(parents=True, exist_ok=True)
    (VAR / "db").mkdir(exist_ok=True)
    RESULTS.mkdir(exist_ok=True)
    postgres = opensearch = None
    busy = False  # once the machine failed to get quiet, stop waiting
    try:
        for size in args.sizes:
            for name in args.engines:
                out = RESULTS / (f"{size}-{name}@{args.variant}.json" if args.variant else f"{size}-{name}.json")
                if name == "stock":
                    reason = stock_skip_reason(size, args.timeout)
                    if reason and not args.force_stock:
                        say(f"stock {size}: skipped: {reason}")
                        out.write_text(json.dumps({"engine": name, "label": ENGINE_LABELS[name], "size": size,
                                                   "skipped": reason}, indent=1))
                        continue
                env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench.settings", "PYTHONUNBUFFERED": "1",
                       "SEARCH_URL": "embedded"}
                if name == "postgres":
                    if postgres is None:
                        postgres = Postgres()
                        postgres.start()
                    env["DATABASE_URL"] = postgres.recreate(f"bench_{size}{'_' + args.variant if args.variant else ''}")
                else:
                    path = VAR / "db" / f"{size}-{name}{'@' + args.variant if args.variant else ''}.sqlite3"
                    for leftover in glob.glob(f"{path}*"):
                        os.remove(leftover)
                    env["DATABASE_URL"] = f"sqlite:///{path}"
                if name == "opensearch":
                    if opensearch is None:
                        opensearch = OpenSearch(args.opensearch_heap)
                        opensearch.start()
                    env["SEARCH_URL"] = opensearch.url
                    env["OPENSEARCH_JAVA_OPTS"] = f"-Xms{args.opensearch_heap} -Xmx{args.opensearch_heap}"
                quiet = None
                if args.wait_quiet and not busy:
                    quiet, waited, load = wait_until_quiet(args.quiet_load, args.quiet_max)
                    busy = not quiet
                    state = "quiet" if quiet else "NOT quiet, measuring anyway"
                    say(f"load average {load:.2f} after {waited:.0f} s: {state}")
                say(f"{name} {size}: loading and measuring")
                command = [sys.executable, str(Path(__file__).resolve()), "--worker", "--engine", name,
                           "--size", str(size), "--seed", str(args.seed), "--repeat", str(args.repeat),
                           "--timeout", str(args.timeout), "--query-budget", str(args.query_budget),
                           "--run-budget", str(args.run_budget), "--out", str(out)]
                if args.variant:
                    command += ["--variant", args.variant, "--embedded-class", args.embedded_class]
                if args.keep:
                    command.append("--keep")
                begun = time.monotonic()
                completed = subprocess.run(command, cwd=ROOT, env=env)
                if completed.returncode != 0:
                    say(f"{name} {size}: FAILED (exit {completed.returncode})")
                    out.write_text(json.dumps({"engine": name, "label": ENGINE_LABELS[name], "size": size,
                                               "failed": f"worker exited with {completed.returncode}"}, indent=1))
                    continue
                data = json.loads(out.read_text())
                data["wall_s"] = round(time.monotonic() - begun, 1)
                data["quiet_before"] = quiet
                data["load_before_run"] = os.getloadavg() if quiet is None else None
                out.write_text(json.dumps(data, indent=1, default=str))
                say(f"{name} {size}: done in {data['wall_s']:.0f} s")
    finally:
        if postgres is not None:
            postgres.stop()
        if opensearch is not None:
            opensearch.stop()


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", nargs="+", type=int, default=[1000])
    parser.add_argument("--engines", nargs="+", choices=ENGINES, default=list(ENGINES))
    parser.add_argument("--repeat", type=int, default=10, help="warm repetitions of each query (default 10)")
    parser.add_argument("--timeout", type=float, default=120, help="seconds before one query is stopped")
    parser.add_argument("--query-budget", type=float, default=60,
                        help="seconds one query may take in all before it stops repeating (default 60)")
    parser.add_argument("--run-budget", type=float, default=40 * 60, help="seconds of querying per run (default 2400)")
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--wait-quiet", action="store_true",
                        help="before each run wait until the 1-minute load average is below --quiet-load")
    parser.add_argument("--quiet-load", type=float, default=1.0)
    parser.add_argument("--quiet-max", type=float, default=20 * 60, help="longest wait for a quiet machine (s)")
    parser.add_argument("--opensearch-heap", default="1g")
    parser.add_argument(
        "--variant", help="label of a modified embedded engine measured on a copy (with --embedded-class)"
    )
    parser.add_argument(
        "--embedded-class",
        help="module:Class of that engine, e.g. var.bench.variants.database_patched:DatabaseEngine "
        "(any importable module)",
    )
    parser.add_argument("--force-stock", action="store_true", help="run the stock baseline even where it was slow")
    parser.add_argument("--report", action="store_true", help="only rebuild docs/performance.md from var/bench/results")
    parser.add_argument("--no-report", action="store_true")
    # worker
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--engine", help=argparse.SUPPRESS)
    parser.add_argument("--size", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    parser.add_argument("--keep", action="store_true", help="keep the OpenSearch index after the run")
    args = parser.parse_args(argv)
    if bool(args.variant) != bool(args.embedded_class):
        parser.error("--variant and --embedded-class go together")
    if args.variant and not args.worker and set(args.engines) - {"sqlite", "postgres"}:
        parser.error("a variant is an embedded engine: --engines sqlite and/or postgres")
    if args.seed is None:
        sys.path.insert(0, str(ROOT / "bench"))
        from generate import DEFAULT_SEED

        args.seed = DEFAULT_SEED
    if args.worker:
        return worker(args)
    if not args.report:
        orchestrate(args)
    if not args.no_report:
        write_report()


if __name__ == "__main__":
    main()
