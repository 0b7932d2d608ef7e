"""What the embedded engine searches, the synonyms editors manage, and what people searched for.

``SearchEntry`` is one row per live resource, flattened from the page, its tags, vocabularies and
the text of its latest release's files. The database keeps a full-text index over it (SQLite FTS5
or PostgreSQL tsvectors in their own table, maintained by triggers created in this app's
migrations), so ranking
happens inside the database with a LIMIT. ``SearchFacetValue`` holds one row per facet value,
indexed for the GROUP BY counts that facets need. The same rows are the fallback when a search
cluster is unreachable, so they are kept up to date whichever engine answers.
"""


from django.db import models
from wagtail.admin.panels import FieldPanel


class SearchEntry(models.Model):
    page = models.OneToOneField(
        "wagtailcore.Page", primary_key=True, on_delete=models.CASCADE, related_name="+"
    )
    title = models.TextField()
    tags = models.TextField(blank=True)
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True)
    file_text = models.TextField(blank=True)
    published_at = models.DateTimeField(null=True, db_index=True)
    reuse_count = models.PositiveIntegerField(default=0, db_index=True)
    download_count = models.PositiveIntegerField(default=0)
    # How much it is used (for a resource: views and downloads). Nullable so that adding it is an
    # ALTER TABLE that keeps the full-text triggers; a row indexed before it holds NULL until
    # indexed again (``manage.py rollup_usage`` or a rebuild).
    use_count = models.PositiveIntegerField(null=True, db_index=True)
    # How widely it is taken up (for a resource: the centres that say they use it); nullable for
    # the same reason.
    adoption_count = models.PositiveIntegerField(null=True, db_index=True)
    indexed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = "search entries"


class SearchFacetValue(models.Model):
    """One facet value of an entry, e.g. (condition, ibd). The facet ``_access`` holds who may see
    the entry: ``public``, ``authenticated`` or ``group:<id>``."""

    # No index of its own: search_entry_facet_idx (entry, facet) serves every lookup by entry.
    entry = models.ForeignKey(SearchEntry, on_delete=models.CASCADE, related_name="facet_values", db_index=False)
    facet = models.CharField(max_length=20)
    value = models.CharField(max_length=255)

    class Meta:
        indexes = [
            models.Index(fields=["facet", "value", "entry"], name="search_facet_value_idx"),
            models.Index(fields=["entry", "facet"], name="search_entry_facet_idx"),
        ]


class Synonym(models.Model):
    """A term and what it also means, managed by editors. Searching for either finds both."""

    term = models.CharField(max_length=100, unique=True, help_text="e.g. PDSA")
    synonyms = models.TextField(
        help_text="Other words or phrases with the same meaning, separated by commas, e.g. "
        "“plan-do-study-act, plan do study act”."
    )

    panels = [FieldPanel("term"), FieldPanel("synonyms")]

    class Meta:
        ordering = ["term"]

    def __str__(self):
        return self.term

    @property
    def phrases(self):
        return [phrase.strip() for phrase in self.synonyms.split(",") if phrase.strip()]


class SearchQueryLog(models.Model):
    """One search as someone typed it, for the editors' analytics."""

    query = models.CharField(max_length=200, db_index=True)
    filters = models.CharField(max_length=500, blank=True)
    result_count = models.PositiveIntegerField()
    engine = models.CharField(max_length=20)
    # How the search was answered when not word for word: what "Did you mean" offered, and whether
    # no result had every word (so results matching some of them were shown).
    suggestion = models.CharField(max_length=200, blank=True)
    relaxed = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)


class SearchClick(models.Model):
    search = models.ForeignKey(SearchQueryLog, on_delete=models.CASCADE, related_name="clicks")
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    position = models.PositiveSmallIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)


class SearchTerm(models.Model):
    """A word of the index and how many entries hold it: the vocabulary query understanding reads
    (search/understanding.py) to correct typos, meet spelling variants and split or join compounds,
    the same for every engine. Kept by the embedded engine as it writes entries (search/vocabulary.py)."""

    term = models.CharField(max_length=64, unique=True)
    key = models.CharField(max_length=64, db_index=True, help_text="search.text.term_key(term)")
    entries = models.IntegerField(default=0)

    def __str__(self):
        return self.term
