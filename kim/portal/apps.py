from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "kim.portal"
    label = "portal"
    verbose_name = _("Public portal")

    def ready(self):
        from kim.portal.languages import register_converter, register_language_info

        register_language_info()
        register_converter()
        from kim.portal import directory_signals  # noqa: F401  (cache generation bump on staff/hours changes)
