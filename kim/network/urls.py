from django.urls import path

from kim.network import views

app_name = "network"

urlpatterns = [
    path("faelle/<int:case_pk>/barriere/neu/", views.barrier_create, name="barrier_create"),
    path("barrieren/", views.barrier_list, name="barrier_list"),
    path("barrieren/<int:pk>/", views.barrier_update, name="barrier_update"),
]
