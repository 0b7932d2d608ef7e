#!/usr/bin/env python
"""How well search finds what people mean: the relevance set (bench/relevance.yaml) on the demo
network, MRR@10 and nDCG@10 per engine and per kind of query. See docs/search-quality.md.

    .venv/bin/python bench/relevance.py                       # the embedded engine on SQLite
    DATABASE_URL=postgres://... OPENSEARCH_URL=opensearch://127.0.0.1:9250 .venv/bin/python bench/relevance.py
    .venv/bin/python bench/relevance.py --engines sqlite --floor bench/relevance-floor.json --json var/relevance.json

Engines: ``sqlite`` (always), ``postgres`` (when DATABASE_URL is a PostgreSQL URL), ``opensearch`` and
``elasticsearch`` (when OPENSEARCH_URL / ELASTICSEARCH_URL name a cluster). Each runs in a child process
(this script with --worker) on a fresh database with the demo loaded: a SQLite file in a temporary
folder, or a ``relevance_<name>`` database on the PostgreSQL server, both removed at the end. A cluster
is searched with the index prefix ``relevance`` (never the site's own indices), rebuilt from that
database first. Searches go through ``search.service.search`` with SEARCH_URL naming the engine, as
the search page does.
"""

import argparse
import datetime
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from common import ENGINE_LABELS, PER_PAGE, ROOT, say

if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SET = ROOT / "bench" / "relevance.yaml"
LABELS = {**ENGINE_LABELS, "elasticsearch": "Elasticsearch cluster engine"}
CLUSTER_VARIABLES = {"opensearch": "OPENSEARCH_URL", "elasticsearch": "ELASTICSEARCH_URL"}
CLUSTER_PREFIX = "relevance"
MEMBER = "grace.lin"  # a participant: whom `signed_in: true` queries are searched as
POSTGRES_SCHEMES = ("postgres", "postgresql", "pgsql")


def load_set(path=SET):
    import yaml

    with open(path, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


# Measures -----------------------------------------------------------------------------------------


def first_relevant_rank(slugs, judgments):
    """1-based rank of the first result judged 1 or 2 in the first PER_PAGE, or None."""
    return next((rank for rank, slug in enumerate(slugs[:PER_PAGE], 1) if judgments.get(slug, 0) > 0), None)


def ndcg(slugs, judgments):
    """nDCG@10: gain = the grade (2 or 1), discount log2(rank + 1), ideal = the judgments sorted."""
    dcg = sum(judgments.get(slug, 0) / math.log2(rank + 1) for rank, slug in enumerate(slugs[:PER_PAGE], 1))
    ideal = sorted(judgments.values(), reverse=True)[:PER_PAGE]
    best = sum(grade / math.log2(rank + 1) for rank, grade in enumerate(ideal, 1))
    return dcg / best if best else 0.0


def summarise(rows):
    """MRR@10, nDCG@10 and the count of empty answers over per-query rows."""
    count = len(rows)
    return {
        "queries": count,
        "mrr": round(sum(1 / row["rank"] if row["rank"] else 0 for row in rows) / count, 4) if count else 0.0,
        "ndcg": round(sum(row["ndcg"] for row in rows) / count, 4) if count else 0.0,
        "empty": sum(1 for row in rows if row["total"] == 0),
    }


def score(relevance_set, answers):
    """Figures for one engine from its answers ({query id: {"slugs", "total", "error"}})."""
    kinds = list(relevance_set["kinds"])
    rows = []
    for query in relevance_set["queries"]:
        answer = answers[query["id"]]
        rows.append({
            "id": query["id"], "kind": query["kind"], "text": query["text"], "total": answer["total"],
            "rank": first_relevant_rank(answer["slugs"], query["judgments"]),
            "ndcg": round(ndcg(answer["slugs"], query["judgments"]), 4),
            "results": answer["slugs"][:PER_PAGE], "error": answer.get("error"),
        })
    return {
        **summarise(rows),
        "errors": sum(1 for row in rows if row["error"]),
        "kinds": {kind: summarise([row for row in rows if row["kind"] == kind]) for kind in kinds},
        "rows": rows,
    }


# Worker: one engine on its own fresh database -----------------------------------------------------


def worker(args):
    """Create the database, load the demo, (re)build the cluster index, ask every query, write the
    answers to --out."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "commons_site.settings.test")
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import connection
    from django.test import RequestFactory

    from resources.models import ResourcePage
    from search import registry, service
    from search.engines.base import SearchRequest

    # Django's own test-database machinery: a fresh database of this name, migrated; dropped after.
    connection.settings_dict.setdefault("TEST", {})["NAME"] = args.database_name
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        with open(os.devnull, "w") as quiet:
            call_command("load_demo", verbosity=0, stdout=quiet)
            if args.engine in CLUSTER_VARIABLES:
                call_command("search_index", "rebuild", "--quiet", stdout=quiet)
        engine = service.configured_engine()
        expected = "embedded" if args.engine in ("sqlite", "postgres") else args.engine
        if engine.name != expected:
            raise SystemExit(f"{args.engine}: SEARCH_URL gives the {engine.name} engine")

        member = RequestFactory().get("/")
        member.user = get_user_model().objects.get(username=MEMBER)
        access = {False: frozenset({"public"}), True: frozenset(registry.source().access_keys(member))}
        slugs = dict(ResourcePage.objects.values_list("pk", "slug"))
        answers, degraded = {}, []
        for query in load_set(args.set)["queries"]:
            request = SearchRequest(
                text=query["text"], per_page=PER_PAGE, access=access[bool(query.get("signed_in"))],
                filters={facet: tuple(values) for facet, values in (query.get("filters") or {}).items()},
            )
            try:
                results = service.search(request)
            except Exception as error:  # a crash is reported (and fails --floor), the other queries still run
                answers[query["id"]] = {"slugs": [], "total": 0, "error": f"{type(error).__name__}: {error}"}
                continue
            if results.degraded:
                degraded.append(query["id"])
            answers[query["id"]] = {"slugs": [slugs.get(hit.page_id, f"#{hit.page_id}") for hit in results.hits],
                                    "total": results.total}
        Path(args.out).write_text(json.dumps({"answers": answers, "degraded": degraded}))
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


# Orchestration ------------------------------------------------------------------------------------


def engines_from_environment():
    engines = ["sqlite"]
    if urlsplit(os.environ.get("DATABASE_URL", "")).scheme in POSTGRES_SCHEMES:
        engines.append("postgres")
    engines += [name for name, variable in CLUSTER_VARIABLES.items() if os.environ.get(variable)]
    return engines


def cluster_url(url):
    """The cluster URL with our own index prefix, so that the site's and the tests' indices are untouched."""
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{CLUSTER_PREFIX}"))


def run_engine(name, args, scratch):
    """Run the worker for one engine; returns its answers (or raises SystemExit with the reason)."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "commons_site.settings.test", "PYTHONUNBUFFERED": "1",
           "TEST_MEDIA_ROOT": str(scratch / f"media-{name}"), "SEARCH_URL": "embedded"}
    if name == "postgres":
        database_name = f"relevance_{urlsplit(os.environ['DATABASE_URL']).path.strip('/') or 'commons'}"
    else:  # SQLite for the embedded engine and for the clusters' pages alike
        database_name = str(scratch / f"{name}.sqlite3")
        env["DATABASE_URL"] = f"sqlite:///{database_name}"
    if name in CLUSTER_VARIABLES:
        variable = CLUSTER_VARIABLES[name]
        if not os.environ.get(variable):
            raise SystemExit(f"--engines {name} needs {variable}, e.g. {name}://127.0.0.1:9250")
        env["SEARCH_URL"] = cluster_url(os.environ[variable])
    out = scratch / f"{name}.json"
    command = [sys.executable, str(Path(__file__).resolve()), "--worker", "--engine", name, "--set", str(args.set),
               "--database-name", database_name, "--out", str(out)]
    say(f"{LABELS[name]}: loading the demo into a fresh database and asking {args.query_count} queries")
    completed = subprocess.run(command, cwd=ROOT, env=env)
    if completed.returncode != 0 or not out.exists():
        raise SystemExit(f"{LABELS[name]}: the run failed (exit {completed.returncode})")
    data = json.loads(out.read_text())
    if data["degraded"]:
        raise SystemExit(f"{LABELS[name]}: the cluster did not answer {len(data['degraded'])} queries (the embedded "
                         "engine did instead); is it running?")
    return data["answers"]


def code_version():
    def git(*command):
        result = subprocess.run(["git", *command], cwd=ROOT, capture_output=True, text=True)
        return result.stdout.strip() if result.returncode == 0 else ""

    commit = git("rev-parse", "--short", "HEAD") or "unknown"
    changed = git("status", "--porcelain", "--", "search", "resources")
    return f"{commit} with uncommitted changes to search/ or resources/" if changed else commit


def print_figures(name, figures, worst):
    print(f"\n{LABELS[name]}: MRR@10 {figures['mrr']:.3f}  nDCG@10 {figures['ndcg']:.3f}  "
          f"no results: {figures['empty']} of {figures['queries']}"
          + (f"  ERRORS: {figures['errors']}" if figures["errors"] else ""))
    print(f"  {'kind':<14}{'queries':>8}{'MRR@10':>9}{'nDCG@10':>9}{'no results':>12}")
    for kind, row in figures["kinds"].items():
        print(f"  {kind:<14}{row['queries']:>8}{row['mrr']:>9.3f}{row['ndcg']:>9.3f}{row['empty']:>12}")
    rows = sorted(figures["rows"], key=lambda row: (row["ndcg"], row["rank"] or 99))
    rows = [row for row in rows if row["error"] or row["ndcg"] < 1][:worst]
    if rows:
        print(f"  worst {len(rows)} (first relevant rank; nDCG@10; results found):")
    for row in rows:
        rank = row["rank"] or "none"
        found = f"ERROR {row['error']}" if row["error"] else f"{row['total']} found"
        print(f"    {row['id']:<34} {str(rank):>4}  {row['ndcg']:.2f}  {found:<10} {row['text']}")


def check_floor(path, figures):
    """Messages for every engine measured below its floor."""
    floors = json.loads(Path(path).read_text())["engines"]
    failures = []
    for name, measured in figures.items():
        floor = floors.get(name)
        if floor is None:
            say(f"{LABELS[name]}: no floor recorded in {path}")
            continue
        for measure in ("mrr", "ndcg"):
            if measured[measure] < floor[measure]:
                failures.append(f"{LABELS[name]}: {measure.upper()}@10 {measured[measure]:.3f} is below the floor "
                                f"{floor[measure]:.2f} in {path}")
        if measured["errors"]:
            failures.append(f"{LABELS[name]}: {measured['errors']} queries raised an error")
    return failures


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--engines", nargs="+", choices=("sqlite", "postgres", *CLUSTER_VARIABLES),
                        help="default: sqlite, and postgres, opensearch, elasticsearch if the environment names them")
    parser.add_argument("--set", type=Path, default=SET, help=f"the relevance set (default {SET.relative_to(ROOT)})")
    parser.add_argument("--json", type=Path, help="write the figures and every query's results there")
    parser.add_argument("--floor", type=Path, help="exit 1 when an engine scores below the floor recorded there")
    parser.add_argument("--worst", type=int, default=15, help="how many of the worst queries to list (default 15)")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--engine", help=argparse.SUPPRESS)
    parser.add_argument("--database-name", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        return worker(args)

    relevance_set = load_set(args.set)
    args.query_count = len(relevance_set["queries"])
    engines = args.engines or engines_from_environment()
    scratch = Path(tempfile.mkdtemp(prefix="commons-relevance-"))
    figures = {}
    try:
        for name in engines:
            figures[name] = score(relevance_set, run_engine(name, args, scratch))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)

    version = code_version()
    print(f"\nRelevance set {args.set.name}: {args.query_count} queries; code {version}. A result is relevant when "
          "judged 1 or 2; nDCG gains are the grades.")
    for name in engines:
        print_figures(name, figures[name], args.worst)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({
            "measured": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"), "code": version,
            "set": str(args.set), "engines": {name: {"label": LABELS[name], **data} for name, data in figures.items()},
        }, indent=1))
        say(f"figures written to {args.json}")
    if args.floor:
        failures = check_floor(args.floor, figures)
        for failure in failures:
            print(f"FAIL {failure}")
        if failures:
            return 1
        say(f"every engine measured is at or above its floor in {args.floor}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
