"""URL of the residence screening (German path, English name)."""

from django.urls import path

from kim.residence import screening_views as views

app_name = "screening"

urlpatterns = [
    path("bleiberechts-screening/", views.screening_page, name="screening"),
]
