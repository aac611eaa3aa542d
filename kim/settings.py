"""Settings, read from the environment (12-factor).

Everything a deployment changes comes from environment variables (or a ``.env`` file beside manage.py):

- ``DEBUG`` (default off), ``SECRET_KEY`` (required unless DEBUG or KIM_DEMO is on),
  ``ALLOWED_HOSTS`` (comma separated), ``CSRF_TRUSTED_ORIGINS``
- ``DATABASE_URL``: ``sqlite:///var/kim.sqlite3`` by default, ``postgres://user:pw@host:5432/name`` for
  PostgreSQL (psycopg 3)
- ``EMAIL_URL`` (e.g. ``smtp+tls://user:pw@mail.example.org:587``; console backend by default),
  ``DEFAULT_FROM_EMAIL``
- ``KIM_DEMO``: demo mode: demo logins with known passwords work and no second factor is required
- ``KIM_SESSION_IDLE_MINUTES`` (default 30), ``KIM_SITE_NAME``, ``KIM_SECURE_SSL_REDIRECT``,
  ``KIM_HSTS_SECONDS``
- ``KIM_TRUSTED_PROXIES``: number of reverse proxies that append to X-Forwarded-For (default 0)
"""

import sys
from pathlib import Path

import environ
from csp.constants import NONCE, NONE, SELF
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()
if (BASE_DIR / ".env").is_file() and env.bool("KIM_READ_ENV_FILE", default=True):
    environ.Env.read_env(BASE_DIR / ".env")

DEBUG = env.bool("DEBUG", default=False)
KIM_DEMO = env.bool("KIM_DEMO", default=False)
# Under pytest the test settings apply even when KIM_TESTING is not exported.
TESTING = env.bool("KIM_TESTING", default="pytest" in sys.modules)

_insecure_key = "insecure-development-key-do-not-use-in-production-0123456789abcdef"
if DEBUG or KIM_DEMO or TESTING:
    SECRET_KEY = env.str("SECRET_KEY", default=_insecure_key)
else:
    SECRET_KEY = env.str("SECRET_KEY")

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "kim.core",
    "kim.accounts",
    "kim.clients",
    "kim.cases",
    "kim.network",
    "kim.residence",
    "kim.scheduling",
    "kim.portal",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.usersessions",
    "axes",
    "django_htmx",
    "csp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    # Oversized posts of the public request form get an answer in the visitor's language (kim/portal).
    "kim.portal.contact_middleware.PublicFormLimitMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "allauth.usersessions.middleware.UserSessionsMiddleware",
    "kim.core.middleware.CurrentMembershipMiddleware",
    "kim.accounts.middleware.RequireSecondFactorMiddleware",
    # AxesMiddleware must be the last one: it turns a lockout into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "kim.urls"
WSGI_APPLICATION = "kim.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "kim.core.context_processors.platform",
            ],
        },
    },
]
FORM_RENDERER = "kim.core.forms.FormRenderer"

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'kim.sqlite3'}"),
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers work while one writer writes; the timeout waits for a lock instead of failing.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    # Opening the file and running the PRAGMAs costs ~3 ms, more than a cached portal page (measured with
    # bench/portal_bench.py): keep the connection like on PostgreSQL.
    DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("DATABASE_CONN_MAX_AGE", default=60))
else:
    DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("DATABASE_CONN_MAX_AGE", default=60))
    DATABASES["default"].setdefault("CONN_HEALTH_CHECKS", True)
    # JIT compilation costs more than it saves for this application's short queries (measured: 0.8 s
    # compile against 0.1 s run for the name search).
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("options", "-c jit=off")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {
    "default": env.cache("CACHE_URL", default="locmemcache://kim"),
}

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    # Axes first: it refuses locked-out credentials before any other backend sees them.
    "axes.backends.AxesStandaloneBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
PASSWORD_HASHERS = env.list(
    "PASSWORD_HASHERS",
    default=[
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",
        "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    ],
)

LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "account_login"

# django-allauth: e-mail login, no self sign-up (staff accounts are created by system administrators).
ACCOUNT_ADAPTER = "kim.accounts.adapters.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_SESSION_REMEMBER = False
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
ACCOUNT_PASSWORD_RESET_BY_CODE_ENABLED = False
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[KIM] "
# allauth's own cache-based limits stay as a second line (per address across accounts); the per-account
# limit is looser than axes' lockout so that the lockout page is what people see.
ACCOUNT_RATE_LIMITS = {"login_failed": "20/m/ip,10/5m/key"}
MFA_ADAPTER = "kim.accounts.adapters.MFAAdapter"
MFA_SUPPORTED_TYPES = ["totp", "webauthn", "recovery_codes"]
MFA_TOTP_ISSUER = env.str("KIM_SITE_NAME", default="KIM Oberhausen")
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = DEBUG
MFA_PASSKEY_LOGIN_ENABLED = False
USERSESSIONS_TRACK_ACTIVITY = True

# django-axes: 5 failed attempts lock the account name from that address; a system administrator or the
# cool-off time lifts it.
AXES_FAILURE_LIMIT = env.int("KIM_LOGIN_FAILURE_LIMIT", default=5)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "username"]
AXES_USERNAME_CALLABLE = "kim.accounts.adapters.axes_username"
AXES_LOCKOUT_CALLABLE = "kim.accounts.views.lockout"
AXES_COOLOFF_TIME = env.float("KIM_LOGIN_COOLOFF_HOURS", default=1.0)
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
AXES_IPWARE_META_PRECEDENCE_ORDER = ["REMOTE_ADDR"]

# Sessions end after KIM_SESSION_IDLE_MINUTES without a request.
KIM_SESSION_IDLE_MINUTES = env.int("KIM_SESSION_IDLE_MINUTES", default=30)
SESSION_COOKIE_AGE = KIM_SESSION_IDLE_MINUTES * 60
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_FAILURE_VIEW = "kim.core.views.csrf_failure"

# Languages: the staff UI is German first and complete in English; Arabic is offered for staff too.
LANGUAGE_CODE = "de"
LANGUAGES = [
    ("de", "Deutsch"),
    ("en", "English"),
    ("ar", "العربية"),
]
LANGUAGES_BIDI = ["ar", "fa", "he", "ur", "ps", "ckb"]
LOCALE_PATHS = [BASE_DIR / "kim" / "locale"]
LANGUAGE_COOKIE_NAME = "kim_language"
LANGUAGE_COOKIE_SECURE = not DEBUG
LANGUAGE_COOKIE_SAMESITE = "Lax"
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env.str("KIM_MEDIA_ROOT", default=str(VAR_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG or TESTING
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = DEBUG or TESTING or KIM_DEMO

# E-mail: console backend unless EMAIL_URL says otherwise.
_email = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(_email)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="KIM Oberhausen <kim@oberhausen.example>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Security headers. In production (DEBUG off) HTTPS is assumed; the reverse proxy terminates TLS.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if not DEBUG:
    SECURE_SSL_REDIRECT = env.bool("KIM_SECURE_SSL_REDIRECT", default=not (KIM_DEMO or TESTING))
    SESSION_COOKIE_SECURE = not (KIM_DEMO or TESTING)
    CSRF_COOKIE_SECURE = not (KIM_DEMO or TESTING)
    SECURE_HSTS_SECONDS = env.int("KIM_HSTS_SECONDS", default=31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
SILENCED_SYSTEM_CHECKS = env.list("KIM_SILENCED_SYSTEM_CHECKS", default=[])

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}

KIM_SITE_NAME = env.str("KIM_SITE_NAME", default="KIM Oberhausen")
# Languages of the public portal (kim/portal/languages.py), German first; "einfach" = Einfache Sprache.
KIM_PUBLIC_LANGUAGES = env.list(
    "KIM_PUBLIC_LANGUAGES", default=["de", "einfach", "en", "ar", "tr", "uk", "ru", "bg", "ro", "fa", "ku"]
)
# The address people use to reach the platform, for links in e-mails (reminders, password links).
KIM_BASE_URL = env.str("KIM_BASE_URL", default="http://127.0.0.1:8000")
# Reverse proxies in front of the app that append the visitor's address to X-Forwarded-For (0: none, the
# address is REMOTE_ADDR). The public contact form's rate limit per address depends on it.
KIM_TRUSTED_PROXIES = env.int("KIM_TRUSTED_PROXIES", default=0)
# The deployed version, part of the public pages' cache keys (default: a fingerprint of the code).
KIM_RELEASE = env.str("KIM_RELEASE", default="")
# When the alerts of the authorities' pipeline start (kim.residence.alerts): a § 104c permit ending within N
# months, N months before a § 25a candidate's 27th birthday, a Duldung or permit ending within N weeks.
KIM_PIPELINE_CHANCEN_MONTHS = env.int("KIM_PIPELINE_CHANCEN_MONTHS", default=3)
KIM_PIPELINE_AGE_MONTHS = env.int("KIM_PIPELINE_AGE_MONTHS", default=6)
KIM_PIPELINE_EXPIRY_WEEKS = env.int("KIM_PIPELINE_EXPIRY_WEEKS", default=8)
# The site's own admission rule for KIM case management (the Land leaves the target group to each site);
# shown at every intake decision.
KIM_ADMISSION_RULE = env.str(
    "KIM_ADMISSION_RULE",
    default=(
        "Menschen mit Einwanderungsgeschichte in Oberhausen mit Unterstützungsbedarf in mehreren Lebensbereichen, "
        "die keine andere Stelle umfassend begleitet"
    ),
)
# Fernet keys for secrets and special-category data at rest, newest first (kim/core/crypto.py).
KIM_FIELD_KEYS = env.list("KIM_FIELD_KEYS", default=[])
KIM_REQUIRE_SECOND_FACTOR = env.bool("KIM_REQUIRE_SECOND_FACTOR", default=not KIM_DEMO)
# Known password of the demo accounts; they can log in only while KIM_DEMO is on.
KIM_DEMO_PASSWORD = "kim-demo-2026"  # noqa: S105

MESSAGE_TAGS_VERBOSE = {"error": _("Error"), "success": _("Success"), "warning": _("Warning")}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="WARNING")},
    "loggers": {
        "django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False},
        "axes": {"handlers": ["console"], "level": "ERROR", "propagate": False},
    },
}
