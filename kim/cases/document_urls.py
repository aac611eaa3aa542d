from django.urls import path

from kim.cases import document_views as views

app_name = "documents"

urlpatterns: list = [
    path("faelle/<int:case_pk>/dokumente/neu/", views.document_upload, name="document_upload"),
    path("dokumente/<int:pk>/herunterladen/", views.document_download, name="document_download"),
]
