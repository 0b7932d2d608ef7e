from django.urls import reverse
from wagtail.admin.panels import Panel


class ReleasesPanel(Panel):
    """Shows a resource's releases in its editor, with their files (reviewers read a contribution's
    files from here) and a link to add the next one. Releases are edited on their own screen (they
    are not part of the page's revisions), by editors."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "resources/panels/releases_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            context["releases"] = (
                page.releases.prefetch_related("files__document").order_by("-release_date", "-pk") if page.pk else []
            )
            user = self.request.user if self.request else None
            context["may_edit_releases"] = user is not None and user.has_perm("resources.change_release")
            context["add_url"] = reverse("wagtailsnippets_resources_release:add") + (
                f"?resource={page.pk}" if page.pk else ""
            )
            context["edit_url_name"] = "wagtailsnippets_resources_release:edit"
            context["instance"] = page
            return context
