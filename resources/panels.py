from django.urls import reverse
from wagtail.admin.panels import Panel


class ReleasesPanel(Panel):
    """Shows a resource's releases in its editor, with a link to add the next one. Releases are
    edited on their own screen (they are not part of the page's revisions)."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "resources/panels/releases_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            context["releases"] = page.releases.order_by("-release_date", "-pk") if page.pk else []
            context["add_url"] = reverse("wagtailsnippets_resources_release:add") + (
                f"?resource={page.pk}" if page.pk else ""
            )
            context["edit_url_name"] = "wagtailsnippets_resources_release:edit"
            context["instance"] = page
            return context
