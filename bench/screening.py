#!/usr/bin/env python
"""Benchmark of the publication screening: ``screen_file`` on a 50-page PDF and a 10,000-row XLSX.

    .venv/bin/python bench/screening.py                  # 5 runs each, prints p50 / max
    .venv/bin/python bench/screening.py --runs 10 --report   # ... and appends the numbers to docs/performance.md

Both files are generated here, deterministically, from the demo network's own sentences and file
lines (bench/generate.py's pools), with a few identifiers planted (an MRN, a date of birth, a phone
number, a patient's name), so the run does the whole job: size and type checks, text extraction in
the limited parsing process, and the PHI recognizers over every page and row, including building
the findings. The analyzer is built once before timing (as in a long-running worker); the first,
cold run is reported separately. Target: under 5 s per file on this machine.
"""

import argparse
import datetime
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "commons_site.settings.test")

import django  # noqa: E402

django.setup()

from bench.generate import vocabulary  # noqa: E402
from resources.demo.files import make_pdf, make_xlsx  # noqa: E402
from resources.files.extract import extract_text  # noqa: E402
from resources.screening import screen_file  # noqa: E402
from resources.screening.phi import get_analyzer  # noqa: E402

DOC = ROOT / "docs" / "performance.md"
SEED = 20261127
TARGET_SECONDS = 5.0
SECTION = "## Screening"
PLANTED_PDF = {  # page -> a paragraph put at the top of that page's text
    3: "Example letter kept by mistake. Patient: Amira Okafor, DOB: 14/06/2013, MRN: 40392871.",
    28: "If the pump alarms overnight the family can ring the ward on 0113 496 0721.",
    45: "Dear Mrs Lindqvist, thank you for coming to the planning meeting.",
}
PLANTED_XLSX = {  # data row index -> note
    1200: "Call parent on (617) 555-0142 about the missed bloods",
    5400: "MRN 50293847 duplicated in the extract",
    9100: "born on 3 March 2015, check transition date",
}


def pdf_bytes(pages=50, seed=SEED):
    """A PDF of ``pages`` A4 pages of demo sentences (make_pdf: 44 lines a page, wrapped at 90)."""
    rng = random.Random(seed)
    pool = vocabulary().body.all
    planted = dict(PLANTED_PDF)
    paragraphs, lines = [], 2  # the title and the blank line after it
    while True:
        page = lines // 44 + 1
        text = planted.pop(page) if page in planted else " ".join(rng.choice(pool) for _ in range(rng.randint(1, 3)))
        needed = len(_wrap(text)) + 1
        if lines + needed > pages * 44:
            break
        paragraphs.append(text)
        lines += needed
    return make_pdf("Registry handbook (benchmark)", paragraphs)


def _wrap(text):
    import textwrap

    return textwrap.wrap(text, 90) or [""]


def xlsx_bytes(rows=10_000, seed=SEED):
    """A population report: a header and ``rows`` rows of a child label, a diagnosis, dates,
    numbers, a flag and a short note drawn from the demo's file lines."""
    rng = random.Random(seed)
    notes = [line for line in vocabulary().files.all if 10 <= len(line) <= 60 and "|" not in line]
    diagnoses = ["Crohn's", "UC", "IBD-U", "Oligo JIA", "Poly JIA", "T1D", "HLHS"]
    activity = ["Quiescent", "Mild", "Moderate", "Severe"]
    flags = ["", "", "STEROID", "NOT SEEN", "LABS", "ACTIVE; LABS", "TDM"]
    lines = ["Child | Diagnosis | Last visit | PGA | Steroid weeks | Hb g/L | Flags | Note"]
    start = datetime.date(2023, 1, 1)
    for row in range(rows):
        visit = start + datetime.timedelta(days=rng.randrange(700))
        note = PLANTED_XLSX.get(row) or (rng.choice(notes) if rng.random() < 0.5 else "")
        cells = [
            f"Demo {row + 1:05d}", rng.choice(diagnoses), visit.isoformat(), rng.choice(activity),
            str(rng.randrange(20)), str(rng.randrange(90, 150)), rng.choice(flags), note,
        ]
        lines.append(" | ".join(cells))
    return make_xlsx("Population report", lines)


def time_file(path, runs):
    durations, findings = [], None
    for _ in range(runs):
        started = time.perf_counter()
        findings = screen_file(path)
        durations.append(time.perf_counter() - started)
    return durations, findings


def machine():
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as info:
            for line in info:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    cores = os.cpu_count()
    try:
        with open("/proc/meminfo") as info:
            memory = f"{int(info.readline().split()[1]) / 1024 / 1024:.1f} GiB"
    except (OSError, ValueError, IndexError):
        memory = "unknown"
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return {"cpu": f"{cpu}, {cores} cores (os.cpu_count)", "memory": memory, "load": load}


def versions():
    from importlib.metadata import version

    names = ["phonenumbers", "tldextract", "pypdf", "openpyxl"]
    return ", ".join(f"{name} {version(name)}" for name in names)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--report", action="store_true", help="append the results to docs/performance.md")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    get_analyzer()
    engine_seconds = time.perf_counter() - started
    print(f"analyzer built in {engine_seconds:.2f} s (once per process)")

    results = []
    with tempfile.TemporaryDirectory(prefix="bench-screening-") as folder:
        for name, maker, label in (
            ("handbook-50-pages.pdf", pdf_bytes, "50-page PDF"),
            ("population-report-10000-rows.xlsx", xlsx_bytes, "10,000-row XLSX"),
        ):
            path = Path(folder) / name
            path.write_bytes(maker())
            cold, _ = time_file(path, 1)
            durations, findings = time_file(path, args.runs)
            extraction = []
            for _ in range(args.runs):
                started = time.perf_counter()
                extracted = extract_text(path)
                extraction.append(time.perf_counter() - started)
            row = {
                "label": label,
                "size": path.stat().st_size,
                "chars": len(extracted.text),
                "parts": len(extracted.parts),
                "cold": cold[0],
                "p50": statistics.median(durations),
                "max": max(durations),
                "extraction_p50": statistics.median(extraction),
                "runs": args.runs,
                "findings": [f"{f.kind} at {f.location}" for f in findings],
            }
            results.append(row)
            print(
                f"{label}: {row['size'] / 1024:,.0f} KB, {row['chars']:,} characters in {row['parts']:,} parts; "
                f"cold {row['cold']:.2f} s, p50 {row['p50']:.2f} s (extraction alone {row['extraction_p50']:.2f} s), "
                f"max {row['max']:.2f} s over {args.runs} runs; "
                f"{len(findings)} findings: {'; '.join(row['findings'])}"
            )
    if args.report:
        append_report(results, engine_seconds)
        print(f"appended to {DOC.relative_to(ROOT)}")


def append_report(results, engine_seconds):
    info = machine()
    lines = [
        "",
        SECTION,
        "",
        "Measured with `bench/screening.py --report` (not a timed test): `resources.screening.screen_file` on "
        "generated files of demo text with a few planted identifiers, the whole job (size and type checks, "
        "extraction in the limited parsing process, every PHI recognizer, the findings). The analyzer is built "
        "once per process before timing, as in a long-running worker; the cold run is the first call on each "
        "file.",
        "",
        "| | |",
        "|---|---|",
        f"| date | {datetime.date.today().isoformat()} |",
        f"| CPU | {info['cpu']} |",
        f"| RAM | {info['memory']} |",
        f"| 1-minute load average at the end | {info['load']:.2f} |",
        f"| Python | {platform.python_version()} |",
        f"| libraries | {versions()} |",
        f"| analyzer build (compile recognizers, read the names lexicon) | {engine_seconds:.2f} s, once per process |",
        "",
        "| file | size | text | cold | p50 | max | of which extraction (p50) | runs | target | met? | findings |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for row in results:
        met = "yes" if row["max"] < TARGET_SECONDS else "no"
        lines.append(
            f"| {row['label']} | {row['size'] / 1024:,.0f} KB | {row['chars']:,} characters, {row['parts']:,} parts "
            f"| {row['cold']:.2f} s | {row['p50']:.2f} s | {row['max']:.2f} s | {row['extraction_p50']:.2f} s "
            f"| {row['runs']} | < {TARGET_SECONDS:g} s "
            f"| {met} | {len(row['findings'])}: {'; '.join(row['findings'])} |"
        )
    lines += [
        "",
        "The rest of each run is the PHI recognizers. The phone recognizer (libphonenumber, phones.py) is given only "
        "runs of 9 or more digits: run over the whole spreadsheet it parses every date and lab value once per "
        "region: before that change the XLSX took 7.6 s (p50), 5.1 s of it in the phone recognizer.",
        "",
    ]
    previous = DOC.read_text() if DOC.exists() else "# Performance\n"
    after = ""
    if SECTION + "\n" in previous:  # a re-run replaces this section, up to the next one, nothing else
        previous, _, rest = previous.partition(SECTION + "\n")
        following = rest.find("\n## ")
        after = "" if following == -1 else rest[following:]
    DOC.write_text(previous.rstrip("\n") + "\n" + "\n".join(lines).rstrip("\n") + "\n" + after)


if __name__ == "__main__":
    main()
