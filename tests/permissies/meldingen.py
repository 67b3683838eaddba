"""Permission expectations of the meldingen app (see tests/permissies/__init__.py)."""

from django.core.files.base import ContentFile
from django.utils import timezone

from . import ALLE_ROLLEN, Verwachting, rollen


def _melding(org, user, status="concept"):
    from meldingen.models import Inkoopmelding

    m = Inkoopmelding.objects.create(organisatie=org, budgethouder=user, aangemaakt_door=user,
                                     omschrijving="Onderhoud groen", soort="dienst", status=status)
    if status != "concept":
        Inkoopmelding.objects.filter(pk=m.pk).update(ingediend_op=timezone.now(), nummer=f"2026-{m.pk:04d}")
    return m


def melding_concept(org, user):
    return {"pk": _melding(org, user).pk}


def melding_ingediend(org, user):
    return {"pk": _melding(org, user, "ingediend").pk}


def vraag(org, user):
    from meldingen.models import Vraag

    return {"pk": Vraag.objects.create(melding=_melding(org, user, "ingediend"), tekst="Welke looptijd?").pk}


def bijlage(org, user):
    from meldingen.models import Bijlage

    m = _melding(org, user)
    b = Bijlage.objects.create(organisatie=org, melding=m, naam="pve.pdf", inhoudstype="application/pdf",
                               grootte=9, bestand=ContentFile(b"%PDF-1.4\n", name="pve.pdf"))
    return {"pk": b.pk}


def notificatie(org, user):
    from inkoop.models import Notificatie

    return {"pk": Notificatie.objects.create(organisatie=org, ontvanger=user, onderwerp="Test", url="/").pk}


MELDERS = rollen("budgethouder", "inkoper")
LEZERS = rollen("budgethouder", "inkoper", "controller")

VERWACHTINGEN = {
    "meldingen:begin": Verwachting(MELDERS),
    "meldingen:mijn": Verwachting(rollen("budgethouder")),
    "meldingen:nieuw": Verwachting(MELDERS),
    "meldingen:werkvoorraad": Verwachting(rollen("inkoper")),
    "meldingen:raming": Verwachting(MELDERS, methode="post", data={"prijsvorm": "totaal", "waarde_totaal": "30.000"}),
    "meldingen:detail": Verwachting(LEZERS, kwargs=melding_concept),
    "meldingen:bewerken": Verwachting(MELDERS, kwargs=melding_concept),
    "meldingen:indienen": Verwachting(MELDERS, kwargs=melding_concept, methode="post"),
    # Its owner: the budget holder it is for, or the inkoper who typed it in (both are `user` here).
    "meldingen:verwijderen": Verwachting(MELDERS, kwargs=melding_concept),
    "meldingen:status": Verwachting(MELDERS, kwargs=melding_concept, methode="post",
                                    data={"naar": "ingetrokken", "toelichting": "Niet meer nodig."}),
    "meldingen:toewijzen": Verwachting(rollen("inkoper"), kwargs=melding_ingediend, methode="post"),
    "meldingen:vraag": Verwachting(rollen("inkoper"), kwargs=melding_ingediend, methode="post",
                                   data={"tekst": "Is er een bestaand contract?"}),
    "meldingen:bijlagen": Verwachting(MELDERS, kwargs=melding_ingediend, methode="post"),
    "meldingen:antwoord": Verwachting(MELDERS, kwargs=vraag, methode="post", data={"antwoord": "24 maanden."}),
    "meldingen:bijlage": Verwachting(LEZERS, kwargs=bijlage),
    "meldingen:bijlage_verwijderen": Verwachting(MELDERS, kwargs=bijlage, methode="post"),
    "meldingen:notificatie": Verwachting(ALLE_ROLLEN, kwargs=notificatie),
    "meldingen:notificaties_gelezen": Verwachting(ALLE_ROLLEN, methode="post"),
}
