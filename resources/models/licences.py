from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index

from ..spdx import KNOWN_LICENCES
from ..validators import validate_spdx_identifier


class Licence(index.Indexed, models.Model):
    """The terms under which a resource may be reused.

    Either a public licence with an SPDX identifier from our shipped list, or network-only terms
    (no SPDX identifier). The flags let code reason about reuse without parsing licence names.
    """

    name = models.CharField(max_length=200)
    spdx_id = models.CharField(
        "SPDX identifier",
        max_length=64,
        blank=True,
        validators=[validate_spdx_identifier],
        help_text="For example CC-BY-4.0. Leave blank only for network-only terms.",
    )
    url = models.URLField("licence text URL", blank=True)
    summary = models.TextField(
        "plain-language summary",
        help_text="What someone may do with a resource under this licence, in one or two sentences.",
    )
    allows_commercial_use = models.BooleanField(default=True)
    allows_derivatives = models.BooleanField("allows adaptations", default=True)
    requires_share_alike = models.BooleanField("adaptations must use the same licence", default=False)
    requires_attribution = models.BooleanField(default=True)
    network_only = models.BooleanField(
        default=False, help_text="Only signed-in members of the network may see and use resources under it."
    )
    recommended = models.BooleanField(
        default=False, help_text="Offered first to people sharing a resource."
    )

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("spdx_id"), FieldPanel("url")]),
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("allows_commercial_use"),
                FieldPanel("allows_derivatives"),
                FieldPanel("requires_share_alike"),
                FieldPanel("requires_attribution"),
                FieldPanel("network_only"),
                FieldPanel("recommended"),
            ],
            heading="What the licence allows",
        ),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("spdx_id")]

    class Meta:
        ordering = ["-recommended", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["spdx_id"], condition=~models.Q(spdx_id=""), name="unique_spdx_licence"
            )
        ]

    def __str__(self):
        return self.name

    @property
    def label(self):
        return self.spdx_id or "Network only"

    def clean(self):
        super().clean()
        if self.network_only:
            if self.spdx_id:
                raise ValidationError(
                    {"spdx_id": "Network-only terms are not a public licence: leave the SPDX identifier blank."}
                )
            return
        if not self.spdx_id:
            raise ValidationError(
                {"spdx_id": "A public licence needs its SPDX identifier (for example CC-BY-4.0); "
                 "tick “network only” for terms that are not a public licence."}
            )
        if not self.url and self.spdx_id in KNOWN_LICENCES:
            self.url = KNOWN_LICENCES[self.spdx_id][1]
