"""The full-text index over SearchEntry, in the database's own dialect.

SQLite: an FTS5 table over the entry's text columns (external content, kept in step by triggers),
with the Porter stemmer. PostgreSQL: a weighted tsvector column (English configuration) kept in
step by a trigger, with a GIN index. Either way Python only writes SearchEntry rows.
"""

from django.db import migrations

SQLITE_FORWARD = [
    """CREATE VIRTUAL TABLE commons_search_fts USING fts5(
        title, tags, summary, body, file_text,
        content='commons_search_searchentry', content_rowid='page_id',
        tokenize='porter unicode61 remove_diacritics 2', prefix='2 3')""",
    """CREATE TRIGGER commons_search_fts_insert AFTER INSERT ON commons_search_searchentry BEGIN
        INSERT INTO commons_search_fts(rowid, title, tags, summary, body, file_text)
        VALUES (new.page_id, new.title, new.tags, new.summary, new.body, new.file_text);
    END""",
    """CREATE TRIGGER commons_search_fts_delete AFTER DELETE ON commons_search_searchentry BEGIN
        INSERT INTO commons_search_fts(commons_search_fts, rowid, title, tags, summary, body, file_text)
        VALUES ('delete', old.page_id, old.title, old.tags, old.summary, old.body, old.file_text);
    END""",
    """CREATE TRIGGER commons_search_fts_update AFTER UPDATE ON commons_search_searchentry BEGIN
        INSERT INTO commons_search_fts(commons_search_fts, rowid, title, tags, summary, body, file_text)
        VALUES ('delete', old.page_id, old.title, old.tags, old.summary, old.body, old.file_text);
        INSERT INTO commons_search_fts(rowid, title, tags, summary, body, file_text)
        VALUES (new.page_id, new.title, new.tags, new.summary, new.body, new.file_text);
    END""",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS commons_search_fts_update",
    "DROP TRIGGER IF EXISTS commons_search_fts_delete",
    "DROP TRIGGER IF EXISTS commons_search_fts_insert",
    "DROP TABLE IF EXISTS commons_search_fts",
]

# Weights: title A, tags B, summary and body C, file text D (ranked 1.0, 0.4, 0.2, 0.1).
POSTGRES_FORWARD = [
    "ALTER TABLE commons_search_searchentry ADD COLUMN search_vector tsvector",
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
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS commons_search_vector_gin",
    "DROP TRIGGER IF EXISTS commons_search_vector_trigger ON commons_search_searchentry",
    "DROP FUNCTION IF EXISTS commons_search_vector_update()",
    "ALTER TABLE commons_search_searchentry DROP COLUMN IF EXISTS search_vector",
]


def run(statements_by_vendor):
    def operation(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [("commons_search", "0001_initial")]

    operations = [
        migrations.RunPython(
            run({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}),
            run({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}),
        )
    ]
