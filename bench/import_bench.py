"""How fast ``manage.py import_resources`` brings resources in, with their files.

    .venv/bin/python bench/import_bench.py                  # 500 resources on SQLite
    .venv/bin/python bench/import_bench.py --count 200 --report   # and write docs/performance.md
    .venv/bin/python bench/import_bench.py --profile        # and print where the time went

A scratch site under var/bench/import/ (the production settings on a fresh SQLite database with
the demo loaded; the background worker's task queue in the database, as in production, so the
screening each submission starts waits for ``manage.py db_worker`` rather than running inside
the import). A manifest of ``--count`` resources composed from the demo's text (bench/generate.py),
each with one small real file, a PDF, a Word document, a CSV or a plain text file in turn, is
imported by an editor three times, each timed inside the process, from reading the manifest to
the search index being brought up to date:

1. as drafts submitted to the review workflow (the default);
2. the same manifest again: every row unchanged, so nothing is written;
3. ``--publish`` of a second manifest of ``--publish-count`` resources, which the publish guard
   screens one by one (text and files, health information included) as each goes live.

Results go to var/bench/import.json, and with --report into docs/performance.md between the
``<!-- import -->`` markers. The target is at least 100 resources a second with files.
"""

import argparse
import csv
import datetime
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ROOT, VAR, say, write_marked_block  # noqa: E402
from generate import document  # noqa: E402
from pages import manage, production_env  # noqa: E402

from resources.demo.files import make_docx, make_pdf  # noqa: E402

SCRATCH = VAR / "import"
RESULTS = VAR / "import.json"
TARGET = 100
MARKS = ("<!-- import -->", "<!-- /import -->")
FILE_KINDS = ("pdf", "docx", "csv", "txt")
COLUMNS = [
    "id", "kind", "title", "summary", "body", "conditions", "resource_type", "phase", "audiences", "licence",
    "tags", "aim", "scope", "population", "organisations", "files", "release", "release_notes",
]


def file_bytes(kind, title, lines):
    if kind == "pdf":
        return make_pdf(title, lines)
    if kind == "docx":
        return make_docx(title, lines)
    if kind == "csv":
        rows = [["step", "what the team does"], *[[str(n), line.replace(",", " ")] for n, line in enumerate(lines, 1)]]
        return "\n".join(",".join(row) for row in rows).encode()
    return "\n".join([title, "", *lines]).encode()


CLEAN_LINES = ["Step 1: agree who fills it in before the clinic.", "Step 2: check it at the huddle.",
               "Step 3: review the run chart every month."]


def make_manifest(folder, count, prefix, first=0, plain=False):
    """A CSV manifest of ``count`` generated resources with one file each, in ``folder``. ``plain``:
    the body and files without the generated sentences, some of which read like a name in a
    patient's context to the screening (the publish guard would rightly refuse them)."""
    (folder / "files").mkdir(parents=True, exist_ok=True)
    rows = []
    for i in range(first, first + count):
        record = document(i)
        kind = {"protocol": "protocol", "change-package": "change package"}.get(record["type"], "tool")
        file_kind = FILE_KINDS[i % len(FILE_KINDS)]
        name = f"files/{prefix}-{i:05d}.{file_kind}"
        lines = [*CLEAN_LINES, f"Version for site {i}."] if plain else [
            record["summary"], *record["body"].split("\n")[:4], f"Version for site {i}."
        ]
        (folder / name).write_bytes(file_bytes(file_kind, f"Resource {i}" if plain else record["title"], lines))
        rows.append({
            "id": f"{prefix}/{i:05d}",
            "kind": kind,
            "title": record["title"],
            "summary": record["summary"],
            "body": "\n\n".join(CLEAN_LINES) if plain else record["body"].replace("\n", "\n\n"),
            "conditions": ";".join(record["condition"]),
            "resource_type": record["type"],
            "phase": record["phase"],
            "audiences": ";".join(record["audience"]),
            "licence": "CC-BY-4.0" if record["licence"] == "network-only" else record["licence"],
            "tags": ";".join(record["tags"]),
            "aim": f"Improve care for {record['condition'][0]} by 20% in a year." if kind == "change package" else "",
            "scope": record["summary"] if kind == "protocol" else "",
            "population": "Children and young people under 18." if kind == "protocol" else "",
            "organisations": ";".join(record["organisation"]),
            "files": name,
            "release": "1.0",
            "release_notes": "First release.",
        })
    path = folder / f"{prefix}.csv"
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.DictWriter(out, COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    return path


RUN_SCRIPT = r"""
import cProfile, collections, json, pstats, io, sys, time
from django.contrib.auth import get_user_model
import resources.importing as importing
from commons_site import page_cache
user = get_user_model().objects.get(username="marcus.webb")
profile = cProfile.Profile() if {profile} else None
# The CPU seconds of each part (checking the rows, writing them, the search index, the page
# cache's purge), for the report to say where the time goes.
parts = collections.defaultdict(float)
def timing(module, name, part):
    function = getattr(module, name)
    def timed(*args, **kwargs):
        cpu = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            parts[part] += time.process_time() - cpu
    setattr(module, name, timed)
timing(importing, "check_rows", "checking")
timing(importing, "write_plans", "writing")
timing(importing, "index_pages", "search index")
timing(page_cache, "_new_generations", "page cache purge")
start, cpu = time.perf_counter(), time.process_time()
if profile: profile.enable()
result = importing.import_manifest({manifest!r}, user, publish={publish})
if profile: profile.disable()
seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu
if not result.ok:
    print("\n".join(str(p) for p in result.problems[:20]), file=sys.stderr)
    sys.exit(1)
if profile:
    out = io.StringIO()
    pstats.Stats(profile, stream=out).sort_stats("cumulative").print_stats(60)
    print(out.getvalue(), file=sys.stderr)
o = result.outcome
print(json.dumps({{"rows": result.rows, "created": len(o.created), "updated": len(o.updated),
                  "unchanged": len(o.unchanged), "seconds": seconds, "cpu_seconds": cpu_seconds,
                  "cpu_parts": parts}}))
"""


def timed_import(env, manifest, publish=False, profile=False):
    script = RUN_SCRIPT.format(manifest=str(manifest), publish=publish, profile=profile)
    # stderr passes through: the profile, or the problems if the import was refused.
    command = [sys.executable, str(ROOT / "manage.py"), "shell", "--no-imports", "-c", script]
    output = subprocess.run(command, env=env, cwd=ROOT, check=True, stdout=subprocess.PIPE, text=True).stdout
    figures = json.loads(output.strip().splitlines()[-1])
    figures["rate"] = figures["rows"] / figures["seconds"]
    # The machine may be shared: the CPU time this process had says how much of the wall time was its own.
    figures["cpu_rate"] = figures["rows"] / figures["cpu_seconds"]
    return figures


def measure(args):
    shutil.rmtree(SCRATCH, ignore_errors=True)
    SCRATCH.mkdir(parents=True)
    env = production_env(f"sqlite:///{SCRATCH / 'site.sqlite3'}", scratch=SCRATCH)
    env["TASKS_BACKEND"] = "database"
    say("preparing the site: migrate, demo")
    manage(env, "migrate", "--verbosity", "0")
    manage(env, "load_demo", capture=True)
    say(f"writing a manifest of {args.count} resources with files, and one of {args.publish_count} to publish")
    drafts = make_manifest(SCRATCH / "manifest", args.count, "drafts")
    published = make_manifest(SCRATCH / "manifest", args.publish_count, "published", first=args.count, plain=True)
    figures = {
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "cpus": os.cpu_count(),
        "database": "SQLite",
        "files": {kind: sum(1 for _ in (SCRATCH / "manifest" / "files").glob(f"*.{kind}")) for kind in FILE_KINDS},
    }
    say("importing as drafts submitted for review")
    figures["drafts"] = timed_import(env, drafts, profile=args.profile)
    say(f"  {figures['drafts']['created']} created in {figures['drafts']['seconds']:.1f} s: "
        f"{figures['drafts']['rate']:.0f} resources/s")
    say("importing the same manifest again")
    figures["rerun"] = timed_import(env, drafts)
    say(f"  {figures['rerun']['unchanged']} unchanged in {figures['rerun']['seconds']:.1f} s")
    say("importing with --publish (each resource screened by the publish guard)")
    figures["publish"] = timed_import(env, published, publish=True)
    say(f"  {figures['publish']['created']} published in {figures['publish']['seconds']:.1f} s: "
        f"{figures['publish']['rate']:.0f} resources/s")
    RESULTS.write_text(json.dumps(figures, indent=1))
    if not args.keep:
        shutil.rmtree(SCRATCH, ignore_errors=True)
    return figures


def _times(run):
    cpu = run.get("cpu_seconds")
    if cpu is None:
        return f"{run['seconds']:.1f} | {run['rate']:.1f}"
    return f"{run['seconds']:.1f} ({cpu:.1f}) | {run['rate']:.1f} ({run['cpu_rate']:.1f})"


def _parts(run):
    parts = dict(run.get("cpu_parts") or {})
    parts["the rest (reading the manifest, the transaction)"] = run["cpu_seconds"] - sum(parts.values())
    per_row = 1000 / run["rows"]
    return "; ".join(f"{name} {seconds:.2f} s ({seconds * per_row:.1f} ms a row)" for name, seconds in parts.items())


def report(figures):
    drafts, rerun, published = figures["drafts"], figures["rerun"], figures["publish"]
    met = "yes" if drafts["rate"] >= TARGET else "no"
    files = ", ".join(f"{count} {kind.upper()}" for kind, count in figures["files"].items())
    lines = [
        MARKS[0],
        f"Measured {figures['date'][:10]} by `bench/import_bench.py` (`make bench-import`) on "
        f"{figures['database']}, {figures['cpus']} cores: the production settings, the demo network loaded, "
        f"screening queued for the worker. Each resource has one small real file ({files} in all). Timed "
        "inside the process, from reading the manifest to the search index being up to date.",
        "",
        "| import | resources | seconds (CPU seconds) | resources/s (per CPU second) | ≥ 100/s |",
        "|---|---:|---:|---:|---|",
        f"| drafts submitted for review | {drafts['created']} | {_times(drafts)} | {met} |",
        f"| the same manifest again (all unchanged) | {rerun['unchanged']} | {_times(rerun)} | — |",
        f"| `--publish` (the guard screens each) | {published['created']} | {_times(published)} | — |",
        "",
        f"Where the drafts' {drafts['cpu_seconds']:.1f} CPU seconds went: {_parts(drafts)}.",
        MARKS[1],
    ]

    def place(text, block):
        return text.rstrip() + "\n\n## Bulk import\n\n" + block + "\n"

    write_marked_block(*MARKS, "\n".join(lines), place)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=500, help="resources in the draft manifest (default 500)")
    parser.add_argument("--publish-count", type=int, default=100, help="resources in the --publish manifest")
    parser.add_argument("--report", action="store_true", help="write the figures into docs/performance.md")
    parser.add_argument("--profile", action="store_true", help="print the draft import's profile to stderr")
    parser.add_argument("--keep", action="store_true", help="keep the scratch site in var/bench/import/")
    args = parser.parse_args(argv)
    figures = measure(args)
    if args.report:
        report(figures)


if __name__ == "__main__":
    main()
