from .base import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Tests decide per test whether tasks run eagerly or on a real worker (celery_worker fixture).
CELERY_TASK_ALWAYS_EAGER = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
import tempfile  # noqa: E402

MEDIA_ROOT = tempfile.mkdtemp(prefix="inkoop-test-media-")
AXES_FAILURE_LIMIT = 3

WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# The suite makes many API requests with the same (reused) user ids; throttling has its own test.
API_THROTTLE_RATE = "1000000/hour"
