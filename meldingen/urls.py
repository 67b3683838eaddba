from django.urls import path

from . import views

app_name = "meldingen"

urlpatterns = [
    # "Mijn meldingen" has its own path so that the menu does not mark it active on every page
    # under /meldingen/ (inkoop.context_processors matches by prefix).
    path("", views.begin, name="begin"),
    path("mijn/", views.mijn, name="mijn"),
    path("nieuw/", views.nieuw, name="nieuw"),
    path("werkvoorraad/", views.werkvoorraad, name="werkvoorraad"),
    path("raming/", views.raming, name="raming"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/bewerken/", views.bewerken, name="bewerken"),
    path("<int:pk>/indienen/", views.indienen, name="indienen"),
    path("<int:pk>/verwijderen/", views.verwijderen, name="verwijderen"),
    path("<int:pk>/status/", views.status, name="status"),
    path("<int:pk>/toewijzen/", views.toewijzen, name="toewijzen"),
    path("<int:pk>/vraag/", views.vraag, name="vraag"),
    path("<int:pk>/bijlagen/", views.bijlagen, name="bijlagen"),
    path("vraag/<int:pk>/antwoord/", views.antwoord, name="antwoord"),
    path("bijlage/<int:pk>/", views.bijlage, name="bijlage"),
    path("bijlage/<int:pk>/verwijderen/", views.bijlage_verwijderen, name="bijlage_verwijderen"),
    path("berichten/<int:pk>/", views.notificatie, name="notificatie"),
    path("berichten/gelezen/", views.notificaties_gelezen, name="notificaties_gelezen"),
]
