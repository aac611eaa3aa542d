from django.urls import path

from kim.scheduling import views

app_name = "scheduling"

urlpatterns = [
    path("kalender/", views.calendar, name="calendar"),
    path("kalender/<int:user_pk>/", views.calendar_user, name="calendar_user"),
    path("kalender/termine/neu/", views.appointment_create, name="appointment_create"),
    path("kalender/termine/<int:pk>/", views.appointment_detail, name="appointment_detail"),
    path("kalender/termine/<int:pk>/bearbeiten/", views.appointment_update, name="appointment_update"),
    path("kalender/termine/<int:pk>/absagen/", views.appointment_cancel, name="appointment_cancel"),
    path("faelle/<int:case_pk>/termine/neu/", views.case_appointment_create, name="case_appointment_create"),
    path("kalender/abo/", views.feed_settings, name="feed_settings"),
    path("kalender/abo/<int:pk>/widerrufen/", views.feed_token_revoke, name="feed_token_revoke"),
    path("kalender/feed/<str:token>.ics", views.feed, name="feed"),
    path("fristen/", views.deadline_list, name="deadline_list"),
    path("fristen/neu/", views.deadline_create, name="deadline_create"),
    path("fristen/<int:pk>/erledigt/", views.deadline_complete, name="deadline_complete"),
    path("fristen/<int:pk>/wieder-offen/", views.deadline_reopen, name="deadline_reopen"),
]
