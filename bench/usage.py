"""What counting views costs a cached page, and what the counting itself costs (docs/usage.md).

    .venv/bin/python bench/usage.py                  # demo on SQLite, 2 gunicorn workers, wrk, 10 s each
    .venv/bin/python bench/usage.py --report         # and write the figures into docs/performance.md

The same stack as bench/pages.py (gunicorn with the site's config, the production settings, a
scratch SQLite database with the demo, wrk with 16 connections). Measured, one after the other:

1. a tool's page for anonymous visitors, served from the full-page cache, with view counting on
   (the page carries the beacon's script and data attributes);
2. the same page with counting off (``USAGE_COUNT_VIEWS=0``: the page as it was before), the page
   cache emptied in between so that it is rendered again without them;
3. the beacon itself, ``POST /usage/views/`` as a browser sends it (a browser's User-Agent,
   ``Sec-Fetch-Site: same-origin``): what each counted view costs the server, off the page's path.

Results go to var/bench/usage.json, and with --report into docs/performance.md between the
``<!-- usage -->`` markers.
"""

import argparse
import datetime
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import VAR, say, write_marked_block  # noqa: E402
from pages import Server, get, manage, prepare, production_env, wrk  # noqa: E402

SCRATCH = VAR / "usage"
RESULTS = VAR / "usage.json"
MARKS = ("<!-- usage -->", "<!-- /usage -->")
BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0"

TOOL_SCRIPT = r"""
import json
from resources.models import ToolPage
tool = ToolPage.objects.live().public().filter(licence__network_only=False).order_by("pk").first()
print(json.dumps({"id": tool.pk, "url": tool.url}))
"""
COUNTED_SCRIPT = r"""
from django.db.models import Sum
from resources.models import UsageCount
print(UsageCount.objects.filter(page_id=%d).aggregate(total=Sum("count"))["total"] or 0)
"""


def beacon_script(page_id):
    """A wrk script that POSTs the beacon of ``page_id`` as a browser does."""
    path = SCRATCH / "beacon.lua"
    path.write_text(
        'wrk.method = "POST"\n'
        f'wrk.body = "page={page_id}"\n'
        'wrk.headers["Content-Type"] = "application/x-www-form-urlencoded;charset=UTF-8"\n'
        f'wrk.headers["User-Agent"] = "{BROWSER}"\n'
        'wrk.headers["Sec-Fetch-Site"] = "same-origin"\n'
    )
    return path


def wrk_post(url, script, duration, connections, threads):
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--latency", "-s", str(script),
               "-H", "X-Forwarded-Proto: https", url]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    latency = {share: re.search(rf"^\s+{share}%\s+(\S+)", output, re.MULTILINE).group(1) for share in (50, 99)}
    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    return {"rate": rate, "requests": requests, "p50": latency[50], "p99": latency[99],
            "errors": int(non_2xx.group(1)) if non_2xx else 0}


def cached_page(env, tool, args):
    site = Server("commons_site.wsgi:application", env, args.workers, scratch=SCRATCH)
    try:
        get(site.url + tool["url"])  # rendered and kept
        html = subprocess.run(["curl", "-s", "-H", "X-Forwarded-Proto: https", site.url + tool["url"]],
                              capture_output=True, text=True).stdout
        result = wrk(site.url + tool["url"], args.duration, args.connections, args.threads)
        result["beacon_in_page"] = "data-usage-page" in html
        return result, site
    except BaseException:
        site.stop()
        raise


def measure(args):
    if shutil.which("wrk") is None:
        sys.exit("bench/usage.py needs wrk: apt-get install wrk")
    shutil.rmtree(SCRATCH, ignore_errors=True)
    SCRATCH.mkdir(parents=True)
    env = production_env(f"sqlite:///{SCRATCH / 'site.sqlite3'}", scratch=SCRATCH)
    env["CACHE_DIR"] = str(SCRATCH / "cache")
    prepare(env)
    tool = json.loads(manage(env, "shell", "--no-imports", "-c", TOOL_SCRIPT, capture=True).strip().splitlines()[-1])
    figures = {
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "workers": args.workers, "connections": args.connections, "duration_s": args.duration,
        "cpus": os.cpu_count(), "page": tool["url"], "load_before": os.getloadavg()[0],
    }

    say("cached page, view counting on")
    figures["on"], site = cached_page(env, tool, args)
    try:
        say("the beacon, POST /usage/views/")
        figures["beacon"] = wrk_post(site.url + "/usage/views/", beacon_script(tool["id"]), args.duration,
                                     args.connections, args.threads)
    finally:
        site.stop()
    counted = manage(env, "shell", "--no-imports", "-c", COUNTED_SCRIPT % tool["id"], capture=True)
    figures["beacon"]["counted"] = int(counted.strip().splitlines()[-1])

    say("cached page, view counting off")
    shutil.rmtree(SCRATCH / "cache", ignore_errors=True)  # rendered again, without the beacon
    figures["off"], site = cached_page({**env, "USAGE_COUNT_VIEWS": "0"}, tool, args)
    site.stop()
    for name in ("on", "off"):
        row = figures[name]
        say(f"  counting {name}: {row['rate']:,.0f} req/s, p50 {row['p50_ms']:.2f} ms, p99 {row['p99_ms']:.2f} ms")
    beacon = figures["beacon"]
    say(f"  beacon: {beacon['rate']:,.0f} req/s, p50 {beacon['p50']}, {beacon['counted']:,} of "
        f"{beacon['requests']:,} counted")
    figures["load_after"] = os.getloadavg()[0]
    RESULTS.write_text(json.dumps(figures, indent=1))
    if not args.keep:
        shutil.rmtree(SCRATCH, ignore_errors=True)
    return figures


def report(figures):
    on, off, beacon = figures["on"], figures["off"], figures["beacon"]
    lines = [
        MARKS[0],
        f"Measured {figures['date'][:10]} by `bench/usage.py`: gunicorn with {figures['workers']} sync workers, "
        f"the production settings on SQLite (the demo network), wrk with {figures['connections']} connections "
        f"for {figures['duration_s']} s each on the same {figures['cpus']}-core machine; the page is a tool's "
        f"(`{figures['page']}`) served from the full-page cache.",
        "",
        "| | req/s | p50 | p99 | errors |",
        "|---|---:|---:|---:|---:|",
        f"| cached page, view counting on (beacon in the page) | {on['rate']:,.0f} | {on['p50_ms']:.2f} ms | "
        f"{on['p99_ms']:.2f} ms | {on['errors']} |",
        f"| cached page, view counting off (`USAGE_COUNT_VIEWS=0`) | {off['rate']:,.0f} | {off['p50_ms']:.2f} ms | "
        f"{off['p99_ms']:.2f} ms | {off['errors']} |",
        f"| the beacon, `POST /usage/views/` (one counted view each) | {beacon['rate']:,.0f} | {beacon['p50']} | "
        f"{beacon['p99']} | {beacon['errors']} |",
        "",
        f"The beacon run counted {beacon['counted']:,} views for the {beacon['requests']:,} requests wrk saw answered "
        "in its time (requests still in flight when it stopped are counted too). 1-minute load "
        f"average {figures['load_before']:.2f} before the runs and {figures['load_after']:.2f} after (the machine is "
        "shared: compare the rows with each other, not with other tables).",
        MARKS[1],
    ]

    def place(text, block):
        return text.rstrip() + f"\n\n## Usage figures: counting views beside the page cache\n\n{block}\n"

    write_marked_block(*MARKS, "\n".join(lines), place)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--duration", type=int, default=10, help="seconds of load per measurement (default 10)")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (default 2)")
    parser.add_argument("--report", action="store_true", help="write the figures into docs/performance.md")
    parser.add_argument("--keep", action="store_true", help="keep the scratch site in var/bench/usage/")
    parser.add_argument("--report-only", action="store_true", help="write the last run's figures into the doc")
    args = parser.parse_args(argv)
    if args.report_only:
        report(json.loads(RESULTS.read_text()))
        return
    figures = measure(args)
    if args.report:
        report(figures)


if __name__ == "__main__":
    main()
