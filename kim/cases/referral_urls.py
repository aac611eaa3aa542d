from django.urls import path

from kim.cases import referral_views as views

app_name = "referrals"

urlpatterns: list = [
    path("faelle/<int:case_pk>/vermittlungen/neu/", views.referral_create, name="referral_create"),
    path("vermittlungen/<int:pk>/", views.referral_detail, name="referral_detail"),
    path("vermittlungen/<int:pk>/bearbeiten/", views.referral_update, name="referral_update"),
    path("vermittlungen/<int:pk>/senden/", views.referral_send, name="referral_send"),
    path("vermittlungen/<int:pk>/brief.pdf", views.referral_letter, name="referral_letter"),
    # Public: the partner's single-use answer link (no login).
    path("rueckmeldung/<str:token>/", views.partner_answer, name="partner_answer"),
]
