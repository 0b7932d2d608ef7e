"""The test suite: fast hashing, in-memory cache and e-mail, tasks run in place."""

import os
import tempfile

from .base import *  # noqa: F401,F403

DEBUG = False
SECRET_KEY = "test-only-key"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"},
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# The route sweeps open made-up invitation links; only tests/test_invitations.py tries the pause.
INVITATION_GUESS_LIMIT = 1000
TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "ENQUEUE_ON_COMMIT": False,
    }
}
# A folder of the session's own unless TEST_MEDIA_ROOT names one; the one made here is removed when
# the session ends (tests/conftest.py), a TEST_MEDIA_ROOT never is.
TEMPORARY_MEDIA_ROOT = (
    None if os.environ.get("TEST_MEDIA_ROOT") else Path(tempfile.mkdtemp(prefix="commons-test-media-"))  # noqa: F405
)
MEDIA_ROOT = TEMPORARY_MEDIA_ROOT or Path(os.environ["TEST_MEDIA_ROOT"])  # noqa: F405
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# The API's rate limits (REST_FRAMEWORK) are far above what the tests ask; tests/test_api.py sets
# a tiny one where it checks them.
REST_FRAMEWORK = {
    **REST_FRAMEWORK,  # noqa: F405
    "DEFAULT_THROTTLE_RATES": {"anonymous": "100000/minute", "token": "100000/minute"},
}
