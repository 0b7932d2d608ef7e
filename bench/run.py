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

ROOT = Path(__file__).resolve().parent.parent
VAR = ROOT / "var" / "bench"
RESULTS = VAR / "results"
DOC = ROOT / "docs" / "performance.md"
ENGINES = ("sqlite", "postgres", "opensearch", "stock")
ENGINE_LABELS = {
    "sqlite": "embedded, SQLite FTS5",
    "postgres": "embedded, PostgreSQL",
    "opensearch": "OpenSearch cluster engine",
    "stock": "Wagtail stock backend (SQLite)",
}
GENERATED_END = "<!-- end of generated results: text below this line is kept when the report is rebuilt -->"
PER_PAGE = 10
INDEX_BATCH = 1000
PAGE_BATCH = 2000
OPENSEARCH_PREFIX = "bench"

if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


# The fixed query set ---------------------------------------------------------------------------
# key, text as typed, selected facet values, what it exercises. Each search is timed twice: with
# the seven facet counts (as the search page asks) and without.
SEARCHES = [
    ("clinic", "clinic", {}, "common term"),
    ("patients", "patients", {}, "common term"),
    ("families-clinic", "families clinic", {}, "two common terms"),
    ("calprotectin", "calprotectin", {}, "mid-frequency term"),
    ("fmea", "FMEA", {}, "rare term"),
    ("kaizen", "kaizen", {}, "very rare term"),
    ("insulin-pump", "insulin pump", {}, "two terms"),
    ("phrase", '"pre-visit planning"', {}, "phrase"),
    ("pdsa", "PDSA", {}, "synonym (PDSA = plan-do-study-act)"),
    ("clinic-ibd", "clinic", {"condition": ("ibd",)}, "common term, condition selected"),
    ("patients-t1d-handout", "patients", {"condition": ("type-1-diabetes",), "type": ("handout",)},
     "common term, condition and type selected"),
]
AUTOCOMPLETES = [("ac-pre", "pre", "autocomplete, common prefix"), ("ac-calp", "calp", "autocomplete, rare prefix")]
RELATED = [("related", "related resources of one resource")]


def stock_query(key, text):
    """The stock backend's equivalent of a query: terms ANDed as the embedded engine does, the
    phrase as a Phrase, the synonym spelled out as an Or (the stock backend has no synonyms)."""
    from wagtail.search.query import Or, Phrase, PlainText

    if key == "phrase":
        return Phrase(text.strip('"'))
    if key == "pdsa":
        return Or([PlainText("PDSA"), Phrase("plan-do-study-act"), Phrase("plan do study act")])
    return PlainText(text, operator="and")


# Statistics ------------------------------------------------------------------------------------


def percentile(values, share):
    """Linear interpolation between closest ranks (numpy's default)."""
    values = sorted(values)
    if not values:
        return None
    position = (len(values) - 1) * share
    low = int(position)
    high = min(low + 1, len(values) - 1)
    return values[low] + (values[high] - values[low]) * (position - low)


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

    spent = 0.0
    for start in range(0, len(ids), INDEX_BATCH):
        documents = [document(i, seed=seed, page_id=ids[i]) for i in range(start, min(len(ids), start + INDEX_BATCH))]
        started = time.perf_counter()
        engine.index(documents)
        spent += time.perf_counter() - started
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
            calls.append((key, "search", facets, lambda request=request: engine.search(request).total))
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


def say(message):
    print(f"[{datetime.datetime.now():%H:%M:%S}] {message}", flush=True)


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


# The report ------------------------------------------------------------------------------------


def fmt_ms(value):
    if value is None:
        return "–"
    if value >= 1000:
        return f"{value / 1000:.1f} s"
    if value >= 100:
        return f"{value:.0f} ms"
    if value >= 10:
        return f"{value:.1f} ms"
    return f"{value:.2f} ms"


def pooled(data, kind, facets=None):
    """(p50, p95, samples, timeouts, errors) over every warm sample of the calls of one kind."""
    samples, timeouts, errors = [], 0, 0
    for query in data.get("queries", []):
        if query["kind"] != kind or (facets is not None and query["facets"] != facets):
            continue
        samples += query["samples_ms"]
        timeouts += query["timeout"]
        errors += bool(query["error"])
    return percentile(samples, 0.5), percentile(samples, 0.95), len(samples), timeouts, errors


def cell(data, kind, facets, timeout):
    if data is None or data.get("skipped") or data.get("failed"):
        return "not run"
    p50, p95, count, timeouts, errors = pooled(data, kind, facets)
    if not count and not timeouts and not errors:
        return "–"
    text = f"{fmt_ms(p50)} / {fmt_ms(p95)}" if count else "–"
    if timeouts:
        text += f" ({timeouts} {'query' if timeouts == 1 else 'queries'} > {timeout:.0f} s)"
    if errors:
        text += f" ({errors} failed)"
    return text


def query_cell(query, timeout):
    if query is None:
        return "–"
    if query["timeout"]:
        if query["cold_ms"] is None:
            return f"> {timeout:.0f} s"
        return f"{fmt_ms(percentile(query['samples_ms'], 0.5))}, then > {timeout:.0f} s"
    if query["error"]:
        return "failed"
    samples = query["samples_ms"]
    if not samples:
        return f"cold {fmt_ms(query['cold_ms'])} only"
    text = f"{fmt_ms(percentile(samples, 0.5))} / {fmt_ms(percentile(samples, 0.95))}"
    if len(samples) < 5:
        text += f" (n={len(samples)})"
    return text


def machine():
    info = {"nproc": os.cpu_count(), "cpu": platform.processor() or platform.machine()}
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                info["cpu"] = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                info["ram_gib"] = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    info["kernel"] = platform.release()
    return info


def write_report():
    paths = sorted(RESULTS.glob("*.json"))
    runs = [json.loads(path.read_text()) for path in paths if "@" not in path.name]
    variants = [json.loads(path.read_text()) for path in paths if "@" in path.name]
    variants = [run for run in variants if run.get("variant") and run.get("queries")]
    if not runs:
        raise SystemExit("no results in var/bench/results/: run the benchmark first")
    by = {(run["size"], run["engine"]): run for run in runs}
    sizes = sorted({run["size"] for run in runs})
    measured = [run for run in runs if run.get("queries")]
    timeout = max((run.get("timeout_s", 120) for run in measured), default=120)
    found_versions = {}
    for run in measured:
        found_versions.update(run.get("versions", {}))
    dates = sorted(run["started"][:10] for run in measured)
    info = machine()
    lines = [
        "# Search performance",
        "",
        "Measured with `bench/run.py` (how to run it: `bench/README.md`). Every number below was measured "
        "by that script on the machine described here; nothing is estimated or copied from elsewhere. "
        "Latencies are in-process times of one engine call (what the search page waits for, without "
        "template rendering), warm: each query ran once cold (not counted) and then "
        f"{max((r.get('repeat', 0) for r in measured), default=0)} more times, the whole query set round-robin.",
        "",
        "## Machine and software",
        "",
        "| | |",
        "|---|---|",
        f"| date | {dates[0]}{' to ' + dates[-1] if dates and dates[-1] != dates[0] else ''} |",
        f"| CPU | {info.get('cpu')}, {info['nproc']} cores (nproc) |",
        f"| RAM | {info.get('ram_gib')} GiB |",
        f"| Python | {found_versions.get('python', platform.python_version())} |",
        f"| Django / Wagtail | {found_versions.get('django')} / {found_versions.get('wagtail')} |",
        f"| SQLite (Python's sqlite3) | {found_versions.get('sqlite')} |",
        f"| PostgreSQL | {found_versions.get('postgresql', 'not measured')} (Debian package, default configuration) |",
        f"| OpenSearch | {found_versions.get('opensearch', 'not measured')} "
        f"(single node from scripts/opensearch.sh, JVM {found_versions.get('opensearch_heap') or 'default heap'}) |",
        "",
        "1-minute load average when each run's queries started and ended. Each run first waited until the "
        "load was below 1.0 (other helpers' test suites ran on the machine at times); its own loading and, "
        "for OpenSearch, the JVM's segment merges after the bulk load raise it again:",
        "",
        "| size | engine | load when the queries started | when they ended | load < 1.0 before the run began |",
        "|---|---|---|---|---|",
    ]
    for run in sorted(measured, key=lambda r: (r["size"], ENGINES.index(r["engine"]))):
        quiet = {True: "yes", False: "no: gave up waiting after 20 min", None: "not checked"}[run.get("quiet_before")]
        lines.append(f"| {run['size']:,} | {run['engine']} | {run['load_before_queries'][0]:.2f} | "
                     f"{run['load_after_queries'][0]:.2f} | {quiet} |")

    # Targets
    def p95_of(size, engine, kind, facets=None):
        run = by.get((size, engine))
        if not run or not run.get("queries"):
            return None, None
        p50, p95, count, timeouts, errors = pooled(run, kind, facets)
        return p95, (timeouts, errors, count)

    lines += ["", "## Targets", "", "| target | measured | met? |", "|---|---|---|"]
    os_run = by.get((100000, "opensearch"))
    if os_run and os_run.get("queries"):
        samples = [s for q in os_run["queries"] for s in q["samples_ms"]]
        failed = sum(q["timeout"] or bool(q["error"]) for q in os_run["queries"])
        p95 = percentile(samples, 0.95)
        search_p95 = p95_of(100000, "opensearch", "search", True)[0]
        failures = f"; {failed} calls failed" if failed else ""
        lines.append(f"| OpenSearch p95 ≤ 50 ms at 100k | p95 {fmt_ms(p95)} over every call of the query set "
                     f"(searches with facets alone: {fmt_ms(search_p95)}){failures} | "
                     f"{'yes' if p95 is not None and p95 <= 50 and not failed else 'no'} |")
    else:
        lines.append("| OpenSearch p95 ≤ 50 ms at 100k | not measured | – |")
    sq = by.get((10000, "sqlite"))
    if sq and sq.get("queries"):
        p95, (timeouts, errors, _) = p95_of(10000, "sqlite", "search", True)
        lines.append(f"| SQLite p95 ≤ 150 ms at 10k with facets | p95 {fmt_ms(p95)} over the searches with facets | "
                     f"{'yes' if p95 is not None and p95 <= 150 and not (timeouts or errors) else 'no'} |")
    else:
        lines.append("| SQLite p95 ≤ 150 ms at 10k with facets | not measured | – |")
    stock = by.get((10000, "stock"))
    if sq and sq.get("queries") and stock and stock.get("queries"):
        ours = {q["key"]: q for q in sq["queries"] if q["kind"] == "search" and q["facets"]}
        slower = []
        for q in stock["queries"]:
            if q["kind"] != "search" or q["key"] not in ours:
                continue
            mine = percentile(ours[q["key"]]["samples_ms"], 0.95)
            theirs = None if q["timeout"] else percentile(q["samples_ms"], 0.95)
            if mine is None or (theirs is not None and mine > theirs):
                slower.append((q["key"], mine, theirs))
        total = len([q for q in stock["queries"] if q["kind"] == "search"])
        detail = ""
        if slower:
            detail = "; slower on " + ", ".join(f"'{k}' ({fmt_ms(a)} vs {fmt_ms(b)})" for k, a, b in slower)
        lines.append(f"| SQLite with facets no slower than the stock backend without facets (10k, same queries) | "
                     f"p95 per query: faster or equal on {total - len(slower)} of {total}{detail} | "
                     f"{'yes' if not slower else 'no'} |")
    else:
        lines.append("| SQLite with facets no slower than the stock backend without facets | not measured | – |")
    rates = []
    for size in sizes:
        for engine in ("sqlite", "postgres", "opensearch"):
            run = by.get((size, engine))
            if run and run.get("indexing"):
                # OpenSearch: the bulk path is rebuild(); index() waits for a refresh per request.
                rates.append((size, engine, run["indexing"].get("rebuild_rate", run["indexing"]["rate"])))
    if rates:
        text = ", ".join(f"{engine}{' (rebuild)' if engine == 'opensearch' else ''} {size // 1000}k: {rate:,.0f}/s"
                         for size, engine, rate in rates)
        slow = ", ".join(f"{e} {s // 1000}k" for s, e, r in rates if r < 1000)
        lines.append(f"| ≥ 1,000 resources/s bulk indexing | {text} | "
                     f"{'yes' if all(rate >= 1000 for _, _, rate in rates) else 'no: ' + slow} |")

    # Per size
    for size in sizes:
        engines_here = [e for e in ENGINES if (size, e) in by]
        lines += ["", f"## {size:,} resources", "",
                  "p50 / p95 of warm calls, pooled over the query set; indexing = `index()` in batches of "
                  f"{INDEX_BATCH:,} documents (OpenSearch: also `rebuild()`, its bulk path). The stock backend's "
                  "pooled figures favour its fast queries: a slow query stopped repeating after its query budget, "
                  "so it contributed fewer samples (see per query).", "",
                  "| engine | indexing | search with facets | search without facets | autocomplete | related |",
                  "|---|---|---|---|---|---|"]
        for engine in engines_here:
            run = by[(size, engine)]
            if run.get("skipped") or run.get("failed"):
                lines.append(f"| {run['label']} | not run: {run.get('skipped') or run.get('failed')} | | | | |")
                continue
            idx = run["indexing"]
            index_text = f"{idx['rate']:,.0f}/s ({idx['seconds']:.1f} s)"
            if "rebuild_rate" in idx:
                index_text = (f"rebuild(): {idx['rebuild_rate']:,.0f}/s ({idx['rebuild_s']:.1f} s); "
                              f"index(){' with refresh=wait_for' if idx.get('refresh_writes') else ''}: {index_text}")
            with_facets = "no facets: not supported" if engine == "stock" else cell(run, "search", True, timeout)
            related = "not supported" if engine == "stock" else cell(run, "related", None, timeout)
            lines.append(f"| {run['label']} | {index_text} | {with_facets} | {cell(run, 'search', False, timeout)} | "
                         f"{cell(run, 'autocomplete', None, timeout)} | {related} |")
        columns = [e for e in engines_here if by[(size, e)].get("queries")]
        if not columns:
            continue
        lines += ["", "Per query, p50 / p95 (n = number of warm samples where fewer than 5); "
                  "matches = total the engine reported (stock: rows returned, at most 10):", "",
                  "| query | what | facets | matches (" + ", ".join(columns) + ") | " + " | ".join(columns) + " |",
                  "|---|---|---|---|" + "---|" * len(columns)]
        descriptions = {key: (text, what) for key, text, _, what in SEARCHES}
        descriptions.update({key: (prefix, what) for key, prefix, what in AUTOCOMPLETES})
        descriptions.update({key: ("", what) for key, what in RELATED})
        rows = [(key, "search", True) for key, *_ in SEARCHES] + [(key, "search", False) for key, *_ in SEARCHES]
        rows += [(key, "autocomplete", False) for key, *_ in AUTOCOMPLETES]
        rows += [(key, "related", False) for key, _ in RELATED]
        for key, kind, facets in rows:
            found = {e: next((q for q in by[(size, e)]["queries"] if q["key"] == key and q["facets"] == facets
                              and q["kind"] == kind), None) for e in columns}
            text, what = descriptions[key]
            selected = next((f for k, _, f, _ in SEARCHES if k == key), {})
            if selected:
                what += " (" + ", ".join(f"{f}={'+'.join(v)}" for f, v in selected.items()) + ")"
            label = f"`{text}`" if text else "–"
            matches = ", ".join(
                "–" if q is None or q["matches"] is None else f"{q['matches']:,}" for q in found.values()
            )
            facet_text = {True: "7 facets", False: "none"}[facets] if kind == "search" else ""
            lines.append(f"| {label} | {what} | {facet_text} | {matches} | "
                         + " | ".join(query_cell(q, timeout) for q in found.values()) + " |")
        extra = []
        for engine in columns:
            run = by[(size, engine)]
            notes = [f"{k.replace('_s', '')} {v} s" for k, v in run["indexing"].items() if k.endswith("_s")]
            store = run.get("store_bytes")
            engine_file = {"opensearch": "search/engines/cluster.py"}.get(engine, "search/engines/database.py")
            code = run.get("code", {}).get(engine_file)
            code_text = "" if engine == "stock" else (
                f", code {('cluster.py' if engine == 'opensearch' else 'database.py')} {code['sha256']}" if code
                else f", code {run.get('code_note', 'not recorded')}")
            extra.append(f"{engine}: migrate {run.get('migrate_s')} s" + code_text
                         + (", " + ", ".join(notes) if notes else "")
                         + (f", store {store / 1024 / 1024:,.0f} MiB" if store else "")
                         + f", whole run {run.get('wall_s', '?')} s")
            for q in run["queries"]:
                if q.get("note") or q.get("error"):
                    facets = " (facets)" if q["facets"] else ""
                    extra.append(f"{engine} `{q['key']}`{facets}: {q.get('note') or q.get('error')}")
        lines += [""] + [f"- {item}" for item in extra]
    if variants:
        lines += ["", "## Versions of the engines compared", "",
                  "The same data and queries with other versions of the engine code: `--variant` runs of "
                  "`search/engines/database.py` (`--embedded-class`), each in its own scratch database, and "
                  "\"before\": the runs of the previous report, kept as they were measured. \"current\" is the "
                  "code the tables above measured.", ""]
        groups = sorted({(run["size"], run["engine"]) for run in variants}, key=lambda k: (k[0], ENGINES.index(k[1])))
        lines += ["| size | engine | version | indexing | search with facets | search without facets "
                  "| autocomplete | related |",
                  "|---|---|---|---|---|---|---|---|"]
        for size, engine in groups:
            versions_here = [("current", by.get((size, engine)))] + [
                (run["variant"], run) for run in variants if (run["size"], run["engine"]) == (size, engine)]
            versions_here.sort(key=lambda item: {"original": 0, "before": 1, "current": 2}.get(item[0], 3))
            for label, run in versions_here:
                if not run or not run.get("queries"):
                    continue
                lines.append(f"| {size:,} | {engine} | {label} | {run['indexing']['rate']:,.0f}/s | "
                             f"{cell(run, 'search', True, timeout)} | {cell(run, 'search', False, timeout)} | "
                             f"{cell(run, 'autocomplete', None, timeout)} | {cell(run, 'related', None, timeout)} |")
        for size, engine in groups:
            versions_here = [("current", by.get((size, engine)))] + [
                (run["variant"], run) for run in variants if (run["size"], run["engine"]) == (size, engine)]
            versions_here = [(label, run) for label, run in versions_here if run and run.get("queries")]
            versions_here.sort(key=lambda item: {"original": 0, "before": 1, "current": 2}.get(item[0], 3))
            if len(versions_here) < 2:
                continue
            labels = [label for label, _ in versions_here]
            lines += ["", f"Per query, {size:,} resources, {engine}, p50 / p95:", "",
                      "| query | facets | " + " | ".join(labels) + " |", "|---|---|" + "---|" * len(labels)]
            reference = versions_here[0][1]
            for query in reference["queries"]:
                found = [next((q for q in run["queries"] if q["key"] == query["key"] and q["facets"] == query["facets"]
                               and q["kind"] == query["kind"]), None) for _, run in versions_here]
                if query["kind"] == "search":
                    facet_text = {True: "7 facets", False: "none"}[query["facets"]]
                else:
                    facet_text = query["kind"]
                cells = " | ".join(query_cell(q, timeout) for q in found)
                lines.append(f"| {query['key']} | {facet_text} | {cells} |")
        lines += ["", "Code measured by each run (sha256 prefix, file time, UTC):", ""]
        measured = variants + [by[k] for k in groups if by.get(k)]
        for run in sorted(measured, key=lambda r: (r["size"], r["engine"], r.get("variant") or "")):
            code = run.get("code", {})
            engine_file = "cluster.py" if run["engine"] == "opensearch" else "database.py"
            parts = [f"`{name}` {info['sha256']} ({info['mtime'][11:16]})" for name, info in code.items()
                     if name.endswith(engine_file) or name.startswith("bench/")]
            lines.append(f"- {run['size']:,} {run['engine']} {run.get('variant') or 'current'}: "
                         + (run.get("code_note") or ", ".join(parts) or "not recorded"))
    lines += ["", GENERATED_END]
    kept = ""
    if DOC.exists():
        previous = DOC.read_text()
        if GENERATED_END in previous:
            kept = previous.split(GENERATED_END, 1)[1]
    DOC.write_text("\n".join(lines) + (kept if kept.strip() else "\n"))
    say(f"wrote {DOC.relative_to(ROOT)}")


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
