"""Query understanding (search/text.py, search/understanding.py): what a typed query becomes before
any engine sees it, and the vocabulary it reads (search/vocabulary.py), on the demo network."""

import pytest

from search import service, vocabulary
from search.engines.base import SearchRequest
from search.engines.database import DatabaseEngine
from search.models import SearchQueryLog, SearchTerm
from search.text import parse, synonym_map, term_key
from search.understanding import edit_distance, understand

from .conftest import login
from .html import visit

SYNONYMS = synonym_map([("PDSA", ["plan-do-study-act", "plan do study act"]), ("IBD", ["inflammatory bowel disease"])])


def alternatives(parsed):
    return [group.alternatives for group in parsed.groups]


@pytest.mark.parametrize(
    "spellings",
    [
        ("behaviour", "behavior", "Behaviours"),
        ("paediatric", "pediatric"),
        ("haemoglobin", "hemoglobin"),
        ("anaemia", "anemia"),
        ("oedema", "edema"),
        ("organise", "organize", "organising"),
        ("standardisation", "standardization"),
        ("centre", "center", "centres"),
        ("analyse", "analyze"),
        ("modelling", "modeling"),
        ("programme", "program"),
        ("catalogue", "catalog"),
        ("licence", "license"),
        ("checklists", "checklist"),
        ("processes", "process"),
    ],
)
def test_spellings_and_endings_of_a_word_share_one_key(spellings):
    assert len({term_key(word) for word in spellings}) == 1


def test_different_words_keep_different_keys():
    keys = [term_key(word) for word in ("hour", "honour", "status", "state", "care", "car", "toe", "shoe")]
    assert len(set(keys)) == len(keys)


def test_common_words_and_short_numbers_are_left_out_but_a_query_of_nothing_else_says_so():
    assert alternatives(parse("how do we reduce the waiting time?")) == [
        (("reduce",),),
        (("waiting",),),
        (("time",),),
    ]
    guideline = parse("version 1.0 of the 2022 guideline")
    assert alternatives(guideline) == [(("version",),), (("2022",),), (("guideline",),)]
    nothing = parse("what is it")
    assert nothing.groups == () and nothing.only_common
    assert not parse("").only_common


def test_hyphenated_words_and_codes_match_apart_or_joined():
    assert alternatives(parse("GAD-7")) == [(("gad", "7"), ("gad7",))]
    assert alternatives(parse("follow-up clinic")) == [(("follow", "up"), ("followup",)), (("clinic",),)]


def test_synonyms_of_several_words_work_without_quotes_and_both_ways():
    assert alternatives(parse("plan do study act cycles", SYNONYMS)) == [
        (("plan", "do", "study", "act"), ("pdsa",)),
        (("cycles",),),
    ]
    assert alternatives(parse("plan-do-study-act", SYNONYMS))[0][:2] == (("plan", "do", "study", "act"), ("pdsa",))
    assert alternatives(parse("IBD diet", SYNONYMS))[0] == (("ibd",), ("inflammatory", "bowel", "disease"))
    assert alternatives(parse("inflammatory bowel disease", SYNONYMS)) == [
        (("inflammatory", "bowel", "disease"), ("ibd",))
    ]


def test_quoted_text_is_one_phrase_and_operators_are_never_passed_on():
    assert alternatives(parse('"red flag" card OR NOT -x')) == [(("red", "flag"),), (("card",),), (("x",),)]


def test_edit_distance_counts_a_swap_as_one_edit_and_stops_past_its_limit():
    assert edit_distance("checklsit", "checklist", 2) == 1
    assert edit_distance("transtion", "transition", 2) == 1
    assert edit_distance("clinic", "cynical", 2) == 3


def test_the_vocabulary_follows_the_index(db):
    engine = DatabaseEngine()
    document = {
        "id": 987654, "title": "Quokka follow-up", "summary": "", "body": "quokka quokka", "tags": [], "file_text": "",
        "published_at": None, "reuse_count": 0, "download_count": 0, "access": ["public"],
    }
    before = vocabulary.entries_of({"quokka", "follow"})
    engine.index([document])
    after = vocabulary.entries_of({"quokka", "follow"})
    assert after["quokka"] == 1 and after["follow"] == before.get("follow", 0) + 1
    engine.index([{**document, "title": "Quokka", "body": ""}])  # the same entry, written again
    assert vocabulary.entries_of({"follow"}).get("follow", 0) == before.get("follow", 0)
    engine.remove([987654])
    assert not SearchTerm.objects.filter(term="quokka").exists()


def test_other_spellings_the_index_holds_become_alternatives(db):
    query = understand("pediatric behavior")
    assert ("paediatric",) in query.groups[0].alternatives
    assert ("behaviour",) in query.groups[1].alternatives
    assert query.suggestion == ""


def test_a_typo_is_corrected_to_a_word_the_index_holds_and_offered(db):
    query = understand("transtion checklsit")
    assert [group.alternatives for group in query.groups] == [
        (("transtion",), ("transition",)),
        (("checklsit",), ("checklist",)),
    ]
    assert query.suggestion == "transition checklist"
    assert understand("tpn").suggestion == ""  # three letters: too short to guess


def test_compounds_meet_joined_split_or_hyphenated(db):
    assert ("pre", "visit") in understand("previsit planning").groups[0].alternatives
    vocabulary.update({}, {0: {"waitlist", "followup"}})  # as if a resource wrote them
    assert understand("wait list").groups[0].alternatives == (("wait", "list"), ("waitlist",))
    # "up" alone is too common to search for, but not as half of "followup".
    assert understand("follow up plan").groups[0].alternatives == (("follow", "up"), ("followup",))
    assert [group.words for group in understand("set up plan").groups] == [("set",), ("plan",)]


def test_codes_typed_joined_find_them_written_apart_or_inside_a_longer_code(db):
    assert ("phq", "9") in understand("PHQ9").groups[0].alternatives
    assert ("hba1c",) in understand("A1c").groups[0].alternatives


def test_a_question_shows_resources_with_most_of_its_words_and_says_so(client, db):
    results = service.search(SearchRequest(text="how do we get families to fill in the pre-visit form"))
    assert results.relaxed and results.total > 0
    assert not service.search(SearchRequest(text="checklist")).relaxed  # one word: nothing to relax

    # Fewer than ten with every word: those come first, then the ones with some of the words.
    every_word = DatabaseEngine().search(SearchRequest(text="pre-visit planning checklist", per_page=50))
    assert 0 < every_word.total < service.RELAX_BELOW
    widened = service.search(SearchRequest(text="pre-visit planning checklist", per_page=50))
    assert widened.relaxed and widened.every_word_count == every_word.total < widened.total
    first = {hit.page_id for hit in widened.hits[: every_word.total]}
    assert first == {hit.page_id for hit in every_word.hits}

    seen = visit(client, "/search/?q=how+do+we+get+families+to+fill+in+the+pre-visit+form")
    assert "showing those that match most of them" in seen or "the others match some of your words" in seen


def test_the_page_offers_the_correction_and_says_when_words_are_too_common(client, db):
    seen = visit(client, "/search/?q=transtion+checklsit")
    assert "Did you mean transition checklist?" in seen
    assert any("q=transition+checklist" in href for href in seen.hrefs)
    seen = visit(client, "/search/?q=what+is+it")
    assert "too common to search for" in seen and "0 resources" in seen


def test_searches_that_missed_are_shown_to_editors_with_the_suggestion_offered(client, db):
    visit(client, "/search/?q=transtion+checklsit")
    visit(client, "/search/?q=how+do+we+get+families+to+fill+in+the+pre-visit+form")
    logged = SearchQueryLog.objects.get(query="transtion checklsit")
    assert logged.suggestion == "transition checklist"
    assert SearchQueryLog.objects.get(query__startswith="how do we get").relaxed
    login(client, "marcus.webb")
    seen = visit(client, "/admin/search-analytics/")
    assert "Searches where no resource had every word" in seen
    assert "how do we get families to fill in the pre-visit form" in seen


def test_synonyms_are_a_graph_joined_across_rows():
    graph = synonym_map([("A1c", ["HbA1c"]), ("HbA1c", ["glycated haemoglobin"])])
    assert sorted(graph[("a1c",)]) == [("glycated", "haemoglobin"), ("hba1c",)]
    assert sorted(graph[("glycated", "haemoglobin")]) == [("a1c",), ("hba1c",)]
