from django.urls import path

from kim.cases import views

app_name = "cases"

urlpatterns = [
    path("anfragen/", views.request_list, name="request_list"),
    path("anfragen/neu/", views.request_create, name="request_create"),
    path("anfragen/<int:pk>/", views.request_detail, name="request_detail"),
    path("anfragen/<int:pk>/zuweisen/", views.request_assign, name="request_assign"),
    path("anfragen/<int:pk>/zurueckziehen/", views.request_withdraw, name="request_withdraw"),
    path("anfragen/<int:pk>/aufnahme/", views.request_intake, name="request_intake"),
    path("faelle/", views.case_list, name="case_list"),
    path("faelle/<int:pk>/", views.case_detail, name="case_detail"),
    path("faelle/<int:pk>/status/", views.case_status, name="case_status"),
    path("faelle/<int:pk>/abschliessen/", views.case_close, name="case_close"),
    path("faelle/<int:pk>/wiedereroeffnen/", views.case_reopen, name="case_reopen"),
    path("faelle/<int:pk>/uebergeben/", views.case_transfer, name="case_transfer"),
    path("uebergaben/<int:pk>/", views.transfer_decide, name="transfer_decide"),
    path("faelle/<int:pk>/einschaetzung/neu/", views.assessment_create, name="assessment_create"),
    path("faelle/<int:pk>/ziele/neu/", views.goal_create, name="goal_create"),
    path("ziele/<int:pk>/bearbeiten/", views.goal_update, name="goal_update"),
    path("ziele/<int:pk>/massnahmen/neu/", views.measure_create, name="measure_create"),
    path("massnahmen/<int:pk>/erledigt/", views.measure_done, name="measure_done"),
    path("faelle/<int:pk>/kontakte/neu/", views.contact_create, name="contact_create"),
    path("koordination/faelle/", views.coordination_cases, name="coordination_cases"),
    path("fallzahlen/", views.caseload, name="caseload"),
]
