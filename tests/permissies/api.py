"""The REST API: the same roles as the web pages that do the same thing (session login here;
tokens act with the same rules, tests/api/test_organisaties_en_rollen.py)."""

from datetime import date
from decimal import Decimal

from django.utils import timezone

from . import ALLE_ROLLEN, PUBLIEK, Verwachting, rollen
from .contracten import traject_kw

INKOPER_CONTROLLER = rollen("inkoper", "controller")
ZIEN_CONTRACTEN = rollen("budgethouder", "inkoper", "controller")
# The matrix posts a form without data: the API answers 415 (it takes JSON), 400 or the action.
FOUT_OF_GOED = frozenset({200, 201, 202, 400, 409, 415})


def _melding(org, user):
    from tests.meldingen.factories import MeldingFactory

    # The budget holder's own melding (as concept: it may be submitted); others see it by role.
    return {"pk": MeldingFactory(organisatie=org, budgethouder=user).pk}


def _advies(org, user):
    from adviezen.models import Advies
    from tests.meldingen.factories import MeldingFactory

    m = MeldingFactory(organisatie=org, budgethouder=user, ingediend=True)
    return {"pk": Advies.objects.create(organisatie=org, melding=m, peildatum=date(2025, 1, 1),
                                        status="uitgebracht").pk}


def _contract(org, user):
    from tests.contracten.factories import contract

    return {"pk": contract(org, eigenaar=user).pk}


def _crediteur(org, user):
    from tests.contracten.factories import crediteur

    return {"pk": crediteur(org).pk}


def _pakket(org, user):
    from tests.meldingen.factories import InkooppakketFactory

    return {"pk": InkooppakketFactory(organisatie=org).pk}


def _run(org, user):
    from uitgaven.models import Importrun

    return {"pk": Importrun.objects.create(organisatie=org, status="geslaagd").pk}


def _signaal(org, user):
    from rechtmatigheid.models import Signaal

    return {"pk": Signaal.objects.create(organisatie=org, jaar=2024, soort="leverancier_zonder_pakket",
                                         sleutel=f"x:{user.pk}", bedrag=Decimal("16000"), toelichting="Test.",
                                         berekend_op=timezone.now()).pk}


def _token(org, user):
    from api.services import token_maken

    return {"pk": token_maken(gebruiker=user, organisatie=org, naam="matrix")[0].pk}


VERWACHTINGEN = {
    "api:schema": PUBLIEK,
    "api:docs": PUBLIEK,
    "api:tokens": Verwachting(ALLE_ROLLEN),
    "api:token_intrekken": Verwachting(ALLE_ROLLEN, kwargs=_token, methode="post"),
    "api:melding-list": Verwachting(ZIEN_CONTRACTEN),
    "api:melding-detail": Verwachting(ZIEN_CONTRACTEN, kwargs=_melding),
    "api:melding-indienen": Verwachting(rollen("budgethouder", "inkoper"), kwargs=_melding, methode="post",
                                        toegestaan=FOUT_OF_GOED),
    "api:advies-list": Verwachting(ZIEN_CONTRACTEN),
    "api:advies-detail": Verwachting(ZIEN_CONTRACTEN, kwargs=_advies),
    "api:advies-voorbeeld": Verwachting(rollen("budgethouder", "inkoper"), methode="post", toegestaan=FOUT_OF_GOED),
    "api:traject-list": Verwachting(ZIEN_CONTRACTEN),
    "api:traject-detail": Verwachting(ZIEN_CONTRACTEN, kwargs=traject_kw),
    "api:contract-list": Verwachting(ZIEN_CONTRACTEN),
    "api:contract-detail": Verwachting(ZIEN_CONTRACTEN, kwargs=_contract),
    "api:crediteur-list": Verwachting(INKOPER_CONTROLLER),
    "api:crediteur-detail": Verwachting(INKOPER_CONTROLLER, kwargs=_crediteur),
    "api:inkooppakket-list": Verwachting(rollen("inkoper", "beheerder")),
    "api:inkooppakket-detail": Verwachting(rollen("inkoper", "beheerder"), kwargs=_pakket),
    "api:import-list": Verwachting(rollen("controller")),
    "api:import-detail": Verwachting(rollen("controller"), kwargs=_run),
    "api:signaal-list": Verwachting(INKOPER_CONTROLLER),
    "api:signaal-detail": Verwachting(INKOPER_CONTROLLER, kwargs=_signaal),
    "api:signaal-beoordelen": Verwachting(rollen("controller"), kwargs=_signaal, methode="post",
                                          toegestaan=FOUT_OF_GOED),
    "api:jaarverslag": Verwachting(INKOPER_CONTROLLER, kwargs=lambda org, user: {"jaar": 2024},
                                   toegestaan=frozenset({200, 404})),
    "api:ocds": Verwachting(INKOPER_CONTROLLER, kwargs=lambda org, user: {"jaar": 2024},
                            toegestaan=frozenset({200, 404})),
}
