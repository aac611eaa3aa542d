"""Public URLs of the contact page (with opening hours) and the contact and appointment request form.

Included in kim/urls.py under ``/<lang>/`` – every view receives the ``lang`` keyword; see kim.portal.public.
"""

from django.urls import path

from kim.portal import contact_views

app_name = "portal_contact"

urlpatterns = [
    path("kontakt/", contact_views.index, name="index"),
    path("kontakt/anfrage/", contact_views.form, name="form"),
    path("kontakt/anfrage/danke/", contact_views.thanks, name="thanks"),
]

#: URL names (taking only ``lang``) that the sitemap lists in every language.
SITEMAP = ["portal_contact:index", "portal_contact:form"]
