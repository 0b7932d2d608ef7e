"""Extracted text kept by the SHA-256 of a file's content, with no link to release files.

The kept rows are a cache: they are emptied first (two release files with the same content would
break the unique hash), and each file is extracted again the next time it is asked for.
"""

from django.db import migrations, models


def forget_kept_text(apps, schema_editor):
    apps.get_model("commons_search", "FileText").objects.all().delete()


class Migration(migrations.Migration):

    dependencies = [
        ('commons_search', '0005_postgres_vector_table'),
    ]

    operations = [
        migrations.RunPython(forget_kept_text, migrations.RunPython.noop),
        migrations.RemoveField(
            model_name='filetext',
            name='release_file',
        ),
        migrations.RemoveField(
            model_name='filetext',
            name='text',
        ),
        migrations.AddField(
            model_name='filetext',
            name='error_type',
            field=models.CharField(blank=True, choices=[('unsupported', 'unsupported file'), ('failed', 'extraction failed'), ('timed-out', 'ran out of time')], max_length=12),
        ),
        migrations.AddField(
            model_name='filetext',
            name='extension',
            field=models.CharField(blank=True, help_text='The extension of the name it was read under.', max_length=20),
        ),
        migrations.AddField(
            model_name='filetext',
            name='extracted_at',
            field=models.DateTimeField(auto_now=True),
        ),
        migrations.AddField(
            model_name='filetext',
            name='formula_cell_count',
            field=models.PositiveIntegerField(default=0),
        ),
        migrations.AddField(
            model_name='filetext',
            name='formula_cells',
            field=models.JSONField(default=list),
        ),
        migrations.AddField(
            model_name='filetext',
            name='kind',
            field=models.CharField(blank=True, max_length=8),
        ),
        migrations.AddField(
            model_name='filetext',
            name='limits',
            field=models.JSONField(default=dict, help_text='The extraction limits it was read under.'),
        ),
        migrations.AddField(
            model_name='filetext',
            name='parts',
            field=models.JSONField(default=list, help_text='[location, text] pairs, as the extractor returned them.'),
        ),
        migrations.AddField(
            model_name='filetext',
            name='truncated',
            field=models.BooleanField(default=False),
        ),
        migrations.AlterField(
            model_name='filetext',
            name='sha256',
            field=models.CharField(max_length=64, unique=True),
        ),
    ]
