"""WSGI entry point for gunicorn: ``gunicorn kim.wsgi``."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kim.settings")
application = get_wsgi_application()
