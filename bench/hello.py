"""The hello-world bench/pages.py measures beside the site: Django with one view, the same gunicorn.
Nothing else: no database, no middleware, no templates. It is what a request costs before the site
does anything."""

from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.http import HttpResponse
from django.urls import path

settings.configure(
    DEBUG=False,
    SECRET_KEY="bench-hello-world-only",
    ALLOWED_HOSTS=["127.0.0.1", "localhost"],
    ROOT_URLCONF=__name__,
    MIDDLEWARE=[],
    INSTALLED_APPS=[],
)


def hello(request):
    return HttpResponse("Hello")


urlpatterns = [path("", hello)]
application = get_wsgi_application()
