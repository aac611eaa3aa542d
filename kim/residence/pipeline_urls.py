"""URLs of the candidate pipeline (German paths, English names)."""

from django.urls import path

from kim.residence import pipeline_views as views

app_name = "pipeline"

urlpatterns = [
    path("bleiberecht/", views.board, name="board"),
    path("bleiberecht/neu/", views.candidate_register, name="register"),
    path("bleiberecht/statistik/", views.statistics_page, name="statistics"),
    path("bleiberecht/statistik.xlsx", views.statistics_xlsx, name="statistics_xlsx"),
    path("bleiberecht/<int:pk>/", views.candidate_detail, name="candidate_detail"),
    path("bleiberecht/<int:pk>/stufe/", views.candidate_move, name="candidate_move"),
    path("bleiberecht/<int:pk>/wiedereroeffnen/", views.candidate_reopen, name="candidate_reopen"),
    path("bleiberecht/<int:pk>/zustaendig/", views.candidate_assign, name="candidate_assign"),
    path("bleiberecht/<int:pk>/vorpruefung/", views.candidate_precheck, name="candidate_precheck"),
    path("bleiberecht/<int:pk>/aufenthalt/neu/", views.candidate_status_create, name="status_create"),
    path(
        "bleiberecht/<int:pk>/aufenthalt/<int:status_pk>/loeschen/",
        views.candidate_status_delete,
        name="status_delete",
    ),
    path("bleiberecht/<int:pk>/hinweise/<int:link_pk>/erledigt/", views.alert_done, name="alert_done"),
    path("klienten/<int:pk>/bleiberecht-vorschlagen/", views.propose, name="propose"),
]
