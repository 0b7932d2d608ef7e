"""The benchmark's report: docs/performance.md rebuilt from every result in var/bench/results/
(``run.py --report``, and after each run)."""

import json
import os
import platform
from pathlib import Path

from common import (
    AUTOCOMPLETES,
    DOC,
    ENGINES,
    GENERATED_END,
    INDEX_BATCH,
    RELATED,
    RESULTS,
    ROOT,
    SEARCHES,
    percentile,
    say,
)


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
