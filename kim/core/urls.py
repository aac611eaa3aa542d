from django.urls import path

from kim.core import views

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    path("rolle-wechseln/", views.switch_membership, name="switch_membership"),
    path("verwaltung/protokoll/", views.audit_list, name="audit_list"),
]
