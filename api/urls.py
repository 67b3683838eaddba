from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import SimpleRouter

from . import pagina, views

app_name = "api"

router = SimpleRouter(trailing_slash=True)
router.register("meldingen", views.MeldingViewSet, basename="melding")
router.register("adviezen", views.AdviesViewSet, basename="advies")
router.register("trajecten", views.TrajectViewSet, basename="traject")
router.register("contracten", views.ContractViewSet, basename="contract")
router.register("crediteuren", views.CrediteurViewSet, basename="crediteur")
router.register("inkooppakketten", views.InkooppakketViewSet, basename="inkooppakket")
router.register("importen", views.ImportViewSet, basename="import")
router.register("signalen", views.SignaalViewSet, basename="signaal")

urlpatterns = [
    path("api/v1/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/v1/docs/", SpectacularSwaggerSplitView.as_view(url_name="api:schema"), name="docs"),
    path("api/v1/advies/", views.AdviesVoorbeeld.as_view(), name="advies-voorbeeld"),
    path("api/v1/jaarverslag/<int:jaar>/", views.JaarverslagView.as_view(), name="jaarverslag"),
    path("api/v1/ocds/<int:jaar>", views.OcdsView.as_view(), name="ocds"),
    path("api/v1/", include(router.urls)),
    # The page where a person makes and revokes their own tokens.
    path("api-sleutels/", pagina.tokens, name="tokens"),
    path("api-sleutels/<int:pk>/intrekken/", pagina.intrekken, name="token_intrekken"),
]
