"""Where a resource came from when it was brought in by ``manage.py import_resources``."""

from django.db import models


class ImportedResource(models.Model):
    """The stable id a manifest row gave a resource, so that importing the same manifest again
    updates the resource rather than making a second one (``resources.importing``)."""

    external_id = models.CharField(
        max_length=200, unique=True, help_text="The manifest's id for the resource, as the source system knows it."
    )
    resource = models.OneToOneField(
        "resources.ResourcePage", on_delete=models.CASCADE, related_name="import_record"
    )
    first_imported_at = models.DateTimeField(auto_now_add=True)
    last_imported_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "imported resource"

    def __str__(self):
        return self.external_id
