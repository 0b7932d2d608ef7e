"""What the benchmark's runner (run.py) and its report (report.py) share: where results go, the
engines, the fixed query set and two small helpers."""

import datetime
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
    ("question", "how can we stop families missing clinic appointments", {},
     "question: few results have every word, so the relaxed second pass runs"),
    ("typo", "calprotectn", {}, "misspelling: corrected from the vocabulary"),
    ("clinic-ibd", "clinic", {"condition": ("ibd",)}, "common term, condition selected"),
    ("patients-t1d-handout", "patients", {"condition": ("type-1-diabetes",), "type": ("handout",)},
     "common term, condition and type selected"),
]
AUTOCOMPLETES = [("ac-pre", "pre", "autocomplete, common prefix"), ("ac-calp", "calp", "autocomplete, rare prefix")]
RELATED = [("related", "related resources of one resource")]


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


def say(message):
    print(f"[{datetime.datetime.now():%H:%M:%S}] {message}", flush=True)


def write_marked_block(mark_start, mark_end, block, place):
    """Put ``block`` (which starts with ``mark_start`` and ends with ``mark_end``) into
    docs/performance.md in the place of the block between those markers; when there is none yet,
    ``place(text, block)`` says where it goes and returns the new text."""
    text = DOC.read_text()
    if mark_start in text and mark_end in text:
        before, _, rest = text.partition(mark_start)
        text = before + block + rest.partition(mark_end)[2]
    else:
        text = place(text, block)
    DOC.write_text(text)
    say(f"figures written to {DOC.relative_to(ROOT)}")
