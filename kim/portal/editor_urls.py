"""The portal back office: /verwaltung/portal/… (coordination only). ``kind`` is one of seiten, fragen,
meldungen, downloads (kim.portal.kinds)."""

from django.urls import path

from kim.portal import editor_views as views

app_name = "portal_editor"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("fragen-themen/", views.categories, name="categories"),
    path("fragen-themen/<int:pk>/", views.category_edit, name="category_edit"),
    path("<portalkind:kind>/neu/", views.create, name="create"),
    path("<portalkind:kind>/<int:pk>/", views.item_detail, name="item"),
    path("<portalkind:kind>/<int:pk>/sichtbarkeit/", views.visibility, name="visibility"),
    path("<portalkind:kind>/<int:pk>/verschieben/", views.move, name="move"),
    path("<portalkind:kind>/<int:pk>/datei/", views.upload, name="upload"),
    path("<portalkind:kind>/<int:pk>/<publang:lang>/", views.edit, name="edit"),
    path("<portalkind:kind>/<int:pk>/<publang:lang>/vorschau/", views.preview, name="preview"),
    path("<portalkind:kind>/<int:pk>/<publang:lang>/zurueckziehen/", views.withdraw, name="withdraw"),
]
