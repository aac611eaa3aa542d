from django.urls import path

from kim.accounts import views

app_name = "accounts"

urlpatterns = [
    path("verwaltung/organisationen/", views.organisation_list, name="organisation_list"),
    path("verwaltung/organisationen/neu/", views.organisation_create, name="organisation_create"),
    path("verwaltung/organisationen/<int:pk>/", views.organisation_detail, name="organisation_detail"),
    path("verwaltung/organisationen/<int:pk>/bearbeiten/", views.organisation_update, name="organisation_update"),
    path("verwaltung/sozialraeume/", views.district_list, name="district_list"),
    path("verwaltung/sozialraeume/neu/", views.district_create, name="district_create"),
    path("verwaltung/sozialraeume/<int:pk>/bearbeiten/", views.district_update, name="district_update"),
    path("verwaltung/benutzer/", views.user_list, name="user_list"),
    path("verwaltung/benutzer/neu/", views.user_create, name="user_create"),
    path("verwaltung/benutzer/<int:pk>/", views.user_detail, name="user_detail"),
    path("verwaltung/benutzer/<int:pk>/bearbeiten/", views.user_update, name="user_update"),
    path("verwaltung/benutzer/<int:pk>/aktiv/", views.user_set_active, name="user_set_active"),
    path("verwaltung/benutzer/<int:pk>/zweiter-faktor/", views.user_reset_second_factor, name="user_reset_mfa"),
    path("verwaltung/benutzer/<int:pk>/passwort-link/", views.user_send_password_link, name="user_password_link"),
    path("verwaltung/benutzer/<int:pk>/rollen/", views.membership_create, name="membership_create"),
    path("verwaltung/rollen/<int:pk>/beenden/", views.membership_end, name="membership_end"),
    path("verwaltung/benutzer/<int:pk>/profil/", views.staff_profile_update, name="staff_profile_update"),
    path("team/", views.team, name="team"),
    path("netzwerk/", views.network, name="network"),
    path("profil/", views.profile, name="profile"),
    path("sicherheit/", views.security, name="security"),
    path("sicherheit/ueberall-abmelden/", views.logout_everywhere, name="logout_everywhere"),
]
