"""Turning what someone typed into terms, phrases and synonym groups, the same way for every
engine. Everything a query language could interpret is removed here, so no engine ever sees
operators from user input."""

import re
from dataclasses import dataclass

MAX_QUERY_CHARS = 200
MAX_TERMS = 12
WORD = re.compile(r"[^\W_]+", re.UNICODE)  # letters and digits: how both engines' tokenisers split words


@dataclass(frozen=True)
class TermGroup:
    """One thing the results must match: any of ``alternatives``, each a tuple of words (a phrase
    when longer than one word)."""

    alternatives: tuple


def words(text):
    return [match.group(0).lower() for match in WORD.finditer(text)]


def parse(text, synonyms=None):
    """"pdsa \"pre-visit planning\" clinic" -> [TermGroup]: quoted text is a phrase, other words
    are single terms; a term or phrase with synonyms matches any of them."""
    text = (text or "")[:MAX_QUERY_CHARS]
    synonyms = synonyms or {}
    groups = []
    for index, chunk in enumerate(text.split('"')):
        chunk_words = words(chunk)
        if not chunk_words:
            continue
        if index % 2 == 1:  # inside quotes
            items = [tuple(chunk_words)]
        else:
            items = [(word,) for word in chunk_words]
        for item in items:
            alternatives = [item] + [alt for alt in synonyms.get(item, ()) if alt != item]
            groups.append(TermGroup(tuple(alternatives)))
    return groups[:MAX_TERMS]


def synonym_map(rows):
    """{("pdsa",): [("plan", "do", "study", "act"), ...], ...} in both directions, from
    (term, [phrases]) rows."""
    mapping = {}
    for term, phrases in rows:
        key = tuple(words(term))
        alternatives = [tuple(words(phrase)) for phrase in phrases]
        alternatives = [alt for alt in alternatives if alt]
        if not key:
            continue
        family = [key] + alternatives
        for member in family:
            mapping.setdefault(member, [])
            for other in family:
                if other != member and other not in mapping[member]:
                    mapping[member].append(other)
    return mapping


def load_synonyms():
    from django.core.cache import cache

    from .models import Synonym

    cached = cache.get("commons-search-synonyms")
    if cached is None:
        cached = synonym_map((row.term, row.phrases) for row in Synonym.objects.all())
        cache.set("commons-search-synonyms", cached, 300)
    return cached


def forget_synonyms():
    from django.core.cache import cache

    cache.delete("commons-search-synonyms")
