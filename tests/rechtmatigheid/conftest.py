"""Small ledger builders for the rechtmatigheid tests (all records in one organisation)."""

from datetime import date, datetime, time
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from uitgaven.models import (
    Crediteur,
    Domein,
    Factuurregel,
    Inkoopcategorie,
    Inkooppakket,
    Kostenplaats,
)

AMS = ZoneInfo("Europe/Amsterdam")


class Grootboek:
    def __init__(self, organisatie):
        self.org = organisatie
        self.categorie = Inkoopcategorie.objects.create(organisatie=organisatie, code="1", naam="Categorie")
        domein = Domein.objects.create(organisatie=organisatie, naam="Bedrijfsvoering")
        self.kostenplaats = Kostenplaats.objects.create(organisatie=organisatie, code="KP01",
                                                        omschrijving="Facilitair", domein=domein)
        self._n = 0

    def pakket(self, code="01.01", soort="", naam=None):
        return Inkooppakket.objects.create(organisatie=self.org, code=code, naam=naam or f"Pakket {code}",
                                           categorie=self.categorie, soort=soort)

    def kostenplaats_(self, code):
        return Kostenplaats.objects.create(organisatie=self.org, code=code, omschrijving=code,
                                           domein=self.kostenplaats.domein)

    def crediteur(self, nummer, pakket=None, naam=None, **kw):
        return Crediteur.objects.create(organisatie=self.org, nummer=nummer, naam=naam or f"Leverancier {nummer}",
                                        inkooppakket=pakket, **kw)

    def regel(self, crediteur, bedrag, boekdatum=date(2024, 6, 1), factuurnummer=None, kostenplaats=None,
              volgnummer=1):
        self._n += 1
        return Factuurregel.objects.create(
            organisatie=self.org, boekjaar=boekdatum.year, boekdatum=boekdatum,
            factuurnummer=factuurnummer or f"F-{self._n:06d}", volgnummer=volgnummer, crediteur=crediteur,
            kostenplaats=kostenplaats or self.kostenplaats, bedrag=Decimal(bedrag))

    def contract(self, crediteur, *, startdatum, einddatum, waarde, opties="0", pakket=None, nummer=None, **kw):
        from contracten.models import Contract

        self._n += 1
        return Contract.objects.create(
            organisatie=self.org, nummer=nummer or f"C-{self._n:04d}", omschrijving=kw.pop("omschrijving", "Contract"),
            crediteur=crediteur, inkooppakket=pakket, waarde_totaal=Decimal(waarde),
            waarde_opties=Decimal(opties), startdatum=startdatum, einddatum=einddatum, **kw)

    def melding(self, budgethouder, *, ingediend_op, waarde, pakket=None, status="ingediend", soort="dienst",
                **kw):
        from meldingen.models import Inkoopmelding

        self._n += 1
        moment = datetime.combine(ingediend_op, time(10, 0), tzinfo=AMS) if ingediend_op else None
        return Inkoopmelding.objects.create(
            organisatie=self.org, nummer=f"2024-{self._n:04d}", omschrijving=f"Melding {self._n}", soort=soort,
            inkooppakket=pakket, budgethouder=budgethouder, status=status, ingediend_op=moment,
            prijsvorm="totaal", waarde_totaal=Decimal(waarde), geraamde_waarde=Decimal(waarde), **kw)


@pytest.fixture
def grootboek(organisatie):
    return Grootboek(organisatie)


def signalen_van(organisatie, jaar=2024, soort=None, peildatum=None):
    from rechtmatigheid.services import signalen_berekenen

    lijst = signalen_berekenen(organisatie=organisatie, jaar=jaar, peildatum=peildatum)
    return [s for s in lijst if soort is None or s.soort == soort]
