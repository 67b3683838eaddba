"""Permission expectations of the adviezen app (see tests/permissies/__init__.py)."""

from decimal import Decimal

from django.utils import timezone

from . import Verwachting, rollen


def _melding(org, user):
    from meldingen.models import Inkoopmelding

    m = Inkoopmelding.objects.create(organisatie=org, budgethouder=user, aangemaakt_door=user, omschrijving="Maaien",
                                     soort="dienst", status="ingediend", prijsvorm="totaal",
                                     waarde_totaal=Decimal("80000"), looptijd_maanden=24, branche="overig",
                                     ingediend_op=timezone.now())
    Inkoopmelding.objects.filter(pk=m.pk).update(nummer=f"2026-{m.pk:04d}")
    m.refresh_from_db()
    return m


def _concept(org, user):
    from adviezen.services import concept_advies_maken_uitvoeren

    return concept_advies_maken_uitvoeren(melding_id=_melding(org, user).pk)


def _uitgebracht(org, user):
    from adviezen.services import advies_uitbrengen

    return advies_uitbrengen(advies=_concept(org, user), door=user, status_bijwerken=False, melden=False)


def advies_concept(org, user):
    return {"pk": _concept(org, user).pk}


def advies_uitgebracht(org, user):
    return {"pk": _uitgebracht(org, user).pk}


def vraag(org, user):
    from adviezen.models import AdviesVraag

    a = _uitgebracht(org, user)
    return {"pk": AdviesVraag.objects.create(organisatie=org, advies=a, tekst="Waarom meervoudig?", gesteld_door=user).pk}


def melding_ingediend(org, user):
    return {"pk": _melding(org, user).pk}


def beleid_eigen(org, user):
    from adviezen.engine import STANDAARDBELEID
    from beleid.services import beleid_versie_opslaan

    b = beleid_versie_opslaan(organisatie=org, gegevens=STANDAARDBELEID, geldig_vanaf="2024-01-01",
                              toelichting="Eigen beleid", door=user)
    return {"pk": b.pk}


INKOPER = rollen("inkoper")
LEZERS = rollen("budgethouder", "inkoper", "controller")

VERWACHTINGEN = {
    "adviezen:overzicht": Verwachting(rollen("inkoper", "controller")),
    "adviezen:advies": Verwachting(LEZERS, kwargs=advies_uitgebracht),
    "adviezen:bewerken": Verwachting(INKOPER, kwargs=advies_concept),
    "adviezen:herberekenen": Verwachting(INKOPER, kwargs=advies_concept, methode="post"),
    "adviezen:uitbrengen": Verwachting(INKOPER, kwargs=advies_concept, methode="post"),
    "adviezen:nieuwe_versie": Verwachting(INKOPER, kwargs=advies_uitgebracht, methode="post"),
    "adviezen:accepteren": Verwachting(rollen("budgethouder"), kwargs=advies_uitgebracht, methode="post"),
    "adviezen:vraag": Verwachting(rollen("budgethouder"), kwargs=advies_uitgebracht, methode="post",
                                  data={"tekst": "Waarom niet enkelvoudig?"}),
    "adviezen:brief": Verwachting(LEZERS, kwargs=advies_uitgebracht),
    "adviezen:antwoord": Verwachting(INKOPER, kwargs=vraag, methode="post", data={"antwoord": "Vanwege de waarde."}),
    "adviezen:concept_maken": Verwachting(INKOPER, kwargs=melding_ingediend, methode="post"),
    "adviezen:beleid": Verwachting(rollen("beheerder")),
    "adviezen:beleid_wijzigen": Verwachting(rollen("beheerder")),
    "adviezen:beleid_versie": Verwachting(rollen("beheerder"), kwargs=beleid_eigen),
}
