"""The index's own words (``SearchTerm``): each distinct word of the entries' text and how many
entries hold it. The embedded engine keeps it as it writes (it is written whichever engine answers),
so query understanding reads the same vocabulary for every engine."""

from collections import Counter

from django.db import connection
from django.db.models.functions import Length

from .models import SearchEntry, SearchTerm
from .text import term_key, words

TEXT_COLUMNS = ("title", "tags", "summary", "body", "file_text")
MAX_TERM = 64  # longer "words" (hashes, URLs run together) are not worth correcting towards


def terms_of(texts):
    """The distinct words of one entry's texts."""
    return {word for text in texts for word in words(text) if len(word) <= MAX_TERM}


def entry_terms(page_ids):
    """{page id: its words} of the entries now stored for ``page_ids``."""
    rows = SearchEntry.objects.filter(page_id__in=list(page_ids)).values_list("page_id", *TEXT_COLUMNS)
    return {row[0]: terms_of(row[1:]) for row in rows}


def update(old, new):
    """Count the entries whose words were ``old`` ({id: words}) as having ``new`` instead."""
    change = Counter()
    for terms in old.values():
        change.subtract(terms)
    for terms in new.values():
        change.update(terms)
    changed = [(term, term_key(term), count) for term, count in change.items() if count]
    if not changed:
        return
    table = SearchTerm._meta.db_table
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {table} (term, key, entries) VALUES (%s, %s, %s) "
            f"ON CONFLICT (term) DO UPDATE SET entries = {table}.entries + excluded.entries",
            changed,
        )
        cursor.execute(f"DELETE FROM {table} WHERE entries <= 0")


def forget_all():
    SearchTerm.objects.all().delete()


# Reading -------------------------------------------------------------------------------------------


def known(words_typed):
    """{key: [(term, entries), ...]} for the keys of ``words_typed`` that the index holds, most
    frequent first."""
    keys = {term_key(word) for word in words_typed}
    found = {}
    rows = SearchTerm.objects.filter(key__in=keys).order_by("-entries", "term").values_list("key", "term", "entries")
    for key, term, entries in rows:
        found.setdefault(key, []).append((term, entries))
    return found


def entries_of(terms):
    """{term: entries} of those of ``terms`` the index holds."""
    return dict(SearchTerm.objects.filter(term__in=list(terms)).values_list("term", "entries"))


def near(word, distance):
    """[(term, entries)] of the index's words starting with the same letter whose length is within
    ``distance`` of ``word``'s: the candidates for a typo's correction."""
    first = word[0]
    return list(
        SearchTerm.objects.filter(term__gte=first, term__lt=chr(ord(first) + 1))
        .annotate(length=Length("term"))
        .filter(length__gte=len(word) - distance, length__lte=len(word) + distance)
        .values_list("term", "entries")
    )


def ending_with(code, longest_prefix=3):
    """The index's words that end with ``code`` after at most ``longest_prefix`` more letters
    ("a1c" -> "hba1c"), the most common first."""
    return list(
        SearchTerm.objects.filter(term__endswith=code)
        .annotate(length=Length("term"))
        .filter(length__gt=len(code), length__lte=len(code) + longest_prefix)
        .order_by("-entries", "term")
        .values_list("term", flat=True)[:3]
    )
