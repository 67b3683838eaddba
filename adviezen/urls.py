from django.urls import path

from . import views

app_name = "adviezen"

urlpatterns = [
    path("", views.overzicht, name="overzicht"),
    path("<int:pk>/", views.advies, name="advies"),
    path("<int:pk>/bewerken/", views.bewerken, name="bewerken"),
    path("<int:pk>/herberekenen/", views.herberekenen, name="herberekenen"),
    path("<int:pk>/uitbrengen/", views.uitbrengen, name="uitbrengen"),
    path("<int:pk>/nieuwe-versie/", views.nieuwe_versie, name="nieuwe_versie"),
    path("<int:pk>/accepteren/", views.accepteren, name="accepteren"),
    path("<int:pk>/vraag/", views.vraag, name="vraag"),
    path("<int:pk>/brief.pdf", views.brief, name="brief"),
    path("vraag/<int:pk>/antwoord/", views.antwoord, name="antwoord"),
    path("melding/<int:pk>/concept/", views.concept_maken, name="concept_maken"),
    path("beleid/", views.beleid, name="beleid"),
    path("beleid/wijzigen/", views.beleid_wijzigen, name="beleid_wijzigen"),
    path("beleid/<int:pk>/", views.beleid_versie, name="beleid_versie"),
]
