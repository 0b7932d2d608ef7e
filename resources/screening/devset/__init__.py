"""The screening's labelled development set: QI documents in PDF, DOCX, XLSX, PPTX and CSV, each
either seeded with one identifier of a known kind, phrasing and place, or clean (full of numbers,
staff names and the organisation's own contact details, none of which should stop anyone).

    python manage.py make_screening_set DIR [--seed N] [--count N]
    python manage.py screen --evaluate DIR [--json FILE] [--floor FILE]

    build_set(directory, seed=DEFAULT_SEED, count=None) -> labels (also written to DIR/labels.json)

The same seed always writes the same files, byte for byte in the labels and in every file's text.
Each file is made from its own random generator (seeded with the set's seed and the file's
number), so ``count`` gives the first files of the full set, not a different set. The order mixes
kinds, formats and clean files, so a small count still covers them all.

What the set holds, how a catch and a false alarm are defined, and today's figures:
docs/screening.md. Scoring is ``evaluate.py``.
"""

import json
import random
from pathlib import Path

from . import documents, seeds
from .documents import Table
from .writers import FORMATS, write

DEFAULT_SEED = 20261212
CLEAN_FILES = 50
LABELS = "labels.json"
CLEAN = "clean"

# Spreadsheets and CSV files are mostly tables; every kind of document appears in every format.
DOC_TYPES_BY_FORMAT = {
    "pdf": list(documents.DOC_TYPES),
    "docx": list(documents.DOC_TYPES),
    "pptx": list(documents.DOC_TYPES),
    "xlsx": ["population", "pdsa", "checklist", "minutes", "population", "pdsa", "huddle", "handout", "protocol"],
    "csv": ["population", "pdsa", "checklist", "minutes", "population", "pdsa", "huddle", "handout", "protocol"],
}


def plan(count=None):
    """The files of the set, in order: (kind, maker or None for clean, format). Kinds are
    interleaved (one of each in turn), so the first files already cover every kind and format."""
    queues = []
    for offset, (kind, total) in enumerate(seeds.PER_KIND.items()):
        makers = seeds.KINDS[kind]
        queues.append([(kind, makers[n % len(makers)], FORMATS[(n + offset) % len(FORMATS)]) for n in range(total)])
    queues.append([(CLEAN, None, FORMATS[n % len(FORMATS)]) for n in range(CLEAN_FILES)])
    jobs = []
    while any(queues):
        for queue in queues:
            take = 2 if queue and queue[0][0] == CLEAN else 1  # clean files are a quarter of the set
            jobs.extend(queue[:take])
            del queue[:take]
    return jobs[:count] if count else jobs


def build_set(directory, seed=DEFAULT_SEED, count=None):
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    files = []
    for number, (kind, maker, fmt) in enumerate(plan(count), start=1):
        rng = random.Random(f"{seed}:{number}")
        doc = documents.build(rng.choice(DOC_TYPES_BY_FORMAT[fmt]), rng)
        seed_ = maker(rng) if maker else None
        key = _place(doc, seed_, fmt, rng) if seed_ else None
        data, locations = write(doc, fmt)
        filename = f"{number:03d}-{doc.doc_type}.{fmt}"
        (directory / filename).write_bytes(data)
        label = {"file": filename, "format": fmt, "document": doc.doc_type, "kind": kind}
        if seed_:
            label.update(
                phrasing=seed_.phrasing, value=seed_.value, part=locations[key], severity=seed_.severity,
                phrase=seed_.text,
            )
        label["checks"] = [
            {"kind": m.kind, "phrasing": m.phrasing, "value": m.value, "part": locations[(m.block, m.row)],
             "severity": m.severity, "phrase": m.phrase}
            for m in doc.marks
        ]
        files.append(label)
    labels = {
        "about": "The screening development set (resources/screening/devset; docs/screening.md). Every value "
        "is invented. kind 'clean': no identifier of a patient or relative; 'checks' are an organisation's "
        "contact details, to be shown but not to block.",
        "seed": seed,
        "files": files,
    }
    (directory / LABELS).write_text(json.dumps(labels, indent=1, ensure_ascii=False) + "\n")
    return labels


def _place(doc, seed, fmt, rng):
    """Puts the seed in the document: usually as a paragraph of its own or joined to another
    sentence, sometimes as a note in a table's Notes column. Returns the (block, row) key."""
    tables = [i for i, block in enumerate(doc.blocks) if isinstance(block, Table)]
    if fmt == "csv":
        tables = tables[:1]  # a CSV file holds the first table only
    if tables and rng.random() < 0.3:
        index = rng.choice(tables)
        rows = doc.blocks[index].rows[:15]  # a slide shows the first 15 rows
        row = rng.randrange(len(rows))
        rows[row][-1] = seed.text
        return (index, row)
    text = seed.text
    if rng.random() < 0.4:
        other = documents.trap(rng)
        text = f"{other} {text}" if rng.random() < 0.5 else f"{text} {other}"
    index = rng.randint(1, len(doc.blocks))
    doc.blocks.insert(index, text)
    for mark in doc.marks:
        if mark.block >= index:
            mark.block += 1
    return (index, None)
