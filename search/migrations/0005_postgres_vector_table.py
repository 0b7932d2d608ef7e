"""PostgreSQL: the full-text vectors in a narrow table of their own, filled per statement.

0002 kept the weighted tsvector as a column of SearchEntry, filled by a row trigger. At an average
of ~3.4 KB a vector does not fit beside the text in the row, so PostgreSQL moved every vector to
the TOAST table: ranking and every ``@@`` the planner evaluated row by row paid a TOAST index
lookup and two chunk reads per entry (seconds at 100,000 entries). Now:

- ``commons_search_vector(page_id, search_vector)`` holds the vectors, stored in the row
  (``STORAGE MAIN``), with the GIN index; it goes with its entry (``ON DELETE CASCADE``).
- Statement-level triggers with transition tables compute the vectors of all the rows one
  INSERT/COPY or UPDATE wrote in one ``INSERT ... SELECT`` (the same weights as 0002), instead of
  a PL/pgSQL call per row.
- Extended statistics on (facet, value) of the facet table: ``value = 'public'`` almost implies
  ``facet = '_access'``; without them the planner multiplied the two selectivities, guessed
  ~7,000 accessible entries for 90,000 and chose nested loops over every one of them.
- SearchFacetValue loses the single-column index on ``entry_id`` (the ``(entry, facet)`` index
  serves every lookup by entry): one index fewer to write per facet value, on both databases.

SQLite is unchanged but for that index.
"""

from django.db import migrations, models

VECTOR = """
    setweight(to_tsvector('english', coalesce(n.title, '')), 'A') ||
    setweight(to_tsvector('english', coalesce(n.tags, '')), 'B') ||
    setweight(to_tsvector('english', coalesce(n.summary, '')), 'C') ||
    setweight(to_tsvector('english', coalesce(n.body, '')), 'C') ||
    setweight(to_tsvector('english', coalesce(n.file_text, '')), 'D')
"""

POSTGRES_FORWARD = [
    """CREATE TABLE commons_search_vector (
        page_id integer PRIMARY KEY
            REFERENCES commons_search_searchentry (page_id) ON DELETE CASCADE,
        search_vector tsvector NOT NULL
    )""",
    "ALTER TABLE commons_search_vector ALTER COLUMN search_vector SET STORAGE MAIN",
    """INSERT INTO commons_search_vector (page_id, search_vector)
        SELECT page_id, search_vector FROM commons_search_searchentry WHERE search_vector IS NOT NULL""",
    "CREATE INDEX commons_search_vector_gin_2 ON commons_search_vector USING GIN (search_vector)",
    "DROP TRIGGER IF EXISTS commons_search_vector_trigger ON commons_search_searchentry",
    "DROP FUNCTION IF EXISTS commons_search_vector_update()",
    "DROP INDEX IF EXISTS commons_search_vector_gin",
    "ALTER TABLE commons_search_searchentry DROP COLUMN IF EXISTS search_vector",
    "ALTER INDEX commons_search_vector_gin_2 RENAME TO commons_search_vector_gin",
    f"""CREATE FUNCTION commons_search_vectors_write() RETURNS trigger AS $$
    BEGIN
        INSERT INTO commons_search_vector (page_id, search_vector)
        SELECT n.page_id, {VECTOR} FROM written AS n
        ON CONFLICT (page_id) DO UPDATE SET search_vector = EXCLUDED.search_vector;
        RETURN NULL;
    END
    $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER commons_search_vectors_insert AFTER INSERT ON commons_search_searchentry
        REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION commons_search_vectors_write()""",
    """CREATE TRIGGER commons_search_vectors_update AFTER UPDATE ON commons_search_searchentry
        REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION commons_search_vectors_write()""",
    """CREATE STATISTICS commons_search_facet_value_stats (dependencies, mcv)
        ON facet, value FROM commons_search_searchfacetvalue""",
    "ANALYZE commons_search_searchfacetvalue",
    "ANALYZE commons_search_vector",
]

# Back to 0002's column and row trigger.
POSTGRES_BACKWARD = [
    "DROP STATISTICS IF EXISTS commons_search_facet_value_stats",
    "DROP TRIGGER IF EXISTS commons_search_vectors_update ON commons_search_searchentry",
    "DROP TRIGGER IF EXISTS commons_search_vectors_insert ON commons_search_searchentry",
    "DROP FUNCTION IF EXISTS commons_search_vectors_write()",
    "ALTER TABLE commons_search_searchentry ADD COLUMN search_vector tsvector",
    """UPDATE commons_search_searchentry e SET search_vector = v.search_vector
        FROM commons_search_vector v WHERE v.page_id = e.page_id""",
    "DROP TABLE commons_search_vector",
    """CREATE FUNCTION commons_search_vector_update() RETURNS trigger AS $$
    BEGIN
        NEW.search_vector :=
            setweight(to_tsvector('english', coalesce(NEW.title, '')), 'A') ||
            setweight(to_tsvector('english', coalesce(NEW.tags, '')), 'B') ||
            setweight(to_tsvector('english', coalesce(NEW.summary, '')), 'C') ||
            setweight(to_tsvector('english', coalesce(NEW.body, '')), 'C') ||
            setweight(to_tsvector('english', coalesce(NEW.file_text, '')), 'D');
        RETURN NEW;
    END
    $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER commons_search_vector_trigger BEFORE INSERT OR UPDATE
        ON commons_search_searchentry FOR EACH ROW EXECUTE FUNCTION commons_search_vector_update()""",
    "CREATE INDEX commons_search_vector_gin ON commons_search_searchentry USING GIN (search_vector)",
]


def run(statements_by_vendor):
    def operation(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [("commons_search", "0003_seed_synonyms")]

    operations = [
        migrations.RunPython(run({"postgresql": POSTGRES_FORWARD}), run({"postgresql": POSTGRES_BACKWARD})),
        migrations.AlterField(
            model_name="searchfacetvalue",
            name="entry",
            field=models.ForeignKey(
                db_index=False,
                on_delete=models.deletion.CASCADE,
                related_name="facet_values",
                to="commons_search.searchentry",
            ),
        ),
    ]
