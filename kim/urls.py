"""URL configuration. Staff pages are German paths; each app has its own urls module."""

from django.contrib import admin
from django.urls import include, path
from django.views.i18n import JavaScriptCatalog, set_language

from kim.core import views as core_views

urlpatterns = [
    # The public portal first: its patterns only match /<language code>/… and /sitemap.xml, so staff URLs are
    # unaffected, and the most frequent requests resolve without trying every staff pattern first.
    path("", include("kim.portal.urls")),
    path("<publang:lang>/", include("kim.portal.directory_urls")),
    path("<publang:lang>/", include("kim.portal.contact_urls")),
    path("", include("kim.core.urls")),
    path("", include("kim.accounts.urls")),
    path("", include("kim.clients.urls")),
    path("", include("kim.clients.consent_urls")),
    path("", include("kim.cases.urls")),
    path("", include("kim.cases.referral_urls")),
    path("", include("kim.cases.document_urls")),
    path("", include("kim.scheduling.urls")),
    path("", include("kim.network.urls")),
    path("", include("kim.residence.pipeline_urls")),
    path("", include("kim.residence.screening_urls")),
    path("", include("kim.portal.opening_hours_urls")),
    path("verwaltung/portal/", include("kim.portal.editor_urls")),
    path("accounts/", include("allauth.urls")),
    path("i18n/setlang/", set_language, name="set_language"),
    path("i18n/js/", JavaScriptCatalog.as_view(), name="javascript_catalog"),
    path("healthz", core_views.healthz, name="healthz"),
    path("favicon.ico", core_views.favicon),
    path("robots.txt", core_views.robots, name="robots"),
    path("django-admin/", admin.site.urls),
]

handler400 = "kim.core.views.error_400"
handler403 = "kim.core.views.error_403"
handler404 = "kim.core.views.error_404"
handler500 = "kim.core.views.error_500"
