"""The embedded engine: the database's own full-text search over SearchEntry.

Ranking happens inside the database with a LIMIT (SQLite FTS5 bm25, PostgreSQL ts_rank), facets
are GROUP BY counts over an indexed table, so neither grows with the number of matches the way
a rank-everything-in-Python search does. The two dialects differ only in the SQL fragments below
(matching, ranking, snippets) and in how a batch is written (PostgreSQL: COPY); everything else
is shared.
"""

import weakref

from django.db import connection, transaction
from django.db.models import Case, Count, Exists, IntegerField, OuterRef, Q, Sum, Value, When
from django.db.models.expressions import RawSQL
from django.utils import timezone

from .. import registry, vocabulary
from ..models import SearchEntry, SearchFacetValue
from .base import (
    ACCESS_FACET,
    MARK_END,
    MARK_START,
    Hit,
    SearchEngine,
    SearchResults,
    facet_counts,
    marked_to_html,
    normalise_prefix,
    nothing_to_search,
    without_marks,
)

ENTRY_COLUMNS = (
    "page_id", "title", "tags", "summary", "body", "file_text", "published_at", "reuse_count", "download_count",
    "use_count", "adoption_count", "indexed_at",
)


class Dialect:
    """What both databases do the same way around their own SQL."""

    def expression(self, groups, relaxed=False):
        """The match expression of the query's groups: all of them, or (relaxed) any."""
        return self.joiners[relaxed].join(self.group_expression(group) for group in groups)

    def snippets(self, page_ids, expression):
        """{page_id: (body, file text, summary) snippets, matches between the markers}. The
        dialect's ``snippets_sql`` takes the markers (start, end) per column, then the
        expression, then the ids."""
        sql = self.snippets_sql(", ".join(["%s"] * len(page_ids)))
        params = [MARK_START, MARK_END] * 3 + [expression, *page_ids]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return {row[0]: row[1:] for row in cursor.fetchall()}


class SqliteDialect(Dialect):
    match_sql = "SELECT rowid FROM commons_search_fts WHERE commons_search_fts MATCH %s"

    def tune(self):
        pass

    def write(self, ids, entries, facet_values):
        """Replace the entries ``ids`` by ``entries`` (tuples in ENTRY_COLUMNS order) and their
        facet values ((entry, facet, value) tuples); the FTS triggers follow each row."""
        for start in range(0, len(ids), 500):
            SearchEntry.objects.filter(page_id__in=ids[start:start + 500]).delete()
        SearchEntry.objects.bulk_create(
            [SearchEntry(**dict(zip(ENTRY_COLUMNS, entry, strict=True))) for entry in entries], batch_size=500
        )
        SearchFacetValue.objects.bulk_create(
            [SearchFacetValue(entry_id=entry, facet=facet, value=value) for entry, facet, value in facet_values],
            batch_size=2000,
        )

    def group_expression(self, group):
        # Words are letters and digits only (text.py): nothing in them is FTS5 syntax.
        return "(" + " OR ".join('"' + " ".join(words) + '"' for words in group.alternatives) + ")"

    joiners = {False: " AND ", True: " OR "}

    def ranked(self, conditions, expression, limit, offset, coverage=()):
        """[(page_id, score)] of one page of the best matches, and the total (None: not counted).
        ``coverage``: one match expression per query group; those matching more of them first."""
        where_sql, where_params = conditions("commons_search_fts.rowid")
        # Each group's matches are listed once (a constant subquery) and probed per row.
        covered_sql = " + ".join(
            ["(rowid IN (SELECT rowid FROM commons_search_fts WHERE commons_search_fts MATCH %s))"] * len(coverage)
        ) or "0"
        # bm25 weights per column: title, tags, summary, body, file text. Lower is better.
        sql = (
            f"SELECT rowid, bm25(commons_search_fts, 10.0, 6.0, 4.0, 2.0, 1.0) AS score, {covered_sql} AS covered "
            "FROM commons_search_fts WHERE commons_search_fts MATCH %s "
            # Access and facets as an EXISTS test per match (an index probe each): no list of
            # every accessible entry to build first, a cost that grew with the index. (Never a
            # bare "rowid IN (subquery)" in the WHERE: FTS5 takes it as a rowid constraint and
            # runs the MATCH once per listed entry.)
            f"AND {where_sql} ORDER BY covered DESC, score LIMIT %s OFFSET %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [*coverage, expression, *where_params, limit, offset])
            return [(row[0], -row[1]) for row in cursor.fetchall()], None

    def snippets_sql(self, placeholders):
        columns = ", ".join(f"snippet(commons_search_fts, {column}, %s, %s, '…', 24)" for column in (3, 4, 2))
        return (
            f"SELECT rowid, {columns} FROM commons_search_fts "
            f"WHERE commons_search_fts MATCH %s AND rowid IN ({placeholders})"
        )


_TUNED_SESSIONS = weakref.WeakSet()  # psycopg connections on which PostgresDialect.tune() ran


class PostgresDialect(Dialect):
    # The vectors live in their own table (migration 0005), stored in the row: matching and
    # ranking read it and the GIN index only, never the text.
    match_sql = "SELECT page_id FROM commons_search_vector WHERE search_vector @@ to_tsquery('english', %s)"

    def group_expression(self, group):
        # Words are letters and digits only (text.py): nothing in them is tsquery syntax.
        return "(" + " | ".join("(" + " <-> ".join(words) + ")" for words in group.alternatives) + ")"

    joiners = {False: " & ", True: " | "}

    def tune(self):
        """Once per database session that searches: no JIT compilation. A search at 100,000
        entries crosses jit_above_cost, and compiling its expressions takes longer (tens of
        milliseconds) than the row-by-row work it would speed up. (A session setting, not SET
        LOCAL: that would need a transaction, and its savepoint queries, around every search.)"""
        connection.ensure_connection()
        session = connection.connection
        if session not in _TUNED_SESSIONS:
            with connection.cursor() as cursor:
                cursor.execute("SET jit = off")
            _TUNED_SESSIONS.add(session)

    def write(self, ids, entries, facet_values):
        """As SqliteDialect.write, in two DELETEs and two COPYs (the vectors follow per statement)."""
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM commons_search_searchfacetvalue WHERE entry_id = ANY(%s)", [ids])
            cursor.execute("DELETE FROM commons_search_searchentry WHERE page_id = ANY(%s)", [ids])
            raw = cursor.cursor  # psycopg's own cursor: COPY
            with raw.copy(f"COPY commons_search_searchentry ({', '.join(ENTRY_COLUMNS)}) FROM STDIN") as copy:
                for entry in entries:
                    copy.write_row(entry)
            with raw.copy("COPY commons_search_searchfacetvalue (entry_id, facet, value) FROM STDIN") as copy:
                for row in facet_values:
                    copy.write_row(row)

    def ranked(self, conditions, expression, limit, offset, coverage=()):
        """One statement: the page of best matches and, on each row, the number of matches.
        ``coverage``: one tsquery per query group; those matching more of them first."""
        where_sql, where_params = conditions("v.page_id")
        covered_sql = " + ".join(["(v.search_vector @@ to_tsquery('english', %s))::int"] * len(coverage)) or "0"
        sql = (
            "SELECT page_id, score, COUNT(*) OVER () AS total FROM ("
            "SELECT v.page_id, ts_rank('{0.1, 0.2, 0.4, 1.0}', v.search_vector, query) AS score, "
            f"{covered_sql} AS covered "
            "FROM commons_search_vector v, to_tsquery('english', %s) AS query "
            f"WHERE v.search_vector @@ query AND {where_sql} "
            # OFFSET 0 keeps the rank computed here: otherwise the planner carries every matching
            # vector (~3.4 KB each) through the window's buffer, which spills to disk.
            "OFFSET 0) AS matches ORDER BY covered DESC, score DESC, page_id LIMIT %s OFFSET %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [*coverage, expression, *where_params, limit, offset])
            rows = cursor.fetchall()
        return [(row[0], row[1]) for row in rows], (rows[0][2] if rows else None if offset else 0)

    def snippets_sql(self, placeholders):
        # The markers come in as parameters; the rest of the options string is fixed.
        options_sql = (
            "'StartSel=' || %s || ', StopSel=' || %s || "
            "', MaxFragments=1, MaxWords=35, MinWords=15, FragmentDelimiter=\" … \"'"
        )
        columns = ", ".join(
            f"ts_headline('english', {column}, query, {options_sql})" for column in ("body", "file_text", "summary")
        )
        return (
            f"SELECT page_id, {columns} FROM commons_search_searchentry, to_tsquery('english', %s) AS query "
            f"WHERE page_id IN ({placeholders})"
        )


def dialect():
    if connection.vendor == "sqlite":
        return SqliteDialect()
    if connection.vendor == "postgresql":
        return PostgresDialect()
    raise NotImplementedError(f"The embedded search engine supports SQLite and PostgreSQL, not {connection.vendor}")


def facet_rows(document):
    """(facet, value) pairs of a document, access keys included."""
    for facet in registry.facets():
        values = document.get(facet.document_field) or []
        if isinstance(values, str):
            values = [values]
        for value in dict.fromkeys(values):
            if value:
                yield facet.name, value[:255]
    for key in document["access"]:
        yield ACCESS_FACET, key


class DatabaseEngine(SearchEngine):
    name = "embedded"

    # Indexing

    def index(self, documents):
        """Write a batch in a fixed number of statements: delete the batch's old rows, then
        bulk-insert entries and facet values (the full-text index follows by triggers)."""
        documents = list({document["id"]: document for document in documents}.values())
        ids = [document["id"] for document in documents]
        now = timezone.now()
        entries = [
            (
                document["id"],
                without_marks(document["title"]),
                " ".join(document["tags"]),
                without_marks(document["summary"]),
                without_marks(document["body"]),
                without_marks(document["file_text"]),
                document["published_at"],
                document["reuse_count"],
                document["download_count"],
                document.get("use_count") or 0,
                document.get("adoption_count") or 0,
                now,
            )
            for document in documents
        ]
        facet_values = [
            (document["id"], facet, value) for document in documents for facet, value in facet_rows(document)
        ]
        new_terms = {entry[0]: vocabulary.terms_of(entry[1:6]) for entry in entries}
        with transaction.atomic():
            vocabulary.update(vocabulary.entry_terms(ids), new_terms)
            dialect().write(ids, entries, facet_values)
        return len(documents)

    def remove(self, page_ids):
        with transaction.atomic():
            vocabulary.update(vocabulary.entry_terms(page_ids), {})
            SearchEntry.objects.filter(page_id__in=list(page_ids)).delete()

    def rebuild(self, documents, progress=None, chunk_size=500):
        # One transaction: readers keep seeing the old rows until the new ones are committed.
        with transaction.atomic():
            SearchEntry.objects.all().delete()
            vocabulary.forget_all()
            count, chunk = 0, []
            for document in documents:
                chunk.append(document)
                if len(chunk) == chunk_size:
                    count += self.index(chunk)
                    chunk = []
                    if progress:
                        progress(count)
            if chunk:
                count += self.index(chunk)
                if progress:
                    progress(count)
        return count

    def status(self):
        return {"engine": self.name, "vendor": connection.vendor, "documents": SearchEntry.objects.count()}

    # Querying

    def _accessible(self, access):
        return SearchEntry.objects.filter(
            Exists(SearchFacetValue.objects.filter(entry=OuterRef("pk"), facet=ACCESS_FACET, value__in=list(access)))
        )

    def _filtered(self, request, expression, exclude_facet=None):
        entries = self._accessible(request.access)
        for facet, values in request.filters.items():
            if facet != exclude_facet and values:
                entries = entries.filter(
                    Exists(SearchFacetValue.objects.filter(entry=OuterRef("pk"), facet=facet, value__in=list(values)))
                )
        if expression:
            entries = entries.filter(pk__in=RawSQL(dialect().match_sql, [expression]))
        return entries

    @staticmethod
    def _conditions(request):
        """What _filtered filters on besides the match, as SQL tests of one id column: an
        EXISTS on the facet table per filter (access, then each selected facet). Returns a
        function of the column giving (sql, params)."""
        tests = []
        for facet, values in [(ACCESS_FACET, sorted(request.access)), *request.filters.items()]:
            values = list(values)
            if facet != ACCESS_FACET and not values:
                continue
            tests.append((facet, values))

        def conditions(column):
            parts, params = [], []
            for facet, values in tests:
                if not values:  # nobody may see anything
                    parts.append("1 = 0")
                    continue
                placeholders = ", ".join(["%s"] * len(values))
                parts.append(
                    "EXISTS (SELECT 1 FROM commons_search_searchfacetvalue f "
                    f"WHERE f.entry_id = {column} AND f.facet = %s AND f.value IN ({placeholders}))"
                )
                params += [facet, *values]
            return " AND ".join(parts), params

        return conditions

    def search(self, request):
        query = request.understood()
        if query.only_common:
            return nothing_to_search(request, self.name)
        dialect().tune()
        groups = query.groups
        expression = dialect().expression(groups, relaxed=request.relaxed) if groups else None
        matching = self._filtered(request, expression)
        total = None

        sort, by_score = registry.sort(request.sort, expression is not None)
        if by_score:
            coverage = [dialect().group_expression(group) for group in groups] if request.relaxed else ()
            ranked, total = dialect().ranked(
                self._conditions(request), expression, request.per_page, request.offset, coverage
            )
        else:
            ids = matching.order_by(*sort.order, "pk").values_list("pk", flat=True)[
                request.offset : request.offset + request.per_page
            ]
            ranked = [(page_id, 0.0) for page_id in ids]
        if total is None:
            total = matching.count()

        hits = [Hit(page_id=page_id, score=score) for page_id, score in ranked]
        if expression and hits:
            snippets = dialect().snippets([hit.page_id for hit in hits], expression)
            for hit in hits:
                fragments = [
                    fragment for fragment in snippets.get(hit.page_id, ()) if fragment and MARK_START in fragment
                ]
                hit.highlights = [marked_to_html(fragments[0])] if fragments else []

        facets = self._facets(request, expression, total) if request.with_facets else {}
        return SearchResults(request=request, hits=hits, total=total, facets=facets, engine=self.name)

    # Below this share of the index, SQLite counts facets by walking the matches' facet rows.
    WALK_MATCHES_BELOW = 0.25

    def _facets(self, request, expression, total):
        """Disjunctive facets: a facet's counts ignore that facet's own selection, so people can
        widen it (OR within a facet) while the other facets narrow it (AND across). Facets with
        no selection all count over the same entries, so they share one grouped query; only a
        facet with a selection needs its own."""
        declared = registry.facets()
        selected_facets = [facet.name for facet in declared if request.selected(facet.name)]
        unselected = [facet.name for facet in declared if facet.name not in selected_facets]
        rows_by_facet = {facet.name: [] for facet in declared}
        # SQLite otherwise reads every facet row of the counted facets (index on facet, value)
        # and tests each against the matches: a cost that grows with the index even for a rare
        # term. Only the facets without a selection count over the matches themselves (``total``);
        # a selected facet counts over more (its own selection left out), so it keeps the scan.
        # (PostgreSQL chooses its own join.)
        walk_unselected = (
            connection.vendor == "sqlite"
            and expression is not None
            and unselected
            and total < self.WALK_MATCHES_BELOW * SearchEntry.objects.count()
        )

        def count(facets, entries, walk=False):
            if walk:
                ids_sql, ids_params = entries.values("pk").query.sql_with_params()
                placeholders = ", ".join(["%s"] * len(facets))
                with connection.cursor() as cursor:
                    # "+facet": not the (facet, value) index; entry_id's index walks the matches.
                    cursor.execute(
                        "SELECT facet, value, COUNT(*) FROM commons_search_searchfacetvalue "
                        f"WHERE +facet IN ({placeholders}) AND entry_id IN ({ids_sql}) GROUP BY facet, value",
                        [*facets, *ids_params],
                    )
                    rows = [{"facet": facet, "value": value, "count": n} for facet, value, n in cursor.fetchall()]
            else:
                rows = (
                    SearchFacetValue.objects.filter(facet__in=facets, entry__in=entries.values("pk"))
                    .values("facet", "value")
                    .annotate(count=Count("entry"))  # (entry, facet, value) is unique per entry
                )
            for row in rows:
                rows_by_facet[row["facet"]].append(row)

        if unselected:
            count(unselected, self._filtered(request, expression), walk=walk_unselected)
        for facet in selected_facets:
            count([facet], self._filtered(request, expression, exclude_facet=facet))

        facets = {}
        for facet in declared:
            rows = sorted(rows_by_facet[facet.name], key=lambda row: (-row["count"], row["value"]))
            facets[facet.name] = facet_counts(
                request, facet, [(row["value"], row["count"]) for row in rows[: facet.top]]
            )
        return facets

    def autocomplete(self, prefix, access, limit=8):
        dialect().tune()
        prefix = normalise_prefix(prefix)
        if len(prefix) < 2:
            return []
        entries = self._accessible(access)
        titles = (
            entries.filter(Q(title__istartswith=prefix) | Q(title__icontains=" " + prefix))
            .order_by("title")
            .values_list("pk", "title")[:limit]
        )
        tag_facet = registry.tag_facet()
        tags = (
            SearchFacetValue.objects.filter(
                facet=tag_facet.name, value__istartswith=prefix, entry__in=entries.values("pk")
            )
            .values("value")
            .annotate(count=Count("entry"))
            .order_by("-count", "value")[:limit]
            if tag_facet
            else []
        )
        suggestions = [{"label": title, "kind": "title", "page_id": pk} for pk, title in titles]
        suggestions += [{"label": row["value"], "kind": "tag", "page_id": None} for row in tags]
        return suggestions[:limit]

    def related(self, page_id, access, limit=4):
        dialect().tune()
        weights = {facet.name: facet.related_weight for facet in registry.facets() if facet.related_weight}
        own = list(
            SearchFacetValue.objects.filter(entry_id=page_id, facet__in=list(weights)).values_list("facet", "value")
        )
        if not own:
            return []
        matches = Q()
        for facet, value in own:
            matches |= Q(facet=facet, value=value)
        rows = (
            SearchFacetValue.objects.filter(
                matches, entry__in=self._accessible(access).exclude(pk=page_id).values("pk")
            )
            .values("entry")
            .annotate(
                score=Sum(
                    Case(
                        *(When(facet=name, then=Value(weight)) for name, weight in weights.items()),
                        output_field=IntegerField(),
                    )
                )
            )
            .order_by("-score", "entry")[:limit]
        )
        return [row["entry"] for row in rows]
