from django.core.files.base import ContentFile

from . import Verwachting, rollen

LEZERS = rollen("inkoper", "controller")


def _versie(org, gebruiker):
    from jaarverslag.models import Rapportversie

    versie = Rapportversie.objects.create(organisatie=org, jaar=2024, status=Rapportversie.Status.KLAAR,
                                          gestart_door=gebruiker)
    versie.json.save("matrix.json", ContentFile(b"{}"), save=True)
    return {"pk": versie.pk}


def _mislukt(org, gebruiker):
    from jaarverslag.models import Rapportversie

    versie = Rapportversie.objects.create(organisatie=org, jaar=2024, status=Rapportversie.Status.MISLUKT,
                                          gestart_door=gebruiker, fout="Afgebroken")
    return {"pk": versie.pk}


def _download(org, gebruiker):
    return {**_versie(org, gebruiker), "soort": "json"}


VERWACHTINGEN = {
    "jaarverslag:overzicht": Verwachting(LEZERS),
    "jaarverslag:genereren": Verwachting(LEZERS, methode="post"),
    "jaarverslag:voortgang": Verwachting(LEZERS, kwargs=_versie),
    "jaarverslag:download": Verwachting(LEZERS, kwargs=_download),
    "jaarverslag:publiceren": Verwachting(rollen("controller"), kwargs=_versie, methode="post"),
    "jaarverslag:opnieuw": Verwachting(LEZERS, kwargs=_mislukt, methode="post"),
    "jaarverslag:export_xlsx": Verwachting(LEZERS),
    "jaarverslag:export_json": Verwachting(LEZERS),
    "jaarverslag:tekst": Verwachting(rollen("inkoper")),
    "jaarverslag:dashboard": Verwachting(LEZERS),
    "jaarverslag:instelling": Verwachting(rollen("inkoper"), methode="post"),
}
