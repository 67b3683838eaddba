from django.urls import path

from . import views

app_name = "contracten"

urlpatterns = [
    # Contract register
    path("register/", views.register, name="register"),
    path("register/export.xlsx", views.export, name="export"),
    path("contract/nieuw/", views.contract_nieuw, name="contract_nieuw"),
    path("contract/<int:pk>/", views.contract_detail, name="contract"),
    path("register/importeren/", views.register_importeren, name="register_importeren"),
    path("contract/<int:pk>/wijzigen/", views.contract_wijzigen, name="contract_wijzigen"),
    path("contract/<int:pk>/historie/", views.contract_historie, name="contract_historie"),
    path("contract/<int:pk>/verlenging/", views.contract_verlenging, name="contract_verlenging"),
    path("contract/<int:pk>/sroi/", views.sroi_verplichting, name="sroi_verplichting"),
    path("contract/<int:pk>/sroi/realisatie/", views.sroi_realisatie, name="sroi_realisatie"),
    path("contract/<int:pk>/sroi/realisatie/<int:rpk>/verwijderen/", views.sroi_realisatie_verwijderen,
         name="sroi_realisatie_verwijderen"),
    path("contract/<int:pk>/sroi/kandidaat/", views.sroi_kandidaat, name="sroi_kandidaat"),
    path("contract/<int:pk>/documenten/", views.document_toevoegen, name="document_toevoegen"),
    path("contract/<int:pk>/documenten/<int:dpk>/", views.document_downloaden, name="document_downloaden"),
    # Trajecten
    path("trajecten/", views.trajecten, name="trajecten"),
    path("trajecten/nieuw/", views.traject_nieuw, name="traject_nieuw"),
    path("trajecten/uit-advies/<int:advies_pk>/", views.traject_uit_advies, name="traject_uit_advies"),
    path("trajecten/<int:pk>/", views.traject_detail, name="traject"),
    path("trajecten/<int:pk>/wijzigen/", views.traject_wijzigen, name="traject_wijzigen"),
    path("trajecten/<int:pk>/historie/", views.traject_historie, name="traject_historie"),
    path("trajecten/<int:pk>/status/", views.traject_status, name="traject_status"),
    path("trajecten/<int:pk>/percelen/", views.perceel_toevoegen, name="perceel_toevoegen"),
    path("trajecten/<int:pk>/uitnodigingen/", views.uitnodiging_toevoegen, name="uitnodiging_toevoegen"),
    path("trajecten/<int:pk>/inschrijvingen/", views.inschrijving_toevoegen, name="inschrijving_toevoegen"),
    path("trajecten/<int:pk>/inschrijvingen/<int:ipk>/gunnen/", views.gunnen, name="gunnen"),
    path("trajecten/<int:pk>/mvoi/", views.traject_mvoi, name="traject_mvoi"),
    path("trajecten/<int:pk>/bibob/", views.bibob_toevoegen, name="bibob_toevoegen"),
    path("trajecten/<int:pk>/klachten/", views.klacht_toevoegen, name="klacht_toevoegen"),
    path("trajecten/<int:pk>/klachten/<int:kpk>/", views.klacht_wijzigen, name="klacht_wijzigen"),
    path("trajecten/<int:pk>/bibob/<int:bpk>/", views.bibob_wijzigen, name="bibob_wijzigen"),
    path("trajecten/<int:pk>/<slug:soort>/<int:opk>/verwijderen/", views.onderdeel_verwijderen,
         name="onderdeel_verwijderen"),
    # Inkoopkalender
    path("kalender/", views.kalender, name="kalender"),
    path("kalender/maand/", views.kalender_maand, name="kalender_maand"),
    path("kalender/abonnement/", views.kalender_abonnement, name="kalender_abonnement"),
    path("kalender/ical/<str:sleutel>.ics", views.kalender_ical, name="kalender_ical"),
    # Werkpakt, MVOI/SROI figures
    path("werkpakt/", views.werkpakt, name="werkpakt"),
    path("werkpakt/nieuw/", views.werkpakt_nieuw, name="werkpakt_nieuw"),
    path("werkpakt/<int:pk>/wijzigen/", views.werkpakt_wijzigen, name="werkpakt_wijzigen"),
    path("mvoi-sroi/", views.zelfevaluatie, name="zelfevaluatie"),
]
