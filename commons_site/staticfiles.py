"""Where collectstatic looks for static files: Django's own finders, but without Redoc.

drf-spectacular-sidecar ships Redoc beside Swagger UI. The API's docs page uses Swagger UI only
(Redoc injects styles the Content-Security-Policy refuses), and Redoc's 5 MB would otherwise be
hashed and compressed by every collectstatic. (Done with a finder rather than a configured
staticfiles app: tools such as pytest-django's live server look for "django.contrib.staticfiles"
by name in INSTALLED_APPS.)"""

from django.contrib.staticfiles import finders

LEFT_OUT = ["drf_spectacular_sidecar/redoc/*"]


class AppDirectoriesFinder(finders.AppDirectoriesFinder):
    def list(self, ignore_patterns):
        return super().list([*(ignore_patterns or []), *LEFT_OUT])
