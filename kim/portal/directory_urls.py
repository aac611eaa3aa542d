"""Public URLs of the staff directory and responsibility finder (owned by the directory module).

Included in kim/urls.py under ``/<lang>/`` – every view receives the ``lang`` keyword; see kim.portal.public.
"""

from django.urls import path

from kim.portal import directory_views

app_name = "portal_directory"

urlpatterns = [
    path("ansprechpersonen/", directory_views.index, name="index"),
    path("ansprechpersonen/alle/", directory_views.staff, name="staff"),
]

#: URL names (taking only ``lang``) that the sitemap lists in every language.
SITEMAP = ["portal_directory:index", "portal_directory:staff"]
