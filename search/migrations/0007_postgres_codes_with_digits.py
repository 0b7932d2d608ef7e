"""PostgreSQL: a code of letters, a hyphen and digits ("GAD-7", "ICD-10", "COVID-19") is indexed as
its two words, as SQLite and OpenSearch do. PostgreSQL's parser read the hyphen as a minus sign
("gad", "-7"), so "GAD-7" never matched. The vectors are rewritten by the next index rebuild (and
by every write from now on)."""

from django.db import migrations


def _column(name):
    return f"regexp_replace(coalesce(n.{name}, ''), '([[:alpha:]])-([[:digit:]])', '\\1 \\2', 'g')"


def _vector():
    weights = (("title", "A"), ("tags", "B"), ("summary", "C"), ("body", "C"), ("file_text", "D"))
    return " || ".join(f"setweight(to_tsvector('english', {_column(name)}), '{weight}')" for name, weight in weights)


def _function(vector):
    return f"""CREATE OR REPLACE FUNCTION commons_search_vectors_write() RETURNS trigger AS $$
    BEGIN
        INSERT INTO commons_search_vector (page_id, search_vector)
        SELECT n.page_id, {vector} FROM written AS n
        ON CONFLICT (page_id) DO UPDATE SET search_vector = EXCLUDED.search_vector;
        RETURN NULL;
    END
    $$ LANGUAGE plpgsql"""


OLD_VECTOR = " || ".join(
    f"setweight(to_tsvector('english', coalesce(n.{name}, '')), '{weight}')"
    for name, weight in (("title", "A"), ("tags", "B"), ("summary", "C"), ("body", "C"), ("file_text", "D"))
)


def run(sql):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return operation


class Migration(migrations.Migration):
    dependencies = [("commons_search", "0006_query_understanding")]

    operations = [migrations.RunPython(run(_function(_vector())), run(_function(OLD_VECTOR)))]
