from django.urls import path

from . import views

app_name = "rechtmatigheid"

urlpatterns = [
    path("signalen/", views.signalen, name="signalen"),
    path("signalen/berekenen/", views.signalen_berekenen, name="signalen_berekenen"),
    path("signalen/export/", views.signalen_export, name="signalen_export"),
    path("signalen/beoordelen/", views.signalen_bulk, name="signalen_bulk"),
    path("verantwoording/", views.verantwoording, name="verantwoording"),
    path("vooruitblik/", views.vooruitblik, name="vooruitblik"),
    path("signalen/<int:pk>/", views.signaal, name="signaal"),
    path("steekproeven/", views.steekproeven, name="steekproeven"),
    path("steekproeven/trekken/", views.steekproef_trekken, name="steekproef_trekken"),
    path("steekproeven/<int:pk>/", views.steekproef, name="steekproef"),
    path("steekproeven/<int:pk>/export/", views.steekproef_export, name="steekproef_export"),
    path("ocds/", views.ocds_export, name="ocds_export"),
]
