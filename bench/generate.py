"""Deterministic synthetic resources for the search benchmark, in the shape of search/documents.py.

Every document is composed from the demo network's own text (resources/demo/): its titles,
summaries, sentences, file lines, release notes, tags and vocabularies. Sentences are drawn mostly
from resources about the same condition, so words co-occur as they do in the real content and the
term frequencies look real: a few words are in most documents ("clinic", "patients", "families"),
most are in few. A handful of rare QI terms are planted at known low rates so that the query set
has a genuinely rare term. Document ``i`` depends only on (seed, i): any slice can be generated
on its own, in any order, and is the same on every machine.

    python bench/generate.py --count 1000 --stats      # document frequencies of the query terms
    python bench/generate.py --count 3 --show          # print a few documents

Needs no database and no Django settings: it imports the demo content modules only.
"""

import argparse
import bisect
import datetime
import html
import itertools
import json
import random
import re
import sys
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from resources.demo import network, vocabularies  # noqa: E402
from resources.demo.reader import read_resources  # noqa: E402

DEFAULT_SEED = 20261127
PHASES = ["aim", "measure", "change", "test", "implement", "spread"]
GROUP_KEYS = ["group:1", "group:2", "group:3", "group:4", "group:5"]

# Rare quality-improvement terms, each with the share of documents that get its sentence.
RARE_SENTENCES = [
    (0.004, "Before the first test of change the team ran a failure mode and effects analysis (FMEA) "
            "on the infusion pathway and scored each failure mode for severity and detectability."),
    (0.002, "An Ishikawa fishbone diagram helped the huddle sort the causes of missed samples into "
            "people, process, equipment and environment."),
    (0.001, "A two-day kaizen event with families redesigned the discharge teaching session around "
            "what parents said they needed first."),
    (0.0005, "The gemba walk with the clinic receptionist showed that the planning note was printed "
             "after the family had already been called in."),
]

# Words a resource's title is built around, by resource type.
TYPE_NOUNS = {
    "checklist": ["checklist", "checklist", "check sheet", "huddle sheet"],
    "form": ["form", "recording form", "worksheet", "survey"],
    "template": ["template", "letter template", "note template", "agenda template"],
    "handout": ["handout", "leaflet", "action plan", "guide for families"],
    "report": ["report", "population-management report", "dashboard", "registry report"],
    "video": ["video", "short film", "video and discussion guide"],
    "guide": ["guide", "how-to guide", "toolkit", "coaching guide"],
    "change-package": ["change package", "driver diagram and change ideas", "improvement bundle"],
    "protocol": ["protocol", "clinical protocol", "pathway", "standard operating procedure"],
}
SETTINGS_BY_CONDITION = {
    "ibd": ["IBD clinic", "children with IBD", "the infusion unit", "teenagers with Crohn's disease",
            "families of children with ulcerative colitis"],
    "jia": ["JIA clinic", "children with JIA", "rheumatology nurses", "the joint injection list",
            "families starting methotrexate"],
    "single-ventricle": ["interstage home monitoring", "the cardiology ward", "families after the Norwood",
                         "single-ventricle clinic", "Fontan follow-up"],
    "type-1-diabetes": ["diabetes clinic", "young people with type 1 diabetes", "school nurses",
                        "families new to CGM", "the transition clinic"],
}
GENERAL_SETTINGS = ["small centres", "improvement teams", "care coordinators", "families", "nurses",
                    "clinicians", "the whole network", "outreach clinics"]


# The demo content, flattened once ---------------------------------------------------------------

TAG_RE = re.compile(r"<[^>]+>")
SENTENCE_RE = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(])")
SKIP_KEYS = {
    "slug", "resource_type", "phase", "licence", "conditions", "audiences", "adapted_from", "superseded_by",
    "filename", "doi", "date", "label", "kind", "tone", "time_to_adopt", "effective_date", "review_by",
    "contributors", "organisations", "tags", "title", "summary", "releases", "care_setting", "centre_size",
}


def _plain(text):
    return " ".join(html.unescape(TAG_RE.sub(" ", text)).split())


# The order the demo's fields were first written in (as Python literals): the corpus for a seed
# stays the same whatever order a resource file lists its fields in.
WRITTEN_ORDER = [
    "slug", "title", "summary", "body", "conditions", "resource_type", "phase", "audiences", "tags", "licence",
    "attribution", "contributors", "organisations", "adapted_from", "transferability", "how_to_use",
    "time_to_adopt", "aim", "drivers", "measures", "scope", "population", "protocol_steps", "citations",
    "effective_date", "review_by", "superseded_by",
]


def _in_written_order(resource):
    """The resource's fields but its releases, in WRITTEN_ORDER (any field not named there last)."""
    keys = [key for key in WRITTEN_ORDER if key in resource] + [key for key in resource if key not in WRITTEN_ORDER]
    return {key: resource[key] for key in keys if key != "releases"}


def _strings(value):
    """Every string inside a demo value (lists, tuples, dicts), HTML stripped."""
    if isinstance(value, str):
        text = _plain(value)
        if text:
            yield text
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in SKIP_KEYS:
                yield from _strings(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _strings(item)


def _sentences(text):
    return [part.strip() for part in SENTENCE_RE.split(text) if len(part.split()) >= 3]


class Pool:
    """Sentences (or lines) of text, overall and by condition."""

    def __init__(self):
        self.all = []
        self.by_condition = {}

    def add(self, conditions, items):
        for item in items:
            self.all.append(item)
            for condition in conditions:
                self.by_condition.setdefault(condition, []).append(item)

    def pick(self, rng, conditions, local_share=0.75):
        if conditions and rng.random() < local_share:
            pool = self.by_condition.get(rng.choice(conditions)) or self.all
        else:
            pool = self.all
        return rng.choice(pool)


class Vocabulary:
    def __init__(self):
        resources = [record for _, record in read_resources()]
        self.titles, self.summaries, self.body, self.files, self.notes = Pool(), Pool(), Pool(), Pool(), Pool()
        self.tags_by_condition = {}
        tag_counts = {}
        for resource in resources:
            conditions = resource["conditions"]
            self.titles.add(conditions, [_plain(resource["title"])])
            self.summaries.add(conditions, _sentences(_plain(resource["summary"])))
            body = [sentence for text in _strings(_in_written_order(resource))
                    for sentence in _sentences(text)]
            self.body.add(conditions, body)
            for release in resource["releases"]:
                self.notes.add(conditions, _sentences(_plain(release.get("notes", ""))))
                for file in release.get("files", []):
                    self.files.add(conditions, [_plain(line) for line in file.get("text", []) if _plain(line)])
            for tag in resource["tags"]:
                tag_counts[tag] = tag_counts.get(tag, 0) + 1
                for condition in conditions:
                    self.tags_by_condition.setdefault(condition, {}).setdefault(tag, 0)
                    self.tags_by_condition[condition][tag] += 1
        self.tags = sorted(tag_counts)
        self.tag_weights = [tag_counts[tag] + 1 for tag in self.tags]
        self.local_tags = {
            condition: (sorted(counts), [counts[tag] + 1 for tag in sorted(counts)])
            for condition, counts in self.tags_by_condition.items()
        }
        self.conditions = [c["slug"] for c in vocabularies.CONDITIONS]
        self.types = [t["slug"] for t in vocabularies.RESOURCE_TYPES]
        counts = {}
        for resource in resources:
            counts[resource["resource_type"]] = counts.get(resource["resource_type"], 0) + 1
        self.type_weights = [counts.get(slug, 0) + 2 for slug in self.types]
        phase_counts = {}
        for resource in resources:
            phase_counts[resource["phase"]] = phase_counts.get(resource["phase"], 0) + 1
        self.phase_weights = [phase_counts.get(phase, 0) + 2 for phase in PHASES]
        self.audiences = [a["slug"] for a in vocabularies.AUDIENCES]
        self.licences = [licence["key"] for licence in vocabularies.LICENCES]
        licence_counts = {}
        for resource in resources:
            licence_counts[resource["licence"]] = licence_counts.get(resource["licence"], 0) + 1
        self.licence_weights = [licence_counts.get(key, 0) + 1 for key in self.licences]
        self.organisations = network.ORGANISATIONS
        self.org_by_condition = {
            condition: [org["slug"] for org in network.ORGANISATIONS if condition in org.get("conditions", [])]
            for condition in self.conditions
        }
        self.people = [person["display_name"] for person in network.PEOPLE]
        self.org_names = {org["slug"]: org["name"] for org in network.ORGANISATIONS}


@lru_cache(maxsize=1)
def vocabulary():
    return Vocabulary()


# Documents --------------------------------------------------------------------------------------


def _weighted(rng, items, weights):
    cumulative = list(itertools.accumulate(weights))
    return items[bisect.bisect_right(cumulative, rng.random() * cumulative[-1])]


def _sample_weighted(rng, items, weights, k):
    chosen = []
    items, weights = list(items), list(weights)
    while items and len(chosen) < k:
        item = _weighted(rng, items, weights)
        position = items.index(item)
        chosen.append(item)
        del items[position], weights[position]
    return chosen


def _title(rng, v, conditions, type_slug, tags):
    if rng.random() < 0.35:
        title = v.titles.pick(rng, conditions, local_share=0.9)
        if rng.random() < 0.5:
            title += rng.choice([" (adapted)", " for small centres", ": second edition", " (Welsh version)",
                                 " for outreach clinics", " with worked examples"])
        return title
    topic = (tags[0] if tags else rng.choice(v.tags))
    topic = topic[0].upper() + topic[1:]
    noun = rng.choice(TYPE_NOUNS.get(type_slug, ["resource"]))
    settings = SETTINGS_BY_CONDITION.get(conditions[0], []) + GENERAL_SETTINGS
    return f"{topic} {noun} for {rng.choice(settings)}"


def _shorten(text, limit):
    if len(text) <= limit:
        return text
    return text[:limit - 1].rsplit(" ", 1)[0] + "…"


def _paragraphs(rng, v, conditions, count):
    sentences = [v.body.pick(rng, conditions) for _ in range(count)]
    for share, sentence in RARE_SENTENCES:
        if rng.random() < share:
            sentences.insert(rng.randrange(len(sentences) + 1), sentence)
    paragraphs, start = [], 0
    while start < len(sentences):
        size = rng.randint(2, 6)
        paragraphs.append(" ".join(sentences[start:start + size]))
        start += size
    return "\n".join(paragraphs)


def document(i, seed=DEFAULT_SEED, page_id=None):
    """The synthetic document number ``i`` (0-based), with page id ``page_id`` (default i + 1)."""
    v = vocabulary()
    rng = random.Random(f"{seed}:{i}")
    roll = rng.random()
    how_many = 1 if roll < 0.85 else 2 if roll < 0.97 else 4
    conditions = sorted(rng.sample(v.conditions, how_many))
    primary = rng.choice(conditions)
    type_slug = _weighted(rng, v.types, v.type_weights)

    local_tags, local_weights = v.local_tags[primary]
    tags = _sample_weighted(rng, local_tags, local_weights, rng.randint(1, 4))
    tags += [tag for tag in _sample_weighted(rng, v.tags, v.tag_weights, rng.randint(0, 2)) if tag not in tags]

    orgs = v.org_by_condition.get(primary) or [org["slug"] for org in v.organisations]
    organisations = sorted(set(rng.sample(orgs, min(len(orgs), rng.choice([1, 1, 1, 2])))))
    if rng.random() < 0.08:
        organisations = sorted(set(organisations) | {rng.choice(["network-office", "family-advisory-council"])})
    contributors = rng.sample(v.people, rng.randint(1, 3))

    summary = " ".join(
        dict.fromkeys(v.summaries.pick(rng, [primary], local_share=0.8) for _ in range(rng.choice([1, 1, 2])))
    )
    body_sentences = max(6, min(70, int(rng.lognormvariate(2.9, 0.5))))  # median ~18 sentences
    body = _paragraphs(rng, v, conditions, body_sentences)
    notes = [f"{major}.{minor} {v.notes.pick(rng, conditions)}"
             for major, minor in [(1, 0), (1, 1), (2, 0)][:rng.randint(1, 3)]]
    body_parts = [body, " ".join(contributors), " ".join(v.org_names[slug] for slug in organisations), *notes]

    file_text = ""
    if rng.random() < 1 / 3:
        file_text = "\n".join(v.files.pick(rng, conditions, local_share=0.85) for _ in range(rng.randint(8, 60)))

    roll = rng.random()
    access = ["public"] if roll < 0.9 else [rng.choice(GROUP_KEYS)]

    published = datetime.datetime(2019, 1, 1, 9, tzinfo=datetime.UTC) + datetime.timedelta(
        days=rng.randrange(0, 7 * 365), minutes=rng.randrange(0, 600)
    )
    latest = min(published.date() + datetime.timedelta(days=rng.randrange(0, 700)), datetime.date(2026, 11, 1))
    return {
        "id": page_id if page_id is not None else i + 1,
        "title": _title(rng, v, conditions, type_slug, tags),
        "summary": _shorten(summary, 280),
        "body": "\n".join(part for part in body_parts if part),
        "tags": sorted(tags),
        "condition": conditions,
        "type": type_slug,
        "phase": _weighted(rng, PHASES, v.phase_weights),
        "audience": sorted(rng.sample(v.audiences, rng.randint(1, 3))),
        "licence": _weighted(rng, v.licences, v.licence_weights),
        "organisation": organisations,
        "contributors": contributors,
        "release_notes": "\n".join(notes),
        "file_text": file_text,
        "published_at": published,
        "latest_release_date": latest,
        "reuse_count": int(rng.paretovariate(1.6)) - 1,
        "download_count": int(rng.paretovariate(1.1) * 10) - 10,
        "access": access,
    }


def documents(count, seed=DEFAULT_SEED, first_page_id=1):
    """Documents 0..count-1 with consecutive page ids from ``first_page_id``."""
    for i in range(count):
        yield document(i, seed=seed, page_id=first_page_id + i)


# Statistics for choosing and describing the query set -----------------------------------------

WORD_RE = re.compile(r"[^\W_]+", re.UNICODE)


def stats(count, seed=DEFAULT_SEED, terms=()):
    """Share of documents whose text contains each term (a word, or a phrase of words), plus sizes."""
    hits = dict.fromkeys(terms, 0)
    chars = 0
    with_files = 0
    for doc in documents(count, seed=seed):
        text = " ".join([doc["title"], " ".join(doc["tags"]), doc["summary"], doc["body"], doc["file_text"]])
        chars += len(text)
        with_files += bool(doc["file_text"])
        words = " " + " ".join(match.group(0).lower() for match in WORD_RE.finditer(text)) + " "
        for term in terms:
            if f" {term.lower()} " in words:
                hits[term] += 1
    return {
        "documents": count,
        "mean_chars": round(chars / max(count, 1)),
        "with_file_text": with_files,
        "document_frequency": {term: round(n / max(count, 1), 4) for term, n in hits.items()},
    }


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--show", action="store_true", help="print the documents as JSON")
    parser.add_argument("--stats", action="store_true", help="document frequencies of some terms")
    parser.add_argument("--terms", nargs="*", default=[
        "clinic", "patients", "families", "nurse", "calprotectin", "uveitis", "fmea", "ishikawa", "kaizen",
        "gemba", "pdsa", "plan do study act", "pre visit planning", "transition readiness", "insulin", "pump",
    ])
    args = parser.parse_args(argv)
    if args.show:
        for doc in documents(args.count, seed=args.seed):
            print(json.dumps(doc, default=str, indent=1, ensure_ascii=False))
    if args.stats:
        print(json.dumps(stats(args.count, seed=args.seed, terms=args.terms), indent=1))


if __name__ == "__main__":
    main()
