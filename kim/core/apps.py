from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "kim.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self):
        from kim.core import crypto  # noqa: F401 - registers the system checks
