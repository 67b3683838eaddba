"""Settings shared by every environment; configured by environment variables only."""

import os
from pathlib import Path

import dj_database_url

from .env import envbool, envint, envlist

BASE_DIR = Path(__file__).resolve().parent.parent.parent

SECRET_KEY = os.getenv("SECRET_KEY", "dev-only-niet-geheim-verander-dit-in-productie")
DEBUG = envbool("DEBUG", "false")
ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # The Django admin for superusers only; beheerders manage users in the application.
    "inkoop.beheer_admin.SuperuserAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rules.apps.AutodiscoverRulesConfig",
    "axes",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_htmx",
    "csp",
    "simple_history",
    "inkoop",
    "beleid",
    "uitgaven",
    "meldingen",
    "adviezen",
    "contracten",
    "rechtmatigheid",
    "jaarverslag",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "inkoop.middleware.OrganisatieMiddleware",
    "inkoop.middleware.InvoerEnCacheMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Axes last, as its docs require.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "inkoop.urls"
CSRF_FAILURE_VIEW = "inkoop.views.csrf_fout"
WSGI_APPLICATION = "inkoop.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "inkoop.context_processors.navigatie",
            ],
            "builtins": ["inkoop.templatetags.nl"],
        },
    }
]

# DATABASE_URL: default an SQLite file next to manage.py (the zero-service demo).
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=envint("DB_CONN_MAX_AGE", "0"),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # No JIT: the planner compiles any query it estimates above 100,000 cost units, and for the
    # pages' queries (milliseconds each) the compilation took longer than the query itself
    # (75 ms of 350 ms on the crediteuren page; bench/README.md, Pages under load).
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("options", "-c jit=off")
    # Behind PgBouncer in transaction mode a server-side cursor (QuerySet.iterator) cannot outlive
    # its transaction on the pooled server connection (Django docs, "Transaction pooling").
    DATABASES["default"]["DISABLE_SERVER_SIDE_CURSORS"] = envbool("DB_ZONDER_SERVER_CURSORS", "false")
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite: wait for a writer instead of failing with "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 20
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "inkoop.Gebruiker"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "start"
LOGOUT_REDIRECT_URL = "uitgelogd"
# An invitation link (set your password) is valid this long; Django's password-reset tokens.
PASSWORD_RESET_TIMEOUT = envint("UITNODIGING_GELDIG_UREN", "72") * 3600

# django-axes: lock per username + IP with a cool-off, never a whole town hall behind one NAT.
AXES_FAILURE_LIMIT = envint("AXES_FAILURE_LIMIT", "5")
AXES_COOLOFF_TIME = envint("AXES_COOLOFF_MINUTEN", "15") / 60  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/geblokkeerd.html"
AXES_IPWARE_META_PRECEDENCE_ORDER = ["REMOTE_ADDR"]

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands")]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_ROOT = Path(os.getenv("MEDIA_ROOT", str(BASE_DIR / "media")))
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Uploads: the ledger can be large; the import streams from disk.
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
UPLOAD_MAX_BYTES = envint("UPLOAD_MAX_MB", "200") * 1024 * 1024
# First: stop a too large upload while it arrives (inkoop/uploads.py), then Django's own.
FILE_UPLOAD_HANDLERS = [
    "inkoop.uploads.BegrensdeUpload",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Celery: no broker configured means tasks run in-process (the zero-service default).
CELERY_BROKER_URL = os.getenv("CELERY_BROKER_URL", "")
CELERY_RESULT_BACKEND = os.getenv("CELERY_RESULT_BACKEND", "") or None
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TIMEZONE = TIME_ZONE
# A worker never dies of one task: a child process whose memory grew past this is replaced after
# its task, one that hits the hard limit (inkoop/celery.py, RLIMIT_AS) fails that task with a
# MemoryError, and a task running past the time limit is stopped. The run or version is then
# marked failed by its own code or by the sweeps below.
CELERY_TAAK_GEHEUGEN_MB = envint("CELERY_TAAK_GEHEUGEN_MB", "3072")
CELERY_WORKER_MAX_MEMORY_PER_CHILD = envint("CELERY_WORKER_MAX_MEMORY_PER_CHILD_MB", "1024") * 1024  # kB
CELERY_WORKER_MAX_TASKS_PER_CHILD = envint("CELERY_WORKER_MAX_TASKS_PER_CHILD", "200")
CELERY_TASK_TIME_LIMIT = envint("CELERY_TASK_TIME_LIMIT", "7200")
CELERY_TASK_SOFT_TIME_LIMIT = envint("CELERY_TASK_SOFT_TIME_LIMIT", "6900")
# A task of a worker that died (SIGKILL, out of memory) goes back to the queue.
CELERY_TASK_REJECT_ON_WORKER_LOST = True
# Sweeps that finish or visibly fail work whose worker died or whose task was never queued.
CELERY_BEAT_SCHEDULE: dict = {
    f"{naam}-controleren": {"task": taak, "schedule": 300.0}
    for naam, taak in [("importruns", "uitgaven.tasks.importruns_controleren"),
                       ("rapportversies", "jaarverslag.tasks.rapportversies_controleren"),
                       ("conceptadviezen", "adviezen.tasks.concept_adviezen_controleren"),
                       ("notificaties", "inkoop.tasks.notificaties_controleren")]
}
# Queues per kind of work (docs/beheer.md, "Workers per wachtrij"): with CELERY_WACHTRIJEN=true the
# ledger import and the report PDF go to queues of their own, so that a worker per queue keeps a
# long import from delaying the e-mails and draft advices on the default queue "celery".
if envbool("CELERY_WACHTRIJEN", "false"):
    CELERY_TASK_ROUTES = {"uitgaven.tasks.import_uitvoeren": {"queue": "import"},
                          "jaarverslag.tasks.rapport_genereren": {"queue": "rapporten"}}

# --- contracten (issue 6): inkoopkalender reminders --------------------------------------------
# Days before a contract's decision date (extension) or end date that the owner and the
# inkopers are reminded; the task runs daily and sends each contract + deadline only once.
CONTRACTEN_HERINNERING_DAGEN = envint("CONTRACTEN_HERINNERING_DAGEN", "60")
from celery.schedules import crontab  # noqa: E402

CELERY_BEAT_SCHEDULE["contracten-herinneringen"] = {
    "task": "contracten.tasks.herinneringen_plannen",
    "schedule": crontab(hour=6, minute=30),
}
# --- end contracten ------------------------------------------------------------------------------

# --- REST API (interfaces.md §9) ----------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "api.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["api.permissies.Regels"],
    "DEFAULT_THROTTLE_CLASSES": ["api.beperking.PerSleutel"],
    "DEFAULT_PAGINATION_CLASS": "api.paginering.Paginering",
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "api.fouten.api_fouten",
    "COERCE_DECIMAL_TO_STRING": True,
}
# Requests per token (or per signed-in user) per period: s, m, h or d.
API_THROTTLE_RATE = os.getenv("API_LIMIET", "3600/hour")
SPECTACULAR_SETTINGS = {
    "TITLE": "Inkoop API",
    "DESCRIPTION": ("Meldingen, adviezen, trajecten, contracten, classificatie, import, signalen en "
                    "jaarcijfers. Aanmelden met `Authorization: Token <sleutel>` (pagina API-sleutels) "
                    "of met de sessie van de browser. Een sleutel werkt in één organisatie, met precies "
                    "de rechten van zijn gebruiker."),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    "SERVE_AUTHENTICATION": [],
    # Swagger UI from our own static files (no CDN; the CSP allows only 'self').
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_GENERATE_CHOICE_DESCRIPTION": False,
    "ENUM_NAME_OVERRIDES": {
        "SoortOpdrachtEnum": "beleid.begrippen.SoortOpdracht",
        "PakketSoortEnum": "api.schema.PAKKETSOORTEN",
        "SignaalSoortEnum": "rechtmatigheid.models.Soort",
        "ProcedureEnum": "beleid.begrippen.Procedure",
    },
    "POSTPROCESSING_HOOKS": ["drf_spectacular.hooks.postprocess_schema_enums", "api.schema.foutantwoorden"],
}
# --- end REST API --------------------------------------------------------------------------------

# E-mail
EMAIL_BACKEND = os.getenv("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.getenv("EMAIL_HOST", "localhost")
EMAIL_PORT = envint("EMAIL_PORT", "25")
EMAIL_HOST_USER = os.getenv("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.getenv("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = envbool("EMAIL_USE_TLS", "false")
DEFAULT_FROM_EMAIL = os.getenv("DEFAULT_FROM_EMAIL", "inkoop@localhost")
# For EMAIL_BACKEND=django.core.mail.backends.filebased.EmailBackend (the production check in CI).
EMAIL_FILE_PATH = os.getenv("EMAIL_FILE_PATH") or None
SITE_URL = os.getenv("SITE_URL", "http://127.0.0.1:8000")

# Security headers. CSP without unsafe-inline/unsafe-eval: no inline script or style anywhere;
# htmx is configured through a <meta> tag to not inject its indicator style.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True

# Optional OIDC login (Microsoft Entra ID), see docs/beheer.md.
OIDC_ENABLED = envbool("OIDC_ENABLED", "false")
if OIDC_ENABLED:
    from .oidc import *  # noqa: F403

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.getenv("LOG_LEVEL", "INFO")},
    "loggers": {"axes": {"level": "WARNING"}, "weasyprint": {"level": "ERROR"},
                "fontTools": {"level": "ERROR"}},
}
