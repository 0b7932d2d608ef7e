#!/usr/bin/env python
"""The SQL one embedded-engine call runs, each statement's time and its plan, on a benchmark database.

    DATABASE_URL=sqlite:///var/bench/db/10000-sqlite.sqlite3 .venv/bin/python bench/explain.py clinic
    DATABASE_URL=sqlite:///... .venv/bin/python bench/explain.py clinic --facets --filter condition=ibd
    DATABASE_URL=postgres://postgres@127.0.0.1:PORT/bench_100000 .venv/bin/python bench/explain.py clinic --facets
    ... bench/explain.py --autocomplete pre        ... bench/explain.py --related
    ... --engine bench.variants.database_patched:DatabaseEngine    (another version of the engine)

SQLite: EXPLAIN QUERY PLAN and a re-run of each statement with every row fetched (Django's own
timing stops at the first row). PostgreSQL: EXPLAIN (ANALYZE, BUFFERS). Read-only: run it on a copy
if the database matters.
"""

import argparse
import importlib
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("text", nargs="?", default="")
    parser.add_argument("--facets", action="store_true")
    parser.add_argument("--filter", action="append", default=[], help="facet=value (repeatable)")
    parser.add_argument("--autocomplete")
    parser.add_argument("--related", action="store_true", help="related() of the middle entry")
    parser.add_argument("--engine", default="search.engines.database:DatabaseEngine")
    parser.add_argument("--no-plans", action="store_true")
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.db import connection

    from search.engines.base import SearchRequest
    from search.models import SearchEntry

    module, _, name = args.engine.partition(":")
    engine = getattr(importlib.import_module(module), name)()
    public = frozenset({"public"})
    filters = {}
    for item in args.filter:
        facet, _, value = item.partition("=")
        filters.setdefault(facet, []).append(value)
    if args.autocomplete:
        def call():
            return engine.autocomplete(args.autocomplete, public)
    elif args.related:
        ids = list(SearchEntry.objects.order_by("pk").values_list("pk", flat=True))
        page_id = ids[len(ids) // 2]

        def call():
            return engine.related(page_id, public)
    else:
        request = SearchRequest(text=args.text, filters={k: tuple(v) for k, v in filters.items()},
                                per_page=10, with_facets=args.facets)

        def call():
            return engine.search(request)

    call()  # warm
    settings.DEBUG = True
    connection.queries_log.clear()
    began = time.perf_counter()
    call()
    print(f"whole call: {(time.perf_counter() - began) * 1000:.1f} ms ({connection.vendor})")
    for number, query in enumerate(list(connection.queries)):
        sql = query["sql"]
        began = time.perf_counter()
        with connection.cursor() as cursor:
            cursor.execute(sql)
            cursor.fetchall()
        print(f"\n[{number}] {(time.perf_counter() - began) * 1000:.1f} ms (all rows fetched): {sql[:300]}")
        if args.no_plans:
            continue
        with connection.cursor() as cursor:
            if connection.vendor == "sqlite":
                cursor.execute("EXPLAIN QUERY PLAN " + sql)
                for row in cursor.fetchall():
                    print("    ", row[3])
            else:
                cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql)
                for row in cursor.fetchall():
                    print("    ", row[0])


if __name__ == "__main__":
    main()
