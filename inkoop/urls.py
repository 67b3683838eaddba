from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from . import views

urlpatterns = [
    path("", views.start, name="start"),
    path("inloggen/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path("organisatie/", views.organisatie_wisselen, name="organisatie_wisselen"),
    path("uitgelogd/", views.uitgelogd, name="uitgelogd"),
    path("toegankelijkheid/", views.toegankelijkheid, name="toegankelijkheid"),
    path("gebruikers/", views.gebruikers, name="gebruikers"),
    path("gebruikers/uitnodigen/", views.gebruiker_uitnodigen, name="gebruiker_uitnodigen"),
    path("gebruikers/historie/", views.gebruikers_historie, name="gebruikers_historie"),
    path("gebruikers/<int:pk>/", views.gebruiker_wijzigen, name="gebruiker_wijzigen"),
    path("gebruikers/<int:pk>/deactiveren/", views.gebruiker_deactiveren, name="gebruiker_deactiveren"),
    path("gebruikers/<int:pk>/opnieuw-uitnodigen/", views.gebruiker_opnieuw_uitnodigen,
         name="gebruiker_opnieuw_uitnodigen"),
    path("instellingen/organisatie/", views.organisatie_instellingen, name="organisatie_instellingen"),
    path("wachtwoord-instellen/<uidb64>/<token>/", views.UitnodigingAccepterenView.as_view(),
         name="uitnodiging_accepteren"),
    path("gezondheid", views.gezondheid, name="gezondheid"),
    path("uitgaven/", include("uitgaven.urls")),
    path("meldingen/", include("meldingen.urls")),
    path("adviezen/", include("adviezen.urls")),
    path("contracten/", include("contracten.urls")),
    path("rechtmatigheid/", include("rechtmatigheid.urls")),
    path("jaarverslag/", include("jaarverslag.urls")),
    path("beheer/", admin.site.urls),
    path("", include("api.urls")),
]

if settings.OIDC_ENABLED:
    urlpatterns.append(path("oidc/", include("mozilla_django_oidc.urls")))

handler404 = "api.fouten.niet_gevonden"
