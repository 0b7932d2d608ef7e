"""The stock baseline: the same resources as a plain model indexed by Wagtail's own database
search backend (``WAGTAILSEARCH_BACKENDS`` default, modelsearch's SQLite FTS5 / PostgreSQL
backend), searched the way a ``wagtail start`` site searches pages:
``BenchResource.objects.filter(...).search(query)``. Used only by bench/settings.py."""

from django.db import models
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin


class BenchResourceQuerySet(SearchableQuerySetMixin, models.QuerySet):
    pass


class BenchResource(index.Indexed, models.Model):
    title = models.TextField()
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True)
    tags = models.TextField(blank=True)
    file_text = models.TextField(blank=True)
    # The stock backend filters on single columns: the first condition of the document.
    condition = models.CharField(max_length=50, db_index=True)
    type = models.CharField(max_length=50, db_index=True)
    # The analogue of Page.objects.public(): True when the document's access keys include "public".
    public = models.BooleanField(default=True, db_index=True)

    objects = BenchResourceQuerySet.as_manager()

    search_fields = [
        index.SearchField("title", boost=10),
        index.AutocompleteField("title"),
        index.SearchField("tags", boost=6),
        index.SearchField("summary", boost=4),
        index.SearchField("body", boost=2),
        index.SearchField("file_text"),
        index.FilterField("condition"),
        index.FilterField("type"),
        index.FilterField("public"),
    ]

    def __str__(self):
        return self.title
