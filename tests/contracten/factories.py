"""Small builders for contracten tests (records always within one organisation)."""

from datetime import date
from decimal import Decimal

from contracten.models import Contract, MvoiThema, MvoiToepassing, Perceel, Traject
from uitgaven.models import Crediteur


def traject(org, *, nummer=None, procedure="europees_openbaar", soort="levering", status="afgerond",
            startdatum=date(2024, 1, 10), afgerond_op=date(2024, 6, 1), begeleid=True, verbonden_partij="",
            gegunde_waarde=None, geraamde_waarde=Decimal("500000"), **kw):
    n = Traject.objects.filter(organisatie=org).count() + 1
    publicatie = kw.pop("publicatiedatum", startdatum if status in ("lopend", "afgerond") else None)
    return Traject.objects.create(
        organisatie=org, nummer=nummer or f"T-{n:04d}", omschrijving=kw.pop("omschrijving", f"Traject {n}"),
        procedure=procedure, soort=soort, status=status, startdatum=startdatum, publicatiedatum=publicatie,
        afgerond_op=afgerond_op if status == "afgerond" else None, begeleid_door_inkoop=begeleid,
        verbonden_partij=verbonden_partij, gegunde_waarde=gegunde_waarde, geraamde_waarde=geraamde_waarde, **kw)


def perceel(t, nummer, waarde, gegund=None):
    return Perceel.objects.create(organisatie=t.organisatie, traject=t, nummer=nummer, naam=f"Perceel {nummer}",
                                  geraamde_waarde=Decimal(waarde), gegunde_waarde=None if gegund is None else Decimal(gegund))


def mvoi(t, thema, *, perceel=None, minimumeis=False, gunning=False, contract=False, reden=""):
    return MvoiToepassing.objects.create(
        organisatie=t.organisatie, traject=t, perceel=perceel, thema=thema, als_minimumeis=minimumeis,
        als_gunningscriterium=gunning, als_contractvoorwaarde=contract,
        reden_niet_toegepast=reden or ("" if (minimumeis or gunning or contract) else "Niet relevant"))


def alle_themas_niet(t, perceel=None):
    for thema in MvoiThema:
        mvoi(t, thema.value, perceel=perceel)


def crediteur(org, nummer="100001", naam="Bouwbedrijf Twente B.V."):
    return Crediteur.objects.get_or_create(organisatie=org, nummer=nummer, defaults={"naam": naam})[0]


def contract(org, *, startdatum=date(2024, 1, 1), einddatum=date(2025, 12, 31), waarde=Decimal("100000"), **kw):
    from contracten.services import afgeleide_termijnen

    n = Contract.objects.filter(organisatie=org).count() + 1
    c = Contract(organisatie=org, nummer=kw.pop("nummer", f"C-{n:04d}"), omschrijving=kw.pop("omschrijving", f"Contract {n}"),
                 crediteur=kw.pop("crediteur", None) or crediteur(org), waarde_totaal=Decimal(waarde),
                 startdatum=startdatum, einddatum=einddatum, **kw)
    afgeleide_termijnen(c)
    c.save()
    return c
