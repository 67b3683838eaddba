"""Production: PostgreSQL, Redis, separate Celery workers; everything from the environment."""

from .base import *  # noqa: F403
from .env import envbool, envint, envrequired

SECRET_KEY = envrequired("SECRET_KEY")
DEBUG = False
ALLOWED_HOSTS = envlist("ALLOWED_HOSTS")  # noqa: F405
SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", "true")
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# The load balancer and the container health check probe over plain HTTP inside the network.
SECURE_REDIRECT_EXEMPT = [r"^gezondheid$"]
SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", "31536000")
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
