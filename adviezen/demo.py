"""Demo data of the adviezen app (python manage.py demo, interfaces.md §4). Idempotent.

The default policy comes with `migrate` (data migration); it is only restored here if missing.
The demo runs adviezen before meldingen (the order of the arrows), so on a first run there are no
meldingen yet: meldingen.demo issues their advice itself through
`adviezen.services.uitgebracht_advies_verzekeren`. On a second run this module makes sure every
melding that is past "advies uitgebracht" has an issued advice, and every open one a draft.
"""

from beleid.services import standaardbeleid_verzekeren

from .services import concept_advies_maken_uitvoeren, uitgebracht_advies_verzekeren

NA_ADVIES = ("advies_uitgebracht", "traject_gestart", "gegund", "afgerond")


def laad(organisatie, *, stdout=None):
    from inkoop.models import Lidmaatschap, Rol
    from meldingen.models import Inkoopmelding

    standaardbeleid_verzekeren()
    inkoper = (Lidmaatschap.objects.filter(organisatie=organisatie, rol=Rol.INKOPER)
               .select_related("gebruiker").order_by("gebruiker__username").first())
    door = inkoper.gebruiker if inkoper else None
    uitgebracht = concepten = 0
    meldingen = Inkoopmelding.objects.filter(organisatie=organisatie).select_related("inkoper", "organisatie")
    for melding in meldingen.filter(status__in=NA_ADVIES).exclude(adviezen__status="uitgebracht"):
        if uitgebracht_advies_verzekeren(melding=melding, door=melding.inkoper or door):
            uitgebracht += 1
    for melding in meldingen.filter(status__in=("ingediend", "in_behandeling"), adviezen__isnull=True):
        if concept_advies_maken_uitvoeren(melding_id=melding.pk):
            concepten += 1
    if stdout is not None:
        stdout.write(f"Adviezen: standaardbeleid aanwezig; {uitgebracht} uitgebrachte en {concepten} conceptadviezen "
                     "aangevuld.")
