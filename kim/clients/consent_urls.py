"""Consent pages: a client's consents, one consent, its withdrawal, the signed scan and the form PDF."""

from django.urls import path

from kim.clients import consent_views as views

app_name = "consent"

urlpatterns = [
    path("klienten/<int:client_pk>/einwilligungen/", views.consent_list, name="list"),
    path("klienten/<int:client_pk>/einwilligungen/neu/", views.consent_create, name="create"),
    path("einwilligungen/<int:pk>/", views.consent_detail, name="detail"),
    path("einwilligungen/<int:pk>/widerrufen/", views.consent_withdraw, name="withdraw"),
    path("einwilligungen/<int:pk>/scan/", views.consent_scan, name="scan"),
    path("einwilligungen/<int:pk>/scan/herunterladen/", views.consent_scan_download, name="scan_download"),
    path("einwilligungen/<int:pk>/formular.pdf", views.consent_form_pdf, name="form_pdf"),
]
