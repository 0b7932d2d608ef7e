"""Settings shared by every environment.

Everything an operator may change comes from the environment (see README.md, "Configuration"),
with defaults that give a working laptop install: a SQLite file under var/, the embedded search
engine, media files under var/media.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONCE
from django.core.exceptions import ImproperlyConfigured

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent
VAR_DIR = BASE_DIR / "var"


def env_list(name, default=""):
    """A comma-separated environment variable as a list, ignoring blanks."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off", ""}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")


INSTALLED_APPS = [
    "commons_site",
    "resources",
    "contributors",
    "search",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.table_block",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "contributors.apps.UsersAppConfig",  # wagtail.users, with our user screens
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "axes",  # sign-in throttling (AXES_* below)
    "csp",  # Content-Security-Policy header (CONTENT_SECURITY_POLICY below)
    # The queue of django-tasks' database backend, which production runs its background work
    # through (TASKS in production.py). Installed everywhere so that every settings module migrates
    # the same schema: a database set up by `make run` serves `make serve` as it is.
    "django_tasks_db",
    # The REST API (resources/api/, docs/api.md), its OpenAPI schema, and Swagger UI's files served
    # from this site (the docs page loads nothing from a CDN).
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "contributors.csp.CSPMiddleware",
    # Whole pages for anonymous visitors (commons_site/page_cache.py): inside CSP, which writes the
    # header of every response, outside sessions, CSRF and messages, whose cookies it must see.
    "commons_site.page_cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Before anything reads the body (the CSRF check does, in its process_view): see the module.
    "commons_site.middleware.RequestSizeLimitMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # A refused approval or publish (resources.review.guards) shown as a message on the editor.
    "resources.review.middleware.RefusalMessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: answers a paused sign-in with the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "commons_site.urls"

# Caches: in this process's memory on a laptop and in tests; production.py shares them between
# processes and servers. "pages" holds whole pages for anonymous visitors (commons_site/page_cache.py).
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"},
}
# Which pages show which objects, and the receivers that purge them when those change.
PAGE_CACHE_DEPENDENCIES = "resources.page_cache"
# How long a browser, proxy or CDN may reuse an anonymous page without asking again (it then asks
# with its ETag and gets 304 if nothing changed); how long the site keeps one nothing purged.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "60"))
PAGE_CACHE_TIMEOUT = int(os.environ.get("PAGE_CACHE_TIMEOUT", "3600"))
# Usage figures (docs/usage.md): off, pages carry no view beacon and the beacon counts nothing
# (downloads are still counted). The figures already counted are shown either way.
USAGE_COUNT_VIEWS = env_bool("USAGE_COUNT_VIEWS", True)
# Adoption (docs/evidence.md): days after a centre starts using a resource that the daily job asks
# whoever marked it "did it work?", and again that long after a "too early to tell" answer.
ADOPTION_CHECK_AFTER_DAYS = int(os.environ.get("ADOPTION_CHECK_AFTER_DAYS", "90"))

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "commons_site.context_processors.site_navigation",
                "csp.context_processors.nonce",
            ],
        },
    },
]

WSGI_APPLICATION = "commons_site.wsgi.application"

# Database: DATABASE_URL, e.g. postgres://user:pass@host:5432/commons; default a SQLite file.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'commons.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "/accounts/login/"
# Members-only pages send visitors to the commons' own sign-in page, not Wagtail's bare one.
WAGTAIL_FRONTEND_LOGIN_URL = LOGIN_URL
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"

# Sign-in throttling (django-axes) on every sign-in form, the site's and the admin's: after
# AXES_FAILURE_LIMIT wrong passwords for one username from one address, that username is paused
# from that address for AXES_COOLOFF_MINUTES; other people, and the same person elsewhere, can
# still sign in. The client address is REMOTE_ADDR unless AXES_PROXY_COUNT says how many proxies of
# ours put the real one in X-Forwarded-For (a header anyone could otherwise forge).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first: refuses a paused sign-in before any password check
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=float(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "contributors.auth.locked_out"
AXES_IPWARE_PROXY_COUNT = int(os.environ["AXES_PROXY_COUNT"]) if os.environ.get("AXES_PROXY_COUNT") else None
AXES_IPWARE_META_PRECEDENCE_ORDER = (
    ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"] if AXES_IPWARE_PROXY_COUNT else ["REMOTE_ADDR"]
)

# Content-Security-Policy (django-csp, contributors/csp.py): scripts, styles, images and requests
# from this site only; inline scripts only with the request's nonce ({{ CSP_NONCE }}). Style
# attributes are allowed for the responsive wrappers Wagtail puts around embedded videos, whose
# players (CSP_FRAME_SRC) are the only other site a page may frame.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", NONCE],
        "style-src": ["'self'"],
        "style-src-attr": ["'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'", *env_list(
            "CSP_FRAME_SRC", "https://www.youtube.com,https://www.youtube-nocookie.com,https://player.vimeo.com"
        )],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        # The admin shows page previews in a frame of its own.
        "frame-ancestors": ["'self'"],
    },
}
# What the Wagtail admin needs beyond that, in its pages only: its inline scripts and styles carry
# no nonce (wagtail/wagtail#1288).
CONTENT_SECURITY_POLICY_ADMIN = {
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
}

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "var" / "static"))
STATICFILES_DIRS = [PROJECT_DIR / "static"]
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "commons_site.staticfiles.AppDirectoriesFinder",  # the apps' static files, without Redoc
]

MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))

STORAGES = {
    # Deletes wait for the commit and spare files a row still names (see resources/storage.py).
    "default": {"BACKEND": "resources.storage.TransactionalFileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# E-mail: EMAIL_URL-style settings stay explicit so operators see each one.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
# Invitations (contributors/invitations.py): how long an invitation's link works, and how many
# links that do not work one client address may try in an hour before it is paused.
INVITATION_EXPIRY_DAYS = int(os.environ.get("INVITATION_EXPIRY_DAYS", "14"))
INVITATION_GUESS_LIMIT = int(os.environ.get("INVITATION_GUESS_LIMIT", "20"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Improvement Commons <commons@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Search: "embedded" (the database's own full-text engine) or a cluster URL such as
# opensearch://127.0.0.1:9250 or elasticsearch://host:9200. Only search/ reads it.
SEARCH_URL = os.environ.get("SEARCH_URL", "embedded")

# Wagtail 8 runs index updates and other background work through django-tasks. On a laptop
# (`make run`) the immediate backend runs them in the request; production queues them in the
# database for `manage.py db_worker` (production.py, TASKS_BACKEND; docs/deployment.md).
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# Uploads. Limits here are the outer wall: anything larger is refused before it reaches a model.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
DATA_UPLOAD_MAX_NUMBER_FILES = 20
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
MAX_UPLOAD_MB = int(os.environ.get("MAX_UPLOAD_MB", "50"))
# Screening of contributions (resources/screening/): the same size limit as uploads.
SCREENING_MAX_FILE_MB = MAX_UPLOAD_MB
# One submission's budget: at most this many files, screened in at most this many seconds in all
# (a file not checked in time is held for an editor, never passed unread), and a request body of
# at most MAX_REQUEST_MB (commons_site/middleware.py), refused with 413 before it is read.
SHARE_MAX_FILES = int(os.environ.get("SHARE_MAX_FILES", "10"))
SCREENING_SUBMISSION_SECONDS = float(os.environ.get("SCREENING_SUBMISSION_SECONDS", "60"))
MAX_REQUEST_MB = float(os.environ.get("MAX_REQUEST_MB", MAX_UPLOAD_MB * SHARE_MAX_FILES + 1))
# Wall-clock seconds to read one file's text (resources/files/extract.py): a 50-page PDF takes under 1 s and
# a 10,000-row spreadsheet about 3.5 s (bench/screening.py), so 8 s leaves room without letting a
# crafted file hold a worker for long.
SEARCH_EXTRACT_TIMEOUT = float(os.environ.get("SEARCH_EXTRACT_TIMEOUT", "8"))

# Protocol currency (resources/review/currency.py, docs/evidence.md): the daily job tells a
# protocol's people and its editors when its review-by date is this many days away, then when it
# has passed, and again every PROTOCOL_OVERDUE_REMINDER_DAYS while it stays overdue.
PROTOCOL_REVIEW_NOTICE_DAYS = int(os.environ.get("PROTOCOL_REVIEW_NOTICE_DAYS", "30"))
# When the daily job runs as a django-tasks schedule (`manage.py daily --schedule`), local time.
DAILY_JOB_TIME = os.environ.get("DAILY_JOB_TIME", "00:15")
PROTOCOL_OVERDUE_REMINDER_DAYS = int(os.environ.get("PROTOCOL_OVERDUE_REMINDER_DAYS", "30"))

WAGTAIL_SITE_NAME = "Improvement Commons"
WAGTAILADMIN_BASE_URL = os.environ.get("BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_I18N_ENABLED = False
# Review requests go to the members of the task's groups, not also to every administrator (who can
# see every review in the admin); set True to copy administrators in, as Wagtail does by default.
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False
# No avatars from gravatar.com: the admin would send a hash of every user's e-mail address to a
# third party (and show broken images on a network without internet access).
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# Documents: an explicit list (Wagtail's default allows every extension), served through Django so
# that page privacy applies to files, and never rendered inline by the browser.
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "pptx", "txt", "csv"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = MAX_UPLOAD_MB * 1024 * 1024
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_BLOCK_EMBEDDED_CONTENT = True
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
# Every document and image form (add, edit, multiple upload, choosers) runs the file gate.
WAGTAILDOCS_DOCUMENT_FORM_BASE = "resources.files.forms.GatedDocumentForm"

# Images: no SVG (it can carry script); size and pixel limits against decompression bombs.
WAGTAILIMAGES_EXTENSIONS = ["png", "jpg", "jpeg", "gif", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_IMAGE_FORM_BASE = "resources.files.forms.GatedImageForm"

# The REST API at /api/v1/ (resources/api/, docs/api.md). Its views set their own authentication
# (a member's personal token, contributors/tokens.py), renderers, throttles and error handler:
# Wagtail's admin API is DRF too and must keep DRF's defaults (session sign-in, no rate limit).
# Rate limits per second, minute, hour or day, by caller: an address without a token, a token's member.
REST_FRAMEWORK = {
    "DEFAULT_THROTTLE_RATES": {
        "anonymous": os.environ.get("API_RATE_ANONYMOUS", "120/minute"),
        "token": os.environ.get("API_RATE_TOKEN", "1200/minute"),
    },
    # The caller's address behind our own proxies, as for sign-in throttling (AXES_PROXY_COUNT); with
    # none, REMOTE_ADDR (DRF's default, None, would believe any X-Forwarded-For a caller sends).
    "NUM_PROXIES": AXES_IPWARE_PROXY_COUNT or 0,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
}
API_MAX_PAGE_SIZE = 100
SPECTACULAR_SETTINGS = {
    "TITLE": "Improvement Commons API",
    "DESCRIPTION": "Read-only access to the commons' resources, releases, collections, people, organisations, "
    "licences and vocabularies. See docs/api.md.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "PREPROCESSING_HOOKS": ["resources.api.schema.only_the_public_api"],
}

WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_ENABLE_UPDATE_CHECK = False

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"require_debug_false": {"()": "django.utils.log.RequireDebugFalse"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        "mail_admins": {
            "level": "ERROR",
            "filters": ["require_debug_false"],
            "class": "django.utils.log.AdminEmailHandler",
        },
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        # Django's default configuration gives the "django" logger a console handler of its own
        # (with DEBUG on), and its lines also reach the root's console: every line twice. Naming the
        # logger here replaces its handlers, so its lines are printed once, by the root; errors
        # are still e-mailed to ADMINS in production as Django's default does.
        "django": {"handlers": ["mail_admins"], "level": "INFO"},
        "django.db.backends": {"level": "WARNING"},
        # One line per background task is noise on a laptop; failures still log at ERROR.
        "django_tasks": {"level": "WARNING"},
        # The cluster clients log every request, and every failure with a traceback; the search
        # service logs an outage once, so only their errors are kept.
        "opensearch": {"level": "ERROR"},
        "elastic_transport": {"level": "ERROR"},
        # django-axes logs every sign-in at INFO; lockouts and failures are logged at WARNING.
        "axes": {"level": "WARNING"},
    },
}

# OAI-PMH at /oai/ (docs/oai-pmh.md). The repository id is the middle of every OAI identifier
# (oai:<id>:resource/12): set it to the site's domain in production so identifiers never change
# with the host a harvester uses; blank takes the request's host.
OAI_REPOSITORY_ID = os.environ.get("OAI_REPOSITORY_ID", "")
# Addresses given to harvesters in Identify; blank: the address of DEFAULT_FROM_EMAIL.
OAI_ADMIN_EMAILS = [address.strip() for address in os.environ.get("OAI_ADMIN_EMAIL", "").split(",") if address.strip()]
# Records (or sets) per response, and how long a resumption token stays good.
OAI_BATCH_SIZE = int(os.environ.get("OAI_BATCH_SIZE", "100"))
OAI_TOKEN_MAX_AGE = int(os.environ.get("OAI_TOKEN_MAX_AGE", str(24 * 60 * 60)))
