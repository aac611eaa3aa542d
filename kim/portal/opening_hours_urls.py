"""Back-office URLs of the opening hours (coordination): ``/verwaltung/portal/oeffnungszeiten/…``."""

from django.urls import path

from kim.portal import opening_hours_views as views

app_name = "portal_hours"

urlpatterns = [
    path("verwaltung/portal/oeffnungszeiten/", views.overview, name="overview"),
    path("verwaltung/portal/oeffnungszeiten/<int:point_pk>/woche/", views.weekly_hours, name="weekly_hours"),
    path(
        "verwaltung/portal/oeffnungszeiten/<int:point_pk>/ausnahmen/neu/",
        views.exception_create,
        name="exception_create",
    ),
    path(
        "verwaltung/portal/oeffnungszeiten/ausnahmen/<int:pk>/",
        views.exception_update,
        name="exception_update",
    ),
    path(
        "verwaltung/portal/oeffnungszeiten/ausnahmen/<int:pk>/loeschen/",
        views.exception_delete,
        name="exception_delete",
    ),
]
