"""Permission expectations of the contracten URLs (see tests/permissies/__init__.py).

inkoper and controller see everything; a budgethouder sees their own contracts and their
afdeling's trajecten (the kwargs builders make the user the owner / give the traject the
user's afdeling, so the role is tested, not the object rule); only the inkoper changes things.
The Werkpakt register is readable for all and kept by inkoper and beheerder.
"""

from datetime import date
from decimal import Decimal

from django.utils import timezone

from . import ALLE_ROLLEN, PUBLIEK, Verwachting, rollen

LEZERS = rollen("budgethouder", "inkoper", "controller")
INKOPER = rollen("inkoper")
POST_TOEGESTAAN = frozenset({200, 302, 400})


def _traject(org, user):
    from contracten.models import Traject
    from inkoop.models import Lidmaatschap

    lid = Lidmaatschap.objects.get(gebruiker=user, organisatie=org)
    if not lid.afdeling:  # a budgethouder sees the trajecten of their afdeling
        lid.afdeling = "Wegen"
        lid.save(update_fields=["afdeling"])
    afdeling = lid.afdeling
    return Traject.objects.create(organisatie=org, nummer=f"T-{Traject.objects.count() + 1}", omschrijving="Asfalt",
                                  procedure="europees_openbaar", soort="werk", startdatum=date(2024, 1, 1),
                                  afdeling=afdeling)


def _contract(org, user):
    from contracten.models import Contract, SroiVerplichting

    c = Contract.objects.create(organisatie=org, nummer=f"C-{Contract.objects.count() + 1}", omschrijving="Onderhoud",
                                leverancier_naam="Wegenbouw B.V.", waarde_totaal=Decimal("200000"),
                                startdatum=date(2024, 1, 1), einddatum=date(2027, 12, 31), verlengingen_aantal=1,
                                verlenging_maanden=12, eigenaar=user)
    SroiVerplichting.objects.create(organisatie=org, contract=c, percentage=5, grondslag=Decimal("200000"),
                                    bedrag=Decimal("10000"))
    return c


def traject_kw(org, user):
    return {"pk": _traject(org, user).pk}


def contract_kw(org, user):
    return {"pk": _contract(org, user).pk}


def realisatie_kw(org, user):
    from contracten.models import SroiRealisatie

    c = _contract(org, user)
    r = SroiRealisatie.objects.create(organisatie=org, verplichting=c.sroi, datum=date(2024, 6, 1),
                                      bedrag=Decimal("1000"), wijze="plaatsing")
    return {"pk": c.pk, "rpk": r.pk}


def document_kw(org, user):
    from django.core.files.base import ContentFile

    from contracten.models import ContractDocument

    c = _contract(org, user)
    d = ContractDocument(organisatie=org, contract=c, naam="contract.pdf", grootte=4)
    d.bestand.save("contract.pdf", ContentFile(b"%PDF"), save=True)
    return {"pk": c.pk, "dpk": d.pk}


def inschrijving_kw(org, user):
    from contracten.models import Inschrijving

    t = _traject(org, user)
    i = Inschrijving.objects.create(organisatie=org, traject=t, naam="Wegenbouw B.V.", bedrag=Decimal("100000"))
    return {"pk": t.pk, "ipk": i.pk}


def uitnodiging_verwijderen_kw(org, user):
    from contracten.models import Uitnodiging

    t = _traject(org, user)
    u = Uitnodiging.objects.create(organisatie=org, traject=t, naam="Wegenbouw B.V.")
    return {"pk": t.pk, "soort": "uitnodiging", "opk": u.pk}


def klacht_kw(org, user):
    from contracten.models import Klacht

    t = _traject(org, user)
    k = Klacht.objects.create(organisatie=org, traject=t, ontvangen_op=date(2024, 5, 1), soort="procedure",
                              omschrijving="Weging onduidelijk")
    return {"pk": t.pk, "kpk": k.pk}


def bibob_kw(org, user):
    from contracten.models import BibobToets

    t = _traject(org, user)
    b = BibobToets.objects.create(organisatie=org, traject=t, betrokkene="Wegenbouw B.V.", branche="bouw",
                                  uitgevoerd_op=date(2024, 5, 1))
    return {"pk": t.pk, "bpk": b.pk}


def werkpakt_kw(org, user):
    from contracten.models import WerkpaktKeurmerkhouder

    h = WerkpaktKeurmerkhouder.objects.create(organisatie=org, naam=f"Werkgever {org.slug} {user.pk}",
                                              verleend_op=date(2024, 3, 1))
    return {"pk": h.pk}


def geaccepteerd_advies_kw(org, user):
    """An accepted single-quote advice on the user's melding: the default policy leaves its
    traject to the budget holder, every other procedure to the inkoper."""
    from adviezen.models import Advies
    from adviezen.services import advies_uitbrengen, concept_advies_maken_uitvoeren
    from meldingen.models import Inkoopmelding

    m = Inkoopmelding.objects.create(organisatie=org, budgethouder=user, aangemaakt_door=user, omschrijving="Maaien",
                                     soort="dienst", status="advies_uitgebracht", prijsvorm="totaal",
                                     waarde_totaal=Decimal("28000"), looptijd_maanden=12, branche="overig")
    advies = advies_uitbrengen(advies=concept_advies_maken_uitvoeren(melding_id=m.pk), door=user,
                               status_bijwerken=False, melden=False)
    Advies.objects.filter(pk=advies.pk).update(geaccepteerd_op=timezone.now(), geaccepteerd_door=user)
    return {"advies_pk": advies.pk}


def _post(rollen_, kwargs=None, data=None):
    return Verwachting(rollen_, kwargs=kwargs, methode="post", data=data or {}, toegestaan=POST_TOEGESTAAN)


VERWACHTINGEN = {
    "contracten:register": Verwachting(LEZERS),
    "contracten:register_importeren": Verwachting(INKOPER),
    "contracten:export": Verwachting(LEZERS),
    "contracten:contract_nieuw": Verwachting(INKOPER),
    "contracten:contract": Verwachting(LEZERS, kwargs=contract_kw),
    "contracten:contract_wijzigen": Verwachting(INKOPER, kwargs=contract_kw),
    "contracten:contract_historie": Verwachting(LEZERS, kwargs=contract_kw),
    "contracten:contract_verlenging": _post(INKOPER, contract_kw, {"actie": "niet"}),
    "contracten:sroi_verplichting": _post(INKOPER, contract_kw),
    "contracten:sroi_realisatie": _post(INKOPER, contract_kw),
    "contracten:sroi_realisatie_verwijderen": _post(INKOPER, realisatie_kw),
    "contracten:sroi_kandidaat": _post(INKOPER, contract_kw),
    "contracten:document_toevoegen": _post(INKOPER, contract_kw),
    "contracten:document_downloaden": Verwachting(LEZERS, kwargs=document_kw),
    "contracten:trajecten": Verwachting(LEZERS),
    "contracten:traject_nieuw": Verwachting(INKOPER),
    "contracten:traject_uit_advies": Verwachting(rollen("budgethouder", "inkoper"), kwargs=geaccepteerd_advies_kw),
    "contracten:traject": Verwachting(LEZERS, kwargs=traject_kw),
    "contracten:traject_wijzigen": Verwachting(INKOPER, kwargs=traject_kw),
    "contracten:traject_historie": Verwachting(LEZERS, kwargs=traject_kw),
    "contracten:traject_status": _post(INKOPER, traject_kw),
    "contracten:perceel_toevoegen": _post(INKOPER, traject_kw),
    "contracten:uitnodiging_toevoegen": _post(INKOPER, traject_kw),
    "contracten:inschrijving_toevoegen": _post(INKOPER, traject_kw),
    "contracten:gunnen": _post(INKOPER, inschrijving_kw),
    "contracten:traject_mvoi": Verwachting(INKOPER, kwargs=traject_kw),
    "contracten:bibob_toevoegen": _post(INKOPER, traject_kw),
    "contracten:klacht_toevoegen": _post(INKOPER, traject_kw),
    "contracten:klacht_wijzigen": Verwachting(INKOPER, kwargs=klacht_kw),
    "contracten:bibob_wijzigen": Verwachting(INKOPER, kwargs=bibob_kw),
    "contracten:onderdeel_verwijderen": _post(INKOPER, uitnodiging_verwijderen_kw),
    "contracten:kalender": Verwachting(LEZERS),
    "contracten:kalender_maand": Verwachting(LEZERS),
    "contracten:kalender_abonnement": Verwachting(LEZERS),
    # The feed is reached without a session; its secret URL is the credential
    # (tests/contracten/test_kalender_ical.py covers wrong, renewed and revoked secrets).
    "contracten:kalender_ical": PUBLIEK,
    "contracten:werkpakt": Verwachting(ALLE_ROLLEN),
    "contracten:werkpakt_nieuw": Verwachting(rollen("inkoper", "beheerder")),
    "contracten:werkpakt_wijzigen": Verwachting(rollen("inkoper", "beheerder"), kwargs=werkpakt_kw),
    "contracten:zelfevaluatie": Verwachting(rollen("inkoper", "controller")),
}
