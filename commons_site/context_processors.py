from django.conf import settings


def site_navigation(request):
    """What every page's header and footer need."""
    from resources.models import LibraryPage

    return {
        "site_name": settings.WAGTAIL_SITE_NAME,
        "library_page": LibraryPage.objects.live().only("url_path", "title", "path", "depth").first(),
    }
