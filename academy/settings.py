"""Settings for the Progressive Governance Academy.

Every deployment knob read from the environment (12-factor, as in cookiecutter-django);
Celery's and the logging's in settings_celery.py and settings_logging.py, imported here.
With no environment at all the site runs on a SQLite file, Celery tasks execute
in-process, email goes to the console and media is stored locally: the embedded default.
Production only hardens (DJANGO_DEBUG unset).
"""

from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
env_file = BASE_DIR / ".env"
if env_file.exists():  # optional, never committed
    environ.Env.read_env(str(env_file))

DEBUG = env.bool("DJANGO_DEBUG", default=False)

# With DEBUG off this is production: refuse to start without a real secret key and a cache
# every process shares (local memory is per process: rate limits and throttles would count
# per gunicorn worker). academy/checks.py warns about weak values (manage.py check --deploy).
if not DEBUG:
    _missing = [name for name in ("DJANGO_SECRET_KEY", "CACHE_URL") if not env.str(name, "")]
    if _missing:
        raise ImproperlyConfigured(
            f"DJANGO_DEBUG is off (production), but {' and '.join(_missing)} "
            f"{'is' if len(_missing) == 1 else 'are'} not set. Set DJANGO_SECRET_KEY to a long "
            "random value (python -c 'import secrets; print(secrets.token_urlsafe(50))') and "
            "CACHE_URL to a cache all processes share (e.g. redis://127.0.0.1:6379/1). "
            "For development, set DJANGO_DEBUG=true."
        )
# The committed key, for development only; academy.E001 (check --deploy) rejects it.
DEVELOPMENT_SECRET_KEY = "dev-only-insecure-key-change-me-in-production-0123456789abcdefghijkl"
SECRET_KEY = env("DJANGO_SECRET_KEY", default=DEVELOPMENT_SECRET_KEY)
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")
SITE_NAME = env("SITE_NAME", default="Progressive Governance Academy")
WAGTAILADMIN_BASE_URL = SITE_URL

INSTALLED_APPS = [
    # Our apps come first so their templates override third-party ones.
    "academy.apps.AcademyConfig",
    "courses.apps.CoursesConfig",
    "cohorts.apps.CohortsConfig",
    "certificates.apps.CertificatesConfig",
    "reports.apps.ReportsConfig",
    # Wagtail
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.simple_translation",
    "wagtail.locales",
    "wagtail.embeds",
    "wagtail.sites",
    "academy.users_app.AcademyUsersAppConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    # Accounts and forms
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "crispy_forms",
    "crispy_bootstrap5",
    "csp",
    # Django
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sites",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "academy.csp.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "academy.public_cache.PublicPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "academy.middleware.NulCharacterMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "academy.i18n.PreferredLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "academy.middleware.AdminGateMiddleware",
    "academy.middleware.UserTimezoneMiddleware",
    "academy.middleware.PrivateCacheMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "academy.urls"
WSGI_APPLICATION = "academy.wsgi.application"

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
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Writers queue for the lock instead of failing with "database is locked":
    # BEGIN IMMEDIATE takes the write lock up front, the timeout lets others wait.
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
else:
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache (every rate limit: academy.ratelimit; public pages: academy.public_cache) --
CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://academy")}
if CACHES["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache":
    CACHES["default"]["BACKEND"] = "academy.cache.SharedClientRedisCache"  # see its docstring
# Public pages kept for anonymous visitors: changes show at once; this bounds what time
# alone changes (an enrollment window closing).
PUBLIC_CACHE_SECONDS = env.int("PUBLIC_CACHE_SECONDS", default=300)
# Proxies in front of the site that append to X-Forwarded-For (a load balancer: 1). With 0
# the header is ignored; the client address of every rate limit is academy.ratelimit's.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXY_COUNT

# --- Accounts -------------------------------------------------------------------------
AUTH_USER_MODEL = "academy.User"
AUTHENTICATION_BACKENDS = ["academy.backends.AcademyAuthenticationBackend"]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
SITE_ID = 1
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/me/"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = env("ACCOUNT_EMAIL_VERIFICATION", default="optional")
ACCOUNT_SIGNUP_REDIRECT_URL = "/me/profile/"
ACCOUNT_LOGOUT_REDIRECT_URL = "/"
ACCOUNT_SIGNUP_FORM_CLASS = "academy.forms.SignupExtraForm"
ACCOUNT_RATE_LIMITS = {
    # allauth's defaults, stated so they are visible: failed logins per user/IP.
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
}
# Client address, landing page after login (by role), generic login errors.
ACCOUNT_ADAPTER = "academy.accounts.AccountAdapter"
# Two-factor authentication (allauth.mfa): an authenticator app (TOTP) with recovery
# codes, required before the Wagtail admin (academy.middleware.AdminGateMiddleware),
# available to everyone from their profile. One step of clock drift is accepted.
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = SITE_NAME
MFA_TOTP_TOLERANCE = 1
MFA_ALLOW_UNVERIFIED_EMAIL = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Governance Academy] "
# allauth's emails named from SITE_NAME / SITE_URL, on the academy's layout, via the outbox.
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https" if SITE_URL.startswith("https") else "http"

# --- Internationalisation ------------------------------------------------------------
LANGUAGE_CODE = "en"
# The site in English (unprefixed URLs) and Spanish (/es/...): LocaleMiddleware reads the
# language from the URL; a visitor's choice is kept in the language cookie and an
# official's in their profile (academy/i18n.py).
LANGUAGES = [("en", "English"), ("es", "Español")]
LANGUAGE_COOKIE_NAME = "academy_language"
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
LANGUAGE_COOKIE_SAMESITE = "Lax"
# academy/formats/es: a 12-hour clock ("7:00 p. m.") and US/Mexican number separators.
FORMAT_MODULE_PATH = ["academy.formats"]
# The Wagtail admin follows each user's own admin language (Wagtail's account settings),
# offered in the two languages the academy's admin screens are written in.
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
TIME_ZONE = "America/New_York"
USE_I18N = True
# locale/en: the site's wording of allauth's pages ("Log in", sentence case);
# locale/es: the whole site in Spanish. Compiled by `make setup` (compilemessages).
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_TZ = True

# --- Static and media -----------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = env("DJANGO_STATIC_ROOT", default=str(BASE_DIR / "staticfiles"))
MEDIA_URL = "/media/"
MEDIA_ROOT = env("DJANGO_MEDIA_ROOT", default=str(BASE_DIR / "media"))

AWS_STORAGE_BUCKET_NAME = env("AWS_STORAGE_BUCKET_NAME", default="")
if AWS_STORAGE_BUCKET_NAME:
    # S3-compatible media storage (AWS, MinIO, R2...) when a bucket is configured.
    media_storage = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": env("AWS_S3_ENDPOINT_URL", default=None),
            "region_name": env("AWS_S3_REGION_NAME", default=None),
            # Private objects, reachable only through short-lived signed URLs (and the
            # certificate PDFs only through the permission-checked download view).
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": True,
        },
    }
    # Where signed media URLs point (the CSP allows images from there).
    _endpoint = env("AWS_S3_ENDPOINT_URL", default="")
    _region = media_storage["OPTIONS"]["region_name"]
    _media_origins = [_endpoint.rstrip("/")] if _endpoint else [
        f"https://{AWS_STORAGE_BUCKET_NAME}.s3.amazonaws.com",
        *([f"https://{AWS_STORAGE_BUCKET_NAME}.s3.{_region}.amazonaws.com"] if _region else []),
    ]
else:
    media_storage = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    _media_origins = []
# Production (DEBUG off): `collectstatic` writes hashed, compressed files and their
# manifest, which pages then link (far-future caching). Before it has run, names not in
# the manifest fall back to the plain ones and WhiteNoise serves them from the apps.
STATIC_COLLECTED = (Path(STATIC_ROOT) / "staticfiles.json").exists() and not DEBUG
STORAGES = {
    "default": media_storage,
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
    } if DEBUG else {"BACKEND": "academy.staticstorage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = not STATIC_COLLECTED

# --- Email ----------------------------------------------------------------------------
_email = env.email_url("EMAIL_URL", default="consolemail://")
EMAIL_BACKEND = _email["EMAIL_BACKEND"]
EMAIL_HOST = _email.get("EMAIL_HOST", "")
EMAIL_PORT = _email.get("EMAIL_PORT") or 25
EMAIL_HOST_USER = _email.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = _email.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = _email.get("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = _email.get("EMAIL_USE_SSL", False)
EMAIL_BACKEND = env("EMAIL_BACKEND", default=EMAIL_BACKEND)
EMAIL_FILE_PATH = env("EMAIL_FILE_PATH", default=str(BASE_DIR / "sent-emails"))
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Governance Academy <academy@example.org>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Celery (academy/settings_celery.py) ----------------------------------------------
from .settings_celery import *  # noqa: E402, F403

CELERY_TIMEZONE = TIME_ZONE
# The email outbox (academy.outbox): a sender's claim on a row lasts this long (a sender
# that dies is covered by the sweeper after it); failed sends are retried with backoff
# this many times, then shown to staff as failed.
OUTBOX_CLAIM_SECONDS = env.int("OUTBOX_CLAIM_SECONDS", default=300)
OUTBOX_MAX_ATTEMPTS = env.int("OUTBOX_MAX_ATTEMPTS", default=8)
# Certificate renders: attempts before a certificate is shown as failed to render.
CERTIFICATE_MAX_RENDER_ATTEMPTS = env.int("CERTIFICATE_MAX_RENDER_ATTEMPTS", default=6)
# Open Badges 3.0 credentials (certificates/issuer.py). The Ed25519 signing key comes from
# CREDENTIALS_SIGNING_KEY (PEM text) or CREDENTIALS_SIGNING_KEY_FILE (a path), never from
# the database or the repository. Without either, a DEVELOPMENT key is generated on first
# use in CREDENTIALS_DEV_KEY_FILE (git-ignored) and `check --deploy` refuses it
# (certificates.E002). Retired public keys (Multikey, "z6Mk...") stay in the DID document so
# older credentials keep verifying: CREDENTIALS_RETIRED_KEYS (comma-separated) plus the
# lines of the retired-keys file (default: the key file's path + ".retired"), which
# `manage.py rotate_credential_key` appends to.
CREDENTIALS_SIGNING_KEY = env.str("CREDENTIALS_SIGNING_KEY", default="")
CREDENTIALS_SIGNING_KEY_FILE = env.str("CREDENTIALS_SIGNING_KEY_FILE", default="")
CREDENTIALS_DEV_KEY_FILE = str(BASE_DIR / "var" / "DEVELOPMENT-ONLY-credential-key.pem")
CREDENTIALS_RETIRED_KEYS = env.list("CREDENTIALS_RETIRED_KEYS", default=[])
CREDENTIALS_RETIRED_KEYS_FILE = env.str("CREDENTIALS_RETIRED_KEYS_FILE", default="")
# How long caches may keep a status list (seconds): a revocation shows within this time.
CREDENTIALS_STATUS_LIST_MAX_AGE = env.int("CREDENTIALS_STATUS_LIST_MAX_AGE", default=300)
# How long a request waits for a cohort's lock before "busy, please try again" (ms).
COHORT_LOCK_TIMEOUT_MS = env.int("COHORT_LOCK_TIMEOUT_MS", default=5000)
# Verification pages and JSON: requests per minute per client address.
CERTIFICATE_VERIFY_RATE = env.int("CERTIFICATE_VERIFY_RATE", default=60)
# The academy's own rate limits (academy.ratelimit, allauth's limiter and syntax:
# amount/period/per, per "ip" or "user"); login, sign-up and reset are ACCOUNT_RATE_LIMITS.
ACADEMY_RATE_LIMITS = {
    "certificate_verify": f"{CERTIFICATE_VERIFY_RATE}/m/ip",  # page and JSON together
    "check_in_wrong_code": "5/10m/user",
}

# --- Wagtail --------------------------------------------------------------------------
WAGTAIL_SITE_NAME = SITE_NAME
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILADMIN_COMMENTS_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
# The curriculum in English and Spanish: each Spanish page is a translation of its English
# page (same slug), made in the admin with "Translate" (simple_translation) and reviewed
# by the same workflow; a page with no translation is shown in English with a note.
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# One login for the whole site: the admin sends people to allauth's (rate limits, email
# verification, two-factor authentication); email and password are managed there too.
WAGTAILADMIN_LOGIN_URL = "account_login"
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
WAGTAIL_EMAIL_MANAGEMENT_ENABLED = False
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "key", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]

# --- Forms ----------------------------------------------------------------------------
CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# --- Security (production hardens; DEBUG and tests stay plain http) -------------------
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "SAMEORIGIN"  # Wagtail's preview panel frames our own pages
SILENCED_SYSTEM_CHECKS = [
    # W019 asks for DENY; SAMEORIGIN is deliberate (Wagtail's live preview is an iframe).
    "security.W019",
    # W021 asks for HSTS preload: a commitment browsers keep for months, so it is opt-in
    # (DJANGO_SECURE_HSTS_PRELOAD=true) once every subdomain is served over https.
    "security.W021",
]
if not DEBUG and SITE_URL.startswith("https://"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
    # A load balancer probes /healthz over plain http: it must see 200, not a redirect.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env.int("DJANGO_SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env.bool("DJANGO_SECURE_HSTS_PRELOAD", default=False)
    SECURE_CONTENT_TYPE_NOSNIFF = True

# Content-Security-Policy: the policies, by area, are in academy/csp.py. Media may be
# served from another origin (S3): images and media from there are allowed too.
CSP_MEDIA_ORIGINS = env.list("CSP_MEDIA_ORIGINS", default=_media_origins)
# No third-party avatar requests (and no staff email hashes sent out) from the admin.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Nor a call to releases.wagtail.org from every admin dashboard: upgrades are ours to plan.
WAGTAIL_ENABLE_UPDATE_CHECK = False

# --- Errors and logs (academy/settings_logging.py) -----------------------------------
from .settings_logging import *  # noqa: E402, F403
