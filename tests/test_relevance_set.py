"""The relevance set (bench/relevance.yaml) is well formed, without running a search: every judged
resource exists in the demo and can be found by whoever the query searches as, every filter names a
real facet value, and the measures bench/relevance.py reports are computed as docs/search-quality.md says."""

import importlib
import math
import sys
from collections import Counter
from pathlib import Path

import pytest
import yaml

from resources.demo import network, vocabularies
from resources.demo.reader import read_resources
from resources.indexing.facets import FACETS
from resources.models import ImprovementPhase

BENCH = Path(__file__).resolve().parent.parent / "bench"
RELEVANCE_SET = yaml.safe_load((BENCH / "relevance.yaml").read_text("utf-8"))
QUERIES = RELEVANCE_SET["queries"]
DEMO = {record["slug"]: record for _, record in read_resources()}

# What each facet's values are in the demo (resources/indexing/documents.py gives the same values).
FACET_VALUES = {
    "condition": {record["slug"] for record in vocabularies.CONDITIONS},
    "type": {record["slug"] for record in vocabularies.RESOURCE_TYPES},
    "phase": set(ImprovementPhase.values),
    "audience": {record["slug"] for record in vocabularies.AUDIENCES},
    "licence": {record["key"] for record in vocabularies.LICENCES},
    "organisation": {record["slug"] for record in network.ORGANISATIONS},
    "tag": {tag for record in DEMO.values() for tag in record["tags"]},
}


def facet_values_of(record):
    """A demo resource's values for each facet, from its file."""
    return {
        "condition": set(record["conditions"]),
        "type": {record["resource_type"]},
        "phase": {record["phase"]},
        "audience": set(record["audiences"]),
        "licence": {record["licence"]},
        "organisation": set(record["organisations"]),
        "tag": set(record["tags"]),
    }


def test_the_set_is_large_enough_and_every_kind_is_used_about_evenly():
    assert len(QUERIES) >= 70
    counts = Counter(query["kind"] for query in QUERIES)
    assert set(counts) == set(RELEVANCE_SET["kinds"]), "a query of an unlisted kind, or a listed kind without queries"
    assert min(counts.values()) >= 5, counts


def test_ids_are_unique_and_every_query_has_text_and_an_answer():
    ids = Counter(query["id"] for query in QUERIES)
    assert [query_id for query_id, count in ids.items() if count > 1] == []
    for query in QUERIES:
        assert query["text"].strip(), query["id"]
        grades = query["judgments"].values()
        assert set(grades) <= {1, 2}, query["id"]
        assert 2 in grades, f"{query['id']} judges no resource as the answer"


def test_every_judged_resource_exists_in_the_demo():
    missing = {(query["id"], slug) for query in QUERIES for slug in query["judgments"] if slug not in DEMO}
    assert missing == set()


def test_anonymous_queries_judge_only_resources_anonymous_people_can_see():
    hidden = {
        (query["id"], slug)
        for query in QUERIES
        if not query.get("signed_in")
        for slug in query["judgments"]
        if DEMO[slug]["licence"] == "network-only"
    }
    assert hidden == set(), "network-only resources are shown to signed-in members only: add `signed_in: true`"


def test_filters_name_real_facet_values_and_the_judged_resources_match_them():
    facet_names = {facet.name for facet in FACETS}
    filtered = [query for query in QUERIES if query.get("filters")]
    assert filtered
    for query in filtered:
        for facet, values in query["filters"].items():
            assert facet in facet_names, f"{query['id']}: no facet {facet!r}"
            assert values and set(values) <= FACET_VALUES[facet], f"{query['id']}: {facet} {values}"
        for slug in query["judgments"]:
            resource = facet_values_of(DEMO[slug])
            for facet, values in query["filters"].items():
                assert resource[facet] & set(values), f"{query['id']}: {slug} is filtered out by {facet}"


@pytest.fixture(scope="module")
def relevance():
    sys.path.insert(0, str(BENCH))
    try:
        yield importlib.import_module("relevance")
    finally:
        sys.path.remove(str(BENCH))


def test_the_measures(relevance):
    judgments = {"answer": 2, "useful": 1}
    assert relevance.first_relevant_rank(["other", "useful", "answer"], judgments) == 2
    assert relevance.first_relevant_rank(["other"] * 10 + ["answer"], judgments) is None  # rank 11 is not counted
    assert relevance.ndcg(["answer", "useful"], judgments) == 1.0
    ideal = 2 + 1 / math.log2(3)
    assert relevance.ndcg(["useful", "answer"], judgments) == pytest.approx((1 + 2 / math.log2(3)) / ideal)
    assert relevance.ndcg(["other", "answer"], judgments) == pytest.approx((2 / math.log2(3)) / ideal)
    assert relevance.ndcg([], judgments) == 0.0
