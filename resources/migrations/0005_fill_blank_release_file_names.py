"""Rows saved before 0002 have no download name; ReleaseFile.save() fills it for every row since.
Filled here once, with a queryset update (published releases refuse save()), so that every reader
can rely on ``filename``."""

import posixpath

from django.db import migrations


def fill_blank_names(apps, schema_editor):
    ReleaseFile = apps.get_model("resources", "ReleaseFile")
    for release_file in ReleaseFile.objects.filter(filename="").select_related("document"):
        name = posixpath.basename(release_file.document.file.name)
        ReleaseFile.objects.filter(pk=release_file.pk).update(filename=name)


class Migration(migrations.Migration):
    dependencies = [("resources", "0004_review_tasks_and_reuse_requests")]

    operations = [migrations.RunPython(fill_blank_names, migrations.RunPython.noop)]
