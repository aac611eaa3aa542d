"""Client records, households and the residence timeline (German paths, English names)."""

from django.urls import path

from kim.clients import views
from kim.residence import views as residence_views

app_name = "clients"

urlpatterns = [
    path("klienten/", views.client_list, name="client_list"),
    path("klienten/neu/", views.client_create, name="client_create"),
    path("klienten/suche/", views.client_search, name="client_search"),
    path("klienten/<int:pk>/", views.client_detail, name="client_detail"),
    path("klienten/<int:pk>/bearbeiten/", views.client_update, name="client_update"),
    path("klienten/<int:pk>/aehnliche/", views.client_similar, name="client_similar"),
    path("klienten/<int:pk>/namen/neu/", views.client_name_create, name="client_name_create"),
    path("klienten/<int:pk>/namen/<int:name_pk>/bearbeiten/", views.client_name_update, name="client_name_update"),
    path("klienten/<int:pk>/namen/<int:name_pk>/loeschen/", views.client_name_delete, name="client_name_delete"),
    path("klienten/<int:pk>/haushalt/neu/", views.household_create, name="household_create"),
    path("haushalte/<int:pk>/", views.household_detail, name="household_detail"),
    path("haushalte/<int:pk>/bearbeiten/", views.household_update, name="household_update"),
    path("haushalte/<int:pk>/aufloesen/", views.household_delete, name="household_delete"),
    path("haushalte/<int:pk>/mitglieder/neu/", views.household_member_add, name="household_member_add"),
    path("haushaltsmitglieder/<int:pk>/beziehung/", views.household_member_update, name="household_member_update"),
    path("haushaltsmitglieder/<int:pk>/entfernen/", views.household_member_remove, name="household_member_remove"),
    path("klienten/<int:pk>/aufenthalt/neu/", residence_views.residence_status_create, name="residence_create"),
    path(
        "klienten/<int:pk>/aufenthalt/<int:status_pk>/bearbeiten/",
        residence_views.residence_status_update,
        name="residence_update",
    ),
    path(
        "klienten/<int:pk>/aufenthalt/<int:status_pk>/loeschen/",
        residence_views.residence_status_delete,
        name="residence_delete",
    ),
    path("klienten/<int:pk>/vorpruefung/", residence_views.precheck_form, name="precheck_form"),
    path("vorpruefungen/<int:run_pk>/", residence_views.precheck_detail, name="precheck_detail"),
    path("vorpruefungen/<int:run_pk>/zusammenfassung.pdf", residence_views.precheck_pdf, name="precheck_pdf"),
]
