from decimal import Decimal

from django.utils import timezone

from . import Verwachting, rollen

LEZERS = rollen("controller", "inkoper")


def _signaal(org, user):
    from rechtmatigheid.models import Signaal

    s = Signaal.objects.create(organisatie=org, jaar=2024, soort="leverancier_zonder_pakket",
                               sleutel=f"leverancier_zonder_pakket:{user.pk}", crediteurnummer="100001",
                               bedrag=Decimal("16000.00"), drempel=Decimal("15000.00"),
                               toelichting="Test.", berekend_op=timezone.now())
    return {"pk": s.pk}


def _steekproef(org, user):
    from rechtmatigheid.models import Steekproef

    sp = Steekproef.objects.create(organisatie=org, jaar=2024, omvang=1, zaad="1", methode="Test.",
                                   populatie_aantal=1, populatie_bedrag=Decimal("1.00"), populatie_kenmerk="x")
    return {"pk": sp.pk}


VERWACHTINGEN = {
    "rechtmatigheid:signalen": Verwachting(LEZERS),
    "rechtmatigheid:signalen_berekenen": Verwachting(rollen("controller"), methode="post",
                                                     toegestaan=frozenset({302, 400})),
    "rechtmatigheid:signalen_export": Verwachting(LEZERS),
    "rechtmatigheid:signaal": Verwachting(LEZERS, kwargs=_signaal),
    "rechtmatigheid:steekproeven": Verwachting(LEZERS),
    "rechtmatigheid:steekproef_trekken": Verwachting(rollen("controller"), methode="post",
                                                     toegestaan=frozenset({302, 400})),
    "rechtmatigheid:steekproef": Verwachting(LEZERS, kwargs=_steekproef),
    "rechtmatigheid:steekproef_export": Verwachting(LEZERS, kwargs=_steekproef),
    "rechtmatigheid:ocds_export": Verwachting(LEZERS),
    "rechtmatigheid:signalen_bulk": Verwachting(rollen("controller"), methode="post", toegestaan=frozenset({302})),
    "rechtmatigheid:verantwoording": Verwachting(LEZERS),
    "rechtmatigheid:vooruitblik": Verwachting(rollen("controller", "inkoper", "budgethouder")),
}
