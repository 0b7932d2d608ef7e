"""Editor-managed vocabularies: the words resources are filed under."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class ImprovementPhase(models.TextChoices):
    """Where a resource helps in the model for improvement. Fixed: the method, not the network,
    defines these."""

    AIM = "aim", "Set an aim"
    MEASURE = "measure", "Measure"
    CHANGE = "change", "Develop changes"
    TEST = "test", "Test with PDSA"
    IMPLEMENT = "implement", "Implement"
    SPREAD = "spread", "Spread"


class Vocabulary(index.Indexed, models.Model):
    name = models.CharField(max_length=120, unique=True)
    slug = models.SlugField(max_length=120, unique=True, help_text="Used in filter links; keep it stable.")
    description = models.TextField(blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name


class Condition(Vocabulary):
    """A condition, and the improvement network that serves it."""

    network_name = models.CharField(
        max_length=120, blank=True, help_text="The improvement network for this condition, if named."
    )
    # Declared here, not on Organisation: contributors knows nothing of resources. Each side reads
    # it (``organisation.conditions``) and edits it (the organisation form in resources/people_admin.py).
    organisations = models.ManyToManyField(
        "contributors.Organisation", blank=True, related_name="conditions", help_text="Organisations that serve it."
    )

    panels = Vocabulary.panels + [FieldPanel("network_name"), FieldPanel("organisations")]

    class Meta(Vocabulary.Meta):
        verbose_name = "condition"


class ResourceType(Vocabulary):
    class Meta(Vocabulary.Meta):
        verbose_name = "resource type"


class Audience(Vocabulary):
    class Meta(Vocabulary.Meta):
        verbose_name = "audience"
